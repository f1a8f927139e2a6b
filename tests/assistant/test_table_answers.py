"""Answers from table cells of a generated 部门决算 PDF (tests/reports.py), through
the real model and a real index: one cell with its column, unit and page; never a
neighbouring cell's figure."""

import pytest

from assistant import Assistant
from index.build import build_index

from .. import reports


@pytest.fixture(scope="module")
def table_assistant(tmp_path_factory, embedder):
    folder = tmp_path_factory.mktemp("tables")
    pdf = reports.final_accounts_pdf(folder / "人社局2023年部门决算.pdf")
    build_index([pdf], folder / "index", embedder=embedder)
    return Assistant.load(folder / "index")


def test_a_cell_is_answered_with_its_row_column_unit_and_page(table_assistant):
    a = table_assistant.ask("人社局行政运行基本支出多少")
    assert a.found and "864.49 万元" in a.answer and "基本支出" in a.answer
    assert a.citations[0].page == 3 and "2080101 | 行政运行" in a.citations[0].quote


def test_the_project_column_is_not_the_total_column(table_assistant):
    a = table_assistant.ask("人社局社会保险经办机构项目支出是多少")
    assert a.found and "235.51 万元" in a.answer and "项目支出" in a.answer


@pytest.mark.parametrize("question, wrong", [
    ("人社局2023年一般公共服务支出决算数是多少", "12,345,678.90"),  # the income side of the same row
    ("人社局教育支出是多少", ""),  # no such row
    ("人社局住房保障支出多少", ""),
])
def test_no_neighbouring_figure_is_stated(table_assistant, question, wrong):
    a = table_assistant.ask(question)
    if not a.found:
        return
    assert wrong and wrong not in a.answer


def test_assistant_show_renders_the_cited_page_with_the_row_marked(table_assistant, tmp_path, capsys):
    from PIL import Image

    from assistant.cli import main

    a = table_assistant.ask("人社局行政运行基本支出多少")
    c = a.citations[0]
    out = tmp_path / "page.png"
    index_dir = str(table_assistant.index_dir)
    assert main(["show", c.doc, "--span", f"{c.start}:{c.end}", "--out", str(out), "--index-dir", index_dir]) == 0
    assert "page 3" in capsys.readouterr().out
    image = Image.open(out).convert("RGB")
    yellow = [(x, y) for (x, y), (r, g, b) in zip(((x, y) for y in range(image.height) for x in range(image.width)),
                                                  image.get_flattened_data()) if r > 230 and 190 < g < 235 and b < 160]
    assert yellow, "the cited row is not marked"
    rows = {y for _, y in yellow}
    assert max(rows) - min(rows) < 40  # one row of the table, not the page
    assert main(["show", c.doc, "--page", "9", "--index-dir", index_dir]) == 2
    assert "没有第 9 页" in capsys.readouterr().err


@pytest.mark.parametrize("question", ["人社局机关运行经费跟上年比是涨了还是跌了", "人社局机关运行经费比上年增加了多少"])
def test_a_change_on_the_year_before_is_answered_from_the_stated_change(table_assistant, question):
    a = table_assistant.ask(question)
    assert a.found and "3.05" in a.answer and a.kind != "computed"
    assert "比上年增加3.05万元" in a.citations[0].quote


def test_an_empty_row_is_not_answered_with_its_row_number(tmp_path, embedder):
    pdf = reports.numbered_rows_pdf(tmp_path / "人社局2023年部门决算.pdf")
    build_index([pdf], tmp_path / "index", embedder=embedder)
    assistant = Assistant.load(tmp_path / "index")
    assert "1,234.56" in assistant.ask("人社局2023年一般公共预算财政拨款收入是多少").answer
    empty = assistant.ask("人社局2023年外交支出是多少")  # its row holds only 行次 33
    assert not empty.found or not any(n in empty.answer for n in ("33", "2 万元"))


def test_a_row_of_figures_under_headings_answers_from_the_right_half(tmp_path, embedder):
    """The “三公”经费 table with 预算数 and 决算数 side by side and no row labels: a 决算表's
    own figures are its 决算数; a 预算数 is given only when asked for."""
    pdf = reports.horizontal_sangong_pdf(tmp_path / "人社局2023年三公经费.pdf")
    build_index([pdf], tmp_path / "index", embedder=embedder)
    assistant = Assistant.load(tmp_path / "index")
    total = assistant.ask("人社局2023年“三公”经费支出多少")
    assert total.found and "10.50" in total.answer and "12.00" not in total.answer
    assert "3.30" in assistant.ask("人社局公务接待费决算多少").answer
    assert "8.00" in assistant.ask("人社局公务用车运行费预算数多少").answer


