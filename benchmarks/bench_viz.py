"""View size and load-and-settle time in headless Chromium, for synthetic graphs shaped like ours.

    .venv/bin/python benchmarks/bench_viz.py                 # 1,000 and 5,000 nodes
    .venv/bin/python benchmarks/bench_viz.py --sizes 300 1000 5000 20000 --repeat 3
    .venv/bin/python benchmarks/bench_viz.py --sizes --store-docs 300   # the store view only

A synthetic graph has the seeds' mix of kinds (documents citing provisions of a few instruments,
mentioning States, organisations and initiatives, reporting meetings where States take part;
recommendations with topics), labels in English and Chinese and a source sentence per node.
For each size the table gives: the nodes actually drawn (the view keeps at most 5,000), the time
to lay out and write the page, its size, and the time from opening the file in Chromium (network
off) until the view has settled: physics stabilised and stopped (up to 1,000 nodes), or the
first full drawing (above, where positions are precomputed and physics is off); then how long
the next drawing takes after a zoom and after hiding one type with the filter.

Then (``--store-docs N``, default 300 = about 1M quads; 0 skips it) the ``all`` view of a store
built from bench_build's generated corpus, as ``unkg viz STORE --out FILE`` commands: the first
one reads the projection's rows out of the store, the next one reads the projection kept beside
it. Each with seconds, CPU seconds (the steadier figure on a shared machine) and peak RSS.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import make_corpus, timed_build, timed_unkg  # noqa: E402

from unkg.graph.viz import MAX_NODES, prepare, write_view  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SENTENCE = "工作组建议缔约国依照《有组织犯罪公约》第 18 条加强司法协助，并通过现有网络开展区域司法合作。"
MIX = {"Document": 0.04, "Recommendation": 0.14, "Provision": 0.18, "State": 0.12,
       "Organization": 0.14, "Initiative": 0.1, "Person": 0.2, "Meeting": 0.03, "Topic": 0.05}


def synthetic(n: int, seed: int = 7) -> nx.DiGraph:
    """``n`` nodes with the kinds, attributes and link patterns of an ``all`` projection."""
    rng = random.Random(seed)
    G = nx.DiGraph(view="all")
    pools: dict[str, list[str]] = {}
    instruments = [f"inst{i}" for i in range(6)]
    for i, iri in enumerate(instruments):
        G.add_node(iri, kind="Instrument", key=f"INST-{i}", label_en=f"Instrument {i}", label_zh=f"文书{i}",
                   codes=[f"XVIII-12-{i}"], source=SENTENCE, source_ref="DOC/1, para. 1")
    counts = {kind: max(2, int((n - len(instruments)) * share)) for kind, share in MIX.items()}
    counts["Person"] += n - len(instruments) - sum(counts.values())  # exactly n nodes
    for kind, count in counts.items():
        pools[kind] = [f"{kind.lower()}{i}" for i in range(count)]
        for i, iri in enumerate(pools[kind]):
            attrs = {"kind": kind, "key": f"{kind[:3].upper()}-{i}", "label_en": f"{kind} {i}",
                     "label_zh": f"{kind}{i}号", "codes": [], "source": SENTENCE, "source_ref": f"DOC/{i % 50}, para. {i % 90}"}
            if kind == "Provision":
                attrs.update(instrument=rng.choice(instruments), level="article", article=str(i))
            if kind == "Document":
                attrs.update(year=str(2010 + i % 12))
            G.add_node(iri, **attrs)
    for prov in pools["Provision"]:
        G.add_edge(prov, G.nodes[prov]["instrument"], rel="part_of", weight=1)
    for doc in pools["Document"]:
        meeting = rng.choice(pools["Meeting"])
        G.add_edge(doc, meeting, rel="reports", weight=1)
        for kind, k, rel in (("Provision", 12, "cites"), ("State", 10, "mentions"),
                             ("Organization", 8, "mentions"), ("Initiative", 6, "mentions"),
                             ("Person", 10, "mentions")):
            for target in rng.sample(pools[kind], min(k, len(pools[kind]))):
                G.add_edge(doc, target, rel=rel, weight=rng.randint(1, 4))
    for rec in pools["Recommendation"]:
        G.add_edge(rec, rng.choice(pools["Document"]), rel="part_of", weight=1)
        G.add_edge(rec, rng.choice(pools["Topic"]), rel="subject", weight=1)
        G.add_edge(rec, rng.choice(pools["Provision"]), rel="cites", weight=1)
    for state in pools["State"]:
        for meeting in rng.sample(pools["Meeting"], min(2, len(pools["Meeting"]))):
            G.add_edge(state, meeting, rel="participated", weight=1, roles=["party"])
    G.graph["documents"] = [G.nodes[d]["key"] for d in pools["Document"]]
    return G


_FRAME = """(action) => new Promise((done) => {
  const net = window.unkg.network, t = performance.now();
  net.once("afterDrawing", () => done(performance.now() - t));
  if (action === "zoom") { net.moveTo({scale: 1.0}); }
  else { document.querySelector("#legend input[data-kind='Person']").click(); }
})"""


def settle_seconds(browser, path: Path) -> tuple[float, float, float]:
    """Seconds from opening ``path`` until the page says it has settled; then milliseconds to
    draw after a zoom and after hiding a type."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    start = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready='1']", state="attached", timeout=600_000)
    elapsed = time.perf_counter() - start
    zoom, hide = page.evaluate(_FRAME, "zoom"), page.evaluate(_FRAME, "filter")
    page.close()
    if errors:
        raise RuntimeError(f"{path}: {errors}")
    return elapsed, zoom, hide


