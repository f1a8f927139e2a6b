"""Answers taken away into working papers: a Word document (python-docx) or
Markdown, each answer with its citations — report, section, page, offsets and
the quoted words — so the paper can be checked against the reports later."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from .records import Answer

HEADERS = ["#", "报告", "章节", "页", "位置", "原文"]


def _where(c) -> list[str]:
    return [c.title or c.doc, c.section, str(c.page or ""), f"{c.doc} [{c.start}:{c.end}]"]


def to_markdown(answers: list[Answer]) -> str:
    lines = [f"# 问答记录（{datetime.now():%Y-%m-%d %H:%M}）", ""]
    for n, a in enumerate(answers, 1):
        lines += [f"## {n}. {a.question}", "", a.answer, ""]
        if a.resolved_question and a.resolved_question != a.question:
            lines += [f"（理解为：{a.resolved_question}）", ""]
        for k, c in enumerate(a.citations, 1):
            note = f"（{c.note}）" if c.note else ""
            title, section, page, where = _where(c)
            lines.append(f"[{k}] {title} · {section} · 第{page}页 · {where}{note}：「{' '.join(c.quote.split())}」")
        lines.append("")
    return "\n".join(lines)


def to_docx(answers: list[Answer], path: Path | str) -> Path:
    """One heading per question, the answer, then a table of its citations."""
    import docx

    document = docx.Document()
    document.add_heading(f"问答记录（{datetime.now():%Y-%m-%d %H:%M}）", level=1)
    for n, a in enumerate(answers, 1):
        document.add_heading(f"{n}. {a.question}", level=2)
        document.add_paragraph(a.answer)
        if not a.citations:
            continue
        table = document.add_table(rows=1, cols=len(HEADERS))
        table.style = "Table Grid"
        for cell, name in zip(table.rows[0].cells, HEADERS):
            cell.text = name
        for k, c in enumerate(a.citations, 1):
            row = table.add_row().cells
            quote = " ".join(c.quote.split()) + (f"（{c.note}）" if c.note else "")
            for cell, value in zip(row, [str(k), *_where(c), quote]):
                cell.text = value
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    document.save(str(tmp))
    tmp.replace(path)
    return path
