"""Benchmark: build throughput, index size, memory, latency and accuracy as the
corpus grows, with the naive baseline measured on the same corpora in the same run.

    assistant bench --sizes 100,1000 --search-only-sizes 10000

Writes bench-results.json and bench-results.md into --out-dir."""

from __future__ import annotations

import json
import os
import shutil
import platform
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = ROOT / "assistant" / "data" / "reports"
SHARED = ROOT.parent / "shared" / "corpus"
SEED_QUESTIONS = ROOT / "eval" / "questions" / "seeds.jsonl"


def percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {"p50": 0.0, "p95": 0.0, "p99": 0.0}
    return {f"p{p}": round(float(np.percentile(values, p)), 2) for p in (50, 95, 99)}


def dir_size_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6, 2)


def loaded_index_memory_mb(index_dir: Path) -> float:
    """Resident memory added by loading the index (FAISS, BM25, chunks, texts), in a
    fresh process without the embedding model."""
    code = (
        "import gc, sys\n"
        "def rss():\n"
        "    return int(open('/proc/self/statm').read().split()[1]) * 4096 / 1e6\n"
        "import numpy, faiss, bm25s, index.store as s\n"
        "before = rss()\n"
        f"i = s.Index.load({str(Path(index_dir).resolve())!r}); i.dense; i.bm25; gc.collect()\n"
        "print(round(rss() - before, 1))\n"
    )
    # runs from any directory: the index path is absolute and the package is found where this file is
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def time_calls(fn, items) -> list[float]:
    times = []
    for item in items:
        t = time.perf_counter()
        fn(item)
        times.append((time.perf_counter() - t) * 1000)
    return times


ENCODING_QUERIES = ["荔湾区预算执行率是多少", "花都区老干部局2023年项目支出占比多少", "海淀区住建委22年公用经费多少？占比呢？",
                    "人社局机关运行经费跟上年比是涨了还是跌了", "那个河道整治项目结余了多少", "这几个街道谁的政府采购最多"] * 5


def encoding_speed(embedder, texts: list[str], queries: list[str]) -> dict:
    """Passages/s and ms per question for the default runtime and for sentence-transformers
    on torch fp32, on the same real passages, with the smallest cosine between their vectors."""
    from index.embed import Embedder

    out = {"mean_chars": round(float(np.mean([len(x) for x in texts])), 1)}
    runtimes = [embedder] + ([Embedder(embedder.name, runtime="torch")] if embedder.runtime != "torch-fp32" else [])
    vectors = []
    for e in runtimes:
        e.encode_passages(texts[:8])  # warm
        t = time.perf_counter()
        vectors.append(e.encode_passages(texts))
        out[f"{e.runtime}_passages_per_s"] = round(len(texts) / (time.perf_counter() - t), 2)
        out[f"{e.runtime}_query_ms"] = round(float(np.median(time_calls(e.encode_query, queries))), 2)
    if len(vectors) == 2:
        out["min_cosine_to_torch_fp32"] = round(float(np.min(np.sum(vectors[0] * vectors[1], axis=1))), 6)
    return out


