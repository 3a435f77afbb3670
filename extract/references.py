"""Every instrument a text refers to, and where: by name, by number, by short title, by anaphor.

``references(doc, hits, g)`` is the one entry: computed once per document (cached), it is what
both the instrument mentions (extract/instruments.py) and the citations (extract/citations.py)
read. Its references, in text order, are

- registry hits of kind Instrument (and model laws, Initiatives of type "tool");
- EU acts found by number (a grammar-made key such as ``EU-Directive-2013/33`` for any directive);
- instruments named inside an initiative's name ("the Implementation Review Mechanism of the United
  Nations Convention against Corruption");
- later uses of the short title a text gives an instrument in brackets (《…补充议定书》（《巴勒莫议定书》）,
  '(the "Palermo Protocol")');
- instruments introduced without a name (一项…议定书, "a protocol"), with the key "";
- anaphors (《公约》, 该议定书, "the Protocol", "its", 其) resolved to their antecedent.

An anaphor refers back to an instrument of its type, as a careful reader resolves it:

- a demonstrative (该公约, 上述议定书, "that Convention", "the said Protocol") or a pronoun ("its",
  其) means the last one named before it (该公约 after 《东南欧警务合作公约》 is that convention);
- a definite name ("the Convention", 《公约》, 议定书第 11 条) means

  1. the last one named before it in the same paragraph, else the one a protocol named before it in
     the paragraph supplements ("article 6 of the Trafficking in Persons Protocol and article 24 of
     the Convention"), else
  2. the document's main instrument (or the one it supplements: 《公约》 in a Protocol's
     document is the Convention), else
  3. the instrument the passage is about: of those named before it in the same resolution or
     section (a stretch opened by "The General Assembly," or a heading), the one referred to most
     often there, by name or by an anaphor already resolved — an instrument named once in passing
     in a list ("… the Protocols thereto, and the United Nations Convention against Corruption") or
     noted later ("Taking note of the Protocol of 2014 to the Forced Labour Convention") does not
     outweigh the one the resolution is about; ties go to the last named, else
  4. the last one named before it anywhere.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from unkg.ontology import bodies, registry

from .gazetteer import longest_matches, names, normalize
from .lang import Grammar
from .models import Anaphor, Document, Hit
from .resolutions import SECTION, openers

# The instrument a body's documents are about: what "the Protocol" means when no other is in scope.
MAIN_INSTRUMENT = {b.key: b.main_instrument for b in bodies.bodies() if b.main_instrument}

How = Literal["name", "act", "anaphor", "pronoun", "unnamed"]


@dataclass(frozen=True, slots=True)
class Ref:
    """An instrument referred to at a place in the text: by name, by number or by anaphor."""

    start: int
    end: int
    text: str
    key: str  # "" for an instrument introduced without a name (一项…议定书, "a protocol")
    how: How  # "name" (registry hit), "act" (EU act by number), "anaphor", "pronoun" (its, 其), "unnamed"
    type: str | None = None  # treaty, protocol, directive... (see the instruments registry)


def main_instrument(doc: Document) -> str | None:
    """The instrument the document's body is about (a working group on smuggling: the Protocol)."""
    return MAIN_INSTRUMENT.get(doc.meta.body or "")


def references(doc: Document, hits: Sequence[Hit], g: Grammar) -> tuple[Ref, ...]:
    """Every instrument referred to in the document, in text order (see the module's docstring)."""
    return references_in(doc.text, tuple(hits), g, main_instrument(doc))


@lru_cache(maxsize=8)  # mentions and citations of one document ask for the same references
def references_in(text: str, hits: tuple[Hit, ...], g: Grammar, main: str | None) -> tuple[Ref, ...]:
    """``references`` of a bare text, given its hits and main instrument."""
    refs = _named(text, hits, g)
    spans = Spans([(h.start, h.end) for h in hits] + [(r.start, r.end) for r in refs])
    refs += [Ref(u.start, u.end, u.text, "", "unnamed", u.types[0]) for u in g.provisions.unnamed(text)
             if not spans.overlaps(u.start, u.end)]  # key "": no name to give
    anaphors = [a for a in g.provisions.anaphors(text) if not spans.overlaps(a.start, a.end)]
    return tuple(_resolve(text, g, sorted(refs, key=lambda r: r.start), anaphors, main))