@pytest.fixture(scope="module")
def tables_apart(tmp_path_factory, embedder):
    """A 部门决算 published table by table, one PDF each, the kind only in the file names."""
    folder = tmp_path_factory.mktemp("apart")
    stem = "某某区人力资源和社会保障局2023年部门决算-"
    pdfs = [reports.split_codes_pdf(folder / f"{stem}支出表.pdf"),
            reports.three_codes_side_by_side_pdf(folder / f"{stem}基本支出表.pdf"),
            reports.grants_summary_pdf(folder / f"{stem}财拨总表.pdf")]
    build_index(pdfs, folder / "index", embedder=embedder)
    return Assistant.load(folder / "index")


@pytest.mark.parametrize("question, figure, table", [
    ("人社局办公费多少？", "10.00 万元", "一般公共预算财政拨款基本支出决算表"),
    ("人社局行政运行基本支出多少？", "864.49 万元", "一般公共预算财政拨款支出决算表"),
    ("人社局本年支出合计多少？", "1,180.40 万元", "财政拨款收入支出决算总表"),
])
def test_a_report_published_table_by_table_is_read_whole(tables_apart, question, figure, table):
    assert {d.kind for d in tables_apart.index.documents.values()} == {"部门决算"}
    a = tables_apart.ask(question)
    assert a.found and figure in a.answer and table in a.answer, a.answer


@pytest.mark.dev
def test_a_total_is_read_off_its_tables_total_row_not_another_funds_line(tables_assistant):
    """"“三公”经费预算多少": the 合计 row of 财政拨款“三公”经费预算表, its 本年预算数, stated once; not
    the 机关运行经费预算 sentence, whose words cover 经费预算 too."""
    a = tables_assistant.ask("柏德县老干部局2022年“三公”经费预算多少？")
    assert a.found and "24.50 万元" in a.answer and "“三公”经费合计" in a.answer, a.answer
    assert "90.79" not in a.answer and "| 合计 | 28.82 | 24.50 |" in a.citations[0].quote


def test_the_words_asked_may_be_split_between_a_row_and_its_column():
    from assistant.answer import _terms_in

    assert _terms_in("经费预算", "“三公”经费", "本年预算数")
    assert not _terms_in("经费预算", "合计", "本年预算数")  # the row must write a word asked
    assert not _terms_in("预算", "三公经费", "本年预算数")  # one word: the bigram test decides


@pytest.fixture(scope="module")
def sangong_and_basic(tmp_path_factory, embedder):
    """Two 部门决算 tables, each its own report: the “三公”经费 table with its items in columns (预算数 and
    决算数 side by side) and the 基本支出 table with 人员经费 and 公用经费 side by side."""
    out = {}
    for name, make in (("sangong", reports.horizontal_sangong_pdf), ("basic", reports.three_codes_side_by_side_pdf)):
        folder = tmp_path_factory.mktemp(name)
        pdf = make(folder / "人社局2023年部门决算.pdf")
        build_index([pdf], folder / "index", embedder=embedder)
        out[name] = Assistant.load(folder / "index")
    return out


def test_a_share_of_two_cells_is_computed_with_each_cell_named_and_cited(sangong_and_basic):
    a = sangong_and_basic["sangong"].ask("人社局公务接待费占三公经费的比重")
    assert a.found and a.kind == "computed", a.answer
    assert "公务接待费 3.30 万元 ÷ 三公经费 10.50 万元 = 31.43%" in a.answer  # the 决算数 of a 决算, not its 预算数
    assert all("3.30" in c.quote or "10.50" in c.quote for c in a.citations)


def test_a_sum_of_two_cells_and_a_short_form_for_a_column(sangong_and_basic):
    a = sangong_and_basic["basic"].ask("人社局人员经费和公用经费一共多少？")
    assert a.found and "人员经费 864.49 万元 + 公用经费 125.00 万元 = 989.49万元" in a.answer, a.answer
    a = sangong_and_basic["sangong"].ask("人社局公车运行费多少")  # 公车 is 公务用车 (assistant/data/abbreviations.tsv)
    assert a.found and "7.20 万元" in a.answer and "公务用车运行费" in a.answer, a.answer


