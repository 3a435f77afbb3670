"""Chinese numerals and full-width digits to integers: 十八 -> 18, 二十一 -> 21, 一百零五 -> 105, １８ -> 18.

``NUMBER`` is the regex fragment the Chinese grammars use for "a number as printed" (ASCII or
full-width digits, or Chinese numerals); ``to_int`` and ``number_text`` turn what it matched into an
integer and into the ASCII digits that keys and IRIs use.
"""
from __future__ import annotations

import unicodedata

DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
          "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS)

# ASCII digits, full-width digits (０-９), or a run of Chinese numerals.
NUMBER = rf"(?:[0-9０-９]+|[{NUMERAL_CHARS}]+)"


def to_int(s: str) -> int | None:
    """The integer a Chinese numeral or a (full-width) digit string writes; None if neither."""
    s = unicodedata.normalize("NFKC", s.strip())
    if s.isdigit():
        return int(s)
    if not s or any(c not in DIGITS and c not in UNITS for c in s):
        return None
    total, current = 0, 0
    for c in s:
        if c in DIGITS:
            current = DIGITS[c]
        else:
            total += (current or 1) * UNITS[c]  # 十八: a bare 十 means one ten
            current = 0
    return total + current


def number_text(s: str) -> str:
    """``s`` as ASCII digits when it is a number (十八 -> "18", １８ -> "18"), else ``s`` NFKC-folded."""
    n = to_int(s)
    return str(n) if n is not None else unicodedata.normalize("NFKC", s.strip())
