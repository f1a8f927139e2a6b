"""Turn a question into an extractive, cited answer.

Order of attempts: comparison across reports → a stated or computed metric →
a section ("存在的主要问题") → the best-covering sentence of the retrieved
passages → an honest refusal with the nearest passages. Every number in an
answer is copied from a cited span or computed from cited numbers, with the
formula written out.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from index.facts import (
    TOTAL_ROWS,
    Fact,
    asked_period_of,
    is_measured_value,
    names_a_period,
    number,
    period_of,
    periods_conflict,
    table_facts,
    table_subject,
    without_period,
    writes_period,
)
from index.headings import SENTENCE_END, heading_rank
from index.identify import is_boilerplate
from index.names import org_suffixes, read_data_lines, short_names
from index.normalize import DOCUMENT_NUMBER_LINE, fold
from index.records import Chunk, Document
from index.spaced_tables import read_spaced_tables
from index.store import Index
from index.tables import row_name
from index.terms import terms

from .check import rate_against_amounts, rate_checks
from .clauses import Clause, split_clauses
from .compute import (
    AS_SHARE_OF,
    PERIOD_ONLY,
    SUM,
    TO_WAN_UNITS,
    Bound,
    Computation,
    Operand,
    bound_in,
    chinese_number,
    compute,
    count_items,
    figure_after,
    operate,
    per_unit,
    plan,
    sum_of_listing,
    without_names,
)
from .facts import (
    AMOUNT,
    DISPLAY,
    METRICS,
    MONEY_UNITS,
    MetricFact,
    amount_before,
    extract_metrics,
    format_value,
    metric_in_question,
    metric_remainder,
    parse_number,
)
from .grid import (
    grade_after,
    scored_rows,
    MONEY,
    GridRow,
    IndicatorRow,
    asked_columns,
    columns,
    named_columns,
    number_or_none,
    read_grids,
    read_indicators,
)
from .question import ASKING, DATA, Question, abbreviations, cues, joined_terms, understand
from .row_extremes import ASKED as EXTREME_ASKED, extreme_row
from .rank import (
    QUOTES, Candidate, Ranker, as_written_in, default_ranker, features, misses_named_quantity, names_the_opposite, of_another_year,
    ruled_out, term_idf,
)
from .records import Answer, Citation
from .retrieve import Passage, Retriever
from .route import Route, Router, question_years
from .sentences import (
    QUANTITY_QUESTION,
    Sentence,
    bigrams,
    coverage,
    fits_value_kind,
    has_number,
    match_score,
    question_content,
    split_sentences,
)
from .targets import Verdict, compare

NEAREST_NOTE = "最接近的段落（不含答案）"
RELATED_NOTE = "相关但不同的数字"
PART_NOTE = "只回答了问题的一部分"
STATED_NAMED = 0.75  # share of the asked words' character pairs a fact's label must write to be the figure compared
ROW_NAMED = 0.5  # share of a 类/款/项 row's label a question must write to ask of that row
EXTRA_PASSAGES = 2  # passages added for the full forms of a short form asked (data/abbreviations.tsv)
_TOTAL_OF = re.compile(r"(.{2,}?)(?:合计|总计)")  # a total row's label: what it totals, then the total word
_NARROWING = re.compile(r"本级|下级|二级|其中|对下|上级")  # words that make a label a part of what it names
SAME_UNIT = {"名": "人", "位": "人"}  # counters written for one another: 编制11名 and 编制12人 compare
MIN_COVERAGE = 0.45  # share of the question's content bigrams a sentence must contain
MIN_TEXT_COVERAGE = 0.4  # the same for questions that ask for words, not a figure
MAX_QUESTION_CHARS = 500
# reports whose grids and table cells are read for one question: a body's 决算 may be published as a
# PDF per table (nine or more), all of one year
MAX_REPORTS_READ = 12
MAX_COMPARED = 8  # reports a question answers across, named ("两个区…分别") or not ("这几个单位…")
INDICATOR_NAMED = 0.8  # share of an indicator's name's character pairs a question must write to ask for it
# one or more entries of a table of contents: a numbered title and its page number
_NUMBERED = r"(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、])"
_TOC_ENTRY = re.compile(rf"(?:{_NUMBERED}\s*[^。；;，,：:\d]{{2,40}}?\s*\d{{1,3}}\s*)+")
_TOC_LINE = re.compile(rf"^(?P<title>{_NUMBERED}\s*[^。；;，,：:\n]{{2,40}}?)[ \t.…·]*(?P<page>\d{{1,3}})[ \t]*$", re.M)  # one 目录 line
_NUMBERING = re.compile(rf"^\s*{_NUMBERED}\s*")
HEADING_NAMED = 0.75  # share of a heading's character pairs a question must write to name it
# the line under a report's title that says when and where it was made, and who made it on the next
# ("——2023年1月10日在昌吉市第十届人民代表大会第三次会议上" / "昌吉市财政局局长 张三")
_DATELINE = re.compile(r"[—－-]{1,2}\s*(?P<date>(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*在(?P<meeting>[^\n。]{4,60}?会议上)"
                       r"(?:\s*\n\s*(?P<speaker>[^\n，,。:：]{2,24}?(?:(?:局长|主任|厅长|市长|县长|区长|部长)\s*[\u4e00-\u9fff ]{2,4}"
                       r"|局|厅|人民政府|委员会))(?=\s*\n))?")
HEAD_FOR_DATES = 3000  # characters: a web page's furniture (发布日期 …) stands above the report
# A question naming no report is answered from one report only when it holds this share of the
# top passages (3 of 4); fitted on the development split's unnamed questions.
DOMINANCE, DOMINANCE_TOP = 0.75, 4

# A stated change on the year before: 比2021年增加41.58万元, 较上年决算数减少23.40万元.
# "比上年增加…", "较2021年减少…", "与2021年度相比，收、支总计各增加…": a change on the year before
_ON_YEAR_BEFORE = r"(?:(?:比|较)(?:上年|上一年|去年|20\d\d\s*年)|与(?:上年|上一年|去年|20\d\d\s*年)度?相比)"
_CHANGE = re.compile(_ON_YEAR_BEFORE + r"[^。；;\d]{0,20}?(?P<dir>增加|增长|减少|下降|增|减|多|少|上升)了?\s*"
                     r"(?P<value>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>亿元|万元|元)")
_BOTH_CHANGED = re.compile(r"收支|收、支")  # a change of both totals at once ("收、支总计各增加…")
_REMARK = r"(?:\s*[(（][^()（）\d]{1,15}[)）])?\s*"  # "增长(以下简称“增长”)7.2%": a remark between the change and its figure
_RATE_CHANGE = re.compile(r"(?:" + _ON_YEAR_BEFORE + r"|同比)[^。；;\d]{0,20}?"
                          r"(?P<dir>增长|下降|增加|减少|上升|降低)了?" + _REMARK + r"(?P<rate>\d+(?:\.\d+)?)\s*%")
# "收入完成28.60亿元，为预算的102.1%，增长6.3%": a growth written bare after its figure's clause is on the year before
_CHANGE_WORDS = re.compile(r"增加|减少|增长|下降|上升|降低")
_CHANGE_TAIL = re.compile(rf"(?:{_CHANGE_WORDS.pattern}|[增降涨跌]幅|增速|幅度|[多少增减涨跌升降])+$")  # "三公经费增长": its 三公经费
_CHANGE_RUN = re.compile(rf"(?:{_CHANGE_WORDS.pattern}|[多少增减涨跌升降])+")  # "多", "减少": the change asked, no item
# the rows of a table asked for as a list ("有哪些项目", "项目都有哪些"), and nothing more about them
_ROWS_ASKED = re.compile(r"(?:有|包括)?哪些((?:(?!的)[\u4e00-\u9fff]){2,4}?)[？?呢]*$"
                         r"|((?:(?!的)[\u4e00-\u9fff]){2,4}?)(?:都|一共|共)?有哪些[？?呢]*$")
_ASKS_YUAN = re.compile(r"多少元|几元|(?<![万亿])元[？?]*$")  # a figure asked in 元, not 万元
_STATED_SHARE = re.compile(r"占[^，,。；;]{0,16}?\d+(?:\.\d+)?\s*%")  # "占3.54%", "占政府采购支出总额的94.28%"
_BARE_RATE_CHANGE = re.compile(r"(?<=[，,])\s*(?P<dir>增长|下降|降低|上升)\s*(?P<rate>\d+(?:\.\d+)?)\s*%")
_WRITTEN_YEAR = re.compile(r"(?:19|20)\d\d(?=\s*年)")  # "2022年", the year as a question or sentence writes it
_STATED_YEAR = re.compile(r"(?<![比较与同跟和至到-])(?:19|20)\d\d(?=\s*年(?!\s*[相比同]))")  # a figure's year, not one compared with
WORKED_BACK_NAMED = 0.5  # share of the words asked a worked-back figure's label and sentence must write
_YEAR_LOOKBACK = 150  # characters before a sentence searched for the year its figures are of
REFERRING = re.compile(r"(这|那|上述|以上)?([几两三四五六七八各]|哪)(个|家|所)?(单位|部门|街道|乡镇|区县|县区|区|县|镇|乡|局|学校|医院)")
PLURAL = re.compile(r"两个|两家|几个|这几|各自|分别|各是|哪个|哪家|谁的|谁更|对比|比较")
SUPERLATIVE = re.compile(r"最多|最少|最高|最低|最大|最小")
LOWEST = re.compile(r"最少|最低|最小|更少|更低|更小|少于|低于")
COMPARISON = re.compile(r"哪个|哪一个|哪家|谁的|更高|更低|更多|更少|对比|比较|相比|高于|低于|分别|两个|两区|各区|差多少")
SECTION_INTENTS: list[tuple[str, re.Pattern, re.Pattern]] = [
    ("存在的主要问题", re.compile(r"问题|不足|短板|差距"), re.compile(r"问题|不足")),
    ("改进措施", re.compile(r"改进|措施|整改|下一步|建议|怎么改|打算"), re.compile(r"改进|措施|下一步|整改|建议")),
    ("职能", re.compile(r"职能|职责|负责什么|负责哪些|干什么|做什么"), re.compile(r"职能|职责")),
    ("绩效目标", re.compile(r"绩效目标|总体目标|目标是什么"), re.compile(r"目标")),
    ("工作成效", re.compile(r"成效|成绩|成果|亮点"), re.compile(r"成效|成绩|成果")),
    ("自评结论", re.compile(r"自评结论|评价结论|结论|评级|等级|评价如何"), re.compile(r"结论")),
    ("重点工作", re.compile(r"重点工作|重点任务|主要工作"), re.compile(r"重点工作|重点任务|主要工作")),
]
# Metrics that may stand in for one another when a report uses the other word.
METRIC_STAND_INS = {"执行数": ["总支出"], "总支出": ["执行数"]}
COMPUTABLE = {
    "预算执行率": ("执行数", ["预算数"]),
    "基本支出占比": ("基本支出", ["总支出", "执行数"]),
    "项目支出占比": ("项目支出", ["总支出", "执行数"]),
}




# a report that is one project's self-evaluation table (its kind or title): its funds grid is its own
_PROJECT_TABLE = re.compile(r"^(?!.*整体).*(项目.*(自评|评价)|绩效目标自评表|绩效自评表)")


_FELL = re.compile(r"(下降|减少|降低|下滑|回落|减收|减支)\s*$")  # a change fact's label ending in a fall
_EACH_ASKED = re.compile(r"分别|各是|各为|各有|各多少|各自")  # each thing asked, not their sum (本年收入合计 is a row)
_BUDGET_ONLY = re.compile(r"(年初|全年|调整)?预算数?")  # "比预算…": the item asked, as budgeted
_LAST_YEAR = re.compile(r"上年度?|去年|上一年")  # "比上年…": the same item the year before
_FINAL_WORD = re.compile(r"(决算|执行|实际支出)数?$")


_PARENTHESES = re.compile(r"[（(][^）)]*[)）]")  # "因公出国（境）费" is asked as 因公出国费
_ASKS_LOWER = re.compile(r"(更|较)?((?<!多)少|低|小)[？?。]?$|(?<!多)少[？?，,]|低[？?，,]|更少|更低|更小|较少|较低")
_MORE_OR_LESS = re.compile(r"(更|较)?(多(?!少)|(?<!多)少|高|低|大|小)[？?。]?$|(多|少|高|低|大|小)[？?]")  # "哪家编制多？"
# "第一条职责", "第三项措施": the Nth item asked of a list
_ORDINAL = re.compile(r"第(?P<n>[一二三四五六七八九十]{1,3}|\d{1,2})(?:条|项|点)")
_FIRST_ITEM = re.compile(r"(?P<paren>[（(]一[)）])|(?P<arabic>(?<!\d)1[.、．](?!\d))|(?P<shi>一是)")
_ITEM_MARK = {"paren": re.compile(r"[（(](?P<k>[一二三四五六七八九十]{1,3})[)）]"),
              "arabic": re.compile(r"(?<![\d.])(?P<k>\d{1,2})[.、．](?!\d)"),
              "shi": re.compile(r"(?P<k>[一二三四五六七八九十]{1,3})是")}
# a numbered run right after the words asked ("公开目录 一、… 二、…"): its first mark, then each mark of its style
_RUN_FIRST = re.compile(r"(?P<dun>(?<![一二三四五六七八九十])一、)|(?P<table>表一、)|" + _FIRST_ITEM.pattern)
_RUN_MARK = {**_ITEM_MARK, "dun": re.compile(r"(?<![一二三四五六七八九十表])(?P<k>[一二三四五六七八九十]{1,3})、"),
             "table": re.compile(r"表(?P<k>[一二三四五六七八九十]{1,3})、")}
RUN_REACH = 16  # characters between the words asked and the run's first mark
RUN_ITEM = 80  # characters of an item shown
_ITEM_END = re.compile(r"[。；;\n]|\s{2,}|第[一二三四五六七八九十]+部分")  # where a run's item ends at the latest
# the budget changed during the year, asked of a 自评表's funds row ("调减了多少", "年初预算和全年预算差多少")
_BUDGET_ADJUSTED = re.compile(r"调减|调增|调整了多少|调了多少|(?:年初预算.{0,12}(?:全年|调整)|(?:全年|调整后?)预算.{0,12}年初)"
                              r".{0,8}?(?:相?差|多了|少了|多出|增加|减少|变化|变动)")  # not "…分别多少": each figure
_SCORE_ASKED = re.compile(r"分值|得分|几分|多少分|评分|总分")
# a money item's (预算)执行率 or 完成率 asked: "三公经费预算执行率", "公务接待费执行率" — not a project's or a whole report's
_EXECUTION_ASKED = re.compile(r"(?P<item>[\u4e00-\u9fff“”]{1,18}?(?:经费|费|支出|资金))的?(?:预算)?(?:执行率|完成率)")
_SHARE_ASKED = re.compile(r"占比|所占比[例重]|比重|的比例|百分之几|占多少|占多大|占几成")


@lru_cache(maxsize=1)
def shares_of() -> list[tuple[str, str]]:
    """data/shares_of.tsv: a part and the whole its share is of, longest parts first."""
    rows = [tuple(line.split("\t")) for line in read_data_lines("shares_of.tsv", DATA)]
    return sorted(rows, key=lambda r: -len(r[0]))


@lru_cache(maxsize=1)
def fund_qualifiers() -> list[str]:
    """data/fund_qualifiers.txt: the budget funds whose name narrows a figure's label."""
    return read_data_lines("fund_qualifiers.txt", DATA)


def _narrowed_by_fund(doc: Document, fact: MetricFact, question: str) -> bool:
    """Whether the fact's label is written right after a fund the question does not name
    ("一般公共预算财政拨款收入" for "财政拨款收入多少"): a part of the figure asked, not the figure."""
    before = re.split(r"[^\u4e00-\u9fff“”\"]", doc.folded[max(0, fact.start - 12) : fact.start])[-1]
    return any(before.endswith(fund) and fund not in question for fund in fund_qualifiers())


def _without_change_tail(run: str) -> str:
    """"三公经费增长" → 三公经费; a run that is nothing but a change ("增幅") stays as it is."""
    item = _CHANGE_TAIL.sub("", run)
    return item if len(item) >= 2 else run


def _parts_named(head: str) -> list[str]:
    """The things a share's head names together ("人员经费和公用经费各" → 人员经费, 公用经费); none when it
    names one line whose name holds 和, 及 or 与 (商品和服务支出, data/joined_lines.txt)."""
    head = re.sub(r"[各分别]+$", "", head.strip())
    if any(term in head for term in joined_terms()):
        return []
    return [part for part in re.split(r"和|、|与|及", head) if part]


def _execution_rate_plan(question: str) -> tuple[str, list[str]] | None:
    """"三公经费预算执行率是多少" of a report that states the item's 预算数 and 决算数 and not the rate: a
    budget's execution rate is its 决算数 ÷ its 预算数 (the genre's definition), worked out with the formula."""
    m = _EXECUTION_ASKED.search(QUOTES.sub("", fold(question)))
    if not m:
        return None
    item = m.group("item")
    return "ratio", [f"{item}决算数", f"{item}预算数"]


_WHOLE_AFTER_VERB = re.compile(r"(?:完成|达到|实现|为|是|占|相当于)了?[^，,。？?]{2,}的(?:百分之几|几成|比例|比重)")


def _states_share(share: str, passages: list[Passage]) -> bool:
    """Whether a passage states the share asked ("税收收入占一般公共预算收入的比重为70.0%"): then it is quoted,
    not worked out again (`share`: "税收收入占一般公共预算收入的比重")."""
    part = share.split("占", 1)[0]
    stated = re.compile(re.escape(fold(part)) + r"[^。；;]{0,24}?占[^。；;]{0,24}?\d+(?:\.\d+)?\s*%")
    return any(stated.search(fold(p.chunk.text)) for p in passages)


def _share_of_named_whole(question: str) -> str | None:
    """"公用经费占比多少" as "公用经费占基本支出的比重": a share asked with no whole named, of a part the
    genre's templates sum into one whole; None when a whole is named or the part is not one of those."""
    q = QUOTES.sub("", fold(question))
    if (not _SHARE_ASKED.search(q) or re.search(r"占(?!多大|多少|几)[^，,。？?比]{2,}的?(比例|比重)", q) or AS_SHARE_OF.search(q)
            or _WHOLE_AFTER_VERB.search(q)):
        return None  # a whole named ("占基本支出的比重", "是预算的百分之几", "完成了年度计划的百分之几")
    part = next((p for p, _ in shares_of() if fold(p) in q or _PARENTHESES.sub("", fold(p)) in q), None)  # 因公出国费
    if part is None:
        return None
    whole = dict(shares_of())[part]
    return f"{part}占{whole}的比重"


def _change_said(fact: Fact, row: list[Fact] = ()) -> str:
    """A change cell in words (增减额 −0.40 → "（比上年减少0.4万元）"): a table writes the direction as a sign,
    a question asks it as 增加 or 减少. With the cells of its row beside it, the year before's figure and the
    other form of the change (rate or amount) are said too, as a reader checks a change against its base:
    "（上年18.15万元；比上年增加4万元，增长22%）"."""
    if not fact.kind.startswith("change") or not fact.source == "table" or fact.value == 0:
        return ""

    def said(change: Fact) -> str:
        rate = change.unit == "%"
        word = ("下降" if rate else "减少") if change.value < 0 else ("增长" if rate else "增加")
        return f"{word}{abs(change.value):g}{change.unit}"

    base = next((f for f in row if f.period == "上年" and not f.kind.startswith("change") and f.unit == fact.unit), None)
    other = next((f for f in row if f.kind.startswith("change") and (f.unit == "%") != (fact.unit == "%") and f.value), None)
    before = f"上年{base.as_written()}；" if base is not None and fact.unit != "%" else ""
    return f"（{before}比上年{said(fact)}{f'，{said(other)}' if other is not None else ''}）"


def _read_cell_within(best: Candidate, others: list[Candidate], ranker: Ranker) -> Candidate:
    """A quoted passage that holds a table row or 自评表 grid the reader has read cell by cell, when that
    reading is given too: the cells, named by their column ("全年预算数 620.82 万元"), say which of the row's
    figures is asked; the passage pasted does not."""
    if best.source not in ("sentence", "sentences") or not best.answer.citations:
        return best
    quote = best.answer.citations[0]
    for c in others:
        if c.source in ("grid", "fact") and c.answer.citations and ranker.accepts(c) \
                and c.answer.citations[0].doc_id == quote.doc_id \
                and quote.start <= c.answer.citations[0].start < quote.end:  # the row begins in the passage quoted
            return c
    return best


