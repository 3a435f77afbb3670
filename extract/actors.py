"""Actors: States and organisations named in a document, persons, and the roles lists give them.

``find_actors(doc, hits)`` reads like a recipe:

1. Persons (``find_persons``): a Latin-script name after a title (Mr., Dr., Colonel...), before a
   Chinese title (先生, 博士, 上校...), after an officer's role (主席, chaired by), or followed by a
   State in brackets and a role ("X Y (Italy), Chair of..."; without the role "Addis Ababa
   (Ethiopia)" would be a person); a Chinese-script name needs a title and the bracketed State. Titles are not
   part of the name; the bracketed State is ``Person.state``; the role (chair, vice-chair,
   rapporteur, panelist) comes from the words that introduce the person or follow the bracket.
2. Mentions: every State and Organization hit, except the words of a person's name (Mr. Chad
   Smith is no mention of Chad) and hits inside URLs. The State in brackets after a person *is*
   a mention.
3. Participations, sentence by sentence: an attendance sentence gives its list the category its
   cue words say (States parties -> party, signatories -> signatory-observer, neither
   -> non-signatory-observer, a regional economic integration organisation -> party,
   observers -> observer); a speaker sentence makes its list speakers, per agenda item when
   given; "the representative of X said" makes X a speaker. A list after a colon is the part
   after the colon; names inside 《》 titles, a person's State, the Secretariat and the meeting's
   own body (and the bodies above it) never participate: they service or hold the meeting.

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
ROLE_EN = (r"(?P<vice>[Vv]ice-(?:[Cc]hair(?:person|man|woman)?|President))"
           r"|(?P<chair>\b[Cc]hair(?:person|man|woman|ed by)?\b|\bPresident\b)"
           r"|(?P<rapporteur>\b[Rr]apporteur\b)|(?P<panelist>\bpanel(?:l)?ists?\b|\bpanel members?\b)")
ROLE_NAMES = {"vice": "vice-chair", "chair": "chair", "rapporteur": "rapporteur", "panelist": "panelist"}
# Words allowed between a role and the person it introduces ("chaired by", "guided by the following
# panellists:"); anything else (a verb: "The Chair thanked Mr. X") breaks the link.
LINK_EN = re.compile(r"(?i)^[\s,:;]*(?:(?:of|the|working|group|meeting|session|conference|was|were|by|as|"
                     r"elected|guided|moderated|led|and|following|its|their)[\s,:;]+)*$")
AFTER_ROLE_EN = re.compile(r"\s*,?\s*(?:(?:was|were)\s+)?(?:(?:re-)?elected\s+|appointed\s+)?(?:as\s+)?"
                           r"(?:the\s+)?(?:" + ROLE_EN + ")")
AFTER_ROLE_ZH = re.compile(r"\s*(?:[（(]|当选为|被选为|担任|为)?\s*(?:工作组|会议|缔约方会议)?(?:" + ROLE_ZH + ")")
NOT_FIRST_NAMES = {"The", "A", "An", "In", "On", "At", "For", "By", "Of", "And", "Under", "With", "This", "That",
                   "These", "Those", "Its", "Their", "Statements", "Representatives", "States", "Member"}
URL = re.compile(r"(?:https?://|www\.)[^\s，。；、）)》]+")
ACTOR_KINDS = ("State", "Organization")


@dataclass(frozen=True, slots=True)
class _Name:
    start: int
    end: int
    title: str | None
    state: Hit | None
    after: int  # just after the name, its title and its bracketed State


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
    names = _person_names(doc.text, doc.lang, hits)
    persons = [_person(doc.text, doc.lang, names, i) for i in range(len(names))]
    in_names = _Spans.of((n.start, n.end) for n in names)
    nationality = {(n.state.start, n.state.end) for n in names if n.state}
    urls = _Spans.of(m.span() for m in URL.finditer(doc.text))
    actors = [h for h in hits if h.kind in ACTOR_KINDS
              and not in_names.covers(h.start, h.end) and not urls.covers(h.start, h.end)]
    mentions = [_mention(h) for h in actors]
    listed = [h for h in actors if (h.start, h.end) not in nationality]
    return mentions, persons, find_participations(doc, listed)


def _mention(h: Hit) -> Mention:
    entry = lookup(h.key)
    return Mention(kind=h.kind, key=h.key, text=h.text, start=h.start, end=h.end,
                   label_en=entry.label_en if entry else None, label_zh=entry.label_zh if entry else None)


# -- persons --------------------------------------------------------------------------------

def find_persons(text: str, lang: str, hits: list[Hit]) -> list[Person]:
    """Persons named in ``text``, in order, with their State and role when the text gives them."""
    names = _person_names(text, lang, hits)
    return [_person(text, lang, names, i) for i in range(len(names))]


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
    for m in re.finditer(rf"\b(?P<title>{TITLE_EN})[ \u00a0]+(?P<name>{NAME})", text):
        yield _name(text, m, states)
    for m in re.finditer(rf"(?P<name>{NAME})\s*(?P<title>{TITLE_ZH})", text):
        yield _name(text, m, states)
    for m in re.finditer(rf"(?:(?<=[：:、，,。；\s（(])|^|(?<=主席))(?P<name>{CJK_NAME})(?P<title>{TITLE_ZH})", text):
        name = _name(text, m, states)
        if name.state and not hits.overlaps(name.start, name.end):  # a Chinese-script name needs its State
            yield name
    role = ROLE_ZH if lang == "zh" else ROLE_EN
    for m in re.finditer(rf"(?:{role})[ \u00a0]*(?P<name>{NAME})", text):
        if _plain_name(m.group("name")) and not hits.overlaps(*m.span("name")):
            yield _name(text, m, states)
    for m in re.finditer(rf"(?P<name>{NAME})", text):  # "X Y (Italy), Chair of...": the role must follow,
        name = _name(text, m, states)  # or "Addis Ababa (Ethiopia)" would be a person
        if (name.state and _plain_name(m.group("name")) and not hits.overlaps(name.start, name.end)
                and (AFTER_ROLE_ZH if lang == "zh" else AFTER_ROLE_EN).match(text, name.after)):
            yield name


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
    return _Name(start, end, title.rstrip(".") if title else None, state, after)


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
                       r"|\battended\b|\bwere present\b")
# Attendance categories, first match wins: the negative forms contain the positive ones.
STATUS_ZH = (("non-signatory-observer", r"既非.{0,12}也非|非(?:公约|议定书)?(?:签署国|缔约国)|未签署"),
             ("signatory-observer", r"签署国"), ("party", r"区域经济一体化组织"), ("observer", r"观察员"), ("party", r"缔约国|缔约方"))
# "States not party": reports list the signatories in a sentence of their own, so the States that
# are "not party" in another are the non-signatories.
STATUS_EN = (("non-signatory-observer", r"\bnot (?:a )?part(?:y|ies)\b|non-signator"
                                        r"|\bneither (?:a )?part(?:y|ies) (?:to )?nor (?:a )?signator"),
             ("signatory-observer", r"\bsignator(?:y|ies)\b"),
             ("party", r"\bregional economic integration organi[sz]ation"), ("observer", r"\bobservers?\b"),
             ("party", r"\bStates? part(?:y|ies)\b|\bpart(?:y|ies) to\b"))
# "The representative of X said", "X代表指出": X spoke.
SPOKESMAN_EN = re.compile(r"\b(?:representatives?|observers?|delegations?) (?:of|for) (?:the )?$")
SAID_EN = re.compile(r"\b(?:said|stated|noted|observed|emphasi[sz]ed|stressed|highlighted|underlined|expressed|"
                     r"informed|reported|explained|described|indicated|mentioned|welcomed|recalled|proposed|"
                     r"suggested|called|urged|shared|presented|added|pointed out|drew attention|referred)\b")
SPOKESMAN_ZH = re.compile(r"的?(?:代表|观察员)[^，。；]{0,20}?"
                          r"(?:说|指出|表示|强调|介绍|报告|提到|称|呼吁|建议|回顾|欢迎|提请|补充)")
ADDRESS_GLUE = re.compile(r"\s*(?:of(?: the)?|的)?\s*")  # "X of the Y", "Y的X", "YX"
LIST_GLUE = re.compile(r"^(?:\s*(?:,|、|和|及|and|, and)\s*)$")
ITEM_ZH, ITEM_EN = r"\d+(?:\s*[（(][a-z][）)])?", r"\d+(?:\s*\([a-z]\))?"  # 2, 4 (a)
AGENDA_ZH = re.compile(rf"议程项目\s*(?P<items>{ITEM_ZH}(?:\s*(?:、|和|及|至|，|,)\s*{ITEM_ZH})*)")
AGENDA_EN = re.compile(rf"\bagenda items?\s+(?P<items>{ITEM_EN}(?:\s*(?:,|and|to|-|–)\s*{ITEM_EN})*)")
ABBREVIATION = re.compile(rf"(?:\b{TITLE_EN}|\b(?:No|Nos|para|paras|art|arts|St|Jr|Sr|e\.g|i\.e|etc|vol|pp?|[A-Z]))$")


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
    whose meeting it is, and the bodies above that one (a working group's Conference)."""
    out = {"Secretariat"}
    while body and body not in out:
        out.add(body)
        entry = lookup(body)
        body = entry.parent if entry else None
    return out


