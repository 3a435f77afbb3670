"""Time `unkg build` on the seeds and on a larger generated corpus; report MB/s and peak memory.

The generated corpus is made of documents assembled from the seeds' own paragraphs (shuffled,
renumbered, with a title page), so it has the seeds' density of names, citations and lists.

    python benchmarks/bench_build.py [--docs 200] [--paras 60]
"""
from __future__ import annotations

import argparse
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER = ("联合国打击跨国有组织犯罪公约 缔约方会议\n\nDistr.: General\n{day} September 2019\nChinese\n"
          "Original: English\n\n偷运移民问题工作组\n\n2019年9月{day}日至{end}日，维也纳\n\n报告草稿\n\n一. 引言\n\n")


def seed_paragraphs() -> list[str]:
    paras = []
    for f in sorted((ROOT / "seeds").glob("*.txt")):
        text = re.sub(r"\n\s*\n", "\n", f.read_text("utf-8"))
        paras += [m[1] for m in re.finditer(r"^\s*\d{1,2}\.\s*(\S.{30,})$", text, re.M)]
    return paras


def make_corpus(folder: Path, docs: int, per_doc: int) -> int:
    rng = random.Random(7)
    paras = seed_paragraphs()
    size = 0
    for i in range(docs):
        day = 1 + i % 20
        body = "\n\n".join(f"{n}. {p}" for n, p in enumerate(rng.sample(paras, min(per_doc, len(paras))), 1))
        text = HEADER.format(day=day, end=day + 2) + body + "\n"
        (folder / f"gen_{i:05d}.txt").write_text(text, "utf-8")
        size += len(text.encode())
    return size


def timed_build(src: Path, out: Path) -> tuple[float, float]:
    """(seconds, peak RSS of the build process in MB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "unkg", "build", str(src), "--out", str(out), "--quiet"],
                   check=True)
    seconds = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--paras", type=int, default=60)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        seeds_mb = sum(f.stat().st_size for f in (ROOT / "seeds").glob("*.txt")) / 1e6
        s_sec, s_mem = timed_build(ROOT / "seeds", tmp / "seeds.trig")
        (tmp / "corpus").mkdir()
        mb = make_corpus(tmp / "corpus", args.docs, args.paras) / 1e6
        c_sec, c_mem = timed_build(tmp / "corpus", tmp / "corpus.trig")
        out_mb = (tmp / "corpus.trig").stat().st_size / 1e6
    print(f"{'corpus':<28} {'docs':>5} {'MB in':>7} {'seconds':>8} {'MB/s':>6} {'peak MB':>8}")
    print(f"{'seeds':<28} {4:>5} {seeds_mb:>7.2f} {s_sec:>8.2f} {seeds_mb / s_sec:>6.2f} {s_mem:>8.0f}")
    print(f"{'generated from seed paras':<28} {args.docs:>5} {mb:>7.2f} {c_sec:>8.2f} {mb / c_sec:>6.2f} {c_mem:>8.0f}")
    print(f"graph written: {out_mb:.1f} MB of TriG")


if __name__ == "__main__":
    main()
