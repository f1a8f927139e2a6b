"""Accuracy floors: a change that makes answers worse fails here.

Raise a floor when the numbers rise; never lower one to let a change pass."""

import pytest

from eval.baseline import NaiveBaseline
from eval.retrieval import retrieval_hits
from eval.run import evaluate, read_questions
from index.document import load_documents

from ..conftest import DEV_DOCS, DEV_QUESTIONS, SEED_QUESTIONS, SEEDS

SEED_ACCURACY = 0.97
SEED_REFUSAL = 1.0
DEV_ACCURACY = 0.90
MARGIN_OVER_BASELINE = 0.20
SEED_HYBRID_HIT5 = 0.95


def _ours_and_baseline(assistant, questions_path, docs, embedder):
    questions = read_questions(questions_path)
    ours = evaluate("ours", lambda q, h: assistant.ask(q, history=h).to_dict(), questions)
    naive = NaiveBaseline(load_documents([docs]), embedder)
    return ours, evaluate("naive", naive.ask, questions)


def test_seed_floors(seed_assistant, embedder):
    ours, naive = _ours_and_baseline(seed_assistant, SEED_QUESTIONS, SEEDS, embedder)
    wrong = [r["id"] for r in ours.results if not r["correct"]]
    assert ours.accuracy >= SEED_ACCURACY, wrong
    assert ours.refusal >= SEED_REFUSAL, wrong
    assert ours.accuracy >= naive.accuracy + MARGIN_OVER_BASELINE


@pytest.mark.dev
def test_dev_floors(dev_assistant, embedder):
    ours, naive = _ours_and_baseline(dev_assistant, DEV_QUESTIONS, DEV_DOCS, embedder)
    wrong = [r["id"] for r in ours.results if not r["correct"]]
    assert ours.accuracy >= DEV_ACCURACY, wrong
    assert ours.accuracy >= naive.accuracy + MARGIN_OVER_BASELINE


def test_hybrid_retrieval_beats_either_ranking_alone(seed_assistant):
    hits = retrieval_hits(seed_assistant.index, read_questions(SEED_QUESTIONS))
    assert hits["hybrid"]["hit@5"] >= SEED_HYBRID_HIT5
    assert hits["hybrid"]["hit@5"] >= max(hits["dense"]["hit@5"], hits["bm25"]["hit@5"])


# Both splits of eval/questions/splits.json (issue 13): accuracy floors and wrong-answer ceilings,
# pooled over the real sets (seeds, dev, dev2), and apart for the generated table reports (so their
# easier questions cannot hide a loss on real ones). Raise them as the numbers rise.
SPLIT_FLOORS = {"dev": {"accuracy": 0.91, "wrong": 0.015, "margin": 0.36},
                "test": {"accuracy": 0.77, "wrong": 0.06, "margin": 0.16}}
TABLE_FLOORS = {"dev": {"accuracy": 0.96, "wrong": 0.02, "margin": 0.40},
                "test": {"accuracy": 0.97, "wrong": 0.02, "margin": 0.40}}
# The questions about several reports at once written here over dev2's development documents (eval/across):
# development split only.
ACROSS_FLOORS = {"dev": {"accuracy": 0.94, "wrong": 0.02, "margin": 0.80}}
# The full-length district reports written here (eval/full): development split only. The margin was 0.62 over
# 260 questions; the set grew to 271 with questions whose evidence the baseline's passage dump also holds
# (a dateline, a table's change column), so its accuracy rose (0.362 → 0.376) while ours rose too (0.985 → 0.993):
# the margin floor follows the set, not a loss of ours.
FULL_FLOORS = {"dev": {"accuracy": 0.99, "wrong": 0.01, "margin": 0.61}}
FIXTURES = {"seeds": "seed_assistant", "dev": "dev_assistant", "dev2": "dev2_assistant", "tables": "tables_assistant",
            "across": "dev2_assistant", "full": "full_assistant"}


def _kind_of_set(name: str) -> str:
    from eval.run import apart_sets, generated_sets

    return "tables" if name in generated_sets() else name if name in apart_sets() else "real"


@pytest.mark.dev
@pytest.mark.parametrize("split, sets", [("dev", "real"), ("test", "real"), ("dev", "tables"), ("test", "tables"),
                                         ("dev", "across"), ("dev", "full")])
def test_split_floors(split, sets, request, embedder):
    from eval.run import Report, split_sets, summarize

    questions, ours, naive = [], [], []
    for name, docs, qs in split_sets(split):
        if _kind_of_set(name) != sets:
            continue
        assistant = request.getfixturevalue(FIXTURES[name])
        questions += qs
        ours += evaluate("ours", lambda q, h: assistant.ask(q, history=h).to_dict(), qs).results
        naive += evaluate("naive", NaiveBaseline(load_documents(docs), embedder).ask, qs).results
    ours_report = summarize(Report("ours"), questions, ours)
    naive_report = summarize(Report("naive"), questions, naive)
    floor = {"tables": TABLE_FLOORS, "across": ACROSS_FLOORS, "full": FULL_FLOORS}.get(sets, SPLIT_FLOORS)[split]
    assert ours_report.accuracy >= floor["accuracy"]
    assert ours_report.wrong <= floor["wrong"]
    assert ours_report.accuracy >= naive_report.accuracy + floor["margin"]
    assert ours_report.routing >= 0.98


# The full set's reports in the other formats users hold them in (eval/formats.py): the same questions over a
# Word file, a web page, a workbook of the tables only (its 说明 questions refused) and a text layer.
FORMAT_FLOORS = {"docx": {"accuracy": 0.99, "wrong": 0.0}, "html": {"accuracy": 0.99, "wrong": 0.0},
                 "xlsx (tables only)": {"accuracy": 0.64, "wrong": 0.0}, "txt (text layer)": {"accuracy": 0.90, "wrong": 0.0}}


def test_format_floors(tmp_path):
    from eval.formats import run_formats

    rows = dict(run_formats(tmp_path))
    assert set(rows) == set(FORMAT_FLOORS)
    for name, floor in FORMAT_FLOORS.items():
        wrong = [(r["id"], r["answer"][:60]) for r in rows[name].results if r["found"] and not r["correct"]]
        assert rows[name].accuracy >= floor["accuracy"], (name, rows[name].accuracy, wrong)
        assert rows[name].wrong <= floor["wrong"], (name, wrong)
