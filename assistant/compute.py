"""Figures the reports imply but do not state: a sum, share, difference or
product of two stated figures ("百色市和河池市合计分到多少", "审定金额占送审金额的
比例", "比年计划超收了多少", "按税收占比推算…税收有多少").

The question names the operands; each is found in a retrieved passage as the
first figure written after its name, and the answer shows the formula."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.normalize import fold
from index.records import Document

from .rank import names_the_opposite, opposites
from .sentences import HOW_MUCH, SHARE_OF, bigrams, coverage

SUM = re.compile(r"合计|一共|加起来|总共|共计|之和|总和")
RATIO = re.compile(SHARE_OF + r"(?P<b>(?!多大|多少)[^，,。？?]{2,20}?)的?(比例|比重|百分之|几成|" + HOW_MUCH + ")")
# "公务接待费决算是预算的百分之几", "支出为收入的几成": a share asked as what one figure is of another
AS_SHARE_OF = re.compile(r"(?:是|为|相当于)(?P<b>[^，,。？?是为]{2,20}?)的\s*(?:百分之|几成|比例|比重|多少(?=[%？?]|$))")
WITHIN = re.compile(r"(?P<whole>[^，,。？?里中]{2,20}?)(?:里面?|当中|之中|中)(?P<part>[^，,。？?占]{2,20}?)"
                    r"(?:占多少|占比|占了?几成|占百分之几|所占比[例重])")
_ASKS_RATE_OF_CHANGE = re.compile(r"百分之几|百分之多少|百分比|多少%|几个百分点|幅度|增幅|降幅|增长率|多少个百分点")
DIFF = re.compile(r"比(?P<b>[^，,。？?]{2,12}?)(超收|多收|少收|超支|多出|多了|少了|增加了?|减少了?|(?:增长|下降)了?(?=百分|多少%|几个百分点)|高出了?|低了|"
                  r"高(?=百分|多少|几)|低(?=百分|多少|几)|差了?(?=多少)|多(?!少)|(?<!多)少)")
# (增长/下降 compare only as a rate asked, "比年初预算增长了百分之几"; "比上年增长多少" asks the change the report states)
OVER_BASIS = re.compile(r"(?:超|超出|超过|突破)了?(?P<b>(?:年初|调整后?)?预算数?)(?=多少|了?多少|[？?]|$)")
PRODUCT = re.compile(r"按(?P<p>[^，,。？?]{2,12}?)(推算|计算|估算)")
STATED_CHANGE = re.compile(r"(超收|多收|少收|超支|短收)了?\s*\d")
# "比2022年多了多少", "比上年少了多少": the other operand is a period, not a figure the question names
PERIOD_ONLY = re.compile(r"^\s*((19|20)\d\d\s*年度?|上年度?|去年|前年|上一年|同期|上年同期)\s*$")
JOINERS = re.compile(r"和|与|及|以及|、|跟|加上")
_FIGURE = re.compile(
    r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(亿元|万元|元|%|米|m|km|公里|人|名|个|座|张|宗|项|吨|亩|户)(?![\d年])"
)
TO_WAN_UNITS = {"元": 1e-4, "万元": 1.0, "亿元": 1e4}  # money units, as multiples of 万元
_STOP_GAP = re.compile(r"[。；;？?\n]")  # a heading's words name no figure of the paragraph below it
MAX_GAP = 22


@dataclass
class Operand:
    name: str  # the words of the question that located it
    value: float
    unit: str
    raw: str  # as written in the report
    doc_id: str
    start: int  # span of the figure in the document text
    end: int
    matched: int = 0  # how well the text names it (compute.figure_after's piece score)
    named: str = ""  # the words of the text that named it: the whole name, or a piece of it
    gap: str = ""  # the text between those words and the figure

    def bare_name(self) -> str:
        """The name as the text may write it: folded, without spaces, punctuation or quotes."""
        return _bare(fold(self.name))

    def named_enough(self) -> bool:
        """Named so that no other quantity is meant: not by a two-character head any quantity ends in ("经费" of
        "公用经费" is 机关运行经费's too; "支出" of "基本支出" is 支出总计's), nor by two characters from its middle
        ("预算" of 一般公共预算拨款收入 is 机关运行经费预算's too), nor by less than half of a longer name."""
        name = self.bare_name()
        if not self.named or self.named == name:
            return True
        if len(self.named) < 3:  # "退休75人" of 退休人员 sets it apart; a head, a piece from the middle, or a start
            # with other words before the figure ("收入方面：一般公共预算拨款1,800" for 收入合计) does not
            return name.startswith(self.named) and not name.endswith(self.named) and self._right_after()
        return name.endswith(self.named) or 2 * len(self.named) >= len(name)  # its head ("合同金额"), or most of it

    def names_it(self) -> bool:
        """Named by its head or most of it (named_whole), or by what sets it apart ("退休75人" for 退休人员: the
        name's start, its head 人员 left unwritten) — never by a generic head alone."""
        name = self.bare_name()
        return self.named_enough() and (self.named_whole() or len(self.named) >= 2 and name.startswith(self.named)
                                        and self._right_after())

    def _right_after(self) -> bool:
        """The figure follows the words that named it, nothing but a verb between (not "收入总计…")."""
        return not re.search(r"[\u4e00-\u9fff]", re.sub(r"[为是共计约达到了]", "", self.gap))

    def named_whole(self) -> bool:
        """The text names it by its head, the name's ending ("审定金额" of "事前评审的审定金额"), or by most of
        it; not by a modifier alone ("收入" of "收入合计", written before 总计)."""
        name = self.bare_name()
        return bool(self.named) and (name.endswith(self.named) or len(self.named) >= 0.75 * len(name))


@dataclass
class Computation:
    formula: str
    value: float
    unit: str
    operands: list[Operand]


def _bare(name: str) -> str:
    """A name as a text may write it: without spaces, punctuation or quotes."""
    return re.sub(r"[\s，,。？?“”\"]", "", name)


def _pieces(name: str) -> list[tuple[int, str]]:
    """Pieces (≥ 2 characters) of `name` to look for, best first: longer pieces, and the
    name's ending before others of its length, since a Chinese noun phrase ends in its
    head ("事前绩效评审的审定金额" → 审定金额)."""
    name = _bare(name)
    pieces = {}
    for length in range(len(name), 1, -1):
        for i in range(0, len(name) - length + 1):
            piece = name[i : i + length]
            pieces[piece] = max(pieces.get(piece, 0), length + (3 if i + length == len(name) else 0))
    return sorted(((score, piece) for piece, score in pieces.items()), key=lambda p: -p[0])


def figure_after(name: str, doc: Document, start: int, end: int, percent: bool | None = None) -> Operand | None:
    """The first figure written within a few characters after `name` in doc[start:end],
    where the text names it best (the longest piece of the name). An occurrence whose
    words up to the figure name the opposite quantity is passed over (the question's
    支出 is not read off "一般公共预算收入46900万元", where only "一般公共预算" matched). `percent`: only a
    rate (True) or only not a rate (False): "收支总计增幅" is not read off "收支…增加1,842.25万元"."""
    folded = doc.folded[start:end]
    asked = fold(name)
    whole = _bare(asked)
    for score, piece in _pieces(name):
        found = []
        for hit in re.finditer(re.escape(piece), folded):
            after = hit.end()
            window = folded[after : after + MAX_GAP + 12]
            stop = _STOP_GAP.search(window)
            if stop:
                window = window[: stop.start()]
            m = next((f for f in _FIGURE.finditer(window) if percent is None or (f.group(2) == "%") == percent), None)
            if not m or m.start() > MAX_GAP or names_the_opposite(asked, folded[hit.start() : after + m.start()]):
                continue
            a, b = start + after + m.start(), start + after + m.end()
            operand = Operand(name, float(m.group(1).replace(",", "")), m.group(2), doc.text[a:b], doc.doc_id, a, b, score,
                              piece, window[: m.start()])
            if piece != whole and whole.endswith(piece):  # "支出预算总额为…" names 支出总额 with a word between
                before = re.split(r"[，,。；;：:、\n]", folded[max(0, hit.start() - len(whole) - 2) : hit.start()])[-1]
                if whole[: -len(piece)] in before:
                    operand.named, operand.matched = whole, len(whole) + 3
                    return operand
            found.append(operand)
        if found:
            return found[0]
    return None


def _clause(question: str, pattern: re.Pattern) -> str:
    for clause in re.split(r"[，,。？?；;]", question):
        if pattern.search(clause):
            return clause
    return question


def _combine(a: Operand, b: Operand) -> tuple[float, float, str] | None:
    if a.unit == b.unit:
        return a.value, b.value, a.unit
    if a.unit in TO_WAN_UNITS and b.unit in TO_WAN_UNITS:
        return a.value * TO_WAN_UNITS[a.unit], b.value * TO_WAN_UNITS[b.unit], "万元"
    if {a.unit, b.unit} <= {"米", "m"}:
        return a.value, b.value, "米"
    return None


def _fmt(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"


def _parallel(first: str, second: str) -> str:
    """"一般公共预算支出比收入多多少": the second operand, a bare word of a pair (收入 of 收入/支出), is
    qualified as the first is (一般公共预算收入), not any 收入 the report writes (财政总收入)."""
    bare = second.strip()
    for a, b in opposites():
        if bare == b and first.strip().endswith(a) and len(first.strip()) > len(a):
            return first.strip()[: -len(a)] + b
    return second


def plan(question: str) -> tuple[str, list[str]] | None:
    """The operation a question asks for and the names of its two operands."""
    q = fold(question)
    if m := PRODUCT.search(q):
        rest = q[m.end() :]
        return "product", [m.group("p"), _clause(rest, re.compile(r".")) if rest else ""]
    if m := RATIO.search(q):
        clause = _clause(q, RATIO)
        head = clause[: clause.find("占")]
        return "ratio", [head, m.group("b")]
    if m := AS_SHARE_OF.search(q):
        clause = _clause(q, AS_SHARE_OF)
        head = clause[: AS_SHARE_OF.search(clause).start()]
        return "ratio", [head, m.group("b")]
    if (m := WITHIN.search(q)) and _stands_alone(q, m.end("whole"), m.start("part")):  # "基本支出里人员经费占多少": the part of the whole
        return "ratio", [m.group("part"), m.group("whole")]
    if m := OVER_BASIS.search(q):  # "一般公共预算收入超了预算多少": its outturn minus its budget
        clause = _clause(q, OVER_BASIS)
        return "difference", [clause[: OVER_BASIS.search(clause).start()], m.group("b")]
    if m := DIFF.search(q):
        clause = _clause(q, DIFF)
        head = re.sub(r"[各都均]$", "", clause[: clause.find("比")])  # "收支总计各比上年…": 各 is no part of the name
        growth = _ASKS_RATE_OF_CHANGE.search(clause[m.end() - len(m.group(2)) :])  # "…增长了百分之几": the change as a rate
        return "growth" if growth else "difference", [head, _parallel(head, m.group("b"))]
    if SUM.search(q):
        clause = _clause(q, SUM)
        head = clause[: SUM.search(clause).start()]
        items = [i for i in JOINERS.split(head) if len(i) >= 2]
        if len(items) >= 2:
            return "sum", items[-2:] if len(items) > 2 else items
    return None


def _stands_alone(q: str, start: int, end: int) -> bool:
    """Whether q[start:end] (里, 当中, 中) is a word of its own, as jieba segments the question:
    "授予中小企业…占比" writes 中 inside 中小企业, which names no whole."""
    from index.terms import _jieba

    pos = 0
    for word in _jieba().lcut(q):
        if pos >= start:
            return pos == start and q[start:end].startswith(word)
        pos += len(word)
    return False


_OWN_YEAR = re.compile(r"(?<![比较于与和跟])(19|20)\d\d\s*年度?的?")


def without_names(question: str, names: list[str]) -> str:
    """The question without the bodies' names and the report's year: they pick the
    report, not the figure ("昌吉市2022年税收占…" asks for 税收; a year after 比 stays,
    it is the other operand)."""
    for name in sorted(names, key=len, reverse=True):
        if len(name) >= 2:
            question = re.sub(re.escape(name) + "的?", "", question)  # "金桥街道的其他收入": 其他收入, as a year's 的 goes
    return _OWN_YEAR.sub("", question)


# "比预算多多少", "比年初预算少了多少": the other operand is the same quantity's budget
BASIS_ONLY = re.compile(r"^\s*(?:年初|调整|调整后|全年)?(?:预算数?|计划数?)\s*$")
_BUDGETED = re.compile(r"预算数|年初|调整预算|调整后|安排|计划|预计")
_DONE = re.compile(r"完成|执行|实现|实际|决算")
_DONE_SUFFIX = re.compile(r"(?:的)?(?:完成|执行|实际|决算)数?$")  # "收入完成数比年初预算…": the 收入 done


def _on_basis(name: str, doc: Document, spans: list[tuple[int, int]]) -> tuple[Operand | None, Operand | None]:
    """The figures of `name` the text states as done (完成, 执行, 决算) and as budgeted (安排, 年初, 预算数),
    read from the words between the name and its figure, else from its sentence before the name.
    A figure that says neither is neither: no guess which it is."""
    done = budgeted = None
    head = _bare(fold(name))
    outturn_report = "决算" in fold(doc.kind or doc.title)  # a 决算's figure, said with no basis, is its outturn
    for s, e in spans:
        at = s
        while found := figure_after(name, doc, at, e, percent=False):
            at = found.end
            if found.named != head or re.search(r"增|减|比|较|占|下降|上升", found.gap):
                continue  # a piece of the name only ("“三公”经费财政拨款支出决算为12.34"), or a change or share of it
            before = doc.folded[max(s, found.start - 120) : found.start - len(found.gap)]
            before = re.split(r"[。；;\n]", before)[-1].replace(head, " ")
            unsaid = not _BUDGETED.search(found.gap) and not _BUDGETED.search(before)
            if _DONE.search(found.gap) or unsaid and (_DONE.search(before) or outturn_report):
                done = done or found
            elif _BUDGETED.search(found.gap) or _BUDGETED.search(before):
                budgeted = budgeted or found
    return done, budgeted


def compute(question: str, spans: list[tuple[Document, int, int]], names: list[str] = ()) -> Computation | None:
    """`spans`: retrieved passages as (document, start, end), best first. Both
    operands come from one report's passages, each where the text names it best."""
    # names can be the operands themselves ("百色市和河池市合计"): then the question as written
    planned = plan(without_names(question, list(names))) or plan(question)
    if not planned:
        return base_from_share(without_names(question, list(names)), spans)
    if not all(n.strip() for n in planned[1]):
        return None
    op, names = planned
    if op in ("difference", "growth") and PERIOD_ONLY.match(names[1]):
        return None  # a change on an earlier year: the report states it (增加…万元), or it is not given
    if op in ("difference", "growth") and any(STATED_CHANGE.search(doc.folded[start:end]) for doc, start, end in spans):
        return None  # the report states the difference itself: quote it, do not recompute
    # "收入比预算多多少" (not "调整预算比年初预算多多少": two budgets, each named)
    basis = op == "difference" and BASIS_ONLY.match(names[1]) and not _BUDGETED.search(re.sub(r"预算数?$", "年初", names[0]))
    for doc in {d.doc_id: d for d, _, _ in spans}.values():  # reports in the order retrieved
        own = [(s, e) for d, s, e in spans if d.doc_id == doc.doc_id]
        if basis:  # "一般公共预算收入比预算多多少": its outturn and its own budget, not any 预算 the report writes
            done, budgeted = _on_basis(_DONE_SUFFIX.sub("", names[0]), doc, own)
            if done and budgeted:
                return operate(op, done, budgeted)
            continue
        a = _best([x for x in (figure_after(names[0], doc, s, e) for s, e in own) if x and x.named_enough()])
        if not a:
            continue
        b = _best([x for x in (figure_after(names[1], doc, s, e) for s, e in own)
                   if x and x.start != a.start and x.named_enough()])
        if not b:
            continue
        return operate(op, a, b)
    return None


# "一般公共预算收入完成416.68亿元,为调整预算的102.7%": the amount, and what it is the given share of
_SHARE_OF = re.compile(r"(?P<x>\d[\d,]*(?:\.\d+)?)\s*(?P<u>亿元|万元|元)(?:(?!\d[\d,.]*\s*(?:亿元|万元|元))[^。；;]){0,60}?"
                       r"为(?P<y>[^，,。；;\d]{2,24}?)的\s*(?P<r>\d+(?:\.\d+)?)\s*%")  # no other amount between
_ASKS_CHANGE = re.compile(r"增长|增加|下降|减少|增幅|降幅|涨|跌")
_ASKS_GAP = re.compile(r"差多少|差了多少|相差|没完成|未完成|还差|超了?多少|超出多少|超过多少|超收多少")
_BUDGET_KINDS = re.compile(r"一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算")
_ASKS_SHARE = re.compile(r"百分之|比例|比重|占比|%|几成|完成率|执行率")


def _best(operands: list[Operand | None]) -> Operand | None:
    """The operand the text names best; of equals, the one from the better-ranked passage."""
    found = [o for o in operands if o]
    return max(found, key=lambda o: o.matched) if found else None


def base_from_share(question: str, spans: list[tuple[Document, int, int]]) -> Computation | None:
    """The whole a stated share is of, when the report gives the share but not the whole
    ("鄂州…一般公共预算收入的调整预算大约是多少" ← "收入73.84亿元,…为调整预算的97.9%"): the amount
    ÷ the share. The question must name the whole and ask no share; of several such
    statements, the one whose amount's own words the question names most, alone."""
    q = fold(question)
    if _ASKS_SHARE.search(q) or _ASKS_CHANGE.search(q):
        return None  # a share or a change asked, not the whole a share is of
    wholes_named = _BUDGET_KINDS.sub(" ", q)  # "一般公共预算收入" names a kind of budget, not the 预算 a share is of
    found: list[tuple[float, Computation]] = []
    for doc, start, end in spans:
        for m in _SHARE_OF.finditer(doc.folded, start, end):
            whole = re.sub(r"[(（][^)）]*[)）]|[“”\"]", "", m.group("y")).strip()
            share = float(m.group("r"))
            if len(whole) < 2 or whole not in wholes_named or not share:
                continue
            label = doc.folded[max(start, m.start() - 24) : m.start()]
            if names_the_opposite(q, re.split(r"[。；;]", label)[-1]):
                continue  # "一般公共预算支出…预算" is not worked out from the 收入's "为预算的102.1%"
            named = sum(label[i : i + 2] in q for i in range(len(label) - 1))
            x = Operand(whole, float(m.group("x").replace(",", "")), m.group("u"), doc.text[m.start("x") : m.end("u")],
                        doc.doc_id, m.start("x"), m.end("u"))
            r = Operand(whole, share, "%", doc.text[m.start("r") : m.end()], doc.doc_id, m.start("r"), m.end())
            value = round(x.value / share * 100, 2)
            formula = f"{x.raw} ÷ {r.raw} ≈ {_fmt(value)}{x.unit}（报告写“为{whole}的{r.raw}”）"
            if _ASKS_GAP.search(q):  # "没完成预算的差多少", "超了预算多少": the amount less the whole it is a share of
                value = round(x.value - x.value / share * 100, 2)
                formula = (f"{x.raw} − {x.raw} ÷ {r.raw} ≈ {_fmt(value)}{x.unit}"
                           f"（{'超出' if value > 0 else '差'} {_fmt(abs(value))}{x.unit}；报告写“为{whole}的{r.raw}”）")
            found.append((named, Computation(formula, value, x.unit, [x, r])))
    found.sort(key=lambda f: -f[0])
    if not found or (len(found) > 1 and found[1][0] == found[0][0] and found[1][1].value != found[0][1].value):
        return None
    return found[0][1]


# a listing of what an amount is made of or spent on, after its subject: "…项目,用于A1.065万元,B2.1万元,…"
_LISTING = re.compile(r"用于|包括|包含|分别为|分别是|其中[:：]?|主要有")
_LISTED = re.compile(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(亿元|万元|元)(?![\d年])")
_TOTAL_ASKED = re.compile(r"总共|一共|合计|共计|总计|加起来|总额|总数|共多少")
LISTING_NAMED = 0.5  # share of the question's words the subject before the listing must write
MIN_LISTED = 2


def sum_of_listing(question: str, content: str, spans: list[tuple[Document, int, int]]) -> Computation | None:
    """A total asked that the report does not state, of the parts it lists in one sentence after their
    subject ("该项目为…彩票公益金…项目,用于A1.065万元,B2.1万元,…" for "这个彩票公益金项目总共多少钱"): their
    sum, formula shown. Not when the sentence states an amount outside the listing (its total, written),
    when one listed amount is the others' sum (a total among its parts), or when the subject does not
    name what is asked."""
    if not _TOTAL_ASKED.search(fold(question)) or not content.strip():
        return None
    asked = bigrams(_TOTAL_ASKED.sub("", content.replace(" ", "")))
    for doc, start, end in spans:
        for sentence in re.finditer(r"[^。；;\n]+", doc.folded[start:end]):
            text, at = sentence.group(0), start + sentence.start()
            listing = _LISTING.search(text)
            if not listing or coverage(asked, text[: listing.start()]) < LISTING_NAMED:
                continue
            before, listed = _LISTED.findall(text[: listing.start()]), list(_LISTED.finditer(text, listing.end()))
            units = {m.group(2) for m in listed}
            if before or len(listed) < MIN_LISTED or len(units) != 1:
                continue
            values = [float(m.group(1).replace(",", "")) for m in listed]
            if any(abs(v - (sum(values) - v)) < 0.005 for v in values):
                continue  # "基本支出100万元，其中人员经费80万元、公用经费20万元": the total is listed too
            operands = [Operand(content, v, m.group(2), doc.text[at + m.start() : at + m.end()], doc.doc_id,
                                at + m.start(), at + m.end()) for v, m in zip(values, listed)]
            places = max(len(m.group(1).partition(".")[2]) for m in listed)  # as exact as the parts: 1.065 + 2.1 = 3.165
            value = round(sum(values), places)
            formula = (" + ".join(o.raw for o in operands) + f" = {value:,.{places}f}{operands[0].unit}"
                       "（报告未写合计，按所列各项相加）")
            return Computation(formula, value, operands[0].unit, operands)
    return None


def operate(op: str, a: Operand, b: Operand) -> Computation | None:
    """The figure `op` (sum, difference, ratio, product) makes of two operands, with its formula."""
    if op == "product":
        pct, base = (a, b) if a.unit == "%" else (b, a)
        if pct.unit != "%" or base.unit == "%":
            return None
        value = round(base.value * pct.value / 100, 2)
        return Computation(f"{base.raw} × {pct.raw} = {_fmt(value)}{base.unit}", value, base.unit, [base, pct])
    both = _combine(a, b)
    if not both:
        return None
    x, y, unit = both
    if op == "growth":  # "调整预算比年初预算增长了百分之几": the change over the second
        if not y or a.unit == "%" or b.unit == "%":
            return None
        value = round((x - y) / y * 100, 2)
        said = f"（{'增长' if value > 0 else '下降'} {abs(value):.2f}%）" if value else ""
        return Computation(f"({a.raw} − {b.raw}) ÷ {b.raw} = {value:.2f}%{said}", value, "%", [a, b])
    if op == "ratio":
        if not y or x > y:
            return None  # "A占B的比重" is a part of its whole: above 100% the operands are not part and whole
        value = round(x / y * 100, 2)
        return Computation(f"{a.raw} ÷ {b.raw} = {value:.2f}%", value, "%", [a, b])
    value = round(x + y if op == "sum" else x - y, 4)
    sign = "+" if op == "sum" else "−"
    said = ""  # a difference said in words: which way it goes
    if op == "difference" and value:
        said = f"（少 {_fmt(-value)}{unit}）" if value < 0 else f"（多 {_fmt(value)}{unit}）"
    return Computation(f"{a.raw} {sign} {b.raw} = {_fmt(value)}{unit}{said}", value, unit, [a, b])


# --- a bound a figure is held to ("哪些收支总计超过1000万元", "执行率达到100%的有哪些") -------------

_BOUND = re.compile(r"(?P<cmp>不低于|不少于|不超过|不高于|超过了?|高于|大于|多于|达到了?|低于|少于|不足|不到|小于|在)\s*"
                    r"(?P<x>\d[\d,]*(?:\.\d+)?)\s*(?P<u>亿元|万元|元|%|分|个|人|名|项)?\s*(?P<tail>及?以上|及?以下)?")
_RELATION = {"不低于": ">=", "不少于": ">=", "达到": ">=", "达到了": ">=", "不超过": "<=", "不高于": "<=",
             "超过": ">", "超过了": ">", "高于": ">", "大于": ">", "多于": ">",
             "低于": "<", "少于": "<", "不足": "<", "不到": "<", "小于": "<"}


@dataclass
class Bound:
    relation: str  # ">", ">=", "<", "<="
    value: float
    unit: str
    written: str  # as the question writes it ("超过1000万元")
    start: int  # its span in the question
    end: int

    def holds(self, figure: Operand) -> bool | None:
        """Whether the figure meets the bound; None when their units do not compare (an amount
        against a rate, a count against a score)."""
        if figure.unit in TO_WAN_UNITS and self.unit in TO_WAN_UNITS:
            x, bound = figure.value * TO_WAN_UNITS[figure.unit], self.value * TO_WAN_UNITS[self.unit]
        elif figure.unit == self.unit or {figure.unit, self.unit} <= {"人", "名"}:
            x, bound = figure.value, self.value
        else:
            return None
        return {">": x > bound, ">=": x >= bound, "<": x < bound, "<=": x <= bound}[self.relation]


def bound_in(question: str) -> Bound | None:
    """The bound a question holds figures to, when it writes one with its unit: "超过1000万元",
    "达到100%", "在90分以上" (以上/以下 include the bound, as in the regulations' usage)."""
    m = _BOUND.search(fold(question))
    if m is None or not m.group("u"):
        return None
    cmp, tail = m.group("cmp"), m.group("tail") or ""
    if cmp == "在":
        if not tail:
            return None  # "在2022年…": no bound
        relation = ">=" if tail.endswith("以上") else "<="
    else:
        relation = _RELATION[cmp]
    return Bound(relation, float(m.group("x").replace(",", "")), m.group("u"), m.group(0).strip(), m.start(), m.end())


# --- per unit ("平均每人次补助多少钱", "每户补助大概多少") -------------------------------

PER_UNIT = re.compile(r"(?:平均)?每(?:一)?(?P<unit>人次|人|户|所|家|项|名|辆|台|套|亩|平方米|公里|批次|批)|人均")


def per_unit(question: str, doc: Document, names: list[str] = (), funds: Operand | None = None) -> Computation | None:
    """An amount per unit ("每户补助大概多少"): the amount written right after the thing the question
    names ("无障碍改造8.5万元"), else the project's funds when the report has one funds grid (`funds`),
    divided by the one count in that unit the report states ("目标值大于等于85户"). None when the unit
    is counted more than one way (two different counts in 户) or no amount is named."""
    folded = fold(question)
    m = PER_UNIT.search(folded)
    if not m:
        return None
    unit = m.group("unit") or "人"
    after = r"(?!次)" if unit == "人" else ""
    counts = {float(c.group(1).replace(",", "")): c for c in
              re.finditer(rf"(\d[\d,]*(?:\.\d+)?)\s*\|?\s*{unit}{after}", doc.folded)}  # "735人次", "| 735 | 人次 |"
    if len(counts) != 1:
        return None
    value, c = next(iter(counts.items()))
    if not value:
        return None
    count = Operand(unit, value, unit, f"{c.group(1)}{unit}", doc.doc_id, c.start(), c.end())
    asked = PER_UNIT.sub(" ", without_names(folded, list(names)))
    amount = None
    for run in sorted(re.findall(r"[\u4e00-\u9fff]{2,}", asked), key=len, reverse=True):
        amount = figure_after(run, doc, 0, len(doc.text))
        if amount is not None and amount.unit in TO_WAN_UNITS:
            break
        amount = None
    amount = amount or funds
    if amount is None or amount.unit not in TO_WAN_UNITS:
        return None
    in_yuan = amount.value * TO_WAN_UNITS[amount.unit] * 1e4 / value
    result = round(in_yuan, 2)
    formula = f"{amount.raw} ÷ {count.raw} ≈ {result:,.2f}元/{unit}"
    return Computation(formula, result, f"元/{unit}", [amount, count])


# --- counting enumerated items ("决算报表一共有几张？", "分为几个部分？") ---------------

COUNT_QUESTION = re.compile(r"(几|多少)(张|个部分|部分|份表|个表)")
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九", 0)}
_ITEM_PATTERNS = {
    "部分": re.compile(r"第([一二三四五六七八九十]{1,3})部分"),
    # "一、收入支出决算总表", "表1:", "表十二、项目支出绩效表"; not "十、关于…支出表的说明" (a note on a table)
    "表": re.compile(r"(?:^|[\s|])([一二三四五六七八九十]{1,3})[、.．][^、\n|]{2,40}?表(?![格述]|的说明)|表\s*(\d{1,2})\s*[:：]"
                    r"|(?:^|[\s|])表([一二三四五六七八九十]{1,3})[、.．]", re.M),
}


def chinese_number(text: str) -> int:
    """一 … 九十九, as written in numbered headings."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return _CN_DIGITS.get(text, 0)
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


@dataclass
class Count:
    value: int
    unit: str
    first: tuple[int, int]  # spans of the first and last numbered item in the document text
    last: tuple[int, int]


def count_items(question: str, doc: Document) -> Count | None:
    """The number of numbered items of the kind asked for (tables, parts), read
    from their numbering, e.g. a table of contents running 一、… to 九、…表."""
    q = fold(question)
    m = COUNT_QUESTION.search(q)
    if not m:
        return None
    kind = "部分" if "部分" in m.group(0) else ("表" if "表" in q else None)
    if kind is None:
        return None
    items = []
    for hit in _ITEM_PATTERNS[kind].finditer(doc.folded):
        number = chinese_number(next(g for g in hit.groups() if g))
        items.append((number, hit.start(), hit.end()))
    if not items:
        return None
    numbers = {n for n, _, _ in items}
    top = max(numbers)
    if top < 2 or not set(range(1, top + 1)) <= numbers:  # a run without gaps, from 1
        return None
    first = next((s, e) for n, s, e in items if n == 1)
    last = next((s, e) for n, s, e in items if n == top)
    return Count(top, "张" if kind == "表" else "个部分", first, last)
