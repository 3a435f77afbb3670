"""Analytics over a projection (see ``project.py``): pure functions ``f(G) -> list[dict]``.

Every function takes a ``networkx.DiGraph`` whose nodes carry ``kind``, ``key`` and labels and
whose edges carry ``rel`` and ``weight``, and returns rows of plain values (str, int, float), so
the result prints as a table, writes as CSV or JSON, and is easy to test. Provenance (paragraphs,
annotations) is not in a projection, so it cannot top the centrality rankings.

``cli_analyze`` is the ``unkg analyze`` command: tables, a chart, GraphML and GEXF exports.
"""
from __future__ import annotations

import csv
import itertools
import json
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx

from unkg.extract.models import UserError

ACTOR_KINDS = ("State", "Organization", "Person")
SAMPLE_ABOVE = 1000  # betweenness is estimated from PIVOTS seeded sources on larger graphs
PIVOTS = 300


def _label(G: nx.DiGraph, n: str, lang: str = "en") -> str:
    return G.nodes[n].get(f"label_{lang}") or G.nodes[n].get("key") or n


def _cites(G: nx.DiGraph):
    """(document, provision, weight) for every citation edge from a document."""
    for u, v, d in G.edges(data=True):
        if d.get("rel") == "cites" and G.nodes[u].get("kind") == "Document":
            yield u, v, d.get("weight", 1)


def _article_of(G: nx.DiGraph, n: str) -> str:
    """The article a paragraph or subparagraph belongs to (following ``part_of`` links)."""
    while G.nodes[n].get("level") in ("paragraph", "subparagraph"):
        parents = [v for _, v, d in G.out_edges(n, data=True) if d.get("rel") == "part_of"]
        if not parents:
            break
        n = parents[0]
    return n


def citation_counts(G: nx.DiGraph, *, rollup: bool = False) -> dict[str, int]:
    """How often documents cite each provision.

    Parameters
    ----------
    G : DiGraph
        A citations (or ``all``) projection.
    rollup : bool
        Count citations of a paragraph or subparagraph for its article instead.

    Returns
    -------
    dict
        Provision node -> number of citations (the sum over documents of ``cites`` weights).

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_node("d", kind="Document")
    >>> G.add_node("a6", kind="Provision", level="article")
    >>> G.add_node("a6p3", kind="Provision", level="paragraph")
    >>> G.add_edge("a6p3", "a6", rel="part_of")
    >>> G.add_edge("d", "a6", rel="cites", weight=1)
    >>> G.add_edge("d", "a6p3", rel="cites", weight=2)
    >>> citation_counts(G)
    {'a6': 1, 'a6p3': 2}
    >>> citation_counts(G, rollup=True)
    {'a6': 3}
    """
    counts: Counter = Counter()
    for _, prov, w in _cites(G):
        counts[_article_of(G, prov) if rollup else prov] += w
    return dict(counts)


def most_cited_provisions(G: nx.DiGraph, top: int | None = None, *, rollup: bool = False,
                          per_instrument: bool = False, treaty: bool | None = None) -> list[dict]:
    """The provisions cited most often, with the instrument each belongs to.

    Parameters
    ----------
    G : DiGraph
        A citations (or ``all``) projection.
    top : int, optional
        Keep this many rows (per instrument when ``per_instrument``).
    rollup : bool
        Roll paragraph and subparagraph citations up to their article.
    per_instrument : bool
        Rank within each instrument, instruments in order of their total citations.
    treaty : bool, optional
        True: treaty articles only; False: the other provisions (rules of procedure, recitals,
        principles, model-law articles); None: all. Rankings keep the two apart.

    Returns
    -------
    list of dict
        Rows with ``instrument``, ``article``, ``paragraph``, ``subparagraph``, ``provision``
        (its label), ``count`` and ``documents`` (how many documents cite it), most cited first.
    """
    citing: dict[str, set] = defaultdict(set)
    for doc, prov, _ in _cites(G):
        citing[_article_of(G, prov) if rollup else prov].add(doc)
    rows = []
    for prov, count in citation_counts(G, rollup=rollup).items():
        d = G.nodes[prov]
        if treaty is not None and (d.get("provision_kind", "article") == "article") != treaty:
            continue
        rows.append({"instrument": d.get("instrument_key", ""), "article": d.get("article", ""),
                     "paragraph": d.get("paragraph", ""), "subparagraph": d.get("subparagraph", ""),
                     "provision": _label(G, prov), "count": count, "documents": len(citing[prov])})
    rows.sort(key=lambda r: (-r["count"], r["instrument"], _natural(r["article"]),
                             _natural(r["paragraph"]), r["subparagraph"]))
    if not per_instrument:
        return rows[:top]
    totals = Counter()
    for r in rows:
        totals[r["instrument"]] += r["count"]
    groups = defaultdict(list)
    for r in rows:
        groups[r["instrument"]].append(r)
    return [r for inst in sorted(groups, key=lambda i: (-totals[i], i)) for r in groups[inst][:top]]


