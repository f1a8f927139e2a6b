"""Which reports a question is about: the bodies, places and years it names,
resolved against the documents' metadata, file names and addresses."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from index.normalize import fold
from index.records import Document

_GENERIC = re.compile(r"[全本我该各哪两几每个这那其此]|^(社|城|地|辖|园|景|小|山|市|片|库|矿|街|城乡)区$|"
                      r"^(中央|地方|省市|市县|县区)")
_YEAR = re.compile(r"(20\d\d)\s*年")
_SUFFIX = re.compile(r"(自治区|自治州|自治县|省|市|州|盟|县|区|旗)$")


@dataclass
class Scope:
    doc_ids: list[str] = field(default_factory=list)  # the reports the question names, if any
    boost_ids: list[str] = field(default_factory=list)  # reports it may name: ranked first, not filtered
    places: list[str] = field(default_factory=list)  # place names written in the question
    unknown_places: list[str] = field(default_factory=list)  # named, but in no report
    years: list[int] = field(default_factory=list)

    @property
    def names_unknown_body(self) -> bool:
        return bool(self.unknown_places) and not self.doc_ids


def places_in(question: str) -> list[str]:
    """Place names in the question, by jieba's part-of-speech tags (ns = place):
    "福州市财政局" → 福州市; "南沙区财政局" → 南沙区 (jieba splits off the 区)."""
    from index.terms import _jieba

    _jieba()
    import jieba.posseg

    words = list(jieba.posseg.cut(fold(question)))
    found: list[str] = []
    for i, (word, flag) in enumerate(words):
        nxt = words[i + 1].word if i + 1 < len(words) else ""
        if flag == "ns" and not _SUFFIX.search(word) and _SUFFIX.fullmatch(nxt or "-"):
            word += nxt  # 南沙 + 区
        elif not (flag == "ns" or flag in ("nr", "nz", "nt") and _SUFFIX.search(word)):
            continue
        if len(_core(word)) >= 2 and not _GENERIC.search(word) and word not in found:
            found.append(word)
    return found


@lru_cache(maxsize=4096)
def pinyin_forms(chinese: str) -> frozenset[str]:
    """Every reading of a short name, toneless and joined: 曾都 → zengdu, cengdou, …"""
    from pypinyin import Style, pinyin

    readings = pinyin(chinese[:4], style=Style.NORMAL, heteronym=True)
    return frozenset("".join(p) for p in itertools.product(*readings))


def _core(name: str) -> str:
    core = _SUFFIX.sub("", name)
    return core if len(core) >= 2 else name


def document_keys(doc: Document) -> set[str]:
    """Chinese names under which a question may refer to the report."""
    keys = set()
    for name in (doc.region, doc.body):
        if name:
            keys.add(fold(name))
            keys.add(_core(fold(name)))
    return {k for k in keys if len(k) >= 2}


def _place_matches(place: str, doc: Document, keys: set[str]) -> int:
    """2: the report's own body or region; 1: its file name/address or its text names it."""
    core = _core(place)
    if any(core in k or k in place for k in keys):
        return 2
    if doc.aliases and pinyin_forms(core) & set(doc.aliases):
        return 2
    if place in fold(doc.title) or place in doc.folded[:3000]:
        return 1
    return 0


def resolve_scope(question: str, documents: dict[str, Document]) -> Scope:
    q = fold(question)
    scope = Scope(places=places_in(q), years=[int(y) for y in _YEAR.findall(q)])
    strength: dict[str, int] = {}
    for doc_id, doc in documents.items():
        keys = document_keys(doc)
        strong = sum(_place_matches(p, doc, keys) for p in scope.places if _SUFFIX.search(p))
        strong += 2 * sum(1 for k in keys if _SUFFIX.search(k) and k in q)
        if strong:
            strength[doc_id] = strong
        elif any(k in q for k in keys) or any(_place_matches(p, doc, keys) for p in scope.places):
            scope.boost_ids.append(doc_id)  # a bare name like 东丽 or 新建 may be a plain word
    top = max(strength.values(), default=0)
    scope.doc_ids = [d for d, s in strength.items() if s == top]
    for place in scope.places:
        if _SUFFIX.search(place) and not any(_place_matches(place, documents[d], document_keys(documents[d])) for d in documents):
            scope.unknown_places.append(place)
    if scope.years and len(scope.doc_ids) > 1:
        same_year = [d for d in scope.doc_ids if documents[d].year in scope.years]
        if same_year:
            scope.doc_ids = same_year
    return scope
