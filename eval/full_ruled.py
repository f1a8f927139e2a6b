"""A city district's 部门决算 drawn as fully ruled grids by another clerk, for eval/full_report.py: every
cell boxed, long 科目名称 and narrow column heads wrapped inside their cells (the figure centred beside
the wrapped name), 科目编码 split into 类 | 款 | 项 columns, 行次 beside each figure of the 总表, the
支出决算表 running onto a second page under its repeated header (续表), tables in 元 and the 说明 in
万元 rounded from them. Figures are derived here from the leaf rows, so totals add up; the 说明's shares
and changes are the stated figures' own."""

from __future__ import annotations

from pathlib import Path

from .table_reports import FONT

BODY = "临江区城市管理局"
TITLE = f"{BODY}2023年度部门决算"

# 支出决算表 leaves: (类, 款, 项, 科目名称, 基本支出, 项目支出) in 元
LEAVES = [
    ("208", "05", "01", "行政单位离退休", 1_052_300.00, 0.0),
    ("208", "05", "05", "机关事业单位基本养老保险缴费支出", 2_160_350.15, 0.0),
    ("208", "05", "06", "机关事业单位职业年金缴费支出", 700_000.00, 0.0),
    ("210", "11", "01", "行政单位医疗", 1_264_300.00, 0.0),
    ("212", "01", "01", "行政运行", 8_420_350.20, 0.0),
    ("212", "01", "04", "城管执法", 0.0, 6_429_649.80),
    ("212", "05", "01", "城乡社区环境卫生", 0.0, 28_270_480.30),
    ("212", "08", "99", "其他国有土地使用权出让收入安排的支出", 0.0, 3_000_000.00),
    ("221", "02", "01", "住房公积金", 1_805_600.00, 0.0),
]
CLASSES = {"208": "社会保障和就业支出", "210": "卫生健康支出", "212": "城乡社区支出", "221": "住房保障支出"}
ITEMS = {"20805": "行政事业单位养老支出", "21011": "行政事业单位医疗", "21201": "城乡社区管理事务",
         "21205": "城乡社区环境卫生", "21208": "国有土地使用权出让收入安排的支出", "22102": "住房改革支出"}

GENERAL_INCOME = 48_652_310.45  # 一般公共预算财政拨款收入
FUND_INCOME = 3_200_000.00  # 政府性基金预算财政拨款收入
OTHER_INCOME = 615_420.00  # 其他收入, all under 城乡社区支出
OPENING = 1_830_500.00  # 年初结转和结余


def money(value: float) -> str:
    return f"{value:,.2f}" if value else ""


def _sums(prefix_len: int) -> dict[str, tuple[float, float]]:
    sums: dict[str, tuple[float, float]] = {}
    for cls, item, leaf, _, basic, project in LEAVES:
        key = (cls + item + leaf)[:prefix_len]
        b, p = sums.get(key, (0.0, 0.0))
        sums[key] = (b + basic, p + project)
    return sums


def spending_rows() -> list[list[str]]:
    """类, 款 and 项 rows in code order, each 类 and 款 the sum of its leaves; 合计 first."""
    classes, items = _sums(3), _sums(5)
    basic = sum(b for b, _ in classes.values())
    project = sum(p for _, p in classes.values())
    rows = [["", "", "", "合计", money(basic + project), money(basic), money(project), "", "", ""]]
    seen: set[str] = set()
    for cls, item, leaf, name, b, p in LEAVES:
        if cls not in seen:
            seen.add(cls)
            cb, cp = classes[cls]
            rows.append([cls, "", "", CLASSES[cls], money(cb + cp), money(cb), money(cp), "", "", ""])
        if cls + item not in seen:
            seen.add(cls + item)
            ib, ip = items[cls + item]
            rows.append([cls, item, "", ITEMS[cls + item], money(ib + ip), money(ib), money(ip), "", "", ""])
        rows.append([cls, item, leaf, name, money(b + p), money(b), money(p), "", "", ""])
    return rows


