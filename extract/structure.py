"""Block markers of UN documents and the classifier that turns joined lines into blocks.

Chinese and English share most markers: ``一.`` / ``I.`` chapter headings, ``A.`` section
headings, ``1.`` numbered paragraphs (or, out of sequence and without a full stop, numbered
headings such as ``1. 利用《公约》应对…``), ``(a)`` sub-items, ``-`` bullets, and
``建议 3`` / ``Recommendation 3`` labels.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .lang import LANGS, grammar
from .lang.zh import numerals as zh_numerals  # ㈠ and (一) label sub-items in any document
from .models import Block
from .text import ends_clause, width

ZH_NUMERALS = "一二三四五六七八九十"
_CHAPTER = re.compile(rf"^(?P<num>[{ZH_NUMERALS}]{{1,3}}|[IVX]{{1,6}})\s*[.．、]\s*(?=\S)")
_CHAPTER_WORD = re.compile(rf"^(?:第(?P<num>[{ZH_NUMERALS}]{{1,3}})章|Chapter (?P<num2>[IVX]{{1,6}}))(?:\s+(?=\S)|$)")
_SECTION = re.compile(r"^(?P<num>[A-Z])\s*[.．]\s+(?=\S)")
_NUMBERED = re.compile(r"^(?P<num>\d{1,3})\s*[.．](?!\d)\s*(?=\S)")
_NUMBERED_NODOT = re.compile(r"^(?P<num>\d{1,3})\s+(?=[^\d\s/%.,年月日个项])")
# A sub-item: "(a)", "(iv)", "(3)", and in Chinese "㈠"-"㈩" or "(十一)", which print the English
# (i)-(xi): its label is the roman numeral, the same in both languages. A label followed by "、",
# "和", "段", ", " or "and (b)" is a reference running on over the line ("第1(b)、(c)和(d)段",
# "paragraph 85 (b), the Committee …", "(a) and 81 (a) of …", "1 (g) of this resolution"), not an
# item ("(f) and assist …" is one): the grammars' LABEL_IN_REFERENCE.
# The layout reads a page before its language is known, so every grammar's forms apply.
_GRAMMARS = tuple(grammar(code) for code in LANGS)
_IN_REFERENCE = "|".join(f"(?:{g.sentences.LABEL_IN_REFERENCE})" for g in _GRAMMARS)
_ITEM = re.compile(rf"^(?:[-–•·▪]\s*)?(?:[(（](?P<num>[a-z]{{1,2}}|[ivx]{{1,5}}|\d{{1,2}})[)）]|(?P<circled>[㈠-㈩])|"
                   rf"[(（](?P<zh>[{ZH_NUMERALS}]{{1,3}})[)）])(?!{_IN_REFERENCE})\s*(?=\S)")
_ROMANS = "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx".split()
_BULLET = re.compile(r"^[-–•·▪]\s+(?=\S)")
_LABEL = re.compile(r"^(?:建议|Recommendation)\s*(?P<num>\d{1,3}(?:\s*\([a-z]\))?)\s*[:：]?$")
_TOC = re.compile(r"(?:\t\s*\d{1,3}|\s{3,}\d{1,3})$|^(?:目录|页次|Contents|Page)$")
# Lines that stand alone whatever precedes them: a resolution's number-and-title line
# ("76/186. Strengthening…", "Resolution 30/1", "第 10/4 号决议"), a resolution's opening line
# ("The General Assembly,", "大会，"), and its closing line ("73rd plenary meeting", "第73次全体会议").
_RESOLUTION_HEAD = re.compile(r"^(?:(?:Resolution|Decision)\s+)?(?:S-)?\d{1,4}/\d{1,3}(?:\.\s|$)|"
                              r"^第\s*\d{1,4}/\d{1,3}\s*号(?:决议|决定)")
# A body's name has no number, and in Chinese ends with its head noun (大会, 安全理事会, 委员会,
# 缔约方会议, 工作组): a wrapped line's short tail ending with "，" ("时的安全保障，") is no opening line.
_OPENING = re.compile(r"^The [A-Z][^,]{2,100},$|^[^，。；\s\d()（）]{1,40}(?:会|会议|组)，$")
# An opening line may wrap: "The Conference of the Parties to the United Nations Convention against"
_OPENING_START = re.compile(r"^The (?:[A-Z][a-z]+ ){0,3}(?:Assembly|Council|Conference|Commission|Committee)\b")
# An annex's heading: "Annex", "Annex I", "Annex A – Items subject to …", "附件", "附件一", "附件A".
_ANNEX = re.compile(rf"^(?:Annex|ANNEX|附件)(?:\s*(?:[IVX]{{1,5}}|[A-Z]|\d{{1,2}}|[{ZH_NUMERALS}]{{1,3}}))?"
                    r"(?:\s*(?:[-–—:：]\s*|\s+)\S.*)?$")
_CLOSING = re.compile(r"^\d{1,3}(?:st|nd|rd|th) plenary meeting$|^第\s*\d{1,3}\s*次全体会议$")


# An operative paragraph's text: a capitalised (or Chinese) opening and at least a clause of words.
_SENTENCE = re.compile(r"^(?:[A-Z][a-z]+\s|[\u4e00-\u9fff]{2}).{30,}", re.S)


def item_label(m: re.Match) -> str:
    """The label of a matched ``_ITEM``: "a", "iv", "3"; ㈡ and (二) -> "ii"."""
    if m["num"]:
        return m["num"]
    n = ord(m["circled"]) - 0x3220 + 1 if m["circled"] else zh_numerals.to_int(m["zh"])
    return _ROMANS[n - 1] if 1 <= n <= len(_ROMANS) else str(n)


def item_at(text: str) -> str | None:
    """The label of the sub-item ``text`` opens, if it opens one."""
    m = _ITEM.match(text)
    return item_label(m) if m else None


def opens_unit(text: str) -> bool:
    """Does ``text`` open a numbered unit (chapter, section, paragraph, item, bullet, label)?"""
    return any(p.match(text) for p in (_CHAPTER, _CHAPTER_WORD, _SECTION, _NUMBERED, _ITEM, _BULLET, _LABEL))


def is_marker(text: str) -> bool:
    """Does this line start a new block whatever precedes it?"""
    return any(p.match(text) for p in (_CHAPTER, _CHAPTER_WORD, _SECTION, _NUMBERED, _ITEM, _BULLET, _LABEL, _TOC,
                                       _RESOLUTION_HEAD, _OPENING, _CLOSING))


# A paragraph's or sub-item's number alone on its line ("11." then the text on the next line, as
# some PDFs and web pages print it): the line after it is that paragraph's first line.
_BARE_MARKER = re.compile(r"^(?:\d{1,3}\s*[.．]|[(（](?:[a-z]{1,2}|[ivx]{1,5}|\d{1,2})[)）]|[㈠-㈩])$")


# A preamble clause's first words ("Recalling …,", "Deeply concerned …,", "Mindful of …,", "回顾…，").
# A participle in -ed opens a clause only before a lower-case word ("Convinced that", "Alarmed by"),
# not in a title's line ("Occupied Palestinian Territory, including East Jerusalem,").
_CLAUSE_START = re.compile(
    r"^\s*(?:(?:Deeply|Gravely|Seriously|Strongly|Further|Also|Fully|Firmly)\s+[a-z]+(?:ing|ed)\b|"
    r"[A-Z][a-z]+ing\b|[A-Z][a-z]+ed\s+[a-z]|(?:Mindful|Aware|Conscious|Cognizant|Desirous) of\b|"
    r"(?:又|还|并|进一步|深为|深切)?(?:回顾|重申|注意到|铭记|欢迎|确认|认识到|深信|关切|强调|遵循|考虑到|意识到|赞赏))")


# An operative paragraph's first words ("Decides that …", "Requests the …", "决定…"), from the
# grammars' operative verbs; in Latin script capitalised, as a paragraph opens ("…, and requests"
# wrapped to a line's start goes on).
_OPERATIVE_START = re.compile("|".join(f"(?:{g.recommendations.OPERATIVE_VERB})" for g in _GRAMMARS))


def operative_start(text: str) -> bool:
    """Does ``text`` open an operative paragraph by its verb ("Decides that …", "决定…")?"""
    return bool(_OPERATIVE_START.match(text)) and not text.lstrip()[:1].islower()


def opens_clause(text: str) -> bool:
    """Does ``text`` open a preamble clause ("Recalling …") or an operative paragraph ("Decides …")?"""
    return clause_start(text) or operative_start(text)


def _operative_paragraph(text: str) -> bool:
    """An unnumbered block that is an operative paragraph: it opens with an operative verb and
    ends as a paragraph does, not with a preamble clause's comma."""
    return operative_start(text) and not text.rstrip().endswith((",", "，"))


