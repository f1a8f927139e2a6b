"""Questions over several reports, and figure questions a passage without a figure
cannot answer, on the generated template reports (eval/tables) through the real
model and index."""

import re

import pytest

BODIES = "丰桂县财政局、丰云区人社局、金兴区人社局2021年的本年支出合计"


@pytest.mark.dev
def test_who_has_the_most_of_three_names_the_top_and_the_bottom_with_each_figure(tables_assistant):
    a = tables_assistant.ask(BODIES + "谁最多？")
    assert a.found, a.answer
    each, verdict = a.answer.rsplit("。", 2)[:2]
    # each body's figure as its table writes it (元), and in 万元
    assert "29,436,696.21 元（2,943.67 万元）" in each and "3,113.77 万元" in each and "26,665,963.31 元" in each
    assert verdict.startswith("丰云区人力资源和社会保障局2021年最多，金兴区人力资源和社会保障局2021年最少")
    assert "447.17 万元（计算：3,113.77 万元 − 2,666.60 万元）" in verdict
    assert len({c.doc for c in a.citations}) == 3
    for figure in ("29,436,696.21", "3,113.77", "26,665,963.31"):
        assert any(figure in c.quote for c in a.citations)


@pytest.mark.dev
def test_who_has_the_least_names_the_bottom(tables_assistant):
    a = tables_assistant.ask(BODIES + "哪家最少？")
    assert a.found, a.answer
    assert re.search(r"金兴区人力资源和社会保障局2021年[^。；]*最(少|低)", a.answer)


@pytest.mark.dev
def test_a_figure_question_is_not_answered_by_a_title_without_a_figure(tables_assistant):
    """The generated 一般公共预算财政拨款支出决算表 has no 合计 row: its title matches every word
    of the question and holds no figure."""
    a = tables_assistant.ask("丰桂县财政局2021年的一般公共预算财政拨款支出是多少？")
    assert not a.found or all(re.search(r"\d", c.quote) for c in a.citations[:1]), a.answer


@pytest.mark.dev
def test_a_total_not_stated_is_not_answered_by_one_rows_cell(tables_assistant):
    """The generated 支出决算表 has no 合计 row: 基本支出 in total is not stated, and 教育支出's
    基本支出 cell is a neighbour's figure; the row asked for is given."""
    a = tables_assistant.ask("丰桂县财政局2021年基本支出多少？")
    assert not a.found or "318.18" not in a.answer, a.answer
    a = tables_assistant.ask("丰桂县财政局2021年教育支出基本支出多少？")
    assert a.found and "318.18 万元" in a.answer


@pytest.mark.dev
def test_whether_a_figure_rose_is_not_answered_by_a_heading(tables_assistant):
    """The report states 机关运行经费 for its year and no change on the year before."""
    a = tables_assistant.ask("丰桂县财政局机关运行经费跟上年比是涨了还是跌了？")
    assert not a.found, a.answer


def _chosen(assistant, *numbers: str) -> list[str]:
    """The reports a user picked in the UI, by their file numbers."""
    return [d.doc_id for d in assistant.index.documents.values() if d.name[:2] in numbers]


@pytest.mark.dev
def test_these_bodies_are_the_reports_in_view(tables_assistant):
    """"这几个单位" names no report: the ones chosen are compared, each body once; 几个 asks no count."""
    chosen = _chosen(tables_assistant, "01", "02", "04", "06")
    a = tables_assistant.ask("这几个单位谁的机关运行经费最多？", doc_ids=chosen)
    assert a.found and a.question == "这几个单位谁的机关运行经费最多？", a.answer
    assert "银金区统计局2024年最多，福新区卫生健康局2020年最少" in a.answer
    assert "170.88 万元 − 35.00 万元" in a.answer and len({c.doc for c in a.citations}) == 4
    each = tables_assistant.ask("这几个单位的机关运行经费各是多少？", doc_ids=chosen)
    assert all(f in each.answer for f in ("170.88万元", "60.21万元", "35.00万元", "111.48万元")), each.answer
    assert len({c.doc for c in each.citations}) == 4
