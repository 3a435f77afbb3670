"""Actors: States and organisations named in a document, persons, and the roles lists give them.

``find_actors(doc, hits)`` reads like a recipe:

1. Persons (``find_persons``): a Latin-script name after a title (Mr., Dr., H.E. Mr., Colonel...),
   before a Chinese title (先生, 博士, 上校...), after an officer's role (主席, chaired by,
   "Rapporteur:"), or followed by a State in brackets and a role ("X Y (Italy), Chair of..."; without
   the role "Addis Ababa (Ethiopia)" would be a person); a Chinese-script name needs a title and
   the bracketed State. Titles are not part of the name; the bracketed State is ``Person.state``;
   the role (chair, vice-chair, rapporteur, panelist) comes from the words that introduce the
   person or follow the bracket on the same line. In an officers' list the lines holding only
   "Name (State)" under "Vice-Presidents:" are vice-chairs too.
2. Organisations missing from the registry (``find_candidate_organizations``): the items of a
   list of organisations that no registry name covers ("non-governmental organizations ...: A, B
   and C"), and "the observer for X" / "非政府组织X的观察员". They are Organization hits keyed
   ``candidate:<name as printed>`` (so their keys differ between languages); a registry name
   inside one ("Japan Federation of Bar Associations", "Academic Council on the United Nations
   System") is part of its name, not a mention.
3. Mentions: every State and Organization hit, except the words of a person's name (Mr. Chad
   Smith is no mention of Chad), hits inside URLs and inside candidate names. The State in
   brackets after a person *is* a mention. A demonym ("Mexican authorities") names no State; a
   national authority in running text ("Republic of Korea National Police Agency") names its State.
   The document's own body named by a common noun ("the Conference", "the Working Group",
   "the Commission", 工作组, 委员会) is a mention of it (``body_anaphors``).
4. Participations, sentence by sentence: an attendance sentence gives its list the category its
   cue words say (States parties -> party, signatories -> signatory-observer, not parties,
   非《公约》缔约国 -> non-signatory-observer, a regional economic integration organisation
   -> party, observers, not members -> observer, States members of the Commission, 委员会成员国 ->
   member; without any, the organisations and units of the list -> observer); a speaker sentence makes its list speakers, per agenda item
   when given; "the representative of X said", "speakers from X" make X a speaker. A list after a
   colon is the part after the colon, without asides in brackets ("Cuba (on behalf of the Group
   of 77 and China)"); a sentence without a colon is about the names right after "the
   representative(s) of" / "observer(s) for" (or before 代表/观察员) and their list neighbours, not
   about the appositions after them (", a non-governmental organization in consultative status
   with the Economic and Social Council", ", speaking on behalf of ..."), and about every name only
   when it has none such. Names inside 《》 titles, a person's State, the Secretariat, the
   meeting's own body, the bodies above it and, for the bodies UNODC services, UNODC and the
   United Nations Office at Vienna never participate: they service or hold the meeting.

Persons get no ``Participation`` rows: their role is ``Person.role`` and the graph keys them by
the slug of their name (``graph.iris.slug``); participation rows are for States and
organisations, which is what attendance and speaker lists are about.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from unkg.ontology.registry import lookup

from .models import Document, Hit, Mention, Participation, Person

UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
TOKEN = rf"(?:[{UPPER}][{LETTER}'’]*(?:-[{UPPER}]?[{LETTER}'’]+)*|[A-Z]\.)"  # Testa, Martínez, Al-Hassan, A.
PARTICLE = r"(?:de|da|del|della|di|do|dos|das|du|van|von|der|den|ter|la|le|bin|ibn|al|el|y|zu)"
NAME = rf"{TOKEN}(?:[ \u00a0]+(?:{PARTICLE}[ \u00a0]+)*{TOKEN}){{0,4}}"
# Titles only: words that are also ordinary capitalised words (General Assembly, Criminal Justice,
# Major Crimes) are left out.
TITLE_EN = (r"(?:Mr|Ms|Mrs|Mx|Dr|Prof|Professor|Lieutenant Colonel|Colonel|Col|Judge|Ambassador|Sir|Dame|H\.E"
            r"|Commissioner)\.?")
TITLE_ZH = r"(?:先生|女士|夫人|博士|教授|大校|上校|中校|少校|准将|少将|中将|将军|大使|法官|阁下)"
CJK_NAME = r"[\u4e00-\u9fff]{2,4}"
ROLE_ZH = r"(?P<vice>副主席)|(?P<chair>主席(?!团))|(?P<rapporteur>报告员)|(?P<panelist>(?:专题)?(?:讨论)?小组(?:讨论)?成员|主讲人)"
ROLE_EN = (r"(?P<vice>[Vv]ice-(?:[Cc]hair(?:person|man|woman)?|President)s?\b)"
           r"|(?P<chair>\b[Cc]hair(?:person|man|woman|ed by)?s?\b|\bPresidents?\b)"
           r"|(?P<rapporteur>\b[Rr]apporteurs?\b)|(?P<panelist>\bpanel(?:l)?ists?\b|\bpanel members?\b)")
ROLE_NAMES = {"vice": "vice-chair", "chair": "chair", "chaired": "chair", "rapporteur": "rapporteur",
              "panelist": "panelist"}
# Words allowed between a role and the person it introduces ("chaired by", "guided by the following
# panellists:"); anything else (a verb: "The Chair thanked Mr. X") breaks the link.
LINK_EN = re.compile(r"(?i)^[\s,:;]*(?:(?:of|the|working|group|meeting|session|conference|was|were|by|as|"
                     r"elected|guided|moderated|led|and|following|its|their)[\s,:;]+)*$")
# A role after the name stays on the name's line: in an officers' list the next line's role
# ("Vice-Presidents:") belongs to the next person.
AFTER_ROLE_EN = re.compile(r"[^\S\n]*,?[^\S\n]*(?:(?:was|were)\s+)?(?:(?:re-)?elected\s+|appointed\s+)?(?:as\s+)?"
                           r"(?:the\s+)?(?:" + ROLE_EN + ")")
AFTER_ROLE_ZH = re.compile(r"[^\S\n]*(?:[（(]|当选为|被选为|担任|为)?[^\S\n]*(?:工作组|会议|缔约方会议)?(?:" + ROLE_ZH
                           + r"|(?P<chaired>主持))")  # "会议由X（南非）主持": chaired by X
# The label of a line in an officers' list: "Vice-Presidents:", "First Vice-Chair:", "主席：".
ROLE_LABEL = re.compile(r"[^\S\n]*(?:(?:First|Second|Third|Fourth)[^\S\n]+)?(?:"
                        + re.sub(r"\?P<\w+>", "?:", ROLE_EN + "|" + ROLE_ZH) + r")[^\S\n]*[:：]")
NOT_FIRST_NAMES = {"The", "A", "An", "In", "On", "At", "For", "By", "Of", "And", "Under", "With", "This", "That",
                   "These", "Those", "Its", "Their", "Statements", "Representatives", "States", "Member"}
CJK = "\u3400-\u4dbf\u4e00-\u9fff"
URL = re.compile(r"(?:https?://|www\.)[^\s，。；、）)》]+")
ACTOR_KINDS = ("State", "Organization")


@dataclass(frozen=True, slots=True)
class _Name:
    start: int
    end: int
    title: str | None
    state: Hit | None
    after: int  # just after the name, its title and its bracketed State
    begin: int  # where the name or its title begins


@dataclass
class _Spans:
    """Non-overlapping (start, end) spans kept sorted, so that a document's thousands of hits are
    checked against them by bisection rather than one by one."""

    spans: list[tuple[int, int]] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, spans: Iterable[tuple[int, int]]) -> _Spans:
        out = cls()
        for start, end in sorted(spans):
            out.add(start, end)
        return out

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.spans.insert(i, (start, end))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end) - 1  # the last span starting before ``end``
        return i >= 0 and self.spans[i][1] > start

    def covers(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and self.spans[i][1] >= end


def find_actors(doc: Document, hits: list[Hit]) -> tuple[list[Mention], list[Person], list[Participation]]:
    """State and Organization mentions, persons, and participations of one document."""
    text, lang = doc.text, doc.lang
    names = _person_names(text, lang, hits)
    persons = _persons(text, lang, names)
    in_names = _Spans.of((n.start, n.end) for n in names)
    nationality = {(n.state.start, n.state.end) for n in names if n.state}
    urls = _Spans.of(m.span() for m in URL.finditer(text))
    actors = [h for h in _own_bureau(hits, doc.meta.body) if h.kind in ACTOR_KINDS
              and not in_names.covers(h.start, h.end) and not urls.covers(h.start, h.end)]
    candidates = find_candidate_organizations(text, lang, actors)
    in_candidates = _Spans.of((c.start, c.end) for c in candidates)
    actors = sorted([h for h in actors if not in_candidates.covers(h.start, h.end)] + candidates,
                    key=lambda h: (h.start, h.end))
    mentions = [_mention(h, lang) for h in actors] + body_anaphors(text, lang, doc.meta.body, hits)
    listed = [h for h in actors if (h.start, h.end) not in nationality]
    return sorted(mentions, key=lambda m: (m.start, m.end)), persons, find_participations(doc, listed)


# Names of a bureau that do not say whose it is: the bureau of the document's own body.
BARE_BUREAU = {"主席团", "extended Bureau"}


def _own_bureau(hits: list[Hit], body: str | None) -> list[Hit]:
    """A bare "主席团" / "extended Bureau" (the registry reads it as the Conference's) is the bureau
    of the body whose document it is: the Conference's in its and its working groups' documents,
    "<body>-Bureau" where the registry has one, and nothing known otherwise."""
    own = _bureau_of(body)
    out = []
    for h in hits:
        if h.key == "COP-Bureau" and h.text in BARE_BUREAU and own != "COP-Bureau":
            if own is None:
                continue
            h = Hit(start=h.start, end=h.end, text=h.text, key=own, kind=h.kind)
        out.append(h)
    return out


def _bureau_of(body: str | None) -> str | None:
    if body and lookup(f"{body}-Bureau"):
        return f"{body}-Bureau"
    return "COP-Bureau" if body and "COP" in _servicing_bodies(body) else None


def _mention(h: Hit, lang: str = "en") -> Mention:
    entry = lookup(h.key)
    if entry is None:  # a candidate organisation: its words are all we know
        return Mention(kind=h.kind, key=h.key, text=h.text, start=h.start, end=h.end, candidate=True,
                       label_en=h.text if lang != "zh" else None, label_zh=h.text if lang == "zh" else None)
    return Mention(kind=h.kind, key=h.key, text=h.text, start=h.start, end=h.end,
                   label_en=entry.label_en, label_zh=entry.label_zh)


# -- persons --------------------------------------------------------------------------------

def find_persons(text: str, lang: str, hits: list[Hit]) -> list[Person]:
    """Persons named in ``text``, in order, with their State and role when the text gives them."""
    return _persons(text, lang, _person_names(text, lang, hits))


def _persons(text: str, lang: str, names: list[_Name]) -> list[Person]:
    """The persons of ``names``; in an officers' list the persons after the first one under a role
    label continue its role ("Vice-Presidents:  Ms. A (Spain)" / "  Mr. B (Ghana)")."""
    out: list[Person] = []
    for i in range(len(names)):
        person = _person(text, lang, names, i)
        if person.role is None and i and out[i - 1].role and _continues_list(text, names, i):
            person = Person(name=person.name, start=person.start, end=person.end, state=person.state,
                            role=out[i - 1].role, title=person.title)
        out.append(person)
    return out


LIST_GAP = re.compile(r"[\s,;，；、]*")


def _continues_list(text: str, names: list[_Name], i: int) -> bool:
    """Person ``i`` (with a bracketed State) follows person ``i - 1`` with nothing but white space
    or separators between them, and nothing follows it on its line but another such person: the
    lines of an officers' list, also when a PDF's text has run two of them together."""
    above, name = names[i - 1], names[i]
    if not name.state or not LIST_GAP.fullmatch(text, above.after, name.begin):
        return False
    end = _line_end(text, name.after)
    rest = text[name.after:end].strip(" \t.;,")
    return not rest or (i + 1 < len(names) and names[i + 1].begin < end
                        and bool(LIST_GAP.fullmatch(text, name.after, names[i + 1].begin)))


def _line_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end < 0 else end


def _person_names(text: str, lang: str, hits: list[Hit]) -> list[_Name]:
    states = {h.start: h for h in hits if h.kind == "State"}
    taken, found = _Spans(), []
    for name in _candidates(text, lang, states, _Spans.of((h.start, h.end) for h in hits)):
        if not taken.overlaps(name.start, name.end):  # the first, strongest reading wins
            taken.add(name.start, name.end)
            found.append(name)
    return sorted(found, key=lambda n: n.start)


def _person(text: str, lang: str, names: list[_Name], i: int) -> Person:
    n = names[i]
    return Person(name=text[n.start:n.end], start=n.start, end=n.end, state=n.state.key if n.state else None,
                  role=_role(text, lang, names, i), title=n.title)


def _candidates(text: str, lang: str, states: dict[int, Hit], hits: _Spans) -> Iterator[_Name]:
    """Names, strongest evidence first: a title; a role just before; a State in brackets and a
    role just after."""
    for m in re.finditer(rf"\b(?P<title>{TITLE_EN}(?:[ \u00a0]+{TITLE_EN})*)[ \u00a0]+(?P<name>{NAME})", text):
        yield _name(text, m, states)  # "H.E. Mr. X": titles stack
    for m in re.finditer(rf"(?P<name>{NAME})\s*(?P<title>{TITLE_ZH})", text):
        yield _name(text, m, states)
    for m in re.finditer(rf"(?:(?<=[：:、，,。；\s（(])|^|(?<=主席))(?P<name>{CJK_NAME})(?P<title>{TITLE_ZH})", text):
        name = _name(text, m, states)
        if name.state and not hits.overlaps(name.start, name.end):  # a Chinese-script name needs its State
            yield name
    role = ROLE_ZH if lang == "zh" else ROLE_EN
    for m in re.finditer(rf"(?:{role})[ \u00a0]*[:：][ \t\u00a0]*", text):  # "panellists: X Y (Canada), Z W (Peru)"
        yield from _role_list(text, m.end(), states)
    for m in re.finditer(rf"(?:{role})[ \u00a0]*[:：]?[ \t\u00a0]*(?P<name>{NAME})", text):  # "Chair: X Y"
        if _plain_name(m.group("name")) and not hits.overlaps(*m.span("name")):
            yield _name(text, m, states)
    for m in re.finditer(rf"(?m)^[ \t\u00a0]*(?P<name>{NAME})", text):  # the next lines of an officers' list
        name = _name(text, m, states)
        if (name.state and _plain_name(m.group("name")) and not hits.overlaps(name.start, name.end)
                and not text[name.after:_line_end(text, name.after)].strip() and _in_officers_list(text, m.start())):
            yield name
    for m in re.finditer(rf"(?P<name>{NAME})", text):  # "X Y (Italy), Chair of...": the role must follow,
        name = _name(text, m, states)  # or "Addis Ababa (Ethiopia)" would be a person
        if (name.state and _plain_name(m.group("name")) and not hits.overlaps(name.start, name.end)
                and (AFTER_ROLE_ZH if lang == "zh" else AFTER_ROLE_EN).match(text, name.after)):
            yield name


PERSON_SEP = re.compile(r"[^\S\n]*(?:[,;，、；][^\S\n]*)?(?:and[^\S\n]+|和|及)?")


def _role_list(text: str, pos: int, states: dict[int, Hit]) -> Iterator[_Name]:
    """The persons of a list after a role and its colon, each "Name (State)": the bracketed State
    makes each a person even when a word of the name is a State's ("Chad Whitfield (Canada)")."""
    while m := re.compile(rf"(?P<name>{NAME})").match(text, pos):
        name = _name(text, m, states)
        if not (name.state and _plain_name(m.group("name"))):
            return
        yield name
        pos = PERSON_SEP.match(text, name.after).end()


def _in_officers_list(text: str, line_start: int) -> bool:
    """The line at ``line_start`` follows, across lines that each hold one "Name (State)", a line
    that starts with an officer's role ("Vice-Presidents:")."""
    while line_start > 0:
        prev = text.rfind("\n", 0, line_start - 1) + 1
        line = text[prev:line_start - 1]
        if line.strip():
            if ROLE_LABEL.match(line):
                return True
            if not re.fullmatch(rf"[ \t\u00a0]*(?:{TITLE_EN}[ \u00a0]+)*{NAME}[ \u00a0]*(?:{TITLE_ZH})?[ \u00a0]*"
                                r"[（(].+[）)][ \t.;,]*", line):
                return False
        line_start = prev
    return False


def _name(text: str, m: re.Match, states: dict[int, Hit]) -> _Name:
    """The name matched, its title, and the State in brackets right after it (title included)."""
    start, end = m.span("name")
    title = m.groupdict().get("title")
    after = m.end("title") if title and m.start("title") > start else end
    bracket = re.compile(r"\s*[（(]").match(text, after)
    state = states.get(bracket.end()) if bracket else None
    close = re.compile(r"\s*[）)]").match(text, state.end) if state else None
    if close:
        after = close.end()
    else:
        state = None
    begin = min(start, m.start("title")) if title else start
    return _Name(start, end, title.rstrip(".") if title else None, state, after, begin)


def _plain_name(name: str) -> bool:
    """Without a title, a name needs two words and must not start like a sentence ("The Chair")."""
    words = [t for t in name.split() if not re.fullmatch(PARTICLE, t)]
    return len(words) >= 2 and words[0] not in NOT_FIRST_NAMES


def _role(text: str, lang: str, names: list[_Name], i: int) -> str | None:
    """The officer role of person ``names[i]`` (``names`` in text order): named just before (in
    the same clause, across a list of persons) or just after the name and its bracketed State."""
    name = names[i]
    m = (AFTER_ROLE_ZH if lang == "zh" else AFTER_ROLE_EN).match(text, name.after)
    if m:
        return _role_of(m)
    clause_start = _clause_start(text, lang, name.start)
    cues = list(re.finditer(ROLE_ZH if lang == "zh" else ROLE_EN, text[clause_start:name.start]))
    if not cues:
        return None
    cue = cues[-1]
    gap = text[clause_start + cue.end():name.start]
    for j in range(i - 1, -1, -1):  # earlier persons of the same list, with their titles and States
        if names[j].start < clause_start + cue.end():
            break
        gap = gap.replace(text[names[j].start:names[j].after], "")
    if lang == "zh":  # "主席 X", or a list after a colon ("由以下讨论小组成员引导：X、Y")
        linked = re.fullmatch(r"[\s、]*|[^，。；]{0,20}[：:][\s、]*", gap)
    else:
        linked = LINK_EN.match(re.sub(rf"\b{TITLE_EN}|\band\b", " ", gap))
    return _role_of(cue) if linked else None


def _role_of(m: re.Match) -> str:
    return next(ROLE_NAMES[k] for k, v in m.groupdict().items() if v and k in ROLE_NAMES)


def _clause_start(text: str, lang: str, i: int) -> int:
    stops = "，。；\n" if lang == "zh" else ".;\n"
    j = max(text.rfind(c, 0, i) for c in stops)
    if lang != "zh":  # "Mr." and "Dr." do not end a clause
        while j > 0 and re.search(rf"\b{TITLE_EN}$|\b[A-Z]$", text[max(0, j - 20):j]):
            j = max(text.rfind(c, 0, j) for c in stops)
    return j + 1


# -- participations -------------------------------------------------------------------------

SPEAK_ZH = re.compile(r"(?:作了?|作出了?|发表了?)[^，。；：]{0,15}?发言(?![者人])|发了言")
SPEAK_EN = re.compile(r"\b[Ss]tatements? (?:was|were) (?:also )?made\b|\bmade (?:an? )?(?:\w+ )?statements?\b"
                      r"|\bdelivered (?:an? )?(?:\w+ )?statements?\b|\btook the floor\b")
ATTEND_ZH = re.compile(r"出席|与会(?!者)")
ATTEND_EN = re.compile(r"\b(?:was|were) (?:also )?represented\b|\brepresented by (?:an )?observers?\b"
                       r"|\battended\b|\battending\b|\bwere present\b")
# Attendance categories, first match wins: the negative forms contain the positive ones.
# "非《公约》缔约国": a title may stand between 非 and what it negates.
STATUS_ZH = (("non-signatory-observer", r"既非.{0,12}也非|(?:非|不是|并非)(?:《[^》]{1,40}》)?(?:公约|议定书)?(?:签署国|缔约国)"
                                        r"|未签署"),
             ("signatory-observer", r"签署国"), ("party", r"区域经济一体化组织"), ("observer", r"观察员|非[^，。；：]{0,8}成员"),
             ("member", r"成员国|成员的代表"), ("party", r"缔约国|缔约方"))
# "States not party": reports list the signatories in a sentence of their own, so the States that
# are "not party" in another are the non-signatories.
STATUS_EN = (("non-signatory-observer", r"\bnot (?:a )?part(?:y|ies)\b|non-signator"
                                        r"|\bneither (?:a )?part(?:y|ies) (?:to )?nor (?:a )?signator"),
             ("signatory-observer", r"\bsignator(?:y|ies)\b"),
             ("party", r"\bregional economic integration organi[sz]ation"),
             ("observer", r"\bobservers?\b|\bnot (?:a )?members? of\b|\bnon-members?\b"),
             ("member", r"\b(?:States? )?members? of the (?:Commission|Council|Board|Committee)\b"
                        r"|\bmember States of the (?:Commission|Council)\b"),
             ("party", r"\bStates? part(?:y|ies)\b|\bpart(?:y|ies) to\b"))
# "The representative of X said", "X代表指出": X spoke.
SPOKESMAN_EN = re.compile(r"(?i)\b(?:(?:representatives?|observers?|delegations?) (?:of|for)|speakers? from)"
                          r" (?:the )?$")
SAID_EN = re.compile(r"\b(?:said|stated|noted|observed|emphasi[sz]ed|stressed|highlighted|underlined|expressed|"
                     r"informed|reported|explained|described|indicated|mentioned|welcomed|recalled|proposed|"
                     r"suggested|called|urged|shared|presented|added|pointed out|drew attention|referred)\b")
SPOKESMAN_ZH = re.compile(r"的?(?:代表|观察员)[^，。；]{0,20}?"
                          r"(?:说|指出|表示|强调|介绍|报告|提到|称|呼吁|建议|回顾|欢迎|提请|补充|发言)")
# A statement placed at another meeting than the document's ("at the previous meeting", 上次会议上).
OTHER_MEETING_EN = re.compile(r"\b(?:at|during|in) (?:the|its|their) (?:previous|last|preceding|earlier|prior|past)"
                              r" (?:meetings?|sessions?)\b|\b(?:at|during|in) (?:previous|earlier|past|prior)"
                              r" (?:meetings|sessions)\b")
OTHER_MEETING_ZH = re.compile(r"(?:上次|上一次|上届|前一次|以往|此前|先前|前几次|历次)[^，。；]{0,4}(?:会议|届会)")
# Who a list sentence without a colon is about: "the representative of X", "X的代表", "X观察员".
HEAD_ZH = re.compile(r"的?(?:代表|观察员)")
ADDRESS_GLUE = re.compile(r"\s*(?:of(?: the)?|的)?\s*")  # "X of the Y", "Y的X", "YX"
LIST_GLUE = re.compile(r"^(?:\s*(?:,|、|和|及|and|, and)\s*)$")
ITEM_ZH, ITEM_EN = r"\d+(?:\s*[（(][a-z][）)])?", r"\d+(?:\s*\([a-z]\))?"  # 2, 4 (a)
AGENDA_ZH = re.compile(rf"议程项目\s*(?P<items>{ITEM_ZH}(?:\s*(?:、|和|及|至|，|,)\s*{ITEM_ZH})*)")
AGENDA_EN = re.compile(rf"\bagenda items?\s+(?P<items>{ITEM_EN}(?:\s*(?:,|and|to|-|–)\s*{ITEM_EN})*)")
ABBREVIATION = re.compile(rf"(?:\b{TITLE_EN}|\b(?:No|Nos|para|paras|art|arts|St|Jr|Sr|e\.g|i\.e|etc|vol|pp?|[A-Z]))$")
# Bodies whose secretariat is UNODC (with the United Nations Office at Vienna, whose Director-General
# is UNODC's Executive Director): at their meetings UNODC services, it does not attend.
UNODC_SERVICED = {"COP", "CCPCJ", "CND", "COSP"}


def find_participations(doc: Document, hits: list[Hit]) -> list[Participation]:
    """Attendance, speaker and "the representative of X said" entries, sentence by sentence.
    ``hits`` are the State and Organization hits that may participate (persons' own States removed)."""
    text, lang = doc.text, doc.lang
    excluded = _servicing_bodies(doc.meta.body)
    hits = sorted(hits, key=lambda h: h.start)
    starts = [h.start for h in hits]
    out: list[Participation] = []
    for start, end in sentences(text, lang):
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        inside = [h for h in hits[first:last] if h.end <= end and h.key not in excluded]
        if inside:
            out += _sentence_participations(text, lang, start, end, inside)
    return out


def _servicing_bodies(body: str | None) -> set[str]:
    """Those who hold or service the meeting rather than attend it: the Secretariat, the body
    whose meeting it is, the bodies above that one (a working group's Conference), and UNODC
    for the bodies it services."""
    out = {"Secretariat"}
    while body and body not in out:
        out.add(body)
        entry = lookup(body)
        body = entry.parent if entry else None
    if out & UNODC_SERVICED:
        out |= {"UNODC", "UNOV"}
    return out


ORGANIZATIONS_OBSERVE = "observer (organisations only)"


def _roles(s: str, lang: str) -> list[str]:
    """The roles a sentence gives its list: speaker, and an attendance category."""
    zh = lang == "zh"
    roles = []
    if (SPEAK_ZH if zh else SPEAK_EN).search(s):
        roles.append("speaker")
    status = next((r for r, pat in (STATUS_ZH if zh else STATUS_EN) if re.search(pat, s)), None)
    if (ATTEND_ZH if zh else ATTEND_EN).search(s):  # "experts attended a round table": no list
        # without a status, the organisations and units of a list attend as observers ("联合国秘书处下列
        # 单位派代表出席了会议：…", "The following United Nations entities were represented: …"),
        # unless the sentence is about their statements ("出席会议的欧洲联盟代表作了发言")
        if status or not roles:
            roles.append(status or ORGANIZATIONS_OBSERVE)
    return roles


def _sentence_participations(text: str, lang: str, start: int, end: int, hits: list[Hit]) -> list[Participation]:
    roles = _roles(text[start:end], lang)
    items = _agenda_items(text[start:end], lang)
    if roles:
        listed = _listed(text, lang, start, end, hits)
    elif (OTHER_MEETING_ZH if lang == "zh" else OTHER_MEETING_EN).search(text, start, end):
        return []  # "the representative of X noted at the previous meeting": not a speaker at this one
    else:
        listed, roles = _spokesmen(text, lang, start, end, hits), ["speaker"]
    seen: set[tuple[str, str]] = set()
    out = []
    for h in listed:
        for role in roles:
            if role == ORGANIZATIONS_OBSERVE:
                if h.kind != "Organization":
                    continue
                role = "observer"
            if (h.key, role) not in seen:
                seen.add((h.key, role))
                out.append(Participation(key=h.key, kind=h.kind, role=role, start=h.start, end=h.end,
                                         text=h.text, agenda_items=items))
    return out


def _colon(text: str, start: int, end: int) -> int:
    return min((i for i in (text.find("：", start, end), text.find(":", start, end)) if i >= 0), default=-1)


def _listed(text: str, lang: str, start: int, end: int, hits: list[Hit]) -> list[Hit]:
    """The entries of a list sentence. With a colon, the names after it, except those in an
    aside in brackets ("Cuba (on behalf of the Group of 77 and China)"). Without one, the names
    the sentence is about ("the representative of X", "X的代表", "X观察员") with their list
    neighbours, or else its subjects (``_subjects``). Never a name inside a 《》 title;
    an organisation named right next to one of its own units ("the Department of Political
    Affairs of the Secretariat", "秘书处政治事务部") is only that unit's address."""
    colon = _colon(text, start, end)
    hits = [h for h in hits if h.start > colon and not _in_title(text, start, h.start)]
    if colon >= 0:
        hits = [h for h, aside in zip(hits, _asides(text, colon + 1, hits)) if not aside]
    else:
        heads = _heads(text, lang, start, hits)
        if heads:
            step = -1 if lang == "zh" else +1
            keep = sorted({j for i in heads for j in _chain(text, hits, i, step)})
            hits = [hits[j] for j in keep]
        else:
            hits = _subjects(text, lang, start, end, hits)
    return [h for i, h in enumerate(hits) if not _addresses_neighbour(text, hits, i)]


OBJECT_EN = re.compile(r"\b(?:with|about|regarding|concerning|on|to|from|in|of)\s+(?:the\s+)?$")
OBJECT_ZH = re.compile(r"(?:与|同|就|对|向|在|关于|有关)$")
BY_EN = re.compile(r"\s*(?:also\s+)?by\s+(?:the\s+)?")


def _subjects(text: str, lang: str, start: int, end: int, hits: list[Hit]) -> list[Hit]:
    """The names a list sentence without a colon or a head is about: those before its verb that
    are not objects of a preposition ("The European Union, a regional economic integration
    organization..., was represented"; not "Several speakers made statements on cooperation with
    Mexico"), and the list right after "made by" ("Statements were made by Algeria and Chile")."""
    zh = lang == "zh"
    cues = [m for m in ((SPEAK_ZH if zh else SPEAK_EN).search(text, start, end),
                        (ATTEND_ZH if zh else ATTEND_EN).search(text, start, end)) if m]
    if not cues:
        return hits
    cue = min(cues, key=lambda m: m.start())
    objects = OBJECT_ZH if zh else OBJECT_EN
    out = [h for h in hits if h.end <= cue.start() and not objects.search(text, max(start, h.start - 20), h.start)]
    by = None if zh else BY_EN.match(text, cue.end())
    first = next((i for i, h in enumerate(hits) if by and h.start == by.end()), None)
    if first is not None:
        out += [hits[j] for j in _chain(text, hits, first, +1)]
    return out


def _heads(text: str, lang: str, start: int, hits: list[Hit]) -> list[int]:
    if lang == "zh":
        return [i for i, h in enumerate(hits) if HEAD_ZH.match(text, h.end)]
    return [i for i, h in enumerate(hits) if SPOKESMAN_EN.search(text[max(start, h.start - 40):h.start])]


def _asides(text: str, start: int, hits: list[Hit]) -> list[bool]:
    """For each hit: does it stand in brackets that are not part of a name, after a name of another
    entity ("Algeria (on behalf of ...)")? An acronym after its own name ("... Europe (OSCE)") is
    no aside. Brackets inside names ("Bolivia (Plurinational State of)") are skipped."""
    out, opened, pos = [], [], start
    for i, h in enumerate(hits):
        for k in range(pos, h.start):
            if text[k] in "(（":
                opened.append(k)
            elif text[k] in ")）" and opened:
                opened.pop()
        pos = max(pos, h.end)
        if not opened:
            out.append(False)
            continue
        before = [g for g in hits[:i] if g.end <= opened[-1]]
        owner = before[-1] if before and not text[before[-1].end:opened[-1]].strip() else None
        out.append(owner is None or owner.key != h.key)
    return out


def _addresses_neighbour(text: str, hits: list[Hit], i: int) -> bool:
    for j in (i - 1, i + 1):
        if 0 <= j < len(hits):
            unit = lookup(hits[j].key)
            a, b = sorted((hits[i], hits[j]), key=lambda h: h.start)
            if unit and unit.parent == hits[i].key and ADDRESS_GLUE.fullmatch(text, a.end, b.start):
                return True
    return False


def _in_title(text: str, start: int, i: int) -> bool:
    before = text[start:i]
    return before.count("《") > before.count("》")


def _spokesmen(text: str, lang: str, start: int, end: int, hits: list[Hit]) -> list[Hit]:
    """Hits that name who spoke: "the representative(s) of X (, Y and Z) said", "X(、Y)代表指出"."""
    if lang == "zh":
        heads = [i for i, h in enumerate(hits) if SPOKESMAN_ZH.match(text, h.end, end)]
        return [hits[j] for i in heads for j in _chain(text, hits, i, -1)]
    if not SAID_EN.search(text, start, end):
        return []
    heads = [i for i, h in enumerate(hits) if SPOKESMAN_EN.search(text[max(start, h.start - 40):h.start])]
    return [hits[j] for i in heads for j in _chain(text, hits, i, +1)]


def _chain(text: str, hits: list[Hit], i: int, step: int) -> list[int]:
    """Hit ``i`` and its list neighbours (joined by commas, 、, and/和) in direction ``step``."""
    out = [i]
    while 0 <= i + step < len(hits):
        a, b = (hits[i], hits[i + step]) if step > 0 else (hits[i + step], hits[i])
        glue = text[a.end:b.start]
        if a.key == b.key and re.fullmatch(r"\s*[(（]", glue):  # "... Organization (INTERPOL)": its acronym
            i += step
            out.append(i)
            continue
        if a.start and text[a.start - 1] in "(（":  # "... (INTERPOL) and the ...": on past the acronym
            glue = re.sub(r"^[)）]", "", glue)
        if not LIST_GLUE.match(re.sub(r"^\s*the\s+|\s+the\s*$", "", glue)):
            break
        i += step
        out.append(i)
    return out


# -- organisations missing from the registry ------------------------------------------------

# A list of organisations: its items are organisations, named or not in the registry.
ORG_LIST_EN = re.compile(r"\b(?:organi[sz]ations?|entit(?:y|ies)|agenc(?:y|ies)|bodies|programmes|funds|institutes"
                         r"|institutions|units|offices)\b")
ORG_LIST_ZH = re.compile(r"组织|机构|实体|方案|研究所|基金")
# How an organisation's name ends in Chinese (协会, 理事会, 中心, 倡议, 调查, 国际崇德社...).
ORG_END_ZH = re.compile(r"(?:组织|会|中心|所|院|大学|联盟|网络?|倡议|调查|社|署|局|基金|项目|论坛|集团|处|国际|运动|同盟|机构|团)$")
CAP_EN = rf"[{UPPER}](?:[{LETTER}'’&-]|\.(?=[{LETTER}]))*"
# Words inside a name: "Global Initiative against Transnational Organized Crime", "Institute of
# Criminology and Justice"; "X and the Y" is two names.
CONNECT_EN = r"(?:(?:of|for|on|against|in|to|de|la|du|des)\s+(?:the\s+)?|and\s+(?!the\b))*"
ORG_NAME_EN = re.compile(rf"{CAP_EN}(?:[ \u00a0]+{CONNECT_EN}{CAP_EN})*")
OBSERVER_FOR_EN = re.compile(r"\bobservers? for (?:the )?")
# Chinese puts the category before the name: "非政府组织X的观察员", "方案网研究所之一的X的观察员".
OBSERVER_FOR_ZH = re.compile(r"(?:非政府组织|政府间组织|之一的)(?P<name>(?![和及与、])[^，。；：、（）()\s]{2,40}?)的?(?:观察员|代表)")
GLUE_WORDS = {"the", "of", "and", "for", "in", "on", "at"}
ITEM_SEP_EN = re.compile(r"\s*[,;]\s*(?:and\s+)?")
ITEM_SEP_ZH = re.compile(r"\s*[、，；]\s*")
NEXT_NAME_EN = re.compile(r",?\s+and\s+(?:the\s+)?|,\s*(?:the\s+)?")


def find_candidate_organizations(text: str, lang: str, hits: list[Hit]) -> list[Hit]:
    """Organisations that attend or speak but are not in the registry (non-governmental
    organisations, most often): the items of a list of organisations that no registry name
    covers, and "the observer for X" / "非政府组织X的观察员". Keyed ``candidate:<name>``; a
    registry name inside one ("Japan Federation of Bar Associations") is part of its name."""
    hits = sorted(hits, key=lambda h: h.start)
    starts = [h.start for h in hits]
    out: list[Hit] = []
    for start, end in sentences(text, lang):
        if not _roles(text[start:end], lang):
            continue
        inside = hits[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
        colon = _colon(text, start, end)
        if colon >= 0 and (ORG_LIST_ZH if lang == "zh" else ORG_LIST_EN).search(text, start, colon):
            out += _list_candidates(text, lang, colon + 1, end, inside)
        out += _observer_candidates(text, lang, start, end, inside)
        out += _apposition_candidates(text, lang, start, end, inside)
    taken, found = _Spans(), []
    for c in sorted(out, key=lambda c: (c.start, -c.end)):
        if not taken.overlaps(c.start, c.end):
            taken.add(c.start, c.end)
            found.append(c)
    return found


def _candidate(text: str, start: int, end: int) -> Hit:
    name = text[start:end]
    return Hit(start=start, end=end, text=name, key="candidate:" + re.sub(r"[\s/]+", "-", name.strip()),
               kind="Organization")


def _list_candidates(text: str, lang: str, start: int, end: int, hits: list[Hit]) -> list[Hit]:
    zh = lang == "zh"
    spans = _Spans.of((h.start, h.end) for h in hits)
    items, depth, i, item_start = [], 0, start, start
    sep = ITEM_SEP_ZH if zh else ITEM_SEP_EN
    while i < end:
        if spans.covers(i, i + 1):
            i += 1
            continue
        if text[i] in "(（":
            depth += 1
        elif text[i] in ")）":
            depth = max(0, depth - 1)
        elif depth == 0 and (m := sep.match(text, i)) and m.end() <= end:
            items.append((item_start, i))
            i = item_start = m.end()
            continue
        i += 1
    items.append((item_start, end))
    out = []
    last = items.pop()
    for a, b in items + _split_and(text, lang, *last, spans):  # only the last item holds the list's "and"
        a, b = _trim_item(text, lang, a, b)
        if b > a and not _covered(text, a, b, spans) and _name_shaped(text[a:b], lang):
            out.append(_candidate(text, a, b))
    return out


def _split_and(text: str, lang: str, a: int, b: int, spans: _Spans) -> list[tuple[int, int]]:
    """An item "X and Y" (the last of a list) is two when both halves are names ("Centre for
    Human Rights and Development and Small Arms Survey": the last "and" that leaves two)."""
    joiner = re.compile(r"[和及]" if lang == "zh" else r"\s+and\s+(?:the\s+)?")
    for m in reversed(list(joiner.finditer(text, a, b))):  # the last "and" first: names hold "and" too
        if spans.overlaps(m.start(), m.end()):
            continue
        left, right = _trim_item(text, lang, a, m.start()), _trim_item(text, lang, m.end(), b)
        if all(_name_shaped(text[x:y], lang) or _covered(text, x, y, spans) for x, y in (left, right)):
            return [(a, m.start()), (m.end(), b)]
    return [(a, b)]


def _trim_item(text: str, lang: str, a: int, b: int) -> tuple[int, int]:
    """An item without outer spaces, a leading "the", a closing stop, or an acronym in brackets."""
    item = text[a:b]
    lead = re.match(r"\s*(?:the\s+)?" if lang != "zh" else r"\s*", item).end()
    tail = re.search(r"\s*(?:[(（][^()（）]*[)）])?\s*[.。;；,，]?\s*$", item[lead:]).start()
    return a + lead, a + lead + tail


def _covered(text: str, a: int, b: int, spans: _Spans) -> bool:
    """Nothing but registry names between ``a`` and ``b``, with brackets and the words that join
    them ("European Border and Coast Guard Agency of the European Union", "欧洲联盟的...")."""
    rest = "".join(ch if not spans.covers(k, k + 1) else " " for k, ch in enumerate(text[a:b], a))
    return all(w in GLUE_WORDS for w in re.findall(r"[^\W\d_]+", re.sub(r"[的和及]", " ", rest)))


def _name_shaped(name: str, lang: str) -> bool:
    if lang == "zh":
        return 3 <= len(name) <= 40 and bool(ORG_END_ZH.search(name)) and not re.search(r"[，。；：]", name)
    words = [w for w in name.split() if w[:1].isupper()]
    return bool(ORG_NAME_EN.fullmatch(name)) and (len(words) >= 2 or bool(re.fullmatch(r"[A-Z]{3,}", name))) \
        and words[0] not in NOT_FIRST_NAMES


# "The X, a non-governmental organization (in consultative status …), was represented": the subject
# of an attendance or speaker sentence that an apposition says is an organisation.
APPOSITION_EN = re.compile(r"[^\S\n]*(?:[Tt]he[^\S\n]+)?(?P<name>[^,\n]{3,120}?),[^\S\n]+an?[^\S\n]+"
                           r"(?:[\w-]+[^\S\n]+){0,3}?organi[sz]ation\b")
# "非政府组织X派观察员出席了会议"
APPOSITION_ZH = re.compile(r"(?:非政府组织|政府间组织)(?P<name>(?![和及与、])[^，。；：、（）()\s]{2,40}?)派(?:了)?(?:观察员|代表)")


def _apposition_candidates(text: str, lang: str, start: int, end: int, hits: list[Hit]) -> list[Hit]:
    m = (APPOSITION_ZH if lang == "zh" else APPOSITION_EN).match(text, start, end)
    if lang == "zh" and m is None:
        m = APPOSITION_ZH.search(text, start, end)
    if not m:
        return []
    a, b = m.span("name")
    spans = _Spans.of((h.start, h.end) for h in hits)
    if _covered(text, a, b, spans) or not _name_shaped(m["name"], lang):
        return []
    return [_candidate(text, a, b)]


def _observer_candidates(text: str, lang: str, start: int, end: int, hits: list[Hit]) -> list[Hit]:
    """ "the observer(s) for X (, the Y and the Z)" where X, Y, Z may be unregistered names;
    "非政府组织X的观察员", "方案网研究所之一的X的观察员"."""
    out = []
    if lang == "zh":
        for m in OBSERVER_FOR_ZH.finditer(text, start, end):
            a, b = m.span("name")
            if not any(h.start == a and h.end >= b for h in hits) and _name_shaped(m["name"], lang):
                out.append(_candidate(text, a, b))
        return out
    by_start = {h.start: h for h in hits}
    for m in OBSERVER_FOR_EN.finditer(text, start, end):
        pos = m.end()
        while pos < end:
            if pos in by_start:
                pos = by_start[pos].end
                if (bracket := re.compile(r"\s*\([^()]*\)").match(text, pos)):
                    pos = bracket.end()
            elif (name := ORG_NAME_EN.match(text, pos)) and name.end() <= end and _name_shaped(name[0], lang):
                out.append(_candidate(text, pos, name.end()))
                pos = name.end()
            else:
                break
            nxt = NEXT_NAME_EN.match(text, pos)
            if not nxt:
                break
            pos = nxt.end()
    return out


# -- "the Conference", "the Working Group": the body whose document it is --------------------

ANAPHORS_EN = {"Conference": "COP", "Working Group": "WG", "Commission": "CCPCJ", "Assembly": "UNGA",
               "Council": "ECOSOC", "Bureau": "BUREAU"}
ANAPHORS_ZH = {"工作组": "WG", "委员会": "CCPCJ", "理事会": "ECOSOC"}


def body_anaphors(text: str, lang: str, body: str | None, hits: list[Hit]) -> list[Mention]:
    """Mentions of the document's own body (or the Conference above a working group) by a bare
    common noun: "the Conference", "the Working Group", "the Commission", "the Bureau" (its bureau),
    "工作组", "委员会".
    Only where no registry name covers the words and no name follows ("the Working Group on
    Firearms" is a name, even when the registry spells it otherwise); a Chinese noun must not end
    a longer name (专家工作组, 国家禁毒委员会), so it follows punctuation, a space, 本 or 该."""
    if not body:
        return []
    chain = _servicing_bodies(body) - {"Secretariat", "UNODC", "UNOV"}
    spans = _Spans.of((h.start, h.end) for h in hits)
    table = ANAPHORS_ZH if lang == "zh" else ANAPHORS_EN
    pattern = (rf"(?:(?<![{CJK}])|(?<=[本该]))(?P<w>" + "|".join(table) + ")" if lang == "zh" else
               r"\b[Tt]he (?P<w>" + "|".join(table) + r")\b(?! (?:on|of|for)\b)(?!['’]s? [A-Z])")
    out = []
    for m in re.finditer(pattern, text):
        key = table[m["w"]]
        key = body if key == "WG" and body.startswith("WG-") else key
        if key == "BUREAU":  # "the Bureau": the bureau of the body, as a bare 主席团 is
            key = _bureau_of(body)
            if key is None:
                continue
            chain.add(key)
        if key not in chain or spans.overlaps(*m.span("w")):
            continue
        entry = lookup(key)
        out.append(Mention(kind="Organization", key=key, text=m["w"], start=m.start("w"), end=m.end("w"),
                           label_en=entry.label_en if entry else None, label_zh=entry.label_zh if entry else None))
    return out


def _agenda_items(s: str, lang: str) -> tuple[str, ...]:
    """Agenda item numbers named in a sentence: "议程项目 2 和 3" -> ("2", "3"); "items 2 to 4" -> 2, 3, 4."""
    m = (AGENDA_ZH if lang == "zh" else AGENDA_EN).search(s)
    if not m:
        return ()
    items: list[str] = []
    in_range = False
    for n, letter, sep in re.findall(r"(\d+)(?:\s*[（(]([a-z])[）)])?|(至|to|-|–)", m.group("items")):
        if sep:
            in_range = True
        elif in_range and items and items[-1].isdigit():
            items += [str(k) for k in range(int(items[-1]) + 1, int(n) + 1)]
            in_range = False
        else:
            items.append(f"{n}({letter})" if letter else n)
    return tuple(items)


def sentences(text: str, lang: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence; sentences never cross a line break."""
    stops = re.compile(r"[。！？]" if lang == "zh" else r"[.!?](?=\s+[\"“(A-Z\d])")
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for m in stops.finditer(text, line.start(), line.end()):
            if lang != "zh" and ABBREVIATION.search(text, max(line.start(), m.start() - 12), m.start()):
                continue
            yield start, m.end()
            start = m.end()
        if start < line.end():
            yield start, line.end()
