"""A question set over table reports: 部门决算 and 部门预算 PDFs (and one
spreadsheet) shaped like the national templates, with seeded random figures,
and questions whose answers are their cells or the figures of their 说明.

    python -m eval.table_reports   # rewrites eval/tables/docs and eval/tables/questions.jsonl

Why: the real question sets are mostly page openings and flattened text, so
the ranker rarely saw a table cell answer a question; the users' collections
are mostly full-length PDFs whose figures sit in tables. The layouts follow the
templates (two tables side by side, empty rows, 单位：元 or 万元, two-line
headers, 类/款/项 codes, the “三公”经费 table); bodies, figures and which rows
are filled are drawn at random, so no rule can be fitted to one report. The set
is split like the others (splits.json): reports 03, 06, 09 are measured only.
"""

from __future__ import annotations

import json
import random
import re
from datetime import datetime
from dataclasses import dataclass, field
from pathlib import Path

from .synthetic import DEPARTMENTS, _names

FONT = "STSong-Light"
OUT = Path(__file__).parent / "tables"
SHORT = {"人力资源和社会保障局": "人社局", "住房和城乡建设局": "住建局", "文化广电旅游局": "文旅局",
         "卫生健康局": "卫健局", "农业农村局": "农业农村局", "交通运输局": "交通局"}

INCOME = ["一、一般公共预算财政拨款收入", "二、政府性基金预算财政拨款收入", "三、国有资本经营预算财政拨款收入",
          "四、上级补助收入", "五、事业收入", "六、经营收入", "七、附属单位上缴收入", "八、其他收入"]
FUNCTIONS = [  # 类 code, name, its 款 and 项 (code, name)
    ("201", "一般公共服务支出", [("20103", "政府办公厅（室）及相关机构事务"), ("2010301", "行政运行"),
                                   ("2010350", "事业运行")]),
    ("205", "教育支出", [("20502", "普通教育"), ("2050201", "学前教育")]),
    ("207", "文化旅游体育与传媒支出", [("20701", "文化和旅游"), ("2070109", "群众文化")]),
    ("208", "社会保障和就业支出", [("20805", "行政事业单位养老支出"), ("2080505", "机关事业单位基本养老保险缴费支出"),
                                     ("2080506", "机关事业单位职业年金缴费支出")]),
    ("210", "卫生健康支出", [("21011", "行政事业单位医疗"), ("2101101", "行政单位医疗")]),
    ("212", "城乡社区支出", [("21201", "城乡社区管理事务"), ("2120199", "其他城乡社区管理事务支出")]),
    ("213", "农林水支出", [("21307", "农村综合改革"), ("2130705", "对村民委员会和村党支部的补助")]),
    ("221", "住房保障支出", [("22102", "住房改革支出"), ("2210201", "住房公积金")]),
]
SANGONG = ["合计", "1.因公出国（境）费", "2.公务用车购置及运行费", "（1）公务用车购置费", "（2）公务用车运行费",
           "3.公务接待费"]
ASK_AMOUNT = ["{b}{y}年{l}是多少？", "{b}{l}多少钱", "{b}{y}年的{l}有多少？", "{l}，{b}{y}年是多少", "{b}{y}年{l}一共多少"]
UNANSWERABLE = ["{b}{y}年政府采购支出总额是多少？", "{b}{y}年末固定资产总额多少？", "{b}{y}年实有在职人数是多少？",
                "{b}{y}年国有资产总额多少？", "{b}{y}年公务用车保有量有几辆？"]


@dataclass
class Body:
    number: int
    region: str
    department: str
    year: int
    kind: str  # 决算 or 预算
    unit: str  # of the summary table: 元 or 万元
    fmt: str  # pdf or xlsx
    questions: list[dict] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.region + self.department

    def mention(self, rng: random.Random) -> str:
        short = SHORT.get(self.department)
        return self.region + short if short and rng.random() < 0.6 else self.name

    @property
    def file(self) -> str:
        return f"{self.number:02d}_{self.region}{self.department}{self.year}年{self.kind}.{self.fmt}"


def _amount(rng: random.Random, low: float, high: float) -> float:
    return round(rng.uniform(low, high), 2)


