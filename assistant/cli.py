"""The `assistant` command: index, ask, chunks, eval, serve, bench."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def _settings(args):
    from index.config import Settings

    return Settings.from_env(model=getattr(args, "model", None))


def cmd_index(args) -> int:
    from index.build import build_index
    from index.store import IndexLoadError

    from index.config import default_index_dir

    from .api import BUNDLED_REPORTS

    index_dir = Path(args.index_dir) if args.index_dir else default_index_dir()
    paths = args.paths
    if not paths and not args.remove:
        if args.index_dir:
            print("error: give the files or folders to index", file=sys.stderr)
            return 2
        paths = [BUNDLED_REPORTS]  # `assistant index` alone: the bundled reports' index
    overrides = _overrides(args)
    if overrides and not args.paths:
        print("error: --body/--year/--kind/--region/--project set a report's identity: give its file", file=sys.stderr)
        return 2
    try:
        report = build_index(paths, index_dir, _settings(args), remove=args.remove or [], progress=_print_progress,
                             overrides=overrides)
    except (IndexLoadError, KeyError) as exc:
        print(f"error: {exc.args[0] if isinstance(exc, KeyError) else exc}", file=sys.stderr)
        return 2
    print(f"index: {index_dir}")
    print(report.summary())
    return 1 if report.skipped else 0  # a script can tell that a file was not indexed


def _print_progress(p) -> None:
    """Build progress on stderr: each file as it is read, embedding as chunks are done, saving."""
    tty = sys.stderr.isatty()
    if p.stage == "reading":
        print(f"[{p.done}/{p.total}] reading {p.name}", file=sys.stderr, flush=True)
    elif p.stage == "embedding" and (tty or p.done == p.total or p.done % 256 < 16):
        end = "\n" if p.done == p.total or not tty else ""
        print(f"\rembedding {p.done}/{p.total} chunks", end=end, file=sys.stderr, flush=True)
    elif p.stage == "saving":
        print("saving the index", file=sys.stderr, flush=True)


def _overrides(args) -> dict:
    return {k: str(v) for k in ("body", "year", "kind", "region", "project")
            if (v := getattr(args, k, None)) not in (None, "")}


def cmd_ask(args) -> int:
    from index.config import default_index_dir

    from . import remote

    index_dir = Path(args.index_dir) if args.index_dir else default_index_dir()
    url = None if args.explain or args.local else remote.server_for(index_dir)
    if url:
        try:
            answer = remote.ask(url, args.question)
        except OSError as exc:
            print(f"note: the server at {url} did not answer ({exc}); loading the index here", file=sys.stderr)
            url = None
    if url:
        print(f"（由运行中的服务 {url} 回答）", file=sys.stderr)
    else:
        from .api import Assistant

        assistant = Assistant.load(args.index_dir)
        answer = assistant.ask(args.question, explain=args.explain)
    fmt = "json" if args.json else args.format
    if fmt == "docx" or args.out:
        target = _write_answers([answer], fmt, args.out)
        print(f"written to {target}", file=sys.stderr)
    else:
        print(_formatted(answer, fmt))
    if args.explain and not url:
        print("\n候选答案（排序模型打分，阈值 %.3f）：" % assistant.answerer.ranker.threshold if assistant.answerer.ranker else "")
        print(answer.explain_text())
    return 0


def _formatted(answer, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(answer.to_dict(), ensure_ascii=False, indent=1)
    if fmt == "md":
        from .export import to_markdown

        return to_markdown([answer])
    return answer.to_text()


def _write_answers(answers: list, fmt: str, out: str | None) -> Path:
    """Answers with their citations to a file: Word for docx, else the text format asked."""
    from .export import to_docx, to_markdown

    target = Path(out or ("问答记录.docx" if fmt == "docx" else "问答记录.md"))
    if fmt == "docx":
        to_docx(answers, target)
    elif fmt == "md" or len(answers) > 1:
        target.write_text(to_markdown(answers), encoding="utf-8")
    else:
        target.write_text(_formatted(answers[0], fmt) + "\n", encoding="utf-8")
    return target


def cmd_chat(args) -> int:
    """Questions from the terminal, one per line, with the model loaded once and the
    conversation's history kept (follow-ups like 那花都区呢？ work); an empty line,
    退出 or exit ends it. --out writes the session's answers (Word or Markdown)."""
    from .api import Assistant

    assistant = Assistant.load(args.index_dir)
    history: list[str] = []
    answers = []
    interactive = sys.stdin.isatty()
    print("输入问题，回车提问；空行或“退出”结束。", file=sys.stderr)
    while True:
        if interactive:
            print("问：", end="", file=sys.stderr, flush=True)
        line = sys.stdin.readline()
        question = line.strip()
        if not line or not question or question in ("退出", "exit", "quit"):
            break
        answer = assistant.ask(question, history=history)
        if answer.kind != "invalid":
            history.append(answer.resolved_question or question)
        answers.append(answer)
        print(answer.to_text() + "\n", flush=True)
    if args.out and answers:
        target = _write_answers(answers, "docx" if args.out.lower().endswith(".docx") else "md", args.out)
        print(f"{len(answers)} answers written to {target}", file=sys.stderr)
    return 0


