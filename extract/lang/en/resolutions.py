"""English: resolution and decision references (part of the language layer; see unkg.extract.lang).

What ``unkg.extract.resolutions`` reads in English: "General Assembly resolution 70/1",
"resolutions 46/152 of 18 December 1991, 60/1 of 16 September 2005 and 75/196", "decision 4/4",
"resolution 5/3 of the Conference", the opening line "The General Assembly,", "all previous
resolutions of the Human Rights Council …, including", "The following resolutions adopted by the
Commission …:".
"""
from __future__ import annotations

import re

from ...text import initials


def _alternation(names) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


# One number as printed: 5/3, 64/293, 2003/20, S-30/1, 557/Rev.1, 2240 (2015), 71/243 A, or a bare 1325
# (the Chinese grammar reads the same numbers).
NUM = r"""\d+(?:\s?[A-Z])?\s?[(（][IVXL]+[)）]              # 217 A (III), 3314 (XXIX): the Assembly before 1976
           |(?:S|ES)-\d+[/／]\d+
           |\d+\s*[/／]\s*(?:Rev\.\d+|\d+)(?:[/／]Rev\.\d+)?
           |\d+\s*[(（]\d{4}[)）]
           |\d+(?:[/／]Rev\.\d+)?"""

# Issuing bodies as printed -> the body code used in keys; "Council" is decided by the number's shape.
ISSUERS = {
    "General Assembly": "GA", "Assembly": "GA", "Security Council": "SC",
    "Economic and Social Council": "ECOSOC", "ECOSOC": "ECOSOC", "Human Rights Council": "HRC",
    "Commission on Crime Prevention and Criminal Justice": "CCPCJ", "Commission on Narcotic Drugs": "CND",
    "Conference of the Parties": "COP", "COP": "COP", "Conference of the States Parties": "COSP",
    "OSCE Permanent Council": "OSCE Permanent Council", "Permanent Council": "OSCE Permanent Council",
    "Statistical Commission": "Statistical Commission", "Commission on the Status of Women": "CSW",
    "Commission for Social Development": "CSocD", "Commission on Population and Development": "CPD",
    "United Nations Environment Assembly": "UNEA", "Environment Assembly": "UNEA",
    "World Health Assembly": "WHA", "Peacebuilding Commission": "PBC",
    "Commission": "CCPCJ", "Conference": "COP", "Council": "Council",  # "Council": decided by shape
    "UNGA": "GA", "CCPCJ": "CCPCJ", "CND": "CND", "HRC": "HRC", "UNSC": "SC",
    "its": "its", "Its": "its",
    # two bodies named for one list: each number's shape tells whose it is
    "General Assembly and Security Council": "shape", "Security Council and General Assembly": "shape",
}
# Bodies that open a resolution: "The General Assembly," then the first clause's word.
OPENER_BODIES = {
    "General Assembly": "GA", "Economic and Social Council": "ECOSOC", "Security Council": "SC",
    "Human Rights Council": "HRC", "Commission on Crime Prevention and Criminal Justice": "CCPCJ",
    "Commission on Narcotic Drugs": "CND", "Conference of the Parties": "COP",
    "Conference of the States Parties": "COSP", "Commission": "CCPCJ", "Conference": "COP",
}
CLAUSE = r"(?:[A-Z][a-z]+(?:ing|ed|s)|Mindful|Aware|Deeply|Gravely|Also|Further|Bearing|Taking|Having)\b"
# Capitalised body ("The Conference of the Parties to the …,"), a comma, then the end of the line or a
# clause's first word (Recalling, Deeply concerned, Decides).
OPENER = re.compile(rf"""{initials("The", '"', "“", *OPENER_BODIES)}(?:^|(?<=[\s"“]))(?:The\s+|^["“]?)(?P<body>{_alternation(OPENER_BODIES)})
                         (?:\s+to\s+the\s+[^,\n]{{5,120}}?)?\s*,(?=[ \t]*$|\s+{CLAUSE})""",
                    re.VERBOSE | re.MULTILINE)

# Parts of a resolution: 71/243 A and B, a single 70/1 A before punctuation.
LETTERS = r"(?:\s+[A-D](?:,\s*[A-D])*\s+and\s+[A-D](?![\w/])|\s+[A-D](?=[,;.)]|\s*$))"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# Dates printed between the items of a list: "60/1 of 16 September 2005".
# A footnote callout the text layer glued to the year is part of the date ("16 December 202027").
DATE = rf"\s+of\s+\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}(?:\d{{1,3}}(?![\d/]))?"
DATES = re.compile(DATE)
# An annex named after an item: "55/25, annexes I-III, and 55/255".
_ANNEX = r"(?:,?\s+annex(?:es)?(?:\s+[IVX]+(?:\s*(?:[-–,]|and|to)\s*[IVX]+)*)?)"

# Between two items of a list: a comma, "and", ", and"; or, between two Security Council numbers,
# nothing but a space (a comma the UN left out: "1267 (1999) 1989 (2011) and 2253 (2015)").
_SEP = r"(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|(?<=\(\d{4}\))\s+(?=\d+\s?\(\d{4}\)))"
# A title after an item: "78/229 of 19 December 2023, entitled “Strengthening …”, and 77/232".
_TITLE = r"(?:,?\s+entitled\s+[“\"][^”\"\n]{1,300}[”\"])"
_ITEMS = rf"""(?:{NUM}){LETTERS}?(?:{DATE})?{_TITLE}?{_ANNEX}?
      (?:{_SEP}(?:{NUM}){LETTERS}?(?:{DATE})?{_TITLE}?{_ANNEX}?)*"""

