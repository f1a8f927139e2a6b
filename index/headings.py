"""The heading schemes of Chinese government reports, outermost first."""

from __future__ import annotations

import re

_CN = "一二三四五六七八九十百零〇"
# (rank, pattern) — rank 0 is the outermost scheme.
HEADING_SCHEMES: list[tuple[int, re.Pattern]] = [
    (0, re.compile(rf"^(第[{_CN}\d]+(部分|章|篇)|附件\s*\d*[:：]?|附表\s*\d*)")),
    (1, re.compile(rf"^[{_CN}]+\s*[、.．]")),
    (2, re.compile(rf"^[（(]\s*[{_CN}]+\s*[)）]")),
    (3, re.compile(r"^\d{1,2}\s*[.．、](?!\d)")),
    (4, re.compile(r"^[（(]\s*\d{1,2}\s*[)）]")),
]
LIST_ITEM = re.compile(r"^([一二三四五六七八九十]是|[①-⑳]|[-•·●▪])")
TABLE_ROW = re.compile(r"\S\s*\|")
TABLE_ROW_END = re.compile(r"[\u4e00-\u9fff]\s+-?[\d,]+\.\d+$")  # a label, a space, then an amount
# a table's header as a text layer writes it: three or more headings of two characters or more, a space apart
# ("科目编码 科目名称 本年支出合计 基本支出"); prose has no such spaces (a spaced-out title's are between characters)
SPACED_HEADINGS = r"[\u4e00-\u9fff（）()“”]{2,}(?:\s+[\u4e00-\u9fff（）()“”]{2,}){2,}"
MAX_HEADING_CHARS = 40
SENTENCE_END = "。！？!?；;：:…"


def heading_rank(line: str) -> int | None:
    """The scheme rank of a heading line, or None for body text.

    Numbered lines are also how lists are written, so a line counts as a
    heading only when it is short and does not end a sentence, or when its
    first sentence (up to 。) is short, as in "（一）评价小组情况。2023年…"."""
    line = line.strip()
    if TABLE_ROW.search(line) or TABLE_ROW_END.search(line):
        return None  # `一、一般公共预算财政拨款收入 | 1,234.56` is a table row, not a heading
    for rank, pattern in HEADING_SCHEMES:
        if not pattern.match(line):
            continue
        if rank == 0:
            return rank
        first = re.split(r"[。；;]", line, maxsplit=1)[0]
        if len(line) <= MAX_HEADING_CHARS and not re.search(r"[。；;]|[，,]$", line):
            return rank
        if len(first) <= 20 and len(first) < len(line) and rank <= 2:
            return rank
        return None
    return None


def heading_title(line: str) -> str:
    """The heading itself, without the sentence that may follow it on its line, and without the
    run of text a flattened page puts after "附件1 项目支出绩效自评表" on the same line."""
    line = line.strip()
    first = re.split(r"[。；;]", line, maxsplit=1)[0]
    title = first if len(first) < len(line) else line
    if len(title) <= MAX_HEADING_CHARS:
        return title
    cut = title.rfind(" ", 0, MAX_HEADING_CHARS)
    return title[: cut if cut > 0 else MAX_HEADING_CHARS].rstrip() + "…"


def starts_block(line: str) -> bool:
    """A line that must begin on its own line: a heading, a list item or a table row."""
    s = line.strip()
    return bool(
        any(p.match(s) for _, p in HEADING_SCHEMES) or LIST_ITEM.match(s) or TABLE_ROW.search(s)
    )
