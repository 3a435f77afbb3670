"""Name shapes by script, shared by both grammars (re-exported by ``lang/zh/actors.py`` and
``lang/en/actors.py`` under the same names).

A UN document in either language prints names in both scripts: a Chinese report may give a
speaker as "X Y先生" or quote "Vice-Presidents:" from an officers' list, an English one a
Chinese name. What a personal name or a title looks like depends on its script, not on the
document's language, so these patterns apply to every document.
"""
from __future__ import annotations

import re

UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
CJK = "\u3400-\u4dbf\u4e00-\u9fff"
TOKEN = rf"(?:[{UPPER}][{LETTER}'’]*(?:-[{UPPER}]?[{LETTER}'’]+)*|[A-Z]\.)"  # Testa, Martínez, Al-Hassan, A.
PARTICLE = r"(?:de|da|del|della|di|do|dos|das|du|van|von|der|den|ter|la|le|bin|ibn|al|el|y|zu)"
NAME = rf"{TOKEN}(?:[ \u00a0]+(?:{PARTICLE}[ \u00a0]+)*{TOKEN}){{0,4}}"
CJK_NAME = r"[\u4e00-\u9fff]{2,4}"
CJK_NAME_START = r"(?:(?<=[：:、，,。；\s（(])|^|(?<=主席))"  # after punctuation, a space or 主席 ("主席X先生")
# Titles only: words that are also ordinary capitalised words (General Assembly, Criminal Justice,
# Major Crimes) are left out.
TITLES_LATIN = ("Mr", "Ms", "Mrs", "Mx", "Dr", "Prof", "Professor", "Lieutenant Colonel", "Colonel", "Col", "Judge",
                "Ambassador", "Sir", "Dame", r"H\.E", "Commissioner")  # patterns, each opening with a letter
TITLE_LATIN = "(?:" + "|".join(TITLES_LATIN) + r")\.?"
TITLE_CJK = r"(?:先生|女士|夫人|博士|教授|大校|上校|中校|少校|准将|少将|中将|将军|大使|法官|阁下)"
# Officers' roles; the group names are the roles (``ROLE_NAMES``). Each pattern begins with a
# lookahead on the letters its roles begin with (tests/test_actors.py derives them): the same
# matches, but a scan of a whole text tries the roles only there, ~7x faster (a branch of named
# groups gives the regex engine no first character to skip to).
ROLE_CJK = (r"(?=[副主报专讨小])(?:(?P<vice>副主席)|(?P<chair>主席(?!团))|(?P<rapporteur>报告员)"
            r"|(?P<panelist>(?:专题)?(?:讨论)?小组(?:讨论)?成员|主讲人))")
ROLE_LATIN = (r"(?=[VvCcPRrp])(?:(?P<vice>[Vv]ice-(?:[Cc]hair(?:person|man|woman)?|President)s?\b)"
              r"|(?P<chair>\b[Cc]hair(?:person|man|woman|ed by)?s?\b|\bPresidents?\b)"
              r"|(?P<rapporteur>\b[Rr]apporteurs?\b)|(?P<panelist>\bpanel(?:l)?ists?\b|\bpanel members?\b))")
ROLE_NAMES = {"vice": "vice-chair", "chair": "chair", "chaired": "chair", "rapporteur": "rapporteur",
              "panelist": "panelist"}
# The label of a line in an officers' list: "Vice-Presidents:", "First Vice-Chair:", "主席：".
ROLE_LABEL = re.compile(r"[^\S\n]*(?:(?:First|Second|Third|Fourth)[^\S\n]+)?(?:"
                        + re.sub(r"\?P<\w+>", "?:", ROLE_LATIN + "|" + ROLE_CJK) + r")[^\S\n]*[:：]")
# A line of an officers' list: one "Name (State)", with its titles.
OFFICER_LINE = re.compile(rf"[ \t\u00a0]*(?:{TITLE_LATIN}[ \u00a0]+)*{NAME}[ \u00a0]*(?:{TITLE_CJK})?[ \u00a0]*"
                          r"[（(].+[）)][ \t.;,]*")
# Capitalised words that start sentences, not names.
NOT_FIRST_NAMES = {"The", "A", "An", "In", "On", "At", "For", "By", "Of", "And", "Under", "With", "This", "That",
                   "These", "Those", "Its", "Their", "Statements", "Representatives", "States", "Member"}
# What joins the items of a list of persons or of names, in either script.
PERSON_SEP = re.compile(r"[^\S\n]*(?:[,;，、；][^\S\n]*)?(?:and[^\S\n]+|和|及)?")
LIST_GLUE = re.compile(r"^(?:\s*(?:,|、|和|及|and|, and)\s*)$")
LIST_GLUE_THE = re.compile(r"^\s*the\s+|\s+the\s*$")  # "X, the Y and the Z": the articles are glue too
ADDRESS_GLUE = re.compile(r"\s*(?:of(?: the)?|的)?\s*")  # "X of the Y", "Y的X", "YX"
# Words between registry names inside a longer name ("... Agency of the European Union", "欧洲联盟的...").
GLUE_WORDS = {"the", "of", "and", "for", "in", "on", "at"}
GLUE_CJK = re.compile(r"[的和及]")
TITLE_OPEN, TITLE_CLOSE = "《", "》"  # the brackets of a title in Chinese text

__all__ = ["UPPER", "LETTER", "CJK", "TOKEN", "PARTICLE", "NAME", "CJK_NAME", "CJK_NAME_START", "TITLES_LATIN", "TITLE_LATIN", "TITLE_CJK",
           "ROLE_CJK", "ROLE_LATIN", "ROLE_NAMES", "ROLE_LABEL", "OFFICER_LINE", "NOT_FIRST_NAMES", "PERSON_SEP",
           "LIST_GLUE", "LIST_GLUE_THE", "ADDRESS_GLUE", "GLUE_WORDS", "GLUE_CJK",
           "TITLE_OPEN", "TITLE_CLOSE"]
