"""Which line of a report's table is the largest or the smallest ("支出最多的是哪一类", "哪个项目预算最少").

A template table classifies one amount into lines: the 类 of a 支出决算表 (by their
three-digit codes), the projects of a 项目支出表. The lines of its top level are
compared on one column — the one the question names (基本支出, 项目支出), else the
table's total column (合计, 本年支出合计 …) — and the extreme one is named with its
figure and the runner-up, its row cited. When the table states its total, the lines must add up
to it: a line the reader could not read (a text layer's row that lost a cell) would make the
extreme unsure. The table is the one whose title writes
what is asked (支出, 项目); of several, the shortest title (支出决算表 before
一般公共预算财政拨款支出决算表: all funds before one kind).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.facts import TOTAL_ROWS, Fact
from index.normalize import fold
from index.tables import row_name

# kinds of a quantity a table may be of alone (基本支出决算表: its 301 工资福利支出 … are no 类 of all 支出)
_KINDS = ("基本", "项目", "三公", "政府性基金", "国有资本", "机关运行")
TOLERANCE = 0.005  # share by which the lines compared may miss their table's total (rounding)
ASKED = re.compile(r"哪(?:一)?(?:类|项|个|款|笔|部分|方面|科目|功能)[^，,。？?]{0,12}?(最多|最大|最高|最少|最小|最低)"
                   r"|(最多|最大|最高|最少|最小|最低)的?是?哪(?:一)?(?:类|项|个|款|笔|部分|方面|科目)")
_LOWEST = ("最少", "最小", "最低")
_TOTAL_COLUMN = re.compile(r"(?:^|›\s*)(?:本年)?(?:支出|收入)?(?:合计|总计|小计)$|^(?:决算数|预算数|金额|本年预算数)$")


@dataclass
class RowExtreme:
    table: str
    column: str
    top: Fact
    runner_up: Fact | None
    lowest: bool
    lines: int  # how many lines were compared
    quantity: str  # what is compared, as the answer names it: the column named, else what the table is of


def extreme_row(question: str, facts: list[Fact]) -> RowExtreme | None:
    q = fold(question)
    m = ASKED.search(q)
    if not m:
        return None
    lowest = (m.group(1) or m.group(2)) in _LOWEST
    asked = re.sub(r"最多|最大|最高|最少|最小|最低|哪", " ", q)  # what is compared, and in which table
    by_table: dict[str, list[Fact]] = {}
    for f in facts:
        if f.source == "table" and f.kind == "amount" and f.table:
            by_table.setdefault(f.table, []).append(f)
    words = [w for w in ("支出", "收入", "项目") if w in asked]  # what the table must be of
    tables = sorted((t for t in by_table if words and all(w in fold(t) for w in words)
                     and not any(k in fold(t) and k not in asked for k in _KINDS)), key=len)
    for table in tables:
        found = _compare(by_table[table], asked, lowest)
        if found is not None:
            if _TOTAL_COLUMN.search(found.column):
                found.quantity = words[0]  # 合计 of a 支出决算表 is its 支出
            return found
    return None


def _compare(cells: list[Fact], asked: str, lowest: bool) -> RowExtreme | None:
    named = [c for c in {f.column for f in cells} if c and fold(c.split(" › ")[-1]) in asked
             and not _TOTAL_COLUMN.search(c)]
    columns = named or [c for c in {f.column for f in cells} if _TOTAL_COLUMN.search(c)]
    if len(columns) != 1:
        return None  # the column compared is not sure
    column = columns[0]
    lines = [f for f in cells if f.column == column and row_name(f.label) not in TOTAL_ROWS
             and not any(row_name(f.label).endswith(t) for t in TOTAL_ROWS)]
    coded = [f for f in lines if f.code]
    if coded:  # the classification's top level: the shortest codes (类)
        shortest = min(len(f.code) for f in coded)
        lines = [f for f in coded if len(f.code) == shortest]
    else:
        lines = [f for f in lines if " › " not in f.label]
    if len(lines) < 2:
        return None
    total = next((f for f in cells if f.column == column and row_name(f.label) in TOTAL_ROWS), None)
    if total is not None and abs(sum(f.value for f in lines) - total.value) > TOLERANCE * max(abs(total.value), 1):
        return None  # the lines read do not add up to the table's total: some were not read, the extreme is not sure
    ordered = sorted(lines, key=lambda f: f.value, reverse=not lowest)
    if ordered[0].value == ordered[1].value:
        return None  # a tie: no one line to name
    return RowExtreme(ordered[0].table, column, ordered[0], ordered[1], lowest, len(lines), column.split(" › ")[-1])