def _written(value: float) -> str:
    return f"{value:,.2f}"


def sheet_value(x: str):
    """A figure cell as a number (so the sheet formats it), anything else as text."""
    return float(x.replace(",", "")) if re.fullmatch(r"-?[\d,]+\.\d+", x or "") else x


Header = list[tuple[list[str], list[tuple[int, int]]]]  # header rows: cells, and the runs [first, end) merged


def add_sheet(book, name: str, title: str, width: int, above: list[list[str]], header: Header,
              rows: list, after: list[list[str]] = ()) -> None:
    """One table as a sheet of a workbook: its title over merged cells, the lines above it (the table's number,
    the body and the unit), its header rows with their merged headings, its rows (figures as numbers shown
    #,##0.00), then any note under it."""
    sheet = book.create_sheet(name)
    sheet.append([title] + [""] * (width - 1))
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    for line in above:
        sheet.append(line)
    for cells, runs in header:
        sheet.append(cells)
        for a, b in runs:
            sheet.merge_cells(start_row=sheet.max_row, start_column=a + 1, end_row=sheet.max_row, end_column=b)
    for cells in rows:
        sheet.append([sheet_value(c) for c in cells])
    for line in after:
        sheet.append(line)
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, float):
                cell.number_format = "#,##0.00"


def add_word_table(document, header: Header, rows: list) -> None:
    """One table of a Word file: its header rows with their headings merged over the runs they span, its rows."""
    table = document.add_table(rows=len(header) + len(rows), cols=len((header or [(rows[0], [])])[0][0]))
    table.style = "Table Grid"
    for r, (cells, runs) in enumerate(header):
        for k, text in enumerate(cells):
            table.cell(r, k).text = text
        for a, b in runs:
            table.cell(r, a).merge(table.cell(r, b - 1)).text = cells[a]
    for r, cells in enumerate(rows, start=len(header)):
        for k, text in enumerate(cells):
            table.cell(r, k).text = text