def clause_start(text: str) -> bool:
    """Does ``text`` open a preamble clause ("Recalling …", "Convinced that …", "回顾…")?"""
    return bool(_CLAUSE_START.match(text))


_REFERENCE_OPEN = tuple(g.sentences.REFERENCE_OPEN for g in _GRAMMARS)


def leaves_reference_open(text: str) -> bool:
    """Does ``text`` stop inside a reference, before the label it names ("… subparagraph", "…第8")?"""
    return any(p.search(text) for p in _REFERENCE_OPEN)


def is_opening(text: str) -> bool:
    """Is ``text`` shaped as a resolution's opening line ("The Security Council,", "安全理事会，")?"""
    return bool(_OPENING.match(text))


def is_bare_marker(text: str) -> bool:
    return bool(_BARE_MARKER.match(text))


def stands_alone(text: str) -> bool:
    """Is this a line that nothing may continue (an opening or closing line, a resolution head)?"""
    return any(p.match(text) for p in (_RESOLUTION_HEAD, _OPENING, _CLOSING))


def starts_body(text: str) -> bool:
    """Does this line open the body (a chapter heading, a numbered paragraph, or a resolution's
    opening line "The General Assembly,")? Lines before it are the title page."""
    return bool(_CHAPTER.match(text) or _CHAPTER_WORD.match(text) or _NUMBERED.match(text)
                or _OPENING.match(text) or _OPENING_START.match(text))


