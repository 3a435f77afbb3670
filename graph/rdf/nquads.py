"""The one place terms become N-Quads text, byte for byte as pyoxigraph writes them, and how a
document's lines become the bytes a store of them would dump.

A build makes a million quads at 300 documents. Made as pyoxigraph terms and quads, then
serialised, each costs about three times what formatting its line as one f-string does (0.46
against 0.16 CPU s for 418k quads of annotations), so the generators (``triples.py``,
``references.py``) format lines: ``f"{s} {p} {o}{g}"``, where ``s``, ``p`` and ``o`` are term
texts made here and ``g`` is ``graph_end`` of the graph they are in.

The vocabularies' terms are formatted once, at import: ``RDF.type`` here is the text
``<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>`` of ``vocab.RDF.type``.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from pyoxigraph import Literal, NamedNode, Quad, Store

from . import iris, vocab


def iri(value: iris.IRI | str) -> str:
    """An IRI the build minted (an ``iris`` value or its text: already a valid IRI)."""
    return f"<{value}>"


def outside_iri(text: str) -> str:
    """An IRI read from the input (a markup's keyword IRI): checked as pyoxigraph checks one."""
    return f"<{NamedNode(text).value}>"


def graph_end(graph: iris.IRI | str) -> str:
    """How every line of a quad in ``graph`` ends, after its object."""
    return f" <{graph}> .\n"


# What pyoxigraph escapes in a quoted literal: the control characters, '"' and '\' (every other
# character, line and paragraph separators included, is written as it is).
_SPECIAL = re.compile('[\x00-\x1f\x7f"\\\\]')
_ESCAPES = {c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F)} | {
    0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"}


def _quoted(value: str) -> str:
    if _SPECIAL.search(value) is None:  # nearly every text: no copy made
        return f'"{value}"'
    return f'"{value.translate(_ESCAPES)}"'


def literal(value) -> str:
    """A plain literal (xsd:string) of ``str(value)``."""
    return _quoted(str(value))


def lang_literal(value: str, lang: str) -> str:
    """A language-tagged literal (pyoxigraph writes the tag in lower case)."""
    return f"{_quoted(value)}@{lang.lower()}"


def typed(value, datatype: NamedNode) -> str:
    """A typed literal as a store gives it back: "05"^^xsd:integer as "5", "1"^^xsd:boolean as
    "true" (a document's graph is written to a file without passing through a store, and must
    say what one would have). An int's digits are already the canonical form."""
    if type(value) is int:
        return f'"{value}"^^<{datatype.value}>'
    return _canonical(str(value), datatype)


_INTEGER = f'"^^<{vocab.XSD.integer.value}>'


def integer(n: int) -> str:
    """``typed(n, XSD.integer)`` of an int, for the hot loops (an annotation's two offsets)."""
    return f'"{n}{_INTEGER}'


_X = NamedNode("urn:x")


@lru_cache(maxsize=1024)
def _canonical(value: str, datatype: NamedNode) -> str:
    one = Store()
    one.add(Quad(_X, _X, Literal(value, datatype=datatype)))
    return str(next(iter(one)).object)


def term(t: NamedNode | Literal) -> str:
    """A term pyoxigraph made (a label parsed from the ontology files)."""
    return str(t)


def store_order(lines: Iterable[str]) -> bytes:
    """N-Quads ``lines`` in the order an in-memory pyoxigraph store of their quads dumps them:
    each once, newest first (its memory store lists quads from the last added back; a quad
    added again stays where it first came). Written so, a document's graph is the same file as
    through a Store of its own (tests/test_targets.py checks it against one), without the ~3 us
    a quad the store's insertion and dump cost."""
    unique = list(dict.fromkeys(lines))
    unique.reverse()
    return "".join(unique).encode()


def added_order(data: bytes) -> bytes:
    """``store_order``'s bytes back in the order their quads were first made: what a store given
    them one by one would have been given (an in-memory store dumps in that order reversed)."""
    lines = data.splitlines(keepends=True)
    lines.reverse()
    return b"".join(lines)


class Terms:
    """A ``vocab.Namespace``'s terms as N-Quads text: ``Terms(vocab.RDF).type`` is
    ``<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>``."""

    def __init__(self, ns: vocab.Namespace):
        for t in ns.terms:
            setattr(self, t.replace("-", "_"), iri(ns.base + t))


(CITO, DCT, DOCO, ELI, FABIO, FOAF, OA, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, UNKG) = map(Terms, (
    vocab.CITO, vocab.DCT, vocab.DOCO, vocab.ELI, vocab.FABIO, vocab.FOAF, vocab.OA, vocab.ORG,
    vocab.PROV, vocab.RDF, vocab.RDFS, vocab.SCHEMA, vocab.SKOS, vocab.UNKG))
TRUE = typed("true", vocab.XSD.boolean)
