"""Report files shaped like the national templates, written for tests and benchmarks:
a district 部门决算 PDF, a 部门预算 PDF whose table runs over two pages, a DOCX
项目支出绩效自评表 and an XLSX 部门预算 sheet. The figures are invented; the
layouts (two tables side by side, empty rows, 单位：元, two-line headers,
类/款/项 codes, merged cells) are the templates'."""

from __future__ import annotations

from pathlib import Path

from eval.table_reports import FONT, draw_row, pdf_canvas

BODY = "某某区人力资源和社会保障局"

SUMMARY_ROWS = [  # 收入支出决算总表: income side, expenditure side (单位：元)
    ("一、一般公共预算财政拨款收入", "12,345,678.90", "一、一般公共服务支出", "9,876,543.21"),
    ("二、政府性基金预算财政拨款收入", "", "二、外交支出", ""),
    ("三、上级补助收入", "", "三、国防支出", "1,000.00"),
    ("", "", "四、社会保障和就业支出", "2,469,135.69"),
    ("本年收入合计", "12,345,678.90", "本年支出合计", "12,346,678.90"),
]
FUNCTION_ROWS = [  # 一般公共预算财政拨款支出决算表 (单位：万元): code, name, 合计, 基本支出, 项目支出
    ("208", "社会保障和就业支出", "1,180.40", "864.49", "315.91"),
    ("20801", "人力资源和社会保障管理事务", "1,100.00", "864.49", "235.51"),
    ("2080101", "行政运行", "864.49", "864.49", ""),
    ("2080109", "社会保险经办机构", "235.51", "", "235.51"),
    ("20805", "行政事业单位养老支出", "80.40", "", "80.40"),
]


