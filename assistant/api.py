"""The public Python API: `Assistant.load(...)` then `assistant.ask(question)`."""

from __future__ import annotations

import gc
import re
import threading
import time
import warnings
from pathlib import Path

from index.build import BuildReport, build_index
from index.config import Settings, default_index_dir
from index.embed import shared_embedder
from index.normalize import TEXT_VERSION
from index.store import Index, stored_text_version

from .answer import MAX_QUESTION_CHARS, Answerer
from .followup import continue_topic, needs_history, resolve_followup
from .records import Answer

BUNDLED_REPORTS = Path(__file__).parent / "data" / "reports"
WARM_UP = "这几个单位的项目支出各是多少"  # asked once at load: it routes, retrieves, reads facts and ranks
_INSTRUCTION = re.compile(r"忽略(以上|之前|前面|上述)|ignore (all|previous|the above)|system prompt|你现在是", re.I)
_CJK = re.compile(r"[\u3400-\u9fff]")


def _history_questions(history) -> list[str]:
    """Accept a list of questions, of {"question": ...} dicts, or of (question, answer) pairs."""
    out = []
    for turn in history or []:
        if isinstance(turn, str):
            out.append(turn)
        elif isinstance(turn, dict):
            q = turn.get("resolved_question") or turn.get("question") or (turn.get("content") if turn.get("role") == "user" else None)
            if q:
                out.append(str(q))
        elif isinstance(turn, (list, tuple)) and turn:
            out.append(str(turn[0]))
    return out


class Assistant:
    """Answers questions over one index. Safe to share between threads: asking
    only reads, and adding files swaps in a rebuilt index under a lock."""

    def __init__(self, index: Index, index_dir: Path):
        self.index_dir = index_dir
        self._lock = threading.Lock()
        self._install(index)

    def _install(self, index: Index) -> None:
        from .retrieve import Retriever

        embedder = shared_embedder(index.model, index.settings.runtime)
        self.index = index
        self.answerer = Answerer(index, Retriever(index, embedder))
        self._generation = self._current()
        if index.documents:
            # what an answer needs loads now (dictionaries, tokenizers, the fact table), not on the first question
            self.answerer.answer(WARM_UP)
        # The loaded index is millions of long-lived objects; Python's full garbage collection
        # would walk them all, a pause of ~250 ms at 1,000 reports in the middle of some question.
        # Frozen, they are left out of it; a replaced index is still freed by reference counting.
        gc.freeze()

    def _current(self) -> str:
        try:
            return (self.index_dir / "CURRENT").read_text(encoding="utf-8").strip()
        except OSError:
            return ""

    def refresh(self) -> bool:
        """Pick up an index another process changed (`assistant index` while a server runs):
        the index's CURRENT names its generation, so a changed name means reload."""
        if self._current() == self._generation:
            return False
        with self._lock:
            if self._current() != self._generation:
                self._install(Index.load(self.index_dir, self.index.settings))
        return True

    @classmethod
    def load(cls, index_dir: Path | str | None = None, settings: Settings | None = None) -> "Assistant":
        """Open an index; with no directory, the bundled reports' index (built on first use)."""
        if index_dir is None:
            index_dir = default_index_dir()
            if stored_text_version(index_dir) != TEXT_VERSION:  # none yet, or read by an older reader
                build_index([BUNDLED_REPORTS], index_dir, settings)
        index_dir = Path(index_dir)
        index = Index.load(index_dir, settings)
        if index.text_version != TEXT_VERSION:
            warnings.warn(f"{index_dir}: 报告是用旧版读取方式读入的（text_version {index.text_version}），"
                          f"运行 `assistant index` 会按当前方式重新读取（向量可复用）", stacklevel=2)
        return cls(index, index_dir)

    def add_files(self, paths: list[Path | str], remove: list[str] = (), progress=None) -> BuildReport:
        """Index new or changed files (and drop `remove`d ones), then answer from them at once.
        `progress` receives index.build.Progress updates."""
        with self._lock:
            report = build_index(paths, self.index_dir, self.index.settings, remove=remove,
                                 embedder=self.answerer.retriever.embedder, progress=progress)
            if report.added or report.updated or report.removed:
                self._install(Index.load(self.index_dir, self.index.settings))
        return report

    def ask(self, question: str, history=None, doc_ids: list[str] | None = None, explain: bool = False) -> Answer:
        started = time.perf_counter()
        answer = self._ask(question if isinstance(question, str) else str(question or ""), history, doc_ids, explain)
        answer.latency_ms = (time.perf_counter() - started) * 1000
        return answer

    @staticmethod
    def _resolved(answerer, question: str, chain: list[str], doc_ids: list[str] | None) -> str:
        """A turn as a whole question, given the turns before it (already resolved): an elliptical follow-up
        rewritten (followup.resolve_followup); a question naming no body, after one that named one, about
        that body (followup.continue_topic)."""
        if not chain:
            return question
        resolved = resolve_followup(question, chain, answerer.entity_names_for(question, *chain[-2:]), answerer.has_intent)
        if resolved == question and (doc_ids is None or len(doc_ids) > 1) \
                and answerer.router.route(question, doc_ids).status == "unnamed":
            before = answerer.router.route(chain[-1], doc_ids)
            if before.status == "ok" and len(before.groups) == 1:
                resolved = continue_topic(question, chain[-1], before.names)
        return resolved

    def _ask(self, question: str, history, doc_ids: list[str] | None, explain: bool = False) -> Answer:
        q = question.strip()
        if not q or not re.search(r"[\w\u3400-\u9fff]", q):
            return Answer(question, "请输入一个关于报告内容的问题，例如“荔湾区预算执行率是多少”。", False, kind="invalid")
        if _INSTRUCTION.search(q):
            return Answer(question, "我只回答报告中写明的内容，不执行指令。请直接提问，例如“花都区项目支出占比多少”。", False, kind="invalid")
        if not _CJK.search(q):
            return Answer(question, "请用中文提问（报告均为中文），例如“荔湾区预算执行率是多少”。", False, kind="invalid")
        note = ""
        if len(q) > MAX_QUESTION_CHARS:
            q, note = q[:MAX_QUESTION_CHARS], f"（问题过长，只按前 {MAX_QUESTION_CHARS} 个字理解。）"
        self.refresh()
        answerer = self.answerer  # one consistent index even if an upload swaps it meanwhile
        resolved = q
        questions = _history_questions(history)
        if not questions and needs_history(q, answerer.has_intent):
            return Answer(question, f"“{q}”像是接着上一个问题的追问，但还没有上一个问题。请把问题说完整，"
                                    "例如“花都区预算执行率是多少”。", False, kind="clarify")
        if questions:
            chain: list[str] = []
            for earlier in questions:
                chain.append(self._resolved(answerer, earlier, chain, doc_ids))
            resolved = self._resolved(answerer, q, chain, doc_ids)
        answer = answerer.answer(resolved, only=doc_ids, explain=explain)
        answer.question = question
        answer.resolved_question = resolved
        if resolved != q:
            answer.answer = f"（理解为：{resolved}）" + answer.answer
        answer.answer += note
        return answer