def test_an_item_against_its_budget_is_its_final_minus_its_budget_column(sangong_and_basic):
    """"三公经费比预算少了多少": the same row's 决算数 − 预算数, the shortfall said in words."""
    a = sangong_and_basic["sangong"].ask("人社局三公经费比预算少了多少？")
    assert a.found and "三公经费 10.50 万元 − 三公经费预算 12.00 万元 = -1.5万元（少 1.5万元）" in a.answer, a.answer


@pytest.mark.dev
def test_several_things_asked_at_once_are_each_read_off_the_tables(tables_assistant):
    """"本年收入合计和本年支出合计分别是多少": each figure, each cited; not only the first one."""
    a = tables_assistant.ask("丰桂县财政局2021年本年收入合计和本年支出合计分别是多少？")
    assert a.found and "本年收入合计：30,347,109.50 元" in a.answer and "本年支出合计：29,436,696.21 元" in a.answer, a.answer
    assert len(a.citations) >= 1 and "30,347,109.50" in a.citations[0].quote
    a = tables_assistant.ask("丰桂县财政局2021年公务接待费和公务用车运行费合计多少？")  # their sum is asked: not two figures
    assert not a.found or "；" not in a.answer.split("。")[0] or "+" in a.answer, a.answer


def test_one_value_in_two_columns_is_quoted_under_the_period_asked(tmp_path, embedder):
    """A 部门预算's “三公”经费 table whose 合计 is the same last year and this: the answer names 本年预算数."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["丰桂县档案馆2020年部门预算"])
    sheet.append(["财政拨款“三公”经费预算表"])
    sheet.append(["编制单位：丰桂县档案馆", "", "单位：万元"])
    sheet.append(["项目", "上年预算数", "本年预算数"])
    for row in (("合计", 46.88, 46.88), ("1.因公出国（境）费", 0, 0), ("2.公务用车购置及运行费", 40.15, 39.00),
                ("3.公务接待费", 6.73, 7.88)):
        sheet.append(list(row))
    path = tmp_path / "丰桂县档案馆2020年部门预算.xlsx"
    book.save(path)
    build_index([path], tmp_path / "index", embedder=embedder)
    a = Assistant.load(tmp_path / "index").ask("丰桂县档案馆2020年“三公”经费预算多少？")
    assert a.found and "46.88 万元" in a.answer and "本年预算数" in a.answer and "上年预算数" not in a.answer, a.answer


def test_a_row_under_no_header_does_not_answer_a_column_asked(tmp_path, embedder):
    """The second page's rows stand under a title of their own ("…（二）", not "…（续）") and no header: which
    of their figures is the 基本支出 is not known, so no cell of theirs is offered as it; under a （续）
    title they keep the columns of the page before, and the 基本支出 is answered."""
    from assistant.question import understand

    for title, answered in (("一般公共预算财政拨款支出决算表（二）", False), ("一般公共预算财政拨款支出决算表（续）", True)):
        folder = tmp_path / str(answered)
        folder.mkdir()
        pdf = reports.continued_with_title_pdf(folder / "人社局2023年部门决算.pdf", title)
        build_index([pdf], folder / "index", embedder=embedder)
        assistant = Assistant.load(folder / "index")
        doc = next(iter(assistant.index.documents))
        cells = assistant.answerer.fact_candidates(understand("测试项目40支出基本支出多少？", []), [doc], [])
        assert any("100.25" in c.text for c in cells) is answered, [c.text for c in cells]
        assert not any("140.50" in c.text or c.text.endswith(" 40.25") for c in cells), [c.text for c in cells]
        a = assistant.ask("人社局测试项目40支出基本支出多少？")
        assert ("100.25 万元" in a.answer) is answered, a.answer


@pytest.mark.dev
def test_an_item_against_last_year_is_worked_out_from_its_tables_columns_unless_stated(tables_assistant):
    """"公务接待费预算比上年多还是少": the row's 本年预算数 − 上年预算数, each named; a change the report states
    ("收入比上年增加了多少" ← "与2020年度相比，收入增加360.55万元") is quoted, not worked out."""
    a = tables_assistant.ask("柏德县老干部局2022年公务接待费预算比上年多还是少？")
    assert a.found and "公务接待费预算 3.76 万元 − 上年公务接待费预算 4.21 万元 = -0.45万元（比上年减少 0.45万元）" in a.answer, a.answer
    a = tables_assistant.ask("丰桂县财政局2021年收入比上年增加了多少？")
    assert a.found and a.kind != "computed" and "增加360.55万元" in a.answer, a.answer


def test_a_share_with_no_whole_named_is_of_the_whole_the_template_sums_it_into(sangong_and_basic):
    """"公务接待费占比多少" names no whole: the “三公”经费 its table sums it into (data/shares_of.tsv), said so."""
    a = sangong_and_basic["sangong"].ask("人社局公务接待费占比多少？")
    assert a.found and "公务接待费 3.30 万元 ÷ 三公经费 10.50 万元 = 31.43%" in a.answer and "按报表的口径" in a.answer, a.answer
    a = sangong_and_basic["basic"].ask("人社局公用经费占比多少？")  # its whole, 基本支出, is stated nowhere
    assert not a.found or "÷" not in a.answer, a.answer


@pytest.mark.dev
def test_a_line_whose_name_holds_a_joiner_is_one_thing_and_a_comparing_clause_keeps_its_subject(tables_assistant):
    """"文化旅游体育与传媒支出预算多少" asks one line, not 文化旅游体育 and 传媒支出; "…本年支出合计多少？比本年收入
    合计少多少？": the second clause compares the first one's subject."""
    a = tables_assistant.ask("安丰县老干部局2022年文化旅游体育与传媒支出预算多少？")
    assert a.found and "文化旅游体育与传媒支出" in a.answer and "449.44 万元" in a.answer and "；" not in a.answer, a.answer
    a = tables_assistant.ask("金兴区人社局2021年本年支出合计多少？比本年收入合计少多少？")
    assert a.found and "26,665,963.31 元" in a.answer and "（少 82.47万元）" in a.answer, a.answer


