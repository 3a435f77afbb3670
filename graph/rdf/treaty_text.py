"""The treaties as text in the graph, and every citation checked against their structure.

``add_treaties`` writes one named graph (``graph/treaties``) per build, not per document: the
text of each treaty, article and numbered paragraph as an ELI expression (``eli:title``,
``rdf:value "…"@en``) that ``eli:realizes`` the provision IRI citations already point to, so a
query joins a citation to the words it cites. Only the English texts are shipped
(``ontology/treaties``); no Chinese title is written, since none comes from a real source.

``checks`` says of one citation whether the treaty can contain it (``unkg:checked``) and, when
not, why (``unkg:checkNote``). A citation of an instrument whose text unkg does not hold gets
neither: nothing can be said of it, and "checked true" would claim a check never made.
"""
from __future__ import annotations

from collections.abc import Iterator

from pyoxigraph import NamedNode, Quad, Store, Triple

from unkg.extract.models import Citation
from unkg.ontology import treaties

from . import iris, nquads, store as stores
from .vocab import ELI, RDF, XSD, lit, node


def treaty_triples() -> Iterator[Triple]:
    """Every treaty, article and numbered paragraph text of the shipped treaties."""
    from .references import entity_id  # references imports this module for ``checks``
    for t in treaties.treaties():
        work = entity_id("Instrument", t.key)
        whole = node(iris.Expression(work))
        yield from _expression(whole, node(work), None)
        yield Triple(whole, ELI.title, lit(t.title, "en"))
        for a in t.articles:
            art = iris.Provision(work, a.number)
            here = node(iris.Expression(art))
            yield from _expression(here, node(art), whole)
            yield Triple(here, ELI.number, lit(a.number))
            if a.title:
                yield Triple(here, ELI.title, lit(a.title, "en"))
            yield Triple(here, RDF.value, lit(a.text, "en"))
            for p in a.paragraphs:
                if p.number is None:
                    continue  # an unnumbered text is cited as the article: it is in the article's text
                para = node(iris.Expression(iris.Provision(work, a.number, p.number)))
                yield from _expression(para, node(iris.Provision(work, a.number, p.number)), here)
                yield Triple(para, ELI.number, lit(p.number))
                yield Triple(para, RDF.value, lit(p.text, "en"))


def _expression(here: NamedNode, work: NamedNode, whole: NamedNode | None) -> Iterator[Triple]:
    yield Triple(here, RDF.type, ELI.LegalExpression)
    yield Triple(here, ELI.realizes, work)
    yield Triple(here, ELI.language, lit("en"))
    if whole is not None:
        yield Triple(here, ELI.is_part_of, whole)


def add_treaties(store: Store) -> None:
    """The treaty texts in their own named graph, replaced on every build."""
    g = NamedNode(iris.TREATIES_GRAPH)
    stores.replace_graph(store, g.value, (Quad(t.subject, t.predicate, t.object, g) for t in treaty_triples()))


def checks(c: Citation) -> Iterator[tuple[str, str]]:
    """``unkg:checked`` (and ``unkg:checkNote`` with the reason) for a resolved citation of a
    treaty article whose text unkg holds, as (predicate, object) N-Quads texts of the citation;
    nothing for the others."""
    if c.kind != "article" or c.instrument is None or treaties.treaty(c.instrument) is None:
        return
    reason = treaties.problem(c.instrument, c.article, c.paragraph, c.subparagraph)
    yield nquads.UNKG.checked, nquads.typed("false" if reason else "true", XSD.boolean)
    if reason:
        yield nquads.UNKG.checkNote, nquads.lang_literal(reason, "en")
