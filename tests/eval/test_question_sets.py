"""The question sets are well-formed and their evidence is real."""

import json

import pytest

from eval.run import read_questions
from eval.scoring import as_list, squeeze
from index.document import load_document

from ..conftest import DEV_DOCS, DEV_QUESTIONS, SEED_QUESTIONS, SEEDS

TYPES = {"number", "percent", "text", "list", "not_in_corpus"}


def _check(questions, folder):
    for q in questions:
        assert q["answer_type"] in TYPES, q["id"]
        if q["answer_type"] == "not_in_corpus":
            assert not q["doc"] and not q["evidence"], q["id"]
            continue
        docs, evidence = as_list(q["doc"]), as_list(q["evidence"])
        assert docs and evidence, q["id"]
        for i, e in enumerate(evidence):
            doc = docs[i] if len(docs) == len(evidence) else docs[0]
            path = folder / doc
            raw = path.read_text(encoding="utf-8")
            assert e in raw or e in load_document(path).text or squeeze(e) in squeeze(raw), (q["id"], e)


def test_seed_questions_cover_what_the_issue_asks_for():
    questions = read_questions(SEED_QUESTIONS)
    assert len(questions) >= 60
    assert sum(1 for q in questions if q.get("history")) >= 6
    assert sum(1 for q in questions if q["answer_type"] == "not_in_corpus") >= 8
    assert sum(1 for q in questions if isinstance(q["doc"], list) and len(q["doc"]) > 1) >= 2
    assert len({q["id"] for q in questions}) == len(questions)
    _check(questions, SEEDS)


@pytest.mark.dev
def test_dev_questions_evidence_is_in_the_documents():
    _check(read_questions(DEV_QUESTIONS), DEV_DOCS)


def test_malformed_question_file_names_the_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "x", "question": "q", "answer_type": "text"}) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        read_questions(path)


def test_the_table_set_is_what_its_generator_writes_and_its_answers_are_in_the_reports(tmp_path):
    from eval.table_reports import OUT, generate

    generate(tmp_path)
    committed = sorted(p.name for p in (OUT / "docs").iterdir())
    assert sorted(p.name for p in (tmp_path / "docs").iterdir()) == committed
    for name in committed:  # the same text (a spreadsheet's zip stamps the time it was written)
        assert load_document(tmp_path / "docs" / name).text == load_document(OUT / "docs" / name).text, name
    assert (tmp_path / "questions.jsonl").read_text(encoding="utf-8") == (OUT / "questions.jsonl").read_text(encoding="utf-8")
    questions = read_questions(OUT / "questions.jsonl")
    assert len(questions) >= 120 and sum(q["answer_type"] == "not_in_corpus" for q in questions) >= 12
    for q in questions:
        if q["answer_type"] != "not_in_corpus":
            assert q["evidence"] in load_document(OUT / "docs" / q["doc"]).text, q["id"]


@pytest.mark.parametrize("gold, figures", [
    ("95.06%", [(95.06, "%")]),
    ("约86.66%（456269/526499）", [(86.66, "%")]),  # what follows the parenthesis explains it
    ("鄂州市（全市）73.84亿元，多于昌吉市", [(73.84, "亿元")]),  # a parenthesis naming who
    ("对：(7-3)÷3≈133.3%", [(7.0, ""), (3.0, ""), (3.0, ""), (133.3, "%")]),  # only a parenthesis holds figures
    ("不对：2022年为1145.52-342=803.52万元", [(1145.52, ""), (342.0, ""), (803.52, "万元")]),  # a year is no figure
])
def test_the_figures_a_gold_answer_states(gold, figures):
    from eval.scoring import gold_numbers

    assert gold_numbers(gold) == figures


def test_leaving_one_set_out_scores_each_set_by_a_fit_without_it():
    """eval.fit_ranker --check: a feature that tells right from wrong in every set carries to the set left
    out; one that only the left-out set lacks does not."""
    from eval.fit_ranker import leave_one_set_out

    def rows(name, good):
        out = []
        for i in range(12):
            right = {"features": {"match": 1.0 if good else 0.0, "rule_first": 1.0}, "label": True}
            wrong = {"features": {"match": 0.0 if good else 1.0, "rule_first": 1.0}, "label": False}
            out.append({"id": f"{name}{i}", "set": name, "candidates": [right, wrong], "refusal_correct": False,
                        "fixed": None})
        return out

    scored = leave_one_set_out(rows("a", True) + rows("b", True) + rows("c", True), 0.5, 0.5)
    assert all(acc == 1.0 and wrong == 0.0 for acc, wrong in scored.values())
    scored = leave_one_set_out(rows("a", True) + rows("b", True) + rows("c", False), 0.5, 0.5)
    assert scored["c"] == (0.0, 1.0)
