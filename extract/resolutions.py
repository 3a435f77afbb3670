"""Resolutions and decisions a text refers to, each with its issuing body.

A recipe:

1. find references by grammar: Chinese ``大会第58/4号决议``, ``第69/149、70/179和71/167号决议``,
   ``其1991年12月18日第46/152号、2005年9月16日第60/1号和2020年12月16日第75/196号决议``,
   ``欧安组织常设理事会第 557/Rev.1 号决定``; English ``General Assembly resolution 70/1``,
   ``resolutions 46/152 of 18 December 1991, 60/1 of 16 September 2005 and 75/196 of 16 December
   2020``, ``decision 4/4``, ``Security Council resolution 2240 (2015)``, ``resolution S-30/1``;
   and resolution symbols (``A/RES/64/293``, ``S/RES/2240 (2015)``, ``E/RES/2003/20``,
   ``A/HRC/RES/44/4``). Dates between the items of a list belong to the items, not to the list;
2. give every item of a list its own reference, sharing the list's issuer;
3. name the issuer, in this order:

   a. the body named right before (``经社理事会第...``, ``大会2000年11月15日第55/25号决议``,
      ``Conference resolution``, "adopted by the General Assembly in its resolution 55/25") or
      right after (``第7/1号决议中，缔约方会议``, ``resolution 5/3 of the Conference``);
   b. "its" / ``其`` (``Recalling its resolution 5/3``, ``重申其…决议``): the body that speaks,
      named by the opening line of the resolution or decision the words stand in ("The General
      Assembly," / ``大会，``), whatever the number's shape;
   c. the number's shape: ``2240 (2015)`` the Security Council, ``2003/20`` ECOSOC, a session of
      31 or more (or a special session, ``S-30/1``, or a Roman one, ``217 A (III)``) the General Assembly;
   d. a reference that continues a list whose issuer was named (``委员会第26/4号决议和第27/3号决议``)
      shares it;
   a'. the body named earlier in the clause when the references single out some of its resolutions
      (``人权理事会以往…的所有决议，包括…第44/4号决议``, "all previous resolutions of the Human Rights
      Council …, including resolutions 44/4 …"), or, for numbers alone on their lines, the body the
      sentence above them says adopted them (``委员会通过的下列决议…：``, "The following resolutions
      adopted by the Commission …:");
   e. for the small session numbers of subsidiary bodies, the body that speaks there (a heading
      ``Resolution 30/1`` is the resolution whose opening line follows it), else the body the
      document belongs to (a text that speaks of the Conference of the Parties: COP).

   A reference whose issuer cannot be told is left out rather than guessed.

Keys (``ResolutionRef.key``) read "COP resolution 5/3", "GA resolution 64/293",
"SC resolution 2240 (2015)", "OSCE Permanent Council decision 557/Rev.1".
"""
from __future__ import annotations

import bisect
import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from types import ModuleType

from unkg.ontology import bodies

from .lang import Grammar, grammar
from .models import Document, Hit, ResolutionRef
from .symbols import reading

# Bodies whose resolutions carry small session numbers (5/3): the document's own body decides.
SESSION_BODIES = {"COP", "COSP", "CCPCJ", "HRC", "CND"}
HOME_BODIES = {
    "COP": re.compile(r"缔约方会议|Conference of the Parties"),
    "COSP": re.compile(r"缔约国会议|Conference of the States Parties"),
    "CCPCJ": re.compile(r"预防犯罪和刑事司法委员会|Commission on Crime Prevention and Criminal Justice"),
    "HRC": re.compile(r"人权理事会|Human Rights Council"),
}
# The words of each language (issuers, opening lines, the shapes of a reference) are in
# extract/lang/{zh,en}/resolutions.py. The line that opens a resolution or decision names the body
# that speaks in it ("The General Assembly," / "大会，"); text laid out from a PDF may glue it to the
# title before it and the clauses after it, so it is found inside a line too.

# A chapter or section heading ends the stretch a resolution's opening line speaks for.
SECTION = re.compile(r"^(?:[IVX]+|[A-H]|[一二三四五六七八九十]+)[.．、]\s*\S", re.MULTILINE)

# Resolution symbols: A/RES/64/293, S/RES/2240 (2015), E/RES/2003/20, A/HRC/RES/44/4.
RES_SYMBOL = re.compile(r"""
    (?<![A-Za-z0-9_/])(?P<series>A/HRC|A|S|E)/RES/  # 第A/RES/70/1号决议: 第 may stand right before
    (?P<num>(?:S-)?\d+(?:/\d+)?(?:\s?\(\d{4}\))?)        # 64/293, S-30/1, 2240 (2015), 2003/20
    """, re.VERBOSE)


