"""The benchmark runs end to end at a small size and writes its files.
(Speed targets are reported by the benchmark itself, never asserted here.)"""

import json
import subprocess
import sys


def test_bench_smoke(tmp_path):
    """From a directory outside the project, with a relative output folder, as a user's installed copy runs."""
    out = tmp_path / "bench"
    subprocess.run([sys.executable, "-m", "assistant.cli", "bench", "--sizes", "20", "--search-only-sizes", "100",
                    "--out-dir", "bench"], cwd=tmp_path, check=True, capture_output=True, text=True)
    results = json.loads((out / "bench-results.json").read_text())
    size = results["sizes"][0]
    assert size["reports"] == 20 and size["chunks"] > 20
    assert {"bm25", "dense", "hybrid", "ask"} <= set(size["latency_ms"])
    assert 0 <= size["ours"]["seed_accuracy"] <= 1 and 0 <= size["baseline"]["seed_accuracy"] <= 1
    assert results["search_only"][0]["reports"] == 100
    assert "| 20 |" in (out / "bench-results.md").read_text()
