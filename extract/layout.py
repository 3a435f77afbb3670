"""Layout: from a file's raw text to a cleaned text with its structure.

A recipe in five steps:

1. split the text into lines, each keeping the source offset of every character;
2. set aside page furniture (symbol headers, job numbers ``V.22-02390``, page counters ``3/14``,
   footnote separators, link-annotation URLs) and footnotes (after a separator with `` 1 ``
   numbers, superscript ``¹``, or ``*``), so a paragraph interrupted by a page break and a
   footnote block continues where it stopped;
3. remove footnote callouts from the body (recorded, so footnotes link back to them);
4. join lines broken by PDF extraction (CJK-aware: no space inside Chinese) into blocks;
5. classify blocks (headings, numbered paragraphs, sub-items, bullets, recommendation labels) and
   assemble the cleaned text, footnotes last, with an offset map back to the source.
"""
from __future__ import annotations

import bisect
import re
import statistics
from dataclasses import dataclass, field
from functools import cache

from .models import Block, Document, Footnote, SourceText
from .text import SUPERSCRIPT_DIGITS, ends_clause, join_pieces, superscript_to_int, width
from . import structure


@dataclass
class Line:
    """A line of the source: its text (stripped) and the source offset of each character."""

    text: str
    offs: list[int]
    page: int = 1

    def cut(self, i: int, j: int) -> "Line":
        return Line(self.text[:i] + self.text[j:], self.offs[:i] + self.offs[j:], self.page)


@dataclass
class Note:
    number: str
    lines: list[Line] = field(default_factory=list)
    source_start: int = 0
    superscript: bool = False  # called out by superscript digits, not by plain numbers


# Job numbers of the duty stations (Vienna V.22-02390, Geneva GE.22-12345, New York 17-16542 (E)),
# page counters (3/14, - 3 -, Page 3), bar codes (*2202390*) and "Please recycle".
_JOB = r"(?:[A-Z]{1,2}\.)?\d{2}-\d{5}(?:\s*\(\w\))?"
_PAGE = r"\d{1,3}\s*/\s*\d{1,3}|[-–]\s*\d{1,3}\s*[-–]|(?:Page|页次)\s*\d{1,3}"
_PIECE = rf"(?:{_JOB}|{_PAGE}|\*\d{{7}}\*|\d{{6}}|Please recycle\s*♲?|♲)"  # 140319: date codes
_FURNITURE = re.compile(rf"^{_PIECE}(?:\s+{_PIECE})*$")
_SYMBOL_LINE = re.compile(r"^[A-Z][A-Za-z0-9.]*(?:/[A-Za-z0-9.]+)+(?:[-–][A-Z][A-Za-z0-9.]*(?:/[A-Za-z0-9.]+)+)?"
                          r"(?:\s?\(\d{4}\))?$")  # "S/RES/2598 (2021)": a Security Council year
_SEPARATOR = re.compile(r"^[_\-－—–]{8,}$")
_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$")
_NOTE_START = re.compile(r"^(?P<num>\d{1,3}|\*{1,3})\s+(?=\S)")
_SUPER_NOTE = re.compile(rf"^(?P<num>[{SUPERSCRIPT_DIGITS}]+)\s*(?=\S)")
_SUPER_RUN = re.compile(rf"[{SUPERSCRIPT_DIGITS}]+")


_COLUMN_GAP = re.compile(r"\t+|\s{3,}")


def split_lines(source: SourceText) -> list[Line]:
    """Non-blank lines, stripped, with per-character source offsets and page numbers.

    On the title page (before the first chapter heading or numbered paragraph) a PDF puts two
    columns side by side — "Conference of the Parties to the      Distr.: General" — and a
    tab or a wide gap separates them: each column's piece becomes a line of its own."""
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
        if not _SYMBOL_LINE.match(ln.text) or "/" not in ln.text:
            continue
        # Only where UN documents print their own symbol: the first lines of the title page, the
        # running header beside page furniture, or repeated on every page. A wrong symbol would
        # re-key the whole document, so a symbol alone on a line elsewhere is a reference.
        near = lines[max(0, i - 2): i + 3]
        if i < 3 or any(_FURNITURE.match(o.text) for o in near if o is not ln) or \
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
    pages: dict[int, list[int]] = {}
    for i, ln in enumerate(lines):
        pages.setdefault(ln.page, []).append(i)
    tops = {p: idx[:HEADER_ZONE] for p, idx in pages.items() if p > 1}
    seen: dict[str, int] = {}
    for zone in tops.values():
        for t in {_shape(lines[i].text) for i in zone}:
            seen[t] = seen.get(t, 0) + 1
    out: set[int] = set()
    for zone in tops.values():
        counter = next((k for k, i in enumerate(zone) if _FURNITURE.match(lines[i].text)), None)
        if counter is None:
            continue
        head = zone[:counter + 1]
        if any(_carries(lines[i].text, symbol) or seen[_shape(lines[i].text)] > 1 for i in head[:counter]) \
                or counter == 0:
            out.update(head)
    marked = {i for i, ln in enumerate(lines) if i >= HEADER_ZONE and _symbol_header(ln.text, symbol)}
    counts: dict[str, int] = {}
    for ln in lines:
        counts[ln.text] = counts.get(ln.text, 0) + 1
    for i in sorted(marked):
        for j in (i - 2, i - 1, i + 1, i + 2):
            between = i + (1 if j > i else -1)  # a line two away counts only through a header line
            if 0 <= j < len(lines) and counts[lines[j].text] > 1 and not structure.is_marker(lines[j].text) \
                    and not ends_clause(lines[j].text) and (between == j or between in out | marked):
                out.add(j)
    return out | marked


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