def is_label(text: str) -> bool:
    return bool(_LABEL.match(text))


def is_toc(text: str) -> bool:
    return bool(_TOC.search(text))


def _is_short_title(text: str) -> bool:
    """A heading: short, and ending neither a sentence nor a clause (preamble lines end with "，")."""
    return not ends_clause(text) and not text.rstrip().endswith(("，", ",")) and width(text) <= 100


class Classifier:
    """Classifies blocks in reading order, tracking paragraph numbers and the heading stack."""

    def __init__(self) -> None:
        self.last_para: int | None = None
        self.last_para_idx: int | None = None
        self.headings: list[tuple[int, int]] = []  # (level, block index)
        self.pending_label: str | None = None
        self.started = False
        self.bullets = 0
        self.after_heading = False
        self.nesting = _Nesting()
        self.sub_heading: Block | None = None
        self.opened = False  # the opening line "The Security Council," was read

    def block(self, idx: int, text: str, start: int, end: int, page: int) -> Block:
        """The block for ``text`` (which spans ``start``-``end`` of the cleaned text)."""
        b = self._classify(idx, text, start, end, page)
        self.after_heading = b.kind == "heading"
        # a labelled sub-heading of a list ("(c) Facilitate … humanitarian assistance", no clause
        # ended): the unlabelled text under it is its content, not a paragraph of its own
        self.sub_heading = b if b.kind == "item" and _is_short_title(b.text) else None
        return b

    def _classify(self, idx: int, text: str, start: int, end: int, page: int) -> Block:
        if _TOC.search(text) and len(text) < 120:
            return Block(idx, "toc", start, end, text, page=page)
        if _CLOSING.match(text):
            return Block(idx, "closing", start, end, text, page=page, section=self._section())
        if m := _LABEL.match(text):
            self.pending_label = re.sub(r"\s+", "", m["num"])
            return Block(idx, "label", start, end, text, number=self.pending_label, page=page,
                         section=self._section())
        if self.started and _ANNEX.match(text) and _is_short_title(text):  # a contents line is no annex
            return self._annex(idx, text, start, end, page)
        if m := _CHAPTER.match(text):
            return self._heading(idx, 1, m, text, start, end, page)
        if m := _CHAPTER_WORD.match(text):  # "第一章" / "Chapter I": numbered like 一. / I.
            head = self._heading(idx, 1, m, text, start, end, page)
            return replace(head, number=m["num"] or m["num2"])
        if (m := _SECTION.match(text)) and _is_short_title(text[m.end():]):
            return self._heading(idx, 2, m, text, start, end, page)
        if m := _NUMBERED.match(text):
            return self._numbered(idx, m, text, start, end, page)
        if (m := _NUMBERED_NODOT.match(text)) and self.last_para is not None \
                and int(m["num"]) == self.last_para + 1:
            return self._paragraph(idx, m, text, start, end, page)
        if m := _ITEM.match(text):
            return self._item(idx, m, text, start, end, page, number=item_label(m))
        if m := _BULLET.match(text):
            self.bullets += 1
            return self._item(idx, m, text, start, end, page, number=str(self.bullets), label_kind="bullet")
        return self._unmarked(idx, text, start, end, page)

    def _unmarked(self, idx, text, start, end, page) -> Block:
        """A block with no marker: a title-page line, a labelled recommendation, a heading or a paragraph."""
        if not self.started and not (self.opened and _operative_paragraph(text)):
            # the title page, the opening line ("The Security Council,", "安全理事会，") and the
            # preamble clauses after it are header blocks, up to the operative part
            self.opened = self.opened or bool(_OPENING.match(text))
            return Block(idx, "header", start, end, text, page=page)
        if not self.started:
            # a resolution of one unnumbered operative paragraph after its preamble ("Decides that
            # the election … shall take place …", the Council's extensions of mandates)
            self.started = True
            return Block(idx, "paragraph", start, end, text, section=self._section(), page=page)
        if self.pending_label:
            label, self.pending_label = self.pending_label, None
            self.last_para_idx = idx  # its sub-items belong to it
            return Block(idx, "paragraph", start, end, text, number=label, label_kind="recommendation",
                         section=self._section(), page=page)
        if _is_short_title(text):
            return self._heading(idx, 4, None, text, start, end, page)
        if self.sub_heading is not None and self.last_para_idx is not None:
            # "(c) Facilitate … assistance" / "To improve coordination …;": the sub-heading's text,
            # an item without a label one level below it (the markup's unnumbered subparagraph)
            return Block(idx, "item", start, end, text, level=self.sub_heading.level + 1,
                         parent=self.last_para_idx, section=self._section(), page=page)
        return Block(idx, "paragraph", start, end, text, section=self._section(), page=page)

    def _numbered(self, idx, m, text, start, end, page) -> Block:
        """A line opening with "N.": the next paragraph, a numbered heading, or a sub-item."""
        n = int(m["num"])
        if self.last_para is None or n == self.last_para + 1:
            return self._paragraph(idx, m, text, start, end, page)
        if _is_short_title(text[m.end():]):
            return self._heading(idx, 3, m, text, start, end, page)
        if n == 1 and self.after_heading:  # numbering restarts under a new chapter (a report
            return self._paragraph(idx, m, text, start, end, page)  # after its resolutions)
        if n == self.last_para + 2 and (_SENTENCE.match(text[m.end():]) or operative_start(text[m.end():])):
            # one number skipped (the document lost it, or never printed it): a full sentence, or
            # one opening with an operative verb ("决定继续积极处理此案。", short as Chinese is), is
            # the next paragraph, not a sub-item of the last one
            return self._paragraph(idx, m, text, start, end, page)
        return self._item(idx, m, text, start, end, page)

    def _section(self) -> int | None:
        return self.headings[-1][1] if self.headings else None

    def _heading(self, idx, level, m, text, start, end, page) -> Block:
        self.started = True
        while self.headings and self.headings[-1][0] >= level:
            self.headings.pop()
        parent = self._section()
        self.headings.append((level, idx))
        # The paragraph stays open: reports group a lead-in's items under thematic sub-headings
        # ("3. … adopted the following recommendations:" / "Technical assistance" / "(a) …").
        cut = m.end() if m else 0
        return Block(idx, "heading", start + cut, end, text[cut:], number=m["num"] if m else None,
                     level=level, parent=parent, section=parent, page=page)

    def _annex(self, idx, text, start, end, page) -> Block:
        """An annex opens a part of its own: what follows is no item of the last body paragraph,
        and its paragraphs are numbered from 1 again."""
        head = self._heading(idx, 4, None, text, start, end, page)  # a division without a number
        self.last_para_idx = None
        self.bullets = 0
        self.nesting = _Nesting()
        return replace(head, label_kind="annex")

    def _paragraph(self, idx, m, text, start, end, page) -> Block:
        self.started = True
        self.last_para = int(m["num"])
        self.last_para_idx = idx
        self.bullets = 0
        self.nesting = _Nesting()
        return Block(idx, "paragraph", start + m.end(), end, text[m.end():], number=m["num"],
                     section=self._section(), page=page)

    def _item(self, idx, m, text, start, end, page, number=None, label_kind=None) -> Block:
        self.started = True
        number = number or m["num"]
        return Block(idx, "item", start + m.end(), end, text[m.end():], number=number,
                     level=self.nesting.level(number, label_kind), parent=self.last_para_idx,
                     section=self._section(), label_kind=label_kind, page=page)