@pytest.mark.dev
def test_no_figure_of_the_opposite_quantity_nor_an_amount_for_a_count(tables_assistant):
    """Stated wrong figures a probe found: 一般公共预算财政拨款收入 read as the 支出 asked; 支出合计 worked back
    for 收入合计 (the change stated is the 收入's); 公务用车运行费 6.86 万元 for "几辆公务用车"."""
    a = tables_assistant.ask("丰桂县财政局教育支出占一般公共预算财政拨款支出的比例？")
    assert "26,989,124.31" not in a.answer, a.answer
    a = tables_assistant.ask("丰桂县财政局2020年收入合计多少？")
    assert a.found and "3,034.71万元 − 360.55万元 = 2,674.16万元" in a.answer, a.answer
    a = tables_assistant.ask("丰桂县财政局2020年支出合计多少？")
    assert "2,674.16" not in a.answer, a.answer
    a = tables_assistant.ask("丰桂县财政局有几辆公务用车？")
    assert "6.86" not in a.answer, a.answer


def test_a_projects_name_in_the_question_names_its_report_not_what_is_asked(tmp_path, embedder):
    """"河道整治工程执行率多少" of a Word 自评表 for 河道整治工程: the project's name picks the report and is no word
    a passage must write ("项目资金执行率92.08%" answers); "结余多少" is the worked-out 全年预算数 − 全年执行数."""
    build_index([reports.self_evaluation_docx(tmp_path / "某某区水务局2023年度河道整治工程项目支出绩效自评表.docx")],
                tmp_path / "index", embedder=embedder)
    assistant = Assistant.load(tmp_path / "index")
    a = assistant.ask("某某区水务局河道整治工程执行率多少？")
    assert a.found and "92.08%" in a.answer, a.answer
    a = assistant.ask("某某区水务局河道整治工程结余多少？")
    assert a.found and "120.00 − 全年执行数 110.50 = 9.5" in a.answer, a.answer


def test_a_word_self_evaluation_names_the_indicator_that_missed_its_target(tmp_path, embedder):
    """"哪些指标没完成" of a Word 自评表: its 工程按期完工率 (=100%, 90% done) is named; the others met theirs."""
    build_index([reports.self_evaluation_docx(tmp_path / "某某区水务局2023年度河道整治工程项目支出绩效自评表.docx")],
                tmp_path / "index", embedder=embedder)
    a = Assistant.load(tmp_path / "index").ask("某某区水务局河道整治工程哪些指标没完成？")
    assert a.found and "有 1 项" in a.answer and "工程按期完工率" in a.answer and "90%" in a.answer, a.answer


def test_a_word_file_of_the_national_template_answers_from_its_merged_cell_tables(tmp_path, embedder):
    """The national-template 部门决算 as a Word file (eval/full_national.py): 预算数 and 决算数 merged over their
    halves name the “三公” columns; "农林水支出多少" is the 收入支出决算总表's cell, not the 收入决算表's row of
    income by function quoted whole (2,885.02 and four more figures)."""
    from eval.full_national import write_national_docx

    docx = write_national_docx(tmp_path / "清河县农业农村局2023年度部门决算.docx")
    build_index([docx], tmp_path / "index", embedder=embedder)
    assistant = Assistant.load(tmp_path / "index")
    a = assistant.ask("清河县农业农村局三公经费预算数是多少")
    assert a.found and "15.00" in a.answer and "预算数" in a.answer, a.answer
    a = assistant.ask("清河县农业农村局农林水支出多少")
    assert a.found and "2,950.02" in a.answer and "2,885.02" not in a.answer, a.answer


