"""Frozen records passed between the pipeline's steps.

Every step takes these and returns new ones; nothing is mutated after it is made. Offsets
(``start``/``end``) always index into ``Document.text`` (the cleaned text), so
``doc.text[m.start:m.end] == m.text`` holds for every span; ``Document.source_offset`` maps a
cleaned offset back to the original file's text.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

# The vocabularies of the records: every kind, role and strength a step may write.
BlockKind = Literal["header", "toc", "heading", "paragraph", "item", "label", "closing", "footnote"]
# "CandidateInstrument": a quoted title shaped like an instrument's that no registry holds.
EntityKind = Literal["State", "Organization", "Instrument", "Initiative", "NotEntity", "CandidateInstrument"]
ActorKind = Literal["State", "Organization"]
OfficerRole = Literal["chair", "vice-chair", "rapporteur", "panelist", "speaker"]
# What a list sentence or a statement makes of an actor at a meeting.
ParticipationRole = Literal["speaker", "party", "signatory-observer", "non-signatory-observer", "observer",
                            "member"]
ProvisionKind = Literal["article", "rule", "recital", "principle", "guideline"]
ResolutionKind = Literal["resolution", "decision"]
# The documented scale of recommendation strengths, strongest first (the value written to the graph).
Strength = Literal["decide", "request", "urge", "call-upon", "should", "recommend", "invite", "encourage",
                   "may-consider"]


class UserError(Exception):
    """A problem with the user's input: reported as one line, never as a traceback."""


class IngestError(UserError):
    """A file that cannot be read as a document (empty, wrong format, no text layer...)."""

    def __init__(self, path: str, problem: str):
        # a file name with a newline or other control character must not split the one line
        shown = path if path.isprintable() else path.encode("unicode_escape").decode("ascii")
        super().__init__(f"{shown}: {problem}")
        self.path = path
        self.problem = problem


class Unreadable(Exception):
    """Raised inside a format reader with the problem; ``ingest.read_source`` adds the path."""


def first_line(err: Exception) -> str:
    """An exception's first line, or its type when it says nothing: what the user's line shows."""
    text = str(err).strip().splitlines()
    return text[0] if text else type(err).__name__


def megabytes(size: int) -> str:
    return f"{size / 2**20:.1f} MB"