class Tables:
    """A report's tables as rows of cells, and the questions they answer."""

    def __init__(self, body: Body, rng: random.Random):
        self.body, self.rng = body, rng
        self.pages: list[tuple[str, str, list[tuple], list[tuple]]] = []  # title, unit, header rows, body rows
        self.prose: list[str] = []

    def ask(self, label: str, value: float, unit: str, template: str | None = None, kind: str = "number") -> None:
        b, y = self.body.mention(self.rng), self.body.year
        text = (template or self.rng.choice(ASK_AMOUNT)).format(b=b, y=y, l=label)
        answer = f"{_written(value)}{unit}" if kind == "number" else f"{value:.2f}%"
        self.body.questions.append({"question": text, "doc": self.body.file, "answer": answer, "answer_type": kind,
                                    "evidence": _written(value), "notes": "generated from the table"})

    def summary(self, scale: float) -> dict[str, float]:
        """收入支出决算总表 / 收支预算总表: income and expenditure side by side."""
        rng, unit, year_word = self.rng, self.body.unit, "决算数" if self.body.kind == "决算" else "预算数"
        income = {INCOME[0]: round(rng.uniform(500, 3000) * scale, 2)}
        for label in rng.sample(INCOME[1:], 2):
            income[label] = round(rng.uniform(5, 300) * scale, 2)
        total = round(sum(income.values()), 2)
        functions = rng.sample(FUNCTIONS, 5)
        shares = [rng.uniform(0.05, 1) for _ in functions]
        spend = {f[1]: round(total * 0.97 * s / sum(shares), 2) for f, s in zip(functions, shares)}
        rows, left, right = [], [x for x in INCOME], [f"{_cn(i + 1)}、{f[1]}" for i, f in enumerate(FUNCTIONS)]
        for i in range(max(len(left), len(right))):
            l = left[i] if i < len(left) else ""
            r = right[i] if i < len(right) else ""
            lv = _written(income[l]) if l in income else ""
            rname = r.split("、", 1)[-1]
            rv = _written(spend[rname]) if rname in spend else ""
            rows.append((l, lv, r, rv))
        spent = round(sum(spend.values()), 2)
        carry_in = round(rng.uniform(0, 50) * scale, 2)
        carry_out = round(total + carry_in - spent, 2)
        rows += [("本年收入合计", _written(total), "本年支出合计", _written(spent)),
                 ("使用非财政拨款结余", "", "结余分配", ""),
                 ("年初结转和结余", _written(carry_in), "年末结转和结余", _written(carry_out)),
                 ("总计", _written(round(total + carry_in, 2)), "总计", _written(round(total + carry_in, 2)))]
        title = "收入支出决算总表" if self.body.kind == "决算" else "收支预算总表"
        header = [("收入", "", "支出", ""), ("项目", year_word, "项目", year_word)]
        if self.body.kind == "决算" and self.body.number % 2:
            # the national 决算 template numbers its rows (行次) and columns (栏次): numbers that are no figures
            header = [("收入", "", "", "支出", "", ""), ("项目", "行次", year_word, "项目", "行次", year_word),
                      ("栏次", "", "1", "栏次", "", "2")]
            rows = [(l, str(n) if l else "", lv, r, str(n + 30) if r else "", rv)
                    for n, (l, lv, r, rv) in enumerate(rows, 1)]
        self.pages.append((title, unit, header, rows))
        for label in rng.sample(list(income), 2):
            self.ask(label.split("、", 1)[1], income[label], unit)
        for name in rng.sample(list(spend), 2):
            self.ask(name, spend[name], unit)
        self.ask("本年收入合计", total, unit, rng.choice(["{b}{y}年本年收入合计多少？", "{b}{y}年本年收入合计是多少"]))
        self.ask("本年支出合计", spent, unit, rng.choice(["{b}{y}年本年支出合计多少？", "{b}本年支出合计是多少"]))
        if self.body.kind == "决算":
            self.ask("年末结转和结余", carry_out, unit, rng.choice(["{b}{y}年年末结转和结余多少？", "{b}{y}年底结转结余是多少"]))
        return {"income": total, "spent": spent, "functions": functions, "spend": spend}

    def by_function(self, summary: dict, scale: float) -> None:
        """一般公共预算财政拨款支出决算表 / 一般公共预算支出预算表: 类/款/项 with 合计, 基本支出, 项目支出 (万元)."""
        rng, unit = self.rng, "万元"
        rows = []
        asked = []
        for code, name, parts in summary["functions"]:
            total = round(summary["spend"][name] / scale, 2)
            basic = round(total * rng.uniform(0.3, 0.9), 2)
            rows.append((code, name, _written(total), _written(basic), _written(round(total - basic, 2))))
            kuan = [p for p in parts if len(p[0]) == 5][0]
            xiang = [p for p in parts if len(p[0]) == 7]
            rows.append((kuan[0], kuan[1], _written(total), _written(basic), _written(round(total - basic, 2))))
            left_basic, left_project = basic, round(total - basic, 2)
            for k, (xcode, xname) in enumerate(xiang):
                last = k == len(xiang) - 1
                b = left_basic if last else round(left_basic * rng.uniform(0.3, 0.8), 2)
                p = left_project if last else round(left_project * rng.uniform(0, 0.5), 2)
                left_basic, left_project = round(left_basic - b, 2), round(left_project - p, 2)
                rows.append((xcode, xname, _written(round(b + p, 2)), _written(b) if b else "",
                             _written(p) if p else ""))
                asked.append((xname, b, p))
        title = "一般公共预算财政拨款支出决算表" if self.body.kind == "决算" else "一般公共预算支出预算表"
        header = [("项目", "", "本年支出" if self.body.kind == "决算" else "本年预算", "", ""),
                  ("科目编码", "科目名称", "合计", "基本支出", "项目支出")]
        self.pages.append((title, unit, header, rows))
        for xname, b, p in rng.sample(asked, 2):
            column, value = ("基本支出", b) if b and (not p or rng.random() < 0.5) else ("项目支出", p)
            if value:
                self.ask(f"{xname}{column}", value, unit,
                         rng.choice(["{b}{y}年{l}是多少？", "{b}“{l}”多少", "{b}{y}年{l}花了多少"]))

    def sangong(self) -> None:
        """“三公”经费支出表: 预算数 and 决算数 (预算: 上年预算数 and 本年预算数), 万元."""
        rng, unit = self.rng, "万元"
        abroad = _amount(rng, 0, 5) if rng.random() < 0.4 else 0.0
        buy = _amount(rng, 10, 30) if rng.random() < 0.3 else 0.0
        run = _amount(rng, 2, 20)
        host = _amount(rng, 0.5, 8)
        values = [round(abroad + buy + run + host, 2), abroad, round(buy + run, 2), buy, run, host]
        other = [round(v * rng.uniform(0.8, 1.2), 2) for v in values]
        if self.body.kind == "决算":
            columns, rows = ("项目", "预算数", "决算数"), [(l, _written(o), _written(v)) for l, v, o in
                                                         zip(SANGONG, values, other)]
            title = "财政拨款“三公”经费支出决算表"
        else:
            columns, rows = ("项目", "上年预算数", "本年预算数"), [(l, _written(o), _written(v)) for l, v, o in
                                                                 zip(SANGONG, values, other)]
            title = "财政拨款“三公”经费预算表"
        rows = [tuple(c if c != "0.00" else "" for c in r) for r in rows]
        self.pages.append((title, unit, [columns], rows))
        word = "决算" if self.body.kind == "决算" else "预算"
        self.ask("“三公”经费", values[0], unit, rng.choice(["{b}{y}年“三公”经费" + word + "多少？",
                                                          "{b}{y}年三公经费" + word + "数是多少"]))
        self.ask("公务接待费", host, unit, rng.choice(["{b}{y}年公务接待费" + word + "是多少？", "{b}公务接待费花了多少"
                                                   if word == "决算" else "{b}公务接待费预算安排了多少"]))
        self.ask("公务用车运行费", run, unit, "{b}{y}年公务用车运行费" + word + "多少")

    def explanation(self, summary: dict, scale: float) -> None:
        """A page of 说明 in 万元, agreeing with the tables."""
        b, y, rng = self.body, self.body.year, self.rng
        income = round(summary["income"] / scale, 2)
        spent = round(summary["spent"] / scale, 2)
        change = round(income * rng.uniform(-0.2, 0.2), 2)
        before = round(income - change, 2)
        running = _amount(rng, 30, 200)
        up = change >= 0
        word = "决算" if b.kind == "决算" else "预算"
        self.prose = [
            "一、部门基本情况",
            f"{b.name}是{b.region}人民政府工作部门，内设科室5个。",
            f"二、收入支出{word}总体情况说明",
            f"{y}年度收入合计{income:,.2f}万元，支出合计{spent:,.2f}万元。与{y - 1}年度相比，收入"
            f"{'增加' if up else '减少'}{abs(change):,.2f}万元，{'增长' if up else '下降'}{abs(change) / before * 100:.2f}%。",
            "三、机关运行经费情况说明",
            f"{y}年度机关运行经费{'支出' if word == '决算' else '预算'}{running:,.2f}万元，主要用于办公费、水电费、差旅费等。",
        ]
        self.ask("机关运行经费", running, "万元",
                 rng.choice(["{b}{y}年机关运行经费多少？", "{b}{y}年机关运行经费是多少", "{b}机关运行经费有多少钱"]))
        self.ask("收入变化", abs(change), "万元",
                 "{b}{y}年收入比上年" + ("增加了多少？" if up else "减少了多少？"))


