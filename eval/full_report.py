"""Full-length district reports as clerks lay them out: a table of contents, 部门概况, the national
template's tables, the 情况说明 in hard-wrapped prose with its shares and changes, 名词解释 — the
shape the hidden sets' full PDFs have, which the generated table reports (eval/table_reports.py) do
not: their prose is a few lines. A 部门决算 (收入支出决算总表 in 元, the others in 万元) and two 街道
部门预算 written by different hands (eval/full_budgets.py), a 项目支出绩效自评表 drawn as a ruled grid and a
部门整体支出绩效自评报告 (eval/full_selfeval.py), a district's 预算执行情况报告 (eval/full_execution.py), a county
部门决算 on the 2023 national 公开表 template (eval/full_national.py), a county 部门预算 printed from
spreadsheets (eval/full_health_budget.py), a city district's 部门决算 drawn as fully ruled grids with empty
columns (eval/full_ruled.py). Written once by hand, figures checked
against each other (totals add up, shares and rates are the stated figures' own); the questions in
eval/full/questions.jsonl are read off them. Run `python -m eval.full_report` to write
eval/full/docs/ again."""

from __future__ import annotations

from pathlib import Path

from .table_reports import FONT, pdf_canvas

OUT = Path(__file__).parent / "full" / "docs"
BODY = "丰宁区民政局"
WRAP = 36  # characters per printed line of prose, as a portrait A4 page at 11 pt holds them

CONTENTS = ["目  录", "第一部分  部门概况", "一、部门职责", "二、机构设置", "第二部分  2022年度部门决算表",
            "第三部分  2022年度部门决算情况说明", "第四部分  名词解释"]

OVERVIEW = [
    ("heading", "第一部分  部门概况"),
    ("heading", "一、部门职责"),
    ("para", "（一）贯彻执行国家、省、市有关民政工作的法律法规和方针政策，拟订全区民政事业发展规划并组织实施。"),
    ("para", "（二）负责全区社会救助工作，组织实施城乡居民最低生活保障、特困人员救助供养、临时救助等工作。"),
    ("para", "（三）负责全区养老服务工作，统筹推进、督促指导、监督管理养老服务工作，拟订养老服务体系建设规划。"),
    ("para", "（四）负责全区社会组织登记管理、行政区划和地名管理、婚姻登记和殡葬管理工作。"),
    ("heading", "二、机构设置"),
    ("para", "本部门内设机构8个，分别是：办公室、社会救助科、养老服务科、社会事务科、区划地名科、社会组织管理科、"
             "慈善事业促进和社会工作科、财务审计科。下属事业单位2个：丰宁区社会福利院、丰宁区救助管理站。"),
    ("para", "截至2022年12月31日，本部门行政编制35名，实有人数33人；事业编制20名，实有人数18人；离退休人员41人。"),
]

