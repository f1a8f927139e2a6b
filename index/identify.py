"""Which report this is: issuing body, region chain, fiscal year, kind, project
and title, read from the whole document, each with the place it came from.

Real openings are not titles: a district's collection cover, a table of
contents, a line broken inside the body's name, or a web page's furniture
("当前位置：首页 > …", "发布日期：", "《….docx》由会员分享"). So instead of taking the
first line, every place where these documents state who they are is read and
weighed: title lines ("XX2023年度部门决算"), labelled fields (单位名称, 预算单位,
实施单位, 主管部门, 发布机构), a self-introduction ("XX是…"), and the file name and
address as weaker evidence. Boilerplate patterns and report kinds are data
(`data/boilerplate.txt`, `data/report_kinds.txt`).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from .names import org_suffixes, parse_body, place_level, provinces, read_data_lines, split_places

_CJK = "\u4e00-\u9fff"
PINYIN_GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")
HEAD_CHARS = 4000
TAIL_CHARS = 800
OVERRIDABLE = ("body", "region", "year", "kind", "project", "title", "parent")


@dataclass
class Field:
    """One identity field and where it was read: `start`/`end` are offsets into
    the document text, or -1 when it came from outside the text."""

    value: str
    source: str  # e.g. "标题行", "单位名称", "file name", "address", "meta.json", "--body"
    start: int = -1
    end: int = -1


@dataclass
class Identity:
    title: Field
    body: Field
    regions: list[str]  # outermost first: 广东省 > 广州市 > 花都区
    year: Field
    kind: Field
    project: Field
    parent: Field  # 主管部门, when the report names one
    names: list[str] = field(default_factory=list)  # how people may call the body

    def provenance(self) -> dict:
        return {k: asdict(getattr(self, k)) for k in ("title", "body", "year", "kind", "project", "parent")}


@lru_cache(maxsize=1)
def _boilerplate() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in read_data_lines("boilerplate.txt")))


@lru_cache(maxsize=1)
def report_kinds() -> list[str]:
    return read_data_lines("report_kinds.txt")


class View:
    """The folded text with pinyin glosses and the spaces PDF extraction puts
    inside words removed, and a map from each of its characters back to the
    document text, so what is found here can be cited there."""

    def __init__(self, folded: str):
        keep = [True] * len(folded)
        for m in PINYIN_GLOSS.finditer(folded):
            for i in range(m.start(), m.end()):
                keep[i] = False
        for m in re.finditer(rf"(?<=[{_CJK}\d])[ \t\u3000]+(?=[{_CJK}])|(?<=[{_CJK}])[ \t\u3000]+(?=\d)", folded):
            for i in range(m.start(), m.end()):
                keep[i] = False
        self.offsets = [i for i, k in enumerate(keep) if k]
        self.text = "".join(folded[i] for i in self.offsets)

    def span(self, start: int, end: int) -> tuple[int, int]:
        if start >= len(self.offsets):
            return -1, -1
        return self.offsets[start], self.offsets[max(start, end - 1)] + 1

    def lines(self, start: int = 0, end: int | None = None):
        """(offset, line) in the view, stripped of list bullets."""
        pos = start
        text = self.text[start:end]
        for line in text.split("\n"):
            stripped = line.strip(" \t•·*>|")
            lead = line.find(stripped) if stripped else 0
            yield pos + lead, stripped
            pos += len(line) + 1


def is_boilerplate(line: str) -> bool:
    return bool(_boilerplate().match(line))


def _cut_org(value: str) -> str:
    """The body name at the start of a field's value: "永德县明朗中学 | …" → 永德县明朗中学.
    The longest prefix that ends like a body's name wins (中共…委员会老干部局)."""
    value = re.split(r"[|｜:：,，。;；\s]", value.strip(), maxsplit=1)[0]
    value = re.sub(r"\((公章|盖章|本级)\)|（(公章|盖章|本级)）|本级$", "", value)
    value = re.sub(r"^(\d{4}年?度?)", "", value)
    value = re.split(r"20\d\d|公开|报告|年度|实施单位|主管部门|主管单位|项目名称|预算单位|单位名称|部门名称|"
                     + "|".join(k for k in report_kinds() if len(k) <= 4), value)[0]
    suffixes = org_suffixes()
    best = 0
    for i in range(3, min(len(value), 40) + 1):
        if value[:i].endswith(tuple(suffixes)):
            best = i
    if best:
        return value[:best]
    places, rest = split_places(value)
    if places and not rest:
        return value  # a town or district government: 昌宁县卡斯镇
    return ""


