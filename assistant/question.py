"""A question read once into a record every later stage reads: its folded
text, the words it asks about, and the kind of answer it wants."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from index.names import read_data_lines
from index.normalize import fold

from .sentences import PERCENT_QUESTION, QUANTITY_QUESTION, asked_unit_pattern, asks_counted, question_content

DATA = Path(__file__).parent / "data"  # question_cues.tsv, abbreviations.tsv


@lru_cache(maxsize=1)
def cues() -> dict[str, re.Pattern]:
    """The named cues of data/question_cues.tsv: computes, changes, verdict, parts."""
    return {name: re.compile(pattern) for name, pattern in
            (line.split("\t", 1) for line in read_data_lines("question_cues.tsv", DATA))}


@lru_cache(maxsize=1)
def abbreviations() -> list[tuple[str, list[str]]]:
    """data/abbreviations.tsv: each short form the genre asks with ("收支总计"), and the full forms
    a report may write instead (收入总计, 支出总计)."""
    return [(short, full.split()) for short, full in
            (line.split("\t", 1) for line in read_data_lines("abbreviations.tsv", DATA))]


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
    asks_change: bool  # a change on an earlier year ("跟上年比涨了还是跌了")
    asks_verdict: bool  # a verdict across reports ("谁多？多多少？")
    asks: int  # how many figures it asks for (多少, 几 …)
    items: list[str] = field(default_factory=list)  # the things asked for when several are ("全年预算、执行数和得分")
    previous_year: bool = False  # about the year before the report's own (stated there as 上年)
    names: list[str] = field(default_factory=list)  # the bodies and places it names
    figure_only: bool = False  # asks for a figure and nothing else: an answer without a digit is none
    open: bool = False  # may be answered in words too (哪, 什么, 为什么, 原因, 是否 …)
    checked_rate: float | None = None  # a rate quoted to have it checked ("增长29.86%…算对了吗")
    reason_only: bool = False  # a reason asked (为什么, 原因) and no figure beside it


def understand(question: str, names: list[str]) -> Question:
    folded = fold(question)
    content = question_content(question, names)
    rate_meant = "率" in content and "率" not in folded  # "花完了没有" is asked of the 执行率 (data/question_words.tsv)
    return Question(
        text=question,
        folded=folded,
        content=content,
        wants_number=_asks_quantity(folded) or rate_meant
        or bool(cues()['bare_amount'].search(folded) or cues()['changes'].search(folded)) and not cues()['open'].search(folded),
        wants_percent=(bool(PERCENT_QUESTION.search(folded)) or rate_meant) and not _SCORE_OF_RATE.search(folded)
        and not _asks_reason_only(folded),
        unit=asked_unit_pattern(question),
        counted=asks_counted(question),
        computes=bool(cues()["computes"].search(folded)) and not cues()["period_change"].search(folded),
        parts=1 + len(cues()["parts"].findall(folded)),
        asks_change=bool(cues()["changes"].search(folded) or cues()["period_change"].search(folded)),  # "比2023年多多少"
        asks_verdict=bool(cues()["verdict"].search(folded)),
        asks=len(re.findall(ASKING, folded)),
        items=asked_items(folded, names),
        names=list(names),
        figure_only=bool(cues()["figure_only"].search(folded) or cues()["bare_amount"].search(folded))
        and not cues()["open"].search(folded)
        and not asks_counted(question),
        open=bool(cues()["open"].search(folded)),
        checked_rate=float(m.group(1)) if (m := _RATE.search(folded)) and cues()["checks"].search(folded) else None,
        reason_only=_asks_reason_only(folded),
    )


_RATE = re.compile(r"(\d+(?:\.\d+)?)\s*%")
_SCORE_OF_RATE = re.compile(r"率[^，,。？?]{0,6}(?:得分|分值|几分|多少分|扣分|扣了)")  # "工程验收合格率得了几分": a score


def _asks_quantity(folded: str) -> bool:
    """Whether the question asks a figure. A reason asked with no asking word ("收支总计增加的原因是什么",
    "预算调整率大的原因是什么") asks words: its 增加 or 率 names what is explained, not a figure asked."""
    return bool(QUANTITY_QUESTION.search(folded)) and not _asks_reason_only(folded)


def _asks_reason_only(folded: str) -> bool:
    """A reason asked (原因, 为什么) and no figure beside it (多少, 几 …)."""
    return bool(cues()["reason"].search(folded)) and not ASKING.search(folded)


ASKING = re.compile(r"多少|几|多大|多长|多深|多高|百分之|比例|比重")
_ITEM_SEPARATOR = re.compile(r"、|和|与|以及|及")
_EACH = re.compile(r"(分别|各自|各)(是|为|有)?$")


@lru_cache(maxsize=1)
def joined_terms() -> tuple[str, ...]:
    """The genre's terms that hold 和/与/及 (index/data/domain_terms.txt, data/joined_lines.txt), longest first."""
    from index.terms import domain_terms

    terms = {t for t in domain_terms() if re.search("[和与及]", t)} | set(read_data_lines("joined_lines.txt", DATA))
    return tuple(sorted(terms, key=len, reverse=True))


def asked_items(folded: str, names: list[str]) -> list[str]:
    """The things a clause asks for together ("全年预算、执行数、执行率、得分分别是多少"
    → 全年预算, 执行数, 执行率, 得分): the asking clause split at its separators;
    fewer than two → []."""
    for name in sorted(names, key=len, reverse=True):  # "人力资源和社会保障局" is one name, not two items
        if len(name) >= 2:
            folded = folded.replace(name, " ")
    for term in joined_terms():  # "年初结转和结余", "社会保障和就业支出": one thing, its 和 no separator
        folded = folded.replace(term, term.replace("和", "\1").replace("与", "\2").replace("及", "\3"))
    clauses = [c for c in re.split(r"[，,；;？?。]", folded) if ASKING.search(c)]
    if not clauses:
        return []
    pieces = [_EACH.sub("", question_content(p.replace("\1", "和").replace("\2", "与").replace("\3", "及"), []).replace(" ", ""))
              for p in _ITEM_SEPARATOR.split(clauses[-1])]
    items = [_joined_again(p) for p in pieces if len(p) >= 2]
    return items if len(items) >= 2 else []


def _joined_again(item: str) -> str:
    """The item with a joined term written as the genre writes it: question_content drops 和 and 及
    as words that ask nothing ("商品和服务支出" → 商品服务支出), which no report writes."""
    for term in joined_terms():
        short = re.sub("[和与及]", "", term)
        if short in item and term not in item:
            item = item.replace(short, term)
    return item
