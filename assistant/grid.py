"""The funds grid and the indicator rows of a 项目支出绩效自评表, read from its flattened text.

Every project self-evaluation table made from the national template has the
same grid: a header 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 and
a row 年度资金总额 with one value per column. Flattened into text (pipes, one
cell per line, or spaces) the header and the values drift apart and empty cells
vanish, so the values are put back in their columns by what they are: the rate
is the one with a %, the 分值 is the number just before it (or just after, when
the header puts it there), the 得分 the one after, and the amounts fill the
money columns from the right (an empty 年初预算数 is the usual gap). The column names are data: data/self_eval_grid.tsv.

Some PDFs lose the gaps between cells too ("202010100.00%10" for 20 | 20 | 10 |
100.00% | 10). Such a run is split back only where one split alone agrees with
the row itself: the rate is the execution over the budget, the 分值 a whole
number up to 100; a run that splits more than one way gives no values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

from index.facts import TOTAL_ROWS, asked_period_of, number
from index.names import read_data_lines
from index.normalize import fold
from index.tables import row_name, unit_of

from .question import cues

DATA = Path(__file__).parent / "data" / "self_eval_grid.tsv"
MONEY = ("年初预算数", "全年预算数", "全年执行数")
_GLUED = re.compile(r"\d[\d.]*\.\d*\.[\d.]*\d%|\d{5,}(?:\.\d+)?%")  # cells with no gaps between them, up to the rate
_TOKEN = re.compile(_GLUED.pattern + r"|—|－|-{1,2}(?=\s|\||$)|\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|\d+(?:\.\d+)?\s*%?")
_ROW_LABEL = re.compile(r"资金总额|(?<=\|)\s*总额")
_FILLER = re.compile(r"^[\s|:：,，万元()（）A-Za-z/]*$")


@lru_cache(maxsize=1)
def columns() -> dict[str, re.Pattern]:
    """Column → how headers and questions write it, from the data file."""
    out = {}
    for line in read_data_lines(DATA.name, DATA.parent):
        name, header, asked = line.split("\t")
        out[name] = (re.compile(header), re.compile(asked))
    return out


@dataclass
class GridRow:
    """One 年度资金总额 row: its values by column, where they are, and the unit."""

    doc_id: str
    start: int  # span of the values in the document text
    end: int
    unit: str  # 元 or 万元, as the table states it
    values: dict[str, str] = field(default_factory=dict)  # column → value as written
    context: str = ""  # the text before the grid (project name)

    def computed_rate(self) -> float:
        """全年执行数 ÷ 全年预算数 × 100, from the row's own amounts."""
        return number(self.values["全年执行数"]) / number(self.values["全年预算数"]) * 100


def _squeezed(folded: str) -> tuple[str, list[int]]:
    """The text without whitespace, and where each of its characters is in the original:
    headers are written "年初 预算数" or one word per line."""
    keep = [i for i, ch in enumerate(folded) if not ch.isspace()]
    return "".join(folded[i] for i in keep), keep


def _header(squeezed: str, start: int) -> tuple[list[str], int]:
    """The grid's columns in the order the header writes them, and where the header ends."""
    window = squeezed[start : start + 140]
    found = []
    for name, (header, _) in columns().items():
        m = header.search(window)
        if m:
            found.append((name, m.start(), m.end()))
    found.sort(key=lambda x: x[1])
    return [name for name, _, _ in found], start + max((e for _, _, e in found), default=0)


