"""Where a report contradicts itself: a rate that its own amounts do not give,
a growth rate computed on the wrong base, a table total that is not the sum of
its parts (合计 = 基本支出 + 项目支出; a 类 = the sum of its 款), an amount the
text states otherwise than its table. What an auditor checks by hand, each
finding with its span so it can be verified.

    assistant check FILE ...
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.facts import Fact, extract_facts, number
from index.normalize import fold
from index.records import Document
from index.tables import row_name

from .facts import amount_before, parse_number
from .grid import read_grids

# "收、支总计均为1,145.52万元。与2022年度相比,收、支总计各增加342万元,增长29.86%"
_GROWTH = re.compile(
    r"(?:比|较|与)(?:上年|上一年|去年|20\d\d\s*年)[^。；;\d]{0,16}?(?P<dir>增加|减少|增长|下降)了?\s*"
    r"(?P<change>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>亿元|万元|元)\s*[,，]?\s*(?:增长|下降|增幅为?|降幅为?)\s*"
    r"(?P<rate>\d+(?:\.\d+)?)\s*%"
)
TOLERANCE_PP = 0.05  # percentage points a stated rate may differ from its own operands by rounding


@dataclass
class Finding:
    doc: str
    what: str  # 执行率 | 增长率
    stated: str
    computed: str
    explanation: str
    start: int  # the stated figure's span in the document text
    end: int

    def to_text(self, text: str) -> str:
        return f"{self.doc} [{self.start}:{self.end}] {self.what}：报告写“{self.stated}”，{self.explanation}。「{' '.join(text[self.start:self.end].split())}」"


def check(doc: Document) -> list[Finding]:
    facts = extract_facts(doc)
    return _grid_rates(doc) + _growth_rates(doc, facts) + _table_sums(facts, doc) + _text_vs_table(facts, doc)


PARTS_OF_TOTAL = ("基本支出", "项目支出")  # the national templates split every 合计 this way


def _figure_name(label: str) -> str:
    """A figure's own name, as text and tables both write it: 本年收入合计 and 收入合计 are one."""
    return re.sub(r"本年|年度", "", fold(row_name(label))).strip()


def _text_vs_table(facts: list[Fact], doc: Document) -> list[Finding]:
    """The same amount stated in the text (often 万元) and in a table (often 元): said
    when the two disagree beyond the text's rounding. Only a row with one amount for its
    period is compared (a 基本支出 or 项目支出 column is a part of its row), and only when
    the text names the row exactly."""
    rows: dict[str, list[Fact]] = {}
    for f in facts:
        if f.source == "table" and f.kind == "amount" and f.period != "上年" and not f.column.endswith(PARTS_OF_TOTAL):
            rows.setdefault(_figure_name(f.label), []).append(f)
    out = []
    for said in facts:
        if said.source != "text" or said.kind != "amount" or said.period in ("上年", "比上年"):
            continue
        cells = rows.get(_figure_name(said.label), [])
        if len({c.value for c in cells}) != 1:
            continue  # not in a table, or several different amounts under that name
        cell = cells[0]
        decimals = len(re.match(r"[\d,]*\.?(\d*)", said.raw).group(1))  # as the text rounds it
        if abs(round(cell.value, decimals) - said.value) <= 0.5 * 10 ** -decimals + 1e-9:
            continue
        out.append(Finding(doc.name, "正文与表格", f"{said.label} {said.as_written()}", cell.as_written(),
                           f"{cell.table}中“{cell.label.split(' › ')[-1]}”（{cell.column}）为 {cell.as_written()}"
                           f"{'，合 ' + cell.in_wan() if cell.in_wan() else ''}（第 {cell.page} 页）",
                           said.start, said.end))
    return out


def _table_sums(facts: list[Fact], doc: Document) -> list[Finding]:
    """Within a table: a row's 合计 against its 基本支出 + 项目支出, and a 类 or 款
    row against the sum of the rows coded under it, column by column."""
    cells: dict[tuple[str, int, str], Fact] = {}  # (table, row start, column) → fact
    by_code: dict[tuple[str, str, str], Fact] = {}  # (table, code, column) → fact
    for f in facts:
        if f.source == "table" and f.kind == "amount":
            cells[(f.table, f.context_start, f.column)] = f
            if f.code:
                by_code[(f.table, f.code, f.column)] = f
    columns = {(table, column) for table, _, column in cells}
    out = []
    for (table, row, column), total in cells.items():
        if column.split(" › ")[-1] != "合计":
            continue
        prefix = column[: -len("合计")]
        if not all((table, prefix + name) in columns for name in PARTS_OF_TOTAL):
            continue
        present = [f for name in PARTS_OF_TOTAL if (f := cells.get((table, row, prefix + name)))]  # empty = 0
        if present:
            out += _compare(doc, total, present, "合计")
    for (table, code, column), total in by_code.items():
        children = [f for (t, c, col), f in by_code.items()
                    if t == table and col == column and len(c) == len(code) + 2 and c.startswith(code)]
        if children:
            out += _compare(doc, total, children, "分项之和")
    return out


def _compare(doc: Document, total: Fact, parts: list[Fact], what: str) -> list[Finding]:
    added = sum(number(p.raw) for p in parts)
    decimals = max(len(p.raw.partition(".")[2]) for p in parts + [total])
    if abs(added - number(total.raw)) < 0.5 * 10 ** -decimals + 1e-9:
        return []
    formula = " + ".join(p.raw for p in parts)
    label = total.label.split(" › ")[-1]
    names = "、".join(p.column if what == "合计" else p.label.split(" › ")[-1] for p in parts)
    return [Finding(doc.name, what, f"{label} {total.column} {total.raw}", f"{added:,.{decimals}f}",
                    f"{total.table}中，{names}之和为 {formula} = {added:,.{decimals}f}（第 {total.page} 页）",
                    total.start, total.end)]