@dataclass(frozen=True, slots=True)
class SourceText:
    """What ingest gives: the file's text and where its pages start."""

    path: str
    text: str
    format: str  # "txt", "pdf", "docx", "html"
    sha256: str
    encoding: str | None = None  # for .txt: the detected encoding
    page_starts: tuple[int, ...] = (0,)  # offsets into text where each page begins


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of the document's structure, as laid out by ``layout``.

    kind: "heading" (一. / A. / I. / 1. used as a heading), "paragraph" (a numbered or unnumbered
    body paragraph), "item" (a sub-item "(a)" or bullet "-" under a paragraph), "footnote",
    "header" (title-page lines before the body: body name, dates, Distr., title...).
    number: the printed number or label ("1", "一", "A", "(a)" -> "a", "-" for bullets, "建议 3"
    -> "3" with label_kind "recommendation"), None when none is printed.
    parent: index of the enclosing block in ``Document.blocks`` (an item's paragraph), or None.
    section: index of the innermost heading the block sits under, or None.
    """

    index: int
    kind: BlockKind
    start: int
    end: int
    text: str
    number: str | None = None
    level: int = 0
    parent: int | None = None
    section: int | None = None
    label_kind: str | None = None
    page: int = 1
    verb: str | None = None  # the clause's opening verb, where the markup marks it (AKN4UN)


@dataclass(frozen=True, slots=True)
class Footnote:
    number: str  # "1", "¹" normalised to "1", "*"
    block: int  # index of its "footnote" block
    callouts: tuple[int, ...] = ()  # offsets in Document.text of its callout marks


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the document says about itself. Dates are ISO 8601 strings."""

    symbol: str | None = None
    distribution: str | None = None  # "General", "Limited", "Restricted"
    issued: str | None = None
    language: str = "zh"
    original_language: str | None = None
    body: str | None = None  # registry key of the body whose meeting this is, e.g. "WG-SOM"
    body_label: str | None = None  # as printed
    meeting_number: int | None = None
    meeting_start: str | None = None
    meeting_end: str | None = None
    place: str | None = None  # English name of the city, e.g. "Vienna"
    agenda_item: str | None = None
    kind: str | None = None  # report, draft report, addendum, background paper, ...
    title: str | None = None
    adopted: str | None = None  # the adoption date of a resolution, where the markup gives it
    session: int | None = None  # the session printed on the title page ("Seventy-ninth session")
    plenary_meeting: int | None = None  # the plenary meeting that adopted a GA resolution ("50th plenary meeting")


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink in the markup: its words in ``Document.text`` and the document it names."""

    start: int
    end: int
    text: str
    href: str
    symbol: str | None = None  # the UN symbol of an undocs.org link, as unkg writes symbols


@dataclass(frozen=True, slots=True)
class Subject:
    """A classification keyword of the markup, for ``dct:subject``."""

    vocabulary: str  # "UNBIS", "EuroVoc", "SDGO", "UNBIS Thesaurus" (the DHL's, no IRI)
    label: str  # as given ("civil_society", "TRAFFICKING IN PERSONS", "sdg_16")
    iri: str | None = None  # http://metadata.un.org/thesaurus/1001012, http://eurovoc.europa.eu/8428


@dataclass(frozen=True, slots=True)
class Vote:
    """One State's vote on the document (AKN4UN ``akn4un:voters``)."""

    state: str  # as printed: "RUSSIAN FEDERATION"
    choice: Literal["in-favour", "against", "abstaining"]
    key: str | None = None  # ISO alpha-3 when the registry knows the name


@dataclass(frozen=True, slots=True)
class Document:
    """A laid-out document: cleaned text, its structure and its metadata."""

    source: SourceText
    text: str
    offsets: tuple[int, ...]  # offsets[i] = index in source.text of text[i]
    blocks: tuple[Block, ...]
    footnotes: tuple[Footnote, ...] = ()
    meta: Metadata = field(default_factory=Metadata)
    links: tuple[Link, ...] = ()  # hyperlinks of the markup (AKN4UN ``a href``)
    subjects: tuple[Subject, ...] = ()  # classification keywords (UNBIS, EuroVoc, SDG)
    votes: tuple[Vote, ...] = ()  # how each State voted, where the markup records it

    @property
    def lang(self) -> str:
        return self.meta.language

    def source_offset(self, i: int) -> int:
        """The offset in the original file's text of cleaned offset ``i``."""
        if i >= len(self.offsets):
            return len(self.source.text)
        return self.offsets[i]

    def block_at(self, offset: int) -> Block | None:
        """The innermost block that contains ``offset`` (items before their paragraphs): the
        shortest, the first of equals; found by bisection in the document's block index."""
        bounds, found = _block_index(self.blocks)
        i = bisect_right(bounds, offset) - 1
        return found[i] if 0 <= i < len(found) else None


_INDEXES: dict[int, tuple[tuple[Block, ...], list[int], list[Block | None]]] = {}


def _block_index(blocks: tuple[Block, ...]) -> tuple[list[int], list[Block | None]]:
    """Every start and end of a block, sorted, and for each stretch between two of them the block
    ``block_at`` gives there. Made once per blocks tuple (the document is frozen, so it is kept
    beside it, keyed by the tuple's identity; the few latest are enough: documents go one by one)."""
    kept = _INDEXES.get(id(blocks))
    if kept is not None and kept[0] is blocks:
        return kept[1], kept[2]
    bounds = sorted({b.start for b in blocks} | {b.end for b in blocks})
    order = sorted(range(len(blocks)), key=lambda i: blocks[i].start)
    active: list[int] = []
    found: list[Block | None] = []
    k = 0
    for x in bounds:  # a sweep: the blocks open over [x, next bound), the innermost of them
        while k < len(order) and blocks[order[k]].start <= x:
            active.append(order[k])
            k += 1
        active = [i for i in active if blocks[i].end > x]
        best = min(active, key=lambda i: (blocks[i].end - blocks[i].start, i), default=None)
        found.append(None if best is None else blocks[best])
    if len(_INDEXES) >= 8:
        _INDEXES.clear()
    _INDEXES[id(blocks)] = (blocks, bounds, found)
    return bounds, found


@dataclass(frozen=True, slots=True)
class Hit:
    """A registry name found in text: the exact words and the entity they resolve to."""

    start: int
    end: int
    text: str
    key: str  # registry key: ISO alpha-3 for States, curated slug otherwise
    kind: EntityKind  # "State", "Organization", "Instrument", "Initiative", "NotEntity"


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity named in a document (State, Organization, Instrument, Initiative, Person, or a
    CandidateInstrument: a title no registry holds, keyed by its normalised words)."""

    kind: EntityKind
    key: str
    text: str
    start: int
    end: int
    label_en: str | None = None
    label_zh: str | None = None
    candidate: bool = False  # shaped like an entity of this kind but not in the registry


@dataclass(frozen=True, slots=True)
class Person:
    name: str  # as printed, without titles (先生, Mr., Dr., Colonel...)
    start: int
    end: int
    state: str | None = None  # ISO alpha-3 of the State in brackets after the name
    role: OfficerRole | None = None  # "chair", "vice-chair", "rapporteur", "panelist", "speaker"
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Participation:
    """An entry in an attendance, speaker or officer list."""

    key: str  # ISO alpha-3 or organisation key
    kind: ActorKind  # "State" or "Organization"
    role: ParticipationRole  # speaker, party, signatory-observer, non-signatory-observer, observer, chair, ...
    start: int
    end: int
    text: str
    agenda_items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Citation:
    """A provision cited: article / paragraph / subparagraph of an instrument.

    instrument: registry key, or None when the reference cannot be resolved (kept, never guessed).
    kind: "article" for treaty articles, "rule" (rules of procedure), "recital", "principle",
    "guideline" for provisions of non-treaty texts.
    """

    start: int
    end: int
    text: str
    instrument: str | None
    article: str
    paragraph: str | None = None
    subparagraph: str | None = None
    kind: ProvisionKind = "article"
    instrument_text: str | None = None  # the words that named the instrument, if any


@dataclass(frozen=True, slots=True)
class Provision:
    """A provision reference as a language grammar reads it, before its instrument is known.

    items: (article, paragraph, subparagraph) cited, one per item of a list.
    same_article: 该条第 3 款 — the paragraph belongs to the article cited just before.
    """

    start: int
    end: int
    text: str
    kind: ProvisionKind  # article, rule, recital, principle, guideline
    items: tuple[tuple[str, str | None, str | None], ...]
    same_article: bool = False
    bare: bool = False  # a paragraph without its article ("and paragraph 3 (f)", 第三款(f)项): the one cited just before


@dataclass(frozen=True, slots=True)
class Anaphor:
    """Words that refer back to an instrument; ``types`` it may have, () for any ("its", 其)."""

    start: int
    end: int
    text: str
    types: tuple[str, ...]


def chain_items(arts: Sequence[str], paras: Sequence[str], subs: Sequence[str]) -> tuple:
    """Items of a provision list: every article but the last bare, the last with its paragraphs
    and subparagraphs (第18条第13和14款 -> 18(13), 18(14))."""
    if not arts:
        return ()
    last = [(arts[-1], p, s) for p in (list(paras) or [None]) for s in (list(subs) or [None])]
    return tuple([(a, None, None) for a in arts[:-1]] + last)


@dataclass(frozen=True, slots=True)
class ResolutionRef:
    """A resolution or decision: key like "COP resolution 5/3", "GA resolution 64/293"."""

    start: int
    end: int
    text: str
    body: str  # COP, GA, ECOSOC, SC, HRC, CCPCJ, OSCE-PC, ...
    kind: ResolutionKind  # "resolution" or "decision"
    number: str  # "5/3", "64/293", "2240 (2015)", "557/Rev.1"

    @property
    def key(self) -> str:
        return f"{self.body} {self.kind} {self.number}"


@dataclass(frozen=True, slots=True)
class SymbolRef:
    """A UN document symbol cited in the text, e.g. A/76/642, CTOC/COP/WG.7/2022/3/Add.1."""

    start: int
    end: int
    text: str
    symbol: str  # normalised: no spaces


@dataclass(frozen=True, slots=True)
class Recommendation:
    label: str  # "1(a)", "3", "62(b)", "5-1"
    text: str
    start: int
    end: int
    block: int
    strength: Strength  # should, encourage, may-consider, request, decide, invite, urge, call-upon, recommend
    addressee: str | None = None  # States parties, Member States, Secretariat, Conference, ...
    section: str | None = None  # heading text it sits under
    restated: bool = False  # restates an earlier recommendation (background papers)
    topics: tuple[tuple[str, str], ...] = ()  # (topic key, the rule's reason) pairs


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything found in one document; what the graph is built from."""

    doc: Document
    mentions: tuple[Mention, ...] = ()
    persons: tuple[Person, ...] = ()
    participations: tuple[Participation, ...] = ()
    citations: tuple[Citation, ...] = ()
    resolutions: tuple[ResolutionRef, ...] = ()
    symbols: tuple[SymbolRef, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
