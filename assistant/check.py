"""Where a report contradicts itself: a rate that its own amounts do not give,
a growth rate computed on the wrong base. What an auditor checks by hand,
each finding with both spans so it can be verified.

    assistant check FILE ...
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.normalize import fold
from index.records import Document

from .facts import amount_before, parse_number
from .grid import number, read_grids

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
    return _grid_rates(doc) + _growth_rates(doc)


def _grid_rates(doc: Document) -> list[Finding]:
    out = []
    for row in read_grids(doc.doc_id, doc.text):
        v = row.values
        if not {"全年预算数", "全年执行数", "执行率"} <= set(v) or not number(v["全年预算数"]):
            continue
        computed = row.computed_rate()
        stated = number(v["执行率"])
        if abs(computed - stated) > max(0.005, _half_unit(v["执行率"])):
            kind = "舍入差异" if abs(computed - stated) <= TOLERANCE_PP else "与金额不符"
            out.append(Finding(doc.name, "执行率", v["执行率"], f"{computed:.2f}%",
                               f"按全年执行数 {v['全年执行数']} ÷ 全年预算数 {v['全年预算数']} 计算为 {computed:.2f}%（{kind}）",
                               row.start, row.end))
    return out


def _half_unit(written: str) -> float:
    """Half the last written digit: 86% may stand for 86.20%, 97.80% not for 97.81%."""
    decimals = written.rstrip("%").partition(".")[2]
    return 0.5 * 10 ** -len(decimals) if not decimals else 0.0


def _growth_rates(doc: Document) -> list[Finding]:
    """A stated growth rate against the change and the amount it grew to."""
    out = []
    folded = fold(doc.text)
    for m in _GROWTH.finditer(folded):
        found = amount_before(folded, m.start())
        if found is None:
            continue
        now = parse_number(found[0].group(1))
        change = parse_number(m.group("change"))
        up = m.group("dir") in ("增加", "增长")
        base = now - change if up else now + change
        if base <= 0:
            continue
        computed = change / base * 100
        stated = float(m.group("rate"))
        if abs(computed - stated) <= TOLERANCE_PP:
            continue
        on_current = abs(change / now * 100 - stated) <= TOLERANCE_PP
        why = "增幅以本年数为分母计算" if on_current else "与增减额不符"
        out.append(Finding(doc.name, "增长率", f"{stated:g}%", f"{computed:.2f}%",
                           f"上年为 {now:g} {'−' if up else '+'} {change:g} = {base:g}，按 {change:g} ÷ {base:g} 计算为 "
                           f"{computed:.2f}%（{why}）", m.start("rate"), m.end()))
    return out
