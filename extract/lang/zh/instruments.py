"""Chinese: instrument titles (part of the language layer; see unkg.extract.lang).

- ``ALIAS``: a short title given in brackets right after an instrument's name, then used for it:
  《…补充议定书》（《巴勒莫议定书》）, （以下简称《公约》）;
- ``alias_pattern(words)``: where later text uses that short title;
- ``candidate_labels(name)``: (label_en, label_zh) of an initiative the registry does not know.
"""
from __future__ import annotations

import re

# The languages of the registry names (instruments, bodies, States...) the gazetteer searches: Chinese UN
# documents cite English titles and acronyms (PROMIS, SHERLOC, UNODC) in their footnotes.
NAME_LANGUAGES = ("zh", "en")

ALIAS = re.compile(r"》?\s*[（(]\s*(?:以下简称|下称|简称|以下称|又称|通称|通常称为)?\s*《(?P<alias>[^《》（）()\n]{2,30})》\s*[）)]")

# The words that may open a short form in brackets after a name: （以下简称“西非网络”）.
SHORT_FORM_LEAD = re.compile(r"(?:以下简称|简称|下称)?\s*$")


def alias_pattern(words: str) -> str:
    """A short word (《公约》) only in its brackets, not inside 该公约 or another title; a longer
    one anywhere."""
    alias = re.escape(words)
    return alias if len(words) >= 4 else rf"(?<=《){alias}(?=》)"


def candidate_labels(name: str) -> tuple[str | None, str | None]:
    """A Chinese text names a candidate in Chinese."""
    return None, name
