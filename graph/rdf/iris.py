"""The one place that mints and parses IRIs: one frozen value per kind of thing the graph names.

IRIs depend only on language-independent keys — UN symbols, Treaty Collection numbers, ISO codes,
curated registry slugs, printed paragraph numbers — never on titles, run time or order, so the
Chinese and English versions of one document produce the same IRIs. Symbols follow the Akoma
Ntoso for UN rule (``/`` becomes ``-``); a value holds its keys in that form (normalised when it
is made), so ``parse(str(x)) == x`` for every value ``x``.

    >>> str(Doc("CTOC/COP/WG.7/2022/3"))
    'https://w3id.org/unkg/id/doc/CTOC-COP-WG.7-2022-3'
    >>> str(Provision(Entity("treaty", "XVIII-12-b"), "6", "3"))
    'https://w3id.org/unkg/id/treaty/XVIII-12-b/art_6__para_3'
    >>> parse(provision("XVIII-12-b", "6", "3", "b")).subparagraph
    'b'

The lower-case functions at the end are string shortcuts, for callers that want the text.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, Union
from urllib.parse import quote

BASE = "https://w3id.org/unkg/"
ID = BASE + "id/"
GRAPH = BASE + "graph/"
ONTOLOGY = BASE + "ontology#"

_SAFE = "-._~()"


def _norm(key: str) -> str:
    """A key as the IRI holds it: '/' -> '-', spaces -> '_' (UN symbols, Akoma Ntoso style)."""
    return str(key).strip().replace("/", "-").replace(" ", "_")


@lru_cache(maxsize=1 << 16)
def _q(key: str) -> str:
    """Percent-encoded as needed (cached: the same keys come back in every triple)."""
    return quote(key, safe=_SAFE)


@lru_cache(maxsize=1 << 16)
def slug(text: str) -> str:
    """A stable slug for a name (persons, candidate initiatives): accents folded, lower case."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return re.sub(r"[^\w]+", "-", folded).strip("-")


def _set(obj, name: str, value) -> None:
    object.__setattr__(obj, name, value)  # normalising a frozen value as it is made


def _nth(nth: int) -> str:
    """Printed numbers can repeat in one document: the second "para_1" is "para_1~2"."""
    return f"~{nth}" if nth > 1 else ""


# -- graph names ---------------------------------------------------------------------------

@dataclass(frozen=True)
class DocGraph:
    """The named graph holding one language version of one document."""
    key: str
    lang: str

    def __post_init__(self):
        _set(self, "key", _norm(self.key))

    def __str__(self) -> str:
        return f"{GRAPH}{_q(self.key)}/{self.lang}"


@dataclass(frozen=True)
class NamedGraph:
    """A graph that is not a document's: ``meta`` (provenance), ``topics``, ``union``, ``treaties``,
    ``registry`` (every registry entry, described once)."""
    name: Literal["meta", "topics", "union", "treaties", "registry"]

    def __str__(self) -> str:
        return GRAPH + self.name


META_GRAPH, TOPICS_GRAPH, UNION_GRAPH, TREATIES_GRAPH, REGISTRY_GRAPH = (
    str(NamedGraph(n)) for n in ("meta", "topics", "union", "treaties", "registry"))


# -- documents and their parts -------------------------------------------------------------

@dataclass(frozen=True)
class Doc:
    """A document by its UN symbol (or, when none is printed, its fallback key)."""
    key: str

    def __post_init__(self):
        _set(self, "key", _norm(self.key))

    def __str__(self) -> str:
        return f"{ID}doc/{_q(self.key)}"


@dataclass(frozen=True)
class Paragraph:
    """A numbered paragraph, or a lettered item of one: .../para_28, .../para_28/item_b."""
    doc: Doc
    number: str
    item: str | None = None
    nth: int = 1

    def __post_init__(self):
        _set(self, "number", _norm(self.number))
        _set(self, "item", self.item and _norm(self.item))

    def __str__(self) -> str:
        item = f"/item_{_q(self.item)}" if self.item else ""
        return f"{self.doc}/para_{_q(self.number)}{item}{_nth(self.nth)}"


@dataclass(frozen=True)
class Footnote:
    doc: Doc
    number: str
    nth: int = 1

    def __post_init__(self):
        _set(self, "number", _norm(self.number))

    def __str__(self) -> str:
        return f"{self.doc}/fn_{_q(self.number)}{_nth(self.nth)}"


@dataclass(frozen=True)
class Section:
    """A heading by its chain of printed numbers: 二 > A > 1 and II > A > 1 are both sec_2.A.1."""
    doc: Doc
    path: tuple[str, ...]
    nth: int = 1

    def __post_init__(self):
        _set(self, "path", tuple(_norm(p) for p in self.path))

    def __str__(self) -> str:
        return f"{self.doc}/sec_{_q('.'.join(self.path))}{_nth(self.nth)}"


