"""Tables and facts read from real files shaped like the national templates
(tests/reports.py): every assertion names the cell's label path, value, unit and page."""

from pathlib import Path

import pytest

from index.document import load_document
from index.facts import extract_facts
from index.tables import is_figure, read_tables

from .. import reports


def _cell(facts, label: str, column: str, source: str = "table"):
    found = [f for f in facts if f.source == source and f.label == label and f.column == column]
    assert len(found) == 1, (label, column, [(f.label, f.column) for f in facts if f.source == source])
    return found[0]


@pytest.fixture(scope="module")
def final_accounts(tmp_path_factory):
    doc = load_document(reports.final_accounts_pdf(tmp_path_factory.mktemp("pdf") / "决算.pdf"))
    return doc, extract_facts(doc)


def test_side_by_side_tables_keep_their_columns_and_empty_rows(final_accounts):
    doc, facts = final_accounts
    title = "收入支出决算总表"
    income = _cell(facts, "一、一般公共预算财政拨款收入", "收入 › 决算数")
    assert (income.table, income.raw, income.raw_unit, income.unit, income.page) == (title, "12,345,678.90", "元", "万元", 2)
    assert income.value == pytest.approx(1234.567890)
    assert doc.text[income.start:income.end] == "12,345,678.90"
    defence = _cell(facts, "三、国防支出", "支出 › 决算数")  # beside an empty income row
    assert (defence.raw, defence.value) == ("1,000.00", pytest.approx(0.1))
    social = _cell(facts, "四、社会保障和就业支出", "支出 › 决算数")  # its income side is empty
    assert social.raw == "2,469,135.69"
    assert not [f for f in facts if f.label in ("二、政府性基金预算财政拨款收入", "二、外交支出")]


def test_codes_give_the_category_path_and_empty_cells_give_no_fact(final_accounts):
    doc, facts = final_accounts
    run = _cell(facts, "社会保障和就业支出 › 人力资源和社会保障管理事务 › 行政运行", "基本支出")
    assert (run.code, run.raw, run.unit, run.page, run.period) == ("2080101", "864.49", "万元", 3, "决算")
    assert run.table == "一般公共预算财政拨款支出决算表"
    row = [f for f in facts if f.code == "2080101"]
    assert [f.column for f in row] == ["合计", "基本支出"]  # 项目支出 is empty on this row
    assert doc.text[row[0].context_start:row[0].context_end].startswith("| 2080101 | 行政运行 |")


def test_table_rows_are_not_headings(final_accounts):
    doc, _ = final_accounts
    assert not [s for s in doc.sections if "|" in s.heading or "财政拨款收入" in s.heading]


def test_prose_figures_and_stated_changes(final_accounts):
    _, facts = final_accounts
    text = [f for f in facts if f.source == "text"]
    spent = next(f for f in text if f.label == "机关运行经费支出")
    assert (spent.value, spent.unit, spent.kind, spent.page) == (96.12, "万元", "amount", 1)
    change = [f for f in text if f.label.startswith("机关运行经费支出 ") and f.kind.startswith("change")]
    assert [(f.value, f.unit, f.kind) for f in change] == [(3.05, "万元", "change amount"), (3.28, "%", "change rate")]


def test_a_label_of_paired_characters_is_read_whole(tmp_path: Path):
    """"收、支总计均为1,145.52万元": 收、支 name one thing (index/data/joined_items.txt), so the label is
    收、支总计, not 支总计; "基本支出、项目支出" are two things and stay apart."""
    page = tmp_path / "某乡2023年单位决算.txt"
    page.write_text("2023年度收、支总计均为1,145.52万元。基本支出、项目支出86.1万元。\n", encoding="utf-8")
    facts = extract_facts(load_document(page))
    assert [(f.label, f.value) for f in facts if f.source == "text"] == [("收、支总计", 1145.52), ("项目支出", 86.1)]


