"""`assistant check`: a report's self-contradictions, found from its own figures."""

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.check import check
from index.document import load_document

from ..conftest import DEV2_DOCS


def _findings(name):
    return check(load_document(next(DEV2_DOCS.glob(f"{name}_*.txt"))))


@pytest.mark.dev
def test_the_self_contradictions_the_corpus_notes_are_found():
    lingling = _findings("12")
    assert [(f.what, f.stated, f.computed) for f in lingling] == [("执行率", "100%", "80.45%")]
    hepingxiang = _findings("16")
    assert [(f.what, f.stated, f.computed) for f in hepingxiang] == [("增长率", "29.86%", "42.56%")]
    assert "本年数为分母" in hepingxiang[0].explanation
    linxiang = _findings("04")
    assert [(f.stated, f.computed) for f in linxiang] == [("97.80%", "97.81%")] and "舍入" in linxiang[0].explanation
    assert _findings("17") == [] and _findings("22") == []  # their 199.4% and 66.7% are right


@pytest.mark.dev
def test_check_command_quotes_each_finding():
    path = next(DEV2_DOCS.glob("16_*.txt"))
    out = subprocess.run([sys.executable, "-m", "assistant.cli", "check", str(path)],
                         capture_output=True, text=True, check=True).stdout
    assert "29.86%" in out and "42.56%" in out and "「29.86%」" in out


def test_a_consistent_report_has_no_findings(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("2023年度收入总计120万元,与上年相比增加20万元,增长20%。\n", encoding="utf-8")
    assert check(load_document(report)) == []
    report.write_text("2023年度收入总计120万元,与上年相比增加20万元,增长25%。\n", encoding="utf-8")
    assert [f.computed for f in check(load_document(report))] == ["20.00%"]


@pytest.mark.dev
def test_facts_command_lists_grid_cells_with_their_span():
    path = next(DEV2_DOCS.glob("04_*.txt"))
    out = subprocess.run([sys.executable, "-m", "assistant.cli", "facts", str(path)],
                         capture_output=True, text=True, check=True).stdout
    assert "自评表 年度资金总额（万元）：执行率 97.80%；分值 10；得分 9；全年预算数 32.4；全年执行数 31.69" in out


def test_check_finds_table_totals_that_are_not_the_sum_of_their_parts(tmp_path: Path):
    from tests import reports

    consistent = load_document(reports.budget_xlsx(tmp_path / "ok.xlsx"))
    assert check(consistent) == []
    import openpyxl

    path = reports.budget_xlsx(tmp_path / "wrong.xlsx")
    book = openpyxl.load_workbook(path)
    book.active["C5"] = 1110  # 人力资源和社会保障管理事务 合计: its parts give 1,100.00
    book.save(path)
    findings = check(load_document(path))
    assert {(f.what, f.stated, f.computed) for f in findings} == {
        ("合计", "人力资源和社会保障管理事务 合计 1,110.00", "1,100.00"),  # 基本支出 864.49 + 项目支出 235.51
        ("分项之和", "人力资源和社会保障管理事务 合计 1,110.00", "1,100.00"),  # 行政运行 + 社会保险经办机构
        ("分项之和", "社会保障和就业支出 合计 1,180.40", "1,190.40"),  # its 款: 1,110.00 + 80.40
    }


def test_check_says_where_the_text_and_its_table_disagree(tmp_path: Path):
    from eval.table_reports import OUT

    report = tmp_path / "某某区财政局2023年部门决算.txt"
    report.write_text("某某区财政局2023年部门决算\n一、收入支出决算总体情况说明\n"
                      "2023年度收入合计1,234.57万元，支出合计1,100.00万元。\n"
                      "收入支出决算总表\n单位：元\n| 项目 | 决算数 | 项目 | 决算数 |\n"
                      "| 一、一般公共预算财政拨款收入 | 12,345,678.90 | 一、一般公共服务支出 | 11,234,567.89 |\n"
                      "| 本年收入合计 | 12,345,678.90 | 本年支出合计 | 11,234,567.89 |\n", encoding="utf-8")
    found = [f for f in check(load_document(report)) if f.what == "正文与表格"]
    assert [(f.stated, f.computed) for f in found] == [("支出合计 1,100.00万元", "11,234,567.89 元")]
    assert "合 1,123.46 万元" in found[0].explanation  # the 收入 line agrees once rounded: not a finding
    # the generated template reports state in their text what their tables hold
    assert not [f for path in sorted((OUT / "docs").iterdir()) for f in check(load_document(path)) if f.what == "正文与表格"]


@pytest.mark.dev
@pytest.mark.parametrize("question, verdict, figures", [
    # a sentence: 收、支总计均为1,145.52万元 … 各增加342万元,增长29.86%
    ("和平乡政府说收支增长29.86%，这个增幅算对了吗？", "算得不对（增幅以本年数为分母计算）",
     ("1145.52 − 342 = 803.52", "342 ÷ 803.52 = 42.56%", "29.86%")),
    # a table row: 2.公务接待费 | 3 | 7 | 4 | 133%
    ("卡斯镇公务接待费预算增幅133%算得对吗？", "算得对", ("（7 − 3）÷ 3", "133.33%", "133%")),
])
def test_a_stated_rate_asked_about_is_worked_out_again(dev2_assistant, question, verdict, figures):
    a = dev2_assistant.ask(question)
    assert a.found and a.kind == "computed" and a.answer.startswith(verdict + "："), a.answer
    assert all(f in a.answer for f in figures)
    assert any(f.rstrip("%") in c.quote for c in a.citations for f in figures[-1:])


def test_a_table_rows_growth_rate_is_checked(tmp_path):
    """`上年 | 本年 | 增减额 | 增减率` rows: a rate right to its last digit is no finding; one worked
    out on the current year is."""
    report = tmp_path / "某镇2024年“三公”经费预算.txt"
    report.write_text("“三公”经费预算财政拨款情况统计表\n单位:万元\n"
                      "| 项目 | 2023年预算数 | 2024年预算数 | 增减金额 | 增减幅度 |\n"
                      "| 公务接待费 | 3 | 7 | 4 | 133% |\n"
                      "| 公务用车运行费 | 15 | 20 | 5 | 25% |\n", encoding="utf-8")
    found = check(load_document(report))
    assert [(f.what, f.stated, f.computed) for f in found] == [("增长率", "25%", "33.33%")]
    assert "本年数为分母" in found[0].explanation


@pytest.mark.dev
def test_whose_growth_rate_is_wrong_across_reports(dev2_assistant):
    a = dev2_assistant.ask("和平彝族乡、城口供销社、巫溪档案馆三家，收支总计同比增幅各多少？谁的增幅算错了？")
    assert a.found and a.answer.endswith("算错的是：和平彝族乡人民政府2023年。"), a.answer
    assert "报告写 29.86%" in a.answer and "42.56%" in a.answer and "报告写 199.4%" in a.answer and "报告写 66.7%" in a.answer
    assert len({c.doc for c in a.citations}) == 3