_ROMAN_LABELS = frozenset(_ROMANS)
# A one-letter label that is also a roman numeral is the letter after its predecessor: (h) (i).
_LETTER_BEFORE = {"i": "h", "v": "u", "x": "w"}


class _Nesting:
    """The level of a paragraph's sub-items, as the markup nests them: the first kind of label
    under the paragraph is level 1, a new kind one deeper ("(a)" 1, "(i)" 2), a kind seen
    before closes what was opened under it. "(i)" after "(h)" is the letter, after a chapeau
    or under a letter the roman numeral (its label is "i" either way)."""

    def __init__(self) -> None:
        self.kinds: list[str] = []
        self.last_letter: str | None = None

    def level(self, label: str, label_kind: str | None) -> int:
        kind = self._kind(label, label_kind)
        if kind == "letter":
            self.last_letter = label
        if kind in self.kinds:
            del self.kinds[self.kinds.index(kind) + 1:]
        else:
            self.kinds.append(kind)
        return len(self.kinds)

    def _kind(self, label: str, label_kind: str | None) -> str:
        if label_kind == "bullet":
            return "bullet"
        if label.isdigit():
            return "digit"
        if label in _LETTER_BEFORE:
            return "letter" if self.last_letter == _LETTER_BEFORE[label] else "roman"
        return "roman" if label in _ROMAN_LABELS else "letter"
