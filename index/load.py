"""Read report files into raw pages of text: TXT/MD (any common Chinese
encoding), PDF (one string per page), DOCX (paragraphs and tables), XLSX
and XLS (one page per sheet) and saved web pages (HTML). Table rows are written
`| cell | cell |` whatever the format, so that index/tables.py reads them all alike."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

SUPPORTED_SUFFIXES = {".txt", ".md", ".pdf", ".docx", ".xlsx", ".xls", ".html", ".htm"}


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
    wrapped: bool = True  # lines may be prose hard-wrapped (PDF, text); a sheet's, a Word file's or a web page's are not


def read_file(path: Path | str) -> RawDocument:
    path = Path(path)
    if not path.is_file():
        raise LoadError(path, "文件不存在 (file not found)")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise LoadError(path, f"不支持的文件类型 (unsupported file type '{suffix or '(none)'}'; use .txt, .md, .pdf, .docx, .xlsx, .xls or .html; save .doc as .docx)")
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
    elif suffix == ".xls":
        pages = _xls_pages(path, data)
    elif suffix in (".html", ".htm"):
        pages = [_html_text(path, data)]
    else:
        pages = _decode_text(path, data).replace("\r\n", "\n").replace("\r", "\n").split("\f")
    source_url = ""
    first, _, rest = pages[0].partition("\n")
    if first.startswith("source:"):  # a leading address line, as in documents saved from the web
        source_url = first[len("source:"):].strip()
        pages[0] = rest
    if not "".join(pages).strip():
        raise LoadError(path, "没有可提取的文字 (no text could be extracted; a scanned PDF needs OCR first)")
    return RawDocument(path, sha, pages, source_url, wrapped=suffix in (".pdf", ".txt", ".md"))


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


_HTML_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w-]+)", re.I)
_HTML_SKIP = ("script", "style", "noscript", "template", "iframe", "svg")
_HTML_BLOCKS = {"p", "div", "section", "article", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
                "title", "br", "tr", "table", "ul", "ol", "pre", "blockquote", "header", "footer", "caption"}


def _html_text(path: Path, data: bytes) -> str:
    """A saved web page: its title and text, a line per block (paragraph, heading, list
    item), each table row `| cell | cell |` with a spanning cell written once and then
    left empty, as in the DOCX reader. The page's own charset (often GBK) first."""
    import lxml.html

    declared = _HTML_CHARSET.search(data[:4096])
    text = None
    if declared:
        try:
            text = data.decode(declared.group(1).decode("ascii").lower().replace("gb2312", "gb18030"))
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text = _decode_text(path, data)
    try:
        root = lxml.html.document_fromstring(text)
    except Exception as exc:  # lxml raises ParserError, ValueError for pages it cannot parse
        raise LoadError(path, f"无法读取的网页 (not a readable HTML page: {type(exc).__name__}: {exc})") from exc
    for element in root.iter(*_HTML_SKIP):
        element.drop_tree()
    lines: list[str] = []
    spanned: dict[int, int] = {}  # column → rows a cell above still covers (rowspan), in the current table

    def inline(element) -> str:
        return re.sub(r"\s+", " ", element.text_content()).strip()

    def span(cell, name: str) -> int:
        digits = re.sub(r"\D", "", cell.get(name, "") or "")
        return max(1, min(int(digits), 100)) if digits else 1

    def row_cells(tr) -> list[str]:
        """The row's cells in their grid columns: a cell spanning columns or rows is written
        once, the columns and rows it covers left empty."""
        cells: list[str] = []
        for cell in (c for c in tr if c.tag in ("td", "th")):
            while spanned.get(len(cells)):
                spanned[len(cells)] -= 1
                cells.append("")
            for k in range(span(cell, "colspan")):
                if span(cell, "rowspan") > 1:
                    spanned[len(cells)] = span(cell, "rowspan") - 1
                cells.append(inline(cell) if k == 0 else "")
        while spanned.get(len(cells)):
            spanned[len(cells)] -= 1
            cells.append("")
        return cells

    def walk(element, current: list[str]) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "table":
            spanned.clear()
        if tag == "tr":
            flush(current)
            cells = row_cells(element)
            if any(cells):
                lines.append("| " + " | ".join(cells) + " |")
            return
        if tag in _HTML_BLOCKS:
            flush(current)
        if element.text and tag not in ("html", "head"):
            current.append(element.text)
        for child in element:
            walk(child, current)
            if child.tail:
                current.append(child.tail)
        if tag in _HTML_BLOCKS:
            flush(current)

    def flush(current: list[str]) -> None:
        line = re.sub(r"[ \t\u3000\xa0]+", " ", "".join(current)).strip()
        if line:
            lines.append(line)
        current.clear()

    title = root.find(".//title")
    if title is not None and inline(title):
        lines.append(inline(title))
    body = root.find("body")
    walk(body if body is not None else root, [])
    return "\n".join(lines)