def separate(lines: list[Line], symbol: str | None) -> tuple[list[Line], list[Note]]:
    """Split lines into body lines and footnotes; page furniture is dropped."""
    body: list[Line] = []
    notes: list[Note] = []
    in_notes = False
    star_called = False
    headers = running_headers(lines, symbol)
    for k, ln in enumerate(lines):
        if k in headers:
            continue
        t = ln.text
        # a footnote that stops mid-sentence ("See also" / "A/RES/73/187.") goes on, even with a
        # symbol or a URL; after a finished one, those are running headers and link annotations
        continuing = in_notes and notes and not ends_clause(notes[-1].lines[-1].text)
        if _FURNITURE.match(t) or t == symbol or (_SYMBOL_LINE.match(t) and in_notes and not continuing):
            continue
        if _SEPARATOR.match(t):
            in_notes = True
            continue
        if _URL_LINE.match(t) and not continuing and (
                in_notes or (body and notes and _url_after_notes(body[-1], notes))):
            continue  # a link annotation repeating a footnote's URL
        m = _NOTE_START.match(t)
        if m and (in_notes or (m["num"].startswith("*") and star_called)) and _next_note(notes, m["num"]):
            notes.append(Note(m["num"], [ln.cut(0, m.end())], ln.offs[0]))
            in_notes = True
            continue
        sm = _SUPER_NOTE.match(t)
        if sm and _next_note(notes, str(superscript_to_int(sm["num"]))):
            notes.append(Note(str(superscript_to_int(sm["num"])), [ln.cut(0, sm.end())], ln.offs[0], True))
            continue
        if in_notes and notes and not ends_clause(notes[-1].lines[-1].text):
            notes[-1].lines.append(ln)
            continue
        in_notes = False
        star_called = star_called or "*" in t
        body.append(ln)
    return body, notes


def _url_after_notes(last_body: Line, notes: list[Note]) -> bool:
    return notes[-1].source_start > last_body.offs[0]


def _next_note(notes: list[Note], num: str) -> bool:
    """Footnotes are numbered in sequence: accept the next number (gaps of a few allowed)."""
    if num.startswith("*"):
        return True
    numbered = [int(n.number) for n in notes if n.number.isdigit()]
    last = numbered[-1] if numbered else 0
    return last < int(num) <= last + 3


def strip_callouts(body: list[Line], notes: list[Note]) -> tuple[list[Line], dict[str, list[int]]]:
    """Remove footnote callouts from the body; return their source offsets per footnote number.

    A numeric callout is the footnote's number written right after punctuation (``。1``,
    ``》8澄清``, ``，17并``), searched in order and only before the footnote itself, so ordinary
    numbers (``第 18 条``, ``2018 年``, ``2,500``) are never taken.
    """
    callouts: dict[str, list[int]] = {}
    body = list(body)
    i = 0  # line index where the search for the next callout resumes
    for note in notes:
        if note.number.startswith("*"):
            _cut_star(body, note, callouts)
            continue
        if note.superscript:
            continue
        pat = re.compile(rf"(?<!\d[.,])(?<=[。，；：）)》”」、.,;:\"'\]a-z]){note.number}(?![\d%/.,:\w])|"
                         rf"(?<=[。，；：）)》”」、.,;:\"'\]]){note.number}(?=[\u4e00-\u9fff（《“])")
        for j in range(i, len(body)):
            if body[j].offs[0] > note.source_start:
                break
            m = pat.search(body[j].text)
            if m:
                callouts.setdefault(note.number, []).append(body[j].offs[m.start()])
                body[j] = body[j].cut(m.start(), m.end())
                i = j
                break
    for j, ln in enumerate(body):  # superscript callouts (¹ ² ³) are unambiguous
        for m in reversed(list(_SUPER_RUN.finditer(ln.text))):
            callouts.setdefault(str(superscript_to_int(m[0])), []).append(ln.offs[m.start()])
            ln = ln.cut(m.start(), m.end())
        body[j] = ln
    return body, callouts


