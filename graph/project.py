"""Projections of the RDF graph to NetworkX: the views a user explores and analyses.

Each projection is a ``networkx.DiGraph`` whose nodes are the things a reader cares about —
documents, recommendations, provisions, instruments, States, organisations, initiatives, persons,
meetings, topics, resolutions — and whose edges carry ``rel`` (``cites``, ``part_of``,
``participated``, ``mentions``, ...) and ``weight``. Paragraphs, Web Annotations and other
provenance never become nodes (they would top every centrality ranking); they survive only as the
``source`` sentence and ``source_ref`` of the nodes they support.

Node attributes: ``kind``, ``key``, ``label_en``, ``label_zh``, ``short_en``, ``short_zh`` (an
acronym or the key where the label is long, for drawing), ``codes`` (list of str),
``source`` (a sentence of the document, plain text, never markup), ``source_ref``
("SYMBOL, para. N"), and per kind: ``instrument``/``article``/``paragraph``/``subparagraph``/
``level`` (provisions), ``doc`` and ``strength`` (recommendations), ``meeting``/``year``
(documents), ``ordinal``/``year`` (meetings).

``G.graph["facts"]`` keeps, per node, every paragraph that names or cites it as
(where, paragraph text, exact words): the view's reader (never node attributes, which exports
write out).

Everything is read with SPARQL SELECTs run by pyoxigraph, each joining inside one document's
named graph (see ``_DESCRIBE``).

>>> from unkg.graph.rdf.store import load
>>> G = project(load("tests/data/explore.trig"), "citations")   # doctest: +SKIP

A node's ``source`` is the sentence that names it (``nodes.sentence``):

>>> from unkg.graph.nodes import sentence
>>> sentence("第一句。意大利报告了合作。第三句。", "意大利")
'意大利报告了合作。'
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx
from pyoxigraph import Literal, NamedNode, Store

from unkg.extract.models import UserError

from .nodes import describe, ref, support, term, unknown
from .rdf.vocab import PREFIXES

VIEWS = ("citations", "actors", "recommendations", "all")
ENTITY_KINDS = ("State", "Organization", "Initiative", "Instrument", "Person")
ACTOR_KINDS = ("State", "Organization", "Person")


def _scans(*patterns: str) -> str:
    """Each pattern in a sub-SELECT of its own, inside its named graph (``GRAPH ?g``).

    Oxigraph then reads each pattern with one range scan and joins them by hashing on the shared
    variables (``?g`` among them, so every join stays inside one document's graph). Written as one
    group, the patterns are joined by looking every row up in RocksDB instead, term after term:
    at a million quads, 2-15x slower for the same rows (the view's queries took 14 of 23 CPU s)."""
    return " ".join("{ SELECT * WHERE { GRAPH ?g { %s } } }" % p for p in patterns)


# Counted per language graph, so the zh and en versions of one document do not add up.
_CITATIONS = "SELECT ?g ?doc ?prov ?citing ?exact ?text WHERE { %s OPTIONAL { %s } OPTIONAL { %s } }" % (
    _scans("?c a cito:Citation", "?c dct:isPartOf ?doc", "?c cito:hasCitedEntity ?prov",
           "?c cito:hasCitingEntity ?citing"),
    _scans("?c unkg:exact ?exact"), _scans("?citing rdf:value ?text"))

_MENTIONS = "SELECT ?g ?doc ?e ?src ?exact ?text WHERE { %s OPTIONAL { %s } OPTIONAL { %s } }" % (
    _scans("?doc a unkg:UNDocument", "?ann oa:hasBody ?e", "?ann oa:hasTarget ?t", "?t oa:hasSource ?src"),
    _scans("?t oa:hasSelector ?sel", "?sel oa:exact ?exact"), _scans("?src rdf:value ?text"))

# A paragraph's schema:mentions without an annotation still counts once.
_PARAGRAPH_MENTIONS = "SELECT ?g ?doc ?e ?src ?text WHERE { %s MINUS { %s } }" % (
    _scans("?doc a unkg:UNDocument", "?src schema:mentions ?e", "?src rdf:value ?text"),
    _scans("?src a unkg:Recommendation"))

_REC_LINKS = """SELECT DISTINCT ?rec ?p ?o WHERE { %s { SELECT * WHERE {
  VALUES ?p { cito:cites schema:mentions dct:subject } GRAPH ?g { ?rec ?p ?o } } } }""" % _scans(
    "?rec a unkg:Recommendation")

_PART_OF = """SELECT DISTINCT ?s ?o WHERE { GRAPH ?g {
  ?s a eli:LegalResourceSubdivision ; eli:is_part_of ?o } }"""

_PARTICIPATIONS = "SELECT DISTINCT ?agent ?event ?role ?src ?text WHERE { %s OPTIONAL { %s OPTIONAL { %s } } }" % (
    _scans("?x a unkg:Participation", "?x unkg:agent ?agent", "?x unkg:event ?event", "?x unkg:role ?role"),
    _scans("?x prov:wasDerivedFrom ?src"), _scans("?src rdf:value ?text"))

_REFERENCES = """SELECT DISTINCT ?doc ?o WHERE { GRAPH ?g {
  ?doc a unkg:UNDocument ; dct:references ?o } }"""
_NATIONALITY = "SELECT DISTINCT ?s ?o WHERE { GRAPH ?g { ?s unkg:nationality ?o } }"
_ORGANIZER = "SELECT DISTINCT ?s ?o WHERE { GRAPH ?g { ?s a schema:Event ; schema:organizer ?o } }"

class _Reader:
    """SELECTs over every named graph (``GRAPH ?g``), or over some of them only."""

    def __init__(self, store: Store, graphs: list[NamedNode] | None = None):
        self.store, self.graphs = store, graphs

    def rows(self, sparql: str):
        kwargs = {"named_graphs": self.graphs} if self.graphs else {}
        solutions = self.store.query(sparql, prefixes=PREFIXES, **kwargs)
        names = [v.value for v in solutions.variables]
        for row in solutions:  # unpacked once: each row[name] converts its term again
            yield {n: t for n, t in zip(names, row) if t is not None}

    def values(self, sparql: str):
        """``rows`` with each term as its string (IRI or lexical form), made once per term."""
        for row in self.rows(sparql):
            yield {n: t.value for n, t in row.items()}


def document_graphs(store: Store, doc: str) -> list[NamedNode]:
    """The named graphs of the document whose symbol, key or file stem is ``doc``."""
    sparql = f"""SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?d a unkg:UNDocument .
        {{ ?d unkg:key ?k }} UNION {{ ?d dct:identifier ?k }} UNION {{ ?d unkg:fileStem ?k }}
        FILTER (STR(?k) = {Literal(doc)}) }} }}"""
    graphs = sorted((row["g"] for row in _Reader(store).rows(sparql)), key=lambda g: g.value)
    if not graphs:
        raise UserError(f"no document '{doc}' in the graph (give its symbol or file stem)")
    return graphs


def project(store: Store, view: str = "all", *, doc: str | None = None) -> nx.DiGraph:
    """The ``view`` projection (citations, actors, recommendations, all) of the store.

    ``doc`` keeps one document (its symbol, key or file stem) and what it says.
    """
    if view not in VIEWS:
        raise UserError(f"unknown view '{view}' (expected one of {', '.join(VIEWS)})")
    reader = _Reader(store, document_graphs(store, doc) if doc else None)
    nodes = describe(reader)
    G = nx.DiGraph(view=view, documents=sorted(n["key"] for n in nodes.values()
                                               if n["kind"] == "Document" and n.get("own")))
    parts = {"citations": (_citations,), "actors": (_actors, _actor_mentions),
             "recommendations": (_recommendations,),
             "all": (_citations, _actors, _entity_mentions, _recommendations, _references)}[view]
    for part in parts:
        part(reader, nodes, G)
    for n in G:
        G.nodes[n].update({k: v for k, v in nodes.get(n, unknown(n)).items() if k not in ("own", "facts")})
    # The paragraphs behind each node, for the view's reader (kept off the nodes: exports of the
    # graph to GEXF/GraphML write node attributes, and these are whole paragraphs).
    G.graph["facts"] = {n: nodes[n]["facts"] for n in G if nodes.get(n, {}).get("facts")}
    return G


def project_path(path: str | Path, view: str = "all", *, doc: str | None = None) -> nx.DiGraph:
    """``project(load(path), view, doc=doc)``; for a store folder, kept beside it for the next
    reader (``.NAME.views/``, one JSON file per view of the store as it is now).

    Reading a projection's rows out of an on-disk store costs about as much as the store is big
    (every term of every row is looked up in RocksDB: ~10 s at a million quads), and a store
    changes only when a build writes it. The file is named by a digest of the store's files
    (names, sizes, times: any write adds to the write-ahead log or adds a table file), the view,
    the document and this code, so a changed store or a new unkg never reads an old one."""
    from .rdf.store import load
    graph = load(path)  # a path that is neither a store nor a graph file fails here, as always
    p = Path(path)
    if not p.is_dir():
        return project(graph, view, doc=doc)
    cache = p.parent / f".{p.name}.views" / f"{view}.{_fingerprint(p, view, doc)}.json"
    try:
        return _from_json(json.loads(cache.read_text("utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    G = project(graph, view, doc=doc)
    _keep(cache, G)
    return G


def _fingerprint(store_dir: Path, view: str, doc: str | None) -> str:
    from unkg import __version__
    h = hashlib.sha256(f"{__version__} {nx.__version__} {view} {doc}".encode())
    here = Path(__file__).parent
    for code in (here / "project.py", here / "nodes.py", here / "rdf" / "vocab.py"):
        h.update(code.read_bytes())
    for f in sorted(store_dir.iterdir()):
        if not f.name.startswith(("LOG", "LOCK")):  # RocksDB's own log, written by readers too
            st = f.stat()
            h.update(f"{f.name} {st.st_size} {st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:32]


def _keep(cache: Path, G: nx.DiGraph) -> None:
    """Write the projection beside the store (through a temporary file, renamed); drop the
    older ones. A folder one cannot write to just keeps nothing."""
    data = {"graph": G.graph, "nodes": list(G.nodes(data=True)), "edges": list(G.edges(data=True))}
    try:
        cache.parent.mkdir(exist_ok=True)
        for old in cache.parent.glob(cache.name.split(".")[0] + ".*.json"):  # this view's, now stale
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:  # dumps: json.dump encodes in Python, 5x slower
            f.write(json.dumps(data, ensure_ascii=False))
        os.replace(tmp, cache)
    except OSError:
        pass


def _from_json(data: dict) -> nx.DiGraph:
    G = nx.DiGraph(**data["graph"])
    G.add_nodes_from(data["nodes"])
    G.add_edges_from(data["edges"])
    return G


def neighbourhood(G: nx.DiGraph, key: str, hops: int = 2) -> nx.DiGraph:
    """The part of ``G`` within ``hops`` links (either direction) of the node keyed ``key``.

    ``key`` is matched against a node's ``key``, its IRI, then its English or Chinese label.
    """
    wanted = key.casefold()
    for field in ("key", None, "label_en", "label_zh"):
        hits = [n for n, d in G.nodes(data=True)
                if (n if field is None else str(d.get(field, ""))).casefold() == wanted]
        if hits:
            near = nx.ego_graph(G.to_undirected(as_view=True), hits[0], radius=hops)
            H = G.subgraph(near).copy()
            H.graph["focus"] = hits[0]
            return H
    raise UserError(f"no node with key '{key}' in this view")


# -- edges ---------------------------------------------------------------------------------

def _edge(G: nx.DiGraph, u: str, v: str, rel: str, weight: int = 1, **attrs) -> None:
    G.add_edge(u, v, rel=rel, weight=weight, **attrs)


def _per_document(rows, nodes: dict) -> tuple[dict, dict]:
    """Counts per (doc, target), the maximum over a document's language graphs; and sources."""
    counts: Counter = Counter()
    where: dict = defaultdict(set)
    for row in sorted(rows, key=lambda r: tuple(r.values())):
        doc, target, src = row["doc"], row["target"], row["src"]
        counts[(row["g"], doc, target)] += 1
        where[(doc, target)].add(src)
        support(nodes, target, row.get("text"), row.get("exact"), ref(nodes, doc, src))
    best: Counter = Counter()
    for (_, doc, target), c in counts.items():
        best[(doc, target)] = max(best[(doc, target)], c)
    return best, where


def _citations(reader: _Reader, nodes: dict, G: nx.DiGraph) -> None:
    rows = [{**r, "target": r["prov"], "src": r["citing"]} for r in reader.values(_CITATIONS)]
    counts, where = _per_document(rows, nodes)
    for (doc, prov), c in counts.items():
        _edge(G, doc, prov, "cites", c, paragraphs=sorted(where[(doc, prov)]))
    _rec_links(reader, nodes, G, ("Provision",))
    _part_of(reader, G)


def _rec_links(reader: _Reader, nodes: dict, G: nx.DiGraph, kinds: tuple[str, ...]) -> None:
    rel = {term("cito:cites"): "cites", term("schema:mentions"): "mentions", term("dct:subject"): "subject"}
    for row in reader.values(_REC_LINKS):
        rec, target = row["rec"], row["o"]
        if nodes.get(target, {}).get("kind") in kinds:
            _edge(G, rec, target, rel[row["p"]])
            if nodes[rec]["doc"]:
                _edge(G, rec, nodes[rec]["doc"], "part_of")


def _part_of(reader: _Reader, G: nx.DiGraph) -> None:
    """Provisions up to their instrument, for every provision already in ``G``."""
    parent = {r["s"]: r["o"] for r in reader.values(_PART_OF)}
    todo = [n for n in G if n in parent]
    while todo:
        child = todo.pop()
        if child in parent and not G.has_edge(child, parent[child]):
            _edge(G, child, parent[child], "part_of")
            todo.append(parent[child])


def _actors(reader: _Reader, nodes: dict, G: nx.DiGraph) -> None:
    roles: dict = defaultdict(set)
    for row in sorted(reader.values(_PARTICIPATIONS), key=lambda r: tuple(r.values())):
        agent, event = row["agent"], row["event"]
        roles[(agent, event)].add(row["role"])
        if "src" in row:
            support(nodes, agent, row.get("text"), nodes.get(agent, {}).get("label_zh"),
                     ref(nodes, _doc_of(row["src"], nodes), row["src"]))
    for (agent, event), rs in roles.items():
        _edge(G, agent, event, "participated", len(rs), roles=sorted(rs))
    for n, d in nodes.items():
        if d["kind"] == "Document" and d.get("meeting"):
            _edge(G, n, d["meeting"], "reports")
    for query, rel in ((_NATIONALITY, "nationality"), (_ORGANIZER, "organized_by")):
        for row in reader.values(query):
            _edge(G, row["s"], row["o"], rel)


def _doc_of(iri: str, nodes: dict) -> str:
    """The document a paragraph IRI belongs to (paragraph IRIs extend their document's)."""
    head = iri
    while "/" in head:
        head = head.rsplit("/", 1)[0]
        if nodes.get(head, {}).get("kind") == "Document":
            return head
    return iri


def _mentions(reader: _Reader, nodes: dict, G: nx.DiGraph, kinds: tuple[str, ...]) -> None:
    rows = [{**r, "target": r["e"]} for r in reader.values(_MENTIONS)]
    counts, _ = _per_document(rows, nodes)
    plain = [{**r, "target": r["e"]} for r in reader.values(_PARAGRAPH_MENTIONS)]
    paragraph_counts, _ = _per_document(plain, nodes)
    for (doc, e), c in (paragraph_counts | counts).items():
        if nodes.get(e, {}).get("kind") in kinds:
            _edge(G, doc, e, "mentions", max(c, paragraph_counts.get((doc, e), 0)))


def _actor_mentions(reader: _Reader, nodes: dict, G: nx.DiGraph) -> None:
    _mentions(reader, nodes, G, ACTOR_KINDS)


def _entity_mentions(reader: _Reader, nodes: dict, G: nx.DiGraph) -> None:
    _mentions(reader, nodes, G, ENTITY_KINDS)


def _recommendations(reader: _Reader, nodes: dict, G: nx.DiGraph) -> None:
    _rec_links(reader, nodes, G, ("Provision", "Topic", "Initiative", "Instrument"))
    _part_of(reader, G)


def _references(reader: _Reader, nodes: dict, G: nx.DiGraph) -> None:
    for row in reader.values(_REFERENCES):
        _edge(G, row["doc"], row["o"], "references")