@pytest.fixture(scope="module")
def workbook_assistant(tmp_path_factory, embedder):
    from eval.full_national import write_national_xlsx

    folder = tmp_path_factory.mktemp("workbook")
    build_index([write_national_xlsx(folder / "清河县农业农村局2023年度部门决算.xlsx")], folder / "index", embedder=embedder)
    return Assistant.load(folder / "index")


@pytest.mark.parametrize("question, figure, wrong", [
    ("清河县农业农村局农林水支出多少", "2,950.02", "1,629.90"),  # the row's 本年支出合计, not its 基本支出
    ("清河县农业农村局农林水支出中基本支出多少", "1,629.90", "2,950.02"),  # the column asked
    ("清河县农业农村局2023年收支总计是多少？", "3,551.78", ""),  # 总计 under 收入 and under 支出, the same figure
    ("清河县农业农村局因公出国费用多少", "0.00", ""),  # 费用 is the 因公出国（境）费 column
    ("清河县农业农村局人员经费多少", "1,860.36", "402.18"),  # the side's row 人员经费合计, not a row under it
])
def test_a_workbook_of_the_national_tables_answers_from_its_sheets(workbook_assistant, question, figure, wrong):
    """The national 公开表 as a workbook (eval/full_national.py), with no 说明 beside them: every figure from a
    sheet's cell, cited on its sheet."""
    a = workbook_assistant.ask(question)
    assert a.found and figure in a.answer, a.answer
    assert not wrong or wrong not in a.answer, a.answer


def test_a_rows_total_column_is_the_cell_of_a_row_asked_with_no_column(workbook_assistant):
    """"农林水支出多少": of the 支出决算表's row, its 本年支出合计 before its 基本支出 and 项目支出 (whose names
    the question writes no more of than of 本年支出合计); a column the question names comes first."""
    from assistant.question import understand

    doc = next(iter(workbook_assistant.index.documents))
    cells = workbook_assistant.answerer.fact_candidates(understand("清河县农业农村局农林水支出多少", []), [doc], [])
    assert "2,950.02" in cells[0].text and "本年支出合计" in cells[0].text, [c.text for c in cells]
    cells = workbook_assistant.answerer.fact_candidates(understand("农林水支出中基本支出多少", []), [doc], [])
    assert "1,629.90" in cells[0].text, [c.text for c in cells]


def test_a_sides_total_row_is_the_figure_stated_for_the_side_named(workbook_assistant):
    """"人员经费多少" of a 基本支出明细表 with 人员经费 and 公用经费 side by side: each row of the 人员经费 side is under
    that heading; the figure stated for it is its row 人员经费合计."""
    from assistant.question import understand

    doc = next(iter(workbook_assistant.index.documents))
    stated = workbook_assistant.answerer.stated_figure(understand("清河县农业农村局人员经费多少", ["清河县农业农村局"]), doc)
    assert stated is not None and stated[0].value == 1860.36, stated


def test_a_reason_asked_is_not_answered_by_a_table_title(workbook_assistant):
    """"为什么比预算少" of a workbook holding only tables: its “三公” table's title and number line give no reason."""
    a = workbook_assistant.ask("清河县农业农村局三公经费为什么比预算少")
    assert not a.found, a.answer


@pytest.fixture(scope="module")
def budget_workbook_assistant(tmp_path_factory, embedder):
    from eval.full_health_budget import write_health_budget_xlsx

    folder = tmp_path_factory.mktemp("budget_workbook")
    build_index([write_health_budget_xlsx(folder / "清河县卫生健康局2024年部门预算.xlsx")], folder / "index", embedder=embedder)
    return Assistant.load(folder / "index")


def test_a_title_less_workbook_takes_its_year_from_its_file_name(budget_workbook_assistant):
    """No sheet has a title with the year; its “三公” table writes 2023年预算数 beside 2024年预算数 as often: the
    file's name says which is the report's year, and so which column "三公经费预算" asks."""
    doc = next(iter(budget_workbook_assistant.index.documents.values()))
    assert doc.year == 2024, doc.year
    a = budget_workbook_assistant.ask("清河县卫生健康局三公经费预算是多少")
    assert a.found and "25.60" in a.answer and "28.00" not in a.answer, a.answer


