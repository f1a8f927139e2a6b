"""Run a question set through the assistant (and, in the same run, the naive
baseline), score every answer and print the table. Scoring rules: eval/scoring.py."""

from __future__ import annotations

import hashlib
import json
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
    p50_ms: float = 0.0
    p95_ms: float = 0.0

    def row(self) -> dict:
        return {"system": self.name, "accuracy": self.accuracy, **{f"acc_{k}": v for k, v in self.by_type.items()},
                "hit@1": self.hit1, "hit@5": self.hit5, "mrr": self.mrr,
                "citation_precision": self.citation_precision, "refusal": self.refusal,
                "p50_ms": self.p50_ms, "p95_ms": self.p95_ms}


def evaluate(name: str, ask, questions: list[dict]) -> Report:
    report = Report(name)
    ranks, precisions, latencies = [], [], []
    for q in questions:
        result = ask(q["question"], q.get("history") or None)
        correct = scoring.is_correct(q, result)
        rank = scoring.evidence_rank(q, result)
        precision = scoring.citation_precision(q, result)
        report.results.append({"id": q["id"], **result, "correct": correct, "evidence_rank": rank})
        latencies.append(result["latency_ms"])
        if q["answer_type"] != "not_in_corpus":
            ranks.append(rank)
            if precision is not None:
                precisions.append(precision)
    by_type: dict[str, list[bool]] = {}
    for q, r in zip(questions, report.results):
        by_type.setdefault(q["answer_type"], []).append(r["correct"])
    report.by_type = {t: float(np.mean(v)) for t, v in by_type.items()}
    report.accuracy = float(np.mean([r["correct"] for r in report.results])) if report.results else 0.0
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
    for source in sorted((Path(__file__).parents[1] / "index").glob("*.py")):
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


def format_table(reports: list[Report]) -> str:
    types = [t for t in ANSWER_TYPES if any(t in r.by_type for r in reports)]
    header = ["system", "accuracy", *types, "hit@1", "hit@5", "MRR", "cite-prec", "refusal", "p50 ms", "p95 ms"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for r in reports:
        cells = [r.name, f"{r.accuracy:.3f}", *[f"{r.by_type[t]:.3f}" if t in r.by_type else "–" for t in types],
                 f"{r.hit1:.3f}", f"{r.hit5:.3f}", f"{r.mrr:.3f}", f"{r.citation_precision:.3f}",
                 "–" if r.refusal is None else f"{r.refusal:.3f}", f"{r.p50_ms:.1f}", f"{r.p95_ms:.1f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
