"""Normalization, sections, metadata and chunking on the real reports."""

import re
import subprocess
import sys

import pytest

from index.chunk import chunk_document
from index.document import load_document
from index.headings import heading_rank
from index.normalize import normalize_pages

from ..conftest import DEV_DOCS, HUADU, LIWAN, SEEDS


def test_wrapped_lines_are_rejoined_but_headings_kept():
    raw = ["一、基本情况\n\n（二）部门整体收支情况\n\n全年预算数 1486.55 万元，执行数 1413.15 万元，完成\n\n预算的 95.06%。\n\n"
           "按资金来源分，一般公共预算财政拨款支出 1361.05 万\n\n元，政府性基金预算财政拨款支出 52.10 万元，国有资本经\n\n"
           "营预算财政拨款支出 0.00 万元，其他资金支出 0.00 万元。\n\n" * 3]
    text, _ = normalize_pages(raw)
    assert "完成预算的 95.06%。" in text
    assert "一、基本情况\n（二）部门整体收支情况\n全年预算数" in text


def test_seed_budget_sentence_lands_in_its_section_without_wraps():
    doc = load_document(SEEDS / LIWAN)
    chunk = next(c for c in chunk_document(doc) if "完成预算的 95.06%" in c.text)
    assert "部门整体收支情况" in chunk.section
    sentence = chunk.text[chunk.text.index("全年预算数") : chunk.text.index("95.06%。") + 7]
    assert "\n" not in sentence


@pytest.mark.parametrize("name", [LIWAN, HUADU])
def test_no_seed_chunk_crosses_a_heading(name):
    doc = load_document(SEEDS / name)
    for chunk in chunk_document(doc):
        assert doc.text[chunk.start : chunk.end] == chunk.text
        for line in chunk.text.split("\n")[1:]:
            assert heading_rank(line) is None, f"{chunk.chunk_id} crosses heading {line!r}"


def test_seed_metadata():
    liwan, huadu = load_document(SEEDS / LIWAN), load_document(SEEDS / HUADU)
    assert (liwan.body, liwan.region, liwan.year) == ("荔湾区委老干部局", "荔湾区", 2023)
    assert (huadu.body, huadu.region, huadu.year) == ("中共广州市花都区委员会老干部局", "花都区", 2023)
    assert liwan.kind == huadu.kind == "部门整体支出绩效自评报告"
    assert len(huadu.page_starts) > 3  # page breaks in the extraction show as lines starting with a space


@pytest.mark.dev
def test_every_dev_document_loads_with_round_tripping_offsets():
    for path in sorted(DEV_DOCS.glob("*.txt")):
        doc = load_document(path)
        chunks = chunk_document(doc)
        assert chunks, path.name
        for c in chunks:
            assert doc.text[c.start : c.end] == c.text
            assert c.embed_text.startswith(doc.title)


@pytest.mark.dev
def test_dev_bodies_are_detected():
    bodies = {p.name: load_document(p).body for p in DEV_DOCS.glob("*.txt")}
    assert bodies["04_suqian_sucheng_budget_exec2022_trad.txt"] == "宿城区财政局"  # traditional in the source
    assert bodies["06_haikou_xiuying_water_2022.txt"] == "海口市秀英区水务局"
    assert bodies["11_yaohai_nlsw_2022.txt"] == "合肥市瑶海区农林水务局"
    assert bodies["15_pingtang_czj_2022.txt"] == "平塘县财政局"


@pytest.mark.dev
def test_chunks_command_prints_body_and_year():
    out = subprocess.run([sys.executable, "-m", "assistant.cli", "chunks", *map(str, sorted(DEV_DOCS.glob("*.txt")))],
                         capture_output=True, text=True, check=True).stdout
    assert out.count("file:") == len(list(DEV_DOCS.glob("*.txt")))
    block = out[out.index("file:    04_suqian"):]
    block = block[: block.index("sections:")]
    assert re.search(r"body:\s+宿城区财政局\s+← 发布机构 \[\d+:\d+\] 「宿城區財政局」", block)  # quoted as written
    assert re.search(r"year:\s+2022\s+← 标题行", block)
    assert re.search(r"region:\s+宿城区\n", block)


def test_a_flattened_page_after_an_attachment_heading_is_not_its_title():
    """"附件1 项目支出绩效自评表 ( 2021 年度) 项目名称 司法业务经费 主管部门 …" on one line: the heading is
    its opening words; the rest stays the section's text, not its name in every citation."""
    from index.headings import MAX_HEADING_CHARS, heading_rank, heading_title

    line = "附件1 项目支出绩效自评表 ( 2021 年度) 项目名称 司法业务经费 主管部门 上饶市司法局 项目资金(万元) 实施单位 上饶市司法局"
    assert heading_rank(line) == 0
    title = heading_title(line)
    assert title.startswith("附件1 项目支出绩效自评表") and len(title) <= MAX_HEADING_CHARS + 1 and title.endswith("…")
    assert heading_title("一、部门基本情况") == "一、部门基本情况"


def test_a_table_of_contents_is_no_heading_even_its_last_entry(tmp_path):
    """A contents page lists the parts, then the tables begin: the last entry listed is no heading of
    the tables (it is printed again as the heading of its own part further on)."""
    report = tmp_path / "某县农业农村局2023年度部门决算.txt"
    report.write_text("某县农业农村局2023年度部门决算\n目录\n第一部分 部门概况\n第二部分 部门决算表\n第三部分 部门决算情况说明\n"
                      "收入支出决算总表\n项目 | 金额 |\n一、一般公共预算财政拨款收入 | 3,210.50 |\n"
                      "第三部分 部门决算情况说明\n一、收入支出决算总体情况说明\n2023年度收、支总计3,551.78万元。\n",
                      encoding="utf-8")
    doc = load_document(report)
    assert [s.path for s in doc.sections] == ["第三部分 部门决算情况说明", "第三部分 部门决算情况说明 > 一、收入支出决算总体情况说明"]
    assert doc.sections[0].start > doc.text.index("3,210.50")