def find_resolutions(doc: Document, hits: Sequence[Hit], g: Grammar) -> tuple[ResolutionRef, ...]:
    """Every resolution and decision the document refers to but its own (a resolution's number on
    its title line is not a reference to it)."""
    own = own_resolution(doc.meta.symbol)
    text = reading(doc, g)
    found = (r for r in _find(text.text, g) if r.key != own)
    return tuple(dataclasses.replace(r, start=a, end=b) for r in found for a, b in [text.span(r.start, r.end)])


def resolutions_in(text: str, lang: str) -> list[ResolutionRef]:
    """Every resolution and decision ``text`` refers to, one entry per item of a list, in order.

    >>> [r.key for r in resolutions_in("大会第69/149、70/179和71/167号决议", "zh")]
    ['GA resolution 69/149', 'GA resolution 70/179', 'GA resolution 71/167']
    """
    return _find(text, grammar(lang))


def _find(text: str, g: Grammar) -> list[ResolutionRef]:
    words = g.resolutions
    context = _Context(text, g)
    refs: list[ResolutionRef] = []
    previous: tuple[int, str | None, str] = (-1, None, "")  # end, named issuer and last session of the last reference
    matches = sorted([*words.REFERENCE.finditer(text), *words.LISTED.finditer(text)], key=lambda m: m.start("items"))
    for m in matches:
        issuer = context.own_body(*_issuer(text, m, words), m.start())
        inherited = previous[1] if previous[1] and words.LIST_CONNECTOR.match(text[previous[0]:m.start()]) else None
        refs += _from_match(m, issuer, (inherited, previous[2]), context)
        numbers = _numbers(m.group("items"), words)
        previous = (m.end(), issuer if issuer != "its" else context.speaker(m.start()), _session(numbers[-1]) if numbers else "")
    refs += [_from_symbol(m) for m in RES_SYMBOL.finditer(text)]
    return sorted(refs, key=lambda r: r.start)


def own_resolution(symbol: str | None) -> str | None:
    """The key of the resolution a document is (A/RES/76/186 -> "GA resolution 76/186"): a
    resolution's own number on its title line is not a reference to it."""
    m = re.match(r"^(?P<series>A|E|S)/RES/(?P<number>[\d/]+)(?:\s*\((?P<year>\d{4})\))?", symbol or "")
    if not m:
        return None
    body = bodies.of_symbol(m[0]).series
    year = f" ({m['year']})" if m["year"] else ""
    return f"{body} resolution {m['number']}{year}"


def home_body(text: str) -> str | None:
    """The body a text speaks of most among those numbering resolutions by session (COP, CCPCJ...)."""
    counts = Counter({body: len(p.findall(text)) for body, p in HOME_BODIES.items()})
    body, n = counts.most_common(1)[0]
    return body if n else None


def openers(text: str, lang: str) -> list[tuple[int, int, str]]:
    """(start, end, body) of every opening line of a resolution or decision in ``text``
    ("The General Assembly,", "联合国打击跨国有组织犯罪公约缔约方会议，").

    >>> openers("Title The Conference of the Parties to the Convention, Recalling its resolution 5/3,", "en")
    [(6, 54, 'COP')]
    """
    words = grammar(lang).resolutions
    return [(m.start(), m.end(), words.OPENER_BODIES[m.group("body")]) for m in words.OPENER.finditer(text)]


