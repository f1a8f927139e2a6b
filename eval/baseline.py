"""The pipeline a user would assemble from the same libraries, for comparison:
500-character chunks from RecursiveCharacterTextSplitter, dense-only FAISS
top-5 with the same embedding model, the top passage as the answer."""

from __future__ import annotations

import time

import numpy as np
from langchain_text_splitters import RecursiveCharacterTextSplitter

from index.document import Batch
from index.embed import Embedder


class NaiveBaseline:
    def __init__(self, batch: Batch, embedder: Embedder, chunk_size: int = 500, k: int = 5):
        import faiss

        self.embedder = embedder
        self.k = k
        splitter = RecursiveCharacterTextSplitter(chunk_size=chunk_size, chunk_overlap=50, add_start_index=True)
        self.passages: list[tuple[str, str, int, str]] = []  # (doc, title, start, text)
        for doc in batch.documents:
            for piece in splitter.create_documents([doc.text]):
                self.passages.append((doc.name, doc.title, piece.metadata["start_index"], piece.page_content))
        vectors = embedder.encode_passages([p[3] for p in self.passages])
        self.index = faiss.IndexFlatIP(embedder.dim)
        if len(vectors):
            self.index.add(np.ascontiguousarray(vectors))

    def ask(self, question: str, history=None) -> dict:
        started = time.perf_counter()
        query = self.embedder.encode_query(question)
        _, ids = self.index.search(query[None, :], self.k)
        hits = [self.passages[i] for i in ids[0] if i >= 0]
        citations = [
            {"doc": d, "title": t, "section": "", "page": None, "start": s, "end": s + len(text), "quote": text}
            for d, t, s, text in hits
        ]
        return {
            "question": question, "answer": hits[0][3] if hits else "", "found": bool(hits),
            "citations": citations, "latency_ms": (time.perf_counter() - started) * 1000,
        }