def read_grids(doc_id: str, text: str) -> list[GridRow]:
    folded = fold(text)
    squeezed, where = _squeezed(folded)
    rows: list[GridRow] = []
    for m in re.finditer(r"年初预算数?|全年预算数", squeezed):
        at = where[m.start()]
        if rows and at < rows[-1].end:
            continue
        order, header_end = _header(squeezed, m.start())
        if len(order) < 4 or "执行率" not in order:
            continue
        header_end = where[min(header_end, len(where) - 1)]
        label = _ROW_LABEL.search(folded, max(0, at - 60), at + 600)  # 年度资金总额, or 总额 in its own cell
        after_header = _tokens(text, header_end, len(order))
        after_label = _tokens(text, label.end(), len(order)) if label else []
        tokens = after_header if len(after_header) >= 3 else after_label
        row = _align(order, [t for t, _, _ in tokens]) if tokens else {}
        if not row:
            continue
        before = text[max(0, at - 300) : at]
        around = before + text[at : tokens[-1][2] + 200]
        rows.append(GridRow(doc_id, tokens[0][1], tokens[-1][2], unit_of(around) or "万元", row, before[-160:]))
    return rows


def _tokens(text: str, start: int, limit: int) -> list[tuple[str, int, int]]:
    """The run of cell values from `start` (at most one row), up to the first word."""
    out, pos = [], start
    while pos < len(text) and len(out) < limit:
        m = _TOKEN.search(text, pos)
        if not m or not _FILLER.match(text[pos : m.start()]):
            break
        value = re.sub(r"\s", "", m.group(0))
        out.append((value, m.start(), m.start() + len(m.group(0).rstrip())))
        pos = m.end()
    return out


def _align(order: list[str], tokens: list[str]) -> dict[str, str]:
    """Values back into their columns (see the module docstring)."""
    rate = next((i for i, t in enumerate(tokens) if t.endswith("%")), None)
    if rate == 0 and _GLUED.fullmatch(tokens[0]):
        before = order[: order.index("执行率")]
        cells = _unglue(tokens[0].rstrip("%"), before, tokens[1] if len(tokens) > 1 else None)
        if not cells:
            return {}
        tokens = cells[:-1] + [cells[-1] + "%"] + tokens[1:]
        rate = len(cells) - 1
    money_cols = [c for c in order if c in MONEY]
    row: dict[str, str] = {}
    if rate is not None:
        row["执行率"] = tokens[rate]
        if "分值" in order and order.index("分值") < order.index("执行率") and rate >= 1:
            row["分值"] = tokens[rate - 1]
            money = tokens[: rate - 1]
        else:
            money = tokens[:rate]
        after = [t for t in tokens[rate + 1 : rate + 3] if t not in ("—", "－")]
        if "分值" in order and order.index("分值") > order.index("执行率") and after:
            row["分值"] = after.pop(0)  # 执行率 | 权重 | 得分, as some provinces order them
        if after and "得分" in order:
            row["得分"] = after[0]
    elif len(tokens) >= len(money_cols) + 2:
        money = tokens[: len(money_cols)]
        row["分值"], row["得分"] = tokens[len(money_cols)], tokens[len(money_cols) + 1]
    else:
        return {}
    money = [t for t in money if t not in ("—", "－", "-", "--")]
    if not money or len(money) > len(money_cols):
        return {}
    for col, value in zip(money_cols[len(money_cols) - len(money):], money):
        row[col] = value
    return row


def _unglue(run: str, before: list[str], score: str | None) -> list[str]:
    """The one way to cut a glued run of digits into the cells `before` the rate and
    the rate, such that the cells agree with each other and with the `score` after
    them; [] when none or several do."""
    fits = [cells for cells in _cuts(run, len(before) + 1) if _agrees(dict(zip(before, cells)), cells[-1], score)]
    return fits[0] if len(fits) == 1 else []


def _cuts(run: str, parts: int) -> list[list[str]]:
    """Every way to cut `run` into `parts` well-formed numbers (no leading zero)."""
    if parts == 1:
        return [[run]] if re.fullmatch(r"(?:0|[1-9]\d*)(?:\.\d+)?", run) else []
    out = []
    for i in range(1, len(run)):
        head = run[:i]
        if re.fullmatch(r"(?:0|[1-9]\d*)(?:\.\d+)?", head):
            out += [[head, *rest] for rest in _cuts(run[i:], parts - 1)]
    return out


