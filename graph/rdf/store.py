"""Reading and writing graphs: an Oxigraph store (pyoxigraph) and RDF files.

pyoxigraph parses and serialises in Rust, about 15x faster than rdflib for parsing and 100x+ for
Turtle; SPARQL GROUP BY queries run ~90x faster than rdflib's memory store (DESIGN.md, "Storage
and scale"). rdflib is used only where its API is needed (pySHACL).
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Set
from pathlib import Path

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Store, parse

from unkg.extract.models import UserError

from . import iris
from .lock import replacing
from .vocab import PREFIXES, PROV, UNKG

FORMATS = {".trig": RdfFormat.TRIG, ".nq": RdfFormat.N_QUADS, ".ttl": RdfFormat.TURTLE,
           ".nt": RdfFormat.N_TRIPLES, ".jsonld": RdfFormat.JSON_LD}
DATASET_FORMATS = {RdfFormat.TRIG, RdfFormat.N_QUADS, RdfFormat.JSON_LD}


def rdf_format(path: str | Path) -> RdfFormat:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise UserError(f"{path}: unknown graph format '{suffix}' (expected {', '.join(FORMATS)})")
    return FORMATS[suffix]


def load(path: str | Path, store: Store | None = None) -> Store:
    """The graph at ``path``: an on-disk store folder (``build --store``) or a graph file.

    A folder is opened read-only where it lies (no copy; reopening takes milliseconds) unless
    ``store`` is given, which then receives a copy. A file is parsed into ``store`` (in memory
    unless given)."""
    p = Path(path)
    if p.is_dir():
        return _open_folder(p, store)
    store = store if store is not None else Store()
    fmt = rdf_format(path)
    if not p.is_file():
        raise UserError(f"{path}: no such graph file or store folder")
    # A triple format holds the union of the document graphs: load it as one named graph so the
    # named queries (which read each document's graph) still see it.
    into = {} if fmt in DATASET_FORMATS else {"to_graph": NamedNode(iris.UNION_GRAPH)}
    try:
        store.bulk_load(path=str(p), format=fmt, **into)
    except (SyntaxError, ValueError, OSError) as err:
        raise UserError(f"{path}: not a readable {fmt.name} file ({err})") from None
    return store


def _open_folder(path: Path, into: Store | None) -> Store:
    if not (path / "CURRENT").is_file():  # RocksDB's marker: any other folder is not a store
        raise UserError(f"{path}: a folder, but not a store written by unkg build --store")
    try:
        found = Store.read_only(str(path))
    except OSError as err:
        raise UserError(f"{path}: not a readable store ({str(err).splitlines()[0]})") from None
    if into is None:
        return found
    into.bulk_extend(found)
    return into


def open_writable(path: str | Path) -> Store:
    """The on-disk store at ``path`` (made if missing), for a writer holding ``lock.writer``."""
    p = Path(path)
    if p.exists() and not p.is_dir():
        raise UserError(f"{path}: exists and is not a store folder")
    if p.is_dir() and any(p.iterdir()) and not (p / "CURRENT").is_file():
        raise UserError(f"{path}: a folder that is not a store written by unkg build --store; not touched")
    # a bulk load killed while writing its sorted files leaves them behind, never ingested
    for stray in p.glob("bulk-*.sst") if p.is_dir() else ():
        stray.unlink(missing_ok=True)
    try:
        return Store(str(p))
    except OSError as err:
        raise UserError(f"{path}: cannot open the store for writing ({str(err).splitlines()[0]})") from None


def sources(store: Store) -> dict[str, set[str]]:
    """Each document key in the store and the source files its graphs were built from."""
    rows = store.query("SELECT ?d ?f WHERE { GRAPH <%s> { ?g <%s> ?d ; <%s> ?f } }"
                       % (iris.META_GRAPH, UNKG.documentGraph.value, UNKG.sourceFile.value))
    out: dict[str, set[str]] = {}
    for d, f in rows:
        out.setdefault(d.value, set()).add(f.value)
    return out


def replaced(store: Store, graph: str, source_name: str,
             keep: Set[str] = frozenset()) -> tuple[list[NamedNode], list[Quad]]:
    """What writing a document's graph replaces: the graphs to drop (its own, and any built earlier
    from the same source file but not in ``keep``) and their meta entries (with their runs)."""
    meta = NamedNode(iris.META_GRAPH)
    old = {q.subject.value for q in store.quads_for_pattern(None, UNKG.sourceFile, Literal(source_name), meta)}
    drop = [NamedNode(g) for g in (old - keep) | {graph}]
    entries = [q for node in drop for q in store.quads_for_pattern(node, None, None, meta)]
    for run in {q.object for q in entries if q.predicate == PROV.wasGeneratedBy}:
        entries += store.quads_for_pattern(run, None, None, meta)
    return drop, entries


def is_new(store: Store, drop: list[NamedNode], entries: list[Quad]) -> bool:
    """Whether a document replaces nothing in ``store`` (``drop``, ``entries``: ``replaced``)."""
    return not entries and not any(store.contains_named_graph(n) for n in drop)


def replace_document(store: Store, graph: str, source_name: str, data: bytes,
                     keep: Set[str] = frozenset(), atomic: bool = False) -> None:
    """Drop a document's graph (and its meta entry), then add its new quads, N-Quads ``data``
    (as the build makes them: loaded in Rust, no Python object per quad).

    A graph built earlier from the same source file (its path relative to the build root) is
    dropped too: the file may now yield another key (a symbol found where there was none), and
    it must not leave its old graph behind; graphs in ``keep`` (written by this build) never are.
    ``atomic`` (an on-disk store) makes the whole replacement one transaction: a build killed in
    the middle leaves the document as it was before.
    """
    drop, entries = replaced(store, graph, source_name, keep)
    if atomic and is_new(store, drop, entries):
        _add(store, data)  # nothing to replace: one transaction of its own, no SPARQL text
        return
    if atomic:
        store.update(_replacement(drop, entries, parse(data, format=RdfFormat.N_QUADS)))
        return
    for node in drop:
        if store.contains_named_graph(node):
            store.remove_graph(node)
    for q in entries:
        store.remove(q)
    _add(store, data)


# Oxigraph's bulk loader writes up to a million quads as one set of sorted files, one per index,
# that RocksDB takes in with one IngestExternalFiles call: atomic across the indexes (after a
# kill, all of them are there or none). Larger loads are split into several such calls.
BULK_ATOMIC = 900_000


def bulk_add(store: Store, data: bytes) -> None:
    """Add N-Quads ``data`` (under ``BULK_ATOMIC`` quads: one ingestion, all or nothing on a kill)
    with the bulk loader: about twice as fast as a transaction, which checks every quad."""
    store.bulk_load(data, format=RdfFormat.N_QUADS)


def _add(store: Store, quads: Iterable[Quad] | bytes) -> None:
    """Add quads in one transaction (``load`` and ``extend`` are each one)."""
    if isinstance(quads, bytes):
        store.load(quads, format=RdfFormat.N_QUADS)
    else:
        store.extend(quads)


def _replacement(drop: list[NamedNode], entries: list[Quad], quads: Iterable[Quad]) -> str:
    """One SPARQL update (one transaction) that drops ``drop`` and ``entries`` and adds ``quads``."""
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        by_graph.setdefault(str(q.graph_name), []).append(f"{q.triple} .")
    parts = [f"DROP SILENT GRAPH {g}" for g in drop]
    if entries:
        parts.append("DELETE DATA { GRAPH <%s> { %s } }" % (iris.META_GRAPH, " ".join(f"{q.triple} ." for q in set(entries))))
    graphs = " ".join(f"GRAPH {g} {{\n" + "\n".join(ts) + "\n}" for g, ts in by_graph.items())
    parts.append(f"INSERT DATA {{ {graphs} }}")
    return " ;\n".join(parts)


def replace_graph(store: Store, graph: str, quads: Iterable[Quad] | bytes) -> None:
    """A graph every document shares (the treaty texts, the registry: its quads or their N-Quads
    bytes), written whole on every build in place of the one there."""
    g = NamedNode(graph)
    if store.contains_named_graph(g):
        store.remove_graph(g)
    _add(store, quads)


def add_vocabularies(store: Store) -> None:
    """The topic scheme (labels, broader, UNBIS closeMatch) in its own named graph, so queries
    can follow a topic's hierarchy; replaced on every build."""
    from importlib import resources
    g = NamedNode(iris.TOPICS_GRAPH)
    store.remove_graph(g) if store.contains_named_graph(g) else None
    store.load(path=str(resources.files("unkg.ontology") / "topics.ttl"), format=RdfFormat.TURTLE, to_graph=g)