def totals() -> dict[str, float]:
    classes = _sums(3)
    spent = sum(b + p for b, p in classes.values())
    income = GENERAL_INCOME + FUND_INCOME + OTHER_INCOME
    return {"income": income, "spent": spent, "total": income + OPENING, "closing": income + OPENING - spent,
            "basic": sum(b for b, _ in classes.values()), "project": sum(p for _, p in classes.values()),
            **{cls: b + p for cls, (b, p) in classes.items()}}


def summary_rows() -> list[list[str]]:
    t = totals()
    left = [("一、一般公共预算财政拨款收入", GENERAL_INCOME), ("二、政府性基金预算财政拨款收入", FUND_INCOME),
            ("三、国有资本经营预算财政拨款收入", 0), ("四、上级补助收入", 0), ("五、事业收入", 0), ("六、经营收入", 0),
            ("七、附属单位上缴收入", 0), ("八、其他收入", OTHER_INCOME)]
    right = [("一、一般公共服务支出", 0), ("二、社会保障和就业支出", t["208"]), ("三、卫生健康支出", t["210"]),
             ("四、节能环保支出", 0), ("五、城乡社区支出", t["212"]), ("六、农林水支出", 0), ("七、住房保障支出", t["221"]),
             ("八、其他支出", 0)]
    rows = []
    for n, ((ln, lv), (rn, rv)) in enumerate(zip(left, right), start=1):
        rows.append([ln, str(n), money(lv), rn, str(n + 30), money(rv)])
    rows += [["本年收入合计", "9", money(t["income"]), "本年支出合计", "39", money(t["spent"])],
             ["年初结转和结余", "10", money(OPENING), "年末结转和结余", "40", money(t["closing"])],
             ["总计", "11", money(t["total"]), "总计", "41", money(t["total"])]]
    return rows


def income_rows() -> list[list[str]]:
    """收入决算表 by 类: every 类 from 财政拨款 except 其他收入 under 城乡社区支出."""
    t = totals()
    grants = GENERAL_INCOME + FUND_INCOME
    urban_grant = grants - t["208"] - t["210"] - t["221"]
    rows = [["", "", "", "合计", money(t["income"]), money(grants), "", "", "", "", money(OTHER_INCOME)]]
    for cls in ("208", "210", "212", "221"):
        grant = urban_grant if cls == "212" else t[cls]
        other = OTHER_INCOME if cls == "212" else 0
        rows.append([cls, "", "", CLASSES[cls], money(grant + other), money(grant), "", "", "", "", money(other)])
    return rows


THREE_PUBLIC = [
    ["合计", "250,000.00", "186,420.00"],
    ["1.因公出国（境）费", "0.00", "0.00"],
    ["2.公务用车购置及运行维护费", "200,000.00", "158,300.00"],
    ["其中：公务用车购置费", "0.00", "0.00"],
    ["公务用车运行维护费", "200,000.00", "158,300.00"],
    ["3.公务接待费", "50,000.00", "28,120.00"],
]

OVERVIEW = [
    ("heading", "一、部门主要职责"),
    ("para", "负责全区市容环境卫生、城市管理综合执法、户外广告和招牌设置管理、城市道路照明设施维护等工作；"
             "组织实施生活垃圾分类和垃圾处理设施建设。"),
    ("heading", "二、部门决算单位构成"),
    ("para", "纳入本部门2023年度部门决算编制范围的单位共3个，包括：局机关、临江区城市管理综合执法大队、"
             "临江区环境卫生服务中心。"),
    ("para", "截至2023年底，本部门行政编制28名，实有27人；事业编制46名，实有44人；离退休人员19人。"),
]

