"""Resolutions and decisions a text refers to, each with its issuing body.

A recipe:

1. find references by grammar: Chinese ``大会第58/4号决议``, ``第69/149、70/179和71/167号决议``,
   ``欧安组织常设理事会第 557/Rev.1 号决定``; English ``General Assembly resolution 70/1``,
   ``resolutions 69/149, 70/179 and 71/167``, ``decision 4/4``, ``Security Council resolution
   2240 (2015)``; and resolution symbols (``A/RES/64/293``, ``S/RES/2240 (2015)``,
   ``E/RES/2003/20``, ``A/HRC/RES/44/4``);
2. give every item of a list its own reference, sharing the list's issuer;
3. name the issuer: the body named right before (``经社理事会第...``, ``Conference resolution``)
   or right after (``第7/1号决议中，缔约方会议``, ``resolution 5/3 of the Conference``); else the
   number's shape (``2240 (2015)`` the Security Council, ``2003/20`` ECOSOC, a session of 31
   or more the General Assembly); else, for the small session numbers of subsidiary bodies,
   the body the document belongs to (a text that speaks of the Conference of the Parties:
   COP). A reference whose issuer cannot be told is left out rather than guessed.

Keys (``ResolutionRef.key``) read "COP resolution 5/3", "GA resolution 64/293",
"SC resolution 2240 (2015)", "OSCE Permanent Council decision 557/Rev.1".
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .models import ResolutionRef

# Issuing bodies as printed -> the body code used in keys. Longest names first when matching.
ISSUERS_ZH = {
    "联合国大会": "GA", "大会": "GA", "安全理事会": "SC", "安理会": "SC",
    "经济及社会理事会": "ECOSOC", "经社理事会": "ECOSOC", "人权理事会": "HRC",
    "预防犯罪和刑事司法委员会": "CCPCJ", "麻醉药品委员会": "CND", "缔约方会议": "COP",
    "反腐败公约缔约国会议": "COSP", "缔约国会议": "COSP",
    "欧安组织常设理事会": "OSCE Permanent Council", "常设理事会": "OSCE Permanent Council",
}
ISSUERS_EN = {
    "General Assembly": "GA", "Assembly": "GA", "Security Council": "SC",
    "Economic and Social Council": "ECOSOC", "ECOSOC": "ECOSOC", "Human Rights Council": "HRC",
    "Commission on Crime Prevention and Criminal Justice": "CCPCJ", "Commission on Narcotic Drugs": "CND",
    "Conference of the Parties": "COP", "COP": "COP", "Conference of the States Parties": "COSP",
    "OSCE Permanent Council": "OSCE Permanent Council", "Permanent Council": "OSCE Permanent Council",
    "Commission": "CCPCJ", "Conference": "COP", "Council": "Council",  # "Council": decided by shape
}
# Bodies whose resolutions carry small session numbers (5/3): the document's own body decides.
HOME_BODIES = {
    "COP": re.compile(r"缔约方会议|Conference of the Parties"),
    "COSP": re.compile(r"缔约国会议|Conference of the States Parties"),
    "CCPCJ": re.compile(r"预防犯罪和刑事司法委员会|Commission on Crime Prevention and Criminal Justice"),
    "HRC": re.compile(r"人权理事会|Human Rights Council"),
}


def _alternation(names) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


# One number as printed: 5/3, 64/293, 2003/20, 557/Rev.1, 2240 (2015), 71/243 A, or a bare 1325.
_NUM = r"""\d+\s*/\s*(?:Rev\.\d+|\d+)(?:/Rev\.\d+)?
           |\d+\s*[(（]\d{4}[)）]
           |\d+(?:/Rev\.\d+)?"""
# Parts of a resolution: 71/243 A and B (zh: 71/243 A 和 B 号), a single 70/1 A before punctuation.
_LETTERS_ZH = r"(?:\s*[A-D](?:\s*(?:和|、|至)\s*[A-D])*(?=\s*号))"
_LETTERS_EN = r"(?:\s+[A-D](?:,\s*[A-D])*\s+and\s+[A-D](?![\w/])|\s+[A-D](?=[,;.)]|\s*$))"

RES_ZH = re.compile(rf"""
    第\s*(?P<items>                                    # the numbers, one or a list
      (?:{_NUM}){_LETTERS_ZH}?(?:\s*号)?
      (?:\s*(?:、|，|,|和|及|以及|与)\s*(?:第\s*)?(?:{_NUM}){_LETTERS_ZH}?(?:\s*号)?)*
    )
    \s*(?P<kind>决议|决定)                              # resolution or decision
    """, re.VERBOSE)

RES_EN = re.compile(rf"""
    (?P<kind>\b[Rr]esolutions?|\b[Dd]ecisions?)        # resolution(s) or decision(s)
    \s+(?:No\.\s*)?
    (?P<items>                                         # the numbers, one or a list
      (?:{_NUM}){_LETTERS_EN}?
      (?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)(?:{_NUM}){_LETTERS_EN}?)*
    )
    """, re.VERBOSE)

ITEM = re.compile(rf"(?P<num>{_NUM})(?P<letters>{_LETTERS_ZH}|{_LETTERS_EN})?", re.VERBOSE)

ISSUER_BEFORE_ZH = re.compile(rf"""
    (?P<issuer>{_alternation(ISSUERS_ZH)})             # the body
    \s*(?:在其?|于)?\s*                                 # 缔约方会议在第8/2号决议中
    (?:第[\d一二三四五六七八九十]+届(?:特别)?会议)?     # 缔约方会议第五届会议通过的
    \s*(?:通过的|的)?\s*$
    """, re.VERBOSE)
ISSUER_AFTER_ZH = re.compile(rf"^\s*中\s*[，,]\s*(?P<issuer>{_alternation(ISSUERS_ZH)})")
ISSUER_BEFORE_EN = re.compile(rf"(?:\b|^)(?P<issuer>{_alternation(ISSUERS_EN)})(?:'s)?\s+$")
ISSUER_AFTER_EN = re.compile(rf"""
    ^(?:\s+(?:of|adopted\s+by|by)\s+the|\s*,\s*the)\s+  # resolution 5/3 of the Conference
    (?P<issuer>{_alternation(ISSUERS_EN)})
    """, re.VERBOSE)

# Resolution symbols: A/RES/64/293, S/RES/2240 (2015), E/RES/2003/20, A/HRC/RES/44/4.
RES_SYMBOL = re.compile(r"""
    (?<![\w/])(?P<series>A/HRC|A|S|E)/RES/
    (?P<num>\d+(?:/\d+)?(?:\s?\(\d{4}\))?)               # 64/293, 2240 (2015), 2003/20
    """, re.VERBOSE)
SYMBOL_BODY = {"A": "GA", "S": "SC", "E": "ECOSOC", "A/HRC": "HRC"}


def find_resolutions(text: str, lang: str) -> list[ResolutionRef]:
    """Every resolution and decision ``text`` refers to, one entry per item of a list, in order.

    >>> [r.key for r in find_resolutions("大会第69/149、70/179和71/167号决议", "zh")]
    ['GA resolution 69/149', 'GA resolution 70/179', 'GA resolution 71/167']
    """
    home = home_body(text)
    grammar = RES_ZH if lang == "zh" else RES_EN
    refs = [r for m in grammar.finditer(text) for r in _from_match(m, text, lang, home)]
    refs += [_from_symbol(m) for m in RES_SYMBOL.finditer(text)]
    return sorted(refs, key=lambda r: r.start)


def home_body(text: str) -> str | None:
    """The body a text speaks of most among those numbering resolutions by session (COP, CCPCJ...)."""
    counts = Counter({body: len(p.findall(text)) for body, p in HOME_BODIES.items()})
    body, n = counts.most_common(1)[0]
    return body if n else None


def _from_match(m: re.Match, text: str, lang: str, home: str | None) -> list[ResolutionRef]:
    """One ResolutionRef per number of the list ``m`` matched, each with the list's issuer."""
    kind = "decision" if m.group("kind") in ("决定",) or m.group("kind").lower().startswith("decision") else "resolution"
    issuer = _issuer(text, m, lang)
    refs = []
    for number in _numbers(m.group("items")):
        body = _body(issuer, number, home)
        if body is not None:
            refs.append(ResolutionRef(m.start(), m.end(), m.group(), body, kind, number))
    return refs