def test_a_bracket_inside_a_label_and_a_fall_written_降低(tmp_path: Path):
    """"因公出国（境）费0万元": the bracket is part of the label; "（一）基本支出" opens a clause. "比上年减少
    7.58万元，降低3.68%": 降低 is a stated change on the year before, as 下降 is."""
    page = tmp_path / "某局2023年部门决算.txt"
    page.write_text("其中：因公出国（境）费0万元。\n（一）基本支出12.50万元。\n"
                    "机关运行经费支出198.42万元，比上年减少7.58万元，降低3.68%。\n", encoding="utf-8")
    text = [(f.label, f.value, f.kind) for f in extract_facts(load_document(page)) if f.source == "text"]
    assert text == [("因公出国（境）费", 0.0, "amount"), ("基本支出", 12.5, "amount"),
                    ("机关运行经费支出", 198.42, "amount"), ("机关运行经费支出 比上年减少", 7.58, "change amount"),
                    ("机关运行经费支出 降低", 3.68, "change rate")]


@pytest.mark.dev
def test_a_figure_under_no_heading_is_not_given_the_tables_money_unit():
    """A flattened 自评表 (项目资金 (元)) ends with `总分 | 100 | 96 | 优`: those are points, under no column
    heading; the table's 元 belongs to its funds columns, not to every figure in it. The template writes
    the full mark (分值) first, then the score got (得分)."""
    from ..conftest import DEV2_DOCS

    doc = load_document(next(DEV2_DOCS.glob("01_*")))
    totals = [f for f in extract_facts(doc) if f.source == "table" and f.label == "总分"]
    assert [(f.raw, f.unit, f.column, f.kind) for f in totals] == [("100", "分", "分值", "score"), ("96", "分", "得分", "score")]


def test_a_score_written_bare_after_its_label(tmp_path: Path):
    """A form's header writes "自评总分: 69" with no 分: the label says it is a score; "没有不得分 1、…"
    is no score, nor is "总分 100 分" read twice."""
    page = tmp_path / "某局2019年项目绩效自评表.txt"
    page.write_text("项目绩效目标自评表 填报日期:2020 年 2 月 18 日 自评总分: 69 单位领导审签:\n"
                    "有年度计划计 2 分,没有不得分 1、单位财务管理制度。评价指标总分 100 分。\n", encoding="utf-8")
    scores = [(f.label, f.value, f.unit) for f in extract_facts(load_document(page)) if f.kind == "score"]
    assert ("自评总分", 69.0, "分") in scores and ("得分", 1.0, "分") not in scores
    assert len([s for s in scores if s[1] == 100.0]) == 1


def test_a_table_continued_on_the_next_page_keeps_its_header(tmp_path: Path):
    doc = load_document(reports.budget_pdf(tmp_path / "预算.pdf"))
    tables = read_tables(doc)
    # the page number between the two halves is no line of the text: one table, or one continued
    assert [t.continued for t in tables] in ([False], [False, True])
    assert tables[-1].columns == tables[0].columns and doc.page_at(tables[-1].rows[-1].start) == 2
    facts = extract_facts(doc)
    housing = _cell(facts, "十、住房保障支出", "预算数")
    assert (housing.table, housing.raw, housing.unit, housing.page, housing.period) == ("部门支出预算表", "88.64", "万元", 2, "预算")
    assert not [f for f in facts if f.label in ("二、教育支出", "七、节能环保支出")]


def test_a_table_whose_title_says_it_goes_on_keeps_the_header_of_the_page_before(tmp_path: Path):
    """"…决算表（续）" over rows with no header: the rows are under the columns of the page before."""
    doc = load_document(reports.continued_with_title_pdf(tmp_path / "决算.pdf"))
    assert [t.continued for t in read_tables(doc)] == [False, True]
    cell = _cell(extract_facts(doc), "测试项目40支出", "基本支出")
    assert (cell.table, cell.raw, cell.unit, cell.page) == ("一般公共预算财政拨款支出决算表", "100.25", "万元", 2)


