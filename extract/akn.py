"""AKN4UN: the UN's own Akoma Ntoso markup of a resolution, read as a first-class input.

The markup says outright what the text path must find: the symbol (``docNumber``), the dates
(``docDate``, ``FRBRdate``), the preamble clauses (``container``), the operative paragraphs
(``paragraph`` with ``num``) and their sub-items (``list/point``, ``sublist``, ``blockList/item``),
the verb opening each clause (the first emphasised ``span``), every reference to another UN
document (``a href="https://undocs.org/..."``), the classification keywords and the voting.

A recipe in three steps:

1. parse safely (``parse``): no DTD is loaded, no entity is expanded, nothing is fetched from the
   network, huge trees are refused; a file that is not well-formed XML or not in the AKN 3.0
   namespace is the file's one-line ``IngestError``;
2. render the markup as parts in reading order (``_Renderer``): cover lines, the opening formula,
   preamble clauses, headings, paragraphs, items, annexes, footnotes (``authorialNote``, cut
   out where they stand and kept at the end, as the layout step does with a PDF's);
3. assemble the same ``Document`` the text path builds (blocks joined by a blank line, offsets,
   footnotes, metadata), so every finder runs on it unchanged; the links, keywords and votes
   are kept on the document for the graph.

Labels are the same in both languages: Chinese ㈠ ㈡ … ㈩ and (十一) print the English (i) (ii) …
(x) (xi); a Chinese and an English file of one resolution get the same symbol (``S/RES/2598
(2021)``, one space before the year, however it is printed), hence the same document IRI.
``SourceText.text`` is the file's XML; a block's offsets point at the start of the source line
of the element it was rendered from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

from lxml import etree

from .akn_text import AKN4UN, NS, N as _N, label, local, normalise_symbol, paras, text_of, unit  # noqa: F401 - AKN4UN, NS, label, normalise_symbol: named here too
from . import safe_xml
from .models import Block, Document, Footnote, IngestError, Link, SourceText


# FRBRlanguage codes (ISO 639-2) -> the language codes of ``Metadata.language``.
LANGUAGES = {"eng": "en", "en": "en", "zho": "zh", "chi": "zh", "zh": "zh"}
# FRBRauthor hrefs -> registry keys of the bodies (``metadata.MEETING_BODIES``).
AUTHORS = {"sc": "UNSC", "ga": "UNGA", "ecosoc": "ECOSOC", "hrc": "HRC"}
VOTE_CHOICES = {"inFavour": "in-favour", "against": "against", "abstaining": "abstaining"}
_UNDOCS = re.compile(r"^https?://(?:www\.)?undocs\.org/(?:(?:ar|ch|en|es|fr|ru|zh)/)?(?P<symbol>[A-Z].+)$")

PartKind = Literal["header", "opening", "preamble", "heading", "paragraph", "item", "annex"]


class AknError(ValueError):
    """The bytes are not an AKN4UN document; the message is the file's one-line problem."""


@dataclass
class Part:
    """One unit of the markup in reading order, before it becomes a ``Block``."""

    kind: PartKind
    text: str
    line: int  # source line of the element (for the offset map)
    number: str | None = None
    level: int = 0
    label_kind: str | None = None
    verb: str | None = None
    operative: bool = False  # an operative paragraph (or item) of the main body, not an annex's
    links: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, href) in text
    notes: list[tuple[int, str, str]] = field(default_factory=list)  # (callout offset, marker, text)


def parse(data: bytes) -> etree._Element:
    """The root ``akomaNtoso`` element of ``data``; ``AknError`` for anything else."""
    try:
        root = safe_xml.fromstring(data)
    except etree.XMLSyntaxError as err:
        raise AknError(f"not well-formed XML ({str(err).splitlines()[0] if str(err) else 'syntax error'})") from None
    if root is None or root.tag != f"{{{NS}}}akomaNtoso":
        tag = etree.QName(root).localname if root is not None else "none"
        raise AknError(f"not an AKN4UN document (root element <{tag}>, expected <akomaNtoso> in {NS})")
    if safe_xml.has_dtd(root):
        raise AknError("an XML document type declaration (DTD) is not accepted in AKN4UN input")
    return root


def source_text(data: bytes) -> str:
    """The file's XML as text (what ``SourceText.text`` holds), after checking it is AKN4UN."""
    root = parse(data)
    encoding = root.getroottree().docinfo.encoding or "utf-8"
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return etree.tostring(root, encoding="unicode")


