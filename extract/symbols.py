"""UN document symbols cited in a text: A/76/642, S/2020/785, CTOC/COP/WG.7/2022/3/Add.1...

A symbol is a known series (A, S, E, ST, CTOC, CMW...) followed by ``/``-separated components, at
least one of them with a digit. Components start with a capital letter or a digit, so URL paths
(``/res/som/index.html``), EU act numbers (``2011/36/EU``), job numbers (``V.22-02390``) and
sales numbers (``E.18.IV.9``) are not symbols. Symbols inside UN document links
(``undocs.org/S/2020/785``) are found too, and counted once: a link that repeats a symbol printed
in the text adds nothing. A symbol broken across lines at a slash ("CTOC/COP" / "/WG.2/2019/2") keeps
the one space the joined lines leave there. A joint symbol (``A/76/642–S/2022/123``, ``E/2021/30-E/CN.15/2021/17``:
one document of two organs) gives both. The document's own symbol (page headers), or both halves
of its joint symbol, is never returned.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from .lang import Grammar
from .models import Document, Hit, SymbolRef
from .text import initials

# First components of UN document series: principal organs, treaty bodies, subsidiary bodies.
SERIES = (
    "A", "S", "E", "T", "ST", "CTOC", "CAC", "CMW", "CRC", "CEDAW", "CCPR", "CERD", "CAT", "CRPD",
    "CED", "HRI", "UNODC", "UNEP", "UNW", "DP", "TD", "ICEF", "SPLOS", "ISBA", "FCCC", "ECE", "JIU",
    "IDB", "EC", "PBC", "UNHCR", "INCB", "UNCTAD",
)

_SERIES = "|".join(sorted(SERIES, key=len, reverse=True))
_COMPONENT = r"[A-Z0-9][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*"

SYMBOL = re.compile(rf"""
    {initials(*SERIES)}                   # a series' first letter: a scan skips to those (5x faster)
    (?:(?<![A-Za-z0-9_/.\-])              # not the tail of a longer token or a URL path (载于E/CN.15/… is)
      |(?<=\d[-–]))                       # the second half of a joint symbol: A/76/642–S/2022/123
    (?P<symbol>
      (?:{_SERIES})                       # the series: A, S, E/CN..., CTOC, CMW...
      (?:/{_COMPONENT})+                  # /76/642, /COP/WG.7/2022/3, /INF.1/Rev.1, /CRP.2
      (?:[ ]/[ ]?{_COMPONENT}(?:/{_COMPONENT})*|/[ ]{_COMPONENT}(?:/{_COMPONENT})*)?  # CTOC/COP /WG.2/…: a line joined at a slash
      (?:\s?\(\d{{4}}\))?                 # Security Council year: S/RES/2240 (2015)
    )
    """, re.VERBOSE)

LINK = re.compile(rf"""
    (?:undocs\.org/(?:(?:ar|en|es|fr|ru|zh)/)?   # undocs.org/S/2020/785, undocs.org/en/A/RES/70/1
      |[?&]symbol=)                              # ...view_doc.asp?symbol=A/76/642
    (?P<symbol>(?:{_SERIES})(?:/{_COMPONENT})+)  # the symbol in the link
    """, re.VERBOSE)


def normalise(symbol: str) -> str:
    """A symbol as compared: no white space, no trailing full stop, upper case."""
    return re.sub(r"\s+", "", symbol).rstrip(".").upper()


# Where a line join left a space a language never prints there (Chinese breaks a line inside
# "S/PRST/2011/16"), the symbol and resolution finders read the text without it. So too where the
# layout opened a new block at a line that goes on with a number ("第2496(" / "2019)号决议", a line
# read as a label "2019)"): in the source the two lines are one line break apart, no blank line.
_JOIN = re.compile(r"(?<=\S)(?: |\n\n)(?=\S)")


@dataclass(frozen=True)
class Reading:
    """The text the finders read: ``doc.text`` less the join spaces the grammar says were never
    printed; ``kept[i]`` is the offset in ``doc.text`` of ``text[i]`` (``None``: the same text)."""

    text: str
    kept: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A span of ``text`` as a span of ``doc.text``."""
        if self.kept is None:
            return start, end
        return self.kept[start], (self.kept[end - 1] + 1 if end > start else self.kept[start])


