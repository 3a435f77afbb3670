"""English grammar of provisions, anaphors and EU acts, behind the interface that
``unkg.extract.references`` and ``unkg.extract.citations`` use for every language:

- ``provisions(text)``: "article 6, paragraph 3", "article 6 (3)", "art. 18(13)", "articles 26 and
  27", "article 3 (a)", "article 6, paragraph 1 (a) and (b)", "paragraph 3 of article 32",
  "subparagraph (b) of paragraph 2 of article 6", "rule 2, paragraph 2", "recitals 5, 9 and 15",
  "principle 14";
- ``anaphors(text)``: "the Protocol", "the Convention", "this Convention", "the Directive",
  "the rules of procedure", and "its" right before an article;
- ``unnamed(text)``: instruments introduced without a name ("a protocol on cooperation");
- ``anchors(text, provision)``: where the words naming the instrument must start (English names it
  right after: "of the Protocol", "of the Organized Crime Convention"), or, for "its article 5",
  where "its" must end; "article 6 thereof" takes the instrument named last before it;
- ``acts(text)``: EU acts by number ("Directive 2011/36/EU", "Council Framework Decision
  2002/629/JHA", "Regulation (EU) 2016/1624");
- ``candidates(text)``: capitalised names ending in Process, Network or Initiative.
"""
from __future__ import annotations

import re

from ...models import Anaphor, Provision, chain_items
from ...spans import covering

_SEP = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to)\s+|\s*[-–]\s*)"  # 5, 6 and 8; 5 to 8; 5-8
_SUBS = r"(?:\s?\([a-z]{1,4}\)(?:\s*(?:,|and|or)\s*\([a-z]{1,4}\))*)"  # (a), (a) and (b)
_PARAS = r"(?:\s?\(\d+\)(?:\s*(?:,|and|or)\s*\(\d+\))*)"  # (3), (3) and (4)
_ITEM = rf"\d+(?:\s?(?:bis|ter|quater)\b)?{_PARAS}?{_SUBS}*"  # 6, 6 (3), 18(13), 3 (a), 6 (1) (a)
_PITEM = rf"\d+{_SUBS}*"  # paragraph 1 (a)
_SUBITEM = r"\(?[a-z]{1,4}\)"  # subparagraph (a)

ARTICLE = re.compile(rf"""
    \b(?P<word>[Aa]rt(?:icle)?|[Rr]ule|[Rr]ecital|[Pp]rinciple|[Gg]uideline)(?P<plural>s)?\.?  # what is cited
    \s+(?P<list>{_ITEM}(?:(?(plural){_SEP}|\s+(?:and|or)\s+){_ITEM})*)  # 6 (3); 26 and 27; 5, 9 and 15
    (?:\s*,?\s+(?:paragraphs?|paras?\.)\s+(?P<paras>{_PITEM}(?:{_SEP}{_PITEM})*))?  # , paragraph 3
    (?:\s*,?\s+subparagraphs?\s+(?P<subs>{_SUBITEM}(?:{_SEP}{_SUBITEM})*))?  # , subparagraph (a)
    """, re.VERBOSE)

_INVERTED = re.compile(rf"""
    \b(?:(?P<sw>[Ss]ub-?paragraphs?)\s+(?P<subs>{_SUBITEM}(?:{_SEP}{_SUBITEM})*)\s+of\s+)?  # subparagraph (b) of
    (?:(?P<pw>[Pp]aragraphs?)\s+(?P<paras>{_PITEM}(?:{_SEP}{_PITEM})*)\s+of\s+)?            # paragraph 3 of
    (?(sw)|(?(pw)|(?!)))                                                                     # at least one of them
    (?P<word>article|rule)\s+(?P<art>\d+)                                                    # article 32
    """, re.VERBOSE)

# A paragraph without its article: "and paragraph 3 (f) covers …" (the article cited just before in the
# sentence), "paragraph 14 of the same article", "paragraph 2 thereof". Not a paragraph of a
# document ("paragraph 3 above", "paragraph 7 of resolution 9/3", "operative paragraph 5").
_SAME = re.compile(rf"""
    (?<![Oo]perative\s)(?<![Pp]reambular\s)(?<![Ss]ub)(?<![Ss]ub-)
    \b[Pp]aragraphs?\s+(?P<paras>{_PITEM}(?:{_SEP}{_PITEM})*)(?!\d)
    (?P<tail>\s+of\s+(?:the\s+same|that|this|the\s+said)\s+article\b|\s*,?\s+thereof\b)?
    (?(tail)|(?!\s+(?:\w+\s+){{0,2}}?(?:above|below)\b)(?!\s*,?\s+(?:of|in|to|under)\b))
    """, re.VERBOSE)

