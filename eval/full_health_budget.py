"""A county 部门预算 printed from spreadsheets, for eval/full_report.py: the 说明 first and the tables after
(第三部分), portrait pages, headings centred over the columns they span (本年收入 over its three sources,
基本支出 over 人员经费 and 公用经费), project names that wrap inside their cells, a 项目支出表 running on to
the next page with its header printed again, a “三公” table with 增减额 and 增减率 columns, and a project's
绩效目标表. Figures checked by hand: every total adds up, the change and rates are the stated figures' own."""

from pathlib import Path

from .table_reports import FONT, pdf_canvas

BODY = "清河县卫生健康局"
TITLE = f"{BODY}2024年部门预算"
CONTENTS = ["目  录", "第一部分  部门概况", "第二部分  2024年部门预算情况说明", "第三部分  2024年部门预算表"]

OVERVIEW = [
    ("heading", "第一部分  部门概况"),
    ("heading", "一、主要职能"),
    ("para", "清河县卫生健康局负责全县医疗卫生、疾病预防控制、妇幼健康、人口监测和老龄健康等工作，组织拟订全县卫生健康"
             "事业发展规划并组织实施。"),
    ("heading", "二、机构设置"),
    ("para", "本部门内设机构7个，下属单位3个：清河县疾病预防控制中心、清河县卫生健康综合监督执法大队、清河县妇幼保健计划生育服务中心。"
             "核定行政编制25名，事业编制118名。"),
]

EXPLANATIONS = [
    ("heading", "第二部分  2024年部门预算情况说明"),
    ("heading", "一、收支预算总体情况"),
    ("para", "按照综合预算的原则，清河县卫生健康局所有收入和支出均纳入部门预算管理。2024年部门预算收入总额为8,765.43万元，"
             "较2023年预算增加456.78万元，增长5.50%，主要原因是基本公共卫生服务补助标准提高。收入预算中：一般公共预算拨款收入"
             "7,900.00万元，政府性基金预算拨款收入500.00万元，事业收入165.43万元，上年结转200.00万元。"),
    ("para", "支出预算总额为8,765.43万元，其中：基本支出3,210.00万元，项目支出5,555.43万元。"),
    ("heading", "二、一般公共预算拨款支出情况"),
    ("para", "2024年一般公共预算拨款支出7,900.00万元，主要用于：社会保障和就业支出612.00万元，卫生健康支出6,788.00万元，"
             "住房保障支出500.00万元。"),
    ("heading", "三、基本支出情况"),
    ("para", "基本支出预算3,210.00万元，其中：人员经费2,890.00万元，主要包括基本工资、津贴补贴、奖金、社会保障缴费等；"
             "公用经费320.00万元，主要包括办公费、印刷费、水电费、差旅费等。"),
    ("heading", "四、“三公”经费预算情况"),
    ("para", "2024年“三公”经费预算25.60万元，较上年减少2.40万元，下降8.57%。其中：公务接待费3.60万元，公务用车运行维护费"
             "22.00万元，无因公出国（境）费和公务用车购置费。下降的主要原因是严格执行厉行节约规定。"),
    ("heading", "五、机关运行经费情况"),
    ("para", "2024年本部门机关运行经费预算180.00万元，与上年持平。"),
    ("heading", "六、政府采购情况"),
    ("para", "2024年本部门政府采购预算1,234.00万元，其中：货物类300.00万元，服务类934.00万元。"),
    ("heading", "七、国有资产占用情况"),
    ("para", "截至2023年底，本部门共有公务用车4辆，其中：应急保障用车3辆，其他用车1辆。"),
    ("heading", "八、绩效目标设置情况"),
    ("para", "2024年本部门所有项目均编制了绩效目标，涉及项目4个，资金5,555.43万元。"),
]

_PROJECTS = [("基本公共卫生服务项目补助资金（含家庭医生签约服务）", "专项业务类", "3,805.43", "3,805.43", ""),
             ("重大传染病防控经费", "专项业务类", "1,200.00", "700.00", "500.00"),
             ("卫生健康综合监督执法经费", "专项业务类", "150.00", "150.00", ""),
             ("公共租赁住房维修改造项目", "基本建设类", "400.00", "400.00", "")]

