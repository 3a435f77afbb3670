"""English: metadata (part of the language layer; see unkg.extract.lang).

Title-page words as the UN prints them in English: the kinds of document, a resolution's
printed title and adoption line, ordinals ("Seventy-sixth session", "8700th meeting").
Title pages mix languages (a Chinese one prints "Distr.: General" and an English date), so
``metadata`` reads KINDS of both languages together; the other names read the document's own.
"""
from __future__ import annotations

import re

from ... import dates  # the calendars of both languages (dates reads no grammar)

# (kind, pattern): the first kind whose zh or en pattern matches the title page wins, so
# specific ones first; the zh module lists the same kinds in the same order.
KINDS = (
    ("draft report", r"Draft report"),
    ("draft resolution", r"draft resolution"),
    ("draft decision", r"draft decision"),
    ("agenda", r"^(?:Annotated provisional agenda|Provisional agenda)\s*$"),
    ("conference room paper", r"Conference room paper"),
    ("background paper", r"Background paper"),
    ("note", r"Note by the Secretariat"),
    ("presidential statement", r"^Statement by the President of the Security Council\s*$"),
    # "Resolution adopted by …" (GA, ECOSOC), "Resolution 2504 (2020)" (SC)
    ("resolution", r"Resolution adopted|^Resolution \d{1,4}\s*\(\d{4}\)\s*$"),
    ("decision", r"^Decision adopted\b"),
    # a declaration's own title line ("Political Declaration of the High-level Meeting"), not a
    # wrapped line that begins with a cited one ("Declaration on Sustainable Development 4 and …")
    ("declaration", r"^(?:[A-Z][a-z]+ )?Declaration(?: (?:of|on|for) (?:the )?[A-Z][\w’'-]*(?: [A-Za-z][\w’'-]*){0,8})?\s*$"),
    ("report", r"\bReport (?:of|on)\b"),
)

# A Security Council resolution's printed title, as the markup keeps it: "Resolution 2504 (2020)".
RESOLUTION_TITLE = re.compile(r"^Resolution \d{1,4}\s*\(\d{4}\)$", re.M)

# "Adopted by the Security Council at its 8700th meeting, on 10 January 2020"; the meeting may be
# left out ("Adopted by the Security Council on 12 March 2021").
ADOPTION = re.compile(r"^Adopted by the (?P<body>[A-Z][\w ]+?)(?: at its (?P<meeting>\d{1,5})(?:st|nd|rd|th) meeting)?,?"
                      r" on (?P<date>\d{1,2} [A-Z][a-z]+ \d{4})\s*$", re.M)

# "69th plenary meeting", closing a GA resolution (before its date line).
PLENARY = re.compile(r"^(?P<n>\d{1,3})(?:st|nd|rd|th) plenary meeting\b", re.M)

# How each kind of body calls itself in "the Nth meeting of ..." phrases; a working group by default.
SELF_NAMES = {"COP": "Conference", "COSP": "Conference", "CCPCJ": "Commission", "CND": "Commission",
              "UNGA": "General Assembly", "IRG": "Implementation Review Group"}
SELF_NAME = "Working Group"

ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
            "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
            "seventeenth", "eighteenth", "nineteenth", "twentieth")
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90, "hundredth": 100}


def ordinal(word: str) -> int | None:
    """first -> 1, Thirtieth -> 30, Seventy-sixth -> 76, 21st -> 21."""
    w = word.lower()
    if m := re.fullmatch(r"(\d+)(?:st|nd|rd|th)", w):
        return int(m[1])
    if w in ORDINALS:
        return ORDINALS.index(w) + 1
    for tens, n in _TENS.items():
        stem = tens[:-1] + "ieth" if tens.endswith("y") else tens
        if w == stem:
            return n
        if w.startswith(tens + "-") and w[len(tens) + 1:] in ORDINALS[:9]:
            return n + ORDINALS.index(w[len(tens) + 1:]) + 1
    return None


def adoption_date(printed: str) -> str | None:
    """"10 January 2020" -> "2020-01-10"."""
    from ...dates import en_range
    return en_range(printed)[0]


def date_range(text: str):
    """A date range as this language prints it, else as the other one does (title pages mix both):
    (start, end, match) in ISO 8601, or (None, None, None)."""
    found = dates.en_range(text)
    return found if found[0] else dates.zh_range(text)