EXPLANATIONS = [
    ("heading", "一、关于2023年度收入支出决算总体情况说明"),
    ("para", "2023年度收、支总计5,429.82万元。与上年相比，收、支总计各增加412.36万元，增长8.22%。"
             "主要原因是垃圾分类收运处置项目支出增加。"),
    ("heading", "二、关于2023年度收入决算情况说明"),
    ("para", "本年收入合计5,246.77万元，其中：一般公共预算财政拨款收入4,865.23万元，占92.73%；"
             "政府性基金预算财政拨款收入320.00万元，占6.10%；其他收入61.54万元，占1.17%。"),
    ("heading", "三、关于2023年度支出决算情况说明"),
    ("para", "本年支出合计5,310.30万元，其中：基本支出1,540.29万元，占29.01%；项目支出3,770.01万元，占70.99%。"),
    ("heading", "四、关于2023年度一般公共预算财政拨款支出决算情况说明"),
    ("para", "2023年度一般公共预算财政拨款支出4,948.76万元，比上年增加215.40万元，增长4.55%，主要原因是环卫作业"
             "市场化服务费用增加。主要用于以下方面：城乡社区支出4,250.51万元，占85.89%；社会保障和就业支出391.27万元，"
             "占7.91%；卫生健康支出126.43万元，占2.55%；住房保障支出180.56万元，占3.65%。"),
    ("heading", "五、关于2023年度一般公共预算财政拨款基本支出决算情况说明"),
    ("para", "2023年度一般公共预算财政拨款基本支出1,540.29万元，其中：人员经费1,382.16万元，主要包括基本工资、"
             "津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费、职业年金缴费、住房公积金等；公用经费158.13万元，"
             "主要包括办公费、印刷费、水电费、邮电费、物业管理费、差旅费、维修（护）费、公务接待费等。"),
    ("heading", "六、关于2023年度“三公”经费财政拨款支出决算情况说明"),
    ("para", "2023年度“三公”经费财政拨款支出决算18.64万元，完成预算的74.57%，比上年减少3.28万元，下降14.96%，"
             "主要原因是严格执行公务接待标准，减少公务用车使用。其中：因公出国（境）费0万元；公务用车购置费0万元；"
             "公务用车运行维护费15.83万元，主要用于执法执勤车辆的燃料费、维修费、保险费等；公务接待费2.81万元，"
             "共接待28批次、196人次，主要用于接待上级部门检查指导工作。"),
    ("heading", "七、关于2023年度政府性基金预算财政拨款支出决算情况说明"),
    ("para", "2023年度政府性基金预算财政拨款支出300.00万元，全部为国有土地使用权出让收入安排的支出，"
             "用于城区环卫设施建设。"),
    ("heading", "八、关于2023年度机关运行经费支出情况说明"),
    ("para", "本部门2023年度机关运行经费支出158.13万元，比上年增加6.02万元，增长3.96%，主要原因是执法大队"
             "新办公用房投入使用，水电费、物业管理费增加。"),
    ("heading", "九、关于2023年度政府采购支出情况说明"),
    ("para", "本部门2023年度政府采购支出总额2,315.60万元，其中：政府采购货物支出168.20万元、政府采购工程支出"
             "1,540.00万元、政府采购服务支出607.40万元。授予中小企业合同金额2,083.10万元，占政府采购支出总额的89.96%。"),
    ("heading", "十、关于2023年度国有资产占用情况说明"),
    ("para", "截至2023年12月31日，本部门共有车辆14辆，其中：执法执勤用车9辆、特种专业技术用车5辆；"
             "单价50万元（含）以上通用设备2台（套），单价100万元（含）以上专用设备1台（套）。"),
    ("heading", "十一、关于2023年度预算绩效管理情况说明"),
    ("para", "本部门组织对2023年度一般公共预算项目支出开展绩效自评，共涉及项目12个，资金3,470.01万元，"
             "占一般公共预算项目支出总额的100%。组织对城乡环卫一体化项目开展部门评价，涉及资金2,827.05万元，"
             "评价等级为“良”。"),
]

# column edges of the four grids on a portrait page (points)
_SUMMARY = [40, 190, 215, 300, 430, 455, 555]
_SPENDING = [40, 64, 88, 112, 200, 264, 322, 380, 426, 472, 555]
_INCOME = [40, 64, 88, 112, 200, 262, 322, 368, 414, 460, 506, 555]
_THREE = [40, 300, 420, 555]