def rate_against_amounts(computed: float, stated: str) -> str:
    """A stated rate beside the one its own amounts give: "same" (to its last written digit), "rounding"
    (apart by rounding, within TOLERANCE_PP) or "mismatch". One rule for `assistant check` and for answers."""
    gap = abs(computed - number(stated))
    if gap <= max(0.005, _half_unit(stated)):
        return "same"
    return "rounding" if gap <= TOLERANCE_PP else "mismatch"


def _grid_rates(doc: Document) -> list[Finding]:
    out = []
    for row in read_grids(doc.doc_id, doc.text):
        v = row.values
        if not {"全年预算数", "全年执行数", "执行率"} <= set(v) or not number(v["全年预算数"]):
            continue
        computed = row.computed_rate()
        agreement = rate_against_amounts(computed, v["执行率"])
        if agreement != "same":
            kind = "舍入差异" if agreement == "rounding" else "与金额不符"
            out.append(Finding(doc.name, "执行率", v["执行率"], f"{computed:.2f}%",
                               f"按全年执行数 {v['全年执行数']} ÷ 全年预算数 {v['全年预算数']} 计算为 {computed:.2f}%（{kind}）",
                               row.start, row.end))
    return out


def _half_unit(written: str) -> float:
    """Half the last written digit: 86% may stand for 86.20%, 97.80% not for 97.81%."""
    decimals = written.rstrip("%").partition(".")[2]
    return 0.5 * 10 ** -len(decimals) if not decimals else 0.0


def _growth_rates(doc: Document, facts: list[Fact]) -> list[Finding]:
    """Stated growth rates that their own change and amounts do not give."""
    return [Finding(doc.name, "增长率", r.stated, f"{r.computed:.2f}%", f"{r.formula}（{r.why}）", r.start, r.end)
            for r in rate_checks(doc, facts) if not r.right]


@dataclass
class RateCheck:
    """A stated growth rate worked out again from the amounts beside it."""

    stated: str  # the rate as the report writes it
    computed: float
    formula: str
    right: bool  # equal to the stated rate's last digit
    why: str  # when not right: what it was worked out from, if that can be told
    start: int  # the stated rate's span in the document text
    end: int
    amount_at: int = -1  # where the amount it grew to is written, when apart from the rate


def rate_checks(doc: Document, facts: list[Fact]) -> list[RateCheck]:
    """Every growth rate a report states where its amounts can be read: in a sentence
    ("收、支总计均为1,145.52万元 … 增加342万元,增长29.86%") or a table row
    (`上年 | 本年 | 增减额 | 增减率`)."""
    return _sentence_rates(doc) + _row_rates(facts)


def _judge(change: float, base: float, now: float, stated: str) -> tuple[float, bool, str]:
    """The rate worked out, whether the stated one is it (to its last digit: 133% for
    133.33%), and if not, what it was worked out from."""
    computed = change / base * 100
    value, decimals = float(stated.rstrip("%")), stated.rstrip("%").partition(".")[2]
    if abs(computed - value) <= max(TOLERANCE_PP, 0.5 * 10 ** -len(decimals)):
        return computed, True, ""
    on_current = bool(now) and abs(change / now * 100 - value) <= TOLERANCE_PP
    return computed, False, "增幅以本年数为分母计算" if on_current else "与增减额不符"


def _sentence_rates(doc: Document) -> list[RateCheck]:
    out = []
    folded = fold(doc.text)
    for m in _GROWTH.finditer(folded):
        found = amount_before(folded, m.start())
        if found is None:
            continue
        now, change = parse_number(found[0].group(1)), parse_number(m.group("change"))
        up = m.group("dir") in ("增加", "增长")
        base = now - change if up else now + change
        if base <= 0:
            continue
        stated = m.group("rate") + "%"
        computed, right, why = _judge(change, base, now, stated)
        formula = f"上年为 {now:g} {'−' if up else '+'} {change:g} = {base:g}，{change:g} ÷ {base:g} = {computed:.2f}%"
        out.append(RateCheck(stated, computed, formula, right, why, m.start("rate"), m.end(), found[0].start()))
    return out


def _row_rates(facts: list[Fact]) -> list[RateCheck]:
    """A table row `上年 | 本年 | 增减额 | 增减率`: the change is 本年 − 上年, the rate the change over 上年."""
    rows: dict[tuple[str, int], list[Fact]] = {}
    for f in facts:
        if f.source == "table":
            rows.setdefault((f.table, f.context_start), []).append(f)
    out = []
    for cells in rows.values():
        cells.sort(key=lambda f: f.start)
        for k in range(len(cells) - 3):
            before, now, change, rate = cells[k : k + 4]
            if rate.unit != "%" or "%" in (before.unit, now.unit, change.unit) or not before.value:
                continue
            if abs(now.value - before.value - change.value) > 0.01 * max(1.0, abs(change.value)):
                continue  # not 本年 − 上年: some other row of figures
            computed, right, why = _judge(change.value, before.value, now.value, rate.raw)
            formula = f"（{now.raw} − {before.raw}）÷ {before.raw} = {change.raw} ÷ {before.raw} = {computed:.2f}%"
            out.append(RateCheck(rate.raw, computed, formula, right, why, rate.start, rate.end))
    return out
