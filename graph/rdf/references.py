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

from pyoxigraph import Triple

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
    def citations(self) -> Iterator[Triple]:
        seen: Counter = Counter()
        for c in self.ex.citations:
            citing_id = self.id_at(c.start)
            citing = node(citing_id)
            path = f"{c.kind}_{c.article}_{c.paragraph or ''}_{c.subparagraph or ''}_{c.instrument or 'unresolved'}"
            seen[(citing.value, path)] += 1
            here = node(iris.Citation(citing_id, path, seen[(citing.value, path)]))
            yield Triple(here, RDF.type, CITO.Citation)
            yield Triple(here, CITO.hasCitingEntity, citing)
            yield Triple(here, UNKG.exact, lit(c.text, self.lang))
            yield Triple(here, DCT.isPartOf, self.doc)
            if c.instrument is None:
                yield Triple(here, UNKG.unresolved, lit("true", datatype=XSD.boolean))
                yield Triple(here, UNKG.article, lit(c.article))
                continue
            prov = yield from self._provision(c)
            yield from checks(here, c)
            yield Triple(here, CITO.hasCitedEntity, prov)
            yield Triple(citing, CITO.cites, prov)
            yield Triple(self.doc, CITO.cites, prov)

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
        parent, here = root, root
        for level, art, para, sub in levels:
            if level != "article" and not (para if level == "paragraph" else sub):
                continue
            here = node(iris.Provision(text, art, para, sub, iris.UNIT.get(c.kind, "art")))
            yield Triple(here, RDF.type, ELI.LegalResourceSubdivision)
            yield Triple(here, ELI.is_part_of, parent)
            yield Triple(here, UNKG.instrument, root)
            yield Triple(here, UNKG.level, lit(level))
            yield Triple(here, UNKG.provisionKind, lit(c.kind))
            yield Triple(here, UNKG.article, lit(art))
            yield Triple(here, ELI.number, lit({"article": art, "paragraph": para, "subparagraph": sub}[level]))
            if para:
                yield Triple(here, UNKG.paragraph, lit(para))
            if sub:
                yield Triple(here, UNKG.subparagraph, lit(sub))
            parent = here
        return here

    def resolutions(self) -> Iterator[Triple]:
        for r in self.ex.resolutions:
            here = node(iris.Resolution(r.body, r.number, "decision" if r.kind == "decision" else "resolution"))
            yield Triple(here, RDF.type, UNKG.Decision if r.kind == "decision" else UNKG.Resolution)
            yield Triple(here, DCT.identifier, lit(r.key))
            yield Triple(here, UNKG.key, lit(r.key))
            series = bodies.by_series(r.body)  # "GA resolution 76/186" was passed by UNGA
            body = registry.lookup(series.key if series else r.body)
            if body:
                yield Triple(here, ELI.passed_by, self.entity_iri("Organization", body.key))
            yield Triple(self.doc, DCT.references, here)
            yield Triple(self.node_at(r.start), DCT.references, here)
            yield from self._annotation(r.start, r.end, r.text, here)

    def symbols(self) -> Iterator[Triple]:
        own = self.ex.doc.meta.symbol
        for s in self.ex.symbols:
            if s.symbol == own:
                continue
            here = node(iris.Doc(s.symbol))
            yield Triple(here, RDF.type, FABIO.Work)
            yield Triple(here, DCT.identifier, lit(s.symbol))
            yield Triple(self.doc, DCT.references, here)
            yield Triple(self.node_at(s.start), DCT.references, here)

    # -- recommendations -------------------------------------------------------------------

    def recommendations(self) -> Iterator[Triple]:
        for r in self.ex.recommendations:
            rec_id = iris.Recommendation(self.doc_id, r.label)
            here = node(rec_id)
            yield Triple(here, RDF.type, UNKG.Recommendation)
            yield Triple(here, SKOS.notation, lit(r.label))
            yield Triple(here, RDF.value, lit(r.text, self.lang))
            yield Triple(here, UNKG.strength, lit(r.strength))
            yield Triple(here, DCT.isPartOf, self.doc)
            yield Triple(here, PROV.wasDerivedFrom, self.block_iris[r.block])
            if r.addressee:
                yield Triple(here, UNKG.addressedTo, lit(r.addressee))
            if r.restated:
                yield Triple(here, UNKG.restated, lit("true", datatype=XSD.boolean))
            if r.section:
                yield Triple(here, UNKG.section, lit(r.section, self.lang))
            if self.ex.doc.meta.body:
                yield Triple(here, UNKG.adoptedBy, self.entity_iri("Organization", self.ex.doc.meta.body))
            yield from self._topics(rec_id, r.topics)
            for m in self.ex.mentions:
                if r.start <= m.start < r.end:
                    yield Triple(here, SCHEMA.mentions, self.entity_iri(m.kind, m.key))
            for c in self.ex.citations:
                if r.start <= c.start < r.end and c.instrument:
                    prov = yield from self._provision(c)
                    yield Triple(here, CITO.cites, prov)