@pytest.mark.parametrize("question, figure, wrong", [
    ("清河县卫生健康局基本支出多少", "3,210.00", "2,498.00"),  # the 合计 row's 基本支出 › 小计, not 卫生健康支出's
    ("清河县卫生健康局一般公共预算拨款支出中卫生健康支出多少", "", "7,653.43"),  # not the row's 合计: a column is asked
])
def test_a_budget_workbook_answers_from_its_total_row_and_the_column_asked(budget_workbook_assistant, question, figure,
                                                                         wrong):
    a = budget_workbook_assistant.ask(question)
    assert wrong not in a.answer and (not figure or a.found and figure in a.answer), a.answer


@pytest.fixture(scope="module")
def text_layer_assistant(tmp_path_factory, embedder):
    from eval.full_national import write_national_text

    folder = tmp_path_factory.mktemp("text_layer")
    build_index([write_national_text(folder / "清河县农业农村局2023年度部门决算.txt")], folder / "index", embedder=embedder)
    return Assistant.load(folder / "index")


@pytest.mark.parametrize("question, spent", [("清河县农业农村局公务接待费预算是多少？", "3.16"),
                                             ("清河县农业农村局三公经费预算数是多少", "12.96")])
def test_a_budget_asked_of_a_final_account_is_not_its_spending(text_layer_assistant, question, spent):
    """"公务接待费预算是多少" of a 部门决算 whose tables are text rows: the row "30217 公务接待费 3.16" writes no
    预算 and is the 决算 figure; "“三公”经费…决算为12.96万元，完成预算的86.40%" writes 预算 with a rate after it,
    not an amount. The budget (a cell of a row whose columns the text lost) is not found."""
    a = text_layer_assistant.ask(question)
    assert spent not in a.answer, a.answer


@pytest.mark.parametrize("question, whole", [("清河县农业农村局事业运行的基本支出", "2,096.46"),
                                             ("清河县农业农村局2023年事业运行的项目支出是多少", "1,355.32")])
def test_a_part_asked_is_not_answered_by_the_wholes_figure(text_layer_assistant, question, whole):
    """"事业运行的基本支出": 事业运行 is a line of the report's tables; the 说明's "基本支出2,096.46万元" writes no
    事业运行 and gives the whole's figure."""
    a = text_layer_assistant.ask(question)
    assert whole not in a.answer, a.answer


def test_rows_quoted_together_keep_their_figures_apart(text_layer_assistant):
    """Two table rows on lines of their own, quoted as one passage: "38.60" ending one and "30102" opening the
    next are two figures, never "38.6030102"."""
    import re

    a = text_layer_assistant.ask("清河县农业农村局津贴补贴是多少", explain=True)
    glued = [c.text for c in a.candidates if re.search(r"\.\d\d\d{3,}", c.text)]
    assert a.candidates and not glued, glued


@pytest.fixture(scope="module")
def spread_assistant(tmp_path_factory, embedder):
    folder = tmp_path_factory.mktemp("spread")
    pdf = reports.spread_labels_pdf(folder / "人社局2023年部门决算.pdf")
    build_index([pdf], folder / "index", embedder=embedder)
    return Assistant.load(folder / "index")


@pytest.mark.parametrize("question, figure", [
    ("人社局2023年收入总计多少？", "1,234.50"),  # 总计 under the 收入 side, spread as "总    计"
    ("人社局三公经费预算数是多少？", "30.00"),  # the “三公” table's "合    计"
    ("人社局三公经费决算多少？", "24.56"),
])
def test_a_spread_total_row_answers_for_its_side(spread_assistant, question, figure):
    a = spread_assistant.ask(question)
    assert a.found and figure in a.answer


@pytest.fixture(scope="module")
def economy_assistant(tmp_path_factory, embedder):
    folder = tmp_path_factory.mktemp("economy")
    pdf = reports.basic_budget_by_economy_pdf(folder / "西山区卫生健康局2024年部门预算.pdf")
    build_index([pdf], folder / "index", embedder=embedder)
    return Assistant.load(folder / "index")


