"""Participations: who attended a meeting and who spoke at it, sentence by sentence.

An attendance sentence gives its list the category its cue words say (States parties -> party,
signatories -> signatory-observer, not parties, 非《公约》缔约国 -> non-signatory-observer, a regional
economic integration organisation -> party, observers, not members -> observer, States members of
the Commission, 委员会成员国 -> member; without any, the organisations and units of the list ->
observer); a speaker sentence makes its list speakers, per agenda item when given; "the
representative of X said", "speakers from X" make X a speaker. A list after a colon is the part
after the colon, without asides in brackets ("Cuba (on behalf of the Group of 77 and China)"); a
sentence without a colon is about the names right after "the representative(s) of" /
"observer(s) for" (or before 代表/观察员) and their list neighbours, not about the appositions after
them (", a non-governmental organization in consultative status with the Economic and Social
Council", ", speaking on behalf of ..."), and about every name only when it has none such. Names
inside 《》 titles, a person's State, the Secretariat, the meeting's own body, the bodies above it
and, for the bodies UNODC services, UNODC and the United Nations Office at Vienna never
participate: they service or hold the meeting.
"""
from __future__ import annotations

import bisect
import re

from unkg.ontology.registry import lookup

from .actors import ORGANIZATIONS_OBSERVE, ListRole, colon, roles, servicing_bodies
from .lang import Grammar, grammar
from .mentions import actor_hits, find_mentions
from .models import Document, Hit, Mention, Participation, Person
from .persons import find_persons

ACRONYM_AFTER = re.compile(r"\s*[(（]")  # "... Organization (INTERPOL)": its acronym follows
ACRONYM_CLOSE = re.compile(r"^[)）]")


# Kinds of document (``Metadata.kind``) that are the text a body adopted: they have no participants.
RECORDS_NO_ATTENDANCE = frozenset({"resolution", "decision", "draft resolution", "draft decision", "declaration",
                                   "presidential statement"})


def find_participations(doc: Document, hits: tuple[Hit, ...], g: Grammar) -> tuple[Participation, ...]:
    """Attendance, speaker and "the representative of X said" entries, sentence by sentence, of
    the actors that may participate (``mentions.actor_hits``: persons' own States removed).
    A resolution, decision or declaration records what a body decided, not who attended: the
    States and organisations it names are mentions, never participants."""
    if doc.meta.kind in RECORDS_NO_ATTENDANCE:
        return ()
    text = doc.text
    excluded = servicing_bodies(doc.meta.body)
    listed = sorted(actor_hits(doc, hits, g).listed, key=lambda h: h.start)
    starts = [h.start for h in listed]
    out: list[Participation] = []
    for start, end in g.sentences.spans(text):
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        inside = [h for h in listed[first:last] if h.end <= end and h.key not in excluded]
        if inside:
            out += _sentence_participations(text, g, start, end, inside)
    return tuple(out)


def find_actors(doc: Document, hits: list[Hit] | tuple[Hit, ...]
                ) -> tuple[list[Mention], list[Person], list[Participation]]:
    """The three finders at once (mentions, persons, participations) as lists, for callers that
    want a document's actors together; they share their steps."""
    g, hits = grammar(doc.lang), tuple(hits)
    return (list(find_mentions(doc, hits, g)), list(find_persons(doc, hits, g)),
            list(find_participations(doc, hits, g)))


def _sentence_participations(text: str, g: Grammar, start: int, end: int, hits: list[Hit]) -> list[Participation]:
    sentence_roles = roles(text[start:end], g)
    items = agenda_items(text[start:end], g)
    if sentence_roles:
        listed = _listed(text, g, start, end, hits)
    elif g.actors.OTHER_MEETING.search(text, start, end):
        return []  # "the representative of X noted at the previous meeting": not a speaker at this one
    else:
        listed, sentence_roles = _spokesmen(text, g, start, end, hits), ["speaker"]
    seen: set[tuple[str, str]] = set()
    out = []
    for h in listed:
        for role in sentence_roles:
            role = _role_for(role, h)
            if role is not None and (h.key, role) not in seen:
                seen.add((h.key, role))
                out.append(Participation(key=h.key, kind=h.kind, role=role, start=h.start, end=h.end,
                                         text=h.text, agenda_items=items))
    return out


def _role_for(role: ListRole, h: Hit) -> ListRole | None:
    """The role a list's role gives entry ``h``: "observer (organisations only)" none to a State."""
    if role != ORGANIZATIONS_OBSERVE:
        return role
    return "observer" if h.kind == "Organization" else None


def agenda_items(s: str, g: Grammar) -> tuple[str, ...]:
    """Agenda item numbers named in a sentence: "议程项目 2 和 3" -> ("2", "3"); "items 2 to 4" -> 2, 3, 4."""
    m = g.actors.AGENDA.search(s)
    if not m:
        return ()
    items: list[str] = []
    in_range = False
    for n, letter, sep in g.actors.AGENDA_ITEM.findall(m.group("items")):
        if sep:
            in_range = True
        elif in_range and items and items[-1].isdigit():
            items += [str(k) for k in range(int(items[-1]) + 1, int(n) + 1)]
            in_range = False
        else:
            items.append(f"{n}({letter})" if letter else n)
    return tuple(items)


