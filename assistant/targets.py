"""Whether a performance indicator met its target: a 自评表 row's 年度指标值 against its 实际完成值.

The template writes a target with its sense (指标性质): "≥12公里", "≤40万元", "100%", "2022年11月前"; a
target written without one is a floor ("5000平方米"), except for a cost (成本指标), which is a ceiling. A
target in words ("显著提升", "有效控制") cannot be compared, and is said so rather than guessed. Written by
hand: no library reads these cells, and the rules are the template's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BOUND = re.compile(r"^\s*(≥|≧|>=|＞=|大于等于|不低于|不少于|≤|≦|<=|小于等于|不高于|不超过|>|＞|<|＜|=|＝|═|﹦)?\s*"
                    r"(-?\d[\d,]*(?:\.\d+)?)\s*([%％]|[^\d\s]{0,6})\s*$")
_DATE = re.compile(r"^\s*(?:(≤|≦|<=)\s*)?((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?\s*(底|末)?\s*(前|以前|之前)?\s*$")
_CEILING = ("≤", "≦", "<=", "小于等于", "不高于", "不超过", "<", "＜")
_STRICT = (">", "＞", "<", "＜")


@dataclass
class Verdict:
    met: bool | None  # None: the target or the result cannot be compared as written
    target: str
    actual: str


def _amount(text: str) -> tuple[str, float, str] | None:
    m = _BOUND.match(text)
    if not m:
        return None
    return m.group(1) or "", float(m.group(2).replace(",", "")), m.group(3).replace("％", "%")


def _month(text: str) -> tuple[int, bool] | None:
    """A date as a month count, and whether the target is "by" it (前: before it starts)."""
    m = _DATE.match(text)
    if not m:
        return None
    return int(m.group(2)) * 12 + int(m.group(3)), bool(m.group(5)) and not m.group(4)


def compare(target: str, actual: str, cost: bool = False) -> Verdict:
    """Met, missed or not comparable: amounts in one unit under the target's sense, or months."""
    t_month, a_month = _month(target), _month(actual)
    if t_month and a_month:
        (t, before), (a, _) = t_month, a_month
        return Verdict(a < t if before else a <= t, target, actual)
    t, a = _amount(target), _amount(actual)
    if t is None or a is None or a[0] or a[2] and t[2] != a[2]:
        return Verdict(None, target, actual)  # a result with no unit is in the target's (the 度量单位 column's)
    sense, value, _ = t
    got = a[1]
    ceiling = sense in _CEILING or not sense and cost
    if sense in ("=", "＝", "═", "﹦"):
        return Verdict(got == value, target, actual)
    if sense in _STRICT:
        return Verdict(got < value if ceiling else got > value, target, actual)
    return Verdict(got <= value if ceiling else got >= value, target, actual)