def _agrees(cells: dict[str, str], rate: str, score: str | None) -> bool:
    """The rate is 全年执行数 ÷ 全年预算数 to the rate's last digit; a 分值 is a whole
    number up to 100, and the 得分 that follows it is the 分值 scaled by the rate
    (within a quarter of the 分值: provinces score in tiers)."""
    if "分值" in cells:
        if not (cells["分值"].isdigit() and 0 < int(cells["分值"]) <= 100):
            return False
        full = int(cells["分值"])
        if score and abs(number(score) - full * min(number(rate), 100) / 100) > full / 4:
            return False
    if not ("全年预算数" in cells and "全年执行数" in cells) or number(cells["全年预算数"]) == 0:
        return False
    decimals = len(rate.split(".")[1]) if "." in rate else 0
    computed = number(cells["全年执行数"]) / number(cells["全年预算数"]) * 100
    return abs(computed - number(rate)) < 10 ** -decimals  # rounded or cut off, as clerks do


def named_columns(question: str) -> set[str]:
    """The columns a question writes by name (全年预算, 执行率, 得分 …), none when it names none."""
    q = fold(question)
    named = {name for name, (_, pattern) in columns().items() if pattern.search(q)}
    if asked_period_of(q) == "年初预算":
        named.discard("全年预算数")  # "年初预算数" asks the start of year's budget, not the adjusted one its 预算数 names too
    return named


def asked_columns(question: str) -> list[str]:
    """The columns a question asks for; all of them when it names none. An amount
    reads with the budget, execution and rate beside it; a score with its full mark."""
    asked = named_columns(question)
    if asked & set(MONEY):
        asked |= {"全年预算数", "全年执行数", "执行率"}
    if "得分" in asked:
        asked.add("分值")
    return [name for name in columns() if name in asked] or list(columns())



# --- the indicator rows: 三级指标 | 指标性质 | 指标值 | 度量单位 | 实际完成值 | 分值 | 得分 -------------

_OPERATOR = re.compile(r"^\s*(≧|≥|≤|≦|═|﹦|=|＝|>|<|＞|＜)\s*(.*)$")


@dataclass
class IndicatorRow:
    """One performance indicator of the template's table: what it is, the target set for
    the year (with its 指标性质 ≥, =, ≤), what was achieved, its full mark and its score."""

    label: str
    target: str  # as written: "≧100%", "≥200平方米"
    actual: str
    full: str  # 分值
    score: str  # 得分
    start: int  # the row's span in the document text
    end: int


def read_indicators(text: str) -> list[IndicatorRow]:
    """Rows `label | ≧ | 100 | % | 98% | 10 | 9` (指标性质, 指标值 and 度量单位 in cells of their
    own) or `label | ≥200平方米 | 204.46平方米 | 10 | 10` (the target in one cell); a row whose
    分值 and 得分 are not both figures (cut off, or written elsewhere) gives nothing."""
    out = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if "|" not in line:
            continue
        raw = line.split("|")
        cells = [c.strip() for c in raw]
        edges = [0, *accumulate(len(c) + 1 for c in raw[:-1])]  # where each cell begins in the line
        taken = 0  # a line may hold several rows: a table given one cell per line, its cells joined (index/normalize.py)
        rows: list[IndicatorRow] = []
        for i, cell in enumerate(cells):
            m = _OPERATOR.match(cell)
            if i < taken or not m or i == 0 or not cells[i - 1] or number_or_none(cells[i - 1]) is not None:
                continue
            rest = cells[i + 1 :]
            if m.group(2):  # ≥200平方米 | 204.46平方米 | 10 | 10
                target, tail, used = cell, rest, i + 1
            elif len(rest) >= 2 and number_or_none(rest[0]) is not None:  # ≧ | 100 | % | 98% | 10 | 9
                unit = rest[1] if number_or_none(rest[1]) is None and len(rest[1]) <= 4 else ""
                target, tail, used = f"{m.group(1)}{rest[0]}{unit}", rest[2 if unit else 1 :], i + (3 if unit else 2)
            else:
                continue
            if len(tail) >= 3 and tail[0] and number_or_none(tail[1]) is not None and number_or_none(tail[2]) is not None:
                taken = used + 3
                end = start + (edges[taken] - 1 if taken < len(edges) else len(line))
                rows.append(IndicatorRow(cells[i - 1], target, tail[0], tail[1], tail[2], start + edges[i - 1], end))
        if len(rows) == 1:  # a line that is one row: the whole line is cited
            rows[0].start, rows[0].end = start, start + len(line)
        out += rows
    return out


