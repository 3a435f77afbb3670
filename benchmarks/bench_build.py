"""Time `unkg build` on the seeds and on a larger generated corpus; report MB/s and peak memory.

The generated corpus is made of documents assembled from the seeds' own paragraphs (shuffled,
renumbered, with a title page), so it has the seeds' density of names, citations and lists.

    python benchmarks/bench_build.py [--docs 200] [--paras 60] [--jobs 2]

Each figure is also given as a ratio measured in the same run: the build's MB/s against one
pass of the gazetteer's trie-compiled regex over the same text (the least any extraction that
reads every name must do), and ``--jobs N`` against ``--jobs 1``.
"""
from __future__ import annotations

import argparse
import os
import random
import re
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


def timed_build(src: Path, out: Path, *flags: str) -> tuple[float, float, float]:
    """(seconds, CPU seconds of the build and its worker processes, peak RSS in MB of the build
    process: of its largest process, with --jobs). On a machine shared with other work the CPU
    seconds are the steadier figure: MB per CPU second is the build's speed per core."""
    return timed_unkg("build", str(src), "--store" if out.suffix == ".store" else "--out", str(out),
                      "--quiet", *flags)


def timed_unkg(*args: str) -> tuple[float, float, float]:
    """(seconds, CPU seconds with its child processes, peak RSS in MB) of one `unkg ARGS...`."""
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "unkg", *args], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)  # the usage counts the workers it waited for
    if status:
        raise SystemExit(f"unkg {args[0]} failed ({status})")
    return time.perf_counter() - t, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def trie_pass(folder: Path) -> float:
    """Seconds for one pass of the gazetteer's compiled trie regex over every file's text (the
    pattern compiled before the clock starts)."""
    from unkg.extract.gazetteer import _matcher
    texts = [f.read_text("utf-8") for f in sorted(folder.glob("*.txt"))]
    pattern = _matcher("zh")
    t = time.perf_counter()
    for text in texts:
        for _ in pattern.finditer(text):
            pass
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--paras", type=int, default=60)
    ap.add_argument("--jobs", type=int, default=2, help="also time --jobs N against --jobs 1 (0: skip)")
    ap.add_argument("--store", action="store_true", help="also time a build into an on-disk store")
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        seeds_mb = sum(f.stat().st_size for f in (ROOT / "seeds").glob("*.txt")) / 1e6
        rows.append(("seeds", 4, seeds_mb, *timed_build(ROOT / "seeds", tmp / "seeds.trig")))
        (tmp / "corpus").mkdir()
        mb = make_corpus(tmp / "corpus", args.docs, args.paras) / 1e6
        name = "generated, --out .nq"
        rows.append((name, args.docs, mb, *timed_build(tmp / "corpus", tmp / "corpus.nq")))
        quads = sum(1 for _ in open(tmp / "corpus.nq", "rb"))
        if args.jobs > 1:
            rows.append((f"generated, --jobs {args.jobs}", args.docs, mb,
                         *timed_build(tmp / "corpus", tmp / "jobs.nq", "--jobs", str(args.jobs))))
        if args.store:
            rows.append(("generated, --store", args.docs, mb, *timed_build(tmp / "corpus", tmp / "c.store")))
        trie = trie_pass(tmp / "corpus")
    print(f"{'corpus':<28} {'docs':>5} {'MB in':>7} {'seconds':>8} {'MB/s':>6} {'CPU s':>6} {'MB/CPU s':>8} {'peak MB':>8}")
    for name, docs, size, sec, cpu, mem in rows:
        print(f"{name:<28} {docs:>5} {size:>7.2f} {sec:>8.2f} {size / sec:>6.2f} {cpu:>6.2f} {size / cpu:>8.2f} {mem:>8.0f}")
    one = rows[1]
    print(f"quads written: {quads:,}")
    print(f"one trie-regex pass over the same text: {one[2] / trie:.1f} MB/s; "
          f"the build runs at {one[2] / one[3] / (one[2] / trie):.3f} of it")
    if args.jobs > 1:
        print(f"--jobs {args.jobs} against --jobs 1: {one[3] / rows[2][3]:.2f}x")


if __name__ == "__main__":
    main()
