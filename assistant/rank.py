"""One ranking stage: every candidate answer, whatever produced it, is scored
by one fitted model over general features, and the best is given only when its
score clears a threshold chosen for a low wrong-answer rate.

The model is a logistic regression fitted by `python -m eval.fit_ranker` on the
development split (labels: whether the candidate, judged as an answer, is
correct) and stored as a small JSON file whose weights can be read directly.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from index.facts import joined_items
from index.terms import _jieba
from index.headings import SPACED_HEADINGS
from index.identify import is_boilerplate
from index.names import org_suffixes, read_data_lines
from index.normalize import fold
from index.terms import terms

from .question import Question, abbreviations, cues
from .records import Answer
from .route import question_years
from .row_extremes import ASKED as EXTREME_ASKED
from .sentences import DATE_IN_TEXT, NONE_STATED, WHEN_QUESTION, bigrams, coverage, has_number, match_score

MODEL = Path(__file__).parent / "data" / "ranker.json"
SOURCES = ("metric", "computed", "count", "section", "comparison", "sentence", "sentences", "grid", "fact")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_CHANGE_FIGURE = re.compile(r"(增加|减少|增长|下降|上升|降低|增幅|降幅|多|少)了?(约|为)?\s*\d")
_NO_CHANGE = re.compile(r"(?:与|和|较|同)上年(?:度)?(?:相比)?(?:基本)?(?:持平|一致|相同|不变)")  # a change of 0, said in words
_YEAR = re.compile(r"(19|20)\d\d\s*年度?")
_PERCENT = re.compile(r"\d\s*%|百分之")
_NOT_WHAT = re.compile(r"(?<![是并])非([\u4e00-\u9fff]{2})")  # "非本级": what is not 本级 (not 是非, 并非)
_TOTAL_ASKED = re.compile(r"总共|一共|合计|共计|加起来|总额|总计|总数")
_AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(?:亿元|万元|元|億元|萬元)")
_TOTAL_BEFORE = re.compile(r"(合计|总计|共计|总额|总数|总金额|总|共)[^\d。；;]{0,10}$")
# digits that are no figure a "多少" question asks for: years, dates, phone and document numbers
_NOT_FIGURES = re.compile(r"(19|20)\d\d\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|\d{1,2}:\d{2}(:\d{2})?|(19|20)\d\d\s*年度?|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\s*月|(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)0\d{2,3}-\d{7,8}|[〔\[(（]\s*(19|20)\d\d\s*[〕\])）]\s*\d+\s*号|(?:^|(?<=[。；;:：\s]))\d{1,2}\s*[.、．](?!\d)|[（(]\s*\d{1,2}\s*[)）]|附?表\s*\d{1,2}(?!\d)"
                          # an account or code: letters before digits (yn2553), a long code (…4594R), a number after a contact word (QQ号:800061629)
                          r"|[A-Za-z]+\d[\dA-Za-z]*|\d{6,}[A-Za-z][\dA-Za-z]*|(?:QQ|微信|公众号|电话|手机|传真|邮编|邮箱|号码)[^\d。；;]{0,6}[\d-]+")
_SPACED_HEADER = re.compile(rf"^{SPACED_HEADINGS}\s+\d")  # a text layer's header, then the row under it
_FIGURE_CELL = re.compile(r"[-−]?\d[\d,]*(?:\.\d+)?\s*(?:%|万元|元|亿元|分|人|个)?")  # a table cell that is a figure
_FILE_NAME = re.compile(r"[^\n|。]{1,120}\.(?:pdf|docx?|xlsx?|wps|ofd|zip|rar)", re.IGNORECASE)  # an attachment's link text
# a table's title line alone ("公开08表 政府性基金预算财政拨款收入支出决算表", "项目支出表"): it names a table, says nothing
_TABLE_NUMBER = r"(?:公开\d+表|附?表\s*[\d一二三四五六七八九十]+\s*[:：.、]?)"
_TABLE_TITLE = re.compile(_TABLE_NUMBER + r"?[^\d。；;，,|：:]{2,40}表(?:[（(]续[)）])?" + _TABLE_NUMBER + "?")
_CHANGE_WORD = re.compile(r"增|减|涨|跌|升|降|持平|不变|变化|变动|多|少|高|低")  # what a change on a year before is written with
DATA = Path(__file__).parent / "data"  # opposites.tsv, named_quantities.txt
QUOTES = re.compile(r"[“”\"‘’'「」]")  # “三公”经费 is what 三公经费 asks
_ENUMERATOR = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分|表[一二三四五六七八九十]+")


@dataclass
class Candidate:
    """A possible answer, where it came from, and what the ranker saw in it."""

    answer: Answer
    source: str  # one of SOURCES
    text: str  # what is judged against the question: the quoted sentence(s) or the answer
    passage_rank: int | None = None  # rank of the retrieved passage it came from
    dense_rank: int | None = None
    bm25_rank: int | None = None
    truncated: bool = False  # a sentence the excerpt cuts off
    rule_accepts: bool = False  # the hand-set coverage rule of the genre would accept this sentence
    rule_score: float = 0.0
    rule_first: bool = False  # what the hand-written order of attempts would have answered
    under_heading: bool = False  # a heading that says nothing alone, with the sentence under it
    measured: dict[str, float] = field(default_factory=dict)  # features only its producer can measure (a cell's label, column, period)
    features: dict[str, float] = field(default_factory=dict)
    score: float = 0.0


def as_written_in(content: str, text: str) -> str:
    """The question's words as this passage writes them: a short form the passage does not write, whose
    full forms it all writes ("收支总计" in "收入总计616.17万元,支出总计616.17万元"), is read as them
    (data/abbreviations.tsv)."""
    squeezed = re.sub(r"[\s、，,]", "", text)
    for short, fulls in abbreviations():
        if short in content and short not in squeezed and all(f in text for f in fulls):
            content = content.replace(short, " ".join(fulls))
    return content


def unjoined(text: str) -> str:
    """"收、支总计" read as the 收支总计 a question asks for: one-character items a 、 joins into one
    label (index/data/joined_items.txt) written without it."""
    for item in joined_items():
        if item in text:
            text = text.replace(item, item.replace("、", ""))
    return text


def features(q: Question, c: Candidate, unnamed: bool, idf: Idf | None = None) -> dict[str, float]:
    """General features of a candidate for a question; none names a document or a question."""
    text = QUOTES.sub("", unjoined(fold(c.text)))  # "“三公”经费" is the 三公经费 asked
    content = as_written_in(q.content, text)
    if content != q.content:
        q = replace(q, content=content)
    want = bigrams(q.content)
    runs = q.content.split()
    words = [w for w in runs if len(w) >= 2]
    has_num = has_number(text)
    figures = len(_NUMBER.findall(text))
    f = {f"src_{s}": float(c.source == s) for s in SOURCES}
    f.update({
        "match": match_score(q.content, text),
        "cover": coverage(bigrams(q.content), text),
        "tail": coverage(bigrams(runs[-1]), text) if runs else 0.0,
        "words": sum(1 for w in words if w in text) / len(words) if words else 0.0,
        "passage_rank": 1.0 / (1 + c.passage_rank) if c.passage_rank is not None else 0.0,
        "dense_top": float(c.dense_rank == 1),
        "bm25_top": float(c.bm25_rank == 1),
        "wants_number": float(q.wants_number),
        "has_number": float(has_num),
        "number_missing": float(q.wants_number and not has_num),
        "percent_missing": float(q.wants_percent and not _PERCENT.search(text)),
        "unit_match": float(bool(q.unit and q.unit.search(text))),
        "unit_missing": float(bool(q.unit) and not q.unit.search(text)),
        "computes": float(q.computes),
        "computes_not_computed": float(q.computes and c.source != "computed"),
        "parts": min(q.parts, 5) / 5,
        "numbers": min(figures, 8) / 8,
        "length": math.log1p(len(text)) / 7,
        "table_row": float("|" in text),
        "truncated": float(c.truncated),
        "unnamed": float(unnamed),
        "rule_accepts": float(c.rule_accepts or c.source not in ("sentence", "sentences")),
        "rule_first": float(c.rule_first),
        "previous_year": float(q.previous_year),
        "asks_more_than_numbers": float(q.asks > len(_NUMBER.findall(re.sub(r"20\d\d\s*年", "", text)))
                                        + len(NONE_STATED.findall(text))),  # an amount stated as none is one
        # "全年预算、执行数和得分各是多少": a candidate with fewer figures than the parts asked answers only some
        "figures_short": float(q.wants_number and q.parts > 1 and figures < q.parts),
        # text that is not prose: a table of contents, a run of headings, a flattened grid of numbers
        "enumerators": min(len(_ENUMERATOR.findall(text)) / max(len(text), 1) * 100, 5) / 5,
        "digit_share": sum(ch.isdigit() for ch in text) / max(len(text), 1),
    })
    # figures written as a change on an earlier year ("增加342万元"): what a change question wants, and
    # what a question for a level ("收支总计多少") does not
    changes = len(_CHANGE_FIGURE.findall(text))
    if c.source == "fact" and any(f.get("period") == "比上年" for f in c.answer.facts):
        changes += 1  # a table's change column (增、减金额 | 4) states a change without a change word beside the figure
    amounts = len(_NUMBER.findall(_YEAR.sub("", text)))
    unchanged = bool(_NO_CHANGE.search(text))  # "机关运行经费预算180.00万元，与上年持平" answers "比去年少了多少"
    f["change_asked"] = float(q.asks_change and (changes > 0 or unchanged))
    f["change_unasked"] = float(not q.asks_change and amounts > 0 and changes >= amounts)
    f["change_missing"] = float(q.asks_change and q.wants_number and not changes and not unchanged)
    # several things asked together: the share of them the candidate gives a figure for, right after its name
    valued = [_item_valued(item, q.items, text) for item in q.items]
    f["items_valued"] = sum(valued) / len(valued) if valued else 0.0
    f["items_unvalued"] = float(bool(valued) and not all(valued))
    # a figure whose own label (the words just before it) is what the question asks about
    f["label_near"] = max((coverage(want, text[max(0, m.start() - 14) : m.start()]) for m in _NUMBER.finditer(text)),
                          default=0.0)
    if idf is not None and idf.weights:
        asked = term_set(q.content)
        have = term_set(text)
        total = sum(idf.of(t) for t in asked)
        f["idf_cover"] = sum(idf.of(t) for t in asked if t in have) / total if total else 0.0
    else:
        f["idf_cover"] = f["words"]
    if c.source in ("sentence", "sentences", "section") and want:
        section = fold(c.answer.citations[0].section) if c.answer.citations else ""
        f["silent"] = float(f["match"] == 0 and f["idf_cover"] == 0 and f["words"] == 0
                            and coverage(want, section) == 0)
    f["figureless"] = float(q.figure_only and not re.search(r"\d", _NOT_FIGURES.sub("", text)) and not NONE_STATED.search(text))
    # the opposite quantity (收入 for 支出), or a change asked of one quantity where every change the passage
    # states is of the other ("支出比上年增加了多少" ← "收入增加360.55万元，增长13.48%")
    changed = _change_clauses(text) if q.asks_change else []
    f["opposite"] = float(names_the_opposite(q.folded, text)
                          or bool(changed) and all(names_the_opposite(q.folded, clause) for clause in changed))
    # a change asked of an item the passage names, every change it states being of something named before
    # ("公务用车…费比上年少了多少" ← "“三公”经费预算数为6.20万元，较上年减少0.60万元…其中：公务用车…费4.00万元")
    f["change_of_other"] = float(bool(changed) and _named_after_its_changes(q, text))
    # a web page's furniture (索引号 | … | 公开目录 | 三公经费 | 发布日期 | 2025-06-06) holds no figure of the report
    f["furniture"] = float(c.source in ("sentence", "sentences") and bool(_FILE_NAME.fullmatch(text.strip())
                                                                         or _TABLE_TITLE.fullmatch(_without_made_by(text)))
                           or q.wants_number and c.source in ("sentence", "sentences")
                           and is_boilerplate(text.lstrip("| ").replace(" |", "：", 1)))
    cited = c.answer.citations[0] if c.answer.citations else None  # where the words are the report's own
    f["unnamed_quantity"] = float(misses_named_quantity(q.folded, " ".join(
        [text] + ([fold(cited.section or ""), fold(cited.quote)] if cited else []))))
    f["changeless"] = float(q.asks_change and not q.open and c.source != "computed" and not _CHANGE_WORD.search(text))
    f["other_year"] = float(c.source in ("sentence", "sentences") and q.wants_number and of_another_year(q.folded, text))
    prose = c.source in ("sentence", "sentences") and "|" not in text
    f["asked_cell_empty"] = float(q.figure_only and c.source in ("sentence", "sentences") and _asked_cell_empty(q, text))
    f["ungraded"] = float(c.source in ("sentence", "sentences") and bool(cues()["grade_asked"].search(q.folded))
                          and not cues()["grade_written"].search(text))
    f["scoreless"] = float(prose and bool(cues()["score_asked"].search(q.folded)) and "分" not in text)
    f["rate_unwritten"] = float(prose and q.wants_percent and _rate_written_otherwise(q, text))
    f["named_in_reason"] = float(q.figure_only and prose and not cues()["reason"].search(q.folded)
                                 and _named_in_reason_only(want, text, bigrams(runs[-1]) if runs else set()))
    f["share_for_rate"] = float(prose and q.wants_percent and bool(cues()["execution_asked"].search(q.folded))
                                and _percentages_not_rates(text))
    f["share_instead"] = float(prose and q.wants_number and not q.wants_percent and _share_written_instead(q, text))
    # "国有资产总额多少": an amount asked (no counter), the passage's figures all counts ("共有车辆5辆，其中…1辆")
    f["counts_only"] = float(prose and q.wants_number and not q.wants_percent and q.unit is None
                             and bool(cues()["money_asked"].search(q.folded)) and _counts_only(text))
    # "一般公共预算财政拨款支出多少" ← "一般公共预算财政拨款基本支出2,096.46万元": a part named, not the whole asked
    f["part_instead"] = float(prose and q.wants_number and _part_written_instead(q, text))
    # "评价报告是谁做的", "主管部门是谁": a body or person asked; a passage naming no body and no one by role names none
    f["nobody"] = float(c.source in ("sentence", "sentences") and bool(cues()["who_asked"].search(q.folded))
                        and not _names_someone(text))
    # "为什么比预算少": a reason asked and nothing else; a passage giving no reason (原因, 由于 …) gives none
    # "一般公共预算财政拨款支出为什么减少了" ← "机关运行经费支出…减少7.58万元…主要原因是压减一般性支出": a reason
    # given for another quantity the genre names by a fixed term, the passage writing less than half of what is asked
    f["reason_of_other"] = float(q.reason_only and prose and f["cover"] < REASON_NAMED
                                 and misses_named_quantity(text, q.folded))
    f["reasonless"] = float(q.reason_only and c.source in ("sentence", "sentences", "section")
                            and not cues()["reason_written"].search(text))
    # "是哪天作的", "什么时候完工": a when asked; what writes no date (a month at least) does not say when
    f["dateless"] = float(bool(WHEN_QUESTION.search(q.folded)) and not DATE_IN_TEXT.search(text))
    f["untotalled"] = float(q.wants_number and bool(_TOTAL_ASKED.search(q.folded)) and c.source in ("sentence", "sentences")
                            and lays_out_parts(text))
    # "| 项目名称 | … | 年初预算数 | 全年预算数 | 全年执行数 |": a table's header names the columns asked, holds no figure
    cells = [cell.strip() for cell in text.split("|") if cell.strip()]
    # a text layer's header ("科目编码 科目名称 本年支出合计 基本支出 项目支出") quoted with the row under it: the
    # columns asked are named by the header, the figures are that one row's (208 社会保障和就业支出 …)
    asks_line = bool(EXTREME_ASKED.search(q.folded))  # which line of a table is largest ("哪一类支出最多")
    f["header_row"] = float((q.wants_number or asks_line) and c.source in ("sentence", "sentences")
                            and (len(cells) >= 3 and not any(_FIGURE_CELL.fullmatch(cell) for cell in cells)
                                 or bool(_SPACED_HEADER.match(text)) or bool(_HEADER_LINE.fullmatch(text.strip()))))
    # "哪一类支出最少": the least of a table's lines; lines quoted ("| 208 | 社会保障和就业支出 | 5,220.50 |", or a
    # text layer's "208 社会保障和就业支出 5,220.50 …") state their figures, not which of all is the least
    f["one_line"] = float(c.source in ("sentence", "sentences") and asks_line
                          and ("|" in text or bool(_SPACED_ROW.fullmatch(re.sub(_TABLE_NUMBER, "", text).strip()))))
    # "分别有多少人": nothing asked but a unit; a passage without a figure in that unit says nothing asked
    f["unitless"] = float(not q.content.strip() and q.unit is not None and not q.unit.search(text))
    text_question = 1.0 - f["wants_number"]
    f["text_x_sentence"] = text_question * (f["src_sentence"] + f["src_sentences"])
    f["text_x_section"] = text_question * f["src_section"]
    f["number_x_metric"] = f["wants_number"] * f["src_metric"]
    f["label_x_number"] = f["label_near"] * f["wants_number"]
    f.update(c.measured)
    f["match_x_number"] = f["match"] * f["wants_number"]
    f["match_x_sentence"] = f["match"] * (f["src_sentence"] + f["src_sentences"])
    return f


def _item_valued(item: str, items: list[str], text: str) -> bool:
    """A figure right after the item's name, where the name is not part of another item asked written
    from before it or around it: "税收和非税收入各多少" ← "非税收入25.53亿元" values 非税收入, not 税收."""
    others = [(m.start(), m.end()) for other in items if other != item for m in re.finditer(re.escape(other), text)]
    for m in re.finditer(re.escape(item) + r"[^\d|。；;]{0,8}\d", text):
        at, end = m.start(), m.start() + len(item)
        if not any(start <= at < stop and (start < at or stop > end) for start, stop in others):
            return True
    # "水标尺项目预算和执行各多少": the first item carries what both are of; its last word valued, the
    # rest written anywhere ("…水标尺制作安装项目… 全年预算数 20 万元") values it
    words = [w for w in _jieba().cut(item) if w.strip()]
    return (len(words) > 1 and len(words[-1]) >= 2 and all(w in text for w in words[:-1])
            and _item_valued(words[-1], [w for w in items if w != item], text))


@lru_cache(maxsize=1)
def opposites() -> list[tuple[str, str]]:
    """Both directions of each pair in data/opposites.tsv."""
    pairs = []
    for line in read_data_lines("opposites.tsv", DATA):
        a, b = line.split("\t")
        pairs += [(a, b), (b, a)]
    return pairs


@lru_cache(maxsize=1)
def named_quantities() -> list[str]:
    return [line.strip() for line in read_data_lines("named_quantities.txt", DATA)]


def misses_named_quantity(question: str, text: str) -> bool:
    """The question names a quantity of data/named_quantities.txt that the text does not."""
    q = QUOTES.sub("", question).replace("和", "")  # 结转和结余 = 结转结余
    t = re.sub(r"\s+", "", QUOTES.sub("", text)).replace("和", "")  # a PDF line wrap inside a term: "产出 指标"
    return any(term in q and term not in t for term in (n.replace("和", "") for n in named_quantities()))


_OPENING_YEAR = re.compile(r"^[^，,。；;\d]{0,6}?(?<![与比较同和跟])(20\d\d)\s*年(?!\s*\d{1,2}\s*月)(?!度?相比|度?同期|\s*[底末])")  # not "截至2023年底": a stock


_LEADING_NUMBER = re.compile(r"^(?:\d{1,2}[.、．](?=\s*(?:19|20)\d\d\s*年|\D)|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)\s*")


def of_another_year(question: str, text: str) -> bool:
    """The passage opens on a year the question does not ask about ("2024年全区一般公共预算收入预期30.10亿元"
    for a question about 2023): its figures are that year's (`text` folded)."""
    if re.search(r"哪一?年|何年|年份", question):
        return False  # a year is what is asked
    asked = set(question_years(question))
    opening = _OPENING_YEAR.match(_LEADING_NUMBER.sub("", text.strip()))  # "2.2024 年,市财政…": opens on 2024
    return bool(asked) and opening is not None and int(opening.group(1)) not in asked