def _named(text: str, hits: tuple[Hit, ...], g: Grammar) -> list[Ref]:
    """Names: registry hits, EU acts by number, instruments inside initiatives' names, short titles."""
    refs = [Ref(h.start, h.end, h.text, h.key, "name", instrument_type(h.key)) for h in hits
            if h.kind == "Instrument" or (h.kind == "Initiative" and instrument_type(h.key) == "tool")]  # model laws
    taken = Spans([(r.start, r.end) for r in refs])
    for start, end, words, kind, year, num in g.provisions.acts(text):
        if not taken.overlaps(start, end):
            key = f"EU-{kind}-{year}/{num}"
            refs.append(Ref(start, end, words, key, "act", instrument_type(key)))
            taken.add(start, end)
    refs += _nested(hits, g.code)
    refs += _aliases(text, g, refs, hits)
    return refs


def _resolve(text: str, g: Grammar, refs: list[Ref], anaphors: list[Anaphor], main: str | None) -> list[Ref]:
    """``refs`` with each anaphor resolved to its antecedent (in text order, so an anaphor resolved
    counts for those after it)."""
    discourse = _Discourse(text, g, list(refs))
    for a in sorted(anaphors, key=lambda a: a.start):
        key = _antecedent(a, refs, main, discourse, g)
        if key:
            ref = Ref(a.start, a.end, a.text, key, "anaphor" if a.types else "pronoun", instrument_type(key))
            bisect.insort(refs, ref, key=_start)
            if a.types:  # "the Protocol" resolved to it: the passage speaks of it once more
                discourse.add(ref)
    return refs


class Spans:
    """Spans taken in a text, asked whether a new span overlaps one: sorted by start, so a question
    reads only the spans near it (a 1 MB text has thousands of names)."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # spans starting before ``end``...
        j = bisect.bisect_left(self.starts, start - self.longest)  # ...and late enough to reach ``start``
        return any(e > start for _, e in self.spans[j:i])

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.spans, (start, end))
        self.spans.insert(i, (start, end))
        self.starts.insert(i, start)
        self.longest = max(self.longest, end - start)


def _nested(hits: Sequence[Hit], lang: str) -> list[Ref]:
    """Instruments named inside an initiative's name: "the Implementation Review Mechanism of the
    United Nations Convention against Corruption", 联合国反腐败公约实施情况审议机制 name the Convention
    (a reference at the words that name it, which "that Convention" may then refer back to)."""
    out = []
    for h in hits:
        if h.kind == "Initiative":
            out += [Ref(h.start + s, h.start + e, h.text[s:e], key, "name", instrument_type(key))
                    for s, e, key in _inner_instruments(h.text, lang)]
    return out


@lru_cache(maxsize=4096)
def _inner_instruments(words: str, lang: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, key) of the instrument names inside ``words``, leftmost-longest (cached: the
    same initiatives are named again and again, and each look-up tries every instrument name)."""
    norm = normalize(words)
    table = _instrument_names(lang)
    inside = (name for name in table if len(name) < len(norm.text))
    return tuple((norm.start(s), norm.end(e), table[name]) for s, e, name in longest_matches(norm.text, inside))


@cache
def _instrument_names(lang: str) -> dict[str, str]:
    return {name: key for name, (key, kind) in names(lang).items() if kind == "Instrument"}


def _aliases(text: str, g: Grammar, refs: list[Ref], hits: Sequence[Hit]) -> list[Ref]:
    """Every later use of a short title that a text gives an instrument in brackets after its name."""
    taken = Spans([(h.start, h.end) for h in hits] + [(r.start, r.end) for r in refs])
    out: list[Ref] = []
    scanned: set[str] = set()
    for r in sorted(refs, key=lambda r: r.start):
        m = g.instruments.ALIAS.match(text, r.end)
        if not r.key or r.how not in ("name", "act") or not m:
            continue
        pattern = g.instruments.alias_pattern(m.group("alias").strip())
        if pattern in scanned:
            continue  # given again: every use after its first giving was settled by that one's scan
        scanned.add(pattern)
        for found in re.finditer(pattern, text[m.start("alias"):]):
            start, end = m.start("alias") + found.start(), m.start("alias") + found.end()
            if not taken.overlaps(start, end):
                out.append(Ref(start, end, found.group(), r.key, "name", r.type))
                taken.add(start, end)
    return out


