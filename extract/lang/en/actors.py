"""English actors (part of the language layer; see unkg.extract.lang): officers' roles and how
they link to a name, attendance and speaker cues, attendance categories, who a sentence is about,
how a list of organisations and an organisation's name look, and the common nouns by which a
document names its own body. The Chinese module has the same public names."""
from __future__ import annotations

import re

from ...models import Hit
from ...text import initials
from ..scripts import *  # noqa: F403 - the script-level name shapes, shared by both grammars
from ..scripts import LETTER, NOT_FIRST_NAMES, ROLE_LATIN, TITLE_LATIN, UPPER

# -- persons ----------------------------------------------------------------------------------

ROLE = ROLE_LATIN
# A role after the name stays on the name's line: in an officers' list the next line's role
# ("Vice-Presidents:") belongs to the next person.
AFTER_ROLE = re.compile(r"[^\S\n]*,?[^\S\n]*(?:(?:was|were)\s+)?(?:(?:re-)?elected\s+|appointed\s+)?(?:as\s+)?"
                        r"(?:the\s+)?(?:" + ROLE_LATIN + ")")
# Words allowed between a role and the person it introduces ("chaired by", "guided by the following
# panellists:"); anything else (a verb: "The Chair thanked Mr. X") breaks the link.
_LINK = re.compile(r"(?i)^[\s,:;]*(?:(?:of|the|working|group|meeting|session|conference|was|were|by|as|"
                   r"elected|guided|moderated|led|and|following|its|their)[\s,:;]+)*$")
_CLAUSE_STOPS = ".;\n"
_TITLE_BEFORE = re.compile(rf"\b{TITLE_LATIN}$|\b[A-Z]$")
_TITLE_OR_AND = re.compile(rf"\b{TITLE_LATIN}|\band\b")


def role_linked(gap: str) -> bool:
    """Do the words ``gap`` between a role and a name (earlier persons of its list removed) link them?"""
    return bool(_LINK.match(_TITLE_OR_AND.sub(" ", gap)))


def clause_start(text: str, i: int) -> int:
    """Where the clause holding ``text[i]`` begins: after ".", ";" or a line break; "Mr." and "Dr."
    (and initials) end no clause."""
    j = max(text.rfind(c, 0, i) for c in _CLAUSE_STOPS)
    while j > 0 and _TITLE_BEFORE.search(text[max(0, j - 20):j]):
        j = max(text.rfind(c, 0, j) for c in _CLAUSE_STOPS)
    return j + 1


# -- mentions ---------------------------------------------------------------------------------

def candidate_labels(name: str) -> tuple[str | None, str | None]:
    """(label_en, label_zh) of an organisation the registry lacks: its name as printed, in English."""
    return name, None


# "the Conference", "the Working Group": the body whose document it is (see mentions.body_anaphors).
BODY_NOUNS = {"Conference": "COP", "Working Group": "WG", "Commission": "CCPCJ", "Assembly": "UNGA",
              "Council": "ECOSOC", "Bureau": "BUREAU"}
# Not a name: "the Working Group on Firearms", "the Conference's President".
BODY_NOUN = re.compile(initials("The", "the") + r"\b[Tt]he (?P<w>" + "|".join(BODY_NOUNS) + r")\b(?! (?:on|of|for)\b)(?!['’]s? [A-Z])")

# -- participations ---------------------------------------------------------------------------

SPEAK = re.compile(r"\b[Ss]tatements? (?:was|were) (?:also )?made\b|\bmade (?:an? )?(?:\w+ )?statements?\b"
                   r"|\bdelivered (?:an? )?(?:\w+ )?statements?\b|\btook the floor\b")
ATTEND = re.compile(r"\b(?:was|were) (?:also )?represented\b|\brepresented by (?:an )?observers?\b"
                    r"|\battended\b|\battending\b|\bwere present\b")
# Attendance categories, first match wins: the negative forms contain the positive ones.
# "States not party": reports list the signatories in a sentence of their own, so the States that
# are "not party" in another are the non-signatories.
STATUS = (("non-signatory-observer", re.compile(r"\bnot (?:a )?part(?:y|ies)\b|non-signator"
                                     r"|\bneither (?:a )?part(?:y|ies) (?:to )?nor (?:a )?signator")),
          ("signatory-observer", re.compile(r"\bsignator(?:y|ies)\b")),
          ("party", re.compile(r"\bregional economic integration organi[sz]ation")),
          ("observer", re.compile(r"\bobservers?\b|\bnot (?:a )?members? of\b|\bnon-members?\b")),
          ("member", re.compile(r"\b(?:States? )?members? of the (?:Commission|Council|Board|Committee)\b"
                     r"|\bmember States of the (?:Commission|Council)\b")),
          ("party", re.compile(r"\bStates? part(?:y|ies)\b|\bpart(?:y|ies) to\b")))
# A statement placed at another meeting than the document's ("at the previous meeting").
OTHER_MEETING = re.compile(r"\b(?:at|during|in) (?:the|its|their) (?:previous|last|preceding|earlier|prior|past)"
                           r" (?:meetings?|sessions?)\b|\b(?:at|during|in) (?:previous|earlier|past|prior)"
                           r" (?:meetings|sessions)\b")
