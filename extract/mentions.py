"""Mentions: the States and organisations a document names.

Every State and Organization hit, except the words of a person's name (Mr. Chad Smith is no
mention of Chad), hits inside URLs and inside candidate names; with the organisations the registry
lacks (``candidates``). The State in brackets after a person *is* a mention. A demonym ("Mexican
authorities") names no State; a national authority in running text ("Republic of Korea National
Police Agency") names its State. A bare bureau (主席团, "extended Bureau") is the document's own
body's. The document's own body named by a common noun ("the Conference", "the Working Group",
"the Commission", 工作组, 委员会) is a mention of it (``body_anaphors``).
"""
from __future__ import annotations

from dataclasses import dataclass

from unkg.ontology.registry import lookup

from .actors import ACTOR_KINDS, URL, Spans, bureau_of, once_per_document, own_bureau, servicing_bodies
from .candidates import find_candidate_organizations
from .lang import Grammar
from .models import Document, Hit, Mention
from .persons import person_names


@dataclass(frozen=True, slots=True)
class ActorHits:
    """The State and Organization hits of a document that are actors, candidates included (in
    order), and those of them that may participate (not a person's bracketed State)."""

    actors: tuple[Hit, ...]
    listed: tuple[Hit, ...]


def find_mentions(doc: Document, hits: tuple[Hit, ...], g: Grammar) -> tuple[Mention, ...]:
    """State and Organization mentions of the document, in order."""
    mentions = [_mention(h, g) for h in actor_hits(doc, hits, g).actors]
    mentions += body_anaphors(doc.text, g, doc.meta.body, hits)
    return tuple(sorted(mentions, key=lambda m: (m.start, m.end)))


@once_per_document
def actor_hits(doc: Document, hits: tuple[Hit, ...], g: Grammar) -> ActorHits:
    """The actors among ``hits`` (see the module's docstring); computed once per document for
    ``find_mentions`` and ``find_participations``."""
    text, names = doc.text, person_names(doc, hits, g)
    in_names = Spans.of((n.start, n.end) for n in names)
    nationality = {(n.state.start, n.state.end) for n in names if n.state}
    urls = Spans.of(m.span() for m in URL.finditer(text))
    actors = [h for h in own_bureau(hits, doc.meta.body) if h.kind in ACTOR_KINDS
              and not in_names.covers(h.start, h.end) and not urls.covers(h.start, h.end)]
    candidates = find_candidate_organizations(text, actors, g)
    in_candidates = Spans.of((c.start, c.end) for c in candidates)
    actors = sorted([h for h in actors if not in_candidates.covers(h.start, h.end)] + candidates,
                    key=lambda h: (h.start, h.end))
    return ActorHits(actors=tuple(actors), listed=tuple(h for h in actors if (h.start, h.end) not in nationality))


def _mention(h: Hit, g: Grammar) -> Mention:
    entry = lookup(h.key)
    if entry is None:  # a candidate organisation: its words are all we know
        label_en, label_zh = g.actors.candidate_labels(h.text)
        return Mention(kind=h.kind, key=h.key, text=h.text, start=h.start, end=h.end, candidate=True,
                       label_en=label_en, label_zh=label_zh)
    return Mention(kind=h.kind, key=h.key, text=h.text, start=h.start, end=h.end,
                   label_en=entry.label_en, label_zh=entry.label_zh)


def body_anaphors(text: str, g: Grammar, body: str | None, hits: tuple[Hit, ...]) -> list[Mention]:
    """Mentions of the document's own body (or the Conference above a working group) by a bare
    common noun (``g.actors.BODY_NOUNS``): "the Conference", "the Working Group", "the Commission",
    "the Bureau" (its bureau), "工作组", "委员会".
    Only where no registry name covers the words and no name follows ("the Working Group on
    Firearms" is a name, even when the registry spells it otherwise); a Chinese noun must not end
    a longer name (专家工作组, 国家禁毒委员会)."""
    if not body:
        return []
    chain = servicing_bodies(body) - {"Secretariat", "UNODC", "UNOV"}
    spans = Spans.of((h.start, h.end) for h in hits)
    out = []
    for m in g.actors.BODY_NOUN.finditer(text):
        noun = g.actors.BODY_NOUNS[m["w"]]
        key = _anaphor_key(noun, body)
        if key is None:
            continue
        if noun == "BUREAU":  # the body's bureau is as much the meeting's as the body
            chain.add(key)
        if key not in chain or spans.overlaps(*m.span("w")):
            continue
        entry = lookup(key)
        out.append(Mention(kind="Organization", key=key, text=m["w"], start=m.start("w"), end=m.end("w"),
                           label_en=entry.label_en if entry else None, label_zh=entry.label_zh if entry else None))
    return out


def _anaphor_key(key: str, body: str) -> str | None:
    """The body a noun names: "WG" a working group's own document's working group, "BUREAU" the
    bureau of the body (as a bare 主席团 is), None when it has none known."""
    if key == "WG" and body.startswith("WG-"):
        return body
    if key == "BUREAU":
        return bureau_of(body)
    return key