def _named_after_its_changes(q: Question, text: str) -> bool:
    """The item whose change is asked is first written after every change the passage states: those
    changes are of what was named before it (`text` folded)."""
    runs = [run for run in q.content.split() if len(run) >= 4]
    item = re.sub(r"(预算|决算|执行)数?$", "", runs[0]) if runs else ""
    at = text.find(item) if len(item) >= 4 else -1
    changes = [m.start() for m in _CHANGE_FIGURE.finditer(text)]
    return at > 0 and bool(changes) and all(c < at for c in changes)


def _change_clauses(text: str) -> list[str]:
    """Each clause that states a change, with the clauses of its sentence before it, which name what changed
    ("收入增加360.55万元，增长13.48%": the 增长 is the 收入's)."""
    out = []
    for sentence in re.split(r"[。；;]", text):
        clauses = re.split(r"[，,]", sentence)
        out += ["，".join(clauses[: n + 1]) for n, clause in enumerate(clauses) if _CHANGE_FIGURE.search(clause)]
    return out


def _asked_cell_empty(q: Question, text: str) -> bool:
    """`text` folded. A table row quoted whole ("| 八、其他收入 | 128.67 | 八、住房保障支出 |  |") whose cell naming what is
    asked is followed by no figure before the next label: the row gives the thing asked no figure (the
    figure in it is another line's, from the other half of a side-by-side table)."""
    runs = q.content.split()
    if not runs or len(runs[-1]) < 3:
        return False
    if "|" not in text:  # a table flattened into spaces: "年末结转和结余 59 总计 30 …" (59 its 行次, then the next line)
        hits = [m.end() for m in re.finditer(re.escape(runs[-1]), text)]
        return bool(hits) and all(_ROW_NUMBER_THEN_LABEL.match(text, h) for h in hits)
    cells = [cell.strip() for cell in text.split("|")]
    named = [i for i, cell in enumerate(cells) if runs[-1] in cell and not _among_headers(cells, i)]
    kind = re.sub(r"(?:支出|收入)$", "", runs[-1])  # "国有资本经营预算支出": the budget's kind, as a line writes it
    if not named and len(kind) >= 4 and kind != runs[-1]:
        named = [i for i, cell in enumerate(cells) if kind in cell and not _among_headers(cells, i)]
    if not named:
        return False
    for i in named:
        for cell in cells[i + 1 :]:
            if _FIGURE_CELL.fullmatch(cell) and re.search(r"\d", cell) and not re.fullmatch(r"\d{1,2}", cell):
                return False  # a figure under what is asked (1–2 digits alone are its row number, 行次)
            if re.search(r"[\u4e00-\u9fff]{2}", cell):
                break  # the next line's label: none for this one
    return True