def cmd_chunks(args) -> int:
    from index.chunk import chunk_document
    from index.document import load_document
    from index.load import LoadError

    settings = _settings(args)
    status = 0
    for path in args.files:
        try:
            doc = load_document(path)
        except LoadError as err:
            print(f"error: {err}", file=sys.stderr)
            status = 2
            continue
        chunks = chunk_document(doc, settings.chunk_size, settings.chunk_overlap)
        print(f"file:    {doc.name}    id: {doc.doc_id}")
        for key in ("title", "body", "year", "kind", "project", "parent"):
            print(f"{key + ':':8} {_field(doc, key)}")
        print(f"{'region:':8} {' > '.join(doc.regions) or '（未识别）'}")
        print(f"{'names:':8} {'、'.join(doc.names[:12]) or '（无）'}")
        print(f"pages: {len(doc.page_starts)}    characters: {len(doc.text)}    chunks: {len(chunks)}")
        counts: dict[str, int] = {}
        for c in chunks:
            counts[c.section] = counts.get(c.section, 0) + 1
        print("sections:")
        if counts.get("（标题与前言）"):
            print(f"  （标题与前言）  [{counts['（标题与前言）']}]")
        for s in doc.sections:
            print(f"  {'  ' * (s.level - 1)}{s.heading}  [{counts.get(s.path, 0)}]")
        if args.show:
            for c in chunks:
                print(f"--- {c.chunk_id} · {c.section} · p.{c.page_start} · [{c.start}:{c.end}]\n{c.text}")
        print()
    return status


def _field(doc, key: str) -> str:
    """A field's value and where it was read: the text (offsets and the words) or elsewhere."""
    p = doc.provenance.get(key) or {}
    value = p.get("value") or ""
    if not value:
        return "（未识别）"
    if p.get("start", -1) >= 0:
        quote = doc.text[p["start"] : p["end"]].replace("\n", " ")
        return f"{value}    ← {p.get('source') or '正文'} [{p['start']}:{p['end']}] 「{quote[:40]}」"
    return f"{value}    ← {p.get('source') or '?'}"


def cmd_show(args) -> int:
    """The original at a cited place: a PDF page as a PNG with the span marked, or
    the text around the span. Reads the index only (no model is loaded)."""
    from index.build import find_document
    from index.store import Index, IndexLoadError

    from index.config import default_index_dir

    from .original import OriginalError, is_pdf, render_page, text_context

    index_dir = Path(args.index_dir) if args.index_dir else default_index_dir()
    try:
        index = Index.load(index_dir)
        doc = index.documents[find_document(index.documents, args.doc, index_dir)]
    except (IndexLoadError, KeyError) as exc:
        print(f"error: {exc.args[0] if isinstance(exc, KeyError) else exc}", file=sys.stderr)
        return 2
    start = end = None
    if args.span:
        try:
            start, end = (int(x) for x in args.span.split(":"))
        except ValueError:
            print(f"error: --span wants START:END (character offsets), not '{args.span}'", file=sys.stderr)
            return 2
        if not 0 <= start < end <= len(doc.text):
            print(f"error: --span {args.span} is outside {doc.name} (0:{len(doc.text)})", file=sys.stderr)
            return 2
    page = args.page or (doc.page_at(start) if start is not None else 1)
    quote = doc.text[start:end] if start is not None else ""
    if not is_pdf(doc):
        if start is None:
            first, last = doc.page_starts[page - 1], (doc.page_starts + [len(doc.text)])[page]
            print(doc.text[first:last])
        else:
            before, quote, after = text_context(doc, start, end)
            print(f"{before}【{quote}】{after}")
        return 0
    try:
        image = render_page(doc.path, page, quote, args.out)
    except OriginalError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    marked = f", the quote marked ({image.marked} boxes)" if quote else ""
    if quote and not image.marked:
        marked = ", the quote was not found on this page"
    print(f"{image.path}: {doc.name} page {image.page}{marked}")
    return 0