# label → (weight, role). The body of a 项目自评表 is its 实施单位; the 主管部门 is its parent.
_LABELS = {
    "单位名称": (4.0, "body"), "部门名称": (4.0, "body"), "预算单位": (4.0, "body"), "预算部门": (4.0, "body"),
    "一级预算单位名称": (4.0, "body"), "编制单位": (4.0, "body"), "填报单位": (3.5, "body"), "部门": (3.0, "body"),
    "单位": (2.5, "body"), "实施单位": (3.5, "body"), "项目单位": (3.0, "body"), "预算部门单位": (4.0, "body"),
    "项目实施单位": (3.5, "body"), "项目主管单位": (1.0, "parent"), "主管单位": (1.0, "parent"),
    "主管部门": (1.0, "parent"), "发布机构": (1.5, "body"), "发文机关": (1.0, "body"), "来源": (1.0, "body"),
}
_LABEL = re.compile(rf"({'|'.join(sorted(map(re.escape, _LABELS), key=len, reverse=True))})")
_LABEL_VALUE = re.compile(rf"\s*(?:[(（][^)）]{{0,6}}[)）])?\s*([:：|｜]|\s)?\s*[|｜]?\s*([{_CJK}()（）]{{2,40}})")
_SHORT_LABELS = {"部门", "单位", "来源"}  # these need a separator: "部门整体…" is no label
_YEAR = re.compile(r"(20\d\d)\s*年")
# A signature: a body's name right before a date (中江县水利局2022年12月30日).
_SIGNATURE = re.compile(rf"(?:^|[\n|。 ])([{_CJK}()（）]{{3,30}}?)\s*(?:20\d\d|二[〇○零]..)\s*年\s*\S{{1,2}}\s*月(?:\s*\S{{1,3}}\s*日)?\s*(?:$|\n)", re.M)
# Party and CPPCC bodies, whose names open with 中共 / 中国…党 / 政协 rather than a place.
_PARTY_ORG = re.compile(rf"(?:中国共产党|中共|中国[{_CJK}]{{2,4}}党|中国人民政治协商会议|政协)[{_CJK}]{{2,12}}?委员会(?:[{_CJK}]{{1,8}}?(?:部|局|办公室))?")
# A body named with its place (临沧市临翔区林业和草原局) anywhere in the opening.
_PLACED_ORG = re.compile(rf"(?:(?<![{_CJK}])|(?<=[由在的为是对向和及与]))(?:[{_CJK}]{{1,7}}?(?:省|自治区|市|自治州|州|盟|县|区|旗|镇|乡)){{1,3}}[^\W\d的了在是与及对为由将把等各全本该我其年]{{1,14}}(?:局|委员会|中心|厅|学校|中学|小学|医院|卫生院|办事处|联合会|合作社|协会|馆|政府|管理处)")
_NAMED_YEAR = re.compile(r"(?<!\d)(20[12]\d)(?!\d)")  # a year in a file's name or a page's address
_DATE_AFTER = re.compile(r"^\s*年\s*\d{1,2}\s*月|^\s*[-/.]\s*\d{1,2}")
_INTRO = re.compile(rf"(?:^|[。\n])\s*([{_CJK}()（）]{{4,30}}?)(?:\(以下简称[^)]{{0,12}}\))?(?:是|系|为)(?:[{_CJK}]{{0,30}}?)(?:单位|机构|部门|组织|团体|机关)")