def _natural(s: str) -> tuple:
    """Sort "2" before "10"."""
    return (int(s), "") if s.isdigit() else (10**9, s)


def most_mentioned_actors(G: nx.DiGraph, top: int | None = None,
                          kinds: tuple[str, ...] = ACTOR_KINDS) -> list[dict]:
    """States, organisations and persons by how often the documents name them.

    Returns
    -------
    list of dict
        Rows with ``key``, ``kind``, ``label_en``, ``label_zh``, ``mentions`` (times named),
        ``documents`` (documents naming it) and ``meetings`` (meetings it took part in).

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_node("d1", kind="Document"); G.add_node("d2", kind="Document")
    >>> G.add_node("ita", kind="State", key="ITA", label_en="Italy", label_zh="意大利")
    >>> G.add_edge("d1", "ita", rel="mentions", weight=3)
    >>> G.add_edge("d2", "ita", rel="mentions", weight=1)
    >>> most_mentioned_actors(G)[0]["mentions"]
    4
    """
    rows = []
    for n, d in G.nodes(data=True):
        if d.get("kind") not in kinds:
            continue
        named = [(u, e.get("weight", 1)) for u, _, e in G.in_edges(n, data=True) if e.get("rel") == "mentions"]
        meetings = sum(1 for _, _, e in G.out_edges(n, data=True) if e.get("rel") == "participated")
        rows.append({"key": d.get("key", n), "kind": d["kind"], "label_en": _label(G, n),
                     "label_zh": _label(G, n, "zh"), "mentions": sum(w for _, w in named),
                     "documents": len(named), "meetings": meetings})
    rows.sort(key=lambda r: (-r["mentions"], -r["meetings"], r["key"]))
    return [r for r in rows if r["mentions"] or r["meetings"]][:top]


def centrality(G: nx.DiGraph, top: int | None = None, *, seed: int = 0) -> list[dict]:
    """Degree, PageRank (weighted, directed) and betweenness (undirected) of every node.

    Betweenness is estimated from a seeded sample of 300 sources above 1,000 nodes.

    Returns
    -------
    list of dict
        Rows with ``key``, ``kind``, ``label_en``, ``degree``, ``pagerank``, ``betweenness``,
        highest PageRank first.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("c", "b")])
    >>> nx.set_node_attributes(G, "State", "kind")
    >>> [r["key"] for r in centrality(G)]
    ['b', 'a', 'c']
    """
    if not len(G):
        return []
    pagerank = nx.pagerank(G, weight="weight")
    k = PIVOTS if len(G) > SAMPLE_ABOVE else None
    between = nx.betweenness_centrality(nx.Graph(G), k=k, seed=seed)  # a copy iterates faster than a view
    rows = [{"key": d.get("key", n), "kind": d.get("kind", ""), "label_en": _label(G, n),
             "degree": G.degree(n), "pagerank": round(pagerank[n], 4),
             "betweenness": round(between[n], 4)} for n, d in G.nodes(data=True)]
    rows.sort(key=lambda r: (-r["pagerank"], -r["degree"], r["key"]))
    return rows[:top]


def co_citation(G: nx.DiGraph, top: int | None = None, *, unit: str = "paragraph") -> list[dict]:
    """Pairs of provisions cited together, and how often.

    Parameters
    ----------
    unit : {"paragraph", "document"}
        Cited together in one paragraph (the citations edges' ``paragraphs``), or in one document.

    Returns
    -------
    list of dict
        Rows with ``a``, ``b`` (provision labels) and ``count`` (paragraphs or documents citing
        both), most frequent first.

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_nodes_from(["d"], kind="Document")
    >>> G.add_nodes_from(["x", "y"], kind="Provision")
    >>> G.add_edge("d", "x", rel="cites", paragraphs=["p1", "p2"])
    >>> G.add_edge("d", "y", rel="cites", paragraphs=["p2"])
    >>> co_citation(G)
    [{'a': 'x', 'b': 'y', 'count': 1}]
    """
    if unit not in ("paragraph", "document"):
        raise ValueError(f"unit must be 'paragraph' or 'document', not {unit!r}")
    cited: dict[str, set] = defaultdict(set)
    for doc, prov, _ in _cites(G):
        units = G.edges[doc, prov].get("paragraphs") if unit == "paragraph" else None
        for u in units or [doc]:
            cited[u].add(prov)
    return _pairs(G, cited.values(), top)