def test_docx_self_evaluation_grid_cells(tmp_path: Path):
    doc = load_document(reports.self_evaluation_docx(tmp_path / "自评表.docx"))
    facts = extract_facts(doc)
    row = {f.column: f for f in facts if f.source == "table" and f.label == "年度资金总额"}
    assert {c: (f.raw, f.unit, f.kind) for c, f in row.items()} == {
        "年初预算数": ("100.00", "万元", "amount"), "全年预算数": ("120.00", "万元", "amount"),
        "全年执行数": ("110.50", "万元", "amount"), "分值": ("10", "分", "score"),
        "执行率": ("92.08%", "%", "rate"), "得分": ("9.2", "分", "score")}
    assert row["年初预算数"].period == "年初预算" and row["全年预算数"].period == "全年预算"
    assert row["执行率"].table == "2023年度项目支出绩效自评表（河道整治工程）"  # the table is its 项目名称's
    # the 一级指标 cell merged down is written on each row it spans: the indicator's levels
    assert _cell(facts, "产出指标 › 时效指标 › 工程按期完工率", "得分").raw == "8"
    assert _cell(facts, "满意度指标 › 服务对象满意度指标 › 沿岸群众满意度", "分值").raw == "10"


@pytest.mark.parametrize("write", [reports.budget_xlsx, reports.budget_xls])
def test_xlsx_budget_sheet_cells(tmp_path: Path, write):
    doc = load_document(write(tmp_path / f"预算.{write.__name__.rsplit('_', 1)[1]}"))
    facts = extract_facts(doc)
    total = _cell(facts, "社会保障和就业支出", "合计")
    assert (total.raw, total.value, total.unit, total.code, total.table) == ("1,180.40", 1180.4, "万元", "208", "一般公共预算支出预算表")
    run = _cell(facts, "社会保障和就业支出 › 人力资源和社会保障管理事务 › 行政运行", "基本支出")
    assert run.raw == "864.49" and run.page == 1
    assert not [f for f in facts if f.code == "2080101" and f.column == "项目支出"]


def test_a_workbook_of_the_national_tables_keeps_titles_sides_and_one_row_tables(tmp_path):
    """eval/full_national.py's 部门决算 as a workbook, one sheet per 公开表: a sheet's title over its number
    (公开01表) stays a line of its own and is the table's title, not its number; `收入 | | | 支出` over the
    repeated `项目 | 行次 | 金额` names each side; the “三公” table's one row of figures is read under its
    three-level header."""
    from eval.full_national import write_national_xlsx

    doc = load_document(write_national_xlsx(tmp_path / "清河县农业农村局2023年度部门决算.xlsx"))
    assert "\n公开01表\n" in doc.text
    assert [t.title for t in read_tables(doc)][:4] == ["收入支出决算总表", "收入决算表", "支出决算表",
                                                       "一般公共预算财政拨款基本支出决算明细表"]
    facts = extract_facts(doc)
    assert _cell(facts, "总计", "收入 › 金额").raw == _cell(facts, "总计", "支出 › 金额").raw == "3,551.78"
    assert _cell(facts, "五、事业收入", "收入 › 金额").page == 1
    sangong = _cell(facts, "“三公”经费", "决算数 › 合计")
    assert (sangong.raw, sangong.table, sangong.page) == ("12.96", "一般公共预算财政拨款“三公”经费支出决算表", 5)
    assert _cell(facts, "“三公”经费", "预算数 › 公务用车购置及运行费 › 运行费").raw == "11.00"


def test_a_three_level_header_with_wrapped_cells(tmp_path):
    doc = load_document(reports.basic_expenditure_pdf(tmp_path / "基本支出.pdf"))
    facts = extract_facts(doc)
    wages = _cell(facts, "工资福利支出 › 基本工资", "人员经费 › 工资福利支出")
    assert (wages.raw, wages.unit, wages.code, wages.page) == ("210.00", "万元", "30101", 1)
    family = _cell(facts, "对个人和家庭的补助", "人员经费 › 对个人和家庭的补助")
    assert family.raw == "40.50"
    office = _cell(facts, "商品和服务支出 › 办公费", "公用经费")
    assert (office.raw, office.table) == ("12.34", "一般公共预算财政拨款基本支出决算表")
    assert _cell(facts, "工资福利支出", "合计").raw == "523.10"