def _title_candidates(view: View) -> list[tuple[int, str]]:
    """Lines of the opening that read as a report's title: a kind word, short,
    no sentence punctuation, not site furniture. A title broken across two
    lines is joined; furniture before a title on its line is cut off."""
    found = []
    furniture = set()
    lines = [(pos, line) for pos, line in view.lines(0, HEAD_CHARS) if line]
    for i, (pos, line) in enumerate(lines):
        text = line
        if is_boilerplate(text):
            furniture.add(pos)
            m = _title_run_pattern().search(text)
            if not m:
                continue
            pos, text = pos + m.start(), re.sub(r"(?:编辑|来源|发布|日期)$", "", m.group(0))
            furniture.add(pos)
        text = re.sub(r"^(标题|题目|附件\s*\d*)\s*[:：]?|^\d{1,2}[.、](?=关于)|^[(（][^)）]{1,8}[)）](?=\S{6})", "", text)
        text = re.split(r"(?:编辑|来源|发布|日期|浏览|点击)\s*[:：]", text)[0]
        text = re.sub(r"\.(pdf|docx?|xlsx?|txt)$", "", text, flags=re.I).strip(" -_《》")
        if "|" in text:
            cells = [c.strip() for c in text.split("|") if c.strip()]
            text = max(cells, key=lambda c: (any(k in c for k in report_kinds()), -len(c)), default="")
        if not text or len(text) > 90 or re.search(r"[，,。；;]|\(\d+分\)", text):
            continue
        bare = re.sub(r"[“”\"'‘’]", "", text)
        kind = next((k for k in report_kinds() if k in bare), "")
        if not kind or (len(kind) <= 2 and not (re.search(kind + r"(公开|表|报告|说明|情况)?[^\u4e00-\u9fff]*$", bare)
                                                 and (_YEAR.search(text) or split_places(text)[0]))):
            continue
        if re.match(r"^[一二三四五六七八九十]+[、.]|^第[一二三四五六七八九十]+部分|^[(（]", text):
            continue  # a table-of-contents entry or a heading, not a title
        prev = lines[i - 1][1] if i else ""
        if (prev and len(prev) <= 20 and not is_boilerplate(prev) and not re.search(r"[。；:：|]", prev)
                and not any(k in prev for k in report_kinds()) and re.match(rf"^[{_CJK}]", text)
                and not _YEAR.match(text) and not split_places(text)[0]):
            text = prev + text  # "XX区城市" + "管理局2023年度部门决算"
        found.append((pos, text))
    if not any(_org_before_kind(t) for _, t in found):
        for m in _title_span_pattern().finditer(view.text[:HEAD_CHARS]):  # a title inside a long line
            org = _org_before_kind(m.group(1))
            if org and split_places(org)[0] and not m.group(1).startswith("第"):
                found.insert(0, (m.start(1), m.group(1)))
                break
    found.sort(key=lambda pt: (not _org_before_kind(pt[1]), pt[0] in furniture))  # a title naming its body first
    return found


@lru_cache(maxsize=1)
def _title_run_pattern() -> re.Pattern:
    kinds = "|".join(map(re.escape, (k for k in report_kinds() if len(k) >= 4)))
    return re.compile(rf"[^\s|,，。:：>]{{0,40}}?(?:{kinds})[^\s|,，。:：>]{{0,24}}")


@lru_cache(maxsize=1)
def _title_span_pattern() -> re.Pattern:
    kinds = "|".join(map(re.escape, (k for k in report_kinds() if len(k) >= 4)))
    return re.compile(rf"([{_CJK}()（）]{{3,40}}?\s*20\d\d\s*年?度?\s*(?:{kinds}))")