# title, column edges, header rows as (text, first column, past the last), body rows
TABLES = [
    ("部门收支总表", [40, 200, 290, 460, 555],
     [[("收入", 0, 2), ("支出", 2, 4)], [("项目", 0, 1), ("预算数", 1, 2), ("项目", 2, 3), ("预算数", 3, 4)]], [
         ("一、一般公共预算拨款收入", "7,900.00", "一、社会保障和就业支出", "612.00"),
         ("二、政府性基金预算拨款收入", "500.00", "二、卫生健康支出", "7,653.43"),
         ("三、事业收入", "165.43", "三、住房保障支出", "500.00"),
         ("本年收入合计", "8,565.43", "本年支出合计", "8,765.43"),
         ("上年结转", "200.00", "结转下年", ""),
         ("收入总计", "8,765.43", "支出总计", "8,765.43")]),
    ("部门收入总表", [40, 90, 200, 265, 325, 405, 475, 555],
     [[("科目编码", 0, 1), ("科目名称", 1, 2), ("合计", 2, 3), ("上年结转", 3, 4), ("本年收入", 4, 7)],
      [("一般公共预算拨款收入", 4, 5), ("政府性基金预算拨款收入", 5, 6), ("事业收入", 6, 7)]], [
         ("", "合计", "8,765.43", "200.00", "7,900.00", "500.00", "165.43"),
         ("208", "社会保障和就业支出", "612.00", "", "612.00", "", ""),
         ("210", "卫生健康支出", "7,653.43", "200.00", "6,788.00", "500.00", "165.43"),
         ("221", "住房保障支出", "500.00", "", "500.00", "", "")]),
    ("部门支出总表", [40, 90, 250, 315, 375, 435, 495, 555],
     [[("科目编码", 0, 1), ("科目名称", 1, 2), ("合计", 2, 3), ("基本支出", 3, 6), ("项目支出", 6, 7)],
      [("小计", 3, 4), ("人员经费", 4, 5), ("公用经费", 5, 6)]], [
         ("", "合计", "8,765.43", "3,210.00", "2,890.00", "320.00", "5,555.43"),
         ("208", "社会保障和就业支出", "612.00", "612.00", "612.00", "", ""),
         ("210", "卫生健康支出", "7,653.43", "2,498.00", "2,178.00", "320.00", "5,155.43"),
         ("21001", "卫生健康管理事务", "1,150.00", "1,000.00", "780.00", "220.00", "150.00"),
         ("2100101", "行政运行", "1,000.00", "1,000.00", "780.00", "220.00", ""),
         ("2100199", "其他卫生健康管理事务支出", "150.00", "", "", "", "150.00"),
         ("21004", "公共卫生", "6,503.43", "1,498.00", "1,398.00", "100.00", "5,005.43"),
         ("2100401", "疾病预防控制机构", "1,498.00", "1,498.00", "1,398.00", "100.00", ""),
         ("2100408", "基本公共卫生服务", "3,805.43", "", "", "", "3,805.43"),
         ("2100409", "重大公共卫生服务", "1,200.00", "", "", "", "1,200.00"),
         ("221", "住房保障支出", "500.00", "100.00", "100.00", "", "400.00")]),
    ("项目支出表", [40, 250, 320, 400, 480, 555],
     [[("项目名称", 0, 1), ("项目类型", 1, 2), ("合计", 2, 3), ("一般公共预算", 3, 4), ("政府性基金预算", 4, 5)]],
     _PROJECTS + [("合计", "", "5,555.43", "5,055.43", "500.00")]),
    ("“三公”经费预算表", [40, 240, 320, 400, 480, 555],
     [[("项目", 0, 1), ("2023年预算数", 1, 2), ("2024年预算数", 2, 3), ("增减额", 3, 4), ("增减率", 4, 5)]], [
         ("合计", "28.00", "25.60", "-2.40", "-8.57%"),
         ("1.因公出国（境）费", "0.00", "0.00", "0.00", ""),
         ("2.公务用车购置及运行维护费", "24.00", "22.00", "-2.00", "-8.33%"),
         ("（1）公务用车购置费", "0.00", "0.00", "0.00", ""),
         ("（2）公务用车运行维护费", "24.00", "22.00", "-2.00", "-8.33%"),
         ("3.公务接待费", "4.00", "3.60", "-0.40", "-10.00%")]),
]

