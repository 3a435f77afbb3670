"""Time every named query on a graph built from a generated corpus (see bench_build.py).

    python benchmarks/bench_queries.py [--docs 200]

Each query runs in its own `unkg query` process, so the times include loading the TriG file
(about 1.8 s of each at 46 MB) — what a user waits for.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import make_corpus  # noqa: E402

from unkg.graph.query import named_queries  # noqa: E402


def unkg(*args: str) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "unkg", *args], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=200)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, graph = Path(tmp) / "corpus", Path(tmp) / "g.trig"
        corpus.mkdir()
        make_corpus(corpus, args.docs, 60)
        unkg("build", str(corpus), "--out", str(graph), "--quiet")
        size = graph.stat().st_size / 1e6
        print(f"graph: {args.docs} documents, {size:.1f} MB of TriG")
        print(f"{'query':<24} {'seconds':>8}")
        for name in sorted(named_queries()):
            print(f"{name:<24} {unkg('query', str(graph), '--name', name, '--format', 'csv'):>8.2f}")


if __name__ == "__main__":
    main()