def _org_before_kind(title: str) -> str:
    """"上海市普陀区体育事业管理中心2022年度项目自评价" → 上海市普陀区体育事业管理中心."""
    t = re.sub(r"^(关于|中共)?", "", title)
    year = _YEAR.search(t)
    kind_at = min((t.find(k) for k in report_kinds() if k in t), default=len(t))
    pieces = []
    if year and year.start() > 1:
        pieces.append(t[: year.start()])
    if year:
        pieces.append(t[year.end():kind_at].lstrip("度"))
    pieces.append(t[:kind_at])
    for n, piece in enumerate(pieces):
        piece = re.sub(r"[\s“”\"]+|^\d{4}年?度?|\(本级\)|（本级）|本级$", "", piece)
        org = _cut_org(piece)
        after_year = year is not None and n == len(pieces) - 2 and year.start() > 1 or (year and year.start() <= 1)
        if org and len(org) >= len(piece) - 4 and (split_places(org)[0] or not after_year or org in piece[:len(org)] and n == 0 and year and year.start() > 1):
            return org
        places, rest = split_places(piece)
        if places and (not rest or rest in ("本级", "政府", "人民政府") or place_level(places[-1]) >= 3):
            return "".join(places) + (rest if rest in ("政府", "人民政府") else "")
    return ""


def _fiscal_year(view: View, titles: list[tuple[int, str]], name: str, url: str) -> Field:
    for pos, title in titles[:3]:
        m = _YEAR.search(title)
        if m:
            start = view.text.find(m.group(0), pos)
            return Field(m.group(1), "标题行", *view.span(start, start + 4))
    counts: Counter = Counter()
    first_at: dict[str, int] = {}
    for pos, line in view.lines(0, HEAD_CHARS):
        if is_boilerplate(line):
            continue
        for m in _YEAR.finditer(line):
            if _DATE_AFTER.match(line[m.end() - 1:]):
                continue  # a date (2024年8月29日), not a fiscal year
            counts[m.group(1)] += 1
            first_at.setdefault(m.group(1), pos + m.start())
    label = re.search(r"(评价年度|年度)\s*[:：|]\s*(20\d\d)", view.text[:HEAD_CHARS])
    if label:
        start = label.start(2)
        return Field(label.group(2), label.group(1), *view.span(start, start + 4))
    named = _NAMED_YEAR.search(name)
    if named and named.group(1) in counts:  # a title-less sheet's "2023年预算数 | 2024年预算数": the file names which
        start = first_at[named.group(1)]
        return Field(named.group(1), "文件名（正文中也有）", *view.span(start, start + 4))
    if counts:
        most = max(counts.values())
        year = max(y for y, n in counts.items() if n == most)  # of years written as often, the latest: 上年's is earlier
        start = first_at[year]
        return Field(year, "正文中最常见的年度", *view.span(start, start + 4))
    for source, text in (("file name", name), ("address", url)):
        m = _NAMED_YEAR.search(text)
        if m:
            return Field(m.group(1), source)
    return Field("", "")


def _found_in(view: View, value: str, source: str, near: int = 0) -> Field:
    at = view.text.find(value, near)
    if at == -1:
        at = view.text.find(value)
    return Field(value, source, *view.span(at, at + len(value))) if at != -1 else Field(value, source)


