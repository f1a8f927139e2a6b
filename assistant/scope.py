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


@dataclass
class _Names:
    """What one report can be called, computed once per index, not per question."""

    doc: Document
    keys: set[str]
    suffixed_keys: list[str]
    title: str
    aliases: set[str]

    def match(self, place: str, core: str, readings: frozenset[str]) -> int:
        """2: the report's own body or region, or its file name/address in pinyin;
        1: its title or opening text names the place; 0: no match."""
        if any(core in k or k in place for k in self.keys):
            return 2
        if self.aliases and not self.aliases.isdisjoint(readings):
            return 2
        if place in self.title or self.doc.folded.find(place, 0, 3000) != -1:
            return 1
        return 0


class ScopeResolver:
    def __init__(self, documents: dict[str, Document]):
        self.documents = documents
        self.names = {}
        for doc_id, doc in documents.items():
            keys = document_keys(doc)
            self.names[doc_id] = _Names(doc, keys, [k for k in keys if _SUFFIX.search(k)], fold(doc.title), set(doc.aliases))

    def resolve(self, question: str) -> Scope:
        q = fold(question)
        scope = Scope(places=places_in(q), years=[int(y) for y in _YEAR.findall(q)])
        suffixed = [p for p in scope.places if _SUFFIX.search(p)]
        strength: dict[str, int] = {}
        matched_places: set[str] = set()
        places = [(p, _core(p), pinyin_forms(_core(p))) for p in scope.places]
        for doc_id, names in self.names.items():
            scores = {p: names.match(p, core, readings) for p, core, readings in places}
            matched_places.update(p for p, v in scores.items() if v)
            strong = sum(scores[p] for p in suffixed) + 2 * sum(1 for k in names.suffixed_keys if k in q)
            if strong:
                strength[doc_id] = strong
            elif any(v >= 2 for v in scores.values()) or any(k in q for k in names.keys):
                scope.boost_ids.append(doc_id)  # a bare name like 东丽 or 新建 may be a plain word
        top = max(strength.values(), default=0)
        scope.doc_ids = [d for d, v in strength.items() if v == top]
        scope.unknown_places = [p for p in suffixed if p not in matched_places]
        if scope.years and len(scope.doc_ids) > 1:
            same_year = [d for d in scope.doc_ids if self.documents[d].year in scope.years]
            if same_year:
                scope.doc_ids = same_year
        return scope