def bench_size(n: int, work: Path, embedder, seed: int) -> dict:
    from assistant import Assistant
    from index.build import build_index
    from index.chunk import chunk_document
    from index.document import load_documents
    from index.store import build_bm25, build_dense

    from .baseline import NaiveBaseline
    from .run import evaluate, read_questions
    from .synthetic import generated_questions, make_corpus

    size_started = time.perf_counter()
    corpus = work / f"corpus-{n}"
    sources = [SEEDS_DIR] + ([SHARED / "dev" / "docs"] if (SHARED / "dev" / "docs").exists() else [])
    truth = make_corpus(n, corpus, sources, sorted(SEEDS_DIR.glob("*.txt")), seed)
    index_dir = work / f"index-{n}"
    result: dict = {"reports": n}

    t = time.perf_counter()
    report = build_index([corpus], index_dir, embedder=embedder)
    result["build_seconds"] = round(time.perf_counter() - t, 1)
    result["chunks"] = report.chunks
    result["build_chunks_per_s"] = round(report.chunks / result["build_seconds"], 2)

    t = time.perf_counter()
    docs = load_documents([corpus]).documents
    chunks = [c for d in docs for c in chunk_document(d)]
    assistant = Assistant.load(index_dir)
    build_bm25([c.embed_text for c in chunks])
    build_dense(assistant.index.vectors, assistant.index.settings)
    result["build_without_embedding_chunks_per_s"] = round(len(chunks) / (time.perf_counter() - t), 1)
    result["index_mb_on_disk"] = dir_size_mb(index_dir)
    result["loaded_index_rss_mb"] = loaded_index_memory_mb(index_dir)

    questions = read_questions(SEED_QUESTIONS)
    texts = [q["question"] for q in questions if not q.get("history")]
    retriever = assistant.answerer.retriever
    n = retriever.settings.candidates
    latency = {
        "bm25": percentiles(time_calls(lambda q: retriever.bm25_ranking(q, None, n), texts)),
        "dense": percentiles(time_calls(lambda q: retriever.dense_ranking(q, None, n), texts)),
        "hybrid": percentiles(time_calls(lambda q: retriever.retrieve(q), texts)),
    }
    latency["ask"] = percentiles(time_calls(lambda q: assistant.ask(q), texts))
    result["latency_ms"] = latency

    ours = evaluate("ours", lambda q, h: assistant.ask(q, history=h).to_dict(), questions)
    generated = generated_questions(truth, 40, seed)
    ours_generated = evaluate("ours", lambda q, h: assistant.ask(q, history=h).to_dict(), generated) if generated else None
    result["ours"] = {"seed_accuracy": round(ours.accuracy, 3), "seed_refusal": ours.refusal,
                      "generated_accuracy": round(ours_generated.accuracy, 3) if ours_generated else None,
                      "ask_p50_ms": ours.p50_ms, "ask_p95_ms": ours.p95_ms}

    t = time.perf_counter()
    naive = NaiveBaseline(load_documents([corpus]), embedder)
    naive_build = time.perf_counter() - t
    base = evaluate("naive", naive.ask, questions)
    base_generated = evaluate("naive", naive.ask, generated) if generated else None
    result["baseline"] = {"seed_accuracy": round(base.accuracy, 3), "seed_refusal": base.refusal,
                          "generated_accuracy": round(base_generated.accuracy, 3) if base_generated else None,
                          "ask_p50_ms": base.p50_ms, "ask_p95_ms": base.p95_ms,
                          "build_seconds": round(naive_build, 1), "chunks": len(naive.passages)}
    result["wall_seconds"] = round(time.perf_counter() - size_started, 1)
    return result


