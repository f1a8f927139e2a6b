"""Routing: a question is answered only from the reports it names, or refused."""

import shutil

import pytest

from eval.run import read_questions
from eval.routing import run_routing
from index.build import build_index
from index.store import Index

from ..conftest import DEV2_QUESTIONS, DEV_QUESTIONS, SEED_QUESTIONS

ROUTING_FLOOR = 0.98


@pytest.mark.dev
def test_routing_accuracy_floor():
    result = run_routing()
    assert result["questions"] >= 200 and result["reports"] == 54 + 9 + 10  # seeds, dev, dev2, the generated table reports, the full ones
    assert result["accuracy"] >= ROUTING_FLOOR, result["failures"]
    assert {"short_name", "absent_body", "absent_year", "level", "previous_year", "cross"} <= set(result["by_kind"])


def test_a_year_not_indexed_is_refused_not_answered_with_another(seed_assistant):
    a = seed_assistant.ask("荔湾区2022年预算执行率是多少")
    assert not a.found and "95.06" not in a.answer
    assert all(c.note for c in a.citations)  # what is shown is labelled as not the answer


def test_a_city_body_is_not_its_district_s(seed_assistant):
    a = seed_assistant.ask("广州市老干部局2023年预算执行率是多少")
    assert not a.found and "广州市老干部局" in a.answer
    assert all(c.note for c in a.citations)


def test_an_absent_district_names_no_other_body(seed_assistant):
    a = seed_assistant.ask("天河区预算执行率是多少")
    assert not a.found and "天河区" in a.answer and "花都" not in a.answer and "荔湾" not in a.answer


def test_a_sibling_body_of_an_indexed_district_is_refused(seed_assistant):
    a = seed_assistant.ask("花都区人社局2023年机关运行经费是多少")
    assert not a.found and "已索引的相关报告有" in a.answer and a.kind == "refusal"


def test_a_short_name_of_several_reports_asks_which(seed_assistant):
    a = seed_assistant.ask("老干部局2023年预算执行率是多少")
    assert a.kind == "clarify" and "荔湾" in a.answer and "花都" in a.answer


def test_two_reports_with_one_file_name_both_stay(tmp_path, embedder):
    for folder, body in (("a", "广州市花都区财政局"), ("b", "广州市荔湾区财政局")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "绩效报告.txt").write_text(
            f"{body}2023年度部门整体支出绩效自评报告\n一、基本情况\n{body}全年预算数100万元，执行数90万元。\n", encoding="utf-8")
    index_dir = tmp_path / "index"
    first = build_index([tmp_path / "a" / "绩效报告.txt"], index_dir, embedder=embedder)
    second = build_index([tmp_path / "b" / "绩效报告.txt"], index_dir, embedder=embedder)
    assert first.added == ["绩效报告.txt"] and second.added == ["绩效报告.txt"]
    index = Index.load(index_dir)
    assert sorted(d.body for d in index.documents.values()) == ["广州市花都区财政局", "广州市荔湾区财政局"]
    shutil.copy(tmp_path / "a" / "绩效报告.txt", tmp_path / "copy.txt")
    third = build_index([tmp_path / "copy.txt"], index_dir, embedder=embedder)
    assert third.duplicates == [(str(tmp_path / "copy.txt"), "绩效报告.txt")] and not third.added
    assert len(Index.load(index_dir).documents) == 2
    with pytest.raises(KeyError, match="names 2 reports"):
        build_index([], index_dir, embedder=embedder, remove=["绩效报告.txt"])
    removed = build_index([], index_dir, embedder=embedder, remove=[str(tmp_path / "b" / "绩效报告.txt")])
    assert removed.removed == ["绩效报告.txt"]
    assert [d.body for d in Index.load(index_dir).documents.values()] == ["广州市花都区财政局"]


@pytest.mark.parametrize("which", ["seeds", pytest.param("dev", marks=pytest.mark.dev),
                                   pytest.param("dev2", marks=pytest.mark.dev)])
def test_no_answer_cites_a_report_the_question_does_not_name(which, request):
    fixture, path = {"seeds": ("seed_assistant", SEED_QUESTIONS), "dev": ("dev_assistant", DEV_QUESTIONS),
                     "dev2": ("dev2_assistant", DEV2_QUESTIONS)}[which]
    assistant = request.getfixturevalue(fixture)
    foreign = []
    for q in read_questions(path):
        if not q.get("doc"):
            continue
        gold = set(q["doc"] if isinstance(q["doc"], list) else [q["doc"]])
        a = assistant.ask(q["question"], history=q.get("history"))
        if len(gold) > 1:  # a question over several reports may cite any it names, not only those that answer
            gold |= set(a.routed)
        if a.found and any(c.doc not in gold for c in a.citations if not c.note):
            foreign.append((q["id"], sorted({c.doc for c in a.citations} - gold)))
    assert foreign == []


@pytest.mark.dev
def test_a_word_of_a_places_own_project_is_no_other_body(dev2_assistant):
    """"临翔区收容所项目": 收容所 ends as a body's name does, but it is a word of the project of 临翔区's own
    report (2023年马鹿坑国有林场新建野生动物收容所建设项目), not an unindexed body; a body the place has no report
    of is still refused."""
    route = dev2_assistant.answerer.router.route("临翔区收容所项目执行率多少？")
    assert route.status == "ok" and len(route.doc_ids) == 1, route
    assert dev2_assistant.answerer.index.documents[route.doc_ids[0]].name.startswith("04_")
    assert dev2_assistant.answerer.router.route("临翔区财政局三公经费多少？").status == "not_indexed"
