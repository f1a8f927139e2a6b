"""Tables a text layer writes with spaces between its cells, read as cells.

A PDF saved as text, or a page whose layout was not read as a grid, writes a
template's table as a header line of headings and rows of a label and figures:

    一般公共预算财政拨款“三公”经费支出决算表
    编制单位：丰宁区民政局        单位：万元
    项目 预算数 决算数
    合计 15.00 12.34
    2.公务用车购置及运行维护费 12.00 10.00

Such a block is read only when it is unambiguous: a header line of words (no
figure), then rows whose figures are as many as the header's headings after
the label's; a row with fewer figures (an empty cell, but which?) or with words
between its figures (two tables side by side) gives no cells, and the block
ends at the first line that is neither such a row nor a row's label alone.
Every cell keeps its offsets into the document text, as a `|` grid's do
(index/tables.py reads those).
"""

from __future__ import annotations

import re

from .records import Document
from .tables import Table, TableCell, TableRow, _title, is_figure, unit_of

_FIGURE = r"[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|[-−]?\d+(?:\.\d+)?%?"
# a row: a 类/款/项 code or an enumerator (2. （1）) perhaps, a label without figures, then figures only
_ROW = re.compile(rf"^(?P<label>[^\S\n]*(?:\d{{3,7}}[^\S\n]+)?(?:[（(]\d{{1,2}}[)）]|\d{{1,2}}[.、])?[^\d\s|][^|\d]*?)"
                  rf"(?P<figures>(?:[^\S\n]+(?:{_FIGURE}))+)[^\S\n]*$")
_PROSE = re.compile(r"[。，,；;：:]")  # a label with a sentence's punctuation is prose, not a row
_CJK = re.compile(r"[\u4e00-\u9fff]")
MAX_LABEL = 40  # characters
HEAD_LINES = 3  # lines above a header searched for the table's title and unit


def read_spaced_tables(doc: Document) -> list[Table]:
    lines, pos = [], 0
    for line in doc.text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        headings = _headings(lines[i][1])
        table = _read_block(lines, i, headings) if headings else None
        if table is not None:
            tables.append(table)
            while i < len(lines) and lines[i][0] < table.end:
                i += 1  # past the table's last row
        else:
            i += 1
    return tables


def _headings(line: str) -> list[str]:
    """A header line's headings: two or more words, none a figure, no `|`, no sentence punctuation."""
    words = line.split()
    if len(words) < 2 or "|" in line or _PROSE.search(line):
        return []
    if any(is_figure(w) or not _CJK.search(w) for w in words):
        return []
    return words


def _row(pos: int, line: str) -> tuple[TableCell, list[TableCell]] | None:
    """A row's label and figures, with their offsets; None for anything else."""
    m = _ROW.match(line)
    if not m or "|" in line:
        return None
    label = m.group("label").strip()
    if not _CJK.search(label) or _PROSE.search(label) or len(label) > MAX_LABEL:
        return None
    at = pos + m.start("label") + m.group("label").find(label)
    figures = [TableCell(f.group(0), pos + m.start("figures") + f.start(), pos + m.start("figures") + f.end())
               for f in re.finditer(r"\S+", m.group("figures"))]
    if not all(is_figure(f.text) for f in figures):
        return None
    return TableCell(label, at, at + len(label)), figures


def _read_block(lines: list[tuple[int, str]], i: int, headings: list[str]) -> Table | None:
    rows: list[TableRow] = []
    width = 0
    for pos, line in lines[i + 1 :]:
        if not line.strip():
            break
        read = _row(pos, line)
        if read is None:
            if _PROSE.search(line) or "|" in line or len(line.strip()) > MAX_LABEL or not _CJK.search(line):
                break
            continue  # a row's label alone ("一、一般公共服务支出"): a row without figures, inside the table
        label, figures = read
        width = width or len(figures)
        if len(figures) != width:
            if rows:
                continue  # a row that left a cell empty: which one is not written
            return None
        rows.append(TableRow([label, *figures], pos, pos + len(line.rstrip())))
    value_headings = headings[-width:] if width else []
    if len(rows) < 2 or not 1 <= len(headings) - width <= 2:
        return None  # not as many headings as figures (and one or two for the labels)
    head_lines = [line for _, line in lines[max(0, i - HEAD_LINES) : i]]
    title = _title(head_lines)
    if not title:
        return None  # rows of figures under no table's name: a list in prose, not a template's table
    columns = [" ".join(headings[: len(headings) - width])] + value_headings
    unit = unit_of(" ".join(head_lines + [lines[i][1]]))
    return Table(title, unit, lines[i][0], rows[-1].end, columns, rows)
