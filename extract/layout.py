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

from .furniture import FURNITURE, SYMBOL_LINE, Line, own_symbol, running_headers, split_lines
from .models import Block, Document, Footnote, SourceText
from .text import SUPERSCRIPT_DIGITS, is_cjk, join_pieces, superscript_to_int
from . import structure


@dataclass
class Note:
    number: str
    lines: list[Line] = field(default_factory=list)
    source_start: int = 0
    superscript: bool = False  # called out by superscript digits, not by plain numbers


_SEPARATOR = re.compile(r"^[_\-－—–]{8,}$")
_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$")
_NOTE_START = re.compile(r"^(?P<num>\d{1,3}|\*{1,3})\s+(?=\S)")
_SUPER_NOTE = re.compile(rf"^(?P<num>[{SUPERSCRIPT_DIGITS}]+)\s*(?=\S)")
_SUPER_RUN = re.compile(rf"[{SUPERSCRIPT_DIGITS}]+")


def separate(lines: list[Line], symbol: str | None) -> tuple[list[Line], list[Note]]:
    """Split lines into body lines and footnotes; page furniture is dropped."""
    split = _Separation(symbol)
    headers = running_headers(lines, symbol)
    for k, ln in enumerate(lines):
        if k not in headers:
            split.take(ln)
    return split.body, split.notes


class _Separation:
    """Body lines and footnotes, line by line: where a line goes depends on what came before."""

    def __init__(self, symbol: str | None) -> None:
        self.symbol = symbol
        self.body: list[Line] = []
        self.notes: list[Note] = []
        self.in_notes = False
        self.star_called = False

    def take(self, ln: Line) -> None:
        if self._furniture(ln.text) or self._note_start(ln):
            return
        if self._note_goes_on():
            self.notes[-1].lines.append(ln)
            return
        self.in_notes = False
        self.star_called = self.star_called or "*" in ln.text
        self.body.append(ln)

    def _note_goes_on(self) -> bool:
        return self.in_notes and bool(self.notes) and not self.notes[-1].lines[-1].ends_clause

    def _furniture(self, t: str) -> bool:
        """Page furniture, a footnote separator, or a link annotation repeating a footnote's URL.
        A footnote that stops mid-sentence ("See also" / "A/RES/73/187.") goes on, even with a
        symbol or a URL; after a finished one, those are running headers and link annotations."""
        continuing = self._note_goes_on()
        if FURNITURE.match(t) or t == self.symbol or (SYMBOL_LINE.match(t) and self.in_notes and not continuing):
            return True
        if _SEPARATOR.match(t):
            self.in_notes = True
            return True
        return bool(_URL_LINE.match(t)) and not continuing and (
            self.in_notes or (bool(self.body) and bool(self.notes) and _url_after_notes(self.body[-1], self.notes)))

    def _note_start(self, ln: Line) -> bool:
        """A footnote's first line: its number after the separator (or a '*' called out above),
        or a superscript number, in sequence."""
        m = _NOTE_START.match(ln.text)
        if m and (self.in_notes or (m["num"].startswith("*") and self.star_called)) and _next_note(self.notes, m["num"]):
            self.notes.append(Note(m["num"], [ln.cut(0, m.end())], ln.offs[0]))
            self.in_notes = True
            return True
        sm = _SUPER_NOTE.match(ln.text)
        if sm and _next_note(self.notes, str(superscript_to_int(sm["num"]))):
            self.notes.append(Note(str(superscript_to_int(sm["num"])), [ln.cut(0, sm.end())], ln.offs[0], True))
            return True
        return False


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
    long = [(a, b) for a, b in zip(body, body[1:]) if a.width >= 40]
    if not long:
        return False
    broken = sum(not a.ends_clause and not structure.is_marker(b.text) for a, b in long)
    return broken / len(long) >= 0.3


def full_width(body: list[Line]) -> float:
    """The measure of a wrapped text: the usual width of lines that stop mid-sentence."""
    widths = [a.width for a in body if not a.ends_clause and a.width >= 30]
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
    if prev.text.rstrip().endswith((",", "，")) and structure.opens_clause(line.text):
        return False  # "…of 26 July 2023," / "Recalling also …" or "Decides that …": the next clause
    if not wrapped:
        return not prev.ends_clause and prev.width >= 120
    if prev.ends_clause and not line.ends_clause and line.width < 0.6 * measure:
        return False  # a short line that ends no clause is no paragraph's last line: a heading ("环境问题")
    return prev.width >= (0.9 if prev.ends_clause else _fill(prev.text)) * measure


