"""Every 项目支出绩效自评表 funds grid in dev2, cell by cell (assistant/grid.py)."""

import pytest

from assistant.grid import read_grids, read_indicators
from index.document import load_document

from .. import reports
from ..conftest import DEV2_DOCS

# document number → (unit, the 年度资金总额 row). Cells the source leaves empty are absent.
GRIDS = {
    "01": ("元", {"全年预算数": "387664.62", "全年执行数": "387664.62", "分值": "10", "执行率": "100%", "得分": "10"}),
    # a `|` table whose columns are 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分, 得分 left empty
    # a PDF's text with no gaps between cells: 20 | 20 | 10 | 100.00% | 10 written "202010100.00%10"
    "02": ("万元", {"全年预算数": "20", "全年执行数": "20", "分值": "10", "执行率": "100.00%", "得分": "10"}),
    "03": ("万元", {"年初预算数": "5.00", "全年预算数": "5.00", "全年执行数": "5.00", "执行率": "100.00%", "分值": "10"}),
    "04": ("万元", {"全年预算数": "32.4", "全年执行数": "31.69", "分值": "10", "执行率": "97.80%", "得分": "9"}),
    # the source writes 分值 100 in this row
    "05": ("万元", {"年初预算数": "620.82", "全年预算数": "620.82", "全年执行数": "620.82", "分值": "100", "执行率": "100%",
                  "得分": "10"}),
    "06": ("万元", {"年初预算数": "43.2", "全年预算数": "43.2", "全年执行数": "37.24", "分值": "10", "执行率": "86%", "得分": "9"}),
    # traditional characters with pinyin readings after them (項(xiàng)目), dropped when the page is read
    "08": ("万元", {"年初预算数": "7.29", "全年预算数": "7.29", "全年执行数": "7.29", "分值": "10.00", "执行率": "100%",
                  "得分": "10.00"}),
    "12": ("万元", {"年初预算数": "4753.66", "全年预算数": "4753.66", "全年执行数": "3824.26", "分值": "10", "执行率": "100%",
                  "得分": "10"}),
}


@pytest.mark.dev
def test_every_funds_grid_in_dev2_reads_cell_by_cell():
    found = {}
    for path in sorted(DEV2_DOCS.glob("*.txt")):
        doc = load_document(path)
        rows = read_grids(doc.doc_id, doc.text)
        if rows:
            assert len(rows) == 1, path.name
            found[path.name[:2]] = (rows[0].unit, rows[0].values)
            assert doc.text[rows[0].start:rows[0].end].strip(), path.name
    assert found == GRIDS


HEADER = "资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:"


@pytest.mark.parametrize("row, values", [
    # cut where the rate is 执行数 ÷ 预算数 and the 得分 is the 分值 scaled by it
    ("32.431.691097.80%9", {"全年预算数": "32.4", "全年执行数": "31.69", "分值": "10", "执行率": "97.80%", "得分": "9"}),
    ("505010100%10", {"全年预算数": "50", "全年执行数": "50", "分值": "10", "执行率": "100%", "得分": "10"}),
    # without a 得分, 50 | 50 | 10 | 100% and 5050 | 10 | 10 | 0% both agree: no values rather than a guess
    ("505010100%", {}),
])
def test_glued_cells_are_cut_only_where_one_cut_agrees_with_the_row(row, values):
    rows = read_grids("x", HEADER + row + "其中:本年财政拨款")
    assert (rows[0].values if rows else {}) == values


@pytest.mark.dev
def test_the_indicator_rows_of_dev2_self_evaluations():
    """The template's indicator rows, 指标性质 and 度量单位 in cells of their own (01) or the target
    in one cell (04): target, achieved, full mark and score."""
    rows = {}
    for number in ("01", "04"):
        doc = load_document(next(DEV2_DOCS.glob(f"{number}_*.txt")))
        rows.update({r.label: (r.target, r.actual, r.full, r.score) for r in read_indicators(doc.text)})
    assert rows["资金到位及时率"] == ("≧100%", "100%", "10", "7")
    assert rows["政策知晓率"] == ("═100%", "98%", "10", "9")
    assert rows["家长满意度"] == ("≧95%", "100%", "10", "10")
    assert rows["钢结构圈养围栏"] == ("≥120米", "121.5米", "10", "10")
    assert rows["提供务工岗位"] == ("≥5个", "5个", "10", "10")