def final_accounts_pdf(path: Path) -> Path:
    """A 部门决算: a page of 说明, the 收入支出决算总表 and the 支出决算表 with codes."""
    c, (w, h) = pdf_canvas(path)
    c.setFont(FONT, 16)
    c.drawCentredString(w / 2, h - 60, f"{BODY}2023年度部门决算")
    c.setFont(FONT, 11)
    prose = ["一、部门基本情况",
             "2023年度机关运行经费支出96.12万元，比上年增加3.05万元，增长3.28%。",
             "二、收入支出决算总体情况说明",
             "2023年度收入总计1,234.57万元，支出总计1,234.67万元。"]
    for n, line in enumerate(prose):
        c.drawString(60, h - 100 - 22 * n, line)
    c.showPage()

    c.setFont(FONT, 16)
    c.drawCentredString(w / 2, h - 50, "收入支出决算总表")
    c.setFont(FONT, 9)
    c.drawString(40, h - 75, f"编制单位：{BODY}")
    c.drawRightString(w - 40, h - 75, "单位：元")
    cols = [40, 260, 360, 600, 700, w - 40]
    y = h - 95
    for cells in [("收入", "", "支出", ""), ("项目", "决算数", "项目", "决算数"), *SUMMARY_ROWS]:
        draw_row(c, y, cols, cells)
        y -= 18
    c.showPage()

    c.setFont(FONT, 16)
    c.drawCentredString(w / 2, h - 50, "一般公共预算财政拨款支出决算表")
    c.setFont(FONT, 9)
    c.drawRightString(w - 40, h - 75, "单位：万元")
    cols = [40, 120, 400, 520, 640, 760]
    y = h - 95
    for cells in [("项目", "", "本年支出", "", ""), ("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
                  *FUNCTION_ROWS]:
        draw_row(c, y, cols, cells)
        y -= 18
    c.showPage()
    c.save()
    return path


BUDGET_ROWS = [(f"{n}、{name}", f"{v:,.2f}") for n, name, v in [
    ("一", "一般公共服务支出", 320.5), ("二", "教育支出", 0), ("三", "科学技术支出", 12.0),
    ("四", "文化旅游体育与传媒支出", 8.25), ("五", "社会保障和就业支出", 1450.75), ("六", "卫生健康支出", 96.3),
    ("七", "节能环保支出", 0), ("八", "城乡社区支出", 44.1), ("九", "农林水支出", 5.5), ("十", "住房保障支出", 88.64),
]]


def budget_pdf(path: Path) -> Path:
    """A 部门预算 whose 支出预算表 runs onto a second page without its header."""
    c, (w, h) = pdf_canvas(path, landscape_page=False)
    cols = [60, 360, 520]
    c.setFont(FONT, 15)
    c.drawCentredString(w / 2, h - 50, "部门支出预算表")
    c.setFont(FONT, 9)
    c.drawRightString(cols[-1], h - 72, "单位：万元")
    y = h - 92
    for cells in [("项目", "预算数")] + BUDGET_ROWS[:6]:
        draw_row(c, y, cols, cells if cells[1] != "0.00" else (cells[0], ""))
        y -= 18
    c.drawCentredString(w / 2, 30, "- 1 -")
    c.showPage()
    c.setFont(FONT, 9)
    y = h - 60
    for cells in BUDGET_ROWS[6:]:
        draw_row(c, y, cols, cells if cells[1] != "0.00" else (cells[0], ""))
        y -= 18
    c.drawCentredString(w / 2, 30, "- 2 -")
    c.showPage()
    c.save()
    return path


def continued_with_title_pdf(path: Path, second_title: str = "一般公共预算财政拨款支出决算表（续）") -> Path:
    """一般公共预算财政拨款支出决算表 over two pages: the second page repeats the title with （续） and
    its unit line, not the header (as many districts print it). With another `second_title` the rows
    of the second page stand under no header at all."""
    c, (w, h) = pdf_canvas(path)
    rows = [(f"20801{i:02d}", f"测试项目{i:02d}支出", f"{100 + i}.50", f"{60 + i}.25", "40.25") for i in range(1, 46)]
    for page, (start, end) in enumerate([(0, 25), (25, 45)]):
        c.setFont(FONT, 16)
        c.drawCentredString(w / 2, h - 50, "一般公共预算财政拨款支出决算表" if page == 0 else second_title)
        c.setFont(FONT, 9)
        c.drawString(40, h - 75, f"编制单位：{BODY}")
        c.drawRightString(w - 40, h - 75, "单位：万元")
        cols, y = [40, 120, 400, 520, 640, 760], h - 95
        head = [("项目", "", "本年支出", "", ""), ("科目编码", "科目名称", "合计", "基本支出", "项目支出")] if page == 0 else []
        for cells in head + rows[start:end]:
            draw_row(c, y, cols, cells)
            y -= 18
        c.showPage()
    c.save()
    return path


BASIC_ROWS = [  # 一般公共预算财政拨款基本支出决算表 (单位：万元): code, name, 合计, 工资福利支出, 对个人和家庭的补助, 公用经费
    ("301", "工资福利支出", "523.10", "523.10", "", ""),
    ("30101", "基本工资", "210.00", "210.00", "", ""),
    ("303", "对个人和家庭的补助", "40.50", "", "40.50", ""),
    ("302", "商品和服务支出", "88.20", "", "", "88.20"),
    ("30201", "办公费", "12.34", "", "", "12.34"),
]


def basic_expenditure_pdf(path: Path) -> Path:
    """A 基本支出决算表 without rules: a three-level header (人员经费 over 工资福利支出 and
    对个人和家庭的补助) whose cells wrap onto a second line, and figures without thousands separators."""
    c, (w, h) = pdf_canvas(path)
    c.setFont(FONT, 15)
    c.drawCentredString(w / 2, h - 50, "一般公共预算财政拨款基本支出决算表")
    c.setFont(FONT, 9)
    c.drawString(40, h - 72, f"部门：{BODY}")
    c.drawRightString(w - 40, h - 72, "金额单位：万元")
    cols = [40, 110, 330, 450, 570, 690, 800]
    y = h - 92
    for cells in [("科目编码", "科目名称", "合计", "人员经费", "", "公用经费"), ("", "", "", "工资福利", "对个人和家庭", ""),
                  ("", "", "", "支出", "的补助", "")]:
        draw_row(c, y, cols, cells, ruled=False)
        y -= 13
    y -= 5
    for cells in BASIC_ROWS:
        draw_row(c, y, cols, cells, ruled=False)
        y -= 16
    c.showPage()
    c.save()
    return path


def centred_header_pdf(path: Path) -> Path:
    """A table whose spanning heading is centred over its columns (本年支出 over 合计, 基本支出,
    项目支出) beside a one-column heading (年初结转), with "-" for nothing and a negative figure."""
    c, (w, h) = pdf_canvas(path)
    c.setFont(FONT, 15)
    c.drawCentredString(w / 2, h - 50, "财政拨款收入支出决算总表")
    c.setFont(FONT, 9)
    c.drawRightString(w - 40, h - 72, "单位：万元")
    cols = [40, 250, 350, 450, 560, 680]
    y = h - 92
    for text, left, right in [("项目", 0, 1), ("年初结转", 1, 2), ("本年支出", 2, 5)]:
        c.drawCentredString((cols[left] + cols[right]) / 2, y, text)
    y -= 16
    for k, text in enumerate(["合计", "基本支出", "项目支出"], 2):
        c.drawCentredString((cols[k] + cols[k + 1]) / 2, y, text)
    y -= 18
    for cells in [("一、一般公共服务支出", "12.00", "345.60", "300.00", "45.60"), ("二、教育支出", "-", "0.00", "-", "-"),
                  ("三、社会保障和就业支出", "", "-12.50", "-12.50", "")]:
        c.drawString(cols[0] + 4, y, cells[0])
        for k, text in enumerate(cells[1:], 1):
            if text:
                c.drawRightString(cols[k + 1] - 4, y, text)
        y -= 16
    c.showPage()
    c.save()
    return path


def wrapped_names_pdf(path: Path, centred: bool = True) -> Path:
    """A portrait 支出决算表 whose long 科目名称 wrap onto two lines — around their row's
    figures (Excel centres them vertically) or under them (Word's top alignment, the row
    growing taller) — with an empty row, and whose 项目支出 column is empty throughout."""
    c, (w, h) = pdf_canvas(path, landscape_page=False)
    c.setFont(FONT, 15)
    c.drawCentredString(w / 2, h - 50, "一般公共预算财政拨款支出决算表")
    c.setFont(FONT, 9)
    c.drawRightString(w - 40, h - 72, "单位：万元")
    cols = [40, 100, 230, 330, 430, 530]
    y = h - 92
    draw_row(c, y, cols, ("科目编码", "科目名称", "合计", "基本支出", "项目支出"), ruled=False)
    y -= 18
    for code, name, total, basic in [("20805", "行政事业单位养老支出", "80.40", "80.40"),
                                     ("2080505", "机关事业单位基本养老保险缴费支出", "42.03", "42.03"),
                                     ("", "七、节能环保支出", "", ""),
                                     ("2080506", "机关事业单位职业年金缴费支出", "38.37", "38.37")]:
        draw_row(c, y, cols, (code, "", total, basic, ""), ruled=False)
        if len(name) > 12 and centred:
            c.drawString(cols[1] + 4, y + 5, name[:12])
            c.drawString(cols[1] + 4, y - 6, name[12:])
        elif len(name) > 12:
            c.drawString(cols[1] + 4, y, name[:12])
            c.drawString(cols[1] + 4, y - 11, name[12:])
        else:
            c.drawString(cols[1] + 4, y, name)
        y -= 24 if centred or len(name) <= 12 else 32
    c.showPage()
    c.save()
    return path


def numbered_rows_pdf(path: Path) -> Path:
    """The 收入支出决算总表 as the national template draws it: 项目 | 行次 | 金额 twice, a 栏次 row
    under the header, the 金额 heading at its column's left and the figures right-aligned far
    from it, empty rows that still carry their 行次."""
    c, (w, h) = pdf_canvas(path)
    c.setFont(FONT, 16)
    c.drawCentredString(w / 2, h - 50, "收入支出决算总表")
    c.setFont(FONT, 9)
    c.drawString(40, h - 75, f"编制单位：{BODY}")
    c.drawRightString(w - 40, h - 75, "单位：万元")
    cols = [40, 250, 300, 400, 610, 660, w - 40]
    y = h - 95
    for cells in [("收入", "", "", "支出", "", ""), ("项目", "行次", "金额", "项目", "行次", "金额"),
                  ("栏次", "", "1", "栏次", "", "2"),
                  ("一、一般公共预算财政拨款收入", "1", "1,234.56", "一、一般公共服务支出", "32", "987.65"),
                  ("二、政府性基金预算财政拨款收入", "2", "", "二、外交支出", "33", ""),
                  ("三、事业收入", "3", "45.10", "三、社会保障和就业支出", "34", "250.01"),
                  ("本年收入合计", "7", "1,279.66", "本年支出合计", "59", "1,237.66"),
                  ("年初结转和结余", "8", "10.00", "年末结转和结余", "60", "52.00")]:
        draw_row(c, y, cols, cells)
        y -= 18
    c.showPage()
    c.save()
    return path


def split_codes_pdf(path: Path) -> Path:
    """一般公共预算财政拨款支出决算表 as 财决 templates draw it: the function code in three
    columns under 科目编码 with a 类 | 款 | 项 row, a 栏次 row, a 合计 row above the body,
    headings centred over their columns and figures right-aligned apart from them."""
    c, (w, h) = pdf_canvas(path)
    c.setFont(FONT, 16)
    c.drawCentredString(w / 2, h - 50, "一般公共预算财政拨款支出决算表")
    c.setFont(FONT, 9)
    c.drawString(40, h - 75, f"编制单位：{BODY}")
    c.drawRightString(w - 40, h - 75, "单位：万元")
    cols = [40, 80, 120, 160, 420, 540, 660, w - 40]
    y = h - 95
    for cells in [("项目", "", "", "", "本年支出", "", ""), ("科目编码", "", "", "科目名称", "合计", "基本支出", "项目支出"),
                  ("类", "款", "项", "", "", "", ""), ("栏次", "", "", "", "1", "2", "3"),
                  ("合计", "", "", "", "1,180.40", "864.49", "315.91"),
                  ("208", "", "", "社会保障和就业支出", "1,180.40", "864.49", "315.91"),
                  ("208", "01", "", "人力资源和社会保障管理事务", "1,100.00", "864.49", "235.51"),
                  ("208", "01", "01", "行政运行", "864.49", "864.49", ""),
                  ("208", "01", "09", "社会保险经办机构", "235.51", "", "235.51"),
                  ("208", "05", "", "行政事业单位养老支出", "80.40", "", "80.40")]:
        draw_row(c, y, cols, cells)
        y -= 18
    c.showPage()
    c.save()
    return path


def three_codes_side_by_side_pdf(path: Path) -> Path:
    """一般公共预算财政拨款基本支出决算表 as 财决08 draws it: 人员经费 and 公用经费 as three
    科目编码 | 科目名称 | 决算数 tables side by side, codes close to their names (the page's
    layout reads `301 工资福利支出` as one cell), rows of different lengths, two totals."""
    c, (w, h) = pdf_canvas(path)
    c.setFont(FONT, 15)
    c.drawCentredString(w / 2, h - 50, "一般公共预算财政拨款基本支出决算表")
    c.setFont(FONT, 9)
    c.drawString(40, h - 75, f"编制单位：{BODY}")
    c.drawRightString(w - 40, h - 75, "单位：万元")
    cols = [40, 90, 230, 300, 350, 490, 560, 610, 750, w - 40]
    y = h - 95
    for cells in [("人员经费", "", "", "公用经费", "", "", "", "", ""),
                  ("科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"),
                  ("301", "工资福利支出", "800.00", "302", "商品和服务支出", "120.00", "310", "资本性支出", "5.00"),
                  ("30101", "基本工资", "300.00", "30201", "办公费", "10.00", "31002", "办公设备购置", "5.00"),
                  ("30102", "津贴补贴", "200.00", "30211", "差旅费", "8.50", "", "", ""),
                  ("303", "对个人和家庭的补助", "64.49", "30217", "公务接待费", "3.20", "", "", ""),
                  ("人员经费合计", "", "864.49", "公用经费合计", "", "", "", "", "125.00")]:
        draw_row(c, y, cols, cells)
        y -= 18
    c.showPage()
    c.save()
    return path


def grants_summary_pdf(path: Path) -> Path:
    """财政拨款收入支出决算总表 (财决01-1): income as 项目 | 行次 | 金额, expenditure as 项目 | 行次 |
    合计 and one column per kind of budget (一般公共预算 / 财政拨款 wrapped onto two lines), a 栏次 row."""
    c, (w, h) = pdf_canvas(path)
    c.setFont(FONT, 15)
    c.drawCentredString(w / 2, h - 50, "财政拨款收入支出决算总表")
    c.setFont(FONT, 9)
    c.drawString(40, h - 75, f"编制单位：{BODY}")
    c.drawRightString(w - 40, h - 75, "单位：万元")
    cols = [40, 200, 240, 310, 470, 510, 590, 670, 750, w - 40]
    y = h - 95
    for cells in [("收入", "", "", "支出", "", "", "", "", ""),
                  ("项目", "行次", "金额", "项目", "行次", "合计", "一般公共预算", "政府性基金", "国有资本经营"),
                  ("", "", "", "", "", "", "财政拨款", "预算财政拨款", "预算财政拨款"),
                  ("栏次", "", "1", "栏次", "", "2", "3", "4", "5"),
                  ("一、一般公共预算财政拨款", "1", "1,180.40", "一、一般公共服务支出", "30", "", "", "", ""),
                  ("二、政府性基金预算财政拨款", "2", "", "二、社会保障和就业支出", "31", "1,180.40", "1,180.40", "", ""),
                  ("本年收入合计", "4", "1,180.40", "本年支出合计", "33", "1,180.40", "1,180.40", "", "")]:
        draw_row(c, y, cols, cells)
        y -= 18
    c.showPage()
    c.save()
    return path


def _heading(c, cols: list[float], text: str, a: int, b: int, y: float, size: float = 9, centred: bool = True) -> int:
    """A heading centred over columns a … b-1 (or at their left, as Word prints a merged cell) and
    wrapped to their width, as a spreadsheet prints it; returns its number of lines."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, line = [], ""
    for ch in text:
        if line and stringWidth(line + ch, FONT, size) > cols[b] - cols[a] - 6:
            lines.append(line)
            line = ch
        else:
            line += ch
    lines.append(line)
    for k, part in enumerate(lines):
        if centred:
            c.drawCentredString((cols[a] + cols[b]) / 2, y - 11 * k, part)
        else:
            c.drawString(cols[a] + 3, y - 11 * k, part)
    return len(lines)


def horizontal_sangong_pdf(path: Path, centred: bool = True) -> Path:
    """The “三公”经费 table of the national 决算 template: no row labels, one row of twelve
    figures under 预算数 | 决算数, each over 合计, 因公出国（境）费, 公务用车购置及运行费 (over
    小计, 购置费, 运行费) and 公务接待费; headings centred (or at their span's left) and wrapped,
    a row numbering the columns 1 … 12, the figures right-aligned."""
    c, (w, h) = pdf_canvas(path)
    c.setFont(FONT, 16)
    c.drawCentredString(w / 2, h - 50, "一般公共预算财政拨款“三公”经费支出决算表")
    c.setFont(FONT, 9)
    c.drawString(40, h - 75, f"编制单位：{BODY}")
    c.drawRightString(w - 40, h - 75, "单位：万元")
    cols = [40 + k * (w - 80) / 12 for k in range(13)]
    items = [("合计", 0, 1), ("因公出国（境）费", 1, 2), ("公务用车购置及运行费", 2, 5), ("公务接待费", 5, 6)]
    under = [("小计", 2, 3), ("公务用车购置费", 3, 4), ("公务用车运行费", 4, 5)]
    y = h - 100
    for spans in ([("预算数", 0, 6), ("决算数", 6, 12)],
                  [(t, half + a, half + b) for half in (0, 6) for t, a, b in items],
                  [(t, half + a, half + b) for half in (0, 6) for t, a, b in under],
                  [(str(k + 1), k, k + 1) for k in range(12)]):
        y -= 7 + 11 * max(_heading(c, cols, t, a, b, y, centred=centred) for t, a, b in spans)
    for k, value in enumerate(["12.00", "0.00", "8.00", "0.00", "8.00", "4.00", "10.50", "0.00", "7.20", "0.00",
                               "7.20", "3.30"]):
        c.drawRightString(cols[k + 1] - 4, y, value)
    c.showPage()
    c.save()
    return path


def _spread(c, x0: float, x1: float, y: float, text: str) -> None:
    step = (x1 - x0) / max(len(text) - 1, 1)
    for k, ch in enumerate(text):
        c.drawString(x0 + k * step, y, ch)


def spread_labels_pdf(path: Path) -> Path:
    """A 收入支出决算总表 whose clerk spread short labels and headings across their cells with spaces
    ("项    目", "合    计", "总    计", "本 年 收 入 合 计"), as justified cells print; its 总计 row under
    收入 | 支出 sides, and a “三公”经费 table whose headings and 合计 are spread glyph by glyph, no space
    characters between them (Excel's distributed alignment printed to PDF)."""
    c, (w, h) = pdf_canvas(path)
    c.setFont(FONT, 16)
    c.drawCentredString(w / 2, h - 50, "收 入 支 出 决 算 总 表")
    c.setFont(FONT, 9)
    c.drawString(40, h - 75, f"编制单位：{BODY}")
    c.drawRightString(w - 40, h - 75, "单位：万元")
    y = h - 95
    for cells in [("收        入", "", "支        出", ""), ("项    目", "决 算 数", "项    目", "决 算 数"),
                  ("一、一般公共预算财政拨款收入", "1,100.50", "一、一般公共服务支出", "1,084.30"),
                  ("二、其他收入", "134.00", "二、住房保障支出", "150.20"),
                  ("本 年 收 入 合 计", "1,234.50", "本 年 支 出 合 计", "1,234.50"),
                  ("总    计", "1,234.50", "总    计", "1,234.50")]:
        draw_row(c, y, [40, 260, 360, 600, 700], cells)
        y -= 18
    c.showPage()
    c.setFont(FONT, 16)
    c.drawCentredString(w / 2, h - 50, "一般公共预算财政拨款“三公”经费支出决算表")
    c.setFont(FONT, 9)
    c.drawRightString(w - 40, h - 75, "单位：万元")
    y = h - 95
    cols = [40, 400, 560, 720]
    for k, heading in enumerate(["项目", "预算数", "决算数"]):  # each glyph placed on its own across the cell
        _spread(c, cols[k] + 20, cols[k] + 80, y, heading)
    y -= 18
    _spread(c, cols[0] + 20, cols[0] + 80, y, "合计")
    draw_row(c, y, cols, ("", "30.00", "24.56"))
    for cells in [("1. 因公出国（境）费", "0.00", "0.00"), ("2. 公务接待费", "10.00", "6.36")]:
        y -= 18
        draw_row(c, y, cols, cells)
    c.showPage()
    c.save()
    return path


def turned_table_pdf(path: Path, clockwise: bool = False) -> Path:
    """A page of 说明, then a landscape “三公”经费 table printed on a portrait page that /Rotate turns
    upright in a viewer: the table's text is written turned a quarter (up the page, or down it)."""
    from reportlab.lib.pagesizes import A4

    c, _ = pdf_canvas(path, landscape_page=False)
    pw, ph = A4
    c.setFont(FONT, 11)
    c.drawString(60, ph - 80, "2023年度“三公”经费财政拨款支出决算24.56万元。")
    c.showPage()
    c.setPageRotation(270 if clockwise else 90)
    c.saveState()
    if clockwise:
        c.translate(0, ph)
        c.rotate(-90)
    else:
        c.translate(pw, 0)
        c.rotate(90)
    w, h = ph, pw
    c.setFont(FONT, 14)
    c.drawCentredString(w / 2, h - 50, "一般公共预算财政拨款“三公”经费支出决算表")
    c.setFont(FONT, 9)
    c.drawRightString(w - 40, h - 75, "单位：万元")
    y = h - 95
    for cells in [("项目", "预算数", "决算数"), ("合计", "30.00", "24.56"), ("1.因公出国（境）费", "0.00", "0.00"),
                  ("2.公务接待费", "10.00", "6.36")]:
        draw_row(c, y, [40, 400, 560, 720], cells)
        y -= 18
    c.restoreState()
    c.showPage()
    c.save()
    return path


def basic_budget_by_economy_pdf(path: Path) -> Path:
    """A 部门预算's 一般公共预算基本支出表 by economic class (301 工资福利支出 › 30101 基本工资 …) under
    合计 | 人员经费 | 公用经费, printed without rules, its figures centred in their columns, running onto a
    second page with neither title nor header; a page of 说明 before it."""
    c, (w, h) = pdf_canvas(path)
    c.setFont(FONT, 16)
    c.drawCentredString(w / 2, h - 50, "西山区卫生健康局2024年部门预算")
    c.setFont(FONT, 11)
    c.drawString(60, h - 90, "2024年部门预算收入总计3,456.78万元，比上年增加120.00万元，增长3.60%。")
    c.showPage()
    cols = [40, 110, 330, 450, 570, 690]
    pages = [[("经济分类科目", "", "2024年基本支出", "", ""), ("科目编码", "科目名称", "合计", "人员经费", "公用经费"),
              ("", "合计", "1,250.40", "1,120.10", "130.30"), ("301", "工资福利支出", "1,050.00", "1,050.00", ""),
              ("30101", "基本工资", "420.00", "420.00", ""), ("30113", "住房公积金", "95.00", "95.00", ""),
              ("30199", "其他工资福利支出", "535.00", "535.00", "")],
             [("302", "商品和服务支出", "130.30", "", "130.30"), ("30201", "办公费", "25.00", "", "25.00"),
              ("30299", "其他商品和服务支出", "105.30", "", "105.30"), ("303", "对个人和家庭的补助", "70.10", "70.10", ""),
              ("30302", "退休费", "70.10", "70.10", "")]]
    for n, rows in enumerate(pages):
        if n == 0:
            c.setFont(FONT, 14)
            c.drawCentredString(w / 2, h - 50, "一般公共预算基本支出表")
            c.setFont(FONT, 9)
            c.drawRightString(w - 40, h - 72, "单位：万元")
        c.setFont(FONT, 9)
        y = h - 95
        for cells in rows:
            for k, cell in enumerate(cells):
                if cell and k >= 2:
                    c.drawCentredString((cols[k] + cols[k + 1]) / 2, y, cell)
                elif cell:
                    c.drawString(cols[k] + 4, y, cell)
            y -= 16
        c.showPage()
    c.save()
    return path


def partly_scanned_pdf(path: Path) -> Path:
    """A 部门决算 whose second page is a scanned image (drawn here as a filled box): no text layer."""
    c, (w, h) = pdf_canvas(path, landscape_page=False)
    c.setFont(FONT, 12)
    c.drawString(60, h - 80, f"{BODY}2023年度部门决算")
    c.drawString(60, h - 110, "2023年度收、支总计均为1,234.50万元。")
    c.showPage()
    c.rect(50, 50, w - 100, h - 100, fill=1)
    c.showPage()
    c.drawString(60, h - 80, "三、支出决算情况说明")
    c.showPage()
    c.save()
    return path


def income_table_with_prose_pdf(path: Path) -> Path:
    """The 收入决算表 of the national 决算 template: 项目 over two label columns (科目编码 | 科目名称 on
    the header's second line, under no figure heading), seven income columns headed at their left
    with the figures right-aligned, a 栏次 row, empty cells; then its 说明 hard-wrapped at 30
    characters, a wrap cutting a figure ("3," / "210.50万元"). The table's long rows must not hide
    that the prose is wrapped."""
    c, (w, h) = pdf_canvas(path)
    c.setFont(FONT, 16)
    c.drawCentredString(w / 2, h - 40, "收入决算表")
    c.setFont(FONT, 8)
    c.drawString(40, h - 60, f"部门：{BODY}")
    c.drawRightString(w - 40, h - 60, "单位：万元")
    cols = [40, 100, 260, 340, 420, 500, 570, 640, 720, w - 40]
    y = h - 80
    rows = [("项目", "", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"),
            ("科目编码", "科目名称", "", "", "", "", "", "", ""),
            ("栏次", "", "1", "2", "3", "4", "5", "6", "7"),
            ("", "合计", "3,386.78", "3,210.50", "", "120.00", "", "", "56.28"),
            ("208", "社会保障和就业支出", "268.40", "268.40", "", "", "", "", ""),
            ("213", "农林水支出", "2,885.02", "2,708.74", "", "120.00", "", "", "56.28"),
            ("21301", "农业农村", "2,885.02", "2,708.74", "", "120.00", "", "", "56.28"),
            ("2130101", "行政运行", "1,020.30", "1,020.30", "", "", "", "", ""),
            ("2130104", "事业运行", "640.00", "520.00", "", "120.00", "", "", ""),
            ("2130122", "农业生产发展", "1,224.72", "1,168.44", "", "", "", "", "56.28"),
            ("221", "住房保障支出", "233.36", "233.36", "", "", "", "", "")]
    for cells in rows:
        draw_row(c, y, cols, cells)
        y -= 16
    prose = ("2023年度本年收入合计3,386.78万元，其中：财政拨款收入3,210.50万元，占94.79%；事业收入120.00万元，"
             "占3.54%；其他收入56.28万元，占1.67%。与上年相比，本年收入合计减少210.44万元，下降5.85%，主要原因是"
             "农业生产发展项目资金减少。本年收入主要用于农业生产发展、行政运行和事业运行等方面，其中农业生产发展"
             "1,224.72万元，行政运行1,020.30万元，事业运行640.00万元。")
    text = "\u3000\u3000" + prose
    y -= 20
    c.setFont(FONT, 10)
    for k in range(0, len(text), 30):
        c.drawString(60, y, text[k : k + 30])
        y -= 15
    c.showPage()
    c.save()
    return path


def saved_web_page(path: Path) -> Path:
    """A 部门决算 page saved from a government site in GBK (declared gb2312 in a meta tag):
    navigation, a script, the 说明 as paragraphs, and the 支出决算表 as an HTML table whose
    header cells span two rows (科目编码, 科目名称) and three columns (本年支出)."""
    rows = "".join(f"<tr><td>{code}</td><td>{name}</td><td>{total}</td><td>{basic}</td><td>{project}</td></tr>"
                   for code, name, total, basic, project in FUNCTION_ROWS)
    page = f"""<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{BODY}2023年度部门决算公开</title><script>var tracker = "首页统计";</script><style>td {{ border: 1px }}</style></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="/yjs">预决算公开</a></div>
<h2>{BODY}2023年度部门决算</h2>
<p>一、部门基本情况</p><p>2023年度机关运行经费支出96.12万元，比上年增加3.05万元，增长3.28%。</p>
<p>一般公共预算财政拨款支出决算表</p><p style="text-align:right">单位：万元</p>
<table border="1"><tr><th rowspan="2">科目编码</th><th rowspan="2">科目名称</th><th colspan="3">本年支出</th></tr>
<tr><th>合计</th><th>基本支出</th><th>项目支出</th></tr>{rows}</table>
<div class="footer">主办单位：{BODY}</div></body></html>"""
    path.write_bytes(page.encode("gb18030"))
    return path


def numbered_tables_web_page(path: Path) -> Path:
    """A 部门预算 page whose tables are numbered (表1, 表2) in their titles: the 收支总表 side by side under
    收入 | 支出 spanning two columns each, the “三公” table with its headings over two rows, then the 说明, whose
    机关运行经费 is the only other 预算 figure written in prose."""
    page = """<!DOCTYPE html><html><head><meta charset="gb2312"><title>青山区文化和旅游局2024年部门预算公开</title></head>
<body><h1>青山区文化和旅游局2024年部门预算公开</h1>
<p>表1 部门收支预算总表</p><p>单位：万元</p>
<table border="1"><tr><th colspan="2">收入</th><th colspan="2">支出</th></tr>
<tr><th>项目</th><th>预算数</th><th>项目</th><th>预算数</th></tr>
<tr><td>一、一般公共预算拨款收入</td><td>2,856.30</td><td>一、文化旅游体育与传媒支出</td><td>2,798.80</td></tr>
<tr><td>二、事业收入</td><td>420.50</td><td>二、住房保障支出</td><td>478.00</td></tr>
<tr><td>本年收入合计</td><td>3,276.80</td><td>本年支出合计</td><td>3,276.80</td></tr></table>
<p>表2 “三公”经费预算表</p><p>单位：万元</p>
<table border="1"><tr><th rowspan="2">合计</th><th rowspan="2">因公出国（境）费</th><th colspan="3">公务用车购置及运行维护费</th>
<th rowspan="2">公务接待费</th></tr><tr><th>小计</th><th>公务用车购置费</th><th>公务用车运行维护费</th></tr>
<tr><td>18.60</td><td>0.00</td><td>12.00</td><td>0.00</td><td>12.00</td><td>6.60</td></tr></table>
<p>三、机关运行经费。2024年机关运行经费预算165.20万元，与上年持平。</p></body></html>"""
    path.write_bytes(page.encode("gb18030"))
    return path


def self_evaluation_docx(path: Path) -> Path:
    """A 项目支出绩效自评表 as a Word table, with merged cells as the template has them."""
    import docx

    d = docx.Document()
    d.add_paragraph("2023年度项目支出绩效自评表")
    t = d.add_table(rows=5, cols=7)
    t.cell(0, 0).text = "项目名称"
    t.cell(0, 1).merge(t.cell(0, 6)).text = "河道整治工程"
    t.cell(1, 0).text = "主管部门"
    t.cell(1, 1).merge(t.cell(1, 6)).text = "某某区水务局"
    for k, name in enumerate(["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]):
        t.cell(2, k).text = name
    for k, value in enumerate(["年度资金总额", "100.00", "120.00", "110.50", "10", "92.08%", "9.2"]):
        t.cell(3, k).text = value
    for k, value in enumerate(["其中：当年财政拨款", "100.00", "120.00", "110.50", "—", "—", "—"]):
        t.cell(4, k).text = value
    d.add_paragraph("项目资金执行率92.08%，自评得分9.2分。")
    goals = d.add_table(rows=4, cols=7)  # the indicators: 年度指标值 with its 指标性质, as most templates write it
    for r, cells in enumerate([("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"),
                               ("产出指标", "数量指标", "河道清淤长度", "≥12公里", "12.6公里", "20", "20"),
                               ("", "时效指标", "工程按期完工率", "=100%", "90%", "10", "8"),
                               ("满意度指标", "服务对象满意度指标", "沿岸群众满意度", "≥90%", "95%", "10", "10")]):
        for k, value in enumerate(cells):
            goals.cell(r, k).text = value
    goals.cell(1, 0).merge(goals.cell(2, 0)).text = "产出指标"  # 一级指标 spans its rows, merged down
    d.save(str(path))
    return path


def budget_xls(path: Path) -> Path:
    """The same 部门预算 sheet in the older .xls format, as many bureaus still publish it."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("一般公共预算支出表")
    sheet.write_merge(0, 0, 0, 4, "一般公共预算支出预算表")
    sheet.write(1, 4, "单位：万元")
    for k, heading in enumerate(["科目编码", "科目名称", "合计", "基本支出", "项目支出"]):
        sheet.write(2, k, heading)
    money = xlwt.easyxf(num_format_str="#,##0.00")
    for r, (code, name, *amounts) in enumerate(FUNCTION_ROWS, start=3):
        sheet.write(r, 0, code)
        sheet.write(r, 1, name)
        for k, a in enumerate(amounts, start=2):
            if a:
                sheet.write(r, k, float(a.replace(",", "")), money)
    book.save(str(path))
    return path


def town_budget_xlsx(path: Path) -> Path:
    """A town's 部门预算 workbook whose tables' titles begin with the body and the year ("东湖镇人民政府2024年
    一般公共预算基本支出表"), and whose “三公” table runs the years down its side (2023年预算, 2024年预算) with the
    items in its columns."""
    import openpyxl

    book = openpyxl.Workbook()
    basic = book.active
    basic.title = "基本支出表"
    basic.append(["东湖镇人民政府2024年一般公共预算基本支出表"])
    basic.merge_cells("A1:E1")
    basic.append(["", "", "", "", "单位：万元"])
    basic.append(["科目编码", "科目名称", "合计", "人员经费", "公用经费"])
    for row in [("301", "工资福利支出", 620.40, 620.40, None), ("30101", "基本工资", 210.00, 210.00, None),
                ("302", "商品和服务支出", 95.60, None, 95.60), ("30211", "差旅费", 12.50, None, 12.50),
                ("", "合计", 716.00, 620.40, 95.60)]:
        basic.append(list(row))
    sangong = book.create_sheet("三公经费")
    sangong.append(["东湖镇人民政府2024年“三公”经费预算表"])
    sangong.merge_cells("A1:F1")
    sangong.append(["", "", "", "", "", "单位：万元"])
    sangong.append(["年度", "合计", "因公出国（境）费", "公务用车购置费", "公务用车运行维护费", "公务接待费"])
    sangong.append(["2023年预算", 15.0, 0, 0, 10.0, 5.0])
    sangong.append(["2024年预算", 13.5, 0, 0, 9.0, 4.5])
    for sheet in (basic, sangong):
        for r in sheet.iter_rows(min_row=4):
            for cell in r:
                if isinstance(cell.value, float):
                    cell.number_format = "#,##0.00"
    book.save(path)
    return path


def budget_xlsx(path: Path) -> Path:
    """A 部门预算 sheet: a title and unit line over merged cells, codes, amounts formatted #,##0.00."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "一般公共预算支出表"
    sheet.append(["一般公共预算支出预算表"])
    sheet.merge_cells("A1:E1")
    sheet.append(["", "", "", "", "单位：万元"])
    sheet.append(["科目编码", "科目名称", "合计", "基本支出", "项目支出"])
    for code, name, *amounts in FUNCTION_ROWS:
        sheet.append([code, name] + [float(a.replace(",", "")) if a else None for a in amounts])
    for r in sheet.iter_rows(min_row=4, min_col=3):
        for cell in r:
            cell.number_format = "#,##0.00"
    book.save(path)
    return path


def contents_pdf(path: Path) -> Path:
    """A 部门决算 with a cover page, a 目录 printing page numbers that do not count the cover or the 目录
    (as printed reports number them), and its parts on later pages."""
    c, (w, h) = pdf_canvas(path, landscape_page=False)
    c.setFont(FONT, 18)
    c.drawCentredString(w / 2, h - 200, f"{BODY}2023年度部门决算")
    c.showPage()
    c.setFont(FONT, 14)
    c.drawCentredString(w / 2, h - 60, "目  录")
    c.setFont(FONT, 11)
    for i, line in enumerate(["一、部门基本情况 1", "二、收入支出决算总体情况说明 2", "三、存在的问题及改进措施 3"]):
        c.drawString(60, h - 100 - 22 * i, line)
    c.showPage()
    for heading, text in (("一、部门基本情况", "本部门内设机构6个，下属单位2个。"),
                          ("二、收入支出决算总体情况说明", "2023年度收入总计1,234.57万元，支出总计1,234.67万元。"),
                          ("三、存在的问题及改进措施", "部分项目预算执行进度偏慢，下一步将加强执行监控。")):
        c.setFont(FONT, 12)
        c.drawString(60, h - 60, heading)
        c.setFont(FONT, 11)
        c.drawString(60, h - 90, text)
        c.showPage()
    c.save()
    return path
