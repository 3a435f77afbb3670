"""Directives: how a text is worded — how strongly it directs, and whom.

A directive verb opens its clause and its object is the addressee ("鼓励缔约国", "Requests the
Secretariat"); a modal follows its subject ("缔约国应", "States should"). Verbs count only at the
start of the text (after adverbs, or after the body that speaks: "工作组建议", "The Working Group
recommends"); modals anywhere in the first sentence; failing both, a statement that the action is
essential ("至关重要", "is of key importance") reads as "should". The cue words and their
strengths are the strength lexicon (ontology/lexicons/strength.json); the clause shapes around
them are each language's ``recommendations`` part (unkg.extract.lang.{zh,en}).

``lead_in`` says whether a paragraph introduces a list of recommendations, and whose wording
governs its items (see unkg.extract.recommendations for the recipe).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .lang import Grammar, grammar
from .lang.lexicons import STRENGTHS, CueKind, Strength
from .models import Hit

__all__ = ["STRENGTHS", "Directive", "LeadIn", "Strength", "addressee_at", "directive", "first_sentence",
           "last_sentence", "later_directive", "lead_in"]


@dataclass(frozen=True, slots=True)
class Directive:
    """How a text is worded: its strength, who it addresses, and whether it opens with the cue."""

    strength: Strength
    addressee: str | None
    head: bool  # the text opens with the directive (verb first, or addressee then modal)
    kind: CueKind = "modal"  # "verb": a directive verb ("鼓励", "Requests", "工作组建议"); "importance": "…is essential"

    @property
    def verb(self) -> bool:
        """The cue is a directive verb, whose object is the addressee (it governs a list it opens)."""
        return self.kind == "verb"


@dataclass(frozen=True, slots=True)
class LeadIn:
    """A paragraph introducing a list of recommendations."""

    number: str | None  # the printed number the items' labels start with
    governs: Directive | None  # the cue that governs every item, if the items complete its sentence
    fallback: Directive | None  # the cue items fall back on when they have none of their own
    restated: bool


def _grammar(g: Grammar | str) -> Grammar:
    """Callers may name the language by its code ("zh", "en") or pass its grammar: the finders pass
    the document's grammar, a reader trying a phrase names its language."""
    return grammar(g) if isinstance(g, str) else g


# --- sentences ---------------------------------------------------------------------------------

def first_sentence(text: str, g: Grammar | str) -> str:
    return re.split(_grammar(g).sentences.CLAUSE_BREAK, text, maxsplit=1)[0]


def last_sentence(text: str, g: Grammar | str) -> str:
    text = text.rstrip().rstrip("：:").rstrip()
    return re.split(_grammar(g).sentences.CLAUSE_BREAK, text)[-1]


# --- addressees --------------------------------------------------------------------------------

def addressee_at(text: str, pos: int, g: Grammar | str, hits: Sequence[Hit] = (), base: int = 0) -> str | None:
    """The addressee named at ``pos`` of ``text`` (articles and 'all' allowed), or None."""
    r = _grammar(g).recommendations
    tail = text[pos:]
    rest = re.sub(r.ADDRESSEE_PREFIX, "", tail)  # "Recommends that States…": the addressee after "that"
    skipped = len(tail) - len(rest)
    for pattern, label in r.ADDRESSEES:
        if re.match(pattern + r.WORD_END, rest):
            return label
    for h in hits:  # a registry name there: an organisation or a State addressed by name
        if h.start == base + pos + skipped and h.kind in ("Organization", "State"):
            return h.key
    return None


def _first_addressee(text: str, g: Grammar) -> str | None:
    """The first addressee named anywhere in ``text``."""
    r = g.recommendations
    found = [(m.start(), rank, label) for rank, (pattern, label) in enumerate(r.ADDRESSEES)
             for m in re.finditer(pattern + r.WORD_END, text)]
    return min(found)[2] if found else None


def _opens_with_addressee(before: str, g: Grammar) -> bool:
    r = g.recommendations
    lead = re.sub(rf"^\s*(?:{r.CONNECTIVES})?[，,\s]*", "", before)
    return any(re.match(pattern, lead) for pattern, _ in r.ADDRESSEES)


# --- cues --------------------------------------------------------------------------------------

@cache
def _verb_patterns(code: str) -> tuple[tuple[Strength, re.Pattern[str]], ...]:
    """Each directive verb at the start of a text, after adverbs or the body that speaks."""
    r = grammar(code).recommendations
    return tuple((strength, re.compile(rf"^\s*{r.ADVERBS}(?:{r.BODY}{r.SEP}{r.ADVERBS})?(?:{verb}){r.THAT}{r.SEP}"))
                 for strength, verb in r.VERBS)