def test_the_points_taken_off_a_flattened_self_evaluation(tmp_path):
    """Rows read from the flattened text (no table reader): each indicator's 分值 less its 得分, and the funds row's."""
    from assistant.grid import scored_rows

    doc = load_document(next(DEV2_DOCS.glob("01_*.txt")))
    rows = scored_rows(doc.text, [], read_indicators(doc.text), read_grids(doc.doc_id, doc.text))
    assert {r.name: r.lost for r in rows if r.lost} == {"资金到位及时率": 3, "政策知晓率": 1}
    assert "年度资金总额" in {r.name for r in rows}
    doc = load_document(reports.self_evaluation_docx(tmp_path / "自评表.docx"))
    rows = scored_rows(doc.text, [], read_indicators(doc.text), [])
    assert {r.name: r.lost for r in rows if r.lost} == {"工程按期完工率": 2}


def test_the_indicator_rows_of_a_word_self_evaluation(tmp_path):
    doc = load_document(reports.self_evaluation_docx(tmp_path / "自评表.docx"))
    rows = {r.label: (r.target, r.actual, r.full, r.score) for r in read_indicators(doc.text)}
    assert rows == {"河道清淤长度": ("≥12公里", "12.6公里", "20", "20"), "工程按期完工率": ("=100%", "90%", "10", "8"),
                    "沿岸群众满意度": ("≥90%", "95%", "10", "10")}
    assert read_grids(doc.doc_id, doc.text)[0].values["全年执行数"] == "110.50"


@pytest.mark.dev
def test_a_column_asked_that_the_row_leaves_empty_gives_no_grid_answer(dev2_assistant):
    """中江县水利局's grid has no 年初预算数: the row's other cells do not answer "年初预算数是多少"."""
    a = dev2_assistant.ask("中江县水利局水标尺项目的年初预算数是多少？")
    assert not a.found or "年初预算数" not in a.answer or "空" in a.answer, a.answer
    answerer = dev2_assistant.answerer
    from assistant.question import understand

    doc = next(d for d, doc in answerer.index.documents.items() if doc.name.startswith("02_"))
    assert not [c for c in answerer.grid_candidates(understand("水标尺项目的年初预算数是多少？", []), [doc]) if c.source == "grid"]
    assert [c for c in answerer.grid_candidates(understand("水标尺项目的全年预算数是多少？", []), [doc]) if c.source == "grid"]


@pytest.mark.dev
def test_a_projects_budget_and_execution_asked_together_are_its_grid_cells(dev2_assistant):
    """"水标尺那个项目预算和执行各多少": the first item carries the project both are of (水标尺项目预算, 执行), its
    last word valued in the grid's answer, the project written in its name: the cells, not the grid pasted."""
    a = dev2_assistant.ask("中江水利局水标尺那个项目预算和执行各多少？")
    assert a.found and "全年预算数 20 万元" in a.answer and "全年执行数 20 万元" in a.answer, a.answer
    assert len(a.answer) < 100


@pytest.mark.dev
def test_an_indicators_score_is_not_the_funds_rows(dev2_assistant):
    """"产出指标得了多少分" asks an indicator group's score; the funds row (年度资金总额 … 得分) does not answer it."""
    from assistant.question import understand

    answerer = dev2_assistant.answerer
    doc = next(d for d, doc in answerer.index.documents.items() if doc.name.startswith("05_"))
    assert not answerer.grid_candidates(understand("司法业务经费的产出指标得了多少分？", []), [doc])
    assert answerer.grid_candidates(understand("司法业务经费预算执行得了多少分？", []), [doc])


@pytest.mark.dev
def test_the_rate_is_worked_out_only_when_its_check_is_asked(dev2_assistant):
    """"全年预算、执行率和得分各是多少" asks the cells (the 算 of 预算 asks no check); "执行率算得对吗" asks the rate checked."""
    from assistant.question import understand

    answerer = dev2_assistant.answerer
    doc = next(d for d, doc in answerer.index.documents.items() if doc.name.startswith("02_"))
    cells = answerer.grid_candidates(understand("水标尺项目全年预算、全年执行、执行率和得分各是多少？", []), [doc])
    assert cells and not [c for c in cells if c.source == "computed"]
    checked = answerer.grid_candidates(understand("水标尺项目的执行率算得对吗？", []), [doc])
    assert [c for c in checked if c.source == "computed" and "全年执行数 20 ÷ 全年预算数 20" in c.answer.answer]