_ROW_NUMBER_THEN_LABEL = re.compile(r"\s+\d{1,2}\s+(?![个名人项家所辆台次户年月日分万亿元])[\u4e00-\u9fff]{2}")


def _among_headers(cells: list[str], i: int) -> bool:
    """A column header among headers ("| 三级指标 | 指标值 | 度量单位 |"), not a row's label: the cells
    on both sides of it are words, not figures."""
    def label(cell: str | None) -> bool:
        return cell is not None and bool(re.search(r"[\u4e00-\u9fff]{2}", cell)) and not _FIGURE_CELL.fullmatch(cell)

    before = next((cell for cell in reversed(cells[:i]) if cell), None)
    after = next((cell for cell in cells[i + 1 :] if cell), None)
    return label(before) and label(after)


def lays_out_parts(text: str) -> bool:
    """Several amounts side by side, none of them written as a total (合计, 总额, 共 …) nor the sum of
    the others: parts laid out ("用于康复补贴1.065万元,…,资助新生1.8万元"), which answer no "总共多少"."""
    amounts = [(m.start(), float(m.group(1).replace(",", ""))) for m in _AMOUNT.finditer(text)]
    if len(amounts) < 2:
        return False
    if any(_TOTAL_BEFORE.search(text[max(0, at - 14) : at]) for at, _ in amounts):
        return False
    whole = sum(v for _, v in amounts)
    return not any(abs(2 * v - whole) < 0.01 * max(v, 1e-9) for _, v in amounts)


