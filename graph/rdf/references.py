"""What a document refers to, as triples: citations of provisions (each provision minted with
its ancestors up to its instrument), resolutions and decisions, other documents by symbol, and
its recommendations with what they cite and mention.

``References`` is mixed into ``triples._Context``, whose document, graph, blocks and entity
helpers (``doc``, ``doc_id``, ``g``, ``key``, ``lang``, ``ex``, ``block_nodes``, ``id_at``,
``node_at``, ``_describe``, ``_link``, ``_annotation``, ``_topics``) it uses; like it, each
generator yields N-Quads lines (``triples.py``).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from unkg.extract.models import Citation
from unkg.ontology import bodies, registry

from . import iris
from .nquads import CITO, DCT, ELI, FABIO, PROV, RDF, SCHEMA, SKOS, TRUE, UNKG, iri, lang_literal, literal
from .treaty_text import checks


def entity_id(kind: str, key: str) -> iris.Entity:
    """A registry entity's IRI; an instrument by its Treaty Collection number when it has one."""
    if kind == "Instrument":
        entry = registry.lookup(key)
        untc = entry.codes.get("untc") if entry else None
        return iris.Entity("treaty", untc) if untc else iris.Entity("instrument", key)
    return iris.Entity(iris.FOLDER[kind], key)