@cache
def _modal_patterns(code: str) -> tuple[tuple[Strength, re.Pattern[str]], ...]:
    return tuple((strength, re.compile(pattern)) for strength, pattern in grammar(code).recommendations.MODALS)


def _verb_first(text: str, g: Grammar, hits: Sequence[Hit], base: int) -> Directive | None:
    """CASE 1: a directive verb opens the text; its object is the addressee."""
    r = g.recommendations
    for strength, pattern in _verb_patterns(g.code):
        m = pattern.match(text)
        if not m:
            continue
        if strength in r.NEEDS_SUBJECT_OR_OBJECT and not re.match(rf"^\s*{r.BODY}", text) \
                and not addressee_at(text, m.end(), g):
            continue  # a word that is also a noun ("建议"), with neither the body before it nor an addressee after
        return Directive(strength, addressee_at(text, m.end(), g, hits, base), True, "verb")
    return None


def _modal(sentence: str, g: Grammar) -> Directive | None:
    """CASE 2: a modal in the first sentence; its subject is the addressee."""
    found = [(m.start(), strength) for strength, pattern in _modal_patterns(g.code)
             for m in pattern.finditer(sentence)]
    if not found:
        return None
    pos, strength = min(found)
    before = sentence[:pos]
    who = _first_addressee(before, g)
    opens = bool(re.match(rf"^\s*(?:{g.recommendations.CONNECTIVES})?[，,\s]*$", before)) \
        or (who is not None and _opens_with_addressee(before, g))
    return Directive(strength, who, opens)


def later_directive(text: str, g: Grammar | str, hits: Sequence[Hit] = (), base: int = 0) -> Directive | None:
    """A directive verb that a paragraph opening with another verb goes on with, in its first
    sentence: "Takes note of the report …, and requests the Office to …" is a request to the Office
    ("注意到…，并请办公室…"). The first such verb decides; the text does not open with it (``head``
    is False). Operative paragraphs of resolutions only: elsewhere a clause so joined reports."""
    g = _grammar(g)
    sentence = first_sentence(text, g)
    for m in re.finditer(g.recommendations.JOINT, sentence):
        if found := _verb_first(sentence[m.end():], g, hits, base + m.end()):
            return Directive(found.strength, found.addressee, False, "verb")
    return None


def directive(text: str, g: Grammar | str, hits: Sequence[Hit] = (), base: int = 0) -> Directive | None:
    """The strength and addressee of ``text`` by its own wording, or None when it has no cue.

    ``hits`` (registry names, offsets into the document) with ``base`` (the offset of ``text``)
    let an organisation or State addressed by name be the addressee.
    """
    g = _grammar(g)
    if found := _verb_first(text, g, hits, base):
        return found
    sentence = first_sentence(text, g)
    if found := _modal(sentence, g):
        return found
    if re.search(g.recommendations.IMPORTANCE, sentence):  # CASE 3: "…is essential": should
        return Directive("should", _first_addressee(sentence, g), False, "importance")
    return None


# --- lead-ins ----------------------------------------------------------------------------------

def lead_in(text: str, g: Grammar | str, zone: bool) -> LeadIn | None:
    """Whether ``text`` (the paragraph before a list) introduces recommendations, and how."""
    g = _grammar(g)
    r = g.recommendations
    last = last_sentence(text, g)
    if re.search(r.DISCUSSION, last) or re.search(r.EXAMPLES, last) or re.search(r.REPORTED, last):
        return None
    cue = directive(last, g)
    restated = bool(re.search(r.RESTATED, text))
    announces = restated or bool(re.search(r.ANNOUNCES, text))
    if cue is None and not announces:
        return None
    if cue is not None and cue.addressee is None and not (zone or announces or cue.verb):
        return None  # a bare modal ("应当：") outside a recommendations section: not enough
    # The cue governs items that complete its sentence ("缔约国应：", "Encourages States parties to:");
    # not items after a noun ("…以下建议：") nor after a reporting verb ("recommended that:"),
    # which carry their own wording.
    nouns = re.search(r.ENDS_WITH_NOUN, last.rstrip("：: "))
    governs = cue if cue is not None and cue.strength != "recommend" and not nouns else None
    return LeadIn(None, governs, cue, restated)
