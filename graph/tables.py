"""What ``unkg analyze`` writes: tables of rows as aligned text, CSV or JSON; the chart of the
most-cited provisions; GraphML and GEXF exports for Gephi.

The rows come from the pure functions of ``analyze.py``; nothing here computes a ranking.
"""
from __future__ import annotations

import csv
import json
import sys
import unicodedata
from pathlib import Path

import networkx as nx

from unkg.extract.models import UserError


ROLLUP = {False: "counts: each paragraph or subparagraph apart from its article (--rollup counts "
                 "them for the article)",
          True: "counts: paragraph and subparagraph citations rolled up to their article (--rollup)"}


def cli_analyze(args) -> int:
    """``unkg analyze GRAPH``: print the tables; write the chart and exports asked for. The
    chart draws the rows of the most-cited table, so ``--top N`` is the same N in both."""
    from .analyze import TABLES, report
    from .project import project
    from .rdf.store import load

    G = project(load(args.graph), "all")
    tables = report(G, args.top, rollup=args.rollup)
    wanted = getattr(args, "table", None) or "all"
    if wanted != "all":
        tables = {wanted: tables.get(wanted, [])}
    notes = {name: ROLLUP[bool(args.rollup)] for name in ("most-cited", "most-cited-other")}
    write_tables(tables, args.format, sys.stdout, TABLES, notes)
    if args.chart:
        chart_most_cited(G, args.chart, top=args.top, rollup=args.rollup)
    for path, fmt in ((args.graphml, "graphml"), (args.gexf, "gexf")):
        if path:
            export(G, path, fmt)
    return 0


def write_tables(tables: dict[str, list[dict]], fmt: str, out, titles: dict[str, str] | None = None,
                 notes: dict[str, str] | None = None) -> None:
    """Tables as aligned text, JSON (one object keyed by table), or CSV (one block per table,
    headed ``# name``, unless there is only one). ``notes`` (text only) follow their table."""
    if fmt == "json":
        json.dump(tables, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for i, (name, rows) in enumerate(tables.items()):
        if fmt == "csv":
            if len(tables) > 1:
                out.write(("\n" if i else "") + f"# {name}\n")
            if rows:
                w = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
                w.writeheader()
                w.writerows(rows)
        else:
            out.write(("\n" if i else "") + f"{(titles or {}).get(name, name)}\n")
            out.write(text_table(rows) + "\n")
            if (notes or {}).get(name):
                out.write(f"({notes[name]})\n")


def _width(s: str) -> int:
    """Columns a string takes in a terminal (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _clip(s: str, limit: int = 60) -> str:
    return s if len(s) <= limit else s[:limit - 1] + "…"


def text_table(rows: list[dict]) -> str:
    """Rows as a plain aligned table; numbers right-aligned.

    >>> print(text_table([{"key": "ITA", "count": 3}, {"key": "意大利", "count": 12}]))
    key     count
    ------  -----
    ITA         3
    意大利     12
    """
    if not rows:
        return "(none)"
    cols = list(rows[0])
    cells = [[f"{v:.4f}" if isinstance(v, float) else _clip(str(v)) for v in (r.get(c, "") for c in cols)]
             for r in rows]
    numeric = [all(isinstance(r.get(c), (int, float)) for r in rows) for c in cols]
    widths = [max(_width(x) for x in [c, *(row[i] for row in cells)]) for i, c in enumerate(cols)]

    def line(values: list[str]) -> str:
        padded = [(" " * (w - _width(v)) + v) if num else (v + " " * (w - _width(v)))
                  for v, w, num in zip(values, widths, numeric)]
        return "  ".join(padded).rstrip()

    return "\n".join([line(cols), line(["-" * w for w in widths]), *(line(row) for row in cells)])


def chart_most_cited(G: nx.DiGraph, path: str | Path, *, top: int = 10, rollup: bool = False) -> Path:
    """A horizontal bar chart of the most-cited treaty provisions, coloured by instrument (PNG
    or SVG): the rows of the most-cited table, in its order, labelled with the article titles."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from .analyze import most_cited_articles

    path = Path(path)
    if path.suffix.lower() not in (".png", ".svg"):
        raise UserError(f"{path}: the chart must be .png or .svg")
    rows = most_cited_articles(G, top, rollup=rollup)[::-1]  # barh draws from the bottom up
    instruments = sorted({r["instrument"] for r in rows})
    colours = dict(zip(instruments, plt.get_cmap("tab10").colors))
    fig, ax = plt.subplots(figsize=(8, 0.45 * max(len(rows), 3) + 1.2))
    labels = [_clip(f"{r['provision']} {r['title']}".strip(), 48) for r in rows]
    ax.barh(range(len(rows)), [r["count"] for r in rows], tick_label=labels,
            color=[colours[r["instrument"]] for r in rows])
    for i, r in enumerate(rows):
        ax.text(r["count"], i, f" {r['count']}", va="center", fontsize=9)
    ax.set_xlabel("citations" + (" (paragraphs rolled up to articles)" if rollup else ""))
    ax.set_title(f"Most-cited provisions ({len(G.graph.get('documents', []))} documents)")
    ax.xaxis.get_major_locator().set_params(integer=True)
    handles = [plt.Rectangle((0, 0), 1, 1, color=colours[i]) for i in instruments]
    if instruments:
        ax.legend(handles, instruments, loc="lower right", fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=150)
    plt.close(fig)
    return path


def export(G: nx.DiGraph, path: str | Path, fmt: str) -> Path:
    """Write ``G`` as GraphML or GEXF for Gephi, with each node's community and citations.

    Nodes keep their IRIs as ids and get a human ``label`` (Gephi shows it; GEXF's own label
    is otherwise the id), and a treaty article or paragraph the ``title`` of its article."""
    from unkg.ontology.treaties import title
    from .analyze import citation_counts, community_of
    H = nx.DiGraph()
    cited = citation_counts(G)
    group = community_of(G)
    for n, d in G.nodes(data=True):
        extra = {"label": d.get("label_en") or d.get("key") or n}
        if d.get("kind") == "Provision" and (t := title(d.get("instrument_key"), d.get("article"))):
            extra["title"] = t
        H.add_node(n, **{k: _flat(v) for k, v in d.items()}, **extra, community=group.get(n, 0),
                   citations=cited.get(n, 0))
    for u, v, d in G.edges(data=True):
        H.add_edge(u, v, **{k: _flat(val) for k, val in d.items()})
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(H, str(path))
    return path


def _flat(value):
    """GraphML and GEXF take scalars only: lists become "a; b", None becomes ""."""
    if isinstance(value, (list, tuple, set)):
        return "; ".join(map(str, value))
    return "" if value is None else value
