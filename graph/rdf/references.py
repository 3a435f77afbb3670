"""What a document refers to, as triples: citations of provisions (each provision minted with
its ancestors up to its instrument), resolutions and decisions, other documents by symbol, and
its recommendations with what they cite and mention.

``References`` is mixed into ``triples._Context``, whose document, blocks and entity helpers
(``doc``, ``doc_id``, ``key``, ``lang``, ``ex``, ``block_iris``, ``id_at``, ``node_at``,
``_describe``, ``_annotation``, ``_topics``) it uses.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from pyoxigraph import Quad

from unkg.extract.models import Citation
from unkg.ontology import bodies, registry

from . import iris
from .treaty_text import checks
from .vocab import CITO, DCT, ELI, FABIO, RDF, SCHEMA, SKOS, UNKG, XSD, PROV, lit, node


def entity_id(kind: str, key: str) -> iris.Entity:
    """A registry entity's IRI; an instrument by its Treaty Collection number when it has one."""
    if kind == "Instrument":
        entry = registry.lookup(key)
        untc = entry.codes.get("untc") if entry else None
        return iris.Entity("treaty", untc) if untc else iris.Entity("instrument", key)
    return iris.Entity(iris.FOLDER[kind], key)


class References:
    def citations(self) -> Iterator[Quad]:
        seen: Counter = Counter()
        for c in self.ex.citations:
            citing_id = self.id_at(c.start)
            citing = node(citing_id)
            path = f"{c.kind}_{c.article}_{c.paragraph or ''}_{c.subparagraph or ''}_{c.instrument or 'unresolved'}"
            seen[(citing.value, path)] += 1
            here = node(iris.Citation(citing_id, path, seen[(citing.value, path)]))
            yield Quad(here, RDF.type, CITO.Citation, self.g)
            yield Quad(here, CITO.hasCitingEntity, citing, self.g)
            yield Quad(here, UNKG.exact, lit(c.text, self.lang), self.g)
            yield Quad(here, DCT.isPartOf, self.doc, self.g)
            if c.instrument is None:
                yield Quad(here, UNKG.unresolved, lit("true", datatype=XSD.boolean), self.g)
                yield Quad(here, UNKG.article, lit(c.article), self.g)
                continue
            prov = yield from self._provision(c)
            yield from (Quad(t.subject, t.predicate, t.object, self.g) for t in checks(here, c))
            yield Quad(here, CITO.hasCitedEntity, prov, self.g)
            yield from self._link(citing, CITO.cites, prov)
            yield from self._link(self.doc, CITO.cites, prov)

    def _provision(self, c: Citation):
        """Mint the cited provision with its ancestors, up to the instrument; return its IRI."""
        entry = registry.lookup(c.instrument)
        untc = entry.codes.get("untc") if entry else None
        kind = entry.kind if entry and entry.kind in ("Instrument", "Initiative") else "Instrument"
        root_id = entity_id(kind, c.instrument)  # a model law's articles hang off the Initiative
        root = node(root_id)
        text = iris.Entity("treaty", untc) if untc else root_id
        yield from self._describe(kind, c.instrument)
        levels = [("article", c.article, None, None), ("paragraph", c.article, c.paragraph, None),
                  ("subparagraph", c.article, c.paragraph, c.subparagraph)]
        parent = here = root
        for level, art, para, sub in levels:
            if level != "article" and not (para if level == "paragraph" else sub):
                continue
            here = node(iris.Provision(text, art, para, sub, iris.UNIT.get(c.kind, "art")))
            if (here.value, c.kind) not in self.described:  # cited again: described already
                self.described.add((here.value, c.kind))
                yield from self._provision_facts(here, parent, root, c.kind, level, (art, para, sub))
            parent = here
        return here

    def _provision_facts(self, here, parent, root, kind: str, level: str, numbers) -> Iterator[Quad]:
        art, para, sub = numbers
        g = self.g
        yield Quad(here, RDF.type, ELI.LegalResourceSubdivision, g)
        yield Quad(here, ELI.is_part_of, parent, g)
        yield Quad(here, UNKG.instrument, root, g)
        yield Quad(here, UNKG.level, lit(level), g)
        yield Quad(here, UNKG.provisionKind, lit(kind), g)
        yield Quad(here, UNKG.article, lit(art), g)
        yield Quad(here, ELI.number, lit({"article": art, "paragraph": para, "subparagraph": sub}[level]), g)
        if para:
            yield Quad(here, UNKG.paragraph, lit(para), g)
        if sub:
            yield Quad(here, UNKG.subparagraph, lit(sub), g)

    def resolutions(self) -> Iterator[Quad]:
        for r in self.ex.resolutions:
            here = node(iris.Resolution(r.body, r.number, "decision" if r.kind == "decision" else "resolution"))
            if (here.value, r.kind, r.key) not in self.described:  # cited again: described already
                self.described.add((here.value, r.kind, r.key))
                yield from self._resolution(here, r)
            yield from self._link(self.doc, DCT.references, here)
            yield from self._link(self.node_at(r.start), DCT.references, here)
            yield from self._annotation(r.start, r.end, r.text, here)

    def _resolution(self, here, r) -> Iterator[Quad]:
        g = self.g
        yield Quad(here, RDF.type, UNKG.Decision if r.kind == "decision" else UNKG.Resolution, g)
        yield Quad(here, DCT.identifier, lit(r.key), g)
        yield Quad(here, UNKG.key, lit(r.key), g)
        series = bodies.by_series(r.body)  # "GA resolution 76/186" was passed by UNGA
        body = registry.lookup(series.key if series else r.body)
        if body:
            yield Quad(here, ELI.passed_by, self.entity_iri("Organization", body.key), g)

    def symbols(self) -> Iterator[Quad]:
        own = self.ex.doc.meta.symbol
        for s in self.ex.symbols:
            if s.symbol == own:
                continue
            here = node(iris.Doc(s.symbol))
            if here.value not in self.described:  # named again: described already
                self.described.add(here.value)
                yield Quad(here, RDF.type, FABIO.Work, self.g)
                yield Quad(here, DCT.identifier, lit(s.symbol), self.g)
            yield from self._link(self.doc, DCT.references, here)
            yield from self._link(self.node_at(s.start), DCT.references, here)

    # -- recommendations -------------------------------------------------------------------

    def recommendations(self) -> Iterator[Quad]:
        for r in self.ex.recommendations:
            rec_id = iris.Recommendation(self.doc_id, r.label)
            here = node(rec_id)
            yield Quad(here, RDF.type, UNKG.Recommendation, self.g)
            yield Quad(here, SKOS.notation, lit(r.label), self.g)
            yield Quad(here, RDF.value, lit(r.text, self.lang), self.g)
            yield Quad(here, UNKG.strength, lit(r.strength), self.g)
            yield Quad(here, DCT.isPartOf, self.doc, self.g)
            yield Quad(here, PROV.wasDerivedFrom, self.block_iris[r.block], self.g)
            if r.addressee:
                yield Quad(here, UNKG.addressedTo, lit(r.addressee), self.g)
            if r.restated:
                yield Quad(here, UNKG.restated, lit("true", datatype=XSD.boolean), self.g)
            if r.section:
                yield Quad(here, UNKG.section, lit(r.section, self.lang), self.g)
            if self.ex.doc.meta.body:
                yield Quad(here, UNKG.adoptedBy, self.entity_iri("Organization", self.ex.doc.meta.body), self.g)
            yield from self._topics(here, r.topics)
            for m in self.ex.mentions:
                if r.start <= m.start < r.end:
                    yield from self._link(here, SCHEMA.mentions, self.entity_iri(m.kind, m.key))
            for c in self.ex.citations:
                if r.start <= c.start < r.end and c.instrument:
                    prov = yield from self._provision(c)
                    yield from self._link(here, CITO.cites, prov)
