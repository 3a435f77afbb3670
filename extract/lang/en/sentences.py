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

from ..scripts import TITLE_LATIN as _TITLE_LATIN

STOP = re.compile(r"[.!?](?=\s+[\"“(A-Z\d])")
LINE = re.compile(r"[^\n]+")
_ABBREVIATION = re.compile(rf"(?:\b{_TITLE_LATIN}|\b(?:No|Nos|para|paras|art|arts|St|Jr|Sr|e\.g|i\.e|etc|vol|pp?|[A-Z]))$")


# Several finders split the same document: the split is made once (a str caches its hash, and
# the same text object compares by identity first).
@lru_cache(maxsize=8)
def spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of ``text``, in order; ``end`` is just after its stop."""
    out = []
    for line in LINE.finditer(text):
        start = line.start()
        for m in STOP.finditer(text, line.start(), line.end()):
            if _ABBREVIATION.search(text, max(line.start(), m.start() - 12), m.start()):
                continue
            out.append((start, m.end()))
            start = m.end()
        if start < line.end():
            out.append((start, line.end()))
    return tuple(out)