@pytest.mark.parametrize("question, figure, page", [
    ("西山区卫健局2024年基本支出预算多少？", "1,250.40", 2),  # the 一般公共预算基本支出表's 合计 row: 基本支出, not 基本
    ("西山区卫健局2024年人员经费预算多少？", "1,120.10", 2),  # a total row's cell is named by its column
    ("西山区卫健局退休费多少", "70.10", 3),  # on the page the table runs onto, with neither title nor header
])
def test_a_basic_spending_table_by_economic_class_answers_its_totals_and_rows(economy_assistant, question, figure, page):
    a = economy_assistant.ask(question)
    assert a.found and figure in a.answer and a.citations[0].page == page, a.answer


@pytest.mark.parametrize("question, share", [
    ("西山区卫健局人员经费占基本支出多少？", "89.58%"),  # "占…多少" asks a share, not the amount
    ("西山区卫健局公用经费多少？占基本支出的比例呢？", "10.42%"),
])
def test_a_share_is_worked_out_from_a_total_rows_cells(economy_assistant, question, share):
    """人员经费 down a column of rows: its 合计 row's cell is the one named whole, and 基本支出 is the table's
    合计; the share is worked out with its formula, each operand cited."""
    a = economy_assistant.ask(question)
    assert a.found and share in a.answer and "÷" in a.answer, a.answer


def test_a_share_asked_as_zhan_duoshao_is_a_share_but_land_taken_is_not():
    from assistant.compute import plan
    from assistant.sentences import PERCENT_QUESTION

    assert PERCENT_QUESTION.search("人员经费占基本支出多少") and plan("人员经费占基本支出多少")[0] == "ratio"
    assert plan("税收占地方一般公共预算收入的比重")[1] == ["税收", "地方一般公共预算收入"]
    assert not PERCENT_QUESTION.search("新建校区占地面积多少") and plan("新建校区占地面积多少") is None


def test_numbered_tables_on_a_web_page_answer_by_their_cells(tmp_path, embedder):
    """A table numbered in its title ("表2 “三公”经费预算表"): the number is no figure, so the title alone is no
    answer to "三公经费预算多少" (it was given as one), and the table's subject is “三公”经费, not "表2 “三公”经费".
    A share of two table cells is worked out from them, not from prose that names one of them by two characters
    from its middle ("预算" of 一般公共预算拨款收入 read off "机关运行经费预算165.20万元")."""
    build_index([reports.numbered_tables_web_page(tmp_path / "青山区文化和旅游局2024年部门预算.html")], tmp_path / "index",
                embedder=embedder)
    assistant = Assistant.load(tmp_path / "index")
    a = assistant.ask("青山区文旅局2024年三公经费预算多少")
    assert a.found and "18.60" in a.answer and "表2 “三公”经费（" not in a.answer, a.answer
    a = assistant.ask("青山区文旅局2024年一般公共预算拨款收入占本年收入的比重")
    assert a.found and "2,856.30" in a.answer and "87.17%" in a.answer and "165.20" not in a.answer, a.answer


def test_a_workbook_with_the_years_down_a_tables_side(tmp_path, embedder):
    """“三公” rows named by a year and a period (2023年预算 of a 2024 report is the year before's), its columns the
    items; titles that begin with the body and the year still have their subject (基本支出, “三公”经费)."""
    build_index([reports.town_budget_xlsx(tmp_path / "东湖镇2024年部门预算.xlsx")], tmp_path / "index", embedder=embedder)
    assistant = Assistant.load(tmp_path / "index")
    a = assistant.ask("东湖镇2024年公务接待费预算")
    assert a.found and "4.5" in a.answer and "2024年预算" in a.answer, a.answer
    a = assistant.ask("东湖镇2023年公务接待费预算是多少")
    assert a.found and "5.00 万元" in a.answer and "2023年预算" in a.answer, a.answer
    a = assistant.ask("东湖镇2024年三公经费比上年少了多少")
    assert a.found and "减少 1.5" in a.answer, a.answer
    a = assistant.ask("东湖镇2024年公用经费占基本支出的比重")
    assert a.found and "716.00" in a.answer and "13.35%" in a.answer, a.answer


def test_a_classification_row_the_question_does_not_name_is_not_pasted_as_the_answer(tables_assistant):
    """"基本支出和项目支出各多少" of a report whose 一般公共预算财政拨款支出决算表 has no 合计 row: the row
    "| 201 | 一般公共服务支出 | 49.40 | 41.25 | 8.15 |" quoted under its header gives that line's figures, not the
    totals asked — no answer rather than a neighbour's figures."""
    a = tables_assistant.ask("银金区统计局2024年基本支出和项目支出各多少")
    assert not a.found or "41.25" not in a.answer, a.answer
    named = tables_assistant.ask("银金区统计局2024年一般公共服务支出的基本支出多少")
    assert named.found and "41.25" in named.answer, named.answer  # the row named is still read


