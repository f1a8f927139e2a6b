"""Sentences with their document offsets, and how well one covers a question."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from index.names import read_data_lines
from index.normalize import fold
from index.records import Chunk
from index.terms import clean_for_terms

_SENTENCE = re.compile(r"[^。！？；;\n]+[。！？；;]?")
_CLAUSE = re.compile(r"(?:[^，,：:、\s]|(?<=\d)\s+(?=[万亿元%％个人名项分]))+[，,：:、\s]*")  # "286 万元": a figure keeps its unit
_PAGE_NUMBER = re.compile(r"[-—–－\s]*\d{1,3}[-—–－\s]*|第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?")  # a page's footer
LONG = 150  # characters: a "sentence" longer than this is a flattened table or a page without stops
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
        for at, raw in _pieces(m.start(), m.group(0)):
            lead = len(raw) - len(raw.lstrip())
            body = raw.strip()
            if len(body) >= 2 and not _PAGE_NUMBER.fullmatch(body):
                start = chunk.start + at + lead
                out.append(Sentence(chunk.doc_id, start, start + len(body), body, rank, chunk))
    return out


def _pieces(at: int, sentence: str) -> list[tuple[int, str]]:
    """A sentence, or a long one cut at its commas, colons and spaces into pieces of at
    most LONG characters: text without stops (a flattened 自评表, a page of a PDF's text
    layer) would otherwise be quoted whole as the answer to a question about one cell."""
    if len(sentence) <= LONG:
        return [(at, sentence)]
    out: list[tuple[int, str]] = []
    start = end = 0  # the piece being filled, as offsets into the sentence
    for m in _CLAUSE.finditer(sentence):
        if end > start and m.end() - start > LONG:
            out.append((at + start, sentence[start:end]))
            start = m.start()
        end = m.end()
    out.append((at + start, sentence[start:end]))
    return out


@lru_cache(maxsize=16384)
def bigrams(text: str) -> frozenset[str]:
    """Character pairs of the folded text. Cached: ranking measures the same sentences
    against a question's words many times (alone, in pairs, once per clause)."""
    s = _PUNCT.sub("", clean_for_terms(text))
    return frozenset(s[i : i + 2] for i in range(len(s) - 1)) if len(s) > 1 else frozenset({s} if s else ())


# asking words, with the measure word they ask in ("几个", "多少人"); what jieba joins after them is kept ("几辆车" → 车)
_ASKING = re.compile(r"^(有|占|是|为)?(多少|多大|多长|多深|多高|多远|几|百分之几|什么|哪几|哪些|哪个|哪一|为什么)"
                     r"(个|项|人次|人|名|位|家|辆|台|套|所|座|张|次|条|间|户|亩|元|万元|亿元|亿|分|级|块|批|成|样)?")
UNIT_WORDS = set("人 名 位 个 张 宗 座 项 次 元 万元 亿元 亿 亩 户 家 级 分 米 部分 辆 台 套 所 篇 条 间".split())
_ASKED_UNIT = re.compile(r"(?:多少|几)(?:个(?=人))?(人|名|位|个(?!亿)|张|宗|座|项|次|万元|亿元|亿|元|亩|户|家|级|分|部分|辆|台|套|所|篇|条|间)"
                         r"|多(长|深|高|远)")
# Counters written for one another: 在职人员54名 answers 多少人.
_SAME_COUNTER = {"人": "人|名|位", "名": "人|名|位", "位": "人|名|位", "个": "个|项|家|所", "项": "项|个",
                 "家": "家|个|户", "所": "所|个", "辆": "辆|台", "台": "台|辆"}
# people counted with 个 in speech ("编制几个", "退休的有几个"): reports count them in 人, 名 or 位
_PEOPLE = r"(?:编制|人员|职工|员工|干部|在职|退休|离休|离退休|教职工|教师|老师|医生|工作人员)"
_PEOPLE_COUNTED = re.compile(_PEOPLE + r"[^，,。？?]{0,4}(?:多少|几)个|(?:多少|几)个" + _PEOPLE)  # "有几个离退休的" too
# people asked for with no counter: the noun right before or after the asking word ("有多少编制", "在职人员多少")
_PEOPLE_ASKED = re.compile(r"(?:多少|几个?)(?:编制|在职人员|职工|员工|教职工)|(?:编制|在职人员|离退休人员|退休人员|在职职工|职工|员工|"
                           r"教职工|工作人员|实有人员)(?:数|人数)?(?:分别|各自|各)?(?:是|有|为|共|一共|总共)?(?:多少|几)")
_UNIT_IN_TEXT = {"长": r"\d\s*(米|m|公里|千米|km)", "深": r"\d\s*(米|m)", "高": r"\d\s*(米|m)", "远": r"\d\s*(米|m|公里|千米|km)"}


