"""Analytics over a projection (see ``project.py``): pure functions ``f(G) -> list[dict]``.

Every function takes a ``networkx.DiGraph`` whose nodes carry ``kind``, ``key`` and labels and
whose edges carry ``rel`` and ``weight``, and returns rows of plain values (str, int, float), so
the result prints as a table, writes as CSV or JSON, and is easy to test. Provenance (paragraphs,
annotations) is not in a projection, so it cannot top the centrality rankings.

``cli_analyze`` is the ``unkg analyze`` command: tables, a chart, GraphML and GEXF exports
(written by ``tables.py``):

>>> print(text_table([{"key": "ITA", "count": 3}, {"key": "意大利", "count": 12}]))
key     count
------  -----
ITA         3
意大利     12
"""
from __future__ import annotations

import itertools
import sys
from collections import Counter, defaultdict

import networkx as nx

from unkg.ontology import treaties

# The outputs live in tables.py; analyze.text_table and the others stay where readers call them.
# The command itself (``cli_analyze``) is there too, with the outputs it writes.
from .tables import chart_most_cited, cli_analyze, export, text_table, write_tables  # noqa: F401

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


# -- the tables of the command line ----------------------------------------------------------------------

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


def most_cited_articles(G: nx.DiGraph, top: int | None = None, *, rollup: bool = False) -> list[dict]:
    """The ``top`` most-cited treaty provisions overall (the rows the chart draws), grouped by
    instrument (most cited first), each with its article's English ``title`` where unkg holds
    the treaty's text. Articles sort as numbers within a count: 4, 13, 18."""
    rows = [{**r, "title": treaties.title(r["instrument"], r["article"]) or ""}
            for r in most_cited_provisions(G, top, rollup=rollup, treaty=True)]
    totals: Counter = Counter()
    for r in rows:
        totals[r["instrument"]] += r["count"]
    order = {i: n for n, i in enumerate(sorted(totals, key=lambda i: (-totals[i], i)))}
    return sorted(rows, key=lambda r: order[r["instrument"]])  # stable: the ranking within each


def report(G: nx.DiGraph, top: int = 10, *, rollup: bool = False) -> dict[str, list[dict]]:
    """Every table of ``unkg analyze``, keyed as in ``TABLES`` (empty tables left out)."""
    tables = {
        "most-cited": most_cited_articles(G, top, rollup=rollup),
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

