"""Reading IRIs back into the values of ``iris`` (``iris.parse``): the inverse of ``str()``.

A path is read from its end, since citations, topic tags and participations are named under the
node they belong to; what is left is read by its first folder.
"""
from __future__ import annotations

import re
from urllib.parse import unquote

from .iris import (FOLDER, GRAPH, ID, IRI, Annotation, Block, Citation, Doc, DocGraph, Entity,
                   Footnote, Meeting, NamedGraph, Node, Paragraph, Participation, Provision,
                   Recommendation, Resolution, Run, Section, Selector, Topic, TopicTag, Vote, Expression)


_PROVISION = re.compile(r"""^(?P<unit>art|rule|recital|principle|guideline)_(?P<article>[^_]+)
    (?:__para_(?P<paragraph>[^_]+))?(?:__subpara_(?P<subparagraph>[^_]+))?$""", re.X)


def parse_iri(iri: str) -> IRI:
    """The value an IRI was minted from: ``parse_iri(str(x)) == x``."""
    if iri.startswith(GRAPH):
        rest = iri[len(GRAPH):]
        if "/" not in rest:
            return NamedGraph(rest)
        key, lang = rest.rsplit("/", 1)
        return DocGraph(unquote(key), lang)
    if not iri.startswith(ID):
        raise ValueError(f"not a unkg IRI: {iri}")
    head, hashed, part = iri.partition("#")
    if hashed:
        return Selector(parse_iri(head), part)
    return _path(iri[len(ID):].split("/"))


def _path(segs: list[str]) -> IRI:
    """Nodes named under another node are read from the end; roots from their folder."""
    last = segs[-1]
    if len(segs) > 3 and segs[-2] == "participation":
        agent, _, role = last.rpartition("_")
        return Participation(_path(segs[:-2]), agent, role)
    if len(segs) > 2 and last.startswith("cit_"):
        label, _, ordinal = last[4:].rpartition("_")
        return Citation(_path(segs[:-1]), label, int(ordinal))
    if len(segs) > 2 and last.startswith("topic_"):
        return TopicTag(_path(segs[:-1]), last[6:])
    if len(segs) > 2 and last == "text" and segs[0] in FOLDER.values():
        return Expression(_path(segs[:-1]))
    folder, keys = segs[0], [unquote(s) for s in segs[1:]]
    if folder == "doc":
        return _doc_part(Doc(keys[0]), segs[2:])
    if folder in FOLDER.values():
        return _provision(Entity(folder, keys[0]), segs[2]) if len(segs) > 2 else Entity(folder, keys[0])
    if folder in ("resolution", "decision"):
        return Resolution(keys[0], keys[1], folder)
    if folder == "meeting":
        return Meeting(keys[0], keys[1]) if len(keys) == 2 else Meeting(None, keys[0])
    return {"run": Run, "topic": Topic}[folder](keys[0])


def _provision(text: Entity, seg: str) -> Provision:
    m = _PROVISION.match(seg)
    if not m:
        raise ValueError(f"not a provision: {seg}")
    opt = {k: m[k] and unquote(m[k]) for k in ("paragraph", "subparagraph")}
    return Provision(text, unquote(m["article"]), unit=m["unit"], **opt)


def _doc_part(d: Doc, segs: list[str]) -> Node | Annotation:
    if not segs:
        return d
    *head, last = segs
    body, tilde, nth = last.rpartition("~")
    count = 1
    if tilde and nth.isdigit():  # a repeated printed number: para_1~2
        last, count = body, int(nth)
    name, _, value = last.partition("_")
    value = unquote(value)
    if head and head[0].startswith("para_"):
        return Paragraph(d, unquote(head[0][5:]), value, count)
    if head:
        if name == "ann":
            start, end = value.split("_")
            return Annotation(d, head[0], int(start), int(end))
        return Block(d, head[0], int(value), count)
    return {"para": lambda: Paragraph(d, value, None, count), "fn": lambda: Footnote(d, value, count),
            "sec": lambda: Section(d, tuple(value.split(".")), count),
            "rec": lambda: Recommendation(d, value), "vote": lambda: Vote(d, value)}[name]()
