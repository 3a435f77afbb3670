"""From one document's Extraction to its quads, as N-Quads lines, in its own named graph (plus
its meta-graph entry).

Each generator of ``_Context`` yields the lines of one kind of fact (what a document refers to
is in ``references.py``), every one in the document's graph; a line is ``f"{s} {p} {o}{g}"``,
its terms the N-Quads texts of ``nquads.py`` and ``g`` how a line of the graph ends. Every graph
is self-contained: the entities a document names are described (labels, codes) inside its graph,
so rebuilding one document never touches another's graph.
"""
from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Iterator
from functools import cache, lru_cache
from itertools import chain
from pathlib import Path

from unkg import __version__
from unkg.extract.models import Block, Extraction
from unkg.extract.topics import tag
from unkg.ontology import registry

from . import iris
from .nquads import (DCT, DOCO, ELI, FABIO, FOAF, OA, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, TRUE, UNKG,
                     graph_end, integer, iri, lang_literal, literal, outside_iri, term, typed)
from .references import References, entity_id
from .vocab import XSD

_META = graph_end(iris.META_GRAPH)
_TOPIC_SCHEME = iri(iris.TOPIC_SCHEME)
_BLOCK_CLASS = {"heading": DOCO.Section, "footnote": DOCO.Footnote, "item": UNKG.SubItem}  # else doco:Paragraph
KIND_CLASS = {"State": UNKG.State, "Organization": ORG.FormalOrganization,
              "Instrument": ELI.LegalResource, "Initiative": UNKG.Initiative, "Person": FOAF.Person,
              "CandidateInstrument": UNKG.CandidateInstrument}


def describe_entry(entry: registry.Entry, kind: str, g: str) -> Iterator[str]:
    """A registry entry as the graph ``g`` (its ``graph_end``) describes it: type, key, labels,
    acronyms, codes and the link to its parent. A document's graph describes the entries it
    names this way, and ``registry_graph`` every entry once."""
    return (t + g for t in _entry_triples(kind, entry.key))


@lru_cache(maxsize=1 << 12)
def _entry_triples(kind: str, key: str) -> tuple[str, ...]:
    """``describe_entry``'s lines without their graph ("s p o"), made once a build: every graph
    that names the entity describes it with the same ones."""
    entry = registry.lookup(key)
    e = entity_node(kind, key)
    terms = [(RDF.type, KIND_CLASS[kind]), (UNKG.key, literal(key))]
    terms += [(SKOS.prefLabel, lang_literal(value, lang)) for value, lang in ((entry.label_en, "en"), (entry.label_zh, "zh"))
              if value]
    terms += [(SKOS.altLabel, lang_literal(acronym, lang))
              for acronym, lang in ((entry.acronym_en, "en"), (entry.acronym_zh, "zh")) if acronym]
    codes = entry.codes
    terms += [(SKOS.notation, literal(code)) for code in (codes.get("iso3"), codes.get("m49"), codes.get("untc")) if code]
    if entry.parent and (parent := registry.lookup(entry.parent)):
        rel = UNKG.supplements if kind == "Instrument" else ORG.subOrganizationOf
        terms.append((rel, entity_node(parent.kind, entry.parent)))
    return tuple(f"{e} {p} {o}" for p, o in terms)


def doc_key(ex: Extraction) -> str:
    """The document's key: its UN symbol when printed, otherwise its file stem."""
    return ex.doc.meta.symbol or Path(ex.doc.source.path).stem


def quads(ex: Extraction, key: str | None = None) -> tuple[Iterator[str], Iterator[str]]:
    """Every quad of one document as N-Quads lines: (those of its own graph, those of its entry
    in the meta graph), apart, since a file target writes the first as they come and keeps the
    others for its end (``key``: the one the build gave it, from its path relative to the build
    root, see keys.file_keys).

    What several facts share (an entity, a topic, a provision, "the document mentions X") is made
    once per graph: ``nquads.store_order`` would only drop the copies."""
    key, lang = key or doc_key(ex), ex.doc.lang
    ctx = _Context(ex, key, lang)
    return ctx.lines(), meta(ex, key, ctx.graph)