def _cut_star(body: list[Line], note: Note, callouts: dict[str, list[int]]) -> None:
    for j, ln in enumerate(body):
        k = ln.text.find(note.number)
        if k > 0 and ln.offs[0] < note.source_start:
            callouts.setdefault(note.number, []).append(ln.offs[k])
            body[j] = ln.cut(k, k + len(note.number))
            return


def is_wrapped(body: list[Line]) -> bool:
    """PDF-extracted text breaks lines at the measure: many lines stop mid-sentence."""
    long = [(a, b) for a, b in zip(body, body[1:]) if width(a.text) >= 40]
    if not long:
        return False
    broken = sum(not ends_clause(a.text) and not structure.is_marker(b.text) for a, b in long)
    return broken / len(long) >= 0.3


def full_width(body: list[Line]) -> float:
    """The measure of a wrapped text: the usual width of lines that stop mid-sentence."""
    widths = [width(a.text) for a in body if not ends_clause(a.text) and width(a.text) >= 30]
    return statistics.median(widths) if widths else 80.0


def continues(prev: Line, line: Line, wrapped: bool, measure: float, block: list[Line] | None = None) -> bool:
    """Does ``line`` continue the block whose last line is ``prev`` (``block``: all its lines)?"""
    if structure.is_bare_marker(prev.text):
        return not structure.is_marker(line.text) and not structure.is_bare_marker(line.text)
    if block and _runs_on(prev, line, wrapped, measure, block):
        return True
    if structure.is_marker(line.text) or structure.is_bare_marker(line.text) or structure.is_label(prev.text) \
            or structure.is_toc(prev.text) or structure.stands_alone(prev.text):
        return False
    if prev.text.rstrip().endswith((",", "，")) and structure.clause_start(line.text):
        return False  # "…of 26 July 2023," / "Recalling also …": the next preamble clause
    if not wrapped:
        return not ends_clause(prev.text) and width(prev.text) >= 120
    if ends_clause(prev.text) and not ends_clause(line.text) and width(line.text) < 0.6 * measure:
        return False  # a short line that ends no clause is no paragraph's last line: a heading ("环境问题")
    return width(prev.text) >= (0.9 if ends_clause(prev.text) else 0.6) * measure


def _runs_on(prev: Line, line: Line, wrapped: bool, measure: float, block: list[Line]) -> bool:
    """What starts ``line`` looks like a new block, but the block goes on: an inline enumeration's
    next label, or the words after a numbered paragraph's line that fills the measure ("回顾…"
    after "，", "无碍，" are its words, not a preamble clause or an opening line)."""
    if _inline_enumeration(block, line.text):
        return True
    return wrapped and not ends_clause(prev.text) and width(prev.text) >= 0.9 * measure \
        and structure.opens_unit(block[0].text) and not structure.opens_unit(line.text)


def _inline_enumeration(block: list[Line], text: str) -> bool:
    """"…: (i) review of …; (ii) production of … thereto;" / "(iii) continued …": a sub-item whose
    predecessor is printed inside the running paragraph after a list's punctuation (not at a
    line's start, not a reference "paragraph 5 (a)") goes on inline."""
    label = structure.item_at(text)
    before = _PREVIOUS_LABEL.get(label or "")
    if not before:
        return False
    printed = f"[(（]{before}[)）]" + (f"|{_CIRCLED[before]}" if before in _CIRCLED else "")  # (v) is ㈤ in Chinese
    pattern = re.compile(rf"[;:,；：，]\s*(?:{printed})")
    return any(pattern.search(ln.text) for ln in block)


_ROMANS = "i ii iii iv v vi vii viii ix x xi xii".split()
_CIRCLED = {r: chr(0x3220 + i) for i, r in enumerate(_ROMANS[:10])}
_PREVIOUS_LABEL = {**dict(zip(_ROMANS[1:], _ROMANS)), **{str(n + 1): str(n) for n in range(1, 30)},
                   **{chr(c + 1): chr(c) for c in range(ord("a"), ord("z")) if chr(c + 1) not in _ROMANS}}


TITLE_PAGE_LINES = 40  # a title page is never longer; text without any marker is body after it