class _Context:
    """Who speaks where: the opening lines of resolutions, the sections that end them, the home body."""

    def __init__(self, text: str, g: Grammar):
        self.text = text
        self.words = g.resolutions
        self.g = g
        self.home = home_body(text)
        self.openers = [(start, body) for start, _, body in openers(text, g.code)]
        self.starts = [o for o, _ in self.openers]
        self.sections = [m.start() for m in SECTION.finditer(text)]

    def speaker(self, pos: int) -> str | None:
        """The body whose resolution ``pos`` stands in: the last opening line before it, unless a
        section heading came in between."""
        i = bisect.bisect_right(self.starts, pos) - 1
        if i < 0:
            return None
        start, body = self.openers[i]
        k = bisect.bisect_right(self.sections, pos) - 1
        return body if k < 0 or self.sections[k] < start else None

    def own_body(self, code: str | None, word: str | None, pos: int) -> str | None:
        """A bare self-name ("Conference", "Commission", "Council", 委员会) means the body that speaks at
        ``pos``, else the body the text is about, when that body calls itself so (ontology/bodies.json):
        "Conference decision 5/1" in a text of the UNCAC Conference of the States Parties is COSP's."""
        if word is None or code in (None, "its", "shape"):
            return code
        for series in (self.speaker(pos), self.home):
            b = bodies.by_series(series) if series else None
            if b is not None and word in b.self_names(self.g.code) and series != code:
                return series
        return code

    def subject(self, start: int, end: int) -> str | None:
        """Outside a resolution, whose "its" (其) a reference at ``start``-``end`` is: the first body
        named before it in its sentence that is not itself the issuer of a resolution cited there
        ("The work of the Commission …, which addressed … in its resolution 26/4"; not "General
        Assembly resolution 65/230"), else the body named right after ("In its resolution 7/1, the
        Conference …")."""
        words = self.words
        begin = self.g.sentences.clause_start(self.text, start)
        for m in words.SUBJECT.finditer(self.text[begin:start]):
            if not words.ISSUER_OF.match(self.text[begin + m.end():start]):
                return words.ISSUERS[m.group()]
        after = words.ISSUER_AFTER.search(self.text[end:end + 60])
        return words.ISSUERS[after.group("issuer")] if after else None

    def adopted_list(self, start: int, end: int) -> str | None:
        """For a reference alone on its line in a list under "委员会通过的下列决议…：" / "The following
        resolutions adopted by the Commission …:" (no heading between): the body that adopted them."""
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self.text.find("\n", end)
        if self.text[line_start:start].strip() or self.text[end:len(self.text) if line_end < 0 else line_end].strip(" ."):
            return None
        window_start = max(0, line_start - 3000)
        for m in reversed(list(re.finditer(r"[^\n]+", self.text[window_start:line_start]))):
            if SECTION.match(m.group()):
                return None
            found = self.words.ADOPTED_LIST.search(m.group())
            if found:
                return self.words.ISSUERS[found.group("issuer") or found.groupdict().get("issuer2")]
        return None

    def heading_body(self, start: int, end: int) -> str | None:
        """For a reference alone on its line ("Resolution 30/1", "第30/1号决议", or after a colon:
        "…brought to the attention of the Council: Resolution 30/1"): the body of the opening line
        that follows within three lines — the resolution the heading titles."""
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self.text.find("\n", end)
        line_end = len(self.text) if line_end < 0 else line_end
        before = self.text[line_start:start]
        alone = (re.fullmatch(r"\s*", before) or re.search(r"[:：]\s*$", before)) and \
            not self.text[end:line_end].strip(" .")  # alone, or after a colon the layout joined it to
        if not alone:
            return None
        i = bisect.bisect_right(self.starts, end)
        if i < len(self.starts) and self.text.count("\n", end, self.starts[i]) <= 3:
            return self.openers[i][1]
        return None


def _from_match(m: re.Match, issuer: str | None, carried: tuple[str | None, str], context: _Context) -> list[ResolutionRef]:
    """One ResolutionRef per number of the list ``m`` matched, each with the list's issuer;
    ``carried`` is the issuer of the list it continues and that list's last session."""
    kind = "decision" if context.words.is_decision(m.group("kind")) else "resolution"
    if issuer == "its":
        speaker, subject = context.speaker(m.start()), context.subject(m.start(), m.end())
        first = _numbers(m.group("items"), context.words)[0]
        if speaker == "GA" and subject and re.fullmatch(r"\d{1,2}/\d+", first) and _shape(first) is None:
            speaker = None  # the Assembly no longer numbers 3/3: "its" is the body the sentence speaks of
        issuer = speaker or subject or "its"
    issuer = issuer or context.adopted_list(m.start(), m.end())
    local = context.speaker(m.start()) or context.heading_body(m.start(), m.end())
    if local not in SESSION_BODIES:
        local = None  # the General Assembly no longer numbers resolutions 9/1: not the speaker's
    refs = []
    for number in _numbers(m.group("items"), context.words):
        body = _body(issuer, number, carried, local or context.home)
        if body is not None:
            refs.append(ResolutionRef(m.start(), m.end(), m.group(), body, kind, number))
    return refs


