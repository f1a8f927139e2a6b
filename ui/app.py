"""The Gradio app: chat with cited answers, a sources panel, and the reports panel.

One `Assistant` is shared by every session (it is thread-safe); Gradio's queue
bounds how many questions run at once."""

from __future__ import annotations

import hashlib
import html
import os
import re
import shutil
from pathlib import Path

import gradio as gr

from assistant import Answer, Assistant
from assistant.original import OriginalError, is_pdf, render_page, text_context

EXAMPLES = [
    "荔湾区预算执行率是多少",
    "花都区老干部局2023年项目支出占比多少",
    "荔湾区存在的主要问题是什么",
    "两个区哪个项目支出更多",
    "那花都区呢？",
]
MAX_UPLOAD_MB = float(os.environ.get("ASSISTANT_MAX_UPLOAD_MB", "50"))
UPLOAD_SUFFIXES = {".pdf", ".docx", ".xlsx", ".xls", ".txt", ".md", ".html", ".htm"}
CONCURRENCY = int(os.environ.get("ASSISTANT_UI_CONCURRENCY", "2"))

# Gradio words its own controls ("Drop File Here") in the browser's language; our users read Chinese
# whatever their browser says. Once the page has loaded, Gradio's own locale switch (changeLocale, the
# one its settings panel uses) is called from the module the page already loaded.
LOCALE_JS = """() => {
  const core = performance.getEntriesByType('resource').map(e => e.name)
    .find(name => /\\/assets\\/core-[^/]*\\.js$/.test(name));
  if (core) import(core).then(m => m.changeLocale && m.changeLocale('zh-CN'));
}"""
# After an answer arrives the chat shows it, also when the chat was scrolled or hidden behind the
# 报告 tab meanwhile.
SCROLL_TO_NEWEST = """() => { setTimeout(() => {
  const bots = document.querySelectorAll('#chat .bot');
  if (bots.length) bots[bots.length - 1].scrollIntoView({block: 'nearest'});
}, 50); }"""

CSS = """
.sources mark { background: #ffe58a; padding: 0 1px; }
.source { border: 1px solid #e5e7eb; border-radius: 8px; padding: 8px 10px; margin-bottom: 8px; }
.source .where { color: #555; font-size: 0.85em; margin-bottom: 4px; }
.source.nearest { border-style: dashed; opacity: 0.85; }
.source .near { border-bottom: 1px dashed #888; }
table.documents { table-layout: fixed; width: 100%; border-collapse: collapse; font-size: 0.9em; }
table.documents th, table.documents td { white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
  padding: 4px 6px; border-bottom: 1px solid #e5e7eb; text-align: left; }
table.documents th:nth-child(1), table.documents td:nth-child(1) { width: 28%; }
table.documents th:nth-child(2), table.documents td:nth-child(2) { width: 24%; }
.source .passage { white-space: pre-wrap; line-height: 1.6; }
#original-text { white-space: pre-wrap; line-height: 1.6; max-height: 420px; overflow-y: auto; }
#original-text mark { background: #ffe58a; }
"""


def safe_upload_name(name: str) -> str:
    """A file name that cannot leave the uploads folder or hide its type."""
    base = Path(name.replace("\\", "/")).name
    base = re.sub(r"[^\w.\-\u3400-\u9fff（）()]+", "_", base).lstrip(".") or "upload"
    return base[:120]


