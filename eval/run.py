"""Run a question set through the assistant (and, in the same run, the naive
baseline), score every answer and print the table. Scoring rules: eval/scoring.py."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import scoring

ANSWER_TYPES = ["number", "percent", "text", "list", "not_in_corpus"]


def read_questions(path: Path | str) -> list[dict]:
    questions = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    questions.append(json.loads(line))
                except ValueError as exc:
                    raise ValueError(f"{path}, line {n}: not valid JSON ({exc})") from exc
    for q in questions:
        for key in ("id", "question", "answer_type"):
            if key not in q:
                raise ValueError(f"{path}: question {q.get('id', '?')} has no '{key}' field")
    return questions


@dataclass
class Report:
    name: str
    results: list[dict] = field(default_factory=list)  # one per question, with its score
    by_type: dict[str, float] = field(default_factory=dict)
    accuracy: float = 0.0
    hit1: float = 0.0
    hit5: float = 0.0
    mrr: float = 0.0
    citation_precision: float = 0.0
    refusal: float | None = None
    wrong: float = 0.0  # stated answers that are wrong, unanswerable questions answered included, over all questions
    refused: float = 0.0  # answerable questions refused
    routing: float | None = None  # questions with named reports routed to exactly those
    p50_ms: float = 0.0
    p95_ms: float = 0.0

    @property
    def n(self) -> int:
        return len(self.results)

    def row(self) -> dict:
        return {"system": self.name, "n": self.n, "accuracy": self.accuracy, "wrong": self.wrong,
                "refused": self.refused, "routing": self.routing,
                **{f"acc_{k}": v for k, v in self.by_type.items()},
                "hit@1": self.hit1, "hit@5": self.hit5, "mrr": self.mrr,
                "citation_precision": self.citation_precision, "refusal": self.refusal,
                "p50_ms": self.p50_ms, "p95_ms": self.p95_ms}


def evaluate(name: str, ask, questions: list[dict]) -> Report:
    report = Report(name)
    return summarize(report, questions, [_run_one(ask, q) for q in questions])


def _run_one(ask, q: dict) -> dict:
    result = ask(q["question"], q.get("history") or None)
    return {"id": q["id"], **result, "correct": scoring.is_correct(q, result),
            "evidence_rank": scoring.evidence_rank(q, result)}


def summarize(report: Report, questions: list[dict], results: list[dict]) -> Report:
    """Fill a report's figures from scored results (one per question, in order)."""
    ranks, precisions, latencies, routed = [], [], [], []
    report.results = results
    for q, result in zip(questions, results):
        precision = scoring.citation_precision(q, result)
        latencies.append(result["latency_ms"])
        if q["answer_type"] != "not_in_corpus":
            ranks.append(result["evidence_rank"])
            if precision is not None:
                precisions.append(precision)
        if "routed" in result and q.get("doc"):
            routed.append(sorted(result["routed"]) == sorted(scoring.as_list(q["doc"])))
    by_type: dict[str, list[bool]] = {}
    for q, r in zip(questions, report.results):
        by_type.setdefault(q["answer_type"], []).append(r["correct"])
    report.by_type = {t: float(np.mean(v)) for t, v in by_type.items()}
    report.accuracy = float(np.mean([r["correct"] for r in report.results])) if report.results else 0.0
    report.wrong = float(np.mean([r["found"] and not r["correct"] for r in report.results])) if report.results else 0.0
    answerable = [r for q, r in zip(questions, report.results) if q["answer_type"] != "not_in_corpus"]
    report.refused = float(np.mean([not r["found"] for r in answerable])) if answerable else 0.0
    report.routing = float(np.mean(routed)) if routed else None
    if ranks:
        report.hit1 = float(np.mean([r == 1 for r in ranks]))
        report.hit5 = float(np.mean([r is not None and r <= 5 for r in ranks]))
        report.mrr = float(np.mean([1 / r if r else 0.0 for r in ranks]))
    report.citation_precision = float(np.mean(precisions)) if precisions else 0.0
    if "not_in_corpus" in report.by_type:
        report.refusal = report.by_type["not_in_corpus"]
    if latencies:
        report.p50_ms = float(np.percentile(latencies, 50))
        report.p95_ms = float(np.percentile(latencies, 95))
    return report


def eval_index_dir(docs: list[str]) -> Path:
    """A cached index per set of documents and version of the indexing code, so
    repeated evals embed nothing; a change to the indexing code builds a fresh one."""
    from index.config import Settings, cache_dir
    from index.document import expand_paths

    h = hashlib.sha256(repr(Settings.from_env()).encode())
    code = Path(__file__).parents[1] / "index"
    for source in sorted([*code.glob("*.py"), *code.glob("data/*")]):  # its data files read tables and names too
        h.update(source.read_bytes())
    for path in expand_paths(docs):
        h.update(path.name.encode() + path.read_bytes())
    return cache_dir() / "eval-indexes" / h.hexdigest()[:16]


def run_eval(questions_path: str, index_dir: str | None = None, docs: list[str] | None = None,
             baseline: bool = False, out: str | None = None) -> list[Report]:
    from assistant import Assistant
    from index.build import build_index

    questions = read_questions(questions_path)
    if docs:
        index_dir = str(eval_index_dir(docs))
        build_index(docs, index_dir)
    assistant = Assistant.load(index_dir)
    reports = [evaluate("ours", lambda q, h: assistant.ask(q, history=h).to_dict(), questions)]
    if baseline:
        from index.document import load_documents

        from .baseline import NaiveBaseline

        paths = docs or [d.path for d in assistant.index.documents.values()]
        naive = NaiveBaseline(load_documents(paths), assistant.answerer.retriever.embedder)
        reports.append(evaluate("naive baseline", naive.ask, questions))
    if out:
        with open(out, "w", encoding="utf-8") as f:
            for r in reports[0].results:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return reports


