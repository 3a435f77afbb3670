"""From one document's Extraction to quads in its own named graph (plus its meta-graph entry).

Each generator of ``_Context`` yields triples for one kind of fact (what a document refers to is
in ``references.py``); ``quads`` puts them all in the document's graph. Every graph is self-contained: the entities a document names are described
(labels, codes) inside its graph, so rebuilding one document never touches another's graph.
"""
from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from unkg import __version__
from unkg.extract.models import Block, Extraction
from unkg.extract.topics import tag
from unkg.ontology import registry

from . import iris
from .references import References, entity_id
from .vocab import DCT, DOCO, ELI, FABIO, FOAF, OA, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, UNKG, XSD, lit, node

_META = NamedNode(iris.META_GRAPH)
_BLOCK_CLASS = {"heading": DOCO.Section, "footnote": DOCO.Footnote, "item": UNKG.SubItem}  # else doco:Paragraph
KIND_CLASS = {"State": UNKG.State, "Organization": ORG.FormalOrganization,
              "Instrument": ELI.LegalResource, "Initiative": UNKG.Initiative, "Person": FOAF.Person,
              "CandidateInstrument": UNKG.CandidateInstrument}


def describe_entry(entry: registry.Entry, kind: str, g: NamedNode) -> Iterator[Quad]:
    """A registry entry as the graph ``g`` describes it: type, key, labels, acronyms, codes and
    the link to its parent. A document's graph describes the entries it names this way, and
    ``registry_graph`` every entry once."""
    return (Quad(s, p, o, g) for s, p, o in _entry_triples(kind, entry.key))


@lru_cache(maxsize=1 << 12)
def _entry_triples(kind: str, key: str) -> tuple[tuple[NamedNode, NamedNode, Literal | NamedNode], ...]:
    """(subject, predicate, object) of ``describe_entry``, made once a build: every graph that
    names the entity describes it with the same ones."""
    entry = registry.lookup(key)
    e = entity_node(kind, key)
    terms = [(e, RDF.type, KIND_CLASS[kind]), (e, UNKG.key, lit(key))]
    terms += [(e, SKOS.prefLabel, lit(value, lang)) for value, lang in ((entry.label_en, "en"), (entry.label_zh, "zh"))
              if value]
    terms += [(e, SKOS.altLabel, lit(acronym, lang))
              for acronym, lang in ((entry.acronym_en, "en"), (entry.acronym_zh, "zh")) if acronym]
    codes = entry.codes
    terms += [(e, SKOS.notation, lit(code)) for code in (codes.get("iso3"), codes.get("m49"), codes.get("untc")) if code]
    if entry.parent and (parent := registry.lookup(entry.parent)):
        rel = UNKG.supplements if kind == "Instrument" else ORG.subOrganizationOf
        terms.append((e, rel, entity_node(parent.kind, entry.parent)))
    return tuple(terms)


def doc_key(ex: Extraction) -> str:
    """The document's key: its UN symbol when printed, otherwise its file stem."""
    return ex.doc.meta.symbol or Path(ex.doc.source.path).stem


def quads(ex: Extraction, key: str | None = None) -> Iterator[Quad]:
    """Every quad of one document: its own graph, and its entry in the meta graph (``key``:
    the one the build gave it, from its path relative to the build root, see keys.file_keys).

    Each generator makes its quads in the document's graph directly (no Triple re-wrapped),
    and what several facts share (an entity, a topic, a provision, "the document mentions X")
    is made once per graph: the store would only drop the copies."""
    key, lang = key or doc_key(ex), ex.doc.lang
    ctx = _Context(ex, key, lang)
    for gen in (ctx.document, ctx.structure, ctx.mentions, ctx.persons, ctx.participations,
                ctx.citations, ctx.resolutions, ctx.symbols, ctx.recommendations, ctx.markup):
        yield from gen()
    yield from meta(ex, key, ctx.g)


