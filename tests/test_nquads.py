"""nquads.py writes every term as pyoxigraph does: arbitrary texts as plain and language-tagged
literals, typed literals as a store gives them back, and every line of a real document's graph
read back and written again gives the same bytes."""
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse, serialize

from unkg.graph.rdf import nquads
from unkg.graph.rdf.vocab import XSD
from unkg.graph.rdf.workers import Task, run_local

ROOT = Path(__file__).resolve().parent.parent
TEXT = st.text(st.characters(blacklist_categories=("Cs",)))  # a lone surrogate is no text pyoxigraph takes
S, P, G = NamedNode("urn:s"), NamedNode("urn:p"), NamedNode("urn:g")


@settings(max_examples=500, deadline=None)
@given(TEXT, st.sampled_from([None, "en", "zh", "ZH-Hans"]))
def test_a_literal_is_written_as_pyoxigraph_writes_it(value, lang):
    term = Literal(value, language=lang) if lang else Literal(value)
    made = nquads.lang_literal(value, lang) if lang else nquads.literal(value)
    assert made == str(term)
    line = f"{nquads.iri(S.value)} {nquads.iri(P.value)} {made}{nquads.graph_end(G.value)}"
    assert line.encode() == serialize([Quad(S, P, term, G)], format=RdfFormat.N_QUADS)


def test_typed_literals_are_canonical_as_a_store_holds_them():
    assert nquads.typed("05", XSD.integer) == nquads.typed(5, XSD.integer) == nquads.integer(5) == \
        f'"5"^^<{XSD.integer.value}>'
    assert nquads.typed("1", XSD.boolean) == nquads.typed("true", XSD.boolean) == nquads.TRUE
    assert nquads.typed("2019-9-1", XSD.date) == f'"2019-9-1"^^<{XSD.date.value}>'  # not a date: kept as written


def test_an_iri_from_the_input_is_checked():
    assert nquads.outside_iri("http://eurovoc.europa.eu/8428") == "<http://eurovoc.europa.eu/8428>"
    with pytest.raises(ValueError):
        nquads.outside_iri("not an IRI")


def _written(t) -> str:
    if isinstance(t, NamedNode):
        return nquads.iri(t.value)
    if t.language:
        return nquads.lang_literal(t.value, t.language)
    if t.datatype == XSD.string:
        return nquads.literal(t.value)
    return nquads.typed(t.value, t.datatype)


@pytest.mark.parametrize("seed", sorted((ROOT / "seeds").glob("*.txt")), ids=lambda p: p.name)
def test_every_line_of_a_document_reads_back_as_written(seed):
    built = run_local(Task(str(seed), seed.name, seed.stem))
    for data in (built.graph, built.meta):
        lines = data.decode().splitlines(keepends=True)
        quads = list(parse(data, format=RdfFormat.N_QUADS))
        assert len(lines) == len(quads) > 0
        for line, q in zip(lines, quads):
            s, p, o = map(_written, (q.subject, q.predicate, q.object))
            assert f"{s} {p} {o}{nquads.graph_end(q.graph_name.value)}" == line