def document(source: SourceText) -> Document:
    """The laid-out ``Document`` of an AKN4UN file, metadata included."""
    data = re.sub(r"^\s*<\?xml[^>]*\?>", "", source.text).encode("utf-8")
    try:
        root = parse(data)
    except AknError as err:
        raise IngestError(source.path, str(err)) from None
    statement = _main(root)
    parts = _Renderer().render(statement)
    doc = _assemble(source, parts)
    from .akn_facts import read_metadata, subjects, votes  # they read the tree this module parses
    meta = read_metadata(root, doc.text)
    return replace(doc, meta=meta, subjects=subjects(root), votes=votes(root))


def _main(root: etree._Element) -> etree._Element:
    for child in root:
        if isinstance(child.tag, str):
            return child
    raise AknError("an empty AKN4UN document")


# --- rendering -------------------------------------------------------------------------------

_UNITS = {"paragraph", "point", "item", "alinea"}
_LISTS = {"list", "sublist", "blockList"}
_LEADS = {"intro", "listIntroduction"}
_HEADINGS = {"heading": 2, "subheading": 3}
_HEADING_CLASS = {"H1": 1, "H2": 2, "H23": 2, "H3": 3, "H4": 3}


class _Renderer:
    """Walks a statement and lists its parts in reading order."""

    def __init__(self) -> None:
        self.parts: list[Part] = []
        self.annex = False
        self.lead_open = False  # the last numbered paragraph ends with a colon: its list follows

    def render(self, statement: etree._Element) -> list[Part]:
        for child in statement:
            name = local(child)
            if name == "coverPage":
                for p in paras(child):
                    self._add("header", p)
            elif name == "preamble":
                self._preamble(child)
            elif name == "mainBody":
                self._body(child, 0)
            elif name == "attachments":
                self._attachments(child)
        return [p for p in self.parts if p.text]

    def _add(self, kind: PartKind, el: etree._Element, number: str | None = None, level: int = 0,
             label_kind: str | None = None) -> Part:
        text, links, notes, verb = unit(el)
        part = Part(kind, text, el.sourceline or 1, number, level, label_kind, verb,
                    kind in ("paragraph", "item") and not self.annex, links, notes)
        self.parts.append(part)
        return part

    def _preamble(self, el: etree._Element) -> None:
        for child in el:
            name = local(child)
            if name == "formula":
                for p in paras(child):
                    self._add("opening", p)
            elif name == "container":
                self._clause(child)
            elif name in _UNITS or name in _HEADINGS:
                self._body(child, 0)

    def _clause(self, container: etree._Element) -> None:
        """A preamble clause: its paragraphs, or a block list (lead-in and items)."""
        for child in container:
            name = local(child)
            if name == "p":
                self._add("preamble", child)
            elif name in _LISTS:
                self._list(child, 1, "preamble")

    def _body(self, el: etree._Element, level: int) -> None:
        for child in (el if local(el) not in _UNITS else [el]):
            name = local(child)
            if name in _UNITS:
                self._unitpart(child, level)
            elif name in _HEADINGS:
                self._heading(child, el)
            elif name == "p":
                self._add("paragraph", child)

    def _heading(self, el: etree._Element, owner: etree._Element) -> None:
        level = _HEADING_CLASS.get(owner.get("class") or "", _HEADINGS[local(el)])
        self._add("heading", el, level=level)

    def _unitpart(self, el: etree._Element, level: int, lead_kind: PartKind = "paragraph") -> None:
        """A numbered unit: a paragraph (level 0) or an item (level 1, 2 …) with its sub-items."""
        number, label_kind, level = self._number(el, level, lead_kind)
        kind: PartKind = "paragraph" if level == 0 else "item"
        if lead_kind == "preamble" and level == 0:
            kind = "preamble"
        first = True
        for child in el:
            name = local(child)
            if name in _HEADINGS:
                self._heading(child, el)
            elif name in ("content", "p"):
                for p in ([child] if name == "p" else paras(child)):
                    part = self._add(kind, p, number if first else None, level, label_kind if first else None)
                    first = False
                    if kind == "paragraph" and part.number and part.number != "-":
                        self.lead_open = part.text.endswith((":", "："))
            elif name in _LISTS:
                self._list(child, level + 1, kind, number if first else None)
                first = False

    def _number(self, el: etree._Element, level: int, lead_kind: PartKind) -> tuple[str | None, str | None, int]:
        """The unit's label, label kind and level."""
        num = el.find("a:num", _N)
        body = level == 0 and lead_kind == "paragraph"
        if body and num is None and self.lead_open and el.find("a:content", _N) is not None:
            # the Chinese markup may drop a list's bullets and give each point as an unnumbered
            # paragraph after the lead-in ("…落实以下优先措施："): they are its items, as in English
            return "-", "bullet", 1
        if num is None:
            return None, None, level
        if body:
            self.lead_open = False
        return (*label(text_of(num)), level)

    def _list(self, el: etree._Element, level: int, kind: PartKind, number: str | None = None) -> None:
        for child in el:
            name = local(child)
            if name in _LEADS:
                self._add(kind if level == 1 else "item", child, number, level - 1)
                number = None
            elif name in _UNITS:
                self._unitpart(child, level, kind)
            elif name in _LISTS:
                self._list(child, level + 1, kind)
            elif name == "wrapUp":
                for p in paras(child):
                    self._add(kind if level == 1 else "item", p, None, level - 1)

    def _attachments(self, el: etree._Element) -> None:
        """Annexes: a heading for each, then its body; their paragraphs are not operative."""
        self.annex = True
        for doc in el.iter(f"{{{NS}}}doc"):
            heading = Part("annex", (doc.get("name") or "annex").capitalize(), doc.sourceline or 1, level=1)
            self.parts.append(heading)
            for child in doc:
                if local(child) == "preamble":
                    self._preamble(child)
                elif local(child) == "mainBody":
                    self._body(child, 0)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for m in re.finditer("\n", text):
        starts.append(m.end())
    return starts