def meta(ex: Extraction, key: str, g: NamedNode) -> Iterator[Quad]:
    """Provenance of a document graph: the source file, its sha256, and the run that built it.

    The run is named by a digest of the file's sha256 and the tool version, not by a clock, so
    rebuilding the same input gives the same (isomorphic) graph."""
    sha, m = ex.doc.source.sha256, _META
    run = node(iris.Run(hashlib.sha256(f"{sha} {__version__}".encode()).hexdigest()[:16]))
    yield Quad(g, UNKG.documentGraph, node(iris.Doc(key)), m)
    yield Quad(g, UNKG.sourceFile, lit(ex.doc.source.path), m)  # relative to the build root
    yield Quad(g, UNKG.sha256, lit(sha), m)
    yield Quad(g, PROV.wasGeneratedBy, run, m)
    yield Quad(run, RDF.type, UNKG.Run, m)
    yield Quad(run, PROV.used, lit(sha), m)
    yield Quad(run, UNKG.toolVersion, lit(__version__), m)


class _Context(References):
    """One document being turned into triples: its key, language and IRIs of its blocks."""

    def __init__(self, ex: Extraction, key: str, lang: str):
        self.ex, self.key, self.lang = ex, key, lang
        self.doc_id = iris.Doc(key)
        self.doc = node(self.doc_id)
        self.meeting_id = self._meeting_id()
        self.meeting = self.meeting_id and node(self.meeting_id)
        self.block_ids = _unique([self._block_id(b) for b in ex.doc.blocks])
        self.block_iris = [node(b) for b in self.block_ids]
        self.g = node(iris.DocGraph(key, lang))
        self.ann_prefix = iris.annotation_prefix(self.doc_id, lang)
        self.described: set = set()  # entity nodes, provisions, documents: described once a graph
        self.seen: set[tuple] = set()  # (subject, predicate, object) shortcuts made once a graph
        self.concepts: dict[str, NamedNode] = {}  # topic key -> node: tagged again and again
        self.at: dict[int, NamedNode] = {}  # offset -> node of the block holding it (node_at)

    # -- documents and structure -------------------------------------------------------------

    def _meeting_id(self) -> iris.Meeting | None:
        m = self.ex.doc.meta
        if not (m.body or m.meeting_number or m.meeting_start):
            return None
        return iris.meeting_of(m.body, m.meeting_number, m.meeting_start, self.key)

    def _block_id(self, b: Block) -> iris.Part:
        blocks, d = self.ex.doc.blocks, self.doc_id
        if b.kind == "paragraph" and b.number and b.label_kind != "recommendation":
            return iris.Paragraph(d, b.number)
        if b.kind == "item" and b.parent is not None and blocks[b.parent].number:
            return iris.Paragraph(d, blocks[b.parent].number, b.number)
        if b.kind == "footnote":
            return iris.Footnote(d, b.number)
        if b.kind == "heading" and (path := self._heading_path(b)):
            return iris.Section(d, tuple(path))
        return iris.Block(d, self.lang, b.index)

    def _heading_path(self, b: Block) -> list[str] | None:
        """二 > A > 1 and II > A > 1 both give ["2", "A", "1"]: one IRI for both language
        versions. None when a heading in the chain has no printed number."""
        path = []
        while b is not None:
            if not b.number:
                return None
            path.append(_heading_number(b.number))
            b = self.ex.doc.blocks[b.parent] if b.parent is not None else None
        return path[::-1]

    def document(self) -> Iterator[Quad]:
        m, d = self.ex.doc.meta, self.doc
        yield Quad(d, RDF.type, FABIO.Work, self.g)
        yield Quad(d, RDF.type, UNKG.UNDocument, self.g)
        yield Quad(d, UNKG.key, lit(self.key), self.g)
        yield Quad(d, UNKG.fileStem, lit(Path(self.ex.doc.source.path).stem), self.g)
        yield Quad(d, DCT.language, lit(self.lang), self.g)
        if m.symbol:
            yield Quad(d, DCT.identifier, lit(m.symbol), self.g)
        optional = ((DCT.title, m.title and lit(m.title, self.lang)),
                    (DCT.issued, m.issued and lit(m.issued, datatype=XSD.date)),
                    (DCT.dateAccepted, m.adopted and lit(m.adopted, datatype=XSD.date)),
                    (UNKG.distribution, m.distribution and lit(m.distribution)),
                    (UNKG.originalLanguage, m.original_language and lit(m.original_language)),
                    (UNKG.documentKind, m.kind and lit(m.kind)),
                    (UNKG.agendaItem, m.agenda_item and lit(m.agenda_item)))
        for p, o in optional:
            if o:
                yield Quad(d, p, o, self.g)
        if m.body:
            yield Quad(d, DCT.creator, self.entity_iri("Organization", m.body), self.g)
            yield from self._describe("Organization", m.body)
        if self.meeting:
            yield Quad(d, UNKG.meeting, self.meeting, self.g)
            yield from self._meeting()

    def _meeting(self) -> Iterator[Quad]:
        m, e = self.ex.doc.meta, self.meeting
        yield Quad(e, RDF.type, SCHEMA.Event, self.g)
        if m.body:
            yield Quad(e, SCHEMA.organizer, self.entity_iri("Organization", m.body), self.g)
        for p, v in ((SCHEMA.startDate, m.meeting_start), (SCHEMA.endDate, m.meeting_end)):
            if v:
                yield Quad(e, p, lit(v, datatype=XSD.date), self.g)
        if m.place:
            yield Quad(e, SCHEMA.location, lit(m.place, "en"), self.g)
        if m.meeting_number:
            yield Quad(e, UNKG.ordinal, lit(m.meeting_number, datatype=XSD.integer), self.g)

    def _topics(self, subject: NamedNode, topics) -> Iterator[Quad]:
        """dct:subject for each topic, and a classifying annotation (``iris.TopicTag``) saying why
        it was given."""
        g, target = self.g, subject.value
        for key, reason in topics:
            concept = self.concepts.get(key)
            fresh = concept is None
            if fresh:
                concept = self.concepts[key] = node(iris.Topic(key))
            yield Quad(subject, DCT.subject, concept, g)
            if fresh:  # described once a graph
                yield from _describe_topic(concept, key, g)
            ann = NamedNode(iris.topic_tag(target, key))
            yield Quad(ann, RDF.type, OA.Annotation, g)
            yield Quad(ann, OA.motivatedBy, OA.classifying, g)
            yield Quad(ann, OA.hasBody, concept, g)
            yield Quad(ann, OA.hasTarget, subject, g)
            yield Quad(ann, UNKG.topicReason, Literal(reason), g)  # plain: it quotes Chinese words

    def structure(self) -> Iterator[Quad]:
        g, lang, nodes = self.g, self.lang, self.block_iris
        for b, here in zip(self.ex.doc.blocks, nodes):
            if b.kind in ("toc", "label"):
                continue
            yield Quad(here, RDF.type, _BLOCK_CLASS.get(b.kind, DOCO.Paragraph), g)
            # Paragraphs are part of the document (their section is unkg:section): a section
            # without a printed number is named per language, and a paragraph shared by both
            # language versions must have one whole it is part of.
            parent = b.parent if b.kind in ("item", "heading") else None
            yield Quad(here, DCT.isPartOf, nodes[parent] if parent is not None else self.doc, g)
            yield Quad(here, RDF.value, Literal(b.text, language=lang), g)
            if b.number:
                yield Quad(here, SKOS.notation, Literal(b.number), g)
            if b.section is not None:
                yield Quad(here, UNKG.section, nodes[b.section], g)
            if b.kind in ("paragraph", "item"):
                yield from self._topics(here, tag(b.text, lang))

    def id_at(self, offset: int) -> iris.Node:
        """The block holding ``offset`` (the document itself when none does)."""
        b = self.ex.doc.block_at(offset)
        return self.block_ids[b.index] if b else self.doc_id

    def node_at(self, offset: int) -> NamedNode:
        """``id_at``'s node (kept by offset: a mention asks twice, its link and its annotation)."""
        here = self.at.get(offset)
        if here is None:
            b = self.ex.doc.block_at(offset)
            here = self.at[offset] = self.block_iris[b.index] if b else self.doc
        return here

    def markup(self) -> Iterator[Quad]:
        """What only the markup says (AKN4UN): its keywords as links to their vocabularies'
        concepts, and how each State voted. A keyword the markup gives no IRI is left out."""
        for s in self.ex.doc.subjects:
            if s.iri:
                yield Quad(self.doc, DCT.subject, NamedNode(s.iri), self.g)
                yield Quad(NamedNode(s.iri), SKOS.notation, lit(s.label), self.g)
        for v in self.ex.doc.votes:
            here = node(iris.Vote(self.doc_id, v.key or v.state))
            yield Quad(here, RDF.type, UNKG.Vote, self.g)
            yield Quad(here, UNKG.votedOn, self.doc, self.g)
            yield Quad(here, UNKG.choice, lit(v.choice), self.g)
            yield Quad(here, UNKG.voterName, lit(v.state), self.g)
            if v.key:
                yield Quad(here, UNKG.voter, node(iris.Entity("state", v.key)), self.g)
                yield from self._describe("State", v.key)

    # -- entities --------------------------------------------------------------------------

    def _describe(self, kind: str, key: str, label: str | None = None) -> Iterator[Quad]:
        """Type, key and labels of an entity, once per graph."""
        e = self.entity_iri(kind, key)
        if e in self.described:  # by node: a node's .value is a new string each time
            return
        self.described.add(e)
        entry = registry.lookup(key)
        if entry is None:
            yield Quad(e, RDF.type, KIND_CLASS[kind], self.g)
            yield Quad(e, UNKG.key, lit(key), self.g)
            if label:
                yield Quad(e, RDFS.label, lit(label, self.lang), self.g)
            return
        yield from describe_entry(entry, kind, self.g)
        if entry.parent and (parent := registry.lookup(entry.parent)):
            yield from self._describe(parent.kind, entry.parent)

    def _link(self, s: NamedNode, p: NamedNode, o: NamedNode) -> tuple[Quad, ...]:
        """The quad (s, p, o) the first time this graph links them, then nothing: a document
        that mentions a State fifty times says once that it mentions it."""
        if (s, p, o) in self.seen:
            return ()
        self.seen.add((s, p, o))
        return (Quad(s, p, o, self.g),)

    def entity_iri(self, kind: str, key: str) -> NamedNode:
        return entity_node(kind, key)

    def mentions(self) -> Iterator[Quad]:
        # the hot loop of a build (more than half of its quads): names bound once
        g, doc, link, describe, annotation = self.g, self.doc, self._link, self._describe, self._annotation
        mentions, described, candidate = SCHEMA.mentions, self.described, lit("true", datatype=XSD.boolean)
        for m in self.ex.mentions:
            e = entity_node(m.kind, m.key)
            if e not in described:
                # a candidate instrument is labelled with its title on one line, not as wrapped
                label = (m.label_en or m.label_zh) if m.kind == "CandidateInstrument" else m.text
                yield from describe(m.kind, m.key, label)
            if m.candidate:
                yield Quad(e, UNKG.candidate, candidate, g)
            yield from link(doc, mentions, e)
            yield from link(self.node_at(m.start), mentions, e)
            yield from annotation(m.start, m.end, m.text, e)

    def _annotation(self, start: int, end: int, exact: str, body: NamedNode) -> tuple[Quad, ...]:
        """A Web Annotation holding the exact words and where they stand in the cleaned text.
        (Its IRI is ``iris.Annotation``'s, formatted from the document's prefix.)"""
        a = f"{self.ann_prefix}{start}_{end}"
        ann = NamedNode(a)
        target, quote, pos = map(NamedNode, iris.selectors(a))
        g = self.g
        return (Quad(ann, RDF.type, OA.Annotation, g),
                Quad(ann, OA.hasBody, body, g),
                Quad(ann, OA.hasTarget, target, g),
                Quad(target, OA.hasSource, self.node_at(start), g),
                Quad(target, OA.hasSelector, quote, g),
                Quad(target, OA.hasSelector, pos, g),
                Quad(quote, RDF.type, OA.TextQuoteSelector, g),
                Quad(quote, OA.exact, Literal(exact, language=self.lang), g),
                Quad(pos, RDF.type, OA.TextPositionSelector, g),
                Quad(pos, OA.start, Literal(str(start), datatype=XSD.integer), g),
                Quad(pos, OA.end, Literal(str(end), datatype=XSD.integer), g))

    def persons(self) -> Iterator[Quad]:
        for p in self.ex.persons:
            slug = iris.slug(p.name)
            e = node(iris.Entity("person", slug))
            yield Quad(e, RDF.type, FOAF.Person, self.g)
            yield Quad(e, FOAF.name, lit(p.name), self.g)
            yield Quad(e, UNKG.key, lit(slug), self.g)
            yield from self._link(self.doc, SCHEMA.mentions, e)
            yield from self._link(self.node_at(p.start), SCHEMA.mentions, e)
            if p.state:
                yield Quad(e, UNKG.nationality, node(iris.Entity("state", p.state)), self.g)
                yield from self._describe("State", p.state)
            if p.role and self.meeting:
                yield from self._participation(e, p.role, (), p.start, f"person-{slug}")
            yield from self._annotation(p.start, p.end, p.name, e)

    def participations(self) -> Iterator[Quad]:
        for p in self.ex.participations:
            yield from self._describe(p.kind, p.key)
            yield from self._participation(self.entity_iri(p.kind, p.key), p.role, p.agenda_items,
                                           p.start, p.key)

    def _participation(self, agent: NamedNode, role: str, items, start: int, key: str) -> Iterator[Quad]:
        event_id = self.meeting_id or self.doc_id
        event, here = node(event_id), node(iris.Participation(event_id, key, role))
        yield Quad(here, RDF.type, UNKG.Participation, self.g)
        yield Quad(here, UNKG.agent, agent, self.g)
        yield Quad(here, UNKG.event, event, self.g)
        yield Quad(here, UNKG.role, lit(role), self.g)
        yield Quad(here, PROV.wasDerivedFrom, self.node_at(start), self.g)
        for item in items:
            yield Quad(here, UNKG.agendaItem, lit(item), self.g)
        shortcut = UNKG.spokeAt if role == "speaker" else UNKG.heldRole if role in (
            "chair", "vice-chair", "rapporteur", "panelist") else UNKG.attended
        yield Quad(agent, shortcut, event, self.g)