def test_a_centred_spanning_heading_covers_its_columns_only(tmp_path):
    facts = extract_facts(load_document(reports.centred_header_pdf(tmp_path / "总表.pdf")))
    assert _cell(facts, "一、一般公共服务支出", "年初结转").raw == "12.00"
    assert _cell(facts, "一、一般公共服务支出", "本年支出 › 合计").raw == "345.60"
    assert _cell(facts, "一、一般公共服务支出", "本年支出 › 项目支出").raw == "45.60"
    assert _cell(facts, "三、社会保障和就业支出", "本年支出 › 基本支出").value == -12.50
    assert not [f for f in facts if f.label == "二、教育支出" and f.column != "本年支出 › 合计"]  # "-" is no figure


@pytest.mark.parametrize("centred", [True, False])
def test_wrapped_names_an_empty_row_and_an_empty_column(tmp_path, centred):
    doc = load_document(reports.wrapped_names_pdf(tmp_path / "支出.pdf", centred))
    facts = extract_facts(doc)
    pension = _cell(facts, "行政事业单位养老支出 › 机关事业单位基本养老保险缴费支出", "基本支出")
    assert (pension.raw, pension.code) == ("42.03", "2080505")
    assert _cell(facts, "行政事业单位养老支出 › 机关事业单位职业年金缴费支出", "合计").raw == "38.37"
    assert read_tables(doc)[0].columns == ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
    assert len(read_tables(doc)) == 1  # the empty row 七、节能环保支出 does not cut the table


def test_row_numbers_are_no_figures_and_a_heading_apart_from_its_figures_names_them(tmp_path):
    facts = extract_facts(load_document(reports.numbered_rows_pdf(tmp_path / "总表.pdf")))
    assert _cell(facts, "一、一般公共预算财政拨款收入", "收入 › 金额").raw == "1,234.56"  # 收入 over its side
    assert _cell(facts, "年末结转和结余", "支出 › 金额").raw == "52.00"
    assert not [f for f in facts if "行次" in f.column or f.raw in ("1", "2", "32", "33", "59", "60")]
    assert not [f for f in facts if f.label in ("二、政府性基金预算财政拨款收入", "二、外交支出")]  # empty rows


@pytest.mark.parametrize("centred", [True, False])
def test_a_row_of_figures_under_spanning_headings_with_no_row_label(tmp_path, centred):
    facts = extract_facts(load_document(reports.horizontal_sangong_pdf(tmp_path / "三公.pdf", centred)))
    got = {f.column: (f.raw, f.period) for f in facts}
    assert all(f.label == "“三公”经费" and f.page == 1 for f in facts)
    assert got["预算数 › 合计"] == ("12.00", "预算") and got["决算数 › 合计"] == ("10.50", "决算")
    assert got["决算数 › 公务接待费"] == ("3.30", "决算") and got["预算数 › 公务接待费"] == ("4.00", "预算")
    running = [got[c] for c in got if c.startswith("决算数 › ") and c.endswith("公务用车运行费")]
    assert running == [("7.20", "决算")]
    assert not [f for f in facts if f.raw in ("1", "2", "11", "12")]  # the row numbering the columns


