"""Instruments and initiatives named in a text, as mentions.

``find_instrument_mentions`` turns the document's instrument references (extract/references.py:
registry names, EU acts by number, instruments named inside an initiative's name, short titles
given in brackets and used again, resolved anaphors) into Mentions, adds the instrument a
protocol's full title names (the Convention it supplements), the registry's initiatives, and
keeps names shaped like an initiative but absent from the registry as candidates.

A title in quotation marks or 《》 that no registry holds is kept too, as a candidate instrument
(kind "CandidateInstrument", its key the title's words normalised, one per distinct title in
every document): the language's grammar says which titles are an instrument's (a head noun:
公约, 议定书, 行动计划…, "Convention", "Plan of Action"…) and which quotes hold a document's title
instead ('resolution 74/173 entitled "…"', 题为《…》的报告). A title is the registry's when a name
found ends where it ends (《实施〈打击偷运移民议定书〉的国际行动框架》 names the Protocol inside but is
another instrument; "Transforming our world: the 2030 Agenda for Sustainable Development" is the
2030 Agenda). It is a class of its own, never an Instrument: what the registry does not hold is
kept with its words, and counted apart.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from unkg.ontology import registry

from .lang import Grammar, grammar
from .models import Document, Hit, Mention
from .references import Ref, act_label, main_instrument, references_in, registry_kind

KINDS = ("Instrument", "Initiative", "CandidateInstrument")


def find_instrument_mentions(doc: Document, hits: Sequence[Hit], g: Grammar) -> tuple[Mention, ...]:
    """Instruments and initiatives the document names: registry hits, EU acts by number, resolved
    anaphors, and candidate initiatives (``candidate=True``), in order."""
    return _mentions(doc.text, g, tuple(hits), main_instrument(doc))


def instrument_mentions(text: str, lang: str, hits: Sequence[Hit], main: str | None) -> tuple[Mention, ...]:
    """``find_instrument_mentions`` of a bare text in ``lang``, given its hits and main instrument."""
    return _mentions(text, grammar(lang), tuple(hits), main)


def _mentions(text: str, g: Grammar, hits: tuple[Hit, ...], main: str | None) -> tuple[Mention, ...]:
    mentions = [_mention("Instrument", r) for r in references_in(text, hits, g, main)
                if r.key and r.how != "pronoun" and registry_kind(r.key) == "Instrument"]
    mentions += _supplemented(g, mentions)
    mentions += [_mention("Initiative", h) for h in hits if h.kind == "Initiative"]
    mentions += _candidates(text, g, hits, mentions)
    mentions += candidate_titles(text, g, hits, references_in(text, hits, g, main))
    return tuple(sorted(mentions, key=lambda m: (m.start, m.end)))


def _candidates(text: str, g: Grammar, hits: tuple[Hit, ...], mentions: list[Mention]) -> list[Mention]:
    """Names shaped like an initiative that no name found covers (``candidate=True``)."""
    taken = sorted([(h.start, h.end) for h in hits] + [(m.start, m.end) for m in mentions])
    named_ends = {e for _, e in taken}
    ends = _running_max_end(taken)
    out = []
    for start, end, name in g.provisions.candidates(text):
        if _short_form(text, g, start, end, named_ends):
            continue  # the short form given in brackets after a name: "…检察官网络（西非网络）"
        i = bisect.bisect_left(taken, (end,))  # spans starting before ``end``
        if not (i and ends[i - 1] > start):
            label_en, label_zh = g.instruments.candidate_labels(name)
            out.append(Mention("Initiative", _slug(name), name, start, end, label_en=label_en,
                               label_zh=label_zh, candidate=True))
    return out


def candidate_titles(text: str, g: Grammar, hits: tuple[Hit, ...], refs: Sequence[Ref]) -> list[Mention]:
    """Titles in quotes or 《》 shaped like an instrument's that no registry name ends (see the
    module's docstring), as candidate instruments at the words inside the quotes."""
    named = sorted({r.end for r in refs if r.key} | {h.end for h in hits if h.kind in KINDS})
    out = []
    for m in g.instruments.TITLE.finditer(text):
        start, end = m.span("title")
        words = g.instruments.title_words(m["title"])
        if not g.instruments.INSTRUMENT_TITLE.fullmatch(words) or _named_at(named, start, end):
            continue
        if g.instruments.document_title(text[max(0, m.start() - 240):m.start()], text[m.end():m.end() + 40]):
            continue
        label_en, label_zh = g.instruments.candidate_labels(words)
        out.append(Mention("CandidateInstrument", g.instruments.candidate_key(words), m["title"], start, end,
                           label_en=label_en, label_zh=label_zh, candidate=True))
    return out


def _named_at(ends: list[int], start: int, end: int) -> bool:
    """Does a name found end where the title ends (or one character off: "the Protocol," quoted
    with its comma), after the title begins?"""
    i = bisect.bisect_left(ends, max(start + 1, end - 1))
    return i < len(ends) and ends[i] <= end + 1


def _running_max_end(spans: list[tuple[int, int]]) -> list[int]:
    """ends[i]: the furthest end of spans[0..i] (spans sorted by start)."""
    out, furthest = [], -1
    for _, e in spans:
        furthest = max(furthest, e)
        out.append(furthest)
    return out


def _short_form(text: str, g: Grammar, start: int, end: int, named_ends: set[int]) -> bool:
    """Is ``text[start:end]`` in brackets right after a name that ends at one of ``named_ends``?"""
    if not re.match(r"\s*[）)]", text[end:]):
        return False
    lead = g.instruments.SHORT_FORM_LEAD.search(text[max(0, start - 40):start])
    j = start - len(lead.group()) if lead else start
    if j == 0 or text[j - 1] not in "（(":
        return False
    return len(text[:j - 1].rstrip()) in named_ends


def _supplemented(g: Grammar, mentions: list[Mention]) -> list[Mention]:
    """A protocol's full title names the instrument it supplements: "Protocol against … supplementing
    the United Nations Convention against Transnational Organized Crime", 《联合国打击跨国有组织犯罪公约关于…
    的补充议定书》 mention the Convention too (at the words that name it)."""
    out = []
    for m in mentions:
        entry = registry.lookup(m.key)
        parent = registry.lookup(entry.parent) if entry and entry.parent else None
        if parent is None or parent.kind != "Instrument":
            continue
        for name in sorted(parent.names(g.code), key=len, reverse=True):
            i = m.text.find(name)
            if i >= 0 and len(name) < len(m.text):
                start = m.start + i
                out.append(Mention("Instrument", parent.key, name, start, start + len(name),
                                   label_en=parent.label_en, label_zh=parent.label_zh))
                break
    return out


def _mention(kind: str, r: Ref | Hit) -> Mention:
    entry = registry.lookup(r.key)
    label_en = entry.label_en if entry else act_label(r.key)
    return Mention(kind, r.key, r.text, r.start, r.end, label_en=label_en, label_zh=entry.label_zh if entry else None)


def _slug(name: str) -> str:
    return "candidate:" + re.sub(r"[\s/]+", "-", name.strip())