@lru_cache(maxsize=8)  # the symbol and resolution finders of one document read the same text
def reading(doc: Document, g: Grammar) -> Reading:
    """``doc.text`` for the finders: a join the layout made between two characters ``g`` says a
    line break glues (a space, or a block break where the source has one line break) is dropped."""
    text = doc.text
    parts: list[str] = []
    kept: list[int] = []
    last = 0
    for m in _JOIN.finditer(text):
        i, j = m.start(), m.end()
        if g.resolutions.glued(text[i - 1], text[j]) and _line_break(doc, i - 1, j):
            parts.append(text[last:i])  # slices and ranges, not a loop per character
            kept.extend(range(last, i))
            last = j
    if not parts:
        return Reading(text)
    parts.append(text[last:])
    kept.extend(range(last, len(text)))
    return Reading("".join(parts), tuple(kept))


def _line_break(doc: Document, left: int, right: int) -> bool:
    """Do the characters at ``left`` and ``right`` stand one line break apart in the source?"""
    offs = doc.offsets
    if right >= len(offs):
        return False
    between = doc.source.text[offs[left] + 1:offs[right]]
    return between.count("\n") == 1 and not between.strip()


def find_symbols(doc: Document, hits: Sequence[Hit], g: Grammar) -> tuple[SymbolRef, ...]:
    """Every UN document symbol the document cites, in order, but its own (and the halves of its
    joint symbol). Symbols are written alike in every language; ``g`` only says which line joins
    are no spaces (see ``reading``)."""
    own = own_symbols(doc.meta.symbol)
    r = reading(doc, g)
    found = (s for s in symbols_in(r.text, doc.meta.symbol) if s.symbol not in own)
    return tuple(replace(s, start=a, end=b) for s in found for a, b in [r.span(s.start, s.end)])


def own_symbols(symbol: str | None) -> set[str]:
    """A joint symbol names one document twice (E/2022/30-E/CN.15/2022/14): both halves are its own."""
    if not symbol:
        return set()
    return {symbol, *re.split(r"[-–](?=[A-Z][A-Za-z0-9.]*/)", symbol)}


def symbols_in(text: str, own_symbol: str | None) -> list[SymbolRef]:
    """Every UN document symbol cited in ``text``, in order, except ``own_symbol``.

    >>> [s.symbol for s in symbols_in("见 A/76/642 和 undocs.org/S/2020/785。", None)]
    ['A/76/642', 'S/2020/785']
    """
    own = {normalise(part) for part in re.split(r"(?<=\d)[-–](?=[A-Z])", own_symbol)} if own_symbol else set()
    printed = [r for r in map(_ref, SYMBOL.finditer(text)) if _has_digit(r.symbol)]
    seen = {normalise(r.symbol) for r in printed}
    linked = []
    for m in LINK.finditer(text):
        ref = _ref(m)
        if _has_digit(ref.symbol) and normalise(ref.symbol) not in seen:
            seen.add(normalise(ref.symbol))
            linked.append(ref)
    refs = sorted(printed + linked, key=lambda r: r.start)
    return [r for r in refs if normalise(r.symbol) not in own]


def _ref(m: re.Match) -> SymbolRef:
    """A SymbolRef for the ``symbol`` group of ``m``, without a sentence's closing full stop."""
    start, words = m.start("symbol"), m.group("symbol").rstrip(".")
    return SymbolRef(start=start, end=start + len(words), text=words, symbol=re.sub(r"\s+", "", words))


def _has_digit(symbol: str) -> bool:
    return any(c.isdigit() for c in symbol)