def meta(ex: Extraction, key: str, graph: str) -> Iterator[str]:
    """Provenance of a document graph (``graph``: its IRI's text): the source file, its sha256,
    and the run that built it.

    The run is named by a digest of the file's sha256 and the tool version, not by a clock, so
    rebuilding the same input gives the same (isomorphic) graph."""
    sha, m = ex.doc.source.sha256, _META
    run = iri(iris.Run(hashlib.sha256(f"{sha} {__version__}".encode()).hexdigest()[:16]))
    yield f"{graph} {UNKG.documentGraph} {iri(iris.Doc(key))}{m}"
    yield f"{graph} {UNKG.sourceFile} {literal(ex.doc.source.path)}{m}"  # relative to the build root
    yield f"{graph} {UNKG.sha256} {literal(sha)}{m}"
    yield f"{graph} {PROV.wasGeneratedBy} {run}{m}"
    yield f"{run} {RDF.type} {UNKG.Run}{m}"
    yield f"{run} {PROV.used} {literal(sha)}{m}"
    yield f"{run} {UNKG.toolVersion} {literal(__version__)}{m}"


class _Context(References):
    """One document being turned into lines: its key, language, graph and IRIs of its blocks."""

    def __init__(self, ex: Extraction, key: str, lang: str):
        self.ex, self.key, self.lang = ex, key, lang
        self.doc_id = iris.Doc(key)
        self.doc = iri(self.doc_id)
        self.meeting_id = self._meeting_id()
        self.meeting = self.meeting_id and iri(self.meeting_id)
        self.block_ids = _unique([self._block_id(b) for b in ex.doc.blocks])
        self.block_iris = [str(b) for b in self.block_ids]
        self.block_nodes = [iri(b) for b in self.block_iris]
        graph = iris.DocGraph(key, lang)
        self.graph, self.g = iri(graph), graph_end(graph)
        self.ann_prefix = iris.annotation_prefix(self.doc_id, lang)
        self.described: set = set()  # entity nodes, provisions, documents: described once a graph
        self.seen: set[tuple] = set()  # (subject, predicate, object) shortcuts made once a graph
        self.concepts: dict[str, str] = {}  # topic key -> node: tagged again and again
        self.at: dict[int, str] = {}  # offset -> node of the block holding it (node_at)

    def lines(self) -> Iterator[str]:
        # chained, not yielded from: a generator level less for each of a million lines
        return chain.from_iterable(gen() for gen in (
            self.document, self.structure, self.mentions, self.persons, self.participations,
            self.citations, self.resolutions, self.symbols, self.recommendations, self.markup))

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

    def document(self) -> Iterator[str]:
        m, d, g, lang = self.ex.doc.meta, self.doc, self.g, self.lang
        yield f"{d} {RDF.type} {FABIO.Work}{g}"
        yield f"{d} {RDF.type} {UNKG.UNDocument}{g}"
        yield f"{d} {UNKG.key} {literal(self.key)}{g}"
        yield f"{d} {UNKG.fileStem} {literal(Path(self.ex.doc.source.path).stem)}{g}"
        yield f"{d} {DCT.language} {literal(lang)}{g}"
        if m.symbol:
            yield f"{d} {DCT.identifier} {literal(m.symbol)}{g}"
        optional = ((DCT.title, m.title and lang_literal(m.title, lang)),
                    (DCT.issued, m.issued and typed(m.issued, XSD.date)),
                    (DCT.dateAccepted, m.adopted and typed(m.adopted, XSD.date)),
                    (UNKG.distribution, m.distribution and literal(m.distribution)),
                    (UNKG.originalLanguage, m.original_language and literal(m.original_language)),
                    (UNKG.documentKind, m.kind and literal(m.kind)),
                    (UNKG.agendaItem, m.agenda_item and literal(m.agenda_item)))
        for p, o in optional:
            if o:
                yield f"{d} {p} {o}{g}"
        if m.body:
            yield f"{d} {DCT.creator} {self.entity_iri('Organization', m.body)}{g}"
            yield from self._describe("Organization", m.body)
        if self.meeting:
            yield f"{d} {UNKG.meeting} {self.meeting}{g}"
            yield from self._meeting()

    def _meeting(self) -> Iterator[str]:
        m, e, g = self.ex.doc.meta, self.meeting, self.g
        yield f"{e} {RDF.type} {SCHEMA.Event}{g}"
        if m.body:
            yield f"{e} {SCHEMA.organizer} {self.entity_iri('Organization', m.body)}{g}"
        for p, v in ((SCHEMA.startDate, m.meeting_start), (SCHEMA.endDate, m.meeting_end)):
            if v:
                yield f"{e} {p} {typed(v, XSD.date)}{g}"
        if m.place:
            yield f"{e} {SCHEMA.location} {lang_literal(m.place, 'en')}{g}"
        if m.meeting_number:
            yield f"{e} {UNKG.ordinal} {typed(m.meeting_number, XSD.integer)}{g}"

    def _topics(self, target: str, topics) -> Iterator[str]:
        """dct:subject of ``target`` (an IRI) for each topic, and a classifying annotation
        (``iris.TopicTag``) saying why it was given."""
        g, subject = self.g, iri(target)
        for key, reason in topics:
            concept = self.concepts.get(key)
            fresh = concept is None
            if fresh:
                concept = self.concepts[key] = iri(iris.Topic(key))
            yield f"{subject} {DCT.subject} {concept}{g}"
            if fresh:  # described once a graph
                yield from _describe_topic(concept, key, g)
            ann = iri(iris.topic_tag(target, key))
            yield f"{ann} {RDF.type} {OA.Annotation}{g}"
            yield f"{ann} {OA.motivatedBy} {OA.classifying}{g}"
            yield f"{ann} {OA.hasBody} {concept}{g}"
            yield f"{ann} {OA.hasTarget} {subject}{g}"
            yield f"{ann} {UNKG.topicReason} {literal(reason)}{g}"  # plain: it quotes Chinese words

    def structure(self) -> Iterator[str]:
        g, lang, nodes = self.g, self.lang, self.block_nodes
        for b, here, target in zip(self.ex.doc.blocks, nodes, self.block_iris):
            if b.kind in ("toc", "label"):
                continue
            yield f"{here} {RDF.type} {_BLOCK_CLASS.get(b.kind, DOCO.Paragraph)}{g}"
            # Paragraphs are part of the document (their section is unkg:section): a section
            # without a printed number is named per language, and a paragraph shared by both
            # language versions must have one whole it is part of.
            parent = b.parent if b.kind in ("item", "heading") else None
            yield f"{here} {DCT.isPartOf} {nodes[parent] if parent is not None else self.doc}{g}"
            yield f"{here} {RDF.value} {lang_literal(b.text, lang)}{g}"
            if b.number:
                yield f"{here} {SKOS.notation} {literal(b.number)}{g}"
            if b.section is not None:
                yield f"{here} {UNKG.section} {nodes[b.section]}{g}"
            if b.kind in ("paragraph", "item"):
                yield from self._topics(target, tag(b.text, lang))

    def id_at(self, offset: int) -> iris.Node:
        """The block holding ``offset`` (the document itself when none does)."""
        b = self.ex.doc.block_at(offset)
        return self.block_ids[b.index] if b else self.doc_id

    def node_at(self, offset: int) -> str:
        """``id_at``'s node (kept by offset: a mention asks twice, its link and its annotation)."""
        here = self.at.get(offset)
        if here is None:
            b = self.ex.doc.block_at(offset)
            here = self.at[offset] = self.block_nodes[b.index] if b else self.doc
        return here

    def markup(self) -> Iterator[str]:
        """What only the markup says (AKN4UN): its keywords as links to their vocabularies'
        concepts, and how each State voted. A keyword the markup gives no IRI is left out."""
        d, g = self.doc, self.g
        for s in self.ex.doc.subjects:
            if s.iri:
                concept = outside_iri(s.iri)
                yield f"{d} {DCT.subject} {concept}{g}"
                yield f"{concept} {SKOS.notation} {literal(s.label)}{g}"
        for v in self.ex.doc.votes:
            here = iri(iris.Vote(self.doc_id, v.key or v.state))
            yield f"{here} {RDF.type} {UNKG.Vote}{g}"
            yield f"{here} {UNKG.votedOn} {d}{g}"
            yield f"{here} {UNKG.choice} {literal(v.choice)}{g}"
            yield f"{here} {UNKG.voterName} {literal(v.state)}{g}"
            if v.key:
                yield f"{here} {UNKG.voter} {iri(iris.Entity('state', v.key))}{g}"
                yield from self._describe("State", v.key)

    # -- entities --------------------------------------------------------------------------

    def _describe(self, kind: str, key: str, label: str | None = None) -> Iterator[str]:
        """Type, key and labels of an entity, once per graph."""
        e = self.entity_iri(kind, key)
        if e in self.described:
            return
        self.described.add(e)
        entry, g = registry.lookup(key), self.g
        if entry is None:
            yield f"{e} {RDF.type} {KIND_CLASS[kind]}{g}"
            yield f"{e} {UNKG.key} {literal(key)}{g}"
            if label:
                yield f"{e} {RDFS.label} {lang_literal(label, self.lang)}{g}"
            return
        yield from describe_entry(entry, kind, g)
        if entry.parent and (parent := registry.lookup(entry.parent)):
            yield from self._describe(parent.kind, entry.parent)

    def _link(self, s: str, p: str, o: str) -> tuple[str, ...]:
        """The line (s, p, o) the first time this graph links them, then nothing: a document
        that mentions a State fifty times says once that it mentions it."""
        if (s, p, o) in self.seen:
            return ()
        self.seen.add((s, p, o))
        return (f"{s} {p} {o}{self.g}",)

    def entity_iri(self, kind: str, key: str) -> str:
        return entity_node(kind, key)

    def mentions(self) -> Iterator[str]:
        # the hot loop of a build (more than half of its quads): names bound once
        g, doc, link, describe, annotation = self.g, self.doc, self._link, self._describe, self._annotation
        mentions, described, candidate = SCHEMA.mentions, self.described, UNKG.candidate
        for m in self.ex.mentions:
            e = entity_node(m.kind, m.key)
            if e not in described:
                # a candidate instrument is labelled with its title on one line, not as wrapped
                label = (m.label_en or m.label_zh) if m.kind == "CandidateInstrument" else m.text
                yield from describe(m.kind, m.key, label)
            if m.candidate:
                yield f"{e} {candidate} {TRUE}{g}"
            yield from link(doc, mentions, e)
            yield from link(self.node_at(m.start), mentions, e)
            yield from annotation(m.start, m.end, m.text, e)

    def _annotation(self, start: int, end: int, exact: str, body: str) -> tuple[str, ...]:
        """A Web Annotation holding the exact words and where they stand in the cleaned text.
        (Its IRI is ``iris.Annotation``'s, formatted from the document's prefix.)"""
        a = f"{self.ann_prefix}{start}_{end}"
        ann, (target, quote, pos) = iri(a), map(iri, iris.selectors(a))
        g = self.g
        return (f"{ann} {RDF.type} {OA.Annotation}{g}",
                f"{ann} {OA.hasBody} {body}{g}",
                f"{ann} {OA.hasTarget} {target}{g}",
                f"{target} {OA.hasSource} {self.node_at(start)}{g}",
                f"{target} {OA.hasSelector} {quote}{g}",
                f"{target} {OA.hasSelector} {pos}{g}",
                f"{quote} {RDF.type} {OA.TextQuoteSelector}{g}",
                f"{quote} {OA.exact} {lang_literal(exact, self.lang)}{g}",
                f"{pos} {RDF.type} {OA.TextPositionSelector}{g}",
                f"{pos} {OA.start} {integer(start)}{g}",
                f"{pos} {OA.end} {integer(end)}{g}")

    def persons(self) -> Iterator[str]:
        g = self.g
        for p in self.ex.persons:
            slug = iris.slug(p.name)
            e = iri(iris.Entity("person", slug))
            yield f"{e} {RDF.type} {FOAF.Person}{g}"
            yield f"{e} {FOAF.name} {literal(p.name)}{g}"
            yield f"{e} {UNKG.key} {literal(slug)}{g}"
            yield from self._link(self.doc, SCHEMA.mentions, e)
            yield from self._link(self.node_at(p.start), SCHEMA.mentions, e)
            if p.state:
                yield f"{e} {UNKG.nationality} {iri(iris.Entity('state', p.state))}{g}"
                yield from self._describe("State", p.state)
            if p.role and self.meeting:
                yield from self._participation(e, p.role, (), p.start, f"person-{slug}")
            yield from self._annotation(p.start, p.end, p.name, e)

    def participations(self) -> Iterator[str]:
        for p in self.ex.participations:
            yield from self._describe(p.kind, p.key)
            yield from self._participation(self.entity_iri(p.kind, p.key), p.role, p.agenda_items,
                                           p.start, p.key)

    def _participation(self, agent: str, role: str, items, start: int, key: str) -> Iterator[str]:
        event_id, g = self.meeting_id or self.doc_id, self.g
        event, here = iri(event_id), iri(iris.Participation(event_id, key, role))
        yield f"{here} {RDF.type} {UNKG.Participation}{g}"
        yield f"{here} {UNKG.agent} {agent}{g}"
        yield f"{here} {UNKG.event} {event}{g}"
        yield f"{here} {UNKG.role} {literal(role)}{g}"
        yield f"{here} {PROV.wasDerivedFrom} {self.node_at(start)}{g}"
        for item in items:
            yield f"{here} {UNKG.agendaItem} {literal(item)}{g}"
        shortcut = UNKG.spokeAt if role == "speaker" else UNKG.heldRole if role in (
            "chair", "vice-chair", "rapporteur", "panelist") else UNKG.attended
        yield f"{agent} {shortcut} {event}{g}"


