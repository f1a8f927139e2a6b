"""Find a report's heading tree, and attach its identity (index/identify.py)."""

from __future__ import annotations

import re

from .headings import heading_rank, heading_title
from .identify import apply_overrides, identify
from .records import Document, Section

_ASCII_STOP = {"gov", "www", "http", "https", "html", "shtml", "htm", "cn", "com", "net", "org",
               "txt", "pdf", "docx", "doc", "md", "content", "post", "archives", "index", "xlsx", "xls"}


def find_sections(doc: Document) -> list[Section]:
    """Headings in document order, each with the span it governs.

    A run of three or more headings with no text between them is a table of
    contents, not structure: those lines stay body text (the run's last line too
    when it comes again further on as the heading it lists)."""
    lines = []
    pos = 0
    for line in doc.text.split("\n"):
        lines.append((pos, line, heading_rank(doc.folded[pos : pos + len(line)])))
        pos += len(line) + 1
    ranks = [r for _, _, r in lines]
    titles = [heading_title(line) if rank is not None else "" for _, line, rank in lines]
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and ranks[j] is not None:
            j += 1
        if j - i >= 3:
            # the last may head the text that follows, unless it is printed again as a heading further on
            last = j - 1 if titles[j - 1] in titles[j:] else j - 2
            for k in range(i, last + 1):
                ranks[k] = None
        i = j + 1
    sections: list[Section] = []
    stack: list[tuple[int, str]] = []
    for (start, line, _), rank in zip(lines, ranks):
        if rank is None:
            continue
        while stack and stack[-1][0] >= rank:
            stack.pop()
        stack.append((rank, heading_title(line)))
        sections.append(Section(heading_title(line), len(stack), start, 0, " > ".join(t for _, t in stack)))
    for n, section in enumerate(sections):
        section.end = sections[n + 1].start if n + 1 < len(sections) else len(doc.text)
    return sections


def ascii_aliases(*names: str) -> list[str]:
    """Words of a file name or web address ("09_gangu_czjs_2023.txt" → gangu, czjs):
    many reports name their body only there, often in pinyin."""
    words = []
    for name in names:
        for w in re.split(r"[^a-z]+", name.lower()):
            if len(w) >= 3 and w not in _ASCII_STOP and w not in words:
                words.append(w)
    return words


def describe(doc: Document, overrides: dict | None = None, override_source: str = "") -> None:
    """Fill in the document's sections and identity (index/identify.py)."""
    doc.sections = find_sections(doc)
    identity = identify(doc.text, doc.folded, doc.name, doc.source_url)
    if overrides:
        apply_overrides(identity, overrides, override_source, doc.name)
    doc.title = identity.title.value
    doc.body = identity.body.value
    doc.regions = identity.regions
    doc.region = identity.regions[-1] if identity.regions else ""
    doc.year = int(identity.year.value) if identity.year.value.isdigit() else None
    doc.kind = identity.kind.value
    doc.project = identity.project.value
    doc.parent = identity.parent.value
    doc.names = identity.names
    doc.provenance = identity.provenance()
    doc.aliases = ascii_aliases(doc.name, doc.source_url)