def _fits(text: str, width: float, size: float) -> list[str]:
    """A cell's text wrapped to its column by printed width, as a spreadsheet's wrap-text prints it."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines = [""]
    for ch in text:
        if lines[-1] and stringWidth(lines[-1] + ch, FONT, size) > width - 6:
            lines.append("")
        lines[-1] += ch
    return lines


class RuledPages:
    """Portrait pages of boxed grids: every cell ruled, text wrapped inside it, figures right-aligned.
    A head cell given as None is merged into the cell on its left (科目编码 over 类 | 款 | 项)."""

    SIZE = 8
    LINE = 10

    def __init__(self, path: Path):
        from .full_report import _Pages

        self.pages = _Pages(path, BODY)
        self.c = self.pages.c

    def grid(self, title: str, number: str, edges: list[float], head: list[list], rows: list[list[str]],
             same_page: bool = False) -> None:
        """A grid from a new page (or below the one before); past the foot it goes on under its header again."""
        pages = self.pages
        if same_page:
            pages.y -= 30
        else:
            pages.new_page()
        self._title(title, number)
        for n, cells in enumerate(head + rows):
            if pages.y - self._height(edges, cells) < 60:
                pages.new_page()
                self._title(f"{title}（续表）", number)
                for again in head:
                    self._row(edges, again, True)
            self._row(edges, cells, n < len(head))

    def _spans(self, edges: list[float], cells: list) -> list[tuple[list[str], float, float]]:
        spans: list[tuple[str, float, float]] = []
        for i, cell in enumerate(cells):
            if cell is None:
                text, x0, _ = spans[-1]
                spans[-1] = (text, x0, edges[i + 1])
            else:
                spans.append((cell, edges[i], edges[i + 1]))
        return [(_fits(text, x1 - x0, self.SIZE), x0, x1) for text, x0, x1 in spans]

    def _height(self, edges: list[float], cells: list) -> float:
        return self.LINE * max(len(lines) for lines, _, _ in self._spans(edges, cells)) + 10

    def _title(self, title: str, number: str) -> None:
        pages, c = self.pages, self.c
        c.setFont(FONT, 14)
        c.drawCentredString(pages.w / 2, pages.y, title)
        c.setFont(FONT, 8)
        c.drawRightString(pages.w - 40, pages.y + 18, number)
        pages.y -= 22
        c.drawString(40, pages.y, f"编制单位：{BODY}")
        c.drawCentredString(pages.w / 2, pages.y, "2023年度")
        c.drawRightString(pages.w - 40, pages.y, "单位：元")
        pages.y -= 8

    def _row(self, edges: list[float], cells: list, head: bool) -> None:
        pages, c = self.pages, self.c
        spans = self._spans(edges, cells)
        top = pages.y
        bottom = top - self._height(edges, cells)
        c.line(edges[0], top, edges[-1], top)
        c.line(edges[0], bottom, edges[-1], bottom)
        c.setFont(FONT, self.SIZE)
        for lines, x0, x1 in spans:
            c.line(x0, top, x0, bottom)
            first = (top + bottom) / 2 + (len(lines) - 1) * self.LINE / 2 - self.SIZE / 3
            for k, text in enumerate(lines):
                y = first - k * self.LINE
                if head:
                    c.drawCentredString((x0 + x1) / 2, y, text)
                elif "." in text and all(ch in "0123456789,." for ch in text):
                    c.drawRightString(x1 - 3, y, text)
                else:
                    c.drawString(x0 + 3, y, text)
        c.line(edges[-1], top, edges[-1], bottom)
        pages.y = bottom


def write_ruled(path: Path) -> Path:
    grids = RuledPages(path)
    pages = grids.pages
    pages.line(TITLE, 18, centred=True, gap=40)
    for entry in ["目  录", "第一部分  部门概况", "第二部分  2023年度部门决算表", "第三部分  2023年度部门决算情况说明"]:
        pages.line(entry, 12, centred=entry.startswith("目"), gap=22)
    pages.new_page()
    pages.line("第一部分  部门概况", 12, gap=24)
    pages.blocks(OVERVIEW)
    grids.grid("收入支出决算总表", "公开01表", _SUMMARY, 
               [["项目", None, None, "项目", None, None], ["收入", "行次", "金额", "支出", "行次", "金额"]], summary_rows())
    code = ["类", "款", "项"]
    grids.grid("收入决算表", "公开02表", _INCOME,
               [["科目编码", None, None, "科目名称", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入",
                 "附属单位上缴收入", "其他收入"], code + [""] * 8], income_rows())
    grids.grid("支出决算表", "公开03表", _SPENDING,
               [["科目编码", None, None, "科目名称", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出",
                 "对附属单位补助支出"], code + [""] * 7], spending_rows(), same_page=True)
    grids.grid("一般公共预算财政拨款“三公”经费支出决算表", "公开07表", _THREE, [["项目", "预算数", "决算数"]], THREE_PUBLIC)
    pages.new_page()
    pages.line("第三部分  2023年度部门决算情况说明", 12, gap=24)
    pages.blocks(EXPLANATIONS)
    pages.save()
    return path


def grids() -> list[tuple[str, str, list[list], list[list[str]]]]:
    """The report's tables: title, 公开表 number, header rows (None: merged into the cell on its left), rows."""
    code = ["类", "款", "项"]
    return [
        ("收入支出决算总表", "公开01表", [["项目", None, None, "项目", None, None], ["收入", "行次", "金额", "支出", "行次", "金额"]],
         summary_rows()),
        ("收入决算表", "公开02表", [["科目编码", None, None, "科目名称", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入",
                                "经营收入", "附属单位上缴收入", "其他收入"], code + [""] * 8], income_rows()),
        ("支出决算表", "公开03表", [["科目编码", None, None, "科目名称", "本年支出合计", "基本支出", "项目支出", "上缴上级支出",
                                "经营支出", "对附属单位补助支出"], code + [""] * 7], spending_rows()),
        ("一般公共预算财政拨款“三公”经费支出决算表", "公开07表", [["项目", "预算数", "决算数"]], THREE_PUBLIC),
    ]


