"""Structured figures in report text: metric, value, unit and the exact span.

The genre states its key figures in a small number of fixed phrasings
("全年预算数 1486.55 万元", "完成预算的 95.06%", "基本支出 864.49 万元，占总支出比重为
60.2%", "预算执行率 | 95%"); a lexicon of those labels is more exact here than
any general-purpose extractor."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from index.facts import TO_WAN
from index.records import Document

MONEY_UNITS = TO_WAN  # to 万元

# metric -> (kind, labels longest first); kind: money | percent | score
METRICS: dict[str, tuple[str, list[str]]] = {
    "预算执行率": ("percent", ["预算执行率", "预算完成率", "完成预算的", "为调整预算的", "执行率"]),
    "预算数": ("money", ["全年预算数", "调整后预算数", "调整预算数", "年中调整预算", "调整后预算", "年初预算数", "全年预算",
                      "预算总额", "预算数"]),
    "执行数": ("money", ["全年执行数", "实际执行数", "执行数", "实际支出"]),
    "总收入": ("money", ["总收入数", "收入总计", "收入合计", "总收入"]),
    "总支出": ("money", ["全年支出数", "总支出数", "支出总计", "支出合计", "支出总额", "总支出"]),
    "财政拨款收入": ("money", ["财政拨款收入"]),
    "基本支出": ("money", ["基本支出"]),
    "项目支出": ("money", ["项目支出"]),
    "结转结余": ("money", ["年末结转和结余", "结转和结余", "结转结余", "年末结余"]),
    "自评得分": ("score", ["自评得分", "评价得分", "综合得分", "实得"]),
    "总分": ("score", ["总分"]),
    "资金到位率": ("percent", ["资金到位率", "到位率"]),
    "三公经费": ("money", ["“三公”经费", "\"三公\"经费", "三公经费"]),
}
SHARE_OF = {"基本支出": "基本支出占比", "项目支出": "项目支出占比", "财政拨款收入": "财政拨款收入占比"}
DISPLAY = {"执行数": "执行数（实际支出）", "预算数": "预算数"}

NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_VALUE = {
    "money": re.compile(NUMBER + r"\s*(亿元|万元|元)"),
    "percent": re.compile(NUMBER + r"\s*(%)"),
    "score": re.compile(NUMBER + r"\s*(分)"),
}
_GAP = re.compile(r"^[\s:：|为是达到了共计约合的（(）)]*$")  # what may stand between a label and its value
_SHARE = re.compile(r"^[，,\s]*(?:占[^，。；;\d]{0,10}?(?:比重|比例|的)?(?:为|是)?|占比(?:为)?)\s*" + NUMBER + r"\s*%")


@dataclass
class MetricFact:
    doc_id: str
    metric: str
    label: str
    value: float
    unit: str  # 万元 for money (converted), % or 分
    raw: str  # the value as written, e.g. "1,436.52 万元"
    start: int  # span of label … value in the document text
    end: int

    def to_dict(self) -> dict:
        return asdict(self)


def parse_number(raw: str) -> float:
    return float(raw.replace(",", ""))


AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元)")  # an amount with its money unit


def amount_before(folded: str, at: int, reach: int = 80, subject: str = "") -> tuple[re.Match, int] | None:
    """The last amount written before `at` in the same paragraph, within `reach`
    characters — the figure a stated change ("比上年增加41.58万元") is a change of —
    and where that paragraph window starts. A change that names what changed ("收入增加360.55万元")
    is of the last amount written after that name ("收入合计3,034.71万元", not the 支出合计 after it)."""
    start = max(0, at - reach)
    start = max(start, folded.rfind("\n", start, at) + 1)
    amounts = list(AMOUNT.finditer(folded, start, at))
    if subject:
        amounts = [a for a in amounts if subject in re.split(r"[。；;]", folded[max(start, a.start() - 16) : a.start()])[-1]]
    return (amounts[-1], start) if amounts else None


def to_wan(value: float, unit: str) -> float:
    return value * MONEY_UNITS[unit]


def extract_metrics(doc: Document) -> list[MetricFact]:
    text = doc.folded
    facts: list[MetricFact] = []
    taken: list[tuple[int, int]] = []
    labels = sorted(((label, metric) for metric, (_, ls) in METRICS.items() for label in ls), key=lambda x: -len(x[0]))
    for label, metric in labels:
        kind = METRICS[metric][0]
        for m in re.finditer(re.escape(label), text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            window = text[m.end() : m.end() + 24]
            v = _VALUE[kind].search(window)
            if not v or not _GAP.match(window[: v.start()]):
                continue
            value = parse_number(v.group(1))
            unit = v.group(2)
            if kind == "money":
                value, unit = to_wan(value, unit), "万元"
            end = m.end() + v.end()
            taken.append((m.start(), m.end()))
            facts.append(MetricFact(doc.doc_id, metric, label, value, unit, doc.text[m.end() + v.start() : end], m.start(), end))
            if metric in SHARE_OF:
                share = _SHARE.match(text[end : end + 30])
                if share:
                    s_end = end + share.end()
                    facts.append(MetricFact(doc.doc_id, SHARE_OF[metric], label, parse_number(share.group(1)), "%",
                                      doc.text[end + share.start(1) : s_end], m.start(), s_end))
    facts.sort(key=lambda f: f.start)
    return facts


# Question wording -> metric. Checked in order: shares before amounts, rates before amounts.
QUESTION_METRICS: list[tuple[str, re.Pattern]] = [
    ("基本支出占比", re.compile(r"基本支出.{0,6}(占比|比重|比例|占.{0,4}多少|百分之)")),
    ("项目支出占比", re.compile(r"项目支出.{0,6}(占比|比重|比例|占.{0,4}多少|百分之)")),
    ("财政拨款收入占比", re.compile(r"财政拨款.{0,6}(占比|比重|比例)")),
    ("资金到位率", re.compile(r"到位率|资金到位")),
    ("预算执行率", re.compile(r"执行率|预算完成率|完成预算|执行进度|预算执行(情况)?(怎么样|如何)|预算完成得|完成得怎么样|花了预算的")),
    ("自评得分", re.compile(r"自评得分|得分|多少分|几分|评分|自评分")),
    ("三公经费", re.compile(r"三公")),
    ("结转结余", re.compile(r"结转|结余")),
    ("基本支出", re.compile(r"基本支出")),
    ("项目支出", re.compile(r"项目支出")),
    ("财政拨款收入", re.compile(r"财政拨款收入")),
    ("执行数", re.compile(r"执行数|实际支出|花了多少|钱花了|花掉|实际花|支出了多少|用了多少钱|实际执行")),
    ("预算数", re.compile(r"预算数|全年预算|年初预算|调整后预算|预算是多少|预算多少|预算总额|预算资金|预算有多少")),
    ("总收入", re.compile(r"总收入|收入总额|收入是多少|收入多少|收入有多少")),
    ("总支出", re.compile(r"总支出|支出总额|全年支出|一共支出|支出合计|支出是多少|支出多少")),
]


def metric_in_question(question: str) -> str | None:
    for metric, pattern in QUESTION_METRICS:
        if pattern.search(question):
            return metric
    return None


def metric_remainder(content: str, metric: str, own_words: str) -> str:
    """What the question asks beyond the metric's own words ("一般公共预算" in
    "一般公共预算收入是多少"), which the fact's sentence must also speak of.
    Words of the report's own title and body ("老干部局") do not count."""
    rest = dict(QUESTION_METRICS)[metric].sub(" ", content)
    for word in ("全年", "部门", "整体", "总体", "钱"):
        rest = rest.replace(word, " ")
    return " ".join(w for w in rest.split() if len(w) >= 2 and w not in own_words)


def format_value(fact_or_value, unit: str | None = None) -> str:
    if isinstance(fact_or_value, MetricFact):
        value, unit = fact_or_value.value, fact_or_value.unit
    else:
        value = fact_or_value
    if unit == "%":
        return f"{value:.2f}%".replace(".00%", "%")
    if unit == "分":
        return f"{value:g} 分"
    return f"{value:,.2f} 万元"
