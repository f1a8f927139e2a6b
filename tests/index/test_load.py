"""Loaders: real files of every supported kind, made by the tests."""

from pathlib import Path

import pytest

from index.document import load_document, load_documents
from index.load import LoadError, read_file

REPORT = "一、基本情况\n（二）部门整体收支情况\n全年预算数 1486.55 万元，执行数 1413.15 万元，完成预算的 95.06%。\n"


def test_gb18030_text_file_is_decoded(tmp_path: Path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(REPORT.encode("gb18030"))
    doc = load_document(path)
    assert "完成预算的 95.06%" in doc.text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_utf16_and_bom_files_are_decoded(tmp_path: Path, encoding: str):
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(REPORT.encode(encoding))
    assert "执行数 1413.15 万元" in load_document(path).text


def test_full_width_digits_become_ascii(tmp_path: Path):
    path = tmp_path / "fw.txt"
    path.write_text("预算执行率为９５．０６％，总额１，４３６．５２万元。", encoding="utf-8")
    assert "95.06%" in load_document(path).text
    assert "1,436.52万元" in load_document(path).text


def test_pinyin_readings_a_mirror_site_prints_are_dropped(tmp_path: Path):
    """"項(xiàng)目…1.8萬(wàn)元": the readings split every word and unit they sit in; "(a)" or "(PPP)" stay."""
    path = tmp_path / "py.txt"
    path.write_text("該項(xiàng)目為中央彩票公益金項(xiàng)目,資助殘疾大學(xué)新生1.8萬(wàn)元,見附件(a)、PPP(ppp)。", encoding="utf-8")
    doc = load_document(path)
    assert doc.text == "該項目為中央彩票公益金項目,資助殘疾大學新生1.8萬元,見附件(a)、PPP(ppp)。"
    assert "1.8万元" in doc.folded


def _two_page_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("STSong-Light", 12)
    c.drawString(72, 800, "测试区财政局2023年部门整体支出绩效自评报告")
    c.drawString(72, 770, "一、基本情况")
    c.drawString(72, 740, "全年预算数 200.00 万元，执行数 150.00 万元。")
    c.showPage()
    c.setFont("STSong-Light", 12)
    c.drawString(72, 800, "二、存在的主要问题")
    c.drawString(72, 770, "项目进度偏慢，资金支付滞后。")
    c.save()


def test_two_page_pdf_keeps_page_numbers(tmp_path: Path):
    from index.chunk import chunk_document

    path = tmp_path / "report.pdf"
    _two_page_pdf(path)
    doc = load_document(path)
    assert len(doc.page_starts) == 2
    chunks = chunk_document(doc)
    pages = {c.section: (c.page_start, c.page_end) for c in chunks}
    assert pages["一、基本情况"] == (1, 1)
    assert pages["二、存在的主要问题"] == (2, 2)
    assert doc.year == 2023 and doc.body == "测试区财政局"
    assert all(doc.text[c.start : c.end] == c.text for c in chunks)


def test_docx_paragraphs_and_table_rows(tmp_path: Path):
    import docx

    d = docx.Document()
    d.add_paragraph("测试县水务局2022年项目支出绩效自评报告")
    d.add_paragraph("一、项目资金情况")
    table = d.add_table(rows=2, cols=3)
    for i, cells in enumerate([("指标", "预算执行率", "得分"), ("数值", "95%", "10")]):
        for j, value in enumerate(cells):
            table.cell(i, j).text = value
    path = tmp_path / "report.docx"
    d.save(path)
    doc = load_document(path)
    assert "指标 | 预算执行率 | 得分" in doc.text
    assert "数值 | 95% | 10" in doc.text
    from index.chunk import chunk_document

    assert all(doc.text[c.start : c.end] == c.text for c in chunk_document(doc))


def test_bad_files_are_named_and_the_batch_goes_on(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf-8")
    corrupt = tmp_path / "corrupt.pdf"
    corrupt.write_bytes(b"%PDF-1.7\nthis is not really a pdf")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    sheet = tmp_path / "sheet.xlsx"
    sheet.write_bytes(b"PK\x03\x04")
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    other = tmp_path / "old.doc"
    other.write_bytes(b"\xd0\xcf\x11\xe0")
    for path, reason in [(corrupt, "not a readable PDF"), (empty, "empty"), (sheet, "not a readable XLSX"),
                         (old, "not a readable XLS"), (other, "unsupported")]:
        with pytest.raises(LoadError) as err:
            read_file(path)
        assert path.name in str(err.value) and reason in str(err.value)
    batch = load_documents([good, corrupt, empty, sheet, old, other])
    assert [d.name for d in batch.documents] == ["good.txt"]
    assert sorted(Path(e.path).name for e in batch.skipped) == ["corrupt.pdf", "empty.txt", "old.doc", "old.xls", "sheet.xlsx"]


def test_the_index_command_exits_non_zero_naming_the_files_it_skipped(tmp_path: Path):
    import subprocess
    import sys

    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf-8")
    corrupt = tmp_path / "corrupt.pdf"
    corrupt.write_bytes(b"%PDF-1.7\nthis is not really a pdf")
    index_dir = tmp_path / "index"

    def index(*paths: Path) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "assistant.cli", "index", *map(str, paths), "--index-dir",
                               str(index_dir)], capture_output=True, text=True)

    mixed = index(good, corrupt)
    assert mixed.returncode == 1 and "corrupt.pdf" in mixed.stdout + mixed.stderr
    assert (index_dir / "CURRENT").exists()  # what could be read was indexed
    assert index(corrupt).returncode == 1
    assert index(good).returncode == 0
    missing = subprocess.run([sys.executable, "-m", "assistant.cli", "index", "--index-dir", str(index_dir)],
                             capture_output=True, text=True)
    assert missing.returncode == 2 and "give the files" in missing.stderr