@pytest.mark.dev
def test_a_grid_answer_is_matched_by_its_projects_name_as_written(dev2_assistant):
    """A traditional-character 自评表 (項目名稱): the grid's candidate carries its project's name, which the
    question names, so it is weighed as about what is asked."""
    from assistant.question import understand

    answerer = dev2_assistant.answerer
    doc = next(d for d, doc in answerer.index.documents.items() if doc.name.startswith("08_"))
    grid = [c for c in answerer.grid_candidates(understand("卫片执法补助经费有多少？", []), [doc]) if c.source == "grid"]
    assert grid and "衛片執法補助經費" in grid[0].text and "7.29" in grid[0].answer.answer


@pytest.mark.dev
def test_a_grid_cell_carries_the_retrieval_ranks_of_the_passage_holding_its_row(dev2_assistant):
    """As a table cell does: the ranker weighs where retrieval put the grid's passage, not nothing."""
    from assistant.question import understand

    answerer = dev2_assistant.answerer
    doc = next(d for d, doc in answerer.index.documents.items() if doc.name.startswith("04_"))
    candidates, _, passages = answerer.candidates(understand("收容所项目执行率是多少？", []), [doc])
    grid = [c for c in candidates if c.source == "grid"]
    assert grid and grid[0].passage_rank is not None
    assert passages[grid[0].passage_rank].chunk.start <= grid[0].answer.citations[0].start < passages[grid[0].passage_rank].chunk.end


@pytest.mark.dev
@pytest.mark.parametrize("question, rate", [("上饶司法局那个司法业务经费花完了没有？", "执行率 100%"),
                                            ("临翔林草局收容所项目的钱花完了没有？", "执行率 97.80%"),
                                            ("中江水利局水标尺项目钱都花出去了吗？", "执行率 100.00%")])
def test_whether_the_money_was_all_spent_is_the_grids_execution_rate(dev2_assistant, question, rate):
    """"花完了没有" asks the 执行率 (data/question_words.tsv), a rate; a name cell the next label follows with no
    gap ("…水标尺制作安装项目负责人及电话") still names the project."""
    a = dev2_assistant.ask(question)
    assert a.found and rate in a.answer and len(a.answer) < 120, a.answer
    if "中江" in question:
        assert "“中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装”" in a.answer


def test_a_spoken_whether_spent_asks_a_rate():
    from assistant.question import understand

    q = understand("那个司法业务经费花完了没有？", [])
    assert q.content == "司法业务经费执行率" and q.wants_percent and q.wants_number
    assert not understand("没花完的钱有多少？", []).wants_percent  # what is left is an amount (结余)


@pytest.mark.dev
def test_a_pasted_grid_gives_way_to_its_cells_read(dev2_assistant):
    """"司法业务经费预算多少": the flattened grid's sentence and the grid's cells both answer; the cells, named by
    their column, say which of the row's three 620.82 is the budget — the paste does not."""
    a = dev2_assistant.ask("上饶司法局司法业务经费预算多少？")
    assert a.found and "全年预算数 620.82 万元" in a.answer and len(a.answer) < 100, a.answer


def test_a_table_given_one_cell_per_line_is_read_as_rows(tmp_path):
    """A web page that gave a 自评表 one cell per line, blank lines between (as several of dev2's do): its cells
    are joined into rows ("质量指标|营养改善计划覆盖率|≧|100|%|100%|10|10"), a row ending where a name follows
    values, every offset kept; then each indicator row is read, not only the first."""
    source = (DEV2_DOCS / "01_yongde_minglang_zhongxue_2022_zipingbiao.txt").read_text(encoding="utf-8")
    head, body = source.split("\n", 1)
    cells = [c.strip() or " " for c in body.replace("|", "\n").split("\n")]
    path = tmp_path / "01_cells.txt"
    path.write_text(head + "\n" + "\n\n \n".join(cells), encoding="utf-8")
    doc = load_document(path)
    assert "\n质量指标|营养改善计划覆盖率|≧|100|%|100%|10|10\n" in doc.text
    rows = {r.label: r for r in read_indicators(doc.text)}
    assert len(rows) == 8 and (rows["资金到位及时率"].full, rows["资金到位及时率"].score) == ("10", "7")
    assert doc.text[rows["政策知晓率"].start : rows["政策知晓率"].end] == "社会效益 指标|政策知晓率|═|100|%|98%|10|9"
    (grid,) = read_grids(doc.doc_id, doc.text)
    assert grid.values == GRIDS["01"][1]