def names_the_opposite(question: str, text: str) -> bool:
    """The question names one of a pair and not the other; the text the other and not the one; or the
    question asks for what is not X ("非本级", "非税收入") and the text writes X alone ("本级项目8个")."""
    if any(a in question and b not in question and b in text and a not in text for a, b in opposites()):
        return True
    return any(m.group(1) in text and m.group(0) not in text for m in _NOT_WHAT.finditer(question))


RULES = ("silent", "figureless", "opposite", "change_of_other", "changeless", "other_year", "row_unnamed", "unnamed_quantity", "furniture", "unitless",
         "header_row", "untotalled", "ungraded", "scoreless", "asked_cell_empty", "rate_unwritten",
         "share_instead", "named_in_reason", "dateless", "counts_only", "part_instead",
         "report_words_only", "nobody", "reasonless", "period_unwritten",
         "part_unnamed", "share_for_rate", "reason_of_other", "one_line")  # features that decide by rule (see `ruled_out`), not weighed by the model


_ROW = r"(?:\d{3,7}\s+)?[^\d\s|]{2,40}(?:\s+[-−]?\d[\d,]*(?:\.\d+)?%?)+"
_SPACED_ROW = re.compile(rf"{_ROW}(?:\s+{_ROW})*")  # a text layer's table rows, one or more
_HEADER_LINE = re.compile(SPACED_HEADINGS)  # a text layer's header line alone ("科目编码 科目名称 本年支出合计 …")
_MADE_BY = re.compile(r"(?:编制单位|部门|单位|金额单位)[:：]\S*")  # "部门：清河县农业农村局  单位：万元" under a title