def _xlsx_pages(path: Path) -> list[str]:
    """One page per sheet: the sheet's name, then its rows as table lines. Merged
    cells hold their value in the first cell only, as in the DOCX reader."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError and its own errors for a bad file
        raise LoadError(path, f"无法读取的 XLSX (not a readable XLSX: {type(exc).__name__}: {exc})") from exc
    return [_sheet_page(sheet.title, [[_xlsx_cell(c) for c in row] for row in sheet.iter_rows()])
            for sheet in book.worksheets]


def _xls_pages(path: Path, data: bytes) -> list[str]:
    """The older Excel format (.xls, as many finance bureaus still publish), read as the XLSX sheets are."""
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True)
    except Exception as exc:  # xlrd raises XLRDError, CompDocError and struct errors for a bad file
        raise LoadError(path, f"无法读取的 XLS (not a readable XLS: {type(exc).__name__}: {exc})") from exc
    pages = []
    for sheet in book.sheets():
        rows = [[_xls_cell(book, sheet.cell(r, c)) for c in range(sheet.ncols)] for r in range(sheet.nrows)]
        pages.append(_sheet_page(sheet.name, rows))
    return pages


def _sheet_page(title: str, rows: list[list[str]]) -> str:
    """A sheet as text: its name, a title or unit line above the table as a line, the rest as table rows."""
    from .tables import is_figure

    rows = [r for r in rows if any(r)]
    width = max((max(k for k, t in enumerate(r) if t) + 1 for r in rows), default=0)
    lines, in_table = [title], False
    for r in rows:
        filled = [t for t in r[:width] if t]
        if len(filled) == 1 and not in_table and not is_figure(filled[0]):
            lines.append(filled[0])  # a title or unit line above the table
        else:
            lines.append("| " + " | ".join(r[:width]) + " |")
            in_table = True
    return "\n".join(lines)


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
    return _as_formatted(value, cell.number_format or "General")


def _xls_cell(book, cell) -> str:
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return ""
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        xf = book.xf_list[cell.xf_index]
        fmt = book.format_map[xf.format_key].format_str if xf.format_key in book.format_map else "General"
        return _as_formatted(cell.value, fmt)
    if cell.ctype == xlrd.XL_CELL_DATE:
        return xlrd.xldate.xldate_as_datetime(cell.value, book.datemode).strftime("%Y-%m-%d")
    return re.sub(r"\s+", " ", str(cell.value)).strip()


def _as_formatted(value: float, fmt: str) -> str:
    decimals = len(m.group(1)) if (m := re.search(r"\.(0+)", fmt)) else None
    if "%" in fmt:
        return f"{value * 100:.{decimals or 0}f}%"
    if decimals is None:
        return str(int(value)) if float(value).is_integer() else f"{value:.10g}"
    return f"{value:,.{decimals}f}" if "," in fmt else f"{value:.{decimals}f}"
