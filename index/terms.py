"""Chinese terms for BM25: jieba's search-mode segmentation with a dictionary
of the genre's terms, over folded (simplified) text."""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache
from pathlib import Path

from .normalize import fold
from .identify import PINYIN_GLOSS
from .names import read_data_lines

_DOMAIN_TERMS = Path(__file__).parent / "data" / "domain_terms.txt"
_TOKEN = re.compile(r"[\u4e00-\u9fff]|[a-z]+|\d+(?:\.\d+)?")
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff\d])|(?<=\d)\s+(?=[\u4e00-\u9fff])")
STOPWORDS = set(
    "的 了 和 与 及 是 在 为 对 等 其 中 年 年度 多少 什么 哪些 哪个 哪 怎么 怎样 如何 吗 呢 请问 "
    "一共 合计 共 有 个 之 以 于 由 从 把 被 将 就 也 都 而 并 或 该 这 那 此 我 我们 你 它 其中 "
    "情况 是否 有没有 多 少 几 大约 约".split()
)
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    with _lock:
        jieba.load_userdict(str(_DOMAIN_TERMS))
    return jieba


@lru_cache(maxsize=1)
def domain_terms() -> tuple[str, ...]:
    """The genre's words jieba keeps whole (data/domain_terms.txt)."""
    return tuple(line.split()[0] for line in read_data_lines(_DOMAIN_TERMS.name, _DOMAIN_TERMS.parent))


def clean_for_terms(text: str) -> str:
    """Folded, without pinyin glosses or the spaces PDF extraction puts inside words."""
    text = PINYIN_GLOSS.sub("", fold(text)).lower()
    return _CJK_SPACE.sub("", text)


def terms(text: str) -> list[str]:
    jieba = _jieba()
    out = []
    for word in jieba.cut_for_search(clean_for_terms(text)):
        word = word.strip()
        if word and word not in STOPWORDS and _TOKEN.match(word):
            out.append(word)
    return out
