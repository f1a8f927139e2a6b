"""Every figure a report states, as a `Fact`: what it is (a label path), its
value with the unit normalized, what period it is for, and where it stands.

Two readers, both general to the genre rather than to a report:
- table cells (index/tables.py): label path = table title › row label (with its
  类/款/项 parents) › column header;
- prose: a figure with a unit (`机关运行经费支出96.12万元`, `占76.31%`, `共7个`)
  labelled by the words of its clause before it.

Facts are extracted at index time, stored with the index (`FACTS_VERSION`), and
listed by `assistant facts FILE`.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from functools import lru_cache

from .names import read_data_lines
from .normalize import unspread
from .records import Document
from .spaced_tables import read_spaced_tables
from .tables import Table, is_blank, is_code, is_code_column, is_figure, is_numbering, read_tables

_CHANGE_COLUMN = re.compile(r"增减|增、减|增幅|减幅|增长率|变动|比上年")
_CODE_THEN_NAME = re.compile(r"^(\d{3}(?:\d{2}){0,2})\s+(\D.*)$")
FACTS_VERSION = 20  # raised when tables or facts are read differently: older indexes re-read their facts
TO_WAN = {"元": 1e-4, "千元": 0.1, "万元": 1.0, "亿元": 1e4}
_COUNT_UNITS = {"个": "个", "人": "人", "项": "项", "名": "人", "人次": "人次", "辆": "辆", "台": "台", "次": "次",
                "家": "家", "户": "户", "所": "所", "平方米": "平方米", "公里": "公里", "亩": "亩"}
_PROSE = re.compile(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(亿元|万元|千元|元|%|个|人次|人|项|名|辆|台|次|家|户|所|平方米|公里|亩|分)")
_CLAUSE_BREAK = "，,。；;：:、（()）\n|"
_LABEL_TRIM = re.compile(r"^(其中|包括|主要是|主要用于|用于|共|全年|本年|年度|年|为|是)+|(为|是|达到?|共计|约为?|计为|的|了|均|各)+$")
_CHANGE = re.compile(r"(比|较|同比|与)(上年|上年度|去年|上一年)|(增加|减少|增长|下降|上升|降低|节约|超支|持平)$")


@dataclass
class Fact:
    doc_id: str
    label: str  # row label path (类 › 款 › 项) or the prose words before the figure
    column: str  # column header path; "" for prose
    table: str  # table title; "" for prose
    value: float  # in `unit`
    unit: str  # 万元 for amounts whose unit is known, % for rates, 个/人 … for counts; "" if unstated
    raw: str  # the figure as written
    raw_unit: str  # the unit as written (元 in a table, 万元 in text)
    kind: str  # amount | rate | count | score | change amount | change rate
    period: str  # 本年, 上年, 年初预算, 全年预算, 决算, 预算; 比上年 for a stated change
    code: str  # 类/款/项 code of the row, if any
    page: int
    start: int  # the figure's span in the document text
    end: int
    context_start: int  # the row or sentence that states it, for quoting
    context_end: int
    source: str  # table | text

    def path(self) -> str:
        """Table › row › column; a column heading the row's own label already writes (人员经费 over the
        row 人员经费合计 of its side) is left out."""
        column = " › ".join(level for level in self.column.split(" › ") if level and level not in self.label)
        return " › ".join(p for p in (self.table, self.label, column) if p)

    def as_written(self) -> str:
        """The figure with its unit as the report writes it: "12,345,678.90 元", "96.12万元"."""
        return self.raw if self.raw.endswith(self.raw_unit) else f"{self.raw} {self.raw_unit}".strip()

    def in_wan(self) -> str:
        """The amount in 万元 when the report wrote another money unit, else ""."""
        return f"{self.value:,.2f} 万元" if self.unit == "万元" and self.raw_unit != "万元" else ""

    def to_dict(self) -> dict:
        return asdict(self)


# Rows that total their table: their label is the table's subject (“三公”经费 … 合计).
TOTAL_ROWS = ("合计", "总计", "小计")
# a cell that holds a value in words, as an indicator's 年度指标值 or 实际完成值 is written
_VALUE_TEXT = re.compile(r"^[≥≤><=﹦＝约]*\s*\d[\d,.]*\s*(?:%|[\u4e00-\u9fffA-Za-z]{1,5})?"
                         r"(?:\d{1,2}\s*[\u4e00-\u9fff]{1,2})?[前后内底末]?$")


def is_measured_value(text: str) -> bool:
    """A cell that writes a value with its unit or sign ("204.46平方米", "≥90%"), not a name (nor a year's, "2024年预算")."""
    return bool(_VALUE_TEXT.match(text.strip())) and not names_a_period(text.strip())


_TITLE_FRAME = re.compile(r"^(?:附?表\s*[\d一二三四五六七八九十]+\s*[:：.、]?\s*)?(?:[^\d“\"]{0,20}?(?:19|20)\d\d\s*年度?)?"
                          r"(?:一般公共预算)?(?:财政拨款)?"
                          r"|(?:收入|支出)?(?:决算|预算)?(?:财政拨款)?(?:总|情况|明细|情况统计|统计)?表$")


_SPENDING_KINDS = ("基本", "项目")  # 基本支出, 项目支出: the templates' two kinds of spending, 支出 part of the name


def table_subject(title: str) -> str:
    """What a template table is about, without the frame every title has:
    财政拨款“三公”经费支出决算表 → “三公”经费; 一般公共预算基本支出表 → 基本支出 (not 基本); a year written
    before the title, and the body written before that year ("东湖镇人民政府2024年…"), are no part of it."""
    subject = _TITLE_FRAME.sub("", title) or title
    return subject + "支出" if subject in _SPENDING_KINDS and f"{subject}支出" in title else subject


@lru_cache(maxsize=1)
def _periods() -> tuple[list[tuple[re.Pattern, str]], re.Pattern]:
    """(pattern, period) in order of data/periods.tsv, and the words that state none."""
    out, none = [], []
    for line in read_data_lines("periods.tsv"):
        pattern, period = line.split("\t")
        if period == "-":
            none.append(pattern)
        else:
            out.append((re.compile(pattern), period))
    return out, re.compile("|".join(none) or "(?!)")


def _stated_period(text: str) -> str | None:
    periods, none = _periods()
    text = none.sub(" ", text)
    return next((period for pattern, period in periods if pattern.search(text)), None)


_AMOUNT_AFTER = re.compile(r"[^。；;，,\d]{0,8}?\d[\d,]*(?:\.\d+)?\s*(?:亿元|万元|元)|[^。；;，,\d]{0,4}?\|?\s*\d[\d,]*\.\d+(?![\d.]|\s*%)")


def writes_period(text: str, period: str, amount: bool = False) -> bool:
    """Whether a text writes any word of this period (预算 of "完成预算的86.40%"), or of a budget for a budget;
    with `amount`, only a word an amount follows ("预算为15.00万元", "| 预算数 | 15.00"), not a rate ("完成预算的
    86.40%") nor none ("小于预算数的主要原因")."""
    periods, none = _periods()
    text = none.sub(" ", text)
    wanted = BUDGETS if period in BUDGETS else {period}
    return any(p in wanted and (not amount and pattern.search(text)
                                or amount and any(_AMOUNT_AFTER.match(text, m.end()) for m in pattern.finditer(text)))
               for pattern, p in periods)


def period_of(*texts: str) -> str:
    for text in texts:
        if text and (period := _stated_period(text)):
            return period
    return "本年"


def without_period(text: str) -> str:
    """The text with its period words taken out: "三公经费预算" → "三公经费", "实际支出" → ""."""
    periods, none = _periods()
    if none.search(text):
        return text  # 一般公共预算 holds 预算 and names no period
    for pattern, _ in periods:
        text = pattern.sub("", text)
    return text


def asked_period_of(question: str) -> str | None:
    """The period a question names (决算, 预算, 上年 …), or None when it names none."""
    return _stated_period(question)


BUDGETS = {"预算", "全年预算", "年初预算"}


def periods_conflict(asked: str | None, stated: str) -> bool:
    """Whether a figure stated for one period cannot answer a question about another:
    a 决算 figure for a 预算 question, this year's for last year's, and the reverse."""
    if asked is None or stated == "比上年":
        return False  # a change on the year before is asked in words of that year ("比上年减少多少")
    if (asked == "上年") != (stated == "上年"):
        return True
    if {asked, stated} == {"年初预算", "全年预算"}:
        return True  # the budget at the start of the year is not the adjusted one (自评表: two columns)
    return (asked == "决算" and stated in BUDGETS) or (asked in BUDGETS and stated == "决算")


def number(raw: str) -> float:
    return float(re.sub(r"[,\s]", "", raw).replace("−", "-").rstrip("%"))


def extract_facts(doc: Document) -> list[Fact]:
    tables = read_tables(doc)
    tables += [t for t in read_spaced_tables(doc) if not any(t.start < u.end and u.start < t.end for u in tables)]
    facts = [f for t in tables for f in table_facts(doc, t)]
    covered = [(t.start, t.end) for t in tables]
    facts += [f for f in prose_facts(doc) + score_facts(doc) if not any(a <= f.start < b for a, b in covered)]
    return sorted(facts, key=lambda f: f.start)


# a score written bare after its label, as a form's header writes it ("自评总分: 69", "综合得分为92.5"):
# the label says it is in 分
_SCORE_STATED = re.compile(r"(?<![不扣])((?:自评|综合|评价)?(?:总分|总得分|得分))\s*[:：为是]?\s*(\d{1,3}(?:\.\d+)?)(?!\s*[\d.%万元个分、])")


def _sentence_around(folded: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (up to 。, ； or a line's end) that holds folded[start:end]: where a prose fact is quoted."""
    sentence_start = max(folded.rfind(p, 0, start) for p in "。\n；") + 1
    ends = [e for e in (folded.find(p, end) for p in "。\n；") if e != -1]
    return sentence_start, min(ends) + 1 if ends else len(folded)


def score_facts(doc: Document) -> list[Fact]:
    """Scores written without 分 after a label that names a score."""
    facts = []
    for m in _SCORE_STATED.finditer(doc.folded):
        start, end = m.start(2), m.end(2)
        sentence_start, sentence_end = _sentence_around(doc.folded, start, end)
        facts.append(Fact(doc.doc_id, m.group(1), "", "", number(m.group(2)), "分", doc.text[start:end], "", "score",
                          "本年", "", doc.page_at(start), start, end, sentence_start, sentence_end, "text"))
    return facts


def table_facts(doc: Document, table: Table) -> list[Fact]:
    facts: list[Fact] = []
    labels_by_code: dict[str, str] = {}
    figure_columns = {k for row in table.rows for k, cell in enumerate(row.cells) if is_figure(cell.text) and not is_blank(cell.text)}
    spanned: dict[int, str] = {}  # each label column's last label, read on the rows below it that leave it empty
    levelled = (any(_spans_down(row, figure_columns) for row in table.rows)
                or any(_repeats_down(above, row, figure_columns) for above, row in zip(table.rows, table.rows[1:])))
    for row in table.rows:
        label, code, code_parts, named_by = "", "", [], ""
        parents: list[str] = []
        if not any(t and not is_figure(t) and not is_code(t) for t in row.texts()) and all(
                k < len(table.columns) and table.columns[k] for k, t in enumerate(row.texts()) if is_figure(t) and not is_blank(t)):
            label = table_subject(table.title)  # a row of figures, each under its heading: what the table is about
        for k, cell in enumerate(row.cells):
            text = cell.text
            if is_blank(text):
                continue
            column = table.columns[k] if k < len(table.columns) else ""
            if is_code(text) and (is_code_column(column) or not label and (not code_parts or len(text) == 2)):
                if label and not code_parts:  # `302 | 商品和服务支出 | 120.00` beside the first: a new row begins
                    label = ""
                code_parts.append(text)
                continue
            if not is_figure(text):
                if label and column and _VALUE_TEXT.match(text) and not _CODE_THEN_NAME.match(text):
                    # a value written with its unit or sign (12.5公里, ≥90%): the row's, not a label of its own
                    if (measured := _measured(doc, table, " › ".join(parents + [label]), column, text, cell.start, cell.end,
                                              row)) is not None:
                        facts.append(measured)
                    continue
                if m := _CODE_THEN_NAME.match(text):  # `301 工资福利支出`: a layout that put both in one cell
                    code_parts, text = [m.group(1)], m.group(2)
                if label and not code_parts and _names_rows(named_by) and not _names_rows(column):
                    continue  # `项目名称 | 项目类型`: the row is the project named, 专项业务类 is its kind
                if levelled and not code_parts and not code and not any(j in figure_columns for j in range(k)):
                    # "产出指标 | 数量指标 | 河道清淤长度", then "| | 质量指标 | 工程验收合格率": the label columns
                    # before the row's own name are its levels, a cell spanning down read on each row under it
                    parents = parents + [label] if label else [spanned[j] for j in sorted(spanned) if j < k]
                    spanned = {j: t for j, t in spanned.items() if j < k} | {k: unspread(text)}
                label, code, named_by = unspread(text), "".join(code_parts), column
                code_parts = []
                if code:
                    labels_by_code[code] = label
                continue
            if not label:
                continue
            if is_numbering(column):
                continue  # 行次 1, 2, 3: the row's number, not a figure
            path = [labels_by_code[code[:n]] for n in (3, 5) if code and len(code) > n and code[:n] in labels_by_code]
            facts.append(_fact(doc, table, " › ".join(path + parents + [label]), column, code, text, cell.start, cell.end,
                               row.start, row.end))
    return _score_totals(facts)


def _leading_labels(row, figure_columns: set[int]) -> list[tuple[int, str]]:
    """The row's words before its first column of figures, with their columns."""
    out = []
    for k, text in enumerate(row.texts()):
        if k in figure_columns:
            break
        if not is_blank(text) and not is_figure(text) and not is_code(text):
            out.append((k, text))
    return out


def _spans_down(row, figure_columns: set[int]) -> bool:
    """A row whose first cell is empty and whose name stands further right, before any column of figures
    ("|  | 质量指标 | 工程验收合格率 | 100% |"): the table's label columns are levels, a cell spanning the rows
    under it. A grid flattened into text shows no such row (its spanned cells are simply left out, and the
    cells of a row slide left), and its label columns are read as they stand."""
    texts = row.texts()
    first = next((k for k, t in enumerate(texts) if not is_blank(t)), None)
    labels = _leading_labels(row, figure_columns)
    return bool(texts) and is_blank(texts[0]) and bool(labels) and labels[0][0] == first


def _repeats_down(above, row, figure_columns: set[int]) -> bool:
    """Two rows that write the same word in a column before their own names ("产出指标 | 数量指标 | …" over
    "产出指标 | 质量指标 | …"): a merged cell a DOCX writes on each row it spans — the columns are levels."""
    first, second = _leading_labels(above, figure_columns), _leading_labels(row, figure_columns)
    return len(first) >= 2 and len(second) >= 2 and first[0] == second[0] and first[-1] != second[-1]


def _names_rows(column: str) -> bool:
    """A column of the rows' names (项目名称, 科目名称, 单位名称): its cell is the row's label before any other."""
    return column.rsplit(" › ", 1)[-1].endswith("名称")


# the 总分 row closing a 项目支出绩效自评表 ("| 总分 | 100 | 96 | 优 |"), under no heading of its own: the
# national template writes the full mark (分值) and then the score (得分)
_SCORE_TOTAL = re.compile(r"(自评|综合)?(总分|总得分)$")


def _score_totals(facts: list[Fact]) -> list[Fact]:
    """Figures of a headless 总分 row are scores: two of them, the 分值 and the 得分 in the template's order."""
    rows: dict[int, list[int]] = {}
    for i, f in enumerate(facts):
        if not f.column and _SCORE_TOTAL.search(f.label):
            rows.setdefault(f.context_start, []).append(i)
    for at in rows.values():
        columns = ["分值", "得分"] if len(at) == 2 else [""] * len(at)
        for i, column in zip(at, columns):
            facts[i] = replace(facts[i], column=column, kind="score", unit="分", raw_unit="分", value=number(facts[i].raw))
    return facts


def _fact(doc: Document, table: Table, label: str, column: str, code: str, raw: str, start: int, end: int,
          row_start: int, row_end: int) -> Fact:
    value = number(raw)
    words = f"{column} {label}"
    if raw.endswith("%") or re.search(r"率|比例|比重|占比", column):
        kind, unit, raw_unit = "rate", "%", "%"
    elif re.search(r"分值|得分", column):
        kind, unit, raw_unit = "score", "分", "分"
    elif m := re.search(r"(人数|个数|数量|人次)", words):
        kind, unit, raw_unit = "count", "人" if "人" in m.group(1) else "个", ""
    else:
        # a figure under no heading (a flattened grid's 总分 | 100 | 96) is not known to be in the table's money unit
        raw_unit = _column_unit(column) or (table.unit if column else "")
        kind = "amount"
        if raw_unit in TO_WAN:
            value, unit = value * TO_WAN[raw_unit], "万元"
        else:
            unit = ""
    dated = column  # the heading that writes the year: the column's, or a row's named by a year and a period alone
    if not re.search(r"(?:19|20)\d\d", column) and names_a_period(label):
        dated = label.rsplit(" › ", 1)[-1]  # a row "2023年预算" of a 2024 report: the year before's figures
    year = re.search(r"(?:19|20)\d\d", dated)
    if year and doc.year and int(year.group(0)) == doc.year - 1:
        period = "上年"  # 2023年预算数 in a 2024 report: the year before's
    elif year and doc.year and int(year.group(0)) == doc.year:
        period = period_of(dated.replace(year.group(0), ""), table.title)  # 2024年预算数: its own year's 预算
    else:  # under no heading that says: the report's own (部门预算 → 预算)
        period = period_of(column, table.title, doc.kind or "")
    if _CHANGE_COLUMN.search(column) and kind in ("amount", "rate"):
        kind, period = f"change {kind}", "比上年"  # 比上年增、减情况 › 增、减金额: a change, not a level
    return Fact(doc.doc_id, label, column, table.title, value, unit, raw, raw_unit, kind, period, code,
                doc.page_at(start), start, end, row_start, row_end, "table")


_YEAR_ROW = re.compile(r"((?:19|20)\d\d)\s*年度?(.*)")


def names_a_period(label: str) -> bool:
    """A row named by a year and a period alone ("2023年预算", "2024年预算数"): a table laid out with the years
    down its side, whose columns name the items (合计 | 因公出国（境）费 | … | 公务接待费)."""
    m = _YEAR_ROW.fullmatch(label.rsplit(" › ", 1)[-1])
    return m is not None and not without_period(m.group(2)).strip("数")


_MEASURES = {"平方米", "公里", "千米", "米", "亩", "吨"}  # units that measure, not count
_MEASURE = re.compile(r"^(?P<sign>[≥≤><=﹦＝约]*)\s*(?P<x>\d[\d,]*(?:\.\d+)?)\s*(?P<u>%|[\u4e00-\u9fffA-Za-z]{1,5})?$")


def _measured(doc: Document, table: Table, label: str, column: str, text: str, start: int, end: int,
              row) -> Fact | None:
    """An indicator's value written with its unit ("12.5公里", "≥90%", "38万元", "4800平方米") as a fact of its
    row under its column (年度指标值, 实际完成值); a date or a bare sign is none."""
    m = _MEASURE.match(text.replace(" ", ""))
    if m is None or (m.group("u") or "") in ("", "年", "月", "日"):
        return None
    value, unit = number(m.group("x")), m.group("u")
    if unit == "%":
        kind = "rate"
    elif unit in TO_WAN:
        kind, value, unit = "amount", value * TO_WAN[unit], "万元"
    else:
        kind = "count" if unit in _COUNT_UNITS and unit not in _MEASURES else "quantity"  # 12.5公里 is measured
        unit = _COUNT_UNITS.get(unit, unit)
    return Fact(doc.doc_id, label, column, table.title, value, unit, text, m.group("u"), kind, period_of(column, table.title),
                "", doc.page_at(start), start, end, row.start, row.end, "table")


def _column_unit(column: str) -> str:
    m = re.search(r"[（(]\s*(万元|千元|亿元|元)\s*[)）]", column)
    return m.group(1) if m else ""


def _one_character_item(folded: str, at: int) -> bool:
    """folded[at] is the 、 of a pair of one-character items that name one thing ("收、支总计",
    index/data/joined_items.txt): the label goes on past it."""
    return folded[at] == "、" and folded[max(0, at - 1) : at + 2] in joined_items()


@lru_cache(maxsize=1)
def joined_items() -> frozenset[str]:
    return frozenset(read_data_lines("joined_items.txt"))


def _parenthesis_inside_word(folded: str, at: int, start: int) -> int:
    """The length of a short bracket that folded[at] closes inside a word, with the word going on
    after it ("因公出国（境）费"), or 0: a bracket after a break ("（一）基本支出") opens a clause."""
    if folded[at] not in "）)" or at + 1 >= start:
        return 0
    opening = max(folded.rfind("（", max(0, at - 6), at), folded.rfind("(", max(0, at - 6), at))
    if opening <= 0 or not ("\u4e00" <= folded[opening - 1] <= "\u9fff"):
        return 0
    return at - opening + 1


def prose_facts(doc: Document) -> list[Fact]:
    """A figure with its unit, labelled by its clause: `基本支出1180.40万元，占76.31%`
    gives 基本支出 = 1180.40 万元 and 占 (基本支出) = 76.31%."""
    text, folded = doc.text, doc.folded
    facts: list[Fact] = []
    previous_label = ""
    for m in _PROSE.finditer(folded):
        raw, unit_word = m.group(1), m.group(2)
        start = m.start()
        left = start
        while left > 0 and start - left < 30 and not folded[left - 1].isdigit():
            inside = _parenthesis_inside_word(folded, left - 1, start)
            if inside:
                left -= inside  # "因公出国（境）费": the bracket is part of the label
                continue
            if folded[left - 1] in _CLAUSE_BREAK:
                if not _one_character_item(folded, left - 1):
                    break
                left -= 1  # "收、支总计": one character before 、 is a part of the label, not a clause of its own
            left -= 1
        label = _LABEL_TRIM.sub("", folded[left:start].strip())
        if not label or label in ("比", "较") or re.fullmatch(r"[年月日度]+", label):
            continue
        if label.startswith(("占", "比", "较", "同比", "增长", "下降", "降低", "上升", "减少", "增加")) and previous_label:
            label = f"{previous_label} {label}"
        else:
            previous_label = label
        sentence_start, sentence_end = _sentence_around(folded, start, m.end())
        value = number(raw)
        if unit_word in TO_WAN:
            kind, unit, value = "amount", "万元", value * TO_WAN[unit_word]
        elif unit_word == "%":
            kind, unit = "rate", "%"
        elif unit_word == "分":
            kind, unit = "score", "分"
        else:
            kind, unit = "count", _COUNT_UNITS[unit_word]
        period = period_of(label)
        if _CHANGE.search(label) and kind in ("amount", "rate"):
            kind, period = f"change {kind}", "比上年"
        facts.append(Fact(doc.doc_id, label, "", "", value, unit, text[start:m.end()], unit_word, kind,
                          period, "", doc.page_at(start), start, m.end(), sentence_start,
                          sentence_end, "text"))
    return facts