def cmd_facts(args) -> int:
    """Every figure read from each report (index/facts.py): table cells with their
    label path, prose figures with their clause, and the 自评表 funds grid."""
    from index.document import load_document
    from index.facts import extract_facts
    from index.load import LoadError

    from .grid import read_grids

    status = 0
    for path in args.files:
        try:
            doc = load_document(path)
        except LoadError as err:
            print(f"error: {err}", file=sys.stderr)
            status = 2
            continue
        facts = extract_facts(doc)
        print(f"file: {doc.name}    body: {doc.body or '（未识别）'}    year: {doc.year or '（未识别）'}    "
              f"facts: {len(facts)}")
        for f in facts:
            if args.source and f.source != args.source:
                continue
            converted = f"（{f.in_wan()}）" if f.in_wan() else ""
            print(f"  p{f.page} [{f.start}:{f.end}] {f.path()} = {f.as_written()}{converted}  · {f.kind} · {f.period}")
        for row in read_grids(doc.doc_id, doc.text):
            cells = "；".join(f"{c} {v}" for c, v in row.values.items())
            print(f"  [{row.start}:{row.end}] 自评表 年度资金总额（{row.unit}）：{cells}")
    return status


def cmd_check(args) -> int:
    """Self-contradictions of each report: rates its own amounts do not give."""
    from index.document import load_document
    from index.load import LoadError

    from .check import check

    status = 0
    for path in args.files:
        try:
            doc = load_document(path)
        except LoadError as err:
            print(f"error: {err}", file=sys.stderr)
            status = 2
            continue
        findings = check(doc)
        for f in findings:
            print(f.to_text(doc.text))
        if not findings:
            print(f"{doc.name}：未发现执行率或增长率与报告自身数字不符之处")
    return status


def cmd_eval(args) -> int:
    from eval.run import format_split_table, format_table, run_eval, run_split

    if args.routing:
        from eval.routing import run_routing

        result = run_routing()
        print(f"routing accuracy {result['accuracy']:.3f} over {result['questions']} questions, {result['reports']} reports")
        for kind, value in result["by_kind"].items():
            print(f"  {kind:14} {value:.3f}")
        for failure in result["failures"]:
            print("  failed:", *failure)
        return 0
    if args.split:
        rows = run_split(args.split, args.baseline == "naive", args.out)
        if not rows:
            print("error: none of the question sets in eval/questions/splits.json is present", file=sys.stderr)
            return 2
        if args.json:
            print(json.dumps({name: [r.row() for r in reports] for name, reports in rows}, ensure_ascii=False, indent=1))
        else:
            print(format_split_table(rows))
        return 0
    if not args.questions or (not args.index_dir and not args.docs):
        print("error: give QUESTIONS.jsonl with --index-dir DIR or --docs PATH..., or --split dev|test", file=sys.stderr)
        return 2
    reports = run_eval(args.questions, args.index_dir, args.docs, args.baseline == "naive", args.out)
    if args.json:
        print(json.dumps([r.row() for r in reports], ensure_ascii=False, indent=1))
    else:
        print(format_table(reports))
    return 0


def cmd_serve(args) -> int:
    from ui.app import serve

    serve(index_dir=args.index_dir, host=args.host, port=args.port)
    return 0