EXPLANATIONS = [
    ("heading", "第三部分  2022年度部门决算情况说明"),
    ("heading", "一、收入支出决算总体情况说明"),
    ("para", "2022年度收、支总计均为6,512.38万元。与2021年度相比，收、支总计各增加321.45万元，增长5.19%。"
             "主要变动原因是城市最低生活保障对象增加，低保金支出相应增加。"),
    ("heading", "二、收入决算情况说明"),
    ("para", "2022年度收入合计6,300.00万元，其中：财政拨款收入6,050.00万元，占96.03%；上级补助收入0万元；"
             "事业收入0万元；经营收入0万元；附属单位上缴收入0万元；其他收入250.00万元，占3.97%。"),
    ("heading", "三、支出决算情况说明"),
    ("para", "2022年度支出合计6,400.50万元，其中：基本支出3,840.30万元，占60.00%；项目支出2,560.20万元，"
             "占40.00%；上缴上级支出0万元；经营支出0万元；对附属单位补助支出0万元。"),
    ("heading", "四、财政拨款收入支出决算总体情况说明"),
    ("para", "2022年度财政拨款收、支总计均为6,050.00万元。与2021年度相比，财政拨款收、支总计各增加300.00万元，"
             "增长5.22%。主要变动原因是社会救助和养老服务资金增加。"),
    ("heading", "五、一般公共预算财政拨款支出决算情况说明"),
    ("heading", "（一）一般公共预算财政拨款支出决算总体情况"),
    ("para", "2022年度一般公共预算财政拨款支出5,900.00万元，占本年支出合计的92.18%。与2021年度相比，"
             "一般公共预算财政拨款支出增加300.00万元，增长5.36%。主要变动原因是城市低保对象增加。"),
    ("heading", "（二）一般公共预算财政拨款支出决算结构情况"),
    ("para", "2022年度一般公共预算财政拨款支出5,900.00万元，主要用于以下方面：社会保障和就业支出4,720.00万元，"
             "占80.00%；卫生健康支出236.00万元，占4.00%；住房保障支出354.00万元，占6.00%；其他支出590.00万元，占10.00%。"),
    ("heading", "（三）一般公共预算财政拨款支出决算具体情况"),
    ("para", "2022年度一般公共预算财政拨款支出年初预算为6,200.00万元，支出决算为5,900.00万元，完成年初预算的95.16%。"
             "其中：社会保障和就业支出（类）民政管理事务（款）行政运行（项）：支出决算为1,200.00万元，完成年初预算的100.00%。"
             "社会保障和就业支出（类）社会福利（款）老年福利（项）：支出决算为2,000.00万元，完成年初预算的95.24%，"
             "决算数小于预算数的主要原因是部分养老机构建设补助按进度拨付。社会保障和就业支出（类）最低生活保障（款）"
             "城市最低生活保障金支出（项）：支出决算为1,520.00万元，完成年初预算的101.33%，决算数大于预算数的主要原因是"
             "低保对象增加。"),
    ("heading", "六、一般公共预算财政拨款基本支出决算情况说明"),
    ("para", "2022年度一般公共预算财政拨款基本支出3,600.00万元，其中：人员经费3,150.00万元，主要包括：基本工资、"
             "津贴补贴、奖金、机关事业单位基本养老保险缴费、住房公积金、退休费；公用经费450.00万元，主要包括：办公费、"
             "水费、电费、差旅费、公务接待费、公务用车运行维护费、其他商品和服务支出、办公设备购置。"),
    ("heading", "七、“三公”经费财政拨款支出决算情况说明"),
    ("para", "2022年度“三公”经费财政拨款支出决算为12.34万元，完成预算的82.27%，较上年减少1.23万元，下降9.06%。"
             "决算数小于预算数的主要原因是厉行节约，严格控制公务接待和公务用车支出。"),
    ("para", "其中：因公出国（境）费支出决算为0万元，全年未安排因公出国（境）团组。公务用车购置及运行维护费支出决算为"
             "10.00万元，完成预算的83.33%，其中：公务用车购置费0万元；公务用车运行维护费10.00万元，主要用于机要通信、"
             "应急保障等公务用车的燃料费、维修费、过路过桥费、保险费等。截至2022年12月31日，使用财政拨款开支的公务用车"
             "保有量为5辆。公务接待费支出决算为2.34万元，完成预算的78.00%，其中：国内公务接待15批次，120人次。"),
    ("heading", "八、政府性基金预算财政拨款收入支出决算情况说明"),
    ("para", "本部门2022年度无政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出，故公开的"
             "政府性基金预算财政拨款收入支出决算表为空表。"),
    ("heading", "九、机关运行经费支出情况说明"),
    ("para", "2022年度本部门机关运行经费支出456.78万元，比上年增加12.34万元，增长2.78%。主要原因是新增办公场所水电费。"),
    ("heading", "十、政府采购支出情况说明"),
    ("para", "2022年度本部门政府采购支出总额789.01万元，其中：政府采购货物支出123.45万元、政府采购工程支出456.78万元、"
             "政府采购服务支出208.78万元。授予中小企业合同金额700.00万元，占政府采购支出总额的88.72%，其中：授予小微企业"
             "合同金额600.00万元，占政府采购支出总额的76.04%。"),
    ("heading", "十一、国有资产占用情况说明"),
    ("para", "截至2022年12月31日，本部门共有车辆5辆，其中：机要通信用车1辆，应急保障用车2辆，其他用车2辆。"
             "单价50万元（含）以上通用设备0台（套），单价100万元（含）以上专用设备0台（套）。"),
    ("heading", "十二、预算绩效管理情况说明"),
    ("para", "根据预算绩效管理要求，本部门组织对2022年度一般公共预算项目支出全面开展绩效自评，共涉及项目25个，"
             "资金2,560.20万元，占一般公共预算项目支出总额的100%。从评价情况来看，项目绩效目标基本完成。"),
    ("heading", "第四部分  名词解释"),
    ("para", "一、财政拨款收入：指本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款和政府性基金预算财政拨款。"),
    ("para", "二、机关运行经费：指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金。"),
]