def test_the_largest_line_of_a_table_is_named_with_its_figure_and_the_runner_up(tables_assistant):
    """"支出最多的是哪一类": the 类 lines (the shortest codes) compared on the total column, or on the column
    named ("哪一类基本支出最多"); the top line named with its figure, the next one after it, both rows cited."""
    from index.tables import row_name

    answerer = tables_assistant.answerer
    doc = next(d for d, x in answerer.index.documents.items() if x.name.startswith("04_"))
    lines = [f for f in answerer.index.facts[doc] if f.table == "一般公共预算财政拨款支出决算表" and len(f.code) == 3]
    for column, asked in (("合计", "银金区统计局2024年哪一类支出最多？"), ("基本支出", "银金区统计局2024年哪一类基本支出最多？")):
        cells = sorted((f for f in lines if f.column.endswith(column)), key=lambda f: -f.value)
        a = tables_assistant.ask(asked)
        assert a.found and f"{row_name(cells[0].label)}（" in a.answer and cells[0].raw in a.answer, a.answer
        assert f"其次是 {row_name(cells[1].label)}" in a.answer and len(a.citations) == 2
    least = min((f for f in lines if f.column.endswith("合计")), key=lambda f: f.value)
    assert row_name(least.label) in tables_assistant.ask("银金区统计局2024年哪一类支出最少？").answer


TEXT_LAYER_SPENDING = """丰桂县农业农村局2023年度部门决算
支出决算表
部门：丰桂县农业农村局    单位：万元
项目 本年支出合计 基本支出 项目支出 上缴上级支出 经营支出
科目编码 科目名称
栏次 1 2 3 4 5
合计 3,451.78 2,096.46 1,355.32
206 科学技术支出 35.20 35.20
208 社会保障和就业支出 268.40 268.40
213 农林水支出 2,950.02 1,629.90 1,320.12
{housing}
一、部门决算情况说明
　　2023年度收入支出决算总计3,551.78万元，与上年相比减少210.44万元，下降5.59%，主要原因是农业生产发展
项目资金减少。本年支出合计3,451.78万元，其中基本支出2,096.46万元，项目支出1,355.32万元，基本支
出主要用于保障机构正常运转和在职人员工资福利，项目支出主要用于农业生产发展等方面的工作任务。
"""


@pytest.mark.parametrize("housing, answered", [("221 住房保障支出 198.16 198.16", True), ("", False)])
def test_a_text_layers_lines_are_compared_on_their_totals_only_when_they_add_up(tmp_path, embedder, housing, answered):
    """A text layer's rows lost their empty cells: which column a figure stands in is not written, except the first,
    the row's total (本年支出合计), which a filled row never leaves empty. The lines are compared on it only when
    they add up to the table's 合计 (3,451.78): with a line missing, the least is not sure, and is not named."""
    from assistant import Assistant
    from index.build import build_index

    page = tmp_path / "丰桂县农业农村局2023年度部门决算.txt"
    page.write_text(TEXT_LAYER_SPENDING.format(housing=housing), encoding="utf-8")
    build_index([page], tmp_path / "index", embedder=embedder)
    a = Assistant.load(tmp_path / "index").ask("丰桂县农业农村局2023年哪一类支出最少？")
    if answered:
        assert a.found and "科学技术支出（本年支出合计）：35.20" in a.answer, a.answer
    else:
        assert "科学技术支出" not in a.answer or not a.found, a.answer


def test_last_years_column_named_beside_the_reports_own_year(tables_assistant):
    """"宁云县财政局2020年公务接待费的上年预算数" of a 2020 budget: 2020 names the report, 上年预算数 the column (0.61),
    not this year's 0.73."""
    a = tables_assistant.ask("宁云县财政局2020年公务接待费的上年预算数是多少？")
    assert a.found and "0.61" in a.answer and "上年预算数" in a.answer, a.answer
    a = tables_assistant.ask("宁云县财政局2020年公务接待费预算数是多少？")
    assert a.found and "0.73" in a.answer, a.answer


def test_a_rows_column_asked_without_de_is_that_cell_not_the_rows_total(tables_assistant):
    """"文化旅游体育与传媒支出基本支出有多少" (a row and its column, no 的 between): the 基本支出 cell (292.98), not the
    row's 合计 that the 收入支出决算总表 also states (688.01)."""
    a = tables_assistant.ask("丰桂县财政局文化旅游体育与传媒支出基本支出有多少？")
    assert a.found and "292.98" in a.answer, a.answer