SPLITS = Path(__file__).parent / "questions" / "splits.json"
ROOT = Path(__file__).resolve().parents[1]


def _doc_number(name: str) -> int | None:
    m = re.match(r"(\d+)_", name or "")
    return int(m.group(1)) if m else None


def in_measurement(question: dict, measure_every: int, about: dict) -> bool:
    """The split rule of splits.json: a question is measured when a document it
    is about has a number that is a multiple of the set's `measure_every`."""
    if not measure_every:
        return False
    docs = (scoring.as_list(question.get("doc")) or scoring.as_list(question.get("about"))
            or scoring.as_list(about.get(question["id"])))
    return any((n := _doc_number(d)) is not None and n % measure_every == 0 for d in docs)


def generated_sets() -> set[str]:
    """The sets of splits.json whose reports are generated, pooled apart from the real ones."""
    return {name for name, s in json.loads(SPLITS.read_text(encoding="utf-8"))["sets"].items() if s.get("generated")}


def apart_sets() -> set[str]:
    """The sets pooled apart from the corpora's own real questions: generated reports, and
    questions written in this project (`written_here`), whose answers no one else checked."""
    return generated_sets() | {name for name, s in json.loads(SPLITS.read_text(encoding="utf-8"))["sets"].items()
                               if s.get("written_here")}


def split_sets(split: str) -> list[tuple[str, list[str], list[dict]]]:
    """(set name, document folders, questions of the split) for every set in splits.json
    whose files are present."""
    spec = json.loads(SPLITS.read_text(encoding="utf-8"))
    out = []
    for name, s in spec["sets"].items():
        questions_path, docs = ROOT / s["questions"], ROOT / s["docs"]
        if not (questions_path.exists() and docs.exists()):
            continue
        questions = [q for q in read_questions(questions_path)
                     if in_measurement(q, s["measure_every"], spec["unanswerable_about"]) == (split == "test")]
        if questions:
            out.append((name, [str(docs)], questions))
    return out


def run_split(split: str, baseline: bool = False, out: str | None = None) -> list[tuple[str, list[Report]]]:
    """Every set's questions of one split, ours (and the baseline) in the same run,
    plus the pooled total; each set is indexed whole, so other reports stay distractors."""
    from assistant import Assistant
    from index.build import build_index

    rows: list[tuple[str, list[Report]]] = []
    pooled: dict[str, tuple[list[dict], list[dict]]] = {}
    real: dict[str, tuple[list[dict], list[dict]]] = {}  # the sets of real reports, without generated ones
    apart = apart_sets()
    for name, docs, questions in split_sets(split):
        index_dir = str(eval_index_dir(docs))
        build_index(docs, index_dir)
        assistant = Assistant.load(index_dir)
        reports = [evaluate("ours", lambda q, h: assistant.ask(q, history=h).to_dict(), questions)]
        if baseline:
            from index.document import load_documents

            from .baseline import NaiveBaseline

            naive = NaiveBaseline(load_documents(docs), assistant.answerer.retriever.embedder)
            reports.append(evaluate("naive baseline", naive.ask, questions))
        rows.append((f"{name} ({len(questions)})", reports))
        for r in reports:
            for groups in (pooled, real) if name not in apart else (pooled,):
                qs, rs = groups.setdefault(r.name, ([], []))
                qs += questions
                rs += r.results
    per_set = list(rows)
    if len(rows) > 1:
        if real and len(real["ours"][0]) < len(pooled["ours"][0]):
            rows.append((f"real {split} ({len(real['ours'][0])})",
                         [summarize(Report(system), qs, rs) for system, (qs, rs) in real.items()]))
        total = [summarize(Report(system), qs, rs) for system, (qs, rs) in pooled.items()]
        rows.append((f"all {split} ({len(pooled['ours'][0])})", total))
    if out:
        with open(out, "w", encoding="utf-8") as f:
            for _, reports in per_set:
                for r in reports[0].results:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return rows


def format_split_table(rows: list[tuple[str, list[Report]]]) -> str:
    header = ["set", "system", "accuracy", "wrong", "refused", "routing", *ANSWER_TYPES, "hit@5", "p50 ms"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for set_name, reports in rows:
        for r in reports:
            cells = [set_name, r.name, f"{r.accuracy:.3f}", f"{r.wrong:.3f}", f"{r.refused:.3f}",
                     "–" if r.routing is None else f"{r.routing:.3f}",
                     *[f"{r.by_type[t]:.3f}" if t in r.by_type else "–" for t in ANSWER_TYPES],
                     f"{r.hit5:.3f}", f"{r.p50_ms:.1f}"]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def format_table(reports: list[Report]) -> str:
    types = [t for t in ANSWER_TYPES if any(t in r.by_type for r in reports)]
    header = ["system", "accuracy", "wrong", "refused", "routing", *types, "hit@1", "hit@5", "MRR", "cite-prec",
              "p50 ms", "p95 ms"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for r in reports:
        cells = [r.name, f"{r.accuracy:.3f}", f"{r.wrong:.3f}", f"{r.refused:.3f}",
                 "–" if r.routing is None else f"{r.routing:.3f}",
                 *[f"{r.by_type[t]:.3f}" if t in r.by_type else "–" for t in types],
                 f"{r.hit1:.3f}", f"{r.hit5:.3f}", f"{r.mrr:.3f}", f"{r.citation_precision:.3f}",
                 f"{r.p50_ms:.1f}", f"{r.p95_ms:.1f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