TABLES = [
    ("收入支出决算总表", "元", ["项目", "决算数", "项目", "决算数"], [
        ["一、一般公共预算财政拨款收入", "60,500,000.00", "一、一般公共服务支出", ""],
        ["二、政府性基金预算财政拨款收入", "", "二、社会保障和就业支出", "52,205,000.00"],
        ["三、上级补助收入", "", "三、卫生健康支出", "2,360,000.00"],
        ["四、事业收入", "", "四、住房保障支出", "3,540,000.00"],
        ["五、经营收入", "", "五、其他支出", "5,900,000.00"],
        ["六、其他收入", "2,500,000.00", "", ""],
        ["本年收入合计", "63,000,000.00", "本年支出合计", "64,005,000.00"],
        ["年初结转和结余", "2,123,800.00", "年末结转和结余", "1,118,800.00"],
        ["总计", "65,123,800.00", "总计", "65,123,800.00"],
    ]),
    ("支出决算表", "万元", ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"], [
        ["208", "社会保障和就业支出", "5,220.50", "3,250.30", "1,970.20"],
        ["210", "卫生健康支出", "236.00", "236.00", ""],
        ["221", "住房保障支出", "354.00", "354.00", ""],
        ["229", "其他支出", "590.00", "", "590.00"],
        ["", "合计", "6,400.50", "3,840.30", "2,560.20"],
    ]),
    ("一般公共预算财政拨款支出决算表", "万元", ["科目编码", "科目名称", "合计", "基本支出", "项目支出"], [
        ["208", "社会保障和就业支出", "4,720.00", "3,010.00", "1,710.00"],
        ["20802", "民政管理事务", "1,200.00", "1,200.00", ""],
        ["2080201", "行政运行", "1,200.00", "1,200.00", ""],
        ["20810", "社会福利", "2,000.00", "1,810.00", "190.00"],
        ["2081002", "老年福利", "2,000.00", "1,810.00", "190.00"],
        ["20819", "最低生活保障", "1,520.00", "", "1,520.00"],
        ["2081901", "城市最低生活保障金支出", "1,520.00", "", "1,520.00"],
        ["210", "卫生健康支出", "236.00", "236.00", ""],
        ["2101101", "行政单位医疗", "236.00", "236.00", ""],
        ["221", "住房保障支出", "354.00", "354.00", ""],
        ["2210201", "住房公积金", "354.00", "354.00", ""],
        ["229", "其他支出", "590.00", "", "590.00"],
        ["2299999", "其他支出", "590.00", "", "590.00"],
        ["", "合计", "5,900.00", "3,600.00", "2,300.00"],
    ]),
    ("一般公共预算财政拨款基本支出决算表", "万元", ["科目编码", "科目名称", "决算数"], [
        ["301", "工资福利支出", "2,800.00"],
        ["30101", "基本工资", "900.00"],
        ["30102", "津贴补贴", "1,100.00"],
        ["30103", "奖金", "300.00"],
        ["30108", "机关事业单位基本养老保险缴费", "250.00"],
        ["30113", "住房公积金", "250.00"],
        ["302", "商品和服务支出", "430.00"],
        ["30201", "办公费", "120.00"],
        ["30205", "水费", "30.00"],
        ["30206", "电费", "60.00"],
        ["30211", "差旅费", "40.00"],
        ["30217", "公务接待费", "2.34"],
        ["30231", "公务用车运行维护费", "10.00"],
        ["30299", "其他商品和服务支出", "167.66"],
        ["303", "对个人和家庭的补助", "350.00"],
        ["30302", "退休费", "350.00"],
        ["310", "资本性支出", "20.00"],
        ["31002", "办公设备购置", "20.00"],
        ["", "人员经费合计", "3,150.00"],
        ["", "公用经费合计", "450.00"],
    ]),
    ("一般公共预算财政拨款“三公”经费支出决算表", "万元", ["项目", "预算数", "决算数"], [
        ["合计", "15.00", "12.34"],
        ["1.因公出国（境）费", "0.00", "0.00"],
        ["2.公务用车购置及运行维护费", "12.00", "10.00"],
        ["（1）公务用车购置费", "0.00", "0.00"],
        ["（2）公务用车运行维护费", "12.00", "10.00"],
        ["3.公务接待费", "3.00", "2.34"],
    ]),
    ("政府性基金预算财政拨款收入支出决算表", "万元", ["项目", "年初结转和结余", "本年收入", "本年支出", "年末结转和结余"], [
        ["合计", "", "", "", ""],
    ]),
]


