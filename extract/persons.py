"""Persons: names, titles, bracketed States and officers' roles.

A Latin-script name after a title (Mr., Dr., H.E. Mr., Colonel...), before a Chinese title (先生,
博士, 上校...), after an officer's role (主席, chaired by, "Rapporteur:"), or followed by a State in
brackets and a role ("X Y (Italy), Chair of..."; without the role "Addis Ababa (Ethiopia)" would be
a person); a Chinese-script name needs a title and the bracketed State. Titles are not part of the
name; the bracketed State is ``Person.state``; the role (chair, vice-chair, rapporteur, panelist)
comes from the words that introduce the person or follow the bracket on the same line. In an
officers' list the lines holding only "Name (State)" under "Vice-Presidents:" are vice-chairs too.

Persons get no ``Participation`` rows: their role is ``Person.role`` and the graph keys them by
the slug of their name (``graph.iris.slug``).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .actors import Spans, once_per_document
from .lang import Grammar
from .models import Document, Hit, OfficerRole, Person
from .text import initials

LIST_GAP = re.compile(r"[\s,;，；、]*")
BRACKET_OPEN = re.compile(r"\s*[（(]")
BRACKET_CLOSE = re.compile(r"\s*[）)]")


@dataclass(frozen=True, slots=True)
class Name:
    start: int
    end: int
    title: str | None
    state: Hit | None
    after: int  # just after the name, its title and its bracketed State
    begin: int  # where the name or its title begins


def find_persons(doc: Document, hits: tuple[Hit, ...], g: Grammar) -> tuple[Person, ...]:
    """Persons named in the document, in order, with their State and role when the text gives them.
    In an officers' list the persons after the first one under a role label continue its role
    ("Vice-Presidents:  Ms. A (Spain)" / "  Mr. B (Ghana)")."""
    text, names = doc.text, person_names(doc, hits, g)
    out: list[Person] = []
    for i in range(len(names)):
        person = _person(text, g, names, i)
        if person.role is None and i and out[i - 1].role and _continues_list(text, names, i):
            person = Person(name=person.name, start=person.start, end=person.end, state=person.state,
                            role=out[i - 1].role, title=person.title)
        out.append(person)
    return tuple(out)


@once_per_document
def person_names(doc: Document, hits: tuple[Hit, ...], g: Grammar) -> tuple[Name, ...]:
    """The names of persons, in order; where readings overlap the first, strongest one wins."""
    states = {h.start: h for h in hits if h.kind == "State"}
    taken, found = Spans(), []
    for name in _candidates(doc.text, g, states, Spans.of((h.start, h.end) for h in hits)):
        if not taken.overlaps(name.start, name.end):
            taken.add(name.start, name.end)
            found.append(name)
    return tuple(sorted(found, key=lambda n: n.start))


def _continues_list(text: str, names: tuple[Name, ...], i: int) -> bool:
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


def _person(text: str, g: Grammar, names: tuple[Name, ...], i: int) -> Person:
    n = names[i]
    return Person(name=text[n.start:n.end], start=n.start, end=n.end, state=n.state.key if n.state else None,
                  role=_role(text, g, names, i), title=n.title)


def _candidates(text: str, g: Grammar, states: dict[int, Hit], hits: Spans) -> Iterator[Name]:
    """Names, strongest evidence first: a title; a role just before; a State in brackets and a
    role just after."""
    a = g.actors
    for m in re.finditer(rf"{initials(*a.TITLES_LATIN)}\b(?P<title>{a.TITLE_LATIN}(?:[ \u00a0]+{a.TITLE_LATIN})*)"
                         rf"[ \u00a0]+(?P<name>{a.NAME})", text):
        yield _name(text, m, states)  # "H.E. Mr. X": titles stack
    for m in re.finditer(rf"(?P<name>{a.NAME})\s*(?P<title>{a.TITLE_CJK})", text):
        yield _name(text, m, states)
    for m in re.finditer(rf"{a.CJK_NAME_START}(?P<name>{a.CJK_NAME})(?P<title>{a.TITLE_CJK})", text):
        name = _name(text, m, states)
        if name.state and not hits.overlaps(name.start, name.end):  # a Chinese-script name needs its State
            yield name
    for m in re.finditer(rf"(?:{a.ROLE})[ \u00a0]*[:：][ \t\u00a0]*", text):  # "panellists: X Y (Canada), Z W (Peru)"
        yield from _role_list(text, g, m.end(), states)
    for m in re.finditer(rf"(?:{a.ROLE})[ \u00a0]*[:：]?[ \t\u00a0]*(?P<name>{a.NAME})", text):  # "Chair: X Y"
        if _plain_name(g, m.group("name")) and not hits.overlaps(*m.span("name")):
            yield _name(text, m, states)
    yield from _officer_lines(text, g, states, hits)
    for m in re.finditer(rf"(?P<name>{a.NAME})", text):  # "X Y (Italy), Chair of...": the role must follow,
        name = _name(text, m, states)  # or "Addis Ababa (Ethiopia)" would be a person
        if (name.state and _plain_name(g, m.group("name")) and not hits.overlaps(name.start, name.end)
                and a.AFTER_ROLE.match(text, name.after)):
            yield name


def _officer_lines(text: str, g: Grammar, states: dict[int, Hit], hits: Spans) -> Iterator[Name]:
    """The lines of an officers' list after its label, each holding one "Name (State)"."""
    for m in re.finditer(rf"(?m)^[ \t\u00a0]*(?P<name>{g.actors.NAME})", text):
        name = _name(text, m, states)
        if (name.state and _plain_name(g, m.group("name")) and not hits.overlaps(name.start, name.end)
                and not text[name.after:_line_end(text, name.after)].strip() and _in_officers_list(text, g, m.start())):
            yield name