def _cn(n: int) -> str:
    return "一二三四五六七八九十"[n - 1] if n <= 10 else "十" + "一二三四五六七八九"[n - 11]


def pdf_canvas(path: Path, landscape_page: bool = True):
    """A reportlab canvas with the CJK font registered; the same bytes on every run."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    size = landscape(A4) if landscape_page else A4
    return canvas.Canvas(str(path), pagesize=size, invariant=1), size


def draw_row(c, y: float, cols: list[float], cells, ruled: bool = True) -> None:
    """Cells as an Excel export draws them: labels left-aligned, figures right-aligned."""
    if ruled:
        c.line(cols[0], y + 12, cols[-1], y + 12)
    for i, cell in enumerate(cells):
        if not cell:
            continue
        if re.fullmatch(r"[\d,]+\.\d+", cell):
            c.drawRightString(cols[i + 1] - 4, y, cell)
        else:
            c.drawString(cols[i] + 4, y, cell)


def write_pdf(path: Path, tables: Tables) -> None:
    c, (w, h) = pdf_canvas(path)
    body = tables.body
    c.setFont(FONT, 16)
    c.drawCentredString(w / 2, h - 60, f"{body.name}{body.year}年度部门{body.kind}")
    c.setFont(FONT, 11)
    for n, line in enumerate(tables.prose):
        c.drawString(60, h - 100 - 22 * n, line)
    page = 1
    c.drawCentredString(w / 2, 30, f"- {page} -")
    c.showPage()
    for title, unit, header, rows in tables.pages:
        page += 1
        c.setFont(FONT, 16)
        c.drawCentredString(w / 2, h - 50, title)
        c.setFont(FONT, 9)
        c.drawString(40, h - 75, f"编制单位：{body.name}")
        c.drawRightString(w - 40, h - 75, f"单位：{unit}")
        n = len(header[0])
        widths = {6: [40, 250, 300, 400, 610, 660, w - 40], 5: [40, 120, 400, 520, 640, 760],
                  4: [40, 260, 360, 600, 700, w - 40], 3: [40, 400, 560, 720]}[n]
        y = h - 95
        for cells in header + rows:
            draw_row(c, y, widths, cells)
            y -= 18
        c.drawCentredString(w / 2, 30, f"- {page} -")
        c.showPage()
    c.save()


def write_xlsx(path: Path, tables: Tables) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.properties.created = book.properties.modified = datetime(2024, 1, 1)  # the same bytes on every run
    book.remove(book.active)
    sheet = book.create_sheet("说明")
    sheet.append([f"{tables.body.name}{tables.body.year}年度部门{tables.body.kind}"])
    for line in tables.prose:
        sheet.append([line])
    for title, unit, header, rows in tables.pages:
        sheet = book.create_sheet(title[:28])
        sheet.append([title])
        sheet.append([f"编制单位：{tables.body.name}"] + [""] * (len(header[0]) - 2) + [f"单位：{unit}"])
        for cells in header + rows:
            sheet.append([sheet_value(x) for x in cells])
        for r in sheet.iter_rows(min_row=3):
            for cell in r:
                if isinstance(cell.value, float):
                    cell.number_format = "#,##0.00"
    book.save(path)


KINDS = [("决算", "元", "pdf"), ("决算", "万元", "pdf"), ("预算", "万元", "pdf"), ("决算", "万元", "pdf"),
         ("预算", "万元", "xlsx"), ("决算", "元", "pdf"), ("预算", "万元", "pdf"), ("决算", "元", "pdf"),
         ("决算", "万元", "pdf")]


def generate(out: Path = OUT, seed: int = 11) -> list[dict]:
    rng = random.Random(seed)
    docs = out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for old in docs.iterdir():
        old.unlink()
    regions = _names(rng, len(KINDS))
    questions = []
    for number, ((kind, unit, fmt), region) in enumerate(zip(KINDS, regions), 1):
        body = Body(number, region, rng.choice(DEPARTMENTS), rng.randint(2020, 2024), kind, unit, fmt)
        tables = Tables(body, rng)
        scale = 10000.0 if unit == "元" else 1.0
        summary = tables.summary(scale)
        tables.by_function(summary, scale)
        tables.sangong()
        tables.explanation(summary, scale)
        for template in rng.sample(UNANSWERABLE, 2):
            body.questions.append({"question": template.format(b=body.mention(rng), y=body.year), "about": body.file,
                                   "answer": None, "answer_type": "not_in_corpus", "evidence": None,
                                   "notes": "the report states no such figure"})
        (write_pdf if fmt == "pdf" else write_xlsx)(docs / body.file, tables)
        for k, q in enumerate(body.questions, 1):
            questions.append({"id": f"t{number:02d}-{k:02d}", **q})
    with open(out / "questions.jsonl", "w", encoding="utf-8") as f:
        for q in questions:
            f.write(json.dumps(q, ensure_ascii=False) + "\n")
    return questions


if __name__ == "__main__":
    made = generate()
    print(f"{len(made)} questions over {len(KINDS)} reports in {OUT}")
