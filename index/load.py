"""Read report files into raw pages of text: TXT/MD (any common Chinese
encoding), PDF (one string per page) and DOCX (paragraphs and tables)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

SUPPORTED_SUFFIXES = {".txt", ".md", ".pdf", ".docx"}


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
        raise LoadError(path, f"不支持的文件类型 (unsupported file type '{suffix or '(none)'}'; use .txt, .md, .pdf or .docx)")
    data = path.read_bytes()
    if not data.strip():
        raise LoadError(path, "文件为空 (the file is empty)")
    sha = hashlib.sha256(data).hexdigest()
    if suffix == ".pdf":
        pages = _pdf_pages(path, data)
    elif suffix == ".docx":
        pages = [_docx_text(path)]
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
    import pypdfium2 as pdfium

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
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return pages
    finally:
        pdf.close()


def _docx_text(path: Path) -> str:
    """Paragraphs and tables in document order; a table row becomes `cell | cell`."""
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
                cells = []
                for cell in row.cells:
                    value = re.sub(r"\s+", " ", cell.text).strip()
                    if not cells or cells[-1] != value:  # merged cells repeat their text
                        cells.append(value)
                lines.append(" | ".join(cells))
    return "\n".join(lines)