class References:
    def citations(self) -> Iterator[str]:
        seen: Counter = Counter()
        g = self.g
        for c in self.ex.citations:
            citing_id = self.id_at(c.start)
            citing = iri(citing_id)
            path = f"{c.kind}_{c.article}_{c.paragraph or ''}_{c.subparagraph or ''}_{c.instrument or 'unresolved'}"
            seen[(citing, path)] += 1
            here = iri(iris.Citation(citing_id, path, seen[(citing, path)]))
            yield f"{here} {RDF.type} {CITO.Citation}{g}"
            yield f"{here} {CITO.hasCitingEntity} {citing}{g}"
            yield f"{here} {UNKG.exact} {lang_literal(c.text, self.lang)}{g}"
            yield f"{here} {DCT.isPartOf} {self.doc}{g}"
            if c.instrument is None:
                yield f"{here} {UNKG.unresolved} {TRUE}{g}"
                yield f"{here} {UNKG.article} {literal(c.article)}{g}"
                continue
            prov = yield from self._provision(c)
            yield from (f"{here} {p} {o}{g}" for p, o in checks(c))
            yield f"{here} {CITO.hasCitedEntity} {prov}{g}"
            yield from self._link(citing, CITO.cites, prov)
            yield from self._link(self.doc, CITO.cites, prov)

    def _provision(self, c: Citation):
        """Mint the cited provision with its ancestors, up to the instrument; return its node."""
        entry = registry.lookup(c.instrument)
        untc = entry.codes.get("untc") if entry else None
        kind = entry.kind if entry and entry.kind in ("Instrument", "Initiative") else "Instrument"
        root_id = entity_id(kind, c.instrument)  # a model law's articles hang off the Initiative
        root = iri(root_id)
        text = iris.Entity("treaty", untc) if untc else root_id
        yield from self._describe(kind, c.instrument)
        levels = [("article", c.article, None, None), ("paragraph", c.article, c.paragraph, None),
                  ("subparagraph", c.article, c.paragraph, c.subparagraph)]
        parent = here = root
        for level, art, para, sub in levels:
            if level != "article" and not (para if level == "paragraph" else sub):
                continue
            here = iri(iris.Provision(text, art, para, sub, iris.UNIT.get(c.kind, "art")))
            if (here, c.kind) not in self.described:  # cited again: described already
                self.described.add((here, c.kind))
                yield from self._provision_facts(here, parent, root, c.kind, level, (art, para, sub))
            parent = here
        return here

    def _provision_facts(self, here, parent, root, kind: str, level: str, numbers) -> Iterator[str]:
        art, para, sub = numbers
        g = self.g
        yield f"{here} {RDF.type} {ELI.LegalResourceSubdivision}{g}"
        yield f"{here} {ELI.is_part_of} {parent}{g}"
        yield f"{here} {UNKG.instrument} {root}{g}"
        yield f"{here} {UNKG.level} {literal(level)}{g}"
        yield f"{here} {UNKG.provisionKind} {literal(kind)}{g}"
        yield f"{here} {UNKG.article} {literal(art)}{g}"
        yield f"{here} {ELI.number} {literal({'article': art, 'paragraph': para, 'subparagraph': sub}[level])}{g}"
        if para:
            yield f"{here} {UNKG.paragraph} {literal(para)}{g}"
        if sub:
            yield f"{here} {UNKG.subparagraph} {literal(sub)}{g}"

    def resolutions(self) -> Iterator[str]:
        for r in self.ex.resolutions:
            here = iri(iris.Resolution(r.body, r.number, "decision" if r.kind == "decision" else "resolution"))
            if (here, r.kind, r.key) not in self.described:  # cited again: described already
                self.described.add((here, r.kind, r.key))
                yield from self._resolution(here, r)
            yield from self._link(self.doc, DCT.references, here)
            yield from self._link(self.node_at(r.start), DCT.references, here)
            yield from self._annotation(r.start, r.end, r.text, here)

    def _resolution(self, here, r) -> Iterator[str]:
        g = self.g
        yield f"{here} {RDF.type} {UNKG.Decision if r.kind == 'decision' else UNKG.Resolution}{g}"
        yield f"{here} {DCT.identifier} {literal(r.key)}{g}"
        yield f"{here} {UNKG.key} {literal(r.key)}{g}"
        series = bodies.by_series(r.body)  # "GA resolution 76/186" was passed by UNGA
        body = registry.lookup(series.key if series else r.body)
        if body:
            yield f"{here} {ELI.passed_by} {self.entity_iri('Organization', body.key)}{g}"

    def symbols(self) -> Iterator[str]:
        own, g = self.ex.doc.meta.symbol, self.g
        for s in self.ex.symbols:
            if s.symbol == own:
                continue
            here = iri(iris.Doc(s.symbol))
            if here not in self.described:  # named again: described already
                self.described.add(here)
                yield f"{here} {RDF.type} {FABIO.Work}{g}"
                yield f"{here} {DCT.identifier} {literal(s.symbol)}{g}"
            yield from self._link(self.doc, DCT.references, here)
            yield from self._link(self.node_at(s.start), DCT.references, here)

    # -- recommendations -------------------------------------------------------------------

    def recommendations(self) -> Iterator[str]:
        g, lang = self.g, self.lang
        for r in self.ex.recommendations:
            rec = str(iris.Recommendation(self.doc_id, r.label))
            here = iri(rec)
            yield f"{here} {RDF.type} {UNKG.Recommendation}{g}"
            yield f"{here} {SKOS.notation} {literal(r.label)}{g}"
            yield f"{here} {RDF.value} {lang_literal(r.text, lang)}{g}"
            yield f"{here} {UNKG.strength} {literal(r.strength)}{g}"
            yield f"{here} {DCT.isPartOf} {self.doc}{g}"
            yield f"{here} {PROV.wasDerivedFrom} {self.block_nodes[r.block]}{g}"
            if r.addressee:
                yield f"{here} {UNKG.addressedTo} {literal(r.addressee)}{g}"
            if r.restated:
                yield f"{here} {UNKG.restated} {TRUE}{g}"
            if r.section:
                yield f"{here} {UNKG.section} {lang_literal(r.section, lang)}{g}"
            if self.ex.doc.meta.body:
                yield f"{here} {UNKG.adoptedBy} {self.entity_iri('Organization', self.ex.doc.meta.body)}{g}"
            yield from self._topics(rec, r.topics)
            for m in self.ex.mentions:
                if r.start <= m.start < r.end:
                    yield from self._link(here, SCHEMA.mentions, self.entity_iri(m.kind, m.key))
            for c in self.ex.citations:
                if r.start <= c.start < r.end and c.instrument:
                    prov = yield from self._provision(c)
                    yield from self._link(here, CITO.cites, prov)
