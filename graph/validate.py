"""``unkg validate``: the graph against the SHACL shapes in ``ontology/shapes.ttl`` (pySHACL)."""
from __future__ import annotations

from importlib import resources

import pyshacl
from rdflib import Graph

from .rdf import store


def shapes_graph() -> Graph:
    return Graph().parse(data=(resources.files("unkg.ontology") / "shapes.ttl").read_text("utf-8"),
                         format="turtle")


def validate(path: str) -> tuple[bool, str]:
    """(conforms, readable report) for the union of all graphs in the file at ``path``."""
    st = store.load(path)
    data = Graph()  # pySHACL needs rdflib; N-Triples of the union is its fastest way in
    data.parse(data=_union_ntriples(st), format="nt")
    conforms, _, report = pyshacl.validate(data, shacl_graph=shapes_graph(), advanced=True,
                                           allow_warnings=True)
    if conforms:
        return True, f"{path}: conforms to the unkg shapes ({len(data)} triples)"
    return False, report


def _union_ntriples(st) -> str:
    from pyoxigraph import DefaultGraph, Quad, RdfFormat, Store
    union = Store()
    union.extend(Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in st)
    return union.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph()).decode("utf-8")
