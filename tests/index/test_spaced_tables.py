"""Tables a text layer writes with spaces between cells (index/spaced_tables.py), read into cells. The text is
a PDF's text layer as pdftotext writes it: the 说明 hard-wrapped at the page's width, the tables a row per line."""

from pathlib import Path

from index.document import load_document
from index.facts import extract_facts
from index.spaced_tables import read_spaced_tables

TEXT_LAYER = """丰桂县民政局2022年度部门决算
一般公共预算财政拨款“三公”经费支出决算表
编制单位：丰桂县民政局        单位：万元
项目 预算数 决算数
合计 15.00 12.34
1.因公出国（境）费 0.00 0.00
2.公务用车购置及运行维护费 12.00 10.00
（2）公务用车运行维护费 12.00 10.00
3.公务接待费 3.00 2.34
一般公共预算财政拨款支出决算表
单位：万元
科目编码 科目名称 合计 基本支出 项目支出
208 社会保障和就业支出 4,720.00 3,010.00 1,710.00
20810 社会福利 2,000.00 1,810.00 190.00
收入决算表
项目 本年收入合计 财政拨款收入 上级补助收入 事业收入
合计 3,386.78 3,210.50 120.00
206 科学技术支出 35.20 35.20
七、“三公”经费财政拨款支出决算情况说明
　　2022年度“三公”经费财政拨款支出决算为12.34万元，完成预算的
82.27%，较上年减少1.23万元，下降9.06%，决算数小于预算数的主要原因是
厉行节约，严格控制公务接待和公务用车支出。其中：因公出国（境）费支
出决算为0万元，完成预算的0%，全年未安排因公出国（境）团组。
"""


def _facts(tmp_path: Path):
    page = tmp_path / "丰桂县民政局2022年度部门决算.txt"
    page.write_text(TEXT_LAYER, encoding="utf-8")
    doc = load_document(page)
    return doc, [f for f in extract_facts(doc) if f.source == "table"]


def test_a_text_layers_table_is_read_cell_by_cell(tmp_path):
    doc, facts = _facts(tmp_path)
    cells = {(f.table, f.label, f.column): (f.value, f.unit, f.period) for f in facts}
    title = "一般公共预算财政拨款“三公”经费支出决算表"
    assert cells[(title, "合计", "预算数")] == (15.0, "万元", "预算")
    assert cells[(title, "2.公务用车购置及运行维护费", "决算数")] == (10.0, "万元", "决算")
    assert cells[(title, "3.公务接待费", "预算数")] == (3.0, "万元", "预算")
    assert cells[("一般公共预算财政拨款支出决算表", "社会保障和就业支出 › 社会福利", "基本支出")][0] == 1810.0
    cited = next(f for f in facts if f.label == "3.公务接待费" and f.column == "决算数")
    assert doc.text[cited.start : cited.end] == "2.34"  # offsets into the document text, for the citation


def test_rows_that_left_cells_empty_and_prose_give_no_cells(tmp_path):
    """"合计 3,386.78 3,210.50 120.00" under four value headings: which cell is empty is not written, so the
    收入决算表 gives nothing rather than a figure under the wrong column (its title and header end the table
    above it); the 说明's sentence is no row."""
    doc, facts = _facts(tmp_path)
    assert not [f for f in facts if f.table == "收入决算表"]
    assert not [f for f in facts if f.label == "合计" and f.value == 3386.78]
    assert [t.title for t in read_spaced_tables(doc)] == ["一般公共预算财政拨款“三公”经费支出决算表", "一般公共预算财政拨款支出决算表"]