def _wrapped(text: str, first_indent: bool = True) -> list[str]:
    """A paragraph as printed: hard-wrapped every WRAP characters, the first line indented two."""
    text = ("\u3000\u3000" if first_indent else "") + text
    return [text[i : i + WRAP] for i in range(0, len(text), WRAP)]


class _Pages:
    """Prints lines down portrait pages, numbering each page at its foot ("- 3 -")."""

    def __init__(self, path: Path, body: str):
        self.body = body
        self.c, (self.w, self.h) = pdf_canvas(path, landscape_page=False)
        self.page, self.y = 1, self.h - 70

    def line(self, text: str, size: int = 11, centred: bool = False, gap: int = 20) -> None:
        if self.y < 70:
            self.new_page()
        self.c.setFont(FONT, size)
        if centred:
            self.c.drawCentredString(self.w / 2, self.y, text)
        else:
            self.c.drawString(60, self.y, text)
        self.y -= gap

    def new_page(self) -> None:
        self.c.setFont(FONT, 9)
        self.c.drawCentredString(self.w / 2, 30, f"- {self.page} -")
        self.c.showPage()
        self.page, self.y = self.page + 1, self.h - 70

    def blocks(self, blocks: list[tuple[str, str]]) -> None:
        for kind, text in blocks:
            if kind == "heading":
                self.y -= 6
                self.line(text, 12, gap=24)
            else:
                for printed in _wrapped(text):
                    self.line(printed)

    def table(self, title: str, unit: str, header: list[str], rows: list[list[str]]) -> None:
        from .table_reports import draw_row

        if self.y < 70 + 18 * (len(rows) + 4):
            self.new_page()
        self.line(title, 14, centred=True, gap=24)
        self.c.setFont(FONT, 9)
        self.c.drawString(50, self.y, f"编制单位：{self.body}")
        self.c.drawRightString(self.w - 50, self.y, f"单位：{unit}")
        self.y -= 20
        # column edges by the table's shape: code | name | figures, or label | figure columns
        edges = {3: [50, 110, 400, 545], 4: [50, 190, 290, 440, 545], 5: [50, 110, 280, 370, 460, 545]}[len(header)]
        if len(header) == 3 and header[0] == "项目":
            edges = [50, 300, 420, 545]  # a wide label, two figure columns
        for cells in [header] + rows:
            if self.y < 70:
                self.new_page()
            self.c.setFont(FONT, 9)
            draw_row(self.c, self.y, edges, cells)
            self.y -= 18
        self.y -= 10

    def save(self) -> None:
        self.c.setFont(FONT, 9)
        self.c.drawCentredString(self.w / 2, 30, f"- {self.page} -")
        self.c.save()


def write_report(path: Path, body: str, title: str, contents: list[str], overview: list, tables_heading: str,
                 tables: list, explanations: list) -> Path:
    """One report: title page with contents, 部门概况, the tables, the 说明 — each part on new pages."""
    pages = _Pages(path, body)
    pages.line(title, 18, centred=True, gap=40)
    for entry in contents:
        pages.line(entry, 12, centred=entry.startswith("目"), gap=22)
    pages.new_page()
    pages.blocks(overview)
    pages.new_page()
    pages.line(tables_heading, 12, gap=24)
    for table in tables:
        pages.table(*table)
    pages.new_page()
    pages.blocks(explanations)
    pages.save()
    return path