def _assemble(source: SourceText, parts: list[Part]) -> Document:
    """Blocks joined by a blank line, footnotes last, with the offset map and the links."""
    lines = _line_starts(source.text)
    texts: list[str] = []
    offsets: list[int] = []
    blocks: list[Block] = []
    links: list[Link] = []
    notes: list[tuple[str, str, int, int]] = []  # (marker, text, callout offset, source offset)
    size, para, section, bullets = 0, None, None, 0
    for part in parts:
        if texts:
            texts.append("\n\n")
            offsets.extend([offsets[-1]] * 2)
            size += 2
        at = lines[min(part.line, len(lines)) - 1]
        kind, idx = _block_kind(part), len(blocks)
        if kind == "heading":
            section = idx
        if kind == "paragraph" and part.number is not None:
            para, bullets = idx, 0
        number = part.number
        if part.label_kind == "bullet":
            bullets += 1
            number = str(bullets)
        blocks.append(Block(idx, kind, size, size + len(part.text), part.text, number=number,
                            level=part.level, parent=para if kind == "item" else None,
                            section=section if kind != "heading" else None, label_kind=part.label_kind,
                            verb=part.verb))
        links.extend(Link(size + s, size + e, part.text[s:e], href, _linked_symbol(href)) for s, e, href in part.links)
        notes.extend((marker, note, size + c, at) for c, marker, note in part.notes)
        texts.append(part.text)
        offsets.extend([at] * len(part.text))
        size += len(part.text)
    footnotes = []
    for marker, note, callout, at in notes:
        texts.append("\n\n")
        offsets.extend([at] * 2)
        size += 2
        idx = len(blocks)
        blocks.append(Block(idx, "footnote", size, size + len(note), note, number=marker))
        footnotes.append(Footnote(marker, idx, (callout,)))
        texts.append(note)
        offsets.extend([at] * len(note))
        size += len(note)
    return Document(source=source, text="".join(texts), offsets=tuple(offsets), blocks=tuple(blocks),
                    footnotes=tuple(footnotes), links=tuple(links))


def _block_kind(part: Part) -> str:
    """The ``Block.kind`` a correct reading of the printed text gives each part: cover lines and
    the opening formula are the title page; preamble clauses are unnumbered paragraphs."""
    return {"header": "header", "opening": "header", "preamble": "paragraph", "annex": "heading"}.get(
        part.kind, part.kind)


def _linked_symbol(href: str) -> str | None:
    m = _UNDOCS.match(href.strip())
    return normalise_symbol(m["symbol"]) if m else None
