"""Is a rate the report states right? ("说收支增长29.86%，这个增幅算对了吗？",
"公务接待费预算增幅133%算得对吗？") The rate is found where the report states it —
a sentence "增加342万元,增长29.86%" after the amount it grew to, or a table row
"3 | 7 | 4 | 133%" (上年, 本年, the change, the rate) — and worked out again from
the amounts beside it, the formula shown. What assistant/check.py does for a whole
report, asked of one figure."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.facts import Fact
from index.normalize import fold
from index.records import Document

from .check import _GROWTH, TOLERANCE_PP
from .facts import amount_before, parse_number

ASKS_CHECK = re.compile(r"算对|算得对|算错|对不对|对吗|准确吗|对得上")
_STATED = re.compile(r"(\d+(?:\.\d+)?)\s*%")


@dataclass
class RateCheck:
    stated: str  # the rate as the report writes it
    computed: float
    formula: str
    right: bool
    why: str  # when not right: what the stated rate was worked out from, if it can be told
    start: int  # the stated rate's span in the document text
    end: int
    amount_at: int = -1  # where the amount it grew to is written, when apart from the rate


def stated_rate(question: str) -> float | None:
    """The rate a question quotes to have it checked, when it asks for a check."""
    q = fold(question)
    m = _STATED.search(q)
    return float(m.group(1)) if m and ASKS_CHECK.search(q) else None


def rate_checks(doc: Document, facts: list[Fact]) -> list[RateCheck]:
    return _sentence_rates(doc) + _row_rates(facts)


def _judge(change: float, base: float, now: float, stated: str) -> tuple[float, bool, str]:
    """The rate worked out, whether the stated one is it (to the stated rate's last digit,
    133% for 133.33%), and if not, what it was worked out from."""
    computed = change / base * 100
    decimals = stated.rstrip("%").partition(".")[2]
    if abs(computed - float(stated.rstrip("%"))) <= max(TOLERANCE_PP, 0.5 * 10 ** -len(decimals)):
        return computed, True, ""
    on_current = abs(change / now * 100 - float(stated.rstrip("%"))) <= TOLERANCE_PP if now else False
    return computed, False, "是用本年数作分母算出的" if on_current else "与增减额不符"


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
        formula = f"上年 = {now:g} {'−' if up else '+'} {change:g} = {base:g}；{change:g} ÷ {base:g} = {computed:.2f}%"
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
