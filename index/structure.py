"""Find a report's heading tree and its metadata: title, issuing body, region,
year and kind, from the text first and the file name or address second."""

from __future__ import annotations

import re
from pathlib import Path

from .headings import heading_rank, heading_title
from .records import Document, Section

KINDS = [
    "部门整体支出绩效自评报告", "部门整体支出绩效自评表", "部门整体支出绩效评价报告",
    "项目支出绩效自评报告", "项目支出绩效自评表", "项目支出部门评价报告", "项目绩效自评报告",
    "项目支出绩效评价报告", "绩效自评报告", "绩效自评表", "绩效评价报告",
    "预算绩效管理工作情况报告", "预算执行情况和预算草案的报告", "预算执行情况报告",
    "预算执行情况", "财政决算报告", "决算报告", "部门决算", "政府决算", "财政决算",
    "部门预算", "项目自评价",
]
BODY_SUFFIXES = (
    "局", "委员会", "中心", "厅", "办公室", "管理处", "处", "院", "学校", "中学", "小学",
    "政府", "政协", "委", "部", "会", "站", "所", "队", "馆", "公司", "办",
)
_TITLE_WORDS = re.compile(r"报告|自评表|决算|预算|绩效|评价")
_YEAR = re.compile(r"(20\d\d)\s*年")
_BODY_LABEL = re.compile(
    r"(发布机构|预算部门单位|预算部门|部门名称|单位名称|主管部门|实施单位)[^\u4e00-\u9fff]{0,6}([\u4e00-\u9fff]{3,30})"
)
_ORG = re.compile(
    r"(?:(?:(?![的了和与及报告情况执行预算决算年度])[\u4e00-\u9fff]){2,7}?(?:省|自治区|市|州|县|区))+"
    r"[\u4e00-\u9fff]{1,12}?(?:局|委员会|中心|厅|管理处|学校|中学)"
)
_PLACE_SPLIT = re.compile(r"(?<=[省市州盟])")
_REGION = re.compile(r"^([\u4e00-\u9fff]{1,5}?(?:自治县|自治州|新区|区|县|旗|市))")
_ASCII_STOP = {"gov", "www", "http", "https", "html", "shtml", "htm", "cn", "com", "net", "org",
               "txt", "pdf", "docx", "doc", "md", "content", "post", "archives", "index"}
# Pinyin inserted after characters by some mirror sites, e.g. 項(xiàng)目.
PINYIN_GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")


def find_sections(doc: Document) -> list[Section]:
    """Headings in document order, each with the span it governs.

    A run of three or more headings with no text between them is a table of
    contents, not structure: those lines stay body text."""
    lines = []
    pos = 0
    for line in doc.text.split("\n"):
        lines.append((pos, line, heading_rank(doc.folded[pos : pos + len(line)])))
        pos += len(line) + 1
    ranks = [r for _, _, r in lines]
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and ranks[j] is not None:
            j += 1
        if j - i >= 3:
            for k in range(i, j - 1):  # the last may head the text that follows
                ranks[k] = None
        i = j + 1
    sections: list[Section] = []
    stack: list[tuple[int, str]] = []
    for (start, line, _), rank in zip(lines, ranks):
        if rank is None:
            continue
        while stack and stack[-1][0] >= rank:
            stack.pop()
        stack.append((rank, heading_title(line)))
        sections.append(Section(heading_title(line), len(stack), start, 0, " > ".join(t for _, t in stack)))
    for n, section in enumerate(sections):
        section.end = sections[n + 1].start if n + 1 < len(sections) else len(doc.text)
    return sections


def _title(doc: Document) -> str:
    first = doc.sections[0].start if doc.sections else len(doc.text)
    head = [l.strip() for l in doc.folded[: min(first, 800)].split("\n") if l.strip()]
    if not head and doc.sections:
        head = [doc.sections[0].heading]
    for i, line in enumerate(head[:8]):
        line = PINYIN_GLOSS.sub("", line)
        if "|" in line:
            cells = [c.strip() for c in line.split("|")]
            line = max(cells, key=lambda c: (bool(_TITLE_WORDS.search(c)), len(c)))
        if _TITLE_WORDS.search(line) and len(line) <= 80:
            previous = PINYIN_GLOSS.sub("", head[i - 1]) if i else ""
            if previous and len(previous) < 30 and "|" not in previous and not _TITLE_WORDS.search(previous):
                line = previous + line
            return re.sub(r"\.(pdf|docx?|txt)$", "", line)
    return ""


def _body_from_title(title: str) -> str:
    t = re.sub(r"^(附件\s*\d*[:：]?|关于)", "", title).strip()
    year = _YEAR.search(t)
    kind_at = min((t.find(k) for k in KINDS if k in t), default=len(t))
    candidates = []
    if year:
        candidates += [t[: year.start()], t[year.end() : kind_at]]
    candidates.append(t[:kind_at])
    for c in candidates:
        c = re.sub(r"[\s度]+", "", c).strip("的")
        if 3 <= len(c) <= 30 and c.endswith(BODY_SUFFIXES):
            return c
    return ""


def region_of(name: str) -> str:
    """The district or county in a body's name: 中共广州市花都区委员会老干部局 → 花都区."""
    name = re.sub(r"^中共", "", name)
    parts = [p for p in _PLACE_SPLIT.split(name) if p]
    found = ""
    for part in parts:
        m = _REGION.match(part)
        if m:
            found = m.group(1)
            if not found.endswith("市"):
                return found
    return found


def ascii_aliases(*names: str) -> list[str]:
    """Words of a file name or web address ("09_gangu_czjs_2023.txt" → gangu, czjs):
    many reports name their body only there, often in pinyin."""
    words = []
    for name in names:
        for w in re.split(r"[^a-z]+", name.lower()):
            if len(w) >= 3 and w not in _ASCII_STOP and w not in words:
                words.append(w)
    return words


def describe(doc: Document) -> None:
    """Fill in the document's sections and metadata."""
    doc.sections = find_sections(doc)
    opening = doc.folded[:1500]
    doc.title = _title(doc) or Path(doc.doc_id).stem
    year = _YEAR.search(doc.title) or _YEAR.search(opening) or re.search(r"(20\d\d)", doc.doc_id)
    doc.year = int(year.group(1)) if year else None
    kind_source = re.sub(r"\s+", "", doc.title + " " + opening)
    doc.kind = next((k for k in KINDS if k in kind_source), "报告")
    body = _body_from_title(doc.title)
    if not body:
        label = _BODY_LABEL.search(opening)
        if label:
            body = re.split(r"[的|]", label.group(2))[0]
    if not body:
        org = _ORG.search(re.sub(r"\s+", "", opening))
        body = org.group(0) if org else ""
    doc.body = body
    doc.region = region_of(body) or region_of(doc.title)
    doc.aliases = ascii_aliases(doc.doc_id, doc.source_url)