GOALS = [  # 项目绩效目标表: label, value rows; then the indicators
    ("项目名称", "重大传染病防控经费"),
    ("主管部门", BODY),
    ("年度资金总额（万元）", "1,200.00"),
    ("年度目标", "完成艾滋病、结核病等重大传染病筛查5万人次，传染病疫情报告及时率不低于95%，有效控制重大传染病流行。"),
]
INDICATORS = [("一级指标", "二级指标", "三级指标", "指标值"),
              ("产出指标", "数量指标", "重点人群传染病筛查人次", "≥5万人次"),
              ("", "质量指标", "传染病疫情报告及时率", "≥95%"),
              ("", "时效指标", "疫情处置响应时间", "≤2小时"),
              ("效益指标", "社会效益指标", "重大传染病疫情发生率", "低于全省平均水平"),
              ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%")]


def _cell_lines(c, text: str, width: float, size: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, line = [], ""
    for ch in text:
        if line and stringWidth(line + ch, FONT, size) > width - 6:
            lines.append(line)
            line = ch
        else:
            line += ch
    return lines + [line]


class _Portrait:
    def __init__(self, path: Path):
        self.c, (self.w, self.h) = pdf_canvas(path, landscape_page=False)
        self.page, self.y = 1, self.h - 60

    def new_page(self) -> None:
        self.c.setFont(FONT, 9)
        self.c.drawCentredString(self.w / 2, 28, f"- {self.page} -")
        self.c.showPage()
        self.page, self.y = self.page + 1, self.h - 60

    def line(self, text: str, size: int = 11, gap: int = 19, centred: bool = False) -> None:
        if self.y < 60:
            self.new_page()
        self.c.setFont(FONT, size)
        (self.c.drawCentredString(self.w / 2, self.y, text) if centred else self.c.drawString(60, self.y, text))
        self.y -= gap

    def blocks(self, blocks) -> None:
        from .full_report import _wrapped

        for kind, text in blocks:
            if kind == "heading":
                self.y -= 4
                self.line(text, 12, 23)
            else:
                for printed in _wrapped(text):
                    self.line(printed)

    def header(self, edges: list[float], rows: list[list[tuple]]) -> None:
        for spans in rows:
            self.c.setFont(FONT, 7.5)
            height = max(len(_cell_lines(self.c, t, edges[b] - edges[a], 7.5)) for t, a, b in spans)
            for text, a, b in spans:
                for k, part in enumerate(_cell_lines(self.c, text, edges[b] - edges[a], 7.5)):
                    self.c.drawCentredString((edges[a] + edges[b]) / 2, self.y - 10 * k, part)
            self.c.line(edges[0], self.y - 10 * height + 6, edges[-1], self.y - 10 * height + 6)
            self.y -= 10 * height + 6

    def table(self, title: str, edges: list[float], header: list[list[tuple]], rows: list[tuple]) -> None:
        if self.y < 200:
            self.new_page()
        self.line(title, 14, 22, centred=True)
        self.c.setFont(FONT, 8)
        self.c.drawString(40, self.y, f"单位名称：{BODY}")
        self.c.drawRightString(self.w - 40, self.y, "单位：万元")
        self.y -= 18
        self.c.line(edges[0], self.y + 11, edges[-1], self.y + 11)
        self.header(edges, header)
        for cells in rows:
            lines = [_cell_lines(self.c, cell, edges[i + 1] - edges[i], 7.5) for i, cell in enumerate(cells)]
            if self.y - 11 * max(map(len, lines)) < 60:  # the table goes on over the page, its header again
                self.new_page()
                self.c.line(edges[0], self.y + 11, edges[-1], self.y + 11)
                self.header(edges, header)
            self.c.setFont(FONT, 7.5)
            for i, (cell, parts) in enumerate(zip(cells, lines)):
                if cell and all(ch in "0123456789,.-%" for ch in cell):
                    self.c.drawRightString(edges[i + 1] - 3, self.y, cell)
                else:
                    for k, part in enumerate(parts):
                        self.c.drawString(edges[i] + 3, self.y - 10 * k, part)
            self.y -= 10 * max(map(len, lines)) + 5
            self.c.line(edges[0], self.y + 11, edges[-1], self.y + 11)
        self.y -= 16

    def goals(self) -> None:
        self.new_page()
        self.line("项目支出绩效目标表", 14, 22, centred=True)
        self.c.setFont(FONT, 8)
        self.c.drawRightString(self.w - 40, self.y, "（2024年度）")
        self.y -= 18
        for label, value in GOALS:
            parts = _cell_lines(self.c, value, 400, 8)
            self.c.setFont(FONT, 8)
            self.c.drawString(43, self.y, label)
            for k, part in enumerate(parts):
                self.c.drawString(153, self.y - 11 * k, part)
            self.y -= 11 * len(parts) + 6
            self.c.line(40, self.y + 11, 555, self.y + 11)
        edges = [40, 120, 220, 400, 555]
        for cells in INDICATORS:
            for i, cell in enumerate(cells):
                self.c.drawString(edges[i] + 3, self.y, cell)
            self.y -= 17
            self.c.line(40, self.y + 11, 555, self.y + 11)

    def save(self) -> None:
        self.c.setFont(FONT, 9)
        self.c.drawCentredString(self.w / 2, 28, f"- {self.page} -")
        self.c.save()


def write_health_budget(path: Path) -> Path:
    pages = _Portrait(path)
    pages.y -= 120
    pages.line(TITLE, 20, 60, centred=True)
    for entry in CONTENTS:
        pages.line(entry, 12, 24, centred=True)
    pages.new_page()
    pages.blocks(OVERVIEW)
    pages.blocks(EXPLANATIONS)
    pages.new_page()
    pages.line("第三部分  2024年部门预算表", 12, 26)
    for table in TABLES:
        pages.table(*table)
    pages.goals()
    pages.save()
    return path


def _grid(header: list[list[tuple]], width: int) -> list[tuple[list[str], list[tuple[int, int]]]]:
    """Each header row as cells (a spanning heading written in its first column) and the runs it spans."""
    rows = []
    for spans in header:
        cells = [""] * width
        for text, a, _ in spans:
            cells[a] = text
        rows.append((cells, [(a, b) for _, a, b in spans if b - a > 1]))
    return rows


def write_health_budget_docx(path: Path) -> Path:
    """The same 部门预算 as a Word file: its spanning headings (本年收入 over three sources, 基本支出 over 小计 |
    人员经费 | 公用经费) merged cells, the 绩效目标表 a table of label | value rows and its indicators."""
    import docx

    from .table_reports import add_word_table

    document = docx.Document()
    document.add_heading(TITLE, 0)
    for entry in CONTENTS:
        document.add_paragraph(entry)
    for kind, text in OVERVIEW + EXPLANATIONS:
        document.add_heading(text, 2) if kind == "heading" else document.add_paragraph(text)
    document.add_heading("第三部分  2024年部门预算表", 2)
    for title, edges, header, rows in TABLES:
        document.add_paragraph(title)
        document.add_paragraph(f"单位名称：{BODY}        单位：万元")
        add_word_table(document, _grid(header, len(edges) - 1), rows)
    document.add_paragraph("项目支出绩效目标表")
    add_word_table(document, [([label, value, "", ""], [(1, 4)]) for label, value in GOALS], INDICATORS)
    document.save(str(path))
    return path


def write_health_budget_xlsx(path: Path) -> Path:
    """The budget's tables as the workbook they were printed from: one sheet each, the title over merged
    cells, a line naming the body and unit, spanning headings merged, figures as numbers."""
    import openpyxl

    from .table_reports import add_sheet

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, edges, header, rows in TABLES:
        width = len(edges) - 1
        add_sheet(book, title.replace("“", "").replace("”", "")[:31], title, width,
                  [[f"单位名称：{BODY}"] + [""] * (width - 2) + ["单位：万元"]], _grid(header, width), rows)
    book.save(path)
    return path
