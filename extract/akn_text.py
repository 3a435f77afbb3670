"""AKN4UN inline text: an element's words as the text path would give them, its links,
footnotes and opening verb, and the labels of printed numbers (Chinese ㈠ (二) (十一) are the
English (i) (ii) (xi)). Read by the renderer in ``akn.py``.
"""
from __future__ import annotations

import re

from lxml import etree

from .lang.zh import numerals as zh_numerals  # Chinese markup numbers its items 一, ㈠

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN4UN = "http://un.org/akn4un"
N = {"a": NS, "u": AKN4UN}

CIRCLED = {chr(0x3220 + i): r for i, r in enumerate("i ii iii iv v vi vii viii ix x".split())}
_ROMANS = "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx".split()
_BULLETS = {"•", "–", "-", "—", "·", "▪"}

def local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x3000 <= o <= 0x30FF or 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF


class _Inline:
    """The text of one element with its links, emphasised spans and footnote callouts, white
    space collapsed as a printed line shows it: none between Chinese characters or before
    closing punctuation, one space between words."""

    def __init__(self) -> None:
        self.raw: list[str] = []
        self.size = 0
        self.links: list[tuple[int, int, str]] = []  # raw offsets
        self.spans: list[tuple[int, int]] = []  # emphasised spans, raw offsets
        self.notes: list[tuple[int, str, str]] = []

    def add(self, s: str | None) -> None:
        if s:
            self.raw.append(s)
            self.size += len(s)

    def walk(self, el: etree._Element) -> None:
        self.add(el.text)
        for child in el:
            name = local(child)
            if name == "authorialNote":
                self.notes.append((self.size, child.get("marker") or str(len(self.notes) + 1),
                                   " ".join(text_of(p) for p in paras(child)) or text_of(child)))
            elif name:
                start = self.size
                self.walk(child)
                if name == "a" and child.get("href"):
                    self.links.append((start, self.size, child.get("href")))
                elif name == "span" and re.search(r"italic|bold", child.get("class") or ""):
                    self.spans.append((start, self.size))
            self.add(child.tail)  # an entity or comment node adds nothing but its tail

    def result(self) -> tuple[str, list[int]]:
        """The collapsed text and, for each raw offset, the offset it maps to in the text."""
        raw = "".join(self.raw)
        out: list[str] = []
        where = [0] * (len(raw) + 1)
        i = 0
        while i < len(raw):
            if raw[i].isspace():
                j = i
                while j < len(raw) and raw[j].isspace():
                    j += 1
                nxt = raw[j] if j < len(raw) else ""
                prev = out[-1] if out else ""
                if prev and nxt and not (cjk(prev) or cjk(nxt) or nxt in ",.;:)]，。；：）"):
                    out.append(" ")
                for k in range(i, j):
                    where[k] = len(out)
                i = j
                continue
            where[i] = len(out)
            out.append(raw[i])
            i += 1
        where[len(raw)] = len(out)
        text = "".join(out)
        return text.rstrip(), where


def paras(el: etree._Element) -> list[etree._Element]:
    """The ``p`` elements under ``el``, not those of a footnote standing in one of them."""
    return [p for p in el.iter(f"{{{NS}}}p")
            if not any(local(a) == "authorialNote" for a in p.iterancestors() if a is not el)]


def text_of(el: etree._Element) -> str:
    inline = _Inline()
    inline.walk(el)
    return inline.result()[0]


def unit(el: etree._Element) -> tuple[str, list[tuple[int, int, str]], list[tuple[int, str, str]], str | None]:
    """An element's text, links and callouts (clean offsets) and the verb that opens it."""
    inline = _Inline()
    inline.walk(el)
    text, where = inline.result()
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    links = [(where[s] - lead, where[e] - lead, href) for s, e, href in inline.links]
    notes = [(where[at] - lead, marker, note) for at, marker, note in inline.notes]
    verb = None
    for s, e in inline.spans:
        a, b = where[s] - lead, where[e] - lead
        words = text[max(a, 0):b].strip(" \t，,")
        if words and a <= 2:  # the emphasised words that open the clause
            verb = words
            break
    return text, [(max(s, 0), e, h) for s, e, h in links], notes, verb


# --- labels ----------------------------------------------------------------------------------

def label(num: str) -> tuple[str, str | None]:
    """The label of a printed number and its kind: "1." -> "1"; "(a)" -> "a"; "㈡" and "(二)"
    -> "ii" (the Chinese print of English (ii)); "(十一)" -> "xi"; "•" -> bullet."""
    s = re.sub(r"\s+", "", num)
    if s in _BULLETS:
        return "-", "bullet"
    if s and s[0] in CIRCLED:
        return CIRCLED[s[0]], None
    s = s.strip("().．、）（")
    if (n := zh_numerals.to_int(s)) is not None and not s.isdigit() and 0 < n <= len(_ROMANS):
        return _ROMANS[n - 1], None
    return s, None


def normalise_symbol(symbol: str) -> str:
    """A symbol as unkg writes it: white space collapsed, a Security Council year after one
    space ("S/RES/2568(2021)" -> "S/RES/2568 (2021)")."""
    s = re.sub(r"\s+", "", symbol).rstrip(".")
    return re.sub(r"\((\d{4})\)$", r" (\1)", s)
