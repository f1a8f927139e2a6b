"""Load files into described `Document`s; a batch reports what it skipped."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .load import SUPPORTED_SUFFIXES, LoadError, read_file
from .normalize import fold, normalize_pages
from .records import Document
from .identify import read_overrides
from .structure import describe


def document_id(sha256: str) -> str:
    """A report is known by its content: the same bytes under two names are one
    report, two reports under one name are two."""
    return sha256[:16]


def load_document(path: Path | str, overrides: dict | None = None) -> Document:
    """Read, normalize and identify one file. Identity fields come from the text,
    then from a `FILE.meta.json` beside it, then from `overrides` (CLI flags)."""
    raw = read_file(path)
    text, page_starts = normalize_pages(raw.pages, raw.wrapped)
    if not text.strip():
        raise LoadError(path, "没有可用的文字 (no text after normalization)")
    doc = Document(
        doc_id=document_id(raw.sha256), path=str(raw.path.resolve()), sha256=raw.sha256, text=text,
        folded=fold(text), page_starts=page_starts, name=raw.path.name, source_url=raw.source_url,
    )
    try:
        meta = read_overrides(raw.path)
    except ValueError as exc:
        raise LoadError(path, f"元数据文件有误 ({exc})") from exc
    describe(doc, meta, "meta.json")
    if overrides:
        describe(doc, {**meta, **overrides}, "命令行")
    return doc


@dataclass
class Batch:
    documents: list[Document] = field(default_factory=list)
    skipped: list[LoadError] = field(default_factory=list)


def expand_paths(paths: list[Path | str]) -> list[Path]:
    """Files as given, and the supported files inside any folder given."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
                            and not f.name.endswith(".meta.json"))
        else:
            files.append(p)
    return files


def load_documents(paths: list[Path | str]) -> Batch:
    batch = Batch()
    for path in expand_paths(paths):
        try:
            batch.documents.append(load_document(path))
        except LoadError as err:
            batch.skipped.append(err)
    return batch
