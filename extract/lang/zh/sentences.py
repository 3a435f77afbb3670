"""Chinese sentences (part of the language layer; see unkg.extract.lang).

A sentence ends after 。, ！ or ？, and at every line break: a sentence never crosses a line
(a heading, a list item or a table row is its own sentence). Text after the last stop of a line
is a sentence of its own.
"""
from __future__ import annotations

import re
from functools import lru_cache

STOP = re.compile(r"[。！？]")
LINE = re.compile(r"[^\n]+")


# Several finders split the same document: the split is made once (a str caches its hash, and
# the same text object compares by identity first).
@lru_cache(maxsize=8)
def spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of ``text``, in order; ``end`` is just after its stop."""
    out = []
    for line in LINE.finditer(text):
        start = line.start()
        for m in STOP.finditer(text, line.start(), line.end()):
            out.append((start, m.end()))
            start = m.end()
        if start < line.end():
            out.append((start, line.end()))
    return tuple(out)