def cmd_bench(args) -> int:
    from eval.bench import main as bench_main

    return bench_main(args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="assistant", description="Cited answers from Chinese budget and performance reports.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("index", help="add new and changed files to an index")
    p.add_argument("paths", nargs="*", help="files or folders (.pdf .docx .xlsx .xls .html .txt .md)")
    p.add_argument("--index-dir", help="index directory (default: the bundled reports' index)")
    p.add_argument("--model", help="sentence-transformers model name or path")
    p.add_argument("--remove", action="append", metavar="DOC", help="remove a report (its id, file name or path)")
    p.add_argument("--body", help="the issuing body, when the report does not say it clearly (full name)")
    p.add_argument("--year", help="the fiscal year (not the publication date)")
    p.add_argument("--kind", help="the kind of report, e.g. 部门决算")
    p.add_argument("--region", help="the region chain, e.g. 广东省>广州市>花都区")
    p.add_argument("--project", help="the project, for a project report")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("ask", help="ask one question")
    p.add_argument("question")
    p.add_argument("--index-dir")
    p.add_argument("--json", action="store_true", help="print the answer as JSON")
    p.add_argument("--explain", action="store_true", help="also show the top candidates with their feature values")
    p.add_argument("--format", choices=["text", "json", "md", "docx"], default="text",
                   help="text (default), json (the eval contract), md, or docx (a Word table of the citations)")
    p.add_argument("--out", metavar="FILE", help="write the answer to FILE instead of printing it (docx: default 问答记录.docx)")
    p.add_argument("--local", action="store_true",
                   help="load the index here even when a running `assistant serve` holds it (it answers otherwise)")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("chat", help="ask one question after another with the model loaded once, follow-ups included")
    p.add_argument("--index-dir")
    p.add_argument("--out", metavar="FILE", help="write the session's answers with their citations (.docx, else Markdown)")
    p.set_defaults(func=cmd_chat)

    p = sub.add_parser("chunks", help="show how files are read: metadata, sections, chunks")
    p.add_argument("files", nargs="+")
    p.add_argument("--show", action="store_true", help="print every chunk")
    p.set_defaults(func=cmd_chunks)

    p = sub.add_parser("show", help="the original at a cited place: a PDF page as a PNG with the quote marked, or the text around it")
    p.add_argument("doc", help="the report: its id, file name or path")
    p.add_argument("--page", type=int, help="the page (1-based); default: the page of --span, else 1")
    p.add_argument("--span", help="START:END, the character offsets of a citation: marked on the page")
    p.add_argument("--out", help="the PNG to write (default: NAME-pPAGE.png here)")
    p.add_argument("--index-dir")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("facts", help="list every figure read from a report (tables and text), with its label path and span")
    p.add_argument("files", nargs="+")
    p.add_argument("--source", choices=["table", "text"], help="only the figures read from tables, or from text")
    p.set_defaults(func=cmd_facts)

    p = sub.add_parser("check", help="list where a report contradicts its own figures")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("eval", help="score a question set (JSONL)")
    p.add_argument("questions", nargs="?", help="a question set (.jsonl); or use --split")
    p.add_argument("--split", choices=["dev", "test"],
                   help="the development or measurement split of seeds, dev and dev2 (eval/questions/splits.json)")
    p.add_argument("--routing", action="store_true",
                   help="routing accuracy on eval/questions/routing.jsonl over seeds, dev and dev2")
    p.add_argument("--index-dir")
    p.add_argument("--docs", nargs="+")
    p.add_argument("--out", help="write one JSON line per question")
    p.add_argument("--baseline", choices=["naive"], help="also run the naive baseline in the same run")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("serve", help="start the web UI")
    p.add_argument("--index-dir")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("bench", help="speed, memory and accuracy at scale")
    p.add_argument("--sizes", default="100", help="comma-separated corpus sizes, e.g. 100,1000")
    p.add_argument("--search-only-sizes", default="", help="sizes for search-only figures, e.g. 10000")
    p.add_argument("--out-dir", default="bench-out")
    p.add_argument("--seed", type=int, default=7)
    p.set_defaults(func=cmd_bench)

    args = parser.parse_args(argv)
    from index.errors import IndexLoadError

    try:
        return args.func(args)
    except IndexLoadError as exc:  # no index, or a damaged one, at the directory given: say so, exit 2
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
