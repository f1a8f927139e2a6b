"""The real app in a real browser: Debian's Chromium driven by Playwright,
against `assistant serve` on a free loopback port."""

import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from ..conftest import ROOT

pytestmark = pytest.mark.browser
SHOTS = ROOT / "test-output" / "browser"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _has_chinese_font() -> bool:
    out = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True) if shutil.which("fc-list") else None
    return bool(out and out.stdout.strip())


def chromium_path() -> str:
    """Debian's chromium (and a CJK font, so screenshots are legible), installed
    with apt-get when missing; never a browser download."""
    path = shutil.which("chromium")
    missing = ([] if path else ["chromium"]) + ([] if _has_chinese_font() else ["fonts-noto-cjk"])
    if missing:
        subprocess.run(["apt-get", "update", "-qq"], check=True, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, capture_output=True)
        path = shutil.which("chromium")
    assert path, "Debian's chromium package could not be installed"
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server_index_dir(tmp_path_factory, seed_index_dir):
    index_dir = tmp_path_factory.mktemp("ui") / "index"
    shutil.copytree(seed_index_dir, index_dir)
    return index_dir


@pytest.fixture(scope="module")
def server(server_index_dir):
    index_dir = server_index_dir
    port = free_port()
    log = open(index_dir.parent / "server.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--index-dir", str(index_dir),
                             "--port", str(port)], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 180
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except OSError:
            assert proc.poll() is None, (index_dir.parent / "server.log").read_text()
            time.sleep(1)
    else:
        pytest.fail("the server did not start")
    yield url
    proc.terminate()
    proc.wait(timeout=30)


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        # an English browser: the page still words Gradio's own controls (the upload box's) in Chinese
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="en-US")
        page.goto(server)
        page.wait_for_selector("#question textarea")
        yield page
        browser.close()


def ask(page, question: str) -> str:
    bot = page.locator("#chat .bot")
    before = bot.count()
    page.fill("#question textarea", question)
    page.click("#send")
    page.wait_for_function(
        f"""() => {{ const b = document.querySelectorAll('#chat .bot');
                     return b.length > {before} && b[{before}].innerText.trim() && !b[{before}].innerText.includes('Loading'); }}""",
        timeout=60_000)
    return bot.nth(before).inner_text()


def test_ask_follow_up_upload_and_bad_upload(page, tmp_path):
    first = ask(page, "荔湾区预算执行率是多少")
    assert "95.06%" in first
    page.wait_for_selector("#sources mark")
    assert "荔湾区委老干部局" in page.inner_text("#sources")
    page.screenshot(path=str(SHOTS / "1-answer.png"), full_page=True)

    second = ask(page, "那花都区呢？")
    assert "花都区" in second
    assert "花都区委员会老干部局" in page.inner_text("#sources")
    page.screenshot(path=str(SHOTS / "2-follow-up.png"), full_page=True)

    report = tmp_path / "测试县水务局2024年项目支出绩效自评报告.txt"
    report.write_text("测试县水务局2024年项目支出绩效自评报告\n一、项目资金情况\n全年预算数 300.00 万元，执行数 270.00 万元，完成预算的 90.00%。\n"
                      "二、存在的主要问题\n项目验收进度滞后。\n", encoding="utf-8")
    page.get_by_role("tab", name="报告").click()
    assert "将文件拖放到此处" in page.inner_text("#upload")  # not "Drop File Here"
    page.set_input_files("#upload input[type=file]", str(report))
    page.click("#index-button")
    page.wait_for_function("document.querySelector('#upload-status').innerText.includes('已加入索引')", timeout=120_000)
    page.screenshot(path=str(SHOTS / "3-upload.png"), full_page=True)
    page.get_by_role("tab", name="问答").click()
    third = ask(page, "测试县水务局预算执行率是多少")
    assert "90.00%" in third
    page.screenshot(path=str(SHOTS / "4-answer-from-upload.png"), full_page=True)

    corrupt = tmp_path / "损坏的报告.pdf"
    corrupt.write_bytes(b"%PDF-1.7\nnot really a pdf")
    page.get_by_role("tab", name="报告").click()
    page.set_input_files("#upload input[type=file]", str(corrupt))
    page.click("#index-button")
    page.wait_for_function("document.querySelector('#upload-status').innerText.includes('【未加入】损坏的报告.pdf')",
                           timeout=60_000)
    status = page.inner_text("#upload-status")
    assert "not a readable PDF" in status
    page.screenshot(path=str(SHOTS / "5-bad-upload.png"), full_page=True)
    page.get_by_role("tab", name="问答").click()
    again = ask(page, "荔湾区预算执行率是多少")
    assert "95.06%" in again
    page.screenshot(path=str(SHOTS / "6-still-works.png"), full_page=True)


