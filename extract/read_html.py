"""HTML -> text: one line per block element or table cell, scripts and styles dropped.

The encoding is the document's declared one (``<meta charset>``, read as browsers read the
labels), else the plain-text guesses. Footnote callouts (``<sup>1</sup>``, Word's
``<a href="#_ftn1">[1]</a>``) and the numbers of a footnote list become superscript digits, so the
layout step takes them as footnotes. The text is collected with an explicit stack: nesting depth
costs nothing (100,000 nested divs in about a second).
"""
from __future__ import annotations

import re
import warnings
from typing import TYPE_CHECKING

from .encodings import NEWLINES, by_bom, decode_text
from .text import TO_SUPERSCRIPT

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

_DROP = ("script", "style", "noscript", "head", "template", "title")
_BLOCKS = frozenset(
    "address article aside blockquote caption dd details div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody "
    "thead tfoot tr ul".split()
)
_CELLS = frozenset(("td", "th"))
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)
# What browsers do with the labels (WHATWG Encoding): GB2312 and GBK mean GB18030's superset.
_LABELS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "iso-8859-1": "cp1252",
           "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


def read_html(data: bytes, name: str) -> tuple[str, str | None, tuple[int, ...]]:
    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning

    markup, encoding = _decode_html(data)
    markup = NEWLINES.sub("\n", markup)
    with warnings.catch_warnings():  # parsing XHTML as HTML, or a page that is only a URL, is fine
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(markup, "lxml")
    for tag in soup.find_all(_DROP):
        tag.decompose()
    _html_footnote_numbers(soup)
    lines = (line.strip(" \t") for line in _html_text(soup).split("\n"))
    return "\n".join(line for line in lines if line.strip()), encoding, (0,)


_NOTE_LINK = re.compile(r"^#_?(?:ftn|edn|fn|footnote|note)(?:ref)?[-_:]?\d{1,3}$", re.IGNORECASE)
_NOTE_NUMBER = re.compile(r"^\s*\[?\s*(\d{1,3})\s*\]?\s*$")


def _html_footnote_numbers(soup: BeautifulSoup) -> None:
    """Footnote callouts and the numbers that open footnotes, written as superscript digits:
    ``<sup>1</sup>``, and Word's links ``<a href="#_ftn1">[1]</a>`` / ``<a href="#_ftnref1">[1]</a>``."""
    marks = [a for a in soup.find_all("a", href=True) if _NOTE_LINK.match(a["href"])] + soup.find_all("sup")
    for tag in marks:
        m = _NOTE_NUMBER.match(tag.get_text())
        if m and tag.parent is not None:
            tag.string = m[1].translate(TO_SUPERSCRIPT)


def _decode_html(data: bytes) -> tuple[str, str]:
    """The declared charset (a BOM first, then <meta charset>) if it decodes; else detection."""
    found = by_bom(data)
    if found is not None:
        return found
    declared = _DECLARED.search(data[:4096])
    if declared:
        label = declared.group(1).decode("ascii").lower()
        codec = _LABELS.get(label, label)
        try:
            return data.decode(codec), codec
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data)


def _html_text(soup: BeautifulSoup) -> str:
    """The page's text: whitespace collapsed as a browser does (except in <pre>), block
    elements and <br> as line breaks, table cells apart by a tab; comments and doctypes
    skipped. ``_read_html`` then strips each line, so <pre> keeps its line breaks, not its
    indent. An explicit stack, never recursion and never a tree edit, so the cost stays linear
    however deep the nesting (100,000 nested <div>s)."""
    from bs4 import CData, NavigableString, Tag

    out: list[str] = []
    # (node, inside <pre>); a plain str on the stack is what a tag writes after its children
    stack: list[tuple[object, bool]] = [(soup, False)]
    while stack:
        node, pre = stack.pop()
        if type(node) is str:
            out.append(node)
        elif type(node) in (NavigableString, CData):  # not comments, doctypes, declarations
            out.append(node if pre else _HTML_SPACE.sub(" ", node))
        elif isinstance(node, Tag):
            if node.name == "br":
                out.append("\n")
                continue
            if node.name in _BLOCKS:
                out.append("\n")
            stack.append(("\n" if node.name in _BLOCKS else "\t" if node.name in _CELLS else "", False))
            pre = pre or node.name == "pre"
            stack.extend((child, pre) for child in reversed(node.contents))
    return "".join(out)