def _without_made_by(text: str) -> str:
    """A table's title line without who made it and its unit: the title alone, to be told apart from a figure."""
    return re.sub(r"[\s|]", "", _MADE_BY.sub("", text))  # and without the empty cells a grid's title row leaves


REASON_NAMED = 0.5  # share of the question's character pairs a passage giving a reason must write
_RIGHT_AFTER = re.compile(r"[^\d。；;，,|]{0,4}?(\d[\d,]*(?:\.\d+)?)\s*([%％]|分|万元|亿元|元|个|人|项|次)?")


def _rate_written_otherwise(q: Question, text: str) -> bool:
    """A rate asked ("执行率是多少") where the prose writes the rate's name only with a figure of another
    unit right after it ("预算资金执行率10分", its score in a scoring rule): a rate is a percentage. A bare
    figure after it may be a flattened grid's next column ("执行率 得分 20000.00"): no ruling then."""
    runs = q.content.split()
    asked = runs[-1] if runs else ""
    if len(asked) < 2 or not asked.endswith("率"):
        return False
    after = [_RIGHT_AFTER.match(text, m.end()) for m in re.finditer(re.escape(asked), text)]
    figures = [m for m in after if m]
    return bool(figures) and all(m.group(2) and m.group(2) not in "%％" for m in figures)