class _Discourse:
    """Where paragraphs and passages (a resolution from its opening line, a section from its
    heading) begin, and how often each instrument is named by name in each passage."""

    def __init__(self, text: str, g: Grammar, named: list[Ref]):
        self.text = text
        bounds = {0} | {o for o, _, _ in openers(text, g.code)} | {m.start() for m in SECTION.finditer(text)}
        self.bounds = sorted(bounds)
        self.named = [r for r in named if r.key and r.how in ("name", "act")]  # and anaphors, once resolved
        self.starts = [r.start for r in self.named]

    def add(self, ref: Ref) -> None:
        """An anaphor resolved: one more reference to its instrument (after those at the same place)."""
        i = bisect.bisect_right(self.starts, ref.start)
        self.named.insert(i, ref)
        self.starts.insert(i, ref.start)

    def paragraph_start(self, pos: int) -> int:
        return self.text.rfind("\n", 0, pos) + 1

    def passage(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.bounds, pos) - 1
        return self.bounds[i], self.bounds[i + 1] if i + 1 < len(self.bounds) else len(self.text)

    def topic(self, pos: int, types: tuple[str, ...]) -> str | None:
        """Of the instruments of ``types`` named in this passage before ``pos``, the one referred to
        most often in the whole passage (by name, or by an anaphor resolved before ``pos``: "article 3 (a)
        of the Protocol" right after its name counts for it); ties go to the last named before ``pos``."""
        start, end = self.passage(pos)
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        inside = [r for r in self.named[lo:hi]
                  if r.type in types]
        before = [r for r in inside if r.end <= pos]
        if not before:
            return None
        counts = Counter(r.key for r in inside)
        last = {r.key: i for i, r in enumerate(before)}
        return max(last, key=lambda k: (counts[k], last[k]))


def _antecedent(a: Anaphor, refs: list[Ref], main: str | None, discourse: _Discourse, g: Grammar) -> str | None:
    """The instrument anaphor ``a`` refers to (see the module's docstring), or None."""
    last = _last_before(refs, a)
    if not a.types or g.provisions.DEMONSTRATIVE.match(a.text):
        if last:
            return last.key or None  # an unnamed instrument: the anaphor means it, and it has no key
        return main if not a.types else next((k for k in main_line(main) if instrument_type(k) in a.types), None)
    paragraph = discourse.paragraph_start(a.start)
    if last and last.start >= paragraph:
        return last.key or None
    return (_supplemented_in(refs, a, paragraph)
            or next((k for k in main_line(main) if instrument_type(k) in a.types), None)
            or discourse.topic(a.start, a.types)
            or (last.key or None if last else None))


def _last_before(refs: list[Ref], a: Anaphor) -> Ref | None:
    """The last reference ending before ``a`` of a type ``a`` may have (any, for "its")."""
    for i in range(bisect.bisect_left(refs, a.start, key=_start) - 1, -1, -1):
        r = refs[i]
        if r.end <= a.start and (not a.types or r.type in a.types):
            return r
    return None


def _start(r: Ref) -> int:
    return r.start


def _supplemented_in(refs: list[Ref], a: Anaphor, paragraph: int) -> str | None:
    """"article 6 of the Trafficking in Persons Protocol and article 24 of the Convention": the
    instrument that a protocol named before ``a`` in its paragraph supplements."""
    for i in range(bisect.bisect_left(refs, a.start, key=_start) - 1, -1, -1):
        r = refs[i]
        if r.start < paragraph:
            break
        if r.end <= a.start and r.key:
            entry = registry.lookup(r.key)
            if entry and entry.parent and instrument_type(entry.parent) in a.types:
                return entry.parent
    return None


def main_line(main: str | None) -> list[str]:
    """The main instrument, the instrument it supplements, and the rules of procedure of the
    Conference of the Parties when it belongs to the Organized Crime Convention's family."""
    if not main:
        return []
    entry = registry.lookup(main)
    line = [main] + ([entry.parent] if entry and entry.parent else [])
    return line + (["COP-Rules"] if "UNTOC" in line else [])


def registry_kind(key: str | None) -> str | None:
    """Registry kind of a key; grammar-made EU keys are instruments."""
    entry = registry.lookup(key) if key else None
    return entry.kind if entry else ("Instrument" if key else None)


def instrument_type(key: str | None) -> str | None:
    """An instrument's type: the registry's, or from a grammar-made EU key."""
    if not key:
        return None
    entry = registry.lookup(key)
    if entry:
        return entry.type
    kinds = {"Directive": "directive", "FD": "framework-decision", "Regulation": "regulation"}
    m = re.match(r"EU-(Directive|FD|Regulation)-", key)
    return kinds[m.group(1)] if m else None


def act_label(key: str) -> str | None:
    """English label of a grammar-made EU key: EU-Directive-2013/33 -> "Directive 2013/33"."""
    m = re.match(r"EU-(Directive|FD|Regulation)-(\d{4}/\d+)$", key)
    kinds = {"Directive": "Directive", "FD": "Framework Decision", "Regulation": "Regulation"}
    return f"{kinds[m.group(1)]} {m.group(2)}" if m else None