@dataclass(frozen=True)
class Block:
    """A block without a printed number: per language, since its position is all that names it."""
    doc: Doc
    lang: str
    index: int
    nth: int = 1

    def __str__(self) -> str:
        return f"{self.doc}/{self.lang}/block_{self.index}{_nth(self.nth)}"


@dataclass(frozen=True)
class Recommendation:
    doc: Doc
    label: str

    def __post_init__(self):
        _set(self, "label", _norm(self.label))

    def __str__(self) -> str:
        return f"{self.doc}/rec_{_q(self.label)}"


@dataclass(frozen=True)
class Annotation:
    """A Web Annotation of the words at [start, end) of one language version's cleaned text."""
    doc: Doc
    lang: str
    start: int
    end: int

    def __str__(self) -> str:
        return f"{annotation_prefix(self.doc, self.lang)}{self.start}_{self.end}"


def annotation_prefix(doc: Doc, lang: str) -> str:
    """What every annotation IRI of one language version of ``doc`` begins with (a document has
    thousands: the build formats this once and appends "start_end")."""
    return f"{doc}/{lang}/ann_"


@dataclass(frozen=True)
class Selector:
    """The target, quote selector or position selector of an annotation (a fragment of it)."""
    annotation: Annotation
    part: Literal["target", "quote", "position"]

    def __str__(self) -> str:
        return _selector(str(self.annotation), self.part)


SELECTOR_PARTS = ("target", "quote", "position")


def _selector(annotation: str, part: str) -> str:
    return f"{annotation}#{part}"


def selectors(annotation: Annotation | str) -> tuple[str, str, str]:
    """``str(Selector(annotation, part))`` for each of SELECTOR_PARTS, the annotation's IRI
    (or the IRI itself) formatted once (a document has thousands of annotations)."""
    a = str(annotation)
    return (_selector(a, "target"), _selector(a, "quote"), _selector(a, "position"))


# -- registry entities and the texts they hold ---------------------------------------------

EntityFolder = Literal["state", "org", "initiative", "instrument", "person", "treaty", "candidate-instrument"]
# candidate-instrument/<words>: a quoted title no registry holds, keyed by its normalised words
# (the same title gives the same IRI in every document of its language).
FOLDER = {"State": "state", "Organization": "org", "Initiative": "initiative",
          "Instrument": "instrument", "Person": "person", "Treaty": "treaty",
          "CandidateInstrument": "candidate-instrument"}


@dataclass(frozen=True)
class Entity:
    """A registry entity: state/ISO3, org/slug, initiative/slug, treaty/<UNTC number>,
    instrument/slug (a text without a UNTC number), person/slug."""
    folder: EntityFolder
    key: str

    def __post_init__(self):
        key = _norm(self.key)
        _set(self, "key", key.upper() if self.folder == "state" else key)

    def __str__(self) -> str:
        return f"{ID}{self.folder}/{_q(self.key)}"


# How each kind of provision is written in its IRI (a model law's articles are "art" too).
UNIT = {"article": "art", "rule": "rule", "recital": "recital", "principle": "principle",
        "guideline": "guideline", "model-article": "art"}


@dataclass(frozen=True)
class Provision:
    """article 6, paragraph 3 (b) of a text -> <text>/art_6__para_3__subpara_b; rule 2 -> <text>/rule_2."""
    text: Entity
    article: str
    paragraph: str | None = None
    subparagraph: str | None = None
    unit: Literal["art", "rule", "recital", "principle", "guideline"] = "art"

    def __post_init__(self):
        for name in ("article", "paragraph", "subparagraph"):
            value = getattr(self, name)
            _set(self, name, value and _norm(value))

    def __str__(self) -> str:
        parts = [f"{self.unit}_{_q(self.article)}"]
        if self.paragraph:
            parts.append(f"para_{_q(self.paragraph)}")
        if self.subparagraph:
            parts.append(f"subpara_{_q(self.subparagraph)}")
        return f"{self.text}/{'__'.join(parts)}"


@dataclass(frozen=True)
class Resolution:
    """COP resolution 5/3 -> id/resolution/COP/5-3; SC resolution 2240 (2015) -> .../SC/2240_(2015)."""
    body: str
    number: str
    kind: Literal["resolution", "decision"] = "resolution"

    def __post_init__(self):
        _set(self, "body", _norm(self.body))
        _set(self, "number", _norm(self.number))

    def __str__(self) -> str:
        return f"{ID}{self.kind}/{_q(self.body)}/{_q(self.number)}"


@dataclass(frozen=True)
class Meeting:
    """A meeting by its body and number (else start date); without a body, by the document that
    reports it (two bodies' fourth meetings are different meetings): ``at`` is "4",
    "2017-09-11" or "doc-KEY"."""
    body: str | None
    at: str

    def __post_init__(self):
        _set(self, "body", self.body and _norm(self.body))
        _set(self, "at", _norm(self.at))

    def __str__(self) -> str:
        return f"{ID}meeting/{_q(self.body)}/{_q(self.at)}" if self.body else f"{ID}meeting/{_q(self.at)}"