def co_participation(G: nx.DiGraph, top: int | None = None,
                     kinds: tuple[str, ...] = ("State",)) -> list[dict]:
    """Pairs of States (or other ``kinds``) that took part in the same meetings.

    Returns
    -------
    list of dict
        Rows with ``a``, ``b`` (labels) and ``count`` (meetings both attended).
    """
    present: dict[str, set] = defaultdict(set)
    for u, v, d in G.edges(data=True):
        if d.get("rel") == "participated" and G.nodes[u].get("kind") in kinds:
            present[v].add(u)
    return _pairs(G, present.values(), top)


def _pairs(G: nx.DiGraph, groups, top: int | None) -> list[dict]:
    together: Counter = Counter()
    for group in groups:
        for a, b in itertools.combinations(sorted(group), 2):
            together[(a, b)] += 1
    rows = [{"a": _label(G, a), "b": _label(G, b), "count": c} for (a, b), c in together.items()]
    rows.sort(key=lambda r: (-r["count"], r["a"], r["b"]))
    return rows[:top]


def communities(G: nx.DiGraph, top: int | None = None, *, seed: int = 42,
                members: int = 5) -> list[dict]:
    """Communities found by Louvain modularity (networkx, seeded so runs agree).

    Returns
    -------
    list of dict
        Rows with ``community`` (0 = largest), ``size``, ``kinds`` (counts per kind) and
        ``members`` (labels of its ``members`` best-connected nodes).
    """
    if not G.number_of_edges():
        return []
    found = nx.community.louvain_communities(G.to_undirected(), weight="weight", seed=seed)
    found = sorted(found, key=lambda c: (-len(c), min(c)))
    rows = []
    for i, c in enumerate(found[:top]):
        kinds = Counter(G.nodes[n].get("kind", "") for n in c)
        best = sorted(c, key=lambda n: (-G.degree(n), _label(G, n)))[:members]
        rows.append({"community": i, "size": len(c),
                     "kinds": ", ".join(f"{k} {v}" for k, v in kinds.most_common()),
                     "members": "; ".join(_label(G, n) for n in best)})
    return rows


def community_of(G: nx.DiGraph, *, seed: int = 42) -> dict[str, int]:
    """Node -> community number, numbered as in :func:`communities`."""
    if not G.number_of_edges():
        return {n: 0 for n in G}
    found = nx.community.louvain_communities(G.to_undirected(), weight="weight", seed=seed)
    found = sorted(found, key=lambda c: (-len(c), min(c)))
    return {n: i for i, c in enumerate(found) for n in c}


def change(G: nx.DiGraph, top: int | None = None, *, by: str = "year",
           rel: str = "cites") -> list[dict]:
    """How citations (``rel="cites"``) or mentions (``"mentions"``) change between periods.

    Parameters
    ----------
    by : {"year", "meeting"}
        A document's period: the year it was issued (or its meeting began), or its meeting.

    Returns
    -------
    list of dict
        One row per cited or mentioned node, most cited first: ``key``, one column per period
        (oldest first; periods without a date last) with its count, and ``change`` (last period
        minus first). Empty when the graph holds fewer than two periods.

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_node("d1", kind="Document", year="2018"); G.add_node("d2", kind="Document", year="2022")
    >>> G.add_node("p", kind="Provision", key="UNTOC art. 18")
    >>> G.add_edge("d1", "p", rel="cites", weight=1); G.add_edge("d2", "p", rel="cites", weight=3)
    >>> change(G)
    [{'key': 'UNTOC art. 18', '2018': 1, '2022': 3, 'change': 2}]
    """
    period = {n: _period(G, n, by) for n, d in G.nodes(data=True) if d.get("kind") == "Document"}
    counts: dict[str, Counter] = defaultdict(Counter)
    for u, v, d in G.edges(data=True):
        if d.get("rel") == rel and u in period and period[u][1]:
            counts[v][period[u][1]] += d.get("weight", 1)
    periods = [name for _, name in sorted({p for p in period.values() if p[1]})]
    if len(periods) < 2:
        return []
    rows = []
    for n, c in sorted(counts.items(), key=lambda item: (-sum(item[1].values()), G.nodes[item[0]].get("key", item[0]))):
        row = {"key": G.nodes[n].get("key", n), **{p: c[p] for p in periods}}
        row["change"] = c[periods[-1]] - c[periods[0]]
        rows.append(row)
    return rows[:top]


