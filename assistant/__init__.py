"""Offline question answering over Chinese government budget and performance reports."""

from .records import Answer, Citation

__all__ = ["Assistant", "Answer", "Citation"]


def __getattr__(name: str):
    # `Assistant` pulls in the whole index stack; imported on first use, so the CLI's
    # quick paths (asking a running server, --help) start fast
    if name == "Assistant":
        from .api import Assistant

        return Assistant
    raise AttributeError(f"module 'assistant' has no attribute '{name}'")
