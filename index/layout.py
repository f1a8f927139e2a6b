"""Rebuild a PDF page's lines and table grids from character positions.

A PDF's own text order reads a 决算 table row by row but drops empty cells, so
`三、上级补助收入 三、国防支出 1,000.00` cannot say which column 1,000.00 is in.
Here characters are grouped into lines by their height on the page, a line is
cut into cells where a wide gap opens, and the cells of consecutive table
lines are aligned to shared column bands, so every table row is written with
the same number of `|`-separated cells (empty ones included), framed by bars:
`| 三、上级补助收入 |  | 三、国防支出 | 1,000.00 |`.

pdfplumber does the same with pdfminer underneath, at several times the cost
per page; pypdfium2 already reads our PDFs and gives each character's box.
"""

from __future__ import annotations

import ctypes
import math
import re
import unicodedata
from dataclasses import dataclass
from statistics import median

import pypdfium2.raw as pdfium_c

CELL_GAP = 0.6  # a gap wider than this × the line's character height separates two cells
WORD_GAP = 0.2  # a narrower gap than a cell's, still wider than this, is a space
ROW_SPLIT = 0.75  # lines nearer than this × the character height, side by side, are one table row
WRAP_SPLIT = 1.35  # a name's second line sits nearer than this; a table's next row sits farther
_ROW_START = re.compile(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|\d{3,}|其中)")
_UNIT_CELL = re.compile(r"单位\s*[:：]")
_NUMBER = re.compile(r"^[-−(（]?[\d,，]+(\.\d+)?%?[)）]?$")
_PLACEHOLDER = re.compile(r"^[—－\-/／]+$")


@dataclass
class Glyph:
    char: str
    x0: float
    x1: float
    y0: float  # bottom
    y1: float  # top


@dataclass
class Cell:
    text: str
    x0: float
    x1: float


def page_text(textpage) -> str:
    """The page as lines; table lines as `|`-separated cells aligned to columns. Text turned on
    the page (a landscape table printed on a portrait page turned by /Rotate) is read upright,
    each direction of writing on its own, the most written first."""
    by_turn: dict[int, list[Glyph]] = {}
    for turn, glyph in _glyphs(textpage):
        by_turn.setdefault(turn, []).append(glyph)
    turns = sorted(by_turn, key=lambda t: -len(by_turn[t]))
    return "\n".join(_upright_text(by_turn[t]) for t in turns)


def _upright_text(glyphs: list[Glyph]) -> str:
    lines, cells = _rows(_lines(glyphs))
    in_table = [len(c) >= 2 or _row_like(lines, cells, i) for i, c in enumerate(cells)]
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and in_table[j]:
            j += 1
        if j - i >= 2:
            out += _grid(cells[i:j])
            i = j
        else:
            out.append(" | ".join(c.text for c in cells[i]))
            i += 1
    return "\n".join(out)


def _row_like(lines: list[list[Glyph]], cells: list[list[Cell]], i: int) -> bool:
    """A one-cell line is a table row (an empty row: `七、节能环保支出`) when it
    sits between two rows of the table in the same character height, or in the
    table's rhythm: the same character height as the multi-cell line beside it,
    at the same spacing as that line from the next one."""
    if 0 < i < len(lines) - 1 and all(len(cells[k]) >= 2 and _same_height(lines[i], lines[k]) for k in (i - 1, i + 1)):
        return True  # between two rows of the table, whatever their heights (a wrapped row is taller)
    for d in (1, -1):
        n1, n2 = i + d, i + 2 * d
        if not (0 <= n1 < len(lines) and 0 <= n2 < len(lines)):
            continue
        if len(cells[n1]) < 2 or not _same_height(lines[i], lines[n1]):
            continue
        pitch, next_pitch = abs(_centre(lines[i]) - _centre(lines[n1])), abs(_centre(lines[n1]) - _centre(lines[n2]))
        if abs(pitch - next_pitch) <= 0.25 * next_pitch:
            return True
    return False


def _rows(lines: list[list[Glyph]]) -> tuple[list[list[Glyph]], list[list[Cell]]]:
    """Lines cut into cells, and a table cell that wraps around its row's figures
    (`机关事业单位基本养老保险` above `2080505 … 42.03`, `缴费支出` below) joined to
    that row: a line closer to the previous one than ROW_SPLIT × its height whose
    cells stand beside, not over, that line's cells belongs to the same row."""
    glyph_rows: list[list[Glyph]] = []
    cell_rows: list[list[Cell]] = []
    last_line: list[Glyph] = []
    last_cells: list[Cell] = []
    for line in lines:
        cells = _cells(line)
        if last_line and (_close(last_line, line) and not any(_overlap(a, b) for a in cells for b in last_cells)
                          or _continues(last_line, last_cells, line, cells)):
            merged = cell_rows[-1]
            for cell in cells:
                same = next((m for m in merged if _overlap(m, cell)), None)
                if same is None:
                    merged.append(cell)
                else:  # the wrapped cell's next line
                    same.text, same.x0, same.x1 = same.text + cell.text, min(same.x0, cell.x0), max(same.x1, cell.x1)
            merged.sort(key=lambda c: c.x0)
            glyph_rows[-1] = glyph_rows[-1] + line
        else:
            glyph_rows.append(line)
            cell_rows.append(cells)
        last_line, last_cells = line, cells
    return glyph_rows, cell_rows


