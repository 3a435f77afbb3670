"""Lines and page furniture: what a page prints around its text.

``split_lines`` turns a source into lines that keep the source offset of every character;
``own_symbol`` reads the document's symbol where UN documents print it; ``running_headers`` finds
the running headers (symbol and title, alternating sides, over one to three lines) and page
counters by where they stand and by repetition, in PDFs and in text without page breaks.
The layout step drops what these find and joins a paragraph broken around them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from . import structure
from .models import SourceText
from .text import ends_clause, width


@dataclass
class Line:
    """A line of the source: its text (stripped) and the source offset of each character."""

    text: str
    offs: list[int]
    page: int = 1

    def cut(self, i: int, j: int) -> "Line":
        return Line(self.text[:i] + self.text[j:], self.offs[:i] + self.offs[j:], self.page)

    @cached_property
    def width(self) -> int:
        """``text.width`` of the text: the layout asks it of a line several times."""
        return width(self.text)

    @cached_property
    def ends_clause(self) -> bool:
        """``text.ends_clause`` of the text."""
        return ends_clause(self.text)


# Job numbers of the duty stations (Vienna V.22-02390, Geneva GE.22-12345, New York 17-16542 (E)),
# page counters (3/14, - 3 -, Page 3), bar codes (*2202390*) and "Please recycle".
_JOB = r"(?:[A-Z]{1,2}\.)?\d{2}-\d{5}(?:\s*\(\w\))?"
_PAGE = r"\d{1,3}\s*/\s*\d{1,3}|[-–]\s*\d{1,3}\s*[-–]|(?:Page|页次)\s*\d{1,3}"
_PIECE = rf"(?:{_JOB}|{_PAGE}|\*\d{{7}}\*|\d{{6}}|Please recycle\s*♲?|♲)"  # 140319: date codes
FURNITURE = re.compile(rf"^{_PIECE}(?:\s+{_PIECE})*$")
SYMBOL_LINE = re.compile(r"^[A-Z][A-Za-z0-9.]*(?:/[A-Za-z0-9.]+)+(?:[-–][A-Z][A-Za-z0-9.]*(?:/[A-Za-z0-9.]+)+)?"
                          r"(?:\s?\(\d{4}\))?$")  # "S/RES/2598 (2021)": a Security Council year

_COLUMN_GAP = re.compile(r"\t+|\s{3,}")


def split_lines(source: SourceText) -> list[Line]:
    """Non-blank lines, stripped, with per-character source offsets and page numbers.

    On the title page (before the first chapter heading or numbered paragraph) a PDF puts two
    columns side by side — "Conference of the Parties to the      Distr.: General" — and a
    tab or a wide gap separates them: each column's piece becomes a line of its own.

    The layout and the metadata (``own_symbol``) both read a source's lines: the last source's
    are kept and given to both (callers do not modify them)."""
    seen, lines = _last_split[0]
    if seen is source:
        return lines
    lines = _split_lines(source)
    _last_split[0] = (source, lines)  # one tuple, replaced whole: safe across threads
    return lines


_last_split: list[tuple[SourceText | None, list[Line]]] = [(None, [])]


def _split_lines(source: SourceText) -> list[Line]:
    lines, pos, page = [], 0, 1
    starts = set(source.page_starts[1:])
    title_page = True
    for raw in re.split(r"(?<=[\n\f])", source.text):
        if pos in starts or raw.startswith("\f"):
            page += 1
        body = raw.rstrip("\n\f")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            title_page = title_page and not structure.starts_body(stripped)
            gaps = list(_COLUMN_GAP.finditer(stripped)) if title_page else []
            edges = [0] + [e for m in gaps for e in (m.start(), m.end())] + [len(stripped)]
            for a, b in zip(edges[::2], edges[1::2]):
                lines.append(Line(stripped[a:b], list(range(pos + lead + a, pos + lead + b)), page))
        pos += len(raw)
    return lines


_SYMBOL = r"[A-Z][A-Za-z0-9.]*(?:/(?:S-)?[A-Za-z0-9.]+)+"  # S-30/1: special sessions
# A Security Council resolution's year: "S/RES/2598 (2021)", also printed "S/RES/2568(2021)".
_SC_YEAR = r"(?:\s?\(\d{4}\))?"
# "United Nations  A/76/642", and joint symbols "E/2021/30-E/CN.15/2021/17", kept as printed.
_TITLE_SYMBOL = re.compile(rf"^(?:United Nations|联\s*合\s*国)\s+(?P<symbol>{_SYMBOL}?(?:[-–]{_SYMBOL})?{_SC_YEAR})$")
_TITLE_NAME = re.compile(r"^(?:United Nations|联\s*合\s*国)$")


def own_symbol(lines: list[Line]) -> str | None:
    """The document's symbol: a line that is only a symbol, in the title block or beside page
    furniture, or the symbol printed after "United Nations" on the first line of a title page."""
    for i, ln in enumerate(lines[:3]):
        if m := _TITLE_SYMBOL.match(ln.text):
            return m["symbol"]
        after = lines[i + 1].text if i + 1 < len(lines) else ""
        if _TITLE_NAME.match(ln.text) and (m := re.match(rf"^(?P<symbol>{_SYMBOL}?(?:[-–]{_SYMBOL})?{_SC_YEAR})$",
                                                          after)):
            return m["symbol"]  # the two columns of the title line, split apart
    for i, ln in enumerate(lines):
        if not SYMBOL_LINE.match(ln.text) or "/" not in ln.text:
            continue
        # Only where UN documents print their own symbol: the first lines of the title page, the
        # running header beside page furniture, or repeated on every page. A wrong symbol would
        # re-key the whole document, so a symbol alone on a line elsewhere is a reference.
        near = lines[max(0, i - 2): i + 3]
        if i < 3 or any(FURNITURE.match(o.text) for o in near if o is not ln) or \
                sum(o.text == ln.text for o in lines) > 1:
            return ln.text
    return None


HEADER_ZONE = 6  # a running header and its page counter fill at most the first lines of a page


def running_headers(lines: list[Line], symbol: str | None) -> set[int]:
    """Indices of the lines of running headers and footers: what a page prints around its text.

    UN documents head each page after the first with the symbol and the title (one to three
    lines, alternating sides: "A/RES/79/100 Question of Anguilla" / "Question of Anguilla
    A/RES/79/100") and a page counter with the job number ("2/5 24-23545"). Two rules find them
    whatever the title:
    - at the top of a page, every line up to the page counter, when one of them carries the
      document's own symbol or repeats at the top of another page;
    - anywhere (text without page breaks), a line that is the own symbol and a title-like rest
      (no clause punctuation at its end), and the lines beside it that repeat elsewhere beside
      another such line (a title's second line).
    """
    tops = _page_tops(lines)
    out = _top_headers(lines, tops, symbol)
    marked = {i for i, ln in enumerate(lines) if i >= HEADER_ZONE and _symbol_header(ln.text, symbol)}
    return out | marked | _beside(lines, marked, out | marked)


def _page_tops(lines: list[Line]) -> list[list[int]]:
    """The first lines of every page after the first (where running headers stand)."""
    pages: dict[int, list[int]] = {}
    for i, ln in enumerate(lines):
        pages.setdefault(ln.page, []).append(i)
    return [idx[:HEADER_ZONE] for p, idx in pages.items() if p > 1]


def _top_headers(lines: list[Line], tops: list[list[int]], symbol: str | None) -> set[int]:
    """At each page's top, the lines up to the page counter, when one of them carries the own
    symbol or repeats (numbers aside) at the top of another page."""
    seen: dict[str, int] = {}
    for zone in tops:
        for t in {_shape(lines[i].text) for i in zone}:
            seen[t] = seen.get(t, 0) + 1
    out: set[int] = set()
    for zone in tops:
        counter = next((k for k, i in enumerate(zone) if FURNITURE.match(lines[i].text)), None)
        if counter is None:
            continue
        head = zone[:counter + 1]
        if counter == 0 or any(_carries(lines[i].text, symbol) or seen[_shape(lines[i].text)] > 1
                               for i in head[:counter]):
            out.update(head)
    return out


def _beside(lines: list[Line], marked: set[int], known: set[int]) -> set[int]:
    """The lines next to a symbol header that repeat elsewhere (a running title's other lines);
    a line two away counts only through a header line between."""
    counts: dict[str, int] = {}
    for ln in lines:
        counts[ln.text] = counts.get(ln.text, 0) + 1
    out: set[int] = set()
    for i in sorted(marked):
        for j in (i - 2, i - 1, i + 1, i + 2):
            between = i + (1 if j > i else -1)
            if 0 <= j < len(lines) and counts[lines[j].text] > 1 and _title_like(lines[j].text) \
                    and (between == j or between in known):
                out.add(j)
    return out


def _title_like(text: str) -> bool:
    return not structure.is_marker(text) and not ends_clause(text)


def _shape(text: str) -> str:
    """A line as a running header repeats it: page numbers differ, the words do not."""
    return re.sub(r"\d+", "#", text)


def _carries(text: str, symbol: str | None) -> bool:
    return bool(symbol) and re.search(rf"(?<![\w/]){re.escape(symbol)}(?![\w/])", text) is not None


def _symbol_header(text: str, symbol: str | None) -> bool:
    """"A/RES/79/100 Question of Anguilla", "Question of Anguilla A/RES/79/100": the own symbol at
    one end of a line whose other part is a title, not a sentence citing the document."""
    if not symbol or text == symbol or not _carries(text, symbol):
        return False
    rest = text.removeprefix(symbol).removesuffix(symbol).strip()
    return rest != text.strip() and len(rest) <= 160 and not re.search(r"[.;:,，。；：]$", rest)
