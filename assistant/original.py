"""The original at the cited place, so a reader checks an answer in seconds: a
PDF page rendered as an image (pypdfium2) with the quoted span marked, or, for
text, DOCX and spreadsheet reports, the lines around the span with it marked.

The index's text of a PDF is rebuilt from character boxes (index/layout.py), so
its offsets are not PDFium's character indices. The span is found on the page
by its own characters instead: the quote is cut into short pieces (table cells,
runs of at most PIECE characters, since a PDF line breaks where the index's text
does not) and each piece is searched on the page in reading order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from index.records import Document

PIECE = 12  # characters searched at a time: short enough not to cross a PDF line
SCALE = 2.0  # rendered pixels per PDF point: legible Chinese at 9 pt
MARK = (255, 214, 0, 110)  # the highlighter's yellow, translucent


@dataclass
class PageImage:
    path: Path
    page: int  # 1-based
    marked: int  # boxes marked on it; 0 when the quote was not found on the page


class OriginalError(Exception):
    """The original cannot be shown: the file moved, or the page does not exist."""


def pieces(quote: str) -> list[str]:
    """What to search for: the quote's cells and words, long runs cut to PIECE characters."""
    out = []
    for part in re.split(r"[|\s]+", quote):
        out += [part[i : i + PIECE] for i in range(0, len(part), PIECE)]
    return [p for p in out if len(p) >= 2 or (p and p[0].isdigit())]


def render_page(pdf_path: Path | str, page: int, quote: str = "", out: Path | str | None = None,
                scale: float = SCALE) -> PageImage:
    """Write page `page` (1-based) of a PDF as a PNG, with the quote's characters marked."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw

    pdf_path = Path(pdf_path)
    if not pdf_path.exists():
        raise OriginalError(f"原文件不在原处：{pdf_path}（索引时的位置）")
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        if not 1 <= page <= len(pdf):
            raise OriginalError(f"{pdf_path.name} 没有第 {page} 页（共 {len(pdf)} 页）")
        pdf_page = pdf[page - 1]
        height = pdf_page.get_height()
        image = pdf_page.render(scale=scale).to_pil().convert("RGBA")
        boxes = _quote_boxes(pdf_page.get_textpage(), quote) if quote else []
        overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(overlay)
        for left, bottom, right, top in boxes:
            draw.rectangle([left * scale - 1, (height - top) * scale - 1, right * scale + 1, (height - bottom) * scale + 1],
                           fill=MARK)
        image = Image.alpha_composite(image, overlay).convert("RGB")
    finally:
        pdf.close()
    out = Path(out) if out else Path(f"{pdf_path.stem}-p{page}.png")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    image.save(tmp, format="PNG")
    tmp.replace(out)
    return PageImage(out, page, len(boxes))


def _quote_boxes(textpage, quote: str) -> list[tuple[float, float, float, float]]:
    """Rectangles of the quote's pieces, each found at or after the previous one."""
    boxes, after = [], 0
    for piece in pieces(quote):
        found = _find(textpage, piece, after) or _find(textpage, piece, 0)
        if found is None:
            continue
        index, count = found
        after = index + count
        boxes += [textpage.get_rect(i) for i in range(textpage.count_rects(index, count))]
    return boxes


def _find(textpage, piece: str, after: int) -> tuple[int, int] | None:
    searcher = textpage.search(piece, index=after, match_case=False, match_whole_word=False)
    try:
        return searcher.get_next()
    finally:
        searcher.close()


def text_context(doc: Document, start: int, end: int, lines: int = 3) -> tuple[str, str, str]:
    """(before, span, after): the span with `lines` lines of its report on each side."""
    text = doc.text
    left = start
    for _ in range(lines + 1):
        left = text.rfind("\n", 0, left)
        if left < 0:
            break
    right = end
    for _ in range(lines + 1):
        right = text.find("\n", right + 1)
        if right < 0:
            right = len(text)
            break
    return text[left + 1 : start], text[start:end], text[end:right]


def is_pdf(doc: Document) -> bool:
    return Path(doc.path).suffix.lower() == ".pdf"
