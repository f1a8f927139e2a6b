"""Cut a document into chunks that never cross a section boundary."""

from __future__ import annotations

from langchain_text_splitters import RecursiveCharacterTextSplitter

from .records import Chunk, Document, Section

# Chinese sentence ends first, so a split lands between sentences when it can.
SEPARATORS = ["\n\n", "\n", "。", "！", "？", "；", ";", "，", " ", ""]


def _spans(doc: Document) -> list[tuple[int, int, str]]:
    """(start, end, section path) for the text before the first heading and for each
    heading up to the next; a heading with no text of its own before a sub-heading is
    dropped, since its title lives on in its children's paths."""
    sections: list[Section] = doc.sections
    spans = []
    first = sections[0].start if sections else len(doc.text)
    if doc.text[:first].strip():
        spans.append((0, first, ""))
    for s in sections:
        heading_end = doc.text.find("\n", s.start, s.end)
        has_body = heading_end != -1 and doc.text[heading_end:s.end].strip()
        inline_body = len(doc.text[s.start : s.end].strip()) > len(s.heading) + 1
        if has_body or inline_body:
            spans.append((s.start, s.end, s.path))
    return spans


MIN_CHUNK_CHARS = 60


def _piece_offsets(splitter, text: str, span_start: int, span_end: int) -> list[tuple[int, int]]:
    """Offsets of the splitter's pieces in `text`; a piece too short to stand alone
    (a heading line, say) is joined to the piece after it."""
    span = text[span_start:span_end]
    offsets: list[tuple[int, int]] = []
    cursor = 0
    for piece in splitter.split_text(span):
        found = span.find(piece, cursor)
        if found == -1:  # the splitter returns substrings of its input; guard anyway
            found = span.find(piece)
        cursor = found + 1
        start, end = span_start + found, span_start + found + len(piece)
        if offsets and offsets[-1][1] - offsets[-1][0] < MIN_CHUNK_CHARS and start <= offsets[-1][1] + 2:
            start = offsets.pop()[0]
        offsets.append((start, end))
    if len(offsets) > 1 and offsets[-1][1] - offsets[-1][0] < MIN_CHUNK_CHARS // 2:
        last = offsets.pop()
        offsets[-1] = (offsets[-1][0], last[1])
    return offsets


def chunk_document(doc: Document, chunk_size: int = 300, chunk_overlap: int = 40) -> list[Chunk]:
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=chunk_size, chunk_overlap=chunk_overlap, separators=SEPARATORS,
        keep_separator="end", strip_whitespace=True,
    )
    chunks: list[Chunk] = []
    for span_start, span_end, path in _spans(doc):
        for start, end in _piece_offsets(splitter, doc.text, span_start, span_end):
            section = path or "（标题与前言）"
            piece = doc.text[start:end]
            chunks.append(
                Chunk(
                    chunk_id=f"{doc.doc_id}#{len(chunks)}", doc_id=doc.doc_id, name=doc.name, title=doc.title,
                    body=doc.body, region=doc.region, year=doc.year, section=section,
                    page_start=doc.page_at(start), page_end=doc.page_at(max(start, end - 1)),
                    start=start, end=end, text=piece,
                    embed_text=f"{doc.title}\n{section}\n{piece}",
                )
            )
    return chunks
