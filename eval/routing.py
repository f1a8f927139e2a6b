"""Routing accuracy: does each question reach the report(s) it names, or a
refusal when what it names is not indexed? Questions: eval/questions/routing.jsonl
(`docs`: the file names it must be answered from, or null for a refusal)."""

from __future__ import annotations

from collections import defaultdict

REFUSALS = {"not_indexed", "year_missing"}


def routed_correctly(question: dict, status: str, names: list[str]) -> bool:
    gold = question.get("docs")
    if gold is None:
        return status in REFUSALS
    return status == "ok" and sorted(names) == sorted(gold)


def routing_accuracy(router, questions: list[dict]) -> dict:
    """{"accuracy": …, "by_kind": {kind: accuracy}, "failures": [(id, question, got)]}."""
    by_kind: dict[str, list[bool]] = defaultdict(list)
    failures = []
    for q in questions:
        route = router.route(q["question"])
        names = [router.documents[d].name for d in route.doc_ids]
        ok = routed_correctly(q, route.status, names)
        by_kind[q.get("kind", "")].append(ok)
        if not ok:
            failures.append((q["id"], q["question"], route.status, names))
    total = [x for v in by_kind.values() for x in v]
    return {
        "accuracy": sum(total) / len(total) if total else 0.0,
        "by_kind": {k: sum(v) / len(v) for k, v in sorted(by_kind.items())},
        "failures": failures,
    }


def run_routing(path=None) -> dict:
    """The routing set over every corpus of splits.json that is present (no embedding needed)."""
    import json
    from pathlib import Path

    from assistant.route import Router
    from index.document import load_documents

    from .run import ROOT, SPLITS

    spec = json.loads(SPLITS.read_text(encoding="utf-8"))
    folders = list(dict.fromkeys(ROOT / s["docs"] for s in spec["sets"].values() if (ROOT / s["docs"]).exists()))  # sets may share
    batch = load_documents(folders)
    router = Router({d.doc_id: d for d in batch.documents})
    path = Path(path) if path else Path(__file__).parent / "questions" / "routing.jsonl"
    questions = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    names = {d.name for d in batch.documents}
    questions = [q for q in questions if all(n in names for n in q.get("docs") or [])]
    return routing_accuracy(router, questions) | {"questions": len(questions), "reports": len(batch.documents)}