def render_sources(assistant: Assistant, answer: dict | None) -> str:
    if not answer or not answer.get("citations"):
        return "<p>回答的出处会显示在这里：报告、章节、页码和被引用的原文。</p>"
    parts = []
    index = assistant.index
    for n, c in enumerate(answer["citations"], 1):
        doc = index.documents.get(c.get("doc_id", ""))
        passage_start, passage_end = c["start"], c["end"]
        if doc is not None:  # show the quote inside its passage, highlighted
            rows = index.rows_of_doc.get(doc.doc_id, [])
            chunk = next((index.chunks[r] for r in rows if index.chunks[r].start <= c["start"] and c["end"] <= index.chunks[r].end), None)
            if chunk:
                passage_start, passage_end = chunk.start, chunk.end
            text = doc.text
        else:
            text = c["quote"]
            passage_start, passage_end = 0, len(text)
        before = html.escape(text[passage_start : c["start"]]) if doc else ""
        quote = html.escape(c["quote"])
        after = html.escape(text[c["end"] : passage_end]) if doc else ""
        page = f" · 第 {c['page']} 页" if c.get("page") else ""
        note = f" · <b>{html.escape(c['note'])}</b>" if c.get("note") else ""
        # what only came nearest is not marked like a quote that answers
        cls, marked = ("source nearest", f"<span class='near'>{quote}</span>") if c.get("note") else ("source", f"<mark>{quote}</mark>")
        parts.append(
            f"<div class='{cls}'><div class='where'>[{n}] {html.escape(c['title'])} · {html.escape(c['section'])}{page}{note}</div>"
            f"<div class='passage'>{before}{marked}{after}</div></div>"
        )
    return "<div class='sources'>" + "".join(parts) + "</div>"


def original_choices(answer: dict | None) -> list[tuple[str, int]]:
    """One choice per citation of the answer shown: "[1] 第3页"."""
    return [(f"[{n}]" + (f" 第{c['page']}页" if c.get("page") else ""), n - 1)
            for n, c in enumerate((answer or {}).get("citations") or [], 1)]


def show_original(assistant: Assistant, answer: dict | None, n: int | None):
    """The original of citation n: a PDF page image with the quote marked (rendered
    once into the index's pages/ folder), or the text around the quote."""
    hidden = gr.update(value=None, visible=False)
    citations = (answer or {}).get("citations") or []
    if n is None or not 0 <= n < len(citations):
        return hidden, gr.update(value="", visible=False)
    c = citations[n]
    doc = assistant.index.documents.get(c.get("doc_id", ""))
    if doc is None:
        return hidden, gr.update(value="<p>这份报告已不在索引中。</p>", visible=True)
    if not is_pdf(doc):
        before, quote, after = (html.escape(x) for x in text_context(doc, c["start"], c["end"], lines=8))
        return hidden, gr.update(value=f"<div>{before}<mark>{quote}</mark>{after}</div>", visible=True)
    out = assistant.index_dir / "pages" / f"{doc.doc_id}-p{c['page']}-{c['start']}-{c['end']}.png"
    try:
        if not out.exists():
            render_page(doc.path, c["page"], c["quote"], out)
    except OriginalError as exc:
        return hidden, gr.update(value=f"<p>{html.escape(str(exc))}</p>", visible=True)
    return gr.update(value=str(out), visible=True), gr.update(value="", visible=False)


def chat_text(answer: Answer) -> str:
    refs = " ".join(f"[{n}]" for n in range(1, len(answer.citations) + 1))
    return f"{answer.answer}\n\n{refs}" if refs else answer.answer


DOCUMENT_COLUMNS = ["文件", "单位", "年度", "类型", "页数", "段落数", "数字", "编号"]


def documents_table(assistant: Assistant) -> list[list]:
    """One row per indexed report; 数字 counts the figures read from its tables and text."""
    rows = []
    index = assistant.index
    for doc_id, doc in index.documents.items():
        chunks = len(index.rows_of_doc.get(doc_id, []))
        rows.append([doc.name, doc.body or doc.title, doc.year or "", doc.kind, len(doc.page_starts), chunks,
                     len(index.facts.get(doc_id, [])), doc_id])
    return rows


def documents_html(assistant: Assistant) -> str:
    """The reports as a table whose long names end in an ellipsis, shown whole on hover,
    so every column stays on screen."""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in DOCUMENT_COLUMNS)
    body = "".join("<tr>" + "".join(f"<td title='{html.escape(str(v), quote=True)}'>{html.escape(str(v))}</td>" for v in row)
                   + "</tr>" for row in documents_table(assistant))
    empty = "" if body else f"<tr><td colspan='{len(DOCUMENT_COLUMNS)}'>还没有报告，请在下方上传。</td></tr>"
    return f"<table class='documents'><thead><tr>{head}</tr></thead><tbody>{body or empty}</tbody></table>"


