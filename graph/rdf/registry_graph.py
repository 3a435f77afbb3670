"""Every registry entry described once, in its own named graph (``graph/registry``).

Each document's graph describes the entities it names (so rebuilding one document touches no
other graph), and so repeats a State's labels in every graph that names it. A query that wants
one label per entity reads them here instead: a few thousand quads, where the same labels over
every document's graph are tens of thousands at 300 documents (the named queries ``mentions``
and ``participants`` read their labels here). Written once per build from the registries, like
the treaty texts; it holds every entry, named or not, so it never depends on the documents.
"""
from __future__ import annotations

from collections.abc import Iterator

from pyoxigraph import Store

from unkg.ontology import registry

from . import iris, store as stores
from .nquads import graph_end
from .triples import KIND_CLASS, describe_entry


def registry_lines() -> Iterator[str]:
    """The registry graph's N-Quads lines."""
    g = graph_end(iris.REGISTRY_GRAPH)
    for entry in registry.entries():
        if entry.kind in KIND_CLASS:  # not the names registered as not being entities
            yield from describe_entry(entry, entry.kind, g)


def add_registry(store: Store) -> None:
    """The registry graph, replaced on every build."""
    stores.replace_graph(store, iris.REGISTRY_GRAPH, "".join(registry_lines()).encode())