def _centre(line: list[Glyph]) -> float:
    return median((g.y0 + g.y1) / 2 for g in line)


def _height(line: list[Glyph]) -> float:
    return median(g.y1 - g.y0 for g in line)


def _same_height(line: list[Glyph], other: list[Glyph]) -> bool:
    return abs(_height(line) - _height(other)) <= 0.1 * _height(other)


def _close(above: list[Glyph], below: list[Glyph], within: float = ROW_SPLIT) -> bool:
    return _centre(above) - _centre(below) < within * _height(below)


def _continues(above: list[Glyph], above_cells: list[Cell], below: list[Glyph], cells: list[Cell]) -> bool:
    """A name wrapped under its row (`2080505 | 机关事业单位基本养老保险 | 42.03` then `缴费支出`):
    one cell, at a line's distance under a row of figures, below that row's name and not
    starting a row of its own (an enumerator or a code)."""
    if len(cells) != 1 or len(above_cells) < 2 or not any(_NUMBER.match(c.text) for c in above_cells):
        return False
    over = [c for c in above_cells if _overlap(c, cells[0])]
    return (len(over) == 1 and not _NUMBER.match(over[0].text) and not _ROW_START.match(cells[0].text)
            and _close(above, below, WRAP_SPLIT))


def _overlap(a: Cell, b: Cell) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1


def _glyphs(textpage) -> list[tuple[int, Glyph]]:
    """Each character with its box in its own upright frame, and how many quarter turns its
    writing is turned on the page (0 for upright text)."""
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count)
    glyphs = []
    for i, ch in enumerate(text[:count]):
        if ch.isspace():
            continue
        turn = round(pdfium_c.FPDFText_GetCharAngle(textpage.raw, i) / (math.pi / 2)) % 4
        if turn:
            glyph = _turned_glyph(textpage, i, ch, turn)
        else:
            x0, y0, x1, y1 = textpage.get_charbox(i, loose=True)
            glyph = Glyph(ch, x0, x1, y0, y1)
        if glyph.x1 <= glyph.x0 and glyph.y1 <= glyph.y0:  # generated characters have no box
            continue
        glyphs.append((turn, glyph))
    return glyphs


DESCENT = 0.26  # of the font size: how far a loose box reaches below the baseline (pdfium's, measured)


def _upright(x: float, y: float, turn: int) -> tuple[float, float]:
    """A point in the frame where writing turned `turn` quarters clockwise (pdfium's angle) runs
    left to right with its top up: at three quarters the writing runs up the page, at one down it."""
    return {0: (x, y), 1: (-y, x), 2: (-x, -y), 3: (y, -x)}[turn]


def _turned_glyph(textpage, i: int, ch: str, turn: int) -> Glyph:
    """pdfium gives a turned character no loose box: one is made as pdfium makes it for upright
    text, from the character's origin and font size — a full-width character (or one of ambiguous
    width, “ ” （ in a CJK font) advances one size, another as far as its ink reaches."""
    size = pdfium_c.FPDFText_GetFontSize(textpage.raw, i)
    x, y = ctypes.c_double(), ctypes.c_double()
    if not size or not pdfium_c.FPDFText_GetCharOrigin(textpage.raw, i, x, y):
        return Glyph(ch, 0.0, 0.0, 0.0, 0.0)
    ox, oy = _upright(x.value, y.value, turn)
    tx0, ty0, tx1, ty1 = textpage.get_charbox(i)
    ink = max(_upright(tx0, ty0, turn)[0], _upright(tx1, ty1, turn)[0]) - ox
    advance = size if unicodedata.east_asian_width(ch) in ("W", "F", "A") else max(ink, 0.3 * size)
    return Glyph(ch, ox, ox + advance, oy - DESCENT * size, oy + (1 - DESCENT) * size)


def _lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """A glyph joins a line when its vertical centre lies within the line's band
    (so a low comma or 、 stays with its characters); lines top to bottom,
    glyphs left to right."""
    lines: list[list[Glyph]] = []
    bands: list[list[float]] = []
    for g in sorted(glyphs, key=lambda g: -(g.y0 + g.y1) / 2):
        centre = (g.y0 + g.y1) / 2
        for k in range(len(lines) - 1, max(len(lines) - 4, -1), -1):
            y0, y1 = bands[k]
            if y0 <= centre <= y1:
                lines[k].append(g)
                if g.y1 - g.y0 >= 0.7 * (y1 - y0):
                    bands[k] = [min(y0, g.y0), max(y1, g.y1)]
                break
        else:
            lines.append([g])
            bands.append([g.y0, g.y1])
    return [sorted(line, key=lambda g: g.x0) for line in lines]