@dataclass(frozen=True)
class Run:
    """A build run of one source file by one tool version."""
    digest: str

    def __str__(self) -> str:
        return f"{ID}run/{self.digest}"


@dataclass(frozen=True)
class Topic:
    """A concept of the topic scheme; ``Topic("")`` is the folder the scheme's concepts share."""
    key: str

    def __post_init__(self):
        _set(self, "key", _norm(self.key))

    def __str__(self) -> str:
        return f"{ID}topic/{_q(self.key)}"


@dataclass(frozen=True)
class Expression:
    """The text (in every language) of a treaty, article or paragraph: .../art_18__para_3/text."""
    work: Entity | Provision

    def __str__(self) -> str:
        return f"{self.work}/text"


TOPIC_SCHEME = ID + "topic"  # the concept scheme: the topics' folder without its slash


# -- things named under another node -------------------------------------------------------

Part = Union[Paragraph, Footnote, Section, Block, Recommendation]
Node = Union[Doc, Part]


@dataclass(frozen=True)
class Citation:
    """The ``ordinal``-th citation of one provision path (``label``) in a paragraph."""
    citing: Node
    label: str
    ordinal: int = 1

    def __post_init__(self):
        _set(self, "label", slug(self.label))

    def __str__(self) -> str:
        return f"{self.citing}/cit_{self.label}_{self.ordinal}"


@dataclass(frozen=True)
class TopicTag:
    """The classifying annotation that gives ``target`` a topic."""
    target: Node
    key: str

    def __post_init__(self):
        _set(self, "key", slug(self.key))

    def __str__(self) -> str:
        return topic_tag(str(self.target), self.key)


def topic_tag(target: str, key: str) -> str:
    """``str(TopicTag(target, key))`` from the target's IRI (a build tags thousands of paragraphs
    whose IRIs it has already formatted)."""
    return f"{target}/topic_{slug(key)}"


@dataclass(frozen=True)
class Participation:
    """An agent (by key slug) in one role at a meeting (or, when none is known, a document)."""
    event: Meeting | Doc
    agent: str
    role: str

    def __post_init__(self):
        _set(self, "agent", slug(self.agent))

    def __str__(self) -> str:
        return f"{self.event}/participation/{self.agent}_{self.role}"


@dataclass(frozen=True)
class Vote:
    """How one State (ISO3, else its printed name) voted on a document."""
    doc: Doc
    voter: str

    def __post_init__(self):
        _set(self, "voter", slug(self.voter))

    def __str__(self) -> str:
        return f"{self.doc}/vote_{self.voter}"


IRI = Union[DocGraph, NamedGraph, Node, Annotation, Selector, Entity, Provision, Resolution,
            Meeting, Run, Topic, Citation, TopicTag, Participation, Expression, Vote]

# -- string shortcuts ----------------------------------------------------------------------

def doc(key: str) -> str:
    return str(Doc(key))


def doc_graph(key: str, lang: str) -> str:
    return str(DocGraph(key, lang))


def paragraph(key: str, number: str, item: str | None = None) -> str:
    return str(Paragraph(Doc(key), number, item))


def state(iso3: str) -> str:
    return str(Entity("state", iso3))


def entity(kind: str, key: str) -> str:
    """A registry entity by its registry kind (State, Organization, Initiative, Instrument, ...)."""
    return str(Entity(FOLDER[kind], key))


def provision(untc: str, article: str, paragraph: str | None = None,
              subparagraph: str | None = None, kind: str = "article") -> str:
    """A provision of a treaty by its Treaty Collection number."""
    return str(Provision(Entity("treaty", untc), article, paragraph, subparagraph, UNIT.get(kind, "art")))


def resolution(body: str, kind: str, number: str) -> str:
    return str(Resolution(body, number, "decision" if kind == "decision" else "resolution"))


def meeting(body: str | None, number: int | None, start: str | None, doc_key: str) -> str:
    return str(meeting_of(body, number, start, doc_key))


def meeting_of(body: str | None, number: int | None, start: str | None, doc_key: str) -> Meeting:
    """The meeting a document reports: by body and number, else start date, else the document."""
    by_doc = f"doc-{_norm(doc_key)}"
    if not body:
        return Meeting(None, by_doc)
    return Meeting(body, str(number) if number else (start or by_doc))


def concept(key: str) -> str:
    return str(Topic(key))


def parse(iri: str) -> IRI:
    """The value an IRI was minted from: ``parse(str(x)) == x`` (the reader is in iri_parse)."""
    from .iri_parse import parse_iri
    return parse_iri(iri)