def test_a_table_of_contents_line_ends_its_paragraph_in_hard_wrapped_text():
    """A wrapped page joins short lines back into paragraphs; a contents line ("(二)…建议 19") is whole,
    so the report's title after it does not become part of it."""
    from index.normalize import normalize_pages

    body = "本单位按照年度工作安排开展预算绩效管理工\n作，全面加强预算管理，优化资源配置，提高\n财政资金使用效率和效益，推进各项工作有序\n开展落实到位并见成效。\n"
    page = ("目 录\n(一)存在的问题 19\n(二)下一步改进工作的意见和建议 19\n某某局2022年部门整体支出绩效评价报告\n"
            + body * 4)
    text, _ = normalize_pages([page])
    assert "(二)下一步改进工作的意见和建议 19\n某某局2022年" in text


def test_a_table_row_written_as_text_is_never_glued_to_the_next_rows_code():
    """A text layer writes a table's rows as lines of words and figures ("213 农林水支出 2,950.02 1,320.12"); among
    hard-wrapped prose they are lines of their own: "1,320.12" + "21301 农业农村" is never read "1,320.1221301".
    A figure the wrap parts from its unit ("全年预算数 1486.55" / "万元，…") still goes on."""
    from index.normalize import normalize_pages

    body = "本单位按照年度工作安排开展预算绩效管理工\n作，全面加强预算管理，优化资源配置，提高\n财政资金使用效率和效益，推进各项工作有序\n开展落实到位并见成效，全年预算数 1486.55\n万元，执行数 1413.15 万元。\n"
    rows = "项目 本年支出合计 基本支出 项目支出\n213 农林水支出 2,950.02 1,629.90 1,320.12\n21301 农业农村 2,950.02 1,629.90 1,320.12\n2130101 行政运行 1,020.30 1,020.30\n"
    text, _ = normalize_pages([body * 3 + rows + body])
    assert "\n21301 农业农村 2,950.02 1,629.90 1,320.12\n2130101 行政运行" in text
    assert "全年预算数 1486.55万元，执行数" in text


def test_a_sheet_word_file_or_web_page_has_no_hard_wrapped_lines(tmp_path: Path):
    """Only a PDF's or a text file's lines may be prose wrapped at a width: a workbook's title over its
    number line (公开06表) are two lines, whatever their lengths."""
    from index.normalize import normalize_pages

    lines = ["一般公共预算财政拨款基本支出决算明细表", "公开06表"] * 6 + ["收入支出决算总表本部门的收支总表与说明", "公开01表"]
    assert "\n公开06表\n" in normalize_pages(["\n".join(lines)], wrapped=False)[0]
    assert "决算明细表公开06表" in normalize_pages(["\n".join(lines)])[0]  # the same lines, wrapped prose


def test_asking_from_a_folder_with_no_index_names_it_and_exits_2(tmp_path: Path):
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-m", "assistant.cli", "ask", "--local", "--index-dir", str(tmp_path / "none"),
                          "荔湾区预算执行率是多少"], capture_output=True, text=True)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert str(tmp_path / "none") in run.stderr and "assistant index" in run.stderr


def test_a_sentence_running_on_to_the_next_page_is_one_sentence():
    """A full-length 决算 PDF (eval/full): a wrap that cuts a figure ("6,05" / "0.00万元") and a page foot
    ("- 7 -") that cuts a sentence leave no trace in the text; the page of each part stays its own."""
    from ..conftest import ROOT

    doc = load_document(next((ROOT / "eval" / "full" / "docs").glob("*部门决算.pdf")))
    assert "财政拨款收入6,050.00万元" in doc.text and "增加300.00万元，增长5.36%" in doc.text
    at = doc.text.index("其中：社会保障和就业支出（类）民政管理事务")
    assert doc.page_at(at) + 1 == doc.page_at(at + len("其中：社会保障"))  # the sentence crosses a page
    assert "- 7 -" not in doc.text and "- 7-" not in doc.text
