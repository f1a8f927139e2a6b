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