def identify(text: str, folded: str, file_name: str, url: str = "") -> Identity:
    view = View(folded)
    titles = _title_candidates(view)
    scores: Counter = Counter()
    where: dict[str, tuple[int, str]] = {}
    parent = Field("", "")

    def vote(org: str, weight: float, pos: int, source: str) -> None:
        if not org or len(org) < 3:
            return
        if org.endswith(("公司", "集团")):
            weight *= 0.2  # a company carries out projects but is not a budget unit
        scores[org] += weight
        if org not in where or weight > 2:
            where.setdefault(org, (pos, source))

    for n, (pos, title) in enumerate(titles[:4]):
        vote(_org_before_kind(title), 5.0 - n, pos, "标题行")
    raw_head = view.text[:HEAD_CHARS]  # labels (来源, 发布机构) live in the furniture too
    head = "\n".join(" " * len(line) if is_boilerplate(line) else line for line in raw_head.split("\n"))
    for label in _LABEL.finditer(raw_head):
        m = _LABEL_VALUE.match(raw_head, label.end())
        if not m or (not m.group(1) and (label.group(1) in _SHORT_LABELS or raw_head[label.end() - 1] not in "位门构关")):
            continue  # "部门整体…" is no label: short labels need a separator
        weight, role = _LABELS[label.group(1)]
        org = _cut_org(m.group(2))
        if not m.group(1) and not split_places(org)[0]:
            continue  # without a separator, only a name that opens with its place
        if role == "parent" and org and not parent.value:
            parent = Field(org, label.group(1), *view.span(m.start(2), m.start(2) + len(org)))
        vote(org, weight, m.start(2), label.group(1))
    for m in _PARTY_ORG.finditer(head):
        vote(m.group(0), 1.0, m.start(), "正文")
    for m in _INTRO.finditer(head):
        vote(_cut_org(m.group(1)), 3.0, m.start(1), "概况")
    for m in _SIGNATURE.finditer(view.text[:HEAD_CHARS] + view.text[-TAIL_CHARS:]):
        at = m.start(1) if m.start(1) < HEAD_CHARS else len(view.text) - TAIL_CHARS + m.start(1) - HEAD_CHARS
        vote(_cut_org(m.group(1)), 2.5, at, "落款")
    placed = [(m, _cut_org(trim_to_places(m.group(0)))) for m in _PLACED_ORG.finditer(head)]
    seen = Counter(org for _, org in placed if org)
    for m, org in placed:
        if org and (seen[org] >= 2 or not scores):  # a name written once in running text is weak evidence
            vote(org, 0.5, m.end() - len(org), "正文")
    for org in list(scores):
        scores[org] += min(2.0, 0.3 * view.text.count(org))
        if split_places(org)[0]:
            scores[org] += 0.5
        # a longer name that contains this one is the same body, better named
        for other in scores:
            if other != org and org in other and other.endswith(org[-2:]):
                scores[other] += 0.5
    for place, count in _frequent_places(head).items():
        vote(place, min(1.2, 0.4 * count), head.find(place), "正文中反复出现的地区")
    body = Field("", "")
    if scores:
        best = max(scores, key=lambda o: (scores[o], len(o)))
        fuller = [o for o in scores if o != best and o.startswith(best) and split_places(o)[1]]
        if fuller and split_places(best)[0] and not split_places(best)[1]:  # 宿城区's report, published by 宿城区财政局
            best = max(fuller, key=lambda o: scores[o])
        pos, source = where[best]
        body = _found_in(view, best, source, pos)
    if not body.value and titles:
        body = Field("", "")
    regions = _regions(body.value, parent.value, [t for _, t in titles], view.text[:HEAD_CHARS])
    year = _fiscal_year(view, titles, file_name, url)
    kind = Field("报告", "")
    kind_sources = [(pos, t) for pos, t in titles] + [(0, view.text[:1500])]
    for pos, source_text in kind_sources:
        squeezed = re.sub(r"[\s“”\"'‘’]+", "", source_text)
        in_title = source_text in dict(titles).values()
        found = next((k for k in report_kinds() if k in squeezed and (in_title or len(k) >= 4)), None)
        if found:
            kind = _found_in(view, found, "标题行" if pos or source_text in dict(titles).values() else "开头", pos)
            break
    else:  # a table published on its own (…部门决算-支出表.pdf) says its kind only in its file name
        named = next((k for k in report_kinds() if len(k) >= 4 and k in Path(file_name).stem), None)
        if named:
            kind = Field(named, "file name")
    project = Field("", "")
    # a body's own 预算/决算 or 整体 report is of no one project (its 项目支出表 names many)
    of_a_body = "项目" not in kind.value and bool(re.search(r"预算|决算|整体", kind.value))
    m = None if of_a_body else re.search(rf"项目名称\s*[:：|]?\s*[|]?\s*(?:[\dA-Z]{{8,}}-)?([{_CJK}\w()（）\-—“”]{{2,50}}?)(?=\s*[|\n]|主管部门|实施单位|项目资金|$)", head)
    if m:
        project = Field(m.group(1), "项目名称", *view.span(m.start(1), m.end(1)))
    if parent.value == body.value:
        parent = Field("", "")  # a table of its own projects names the body as their 主管部门
    if titles:
        pos, t = titles[0]
        title = Field(t, "标题行", *view.span(pos, pos + len(t)))
    else:
        title = Field("", "")
    identity = Identity(title, body, regions, year, kind, project, parent)
    finish(identity, file_name)
    return identity