def build_app(assistant: Assistant) -> gr.Blocks:
    uploads = assistant.index_dir / "uploads"

    def doc_choices():
        return [(f"{d.body or d.title}（{d.year or '?'}）· {d.name}", doc_id) for doc_id, d in assistant.index.documents.items()]

    def on_question(question, messages, history, answers, selected_docs):
        question = (question or "").strip()
        answer = assistant.ask(question, history=history, doc_ids=selected_docs or None)
        result = answer.to_dict()
        messages = messages + [{"role": "user", "content": question or "（空问题）"},
                               {"role": "assistant", "content": chat_text(answer)}]
        history = history + [answer.resolved_question or question] if answer.kind != "invalid" else history
        answers = answers + [result]
        return ("", messages, history, answers, render_sources(assistant, result), result,
                gr.update(choices=original_choices(result), value=None))

    def select_message(answers, evt: gr.SelectData):
        index = evt.index if isinstance(evt.index, int) else (evt.index[0] if evt.index else 0)
        n = index // 2
        chosen = answers[n] if 0 <= n < len(answers) else None
        return render_sources(assistant, chosen), chosen, gr.update(choices=original_choices(chosen), value=None)

    def clear():
        return [], [], [], render_sources(assistant, None), None, gr.update(choices=[], value=None)

    def upload(files, progress=gr.Progress()):
        if not files:
            return "请选择要上传的 PDF、DOCX、XLSX 或 TXT 文件。", documents_html(assistant), gr.update(), None
        uploads.mkdir(parents=True, exist_ok=True)
        messages, accepted = [], []
        for f in files:
            src = Path(f if isinstance(f, str) else f.name)
            name = safe_upload_name(getattr(f, "orig_name", None) or src.name)
            size_mb = src.stat().st_size / 1e6
            if Path(name).suffix.lower() not in UPLOAD_SUFFIXES:
                messages.append(f"【未加入】{name}：不支持的文件类型（请上传 PDF、DOCX、XLSX、TXT）")
                continue
            if size_mb > MAX_UPLOAD_MB:
                messages.append(f"【未加入】{name}：文件过大（{size_mb:.1f} MB，上限 {MAX_UPLOAD_MB:.0f} MB）")
                continue
            digest = hashlib.sha256(src.read_bytes()).hexdigest()[:12]
            target = uploads / digest / name  # two reports with one name stay two files
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, target)
            accepted.append(target)
        if accepted:
            def show(p):
                if p.stage == "reading":
                    progress(0.3 * (p.done - 1) / p.total, desc=f"读取第 {p.done}/{p.total} 份：{p.name}")
                elif p.stage == "embedding":
                    progress(0.3 + 0.6 * p.done / p.total, desc=f"嵌入段落 {p.done}/{p.total}")
                else:
                    progress(0.95, desc="保存索引")

            report = assistant.add_files(accepted, progress=show)
            progress(1.0, desc="完成")
            for err in report.skipped:
                Path(err.path).unlink(missing_ok=True)  # keep only what was indexed
                messages.append(f"【未加入】{Path(err.path).name}：{err.reason}（已有索引未受影响）")
            for name in report.added + report.updated:
                messages.append(f"【已加入】{name}：已加入索引，可以提问了")
            for name in report.unchanged:
                messages.append(f"【未变】{name}：内容未变，无需重新索引")
            for path, same in report.duplicates:
                messages.append(f"【重复】{Path(path).name}：与已索引的 {same} 内容相同，只保留一份")
            messages.append(f"共 {report.documents} 份报告，{report.chunks} 个段落；本次嵌入 {report.embedded} 个段落，用时 {report.seconds:.1f} 秒。")
        return "\n\n".join(messages), documents_html(assistant), gr.update(choices=doc_choices()), None

    def remove(doc_ids):
        if not doc_ids:
            return "请先选择要移除的报告。", documents_html(assistant), gr.update(), gr.update()
        report = assistant.add_files([], remove=list(doc_ids))
        message = "\n\n".join(f"【已移除】{name}：不再参与问答" for name in report.removed)
        choices = doc_choices()
        return message, documents_html(assistant), gr.update(choices=choices, value=[]), gr.update(choices=choices, value=[])

    def export(answers):
        """The conversation's answers with their citations, as a Word document to download."""
        if not answers:
            return gr.update(value=None, visible=False), "还没有可导出的问答。"
        from datetime import datetime

        from assistant.export import to_docx

        out = assistant.index_dir / "exports" / f"问答记录-{datetime.now():%Y%m%d-%H%M%S}.docx"
        out.parent.mkdir(parents=True, exist_ok=True)
        to_docx([Answer.from_dict(a) for a in answers], out)
        return gr.update(value=str(out), visible=True), f"已导出 {len(answers)} 条问答及其出处。"

    def export_one(answer):
        """The answer shown in the sources panel, with its citations, as a Word document."""
        if not answer:
            return gr.update(value=None, visible=False)
        from assistant.export import to_docx

        one = Answer.from_dict(answer)
        name = re.sub(r"[\\/:*?\"<>|\s]+", "", one.question)[:24] or "回答"
        out = assistant.index_dir / "exports" / hashlib.sha256(repr(answer).encode()).hexdigest()[:12] / f"{name}.docx"
        out.parent.mkdir(parents=True, exist_ok=True)
        to_docx([one], out)
        return gr.update(value=str(out), visible=True)

    def ask_api(question: str, history: list[str] | None = None) -> dict:
        """Ask one question; returns the same JSON as `assistant ask --json`."""
        return assistant.ask(question, history=history or None).to_dict()

    with gr.Blocks(title="预算报告问答助手") as demo:
        gr.Markdown("## 预算与绩效报告问答助手\n用中文提问；每个回答都附有出处（报告、章节、页码、原文）。报告里没写的，会直说没有。")
        history = gr.State([])
        answers = gr.State([])
        with gr.Tab("问答"):
            with gr.Row():
                with gr.Column(scale=3):
                    chatbot = gr.Chatbot(label="对话", height=460, elem_id="chat")
                    with gr.Row():
                        question = gr.Textbox(placeholder="例如：荔湾区预算执行率是多少", show_label=False, scale=5, elem_id="question")
                        send = gr.Button("提问", variant="primary", scale=1, elem_id="send")
                    with gr.Row():
                        chips = [gr.Button(q, size="sm", elem_classes=["example-chip"]) for q in EXAMPLES]
                    with gr.Row():
                        selected = gr.Dropdown(choices=doc_choices(), multiselect=True, label="只在这些报告中查找（可不选）",
                                               elem_id="doc-filter", scale=4)
                        reset = gr.Button("清空对话", scale=1, elem_id="clear")
                    with gr.Row():
                        export_button = gr.Button("导出问答（Word，含出处）", scale=1, elem_id="export-button")
                        exported = gr.File(label="导出的文件", visible=False, interactive=False, elem_id="exported", scale=2)
                    export_status = gr.Markdown(elem_id="export-status")
                with gr.Column(scale=2):
                    gr.Markdown("### 出处")
                    sources = gr.HTML(render_sources(assistant, None), elem_id="sources")
                    raw = gr.JSON(label="JSON", visible=False)  # the answer whose sources are shown
                    with gr.Row():
                        export_one_button = gr.Button("下载此回答（Word，含出处）", size="sm", elem_id="export-one")
                        exported_one = gr.File(label="此回答", visible=False, interactive=False, elem_id="exported-one")
                    pick = gr.Radio(choices=[], label="查看原文：点选出处编号，打开报告原页（PDF）或原文上下文",
                                    elem_id="original-pick")
                    page_image = gr.Image(label="原文页面（黄色为引用处）", type="filepath", visible=False,
                                          interactive=False, elem_id="original-page")
                    page_text = gr.HTML(visible=False, elem_id="original-text")
        with gr.Tab("报告", elem_id="reports-tab") as reports_tab:
            table = gr.HTML(documents_html(assistant), elem_id="documents")
            with gr.Row():
                to_remove = gr.Dropdown(choices=doc_choices(), multiselect=True, label="选择要移除的报告",
                                        elem_id="remove-pick", scale=4)
                remove_button = gr.Button("移除所选", variant="stop", scale=1, elem_id="remove-button")
            files = gr.File(label="上传报告（PDF / DOCX / XLSX / TXT）", file_count="multiple", elem_id="upload")
            index_button = gr.Button("加入索引", variant="primary", elem_id="index-button")
            status = gr.Markdown(elem_id="upload-status")

        outputs = [question, chatbot, history, answers, sources, raw, pick]
        inputs = [question, chatbot, history, answers, selected]
        send.click(on_question, inputs, outputs, api_visibility="private").then(None, js=SCROLL_TO_NEWEST)
        question.submit(on_question, inputs, outputs, api_visibility="private").then(None, js=SCROLL_TO_NEWEST)
        for chip in chips:
            chip.click(lambda q: q, chip, question, api_visibility="private").then(
                on_question, inputs, outputs, api_visibility="private").then(None, js=SCROLL_TO_NEWEST)
        raw.change(lambda _: gr.update(value=None, visible=False), raw, exported_one, api_visibility="private")
        export_one_button.click(export_one, raw, exported_one, api_visibility="private")
        def show_reports():
            assistant.refresh()  # reports added with `assistant index` while this server runs
            choices = doc_choices()
            return documents_html(assistant), gr.update(choices=choices), gr.update(choices=choices)

        reports_tab.select(show_reports, None, [table, to_remove, selected], api_visibility="private")
        chatbot.select(select_message, answers, [sources, raw, pick], api_visibility="private")
        reset.click(clear, None, [chatbot, history, answers, sources, raw, pick], api_visibility="private")
        export_button.click(export, answers, [exported, export_status], api_visibility="private")
        pick.change(lambda answer, n: show_original(assistant, answer, n), [raw, pick], [page_image, page_text],
                    api_visibility="private")
        index_button.click(upload, files, [status, table, selected, files], api_visibility="private", concurrency_limit=1
                           ).then(lambda: gr.update(choices=doc_choices()), None, to_remove, api_visibility="private")
        remove_button.click(remove, to_remove, [status, table, selected, to_remove], api_visibility="private",
                            concurrency_limit=1)
        gr.api(ask_api, api_name="ask")
    demo.queue(default_concurrency_limit=CONCURRENCY)
    return demo


def serve(index_dir: str | None = None, host: str = "127.0.0.1", port: int = 7860) -> None:
    """The UI, Gradio's API (`/ask`) and the OpenAI-compatible endpoint on one port."""
    import signal
    import sys

    import uvicorn
    from fastapi import FastAPI

    from assistant.remote import announce

    from .openai_api import add_routes

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # so the exit handlers withdraw the announcement
    assistant = Assistant.load(index_dir)
    demo = build_app(assistant)
    app = FastAPI(title="预算报告问答助手")
    add_routes(app, assistant)  # /v1/chat/completions, before Gradio takes the root path
    app = gr.mount_gradio_app(app, demo, path="", server_name=host, server_port=port, css=CSS, ssr_mode=False,
                              show_error=True, max_file_size=f"{int(MAX_UPLOAD_MB)}mb", footer_links=["api"],
                              js=LOCALE_JS)
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '') else host}:{port}"
    announce(assistant.index_dir, url)  # `assistant ask` on this index asks here
    print(f"Serving on http://{host}:{port}", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
