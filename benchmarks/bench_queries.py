"""Time every named query on a graph built from a generated corpus (see bench_build.py), on the
on-disk store unkg builds, on pyoxigraph's in-memory store and on rdflib's memory store, all
three in one run over the same data; plus each as a `unkg query STORE` command.

    python benchmarks/bench_queries.py [--docs 30 300] [--no-rdflib] [--rdflib-up-to 150000]
                                       [--rdflib-timeout 300]

``--docs`` takes one or more corpus sizes (30 documents make about 100k quads, 300 about 1M).
rdflib parses the dataset into a ``Dataset`` and runs the same text, each query in a forked
process stopped after ``--rdflib-timeout`` seconds (then the ratio is a lower bound, "> N");
it is skipped above ``--rdflib-up-to`` quads (at 1M it needs ~2 minutes to load, ~3 GB, and
some queries run for many minutes: ``--rdflib-up-to 2000000`` includes it). Times are the
best of ``--repeat`` runs in process (the first run of a fresh store reads RocksDB's cold cache).
"""
from __future__ import annotations

import argparse
import gc
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import make_corpus  # noqa: E402

from pyoxigraph import RdfFormat, Store  # noqa: E402

from unkg.graph.query import named_queries  # noqa: E402


def best(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        run()
        times.append(time.perf_counter() - t)
    return min(times) * 1000


def count(results) -> int:
    return sum(1 for _ in results)


def command(*args: str) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "unkg", *args], check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - t) * 1000


def one_size(docs: int, args, tmp: Path) -> None:
    corpus, where, nq = tmp / f"c{docs}", tmp / f"s{docs}.store", tmp / f"g{docs}.nq"
    corpus.mkdir()
    make_corpus(corpus, docs, 60)
    subprocess.run([sys.executable, "-m", "unkg", "build", str(corpus), "--store", str(where), "--out", str(nq),
                    "--quiet", "--jobs", "2"], check=True)
    disk = Store.read_only(str(where))
    memory = Store()
    memory.bulk_load(path=str(nq), format=RdfFormat.N_QUADS)
    quads = len(memory)
    rdflib = None
    if args.rdflib and quads <= args.rdflib_up_to:
        from rdflib import Dataset
        rdflib = Dataset()
        t = time.perf_counter()
        rdflib.parse(str(nq), format="nquads")
        print(f"(rdflib parsed {quads:,} quads in {time.perf_counter() - t:.1f} s)")
        # rdflib's millions of objects out of the collector's sight: otherwise every full
        # collection the other stores' rows set off walks them, and slows those timings
        gc.freeze()
    print(f"\n{docs} documents, {quads:,} quads")
    print(f"{'query':<22} {'store ms':>9} {'command ms':>10} {'in-memory ms':>12} {'rdflib ms':>10} "
          f"{'x memory':>9} {'x rdflib':>9} {'rows':>7}")
    for name, text in sorted(named_queries().items()):
        rows = count(disk.query(text))
        on_disk = best(lambda: count(disk.query(text)), args.repeat)
        in_memory = best(lambda: count(memory.query(text)), args.repeat)
        cmd = command("query", str(where), "--name", name, "--format", "csv")
        lib = _rdflib(rdflib, text, args.rdflib_timeout)
        ratio = (f"{lib / on_disk:9.0f}" if isinstance(lib, float) else
                 f"{'>' + format(args.rdflib_timeout * 1000 / on_disk, '.0f'):>9}" if lib.startswith(">") else f"{'-':>9}")
        shown = f"{lib:.0f}" if isinstance(lib, float) else lib
        print(f"{name:<22} {on_disk:9.1f} {cmd:10.0f} {in_memory:12.1f} "
              f"{shown:>10} {in_memory / on_disk:9.2f} {ratio} {rows:>7}")


def _rdflib(dataset, text: str, timeout: float) -> float | str:
    """rdflib's time (one run: it is slow), or why there is none. Run in a forked process (the
    parsed dataset shared with it), so a query rdflib takes too long over can be stopped."""
    if dataset is None:
        return "-"
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: time the query, write the answer, leave without cleanup
        os.close(read)
        try:
            answer = f"{best(lambda: count(dataset.query(text)), 1)}"
        except Exception as err:  # noqa: BLE001 - rdflib fails some queries oxigraph answers
            answer = f"fails ({type(err).__name__})"
        os.write(write, answer.encode())
        os._exit(0)
    os.close(write)
    deadline = time.monotonic() + timeout
    while not os.waitpid(pid, os.WNOHANG)[0]:
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(read)
            return f"> {timeout:.0f} s"
        time.sleep(0.2)
    answer = os.read(read, 200).decode()
    os.close(read)
    try:
        return float(answer)
    except ValueError:
        return answer


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, nargs="+", default=[30, 300])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-rdflib", dest="rdflib", action="store_false")
    ap.add_argument("--rdflib-up-to", type=int, default=150_000, help="quads")
    ap.add_argument("--rdflib-timeout", type=float, default=300, help="seconds a query")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for docs in args.docs:
            one_size(docs, args, Path(tmp))


if __name__ == "__main__":
    main()
