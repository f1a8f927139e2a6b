"""The records that flow through the pipeline: load → structure → chunk → index."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Section:
    """A heading and the span of document text it governs (heading included)."""

    heading: str
    level: int
    start: int
    end: int
    path: str  # e.g. "一、基本情况 > （二）部门整体收支情况"


@dataclass
class Document:
    """One report, normalized into a single text.

    `text` is what citations quote (the document's own characters, line wraps
    rejoined, full-width digits made half-width); `folded` is the same length
    with traditional characters folded to simplified, for matching only.
    `page_starts[i]` is the offset where page i+1 begins.
    """

    doc_id: str  # the file name
    path: str
    sha256: str
    text: str
    folded: str
    page_starts: list[int]
    title: str = ""
    body: str = ""
    region: str = ""
    year: int | None = None
    kind: str = ""
    source_url: str = ""
    aliases: list[str] = field(default_factory=list)  # ASCII keys from the file name / address
    sections: list[Section] = field(default_factory=list)

    def page_at(self, offset: int) -> int:
        page = 1
        for i, start in enumerate(self.page_starts):
            if start <= offset:
                page = i + 1
            else:
                break
        return page

    def meta(self) -> dict:
        return {
            "doc_id": self.doc_id, "title": self.title, "body": self.body, "region": self.region,
            "year": self.year, "kind": self.kind, "source_url": self.source_url,
            "aliases": self.aliases, "sha256": self.sha256, "pages": len(self.page_starts),
        }


@dataclass
class Chunk:
    """A piece of one section; `text == document.text[start:end]`."""

    chunk_id: str  # "<doc_id>#<n>": stable for unchanged documents
    doc_id: str
    title: str
    body: str
    region: str
    year: int | None
    section: str
    page_start: int
    page_end: int
    start: int
    end: int
    text: str
    embed_text: str  # title + section path + text: the title tells near-identical reports apart

    def to_dict(self) -> dict:
        return asdict(self)