_ITEM = r"\d+(?:\s*\([a-z]\))?"  # 2, 4 (a)
AGENDA = re.compile(rf"\bagenda items?\s+(?P<items>{_ITEM}(?:\s*(?:,|and|to|-|–)\s*{_ITEM})*)")
# An item of that list, or the word of a range: "items 2 to 4" -> 2, 3, 4.
AGENDA_ITEM = re.compile(r"(\d+)(?:\s*\(([a-z])\))?|(to|-|–)")
# A name after a preposition is no subject ("statements on cooperation with Mexico").
OBJECT = re.compile(r"\b(?:with|about|regarding|concerning|on|to|from|in|of)\s+(?:the\s+)?$")
BY = re.compile(r"\s*(?:also\s+)?by\s+(?:the\s+)?")  # "Statements were made by X and Y"
# "The representative of X said": English names the speaker after the head, so its list runs on.
HEAD_STEP = +1
_SPOKESMAN = re.compile(r"(?i)\b(?:(?:representatives?|observers?|delegations?) (?:of|for)|speakers? from)"
                        r" (?:the )?$")
_SAID = re.compile(r"\b(?:said|stated|noted|observed|emphasi[sz]ed|stressed|highlighted|underlined|expressed|"
                   r"informed|reported|explained|described|indicated|mentioned|welcomed|recalled|proposed|"
                   r"suggested|called|urged|shared|presented|added|pointed out|drew attention|referred)\b")


def is_head(text: str, start: int, hit: Hit) -> bool:
    """Is ``hit`` who its sentence (from ``start``) is about: "the representative(s) of X"?"""
    return bool(_SPOKESMAN.search(text[max(start, hit.start - 40):hit.start]))


def spoke(text: str, start: int, end: int) -> bool:
    """Does the sentence say someone spoke ("said", "noted", ...)?"""
    return bool(_SAID.search(text, start, end))


def is_spokesman(text: str, start: int, end: int, hit: Hit) -> bool:
    """Is ``hit`` the X of "the representative of X" in a sentence that says someone spoke?"""
    return is_head(text, start, hit)


# -- organisations missing from the registry --------------------------------------------------

# A list of organisations: its items are organisations, named or not in the registry.
ORG_LIST = re.compile(r"\b(?:organi[sz]ations?|entit(?:y|ies)|agenc(?:y|ies)|bodies|programmes|funds|institutes"
                      r"|institutions|units|offices)\b")
ITEM_SEP = re.compile(r"\s*[,;]\s*(?:and\s+)?")
AND = re.compile(r"\s+and\s+(?:the\s+)?")  # "X and Y", the last item of a list
ITEM_LEAD = re.compile(r"\s*(?:the\s+)?")  # what an item starts with that is not its name
_CAP = rf"[{UPPER}](?:[{LETTER}'’&-]|\.(?=[{LETTER}]))*"
# Words inside a name: "Global Initiative against Transnational Organized Crime", "Institute of
# Criminology and Justice"; "X and the Y" is two names.
_CONNECT = r"(?:(?:of|for|on|against|in|to|de|la|du|des)\s+(?:the\s+)?|and\s+(?!the\b))*"
_ORG_NAME = re.compile(rf"{_CAP}(?:[ \u00a0]+{_CONNECT}{_CAP})*")
_ACRONYM = re.compile(r"[A-Z]{3,}")
_OBSERVER_FOR = re.compile(r"\bobservers? for (?:the )?")
_NEXT_NAME = re.compile(r",?\s+and\s+(?:the\s+)?|,\s*(?:the\s+)?")
_BRACKET = re.compile(r"\s*\([^()]*\)")
# "The X, a non-governmental organization (in consultative status …), was represented": the subject
# of an attendance or speaker sentence that an apposition says is an organisation.
_APPOSITION = re.compile(r"[^\S\n]*(?:[Tt]he[^\S\n]+)?(?P<name>[^,\n]{3,120}?),[^\S\n]+an?[^\S\n]+"
                         r"(?:[\w-]+[^\S\n]+){0,3}?organi[sz]ation\b")


def org_name_shaped(name: str) -> bool:
    """Capitalised words (with "of", "for", "and" inside), two at least or one acronym, not
    starting like a sentence."""
    words = [w for w in name.split() if w[:1].isupper()]
    return bool(_ORG_NAME.fullmatch(name)) and (len(words) >= 2 or bool(_ACRONYM.fullmatch(name))) \
        and words[0] not in NOT_FIRST_NAMES


def apposition(text: str, start: int, end: int) -> re.Match | None:
    """The subject of the sentence at ``start`` when an apposition calls it an organisation."""
    return _APPOSITION.match(text, start, end)


def observer_names(text: str, start: int, end: int, hits: list[Hit]) -> list[tuple[int, int]]:
    """Spans of the unregistered names in "the observer(s) for X (, the Y and the Z)", walking past
    the registry names (``hits``) of the list."""
    out = []
    by_start = {h.start: h for h in hits}
    for m in _OBSERVER_FOR.finditer(text, start, end):
        pos = m.end()
        while pos < end:
            if pos in by_start:
                pos = by_start[pos].end
                if (bracket := _BRACKET.match(text, pos)):
                    pos = bracket.end()
            elif (name := _ORG_NAME.match(text, pos)) and name.end() <= end and org_name_shaped(name[0]):
                out.append((pos, name.end()))
                pos = name.end()
            else:
                break
            nxt = _NEXT_NAME.match(text, pos)
            if not nxt:
                break
            pos = nxt.end()
    return out
