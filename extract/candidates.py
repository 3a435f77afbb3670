"""Organisations missing from the registry: candidate organisations.

The items of a list of organisations that no registry name covers ("non-governmental
organizations ...: A, B and C"), "the observer for X" / "非政府组织X的观察员", and the subject of an
attendance or speaker sentence an apposition calls an organisation ("The X, a non-governmental
organization, ..."). They are Organization hits keyed ``candidate:<name as printed>`` (so their
keys differ between languages); a registry name inside one ("Japan Federation of Bar
Associations", "Academic Council on the United Nations System") is part of its name, not a
mention. Only sentences that give their list a role (attendance, speakers) are read.
"""
from __future__ import annotations

import bisect
import re

from .actors import Spans, colon, roles
from .lang import Grammar
from .models import Hit

CANDIDATE = "candidate:"
ITEM_TAIL = re.compile(r"\s*(?:[(（][^()（）]*[)）])?\s*[.。;；,，]?\s*$")  # an acronym in brackets, a stop
WORDS = re.compile(r"[^\W\d_]+")
KEY_SPACE = re.compile(r"[\s/]+")


def find_candidate_organizations(text: str, hits: list[Hit], g: Grammar) -> list[Hit]:
    """Organisations that attend or speak but are not in the registry (non-governmental
    organisations, most often), as ``candidate:`` hits, in order and not overlapping (the longest
    of two readings starting at one place wins). ``hits`` are the document's State and
    Organization hits."""
    hits = sorted(hits, key=lambda h: h.start)
    starts = [h.start for h in hits]
    out: list[Hit] = []
    for start, end in g.sentences.spans(text):
        if not roles(text[start:end], g):
            continue
        inside = hits[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
        c = colon(text, start, end)
        if c >= 0 and g.actors.ORG_LIST.search(text, start, c):
            out += _list_candidates(text, g, c + 1, end, inside)
        out += [_candidate(text, a, b) for a, b in g.actors.observer_names(text, start, end, inside)]
        out += _apposition_candidates(text, g, start, end, inside)
    taken, found = Spans(), []
    for c in sorted(out, key=lambda c: (c.start, -c.end)):
        if not taken.overlaps(c.start, c.end):
            taken.add(c.start, c.end)
            found.append(c)
    return found


def _candidate(text: str, start: int, end: int) -> Hit:
    name = text[start:end]
    return Hit(start=start, end=end, text=name, key=CANDIDATE + KEY_SPACE.sub("-", name.strip()), kind="Organization")


def _list_candidates(text: str, g: Grammar, start: int, end: int, hits: list[Hit]) -> list[Hit]:
    spans = Spans.of((h.start, h.end) for h in hits)
    items = _items(text, g, start, end, spans)
    out = []
    last = items.pop()
    for a, b in items + _split_and(text, g, *last, spans):  # only the last item holds the list's "and"
        a, b = _trim_item(text, g, a, b)
        if b > a and not _covered(text, g, a, b, spans) and g.actors.org_name_shaped(text[a:b]):
            out.append(_candidate(text, a, b))
    return out


def _items(text: str, g: Grammar, start: int, end: int, spans: Spans) -> list[tuple[int, int]]:
    """The items of the list ``text[start:end]``, split at separators outside brackets and names."""
    items, depth, i, item_start = [], 0, start, start
    while i < end:
        if spans.covers(i, i + 1):
            i += 1
            continue
        if text[i] in "(（":
            depth += 1
        elif text[i] in ")）":
            depth = max(0, depth - 1)
        elif depth == 0 and (m := g.actors.ITEM_SEP.match(text, i)) and m.end() <= end:
            items.append((item_start, i))
            i = item_start = m.end()
            continue
        i += 1
    items.append((item_start, end))
    return items


def _split_and(text: str, g: Grammar, a: int, b: int, spans: Spans) -> list[tuple[int, int]]:
    """An item "X and Y" (the last of a list) is two when both halves are names ("Centre for
    Human Rights and Development and Small Arms Survey": the last "and" that leaves two)."""
    for m in reversed(list(g.actors.AND.finditer(text, a, b))):  # the last "and" first: names hold "and" too
        if spans.overlaps(m.start(), m.end()):
            continue
        left, right = _trim_item(text, g, a, m.start()), _trim_item(text, g, m.end(), b)
        if all(g.actors.org_name_shaped(text[x:y]) or _covered(text, g, x, y, spans) for x, y in (left, right)):
            return [(a, m.start()), (m.end(), b)]
    return [(a, b)]


def _trim_item(text: str, g: Grammar, a: int, b: int) -> tuple[int, int]:
    """An item without outer spaces, a leading "the", a closing stop, or an acronym in brackets."""
    item = text[a:b]
    lead = g.actors.ITEM_LEAD.match(item).end()
    tail = ITEM_TAIL.search(item[lead:]).start()
    return a + lead, a + lead + tail


def _covered(text: str, g: Grammar, a: int, b: int, spans: Spans) -> bool:
    """Nothing but registry names between ``a`` and ``b``, with brackets and the words that join
    them ("European Border and Coast Guard Agency of the European Union", "欧洲联盟的...")."""
    rest = "".join(ch if not spans.covers(k, k + 1) else " " for k, ch in enumerate(text[a:b], a))
    return all(w in g.actors.GLUE_WORDS for w in WORDS.findall(g.actors.GLUE_CJK.sub(" ", rest)))


def _apposition_candidates(text: str, g: Grammar, start: int, end: int, hits: list[Hit]) -> list[Hit]:
    m = g.actors.apposition(text, start, end)
    if not m:
        return []
    a, b = m.span("name")
    spans = Spans.of((h.start, h.end) for h in hits)
    if _covered(text, g, a, b, spans) or not g.actors.org_name_shaped(m["name"]):
        return []
    return [_candidate(text, a, b)]
