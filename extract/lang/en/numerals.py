"""English numbers as printed: ASCII (or full-width) digits; the same interface as the Chinese part.

``NUMBER`` is the regex fragment for "a number as printed"; ``to_int`` and ``number_text`` turn
what it matched into an integer and into the ASCII digits keys and IRIs use. English ordinals
("eleventh session") are read with the title page (metadata), not here.
"""
from __future__ import annotations

import unicodedata

DIGITS: dict[str, int] = {}  # no numeral characters beyond the digits
UNITS: dict[str, int] = {}
NUMERAL_CHARS = ""

NUMBER = r"(?:[0-9０-９]+)"


def to_int(s: str) -> int | None:
    """The integer a (full-width) digit string writes; None otherwise."""
    s = unicodedata.normalize("NFKC", s.strip())
    return int(s) if s.isdigit() else None


def number_text(s: str) -> str:
    """``s`` as ASCII digits when it is a number (１８ -> "18"), else ``s`` NFKC-folded."""
    n = to_int(s)
    return str(n) if n is not None else unicodedata.normalize("NFKC", s.strip())
