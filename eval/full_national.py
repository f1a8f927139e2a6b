"""A county 部门决算 on the 2023 national 公开表 template, for eval/full_report.py: landscape pages, one
table per page with its 公开0N表 number, 行次 and 栏次 numbering, headings at their cells' left and figures
right-aligned (the layout splits each column in two), 收入决算表 and 支出决算表 whose 科目编码 | 科目名称
sit on the header's second line, a 基本支出决算明细表 of 人员经费 beside 公用经费, a “三公” table of one
row under 预算数 | 决算数, an empty 政府性基金 table with its note, then the 说明 hard-wrapped. The contents page
lists the three parts; the tables are printed under no heading of their own. Figures checked by hand:
totals add up, shares and changes are the stated figures' own."""

from pathlib import Path

from .table_reports import FONT, pdf_canvas

BODY = "清河县农业农村局"
TITLE = f"{BODY}2023年度部门决算"
CONTENTS = ["目  录", "第一部分  部门概况", "第二部分  2023年度部门决算表", "第三部分  2023年度部门决算情况说明"]
_W = 842  # landscape A4

# title, its number in the template, column edges, rows (header rows first)
TABLES = [
    ("收入支出决算总表", "公开01表", [40, 250, 290, 400, 620, 660, _W - 40], [
        ("收入", "", "", "支出", "", ""), ("项目", "行次", "金额", "项目", "行次", "金额"), ("栏次", "", "1", "栏次", "", "2"),
        ("一、一般公共预算财政拨款收入", "1", "3,210.50", "一、一般公共服务支出", "32", ""),
        ("二、政府性基金预算财政拨款收入", "2", "", "二、外交支出", "33", ""),
        ("三、国有资本经营预算财政拨款收入", "3", "", "三、国防支出", "34", ""),
        ("四、上级补助收入", "4", "", "四、公共安全支出", "35", ""),
        ("五、事业收入", "5", "120.00", "五、教育支出", "36", ""),
        ("六、经营收入", "6", "", "六、科学技术支出", "37", "35.20"),
        ("七、附属单位上缴收入", "7", "", "七、社会保障和就业支出", "38", "268.40"),
        ("八、其他收入", "8", "56.28", "八、卫生健康支出", "39", "88.16"),
        ("", "", "", "九、农林水支出", "40", "2,950.02"),
        ("", "", "", "十、住房保障支出", "41", "110.00"),
        ("本年收入合计", "9", "3,386.78", "本年支出合计", "42", "3,451.78"),
        ("使用非财政拨款结余", "10", "", "结余分配", "43", ""),
        ("年初结转和结余", "11", "165.00", "年末结转和结余", "44", "100.00"),
        ("总计", "12", "3,551.78", "总计", "45", "3,551.78")]),
    ("收入决算表", "公开02表", [40, 100, 260, 340, 420, 500, 570, 640, 720, _W - 40], [
        ("项目", "", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"),
        ("科目编码", "科目名称", "", "", "", "", "", "", ""),
        ("栏次", "", "1", "2", "3", "4", "5", "6", "7"),
        ("", "合计", "3,386.78", "3,210.50", "", "120.00", "", "", "56.28"),
        ("206", "科学技术支出", "35.20", "35.20", "", "", "", "", ""),
        ("208", "社会保障和就业支出", "268.40", "268.40", "", "", "", "", ""),
        ("210", "卫生健康支出", "88.16", "88.16", "", "", "", "", ""),
        ("213", "农林水支出", "2,885.02", "2,708.74", "", "120.00", "", "", "56.28"),
        ("21301", "农业农村", "2,885.02", "2,708.74", "", "120.00", "", "", "56.28"),
        ("2130101", "行政运行", "1,020.30", "1,020.30", "", "", "", "", ""),
        ("2130104", "事业运行", "640.00", "520.00", "", "120.00", "", "", ""),
        ("2130122", "农业生产发展", "1,224.72", "1,168.44", "", "", "", "", "56.28"),
        ("221", "住房保障支出", "110.00", "110.00", "", "", "", "", "")]),
    ("支出决算表", "公开03表", [40, 100, 260, 350, 440, 530, 610, 690, _W - 40], [
        ("项目", "", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"),
        ("科目编码", "科目名称", "", "", "", "", "", ""),
        ("栏次", "", "1", "2", "3", "4", "5", "6"),
        ("", "合计", "3,451.78", "2,096.46", "1,355.32", "", "", ""),
        ("206", "科学技术支出", "35.20", "", "35.20", "", "", ""),
        ("208", "社会保障和就业支出", "268.40", "268.40", "", "", "", ""),
        ("210", "卫生健康支出", "88.16", "88.16", "", "", "", ""),
        ("213", "农林水支出", "2,950.02", "1,629.90", "1,320.12", "", "", ""),
        ("21301", "农业农村", "2,950.02", "1,629.90", "1,320.12", "", "", ""),
        ("2130101", "行政运行", "1,020.30", "1,020.30", "", "", "", ""),
        ("2130104", "事业运行", "705.00", "609.60", "95.40", "", "", ""),
        ("2130122", "农业生产发展", "1,224.72", "", "1,224.72", "", "", ""),
        ("221", "住房保障支出", "110.00", "110.00", "", "", "", "")]),
    ("一般公共预算财政拨款基本支出决算明细表", "公开06表", [40, 90, 250, 330, 380, 560, 640], [
        ("人员经费", "", "", "公用经费", "", ""), ("科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"),
        ("301", "工资福利支出", "1,420.36", "302", "商品和服务支出", "236.10"),
        ("30101", "基本工资", "402.18", "30201", "办公费", "38.60"),
        ("30102", "津贴补贴", "356.90", "30205", "水费", "6.20"),
        ("30103", "奖金", "120.44", "30206", "电费", "18.75"),
        ("30108", "机关事业单位基本养老保险缴费", "180.12", "30211", "差旅费", "24.30"),
        ("30112", "其他社会保障缴费", "60.72", "30217", "公务接待费", "3.16"),
        ("30113", "住房公积金", "150.00", "30231", "公务用车运行维护费", "9.80"),
        ("30199", "其他工资福利支出", "150.00", "30299", "其他商品和服务支出", "135.29"),
        ("303", "对个人和家庭的补助", "440.00", "310", "资本性支出", "0.00"),
        ("30302", "退休费", "380.00", "", "", ""),
        ("30305", "生活补助", "60.00", "", "", ""),
        ("人员经费合计", "", "1,860.36", "公用经费合计", "", "236.10")]),
    ("一般公共预算财政拨款“三公”经费支出决算表", "公开07表", [40 + 63 * i for i in range(13)], [
        ("预算数", "", "", "", "", "", "决算数", "", "", "", "", ""),
        ("合计", "因公出国", "公务用车购置", "", "", "公务接待费", "合计", "因公出国", "公务用车购置", "", "", "公务接待费"),
        ("", "（境）费", "及运行费", "", "", "", "", "（境）费", "及运行费", "", "", ""),
        ("", "", "小计", "购置费", "运行费", "", "", "", "小计", "购置费", "运行费", ""),
        ("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"),
        ("15.00", "0.00", "11.00", "0.00", "11.00", "4.00", "12.96", "0.00", "9.80", "0.00", "9.80", "3.16")]),
    ("政府性基金预算财政拨款收入支出决算表", "公开08表", [40, 100, 260, 380, 500, 620, _W - 40], [
        ("科目编码", "科目名称", "年初结转和结余", "本年收入", "本年支出", "年末结转和结余"), ("", "合计", "", "", "", "")]),
]
EMPTY_NOTE = "注：本部门2023年度没有使用政府性基金预算财政拨款安排的支出，故本表无数据。"

EXPLANATIONS = [
    ("heading", "第三部分  2023年度部门决算情况说明"),
    ("heading", "一、收入支出决算总体情况说明"),
    ("para", "2023年度收、支总计3,551.78万元。与上年相比，收、支总计各减少210.44万元，下降5.59%，主要原因是农业生产发展项目资金减少。"),
    ("heading", "二、收入决算情况说明"),
    ("para", "2023年度本年收入合计3,386.78万元，其中：财政拨款收入3,210.50万元，占94.79%；事业收入120.00万元，占3.54%；"
             "其他收入56.28万元，占1.67%。"),
    ("heading", "三、支出决算情况说明"),
    ("para", "2023年度本年支出合计3,451.78万元，其中：基本支出2,096.46万元，占60.74%；项目支出1,355.32万元，占39.26%。"),
    ("heading", "四、一般公共预算财政拨款基本支出决算情况说明"),
    ("para", "2023年度一般公共预算财政拨款基本支出2,096.46万元，其中：人员经费1,860.36万元，主要包括基本工资、津贴补贴、"
             "奖金、机关事业单位基本养老保险缴费、退休费等；公用经费236.10万元，主要包括办公费、水费、电费、差旅费、公务接待费等。"),
    ("heading", "五、“三公”经费财政拨款支出决算情况说明"),
    ("para", "2023年度“三公”经费财政拨款支出决算为12.96万元，完成预算的86.40%，决算数小于预算数的主要原因是厉行节约，"
             "压减公务用车运行维护支出。其中：因公出国（境）费0万元；公务用车购置费0万元；公务用车运行维护费9.80万元；"
             "公务接待费3.16万元，国内公务接待42批次、310人次。"),
    ("heading", "六、机关运行经费支出说明"),
    ("para", "2023年度本部门机关运行经费支出198.42万元，比上年减少7.58万元，降低3.68%，主要原因是压减一般性支出。"),
    ("heading", "七、政府采购支出说明"),
    ("para", "2023年度本部门政府采购支出总额286.50万元，其中：政府采购货物支出46.50万元、政府采购工程支出0万元、"
             "政府采购服务支出240.00万元。授予中小企业合同金额270.10万元，占政府采购支出总额的94.28%。"),
    ("heading", "八、国有资产占用情况说明"),
    ("para", "截至2023年12月31日，本部门共有车辆3辆，其中：一般公务用车2辆、特种专业技术用车1辆。单位价值100万元以上设备0台（套）。"),
]


class _Landscape:
    """Landscape pages numbered at their foot ("- 3 -")."""

    def __init__(self, path: Path):
        self.c, (self.w, self.h) = pdf_canvas(path, landscape_page=True)
        self.page = 1

    def new_page(self) -> None:
        self.c.setFont(FONT, 9)
        self.c.drawCentredString(self.w / 2, 25, f"- {self.page} -")
        self.c.showPage()
        self.page += 1

    def table(self, title: str, number: str, edges: list[float], rows: list[tuple]) -> float:
        """One table on its page: title, its 公开表 number, 部门 and 单位; cells left, figures right."""
        c = self.c
        c.setFont(FONT, 15)
        c.drawCentredString(self.w / 2, self.h - 45, title)
        c.setFont(FONT, 9)
        c.drawRightString(self.w - 40, self.h - 30, number)
        c.drawString(40, self.h - 68, f"部门：{BODY}")
        c.drawRightString(self.w - 40, self.h - 68, "单位：万元")
        y = self.h - 90
        for cells in rows:
            c.line(edges[0], y + 11, edges[-1], y + 11)
            c.setFont(FONT, 8)
            for i, cell in enumerate(cells):
                if "." in cell and all(ch in "0123456789,.-" for ch in cell):
                    c.drawRightString(edges[i + 1] - 3, y, cell)
                elif cell:
                    c.drawString(edges[i] + 3, y, cell)
            y -= 16
        return y


def write_national(path: Path) -> Path:
    from .full_report import _wrapped

    pages = _Landscape(path)
    c = pages.c
    c.setFont(FONT, 20)
    c.drawCentredString(pages.w / 2, pages.h - 200, TITLE)
    c.setFont(FONT, 12)
    for n, entry in enumerate(CONTENTS):
        c.drawCentredString(pages.w / 2, pages.h - 260 - 24 * n, entry)
    pages.new_page()
    for title, number, edges, rows in TABLES:
        y = pages.table(title, number, edges, rows)
        if title.startswith("政府性基金"):
            c.setFont(FONT, 9)
            c.drawString(40, y - 10, EMPTY_NOTE)
        pages.new_page()
    y = pages.h - 60
    for kind, text in EXPLANATIONS:
        for line in [text] if kind == "heading" else _wrapped(text):
            if y < 60:
                pages.new_page()
                y = pages.h - 60
            c.setFont(FONT, 12 if kind == "heading" else 11)
            c.drawString(60, y, line)
            y -= 22 if kind == "heading" else 19
    c.setFont(FONT, 9)
    c.drawCentredString(pages.w / 2, 25, f"- {pages.page} -")
    c.save()
    return path


def write_national_docx(path: Path) -> Path:
    """The same report as a Word file, as many counties publish it: each table a Word table whose spanning
    headings are merged cells (预算数 over its six columns, 项目 over 科目编码 | 科目名称)."""
    import docx

    document = docx.Document()
    document.add_heading(TITLE, 0)
    for entry in CONTENTS:
        document.add_paragraph(entry)
    for title, number, _, rows in TABLES:
        for line in (number, title, f"部门：{BODY}    单位：万元"):
            document.add_paragraph(line)
        width = len(rows[0])
        table = document.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        for r, cells in enumerate(rows):
            for k, text in enumerate(cells):
                table.cell(r, k).text = text
        for r, cells in enumerate(rows[:3]):  # a heading over the empty cells after it, whose row below names them
            if any("." in c and c[:1].isdigit() for c in cells):
                break
            k = 0
            while k < width:
                j = k + 1
                while cells[k] and j < width and not cells[j] and r + 1 < len(rows) and rows[r + 1][j]:
                    j += 1
                if j - 1 > k:
                    table.cell(r, k).merge(table.cell(r, j - 1)).text = cells[k]
                k = j
        if title.startswith("政府性基金"):
            document.add_paragraph(EMPTY_NOTE)
    for kind, text in EXPLANATIONS:
        document.add_heading(text, 2) if kind == "heading" else document.add_paragraph(text)
    document.save(str(path))
    return path


PREVIOUS = [  # the same body's 部门决算 a year earlier, its 说明 only: a question may ask of both years
    ("heading", "第三部分  2022年度部门决算情况说明"),
    ("heading", "一、收入支出决算总体情况说明"),
    ("para", "2022年度收、支总计3,762.22万元。与上年相比，收、支总计各增加150.20万元，增长4.16%。"),
    ("heading", "二、“三公”经费财政拨款支出决算情况说明"),
    ("para", "2022年度“三公”经费财政拨款支出决算为10.50万元，完成预算的75.00%。其中：因公出国（境）费0万元；"
             "公务用车购置费0万元；公务用车运行维护费7.30万元；公务接待费3.20万元。"),
    ("heading", "三、机关运行经费支出说明"),
    ("para", "2022年度本部门机关运行经费支出206.00万元，比上年减少4.00万元，降低1.90%。"),
    ("heading", "四、政府采购支出说明"),
    ("para", "2022年度本部门政府采购支出总额310.00万元，其中：政府采购货物支出60.00万元、政府采购服务支出250.00万元。"),
]


def write_previous_year(path: Path) -> Path:
    """The body's 2022 部门决算, its 说明 on portrait pages (its 收、支总计 is the 2023 report's 上年 figure)."""
    from .full_report import _Pages

    pages = _Pages(path, BODY)
    pages.line(f"{BODY}2022年度部门决算", 18, centred=True, gap=40)
    pages.blocks(PREVIOUS)
    pages.save()
    return path


def write_national_xlsx(path: Path) -> Path:
    """The report's tables as a workbook, one sheet per table, as counties publish the 公开表 beside the PDF:
    the title over merged cells, its 公开表 number, a line naming the body and the unit, then the rows."""
    import openpyxl

    from .table_reports import add_sheet

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, number, _, rows in TABLES:
        width = len(rows[0])
        add_sheet(book, title[:31], title, width, [[""] * (width - 1) + [number],
                                                   [f"部门：{BODY}"] + [""] * (width - 2) + ["单位：万元"]], [], rows,
                  [[EMPTY_NOTE]] if title.startswith("政府性基金") else [])
    book.save(path)
    return path


def write_national_html(path: Path) -> Path:
    """The same report as a government site publishes it: a GBK page with the site's furniture around it,
    each table an HTML table whose spanning headings are `colspan` cells, the 说明 as headings and paragraphs."""
    from html import escape

    parts = ['<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">',
             f"<title>{TITLE}_清河县人民政府</title></head><body>",
             '<div class="nav">首页 &gt; 政务公开 &gt; 财政资金 &gt; 部门决算</div>',
             f"<h1>{TITLE}</h1>", "<p>发布日期：2024-09-20　来源：清河县农业农村局</p>"]
    parts += [f"<p>{escape(entry)}</p>" for entry in CONTENTS]
    for title, number, _, rows in TABLES:
        parts += [f"<p>{number}</p>", f"<p><b>{escape(title)}</b></p>", f"<p>部门：{BODY}　　单位：万元</p>", "<table border=1>"]
        for r, cells in enumerate(rows):
            heading = r < 3 and not any("." in c and c[:1].isdigit() for c in cells)
            below = rows[r + 1] if r + 1 < len(rows) else ()
            out, k = [], 0
            while k < len(cells):
                j = k + 1
                while heading and cells[k] and j < len(cells) and not cells[j] and below and below[j]:
                    j += 1  # a heading over the empty cells after it, whose row below names them
                span = f' colspan="{j - k}"' if j - k > 1 else ""
                out.append(f"<td{span}>{escape(cells[k])}</td>")
                k = j
            parts.append("<tr>" + "".join(out) + "</tr>")
        parts.append("</table>")
        if title.startswith("政府性基金"):
            parts.append(f"<p>{EMPTY_NOTE}</p>")
    for kind, text in EXPLANATIONS:
        parts.append(f"<h3>{escape(text)}</h3>" if kind == "heading" else f"<p>{escape(text)}</p>")
    parts += ['<div class="footer">主办：清河县人民政府办公室　网站标识码：1234567890</div>', "</body></html>"]
    path.write_bytes("\n".join(parts).encode("gbk"))
    return path


def write_national_text(path: Path) -> Path:
    """The same report as a PDF's text layer saved as a text file: each table row a line of its cells a space
    apart, its empty cells gone (which column a figure stood in is lost), the 说明 a line per paragraph."""
    lines = [TITLE, *CONTENTS]
    for title, number, _, rows in TABLES:
        lines += [number, title, f"部门：{BODY}    单位：万元"] + [" ".join(c for c in cells if c) for cells in rows]
        if title.startswith("政府性基金"):
            lines.append(EMPTY_NOTE)
    lines += [text for _, text in EXPLANATIONS]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
