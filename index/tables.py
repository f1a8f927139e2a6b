"""Tables in a report's text: title, unit, column headers, rows and cells.

Every loader writes a table row as one line of `|`-separated cells (PDF pages
through index/layout.py, DOCX tables, spreadsheet rows, and the flattened grids
of web pages), so tables are read here once, from the document text, and every
cell keeps its offsets into that text for citations.

What the national templates look like, and what this relies on:
- a title line above the table (收入支出决算总表, 一般公共预算财政拨款支出决算表 …)
  and a unit (`单位：元`, `单位：万元`, or `（万元）` in a header);
- header rows first (no figures in them), over one or two levels;
- body rows: an optional 类/款/项 code, a label, then figures; two tables may
  stand side by side (`label | figure | label | figure`);
- a table longer than a page goes on without its header on the next page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .names import read_data_lines
from .normalize import unspread
from .records import Document

_NUMBER = re.compile(r"^[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?$|^[-−]?\d+(?:\.\d+)?%?$")
_BLANK_VALUES = {"-", "—", "－", "--", "——", "/", "…"}  # a cell that says "nothing here"
_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$|^\d{2}$")
_UNIT = re.compile(r"(?:单位|金额单位)\s*[:：]\s*(万元|千元|亿元|元)|[（(]\s*(万元|千元|亿元|元)\s*[)）]")
_BOUND = re.compile(r"^[≥≤><]\s*\d")  # an indicator's target written as a bound (≥5万人次, ≤2小时): a row of values
_ROW_LABEL = re.compile(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d{3}(\d{2}){0,2}$)")
# What numbers a row before its name: 一、 （二） 3. 其中：
ROW_ENUMERATOR = re.compile(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、])\s*|^其中[:：]?")
_COLUMN_NUMBERS = tuple(read_data_lines("numbering_columns.txt"))  # 栏次 | 1 | 2 numbers columns, 行次 rows
_UNIT_LINE = re.compile(r"单位\s*[:：]")  # `编制单位：… | 单位：元` stands above a table, it is no header
_TITLE_WORDS = re.compile(r"表|明细|情况")
_NOT_TITLE = re.compile(r"[。；;]|^(注|说明|备注)[:：]")
# a line that only numbers a table (公开01表, 表一, 附表2, 表3-1): it stands by the title, it names no table
_TABLE_NUMBER = re.compile(r"^(?:附件|公开|部门|附)*表?\s*[\d一二三四五六七八九十]+(?:\s*[-－—]\s*\d+)?\s*表?$")


@dataclass
class TableCell:
    text: str
    start: int  # offsets into the document text
    end: int


@dataclass
class TableRow:
    cells: list[TableCell]  # one per column; an empty cell has start == end
    start: int
    end: int

    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass
class Table:
    title: str
    unit: str  # 元, 万元 … as the table states it; "" when it does not
    start: int
    end: int
    columns: list[str] = field(default_factory=list)  # header per column, levels joined by " › "
    rows: list[TableRow] = field(default_factory=list)  # body rows only
    continued: bool = False  # the header came from the same table on an earlier page


_TWO_FIGURES = re.compile(r"\.\d+\s+\d")  # "1,420.36 302": a figure ended by its decimals, then another cell's


def is_figure(text: str) -> bool:
    """One figure, a space inside it allowed (a wrap or a spaced thousands group), but not two cells glued."""
    return bool(_NUMBER.match(text.replace(" ", ""))) and not _TWO_FIGURES.search(text)


def _coded(text: str, row: list[str]) -> bool:
    """A 类/款/项 code in a row: three digits or more; two only beside a longer code (`208 | 05 | 01`),
    else a figure (a score of 15)."""
    return is_code(text) and (len(text) != 2 or any(len(t) >= 3 and is_code(t) for t in row))


def is_blank(text: str) -> bool:
    return not text or text in _BLANK_VALUES


def is_code(text: str) -> bool:
    return bool(_CODE.match(text))


MAX_HEADER_ROWS = 6  # a three-level header whose lower levels each wrap onto a second line


def read_tables(doc: Document) -> list[Table]:
    """Every block of two or more `|` lines is a table."""
    lines = []
    pos = 0
    for line in doc.text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        if "|" not in lines[i][1]:
            i += 1
            continue
        j = i
        while j < len(lines) and "|" in lines[j][1]:
            j += 1
        for a, b in _one_layout_each(lines, i, j):
            if b - a >= 2:
                table = _read_block(doc, lines, a, b, tables[-1] if tables else None)
                if table is not None:
                    tables.append(table)
        i = j
    return tables


def _one_layout_each(lines: list[tuple[int, str]], i: int, j: int) -> list[tuple[int, int]]:
    """A block of `|` lines cut where another table begins with no line between: below rows of figures, a
    row of three or more headings, none a figure, of another width than the row above it, or worded
    headings filling more cells than it (a 自评表's indicator rows under 一级指标 | 二级指标 | … after its
    funds rows; a 绩效目标表's after its label | value rows)."""
    cuts, start, figures_above = [], i, False
    for k in range(i + 1, j):
        texts = [c.text for c in _split(lines[k][0], lines[k][1])]
        above = [c.text for c in _split(lines[k - 1][0], lines[k - 1][1])]
        figures_above = figures_above or any(is_figure(t) for t in above)
        headings = [t for t in texts if t]
        worded = all(len(re.findall(r"[\u4e00-\u9fff]", t)) >= 2 for t in headings)  # no — or / placeholders
        other_shape = len(texts) != len(above) or worded and len(headings) > len([t for t in above if t])
        if len(headings) >= 3 and not any(is_figure(t) for t in headings) and figures_above and other_shape:
            cuts.append((start, k))
            start, figures_above = k, False
    return cuts + [(start, j)]


def _split(pos: int, line: str) -> list[TableCell]:
    cells, start = [], 0
    for piece in line.split("|"):
        stripped = piece.strip()
        at = pos + start + (piece.find(stripped) if stripped else 0)
        cells.append(TableCell(stripped, at, at + len(stripped)))
        start += len(piece) + 1
    if line.startswith("|") and not cells[0].text:  # "| a | b |": the outer bars frame the row
        cells = cells[1:]
    if line.rstrip().endswith("|") and len(cells) > 1 and not cells[-1].text:
        cells = cells[:-1]
    return cells


def _read_block(doc: Document, lines: list[tuple[int, str]], i: int, j: int, before: Table | None) -> Table | None:
    rows = [TableRow(_split(pos, line), pos, pos + len(line)) for pos, line in lines[i:j]]
    width = max(len(r.cells) for r in rows)
    aligned = {r.start for r in rows if len(r.cells) == width}  # rows whose cells keep their columns
    for r in rows:  # rows of a grid that lost its empty cells are padded on the right
        r.cells += [TableCell("", r.end, r.end)] * (width - len(r.cells))
    head_lines = [line for _, line in lines[max(0, i - 3):i]]
    body_from = next((n for n, r in enumerate(rows) if not _numbers_columns(r.texts())
                      and any(is_figure(t) and not _coded(t, r.texts()) or _BOUND.match(t) for t in r.texts())), None)
    if body_from is None:
        return None
    while body_from > 0 and _ROW_LABEL.match(next((t for t in rows[body_from - 1].texts() if t), "")):
        body_from -= 1  # rows without figures (`七、节能环保支出 |  |`) above the first figure
    for n in range(1, body_from):
        if not lines[i + n][1].startswith("|"):  # a framed row (`| a |  | b |`, as the PDF layout writes) keeps its columns
            _under_its_span(rows[n], rows[n - 1], width)
    rows, width = _join_split_columns(rows, body_from)
    before_body = rows[:body_from]
    unit = next(filter(None, (unit_of(" ".join(r.texts())) for r in before_body)), "")
    candidates: list[tuple[list[str], bool]] = []  # the rows right above the body, top to bottom; under the one above?
    for r in reversed(before_body):
        texts = r.texts()
        if _UNIT_LINE.search(" ".join(texts)) or _numbers_columns(texts):
            continue
        if len(candidates) == MAX_HEADER_ROWS or not any(texts):
            break
        # a sub-level or wrapped header row leaves the row-label column empty (项目 spans down)
        candidates.insert(0, (texts, r.start in aligned and not texts[0]))
    candidates = _unwrap(candidates)
    body = rows[body_from:]
    labels = {k for k in range(width)  # the columns that name rows: no figure in the body (codes are no figures)
              if not any(is_figure(r.cells[k].text) and not _coded(r.cells[k].text, r.texts()) for r in body)}
    header: list[list[str]] = []
    while candidates:  # from the body up: a row naming most columns, or a sub-level row under its parent
        if _names_most([candidates[-1][0]], width):
            header.insert(0, candidates.pop()[0])
        elif len(candidates) > 1 and candidates[-1][1] and _names_most([candidates[-2][0]], width):
            header[:0] = [candidates.pop(-2)[0], candidates.pop()[0]]  # 工资福利支出 | 对个人和家庭的补助 under 人员经费
        elif (not header and len(candidates) > 1 and _names_most([candidates[-2][0]], width)
              and candidates[-1][0][0] and {k for k, t in enumerate(candidates[-1][0]) if t} <= labels):
            header[:0] = [candidates.pop(-2)[0], candidates.pop()[0]]  # 科目编码 | 科目名称 under 项目 | 本年支出合计 | …
        elif header and (_parents(candidates[-1][0], header[0], 0 in labels) or _sides(candidates[-1][0], header[0])):
            header.insert(0, candidates.pop()[0])  # 预算数 | 决算数 over the headings of their halves
        else:
            break
    unit = unit or unit_of(" ".join(head_lines))
    title = title_above(head_lines) or title_above([" ".join(r.texts()).strip() for r in before_body if sum(map(bool, r.texts())) == 1])
    columns = [unspread(c) for c in _columns(header, width)]
    project = next((texts[k + 1] for texts in (r.texts() for r in before_body) for k, cell in enumerate(texts[:-1])
                    if cell == "项目名称" and texts[k + 1] and sum(map(bool, texts)) == 2), "")  # a row 项目名称 | X, no header
    if title and project and project not in title:
        title = f"{title}（{project}）"  # a 绩效目标表 is one project's: its cells are that project's
    if not title and before is not None and before.title and _under(doc.text[before.end : rows[0].start]):
        title = before.title  # the indicator rows under a 绩效目标表's funds rows: one grid, one title
    continued = False
    if not header and before is not None and len(before.columns) == width and (not title or _goes_on(title, before.title)):
        columns, title, unit, continued = before.columns, before.title, unit or before.unit, True
    return Table(title, unit, rows[0].start, rows[-1].end, columns, rows[body_from:], continued)


def _under(between: str) -> bool:
    """Whether only rows of a grid (lines holding cells) stand between two tables: the second is a part of the
    first one's grid, read apart because a row of words (年度目标 | …) split its figures."""
    return all("|" in line for line in between.split("\n") if line.strip())


_CONTINUED = re.compile(r"\s*[（(]\s*续\s*(?:表|前表)?\s*[0-9一二三四五六七八九十]*\s*[)）]\s*$|\s*续表\s*\d*\s*$|^\s*续表\s*")


def _goes_on(title: str, before: str) -> bool:
    """A title that says the table above goes on: "…决算表（续）", "续表", or the same title again."""
    bare = _CONTINUED.sub("", title).strip()
    return bool(_CONTINUED.search(title)) and (not bare or bare == before) or title == before


def _parents(texts: list[str], below: list[str], labelled: bool = True) -> bool:
    """A row of a few headings over a header row, each over a run of its columns
    (`预算数 | 决算数`, centred over their halves or left in them): two or more words, none over
    the row-label column (a word there makes a row of the body or a `主管部门 | …` line) where
    the table has one, no figure, no `名称：值`, at most half as many as the headings below them."""
    filled = [t for t in texts if t]
    return ((not texts[0] or not labelled) and 2 <= len(filled) <= sum(1 for t in below if t) / 2
            and _headings_only(filled))


def _headings_only(cells: list[str]) -> bool:
    """Cells that can head columns: no figure among them, no `名称：值`."""
    return not any(is_figure(t) or ":" in t or "：" in t for t in cells)


def _sides(texts: list[str], below: list[str]) -> bool:
    """A row naming the sides of two tables set side by side (`收入 | | | 支出 | |` over
    `项目 | 行次 | 金额 | 项目 | 行次 | 金额`): one word over the first column of each repeat of the
    header below, no figure among them."""
    filled = [k for k, t in enumerate(texts) if t]
    width = len(below)
    for period in range(2, width // 2 + 1):
        if all(below[k] == below[k + period] for k in range(width - period)) and any(below[:period]):
            return (len(filled) >= 2 and filled == list(range(0, width, period))[: len(filled)]
                    and _headings_only([texts[k] for k in filled]))
    return False


def _numbers_columns(texts: list[str]) -> bool:
    """A row numbering the columns: `栏次 | | 1 | 2`, or bare `1 | 2 | 3 | … | 12`."""
    filled = [t for t in texts if t]
    if filled and filled[0] in _COLUMN_NUMBERS:
        return True
    return len(filled) >= 3 and all(t.isdigit() for t in filled) and [int(t) for t in filled] == list(
        range(int(filled[0]), int(filled[0]) + len(filled)))


def _under_its_span(row: TableRow, above: TableRow, width: int) -> None:
    """A sub-header row of a flattened web table that lost its empty cells (`增、减金额 | 增、减幅度`
    under `项目 | 2023年预算数 | 2024年预算数 | 比上年增、减情况 | |`) goes back under the heading
    whose empty cells it fills: the last heading of the row above, spanning as many columns as
    the row has cells."""
    filled = [k for k, t in enumerate(row.texts()) if t]
    named = [k for k, t in enumerate(above.texts()) if t]
    if not filled or filled != list(range(len(filled))) or not named or named[0] != 0 or len(named) < 3:
        return  # the row above must be a header naming the row-label column and more
    span_from = named[-1]
    if span_from > 0 and width - span_from == len(filled):
        row.cells = [TableCell("", row.start, row.start)] * span_from + row.cells[: len(filled)]


def _join_split_columns(rows: list[TableRow], body_from: int) -> tuple[list[TableRow], int]:
    """One column that the page's layout split in two: its heading (`金额`, and its 栏次 number)
    centred or left in one band, its right-aligned figures (`1,234.56`) in the next. Where a column has no figure
    in the body (it is empty there) and the next has no heading above it, the two are one column."""
    width = len(rows[0].cells)
    body, head = rows[body_from:], rows[:body_from]
    k = 0
    while k < width - 1:
        empty_here = all(is_blank(r.cells[k].text) for r in body)
        figures_next = any(is_figure(r.cells[k + 1].text) and not is_blank(r.cells[k + 1].text) for r in body)
        heading_next = any(r.cells[k + 1].text for r in head if not _UNIT_LINE.search(" ".join(r.texts())))
        labels_next = any(r.cells[k + 1].text and not is_figure(r.cells[k + 1].text) for r in body)
        if empty_here and figures_next and not heading_next and not labels_next and any(r.cells[k].text for r in head):
            for r in rows:
                here, there = r.cells[k], r.cells[k + 1]
                r.cells[k:k + 2] = [there if there.text and not here.text else here]
            width -= 1
        k += 1
    return rows, width


def is_numbering(column: str) -> bool:
    """A column that numbers the rows (行次, 序号): its cells are no figures of the report."""
    return column.rsplit(" › ", 1)[-1] in _COLUMN_NUMBERS


def is_code_column(column: str) -> bool:
    """A column of 科目编码 (功能分类 or 经济分类 codes): its cells name rows, they are no figures;
    where several such tables stand side by side, each code begins the next one's row."""
    return bool(re.search(r"编码|代码", column.rsplit(" › ", 1)[-1]))


def row_name(label_path: str) -> str:
    """A row's own name: the last part of its label path, without its enumerator."""
    return ROW_ENUMERATOR.sub("", label_path.split(" › ")[-1])


def unit_of(text: str) -> str:
    """The money unit a table states (`单位：元`, `（万元）`), or ""."""
    m = _UNIT.search(text)
    return (m.group(1) or m.group(2)) if m else ""


def title_above(head_lines: list[str]) -> str:
    """The nearest short line above the table that names a table."""
    for line in reversed(head_lines):
        line = line.strip()
        if not line or "|" in line:
            continue
        text = _UNIT.sub("", line).strip(" ：:")
        if (text and len(text) <= 40 and _TITLE_WORDS.search(text) and not _NOT_TITLE.search(text)
                and not _TABLE_NUMBER.match(text)):
            return text
    return ""


def _names_most(rows: list[list[str]], width: int) -> bool:
    """Whether these rows together name at least half the columns."""
    return len({k for row in rows for k, t in enumerate(row) if t}) * 2 >= width


def _unwrap(rows: list[tuple[list[str], bool]]) -> list[tuple[list[str], bool]]:
    """Header cells a PDF wrapped onto two lines (工资福利 / 支出) joined back: a row that keeps
    its columns (an empty first cell, nothing lost) and whose named cells all sit under named
    cells of the row above continues that row. A flattened row that lost its empty cells says
    nothing of where its cells stand."""
    out: list[tuple[list[str], bool]] = []
    for row, row_aligned in rows:
        named = {k for k, t in enumerate(row) if t}
        if out and row_aligned and named and named <= {k for k, t in enumerate(out[-1][0]) if t}:
            out[-1] = ([a + b for a, b in zip(out[-1][0], row)], out[-1][1])
        else:
            out.append((list(row), row_aligned))
    return out


def _columns(header: list[list[str]], width: int) -> list[str]:
    """One name per column: the header rows' cells top to bottom. A cell spanning
    several columns is written once — over the first of them (Word, Excel's left
    alignment) or over the middle (a centred PDF heading). It is spread over the run
    of columns that lower header rows name around it: alone in its run, over the
    whole run; with others, rightwards to the next one."""
    levels: list[list[str]] = []
    for n, texts in enumerate(header):
        lower = header[n + 1:]
        named_below = [any(row[k] for row in lower) for k in range(width)]
        filled = list(texts)
        k = 0
        while k < width:
            if not named_below[k]:
                k += 1
                continue
            run = range(k, next((m for m in range(k, width) if not named_below[m]), width))
            labels = [m for m in run if texts[m]]
            if len(labels) == 1:
                filled[run.start : run.stop] = [texts[labels[0]]] * len(run)
            elif labels and labels[0] > run.start:  # centred headings (none over the run's first column): the nearest
                for m in run:
                    filled[m] = texts[min(labels, key=lambda at: abs(at - m))]
            else:
                last = ""
                for m in run:
                    last = texts[m] or last
                    filled[m] = last
            k = run.stop
        levels.append(filled)
    columns = []
    for k in range(width):
        parts: list[str] = []
        for level in levels:
            part = re.sub(r"\s+", "", level[k])
            if part and part not in parts:
                parts.append(part)
        columns.append(" › ".join(parts))
    return columns