def _sentence_participations(text: str, lang: str, start: int, end: int, hits: list[Hit]) -> list[Participation]:
    s = text[start:end]
    zh = lang == "zh"
    roles = []
    if (SPEAK_ZH if zh else SPEAK_EN).search(s):
        roles.append("speaker")
    status = next((r for r, pat in (STATUS_ZH if zh else STATUS_EN) if re.search(pat, s)), None)
    if status and (ATTEND_ZH if zh else ATTEND_EN).search(s):  # "experts attended a round table": no list
        roles.append(status)
    items = _agenda_items(s, lang)
    if roles:
        listed = _listed(text, start, end, hits)
    else:
        listed, roles = _spokesmen(text, lang, start, end, hits), ["speaker"]
    seen: set[tuple[str, str]] = set()
    out = []
    for h in listed:
        for role in roles:
            if (h.key, role) not in seen:
                seen.add((h.key, role))
                out.append(Participation(key=h.key, kind=h.kind, role=role, start=h.start, end=h.end,
                                         text=h.text, agenda_items=items))
    return out


def _listed(text: str, start: int, end: int, hits: list[Hit]) -> list[Hit]:
    """The entries of a list sentence: after its colon if it has one; never inside a 《》 title;
    an organisation named right next to one of its own units ("the Department of Political
    Affairs of the Secretariat", "秘书处政治事务部") is only that unit's address."""
    colon = min((i for i in (text.find("：", start, end), text.find(":", start, end)) if i >= 0), default=-1)
    hits = [h for h in hits if h.start > colon and not _in_title(text, start, h.start)]
    return [h for i, h in enumerate(hits) if not _addresses_neighbour(text, hits, i)]


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
        if not LIST_GLUE.match(re.sub(r"^\s*the\s+|\s+the\s*$", "", text[a.end:b.start])):
            break
        i += step
        out.append(i)
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
