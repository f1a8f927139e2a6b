"""Turn raw pages into one clean document text, keeping each character's page.

Reports reach us as PDF extractions hard-wrapped every ~30 characters, with
page breaks showing up as lines that begin with a space, full-width digits and
traditional characters. Rejoining wrapped lines is specific to this genre, so
it is done here by hand: no library knows where a Chinese sentence may wrap.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .headings import SENTENCE_END, SPACED_HEADINGS, TABLE_ROW, heading_rank, starts_block

TEXT_VERSION = 15  # raised when a report's text is read differently: an index re-reads the reports it holds

# Full-width digits, letters and number signs to ASCII; Chinese punctuation stays as written.
_HALF_WIDTH = {0x3000: " "}
_HALF_WIDTH.update({cp: chr(cp - 0xFEE0) for cp in range(0xFF10, 0xFF1A)})  # ０-９
_HALF_WIDTH.update({cp: chr(cp - 0xFEE0) for cp in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_HALF_WIDTH.update({cp: chr(cp - 0xFEE0) for cp in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_HALF_WIDTH.update({ord(c): chr(ord(c) - 0xFEE0) for c in "％．＋－／＝＜＞"})
_HALF_WIDTH.update({0x00A0: " ", 0xFEFF: "", 0x200B: ""})


_DIGIT_GROUP_COMMA = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")


# A reading in pinyin a mirror site prints after a character: "項(xiàng)目", "萬(wàn)元". Only
# readings with a tone mark, so "(a)" or "(ppp)" after a character are never taken for one.
_PINYIN_READING = re.compile(r"(?<=[\u3400-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")


def to_half_width(text: str) -> str:
    """Full-width digits and letters to ASCII; "１，４３６" → "1,436"; pinyin readings printed
    after characters dropped, since they split every word and unit ("萬(wàn)元") they sit in
    (runs before offsets are taken)."""
    return _PINYIN_READING.sub("", _DIGIT_GROUP_COMMA.sub(",", text.translate(_HALF_WIDTH)))


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


@lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    if ch < "\u3400":
        return ch
    out = _t2s().convert(ch)
    return out if len(out) == 1 else ch


def fold(text: str) -> str:
    """Traditional → simplified, one character at a time so that offsets into
    the folded text are offsets into the original."""
    return "".join(_fold_char(ch) for ch in text)


_SPREAD = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")


def unspread(text: str) -> str:
    """A table's label or heading spread across its cell ("合    计", "项  目", "本 年 收 入 合 计")
    as a name: spaces between two Chinese characters are layout there, never a word break."""
    return _SPREAD.sub("", text)


def _is_page_break_marker(line: str) -> bool:
    return line.startswith(" ") and not line.startswith("  ") and bool(line.strip())


def _wrap_width(lines: list[str]) -> int:
    """The width at which the source's prose was hard-wrapped (0 if it was not); the rows of its
    tables are no prose (a report with many table pages would otherwise look unwrapped)."""
    lengths = sorted(len(l.strip()) for l in lines if l.strip() and not TABLE_ROW.search(l))
    if len(lengths) < 8:
        return 0
    width = lengths[int(len(lengths) * 0.8)]
    return width if 12 <= width <= 80 else 0


# a line of a table of contents: a numbered title, a space, its page number ("(二)预算执行情况 7")
_CONTENTS_LINE = re.compile(r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、])"
                            r"[^。；;，,]{1,40}?\s\d{1,3}\s*$")


_CONTENTS_HEAD = re.compile(r"^\s*目\s*录\s*$")
_DATELINE = re.compile(r"^\s*[—－-]{1,2}\s*(?:19|20)\d\d\s*年.{0,60}会议上\s*$")

# a document number beginning a line, as printed under a title: "藏源财绩【2022】第186号"
DOCUMENT_NUMBER_LINE = re.compile(r"^\s*([\u4e00-\u9fff]{1,12}\s*[〔【\[（(]\s*(?:19|20)\d\d\s*[〕】\]）)]\s*第?\s*\d{1,5}\s*号)")


# a line ending in a figure written after a space ("213 农林水支出 2,950.02 1,629.90"): a table's row as a text
# layer writes it, unless the next line goes on with the figure's unit or the sentence's punctuation
_ROW_END = re.compile(r"\s[-−]?\d[\d,]*(?:\.\d+)?%?$")
_GOES_ON = re.compile(r"^(?:[万亿千元%％个人名项次台套辆年月日号分]|[，,。；;、：:）)])")
_HEADER_ROW = re.compile(rf"^{SPACED_HEADINGS}$")  # a text layer's header line (index/headings.py)
_UNIT_STATED = re.compile(r"单位\s*[:：]\s*(?:万元|千元|亿元|元)\s*$")  # a line ending in the unit a table states


def _must_break(paragraph: str, last: str, line: str, wrap: int) -> bool:
    """Whether `line` starts a new paragraph after `last`, the previous line."""
    if not wrap or last[-1] in SENTENCE_END or starts_block(line) or TABLE_ROW.search(last) or _CONTENTS_LINE.match(last):
        return True
    if _ROW_END.search(last) and not _GOES_ON.match(line) or _HEADER_ROW.match(last) or _HEADER_ROW.match(line):
        return True  # a row's last figure is never glued to the next row's code ("1,355.32" + "206 科学技术支出")
    if _UNIT_STATED.search(last):
        return True  # "编制单位：…  单位：万元" stands above a table's header, not in a paragraph
    if DOCUMENT_NUMBER_LINE.match(line) and len(line.strip()) <= 20:
        return True  # a title, then its document number on a line of its own
    if _DATELINE.match(last) or _DATELINE.match(line):
        return True  # a title, "——2023年1月10日在…会议上", then who made the report: lines of their own
    if _CONTENTS_HEAD.match(line):
        return True  # a title, then the 目录 (often on the next page): no wrapped line of the title
    if heading_rank(paragraph) is not None and len(paragraph) < wrap * 0.9:
        return True
    return len(last) < wrap * 0.7  # a short line ends its paragraph


def _glue(prev: str, line: str) -> str:
    """What joins a wrapped line to the next: nothing in Chinese text, nor inside a figure the wrap cut
    ("6,05" + "0.00万元"); a space between two words of Latin letters."""
    if re.search(r"[\d,.]$", prev) and re.match(r"[\d,.]", line):
        return ""
    if prev[-1].isascii() and prev[-1].isalnum() and line[0].isascii() and line[0].isalnum():
        return " "
    return ""


# a page's number printed at its foot or head ("- 7 -", "—3—", "第 3 页", "第3页 共12页", "3/12"): furniture
# that would otherwise split a sentence running on to the next page
_PAGE_NUMBER = re.compile(r"[-—－]\s*\d{1,4}\s*[-—－]|第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}")


# A table a web page gave one cell per line (a 自评表 whose cells each stand on a line of their own): a run of
# short lines, many of them figures. Its lines are joined by "|", as a flattened grid writes its cells, so the
# table readers see cells side by side; "|" for "\n" keeps every offset.
CELL_LINE = 24  # characters: a line this short may be one cell
CELL_RUN = 12  # lines: a run this long of short lines, a share of them figures, is a table
# a unit in a cell of its own, a grade, or "无" (no reason to give): a row's values, not the name of the next row
_UNIT_CELL = re.compile(r"^(?:%|‰|[万亿]?元|人次|人|个|户|项|米|平方米|公里|亩|年|月|天|次|优秀?|良好?|中|合格|不合格|差|无)$")
_FIGURE_CELL = re.compile(r"^[≥≤≧≦═=＝<>—-]*\s*-?\d[\d,]*(?:\.\d+)?\s*(?:%|[\u4e00-\u9fff]{0,3})$|^[—-]+$|^[≥≤≧≦═=＝<>]$")


def _cells_in_rows(text: str) -> str:
    """`text` with each run of one-cell lines joined into a row of "|"-separated cells (see CELL_RUN)."""
    lines = text.split("\n")
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        figures = [bool(_FIGURE_CELL.match(line.strip())) for line in run]
        values = [f or bool(_UNIT_CELL.match(line.strip())) for f, line in zip(figures, run)]
        if len(run) >= CELL_RUN and sum(figures) * 3 >= len(run):
            # a row ends where a name follows values ("…|10|10" then "质量指标|…"): its own line again
            out.append(run[0] + "".join(("\n" if values[j - 1] and not values[j] else "|") + run[j] for j in range(1, len(run))))
        else:
            out.extend(run)
        run.clear()

    for k, line in enumerate(lines):
        if len(line) <= CELL_LINE and k > 0:  # the first line is the page's title, not a cell
            run.append(line)
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out)


def normalize_pages(pages: list[str], wrapped: bool = True) -> tuple[str, list[int]]:
    """Return the document text and the offset at which each page starts. Lines are rejoined only where
    the source may have hard-wrapped them (`wrapped`): a sheet's title over its 公开表 number is two lines."""
    page_lines: list[tuple[int, str]] = []  # (page index, raw line)
    for page_no, page in enumerate(pages):
        for raw in to_half_width(page).split("\n"):
            page_lines.append((page_no, raw.rstrip()))
    # In single-file text extractions a page break shows as a line starting with one space.
    markers = [i for i, (_, l) in enumerate(page_lines) if _is_page_break_marker(l)]
    nonblank = sum(1 for _, l in page_lines if l.strip())
    infer_pages = len(pages) == 1 and 2 <= len(markers) <= max(2, nonblank // 10)
    wrap = _wrap_width([l for _, l in page_lines]) if wrapped else 0

    text_parts: list[str] = []
    length = 0
    page_starts = [0] * len(pages) if not infer_pages else [0]
    current_page = 0
    paragraph = last = ""
    for i, (page_no, raw) in enumerate(page_lines):
        if infer_pages and i in markers and length > 0:
            page_starts.append(length)
        elif not infer_pages and page_no != current_page:
            for p in range(current_page + 1, page_no + 1):
                page_starts[p] = length
            current_page = page_no
        line = raw.strip()
        if not line or _PAGE_NUMBER.fullmatch(line):
            continue
        indented = raw.startswith(("  ", "\t")) and not (infer_pages and i in markers)
        if paragraph:
            new_paragraph = indented or _must_break(paragraph, last, line, wrap)
            sep = "\n" if new_paragraph else _glue(last, line)
            text_parts.append(sep)
            length += len(sep)
            if new_paragraph:
                paragraph = ""
        text_parts.append(line)
        length += len(line)
        paragraph += line
        last = line
    text = _cells_in_rows("".join(text_parts))
    if not infer_pages:
        for p in range(current_page + 1, len(pages)):
            page_starts[p] = length
    return text, page_starts