def _role_list(text: str, g: Grammar, pos: int, states: dict[int, Hit]) -> Iterator[Name]:
    """The persons of a list after a role and its colon, each "Name (State)": the bracketed State
    makes each a person even when a word of the name is a State's ("Chad Whitfield (Canada)")."""
    while m := re.compile(rf"(?P<name>{g.actors.NAME})").match(text, pos):
        name = _name(text, m, states)
        if not (name.state and _plain_name(g, m.group("name"))):
            return
        yield name
        pos = g.actors.PERSON_SEP.match(text, name.after).end()


def _in_officers_list(text: str, g: Grammar, line_start: int) -> bool:
    """The line at ``line_start`` follows, across lines that each hold one "Name (State)", a line
    that starts with an officer's role ("Vice-Presidents:")."""
    while line_start > 0:
        prev = text.rfind("\n", 0, line_start - 1) + 1
        line = text[prev:line_start - 1]
        if line.strip():
            if g.actors.ROLE_LABEL.match(line):
                return True
            if not g.actors.OFFICER_LINE.fullmatch(line):
                return False
        line_start = prev
    return False


def _name(text: str, m: re.Match, states: dict[int, Hit]) -> Name:
    """The name matched, its title, and the State in brackets right after it (title included)."""
    start, end = m.span("name")
    title = m.groupdict().get("title")
    after = m.end("title") if title and m.start("title") > start else end
    bracket = BRACKET_OPEN.match(text, after)
    state = states.get(bracket.end()) if bracket else None
    close = BRACKET_CLOSE.match(text, state.end) if state else None
    if close:
        after = close.end()
    else:
        state = None
    begin = min(start, m.start("title")) if title else start
    return Name(start, end, title.rstrip(".") if title else None, state, after, begin)


def _plain_name(g: Grammar, name: str) -> bool:
    """Without a title, a name needs two words and must not start like a sentence ("The Chair")."""
    words = [t for t in name.split() if not re.fullmatch(g.actors.PARTICLE, t)]
    return len(words) >= 2 and words[0] not in g.actors.NOT_FIRST_NAMES


def _role(text: str, g: Grammar, names: tuple[Name, ...], i: int) -> OfficerRole | None:
    """The officer role of person ``names[i]`` (``names`` in text order): named just before (in
    the same clause, across a list of persons) or just after the name and its bracketed State."""
    name = names[i]
    m = g.actors.AFTER_ROLE.match(text, name.after)
    if m:
        return _role_of(g, m)
    clause_start = g.actors.clause_start(text, name.start)
    cues = list(re.finditer(g.actors.ROLE, text[clause_start:name.start]))
    if not cues:
        return None
    cue = cues[-1]
    gap = text[clause_start + cue.end():name.start]
    for j in range(i - 1, -1, -1):  # earlier persons of the same list, with their titles and States
        if names[j].start < clause_start + cue.end():
            break
        gap = gap.replace(text[names[j].start:names[j].after], "")
    return _role_of(g, cue) if g.actors.role_linked(gap) else None


def _role_of(g: Grammar, m: re.Match) -> OfficerRole:
    return next(g.actors.ROLE_NAMES[k] for k, v in m.groupdict().items() if v and k in g.actors.ROLE_NAMES)