def flattens(path: str | Path) -> bool:
    """Whether writing ``path`` loses the named graphs (Turtle, N-Triples)."""
    return rdf_format(path) not in DATASET_FORMATS


def save(store: Store, path: str | Path) -> None:
    """Write the store to ``path``; triple formats (.ttl, .nt) get the union of all graphs.

    Written to a temporary file unique to this process, then renamed over ``path``: a reader
    (or a killed writer) never leaves or sees a half-written graph where a good one was."""
    fmt = rdf_format(path)
    prefixes = {k: v for k, v in PREFIXES.items() if k not in ("owl",)}
    with replacing(path) as tmp:
        if fmt in DATASET_FORMATS:
            store.dump(output=str(tmp), format=fmt, prefixes=prefixes if fmt == RdfFormat.TRIG else None)
        else:
            union = Store()
            union.bulk_extend(Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in store)
            union.dump(output=str(tmp), format=fmt, from_graph=DefaultGraph(),
                       prefixes=prefixes if fmt == RdfFormat.TURTLE else None)


def flattening_note(path: str | Path, store: Store) -> str:
    """The line that says a triple format keeps no named graphs (per-document queries on it see
    every document's facts as their own)."""
    n = sum(1 for _ in store.named_graphs())
    return (f"{path}: {rdf_format(path).name} has no named graphs: the {n} named graphs are "
            "flattened into one (use .trig, .nq or .jsonld to keep them)")


def export(source: str | Path, out: Path) -> None:
    """Write the store folder or graph file ``source`` to ``out`` in the format of its suffix."""
    from .lock import writer
    rdf_format(out)  # an unknown suffix fails before anything is read
    graph = load(source)
    with writer(out):
        save(graph, out)
    if flattens(out):
        print(f"unkg: {flattening_note(out, graph)}", file=sys.stderr)
