"""Actors: what the finders of persons, mentions and participations share.

The finders live in their own modules, each ``find_x(doc, hits, g) -> tuple[record, ...]``:

- ``persons.find_persons``: persons named (names, titles, bracketed States, officers' roles);
- ``mentions.find_mentions``: State and organisation mentions, with the organisations the
  registry lacks (``candidates``), the document's own bureau and its own body named by a common
  noun ("the Conference", 工作组);
- ``participants.find_participations``: attendance, speaker and "the representative of X said"
  entries, sentence by sentence.

This module holds what more than one of them needs: sorted spans checked by bisection, the bodies
that hold or service a meeting, the roles a sentence gives its list, and the one-per-document
cache by which the finders share a step instead of each recomputing it. Every word and pattern is
the grammar's (``unkg.extract.lang``): ``g.actors`` and ``g.sentences``.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import wraps
from typing import Literal, TypeVar

from unkg.ontology import bodies
from unkg.ontology.registry import lookup

from .lang import Grammar, grammar
from .models import ActorKind, Document, Hit

ACTOR_KINDS: tuple[ActorKind, ...] = ("State", "Organization")
# The roles a list sentence gives its entries; ORGANIZATIONS_OBSERVE is "observer" for the
# organisations of a list without a category (States in it get none).
ListRole = Literal["speaker", "party", "signatory-observer", "non-signatory-observer", "observer", "member",
                   "observer (organisations only)"]
ORGANIZATIONS_OBSERVE: ListRole = "observer (organisations only)"
URL = re.compile(r"(?:https?://|www\.)[^\s，。；、）)》]+")


@dataclass
class Spans:
    """Non-overlapping (start, end) spans kept sorted, so that a document's thousands of hits are
    checked against them by bisection rather than one by one."""

    spans: list[tuple[int, int]] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, spans: Iterable[tuple[int, int]]) -> Spans:
        out = cls()
        for start, end in sorted(spans):
            out.add(start, end)
        return out

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.spans.insert(i, (start, end))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end) - 1  # the last span starting before ``end``
        return i >= 0 and self.spans[i][1] > start

    def covers(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and self.spans[i][1] >= end


T = TypeVar("T")


def once_per_document(step: Callable[[Document, tuple[Hit, ...], Grammar], T]
                      ) -> Callable[[Document, tuple[Hit, ...], Grammar], T]:
    """``step(doc, hits, g)`` computed once for the same ``doc`` and ``hits`` objects (by identity):
    the three finders of a document share it. Only the last document's result is kept, so a
    build of thousands of documents holds one."""
    last: list[tuple] = [(None, None, None, None)]  # one tuple, replaced whole: safe across threads

    @wraps(step)
    def cached(doc: Document, hits: tuple[Hit, ...], g: Grammar) -> T:
        seen_doc, seen_hits, seen_g, result = last[0]
        if seen_doc is doc and seen_hits is hits and seen_g is g:
            return result
        result = step(doc, hits, g)
        last[0] = (doc, hits, g, result)
        return result
    return cached


def sentences(text: str, lang: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence (``g.sentences.spans``); sentences never cross a line break."""
    return grammar(lang).sentences.spans(text)


def colon(text: str, start: int, end: int) -> int:
    """The first colon of ``text[start:end]`` (either width), or -1."""
    return min((i for i in (text.find("：", start, end), text.find(":", start, end)) if i >= 0), default=-1)


def roles(s: str, g: Grammar) -> list[ListRole]:
    """The roles a sentence gives its list: speaker, and an attendance category."""
    out: list[ListRole] = []
    if g.actors.SPEAK.search(s):
        out.append("speaker")
    if g.actors.ATTEND.search(s):  # "experts attended a round table": no list
        # without a status, the organisations and units of a list attend as observers ("联合国秘书处下列
        # 单位派代表出席了会议：…", "The following United Nations entities were represented: …"),
        # unless the sentence is about their statements ("出席会议的欧洲联盟代表作了发言")
        status = next((r for r, pat in g.actors.STATUS if pat.search(s)), None)
        if status or not out:
            out.append(status or ORGANIZATIONS_OBSERVE)
    return out


def servicing_bodies(body: str | None) -> set[str]:
    """Those who hold or service the meeting rather than attend it: the Secretariat, the body
    whose meeting it is, the bodies above that one (a working group's Conference), and UNODC
    for the bodies it services."""
    out = {"Secretariat"}
    while body and body not in out:
        out.add(body)
        entry = lookup(body)
        body = entry.parent if entry else None
    if out & UNODC_SERVICED:
        out |= {"UNODC", "UNOV"}
    return out


def bureau_of(body: str | None) -> str | None:
    """The key of ``body``'s bureau (ontology/bodies.json): the Conference's for the Conference
    and its working groups, the Commission's for the Commission, None otherwise."""
    entry = bodies.body(body)
    return entry.bureau if entry else None


def own_bureau(hits: Iterable[Hit], body: str | None) -> list[Hit]:
    """A bare "主席团" / "extended Bureau" (the registry reads it as the Conference's) is the bureau
    of the body whose document it is: the Conference's in its and its working groups' documents,
    "<body>-Bureau" where the registry has one, and nothing known otherwise."""
    own = bureau_of(body)
    out = []
    for h in hits:
        if h.key == "COP-Bureau" and h.text in BARE_BUREAU and own != "COP-Bureau":
            if own is None:
                continue
            h = Hit(start=h.start, end=h.end, text=h.text, key=own, kind=h.kind)
        out.append(h)
    return out


# Bodies whose secretariat is UNODC (with the United Nations Office at Vienna, whose Director-General
# is UNODC's Executive Director): at their meetings UNODC services, it does not attend.
UNODC_SERVICED = frozenset(b.key for b in bodies.bodies() if b.serviced_by_unodc)
# Names of a bureau that do not say whose it is: the bureau of the document's own body.
BARE_BUREAU = {"主席团", "extended Bureau"}
