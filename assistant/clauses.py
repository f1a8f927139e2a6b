"""A question of several clauses ("收支总计多少？比上年涨了多少？", "公用经费多少？
占比呢？") read as standalone questions, each answered and cited on its own.

A later clause that says little of its own (a few characters of content once
question words are dropped) is about the first clause's subject: the first
clause without its asking words ("…收支总计") is put before it, as it is before a clause that begins
by comparing ("比本年收入合计少多少？"). A later clause
with a subject of its own ("评价工作是在哪段时间做的？") gets only the names of
bodies and places the first clause wrote. A bare clause may also ask something new
("编制几个？实有几个人？"): when the first clause's subject only finds what was said already,
it is read again with the names alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .question import cues
from .sentences import question_content

_CLAUSE_END = re.compile(r"(?<=[？?])")
BARE = 4  # a clause with at most this many characters of content has no subject of its own
_COMPARES = re.compile(r"^(比|较|与|跟|同|占)")  # a clause that begins by comparing (or by 占) leaves out its subject


@dataclass
class Clause:
    question: str  # the clause as a standalone question
    written: str  # the clause as the user wrote it: what an answer to it must speak of
    alone: str = ""  # a bare clause given the first clause's subject, read with the names only: "实有几个人？"


def subject_of(question: str) -> str | None:
    """The question without its asking words ("…公务接待费多少？" → "…公务接待费"): what a later clause or turn
    that leaves out its subject is about; None when the question asks nothing of a subject."""
    subject = cues()["asking_tail"].sub("", question).strip()
    return subject if subject and subject != question else None


def split_clauses(question: str, names: list[str]) -> list[Clause]:
    """The question's clauses as standalone questions; one clause → one Clause.
    `names`: the bodies and places the question writes."""
    pieces = [p.strip() for p in _CLAUSE_END.split(question.strip()) if p.strip()]
    whole = [Clause(question, question)]
    if len(pieces) < 2:
        return whole
    first = pieces[0]
    subject = subject_of(first)
    if subject is None:
        return whole  # the first clause does not ask for a figure or a thing of a subject
    named = "".join(n for n in names if n in first)
    out = [Clause(first, first)]
    for p in pieces[1:]:
        own = question_content(p, names).replace(" ", "")
        compares = _COMPARES.match(p)  # "比本年收入合计少多少？": the first clause's subject is compared
        bare = len(own) <= BARE and not compares
        out.append(Clause((subject if bare or compares else named) + p, p, named + p if bare else ""))
    return out
