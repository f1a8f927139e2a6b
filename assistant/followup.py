"""Elliptical follow-up turns ("那花都区呢？", "它的基本支出呢？") rewritten into
whole questions from the previous turn's intent and entities."""

from __future__ import annotations

import re

from index.normalize import fold

from .clauses import BARE, subject_of
from .question import cues
from .sentences import question_content

_LEAD = r"^(那么?|那个|它的?|其|该(单位|部门|局)?的?|这个|还有|再看看?|换成|同样)"
_ELLIPTICAL = re.compile(_LEAD + r"|呢[？?。！!]*$")  # marks a follow-up
_TRAILER = re.compile(_LEAD + r"|呢?[？?。！!]*$")  # what to strip to get its core


def has_intent_words(text: str) -> bool:
    """Whether the text itself asks (多少, 几, 什么 …), not only names what it is about."""
    return bool(re.search(r"多少|几|什么|哪|怎么|如何|是否|吗|比例|比重|占比|率", text))


def _entities(question: str, entity_names: list[str]) -> list[str]:
    q = fold(question)
    return [n for n in entity_names if n and n in q]


def needs_history(question: str, has_intent) -> bool:
    """A follow-up that cannot stand alone ("那花都区呢？"): it names no intent of its own."""
    q = question.strip()
    return bool(_ELLIPTICAL.search(q)) and not has_intent(_TRAILER.sub("", q).strip() or q)


_YEAR = r"(?:(?:19|20)\d\d|(?<!\d)[12]\d)\s*年度?"
_YEAR_ONLY = re.compile(rf"({_YEAR})的?")
_YEAR_WRITTEN = re.compile(_YEAR)
_YEAR_AFTER = re.compile(rf"\s*{_YEAR}")


def _frame(previous: str, entities: list[str]) -> str:
    """The previous question up to its last body or place, with the year right after it ("临江城管局23年"
    of "临江城管局23年公用经费多少？"): whom and when a new subject is asked of."""
    end = max(previous.find(e) + len(e) for e in entities)
    year = _YEAR_AFTER.match(previous, end)
    return previous[: year.end() if year else end]


def resolve_followup(question: str, history: list[str], entity_names: list[str],
                     has_intent) -> str:
    """Return the question to answer. `entity_names` are the bodies and places a
    question may name; `has_intent(q)` tells whether q asks for something."""
    if not history:
        return question
    previous = history[-1]
    q = question.strip()
    if not (_ELLIPTICAL.search(q) or len(q) <= 8):
        return question
    core = _TRAILER.sub("", q).strip() or q
    entities_now = _entities(core, entity_names)
    entities_before = _entities(previous, entity_names)
    if (year := _YEAR_ONLY.fullmatch(core)) and entities_before:
        # "2022年呢？": the previous question, of that year
        if _YEAR_WRITTEN.search(previous):
            return _YEAR_WRITTEN.sub(year.group(1), previous, count=1)
        frame = _frame(previous, entities_before)
        return frame + year.group(1) + previous[len(frame) :]
    if (not entities_now and entities_before and len(history) >= 2 and cues()["verdict"].search(core)
            and len(question_content(core, entity_names).replace(" ", "")) < BARE):
        # "哪个多？" after "丰云街道三公经费预算多少？" and "那金桥街道呢？": the two bodies compared on that subject
        earlier = _entities(history[-2], entity_names)
        subject = subject_of(previous)
        if earlier and subject and not set(earlier) & set(entities_before):
            for name in sorted(entities_before, key=len, reverse=True):
                subject = subject.replace(name, "")
            first = max(earlier, key=len)
            return f"{first}和{max(entities_before, key=len)}{subject.strip()}{core}"
    if entities_now and not has_intent(core.replace(entities_now[0], "")):
        # "那花都区呢？": the previous question, about the new entity — all of it when the core is nothing but
        # names ("临江区城管局": a place and a body's short name), not only the first name found
        rest = core
        for name in sorted(entities_now, key=len, reverse=True):
            rest = rest.replace(name, "")
        named = core if len(rest.strip()) <= 1 else entities_now[0]
        rewritten = previous
        for old in sorted(entities_before, key=len, reverse=True):
            rewritten = rewritten.replace(old, "\0")
        if "\0" in rewritten:
            rewritten = re.sub("\0+", named, rewritten, count=1).replace("\0", "")
        else:
            rewritten = named + rewritten
        return rewritten
    if not entities_now and entities_before and (has_intent(core) or has_intent_words(core)):  # "为什么？" asks too
        # "它的基本支出呢？": the new intent, about the previous entity; "占比呢？", which says little of its
        # own and names no one, is about the previous question's subject ("…公务接待费"), as a later clause is
        asked = cues()["asking_tail"].search(previous)
        refers = re.match(r"^(它|其|该)", q)  # "它的执行数呢": the body's, not the previous subject's
        if not refers and len(question_content(core, entity_names).replace(" ", "")) < BARE:  # 占比, not 基本支出
            subject = subject_of(previous)
            if subject is not None:
                return f"{subject}{core}"
        tail = asked.group(0) if asked and not has_intent_words(core) else ""  # "它的基本支出呢？" asks as before: 多少
        return f"{_frame(previous, entities_before)}{core}{tail}"  # of the same body and year
    return question


_COMPARING = re.compile(r"^(跟|与|和|同|比|较|相比|占)")


def continue_topic(question: str, previous: str, previous_names: list[str]) -> str:
    """A whole question that names no body, after one that did, goes on about that body: "跟上年比是涨了
    还是跌了？" after "金桥街道机关运行经费多少？" compares the previous question's subject (its asking words
    dropped); "公用经费多少？" asks about the previous question's body. The caller checks that the question
    names no body of its own (not even one the index lacks)."""
    q = question.strip()
    if not previous_names:
        return question
    if _COMPARING.match(q):
        subject = subject_of(previous) or previous.rstrip("？?。 ")  # a turn resolved to its bare subject asks nothing
        return f"{subject}{q}"
    return f"{previous_names[0]}{q}"