def _numbers(items: str, words: ModuleType) -> list[str]:
    """The numbers of a list, normalised: "71/243 A and B" gives "71/243 A" and "71/243 B";
    the dates between items are no numbers."""
    out = []
    items = words.DATES.sub(lambda d: " " * len(d.group()), unicodedata.normalize("NFKC", items))
    for m in words.ITEM.finditer(items):
        num = re.sub(r"\s*/\s*", "/", m.group("num").strip())
        num = re.sub(r"\s*\((\d{4}|[IVXL]+)\)", r" (\1)", num)
        num = re.sub(r"^(\d+)\s*([A-Z]) ", r"\1 \2 ", num)  # 217A (III) -> 217 A (III)
        letters = re.findall(r"[A-D]", m.group("letters") or "")
        out += [f"{num} {x}" for x in letters] if letters else [num]
    return out


def _issuer(text: str, m: re.Match, words: ModuleType) -> tuple[str | None, str | None]:
    """The body named right before or right after the reference, as a key code ("its" for its/其),
    and the words that name it."""
    before, after = text[max(0, m.start() - 400):m.start()], text[m.end():m.end() + 160]
    for pattern, window in ((words.ISSUER_BEFORE, before), (words.ISSUER_AFTER, after)):
        found = pattern.search(window)
        if found:
            code = words.ISSUERS[found.group("issuer")]
            tail = found.groupdict().get("tail") or ""
            if code == "COP" and tail:
                code = next((c for w, c in words.COP_TREATY.items() if w in tail), "other")
            return code, found.group("issuer")
    clause = before[max(before.rfind("\n"), before.rfind("。"), before.rfind("；"), before.rfind(";")) + 1:]
    for at in sorted((m.start() for m in words.CLAUSE_NAMES.finditer(clause)), reverse=True):  # the closest body first
        found = words.SINGLED_OUT.match(clause, at)
        if found:
            word = found.group("issuer") or found.group("issuer2")
            return words.ISSUERS[word], word
    return None, None


def _session(number: str) -> str:
    """The session of a number by session ("33/2" -> "33"), else ""."""
    m = re.fullmatch(r"(\d+)/\d+", number)
    return m[1] if m else ""


def _body(issuer: str | None, number: str, carried: tuple[str | None, str], local: str | None) -> str | None:
    """The issuing body: the one named (or the speaker, for "its"), else the number's shape, else
    the issuer of the list it continues, else (small sessions) the body that speaks there. A number
    of the same session as the item before it continues that item's body even where its shape says
    the Assembly ("Commission resolution 33/1 and resolution 33/2")."""
    shape = _shape(number)
    inherited, session = carried
    if re.fullmatch(r"\d+", number) and issuer not in ("SC", "OSCE Permanent Council"):
        return None  # a bare 5 is a resolution number only for these bodies
    if issuer == "Council":  # "Council resolution ...": the Security Council or ECOSOC by shape
        return shape if shape in ("SC", "ECOSOC") else None
    if issuer == "shape":  # "General Assembly and Security Council resolutions 70/262 and 2282 (2016)"
        return shape
    if issuer == "other":  # a body unkg does not key (another treaty's Conference of the Parties)
        return None
    if issuer is not None and issuer != "its":
        # a body numbering by session has no 2240 (2015) nor 2006/27: "Council" there is SC's or ECOSOC's
        return shape if shape in ("SC", "ECOSOC") and issuer in SESSION_BODIES else issuer
    if shape is not None and (shape != "GA" or inherited is None or _session(number) != session):
        return shape
    if inherited is not None:
        return inherited  # "Commission resolutions 33/1 and resolution 33/2": the Commission's, not the Assembly's
    return local if re.fullmatch(r"\d{1,2}/\d+.*", number) else None



def _shape(number: str) -> str | None:
    """The body a number's shape alone identifies: SC, ECOSOC or GA; None for small sessions."""
    if re.fullmatch(r"\d+ \(\d{4}\)", number):
        return "SC"
    if re.fullmatch(r"\d+(?: [A-Z])? \([IVXL]+\)", number):
        return "GA"  # numbered by session in Roman numerals until 1976: 217 A (III)
    if re.fullmatch(r"(?:19|20)\d\d/\d+.*", number):
        return "ECOSOC"
    if re.fullmatch(r"(?:S|ES)-\d+/\d+", number):
        return "GA"  # special and emergency special sessions of the General Assembly
    session = re.match(r"(\d+)/\d", number)
    if session and 31 <= int(session.group(1)) < 1000:
        return "GA"
    return None


def _from_symbol(m: re.Match) -> ResolutionRef:
    """A resolution cited by its symbol: A/RES/64/293 is GA resolution 64/293."""
    num = re.sub(r"\s?\((\d{4})\)", r" (\1)", m.group("num"))
    return ResolutionRef(m.start(), m.end(), m.group(), bodies.of_symbol(m.group("series") + "/RES/").series, "resolution", num)
