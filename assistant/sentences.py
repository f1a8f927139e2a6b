"""Sentences with their document offsets, and how well one covers a question."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.normalize import fold
from index.records import Chunk
from index.terms import clean_for_terms

_SENTENCE = re.compile(r"[^。！？；;\n]+[。！？；;]?")
_QUESTION_WORDS = re.compile(
    r"请问|是多少|是什么|有哪些|有多少|多少钱|多少|什么|哪些|哪个|哪一|哪天|哪年|哪|几成|几个|几张|几级|几|怎么样|怎样|如何|"
    r"是否|有没有|吗|呢|大约|大概|一共|总共|合计|加起来|分别|报告里|报告中|报告|这份|的|了|是|谁|在|方面|主要|情况|"
    r"有|为|多长|多深|多大|多高|百分之"
)
_PUNCT = re.compile(r"[\s\W_]+")
NUMBER_IN_TEXT = re.compile(r"\d+(?:[.,]\d+)*")
QUANTITY_QUESTION = re.compile(r"多少|几|比例|比重|占比|百分|率|金额|多长|多深|多大|多高|增长|增加|减少|超收|哪天|日期|哪一年|何时|时间")


@dataclass
class Sentence:
    doc_id: str
    start: int
    end: int
    text: str
    rank: int  # rank of the passage it came from
    chunk: Chunk


def split_sentences(chunk: Chunk, rank: int) -> list[Sentence]:
    out = []
    for m in _SENTENCE.finditer(chunk.text):
        raw = m.group(0)
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if len(body) >= 2:
            start = chunk.start + m.start() + lead
            out.append(Sentence(chunk.doc_id, start, start + len(body), body, rank, chunk))
    return out


def bigrams(text: str) -> set[str]:
    s = _PUNCT.sub("", clean_for_terms(text))
    return {s[i : i + 2] for i in range(len(s) - 1)} if len(s) > 1 else ({s} if s else set())


def question_content(question: str, names: list[str]) -> str:
    """The question minus the names of bodies and places, years and question words:
    what a passage must actually talk about."""
    q = fold(question)
    for name in sorted(names, key=len, reverse=True):
        if name:
            q = q.replace(name, " ")
    q = re.sub(r"20\d\d\s*年度?", " ", q)
    q = _QUESTION_WORDS.sub(" ", q)
    return _PUNCT.sub(" ", q).strip()


def coverage(content_bigrams: set[str], text: str) -> float:
    if not content_bigrams:
        return 0.0
    return len(content_bigrams & bigrams(text)) / len(content_bigrams)


_YEAR_OR_DATE = re.compile(r"20\d\d\s*年度?")
PERCENT_QUESTION = re.compile(r"率|比例|比重|占比|百分|几成")
PERCENT_IN_TEXT = re.compile(r"\d\s*%|百分之|\d\s*成")


def has_number(text: str) -> bool:
    """A figure other than a bare year: amounts, counts, rates, dates with a day."""
    text = _YEAR_OR_DATE.sub("", text)
    return bool(NUMBER_IN_TEXT.search(text)) or bool(re.search(r"[一二三四五六七八九十百千万]+[个张项名人宗级]", text))


def fits_value_kind(question: str, text: str) -> bool:
    """A question about a rate or share needs a sentence that states a percentage."""
    if PERCENT_QUESTION.search(question) and not re.search(r"多少(万|亿)?元|金额|多少钱", question):
        return bool(PERCENT_IN_TEXT.search(text))
    return True
