"""What the assistant returns: an `Answer` with its `Citation`s."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Citation:
    doc: str  # the report's file name
    title: str
    section: str
    page: int | None
    start: int  # offsets into the document's text; quote == text[start:end]
    end: int
    quote: str
    note: str = ""  # e.g. "最接近的段落（不含答案）" for the passages shown with a refusal
    doc_id: str = ""  # the report's id in the index (its content hash)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Answer:
    question: str
    answer: str
    found: bool
    citations: list[Citation] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)  # the figures used, with any formula
    kind: str = ""  # metric | computed | comparison | section | passage | refusal | clarify | invalid
    resolved_question: str = ""  # the question as understood, after follow-up resolution
    latency_ms: float = 0.0
    routed: list[str] = field(default_factory=list)  # file names of the reports the question was routed to
    confidence: float | None = None  # the ranker's score of the answer given
    candidates: list = field(default_factory=list)  # every ranked candidate, kept only when asked to explain

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "answer": self.answer,
            "found": self.found,
            "citations": [c.to_dict() for c in self.citations],
            "facts": self.facts,
            "kind": self.kind,
            "resolved_question": self.resolved_question or self.question,
            "routed": self.routed,
            "confidence": self.confidence,
            "latency_ms": round(self.latency_ms, 2),
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Answer":
        """The inverse of to_dict (an answer received from a server)."""
        return cls(d["question"], d["answer"], d["found"], [Citation(**c) for c in d.get("citations", [])],
                   d.get("facts", []), d.get("kind", ""), d.get("resolved_question", ""), d.get("latency_ms", 0.0),
                   d.get("routed", []), d.get("confidence"))

    def explain_text(self, top: int = 5) -> str:
        """The top candidates with their scores and feature values (`assistant ask --explain`)."""
        lines = []
        for n, c in enumerate(self.candidates[:top], 1):
            feats = " ".join(f"{k}={v:.2f}" for k, v in c.features.items() if v)
            lines.append(f"#{n} {c.score:.3f} [{c.source}] {c.text[:80]}\n    {feats}")
        return "\n".join(lines) or "（没有候选答案）"

    def to_text(self) -> str:
        lines = [self.answer]
        for n, c in enumerate(self.citations, 1):
            page = f" · 第{c.page}页" if c.page else ""
            note = f"（{c.note}）" if c.note else ""
            lines.append(f"[{n}] {c.title} · {c.section}{page}{note} · 「{c.quote}」")
        return "\n".join(lines)