QUESTION_WORDS = Path(__file__).parent / "data" / "question_words.tsv"


@lru_cache(maxsize=1)
def question_words() -> tuple[list[tuple[str, str]], set[str]]:
    """(paraphrases, stop words) from data/question_words.tsv."""
    paraphrases, stop = [], set()
    for line in read_data_lines(QUESTION_WORDS.name, QUESTION_WORDS.parent):
        kind, *rest = line.split("\t")
        if kind == "paraphrase":
            paraphrases.append((rest[0], rest[1] if len(rest) > 1 and rest[1].strip() else " "))
        elif kind == "stop":
            stop.update(rest[0].split())
    return paraphrases, stop


# a generic noun for a body right after its name ("梧州医保单位2024年", "天水科协部门的"), where
# nothing follows that makes it a word of its own (部门决算, 单位预算)
_NAMED_BODY_NOUN = re.compile(r"(?<=\0)(?:这家|那家)?(?:单位|部门|机关)(?=[^\u4e00-\u9fff]|的|$)")


# a change asked of a thing ("收入增长", "支出减少"): a word of its own, not part of the thing's name
_CHANGE_TOKENS = {"增长", "增加", "减少", "下降", "上升", "降低", "增幅", "降幅", "涨幅", "跌幅"}


def question_content(question: str, names: list[str]) -> str:
    """The question minus the names of bodies and places, years, question words
    and units: what a passage must actually talk about. Runs of remaining words
    are separated by spaces; the last run is usually the thing asked for."""
    from index.terms import _jieba

    q = _with_counter(fold(question))
    for name in sorted(names, key=len, reverse=True):
        if name and len(name) >= 2:
            q = q.replace(name, "\0")
    q = _NAMED_BODY_NOUN.sub(" ", q).replace("\0", " ")  # "梧州这家医保单位": 单位 is the body named
    # "跟2022年比", "与2022年相比": the year compared with is the question's frame, not a word a passage writes
    q = re.sub(r"(?:比|较|与|跟|和|同)\s*(?:20\d\d|(?<![\d.])[12]\d)\s*年度?\s*(?:相比|比)?(?:是)?", " ", q)
    q = re.sub(r"(?:20\d\d|(?<![\d.])[12]\d)\s*(?:年度|年(?![底末初])|(?=年[底末初]))", " ", q)  # "2021年底" keeps 年底 (年末); "22年" is 2022
    q = re.sub(r"(?:这|近|最近|前后)[两二三四五几]个?年(?:度)?(?:的|来|里)?|历年|逐年", " ", q)  # the years asked, as the route reads them
    paraphrases, stop_words = question_words()
    for asked, written in paraphrases:
        q = q.replace(asked, written)
    from .question import cues  # (question.py reads this module)

    q = cues()["rose_or_fell"].sub(" ", q)  # "涨了还是降了", any either-or of a change: the passage writes one of them
    q = re.sub(r"([\u4e00-\u9fff]{2,4})\1", r"\1", q)  # "年底年末结转" read as "年末年末…": once
    parts = []
    jieba = _jieba()
    for token in jieba.cut(q):
        asking = _ASKING.match(token)
        if asking:  # "几辆车": the thing counted, after its asking word; "哪些项目": 项目 is a word, not 项 + 目
            word = token[asking.end(2) :]
            token = word if len(word) >= 2 and jieba.dt.FREQ.get(word) else token[asking.end() :]
        stop = token in stop_words or token in UNIT_WORDS or not token.strip()
        parts.append(" " if stop else f" {token} " if token in _CHANGE_TOKENS else token)
    content = _PUNCT.sub(" ", "".join(parts)).strip()
    return re.sub(r"(?:^|(?<=\s))的", "", content)  # "金桥街道的其他收入": 的 ties it to the name removed


# Units that count things or measure length: when a question asks one such figure, a
# sentence with no figure in that unit cannot answer it ("几辆", "多长"). Not money (元/万元/亿元
# convert), not 分/级 (often written bare), not people (总人口8.45万 answers 多少人).
_NOT_COUNTERS = {"万元", "亿元", "亿", "元", "分", "级", "部分", "人", "名", "位"}


# things asked for with their counter left out ("有多少车"): the counter reports count them in
_COUNTER_OF = {"车": "辆"}
_COUNTER_LEFT_OUT = re.compile(r"(多少|几)个?(" + "|".join(_COUNTER_OF) + ")")


def _with_counter(folded: str) -> str:
    """"有多少车" as "有多少辆车"."""
    return _COUNTER_LEFT_OUT.sub(lambda m: m.group(1) + _COUNTER_OF[m.group(2)] + m.group(2), folded)


