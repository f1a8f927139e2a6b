"""Ask a running `assistant serve` that holds the same index: its model is already
loaded, so a question from the shell is answered in milliseconds, not seconds.

The server announces itself in its index directory (`server.json`: address and
process id, removed when it stops); `assistant ask` looks there first and falls
back to loading the index itself when no live server answers. The call is
Gradio's HTTP API for the `/ask` endpoint, made with the standard library so the
CLI imports nothing heavy."""

from __future__ import annotations

import atexit
import json
import os
import urllib.request
from pathlib import Path

from .records import Answer

ANNOUNCEMENT = "server.json"


def announce(index_dir: Path, url: str) -> None:
    """Say, in the index directory, that a server at `url` answers for it (until this process ends)."""
    path = Path(index_dir) / ANNOUNCEMENT
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"url": url, "pid": os.getpid()}), encoding="utf-8")
    tmp.replace(path)

    def withdraw() -> None:
        try:
            if json.loads(path.read_text(encoding="utf-8")).get("pid") == os.getpid():
                path.unlink()
        except (OSError, ValueError):
            pass

    atexit.register(withdraw)


def server_for(index_dir: Path) -> str | None:
    """The address of a live server announced for this index, or None."""
    try:
        info = json.loads((Path(index_dir) / ANNOUNCEMENT).read_text(encoding="utf-8"))
        os.kill(int(info["pid"]), 0)  # raises when that process is gone
        return str(info["url"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def ask(url: str, question: str, timeout: float = 30.0) -> Answer:
    """One question through the server's `/ask` endpoint (Gradio: submit, then read the result event)."""
    body = json.dumps({"data": [question, None]}).encode("utf-8")
    request = urllib.request.Request(f"{url}/gradio_api/call/ask", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        event_id = json.loads(response.read())["event_id"]
    with urllib.request.urlopen(f"{url}/gradio_api/call/ask/{event_id}", timeout=timeout) as response:
        event, data = "", ""
        for raw in response:
            line = raw.decode("utf-8").rstrip("\n")
            if line.startswith("event:"):
                event = line[6:].strip()
            elif line.startswith("data:"):
                data = line[5:].strip()
                if event == "complete":
                    return Answer.from_dict(json.loads(data)[0])
                if event == "error":
                    raise OSError(f"the server at {url} failed to answer: {data}")
    raise OSError(f"the server at {url} gave no answer")
