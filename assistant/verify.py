"""Is a rate the report states right? ("说收支增长29.86%，这个增幅算对了吗？",
"公务接待费预算增幅133%算得对吗？") The question quotes the rate; the report's rate checks
(assistant/check.py `rate_checks`, what `assistant check` lists for a whole report)
say whether its own amounts give it."""

from __future__ import annotations

import re

from index.normalize import fold

ASKS_CHECK = re.compile(r"算对|算得对|算错|对不对|对吗|准确吗|对得上")
_STATED = re.compile(r"(\d+(?:\.\d+)?)\s*%")


def stated_rate(question: str) -> float | None:
    """The rate a question quotes to have it checked, when it asks for a check."""
    q = fold(question)
    m = _STATED.search(q)
    return float(m.group(1)) if m and ASKS_CHECK.search(q) else None
