"""Hybrid retrieval: dense (FAISS) and BM25 rankings fused by reciprocal rank.

The reports a question names restrict the candidates; reports it may name
(a bare place word) are ranked first without excluding the rest."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from index.config import Settings
from index.embed import Embedder
from index.records import Chunk
from index.store import Index
from index.terms import terms

BOOST = 0.5  # added to the fused score of a passage from a report the question may name


@dataclass
class Passage:
    chunk: Chunk
    row: int
    score: float
    dense_rank: int | None = None
    bm25_rank: int | None = None


class Retriever:
    def __init__(self, index: Index, embedder: Embedder, settings: Settings | None = None):
        """`settings` (fusion weights, k, candidates) default to the index's own."""
        self.index = index
        self.embedder = embedder
        self.settings = settings or index.settings

    def _allowed_rows(self, doc_ids: list[str] | None) -> np.ndarray | None:
        if not doc_ids:
            return None
        rows = [self.index.rows_of_doc[d] for d in doc_ids if d in self.index.rows_of_doc]
        return np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)

    def dense_ranking(self, question: str, allowed: np.ndarray | None, n: int) -> list[int]:
        if not self.index.chunks:
            return []
        query = self.embedder.encode_query(question)
        if allowed is not None and len(allowed) <= 50_000:  # exact over the subset: cheap and never misses
            scores = self.index.vectors[allowed] @ query
            top = np.argsort(-scores)[:n]
            return [int(allowed[i]) for i in top]
        k = n if allowed is None else min(len(self.index.chunks), n * 20)
        _, ids = self.index.dense.search(query[None, :], k)
        rows = [int(i) for i in ids[0] if i >= 0]
        if allowed is not None:
            keep = set(allowed.tolist())
            rows = [r for r in rows if r in keep]
        return rows[:n]

    def bm25_ranking(self, question: str, allowed: np.ndarray | None, n: int) -> list[int]:
        query_terms = [t for t in terms(question) if t in self.index.bm25.vocab_dict] if self.index.chunks else []
        if not query_terms:
            return []
        scores = self.index.bm25.get_scores(query_terms)
        if allowed is not None:
            masked = np.full_like(scores, -1.0)
            masked[allowed] = scores[allowed]
            scores = masked
        top = np.argsort(-scores)[:n]
        return [int(r) for r in top if scores[r] > 0]

    def retrieve(self, question: str, doc_ids: list[str] | None = None, boost_ids: list[str] = (),
                 k: int | None = None, as_written: str = "") -> list[Passage]:
        """`as_written`: the question's words as reports write them ("几辆车" → 车辆, "花了" → 支出),
        searched by BM25 beside the question's own."""
        s = self.settings
        k = k or s.top_k
        allowed = self._allowed_rows(doc_ids)
        if allowed is not None and len(allowed) == 0:
            return []
        dense = self.dense_ranking(question, allowed, s.candidates)
        sparse = self.bm25_ranking(f"{question} {as_written}".strip(), allowed, s.candidates)
        fused: dict[int, Passage] = {}
        for rank, row in enumerate(dense):
            p = fused.setdefault(row, Passage(self.index.chunks[row], row, 0.0))
            p.score += s.dense_weight / (s.rrf_k + rank + 1)
            p.dense_rank = rank + 1
        for rank, row in enumerate(sparse):
            p = fused.setdefault(row, Passage(self.index.chunks[row], row, 0.0))
            p.score += s.bm25_weight / (s.rrf_k + rank + 1)
            p.bm25_rank = rank + 1
        boosted = set(boost_ids)
        for p in fused.values():
            if p.chunk.doc_id in boosted:
                p.score += BOOST / s.rrf_k
        return sorted(fused.values(), key=lambda p: -p.score)[:k]
