"""English: instrument titles (part of the language layer; see unkg.extract.lang).

- ``ALIAS``: a short title given in brackets right after an instrument's name, then used for it:
  '(the "Palermo Protocol")', '(hereinafter "the Protocol")';
- ``alias_pattern(words)``: where later text uses that short title;
- ``candidate_labels(name)``: (label_en, label_zh) of an initiative the registry does not know.
"""
from __future__ import annotations

import re

# The languages of the registry names (instruments, bodies, States...) the gazetteer searches: English only.
NAME_LANGUAGES = ("en",)

ALIAS = re.compile(r"\s*\(\s*(?:hereinafter(?:\s+referred\s+to\s+as)?\s+|also\s+known\s+as\s+)?(?:the\s+)?"
                   r"[\"“](?P<alias>[^\"”\n]{3,60})[\"”]\s*\)")

# The words that may open a short form in brackets after a name: (hereinafter the "West African Network").
SHORT_FORM_LEAD = re.compile(r"(?:\b(?:the|hereinafter(?: referred to as)?)\s+)?\s*$")


def alias_pattern(words: str) -> str:
    """The short title as a whole word: "Protocol" not inside "Protocols" or "Protocol-based"."""
    return rf"(?<![\w-]){re.escape(words)}(?![\w-])"


def candidate_labels(name: str) -> tuple[str | None, str | None]:
    """An English text names a candidate in English."""
    return name, None