_PERCENTAGE = re.compile(r"\d(?:[\d,]*\.?\d*)\s*[%％]")
_SHARE_OR_CHANGE_BEFORE = re.compile(r"(?:占|增长|下降|增加|减少|上升|降低|增幅|降幅|同比)[^。；;，,%％]{0,14}$")


def _percentages_not_rates(text: str) -> bool:
    """Every percentage the prose writes is a share or a change ("…支出5,900.00万元，占本年支出合计的92.18%"):
    none is the execution rate asked."""
    found = list(_PERCENTAGE.finditer(text))
    return bool(found) and all(_SHARE_OR_CHANGE_BEFORE.search(text[max(0, m.start() - 20) : m.start()]) for m in found)


_SHARE_AFTER = re.compile(r"的?(?:比例|比重|占比)")


def _share_written_instead(q: Question, text: str) -> bool:
    """An amount or count asked ("项目支出总额多少") where the prose writes the words asked only as the whole
    of a share ("占项目支出总额比例 0%"): it gives the part's share of them, not them."""
    runs = q.content.split()
    asked = runs[-1] if runs else ""
    if len(asked) < 3:
        return False
    hits = list(re.finditer(re.escape(asked), text))
    return bool(hits) and all(text[max(0, m.start() - 1) : m.start()] == "占" or _SHARE_AFTER.match(text, m.end())
                              for m in hits)


