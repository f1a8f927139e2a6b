"""How an answer is scored against a question with a verified answer.

- number / percent: every number in the gold answer before its first
  parenthesis (one holding a digit, when nothing before it does) appears in the answer (0.5% relative tolerance; 元, 万元 and 亿元
  are converted into one another), and the answer is not a refusal;
- text / list: the evidence is covered, ≥ 70% of its character bigrams (after
  folding traditional to simplified and dropping punctuation, spaces and pinyin
  readings printed after characters), by
  the answer plus its first five citations' quotes, and it is not a refusal;
- cross-document (doc is a list): additionally every gold document is cited;
- not_in_corpus: `found` is false.

The bigram helpers here deliberately do not reuse the answering code's own
(assistant/sentences.py): the judge must not share its measuring stick with
what it judges.

Retrieval figures treat a citation as hitting the evidence when its quote
covers ≥ 50% of the evidence's bigrams and it comes from the gold document.
"""

from __future__ import annotations

import re

from index.normalize import fold

TOLERANCE = 0.005
TEXT_COVERAGE = 0.70
HIT_COVERAGE = 0.50
_UNITS = {"元": 1.0, "万元": 1e4, "亿元": 1e8}
_NUMBER = re.compile(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(亿元|万元|元|%)?")
_PUNCT = re.compile(r"[\s\W_]+")
_YEAR = re.compile(r"(?<![\d.])(19|20)\d\d(?=\s*年)")


def numbers_with_units(text: str) -> list[tuple[float, str]]:
    return [(float(m.group(1).replace(",", "")), m.group(2) or "") for m in _NUMBER.finditer(text)]


def gold_numbers(answer: str) -> list[tuple[float, str]]:
    """The figures a gold answer states, before its first parenthesis (what follows explains
    them). A year ("2022年为…") names when, it is no figure to match. A head with no figure is
    read past parentheses that hold none ("鄂州市（全市）73.84亿元"), else whole ("对：(7-3)÷3≈133.3%")."""
    answer = _YEAR.sub(" ", answer)
    head = re.split(r"[（(]", answer, maxsplit=1)[0]
    if not numbers_with_units(head):  # "鄂州市（全市）73.84亿元…": a parenthesis naming who, not explaining a figure
        head = re.split(r"[（(]", re.sub(r"[（(][^（）()\d]*[)）]", "", answer), maxsplit=1)[0]
    return numbers_with_units(head) or numbers_with_units(answer)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE * max(abs(b), 1e-9)


def number_present(gold: tuple[float, str], found: list[tuple[float, str]]) -> bool:
    value, unit = gold
    for v, u in found:
        if _close(v, value):
            return True
        if unit in _UNITS and u in _UNITS and _close(v * _UNITS[u], value * _UNITS[unit]):
            return True
    return False


# a pinyin reading a mirror site prints after a character ("項(xiàng)目"): the reader drops it
# (index/normalize.py), so a gold evidence span is compared without it
_READING = re.compile(r"\([a-zü\u00e0-\u01dc]{1,6}\)")


def squeeze(text: str) -> str:
    return _PUNCT.sub("", fold(_READING.sub("", text or "")))


def bigram_set(text: str) -> set[str]:
    s = squeeze(text)
    return {s[i : i + 2] for i in range(len(s) - 1)} if len(s) > 1 else {s} - {""}


def covers(evidence: str, text: str) -> float:
    want = bigram_set(evidence)
    return len(want & bigram_set(text)) / len(want) if want else 0.0


def as_list(x) -> list:
    return x if isinstance(x, list) else ([] if x is None else [x])


def is_correct(question: dict, result: dict) -> bool:
    kind = question["answer_type"]
    if kind == "not_in_corpus":
        return not result["found"]
    if not result["found"]:
        return False
    cited_docs = {c["doc"] for c in result["citations"]}
    docs = as_list(question.get("doc"))
    if len(docs) > 1 and not set(docs) <= cited_docs:
        return False
    if kind in ("number", "percent"):
        gold = gold_numbers(question["answer"])
        found = numbers_with_units(result["answer"])
        return bool(gold) and all(number_present(g, found) for g in gold)
    context = result["answer"] + "".join(c["quote"] for c in result["citations"][:5])
    return all(covers(e, context) >= TEXT_COVERAGE for e in as_list(question.get("evidence")))


def evidence_rank(question: dict, result: dict) -> int | None:
    """1-based rank of the first citation that holds the evidence, or None."""
    evidence, docs = as_list(question.get("evidence")), as_list(question.get("doc"))
    if not evidence:
        return None
    for rank, c in enumerate(result["citations"], 1):
        if c["doc"] in docs and any(covers(e, c["quote"]) >= HIT_COVERAGE for e in evidence):
            return rank
    return None


def citation_precision(question: dict, result: dict) -> float | None:
    evidence = as_list(question.get("evidence"))
    if not evidence or not result["citations"]:
        return None
    good = sum(1 for c in result["citations"] if any(covers(e, c["quote"]) >= 0.3 or squeeze(c["quote"]) in squeeze(e) for e in evidence))
    return good / len(result["citations"])
