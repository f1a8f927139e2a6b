"""Build or update an index incrementally: new and changed files are chunked
and embedded, unchanged ones kept, and no chunk text is embedded twice."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .chunk import chunk_document
from .config import Settings
from .document import expand_paths, load_document
from .embed import Embedder, shared_embedder
from .load import LoadError
from .normalize import TEXT_VERSION
from .records import Chunk, Document
from .store import Index, IndexLoadError


@dataclass
class Progress:
    """Where a build is: reading file `done` of `total` (`name`), embedding chunk `done` of `total`, or saving."""

    stage: str  # reading | embedding | saving
    done: int
    total: int
    name: str = ""


def textless_pages(doc: Document) -> list[int]:
    """The pages (1-based) of a report that hold no text: scanned images, whose figures no one can cite."""
    ends = doc.page_starts[1:] + [len(doc.text)]
    return [n for n, (a, b) in enumerate(zip(doc.page_starts, ends), 1) if not doc.text[a:b].strip()]


@dataclass
class BuildReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (file given, the indexed file with the same content)
    skipped: list[LoadError] = field(default_factory=list)
    textless: list[tuple[str, list[int]]] = field(default_factory=list)  # (file, its pages without a text layer)
    documents: int = 0
    chunks: int = 0
    embedded: int = 0  # chunks actually run through the model
    seconds: float = 0.0  # end to end
    model_seconds: float = 0.0  # loading the model (0 when it was already loaded)
    embed_seconds: float = 0.0  # running it

    def summary(self) -> str:
        embedding = self.embedded / self.embed_seconds if self.embed_seconds else 0.0
        work = self.seconds - self.model_seconds
        end_to_end = self.embedded / work if work > 0 else 0.0
        lines = [
            f"documents: {self.documents} ({len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.removed)} removed)",
            f"chunks: {self.chunks} ({self.embedded} embedded: {embedding:.1f} chunks/s embedding, "
            f"{end_to_end:.1f} chunks/s reading to saving)",
            f"time: {self.seconds:.1f} s ({self.model_seconds:.1f} s loading the model, {self.embed_seconds:.1f} s embedding)",
        ]
        for path, same in self.duplicates:
            lines.append(f"duplicate {path}: same content as {same}, indexed once")
        for name, pages in self.textless:
            listed = "、".join(str(p) for p in pages)
            lines.append(f"no text on page {listed} of {name} (第{listed}页没有文字层，扫描件？): "
                         "its figures cannot be read or answered; run OCR on the file first")
        for err in self.skipped:
            lines.append(f"skipped {err.path}: {err.reason}")
        return "\n".join(lines)


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def open_or_empty(index_dir: Path, settings: Settings) -> Index | None:
    if not (Path(index_dir) / "CURRENT").exists():
        return None
    return Index.load(index_dir, settings)


def check_model(existing: Index, settings: Settings, embedder: Embedder) -> None:
    if existing.model != settings.model or existing.dim != embedder.dim:
        raise IndexLoadError(
            f"the index was built with model '{existing.model}' (dimension {existing.dim}) but "
            f"'{settings.model}' (dimension {embedder.dim}) was asked for; use the same model "
            f"or build a new index in another directory"
        )


def find_document(documents: dict[str, Document], key: str, index_dir: Path | str = "") -> str:
    """A report by id, file name or path; a file name two reports share is ambiguous."""
    if key in documents:
        return key
    resolved = str(Path(key).resolve()) if key else ""
    hits = [d for d, doc in documents.items() if key in (doc.name,) or doc.path == resolved]
    if not hits:
        raise KeyError(f"'{key}' is not in the index at {index_dir}")
    if len(hits) > 1:
        listed = ", ".join(f"{d} ({documents[d].path})" for d in hits)
        raise KeyError(f"'{key}' names {len(hits)} reports; give the id or the path: {listed}")
    return hits[0]


def _read_again(old: Document) -> Document | None:
    """A report read anew from its file, with the identity fields a user set on the command line;
    None (the old reading kept) when the file is gone or its content changed."""
    user = {k: v["value"] for k, v in old.provenance.items() if isinstance(v, dict) and v.get("source") == "命令行"}
    try:
        doc = load_document(old.path, user or None)
    except LoadError:
        return None
    return doc if doc.doc_id == old.doc_id else None


def build_index(paths: list[Path | str], index_dir: Path | str, settings: Settings | None = None,
                remove: list[str] = (), embedder: Embedder | None = None,
                progress: Callable[[Progress], None] | None = None, overrides: dict | None = None) -> BuildReport:
    """Add new and changed files, drop `remove`d ones (id, file name or path).
    `overrides`: identity fields a user sets (body, year, …) for the files given."""
    started = time.perf_counter()
    settings = settings or Settings.from_env()
    index_dir = Path(index_dir)
    existing = open_or_empty(index_dir, settings)
    if existing is not None and settings.model != existing.model and settings.model == Settings().model:
        settings = existing.settings  # no model asked for: keep the index's own
    tell = progress or (lambda _: None)
    report = BuildReport()
    if embedder is None:
        loading = time.perf_counter()
        embedder = shared_embedder(settings.model, settings.runtime)
        report.model_seconds = time.perf_counter() - loading
    if existing is not None:
        check_model(existing, settings, embedder)
    documents: dict[str, Document] = dict(existing.documents) if existing else {}
    chunks_of: dict[str, list[Chunk]] = {}
    known_vectors: dict[str, np.ndarray] = {}
    if existing:
        for row, chunk in enumerate(existing.chunks):
            chunks_of.setdefault(chunk.doc_id, []).append(chunk)
            known_vectors[content_hash(chunk.embed_text)] = existing.vectors[row]

    # an index read by an older reader (index/normalize.py TEXT_VERSION): every report is read again
    stale = existing is not None and existing.text_version != TEXT_VERSION
    reread: set[str] = set(documents) if stale else set()
    renewed: set[str] = set()  # reports whose text was read again: their facts are read again too

    for key in remove:
        doc_id = find_document(documents, key, index_dir)
        report.removed.append(documents.pop(doc_id).name)
        chunks_of.pop(doc_id, None)

    files = expand_paths(list(paths))
    for n, path in enumerate(files, 1):
        tell(Progress("reading", n, len(files), path.name))
        try:
            doc = load_document(path, overrides)
        except LoadError as err:
            report.skipped.append(err)
            continue
        if blank := textless_pages(doc):
            report.textless.append((doc.name, blank))
        same = documents.get(doc.doc_id)
        if same is not None:
            if same.path == doc.path and doc.doc_id in chunks_of and not overrides and doc.doc_id not in reread:
                report.unchanged.append(doc.name)
            elif same.path == doc.path:
                documents[doc.doc_id] = doc  # new identity fields, or the text read anew, for the same content
                chunks_of[doc.doc_id] = chunk_document(doc, settings.chunk_size, settings.chunk_overlap)
                report.updated.append(doc.name)
                reread.discard(doc.doc_id)
                renewed.add(doc.doc_id)
            else:
                report.duplicates.append((str(path), same.name))
            continue
        previous = next((d for d in documents.values() if d.path == doc.path), None)
        if previous is not None:  # the same file, changed: its old content goes
            documents.pop(previous.doc_id)
            chunks_of.pop(previous.doc_id, None)
        (report.updated if previous is not None else report.added).append(doc.name)
        documents[doc.doc_id] = doc
        chunks_of[doc.doc_id] = chunk_document(doc, settings.chunk_size, settings.chunk_overlap)

    for doc_id in sorted(reread & set(documents)):  # held but not given this time: read again from where it was
        doc = _read_again(documents[doc_id])
        if doc is not None:
            documents[doc_id] = doc
            chunks_of[doc_id] = chunk_document(doc, settings.chunk_size, settings.chunk_overlap)
            report.updated.append(doc.name)
            renewed.add(doc_id)

    chunks = [c for doc_id in documents for c in chunks_of.get(doc_id, [])]
    hashes = [content_hash(c.embed_text) for c in chunks]
    missing = sorted({h: c.embed_text for h, c in zip(hashes, chunks) if h not in known_vectors}.items())
    if missing:
        embedding = time.perf_counter()
        vectors = embedder.encode_passages([t for _, t in missing],
                                           on_batch=lambda done, total: tell(Progress("embedding", done, total)))
        report.embed_seconds = time.perf_counter() - embedding
        known_vectors.update({h: v for (h, _), v in zip(missing, vectors)})
    report.embedded = len(missing)
    matrix = np.stack([known_vectors[h] for h in hashes]) if chunks else np.zeros((0, embedder.dim), np.float32)
    index = Index(settings.model, embedder.dim, settings, documents, chunks, matrix,
                  existing.created_at if existing else None, embedder.runtime)
    known = {d: f for d, f in (existing.facts if existing else {}).items() if d not in renewed}
    index.use_facts(known)  # a document's facts depend on its content (its id) and how its text is read
    if stale or report.added or report.updated or report.removed or (existing is None and documents):
        tell(Progress("saving", 1, 1))
        index.save(index_dir)
    report.documents, report.chunks = len(documents), len(chunks)
    report.seconds = time.perf_counter() - started
    return report