# the character pairs of money's generic words: they name no one thing
_MONEY_PAIRS = frozenset().union(*(bigrams(w) for w in ("支出", "经费", "资金", "费用", "收入", "预算", "决算", "金额")))
# a reason given for a figure, or the parts it is said to be made of ("公用经费158.13万元，主要包括办公费、…差旅费")
_REASON_GIVEN = re.compile(r"主要原因是|原因是|主要是由于|由于|因为|主要包括|包括|主要用于")


def _named_in_reason_only(want: set[str], text: str, head: set[str] = frozenset()) -> bool:
    """The words asked written only in the reason the sentence gives for another figure ("收入预算总计2,345.60万元，
    比上年增加…，主要原因是老旧小区改造项目增加" for "老旧小区改造项目资金多少"), or in the parts it lists without
    figures ("公用经费158.13万元，主要包括办公费、…差旅费" for "差旅费多少"; "人员经费1,860.36万元，主要包括基本工资、…"
    for "基本工资花了多少": the thing asked, `head`, written more there than before): the figures are the other's."""
    m = _REASON_GIVEN.search(text)
    if not m or not want:
        return False
    before, reason = text[: m.start()], re.split(r"[。；;]", text[m.end() :])[0]  # the reason's own sentence
    if re.search(r"\d", reason):
        return False
    # "环卫的钱花了多少" ← "…支出4,948.76万元…，主要原因是环卫作业市场化服务费用增加": what sets the thing asked apart
    # (环卫) written only in the reason, the money word (支出) beside the other figure
    specific = want - _MONEY_PAIRS
    return (coverage(want, before) == 0 and coverage(want, reason) >= 0.5
            or bool(specific) and coverage(specific, before) == 0 and coverage(specific, reason) >= 0.5
            or bool(head) and coverage(head, reason) > coverage(head, before))


_COUNTED_FIGURE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(辆|个|人次|人|名|台|套|所|项|次|户|家|座|间|批)")


def _counts_only(text: str) -> bool:
    """Every figure of the text (years, dates and other digits that are no figure apart) is a count of
    things: it states no amount."""
    figures = _NUMBER.findall(_NOT_FIGURES.sub("", text))
    return bool(figures) and len(_COUNTED_FIGURE.findall(text)) >= len(figures)


@lru_cache(maxsize=1)
def part_qualifiers() -> list[str]:
    """data/part_qualifiers.txt: words written inside a quantity's name that name a part of it (基本, 项目 …)."""
    return read_data_lines("part_qualifiers.txt", DATA)


def _part_written_instead(q: Question, text: str) -> bool:
    """The name asked ("一般公共预算财政拨款支出") is not written whole, but with a part's word inside it
    ("一般公共预算财政拨款基本支出"): the figure after it is that part's."""
    folded = fold(text)
    for run in q.content.split():
        for word in part_qualifiers():
            if word in q.folded:
                continue
            # the name asked up to a point, the part's word, then the asked name's next two characters;
            # and the name asked not written unbroken there
            if any(run[:i] + word + run[i : i + 2] in folded and run[: i + 2] not in folded
                   for i in range(4, len(run) - 1)):
                return True
    return False