def bench_search_only(n_reports: int, work: Path, base_index_dir: Path, embedder, seed: int) -> dict:
    """Search latency and memory at a size too large to embed here: vectors are
    real chunk embeddings perturbed with noise and renormalized."""
    import faiss

    from index.config import Settings
    from index.store import Index, build_bm25, build_dense

    base = Index.load(base_index_dir)
    rng = np.random.default_rng(seed)
    per_report = max(1, len(base.chunks) // max(1, len(base.documents)))
    total = n_reports * per_report
    picks = rng.integers(0, len(base.chunks), size=total)
    vectors = base.vectors[picks] + rng.normal(0, 0.02, size=(total, base.dim)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    texts = [base.chunks[i].embed_text for i in picks]
    settings = Settings()
    t = time.perf_counter()
    dense = build_dense(vectors.astype(np.float32), settings)
    dense_build = time.perf_counter() - t
    t = time.perf_counter()
    bm25 = build_bm25(texts)
    bm25_build = time.perf_counter() - t
    queries = [json.loads(l)["question"] for l in open(SEED_QUESTIONS, encoding="utf-8")]
    qvecs = [embedder.encode_query(q) for q in queries]
    dense_ms = time_calls(lambda v: dense.search(v[None, :], 30), qvecs)
    exact = faiss.IndexFlatIP(base.dim)
    exact.add(vectors.astype(np.float32))
    recall = []
    for v in qvecs[:30]:
        _, a = dense.search(v[None, :], 10)
        _, b = exact.search(v[None, :], 10)
        recall.append(len(set(a[0]) & set(b[0])) / 10)
    from index.terms import terms

    bm25_ms = time_calls(lambda q: bm25.get_scores([t for t in terms(q) if t in bm25.vocab_dict]), queries)
    mem = (vectors.nbytes + (dense.ntotal * base.dim * 4 if isinstance(dense, faiss.IndexFlat) else vectors.nbytes * 1.3)) / 1e6
    return {"reports": n_reports, "chunks": total, "dense_index": type(dense).__name__,
            "dense_build_s": round(dense_build, 1), "bm25_build_s": round(bm25_build, 1),
            "dense_search_ms": percentiles(dense_ms), "bm25_search_ms": percentiles(bm25_ms),
            "approx_recall_at_10_vs_exact": round(float(np.mean(recall)), 3),
            "vectors_and_dense_index_mb": round(mem, 1),
            "note": "vectors are real chunk embeddings perturbed with N(0, 0.02) noise and renormalized"}


def to_markdown(results: dict) -> str:
    m = results["machine"]
    lines = [f"Machine: {m['cpus']} CPUs, {m['python']}, {m['platform']}; command: `{results['command']}`; "
             f"wall time {results['wall_seconds']:.0f} s.", "",
             "| reports | chunks | build s | chunks/s (embed) | chunks/s (no embed) | disk MB | RSS MB | "
             "bm25 p50/p95 ms | dense p50/p95 ms | hybrid p50/p95 ms | ask p50/p95/p99 ms | seed acc (ours / naive) | "
             "generated acc (ours / naive) | naive ask p50 ms |",
             "|" + "---|" * 14]
    for r in results["sizes"]:
        lat = r["latency_ms"]
        lines.append(
            f"| {r['reports']} | {r['chunks']} | {r['build_seconds']} | {r['build_chunks_per_s']} | "
            f"{r['build_without_embedding_chunks_per_s']} | {r['index_mb_on_disk']} | {r['loaded_index_rss_mb']} | "
            f"{lat['bm25']['p50']}/{lat['bm25']['p95']} | {lat['dense']['p50']}/{lat['dense']['p95']} | "
            f"{lat['hybrid']['p50']}/{lat['hybrid']['p95']} | {lat['ask']['p50']}/{lat['ask']['p95']}/{lat['ask']['p99']} | "
            f"{r['ours']['seed_accuracy']} / {r['baseline']['seed_accuracy']} | "
            f"{r['ours']['generated_accuracy']} / {r['baseline']['generated_accuracy']} | {r['baseline']['ask_p50_ms']:.1f} |")
    if results.get("search_only"):
        lines += ["", "Search only (vectors: real embeddings perturbed with noise, renormalized):", "",
                  "| reports | chunks | dense index | dense p50/p95 ms | bm25 p50/p95 ms | recall@10 vs exact | vectors+index MB |",
                  "|---|---|---|---|---|---|---|"]
        for s in results["search_only"]:
            lines.append(f"| {s['reports']} | {s['chunks']} | {s['dense_index']} | {s['dense_search_ms']['p50']}/{s['dense_search_ms']['p95']} | "
                         f"{s['bm25_search_ms']['p50']}/{s['bm25_search_ms']['p95']} | {s['approx_recall_at_10_vs_exact']} | "
                         f"{s['vectors_and_dense_index_mb']} |")
    if results.get("encoding"):
        e = results["encoding"]
        runs = "; ".join(f"{k[: -len('_passages_per_s')]} {v} passages/s, {e[k[: -len('_passages_per_s')] + '_query_ms']} ms "
                         "per question" for k, v in e.items() if k.endswith("_passages_per_s"))
        cosine = f" (min cosine between them {e['min_cosine_to_torch_fp32']})" if "min_cosine_to_torch_fp32" in e else ""
        lines += ["", f"Encoding ({e['mean_chars']} chars/passage): {runs}{cosine}."]
    return "\n".join(lines)


def main(args) -> int:
    from index.embed import shared_embedder

    started = time.perf_counter()
    out_dir = Path(args.out_dir)
    work = out_dir / "work"
    shutil.rmtree(work, ignore_errors=True)  # a build from scratch: an earlier run's vectors would be reused
    work.mkdir(parents=True, exist_ok=True)
    embedder = shared_embedder()
    sizes = [int(s) for s in str(args.sizes).split(",") if s.strip()]
    results: dict = {
        "command": "assistant bench " + " ".join(sys.argv[2:]) if len(sys.argv) > 2 else "assistant bench",
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "sizes": [],
    }
    for n in sizes:
        print(f"bench: {n} reports…", flush=True)
        results["sizes"].append(bench_size(n, work, embedder, args.seed))
    if sizes:
        from index.store import Index

        sample = Index.load(work / f"index-{sizes[0]}")
        texts = [c.embed_text for c in sample.chunks[:120]]
        results["encoding"] = encoding_speed(embedder, texts, ENCODING_QUERIES)
    search_sizes = [int(s) for s in str(args.search_only_sizes).split(",") if s.strip()]
    if search_sizes and sizes:
        results["search_only"] = [bench_search_only(n, work, work / f"index-{sizes[-1]}", embedder, args.seed) for n in search_sizes]
    results["wall_seconds"] = round(time.perf_counter() - started, 1)
    (out_dir / "bench-results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1))
    table = to_markdown(results)
    (out_dir / "bench-results.md").write_text(table + "\n")
    print(table)
    return 0