def _listed(text: str, g: Grammar, start: int, end: int, hits: list[Hit]) -> list[Hit]:
    """The entries of a list sentence. With a colon, the names after it, except those in an
    aside in brackets ("Cuba (on behalf of the Group of 77 and China)"). Without one, the names
    the sentence is about ("the representative of X", "X的代表", "X观察员") with their list
    neighbours, or else its subjects (``_subjects``). Never a name inside a 《》 title;
    an organisation named right next to one of its own units ("the Department of Political
    Affairs of the Secretariat", "秘书处政治事务部") is only that unit's address."""
    c = colon(text, start, end)
    hits = [h for h in hits if h.start > c and not _in_title(text, g, start, h.start)]
    if c >= 0:
        hits = [h for h, aside in zip(hits, _asides(text, c + 1, hits)) if not aside]
    else:
        heads = [i for i, h in enumerate(hits) if g.actors.is_head(text, start, h)]
        if heads:
            keep = sorted({j for i in heads for j in _chain(text, g, hits, i, g.actors.HEAD_STEP)})
            hits = [hits[j] for j in keep]
        else:
            hits = _subjects(text, g, start, end, hits)
    return [h for i, h in enumerate(hits) if not _addresses_neighbour(text, g, hits, i)]


def _subjects(text: str, g: Grammar, start: int, end: int, hits: list[Hit]) -> list[Hit]:
    """The names a list sentence without a colon or a head is about: those before its verb that
    are not objects of a preposition ("The European Union, a regional economic integration
    organization..., was represented"; not "Several speakers made statements on cooperation with
    Mexico"), and the list right after "made by" ("Statements were made by Algeria and Chile")."""
    cues = [m for m in (g.actors.SPEAK.search(text, start, end), g.actors.ATTEND.search(text, start, end)) if m]
    if not cues:
        return hits
    cue = min(cues, key=lambda m: m.start())
    out = [h for h in hits
           if h.end <= cue.start() and not g.actors.OBJECT.search(text, max(start, h.start - 20), h.start)]
    by = g.actors.BY.match(text, cue.end())
    first = next((i for i, h in enumerate(hits) if by and h.start == by.end()), None)
    if first is not None:
        out += [hits[j] for j in _chain(text, g, hits, first, +1)]
    return out


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
        before = [b for b in hits[:i] if b.end <= opened[-1]]
        owner = before[-1] if before and not text[before[-1].end:opened[-1]].strip() else None
        out.append(owner is None or owner.key != h.key)
    return out


def _addresses_neighbour(text: str, g: Grammar, hits: list[Hit], i: int) -> bool:
    for j in (i - 1, i + 1):
        if 0 <= j < len(hits):
            unit = lookup(hits[j].key)
            a, b = sorted((hits[i], hits[j]), key=lambda h: h.start)
            if unit and unit.parent == hits[i].key and g.actors.ADDRESS_GLUE.fullmatch(text, a.end, b.start):
                return True
    return False


def _in_title(text: str, g: Grammar, start: int, i: int) -> bool:
    """Does ``text[i]`` stand inside a 《》 title opened after ``start``?"""
    before = text[start:i]
    return before.count(g.actors.TITLE_OPEN) > before.count(g.actors.TITLE_CLOSE)


def _spokesmen(text: str, g: Grammar, start: int, end: int, hits: list[Hit]) -> list[Hit]:
    """Hits that name who spoke: "the representative(s) of X (, Y and Z) said", "X(、Y)代表指出"."""
    if not g.actors.spoke(text, start, end):
        return []
    heads = [i for i, h in enumerate(hits) if g.actors.is_spokesman(text, start, end, h)]
    return [hits[j] for i in heads for j in _chain(text, g, hits, i, g.actors.HEAD_STEP)]


def _chain(text: str, g: Grammar, hits: list[Hit], i: int, step: int) -> list[int]:
    """Hit ``i`` and its list neighbours (joined by commas, 、, and/和) in direction ``step``."""
    out = [i]
    while 0 <= i + step < len(hits):
        a, b = (hits[i], hits[i + step]) if step > 0 else (hits[i + step], hits[i])
        glue = text[a.end:b.start]
        if a.key == b.key and ACRONYM_AFTER.fullmatch(glue):  # "... Organization (INTERPOL)": its acronym
            i += step
            out.append(i)
            continue
        if a.start and text[a.start - 1] in "(（":  # "... (INTERPOL) and the ...": on past the acronym
            glue = ACRONYM_CLOSE.sub("", glue)
        if not g.actors.LIST_GLUE.match(g.actors.LIST_GLUE_THE.sub("", glue)):
            break
        i += step
        out.append(i)
    return out
