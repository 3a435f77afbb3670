"""English sentences (part of the language layer; see unkg.extract.lang).

A sentence ends after ".", "!" or "?" followed by white space and a capital letter, a digit, an
opening quote or bracket — unless the stop ends an abbreviation (a title: "Mr.", "Dr.", "H.E.";
"No.", "para.", "art.", "e.g.", "i.e.", "etc.", "vol.", "p."; or an initial: "J. Smith") — and at
every line break: a sentence never crosses a line. Text after the last stop of a line is a
sentence of its own.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...spans import sentence_spans

from ..scripts import TITLE_LATIN as _TITLE_LATIN

STOP = re.compile(r"[.!?](?=\s+[\"“(A-Z\d])")
_ABBREVIATION = re.compile(rf"(?:\b{_TITLE_LATIN}|\b(?:No|Nos|para|paras|art|arts|St|Jr|Sr|e\.g|i\.e|etc|vol|pp?|[A-Z]))$")


# Within a paragraph, the break after a sentence or a clause ended by a semicolon: what a
# recommendation's first and last sentence are cut at.
CLAUSE_BREAK = r"(?<=[.!?;])\s+(?=[A-Z(])"
# Where one sentence or clause ends between two names: a cited instrument and its provision
# are in one sentence only when none of these falls between them.
BETWEEN_SENTENCES = re.compile(r"[。；;!?]|\.\s|\n")
_SENTENCE_END = re.compile(r"(?<!\bNo)(?<!\bpara)(?<!\bparas)[.!?]\s+(?=[A-Z\"“])")


def clause_start(text: str, pos: int) -> int:
    """Where the sentence around ``pos`` begins: after a semicolon, a line break or a full stop
    (not that of "No." or "para.")."""
    begin = max(text.rfind(c, 0, pos) for c in ";\n") + 1
    return max([begin] + [m.end() for m in _SENTENCE_END.finditer(text, begin, pos)])


# Several finders split the same document: the split is made once (a str caches its hash, and
# the same text object compares by identity first).
@lru_cache(maxsize=8)
def spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of ``text``, in order; ``end`` is just after its stop."""
    return sentence_spans(text, STOP, _abbreviation)


def _abbreviation(text: str, line_start: int, stop: int) -> bool:
    return _ABBREVIATION.search(text, max(line_start, stop - 12), stop) is not None


# Layout: a paragraph's label printed at a line's start is a reference running on over the line
# break, not an item opening, when what follows it goes on with the reference ("(b), the Committee
# …", "(a) and 81 (a) of …", "(a) and 5 of", "(g) of this resolution", "(a) to (c) above") …
LABEL_IN_REFERENCE = r"[,;]|\s+(?:(?:and|or|to|through)\s+(?:\d+\s?)?[(（]|(?:and|or)\s+\d|of\b|above\b|below\b)"
# … or when the line before stops inside a reference, before the label it names ("… in accordance
# with subparagraph" / "(g) …", "… of paragraph 4" / "(b) …").
REFERENCE_OPEN = re.compile(r"\b(?:[Ss]ub-?)?[Pp]aragraphs?(?:\s+\d{1,3})?\s*$|\bparas?\.(?:\s+\d{1,3})?\s*$")
