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

    doc_id: str  # content hash prefix: two files with one name stay two reports
    path: str
    sha256: str
    text: str
    folded: str
    page_starts: list[int]
    name: str = ""  # the file name, as users know the report
    title: str = ""
    body: str = ""  # issuing body, full name
    region: str = ""  # the body's own level: 花都区
    regions: list[str] = field(default_factory=list)  # the whole chain, outermost first
    year: int | None = None  # fiscal year, not the publication date
    kind: str = ""
    project: str = ""
    parent: str = ""  # 主管部门
    names: list[str] = field(default_factory=list)  # how people call the body (index/names.py)
    provenance: dict = field(default_factory=dict)  # field → {value, source, start, end}
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
            "doc_id": self.doc_id, "name": self.name, "path": self.path, "title": self.title,
            "body": self.body, "region": self.region, "regions": self.regions, "year": self.year,
            "kind": self.kind, "project": self.project, "parent": self.parent, "source_url": self.source_url,
            "aliases": self.aliases, "sha256": self.sha256, "pages": len(self.page_starts),
        }


@dataclass
class Chunk:
    """A piece of one section; `text == document.text[start:end]`."""

    chunk_id: str  # "<doc_id>#<n>": stable for unchanged documents
    doc_id: str
    name: str  # the report's file name
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