def _frequent_places(head: str) -> Counter:
    """County-level or higher places written three or more times: a 预算执行 report
    of 全区 names its region, not a body."""
    import jieba.posseg

    from .terms import _jieba

    _jieba()
    counts = Counter(w for w, f in jieba.posseg.cut(head) if f == "ns" and len(w) >= 3
                     and w.endswith(("省", "市", "州", "盟", "县", "区", "旗")) and w not in provinces())
    return Counter({w: n for w, n in counts.items() if n >= 3})


def trim_to_places(text: str) -> str:
    """The tail of `text` that starts with a real place, by jieba's place tags:
    "费主管部门上饶市司法局" → 上饶市司法局. Empty when no place starts a name."""
    import jieba.posseg

    from .terms import _jieba

    _jieba()
    places, _ = split_places(text)
    if places and places[0] in provinces():
        return text
    pos = 0
    for word, flag in jieba.posseg.cut(text):
        if flag == "ns" or word in provinces():
            tail = text[pos:]
            if split_places(tail)[0]:
                return tail
        pos += len(word)
    places, _ = split_places(text)
    return text if places and places[0].endswith(("乡", "镇", "街道", "苏木")) else ""


def _regions(body: str, parent: str, titles: list[str], head: str) -> list[str]:
    """The region chain: from the body's name, else its parent's or title's,
    extended outward by a fuller chain the opening writes before the same place."""
    chain: list[str] = []
    for name in [body, parent, *titles]:
        places = parse_body(re.sub(r"^(关于|\d{4}年度?)", "", name or "")).places
        if places:
            chain = places
            break
    if chain:
        # "临沧市永德县明朗中学" in the opening gives 临沧市 to a body named "永德县…"
        m = re.search(rf"([{_CJK}]{{2,12}}){re.escape(chain[0])}", head)
        if m:
            outer, rest = split_places(trim_to_places(m.group(1)) or "-")
            if outer and not rest:
                chain = outer + chain
    return chain


def finish(identity: Identity, file_name: str) -> None:
    """Fill what depends on other fields: the title when none was found, the names."""
    if not identity.title.value:
        parts = [identity.body.value, f"{identity.year.value}年度" if identity.year.value else "", identity.kind.value]
        built = "".join(p for p in parts if p) or Path(file_name).stem
        identity.title = Field(built, "组合（未找到标题行）" if identity.body.value else "file name")
    # the body's own names only: a 主管部门 is another body, and routing does not answer to it
    identity.names = parse_body(identity.body.value).forms if identity.body.value else []


def read_overrides(path: Path) -> dict:
    """`FILE.meta.json` beside a report: fields a user sets by hand."""
    meta = path.with_name(path.name + ".meta.json")
    if not meta.exists():
        return {}
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ValueError(f"{meta}: not valid JSON ({exc})") from exc
    unknown = set(data) - set(OVERRIDABLE)
    if unknown:
        raise ValueError(f"{meta}: unknown field(s) {sorted(unknown)}; allowed: {', '.join(OVERRIDABLE)}")
    return {k: str(v) for k, v in data.items() if v not in (None, "")}


def apply_overrides(identity: Identity, overrides: dict, source: str, file_name: str) -> None:
    for key, value in overrides.items():
        if key == "region":
            identity.regions = [p for p in re.split(r"[>\s,，/]+", value) if p] or split_places(value)[0]
            continue
        setattr(identity, key, Field(str(value), source))
    if "body" in overrides and "region" not in overrides:
        places = split_places(parse_body(overrides["body"]).full)[0]
        if places:
            identity.regions = places
    finish(identity, file_name)