def run(sizes: list[int], repeat: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        for n in sizes:
            G = synthetic(n)
            start = time.perf_counter()
            H = prepare(G)
            path = write_view(H, Path(tmp) / f"view-{n}.html")
            build = time.perf_counter() - start
            runs = [settle_seconds(browser, path) for _ in range(repeat)]
            rows.append({"nodes": len(G), "drawn": len(H), "edges": H.number_of_edges(),
                         "physics": len(H) <= 1000, "build_s": round(build, 2),
                         "size_mb": round(path.stat().st_size / 1e6, 2),
                         "settle_s": round(statistics.median(r[0] for r in runs), 2),
                         "zoom_ms": round(statistics.median(r[1] for r in runs)),
                         "filter_ms": round(statistics.median(r[2] for r in runs))})
        browser.close()
    return rows


def store_view(docs: int) -> list[dict]:
    """The first and the next `unkg viz STORE` of the ``all`` view, ``docs`` generated documents."""
    from pyoxigraph import Store

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "corpus").mkdir()
        make_corpus(tmp / "corpus", docs, 60)
        timed_build(tmp / "corpus", tmp / "c.store", "--jobs", "2")
        quads = len(Store.read_only(str(tmp / "c.store")))
        for run in ("first", "cached"):
            sec, cpu, mem = timed_unkg("viz", str(tmp / "c.store"), "--out", str(tmp / "view.html"))
            rows.append({"docs": docs, "quads": quads, "run": run, "seconds": round(sec, 2),
                         "cpu_s": round(cpu, 2), "peak_mb": round(mem),
                         "size_mb": round((tmp / "view.html").stat().st_size / 1e6, 2)})
    return rows


def _print_store(rows: list[dict]) -> None:
    print(f"\n{'store view':<12} {'docs':>5} {'quads':>10} {'seconds':>8} {'CPU s':>6} {'peak MB':>8} {'file MB':>8}")
    for r in rows:
        print(f"{r['run']:<12} {r['docs']:>5} {r['quads']:>10,} {r['seconds']:>8} {r['cpu_s']:>6} "
              f"{r['peak_mb']:>8} {r['size_mb']:>8}")
    print("(unkg viz STORE --out FILE, all view: first = the projection read from the store, "
          "cached = the projection kept beside it)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000],
                        help="synthetic graph sizes drawn in Chromium (none: skip)")
    parser.add_argument("--store-docs", type=int, default=300,
                        help="documents of the generated store whose view is timed (0: skip)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size (the median is shown)")
    parser.add_argument("--json", help="also write the rows to this file")
    args = parser.parse_args()
    rows = run(args.sizes, args.repeat) if args.sizes else []
    stored = store_view(args.store_docs) if args.store_docs else []
    if rows:
        _print_browser(rows)
    if stored:
        _print_store(stored)
    if args.json:
        Path(args.json).write_text(json.dumps({"browser": rows, "store": stored}, indent=2), encoding="utf-8")


def _print_browser(rows: list[dict]) -> None:
    print(f"{'nodes':>7} {'drawn':>6} {'edges':>6} {'physics':>7} {'build s':>8} {'file MB':>8} "
          f"{'settle s':>9} {'zoom ms':>8} {'filter ms':>9}")
    for r in rows:
        print(f"{r['nodes']:>7} {r['drawn']:>6} {r['edges']:>6} {'on' if r['physics'] else 'off':>7} "
              f"{r['build_s']:>8} {r['size_mb']:>8} {r['settle_s']:>9} {r['zoom_ms']:>8} {r['filter_ms']:>9}")
    print(f"(views keep at most {MAX_NODES:,} nodes; settle = opened until stabilised or first drawn;"
          " zoom/filter = time to the next drawing after zooming / hiding one type)")


if __name__ == "__main__":
    main()