def test_a_citation_opens_the_original(page, tmp_path):
    """A text report's citation opens its text around the quote; a PDF's opens the page
    image, rendered with the quoted row marked in yellow."""
    from PIL import Image

    from .. import reports

    ask(page, "荔湾区预算执行率是多少")
    page.locator("#original-pick label").first.click()
    page.wait_for_selector("#original-text mark")
    assert "95.06" in page.inner_text("#original-text")

    pdf = reports.final_accounts_pdf(tmp_path / "人社局2023年部门决算.pdf")
    page.get_by_role("tab", name="报告").click()
    page.set_input_files("#upload input[type=file]", str(pdf))
    page.click("#index-button")
    page.wait_for_function("document.querySelector('#upload-status').innerText.includes('已加入索引')", timeout=120_000)
    page.get_by_role("tab", name="问答").click()
    answer = ask(page, "人社局行政运行基本支出多少")
    assert "864.49" in answer
    page.locator("#original-pick label").first.click()
    image = page.wait_for_selector("#original-page img")
    page.wait_for_function("document.querySelector('#original-page img').naturalWidth > 0")
    shot = tmp_path / "page.png"
    image.screenshot(path=str(shot))
    page.screenshot(path=str(SHOTS / "7-original-page.png"), full_page=True)
    pixels = list(Image.open(shot).convert("RGB").get_flattened_data())
    marked = sum(1 for r, g, b in pixels if r > 230 and 190 < g < 235 and b < 160)  # the highlighter's yellow
    assert marked > 50

    page.click("#export-button")
    page.wait_for_selector("#exported a")
    with page.expect_download() as download:
        page.click("#exported a")
    saved = tmp_path / "export.docx"
    download.value.save_as(saved)
    import docx

    paper = "\n".join([p.text for p in docx.Document(str(saved)).paragraphs] +
                       [c.text for t in docx.Document(str(saved)).tables for row in t.rows for c in row.cells])
    assert "人社局行政运行基本支出多少" in paper and "864.49" in paper and "人社局2023年部门决算.pdf" in paper

    page.get_by_role("tab", name="报告").click()
    page.click("#remove-pick input")
    page.keyboard.type("人社局2023年部门决算")
    page.locator("#remove-pick li[role=option]").first.click()
    page.click("#remove-button")
    page.wait_for_function("document.querySelector('#upload-status').innerText.includes('已移除')", timeout=60_000)
    assert "人社局2023年部门决算.pdf" not in page.inner_text("#documents")
    page.screenshot(path=str(SHOTS / "8-removed.png"), full_page=True)
    page.get_by_role("tab", name="问答").click()
    assert "864.49" not in ask(page, "人社局行政运行基本支出多少")


NEWEST_IN_VIEW = """() => {
  const bot = [...document.querySelectorAll('#chat .bot')].pop();
  let box = bot.parentElement;
  while (box && !(box.scrollHeight > box.clientHeight + 2 && getComputedStyle(box).overflowY !== 'visible')) box = box.parentElement;
  const r = bot.getBoundingClientRect(), c = (box || document.documentElement).getBoundingClientRect();
  return r.top < c.bottom - 10 && r.bottom > c.top + 10;
}"""


def test_the_newest_answer_is_in_view_and_downloads_alone(page, tmp_path):
    for question in ["荔湾区存在的主要问题是什么", "花都区存在的主要问题是什么", "荔湾区下一步改进措施是什么",
                     "花都区基本支出是多少"]:
        ask(page, question)
    page.get_by_role("tab", name="报告").click()
    page.get_by_role("tab", name="问答").click()
    assert "990.92" in ask(page, "荔湾区的基本支出是多少？")
    page.wait_for_function(NEWEST_IN_VIEW, timeout=5_000)
    page.screenshot(path=str(SHOTS / "10-newest-in-view.png"), full_page=True)

    page.click("#export-one")
    page.wait_for_selector("#exported-one a")
    with page.expect_download() as download:
        page.click("#exported-one a")
    saved = tmp_path / "one.docx"
    download.value.save_as(saved)
    import docx

    paper = docx.Document(str(saved))
    text = "\n".join([p.text for p in paper.paragraphs] + [c.text for t in paper.tables for row in t.rows for c in row.cells])
    assert "荔湾区的基本支出是多少" in text and "990.92" in text
    assert "花都区基本支出是多少" not in text  # this answer only, not the conversation