def write_report_docx(path: Path, body: str, title: str, contents: list[str], overview: list, tables_heading: str,
                      tables: list, explanations: list) -> Path:
    """The same report as a Word file, as many bodies publish it: headings as Word headings, each table a
    Word table under its title and unit line, the 说明 a paragraph each (no line is wrapped)."""
    import docx

    from .table_reports import add_word_table

    document = docx.Document()
    document.add_heading(title, 0)
    for entry in contents:
        document.add_paragraph(entry)
    for kind, text in overview:
        document.add_heading(text, 2) if kind == "heading" else document.add_paragraph(text)
    document.add_heading(tables_heading, 2)
    for table_title, unit, header, rows in tables:
        document.add_paragraph(table_title)
        document.add_paragraph(f"编制单位：{body}        单位：{unit}")
        add_word_table(document, [(header, [])], rows)
    for kind, text in explanations:
        document.add_heading(text, 2) if kind == "heading" else document.add_paragraph(text)
    document.save(str(path))
    return path


def write_report_text(path: Path, body: str, title: str, contents: list[str], overview: list, tables_heading: str,
                      tables: list, explanations: list) -> Path:
    """The same report as its PDF's text layer saved as a text file: prose wrapped as printed, each table row
    a line of its cells a space apart with the empty ones gone (which column a figure stood in is lost)."""
    lines = [title, *contents]
    for kind, text in [*overview, ("heading", tables_heading)]:
        lines += [text] if kind == "heading" else _wrapped(text)
    for table_title, unit, header, rows in tables:
        lines += [table_title, f"编制单位：{body}        单位：{unit}", " ".join(header)]
        lines += [" ".join(cell for cell in row if cell) for row in rows]
    for kind, text in explanations:
        lines += [text] if kind == "heading" else _wrapped(text)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def write(out: Path = OUT) -> list[Path]:
    from .full_budgets import BUDGETS
    from .full_execution import DISTRICT
    from .full_health_budget import TITLE as HEALTH, write_health_budget
    from .full_national import TITLE as NATIONAL, write_national, write_previous_year
    from .full_ruled import TITLE as RULED, write_ruled
    from .full_selfeval import PROJECT, PROJECT_BODY, SELF_EVAL_BODY, write_project_table, write_self_evaluation

    out.mkdir(parents=True, exist_ok=True)
    paths = [write_report(out / f"{BODY}2022年度部门决算.pdf", BODY, f"{BODY}2022年度部门决算", CONTENTS, OVERVIEW,
                          "第二部分  2022年度部门决算表", TABLES, EXPLANATIONS)]
    for budget in BUDGETS:
        paths.append(write_report(out / f"{budget['body']}2023年部门预算.pdf", **budget))
    paths.append(write_project_table(out / f"{PROJECT_BODY}2022年度{PROJECT}项目支出绩效自评表.pdf"))
    paths.append(write_self_evaluation(out / f"{SELF_EVAL_BODY}2022年度部门整体支出绩效自评报告.pdf"))
    paths.append(write_execution(out / f"{DISTRICT}2023年预算执行情况报告.pdf"))
    paths.append(write_national(out / f"{NATIONAL}.pdf"))
    paths.append(write_previous_year(out / f"{NATIONAL.replace('2023', '2022')}.pdf"))
    paths.append(write_health_budget(out / f"{HEALTH}.pdf"))
    paths.append(write_ruled(out / f"{RULED}.pdf"))
    return paths


def write_execution(path: Path) -> Path:
    """The 预算执行情况报告: a title and prose, on portrait pages."""
    from .full_execution import DISTRICT, REPORT, TITLE

    pages = _Pages(path, DISTRICT)
    pages.line(TITLE, 15, centred=True, gap=36)
    pages.blocks(REPORT)
    pages.save()
    return path


if __name__ == "__main__":
    for written in write():
        print(written)