def _period(G: nx.DiGraph, doc: str, by: str) -> tuple[str, str]:
    """(sort key, name) of a document's period."""
    d = G.nodes[doc]
    if by == "year":
        return d.get("year", ""), d.get("year", "")
    if by == "meeting":  # meetings without a date sort last
        start = d.get("meeting_start", "")
        return (start or "~"), d.get("meeting_label", "")
    raise ValueError(f"by must be 'year' or 'meeting', not {by!r}")


# -- the command line ----------------------------------------------------------------------

TABLES = {
    "most-cited": "Most-cited treaty articles (per instrument)",
    "most-cited-other": "Most-cited other provisions (rules of procedure, recitals, principles)",
    "actors": "Most-mentioned actors",
    "centrality": "Central nodes (PageRank, degree, betweenness)",
    "co-citation": "Provisions cited in the same paragraph",
    "co-participation": "States at the same meetings",
    "communities": "Communities (Louvain)",
    "change-by-year": "Citations by year",
    "change-by-meeting": "Citations by meeting",
}


def report(G: nx.DiGraph, top: int = 10, *, rollup: bool = False) -> dict[str, list[dict]]:
    """Every table of ``unkg analyze``, keyed as in ``TABLES`` (empty tables left out)."""
    tables = {
        "most-cited": most_cited_provisions(G, top, rollup=rollup, per_instrument=True, treaty=True),
        "most-cited-other": most_cited_provisions(G, top, rollup=rollup, per_instrument=True, treaty=False),
        "actors": most_mentioned_actors(G, top),
        "centrality": centrality(G, top),
        "co-citation": co_citation(G, top),
        "co-participation": co_participation(G, top),
        "communities": communities(G, top),
        "change-by-year": change(G, top, by="year"),
        "change-by-meeting": change(G, top, by="meeting"),
    }
    return {name: rows for name, rows in tables.items() if rows or name == "most-cited"}


def cli_analyze(args) -> int:
    """``unkg analyze GRAPH``: print the tables; write the chart and exports asked for."""
    from .project import project
    from .rdf.store import load

    G = project(load(args.graph), "all")
    tables = report(G, args.top, rollup=args.rollup)
    wanted = getattr(args, "table", None) or "all"
    if wanted != "all":
        tables = {wanted: tables.get(wanted, [])}
    write_tables(tables, args.format, sys.stdout)
    if args.chart:
        chart_most_cited(G, args.chart, top=args.top, rollup=args.rollup)
    for path, fmt in ((args.graphml, "graphml"), (args.gexf, "gexf")):
        if path:
            export(G, path, fmt)
    return 0


def write_tables(tables: dict[str, list[dict]], fmt: str, out) -> None:
    """Tables as aligned text, JSON (one object keyed by table), or CSV (one block per table,
    headed ``# name``, unless there is only one)."""
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
            out.write(("\n" if i else "") + f"{TABLES.get(name, name)}\n")
            out.write(text_table(rows) + "\n")


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
    """A horizontal bar chart of the most-cited provisions, coloured by instrument (PNG or SVG)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    path = Path(path)
    if path.suffix.lower() not in (".png", ".svg"):
        raise UserError(f"{path}: the chart must be .png or .svg")
    rows = most_cited_provisions(G, top, rollup=rollup, treaty=True)[::-1]
    instruments = sorted({r["instrument"] for r in rows})
    colours = dict(zip(instruments, plt.get_cmap("tab10").colors))
    fig, ax = plt.subplots(figsize=(8, 0.45 * max(len(rows), 3) + 1.2))
    ax.barh([r["provision"] for r in rows], [r["count"] for r in rows],
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
    """Write ``G`` as GraphML or GEXF for Gephi, with each node's community and citations."""
    H = nx.DiGraph()
    cited = citation_counts(G)
    group = community_of(G)
    for n, d in G.nodes(data=True):
        H.add_node(n, **{k: _flat(v) for k, v in d.items()}, community=group.get(n, 0),
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
