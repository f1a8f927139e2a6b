"""A question read once into a record every later stage reads: its folded
text, the words it asks about, and the kind of answer it wants."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.normalize import fold

from .sentences import PERCENT_QUESTION, QUANTITY_QUESTION, asked_unit_pattern, asks_counted, question_content

# Questions whose answer is arithmetic on stated figures, not a stated figure. A total
# (合计, 一共, 总共) is not one: reports state their totals, and 本年收入合计 is a row label.
COMPUTE_CUE = re.compile(
    r"没花|没有花|还剩|剩下|差多少|差了多少|相差|平均每|每人|每户|每个|人均|加起来|"
    r"多多少|少多少|多了多少|少了多少|算对|算得对|对不对|一样吗|对得上|超编|几成|倍"
)
# Questions asking for several things at once: one answer per part.
PARTS = re.compile(r"[、，,]|和|与|及|分别|各是|各多少|各自|以及")


@dataclass
class Question:
    text: str
    folded: str
    content: str  # the words a passage must speak of: names, years and question words removed
    wants_number: bool
    wants_percent: bool
    unit: re.Pattern | None  # "多少人" wants 人
    counted: bool  # the unit counts things or measures length (人, 辆, 米): no other unit can answer
    computes: bool  # the answer is worked out from stated figures
    parts: int  # how many things it asks for
    asks: int  # how many figures it asks for (多少, 几 …)
    previous_year: bool = False  # about the year before the report's own (stated there as 上年)


def understand(question: str, names: list[str]) -> Question:
    folded = fold(question)
    return Question(
        text=question,
        folded=folded,
        content=question_content(question, names),
        wants_number=bool(QUANTITY_QUESTION.search(folded)),
        wants_percent=bool(PERCENT_QUESTION.search(folded)),
        unit=asked_unit_pattern(question),
        counted=asks_counted(question),
        computes=bool(COMPUTE_CUE.search(folded)),
        parts=1 + len(PARTS.findall(folded)),
        asks=len(re.findall(r"多少|几|多大|多长|多深|多高|百分之|比例|比重", folded)),
    )
