"""Evidence hit@k of the retrieval stage alone, for dense-only, BM25-only and
hybrid rankings over the same index, with the same report filters."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from assistant.retrieve import Retriever
from assistant.route import Router
from index.embed import shared_embedder
from index.store import Index

from .scoring import HIT_COVERAGE, as_list, covers

MODES = {"dense": (1.0, 0.0), "bm25": (0.0, 1.0), "hybrid": None}  # None: the index's configured weights


def retrieval_hits(index: Index, questions: list[dict], k: int = 5) -> dict[str, dict[str, float]]:
    embedder = shared_embedder(index.model)
    out = {}
    router = Router(index.documents)
    answerable = [q for q in questions if q["answer_type"] != "not_in_corpus" and not q.get("history")]
    for mode, weights in MODES.items():
        dense_weight, bm25_weight = weights or (index.settings.dense_weight, index.settings.bm25_weight)
        retriever = Retriever(index, embedder, replace(index.settings, dense_weight=dense_weight, bm25_weight=bm25_weight))
        ranks = []
        for q in answerable:
            route = router.route(q["question"])
            passages = retriever.retrieve(q["question"], route.doc_ids or None, k=k)
            if mode != "hybrid":
                passages = [p for p in passages if (p.dense_rank if mode == "dense" else p.bm25_rank)]
            docs, evidence = as_list(q["doc"]), as_list(q["evidence"])
            rank = next((i for i, p in enumerate(passages, 1) if p.chunk.name in docs
                         and any(covers(e, p.chunk.text) >= HIT_COVERAGE for e in evidence)), None)
            ranks.append(rank)
        out[mode] = {
            "hit@1": float(np.mean([r == 1 for r in ranks])),
            f"hit@{k}": float(np.mean([r is not None for r in ranks])),
            "mrr": float(np.mean([1 / r if r else 0 for r in ranks])),
        }
    return out
