"""Shared fixtures: the real default model, real indexes on disk.

Indexes are built once per test session into a temporary directory; the
materialized model lives in the user's cache (built on first use)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
SEEDS = ROOT / "assistant" / "data" / "reports"
DEV_DOCS = SHARED / "dev" / "docs"
DEV_QUESTIONS = SHARED / "dev" / "questions.jsonl"
DEV2_DOCS = SHARED / "dev2" / "docs"
DEV2_QUESTIONS = SHARED / "dev2" / "questions.jsonl"
SEED_QUESTIONS = ROOT / "eval" / "questions" / "seeds.jsonl"
LIWAN = "002_79f0afb7477e123f.txt"
HUADU = "000_9a6e8b3b06371c31.txt"


def pytest_collection_modifyitems(config, items):
    if not DEV_DOCS.exists():
        skip = pytest.mark.skip(reason=f"{DEV_DOCS} is not beside the project")
        for item in items:
            if "dev" in item.keywords:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def embedder():
    from index.embed import shared_embedder

    return shared_embedder()


@pytest.fixture(scope="session")
def seed_index_dir(tmp_path_factory, embedder) -> Path:
    from index.build import build_index

    path = tmp_path_factory.mktemp("seed-index")
    build_index([SEEDS], path, embedder=embedder)
    return path


@pytest.fixture(scope="session")
def dev_index_dir(tmp_path_factory, embedder) -> Path:
    from index.build import build_index

    path = tmp_path_factory.mktemp("dev-index")
    build_index([DEV_DOCS], path, embedder=embedder)
    return path


@pytest.fixture(scope="session")
def seed_assistant(seed_index_dir):
    from assistant import Assistant

    return Assistant.load(seed_index_dir)


@pytest.fixture(scope="session")
def dev_assistant(dev_index_dir):
    from assistant import Assistant

    return Assistant.load(dev_index_dir)


@pytest.fixture(scope="session")
def dev2_index_dir(tmp_path_factory, embedder) -> Path:
    from index.build import build_index

    path = tmp_path_factory.mktemp("dev2-index")
    build_index([DEV2_DOCS], path, embedder=embedder)
    return path


@pytest.fixture(scope="session")
def dev2_assistant(dev2_index_dir):
    from assistant import Assistant

    return Assistant.load(dev2_index_dir)