def asks_counted(question: str) -> bool:
    """Whether every figure asked is counted in one counter ("多少户", "计划多少户、完成多少户")."""
    folded = _with_counter(fold(question))
    found = list(_ASKED_UNIT.finditer(folded))
    units = {m.group(1) or m.group(2) for m in found}
    if len(units) != 1 or found[0].group(1) in _NOT_COUNTERS or any(folded[m.start() - 1 : m.start()] == "哪" for m in found):
        return False  # figures in several units asked, or "哪几项" asks for a list
    return not re.search(r"哪些|多少|几", _ASKED_UNIT.sub(" ", folded))


def asked_unit_pattern(question: str) -> re.Pattern | None:
    """"有多少人" asks for a number of 人, "多长" for metres: a sentence whose
    figure carries that unit is far more likely to answer."""
    m = _ASKED_UNIT.search(_with_counter(fold(question)))
    if not m:
        if _PEOPLE_ASKED.search(fold(question)):  # "有多少编制", "离退休人员多少": people, in 人, 名 or 位
            return re.compile(r"\d\s*(?:人|名|位)|[一二三四五六七八九十百]+(?:人|名|位)")
        return None
    if m.group(1):
        unit = _SAME_COUNTER.get(m.group(1), re.escape(m.group(1)))
        if m.group(1) == "个" and _PEOPLE_COUNTED.search(fold(question)):
            unit += "|人|名|位"  # "编制几个", "在职的有几个": people, written 12名 or 8人
        return re.compile(rf"\d\s*(?:{unit})|[一二三四五六七八九十百]+(?:{unit})")
    return re.compile(_UNIT_IN_TEXT[m.group(2)])


def match_score(content: str, text: str) -> float:
    """Coverage of the content, raised when the text also covers the content's
    last run of words, which is usually the thing asked for."""
    runs = content.split()
    if not runs:
        return 0.0
    whole = coverage(bigrams(content), text)
    tail = coverage(bigrams(runs[-1]), text)
    return max(whole, 0.5 * whole + 0.5 * tail)


def coverage(content_bigrams: set[str], text: str) -> float:
    if not content_bigrams:
        return 0.0
    return len(content_bigrams & bigrams(text)) / len(content_bigrams)


_YEAR_OR_DATE = re.compile(r"20\d\d\s*年度?")
SHARE_OF = r"占(?!地(?!方)|用)"  # the 占 of a share: not 占地 (land taken, though 占地方… is) nor 占用
HOW_MUCH = r"多少(?![亩平方米万元钱人个])"  # the 多少 of a share, not of an area, an amount or a count
PERCENT_QUESTION = re.compile(r"率|比例|比重|占比|百分|几成|增幅|降幅|涨幅|跌幅|增速|占了?" + HOW_MUCH
                              + "|" + SHARE_OF + r"[^，,。？?]{1,10}?(?:的)?" + HOW_MUCH)  # "占基本支出多少": a share
PERCENT_IN_TEXT = re.compile(r"\d\s*%|百分之|\d\s*成")


def has_number(text: str) -> bool:
    """A figure other than a bare year: amounts, counts, rates, dates with a day; or an amount stated as none
    ("本部门2023年度没有使用政府性基金预算财政拨款安排的支出，故本表无数据": the figure asked is nil)."""
    text = _YEAR_OR_DATE.sub("", text)
    return (bool(NUMBER_IN_TEXT.search(text)) or bool(re.search(r"[一二三四五六七八九十百千万]+[个张项名人宗级]", text))
            or bool(NONE_STATED.search(text)))


# an amount a report states as none: a template table left empty, with its note
NONE_STATED = re.compile(r"(?:没有|无|未)(?:使用|安排|发生|开支)?[^。；;\d]{0,30}?(?:支出|收入|经费|资金)[^。；;\d]{0,12}?"
                         r"(?:故本表(?:无数据|为空)|本表(?:为空|无数据)|为空表)")


WHEN_QUESTION = re.compile(r"什么时候|什么时间|哪段时间|何时|哪天|哪一天|几月|哪个月")
DATE_IN_TEXT = re.compile(r"\d\s*年\s*\d{1,2}\s*月|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}")


def fits_value_kind(question: str, text: str) -> bool:
    """A question about a rate or share needs a text that states a percentage; one asking when
    ("什么时候", "哪段时间") a text that writes a date (a month at least: a document number's 【2022】 is none)."""
    if PERCENT_QUESTION.search(question) and not re.search(r"多少(万|亿)?元|金额|多少钱", question):
        return bool(PERCENT_IN_TEXT.search(text))
    if WHEN_QUESTION.search(question):
        return bool(DATE_IN_TEXT.search(text))
    return True
