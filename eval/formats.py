"""The same reports in the other formats users hold them in, asked the full set's questions again.

A district publishes a report as a PDF and often also as a Word file or a web page; its tables come as a
workbook; a report copied out of a PDF's text layer is a text file whose table rows are words and figures a
space apart. Each format's copies take the PDFs' places among the full set's other reports (eval/full), and
the questions about those reports are asked again. A workbook holds the tables only, so its 说明 questions
are refused there: what to watch in every row is the wrong-answer rate.

    python -m eval.formats      # one row per format: questions, accuracy, wrong, refused
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from .full_health_budget import TITLE as HEALTH
from .full_health_budget import write_health_budget_docx, write_health_budget_xlsx
from .full_national import TITLE as NATIONAL
from .full_national import write_national_docx, write_national_html, write_national_text, write_national_xlsx
from .full_ruled import TITLE as RULED
from .full_ruled import write_ruled_docx, write_ruled_xlsx
from .run import Report, run_eval

FULL = Path(__file__).parent / "full"


def _report_writers() -> dict[str, tuple[Callable, Callable]]:
    """The reports written by eval/full_report.py's `write_report`, by title: (Word writer, text writer)."""
    from .full_budgets import BUDGETS
    from .full_report import BODY, CONTENTS, EXPLANATIONS, OVERVIEW, TABLES, write_report_docx, write_report_text

    reports = [dict(body=BODY, title=f"{BODY}2022年度部门决算", contents=CONTENTS, overview=OVERVIEW,
                    tables_heading="第二部分  2022年度部门决算表", tables=TABLES, explanations=EXPLANATIONS), *BUDGETS]
    return {r["title"]: (lambda path, r=r: write_report_docx(path, **r), lambda path, r=r: write_report_text(path, **r))
            for r in reports}


def copies() -> dict[str, dict[str, Callable[[Path], Path]]]:
    """format → {title of the PDF it replaces: writer of the copy}."""
    others = _report_writers()
    return {
        "docx": {NATIONAL: write_national_docx, HEALTH: write_health_budget_docx, RULED: write_ruled_docx,
                 **{t: w[0] for t, w in others.items()}},
        "html": {NATIONAL: write_national_html},
        "xlsx (tables only)": {NATIONAL: write_national_xlsx, HEALTH: write_health_budget_xlsx, RULED: write_ruled_xlsx},
        "txt (text layer)": {NATIONAL: write_national_text, **{title: w[1] for title, w in others.items()}},
    }


SUFFIX = {"docx": ".docx", "html": ".html", "xlsx (tables only)": ".xlsx", "txt (text layer)": ".txt"}


def write_format(name: str, folder: Path) -> tuple[Path, Path]:
    """The full set's documents with this format's copies in their PDFs' places, and the questions about them
    (their `doc` renamed): (documents folder, questions file)."""
    docs = folder / "docs"
    if folder.exists():
        shutil.rmtree(folder)
    docs.mkdir(parents=True)
    replaced = copies()[name]
    for pdf in sorted((FULL / "docs").glob("*.pdf")):
        if pdf.stem in replaced:
            replaced[pdf.stem](docs / f"{pdf.stem}{SUFFIX[name]}")
        else:
            shutil.copy(pdf, docs / pdf.name)
    questions = folder / "questions.jsonl"
    with questions.open("w", encoding="utf-8") as out:
        for line in (FULL / "questions.jsonl").read_text(encoding="utf-8").splitlines():
            q = json.loads(line)
            about = json.dumps(q.get("doc"), ensure_ascii=False)
            if any(f"{title}.pdf" in about for title in replaced):
                for title in replaced:
                    about = about.replace(f"{title}.pdf", f"{title}{SUFFIX[name]}")
                out.write(json.dumps({**q, "doc": json.loads(about)}, ensure_ascii=False) + "\n")
    return docs, questions


def run_formats(work: Path) -> list[tuple[str, Report]]:
    """Every format's questions, each over its own index (built once per set of documents, then cached)."""
    out = []
    for name in copies():
        docs, questions = write_format(name, work / name.split()[0])
        out.append((name, run_eval(str(questions), docs=[str(docs)])[0]))
    return out


def table(rows: list[tuple[str, Report]]) -> str:
    lines = ["| format | questions | accuracy | wrong | refused |", "|---|---|---|---|---|"]
    for name, r in rows:
        lines.append(f"| {name} | {r.n} | {r.accuracy:.3f} | {r.wrong:.3f} | {r.refused:.3f} |")
    return "\n".join(lines)


def main() -> int:
    from index.config import cache_dir

    print(table(run_formats(cache_dir() / "eval-formats")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
