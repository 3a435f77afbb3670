"""What an AKN4UN resolution's markup says about it beyond its text: metadata, keywords, votes,
and the references its undocs.org links make.

Read by ``akn.document`` from the parsed tree (``akn.parse``); the links become references in
the pipeline, beside what the finders find in the wording.
"""
from __future__ import annotations

import re

from lxml import etree

from .akn import AUTHORS, LANGUAGES, VOTE_CHOICES, _main
from .akn_text import N as _N, cjk, local, normalise_symbol, text_of
from .models import Document, Metadata, ResolutionRef, Subject, SymbolRef, Vote
from .symbols import normalise
from unkg.ontology import bodies

def _first(root: etree._Element, path: str, attr: str | None = None) -> str | None:
    el = root.find(path, _N)
    if el is None:
        return None
    value = el.get(attr) if attr else text_of(el)
    return value.strip() if value and value.strip() else None


def read_metadata(root: etree._Element, text: str) -> Metadata:
    """What the markup says about the document: symbol, distribution, dates, body, meeting,
    kind and title (its printed title line, "Resolution 2598 (2021)" / "第2598(2021)号决议")."""
    ident = ".//a:meta/a:identification"
    symbol = _first(root, ".//a:coverPage//a:docNumber")
    status = _first(root, ".//a:coverPage//a:docStatus") or ""
    lang = LANGUAGES.get(_first(root, f"{ident}/a:FRBRExpression/a:FRBRlanguage", "language") or "")
    author = _first(root, f"{ident}/a:FRBRWork/a:FRBRauthor", "href") or ""
    adopted = _first(root, ".//a:coverPage//a:docDate[@refersTo='#adoptionDate']", "date") or \
        _first(root, f"{ident}/a:FRBRWork/a:FRBRdate[@name='adoption']", "date")
    meeting = root.find(".//a:coverPage//a:inline[@name='adoptionMeeting']", _N)
    number = re.search(r"\d+", meeting.get("title") or text_of(meeting)) if meeting is not None else None
    titles = [text_of(t) for t in root.iterfind(".//a:coverPage//a:docTitle", _N)]
    statement = _main(root)
    return Metadata(
        symbol=normalise_symbol(symbol) if symbol else None,
        distribution=status.split(":")[-1].strip() or None if ":" in status else None,
        issued=_first(root, ".//a:coverPage//a:docDate[@refersTo='#dateOfIssuance']", "date"),
        language=lang or ("zh" if sum(map(cjk, text[:2000])) > 200 else "en"),
        body=AUTHORS.get(author.lstrip("#").lower()),
        body_label=_first(root, ".//a:coverPage//a:docAuthority[@refersTo='#issuingBody']"),
        meeting_number=int(number[0]) if number else None,
        meeting_start=adopted, meeting_end=adopted,
        kind=statement.get("name") or local(statement),
        title=titles[0] if titles else None,
        adopted=adopted,
    )


def subjects(root: etree._Element) -> tuple[Subject, ...]:
    """The classification keywords (not the agenda or title entries), each once."""
    seen: dict[tuple[str, str, str | None], Subject] = {}
    for kw in root.iterfind(".//a:meta/a:classification/a:keyword", _N):
        if kw.get("refersTo"):
            continue
        s = Subject(kw.get("dictionary") or "", kw.get("value") or kw.get("showAs") or "", kw.get("href"))
        seen.setdefault((s.vocabulary, s.label, s.iri), s)
    return tuple(seen.values())


def votes(root: etree._Element) -> tuple[Vote, ...]:
    """Each State named in a voting count, with its choice and, when known, its ISO code."""
    out = []
    for count in root.iterfind(".//a:voting/a:count", _N):
        choice = VOTE_CHOICES.get(count.get("refersTo") or "")
        if choice is None:
            continue
        for org in count.iterfind("u:voters/a:organization", _N):
            name = text_of(org)
            if name:
                out.append(Vote(name, choice, _state_key(name)))
    return tuple(out)


def _state_key(name: str) -> str | None:
    from .gazetteer import find_names
    words = " ".join(w if w in ("AND", "THE", "OF") else w.capitalize() for w in name.split())
    words = re.sub(r"\b(And|The|Of|AND|THE|OF)\b", lambda m: m[0].lower(), words)
    hits = [h for h in find_names(words, "en") if h.kind == "State"]
    return hits[0].key if len(hits) == 1 and hits[0].end - hits[0].start >= len(words) - 1 else None


# --- references from links -------------------------------------------------------------------

_RES_SYMBOL = re.compile(r"^(?P<series>A|E|S)/RES/(?P<number>[\w./-]+?)(?: \((?P<year>\d{4})\))?$")


def link_refs(doc: Document, resolutions, symbols):
    """The references the finders gave, and one for every undocs.org link they missed: a
    resolution symbol (``S/RES/2240(2015)``) as a ``ResolutionRef``, any other as a ``SymbolRef``
    (``S/2021/767``). A link whose span a reference of the same document already covers adds
    nothing; the document's own symbol is never a reference."""
    res, syms = list(resolutions), list(symbols)
    own = normalise(doc.meta.symbol or "")
    for link in doc.links:
        if not link.symbol or normalise(link.symbol) == own:
            continue
        m = _RES_SYMBOL.match(link.symbol)
        if m:
            number = f"{m['number']} ({m['year']})" if m["year"] else m["number"]
            ref = ResolutionRef(link.start, link.end, link.text, bodies.of_symbol(link.symbol).series, "resolution", number)
            if not any(r.key == ref.key and r.start < link.end and link.start < r.end for r in res):
                res.append(ref)
        elif not any(normalise(s.symbol) == normalise(link.symbol) and s.start < link.end and link.start < s.end
                     for s in syms):
            syms.append(SymbolRef(link.start, link.end, link.text, link.symbol.replace(" ", "")))
    return tuple(sorted(res, key=lambda r: r.start)), tuple(sorted(syms, key=lambda s: s.start))
