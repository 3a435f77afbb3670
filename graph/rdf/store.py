"""Reading and writing graphs: an Oxigraph store (pyoxigraph) and RDF files.

pyoxigraph parses and serialises in Rust, about 15x faster than rdflib for parsing and 100x+ for
Turtle; SPARQL GROUP BY queries run ~90x faster than rdflib's memory store (DESIGN.md, "Storage
and scale"). rdflib is used only where its API is needed (pySHACL).
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Store

from unkg.extract.models import UserError

from . import iris
from .vocab import PREFIXES

FORMATS = {".trig": RdfFormat.TRIG, ".nq": RdfFormat.N_QUADS, ".ttl": RdfFormat.TURTLE,
           ".nt": RdfFormat.N_TRIPLES, ".jsonld": RdfFormat.JSON_LD}
DATASET_FORMATS = {RdfFormat.TRIG, RdfFormat.N_QUADS, RdfFormat.JSON_LD}


def rdf_format(path: str | Path) -> RdfFormat:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise UserError(f"{path}: unknown graph format '{suffix}' (expected {', '.join(FORMATS)})")
    return FORMATS[suffix]


def load(path: str | Path, store: Store | None = None) -> Store:
    """A store holding the graph file at ``path`` (in memory unless ``store`` is given)."""
    store = store if store is not None else Store()
    fmt = rdf_format(path)
    p = Path(path)
    if not p.is_file():
        raise UserError(f"{path}: no such graph file")
    # A triple format holds the union of the document graphs: load it as one named graph so the
    # named queries (which read each document's graph) still see it.
    into = {} if fmt in DATASET_FORMATS else {"to_graph": NamedNode(iris.UNION_GRAPH)}
    try:
        store.bulk_load(path=str(p), format=fmt, **into)
    except (SyntaxError, ValueError, OSError) as err:
        raise UserError(f"{path}: not a readable {fmt.name} file ({err})") from None
    return store


def replace_document(store: Store, graph: str, source_name: str, quads: Iterable[Quad]) -> None:
    """Drop a document's graph (and its meta entry), then add its new quads.

    A graph built earlier from a file of the same name is dropped too: the file may now yield
    another key (a symbol found where there was none), and it must not leave its old graph behind.
    """
    from pyoxigraph import Literal
    from .vocab import PROV, UNKG
    meta = NamedNode(iris.META_GRAPH)
    old = {q.subject.value for q in store.quads_for_pattern(None, UNKG.sourceFile, Literal(source_name), meta)}
    for g in old | {graph}:
        node = NamedNode(g)
        if store.contains_named_graph(node):
            store.remove_graph(node)
        entries = list(store.quads_for_pattern(node, None, None, meta))
        for run in {q.object for q in entries if q.predicate == PROV.wasGeneratedBy}:
            entries += store.quads_for_pattern(run, None, None, meta)
        for q in entries:
            store.remove(q)
    store.extend(quads)


def add_vocabularies(store: Store) -> None:
    """The topic scheme (labels, broader, UNBIS closeMatch) in its own named graph, so queries
    can follow a topic's hierarchy; replaced on every build."""
    from importlib import resources
    g = NamedNode(iris.TOPICS_GRAPH)
    store.remove_graph(g) if store.contains_named_graph(g) else None
    store.load(path=str(resources.files("unkg.ontology") / "topics.ttl"), format=RdfFormat.TURTLE, to_graph=g)


def save(store: Store, path: str | Path) -> None:
    """Write the store to ``path``; triple formats (.ttl, .nt) get the union of all graphs."""
    fmt = rdf_format(path)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    prefixes = {k: v for k, v in PREFIXES.items() if k not in ("owl",)}
    if fmt in DATASET_FORMATS:
        store.dump(output=str(tmp), format=fmt, prefixes=prefixes if fmt == RdfFormat.TRIG else None)
    else:
        union = Store()
        union.extend(Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in store)
        union.dump(output=str(tmp), format=fmt, from_graph=DefaultGraph(),
                   prefixes=prefixes if fmt == RdfFormat.TURTLE else None)
    tmp.replace(out)  # never leave a half-written graph where a good one was
