"""English: instrument titles (part of the language layer; see unkg.extract.lang).

- ``ALIAS``: a short title given in brackets right after an instrument's name, then used for it:
  '(the "Palermo Protocol")', '(hereinafter "the Protocol")';
- ``alias_pattern(words)``: where later text uses that short title;
- ``candidate_labels(name)``: (label_en, label_zh) of an initiative the registry does not know;
- ``TITLE``, ``INSTRUMENT_TITLE``, ``document_title(before, after)``, ``title_words(raw)``,
  ``candidate_key(words)``: a quoted title, whether its words are an instrument's, whether its
  context makes it a document's title instead, its words on one line, and the key of the
  candidate instrument it names when no registry holds it.
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


# -- candidate instruments: a title in quotation marks that no registry holds ------------------
# (read by unkg.extract.instruments). English prints an instrument's name in title case, and
# quotes it where a resolution "welcomes the “Bali Strategy”"; the quotes also hold resolution
# titles, agenda items, themes and catchwords ("leaving no one behind"), which the head noun and
# the lead tell apart.

# A title in straight or curly double quotes, on at most a few wrapped lines.
TITLE = re.compile(r"[“\"](?P<title>(?:(?!\n\s*\n)[^“”\"]){4,250})[”\"]")

# The head nouns of instruments; "Plan of Action" and "Code of Conduct" are heads, not a head and
# its complement.
_HEAD = (r"(?:Conventions?|Protocols?|Declarations?|Rules|(?:Guiding\s+)?Principles|Strateg(?:y|ies)|Plans?\s+of\s+Action"
         r"|Action\s+Plans?|Plans?|Guidelines|Agenda|Framework|Programmes?(?:\s+of\s+Action)?|Platform\s+for\s+Action"
         r"|Agreements?|Accords?|Charter|Compact|Pact|Treat(?:y|ies)|Statute|Covenant|Standards|Norms"
         r"|Code(?:\s+of\s+(?:Conduct|Practice|Ethics))?)")
# The complement of a head noun: "Convention on the Rights of the Child", "Framework to Counter …".
_OF = r",?\s+(?:on|of|for|against|to|between|concerning|relating\s+to|in|among|with|and|under|regarding|by|at)\b"
# A word of a title-case name: capitalised or a number ("2030"), or a short function word inside it.
_WORD = r"(?:[A-Z0-9][\w’'.&+/–-]*|of|the|and|for|on|against|in|to)"
# The words of an instrument's title: an optional lead before a colon ("Transforming our world: the
# 2030 Agenda…"), title-case words ending in a head noun (at least one besides "the": "the
# Agreement" alone is a short title, an anaphor), then its complement ("on the Rights of …"); or a
# head noun with its complement ("Agreement on the Resolution of …").
INSTRUMENT_TITLE = re.compile(
    rf"(?:[^:]{{1,80}}:\s+)?(?:[Tt]he\s+)?(?:[A-Z0-9][\w’'.&+/–-]*,?\s+(?:{_WORD},?\s+){{0,10}}?{_HEAD}(?:{_OF}.*)?"
    rf"|{_HEAD}{_OF}.*)", re.S)

# Before the quotes, what makes them a document's title rather than an instrument's: a resolution,
# decision, report, agenda item, theme… "entitled" (the title of resolution 74/173 is the
# resolution's, even when it names a programme). The name of the document may stand a list of
# numbers and dates before "entitled" in its paragraph: "resolutions 70/200 of 22 December 2015 and
# 75/223 …, entitled".
# An outcome document "entitled" is an instrument ("the outcome document entitled “New Urban
# Agenda”"), and so is a conference's or summit's outcome: "the Fifth United Nations Conference
# on the Least Developed Countries, entitled “Doha Programme of Action …”".
_DOCUMENT_LEAD = re.compile(
    r"\b(?:resolutions?|decisions?|(?:sub-)?items?|reports?|notes?|themes?|stud(?:y|ies)|publications?|dialogues?"
    r"|events?|sessions?|segments?|panels?|meetings?|debates?|titles?|headings?|chapters?"
    r"|papers?|brochures?|campaigns?|years?|days?|decades?)\b(?:(?!\n\s*\n)[^;]){0,160}?"
    r"\b(?:entitled|titled|headed|on\s+the\s+theme|under\s+the\s+theme)\s*,?\s*(?:the\s+)?$", re.I)
# After the quotes, a document symbol in brackets: '“…Strategy” (A/79/123)' is a report's title.
_SYMBOL_AFTER = re.compile(r"\s*,?\s*[(（]\s*[A-Z]{1,10}/[\w./-]+")


def document_title(before: str, after: str) -> bool:
    """Are the quotes between ``before`` and ``after`` a document's title (a resolution's, a
    report's, an agenda item's), not an instrument's?"""
    return bool(_DOCUMENT_LEAD.search(before[-240:]) or _SYMBOL_AFTER.match(after))


def title_words(raw: str) -> str:
    """The words of a title as one line: a title wrapped over lines is one title."""
    return " ".join(raw.split()).strip(" ,.;:")


def candidate_key(words: str) -> str:
    """The key of a candidate instrument: its words, lower case, without a leading article, in
    hyphens (“the Bali Strategy” and “Bali Strategy” are one candidate)."""
    words = re.sub(r"^the\s+", "", title_words(words).lower())
    return re.sub(r"[^\w]+", "-", words).strip("-")