def _names_someone(text: str) -> bool:
    """Whether the text names a body (a word ending as bodies' names end) or a person by role (局长, 负责人 …)."""
    return bool(cues()["who_written"].search(text)) or any(suffix in text for suffix in org_suffixes())


def ruled_out(f: dict[str, float]) -> bool:
    """Never given, however the other features score it: a passage that shares not one
    word or character pair with what the question asks about, in itself or in its
    section's headings ("核定编制多少人" → "3.加强培训和指导。"), answers something else;
    a passage without a digit ("一般公共预算财政拨款支出决算表") is no answer to a question
    that asks for a figure and nothing else; a passage of the opposite quantity (收入 for
    支出) is none either; one that writes no change (增, 减, 涨 …) does not say whether a
    figure rose or fell (a difference worked out says it by its sign); a table cell of a row the question does not name, and that is no
    total, is a neighbour's figure (教育支出's 基本支出 for "基本支出多少"); a passage that does not
    name the fixed-term quantity asked (三公经费, data/named_quantities.txt) is about another; a web
    page's furniture (索引号, 公开目录, 发布日期 …, index/data/boilerplate.txt) states no figure asked;
    a question that asks nothing but a unit ("有多少人") is not answered by a passage without it; a table's
    header row, the columns asked and not one figure cell under them, answers no figure question; a total
    asked ("总共多少钱") is not answered by parts laid out, none of them the total; a grade asked
    (什么等级) is not answered by prose that writes no grade word (优, 良, 合格 …), nor a score asked (得了
    几分) by prose without a 分; nor by a quoted table row whose cell naming what is asked has no figure
    after it (the figure in the row is another line's); nor a rate asked (执行率) by prose that writes the
    rate's name only with another kind of figure right after it ("执行率10分"); nor an amount asked by prose that
    writes its words only as the whole of a share ("占项目支出总额比例 0%"), nor by prose that writes them only in
    the reason it gives for another figure ("…增加145.60万元，主要原因是老旧小区改造项目增加"); a reason asked is
    not answered by a passage that gives none; a figure of another period than the report's own ("预算" of a
    决算) not by prose writing no amount after that period's word, nor a part ("事业运行的基本支出") by prose that
    does not write it (the last two measured in answer.py, where the report is known)."""
    return any(f.get(name, 0.0) == 1.0 for name in RULES)


@dataclass
class Ranker:
    names: list[str]
    mean: list[float]
    scale: list[float]
    coef: list[float]
    intercept: float
    threshold: float  # for a candidate the hand-written order of attempts would also answer
    threshold_alone: float  # for one the ranker picks alone

    def accepts(self, c: Candidate) -> bool:
        if ruled_out(c.features):
            return False
        return c.score >= (self.threshold if c.rule_first or c.source in ("per_report", "parts") else self.threshold_alone)

    def score(self, f: dict[str, float]) -> float:
        z = self.intercept
        for name, mu, sd, w in zip(self.names, self.mean, self.scale, self.coef):
            z += w * (f.get(name, 0.0) - mu) / (sd or 1.0)
        return 1.0 / (1.0 + math.exp(-z))

    @classmethod
    def load(cls, path: Path = MODEL) -> "Ranker":
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["features"], data["mean"], data["scale"], data["coef"], data["intercept"], data["threshold"],
                   data.get("threshold_alone", data["threshold"]))


@lru_cache(maxsize=16384)
def term_set(text: str) -> frozenset[str]:
    """The BM25 terms of a text, cached for the reason `sentences.bigrams` is."""
    return frozenset(terms(text))


@dataclass(frozen=True)
class Idf:
    """Inverse document frequency of the index's BM25 terms."""

    weights: dict[str, float]
    rarest: float  # a word no indexed passage contains is the rarest of all: a candidate surely lacks it

    def of(self, term: str) -> float:
        return self.weights.get(term, self.rarest)


def term_idf(bm25) -> Idf:
    """Inverse document frequency of every BM25 term, read from the index's own postings
    (the rarest weight taken once here, not per candidate)."""
    indptr = bm25.scores["indptr"]
    n = max(1, int(bm25.scores.get("num_docs", 1)))
    out = {}
    for token, i in bm25.vocab_dict.items():
        if i + 1 < len(indptr):
            df = max(1, int(indptr[i + 1] - indptr[i]))
            out[token] = math.log(1 + n / df)
    return Idf(out, max(out.values(), default=0.0))


@lru_cache(maxsize=1)
def default_ranker() -> Ranker | None:
    return Ranker.load() if MODEL.exists() else None
