"""Language-neutral span arithmetic the grammars share: is an offset inside one of many spans,
and where a text's lines break into sentences at a language's stops."""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import Protocol


class _Span(Protocol):
    start: int
    end: int


def covering(spans: Sequence[_Span]) -> Callable[[int], bool]:
    """Whether an offset falls inside one of ``spans``: sorted starts and the furthest end reached so
    far, so each question is a bisection, not a scan of every span."""
    ordered = sorted(spans, key=lambda p: p.start)
    starts = [p.start for p in ordered]
    furthest = list(accumulate((p.end for p in ordered), max))
    return lambda pos: (i := bisect.bisect_right(starts, pos)) > 0 and furthest[i - 1] > pos


_LINE = re.compile(r"[^\n]+")


def sentence_spans(text: str, stop: re.Pattern[str],
                   not_a_stop: Callable[[str, int, int], bool] | None = None) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence: a sentence ends after a match of ``stop`` (unless
    ``not_a_stop(text, line_start, match_start)`` says the stop ends an abbreviation) and at every
    line break; text after a line's last stop is a sentence of its own."""
    out = []
    for line in _LINE.finditer(text):
        start = line.start()
        for m in stop.finditer(text, line.start(), line.end()):
            if not_a_stop and not_a_stop(text, line.start(), m.start()):
                continue
            out.append((start, m.end()))
            start = m.end()
        if start < line.end():
            out.append((start, line.end()))
    return tuple(out)
