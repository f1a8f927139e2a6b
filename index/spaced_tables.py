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
from .tables import Table, TableCell, TableRow, is_figure, title_above, unit_of

_FIGURE = r"[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|[-−]?\d+(?:\.\d+)?%?"
# a row: a 类/款/项 code or an enumerator (2. （1）) perhaps, a label without figures, then figures only
_ROW = re.compile(rf"^(?P<label>[^\S\n]*(?:\d{{3,7}}[^\S\n]+)?(?:[（(]\d{{1,2}}[)）]|\d{{1,2}}[.、])?[^\d\s|][^|\d]*?)"
                  rf"(?P<figures>(?:[^\S\n]+(?:{_FIGURE}))+)[^\S\n]*$")
_PROSE = re.compile(r"[。，,；;：:]")  # a label with a sentence's punctuation is prose, not a row
_CJK = re.compile(r"[\u4e00-\u9fff]")
_NUMBERING = re.compile(r"^(?:栏次|行次|栏\s*次|行\s*次)$")
_CODE_HEADING = re.compile(r"编码|代码|编号")
_TOTAL_HEADING = re.compile(r"合计|总计|小计")  # a first value column that totals its row
MAX_LABEL = 40  # characters
HEAD_LINES = 3  # lines above a header searched for the table's title and unit


def read_spaced_tables(doc: Document, totals: bool = False) -> list[Table]:
    """`totals`: also the rows that left cells empty, their first figure under the first value heading when
    that heading totals the row (合计, 本年支出合计: a filled row never leaves it empty) — for comparing a
    table's lines on their totals, which must then add up to the table's 合计; not for reading any cell."""
    lines, pos = [], 0
    for line in doc.text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        headings = _headings(lines[i][1])
        table = _read_block(lines, i, headings, totals) if headings else None
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


def _read_block(lines: list[tuple[int, str]], i: int, headings: list[str], totals: bool = False) -> Table | None:
    read: list[tuple[int, str, TableCell, list[TableCell]]] = []
    for pos, line in lines[i + 1 :]:
        if not line.strip():
            break
        row = _row(pos, line)
        if row is None:
            if _PROSE.search(line) or "|" in line or len(line.strip()) > MAX_LABEL or not _CJK.search(line):
                break
            if read and (title_above([line]) or _headings(line)):
                break  # the next table's title or header, after this one's rows
            continue  # a row's label alone ("一、一般公共服务支出", "科目编码 科目名称" under the header): inside the table
        if not _NUMBERING.match(row[0].text):  # "栏次 1 2 3": the columns' numbers, no row
            read.append((pos, line, *row))
    # the label takes one heading (项目), or two when the first names the code column (科目编码 科目名称)
    width = len(headings) - (2 if _CODE_HEADING.search(headings[0]) else 1)
    if width < 1:
        return None
    value_headings = headings[-width:]
    total_first = totals and bool(_TOTAL_HEADING.search(value_headings[0]))
    rows: list[TableRow] = []
    for pos, line, label, figures in read:
        end = pos + len(line.rstrip())
        if len(figures) == width:
            rows.append(TableRow([label, *figures], pos, end))
        elif total_first and 0 < len(figures) < width:
            rows.append(TableRow([label, figures[0]] + [TableCell("", end, end)] * (width - 1), pos, end))
    if len(rows) < 2:
        return None  # not two rows with as many figures as the headings after the label's
    head_lines = [line for _, line in lines[max(0, i - HEAD_LINES) : i]]
    title = title_above(head_lines)
    if not title:
        return None  # rows of figures under no table's name: a list in prose, not a template's table
    columns = [" ".join(headings[: len(headings) - width])] + value_headings
    unit = unit_of(" ".join(head_lines + [lines[i][1]]))
    return Table(title, unit, lines[i][0], rows[-1].end, columns, rows)