_DOCUMENT_PARAGRAPH = re.compile(r"\b(?:in|see|See|as in|under)\s+$")  # "in paragraph 2": the document's own

_KINDS = {"art": "article", "article": "article", "rule": "rule", "recital": "recital",
         "principle": "principle", "guideline": "guideline"}

ANAPHOR = re.compile(r"""
    \b(?P<det>[Tt]he(?:\s+said)?|[Tt]his|[Tt]hat)\s+         # determiner
    (?P<noun>Optional\s+Protocol|Protocol|Convention|Framework\s+Decision|Directive|Charter
      |Global\s+Compact|Compact|Action\s+Plan|Plan\s+of\s+Action|Principles\s+and\s+Guidelines
      |[Rr]ules\s+of\s+[Pp]rocedure)                          # the instrument's generic name
    (?![\w-])(?!\s+(?:relating|concerning)\b|\s*\()   # not the start of a title ("the Protocol relating to …")
    (?!\s+(?:on|against|to|for|of|in)\s+(?:the\s+)?[A-Z0-9])  # ("the Protocol to Prevent", "of 2014"); "the
                                                           # Protocol on assistance to victims" is the Protocol
    """, re.VERBOSE)
NOUN_TYPES = {
    "protocol": ("protocol",), "optional protocol": ("protocol",), "convention": ("treaty",),
    "framework decision": ("framework-decision",), "directive": ("directive",), "charter": ("charter",),
    "global compact": ("compact",), "compact": ("compact",), "action plan": ("action-plan",),
    "plan of action": ("action-plan",), "principles and guidelines": ("principles",),
    "rules of procedure": ("rules",),
}
ITS = re.compile(r"\b[Ii]ts(?=\s+(?:[Aa]rticles?|[Aa]rts?\.|[Rr]ules?)\s+\d)")
# An instrument introduced without a name ("a protocol on ..."): what a later "the protocol" means.
UNNAMED = re.compile(r"\b[Aa]n?\s+(?:[a-z\-]+\s+){0,3}?(?P<noun>protocol|convention|directive|action plan)\b")
_ACRONYM_NEXT = re.compile(r"[^\S\n]+(?=[A-Z]{2,}[\w.-]*\b)")  # an acronym right after: "article 18 UNTOC"
_OF = re.compile(r"(?:\s*\([a-z][^()]{0,60}\))?(?:\s*,)?\s+(?:of|in|under|to)\s+(?P<det>(?:the|that|this|said|its)\s+)?")

ACT = re.compile(r"""
    (?:(?:Council|Commission)\s+)?
    (?P<kind>Directive|Framework\s+Decision|Regulation)\s+                   # the kind of act
    (?:\((?P<series1>EU|EC)\)\s+(?:No\s+)?)?                                 # Regulation (EU) 2016/1624
    (?P<year>(?:19|20)\d\d)/(?P<num>\d+)(?:/(?P<series>EU|EC|EEC|JHA))?      # 2011/36/EU
    """, re.VERBOSE)
ACT_KINDS = {"Directive": "Directive", "Framework Decision": "FD", "Regulation": "Regulation"}

# A name never crosses a line: in the laid-out text a line break ends a block (heading "XII" above
# "Regular Process for …" is not part of it).
CANDIDATE = re.compile(r"""
    (?P<name>(?:[A-Z][\w'’.\-]*[^\S\n]+(?:(?:of|on|for|against|in|to)[^\S\n]+)?){1,6}?  # capitalised words
    (?:Process|Network|Initiative)\b                                                  # the head
    (?:[^\S\n]+(?:on|of|for|against)[^\S\n]+(?:the[^\S\n]+)?[A-Z][\w\-]*(?:[^\S\n]+(?:and[^\S\n]+)?[A-Z][\w\-]*)*)?)  # on Migration
    """, re.VERBOSE)
_LEADING = re.compile(r"^(?:(?:The|This|That|These|Those|In|Under|Through|Within|A|An|Its|Their|Our|"
                      r"Both|Each|Such|At|On|For|By|With|From|And|the|of|on|for|and|to|in)\s+)+")