@lru_cache(maxsize=1 << 14)
def entity_node(kind: str, key: str) -> NamedNode:
    """An entity's node, made once a build: the same States and bodies are named in every
    document, again and again."""
    return node(entity_id(kind, key))


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def _heading_number(number: str) -> str:
    """A chapter number as digits (二 -> 2, IV -> 4); letters and digits as printed."""
    from unkg.extract.lang.zh import numerals as zh_numerals
    if (n := zh_numerals.to_int(number)) is not None:
        return str(n)
    if len(number) > 1 or number in "IVX":
        if set(number) <= set(_ROMAN):
            values = [_ROMAN[c] for c in number]
            return str(sum(-v if v < w else v for v, w in zip(values, values[1:] + [0])))
    return number


def _unique(ids: list[iris.Part]) -> list[iris.Part]:
    """Printed numbers can repeat in one document (a report that embeds a resolution numbers
    the resolution's paragraphs 1, 2, 3 again): the second "para_1" becomes "para_1~2". Both
    language versions repeat the same way, so the IRIs still agree."""
    seen: Counter = Counter()
    out = []
    for b in ids:
        seen[str(b)] += 1
        out.append(b if seen[str(b)] == 1 else dataclasses.replace(b, nth=seen[str(b)]))
    return out


@cache
def _topic_labels() -> dict[str, list[Literal]]:
    """Labels of the topic concepts, from ontology/topics.ttl."""
    from importlib import resources
    from pyoxigraph import RdfFormat, parse
    data = (resources.files("unkg.ontology") / "topics.ttl").read_bytes()
    labels: dict[str, list[Literal]] = {}
    for t in parse(data, format=RdfFormat.TURTLE):
        if t.predicate == SKOS.prefLabel and t.subject.value.startswith(str(iris.Topic(""))):
            labels.setdefault(t.subject.value, []).append(t.object)
    return labels


def _describe_topic(concept: NamedNode, key: str, g: NamedNode) -> Iterator[Quad]:
    yield Quad(concept, RDF.type, SKOS.Concept, g)
    yield Quad(concept, SKOS.notation, lit(key), g)
    yield Quad(concept, SKOS.inScheme, NamedNode(iris.TOPIC_SCHEME), g)
    for label in _topic_labels().get(concept.value, ()):
        yield Quad(concept, SKOS.prefLabel, label, g)