def test_gradio_client_ask_endpoint(server):
    from gradio_client import Client

    client = Client(server, verbose=False)
    result = client.predict("荔湾区预算执行率是多少", None, api_name="/ask")
    assert result["found"] is True and "95.06%" in result["answer"]
    assert result["citations"][0]["quote"] and result["citations"][0]["doc"].endswith(".txt")
    assert isinstance(result["latency_ms"], float)


def test_cli_ask_is_answered_by_the_running_server(server, server_index_dir):
    """`assistant ask` on the index a server holds goes to the server (which has the model
    loaded) and imports neither torch nor the index stack; --local loads the index itself."""
    probe = ("import sys; from assistant.cli import main; "
             f"code = main(['ask', '荔湾区预算执行率是多少', '--index-dir', {str(server_index_dir)!r}]); "
             "print('heavy:', sorted(m for m in ('torch', 'transformers', 'index.store') if m in sys.modules)); "
             "sys.exit(code)")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "95.06%" in out.stdout and server in out.stderr and "heavy: []" in out.stdout
    local = subprocess.run([sys.executable, "-m", "assistant.cli", "ask", "荔湾区预算执行率是多少", "--local",
                            "--index-dir", str(server_index_dir)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert local.returncode == 0 and "95.06%" in local.stdout and server not in local.stderr


def test_openai_compatible_chat_completions(server):
    """A request shaped as an OpenAI client sends it (plain HTTP): the cited answer as the
    message, the citations as data; streamed, the same text in chunks, then [DONE]."""
    import json

    def post(body: dict):
        request = urllib.request.Request(f"{server}/v1/chat/completions", data=json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json", "Authorization": "Bearer none"})
        return urllib.request.urlopen(request, timeout=60)

    messages = [{"role": "system", "content": "你是助手"}, {"role": "user", "content": "荔湾区预算执行率是多少"}]
    reply = json.loads(post({"model": "budget-report-assistant", "messages": messages}).read())
    assert reply["object"] == "chat.completion" and reply["choices"][0]["finish_reason"] == "stop"
    assert "95.06%" in reply["choices"][0]["message"]["content"]
    assert "95.06%" in reply["citations"][0]["quote"] and reply["citations"][0]["page"] == 1

    follow_up = messages + [{"role": "assistant", "content": "…"}, {"role": "user", "content": "那花都区呢？"}]
    lines = [line.decode().strip() for line in post({"messages": follow_up, "stream": True}) if line.strip()]
    assert lines[-1] == "data: [DONE]"
    chunks = [json.loads(line[len("data: "):]) for line in lines[:-1]]
    text = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks)
    assert "花都区" in text and chunks[-1]["choices"][0]["finish_reason"] == "stop" and "answer" in chunks[-1]
    try:
        post({"messages": []})
        raise AssertionError("a request without a question was accepted")
    except urllib.error.HTTPError as err:
        assert err.code == 400


def test_two_reports_with_one_name_are_both_kept(page, tmp_path):
    name = "农业服务中心自评.txt"
    for n, body in enumerate(["甲镇农业服务中心", "乙镇农业服务中心"]):
        folder = tmp_path / str(n)
        folder.mkdir()
        (folder / name).write_text(f"{body}2024年项目支出绩效自评报告\n一、项目资金情况\n全年预算数 {100 + n}.00 万元，"
                                   f"执行数 {90 + n}.00 万元。\n", encoding="utf-8")
    page.get_by_role("tab", name="报告").click()
    page.set_input_files("#upload input[type=file]", [str(tmp_path / "0" / name), str(tmp_path / "1" / name)])
    page.click("#index-button")
    page.wait_for_function("document.querySelector('#upload-status').innerText.split('【已加入】').length - 1 == 2",
                           timeout=120_000)
    assert page.inner_text("#documents").count(name) == 2
    # long names end in an ellipsis, whole on hover; the table stays within the page
    assert page.locator(f"#documents td[title='{name}']").count() == 2
    assert page.evaluate("(() => { const t = document.querySelector('#documents table');"
                         " return t.scrollWidth <= t.parentElement.clientWidth + 1; })()")
    page.screenshot(path=str(SHOTS / "9-same-name.png"), full_page=True)
    page.get_by_role("tab", name="问答").click()
    assert "91.00" in ask(page, "乙镇农业服务中心执行数是多少")