def _merged(head: list) -> tuple[list[str], list[tuple[int, int]]]:
    """A header row's cells (a merged one written in its first column) and the runs merged."""
    cells, runs = [], []
    for k, cell in enumerate(head):
        if cell is None:
            cells.append("")
            if runs and runs[-1][1] == k:
                runs[-1] = (runs[-1][0], k + 1)
            else:
                runs.append((k - 1, k + 1))
        else:
            cells.append(cell)
    return cells, runs


def write_ruled_docx(path: Path) -> Path:
    """The same 部门决算 as a Word file: each grid a Word table, 科目编码 merged over 类 | 款 | 项, in 元."""
    import docx

    from .table_reports import add_word_table

    document = docx.Document()
    document.add_heading(TITLE, 0)
    for kind, text in [("heading", "第一部分  部门概况"), *OVERVIEW, ("heading", "第二部分  2023年度部门决算表")]:
        document.add_heading(text, 2) if kind == "heading" else document.add_paragraph(text)
    for title, number, head, rows in grids():
        for line in (number, title, f"编制单位：{BODY}    2023年度    单位：元"):
            document.add_paragraph(line)
        add_word_table(document, [_merged(cells) for cells in head], rows)
    for kind, text in [("heading", "第三部分  2023年度部门决算情况说明"), *EXPLANATIONS]:
        document.add_heading(text, 2) if kind == "heading" else document.add_paragraph(text)
    document.save(str(path))
    return path


def write_ruled_xlsx(path: Path) -> Path:
    """The report's grids as a workbook, one sheet each, in 元, 科目编码 merged over 类 | 款 | 项."""
    import openpyxl

    from .table_reports import add_sheet

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, number, head, rows in grids():
        width = len(head[0])
        add_sheet(book, title.replace("“", "").replace("”", "")[:31], title, width,
                  [[""] * (width - 1) + [number], [f"编制单位：{BODY}"] + [""] * (width - 2) + ["单位：元"]],
                  [_merged(cells) for cells in head], rows)
    book.save(path)
    return path