def test_label_columns_named_on_the_headers_second_line_and_prose_wrapped_beside_long_rows(tmp_path):
    """科目编码 | 科目名称 under 项目, on the line below the figure headings: the two lines are one
    header. The prose under the table is read as wrapped although the table's rows are long."""
    doc = load_document(reports.income_table_with_prose_pdf(tmp_path / "收入决算表.pdf"))
    table = read_tables(doc)[0]
    assert table.columns == ["项目 › 科目编码", "项目 › 科目名称", "本年收入合计", "财政拨款收入", "上级补助收入",
                             "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]
    facts = extract_facts(doc)
    assert _cell(facts, "合计", "事业收入").raw == "120.00"
    assert _cell(facts, "农林水支出 › 农业农村 › 事业运行", "财政拨款收入").raw == "520.00"
    assert _cell(facts, "农林水支出 › 农业农村 › 农业生产发展", "其他收入").unit == "万元"
    assert not [f for f in facts if f.source == "table" and f.raw in ("1", "2", "7", "208")]
    text = {f.label: f for f in facts if f.source == "text"}
    assert text["财政拨款收入"].raw == "3,210.50万元"  # the wrap cut it after "3,"
    assert text["财政拨款收入 占"].raw == "94.79%"
    assert text["收入合计减少"].kind == "change amount"


def test_codes_in_three_columns_under_a_row_of_their_parts(tmp_path):
    """科目编码 split into 类 | 款 | 项 with a row naming the parts: that row is no header of the
    figures, which keep their columns (合计, 基本支出, 项目支出); the parts give the row's path."""
    facts = extract_facts(load_document(reports.split_codes_pdf(tmp_path / "支出决算表.pdf")))
    assert _cell(facts, "合计", "合计").raw == "1,180.40"
    assert _cell(facts, "社会保障和就业支出 › 人力资源和社会保障管理事务 › 行政运行", "基本支出").raw == "864.49"
    assert _cell(facts, "社会保障和就业支出 › 人力资源和社会保障管理事务 › 社会保险经办机构",
                 "项目支出").raw == "235.51"
    assert not [f for f in facts if f.raw in ("1", "2", "3", "01", "09", "05", "208")]


def test_three_code_tables_side_by_side_give_no_code_as_a_figure(tmp_path):
    """科目编码 | 科目名称 | 决算数 three times across: each code begins a row of its own table and
    gives the row's path (30201 办公费 under 302 商品和服务支出); no code is read as an amount."""
    facts = extract_facts(load_document(reports.three_codes_side_by_side_pdf(tmp_path / "基本支出.pdf")))
    assert _cell(facts, "商品和服务支出", "决算数").raw == "120.00"
    assert _cell(facts, "商品和服务支出 › 办公费", "决算数").raw == "10.00"
    assert _cell(facts, "资本性支出 › 办公设备购置", "决算数").raw == "5.00"
    assert _cell(facts, "工资福利支出 › 津贴补贴", "决算数").raw == "200.00"
    assert _cell(facts, "公用经费合计", "决算数").raw == "125.00"
    assert not [f for f in facts if f.raw in ("301", "302", "310", "30101", "31002") or "科目编码" in f.column]


def test_a_kind_of_budget_in_a_column_name_is_no_period(tmp_path):
    """一般公共预算财政拨款 names a kind of budget: in a 决算 table its cells are 决算 figures."""
    facts = extract_facts(load_document(reports.grants_summary_pdf(tmp_path / "财拨总表.pdf")))
    cell = _cell(facts, "本年支出合计", "一般公共预算财政拨款")
    assert (cell.raw, cell.period) == ("1,180.40", "决算")
    assert _cell(facts, "一、一般公共预算财政拨款", "金额").period == "决算"
    assert not [f for f in facts if f.raw in ("30", "31", "33", "4")]  # 行次


def test_a_saved_web_page_in_gbk_with_spanning_header_cells(tmp_path):
    """A page saved from the web: its GBK text decoded, scripts and styles dropped, the title,
    paragraphs as lines, and the table's header cells spanning rows and columns kept over the
    columns they cover."""
    doc = load_document(reports.saved_web_page(tmp_path / "某某区人社局2023年部门决算.html"))
    assert (doc.year, doc.kind) == (2023, "部门决算") and "tracker" not in doc.text and "td {" not in doc.text
    assert "2023年度机关运行经费支出96.12万元，比上年增加3.05万元，增长3.28%。" in doc.text.splitlines()
    facts = extract_facts(doc)
    assert _cell(facts, "社会保障和就业支出 › 人力资源和社会保障管理事务 › 社会保险经办机构", "本年支出 › 项目支出").raw == "235.51"
    assert _cell(facts, "社会保障和就业支出", "本年支出 › 合计").raw == "1,180.40"
    assert not [f for f in facts if f.source == "table" and f.column == "本年支出 › 项目支出" and f.label.endswith("行政运行")]


def test_a_flattened_web_table_keeps_its_spanning_header_and_change_columns(tmp_path):
    """A web table flattened to text loses its empty cells: the sub-header 增、减金额 | 增、减幅度 goes
    back under 比上年增、减情况; a column of the year before is 上年, a change column is a change."""
    page = tmp_path / "某镇2024年“三公”经费预算.txt"
    page.write_text("公开目录 | 三公经费 | 发布日期 | 2025-06-06 |\n"
                    "2024年某镇“三公”经费预算财政拨款情况统计表 | ||||\n单位:万元 | ||||\n"
                    "项目 | 2023年预算数 | 2024年预算数 | 比上年增、减情况 | |\n"
                    "增、减金额 | 增、减幅度 | |||\n"
                    "合计 | 18.15 | 22.15 | 4 | 22% |\n"
                    "2.公务接待费 | 3 | 7 | 4 | 133% |\n", encoding="utf-8")
    facts = extract_facts(load_document(page))
    assert {f.table for f in facts if f.source == "table"} == {"2024年某镇“三公”经费预算财政拨款情况统计表"}
    now = _cell(facts, "合计", "2024年预算数")
    before = _cell(facts, "合计", "2023年预算数")
    change = _cell(facts, "2.公务接待费", "比上年增、减情况 › 增、减幅度")
    assert (now.raw, now.period) == ("22.15", "预算") and (before.raw, before.period) == ("18.15", "上年")
    assert (change.raw, change.kind, change.period) == ("133%", "change rate", "比上年")


def test_a_figure_of_one_period_does_not_answer_a_question_about_another():
    from index.facts import asked_period_of, period_of, periods_conflict

    assert periods_conflict(asked_period_of("年初预算数是多少"), period_of("全年预算数"))
    assert periods_conflict(asked_period_of("全年预算多少"), period_of("年初预算数"))
    assert periods_conflict(asked_period_of("决算数多少"), period_of("预算数"))
    assert not periods_conflict(asked_period_of("预算多少"), period_of("全年预算数"))
    assert not periods_conflict(asked_period_of("基本支出多少"), period_of("决算数"))


def test_a_self_evaluation_grid_drawn_ruled_gives_its_funds_and_indicator_cells():
    """The national 项目支出绩效自评表 on one page: the funds rows under 年初预算数 … 得分, then the indicator
    rows under 一级指标 … 得分 at other places on the page — two tables, each cell under its own heading,
    an indicator's value written in words (12.5公里, ≥90%) not taken for its row's name."""
    from ..conftest import FULL_DOCS

    doc = load_document(next(FULL_DOCS.glob("*项目支出绩效自评表.pdf")))
    assert "| 年度资金总额 | 500.00 | 480.00 | 456.00 | 10 | 95.00% | 9.5 |" in doc.text
    facts = extract_facts(doc)
    assert _cell(facts, "年度资金总额", "全年执行数").raw == "456.00"
    # the 一级/二级指标 cells span the rows under them: each indicator's label path holds its levels
    assert _cell(facts, "产出指标 › 质量指标 › 工程验收合格率", "年度指标值").raw == "100%"
    assert _cell(facts, "产出指标 › 数量指标 › 河道清淤长度", "得分").raw == "15"
    assert _cell(facts, "效益指标 › 生态效益指标 › 沿岸绿化面积", "实际完成值").raw == "4800平方米"
    assert _cell(facts, "总分", "得分").raw == "95.5"
    assert not [f for f in facts if f.label in ("12.5公里", "≥90%", "2022年12月")]


def test_a_budget_printed_from_spreadsheets_names_its_project_rows_and_reads_bounded_targets():
    """eval/full_health_budget.py: the 项目支出表's rows are their 项目名称 (not the 项目类型 beside them); cells under
    no heading that says a period are the report's own (预算); the 绩效目标表's indicator rows, whose targets
    are bounds (≥5万人次), are a table of their own; a 部门预算 is of no one project, and its own projects'
    主管部门 (the body itself) is no parent."""
    from ..conftest import FULL_DOCS

    doc = load_document(FULL_DOCS / "清河县卫生健康局2024年部门预算.pdf")
    assert (doc.project, doc.parent) == ("", "")
    facts = extract_facts(doc)
    project = _cell(facts, "重大传染病防控经费", "政府性基金预算")
    assert (project.raw, project.unit, project.period, project.page) == ("500.00", "万元", "预算", 5)
    target = _cell(facts, "产出指标 › 数量指标 › 重点人群传染病筛查人次", "指标值")
    assert target.raw == "≥5万人次"
    # the indicator rows are the 绩效目标表's own (its title, under the funds rows a row of words split from them),
    # and the table is its 项目名称's: both in the cell's path; a 项目名称 column heading names no project
    assert target.table == "项目支出绩效目标表（重大传染病防控经费）"
    assert project.table == "项目支出表"
    assert not [f for f in facts if f.label.startswith(("专项业务类", "基本建设类"))]


def test_two_cells_a_layout_ran_together_are_no_figure():
    """A reader that cannot see the gap between 决算数 and the next 科目编码 gives "1,420.36 302": two cells,
    neither figure to be read from it (it crashed indexing); a figure a wrap cut stays one."""
    assert not is_figure("1,420.36 302")
    assert is_figure("1,420.36") and is_figure("1 420.36") and is_figure("12,3 45.60")


def test_a_ruled_grid_keeps_its_empty_columns_apart():
    """eval/full_ruled.py: a 收入决算表 whose 上级补助收入 | 事业收入 | 经营收入 | 附属单位上缴收入 columns are
    empty in every row, between 财政拨款收入 and 其他收入: each heading stays over its own column, so the
    其他收入 figure is under 其他收入 alone, and no figure is read under an empty column's heading."""
    from ..conftest import FULL_DOCS

    doc = load_document(FULL_DOCS / "临江区城市管理局2023年度部门决算.pdf")
    assert "| 财政拨款收入 | 上级补助收入 | 事业收入 | 经营收入 | 附属单位上缴收入 | 其他收入 |" in doc.text
    facts = extract_facts(doc)
    other = _cell(facts, "合计", "其他收入")
    assert (other.table, other.raw, other.unit, other.page) == ("收入决算表", "615,420.00", "万元", 4)
    assert _cell(facts, "合计", "财政拨款收入").raw == "51,852,310.45"
    assert not [f for f in facts if f.table.startswith(("收入决算表", "支出决算表"))
                and f.column.endswith(("上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "上缴上级支出"))]
    visits = _cell(facts, "3.公务接待费", "决算数")  # a lone heading beside short right-aligned figures keeps them
    assert visits.raw == "28,120.00"


def test_labels_spread_across_their_cells_are_read_as_names(tmp_path):
    """"合    计", "总    计", "本 年 收 入 合 计": spaces between Chinese characters are the cell's layout, so the
    row is 合计 / 总计 / 本年收入合计 (what a question writes), the figure's span still the report's own text."""
    doc = load_document(reports.spread_labels_pdf(tmp_path / "总表.pdf"))
    facts = extract_facts(doc)
    total = _cell(facts, "总计", "收入 › 决算数")
    assert (total.raw, total.page, doc.text[total.start:total.end]) == ("1,234.50", 1, "1,234.50")
    assert _cell(facts, "本年支出合计", "支出 › 决算数").raw == "1,234.50"
    assert _cell(facts, "合计", "预算数").raw == "30.00" and _cell(facts, "合计", "决算数").page == 2


@pytest.mark.parametrize("clockwise", [False, True])
def test_a_table_on_a_turned_page_is_read_upright(tmp_path, clockwise):
    """A landscape table printed on a portrait page turned by /Rotate (its text runs up or down the
    page): read as the table it shows, each cell under its heading, on its page."""
    doc = load_document(reports.turned_table_pdf(tmp_path / "三公.pdf", clockwise))
    assert "| 合计 | 30.00 | 24.56 |" in doc.text
    facts = extract_facts(doc)
    spent = _cell(facts, "2.公务接待费", "决算数")
    assert (spent.table, spent.raw, spent.page) == ("一般公共预算财政拨款“三公”经费支出决算表", "6.36", 2)
    assert _cell(facts, "合计", "预算数").raw == "30.00"


def test_a_tables_subject_is_its_title_without_the_frame():
    from index.facts import table_subject

    assert table_subject("财政拨款“三公”经费支出决算表") == "“三公”经费"
    assert table_subject("一般公共预算基本支出表") == "基本支出"
    assert table_subject("2024年昌宁县卡斯镇“三公”经费预算财政拨款情况统计表") == "昌宁县卡斯镇“三公”经费"
    assert table_subject("东湖镇人民政府2024年一般公共预算基本支出表") == "基本支出"  # the body and year before it
    assert table_subject("表2 “三公”经费预算表") == "“三公”经费"  # the table's number