def _numbers(items: str) -> list[str]:
    """The numbers of a list, normalised: "71/243 A and B" gives "71/243 A" and "71/243 B"."""
    out = []
    for m in ITEM.finditer(unicodedata.normalize("NFKC", items)):
        num = re.sub(r"\s*/\s*", "/", m.group("num").strip())
        num = re.sub(r"\s*\((\d{4})\)", r" (\1)", num)
        letters = re.findall(r"[A-D]", m.group("letters") or "")
        out += [f"{num} {x}" for x in letters] if letters else [num]
    return out


def _issuer(text: str, m: re.Match, lang: str) -> str | None:
    """The body named right before or right after the reference, as a key code."""
    before, after = text[max(0, m.start() - 40):m.start()], text[m.end():m.end() + 40]
    table = ISSUERS_ZH if lang == "zh" else ISSUERS_EN
    patterns = (ISSUER_BEFORE_ZH, ISSUER_AFTER_ZH) if lang == "zh" else (ISSUER_BEFORE_EN, ISSUER_AFTER_EN)
    for pattern, window in zip(patterns, (before, after)):
        found = pattern.search(window)
        if found:
            return table[found.group("issuer")]
    return None


def _body(issuer: str | None, number: str, home: str | None) -> str | None:
    """The issuing body: the one named, else the number's shape, else the document's own body."""
    shape = _shape(number)
    if re.fullmatch(r"\d+", number) and issuer not in ("SC", "OSCE Permanent Council"):
        return None  # a bare 5 is a resolution number only for these bodies
    if issuer == "Council":  # "Council resolution ...": the Security Council or ECOSOC by shape
        return shape if shape in ("SC", "ECOSOC") else None
    if issuer is not None:
        return issuer
    if shape is not None:
        return shape
    return home if re.fullmatch(r"\d{1,2}/\d+.*", number) else None


def _shape(number: str) -> str | None:
    """The body a number's shape alone identifies: SC, ECOSOC or GA; None for small sessions."""
    if re.fullmatch(r"\d+ \(\d{4}\)", number):
        return "SC"
    if re.fullmatch(r"(?:19|20)\d\d/\d+.*", number):
        return "ECOSOC"
    session = re.match(r"(\d+)/\d", number)
    if session and 31 <= int(session.group(1)) < 1000:
        return "GA"
    return None


def _from_symbol(m: re.Match) -> ResolutionRef:
    """A resolution cited by its symbol: A/RES/64/293 is GA resolution 64/293."""
    num = re.sub(r"\s?\((\d{4})\)", r" (\1)", m.group("num"))
    return ResolutionRef(m.start(), m.end(), m.group(), SYMBOL_BODY[m.group("series")], "resolution", num)
