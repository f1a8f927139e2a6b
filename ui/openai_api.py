"""An OpenAI-compatible chat endpoint beside the UI (`POST /v1/chat/completions`),
so chat front-ends and scripts that speak that protocol can ask the assistant.

The last user message is the question, the earlier user messages are its
history (follow-ups like "那花都区呢？" resolve against them). The reply's
message is the cited answer as `assistant ask` prints it; the citations also
come as structured data (`citations`, and the whole answer under `answer`),
which OpenAI clients pass through untouched. `"stream": true` sends the same as
server-sent events: the role, the text, then a last chunk with the citations.
"""

from __future__ import annotations

import json
import time
import uuid

from fastapi import Request
from fastapi.responses import JSONResponse, StreamingResponse

from assistant import Assistant

MODEL_NAME = "budget-report-assistant"


def _question_and_history(messages: list[dict]) -> tuple[str, list[str]]:
    asked = [str(m.get("content") or "") for m in messages if isinstance(m, dict) and m.get("role") == "user"]
    if not asked:
        raise ValueError("messages has no user message: the last one is the question")
    return asked[-1], asked[:-1]


def add_routes(app, assistant: Assistant) -> None:
    """Add /v1/chat/completions and /v1/models to a FastAPI app."""

    @app.get("/v1/models")
    def models() -> dict:
        return {"object": "list", "data": [{"id": MODEL_NAME, "object": "model", "owned_by": "local"}]}

    @app.post("/v1/chat/completions")
    async def chat_completions(request: Request):
        try:
            body = await request.json()
            question, history = _question_and_history(body.get("messages") or [])
        except (ValueError, AttributeError) as exc:
            return JSONResponse({"error": {"message": f"bad request: {exc}", "type": "invalid_request_error"}},
                                status_code=400)
        answer = assistant.ask(question, history=history or None)
        result = answer.to_dict()
        reply_id, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
        text = answer.to_text()
        extra = {"citations": result["citations"], "answer": result}
        if not body.get("stream"):
            return {"id": reply_id, "object": "chat.completion", "created": created, "model": MODEL_NAME,
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
                    "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}, **extra}

        def chunk(delta: dict, finish: str | None = None, **more) -> str:
            data = {"id": reply_id, "object": "chat.completion.chunk", "created": created, "model": MODEL_NAME,
                    "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **more}
            return f"data: {json.dumps(data, ensure_ascii=False)}\n\n"

        def events():
            yield chunk({"role": "assistant"})
            for line in text.splitlines(keepends=True):
                yield chunk({"content": line})
            yield chunk({}, "stop", **extra)
            yield "data: [DONE]\n\n"

        return StreamingResponse(events(), media_type="text/event-stream")
