"""The index on disk and in memory: documents, chunks, vectors, FAISS and BM25.

Layout of an index directory:

    CURRENT            the name of the live generation, replaced atomically
    gen-<n>/manifest.json, documents.jsonl, chunks.jsonl, facts.jsonl, vectors.npy, dense.faiss, bm25/

A save writes a whole new generation and only then points CURRENT at it, so a
build killed at any moment leaves the previous index loadable.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np

from .config import Settings
from .errors import IndexLoadError
from .facts import FACTS_VERSION, Fact, extract_facts
from .normalize import TEXT_VERSION
from .records import Chunk, Document, Section

FORMAT_VERSION = 1


def _document_to_dict(doc: Document) -> dict:
    d = asdict(doc)
    d["folded"] = None if doc.folded == doc.text else doc.folded
    return d


def _document_from_dict(d: dict) -> Document:
    d = dict(d)
    d["sections"] = [Section(**s) for s in d["sections"]]
    if d.get("folded") is None:
        d["folded"] = d["text"]
    return Document(**d)


def stored_text_version(index_dir: Path | str) -> int | None:
    """How the reports of the index in `index_dir` were read (its manifest's text_version), without
    loading it; None when there is no readable index there."""
    try:
        gen = Path(index_dir) / (Path(index_dir) / "CURRENT").read_text().strip()
        return json.loads((gen / "manifest.json").read_text()).get("text_version", 1)
    except (OSError, ValueError):
        return None


class Index:
    """Everything retrieval needs, loaded in memory."""

    def __init__(self, model: str, dim: int, settings: Settings, documents: dict[str, Document],
                 chunks: list[Chunk], vectors: np.ndarray, created_at: float | None = None, runtime: str = ""):
        self.model = model
        self.runtime = runtime  # the encoder runtime that embedded it (vectors of either runtime mix)
        self.dim = dim
        self.settings = settings
        self.documents = documents
        self.chunks = chunks
        self.vectors = vectors.astype(np.float32, copy=False)
        self.created_at = created_at or time.time()
        self.text_version = TEXT_VERSION  # how its reports' text was read (index/normalize.py)
        self._dense = None
        self._bm25 = None
        self._facts: dict[str, list[Fact]] | None = None
        rows: dict[str, list[int]] = {}
        for row, chunk in enumerate(chunks):
            rows.setdefault(chunk.doc_id, []).append(row)
        self.rows_of_doc = {doc_id: np.asarray(r, dtype=np.int64) for doc_id, r in rows.items()}

    # --- searchable structures -------------------------------------------------

    @property
    def dense(self):
        if self._dense is None:
            self._dense = build_dense(self.vectors, self.settings)
        return self._dense

    @property
    def bm25(self):
        if self._bm25 is None:
            self._bm25 = build_bm25([c.embed_text for c in self.chunks])
        return self._bm25

    @property
    def facts(self) -> dict[str, list[Fact]]:
        """Every figure each report states (index/facts.py), by document id. Read
        from the index when it was saved by this extractor version, else re-read
        from the documents' text, which is what they are made from."""
        if self._facts is None:
            self._facts = {doc_id: extract_facts(doc) for doc_id, doc in self.documents.items()}
        return self._facts

    def use_facts(self, known: dict[str, list[Fact]]) -> None:
        """Facts already extracted (from a previous generation), reused where the document is unchanged."""
        self._facts = {d: known[d] if d in known else extract_facts(doc) for d, doc in self.documents.items()}

    # --- persistence ------------------------------------------------------------

    def manifest(self) -> dict:
        docs = {}
        for doc_id, doc in self.documents.items():
            docs[doc_id] = {**doc.meta(), "chunks": int(len(self.rows_of_doc.get(doc_id, []))),
                            "facts": len(self.facts.get(doc_id, []))}
        return {
            "format_version": FORMAT_VERSION,
            "model": self.model,
            "runtime": self.runtime,
            "dim": self.dim,
            "chunker": {"chunk_size": self.settings.chunk_size, "chunk_overlap": self.settings.chunk_overlap},
            "dense_index": "flat-ip" if len(self.chunks) <= self.settings.exact_search_limit else "hnsw",
            "facts_version": FACTS_VERSION,
            "text_version": self.text_version,
            "counts": {"documents": len(self.documents), "chunks": len(self.chunks),
                       "facts": sum(map(len, self.facts.values()))},
            "created_at": self.created_at,
            "updated_at": time.time(),
            "documents": docs,
        }

    def save(self, index_dir: Path | str) -> Path:
        import faiss

        index_dir = Path(index_dir)
        index_dir.mkdir(parents=True, exist_ok=True)
        name = f"gen-{time.time_ns()}"
        tmp = index_dir / f".tmp-{name}"
        tmp.mkdir()
        with open(tmp / "documents.jsonl", "w", encoding="utf-8") as f:
            for doc in self.documents.values():
                f.write(json.dumps(_document_to_dict(doc), ensure_ascii=False) + "\n")
        with open(tmp / "chunks.jsonl", "w", encoding="utf-8") as f:
            for chunk in self.chunks:
                f.write(json.dumps(chunk.to_dict(), ensure_ascii=False) + "\n")
        with open(tmp / "facts.jsonl", "w", encoding="utf-8") as f:
            for facts in self.facts.values():
                for fact in facts:
                    f.write(json.dumps(fact.to_dict(), ensure_ascii=False) + "\n")
        np.save(tmp / "vectors.npy", self.vectors)
        faiss.write_index(self.dense, str(tmp / "dense.faiss"))
        self.bm25.save(str(tmp / "bm25"), show_progress=False)
        (tmp / "manifest.json").write_text(json.dumps(self.manifest(), ensure_ascii=False, indent=1))
        _fsync_tree(tmp)
        os.rename(tmp, index_dir / name)
        pointer = index_dir / "CURRENT.tmp"
        pointer.write_text(name)
        with open(pointer) as f:
            os.fsync(f.fileno())
        os.replace(pointer, index_dir / "CURRENT")
        for old in index_dir.iterdir():
            if old.name != name and (old.name.startswith("gen-") or old.name.startswith(".tmp-")):
                shutil.rmtree(old, ignore_errors=True)
        return index_dir / name

    @classmethod
    def load(cls, index_dir: Path | str, settings: Settings | None = None) -> "Index":
        import faiss

        index_dir = Path(index_dir)
        pointer = index_dir / "CURRENT"
        if not pointer.exists():
            raise IndexLoadError(f"{index_dir}: no index here (build one with `assistant index PATH --index-dir {index_dir}`)")
        gen = index_dir / pointer.read_text().strip()
        try:
            manifest = json.loads((gen / "manifest.json").read_text())
        except (OSError, ValueError) as exc:
            raise IndexLoadError(f"{gen}: manifest.json is missing or damaged ({exc}); rebuild the index") from exc
        version = manifest.get("format_version")
        if not isinstance(version, int) or version > FORMAT_VERSION:
            raise IndexLoadError(
                f"{index_dir}: index format {version} is newer than this program understands "
                f"({FORMAT_VERSION}); upgrade the assistant or rebuild the index"
            )
        chunker = manifest.get("chunker", {})
        settings = replace(settings or Settings.from_env(), model=manifest["model"], **chunker)
        try:
            documents = {}
            with open(gen / "documents.jsonl", encoding="utf-8") as f:
                for line in f:
                    doc = _document_from_dict(json.loads(line))
                    documents[doc.doc_id] = doc
            with open(gen / "chunks.jsonl", encoding="utf-8") as f:
                chunks = [Chunk(**json.loads(line)) for line in f]
            vectors = np.load(gen / "vectors.npy")
            index = cls(manifest["model"], int(manifest["dim"]), settings, documents, chunks, vectors,
                        manifest.get("created_at"), manifest.get("runtime", ""))
            index.text_version = manifest.get("text_version", 1)
            index._dense = faiss.read_index(str(gen / "dense.faiss"))
            import bm25s

            index._bm25 = bm25s.BM25.load(str(gen / "bm25"), show_progress=False, verbosity=0)
            if manifest.get("facts_version") == FACTS_VERSION and (gen / "facts.jsonl").exists():
                facts: dict[str, list[Fact]] = {doc_id: [] for doc_id in documents}
                with open(gen / "facts.jsonl", encoding="utf-8") as f:
                    for line in f:
                        fact = Fact(**json.loads(line))
                        facts.setdefault(fact.doc_id, []).append(fact)
                index._facts = facts
        except (OSError, ValueError, TypeError, KeyError, RuntimeError) as exc:
            raise IndexLoadError(f"{gen}: index files are damaged ({type(exc).__name__}: {exc}); rebuild the index") from exc
        counts = manifest.get("counts", {})
        if (len(chunks) != counts.get("chunks") or vectors.shape != (len(chunks), index.dim)
                or index._dense.ntotal != len(chunks) or len(documents) != counts.get("documents")):
            raise IndexLoadError(f"{gen}: index files disagree with manifest.json (damaged); rebuild the index")
        return index


def build_dense(vectors: np.ndarray, settings: Settings):
    """Exact inner product (cosine on normalized vectors) up to a size where it
    stays fast; HNSW above it."""
    import faiss

    dim = vectors.shape[1] if vectors.ndim == 2 and vectors.shape[1] else 1
    if len(vectors) <= settings.exact_search_limit:
        index = faiss.IndexFlatIP(dim)
    else:
        index = faiss.IndexHNSWFlat(dim, settings.hnsw_m, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.hnsw.efSearch = settings.hnsw_ef_search
    if len(vectors):
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def build_bm25(texts: list[str]):
    import bm25s

    from .terms import terms

    bm25 = bm25s.BM25()
    corpus = [terms(t) or ["∅"] for t in texts] or [["∅"]]
    bm25.index(corpus, show_progress=False)
    return bm25


def _fsync_tree(root: Path) -> None:
    for path in root.rglob("*"):
        if path.is_file():
            with open(path, "rb") as f:
                os.fsync(f.fileno())