def _fill(text: str) -> float:
    """How full a wrapped line that goes on is, at least: Latin text breaks between words (a long
    word moves whole to the next line), Chinese between any two characters, so a line ending in
    a Chinese character well short of the measure ended its block ("(c) 便利…人道主义援助", a
    sub-heading); the margin left is for a Latin run ("S/RES/2532(2020)") moved to the next line."""
    return 0.75 if is_cjk(text.rstrip()[-1:]) else 0.6


def _runs_on(prev: Line, line: Line, wrapped: bool, measure: float, block: list[Line]) -> bool:
    """What starts ``line`` looks like a new block, but the block goes on: an inline enumeration's
    next label, or the words after a numbered paragraph's line that fills the measure ("回顾…"
    after "，", "无碍，" are its words, not a preamble clause or an opening line)."""
    if _inline_enumeration(block, line.text):
        return True
    if structure.leaves_reference_open(prev.text) and structure.item_at(line.text):
        return True  # "… in accordance with subparagraph" / "(g) of …": the label the reference names
    full = wrapped and not prev.ends_clause and prev.width >= 0.9 * measure
    if full and _HAN.match(prev.text[-1:]) and structure.is_opening(line.text):
        return True  # "…支持黎" / "巴嫩武装部队国际会议，": a Chinese word broken at the measure, no body's name
    return full and structure.opens_unit(block[0].text) and not structure.opens_unit(line.text)


_HAN = re.compile(r"[\u4e00-\u9fff]")  # a Chinese character: a line ending in one stops mid-word


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
        self.block_from = 0

    def add_lines(self, lines: list[Line]) -> tuple[int, int]:
        if self.size:
            self._add("\n\n", [self.offs[-1] + 1] * 2)
        start = self.size
        self.block_from = len(self.parts)
        for k, ln in enumerate(lines):
            if k:
                if _soft_hyphen(lines[k - 1].text, ln.text):
                    self._drop_last()
                    sep = ""
                else:
                    sep = _join(lines[k - 1].text, ln.text)
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

    def block_text(self) -> str:
        """The text of the block added last (joining only its own parts: joining the whole text
        for every block made a long document's layout quadratic)."""
        return "".join(self.parts[self.block_from:])


_TOKEN_END = re.compile(r"[A-Za-z0-9/().\-]+$")
_TOKEN_START = re.compile(r"^[A-Za-z0-9/().\-]+")


def _join(left: str, right: str) -> str:
    """The separator of two wrapped lines: ``join_pieces``, but none inside a number or a symbol
    that a Chinese line breaks ("第2139(201" / "4)号", "(S/PR" / "ST/2011/16)"): Chinese wraps at any
    character and prints no space there, while between two Latin words ("(UN" / "Women)") the
    source had one, and Latin text breaks only at its spaces."""
    sep = join_pieces(left, right)
    if sep != " " or not (_HAN.search(left) or _HAN.search(right)):
        return sep
    a, b = _TOKEN_END.search(left), _TOKEN_START.match(right)
    token = (a[0] if a else "") + (b[0] if b else "")
    return "" if a and b and re.search(r"[\d/]", token) else sep


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
        text = out.block_text()
        blocks.append(classifier.block(len(blocks), text, start, end, g[0].page))
    footnotes = []
    body_offs = list(out.offs)
    for note in notes:
        start, end = out.add_lines(note.lines)
        idx = len(blocks)
        blocks.append(Block(idx, "footnote", start, end, out.block_text(), number=note.number,
                            page=note.lines[0].page))
        footnotes.append(Footnote(note.number, idx, tuple(_to_clean(body_offs, s)
                                                          for s in callouts.get(note.number, ()))))
    return Document(source=source, text=out.text(), offsets=tuple(out.offs), blocks=tuple(blocks),
                    footnotes=tuple(footnotes))


def _to_clean(body_offs: list[int], src: int) -> int:
    """The cleaned offset where a removed callout stood (the next kept character)."""
    return bisect.bisect_left(body_offs, src)