def _past_near_misses(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates from the first that no rule rules out, past those ruled out as a near miss — the asked
    thing's level where its change is asked, a neighbouring row's cell, another year's figure — but not past
    one that shares no word with the question (silent): then the ranker has found nothing, and nothing is given."""
    for n, c in enumerate(candidates):
        if not ruled_out(c.features) or c.features.get("silent"):
            return candidates[n:]
    return []


class _Stated(NamedTuple):
    """A figure a report states under the words asked (Answerer.stated_figure), with what picks among several."""

    figure: Operand
    citation: Citation
    label: str  # row and column, folded, quotes dropped
    period: str  # the fact's period (预算, 决算, 上年 …)
    column: str  # the last level of its column header, folded
    total_row: bool = False  # a table's 合计/总计 row: its cell is named by its column alone
    table: bool = False  # a table's cell, not a prose figure
    fund: bool = False  # in a table of one fund the question does not name (一般公共预算支出预算表 for "项目支出")


def _in_one_unit(found: list[_Stated]) -> set[float]:
    """The distinct values of stated figures, in 万元 where they are amounts, to the hundredth reports write
    in text: a table's 186,420.00 元 and the text's 18.64 万元 are one figure."""
    return {round(f.figure.value * TO_WAN_UNITS.get(f.figure.unit, 1.0), 2) for f in found}


def written_forms(content: str) -> list[str]:
    """The words asked, and the same with each short form the genre asks with written as reports write it
    (data/abbreviations.tsv: 疾控中心 → 疾病预防控制机构, 公车 → 公务用车)."""
    return [content] + [content.replace(short, full) for short, fulls in abbreviations() if short in content for full in fulls]


def _row_of(stated: "_Stated") -> str:
    """The row a stated figure's label names, without its column ("收入合计预算数" → 收入合计)."""
    label, column = stated.label, stated.column
    return label[: -len(column)] if column and label.endswith(column) else label


def _terms_in(asked: str, row: str, column: str) -> bool:
    """Every word of what is asked is written in the row's label or its column, the words split between
    them ("“三公”经费预算" ← row 三公经费 (合计), column 本年预算数), each row word in the row."""
    words = terms(asked)
    row, column = QUOTES.sub("", fold(row)), fold(column)
    return len(words) >= 2 and all(w in row or w in column for w in words) and any(w in row for w in words)


def _compared_words(q: Question) -> str:
    """What a question across reports compares: its content without the verdict's words (多, 最多, 更高 …)
    and the words counting the reports (三个项目)."""
    return " ".join(run for run in cues()["counted"].sub(" ", cues()["verdict"].sub(" ", q.content)).split()
                    if len(run) >= 2)


def _comparison(answer: Answer, sure: list[float]) -> Candidate:
    """An answer across reports made of each report's figure: as sure as every figure together (their
    scores multiplied), each sure on its own (rule-first)."""
    combined = Candidate(answer, "comparison", answer.answer, rule_first=True)
    combined.features = {"parts_min": min(sure)}
    combined.score = math.prod(sure)  # the chance every report's figure is the one asked
    return combined


def _of_kind(body: str, kind: str) -> bool:
    """Whether a body is of the kind a question counts ("街道" → 洛王街道办事处, "乡镇" → 卡斯镇, "局" → 民政局)."""
    body = fold(body)
    if kind == "乡镇":
        return bool(re.search(r"[乡镇](人民政府)?$", body))
    if kind in ("区县", "县区"):
        return bool(re.search(r"[区县]$", body))
    return kind in body if len(kind) > 1 else body.endswith(kind)


PROJECT_NAMED = 4  # characters of a project's name a question must write in a row to name it


def _names_project(question: str, project: str) -> bool:
    """Whether the question writes a run of PROJECT_NAMED characters or more of the project's name
    ("河道整治工程" of "城区河道整治工程"), not counting the genre's words every project name has."""
    core = re.sub(r"(项目|工程|专项|资金|经费|补助|支出|绩效|自评表?)", "", project)
    return len(core) >= PROJECT_NAMED and any(core[i : i + PROJECT_NAMED] in question
                                              for i in range(len(core) - PROJECT_NAMED + 1))


def _without_words_of(asked: str, own: str) -> str:
    """`asked` without the runs of two or more characters that `own` (a report's project name and title)
    writes: they name the report, not its figure. `asked` whole when little would be left."""
    out = _left_of(asked, own)
    return out if len(out) >= 2 else asked


def _left_of(asked: str, own: str) -> str:
    """What `_without_words_of` leaves, however little."""
    out, i = "", 0
    while i < len(asked):
        j = i + 2
        while j <= len(asked) and asked[i:j] in own:
            j += 1
        if j - 1 - i >= 2:
            i = j - 1
        else:
            out, i = out + asked[i], i + 1
    return out


def _quoted_span(c: "Candidate") -> tuple[str, int, int] | None:
    """The span a sentence candidate quotes: its sentence, or its two."""
    quoted = c.answer.citations[: 1 if c.source == "sentence" else 2]
    return (quoted[0].doc_id, min(x.start for x in quoted), max(x.end for x in quoted)) if quoted else None


def _pastes_operands(c: "Candidate", computed: "Candidate") -> bool:
    """A passage that holds both operands of a computed figure and not the figure itself
    ("安排预算稳定调节基金30.47亿元,专项结转下年1.98亿元" for "合计多少"): the computation quotes
    the same words and answers what the passage only lays out."""
    span = _quoted_span(c)
    operands = [f for f in computed.answer.facts if "start" in f]
    result = next((f["value"] for f in computed.answer.facts if f.get("computed")), None)
    if span is None or len(operands) < 2 or result is None:
        return False
    holds = all(f["doc_id"] == span[0] and span[1] <= f["start"] and f["end"] <= span[2] for f in operands)
    states = any(abs(float(n.replace(",", "")) - result) < 0.005 for n in re.findall(r"\d[\d,]*(?:\.\d+)?", c.text))
    return holds and not states


def _quotes_a_row(c: "Candidate", rows: list[tuple[str, int]]) -> bool:
    """Whether a sentence candidate's quote contains the start of one of these table rows (report, start)."""
    span = _quoted_span(c)
    return span is not None and any(doc_id == span[0] and span[1] <= start < span[2] for doc_id, start in rows)


def _as_written(raw: str, wan: float) -> str:
    """A table cell's figure with the unit its table states (元 or 万元), and in 万元 when
    it was converted: the cell itself carries no unit."""
    if re.search(r"[元亿]", raw):
        return raw
    try:
        figure = float(raw.replace(",", ""))
    except ValueError:
        return format_value(wan, "万元")
    if abs(figure - wan * 1e4) <= 0.01:
        return f"{raw} 元（{format_value(wan, '万元')}）"
    return f"{raw} 万元" if abs(figure - wan) <= 0.005 else format_value(wan, "万元")


def _rate_verdict(computed: float, stated: str) -> str:
    """How a rate worked out from a table's amounts compares with the rate the table states
    (check.rate_against_amounts, the rule `assistant check` uses)."""
    if not re.fullmatch(r"\s*\d+(?:\.\d+)?\s*%\s*", stated or ""):
        return ""
    shown = max(round(abs(computed - float(stated.strip().rstrip("%"))), 2), 0.01)
    agreement = rate_against_amounts(computed, stated.strip())
    if agreement == "same":
        return "，两者一致"
    if agreement == "rounding":
        return f"，相差约 {shown:g} 个百分点，是舍入差异"
    return f"，相差约 {shown:g} 个百分点，表中填写的执行率与其金额不符"


def _mostly_furniture(text: str) -> bool:
    """Most lines are a site's furniture (index/data/boilerplate.txt) or bullets of a few characters."""
    lines = [line.strip(" •·|[]【】\t") for line in text.splitlines() if line.strip(" •·|[]【】\t")]
    return bool(lines) and sum(is_boilerplate(fold(line)) or len(line) <= 8 for line in lines) * 2 > len(lines)


def _names_only(text: str) -> bool:
    """A line that only names: a short heading ("(三)单位构成", "二、机构设置") or a bare year ("2023年度")."""
    text = text.strip().rstrip("。:：")
    return bool(re.fullmatch(r"(?:19|20)\d\d\s*年度?", text)) or (
        len(text) <= 20 and heading_rank(text) is not None and not re.search(r"[:：。；;，,]|\d\s*(万元|元|%|人|个)", text))


NEAR_SCORE = 0.05  # candidates scored this close to the best are told apart by their wording


def _past_a_cut_sentence(ranked: list[Candidate]) -> None:
    """The best a sentence cut off where the page ends ("…负责审核批复部门(单位)的年"), another as sure and as close in
    wording that is whole: the whole one first — a cut sentence may lose what it was saying."""
    best = ranked[0]
    if not best.features.get("truncated"):
        return
    whole = next((c for c in ranked[1:] if c.score >= best.score - NEAR_SCORE and not c.features.get("truncated")
                  and c.features.get("match", 0.0) >= best.features.get("match", 0.0) and not ruled_out(c.features)), None)
    if whole is not None:
        ranked.remove(whole)
        ranked.insert(0, whole)


def _closest_wording_first(ranked: list[Candidate]) -> None:
    """Words asked for, not a figure: of the passages scored nearly as high as the best, a heading with the
    sentence under it that writes more of what is asked, both by rare words and by character pairs
    ("3.加强培训和指导。采取集中学…" before "加强工程维修养护" for "怎么加强培训的"): the heading names it."""
    best = ranked[0]
    near = [c for c in ranked[1:] if c.score >= best.score - NEAR_SCORE and c.under_heading]
    if best.source not in ("sentence", "sentences") or not near:
        return
    wording = lambda c: (c.features.get("idf_cover", 0.0), c.features.get("match", 0.0))
    closer = max(near, key=lambda c: sum(wording(c)))
    if all(a > b for a, b in zip(wording(closer), wording(best))):
        ranked.remove(closer)
        ranked.insert(0, closer)


def _longest_shared(a: str, b: str) -> str:
    """The longest run of characters both texts write (difflib: the standard library's matcher)."""
    from difflib import SequenceMatcher

    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return a[m.a : m.a + m.size]


def unique(citations: list[Citation]) -> list[Citation]:
    """Citations in order, each span once (several figures often share one sentence)."""
    seen, out = set(), []
    for c in citations:
        if (c.doc, c.start, c.end) not in seen:
            seen.add((c.doc, c.start, c.end))
            out.append(c)
    return out


@dataclass
class Found:
    """A metric's value for one report: stated (one fact) or computed (from two)."""

    doc: Document
    metric: str
    value: float
    unit: str
    facts: list[MetricFact]
    formula: str = ""  # set when computed

    @property
    def text(self) -> str:
        if self.formula:
            return f"{format_value(self.value, self.unit)}（{self.formula}，据报告数字计算）"
        return self.facts[0].raw


@lru_cache(maxsize=1)
def generic_heads() -> frozenset[str]:
    """Words many of the genre's names end in (data/generic_heads.txt): no short name of one of them."""
    return frozenset(read_data_lines("generic_heads.txt", DATA))


# "公务接待费去年预算多少", "上年的三公经费": the year before the report's, named without a year — not a change on
# it ("比上年"), nor the 上年结转 line a report writes for this year
_YEAR_BEFORE_ASKED = re.compile(r"(?<![比较跟与和同])(?:去年|上年度?|上一年度?)(?![相比同]|结转|结余|末|底)")


def asks_year_before(folded: str, route: Route, own_years: set[int] = frozenset()) -> bool:
    """Whether the question asks about the year before its report's: by the year it names, or in words — with
    no year named, or only the report's own (`own_years`: "2020年…的上年预算数" of a 2020 budget)."""
    return route.period == "上年" or set(route.years) <= set(own_years) and bool(_YEAR_BEFORE_ASKED.search(folded))


@lru_cache(maxsize=4096)
def _head_word(label: str) -> str:
    """The word a name ends in, which users name it by ("围栏" of 钢结构圈养围栏); "" when shorter than two characters."""
    from index.terms import _jieba

    words = _jieba().lcut(fold(label))
    return words[-1] if words and len(words[-1]) >= 2 and len(words) > 1 else ""


class Answerer:
    def __init__(self, index: Index, retriever: Retriever, ranker: Ranker | None = None):
        self.index = index
        self.retriever = retriever
        self.ranker = ranker or default_ranker()
        self.idf = term_idf(index.bm25) if index.chunks else None
        self.grids: dict[str, list[GridRow]] = {}  # read on first use, per report
        self.indicators: dict[str, list[IndicatorRow]] = {}  # the same, for the 自评表's indicator rows
        self.table_spans: dict[str, list[tuple[int, int]]] = {}  # per report, on first use
        self.headless: dict[str, tuple[set[str], Counter]] = {}  # the same, for its tables' columns and headless rows
        self.row_columns: dict[str, dict[int, set[str]]] = {}  # the same, for each table row's columns
        self.facts_by_doc: dict[str, list[MetricFact]] = {d: extract_metrics(doc) for d, doc in index.documents.items()}
        self.router = Router(index.documents)

    # --- helpers ----------------------------------------------------------------

    def _citation(self, doc_id: str, start: int, end: int, section: str | None = None, note: str = "") -> Citation:
        doc = self.index.documents[doc_id]
        if section is None:
            section = next((c.section for c in self._chunks_of(doc_id) if c.start <= start < c.end), "")
        return Citation(doc.name, doc.title, section, doc.page_at(start), start, end, doc.text[start:end], note, doc_id)

    def _chunks_of(self, doc_id: str) -> list[Chunk]:
        return [self.index.chunks[r] for r in self.index.rows_of_doc.get(doc_id, [])]

    def _sentence_around(self, doc_id: str, start: int, end: int) -> tuple[int, int]:
        """Widen a span to the sentence that holds it, so a quote reads on its own."""
        text = self.index.documents[doc_id].text
        left = max(text.rfind(p, 0, start) for p in "。；;\n")
        right_candidates = [i for i in (text.find(p, end) for p in "。；;\n") if i != -1]
        right = min(right_candidates) + 1 if right_candidates else len(text)
        if text[right - 1 : right] == "\n":
            right -= 1
        return left + 1, right

    def _fact_citation(self, fact: MetricFact, note: str = "") -> Citation:
        start, end = self._sentence_around(fact.doc_id, fact.start, fact.end)
        return self._citation(fact.doc_id, start, end, note=note)

    def _nearest(self, passages: list[Passage], limit: int = 3) -> list[Citation]:
        """The passages to show beside a refusal: a web page's furniture (索引号, 发布机构 …) is
        nearest to nothing a reader wants, so it comes last."""
        shown = sorted(passages, key=lambda p: _mostly_furniture(p.chunk.text))  # stable: retrieval order otherwise
        return [self._citation(p.chunk.doc_id, p.chunk.start, p.chunk.end, p.chunk.section, NEAREST_NOTE)
                for p in shown[:limit]]

    def _names(self, doc: Document) -> str:
        """How an answer names a report; the year only when the title (cited) states it."""
        if not (doc.body or doc.region):
            return f"《{doc.title}》"
        year = f"{doc.year}年" if doc.year and str(doc.year) in doc.title else ""
        return f"{doc.body or doc.region}{year}"

    # --- metrics ----------------------------------------------------------------

    def find_metric(self, doc_id: str, metric: str, content: str = "") -> Found | None:
        """The metric for one report: stated, under a stand-in word, or computed."""
        doc = self.index.documents[doc_id]
        facts = self.facts_by_doc.get(doc_id, [])
        for name in [metric] + METRIC_STAND_INS.get(metric, []):
            matching = [f for f in facts if f.metric == name]
            if matching:
                best = self._best_fact(matching, content)
                return Found(doc, name, best.value, best.unit, [best])
        if metric in COMPUTABLE:
            part_name, whole_names = COMPUTABLE[metric]
            part = self.find_metric(doc_id, part_name) if part_name != metric else None
            whole = next((w for w in (self.find_metric(doc_id, n) for n in whole_names) if w), None)
            if part and whole and whole.value:
                value = round(part.value / whole.value * 100, 2)
                formula = f"{part.facts[0].label} {part.text} ÷ {whole.facts[0].label} {whole.text} = {value:.2f}%"
                return Found(doc, metric, value, "%", part.facts + whole.facts, formula)
        return None

    def _best_fact(self, facts: list[MetricFact], content: str) -> MetricFact:
        """With several candidates (one report stating a rate for several funds),
        the one whose sentence best matches the rest of the question."""
        if len(facts) == 1 or not content:
            return facts[0]
        want = bigrams(content)
        def score(f: MetricFact) -> float:
            start, end = self._sentence_around(f.doc_id, f.start, f.end)
            return coverage(want, self.index.documents[f.doc_id].folded[start:end])
        return max(facts, key=score)

    def _related_figures(self, doc_id: str) -> list[MetricFact]:
        return [f for f in self.facts_by_doc.get(doc_id, []) if f.unit == "万元"][:3]

    def answer_metric(self, question: str, metric: str, doc_ids: list[str], content: str) -> Answer | None:
        if len(doc_ids) != 1:
            return None
        doc_id = doc_ids[0]
        doc = self.index.documents[doc_id]
        found = self.find_metric(doc_id, metric, content)
        if found and not found.formula and periods_conflict(asked_period_of(fold(question)), period_of(found.facts[0].label)):
            return None  # "年初预算" asked, only 全年预算数 stated: another figure
        if found and not found.formula and _narrowed_by_fund(doc, found.facts[0], fold(question)):
            return None  # the fund's figure, not the one asked: the tables' row of that name answers
        rest = metric_remainder(fold(content), metric, fold(doc.title + doc.body))
        if found and rest and not found.formula:
            fact = found.facts[0]
            clause_start = max(doc.folded.rfind(p, 0, fact.start) for p in "，,。；;\n") + 1
            clause = doc.folded[clause_start : fact.end]
            if match_score(rest, clause) < MIN_COVERAGE or not all(t in clause for t in terms(rest)):
                return None  # the question asks about something narrower ("政府采购货物支出": not the 总额)
        display = DISPLAY.get(metric, metric)
        if found is None:
            related = self._related_figures(doc_id)
            named = QUOTES.sub("", fold(metric))
            if not related or any(named in QUOTES.sub("", fold(f.label + f.table + f.column))
                                  for f in self.index.facts.get(doc_id, [])):
                return None  # the report does write the metric (a table's “三公”经费): "not found" would be untrue
            parts = "、".join(f"{f.label} {f.raw}" for f in related)
            missing = ""
            if metric in COMPUTABLE:
                needed = [COMPUTABLE[metric][0]] + COMPUTABLE[metric][1][:1]
                missing = f"；报告未同时给出{'和'.join(needed)}，无法计算{metric}"
            text = f"报告中未找到{self._names(doc)}的{display}。该报告给出的相关数字是：{parts}{missing}。"
            citations = unique([self._fact_citation(f, RELATED_NOTE) for f in related])
            return Answer(question, text, False, citations, [f.to_dict() for f in related], "refusal")
        name = self._names(doc)
        if found.formula:
            text = f"{name}{display}约为 {format_value(found.value, '%')}（计算：{found.formula}）。报告未直接给出该比率。"
            kind = "computed"
        else:
            label = "" if found.metric == metric else f"（报告称“{found.facts[0].label}”）"
            text = f"{name}{display}为 {found.text}{label}。"
            kind = "metric"
            if metric == "预算执行率":
                spent, budget = self.find_metric(doc_id, "执行数"), self.find_metric(doc_id, "预算数")
                if spent and budget and not spent.formula and not budget.formula:
                    text = text[:-1] + f"（{spent.facts[0].label} {spent.text} / {budget.facts[0].label} {budget.text}）。"
                    found.facts += spent.facts + budget.facts
        citations = unique([self._fact_citation(f) for f in found.facts])
        facts = [f.to_dict() for f in found.facts]
        if found.formula:
            facts.append({"metric": metric, "value": found.value, "unit": "%", "formula": found.formula, "computed": True})
        return Answer(question, text, True, citations, facts, kind)

    def answer_comparison(self, question: str, metric: str, doc_ids: list[str]) -> Answer | None:
        named = list(doc_ids)
        if len(named) < 2:  # "两个区哪个…": every report, when there are only a few
            if not 2 <= len(self.index.documents) <= 8:
                return None
            named = list(self.index.documents)
        results = [(self.index.documents[d], self.find_metric(d, metric)) for d in named]
        with_value = [(doc, f) for doc, f in results if f]
        display = DISPLAY.get(metric, metric)
        lines, citations, facts = [], [], []
        for doc, f in results:
            if f:
                lines.append(f"{self._names(doc)}：{f.text}")
                for fact in f.facts[:2]:
                    citations.append(self._fact_citation(fact))
                facts += [x.to_dict() for x in f.facts]
                if f.formula:
                    facts.append({"doc_id": doc.doc_id, "metric": metric, "value": f.value, "unit": f.unit,
                                  "formula": f.formula, "computed": True})
            else:
                lines.append(f"{self._names(doc)}：报告中未找到{display}")
        if len(with_value) >= 2:
            ordered = sorted(with_value, key=lambda x: -x[1].value)
            top, bottom = ordered[0], ordered[-1]
            degree = "更" if len(with_value) == 2 else "最"
            if top[1].value == bottom[1].value:
                verdict = f"{'两者' if len(with_value) == 2 else '各家'}{display}相同。"
            elif LOWEST.search(question):  # "哪家最少": the bottom one is named
                verdict = (f"{self._names(bottom[0])}的{display}{degree}低（{format_value(bottom[1].value, bottom[1].unit)}；"
                           f"最高为 {format_value(top[1].value, top[1].unit)}）。")
            else:
                verdict = (f"{self._names(top[0])}的{display}{degree}高（{format_value(top[1].value, top[1].unit)}；"
                           f"最低为 {format_value(bottom[1].value, bottom[1].unit)}）。")
            return Answer(question, "；".join(lines) + "。" + verdict, True, unique(citations), facts, "comparison")
        if not with_value:
            return None
        text = "；".join(lines) + f"。只有一份报告给出了{display}，无法比较。"
        return Answer(question, text, True, unique(citations), facts, "comparison")

    def answer_published(self, q: Question, doc_ids: list[str]) -> Answer | None:
        """When the report was published ("哪天挂出来的"): the date its page's furniture gives
        beside a label of data/question_cues.tsv (发布日期, 日期 …), near the top, alone."""
        if len(doc_ids) != 1 or not cues()["published"].search(q.folded):
            return None
        doc = self.index.documents[doc_ids[0]]
        pattern = re.compile(rf"(?:{cues()['published_labels'].pattern})\s*[\]】]?\s*[:：|]?\s*\|?\s*"
                             r"((?:19|20)\d\d\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2}(?:\s*日)?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)")
        dates = {m.group(1).strip(): m for m in pattern.finditer(doc.text[:HEAD_FOR_DATES])}
        if len(dates) != 1:
            return None  # none, or several dates (成文, 发布 …) without telling which is asked
        date, m = next(iter(dates.items()))
        citation = self._citation(doc.doc_id, *self._sentence_around(doc.doc_id, m.start(), m.end()))
        return Answer(q.text, f"据《{doc.title}》页面所载，发布日期为 {date}（“{' '.join(m.group(0).split())}”）。", True,
                      [citation], [], "passage")

    def answer_nth_item(self, q: Question, doc_ids: list[str]) -> Answer | None:
        """"第一条职责是什么", "改进措施的第二点": the Nth item of the list the report writes right after the
        words asked, numbered as its first item is ((一), 1., 一是); the item up to the next one, cited."""
        m = _ORDINAL.search(q.folded)
        if m is None or len(doc_ids) != 1:
            return None
        n = chinese_number(m.group("n"))
        asked = question_content(q.folded[: m.start()] + q.folded[m.end() :], q.names).split()
        if n < 1 or not asked:
            return None
        doc = self.index.documents[doc_ids[0]]
        word = max(asked, key=len)
        for hit in re.finditer(re.escape(word), doc.folded):
            first = _FIRST_ITEM.search(doc.folded, hit.end(), hit.end() + 120)
            if first is None:
                continue
            style = next(k for k, v in first.groupdict().items() if v)
            marks = []  # this list's marks: up to one that starts another list at 1
            for x in _ITEM_MARK[style].finditer(doc.folded, first.start(), first.start() + 3000):
                if marks and chinese_number(x.group("k")) == 1:
                    break
                marks.append(x)
            numbered = [x for x in marks if chinese_number(x.group("k")) == n]
            if not numbered:
                count = len({chinese_number(x.group("k")) for x in marks if x.start() < first.start() + 600})
                return Answer("", f"报告中“{word}”之后列出的各项里没有第{m.group('n')}项（可见的有 {count} 项）。", False,
                              [replace(self._citation(doc.doc_id, first.start(), min(len(doc.text), first.start() + 160)),
                                       note=NEAREST_NOTE)], [], "refusal")
            start = numbered[0].start()
            later = [x.start() for x in marks if x.start() > start and chinese_number(x.group("k")) == n + 1]
            end = later[0] if later else min(len(doc.text), start + 160)
            citation = self._citation(doc.doc_id, start, end)
            return Answer("", f"据《{doc.title}》，“{word}”的第{m.group('n')}项：{doc.text[start:end].strip()}", True,
                          [citation], [], "section")
        return None

    def answer_listed(self, q: Question, doc_ids: list[str]) -> Answer | None:
        """"公开目录有哪些", "包括哪几个方面": the numbered run (一、… 二、…, （一）…, 1. …, 表一、…) the report
        writes right after the words asked, each item up to the next mark; two items or more, numbered
        from one without a gap, else no answer."""
        if len(doc_ids) != 1 or q.wants_number or not cues()["list_asked"].search(q.folded):
            return None
        runs = [w for w in re.sub(r"包括|包含", " ", q.content).split() if len(w) >= 2]  # "决算包括哪些表": 决算
        if not runs:
            return None
        doc = self.index.documents[doc_ids[0]]
        word = max(reversed(runs), key=len)  # the longest; of two as long, the later (what is asked comes last)
        for hit in re.finditer(re.escape(word), doc.folded):
            first = _RUN_FIRST.search(doc.folded, hit.end(), hit.end() + RUN_REACH)
            if first is None or re.search(r"[。；;？?]", doc.folded[hit.end() : first.start()]):
                continue
            style = next(k for k, v in first.groupdict().items() if v)
            marks = []
            for x in _RUN_MARK[style].finditer(doc.folded, first.start(), first.start() + 2000):
                if chinese_number(x.group("k")) != len(marks) + 1:
                    break  # a gap, or another list begun at one
                marks.append(x)
            if len(marks) < 2:
                continue
            items = []
            for k, x in enumerate(marks):
                # the last item has no next mark to end it: up to its stop, else as long as the longest before it
                end = marks[k + 1].start() if k + 1 < len(marks) else x.end() + RUN_ITEM
                if k + 1 == len(marks) and not _ITEM_END.search(doc.text, x.end(), end):
                    end = x.end() + max(len(i) for i in items) + 4
                item = _ITEM_END.split(doc.text[x.start() : end])[0].strip()
                items.append(item if len(item) <= RUN_ITEM else item[:RUN_ITEM] + "…")
            end = x.start() + len(items[-1].rstrip("…"))
            citation = self._citation(doc.doc_id, marks[0].start(), min(end, len(doc.text)))
            return Answer("", f"据《{doc.title}》，“{word}”之后列出的各项：{'；'.join(items)}。", True,
                          [citation], [], "section")
        return None

    def answer_page(self, q: Question, doc_ids: list[str]) -> Answer | None:
        """"“存在的问题”在第几页": the page of the part whose heading the question writes. A PDF's own page, with
        the page its 目录 prints beside the heading when the two differ (cover pages are not numbered); a text
        without pages (a saved web page), the 目录's page only — else none: a heading on page 1 of a text
        that has no pages says nothing of where it is printed."""
        asked = cues()["page_asked"].search(q.folded)
        if len(doc_ids) != 1 or asked is None:
            return None
        doc = self.index.documents[doc_ids[0]]
        question = q.folded[: asked.start()] + q.folded[asked.end() :]
        words = frozenset().union(*(bigrams(w) for w in re.sub(cues()["page_asked"].pattern, " ", q.content).split()
                                    if w not in fold(doc.title)))  # "决算里…": the report's own words name no part

        def named(heading: str) -> float:
            """The heading written whole in the question ("存在的问题"), or the question's words all in it
            ("“三公”经费的说明" of 七、“三公”经费财政拨款支出决算情况说明)."""
            own = bigrams(_NUMBERING.sub("", heading))
            if len(own) < 2:
                return 0.0
            return max(coverage(own, question), coverage(words, fold(heading)) if len(words) >= 2 else 0.0)

        printed = [(m.group("title").strip(), int(m.group("page")), m.start(), m.end()) for m in _TOC_LINE.finditer(doc.text)]
        printed = [p for p in printed if named(p[0]) >= HEADING_NAMED]
        entry = max(printed, key=lambda p: (named(p[0]), len(p[0])), default=None)
        body = [s for s in doc.sections if named(s.heading) >= HEADING_NAMED and not _TOC_LINE.fullmatch(s.heading)]
        section = max(body, key=lambda s: (named(s.heading), len(s.heading)), default=None) if len(doc.page_starts) > 1 else None
        if section is not None:
            page = doc.page_at(section.start)
            text = f"“{section.heading}”在《{doc.title or doc.name}》PDF 第 {page} 页"
            if entry is not None and entry[1] != page:
                text += f"（目录标注页码为第 {entry[1]} 页）"
            citations = [self._citation(doc.doc_id, section.start, section.start + len(section.heading))]
        elif entry is not None:
            text = f"据目录，“{entry[0]}”在第 {entry[1]} 页（所读文本不分页，页码为目录所印）"
            citations = [self._citation(doc.doc_id, entry[2], entry[3])]
        else:
            return None
        return Answer("", text + "。", True, citations, [], "section")

    def answer_delivered(self, q: Question, doc_ids: list[str]) -> Answer | None:
        """"这份报告是哪天、在什么会上作的", "决算报告是谁作的": a 预算/决算 report to a 人大 is printed under its
        title with the day and the meeting it was made at ("——2023年1月10日在…第三次会议上") and who made it on the
        next line ("…财政局局长 严建国"); both are read off those lines near the top."""
        if len(doc_ids) != 1 or not cues()["delivered"].search(q.folded):
            return None
        doc = self.index.documents[doc_ids[0]]
        m = _DATELINE.search(doc.text[:HEAD_FOR_DATES])
        if m is None:
            return None
        said = f"该报告于{m.group('date')}在{m.group('meeting')}作出"
        end = m.end()
        if m.group("speaker"):
            said += f"，报告人：{m.group('speaker').strip()}"
            end = m.end("speaker")
        return Answer(q.text, f"据《{doc.title}》，{said}。", True,
                      [self._citation(doc.doc_id, m.start(), end)], [], "passage")

    def answer_document_number(self, q: Question, doc_ids: list[str]) -> Answer | None:
        """The report's own 文号 ("这份报告的文号"): a document number on a line of its own near the top,
        as the genre prints it under the title; the numbers of the documents it cites stand in sentences."""
        if len(doc_ids) != 1 or not cues()["document_number"].search(q.folded):
            return None
        doc = self.index.documents[doc_ids[0]]
        lines = re.finditer(r"[^\n]+", doc.text[:HEAD_FOR_DATES])
        numbers = {m.group(1): (line.start() + m.start(1), line.start() + m.end(1))
                   for line in lines if (m := DOCUMENT_NUMBER_LINE.match(line.group(0)))}
        if len(numbers) != 1:
            return None  # none, or several without telling which is the report's
        number, (start, end) = next(iter(numbers.items()))
        return Answer(q.text, f"据《{doc.title}》，文号为 {number}。", True, [self._citation(doc.doc_id, start, end)], [], "passage")

    def answer_definition(self, q: Question, doc_ids: list[str], passages: list[Passage]) -> Answer | None:
        """What a term means ("机关运行经费是什么意思"): the sentence that defines it, as a 名词解释 writes it
        ("机关运行经费：指为保障…", "1、政治协商:是对…", "…是指…"); a sentence that only uses the term is no
        definition, and a definition asked of a report that gives none is refused (a figure of it, or a table
        named for it, says nothing of what it means). None when no definition is asked."""
        if len(doc_ids) != 1 or not cues()["defines"].search(q.folded):
            return None
        doc = self.index.documents[doc_ids[0]]
        for term in sorted(q.content.split(), key=len, reverse=True):
            if len(term) < 2:
                continue
            m = re.search(rf"(?:^|[\n。；;]|(?:\d+|[一二三四五六七八九十]+)[.、．]|[（(][一二三四五六七八九十\d]+[)）])\s*"
                          rf"(?P<term>[“\"]?{re.escape(term)}[”\"]?\s*(?:[：:]\s*(?:是指|指|是(?!\s*\d))|是指|指的是))", doc.folded)
            if m:
                ends = [e for e in (doc.folded.find(p, m.end()) for p in "。\n") if e != -1]
                start, end = m.start("term"), min(ends) + 1 if ends else len(doc.folded)
                return Answer(q.text, f"据《{doc.title}》：{doc.text[start:end].strip()}", True,
                              [self._citation(doc.doc_id, start, end)], [], "passage")
        term = max(q.content.split(), key=len, default=q.text)
        return self.refusal(q.text, f"“{term}”的定义或解释", passages)

    def answer_count(self, question: str, doc_ids: list[str], passages: list[Passage]) -> Answer | None:
        doc_ids = doc_ids or [p.chunk.doc_id for p in passages[:1]]
        if len(doc_ids) != 1:
            return None
        doc = self.index.documents[doc_ids[0]]
        count = count_items(question, doc)
        if count is None:
            return None
        first = doc.text[count.first[0] : count.first[1]].strip()
        last = doc.text[count.last[0] : count.last[1]].strip()
        formula = f"编号从“{first}”到“{last}”，共 {count.value} 项"
        text = f"{self._names(doc)}报告中共列出 {count.value} {count.unit}（按编号计数：{formula}）。"
        citations = unique([self._citation(doc.doc_id, *self._sentence_around(doc.doc_id, *span))
                            for span in (count.first, count.last)])
        return Answer(question, text, True, citations,
                      [{"formula": formula, "value": count.value, "unit": count.unit, "computed": True}], "computed")

    def answer_computed(self, question: str, passages: list[Passage], names: list[str] = (),
                        doc_ids: list[str] = ()) -> Answer | None:
        if cues()["reason"].search(fold(question)):
            return None  # "为什么比预算少": the reason is asked, not the difference
        spans = [(self.index.documents[p.chunk.doc_id], p.chunk.start, p.chunk.end) for p in passages]
        result = compute(question, spans, names)
        asked = set(question_years(fold(question)))
        if result is not None and asked and any(
                (year := self._figure_year(self.index.documents[o.doc_id], o.start)) and year not in asked
                for o in result.operands):
            result = None  # "2024年…收入预算多少" is not worked out from 2023's "完成28.60亿元，为预算的102.1%"
        if result is not None:
            citations = unique([self._citation(o.doc_id, *self._sentence_around(o.doc_id, o.start, o.end))
                                for o in result.operands])
        elif (from_tables := self._computed_from_tables(question, list(doc_ids), list(names))) is not None:
            result, citations = from_tables
        elif (parts := sum_of_listing(question, question_content(question, list(names)), spans)) is not None:
            result = parts  # "这个项目总共多少钱" ← "用于A1.065万元,B2.1万元,…": the parts listed, added up
            citations = unique([self._citation(o.doc_id, *self._sentence_around(o.doc_id, o.start, o.end))
                                for o in result.operands])
        elif (listed := self._share_of_listing_whole(question, list(doc_ids), list(names))) is not None:
            result, citations = listed  # "公用经费占比多少" ← "基本支出3,600.00万元，其中：…公用经费450.00万元"
        elif ((whole := _share_of_named_whole(question)) and not _states_share(whole, passages)
              and (found := self.answer_computed(whole, passages, names, doc_ids))):
            # "公用经费占比多少": of 基本支出, as the template sums it (data/shares_of.tsv), said so
            found.answer = found.answer.rstrip("。") + f"；问题未写明占什么的比重，按报表的口径取“{whole}”。"
            return found
        else:
            return None
        doc = self.index.documents[result.operands[0].doc_id]
        text = f"据{self._names(doc)}报告中的数字计算：{result.formula}（报告未直接给出此数，为计算所得）。"
        facts = [{"name": o.name, "value": o.value, "unit": o.unit, "raw": o.raw, "doc_id": o.doc_id,
                  "start": o.start, "end": o.end} for o in result.operands]
        facts.append({"formula": result.formula, "value": result.value, "unit": result.unit, "computed": True})
        return Answer(question, text, True, citations, facts, "computed")

    def _computed_from_tables(self, question: str, doc_ids: list[str], names: list[str]
                              ) -> tuple[Computation, list[Citation]] | None:
        """A share, difference or sum of two figures one report's tables state, each under its own words
        ("公用经费占基本支出的比重" ← 公用经费 and 基本支出 as stated_figure reads them): table cells carry no
        unit beside them for `compute` to read. Each operand cites its row."""
        planned = plan(without_names(question, names)) or plan(question) or _execution_rate_plan(without_names(question, names))
        if len(doc_ids) != 1 or not planned or planned[0] not in ("ratio", "difference", "sum"):
            return None
        names_asked, years = list(planned[1]), [False, False]
        parts = _parts_named(names_asked[0])
        if planned[0] == "ratio" and len(parts) > 1:  # "人员经费和公用经费各占基本支出多少": each part's share
            each = [self._computed_from_tables(f"{part}占{names_asked[1]}的比重", doc_ids, names) for part in parts]
            if not all(each):
                return None
            formula = "；".join(r.formula for r, _ in each)
            return (Computation(formula, each[0][0].value, "%", [o for r, _ in each for o in r.operands]),
                    unique([c for _, cs in each for c in cs]))
        if planned[0] in ("difference", "ratio") and _BUDGET_ONLY.fullmatch(names_asked[1].strip()):
            item = _FINAL_WORD.sub("", names_asked[0].strip())  # "三公经费决算比预算…": the item is 三公经费
            names_asked[1] = item + names_asked[1]  # "三公经费比预算少了多少", "决算是预算的百分之几": its 预算数
        elif planned[0] == "difference" and _LAST_YEAR.fullmatch(names_asked[1].strip()):
            # "公务接待费预算比上年多还是少": the item this year and last, its table's 上年 column — unless the
            # report states the change itself, which then answers
            if self._states_change_of(names_asked[0], doc_ids[0], names):
                return None
            names_asked[1], years = names_asked[0], [False, True]
        found = []
        for name, last_year in zip(names_asked, years):
            if len(name.strip()) < 2 or PERIOD_ONLY.match(name):
                return None
            asked = replace(understand(name, names), wants_percent=False, asks_change=False, previous_year=last_year,
                            items=[])
            stated = self.stated_figure(asked, doc_ids[0])
            if stated is None:
                return None
            shown = f"{'上年' if last_year else ''}{name.strip()}"
            found.append((replace(stated[0], raw=f"{shown} {stated[0].raw}"), stated[1]))  # named in the formula
        result = operate(planned[0], found[0][0], found[1][0])
        if result is not None and years[1]:  # a change on the year before, said as reports say it
            result.formula = result.formula.replace("（少 ", "（比上年减少 ").replace("（多 ", "（比上年增加 ")
        return (result, unique([c for _, c in found])) if result is not None else None

    def _share_of_listing_whole(self, question: str, doc_ids: list[str], names: list[str]
                                ) -> tuple[Computation, list[Citation]] | None:
        """A share asked with no whole named ("公用经费占比多少"), of the whole the report lists the part
        under: "一般公共预算财政拨款基本支出3,600.00万元，其中：人员经费…；公用经费450.00万元" → 450.00 ÷
        3,600.00. Every statement of the part must give the same share; else None."""
        named_whole = _share_of_named_whole(question) if len(doc_ids) == 1 else None
        if named_whole is None:
            return None
        part = named_whole.split("占")[0]
        doc = self.index.documents[doc_ids[0]]
        shares: dict[float, tuple[Computation, list[Citation]]] = {}
        for fact in self.index.facts.get(doc.doc_id, []):
            if fact.source != "text" or fact.kind != "amount" or not fold(fact.label).endswith(fold(part)):
                continue
            start = max(doc.folded.rfind("。", 0, fact.start) + 1, fact.start - 200)  # the parts are listed with ；
            listing = doc.folded.rfind("其中", start, fact.start)
            whole = list(AMOUNT.finditer(doc.folded, start, listing)) if listing > 0 else []  # the listing's whole
            if not whole:
                continue
            w = whole[-1]
            named = re.split(r"[，,：:\n。；;]", doc.text[start : w.start()])[-1]
            named = re.sub(r"^(?:19|20)\d\d\s*年度?", "", named).strip()  # the whole's words, not its year
            if len(named) < 2 or fact.unit != "万元":
                continue
            a = Operand(part, fact.value, "万元", f"{part} {fact.as_written()}", doc.doc_id, fact.start, fact.end)
            b_value = float(w.group(1).replace(",", ""))
            b = Operand(named, b_value * TO_WAN_UNITS[w.group(2)], "万元", f"{named} {doc.text[w.start() : w.end()]}",
                        doc.doc_id, w.start(), w.end())
            result = operate("ratio", a, b)
            if result is not None:
                shares[result.value] = (result, unique([self._citation(doc.doc_id, *self._sentence_around(doc.doc_id, w.start(), fact.end))]))
        return next(iter(shares.values())) if len(shares) == 1 else None

    def _states_change_of(self, item: str, doc_id: str, names: list[str]) -> bool:
        """Whether the report states the item's change on the year before (a change fact under its words)."""
        asked = understand(item, names).content.split()
        want = bigrams(asked[-1]) if asked else frozenset()
        return bool(want) and any(f.kind.startswith("change") and coverage(want, fold(f.label)) >= STATED_NAMED
                                  for f in self.index.facts.get(doc_id, []))

    def answer_per_unit(self, q: Question, doc_ids: list[str]) -> Answer | None:
        """An amount per unit of one report ("每户补助大概多少", compute.per_unit), the formula shown."""
        if len(doc_ids) != 1:
            return None
        doc = self.index.documents[doc_ids[0]]
        rows = [r for r in self._grids(doc.doc_id) if number_or_none(r.values.get("全年执行数", "")) is not None]
        funds = None
        if len(rows) == 1:  # the project's funds, as spent
            row = rows[0]
            funds = Operand("全年执行数", number_or_none(row.values["全年执行数"]), row.unit,
                            f"全年执行数 {row.values['全年执行数']}{row.unit}", doc.doc_id, row.start, row.end)
        result = per_unit(q.text, doc, q.names, funds)
        if result is None:
            return None
        text = f"据{self._names(doc)}报告中的数字计算：{result.formula}（报告未直接给出此数，为计算所得）。"
        citations = unique([self._citation(o.doc_id, *self._sentence_around(o.doc_id, o.start, o.end)) for o in result.operands])
        facts = [{"name": o.name, "value": o.value, "unit": o.unit, "raw": o.raw} for o in result.operands]
        facts.append({"formula": result.formula, "value": result.value, "unit": result.unit, "computed": True})
        return Answer(q.text, text, True, citations, facts, "computed")

    def answer_check(self, q: Question, doc_ids: list[str]) -> Answer | None:
        """A rate the question quotes to have it checked (增幅29.86%算对了吗): worked out again
        from the amounts beside it where the report states it (assistant/check.py rate_checks)."""
        asked = q.checked_rate
        if asked is None:
            return None
        found = [(d, c) for d in doc_ids[:MAX_REPORTS_READ] for c in rate_checks(self.index.documents[d], self.index.facts.get(d, []))
                 if abs(float(c.stated.rstrip("%")) - asked) < 1e-9]
        if len(found) != 1:
            return None  # not stated, or stated more than once: which one is meant is not known
        doc_id, c = found[0]
        verdict = "算得对" if c.right else f"算得不对（{c.why}）"
        text = f"{verdict}：按报告中的数字，{c.formula}；报告写的是 {c.stated}。"
        spans = [(c.start, c.end)] + ([(c.amount_at, c.amount_at + 1)] if c.amount_at >= 0 else [])
        citations = unique([self._citation(doc_id, *self._sentence_around(doc_id, a, b)) for a, b in sorted(spans)])
        facts = [{"formula": c.formula, "value": round(c.computed, 2), "unit": "%", "computed": True}]
        return Answer(q.text, text, True, citations, facts, "computed")

    # --- sections ---------------------------------------------------------------

    def answer_section(self, question: str, doc_ids: list[str], content: str, passages: list[Passage]) -> Answer | None:
        heading_pattern = next((hp for _, qp, hp in SECTION_INTENTS if qp.search(question)), None)
        if heading_pattern is None:
            return None
        doc_ids = doc_ids or [p.chunk.doc_id for p in passages[:1]]
        if len(doc_ids) != 1:
            doc_ids = [p.chunk.doc_id for p in passages[:1]]
        if not doc_ids:
            return None
        doc = self.index.documents[doc_ids[0]]
        sections = [s for s in doc.sections if heading_pattern.search(fold(s.heading))]
        if not sections:
            return None
        section = sections[0]
        chunk_like = Chunk("", doc.doc_id, doc.name, doc.title, doc.body, doc.region, doc.year, section.path,
                           0, 0, section.start, section.end, doc.text[section.start : section.end], "")
        sentences = [s for s in split_sentences(chunk_like, 0) if s.text.strip() != section.heading]
        if not sentences:
            return None
        extra = bigrams(re.sub("|".join([heading_pattern.pattern, r"存在|主要|下一步"]), "", content))
        if len(extra) >= 3 and max(coverage(extra, fold(s.text)) for s in sentences) < 0.34:
            return None  # "重大传染病防控经费的年度目标": a 绩效目标 section that never names the project asked
        if extra and len(sentences) > 3 and max(coverage(extra, fold(s.text)) for s in sentences) >= 0.5:
            scored = sorted(sentences, key=lambda s: -coverage(extra, fold(s.text)))[:3]
            chosen = sorted(scored, key=lambda s: s.start)
        else:
            chosen = []
            for s in sentences:
                if chosen and sum(len(c.text) for c in chosen) + len(s.text) > 320:
                    break
                chosen.append(s)
        body = "".join(s.text for s in chosen)
        text = f"{self._names(doc)}报告“{section.path}”部分写道：{body}"
        citations = [self._citation(doc.doc_id, s.start, s.end, section.path) for s in chosen]
        return Answer(question, text, True, citations, [], "section")

    # --- best sentence ----------------------------------------------------------

    def refusal(self, question: str, what: str, passages: list[Passage]) -> Answer:
        nearest = self._nearest(passages)
        tail = "以下是找到的最接近的段落，它们不包含答案。" if nearest else ""
        return Answer(question, f"报告中未找到{what}。{tail}", False, nearest, [], "refusal")

    def answer(self, question: str, only: list[str] | None = None, explain: bool = False) -> Answer:
        """`only`: restrict to these reports (the UI's report selector); `explain`:
        keep every ranked candidate on the answer (`assistant ask --explain`)."""
        written = question
        route = self.router.route(question, only)
        if route.status == "ambiguous" and PLURAL.search(question) and len(route.doc_ids) <= MAX_COMPARED:
            route.status, route.groups = "ok", [[d] for d in route.doc_ids]  # "两个区老干部局…分别": each of them
        if route.status in ("not_indexed", "year_missing", "ambiguous"):
            return self.unroutable(question, route)
        in_view = self._bodies_referred_to(question, only) if route.status == "unnamed" and PLURAL.search(question) else []
        if 2 <= len(in_view) <= MAX_COMPARED:
            # "这几个单位谁的…最多": each body in view (those chosen, else all), its latest year's reports;
            # "这几个街道": those of them that are 街道
            route.status, route.groups = "ok", in_view
            route.doc_ids = [d for g in route.groups for d in g]
            question = REFERRING.sub("", question)  # "这几个单位" names the reports and asks nothing (not 几个)
        doc_ids = route.doc_ids
        if route.status == "unnamed":
            doc_ids = self.dominant(question, only)
            if doc_ids is None:
                return self.clarify(question, only)
        if len(doc_ids) == 1 and len(route.groups) <= 1 and (ranked_row := self.answer_extreme_row(question, doc_ids[0])):
            ranked_row.question, ranked_row.routed = written, [self.index.documents[doc_ids[0]].name]
            return ranked_row  # "支出最多的是哪一类": the table's lines compared, not a sentence ranked
        q = self.understand(question, route, doc_ids)
        q.previous_year = asks_year_before(q.folded, route, {self.index.documents[d].year for d in doc_ids})
        candidates, fallback, passages = self.candidates(q, doc_ids, unnamed=route.status == "unnamed")
        if q.previous_year:  # the year before, asked of the next year's report: what does not state that year is none
            before = (route.years if route.period == "上年"  # the year named, else the year before the report's own
                      else sorted({self.index.documents[d].year - 1 for d in doc_ids if self.index.documents[d].year}))
            candidates = [c for c in candidates if c.source == "computed" or self._states_year(c.answer, before)]
        if route.years_apart and q.asks_verdict and len(route.groups) <= 1:
            # "2023年和2022年三公经费哪年多": one body's reports of the years named, compared — not the later alone
            candidates = self.verdict_across(q, route.years_apart) or [c for c in candidates if c.source == "comparison"]
        if len(route.groups) > 1 and not any(c.source == "comparison" and self.ranker and self.ranker.accepts(c)
                                             for c in candidates):
            checked = self.checks_across(q, route.groups) if cues()["checks"].search(q.folded) else []  # 谁的增幅算错了
            bound = bound_in(question) if cues()["selects"].search(q.folded) else None
            if checked:
                candidates = checked
            elif bound is not None:  # "哪些收支总计超过1000万元": each report's figure, held to the bound
                without = question[: bound.start] + " " + question[bound.end :]
                candidates = self.bound_across(self.understand(without, route, doc_ids), route.groups, bound)
            elif q.asks_verdict:  # "昌吉市和鄂州市…谁多？多多少？": each report's figure, then the verdict
                candidates = self.verdict_across(q, route.groups)
            else:
                candidates, partial = self.per_report(q, route)  # one cited answer per report named, each cited
                if partial is not None:
                    fallback = partial  # "2023年和2022年的收入合计分别多少": 2022's report does not say
                if candidates and cues()["chooses"].search(q.folded):  # "哪个是预计数": the list chooses none
                    fallback, candidates = self._found_unchosen(question, candidates[0], len(route.groups)), []
        if len(route.groups) > 1:  # a question about several reports is not answered from one of them
            candidates = [c for c in candidates if c.source == "comparison"  # says itself when one report lacks the figure
                          or all(any(x.doc_id in group for x in c.answer.citations) for group in route.groups)]
            joined = next((c for c in candidates if c.source in ("per_report", "comparison") and c.features.get("parts_min")), None)
            if joined is not None and self.ranker and not self.ranker.accepts(joined):
                fallback = self._not_sure_together(question, joined, len(route.groups))
        ranked = None
        clauses = split_clauses(question, self.entity_names_for(question)) if len(route.groups) <= 1 else []
        if len(clauses) > 1:
            # a question of several clauses is answered clause by clause, or not at all: one clause's
            # answer is not an answer to the question
            parts, partial = self.clause_parts(question, clauses, route, doc_ids, route.status == "unnamed")
            whole = candidates[0] if candidates and self.ranker and self.ranker.accepts(candidates[0]) else None
            if parts is not None or whole is None or not self._answers_each(whole, clauses):
                ranked, candidates, fallback = candidates, ([parts] if parts is not None else []), partial or fallback
        answer = self.choose(q, candidates, fallback, passages)
        if (q.wants_number or q.wants_percent) and (masked := self._masked_figure(q, passages)) is not None \
                and not (answer.found and answer.kind not in ("passage", "section")):
            # "项目**个,项目支出总额***.**万元。其中,本级项目8个": the page hides the figure asked; a passage's other
            # figure (本级's) is no answer to it — only a figure read elsewhere (a table's cell) is
            answer = masked
        if not answer.found and route.years_apart:  # the later report states no change: each year's figure compared
            # what rose or fell: the content without its change words, alone or ending a run ("三公经费增加")
            level = re.sub(rf"(?:^|\s)比(?=\s|$)|(?:{_CHANGE_WORDS.pattern})(?=\s|$)", " ", q.content).strip()
            compared = self.verdict_across(replace(q, content=level, asks_change=False, computes=False), route.years_apart)
            if compared and self.ranker and self.ranker.accepts(compared[0]):
                answer = self.choose(q, compared, None, passages)
        answer.question = written
        answer.routed = [self.index.documents[d].name for d in doc_ids]
        if explain:  # the whole question's candidates, also when its clauses were answered one by one
            answer.candidates = candidates if ranked is None else candidates + ranked
        if route.period == "上年" and answer.found and not self._states_year(answer, route.years):
            doc = self.index.documents[doc_ids[0]]
            asked = "、".join(f"{y}年" for y in route.years)
            nearest = self._nearest(self.retriever.retrieve(question, doc_ids, k=3))
            return Answer(question, f"已索引的是{doc.body or doc.region or doc.title}{doc.year}年的报告；报告中未找到{asked}的这项数字。"
                          "以下是最接近的段落，它们不包含答案。", False, nearest, [], "refusal", routed=answer.routed)
        return answer

    def _bodies_referred_to(self, question: str, only: list[str] | None) -> list[list[str]]:
        """The bodies in view ("这几个单位": those chosen, else all), by body; of the kind the question counts
        when it names one ("这几个街道", "两个局") and some bodies in view are of it."""
        bodies = self.router.bodies(only)
        m = REFERRING.search(question)
        kind = m.group(4) if m else ""
        if kind in ("单位", "部门", ""):
            return bodies
        of_kind = [g for g in bodies if any(_of_kind(self.index.documents[d].body, kind) for d in g)]
        return of_kind or bodies

    def _states_year(self, answer: Answer, years: list[int]) -> bool:
        """An answer about a year before the report's own must quote that year or 上年, in the
        quote it answers from or in the headings of its section ("一、2022年财政收入预算执行情况");
        the passages cited after it do not make its figure that year's."""
        quotes = "".join(fold(c.quote) + fold(c.section) for c in answer.citations[:1])
        quotes += "".join(fold(str(f.get("label", ""))) for f in answer.facts[:1])  # a cell under "2022年预算数"
        if answer.kind == "computed" and "上一年度" in answer.answer:
            return True  # worked back from the change the report states on the year before
        stated = {int(y) for y in _STATED_YEAR.findall(quotes)}  # "比2021年增长7.2%": 2021 is compared with, not stated
        return bool(stated & set(years)) or bool(re.search(r"(?<![比较与同跟和])(?:上年|上一年|去年)", quotes))

    def dominant(self, question: str, only: list[str] | None) -> list[str] | None:
        """A question naming no report: the report it is about when there is one
        report, or when one report clearly dominates retrieval; else None."""
        candidates = only or list(self.index.documents)
        if len(candidates) == 1:
            return candidates
        if COMPARISON.search(question) and len(candidates) <= 8:
            return candidates
        folded = fold(question)  # "河道整治工程执行率多少": the one report whose project that names
        projects = [d for d in candidates if _names_project(folded, fold(self.index.documents[d].project))]
        if len(projects) == 1:
            return projects
        passages = self.retriever.retrieve(question, only or None, k=DOMINANCE_TOP)
        if not passages:
            return None
        top = passages[0].chunk.doc_id
        share = sum(1 for p in passages if p.chunk.doc_id == top) / len(passages)
        return [top] if share >= DOMINANCE else None

    def clarify(self, question: str, only: list[str] | None) -> Answer:
        docs = only or list(self.index.documents)
        listed = "、".join(self.router.display_name(d) for d in docs[:8])
        more = f"等 {len(docs)} 份" if len(docs) > 8 else ""
        return Answer(question, f"问题没有指明是哪个单位的报告。已索引的报告有：{listed}{more}。请写出单位或地区，"
                      f"例如“{self.router.display_name(docs[0], with_year=False)}…”。", False, [], [], "clarify")

    def unroutable(self, question: str, route: Route) -> Answer:
        """Named but not indexed, several reports fit, or the year is not indexed:
        say so, and show what is indexed nearest — never as an answer."""
        kind = "clarify" if route.status == "ambiguous" else "refusal"
        nearest = self._nearest(self.retriever.retrieve(question, route.doc_ids or None, k=3)) if route.doc_ids else []
        tail = "以下是最接近的段落，它们不包含答案。" if nearest and kind == "refusal" else ""
        return Answer(question, route.message + tail, False, nearest, [], kind,
                      routed=[self.index.documents[d].name for d in route.doc_ids])

    def understand(self, question: str, route: Route, doc_ids: list[str]) -> Question:
        names = route.names + self.entity_names_for(question)
        if any(not self.index.documents[d].body for d in doc_ids):  # a report whose body is not named in it:
            folded = fold(question)  # "梧州医保" still names the body with 医保, which is no word asked about
            names += [n for full, shorts in short_names() for n in (full, *shorts) if len(n) >= 2 and n in folded]
        projects = {fold(self.index.documents[d].project) for d in doc_ids if self.index.documents[d].project}
        if len(doc_ids) == 1 and projects:  # "河道整治工程…" of 城区河道整治工程's 自评表: the words name the report
            names += [named for project in projects if len(named := _longest_shared(fold(question), project)) >= 4]
        q = understand(question, names)
        titles = "".join(fold(self.index.documents[d].title) for d in doc_ids)
        q.content = " ".join(run for run in q.content.split()
                             if not (run in titles and run.endswith(tuple(org_suffixes())))) or q.content  # "老干部局"
        return q

    def candidates(self, q: Question, doc_ids: list[str], unnamed: bool = False
                   ) -> tuple[list[Candidate], Answer | None, list[Passage]]:
        """Every answer the question could get, each scored by the one ranker; the
        refusal to give (a metric the report lacks, with its related figures); and
        the passages retrieved."""
        question, content = q.text, q.content
        rewritten = " ".join(w for w in content.split() if w not in q.folded)  # "几辆车" → 车辆, "花了" → 支出
        passages = self.retriever.retrieve(question, doc_ids or None, k=8, as_written=rewritten)
        full_forms = [full for short, fulls in abbreviations() if short in content for full in fulls]
        if full_forms:  # "执行率" written "完成年初预算的95.16%": the passages so written too, after those found as asked
            found = {p.row for p in passages}
            passages += [p for p in self.retriever.retrieve(question, doc_ids or None, k=8,
                                                            as_written=" ".join([rewritten, *full_forms]))
                         if p.row not in found][:EXTRA_PASSAGES]
        if q.counted and q.unit is not None and len(doc_ids) == 1:  # "有几辆车": the passages that count in 辆
            held = {p.chunk.start for p in passages}
            passages += [Passage(c, -1, 0.0) for c in self._chunks_of(doc_ids[0])
                         if c.start not in held and q.unit.search(fold(c.text))][:2]
        metric = metric_in_question(q.folded)
        if metric in METRICS and METRICS[metric][0] == "money" and q.wants_percent:
            metric = None  # "钱花掉了预算的几成" asks for a share, not the amount
        produced: list[tuple[str, Answer | None]] = []
        fallback = None
        if metric and COMPARISON.search(question) and len(doc_ids) > 1:
            produced.append(("comparison", self.answer_comparison(question, metric, doc_ids)))
        if metric:
            answer = self.answer_metric(question, metric, doc_ids, content)
            if answer is not None and not answer.found:
                fallback = answer
            else:
                produced.append(("metric", answer))
        produced += [("computed", self.answer_check(q, doc_ids or [p.chunk.doc_id for p in passages[:1]])),
                     ("computed", self.answer_computed(question, passages, q.names, doc_ids)),
                     ("computed", self.answer_per_unit(q, doc_ids)),
                     ("count", self.answer_count(question, doc_ids, passages)),
                     ("section", self.answer_section(question, doc_ids, content, passages))]
        out = [Candidate(a, source, a.answer) for source, a in produced if a is not None and a.found]
        sentences = self.sentence_candidates(q, passages)
        accepted = [c for c in sentences if c.rule_accepts]
        # what the hand-written order of attempts would answer: a feature the ranker weighs, not a decision
        first = out[0] if out else (max(accepted, key=lambda c: c.rule_score) if accepted else None)
        if first is not None:
            first.rule_first = True
        reports = doc_ids or sorted({p.chunk.doc_id for p in passages[:2]})
        out += self.grid_candidates(q, reports, passages)
        indicators = self.indicator_candidates(q, reports)
        funds = bool(named_columns(q.folded) & {*MONEY, "执行率"})
        by_rule = (bool(indicators) and bool(cues()["indicator_asked"].search(q.folded)) and not funds
                   and not cues()["reason"].search(q.folded))  # the project's funds asked: the grid answers
        if not by_rule and not funds:  # an indicator row states no funds: 全年预算、执行数 are the grid's
            out += indicators
        cells = self.fact_candidates(q, reports, passages)
        # a table row read whole gives several figures; its cell, read with its column, gives one
        rows = [(c.answer.citations[0].doc_id, c.answer.citations[0].start) for c in cells] + self._rows_named(q, reports)
        sentences = [c for c in sentences if not ("|" in c.text and _quotes_a_row(c, rows))]
        if q.wants_number:  # "基本支出和项目支出各多少" ← "| 201 | 一般公共服务支出 | 49.40 | 41.25 | 8.15 |": a row the question
            # does not name, and no total, read cell by cell: its figures are that line's, not the ones asked
            others = self._rows_unnamed(q, reports)
            sentences = [c for c in sentences if not ("|" in c.text and _quotes_a_row(c, others))]
        if q.wants_number:  # "| 二、外交支出 | 33 |": a row the table reader found no figure in (33 is its 行次)
            sentences = [c for c in sentences if not self._figureless_row(c)]
        out += cells
        if q.previous_year or re.search(r"(?<![比较跟与和同])(上年|去年|上一年)", q.folded):
            out += self.previous_year_candidates(q, passages)
        if q.counted and q.unit is not None:  # "几辆" is not answered by a sentence of amounts
            sentences = [c for c in sentences if q.unit.search(fold(c.text))]
        out += [c for c in sentences if not any(_pastes_operands(c, a) for a in out if a.source == "computed")]
        asked = frozenset().union(*(bigrams(run) for run in q.content.split()))
        for c in out:
            c.features = features(q, c, unnamed, self.idf)
            c.features["report_words_only"] = float(self._report_words_only(asked, c))
            c.features["period_unwritten"] = float(self._period_unwritten(q, c))
            c.features["part_unnamed"] = float(self._part_unnamed(q, c))
            if not c.features.get("other_year") and self._of_a_year_not_the_reports(q, c):
                c.features["other_year"] = 1.0
            c.score = self.ranker.score(c.features) if self.ranker else 0.0
        stated = self._stated_cell(q, doc_ids, cells) or self.answer_items(q, doc_ids)
        nth = self.answer_nth_item(q, doc_ids)
        if nth is not None and not nth.found:  # "第五条职责" of a list of three: said so, nothing else given
            return [], nth, passages
        definition = self.answer_definition(q, doc_ids, passages)
        if definition is not None and not definition.found:  # "基本支出指什么" of a report that defines no 基本支出
            return [], definition, passages
        for ruled in (self.answer_published(q, doc_ids), self.answer_document_number(q, doc_ids), nth,
                      self.answer_delivered(q, doc_ids),
                      self.answer_page(q, doc_ids),
                      definition,
                      self.answer_listed(q, doc_ids),
                      self.answer_unmet(q, doc_ids) or self.answer_deductions(q, doc_ids) or self.answer_grade(q, doc_ids)
                      or stated or self.project_score(q, doc_ids) or self.level_score(q, doc_ids),
                      self.answer_table_rows(q, doc_ids)):
            if ruled is not None:  # read off the page itself by a rule of the genre, not weighed by the model
                out.append(Candidate(ruled, "section", ruled.answer, rule_first=True, score=1.0))
        if by_rule:  # the indicator row the question names, asked for its target, result or score
            for c in indicators:
                c.features, c.score, c.rule_first = features(q, c, unnamed, self.idf), 1.0, True
            out += indicators
        # a web page's furniture (索引号 | 发布机构 | 公开目录 …) is none of the report's text: no candidate at all
        # nor is a passage without a figure for a question that asks a figure and nothing else
        out = [c for c in out if not (c.features.get("furniture") or c.features.get("figureless"))]
        out.sort(key=lambda c: -c.score)
        if out and not q.wants_number:
            _past_a_cut_sentence(out)
            _closest_wording_first(out)
        if out and cues()["reason"].search(q.folded):
            self._with_its_reason(out)
        return out, fallback, passages

    def _report_words_only(self, asked: frozenset[str], c: Candidate) -> bool:
        """A table row or the report's title line that shares with the question only the words naming its own
        report — its project or title ("| 项目名称 城区河道整治工程 |" for "河道整治工程的年度目标是什么") — says
        nothing of what is asked."""
        if c.source not in ("sentence", "sentences") or not c.answer.citations:
            return False
        doc = self.index.documents[c.answer.citations[0].doc_id]
        rest = asked - bigrams(fold(f"{doc.project} {doc.title}"))
        text = fold(c.text)
        if not ("|" in text or re.sub(r"\s", "", text) == re.sub(r"\s", "", fold(doc.title))):
            return False  # prose may give what is asked in its own words (a grade for 等级): only a row or the title
        return bool(rest) and rest != asked and coverage(rest, text) == 0 and coverage(asked, text) > 0

    def _of_a_year_not_the_reports(self, q: Question, c: Candidate) -> bool:
        """A figure asked with no year, and a passage opening on another year than its report's own ("2024年全区
        一般公共预算收入预期30.10亿元" in the report on 2023's execution): its figures are not the ones asked."""
        if not (q.wants_number or q.figure_only) or question_years(q.folded) or c.source not in ("sentence", "sentences") \
                or not c.answer.citations:
            return False
        doc = self.index.documents.get(c.answer.citations[0].doc_id)
        return bool(doc and doc.year) and of_another_year(f"{doc.year}年", fold(c.text))

    def _part_unnamed(self, q: Question, c: Candidate) -> bool:
        """A figure asked of a part the report names elsewhere ("事业运行的基本支出", its 事业运行 a line of a
        table), and prose that does not write that part, nor does its section's heading: the figure it gives is
        the whole's ("基本支出2,096.46万元…"). A part that the report's title or project names is the report's."""
        if not (q.wants_number or q.figure_only) or c.source not in ("sentence", "sentences") or not c.answer.citations:
            return False
        cited = c.answer.citations[0]
        doc = self.index.documents[cited.doc_id]
        where = re.sub(r"\s", "", f"{fold(c.text)}{fold(cited.section or '')}")  # a wrap may part a word ("目 标")
        own = fold(f"{doc.project} {doc.title} {doc.body}")
        return any(len(part) >= 3 and f"{part}的" in q.folded and part in doc.folded and part not in where
                   and part not in own for part in q.content.split())

    def _period_unwritten(self, q: Question, c: Candidate) -> bool:
        """A figure of another period than the report's own asked ("公务接待费预算" of a 部门决算), and a passage
        that writes no word of that period ("30217 公务接待费 3.16"), or, for an amount, none with an amount after
        it ("决算为12.96万元，完成预算的86.40%"): it gives the report's own (决算) figure."""
        if (not (q.wants_number or q.figure_only) or q.wants_percent or q.asks_change or q.previous_year
                or c.source not in ("sentence", "sentences") or not c.answer.citations):
            return False  # a rate (执行率) or a change is of two periods, each written in its own words
        asked = asked_period_of(q.folded)
        own = period_of(self.index.documents[c.answer.citations[0].doc_id].kind)
        return (asked is not None and asked != "上年" and periods_conflict(asked, own)
                and not writes_period(fold(c.text), asked, amount=q.wants_number and not q.wants_percent))

    @staticmethod
    def _with_its_reason(out: list[Candidate]) -> None:
        """A reason asked ("为什么增加"), the best a sentence that gives none ("…比上年增加3.05万元。"): the same
        sentence with the next one, when that one gives it ("主要原因是办公设备更新。"), is put first, as sure."""
        top = out[0]
        reason = cues()["reason_written"]
        if top.source != "sentence" or reason.search(fold(top.text)):
            return
        pair = next((c for c in out if c.source == "sentences" and c.text.startswith(top.text)
                     and reason.search(fold(c.text[len(top.text):]))), None)
        if pair is not None and not ruled_out(pair.features):
            out.remove(pair)
            pair.score, pair.rule_first = max(pair.score, top.score), top.rule_first
            out.insert(0, pair)

    def _table_spans(self, doc_id: str) -> list[tuple[int, int]]:
        """Where the tables the index read lie in a report: from each table's first row to its last."""
        if doc_id not in self.table_spans:
            spans: dict[str, tuple[int, int]] = {}
            for f in self.index.facts.get(doc_id, []):
                if f.source == "table":
                    a, b = spans.get(f.table, (f.context_start, f.context_end))
                    spans[f.table] = (min(a, f.context_start), max(b, f.context_end))
            self.table_spans[doc_id] = list(spans.values())
        return self.table_spans[doc_id]

    def _row_columns(self, doc_id: str) -> dict[int, set[str]]:
        """Each table row's columns (their last level, folded), by the row's start: once per report."""
        if doc_id not in self.row_columns:
            columns: dict[int, set[str]] = defaultdict(set)
            for f in self.index.facts.get(doc_id, []):
                if f.source == "table":
                    columns[f.context_start].add(fold(f.column.split(" › ")[-1]))
            self.row_columns[doc_id] = columns
        return self.row_columns[doc_id]

    def _headless_rows(self, doc_id: str) -> tuple[set[str], Counter]:
        """A report's table columns (their last header level, folded), and how many figures each row under no
        header holds (by the row's start): once per report, not per question."""
        if doc_id not in self.headless:
            facts = [f for f in self.index.facts.get(doc_id, []) if f.source == "table"]
            self.headless[doc_id] = ({fold(f.column.split(" › ")[-1]) for f in facts if f.column},
                                     Counter(f.context_start for f in facts if not f.column))
        return self.headless[doc_id]

    def _figureless_row(self, c: Candidate) -> bool:
        """A quoted table row, inside a table the index read, holding none of its figures."""
        span = _quoted_span(c)
        if "|" not in c.text or span is None:
            return False
        doc_id, start, end = span
        if not any(a <= start < b for a, b in self._table_spans(doc_id)):
            return False
        return not any(start <= f.start < end for f in self.index.facts.get(doc_id, []) if f.source == "table")

    def _grids(self, doc_id: str) -> list[GridRow]:
        if doc_id not in self.grids:
            self.grids[doc_id] = read_grids(doc_id, self.index.documents[doc_id].text)
        return self.grids[doc_id]

    def _indicators(self, doc_id: str) -> list[IndicatorRow]:
        if doc_id not in self.indicators:
            self.indicators[doc_id] = read_indicators(self.index.documents[doc_id].text)
        return self.indicators[doc_id]

    def indicator_candidates(self, q: Question, doc_ids: list[str]) -> list[Candidate]:
        """An indicator row of a 项目支出绩效自评表 that the question names (政策知晓率,
        资金到位及时率): its target, what was achieved, its full mark and score, the row cited."""
        out = []
        for doc_id in doc_ids[:MAX_REPORTS_READ]:
            rows = self._indicators(doc_id)
            doc = self.index.documents[doc_id]
            heads = Counter(_head_word(r.label) for r in rows)
            named_whole = [r for r in rows if bigrams(r.label) and coverage(bigrams(r.label), q.folded) >= INDICATOR_NAMED]
            # "围栏" of 钢结构圈养围栏: a short name, when no other indicator ends in it, the report's title does not
            # write it (收容所 of "…收容所建设项目" names the project), and it is the one indicator the question names
            short = [r for r in rows if (head := _head_word(r.label)) and heads[head] == 1 and head in q.folded
                     and head not in fold(doc.title) and head not in generic_heads() and r not in named_whole]
            for row in named_whole + (short if len(named_whole) + len(short) == 1 else []):
                text = (f"{self._names(doc)}“{row.label}”：目标值 {row.target}，实际完成值 {row.actual}，"
                        f"分值 {row.full} 分，得分 {row.score} 分。")
                facts = [{"label": f"{row.label} › {k}", "value": v} for k, v in
                         (("年度指标值", row.target), ("实际完成值", row.actual), ("分值", row.full), ("得分", row.score))]
                out.append(Candidate(Answer("", text, True, [self._citation(doc_id, row.start, row.end)], facts, "table"),
                                     "grid", f"{row.label} 目标值 {row.target} 实际完成值 {row.actual} 分值 {row.full} 得分 {row.score}"))
        return out

    def grid_candidates(self, q: Question, doc_ids: list[str], passages: list[Passage] = ()) -> list[Candidate]:
        """The funds grid of a 项目支出绩效自评表 (assistant/grid.py): the cells asked for,
        and what follows from them (结余 = 全年预算数 − 全年执行数; the rate worked out). Each
        inherits the retrieval ranks of the passage that holds its row, as a table cell does."""
        out = []
        wanted = asked_columns(q.text)
        if len(wanted) == len(columns()) and not re.search(r"钱|资金|经费|预算|执行|结余|没花|剩", q.folded):
            return []  # the question is not about the funds
        named = named_columns(q.text)
        if "指标" in q.folded and not named & {*MONEY, "执行率"}:
            return []  # "产出指标得了多少分" asks an indicator's score, not the funds row's
        for doc_id in doc_ids[:MAX_REPORTS_READ]:
            doc = self.index.documents[doc_id]
            for row in self._grids(doc_id):
                cols = [c for c in wanted if c in row.values]
                project = re.search(r"项目名称[\s|:：]*(?:[\dA-Z]{8,}-)?([^|\n]{2,40}?)\s*(?:\||主管部门|项目负责人|实施单位|\n|$)", fold(row.context))
                project_name = row.context[project.start(1) : project.end(1)].strip() if project else ""  # as written
                if re.match(r"主管部门|实施单位|项目资金|项目单位", project_name):
                    project_name = ""  # the name's cell read empty: the next label is no name (and a report may hold several)
                name = f"“{project_name}”" if project_name else ""
                where = self._citation(doc_id, row.start, row.end)
                context = [self._citation(doc_id, *self._sentence_around(doc_id, row.start, row.end))]
                # every column asked for empty in this row ("年初预算数" left blank): no cell to give
                if cols and not (named and not named & set(row.values)):
                    cells = "；".join(f"{c} {self._cell(c, row)}" for c in cols)
                    empty = [c for c in ("年初预算数",) if c in wanted and c not in row.values]
                    note = f"（{'、'.join(empty)}一栏为空）" if empty else ""
                    text = f"{self._names(doc)}{name}年度资金总额：{cells}{note}。"
                    facts = [{"label": f"年度资金总额 › {c}", "value": row.values[c], "unit": row.unit} for c in cols]
                    rank, holder = next(((i, p) for i, p in enumerate(passages) if p.chunk.doc_id == doc_id
                                         and p.chunk.start <= row.start < p.chunk.end), (None, None))
                    out.append(Candidate(Answer("", text, True, unique([where] + context), facts, "table"), "grid",
                                         f"{row.context[-60:]} 年度资金总额 {project_name}{cells}", passage_rank=rank,
                                         dense_rank=holder.dense_rank if holder else None,
                                         bm25_rank=holder.bm25_rank if holder else None))
                rate_check = re.search(r"率.{0,12}(?<![预决核])(算|对|一样)|(?<![预决核])(算|对|一样).{0,12}率", q.folded)  # not 预算
                unspent = re.search(r"没花|没有花|结余|剩|还有多少|差多少|未执行", q.folded)
                if _BUDGET_ADJUSTED.search(q.folded) and {"年初预算数", "全年预算数"} <= set(row.values):
                    # "预算调减了多少", "年初预算和全年预算差多少": the budget changed in the year, not what is unspent
                    start_of_year, adjusted = number(row.values["年初预算数"]), number(row.values["全年预算数"])
                    value = round(adjusted - start_of_year, 4)
                    formula = (f"全年预算数 {row.values['全年预算数']} − 年初预算数 {row.values['年初预算数']} = "
                               f"{value:g} {row.unit}")
                    said = f"调{'增' if value > 0 else '减'} {abs(value):g} {row.unit}；" if value else "未调整；"
                    text = f"{self._names(doc)}{name}年中预算调整：{formula}（{said}据表中数字计算）。"
                    out.append(Candidate(Answer("", text, True, [where] + context, [{"formula": formula, "value": value,
                                                                                      "computed": True}], "computed"),
                                         "computed", f"{project_name} {row.context[-60:]} 预算调整 调减 调增 {formula}"))
                    continue
                if (rate_check or unspent) and {"全年预算数", "全年执行数"} <= set(row.values):
                    budget, spent = number(row.values["全年预算数"]), number(row.values["全年执行数"])
                    if rate_check and budget:
                        value = round(row.computed_rate(), 2)
                        formula = f"全年执行数 {row.values['全年执行数']} ÷ 全年预算数 {row.values['全年预算数']} = {value:.2f}%"
                        stated = row.values.get("执行率", "")
                        text = f"按表中数字计算：{formula}；表中填写的执行率为 {stated or '（空）'}{_rate_verdict(row.computed_rate(), stated)}。"
                    else:
                        value = round(budget - spent, 4)
                        formula = (f"全年预算数 {row.values['全年预算数']} − 全年执行数 {row.values['全年执行数']} = "
                                   f"{value:g} {row.unit}")
                        text = f"{self._names(doc)}{name}尚未执行（结余）：{formula}（据表中数字计算）。"
                    facts = [{"formula": formula, "value": value, "computed": True}]
                    what = "执行率" if rate_check and budget else "结余 尚未执行"  # what it works out, as asked
                    out.append(Candidate(Answer("", text, True, [where] + context, facts, "computed"), "computed",
                                         f"{project_name} {row.context[-60:]} {what} {formula}"))
        return out

    def _rows_unnamed(self, q: Question, doc_ids: list[str]) -> list[tuple[str, int]]:
        """The 类/款/项 rows (report, start) of a table read cell by cell whose label the question does not
        write, even mostly: one line of a classification, whose figures are that line's."""
        return [(doc_id, f.context_start) for doc_id in doc_ids[:MAX_REPORTS_READ]
                for f in self.index.facts.get(doc_id, []) if f.source == "table" and f.code
                and coverage(bigrams(fold(row_name(f.label))), q.folded) < ROW_NAMED]

    def _rows_named(self, q: Question, doc_ids: list[str]) -> list[tuple[str, int]]:
        """The table rows (report, start) the question names by their label, which the table reader has read
        cell by cell: a row quoted whole says no one figure ("| 213 | 农林水支出 | 2,885.02 | 2,708.74 | … |")."""
        return [(doc_id, f.context_start) for doc_id in doc_ids[:MAX_REPORTS_READ]
                for f in self.index.facts.get(doc_id, []) if f.source == "table"
                and len(name := fold(row_name(f.label))) >= 2 and name in q.folded]

    def _sides_totalled(self, fact: Fact) -> str:
        """The side a total row's cell totals (总计 under 收入 is the 收入总计 asked), with every other side
        whose total in that row is the same figure: "收入总计 支出总计" is the 收支总计 a balanced account states."""
        sides = {f.column.split(" › ")[0] for f in self.index.facts.get(fact.doc_id, []) if f.table == fact.table
                 and f.label == fact.label and f.value == fact.value and f.context_start == fact.context_start}
        total = row_name(fact.label)
        return " ".join(f"{side}{total}" for side in sorted(sides | {fact.column.split(" › ")[0]}))

    def fact_candidates(self, q: Question, doc_ids: list[str], passages: list[Passage], keep: int = 3
                        ) -> list[Candidate]:
        """Table cells (index/facts.py) whose row label and column the question
        names. The kind must fit (a 率 question wants a rate; a change only when
        a change is asked). Prose figures are not offered here: the sentence
        candidates already quote them with their context, and on the development
        split the two only competed (fitted: prose facts were rarely right where
        sentences were not). A cell inherits the retrieval ranks of the passage that
        holds it, as a sentence does."""
        if not (q.wants_number or q.wants_percent):
            return []
        asked_period = "上年" if q.previous_year else asked_period_of(q.folded)  # "2023年…" of a 2024 report: its 上年 column
        forms = written_forms(q.content)  # "疾控中心" as tables write it, 疾病预防控制机构
        asked_text = " ".join([q.folded, *forms])
        scored: list[tuple[float, dict[str, float], Fact]] = []
        own_period = {d: period_of(self.index.documents[d].kind) for d in doc_ids[:MAX_REPORTS_READ]}
        for doc_id in doc_ids[:MAX_REPORTS_READ]:
            doc = self.index.documents[doc_id]
            # words the report's own title or project name writes ("营养改善计划项目…总分") name the report, not the figure
            of_figure = [bigrams(form) - bigrams(fold(doc.project + doc.title)) or bigrams(form) for form in forms]
            # a row of several figures under no header (a table's header lost): which cell is the column the
            # question names (基本支出, 决算数 … as this report's tables name their columns) is not known
            columns, headless = self._headless_rows(doc_id)
            row_columns = self._row_columns(doc_id)
            if not any(len(c) >= 2 and c in q.folded for c in columns):
                headless = Counter()
            for fact in self.index.facts.get(doc_id, []):
                if fact.source != "table" or fact.kind.startswith("change") != q.asks_change or (fact.unit == "%") != q.wants_percent:
                    continue
                if not fact.column and headless[fact.context_start] > 1:
                    continue
                if is_measured_value(row_name(fact.label)):
                    continue  # "204.46平方米 | 10 | 10": a flattened grid's row read under no heading, a value as its label
                if q.unit is not None and fact.kind == "count" and not q.unit.search(fact.raw):
                    continue
                if q.counted and fact.kind != "count":
                    continue  # "有几辆公务用车": 公务用车运行费 6.86 万元 is no count
                label = row_name(fact.label)
                levels = fact.column.split(" › ")
                column = levels[-1]
                headed = levels[-2] if len(levels) > 1 and column in TOTAL_ROWS else column  # 基本支出 › 小计 is 基本支出
                subject = table_subject(fact.table)
                if label == subject or names_a_period(label):  # a row of figures under their headings (a year's
                    # row of the items' columns): each column names its item
                    label, column = (subject, "") if column in TOTAL_ROWS else (column, "")
                elif label in TOTAL_ROWS:
                    label = subject  # a table's 合计 row is the total of what the table is about
                named = coverage(bigrams(label + column), asked_text)  # as asked, or as reports write it
                if row_name(fact.label) in TOTAL_ROWS and column:  # a table's total row: its cell is named by its column
                    named = max(named, coverage(bigrams(headed), asked_text))  # 基本支出 › 小计 by 基本支出
                elif (column.endswith(TOTAL_ROWS) and headed == column and not names_the_opposite(q.folded, fold(column))
                      and not any(len(c) >= 2 and coverage(bigrams(c), q.folded) >= 0.6
                                  for c in row_columns[fact.context_start] - {fold(column)})):
                    # a row's total column (本年支出合计; not 基本支出 › 小计, a group's; not 本年收入合计 for a
                    # 支出 asked) is the one named when the question names none of the row's other columns, not
                    # even mostly (基本支出 of "农林水支出中基本支出", 一般公共预算拨款收入 of "一般公共预算拨款支出中…"),
                    # just short of a cell named in full
                    named = max(named, coverage(bigrams(label), asked_text) - 0.01)
                # a row the question does not name, that is no total of the table: a neighbour's cell
                own = bigrams(row_name(label)) - bigrams(column)  # 教育支出 under 基本支出: 教育, not 支出
                # named by words of the question that are not the body's name (农业农村局) nor the report's own
                # title or project (河道整治工程's 河道 names no 河道清淤长度 row)
                row_named = label in TOTAL_ROWS or label == subject or not own or bool(own & set().union(*of_figure))
                asked = max(coverage(want, fold(fact.path())) for want in of_figure)
                measured = {"fact_label_named": named, "fact_asked": asked, "row_unnamed": float(not row_named),
                            "fact_label_whole": float(QUOTES.sub("", fold(label)) in QUOTES.sub("", q.folded)),
                            "fact_column_named": float(bool(headed) and fold(headed) in q.folded),
                            "fact_period_match": float(asked_period is not None and asked_period == fact.period),
                            "fact_period_conflict": float(periods_conflict(asked_period, fact.period)),
                            # the report's own period; a report of no known kind: its table's (…决算表 reports 决算)
                            "fact_report_period": float(fact.period == (own_period[doc_id] if own_period[doc_id] not in ("", "本年")
                                                                        else period_of("", fact.table)))}
                scored.append((float(row_named) + 0.5 * named + 0.5 * asked, measured, fact))  # a neighbour's cell last
        scored.sort(key=lambda x: -x[0])
        out = []
        for n, (_, measured, fact) in enumerate(scored[:keep]):
            doc = self.index.documents[fact.doc_id]
            where = f"（{'，'.join(p for p in (fact.table, fact.column) if p)}）" if fact.table or fact.column else ""
            converted = f"，合 {fact.in_wan()}" if fact.in_wan() else ""
            if fact.unit == "万元" and fact.raw_unit == "万元" and _ASKS_YUAN.search(q.folded):
                converted = f"，合 {fact.value * 1e4:,.2f} 元"  # "是多少元": the 万元 figure in 元 too
            label = fact.label.replace(" › ", "—")
            subject = table_subject(fact.table).replace(doc.body, "")  # the body is named before it
            if names_a_period(fact.label):  # "公务接待费（“三公”经费预算表，2024年预算）"
                item = fact.column.replace(" › ", "—")
                label = f"{subject}{item}" if fact.column in TOTAL_ROWS else item
                where = f"（{fact.table}，{row_name(fact.label)}）"
            heading = fact.column.split(" › ")[-1]
            names_quantity = heading not in (*TOTAL_ROWS, "金额", "") and asked_period_of(heading) is None
            if fact.label in TOTAL_ROWS and names_quantity and fact.table:
                label, where = heading, f"（{fact.table}，{fact.label}）"  # "事业收入（部门收入总表，合计）"
            elif fact.label in TOTAL_ROWS and fact.table:
                label = f"{subject}{label}"  # "“三公”经费合计", not a bare 合计
            said = _change_said(fact, [f for f in self.index.facts.get(fact.doc_id, []) if f.table == fact.table
                                       and f.label == fact.label and f.context_start == fact.context_start and f is not fact])
            text = f"{self._names(doc)}{label}{where}：{fact.as_written()}{converted}{said}。"
            citation = self._citation(fact.doc_id, fact.context_start, fact.context_end)
            facts = [{"label": fact.path(), "value": fact.value, "unit": fact.unit, "raw": fact.raw,
                      "period": fact.period, "source": fact.source}]
            rank, holder = next(((i, p) for i, p in enumerate(passages) if p.chunk.doc_id == fact.doc_id
                                 and p.chunk.start <= fact.start < p.chunk.end), (None, None))
            total = row_name(fact.label)
            # a total row under a side's heading is that side's total: 总计 under 收入 is the 收入总计 asked
            side = f" {self._sides_totalled(fact)}" if total in TOTAL_ROWS and fact.column else ""
            out.append(Candidate(Answer("", text, True, [citation], facts, "number"), "fact",
                                 f"{fact.path()}{side} {fact.as_written()}{said}", passage_rank=rank,
                                 dense_rank=holder.dense_rank if holder else None,
                                 bm25_rank=holder.bm25_rank if holder else None,
                                 measured={**measured, "fact_first": float(n == 0)}))
        return out

    def previous_year_candidates(self, q: Question, passages: list[Passage]) -> list[Candidate]:
        """The year before, worked back from a stated change: "2022年收入预算455.04万元,
        比2021年增加41.58万元" → 455.04 − 41.58; "收入完成404633万元,同比下降0.29%" →
        404633 ÷ (1 − 0.29%). The amount is the last one written before the change, in the
        same paragraph. A share or rate asked ("2022年税收收入占比") is no amount: nothing is worked back."""
        if q.wants_percent:
            return []
        out, seen = [], set()
        for p in passages[:6]:
            doc = self.index.documents[p.chunk.doc_id]
            text = doc.folded
            changes = sorted([*_CHANGE.finditer(text, p.chunk.start, p.chunk.end),
                              *_RATE_CHANGE.finditer(text, p.chunk.start, p.chunk.end),
                              *_BARE_RATE_CHANGE.finditer(text, p.chunk.start, p.chunk.end)], key=lambda m: m.start())
            for m in changes:
                clause = text[max(text.rfind(p, 0, m.start() - 1) for p in "，,。；;") + 1 : m.start()]  # the clause before it
                if m.re is _BARE_RATE_CHANGE and _CHANGE_WORDS.search(clause):
                    continue  # "比上年增加12.34万元，增长2.78%": the rate of a stated change, not of a level
                said = re.sub(r"[各均都共分别也]+$", "", re.split(r"[，,]", text[m.start() : m.start("dir")])[-1])  # "…，收入增加": 收入
                subject = said if len(said) >= 2 and not re.search(r"\d|上年|去年|同比|相比", said) else ""
                found = amount_before(text, m.start(), subject=subject)
                if found is None:
                    continue
                a, window = found
                if not subject and _BOTH_CHANGED.search(text[text.rfind("。", 0, m.start()) + 1 : m.start()]):
                    # "收入总计616.17万元,支出总计616.17万元。收支较上年增加246.63万元": either total, the one asked
                    a = next((b for b in reversed(list(AMOUNT.finditer(text, window, a.end())))
                              if not names_the_opposite(q.folded, self._label_before(text, window, b))), a)
                if (doc.doc_id, a.start()) in seen or not self._works_back_to_asked_year(q, doc, a.start()):
                    continue
                seen.add((doc.doc_id, a.start()))
                now, unit = parse_number(a.group(1)), a.group(2)
                up = m.group("dir") in ("增加", "增长", "增", "多", "上升")
                if "rate" in m.groupdict():
                    rate = parse_number(m.group("rate"))
                    value = round(now / (1 + rate / 100 if up else 1 - rate / 100), 4)
                    formula = f"{a.group(1)}{unit} ÷ (1 {'+' if up else '−'} {m.group('rate')}%) ≈ {value:,.2f}{unit}"
                    stated = "本年数和比上年的增减幅度"
                else:
                    change = parse_number(m.group("value")) * MONEY_UNITS[m.group("unit")] / MONEY_UNITS[unit]
                    value = round(now - change if up else now + change, 4)
                    formula = f"{a.group(1)}{unit} {'−' if up else '+'} {m.group('value')}{m.group('unit')} = {value:,.2f}{unit}"
                    stated = "本年数和比上年的增减"
                label = self._label_before(text, window, a)
                if names_the_opposite(q.folded, fold(f"{label} {subject}")):
                    continue  # 收入合计 worked back is no answer to "支出合计多少"
                sentence_start = self._sentence_around(doc.doc_id, a.start(), m.end())[0]
                if match_score(q.content, f"{label} {subject} {text[sentence_start : m.end()]}") < WORKED_BACK_NAMED:
                    continue  # 一般公共预算收入 worked back is no answer to "政府性基金收入预算多少"
                quote = self._citation(doc.doc_id, a.start(), m.end())
                answer = Answer("", f"据{self._names(doc)}报告推算，上一年度{label}约为 {value:,.2f}{unit}（计算：{formula}；"
                                    f"报告写明{stated}，上一年数为推算）。", True,
                                unique([quote, self._citation(doc.doc_id, *self._sentence_around(doc.doc_id, a.start(), m.end()))]),
                                [{"formula": formula, "value": value, "unit": unit, "computed": True}], "computed")
                out.append(Candidate(answer, "computed", doc.text[sentence_start : m.end()], passage_rank=passages.index(p),
                                     dense_rank=p.dense_rank, bm25_rank=p.bm25_rank))
        return out

    @staticmethod
    def _label_before(text: str, window: int, amount: re.Match) -> str:
        """What an amount is of: the words before it in its clause, without its year or verb."""
        label = re.split(r"[。,，；;：:]", text[max(window, amount.start() - 16) : amount.start()])[-1]
        label = re.sub(r"^本(?:部门|单位)|^(?:部门|单位)(?=\s*(?:19|20)\d\d)", "", label)  # not who states it ("本部门2023年度…")
        label = re.sub(r"(?:19|20)\d\d\s*年度?|^[\d\s]*年度?", "", label)  # nor its year
        return re.sub(r"(均为|为|是|达到|共计|完成)$", "", label)

    def _works_back_to_asked_year(self, q: Question, doc: Document, at: int) -> bool:
        """Whether the year before the one a figure is stated for is a year the question asks about;
        a question naming no year asks about the year before the report's."""
        asked = set(question_years(q.folded))  # "22年" too
        year = self._figure_year(doc, at)
        return not asked or not year or year - 1 in asked

    def _figure_year(self, doc: Document, at: int) -> int | None:
        """The year a figure is stated for: the one its sentence names, else the lines before it, else its
        section ("一、2022年财政收入预算执行情况"), else the report's own."""
        start = self._sentence_around(doc.doc_id, at, at + 1)[0]
        line = doc.folded.rfind("\n", 0, start) + 1
        # the sentence's year, else the last year the lines before it state a figure for ("2022年全年完成…收入
        # 完成1408135万元,其中:…完成404633万元,同比下降0.29%"), not a base compared with ("比2021年")
        before = doc.folded[max(line, start - _YEAR_LOOKBACK) : start]
        said = (_STATED_YEAR.findall(doc.folded[start:at]) or _STATED_YEAR.findall(before)
                or _WRITTEN_YEAR.findall(fold(self._section_of(doc.doc_id, at))))
        return int(said[-1]) if said else doc.year

    @staticmethod
    def _cell(column: str, row: GridRow) -> str:
        value = row.values[column]
        if column in MONEY:
            return f"{value} {row.unit}"
        return value if column == "执行率" else f"{value} 分"

    def per_report(self, q: Question, route: Route) -> tuple[list[Candidate], Answer | None]:
        """A question about several reports ("许昌河湖水系中心和南县财政局…分别是什么"):
        each report's best candidate, combined into one answer that cites each; a question of
        several clauses ("收支总计各是多少？各比上年增长多少？") answered clause by clause in each.
        It is given only when every part would be given on its own, and scores as
        the chance that all parts are right (`_joined`); when a report's part is not found, no candidate,
        and a refusal that names that report and shows what the others say."""
        clauses = split_clauses(q.text, self.entity_names_for(q.text))
        parts: list[tuple[Document, Candidate]] = []
        missing: list[Document] = []
        for group in route.groups:
            for doc_id in group:
                if len(clauses) > 1:
                    best, _ = self.clause_parts(q.text, clauses, route, [doc_id], False)
                    if best is not None and not (self.ranker and self.ranker.accepts(best)):
                        best = None
                else:
                    best = self._stated_alone(q, doc_id) if q.figure_only else None
                    if best is None and q.figure_only:  # the best given candidate that writes a figure after the words asked
                        found, _, _ = self.candidates(q, [doc_id])
                        best = next((c for c in found if self.ranker and self.ranker.accepts(c)
                                     and self._states_figure_asked(q, c)), None)
                    elif best is None:
                        best = self._given_alone(q, [doc_id])
                if best is None:
                    missing.append(self.index.documents[doc_id])
                else:
                    parts.append((self.index.documents[doc_id], best))
        lines = list(dict.fromkeys(f"{self._names(doc)}：{c.answer.answer.rstrip('。；;')}" for doc, c in parts))  # each said once
        chosen = [c for _, c in parts]
        if missing:  # one report does not say: no answer, but which report lacks it, and what the others say
            partial = Answer(q.text, f"{'、'.join(self._names(d) for d in missing)}的报告中未找到这项内容，因此不作整体回答。"
                                     f"其余报告找到的是：{'；'.join(lines)}。", False,
                             [replace(c, note=PART_NOTE) for c in self._citations_of(chosen)], [], "refusal")
            return [], partial if parts else None
        answer = Answer("", "；".join(lines) + "。", True, self._citations_of(chosen), [f for c in chosen for f in c.answer.facts],
                        "per_report")
        return [self._joined(answer, "per_report", chosen)], None

    def stated_figure(self, q: Question, doc_id: str) -> tuple[Operand, Citation] | None:
        """The figure a report states for what is asked, read off its facts (a prose figure's label, a table
        cell's row and column), when every label that names it fully gives one value ("收支总计": 收入总计
        and 支出总计 alike, data/abbreviations.tsv); else None. A 自评表 grid is not read here: its cells
        are weighed by the ranker like any candidate."""
        runs = q.content.split()
        if q.asks_change:  # "公务接待费预算比上年减少多少", "三公经费增长了多少", "增幅": the 公务接待费预算's change
            runs = [run for run in map(_without_change_tail, runs) if not _CHANGE_RUN.fullmatch(run)]
        asked = runs[-1] if runs else ""
        if len(runs) >= 2 and not without_period(asked):
            runs, asked = runs[:-1], runs[-2] + asked  # "疾控中心的预算": the 疾控中心's 预算, not any 预算
        if q.asks_change:
            asked = without_period(asked) or asked  # a change column (增减额) names the line, not its period
        if len(asked) < 2 or len(q.items) > 1:
            return None  # several things asked ("税收收入和非税收入各多少"): no one figure answers
        doc = self.index.documents[doc_id]
        rows = {fold(part) for f in self.index.facts.get(doc_id, []) if f.source == "table" for part in f.label.split(" › ")}
        of_row = [run for run in runs[:-1] if len(run) >= 2 and any(run in row for row in rows)]
        if _PROJECT_TABLE.search(doc.kind or doc.title):  # "营养改善计划项目自评总分": the project's table, its 总分
            asked = _without_words_of(asked, fold(f"{doc.project} {doc.title}"))
        forms = written_forms(asked)
        found: list[_Stated] = []
        for fact in self.index.facts.get(doc_id, []):
            if fact.kind.startswith("change") != q.asks_change or (fact.unit == "%") != q.wants_percent:
                continue
            if (fact.period == "上年") != q.previous_year and not self._states_asked_year(q, fact):
                continue  # this year's figure for a question about the year before, or the reverse
            if (fact.kind == "count") != bool(q.unit and q.unit.search(fact.raw)) or q.counted and fact.kind != "count":
                continue  # 91 人次 is no amount of 住院慰问金; "多少人", "几辆" are answered by a count of them
            if (fact.kind == "score") != bool(_SCORE_ASKED.search(q.folded)):
                continue  # "执行 1 分" is no amount executed
            row = table_subject(fact.table) if fact.label in TOTAL_ROWS else fact.label  # 合计 is the table's subject
            if names_a_period(fact.label):  # a year's row ("2024年预算"): its column names the item, 合计 the table's
                row = table_subject(fact.table) if fact.column in TOTAL_ROWS else fact.column
            label = QUOTES.sub("", fold(row + fact.column))
            path = QUOTES.sub("", fold(f"{fact.table} {fact.label} {fact.column}"))
            if fact.source == "table" and any(run not in path for run in of_row):
                continue  # "事业运行的项目支出": the 项目支出 of the 事业运行 row, not the table's total
            if not any(coverage(bigrams(form), label) >= STATED_NAMED or _terms_in(form, row, fact.column) for form in forms):
                continue
            if misses_named_quantity(q.folded, label):
                continue  # "“三公”经费预算" is not 机关运行经费预算, whose label covers 经费预算 too
            if names_the_opposite(fold(asked), fold(row + " " + fact.column)) or names_the_opposite(fold(asked), fold(fact.column)):
                continue  # "一般公共预算财政拨款支出" is not the 收入 row beside it, nor 农林水支出's 本年收入合计 cell
            written = fact.as_written() + (f"（{fact.in_wan()}）" if fact.in_wan() else "")
            value = fact.value
            fell = _FELL.search(fold(fact.label)) if fact.kind.startswith("change") else None
            if fell and value > 0:  # "同比下降0.29%" is a change of −0.29%: compared as such, shown as written
                value, written = -value, f"{fell.group(1)}{written}"
            operand = Operand(asked, value, fact.unit, written, doc_id, fact.start, fact.end)
            found.append(_Stated(operand, self._citation(doc_id, fact.context_start, fact.context_end), label,
                                 fact.period, fold(fact.column.split(" › ")[-1]), row_name(fact.label) in TOTAL_ROWS,
                                 fact.source == "table", fact.source == "table" and any(
                                     fund in fold(fact.table) and fund not in q.folded for fund in fund_qualifiers())))
        # the label that writes least beside the words asked first: "（2）公务用车运行维护费", not "2.公务用车购置及运行维护费"
        found.sort(key=lambda f: -coverage(bigrams(f.label), f"{asked} {' '.join(forms)}"))
        unqualified = [f for f in found if not _NARROWING.search(f.label) or _NARROWING.search(q.folded)]
        found = unqualified or found  # "本级项目支出" is part of the 项目支出 asked, when another label names it whole
        column_named = any(len(f.column) >= 2 and f.column in fold(asked) and f.column != fold(asked) and f.column not in TOTAL_ROWS
                           for f in found)  # a row's column asked ("文化旅游体育与传媒支出基本支出"), not a column alone
        if len(_in_one_unit(found)) > 1 and not column_named:  # "项目支出" stated for the whole and in a table of one
            # fund: the whole's (a fund's cell of the same figure quotes it too); not when a column is asked ("…基本支出")
            whole = _in_one_unit([f for f in found if not f.fund])
            found = [f for f in found if _in_one_unit([f]) <= whole] if whole else found
        if len(_in_one_unit(found)) > 1:  # "农林水支出" over its 款 and 项 (农林水支出 › 农业农村 › 行政运行): the row itself
            itself = [f for f in found if f.table and row_name(_row_of(f)) == fold(asked)]
            found = [f for f in found if not f.table or f in itself] if itself else found
        if len(_in_one_unit(found)) > 1:  # "人员经费" down a column of rows: its total row's cell is the one named whole
            found = [f for f in found if f.total_row and f.column == fold(asked)] or found
        if len(_in_one_unit(found)) > 1:  # "人员经费" over its side's rows: its row 人员经费合计 totals them
            found = [f for f in found if re.match(re.escape(fold(asked)) + "(?:" + "|".join(TOTAL_ROWS) + ")", f.label)] or found
        if len(_in_one_unit(found)) > 1:  # "收入预算" over 其他收入 and 收入合计: the total of what is asked, not a part
            found = [f for f in found if (m := _TOTAL_OF.fullmatch(row_name(_row_of(f))))
                     and m.group(1) in fold(asked)] or found
        if len(_in_one_unit(found)) > 1:  # a column the question writes whole ("2022年预算数"): that column, whatever period
            found = [f for f in found if len(f.column) >= 4 and f.column in q.folded] or found
        wanted = self._wanted_period(q, doc_id)
        if len(_in_one_unit(found)) > 1:  # 预算数 and 决算数 side by side: the period asked, else the report's own
            found = [f for f in found if f.period == wanted] if wanted else found
        else:  # one value in several columns: quote it under the period asked
            found = [f for f in found if f.period == wanted] + [f for f in found if f.period != wanted]
        if len(_in_one_unit(found)) > 1:  # a row's cells in several columns: the column asked, else its total
            found = ([f for f in found if f.column and f.column in q.folded]
                     or [f for f in found if f.column in ("合计", "总计")] or [f for f in found if f.column in TOTAL_ROWS]
                     or [f for f in found if f.column.endswith(("合计", "总计"))]  # 本年支出合计
                     or [f for f in found if f.column == "得分" and not re.search(r"分值|满分|权重", q.folded)]
                     or found)  # ("基本支出花了多少" → 基本支出; "“三公”经费" with its parts in columns → 合计, not
            # the 小计 of one part;
            # "总分多少" → the score got, 得分, not the full mark, 分值)
        return (found[0].figure, found[0].citation) if len(_in_one_unit(found)) == 1 else None

    def _masked_figure(self, q: Question, passages: list[Passage]) -> Answer | None:
        """The figure asked, masked by the page that holds it ("项目支出总额***.**万元", "****户"): a refusal that
        says so, citing it; None when no passage masks a figure right after the words asked."""
        runs = [run for run in q.content.split() if len(run) >= 2]
        if not runs:
            return None
        asked = re.compile(re.escape(runs[-1]) + r"[^。；;，,\d*＊]{0,6}?[*＊]+(?:[.．][*＊]+)?\s*(?:[%‰]|[\u4e00-\u9fff]{1,2})")
        for p in passages[:4]:
            doc = self.index.documents[p.chunk.doc_id]
            m = asked.search(doc.folded, p.chunk.start, p.chunk.end)
            if m:
                quote = self._citation(doc.doc_id, *self._sentence_around(doc.doc_id, m.start(), m.end()))
                return Answer(q.text, f"据{self._names(doc)}，这项数字在原文中被遮挡（写作“{doc.text[m.start():m.end()]}”），"
                                      "无法读出，因此不作回答。", False, [quote], [], "refusal")
        return None

    def _states_figure_asked(self, q: Question, c: Candidate) -> bool:
        """The candidate writes a figure right after the words asked, named by their head or most of them
        (or is a figure read from a table)."""
        if c.source not in ("sentence", "sentences") or not c.answer.citations:
            return True
        runs = q.content.split()
        quote = c.answer.citations[0]
        doc = self.index.documents.get(quote.doc_id)
        figure = figure_after(runs[-1], doc, quote.start, quote.end, percent=q.wants_percent) if runs and doc else None
        return figure is not None and figure.names_it()

    def _stated_cell(self, q: Question, doc_ids: list[str], cells: list[Candidate]) -> Answer | None:
        """A figure question about one report, whose tables state it under the words asked, once (stated_figure:
        "“三公”经费预算多少" ← the 合计 row of 财政拨款“三公”经费预算表, its 本年预算数): that cell, by rule."""
        if len(doc_ids) != 1 or not (q.figure_only or cues()["rose_or_fell"].search(q.folded)) or q.computes:
            return None  # a figure asked, or whether it rose or fell (the change stated says it)
        stated = self.stated_figure(q, doc_ids[0])
        if stated is None:
            return None
        figure = stated[0]
        matching = [c for c in cells if c.answer.facts and c.answer.facts[0].get("source") == "table"
                    and c.answer.citations and c.answer.citations[0].start <= figure.start < c.answer.citations[0].end
                    and abs(c.answer.facts[0]["value"] - figure.value) < 1e-9]
        wanted = self._wanted_period(q, doc_ids[0])  # one value in two columns: the one of the period asked
        cell = next((c for c in matching if c.answer.facts[0].get("period") == wanted), matching[0] if matching else None)
        return cell.answer if cell is not None else None

    @staticmethod
    def asks_project_score(q: Question, doc: Document) -> bool:
        """A score asked of a project's 自评表 as a whole: the question names nothing of it but the project and
        the report (an indicator or the funds row named is not the project's score)."""
        if not q.wants_number or not _SCORE_ASKED.search(q.folded) or not q.content.split():
            return False
        if not _PROJECT_TABLE.search(doc.kind or doc.title):
            return False
        return _left_of(q.content.replace(" ", ""), fold(f"{doc.project} {doc.title}")) in ("", "得", "得分", "评分", "分", "自评得分")

    def project_score(self, q: Question, doc_ids: list[str]) -> Answer | None:
        """"河道整治工程项目自评得了多少分": a score asked of a project's 自评表 as a whole — the question names
        nothing of it but the project and the report — is its 总分 row's 得分, by the template."""
        if len(doc_ids) != 1 or not self.asks_project_score(q, self.index.documents[doc_ids[0]]):
            return None
        doc = self.index.documents[doc_ids[0]]
        totals = [f for f in self.index.facts.get(doc.doc_id, []) if f.kind == "score" and f.label == "总分"
                  and f.column in ("得分", "")]
        if len({f.value for f in totals}) != 1:
            return None
        fact = totals[0]
        citation = self._citation(doc.doc_id, fact.context_start, fact.context_end)
        return Answer("", f"{self._names(doc)}项目自评总分（得分）：{fact.as_written()}。", True, [citation],
                      [{"label": fact.path(), "value": fact.value, "unit": "分", "raw": fact.raw, "source": fact.source}],
                      "number")

    def level_score(self, q: Question, doc_ids: list[str]) -> Answer | None:
        """"产出指标得了多少分": a level of a 自评表's indicators (一级/二级指标, a cell spanning the rows under
        it, index/facts.py) asked for its score, which the template states for each indicator under it and not
        for the level: their 得分 added up, with the formula, each row cited — unless a row of the table is
        itself named so (its own figure is stated, and read as any cell)."""
        if len(doc_ids) != 1 or not _SCORE_ASKED.search(q.folded) or q.asks_change:
            return None
        doc = self.index.documents[doc_ids[0]]
        scores = [f for f in self.index.facts.get(doc.doc_id, []) if f.source == "table" and f.kind == "score"]
        levels = {fold(part) for f in scores for part in f.label.split(" › ")[:-1]}
        asked = max((level for level in levels if len(level) >= 3 and level in q.content), key=len, default=None)
        if asked is None or any(fold(row_name(f.label)) == asked for f in scores):
            return None
        column = "分值" if "分值" in q.folded and "得分" not in q.folded else "得分"
        under = [f for f in scores if f.column == column and asked in map(fold, f.label.split(" › ")[:-1])]
        if len(under) < 2:
            return None
        total = sum(f.value for f in under)
        terms = " + ".join(f"{f.value:g}" for f in under)
        text = (f"{self._names(doc)}{asked}{column}：{terms} = {total:g} 分（据表中{asked}下{len(under)}项指标的{column}相加，"
                f"报告未直接给出此数）。")
        citations = unique([self._citation(doc.doc_id, f.context_start, f.context_end) for f in under])
        facts = [{"label": f.path(), "value": f.value, "unit": "分", "raw": f.raw, "source": f.source} for f in under]
        facts.append({"formula": f"{terms} = {total:g}", "value": total, "unit": "分", "computed": True})
        return Answer("", text, True, citations, facts, "computed")

    def answer_deductions(self, q: Question, doc_ids: list[str]) -> Answer | None:
        """"一共被扣了几分，扣在哪些指标上", "时效指标扣了几分", "工程完工时间为什么扣分": of one 自评表, the rows asked
        (an indicator named, the rows under a level named, else all) that scored under their 分值, each with what it
        lost and, for a reason asked, the 偏差原因 written in its row. The whole table's total is the 总分 row's
        分值 less its 得分 when the table states them, said beside the rows' own sum when the two differ (a row
        the reader missed), else the rows' sum."""
        if len(doc_ids) != 1 or not cues()["deductions"].search(q.folded):
            return None
        doc_id = doc_ids[0]
        doc = self.index.documents[doc_id]
        rows = scored_rows(doc.text, self.index.facts.get(doc_id, []), self._indicators(doc_id), self._grids(doc_id))
        if len(rows) < 2:
            return None
        named = [r for r in rows if bigrams(r.name) and coverage(bigrams(r.name), q.folded) >= INDICATOR_NAMED]
        levels = {fold(level) for r in rows for level in r.levels}
        level = max((x for x in levels if len(x) >= 3 and x in q.content), key=len, default=None)
        if named:
            asked, scope = named, "、".join(r.name for r in named)
        elif level is not None:
            asked, scope = [r for r in rows if level in map(fold, r.levels)], level
        elif re.search(r"\S{2,}指标", q.content):
            return None  # an indicator or level this table was not read with
        else:
            asked, scope = rows, ""
        lost = [r for r in asked if r.lost > 0]
        said = "、".join(f"{r.name}扣 {r.lost:g} 分（分值 {r.full:g}，得分 {r.score:g}）" for r in lost)
        citations = [self._citation(doc_id, r.start, r.end) for r in lost]
        total = sum(r.lost for r in lost)
        if cues()["reason"].search(q.folded):
            with_reason = [r for r in lost if r.reason is not None]
            if not scope or not with_reason:
                return None
            reasons = "；".join(f"{r.name}扣 {r.lost:g} 分（分值 {r.full:g}，得分 {r.score:g}），偏差原因：{doc.text[slice(*r.reason)]}"
                               for r in with_reason)
            return Answer("", f"{self._names(doc)}{reasons}。", True, unique(citations), [], "table")
        if scope:
            text = (f"{self._names(doc)}{said}。" if named and len(lost) == 1 else
                    f"{self._names(doc)}{scope}共扣 {total:g} 分：{said}。" if lost else
                    f"{self._names(doc)}{scope}未扣分（" + "；".join(f"{r.name}分值 {r.full:g}，得分 {r.score:g}" for r in asked) + "）。")
            citations = citations or [self._citation(doc_id, r.start, r.end) for r in asked]
        else:
            totals = self._total_row(doc_id)
            if "分值" in totals and "得分" in totals:
                full, score = totals["分值"], totals["得分"]
                stated = full.value - score.value
                text = f"{self._names(doc)}共扣 {stated:g} 分（总分 {full.value:g} − 得分 {score.value:g}）"
                if lost and abs(total - stated) < 1e-9:
                    text += f"：{said}。"
                elif lost:
                    text += f"；逐项读到的扣分合计 {total:g} 分，与之不符（表中或有未读出的指标）：{said}。"
                else:
                    text += "；表中未读出扣分的指标行。"
                citations.append(self._citation(doc_id, min(full.context_start, score.context_start),
                                                max(full.context_end, score.context_end)))
                total = stated
            elif lost:
                text = f"{self._names(doc)}读到的指标共扣 {total:g} 分（报告未列总分，据各行分值与得分之差相加）：{said}。"
            else:
                return None
            # that no other row lost a point is read off the whole table: it is cited too
            citations.append(self._citation(doc_id, min(r.start for r in rows), max(r.end for r in rows)))
        facts = [{"label": f"{r.name} › 分值 − 得分", "value": r.lost, "unit": "分"} for r in lost]
        if len(lost) > 1:
            facts.append({"formula": " + ".join(f"{r.lost:g}" for r in lost) + f" = {sum(r.lost for r in lost):g}",
                          "value": total, "unit": "分", "computed": True})
        return Answer("", text, True, unique(citations), facts, "computed")

    def answer_unmet(self, q: Question, doc_ids: list[str]) -> Answer | None:
        """"哪些指标没完成", "指标都达到了吗": of one 自评表, each indicator's 实际完成值 against its 年度指标值
        (assistant/targets.py), the rows that fell short named with both and the 偏差原因 their row gives; a
        target in words is said to be beyond comparing, not judged. The rows compared are cited."""
        if len(doc_ids) != 1 or not cues()["unmet_asked"].search(q.folded) or not re.search(r"指标|目标", q.folded):
            return None
        doc_id = doc_ids[0]
        doc = self.index.documents[doc_id]
        rows = self._targets(doc_id)
        if len(rows) < 2:
            return None
        missed = [(name, v, reason) for name, v, reason, _ in rows if v.met is False]
        unknown = [name for name, v, _, _ in rows if v.met is None]
        said = "；".join(f"{name}（年度指标值 {v.target}，实际完成值 {v.actual}"
                        + (f"，偏差原因：{doc.text[slice(*reason)]}" if reason else "") + "）" for name, v, reason in missed)
        compared = len(rows) - len(unknown)
        if missed:
            text = f"{self._names(doc)}实际完成值未达到年度指标值的指标有 {len(missed)} 项：{said}。"
            text += f"其余 {compared - len(missed)} 项达到。" if compared > len(missed) else ""
        else:
            text = f"{self._names(doc)}按表中数字比较，{compared} 项指标的实际完成值均达到年度指标值。"
        if unknown:
            text += f"另有 {len(unknown)} 项的指标值为文字或单位不一（{'、'.join(unknown)}），未作比较。"
        citations = [self._citation(doc_id, start, end) for *_, (start, end) in rows]
        facts = [{"label": f"{name} › 年度指标值 / 实际完成值", "target": v.target, "actual": v.actual, "met": v.met}
                 for name, v, _, _ in rows]
        return Answer("", text, True, unique(citations), facts, "table")

    def _targets(self, doc_id: str) -> list[tuple[str, Verdict, tuple[int, int] | None, tuple[int, int]]]:
        """A 自评表's indicator rows, each (name, verdict, its 偏差原因 span, its row span): the 年度指标值 and
        实际完成值 cells read where the tables put those columns, else from the flattened text's rows."""
        doc = self.index.documents[doc_id]
        facts = [f for f in self.index.facts.get(doc_id, []) if f.source == "table"]
        at = {}  # column → its cell's place in a row, from a cell read under it
        header = len(doc.text)  # the indicator rows' header: the funds rows above it have other columns
        for f in facts:
            heading = f.column.split(" › ")[-1]
            if fold(heading) in ("年度指标值", "实际完成值"):  # 年度指標值 as a traditional-character table heads it
                at.setdefault(fold(heading), doc.text[f.context_start : f.start].count("|"))
                header = min(header, max(0, doc.text.rfind(heading, 0, f.context_start)))
        out = []
        if len(at) == 2:
            for r in [r for r in scored_rows(doc.text, facts, [], []) if r.start > header]:
                cells = doc.text[r.start : r.end].split("|")
                if max(at.values()) < len(cells):
                    cost = any("成本" in level for level in r.levels) or "成本" in r.name
                    verdict = compare(cells[at["年度指标值"]].strip(), cells[at["实际完成值"]].strip(), cost)
                    out.append((r.name, verdict, r.reason, (r.start, r.end)))
        if len(out) >= 2:
            return out
        return [(r.label, compare(r.target, r.actual, "成本" in r.label), None, (r.start, r.end))
                for r in self._indicators(doc_id)]

    def _total_row(self, doc_id: str) -> dict[str, Fact]:
        """A 自评表's 总分 row, by column (分值, 得分)."""
        return {f.column: f for f in self.index.facts.get(doc_id, []) if f.kind == "score" and f.label == "总分"}

    def answer_grade(self, q: Question, doc_ids: list[str]) -> Answer | None:
        """"评的什么等级" of a 自评表: the template writes the grade in the 总分 row, after its 分值 and 得分
        ("| 总分 | 100 | 96 | 优 |"); the cell after the score is the grade when it is written as one."""
        if len(doc_ids) != 1 or not cues()["grade_asked"].search(q.folded):
            return None
        doc = self.index.documents[doc_ids[0]]
        totals = self._total_row(doc.doc_id)
        if "得分" not in totals:
            return None
        score = totals["得分"]
        cell = grade_after(doc.text, score.end, score.context_end)
        if cell is None:
            return None
        grade = doc.text[slice(*cell)]
        full = f"总分 {totals['分值'].value:g}，" if "分值" in totals else ""
        return Answer("", f"{self._names(doc)}自评等级：{grade}（{full}得分 {score.value:g}）。", True,
                      [self._citation(doc.doc_id, score.context_start, score.context_end)], [], "table")

    def _wanted_period(self, q: Question, doc_id: str) -> str | None:
        """The period a figure is asked for: the one the question names, else the report's own (决算 of a 决算)."""
        own = period_of(self.index.documents[doc_id].kind)
        return asked_period_of(q.folded) or (own if own != "本年" else None)

    def answer_table_rows(self, q: Question, doc_ids: list[str]) -> Answer | None:
        """"有哪些项目": the rows of the report's table named for what is asked (项目支出表), each with its total,
        the table cited; when one report is asked and one such table lists two or more rows."""
        m = _ROWS_ASKED.search(q.folded)
        if len(doc_ids) != 1 or m is None:
            return None
        noun = m.group(1) or m.group(2)
        facts = [f for f in self.index.facts.get(doc_ids[0], []) if f.source == "table" and fold(f.table).startswith(noun)
                 and f.kind == "amount"]  # rows listed with their money (not a 绩效目标表's indicators)
        sizes = Counter(f.table for f in {(f.table, row_name(f.label)): f for f in facts}.values())
        ranked = sizes.most_common(2)  # the table listing most rows (项目支出表, not a 项目绩效目标表 of one project)
        if not ranked or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            return None
        table = ranked[0][0]
        facts = [f for f in facts if f.table == table]
        rows: dict[str, Fact] = {}  # each row's first cell, or its 合计 column's when it has one
        for f in facts:
            name = row_name(f.label)
            if name not in TOTAL_ROWS and (name not in rows or f.column.rsplit(" › ", 1)[-1] in TOTAL_ROWS):
                rows[name] = f
        if len(rows) < 2:
            return None
        doc = self.index.documents[doc_ids[0]]
        listed = "、".join(f"{name}（{f.as_written()}）" for name, f in rows.items())
        start, end = min(f.context_start for f in facts), max(f.context_end for f in facts)
        text = f"{self._names(doc)}《{table}》列出{len(rows)}个{noun}：{listed}。"
        return Answer("", text, True, [self._citation(doc.doc_id, start, end)], [], "table")

    def answer_extreme_row(self, question: str, doc_id: str) -> Answer | None:
        """The largest (smallest) line of a table the question asks of (row_extremes.py), with the runner-up."""
        if not EXTREME_ASKED.search(fold(question)):
            return None
        doc = self.index.documents[doc_id]
        found = extreme_row(question, self.index.facts.get(doc_id, []))
        if found is None:  # a text layer's lines that left cells empty: their totals
            found = extreme_row(question, [f for t in read_spaced_tables(doc, totals=True) for f in table_facts(doc, t)])
        if found is None:
            return None
        most = "最少" if found.lowest else "最多"
        top, second = found.top, found.runner_up
        column = found.column.replace(" › ", "—")
        text = (f"{self._names(doc)}《{found.table}》的 {found.lines} 个{'项目' if '项目' in found.table else '类'}中，"
                f"{found.quantity}{most}的是 {row_name(top.label)}（{column}）：{top.as_written()}"
                + (f"；其次是 {row_name(second.label)}：{second.as_written()}" if second else "") + "。")
        citations = [self._citation(doc_id, top.context_start, top.context_end)]
        if second:
            citations.append(self._citation(doc_id, second.context_start, second.context_end))
        facts = [{"label": f.path(), "value": f.value, "unit": f.unit, "raw": f.raw} for f in (top, second) if f]
        return Answer(question, text, True, citations, facts, "table")

    def answer_items(self, q: Question, doc_ids: list[str]) -> Answer | None:
        """Several things asked of one report at once ("本年收入合计和本年支出合计分别是多少"): each the figure
        the report states under its own words (stated_figure), each cited; all of them or no answer."""
        if len(doc_ids) != 1 or len(q.items) < 2 or not q.wants_number or q.asks_change or q.computes:
            return None
        last = [c for c in re.split(r"[，,；;？?。]", q.folded) if ASKING.search(c)][-1]
        if len(ASKING.findall(last)) != q.asks or q.asks not in (1, len(q.items)) \
                or (SUM.search(q.folded) and not _EACH_ASKED.search(q.folded)):
            return None  # other clauses ask more ("总额多少？基本支出、项目支出各多少"), or their sum is asked
        first_at = q.folded.find(q.items[0])
        joiner = q.folded[first_at + len(q.items[0]) : first_at + len(q.items[0]) + 1] if first_at >= 0 else ""
        labels = [fold(f.label) for f in self.index.facts.get(doc_ids[0], [])]
        if joiner and any(q.items[0] + joiner in label for label in labels):
            return None  # one line's name that holds a 与 or 及 (文化旅游体育与传媒支出), not two things
        lines, citations, starts = [], [], set()
        subject = without_period(q.items[0])
        for item in q.items:
            named = item
            if subject != q.items[0] and len(subject) >= 2 and not without_period(item).strip("的数额"):
                # "三公经费预算多少、实际花了多少": the second is 三公经费's 决算
                item, named = subject + (asked_period_of(item) or item), subject + item
            asked = replace(understand(item, q.names), asks_change=False, previous_year=q.previous_year, items=[])
            stated = self.stated_figure(asked, doc_ids[0])
            if stated is None:
                return None
            lines.append(f"{named}：{stated[0].raw}")
            citations.append(stated[1])
            starts.add(stated[0].start)
        if len(starts) == 1:
            return None  # one figure for every "item": one thing split at its 与 (文化旅游体育与传媒支出)
        doc = self.index.documents[doc_ids[0]]
        return Answer("", f"{self._names(doc)}" + "；".join(lines) + "。", True, unique(citations), [], "table")

    def _stated_alone(self, q: Question, doc_id: str) -> Candidate | None:
        """A report's stated figure for what is asked (stated_figure) as an answer of its own, sure."""
        stated = self.stated_figure(q, doc_id)
        if stated is None:
            return None
        figure, citation = stated
        answer = Answer("", f"{figure.name} {figure.raw}", True, [citation], [], "number")
        return Candidate(answer, "fact", answer.answer, rule_first=True, score=1.0)

    def _states_asked_year(self, q: Question, fact: Fact) -> bool:
        """The fact's sentence, or its section's headings, name a year the question asks about: a 2023
        budget report's "2022年全年完成…" is 2022's figure, whatever the report's own year."""
        years = [str(y) for y in question_years(q.folded)]  # "22年" too
        doc = self.index.documents[fact.doc_id]
        said = doc.folded[fact.context_start : fact.end] + fold(self._section_of(fact.doc_id, fact.start))
        return bool(years) and any(y in said for y in years)

    def _section_of(self, doc_id: str, at: int) -> str:
        return next((c.section for c in self._chunks_of(doc_id) if c.start <= at < c.end), "")

    def _stated_only(self, q: Question, doc: Document) -> tuple[Operand, Citation, float] | None:
        """stated_figure as a compared figure: sure."""
        stated = self.stated_figure(q, doc.doc_id)
        return (*stated, 1.0) if stated is not None else None

    def _grid_cell(self, q: Question, doc: Document) -> tuple[Operand, Citation, float] | None:
        """A project's 自评表 funds grid cell for the one column a comparison names ("执行率哪个更高",
        "全年预算数谁多"): the template states each once, in its 年度资金总额 row, so it is sure. Only for
        a report that is a project's table with one funds grid: a department's report that carries a
        project's grid does not state its own figure there."""
        named = named_columns(q.text)
        if len(named) != 1 or not _PROJECT_TABLE.search(doc.kind or doc.title):
            return None
        rows = self._grids(doc.doc_id)
        column = next(iter(named))
        raw = rows[0].values.get(column, "") if len(rows) == 1 else ""
        value = number_or_none(raw)
        if value is None:
            return None
        unit = "%" if column == "执行率" else ("分" if column in ("分值", "得分") else rows[0].unit)
        written = raw if raw.strip().endswith("%") else f"{raw}{unit}"
        figure = Operand(column, value, unit, written, doc.doc_id, rows[0].start, rows[0].end)
        return figure, self._citation(doc.doc_id, rows[0].start, rows[0].end), 1.0

    def _compared_figure(self, q: Question, doc: Document) -> tuple[Operand, Citation, float] | None:
        """One report's figure for a comparison across reports, where it is quoted, and how sure it is:
        stated under the asked words (stated_figure, sure); else read after them in the report's best
        candidate, which must be given on its own (it is as sure as the ranker says)."""
        if self.asks_project_score(q, doc):  # "谁的自评得分最高": each project's 总分, not a funds row's 得分
            score = self.project_score(q, [doc.doc_id])
            if score is None:
                return None
            fact = score.facts[0]
            citation = score.citations[0]
            return Operand(q.content, fact["value"], "分", f"{fact['raw']}分", doc.doc_id, citation.start, citation.end), citation, 1.0
        stated = self._stated_only(q, doc) or self._grid_cell(q, doc)
        if stated is not None:
            return stated
        best = self._given_alone(q, [doc.doc_id])
        if best is None or not best.answer.citations:
            return None
        quote = best.answer.citations[0]
        head = q.content.split()[-1]  # the head of what is compared ("本年支出", "三公 经费预算" → 经费预算)
        cells = [f for f in best.answer.facts if isinstance(f.get("value"), str)
                 and head in fold(str(f.get("label", ""))).split(" › ")[-1]]
        if cells and number_or_none(cells[0]["value"]) is not None:  # a 自评表 grid cell as written: "97.80%"
            raw = cells[0]["value"]
            unit = "%" if raw.strip().endswith("%") else cells[0].get("unit", "")
            figure = Operand(q.content, number_or_none(raw), unit, raw, doc.doc_id, quote.start, quote.end)
        elif best.answer.facts and best.answer.facts[0].get("unit") == "万元":
            fact = best.answer.facts[0]
            if head not in fold(fact.get("label", "")):
                return None  # a cell of another line: not the figure compared
            written = _as_written(fact["raw"], fact["value"])
            figure = Operand(q.content, fact["value"], "万元", written, doc.doc_id, quote.start, quote.end)
        else:  # read in the candidate's own words (a pair of sentences: either), a rate for a rate asked
            found = [(f, c) for c in best.answer.citations[:2] if c.doc_id == doc.doc_id
                     and (f := self._figure_written_after(head, doc, c, q.wants_percent)) is not None]
            figure, quote = found[0] if found else (None, quote)
        return (figure, quote, best.score) if figure is not None else None

    @staticmethod
    def _figure_written_after(head: str, doc: Document, quote: Citation, percent: bool) -> Operand | None:
        """The figure written after the words asked in a quote; a short form not written there is read under
        the full forms the genre writes it in (增幅 as 增长 or 下降, data/abbreviations.tsv), the earliest
        first, and a fall ("同比下降0.29%") is a negative change, its words quoted with it."""
        figure = figure_after(head, doc, quote.start, quote.end, percent=percent)
        if figure is not None:
            return figure
        text = doc.folded[quote.start : quote.end]
        fulls = [full for short, written in abbreviations() if short == head for full in written if full in text]
        for full in sorted(fulls, key=text.index):
            figure = figure_after(full, doc, quote.start, quote.end, percent=percent)
            if figure is not None and _FELL.search(full):
                at = quote.start + text.rindex(full, 0, figure.start - quote.start)  # the fall word read before it
                return replace(figure, value=-figure.value, raw=doc.text[at : figure.end], start=at)
            if figure is not None:
                return figure
        return None

    def verdict_across(self, q: Question, groups: list[list[str]]) -> list[Candidate]:
        """Which of the reports named states the larger (the largest and smallest) figure, and by how much:
        each report's figure for what is asked (_compared_figure), compared in one unit with the formula
        shown. Amounts compare in 万元; rates, scores and counts only with their own unit."""
        asked = _compared_words(q)
        if not asked:
            return []
        # "谁最多", "多多少", "增幅哪个高" (a rate named), "哪家编制多" compare figures; "谁更规范" does not
        figures_asked = q.wants_number or q.wants_percent or bool(SUPERLATIVE.search(q.folded) or _MORE_OR_LESS.search(q.folded))
        q = replace(q, content=asked, wants_number=True, figure_only=True)
        parts: list[tuple[Document, Operand, Citation, float]] = []
        for group in groups:
            if len(group) != 1:
                return []
            doc = self.index.documents[group[0]]
            found = self._compared_figure(q, doc) if figures_asked else self._stated_only(q, doc)
            if found is None:
                return []
            parts.append((doc, *found))
        units = {TO_WAN_UNITS.get(p[1].unit) and "万元" or SAME_UNIT.get(p[1].unit, p[1].unit) for p in parts}
        if len(units) != 1 or not all(p[1].unit for p in parts):
            return []  # an amount beside a rate, or a figure with no unit: nothing to compare
        unit = units.pop()
        values = [p[1].value * TO_WAN_UNITS.get(p[1].unit, 1.0) for p in parts]
        order = sorted(range(len(parts)), key=lambda i: -values[i])
        top, low = order[0], order[-1]
        more, less = ("高", "低") if unit in ("%", "分") else ("多", "少")

        def shown(value: float) -> str:
            return format_value(value, unit) if unit in ("万元", "%") else f"{value:g}{unit}"

        low_shown = shown(values[low]) if values[low] >= 0 else f"（{shown(values[low])}）"  # 3% − （-5%）
        gap = f"{shown(round(values[top] - values[low], 2))}（计算：{shown(values[top])} − {low_shown}）"
        if unit == "%":
            gap = gap.replace("%（", " 个百分点（", 1)
        lines = [f"{self._names(doc)}：{figure.raw}" for doc, figure, _, _ in parts]
        if values[top] == values[low]:
            verdict = "两者相同" if len(parts) == 2 else "各家相同"
        elif len(parts) == 2 and _ASKS_LOWER.search(q.folded):  # "哪个执行率低": the lower one named
            verdict = f"{self._names(parts[low][0])}{less}，{less} {gap}"
        elif len(parts) == 2:
            verdict = f"{self._names(parts[top][0])}{more}，{more} {gap}"
        elif values[order[0]] == values[order[1]] or values[order[-1]] == values[order[-2]]:
            return []  # a tie at the top or the bottom: no one body to name
        else:
            verdict = (f"{self._names(parts[top][0])}最{more}，{self._names(parts[low][0])}最{less}，"
                       f"最{more}比最{less}{more} {gap}")
        citations = unique([citation for _, _, citation, _ in parts])
        answer = Answer("", "；".join(lines) + "。" + verdict + "。", True, citations, [], "comparison")
        return [_comparison(answer, [p[3] for p in parts])]

    def bound_across(self, q: Question, groups: list[list[str]], bound: Bound) -> list[Candidate]:
        """Which of the reports named meet a bound ("哪些收支总计超过1000万元", "哪些执行率达到100%"):
        each report's figure for what is asked (_compared_figure), held to the bound in one unit.
        `q` is the question without its bound."""
        asked = _compared_words(q)
        if not asked:
            return []
        q = replace(q, content=asked, wants_number=True, figure_only=True, wants_percent=bound.unit == "%")
        lines, met, citations, sure = [], [], [], []
        for group in groups:
            if len(group) != 1:
                return []
            doc = self.index.documents[group[0]]
            found = self._compared_figure(q, doc)
            if found is None:
                return []
            figure, citation, score = found
            holds = bound.holds(figure)
            if holds is None:
                return []  # an amount held to a rate: not the figure the bound is about
            name = self._names(doc)
            lines.append(f"{name}：{figure.raw}")
            met += [name] if holds else []
            citations.append(citation)
            sure.append(score)
        tail = f"{bound.written}的是：{'、'.join(met)}" if met else f"没有一家{bound.written}"
        answer = Answer("", "；".join(lines) + "。" + tail + "。", True, unique(citations), [], "comparison")
        return [_comparison(answer, sure)]

    def checks_across(self, q: Question, groups: list[list[str]]) -> list[Candidate]:
        """Whose stated growth rate is wrong, of several reports: in each, the rate statement
        about what is asked (the one whose sentence covers most of the question's words,
        alone), worked out again from its own amounts (check.py rate_checks)."""
        want = bigrams(cues()["checks"].sub(" ", q.content))
        lines, wrong, citations = [], [], []
        for group in groups:
            scored = []
            for doc_id in group:
                for c in rate_checks(self.index.documents[doc_id], self.index.facts.get(doc_id, [])):
                    start, end = self._sentence_around(doc_id, min(c.start, c.amount_at if c.amount_at >= 0 else c.start), c.end)
                    scored.append((coverage(want, fold(self.index.documents[doc_id].text[start:end])), doc_id, c, start, end))
            scored.sort(key=lambda x: -x[0])
            if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]
                                                   and scored[1][2].right != scored[0][2].right):
                return []  # not stated, or two statements that disagree fit the question alike
            _, doc_id, c, start, end = scored[0]
            name = self._names(self.index.documents[doc_id])
            verdict = "算对了" if c.right else f"算错了（{c.why}）"
            lines.append(f"{name}：报告写 {c.stated}；{c.formula}，{verdict}")
            if not c.right:
                wrong.append(name)
            citations.append(self._citation(doc_id, start, end))
        tail = f"算错的是：{'、'.join(wrong)}。" if wrong else "各家都算对了。"
        answer = Answer(q.text, "；".join(lines) + "。" + tail, True, unique(citations), [], "comparison")
        candidate = Candidate(answer, "comparison", answer.answer)
        candidate.features = {"parts_min": 1.0}
        candidate.score, candidate.rule_first = 1.0, True  # worked out from the reports' own figures, each cited
        return [candidate]

    def clause_parts(self, question: str, clauses: list[Clause], route: Route, doc_ids: list[str], unnamed: bool
                     ) -> tuple[Candidate | None, Answer | None]:
        """A question of several clauses ("收支总计多少？比上年涨了多少？"): each clause
        answered on its own, combined into one answer that cites each; it scores as its
        clauses together (`_joined`). When a clause finds no answer, the question is refused, saying
        which clause was not found and what was found for the others."""
        chosen: list[Candidate] = []
        missing: list[str] = []
        for clause in clauses:
            best = self._clause_answer(clause, route, doc_ids, unnamed)
            own = bigrams(question_content(clause.written, []))  # "实有" of "实有几个人？"; none in "都是哪些？"
            if clause.alone and own and best is not None and any(best.text in c.text for c in chosen) and coverage(own, fold(best.text)) < 1:
                # "实有几个人？" after "编制几个？": not the 编制 again, but what it asks on its own
                best = self._clause_answer(replace(clause, question=clause.alone), route, doc_ids, unnamed) or best
            if best is None:
                missing.append(clause.written)
            elif all(best.text not in c.text for c in chosen):  # said already by an earlier part
                chosen = [c for c in chosen if c.text not in best.text] + [best]  # or it says an earlier part whole
        if not chosen:
            return None, None
        texts: list[str] = []
        for c in chosen:
            text = c.answer.answer
            lead = re.match(r"据《[^》]*》：", text)
            if lead and texts and texts[0].startswith(lead.group(0)):
                text = text[lead.end():]  # the same report named once
            texts.append(text.rstrip("。；;，,"))
        citations = self._citations_of(chosen)
        if missing:
            asked = "”“".join(m.rstrip("？?") for m in missing)
            text = f"报告中未找到“{asked}”的答案，因此不作整体回答。问题其余部分找到的是：{'；'.join(texts)}。"
            return None, Answer(question, text, False, [replace(c, note=PART_NOTE) for c in citations], [], "refusal")
        answer = Answer("", "；".join(texts) + "。", True, citations, [f for c in chosen for f in c.answer.facts], "parts")
        return self._joined(answer, "parts", chosen), None

    def _answers_each(self, whole: Candidate, clauses: list[Clause]) -> bool:
        """One passage that answers the whole question clause by clause ("部门预算总金额 803.74 万元其中:
        基本支出 757.49 万元,项目支出 46.25 万元" for "预算总额多少？基本支出、项目支出各多少？"):
        it speaks of what each clause asks, with a figure where a clause asks for one."""
        text = fold(whole.text)
        for clause in clauses:
            own = bigrams(question_content(clause.written, self.entity_names_for(clause.written)))
            if not own or coverage(own, text) < MIN_COVERAGE:
                return False
            if QUANTITY_QUESTION.search(fold(clause.written)) and not has_number(text):
                return False
        return True

    def _clause_answer(self, clause: Clause, route: Route, doc_ids: list[str], unnamed: bool) -> Candidate | None:
        """A clause's best candidate when it would be given on its own, else None."""
        q = self.understand(clause.question, route, doc_ids)
        q.previous_year = asks_year_before(q.folded, route, {self.index.documents[d].year for d in doc_ids})
        best = self._given_alone(q, doc_ids, unnamed)
        if best is None:
            return None
        written = question_content(clause.written, self.entity_names_for(clause.written))
        if q.asks_change:  # "比2023年多多少？": its 多 asks the change, which the answer states as 增加 or 减少
            written = " ".join(run for run in written.split() if not _CHANGE_RUN.fullmatch(run))
        own = bigrams(written)
        said = fold(best.text + "".join(c.quote for c in best.answer.citations[:2]))  # a formula's rows say it
        if best.source == "computed" and " ÷ " in best.answer.answer or _STATED_SHARE.search(said):
            said += " 占比 比重 比例"  # a share worked out, or stated ("占3.54%"), is the 占比 asked
        if own and not coverage(own, said) or not fits_value_kind(fold(clause.written), best.text):
            return None  # found by the subject put before it, but silent on what the clause asks
        return best

    def _given_alone(self, q: Question, doc_ids: list[str], unnamed: bool = False) -> Candidate | None:
        """The best candidate from these reports when the ranker would give it as an answer
        on its own: every part of a combined answer must be."""
        found = _past_near_misses(self.candidates(q, doc_ids, unnamed=unnamed)[0])  # as `choose` gives them
        return found[0] if found and self.ranker and self.ranker.accepts(found[0]) else None

    @staticmethod
    def _not_sure_together(question: str, joined: Candidate, reports: int) -> Answer:
        """Each report's answer was found, but not all of them surely enough together to give
        them as one: shown as what was found, each report's first citation, not as the answer."""
        text = ("每份报告都找到了相应内容，但合在一起的把握不足，因此不作为答案给出。各报告中找到的是："
                + joined.answer.answer)
        cited = [replace(c, note=PART_NOTE) for c in joined.answer.citations[:reports]]
        return Answer(question, text, False, cited, [], "refusal")

    @staticmethod
    def _found_unchosen(question: str, joined: Candidate, reports: int) -> Answer:
        """Each report's answer was found, but the question asks which of them, and side by side
        they choose none: shown as what was found, each report's first citation, for the reader to judge."""
        text = "问题问的是其中哪一个，各报告找到的内容本身并未作出比较，因此不作为答案给出。各报告中找到的是：" + joined.answer.answer
        cited = [replace(c, note=PART_NOTE) for c in joined.answer.citations[:reports]]
        return Answer(question, text, False, cited, [], "refusal")

    @staticmethod
    def _joined(answer: Answer, source: str, parts: list[Candidate]) -> Candidate:
        """One answer made of several candidates' answers. It scores as the chance that every
        part is right, the parts' scores multiplied (each is about one report or clause, found
        on its own), so four parts each 0.7 sure make one answer 0.24 sure."""
        weakest = min(c.score for c in parts)
        combined = Candidate(answer, source, "".join(c.text for c in parts))
        combined.features = {"parts_min": weakest}
        combined.score = math.prod(c.score for c in parts)
        return combined

    @staticmethod
    def _citations_of(parts: list[Candidate]) -> list[Citation]:
        """The parts' citations, each part's first before the others, each span once."""
        return unique([c.answer.citations[0] for c in parts if c.answer.citations]
                      + [x for c in parts for x in c.answer.citations[1:]])

    def choose(self, q: Question, candidates: list[Candidate], fallback: Answer | None,
               passages: list[Passage]) -> Answer:
        """The best candidate when it clears the threshold; else a refusal."""
        given = _past_near_misses(candidates) if self.ranker else candidates
        if given and self.ranker and self.ranker.accepts(given[0]):
            best = _read_cell_within(given[0], given[1:], self.ranker)
            best.answer.question = q.text
            best.answer.confidence = round(best.score, 3)
            if best.answer.kind == "passage" and q.figure_only and best.answer.citations:
                best.answer.answer = self._figure_first(q, best.answer)
            return best.answer
        if fallback is not None:
            return fallback
        what = f"“{q.content or q.text}”的相关内容"
        return self.refusal(q.text, what, passages)

    def _figure_first(self, q: Question, answer: Answer) -> str:
        """A quoted sentence that answers a figure question, led by the figure written right after the
        words asked ("基本支出：757.49 万元。据《…》：…基本支出 757.49 万元…"), as a finance reader wants it;
        the sentence alone when the words asked are not followed by one figure."""
        runs = q.content.split()
        quote = answer.citations[0]
        if not runs or len(runs[-1]) < 3 or len(q.items) > 1 or q.asks > 1 or not quote.doc_id \
                or quote.doc_id not in self.index.documents:
            return answer.answer  # several things asked, or words too general ("资金") to name one figure
        doc = self.index.documents[quote.doc_id]
        if runs[-1] not in doc.folded[quote.start : quote.end]:
            return answer.answer  # the words asked are not written whole: which figure is theirs is not sure
        figure = figure_after(runs[-1], doc, quote.start, quote.end)
        if figure is None or not figure.names_it() or (figure.unit == "%") != q.wants_percent or answer.answer.startswith(figure.raw):
            return answer.answer  # (a figure after a piece of the words: "财政" of 财政事务中心 in "南县财政局…单位有3个")
        return f"{runs[-1]}：{figure.raw}。{answer.answer}"

    def sentence_candidates(self, q: Question, passages: list[Passage], keep: int = 6) -> list[Candidate]:
        """The sentences (and table rows) of the retrieved passages that best cover
        the question, alone and with the sentence after them."""
        scored: list[tuple[float, Sentence, Passage, list[Sentence], bool]] = []
        contents_asked = bool(re.search(r"第几页|哪一页|页码|在哪页|目录|标题|哪一节|哪一部分|章节", q.folded))
        for rank, p in enumerate(passages):
            sentences = split_sentences(p.chunk, rank)
            for i, s in enumerate(sentences):
                if not contents_asked and _TOC_ENTRY.fullmatch(s.text.strip()):
                    continue  # "(三)绩效评价工作过程 8": a table of contents names a section and its page, and says nothing
                heading = not contents_asked and _names_only(s.text)
                if heading and (i + 1 >= len(sentences) or _names_only(sentences[i + 1].text)):
                    continue  # "二、机构设置", "2023年": a heading or a year alone names what follows, and says nothing
                match = match_score(as_written_in(q.content, fold(s.text)), s.text)  # 执行率 as 完成年初预算 where so written
                pre = match + 0.03 / (rank + 1)
                if q.wants_number and has_number(s.text):
                    pre += 0.1
                unit = bool(q.unit and q.unit.search(fold(s.text)))
                if unit:
                    pre += 0.25
                threshold = MIN_COVERAGE if q.wants_number else MIN_TEXT_COVERAGE
                accepts = ((match >= threshold or (unit and match >= 0.3)) and (has_number(s.text) or not q.wants_number)
                           and fits_value_kind(q.text, s.text))
                scored.append((pre, s, p, sentences[i + 1 : i + 2], accepts, heading))
        scored.sort(key=lambda x: -x[0])
        out, seen = [], set()
        for pre, s, p, after, accepts, heading in scored:
            if (s.doc_id, s.start) in seen:
                continue
            seen.add((s.doc_id, s.start))
            if heading:  # "3.加强培训和指导。" says nothing alone; with the sentence under it, what was done
                out.append(replace(self._sentence_candidate([s, after[0]], p, False, passages), under_heading=True))
                continue
            doc = self.index.documents[s.doc_id]
            truncated = s.end >= len(doc.text.rstrip()) and s.text[-1] not in SENTENCE_END
            single = self._sentence_candidate([s], p, truncated, passages)
            single.rule_accepts = accepts and not (truncated and q.wants_number and len(s.text) < 80)
            single.rule_score = pre
            out.append(single)
            if after and len(out) < 3 * keep:
                out.append(self._sentence_candidate([s, after[0]], p, False, passages))
            if len(seen) >= keep:
                break
        return out

    def _sentence_candidate(self, chosen: list[Sentence], p: Passage, truncated: bool, passages: list[Passage]) -> Candidate:
        first = chosen[0]
        doc = self.index.documents[first.doc_id]
        citations = [self._citation(s.doc_id, s.start, s.end, s.chunk.section) for s in chosen]
        for other in passages[:4]:  # the passages around it, for context
            if len(citations) >= 4:
                break
            if other.chunk.doc_id == first.doc_id and len(other.chunk.text) > sum(len(s.text) for s in chosen):
                citations.append(self._citation(other.chunk.doc_id, other.chunk.start, other.chunk.end, other.chunk.section))
        # sentences on lines of their own (a table's rows as text) are quoted a space apart: "38.60" ending one
        # row and "30102" opening the next are two figures, not "38.6030102"
        quoted = "".join(s.text if n == 0 or "\n" not in doc.text[chosen[n - 1].end : s.start] else f" {s.text}"
                         for n, s in enumerate(chosen))
        answer = Answer("", f"据《{doc.title}》：{quoted}", True, unique(citations), [], "passage")
        return Candidate(answer, "sentence" if len(chosen) == 1 else "sentences", quoted, passage_rank=first.rank,
                         dense_rank=p.dense_rank, bm25_rank=p.bm25_rank, truncated=truncated)

    def has_intent(self, question: str) -> bool:
        q = fold(question)
        return bool(metric_in_question(q) or any(qp.search(q) for _, qp, _ in SECTION_INTENTS)
                    or len(question_content(q, self.entity_names_for(q))) >= 2)

    def entity_names_for(self, *questions: str) -> list[str]:
        """The names of bodies and places these questions write, longest first."""
        names = set()
        for q in questions:
            names.update(m.text for m in self.router._mentions(fold(q)))
        return sorted(names, key=len, reverse=True)
