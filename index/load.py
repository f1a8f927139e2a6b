"""Read report files into raw pages of text: TXT/MD (any common Chinese
encoding), PDF (one string per page), DOCX (paragraphs and tables) and XLSX
(one page per sheet). Table rows are written `| cell | cell |` whatever the
format, so that index/tables.py reads them all alike."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

SUPPORTED_SUFFIXES = {".txt", ".md", ".pdf", ".docx", ".xlsx"}


class LoadError(Exception):
    """A file that cannot be read; the message names the file and the reason."""

    def __init__(self, path: Path | str, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{Path(path).name}: {reason}")


@dataclass
class RawDocument:
    path: Path
    sha256: str
    pages: list[str]
    source_url: str = ""


def read_file(path: Path | str) -> RawDocument:
    path = Path(path)
    if not path.is_file():
        raise LoadError(path, "文件不存在 (file not found)")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise LoadError(path, f"不支持的文件类型 (unsupported file type '{suffix or '(none)'}'; use .txt, .md, .pdf, .docx or .xlsx; save .xls/.doc in the newer format)")
    data = path.read_bytes()
    if not data.strip():
        raise LoadError(path, "文件为空 (the file is empty)")
    sha = hashlib.sha256(data).hexdigest()
    if suffix == ".pdf":
        pages = _pdf_pages(path, data)
    elif suffix == ".docx":
        pages = [_docx_text(path)]
    elif suffix == ".xlsx":
        pages = _xlsx_pages(path)
    else:
        pages = _decode_text(path, data).replace("\r\n", "\n").replace("\r", "\n").split("\f")
    source_url = ""
    first, _, rest = pages[0].partition("\n")
    if first.startswith("source:"):  # a leading address line, as in documents saved from the web
        source_url = first[len("source:"):].strip()
        pages[0] = rest
    if not "".join(pages).strip():
        raise LoadError(path, "没有可提取的文字 (no text could be extracted; a scanned PDF needs OCR first)")
    return RawDocument(path, sha, pages, source_url)


def _decode_text(path: Path, data: bytes) -> str:
    """UTF-8 (with or without BOM) and UTF-16 with a BOM are certain; otherwise
    strict UTF-8, then GB18030 (a superset of GBK and GB2312), then whatever
    charset-normalizer judges best."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise LoadError(path, "无法识别文字编码 (cannot detect the text encoding; binary file?)")
    return str(best)


def _pdf_pages(path: Path, data: bytes) -> list[str]:
    """One string per page, lines rebuilt from character positions (index/layout.py)."""
    import pypdfium2 as pdfium

    from .layout import page_text

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = str(exc)
        if "password" in reason.lower():
            raise LoadError(path, "PDF 已加密 (the PDF is encrypted, password protected)") from exc
        raise LoadError(path, f"无法读取的 PDF (not a readable PDF: {reason})") from exc
    try:
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            pages.append(page_text(textpage))
            textpage.close()
            page.close()
        return pages
    finally:
        pdf.close()


def _docx_text(path: Path) -> str:
    """Paragraphs and tables in document order; a table row becomes `| cell | cell |`,
    one cell per grid column (a merged cell is written once, then left empty)."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several unrelated types for a bad file
        raise LoadError(path, f"无法读取的 DOCX (not a readable DOCX: {type(exc).__name__}: {exc})") from exc
    lines = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, document).text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                cells, previous = [], None
                for cell in row.cells:
                    merged = previous is not None and cell._tc is previous._tc  # python-docx repeats a merged cell
                    cells.append("" if merged else re.sub(r"\s+", " ", cell.text).strip())
                    previous = cell
                lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _xlsx_pages(path: Path) -> list[str]:
    """One page per sheet: the sheet's name, then its rows as table lines. Merged
    cells hold their value in the first cell only, as in the DOCX reader."""
    import openpyxl

    from .tables import is_figure

    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError and its own errors for a bad file
        raise LoadError(path, f"无法读取的 XLSX (not a readable XLSX: {type(exc).__name__}: {exc})") from exc
    pages = []
    for sheet in book.worksheets:
        rows = [[_xlsx_cell(c) for c in row] for row in sheet.iter_rows()]
        rows = [r for r in rows if any(r)]
        width = max((max(k for k, t in enumerate(r) if t) + 1 for r in rows), default=0)
        lines, in_table = [sheet.title], False
        for r in rows:
            filled = [t for t in r[:width] if t]
            if len(filled) == 1 and not in_table and not is_figure(filled[0]):
                lines.append(filled[0])  # a title or unit line above the table
            else:
                lines.append("| " + " | ".join(r[:width]) + " |")
                in_table = True
        pages.append("\n".join(lines))
    return pages


def _xlsx_cell(cell) -> str:
    """The value as the sheet shows it: decimals, thousands separators and
    percentages follow the cell's number format."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        if hasattr(value, "strftime"):
            return value.strftime("%Y-%m-%d")
        return re.sub(r"\s+", " ", str(value)).strip()
    fmt = cell.number_format or "General"
    decimals = len(m.group(1)) if (m := re.search(r"\.(0+)", fmt)) else None
    if "%" in fmt:
        return f"{value * 100:.{decimals or 0}f}%"
    if decimals is None:
        return str(int(value)) if float(value).is_integer() else f"{value:.10g}"
    return f"{value:,.{decimals}f}" if "," in fmt else f"{value:.{decimals}f}"
