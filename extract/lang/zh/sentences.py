"""Chinese sentences (part of the language layer; see unkg.extract.lang).

A sentence ends after 。, ！ or ？, and at every line break: a sentence never crosses a line
(a heading, a list item or a table row is its own sentence). Text after the last stop of a line
is a sentence of its own.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...spans import sentence_spans

STOP = re.compile(r"[。！？]")


# Within a paragraph, the break after a sentence or a clause ended by a semicolon: what a
# recommendation's first and last sentence are cut at.
CLAUSE_BREAK = r"[。！？；]"
# Where one sentence or clause ends between two names: a cited instrument and its provision
# are in one sentence only when none of these falls between them (Chinese text quotes English).
BETWEEN_SENTENCES = re.compile(r"[。；;!?]|\.\s|\n")


def clause_start(text: str, pos: int) -> int:
    """Where the sentence around ``pos`` begins: after 。, ； or a line break."""
    return max(text.rfind(c, 0, pos) for c in "。；\n") + 1


# Several finders split the same document: the split is made once (a str caches its hash, and
# the same text object compares by identity first).
@lru_cache(maxsize=8)
def spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of ``text``, in order; ``end`` is just after its stop."""
    return sentence_spans(text, STOP)


# Layout: a paragraph's label printed at a line's start is a reference running on over the line
# break, not an item opening, when what follows it goes on with the reference ("第1" / "(c)、(d)和(e)分
# 段", "第21(a)" / "㈢段") …
LABEL_IN_REFERENCE = r"[、,，;；。和及或至段]"
# … or when the line before stops inside a reference, before the label it names ("…本决议第8" /
# "(c) 段…").
REFERENCE_OPEN = re.compile(r"第\s*\d{0,3}\s*$")