def provisions(text: str) -> list[Provision]:
    """Every provision reference in ``text``, in order (instrument not yet known)."""
    inverted = [_inverted(m) for m in _INVERTED.finditer(text)]
    direct = [_direct(m) for m in ARTICLE.finditer(text) if not _callout_after_name(text, m)]
    in_inverted = covering(inverted)
    direct = [p for p in direct if not in_inverted(p.start)]
    taken = inverted + direct
    in_taken = covering(taken)
    same = [_same(m) for m in _SAME.finditer(text) if not in_taken(m.start())
            and (m.group("tail") or not _DOCUMENT_PARAGRAPH.search(text, max(0, m.start() - 12), m.start()))]
    return sorted(taken + same, key=lambda p: p.start)


# A footnote callout after an instrument's name whose last word is a provision word ("the Vienna
# Principles 24", "the Basic Principles 12 on the Role of Lawyers", "the Bangkok Rules 3"): the word
# is the name's, capitalised after another capitalised word, and the number goes on with no
# provision's continuation ("of the …", "and 2", "(a)", ", paragraph 3"). "Principle 14 of the
# Recommended Principles" and "principles 1 and 2" are provisions.
_NAME_BEFORE = re.compile(r"[A-Z][\w’'-]*[^\S\n]+$")
_PROVISION_GOES_ON = re.compile(r"[^\S\n]*(?:[,;:(\-–]|(?:of|and|or|to|thereof|bis|ter)\b)")


def _callout_after_name(text: str, m: re.Match) -> bool:
    """Is ARTICLE's match ``m`` a name ending in a capitalised provision word and a callout digit?"""
    word = m.group("word")
    if not word[0].isupper() or word.lower().startswith("art") or "," in m.group("list") or " " in m.group("list"):
        return False
    if not _NAME_BEFORE.search(text, max(0, m.start() - 40), m.start()):
        return False
    return not m.group("paras") and not m.group("subs") and not _PROVISION_GOES_ON.match(text, m.end())


def _same(m: re.Match) -> Provision:
    """A paragraph of the article cited just before: "paragraph 14 of the same article", "paragraph 3 (f)"."""
    items = tuple(("0", p, s) for p, s in _pairs(m.group("paras")))
    return Provision(m.start(), m.end(), m.group(), "article", items, same_article=True, bare=not m.group("tail"))


def _direct(m: re.Match) -> Provision:
    kind = _KINDS[m.group("word").lower()]
    items = _chain(m.group("list"))
    if m.group("paras") or m.group("subs"):
        art = items[-1][0]
        paras = [(p, s) for p, s in _pairs(m.group("paras"))] or [(None, None)]
        subs = _letters(m.group("subs"))
        items = items[:-1] + [(art, p, s) for p, s0 in paras for s in (subs or [s0])]
    return Provision(m.start(), m.end(), m.group(), kind, tuple(items))


def _inverted(m: re.Match) -> Provision:
    """"paragraph 3 of article 32", "paragraph 1 (a) of article 6", "subparagraph (b) of paragraph 2 of article 6"."""
    pairs = _pairs(m.group("paras"))
    subs = _letters(m.group("subs"))
    if subs or not any(sub for _, sub in pairs):
        items = chain_items([m.group("art")], [p for p, _ in pairs if p], subs)
    else:  # the subparagraphs written with their paragraph: 1 (a) and (b)
        items = tuple((m.group("art"), p, sub) for p, sub in pairs)
    return Provision(m.start(), m.end(), m.group(), _KINDS[m.group("word").lower()], items)


def _chain(s: str) -> list[tuple[str, str | None, str | None]]:
    """Items of "26 and 27", "6 (3) and (4)", "6 (1) (a) and (b)", "5 to 8" in order."""
    items: list[tuple[str, str | None, str | None]] = []
    rng = False
    for tok in re.finditer(r"(?P<art>\d+(?:\s?(?:bis|ter|quater)\b)?)|\((?P<para>\d+)\)|\((?P<sub>[a-z]{1,4})\)"
                           r"|(?P<rng>\bto\b|[-–])", s):
        if tok.group("rng"):
            rng = True
        elif tok.group("art"):
            art = re.sub(r"\s+", "", tok.group("art"))
            if rng and items and items[-1][0].isdigit() and art.isdigit():
                items += [(str(k), None, None) for k in range(int(items[-1][0]) + 1, int(art) + 1)][:50]
            else:
                items.append((art, None, None))
            rng = False
        elif tok.group("para"):
            art, para, sub = items[-1]
            if para is None and sub is None:
                items[-1] = (art, tok.group("para"), None)  # "6 (3)": refines the article just read
            else:
                items.append((art, tok.group("para"), None))  # "6 (3) and (4)"
        elif tok.group("sub"):
            art, para, sub = items[-1]
            if sub is None:
                items[-1] = (art, para, tok.group("sub"))  # "3 (a)", "6 (1) (a)"
            else:
                items.append((art, para, tok.group("sub")))  # "(a) and (b)"
    return items