def _cells(line: list[Glyph]) -> list[Cell]:
    height = _height(line) or 1.0
    cells: list[Cell] = []
    text, x0, prev = "", line[0].x0, None
    for g in line:
        if prev is not None:
            gap = g.x0 - prev.x1
            if gap > CELL_GAP * height:
                cells.append(Cell(text, x0, prev.x1))
                text, x0 = "", g.x0
            elif gap > WORD_GAP * height and (g.char.isascii() or prev.char.isascii()):
                text += " "
        text += g.char
        prev = g
    cells.append(Cell(text, x0, prev.x1))
    return cells


def _grid(rows: list[list[Cell]]) -> list[str]:
    """The table's lines, in blocks of one column layout each: a row of headings that follows rows of
    figures begins another grid (a 项目支出绩效自评表's funds rows, then its indicator rows under
    一级指标 | 二级指标 | … — other columns at other places on the page)."""
    out, start = [], 0
    for i in range(1, len(rows)):
        if len(rows[i]) >= 3 and not _holds_figures(rows[i]) and _holds_figures(rows[i - 1]):
            out += _one_grid(rows[start:i])
            start = i
    return out + _one_grid(rows[start:])


def _holds_number(row: list[Cell]) -> bool:
    return any(_NUMBER.match(c.text) for c in row)


def _holds_figures(row: list[Cell]) -> bool:
    """A row of figures, a dash for "none" among them."""
    return any(_NUMBER.match(c.text) or _PLACEHOLDER.match(c.text) for c in row)


def _one_grid(rows: list[list[Cell]]) -> list[str]:
    """Align the cells of consecutive multi-cell lines to column bands.

    Bands are the merged x-extents of the cells of rows that hold a number
    (data rows); a header cell centred over several columns goes to the first
    band it overlaps, so spanning headers do not merge columns."""
    data = [r for r in rows if _holds_number(r)] or rows
    # a dash for "nothing here" sits anywhere in its cell: it marks no column's extent
    bands = _merged([[c.x0, c.x1] for r in data for c in r if not _PLACEHOLDER.match(c.text)])
    headers = [r for r in rows if len(r) >= 2 and r not in data]
    # a column empty in every data row (项目支出 with nothing in it) still has its header cell
    for x0, x1 in sorted((c.x0, c.x1) for r in headers for c in r
                         if not _UNIT_CELL.search(c.text)):  # 单位：元 sits at the right edge, over no column
        if x0 > bands[-1][1]:
            bands.append([x0, x1])
    figures = {_band_of(c, bands) for r in data for c in r if _NUMBER.match(c.text)}
    bands = _with_empty_columns(bands, figures, headers)
    out = []
    for row in rows:
        slots = [""] * len(bands)
        for cell in row:
            k = _band_of(cell, bands)
            slots[k] = f"{slots[k]} {cell.text}".strip()
        out.append("| " + " | ".join(slots) + " |")  # framed, so that empty end cells survive stripping
    return out


def _with_empty_columns(bands: list[list[float]], figures: set[int], headers: list[list[Cell]]
                        ) -> list[list[float]]:
    """Columns empty in every data row before a column of figures (a 收入决算表's 上级补助收入 |
    事业收入 | 经营收入 with nothing in them): their header cells would all fall into the figures'
    column and be read as one heading over its figures. Where two cells of one header row fall into
    a column of figures, each but the last that lies wholly before its figures is a column of its own
    (a word: one character is a heading spread across its cell, "预  算  数");
    the last is the column's own heading, centred beside short right-aligned figures ("预算数" over
    "250,000.00"), as is a lone header cell."""
    gaps: list[list[float]] = []
    for row in headers:
        by_band: dict[int, list[Cell]] = {}
        for cell in row:
            if not _UNIT_CELL.search(cell.text):
                by_band.setdefault(_band_of(cell, bands), []).append(cell)
        for k, cells in by_band.items():
            if k not in figures:
                continue  # a column of labels: "项目名称 城区河道整治工程" is a label and its value
            cells.sort(key=lambda c: c.x0)
            # one character alone is a heading spread across its cell ("预  算  数", distributed alignment)
            gaps += [[c.x0, c.x1] for c in cells[:-1] if c.x1 < bands[k][0] and len(c.text.strip()) >= 2]
    return _merged(bands + gaps) if gaps else bands


def _merged(spans: list[list[float]]) -> list[list[float]]:
    """x-extents that overlap, merged into one band each, left to right."""
    bands: list[list[float]] = []
    for x0, x1 in sorted(spans):
        if bands and x0 <= bands[-1][1]:
            bands[-1][1] = max(bands[-1][1], x1)
        else:
            bands.append([x0, x1])
    return bands


def _band_of(cell: Cell, bands: list[list[float]]) -> int:
    """Column k reaches from the end of band k-1 to the end of band k: labels
    are left-aligned after the previous column's rule, figures right-aligned
    before their own, so where a cell starts tells its column."""
    for k, (_, b1) in enumerate(bands):
        if cell.x0 < b1:
            return k
    return len(bands) - 1