@lru_cache(maxsize=1 << 14)
def entity_node(kind: str, key: str) -> str:
    """An entity's node, made once a build: the same States and bodies are named in every
    document, again and again."""
    return iri(entity_id(kind, key))


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
        text = str(b)
        seen[text] += 1
        out.append(b if seen[text] == 1 else dataclasses.replace(b, nth=seen[text]))
    return out


@cache
def _topic_labels() -> dict[str, list[str]]:
    """The labels of each topic concept (by its node), from ontology/topics.ttl."""
    from importlib import resources
    from pyoxigraph import RdfFormat, parse
    from .vocab import SKOS as SKOS_NODES
    data = (resources.files("unkg.ontology") / "topics.ttl").read_bytes()
    labels: dict[str, list[str]] = {}
    for t in parse(data, format=RdfFormat.TURTLE):
        if t.predicate == SKOS_NODES.prefLabel and t.subject.value.startswith(str(iris.Topic(""))):
            labels.setdefault(term(t.subject), []).append(term(t.object))
    return labels


def _describe_topic(concept: str, key: str, g: str) -> Iterator[str]:
    yield f"{concept} {RDF.type} {SKOS.Concept}{g}"
    yield f"{concept} {SKOS.notation} {literal(key)}{g}"
    yield f"{concept} {SKOS.inScheme} {_TOPIC_SCHEME}{g}"
    for label in _topic_labels().get(concept, ()):
        yield f"{concept} {SKOS.prefLabel} {label}{g}"