def _pairs(s: str | None) -> list[tuple[str, str | None]]:
    """(paragraph, subparagraph) pairs of "1 (a)", "1 and 2", "1 (a) and (b)"."""
    return [(p, sub) for p, _, sub in _chain(s)] if s else []


def _letters(s: str | None) -> list[str]:
    """The letters of "(a) and (b)", "a) or b)" — not the words between them."""
    return re.findall(r"\(?([a-z]{1,4})\)", s or "")


def anaphors(text: str) -> list[Anaphor]:
    """Words that refer back to an instrument: "the Protocol", "this Convention", "its" (article)."""
    found = [Anaphor(m.start(), m.end(), m.group(), NOUN_TYPES[re.sub(r"\s+", " ", m.group("noun")).lower()])
             for m in ANAPHOR.finditer(text)]
    return found + [Anaphor(m.start(), m.end(), m.group(), ()) for m in ITS.finditer(text)]


def unnamed(text: str) -> list[Anaphor]:
    """Instruments introduced without a name ("a new protocol"): a later anaphor means that one."""
    return [Anaphor(m.start("noun"), m.end(), m.group("noun"), NOUN_TYPES[m.group("noun")])
            for m in UNNAMED.finditer(text)]


_THEREOF = re.compile(r"\s*,?\s+thereof\b")


def anchors(text: str, p: Provision) -> tuple[str, tuple[int, ...]]:
    """English names the instrument right after ("start", offsets) or, for "its", right before ("end", ...);
    "article 6 thereof" means the instrument named last before it ("last", ())."""
    if _THEREOF.match(text, p.end):
        return "last", ()
    m = _OF.match(text, p.end)
    if m:
        return "start", (m.start("det"), m.end()) if m.group("det") else (m.end(),)
    m = _ACRONYM_NEXT.match(text, p.end)
    if m:  # "article 18 UNTOC", "art. 6 SOM Protocol"
        return "start", (m.end(),)
    i = p.start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return "end", (i,)


def acts(text: str) -> list[tuple[int, int, str, str, str, str]]:
    """EU acts by number: (start, end, text, kind, year, number), e.g. kind "Directive"."""
    return [(m.start(), m.end(), m.group(), ACT_KINDS[re.sub(r"\s+", " ", m.group("kind"))], m.group("year"),
             m.group("num")) for m in ACT.finditer(text) if m.group("series") or m.group("series1")]


def candidates(text: str) -> list[tuple[int, int, str]]:
    """Capitalised names ending in Process, Network or Initiative: (start, end, name)."""
    out = []
    for m in CANDIDATE.finditer(text):
        lead = _LEADING.match(m.group("name"))
        start = m.start("name") + (lead.end() if lead else 0)
        name = text[start:m.end("name")]
        if len(name.split()) >= 2:
            out.append((start, m.end("name"), name))
    return out


# -- how a citation finds its instrument (read by unkg.extract.citations) ---------------------

INSTRUMENT_AFTER = True  # English names the instrument after the article: "article 6 of the X"
# "the provisions of the Protocol, including article 9": an article singled out of the instrument just named.
INCLUDING = re.compile(r"(?:including|in particular|particularly|especially|notably)[\s,，:：]*$")
# Between two provisions of one list: "article 5 and article 6"; a gloss in brackets may come first
# ("article 16 (extradition) and article 18").
LIST_CONNECTOR = re.compile(r"^(?:\s*[(（][^()（）]{1,60}[)）])?"
                            r"\s*(?:,|，|、|;|；|and|or|as well as|,\s*and|,\s*or)?\s*$")
# An anaphor that means the last instrument named before it, whatever the paragraph: "that Convention".
DEMONSTRATIVE = re.compile(r"^(?:[Tt]his\b|[Tt]hat\b|[Tt]he\s+said\b)")


def bare_in_reach(gap: str) -> bool:
    """A paragraph printed without its article ("and paragraph 3 (f)") is the article's cited just
    before only in the same sentence."""
    return len(gap) <= 250 and not re.search(r"[.;!?]\s", gap)