def number_or_none(text: str) -> float | None:
    try:
        return number(text.rstrip("%")) if text else None
    except ValueError:
        return None


# --- rows scored against their full mark, however they were read -----------------------------------

_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class ScoredRow:
    """A row of a 自评表 with a 分值 and a 得分 (an indicator, or the funds row), and the
    deviation reason written after its score (偏差原因分析及改进措施), when any."""

    name: str
    levels: list[str]  # the 一级/二级指标 it sits under, when the table was read with them
    full: float
    score: float
    start: int  # the row's span in the document text
    end: int
    reason: tuple[int, int] | None = None  # span of the reason cell

    @property
    def lost(self) -> float:
        return self.full - self.score


def _reason_after(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The first cell with words between `start` (after the score) and the row's `end`."""
    pos = start
    for cell in text[start:end].split("|"):
        stripped = cell.strip()
        if _CJK.search(stripped):
            at = text.index(stripped, pos)
            return at, at + len(stripped)
        pos += len(cell) + 1
    return None


def grade_after(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The grade written in a row after its score ("| 总分 | 100 | 96 | 优 |"): its first cell with words,
    when that cell is a grade and nothing else (data/question_cues.tsv, grade_written)."""
    cell = _reason_after(text, start, end)
    if cell is None or cell[1] - cell[0] > 6 or not cues()["grade_written"].search("|" + text[slice(*cell)]):
        return None
    return cell


def scored_rows(text: str, facts: list, indicators: list[IndicatorRow], grids: list[GridRow]) -> list[ScoredRow]:
    """The rows with a 分值 and a 得分, the 总分 row apart: from the tables read (PDF, DOCX,
    spreadsheets; with their levels), else from the flattened text's indicator rows and funds grid."""

    cells: dict[str, dict[str, object]] = {}
    for f in facts:
        if f.source == "table" and f.kind == "score" and row_name(f.label) not in (*TOTAL_ROWS, "总分"):
            cells.setdefault(f.label, {})[f.column.rsplit(" › ", 1)[-1]] = f
    rows = []
    for label, c in cells.items():
        if "分值" in c and "得分" in c:
            full, score = c["分值"], c["得分"]
            start, end = min(full.context_start, score.context_start), max(full.context_end, score.context_end)
            rows.append(ScoredRow(row_name(label), label.split(" › ")[:-1], full.value, score.value, start, end,
                                  _reason_after(text, max(full.end, score.end), end)))
    if len(rows) >= 2:
        return rows
    rows = []
    for r in indicators:
        full, score = number_or_none(r.full), number_or_none(r.score)
        if full is None or score is None:
            continue
        m = re.search(rf"\|\s*{re.escape(r.full)}\s*\|\s*{re.escape(r.score)}\s*\|", text[r.start : r.end])
        reason = _reason_after(text, r.start + m.end() - 1, r.end) if m else None
        rows.append(ScoredRow(r.label, [], full, score, r.start, r.end, reason))
    for g in grids:
        full, score = number_or_none(g.values.get("分值", "")), number_or_none(g.values.get("得分", ""))
        if full is not None and score is not None:
            rows.append(ScoredRow("年度资金总额", [], full, score, g.start, g.end))
    return rows