def group(body: list[Line], whole_lines: bool = False) -> list[list[Line]]:
    """Lines joined into blocks. Title-page lines (before the body starts) stay apart: each is
    a field of its own (the body, the dates and place, Distr., the title). ``whole_lines``: every
    line is a paragraph already (DOCX, HTML), none is joined to the next."""
    if whole_lines:  # a number alone on its line still takes the next one
        groups = []
        for ln in body:
            if groups and structure.is_bare_marker(groups[-1][-1].text) and not structure.is_marker(ln.text):
                groups[-1].append(ln)
            else:
                groups.append([ln])
        return groups
    wrapped = is_wrapped(body)
    measure = full_width(body)
    title_end = next((i for i, ln in enumerate(body) if structure.starts_body(ln.text)), len(body))
    title_end = min(title_end, TITLE_PAGE_LINES)
    groups: list[list[Line]] = []
    for i, ln in enumerate(body):
        if groups and i > title_end and continues(groups[-1][-1], ln, wrapped, measure, groups[-1]):
            groups[-1].append(ln)
        else:
            groups.append([ln])
    return groups


class _Builder:
    """Assembles the cleaned text and its offset map."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offs: list[int] = []
        self.size = 0

    def add_lines(self, lines: list[Line]) -> tuple[int, int]:
        if self.size:
            self._add("\n\n", [self.offs[-1] + 1] * 2)
        start = self.size
        for k, ln in enumerate(lines):
            if k:
                if _soft_hyphen(lines[k - 1].text, ln.text):
                    self._drop_last()
                    sep = ""
                else:
                    sep = join_pieces(lines[k - 1].text, ln.text)
                self._add(sep, [ln.offs[0]] * len(sep))
            self._add(ln.text, ln.offs)
        return start, self.size

    def _drop_last(self) -> None:
        self.parts[-1] = self.parts[-1][:-1]
        self.offs.pop()
        self.size -= 1

    def _add(self, s: str, offs: list[int]) -> None:
        self.parts.append(s)
        self.offs.extend(offs)
        self.size += len(s)

    def text(self) -> str:
        return "".join(self.parts)


@cache
def _vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    """Words and hyphenated words of the registries' English names, lower case: the words a
    hyphenated line break must not split ("Smug-" + "gling of Migrants")."""
    from unkg.ontology import registry
    names = [name for e in registry.entries() for name in e.names_en]
    words = {w.lower() for n in names for w in re.findall(r"[A-Za-z]{4,}", n)}
    hyphenated = {w.lower() for n in names for w in re.findall(r"[A-Za-z]+-[A-Za-z]+", n)}
    return frozenset(words), frozenset(hyphenated)


def _soft_hyphen(left: str, right: str) -> bool:
    """Is the hyphen ending ``left`` a word break (dropped) rather than a real hyphen (kept, as
    in "co-operation" or "follow-up")? Dropped only when the registries know the whole word."""
    a = re.search(r"([A-Za-z]+)-$", left)
    b = re.match(r"([a-z]+)", right)
    if not (a and b):
        return False
    words, hyphenated = _vocabulary()
    return f"{a[1]}-{b[1]}".lower() not in hyphenated and (a[1] + b[1]).lower() in words


def layout(source: SourceText) -> Document:
    """Lay out one document: cleaned text, blocks, footnotes (metadata is filled in later)."""
    lines = split_lines(source)
    symbol = own_symbol(lines)
    body, notes = separate(lines, symbol)
    body, callouts = strip_callouts(body, notes)
    out = _Builder()
    blocks: list[Block] = []
    classifier = structure.Classifier()
    for g in group(body, whole_lines=source.format in ("docx", "html")):
        start, end = out.add_lines(g)
        text = out.text()[start:end]
        blocks.append(classifier.block(len(blocks), text, start, end, g[0].page))
    footnotes = []
    body_offs = list(out.offs)
    for note in notes:
        start, end = out.add_lines(note.lines)
        idx = len(blocks)
        blocks.append(Block(idx, "footnote", start, end, out.text()[start:end], number=note.number,
                            page=note.lines[0].page))
        footnotes.append(Footnote(note.number, idx, tuple(_to_clean(body_offs, s)
                                                          for s in callouts.get(note.number, ()))))
    return Document(source=source, text=out.text(), offsets=tuple(out.offs), blocks=tuple(blocks),
                    footnotes=tuple(footnotes))


def _to_clean(body_offs: list[int], src: int) -> int:
    """The cleaned offset where a removed callout stood (the next kept character)."""
    return bisect.bisect_left(body_offs, src)