REFERENCE = re.compile(rf"""
    (?P<kind>\b[Rr]esolutions?|\b[Dd]ecisions?)        # resolution(s) or decision(s)
    \s+(?:No\.\s*)?
    (?P<items>{_ITEMS})                                # the numbers, one or a list, each with its date
    """, re.VERBOSE)
# Numbers a clause singles out of the resolutions it names, with no "resolution" before them: "its
# previous resolutions concerning Sudan, in particular 1591 (2005), 1651 (2005) …", "resolutions on
# Countering Terrorism including 2178 (2014)". Only numbers whose shape names their body (2178 (2014),
# 70/262) are read: the issuer is the one named before "resolutions", or the number's shape.
LISTED = re.compile(rf"""
    (?P<kind>\b[Rr]esolutions|\b[Dd]ecisions)\b[^;.\n]{{0,200}}?,?\s+
    (?:including|in\s+particular|particularly|notably|especially)\s+
    (?P<items>(?=\d+\s?\(\d{{4}}\)|\d{{2}}/\d)(?:{_ITEMS}))
    """, re.VERBOSE)
ITEM = re.compile(rf"(?P<num>{NUM})(?P<letters>{LETTERS})?", re.VERBOSE)

# "… to the United Nations Convention against Corruption": which treaty's Conference of the Parties.
_TAIL = r"(?P<tail>[^\S\n]+to[^\S\n]+the(?:[^\S\n]+(?:[A-Z][\w-]*|against|of|on|and|the|in)){1,12}?)"
ISSUER_BEFORE = re.compile(rf"""
    (?:\b|^)(?P<issuer>{_alternation(ISSUERS)})(?:'s)?  # the body, or "its"
    {_TAIL}?  # to the … Convention
    (?:[^\S\n]*,?[^\S\n]+(?:in|by|through|under|with)[^\S\n]+its|[^\S\n]+of)?  # "…, in its resolution"; "adoption by X of resolution"
    [^\S\n]+\Z
    """, re.VERBOSE)
ISSUER_AFTER = re.compile(rf"""
    ^(?:\s+(?:of|adopted\s+by|by)\s+the|\s*,\s*the)\s+  # resolution 5/3 of the Conference
    (?P<issuer>{_alternation(ISSUERS)})
    (?P<tail>[^\S\n]+to[^\S\n]+the(?:[^\S\n]+(?:[A-Z][\w-]*|against|of|on|and|the|in)){{1,12}})?  # … to the … Convention
    """, re.VERBOSE)
# The treaty of a Conference of the Parties, from its name's tail: the Organized Crime Convention's is
# the COP, the Convention against Corruption's the COSP; another treaty's (Biological Diversity,
# Climate Change) is none unkg keys, and its decisions are left out rather than given to the COP.
COP_TREATY = {"Corruption": "COSP", "Organized Crime": "COP", "Protocol": "COP"}
# The body named earlier in the clause, when the references single out some of its resolutions: "all
# previous resolutions of the Human Rights Council on …, including resolutions 44/4 …", "its previous
# resolutions …, in particular".
SINGLED_OUT = re.compile(rf"""
    (?:\b(?:resolutions|decisions)\s+(?:of|by|adopted\s+by)\s+the\s+(?P<issuer>{_alternation(ISSUERS)})
      |(?P<issuer2>{_alternation(ISSUERS)})(?:'s)?\s+(?:(?:previous|earlier|prior|relevant|other|all)\s+)*
       (?:resolutions|decisions))\b
    [^;.\n]{{0,200}}?,?\s+(?:including|in\s+particular|particularly|notably)\s+\Z
    """, re.VERBOSE)
# Where a SINGLED_OUT clause may begin: a body's name, or "resolutions of the …".
CLAUSE_NAMES = re.compile(rf"\b(?:resolutions|decisions)\b|{_alternation(ISSUERS)}")
# A list of resolutions under the sentence that says who adopted them ("The following resolutions
# adopted by the Commission are brought to the attention of the Council:"), each number on its own line.
ADOPTED_LIST = re.compile(rf"(?:following\s+(?:resolutions|decisions),?\s+adopted\s+by\s+the\s+"
                          rf"(?P<issuer>{_alternation(ISSUERS)})|(?P<issuer2>{_alternation(ISSUERS)})"
                          r"\s+adopted\s+the\s+following\s+(?:resolutions|decisions))\b[^\n]{0,80}:\s*$")

# "its": a body named in the sentence ("The work of the Commission …, in its resolution 26/4"), unless it
# issues a resolution cited there ("General Assembly resolution 65/230").
SUBJECT = re.compile(rf"(?<![\w-])(?:{_alternation(n for n, c in ISSUERS.items() if c not in ('its', 'Council'))})(?![\w-])")
ISSUER_OF = re.compile(r"(?:'s)?\s+(?:resolutions?|decisions?)\b")


def is_decision(word: str) -> bool:
    """"decision(s)" rather than "resolution(s)"."""
    return word.lower().startswith("decision")


# Between two references of one list: the second shares the issuer named for the first.
LIST_CONNECTOR = re.compile(r"^\s*(?:,|，|and|,\s*and)\s*$")


def glued(left: str, right: str) -> bool:
    """Is the space the layout put between ``left`` and ``right`` at a line join no printed space?
    In English a line breaks at a space (a hyphen or a slash the layout joins without one)."""
    return False
