"""The nodes of a projection (``project.py``): each one's attributes, read from its own triples.

A first pass reads what a node's triples say (kind, key, labels, codes, and per kind the fields
listed in ``project.py``); a second makes the labels that need another node (a provision's
instrument, a recommendation's document, a meeting's body). ``support`` gives a node the
sentence of a document that names it, and keeps every paragraph that does (the reader's facts).
Documents are drawn by symbol, else body and date, and the start of their title
(``document_label``): never by a file stem.
"""
from __future__ import annotations

import re
from collections import defaultdict

from .rdf.vocab import PREFIXES

# rdf:type -> kind, in order of precedence (a UN document is also a fabio:Work).
KINDS = [("unkg:UNDocument", "Document"), ("unkg:Recommendation", "Recommendation"),
         ("eli:LegalResourceSubdivision", "Provision"), ("eli:LegalResource", "Instrument"),
         ("unkg:State", "State"), ("org:FormalOrganization", "Organization"),
         ("unkg:Initiative", "Initiative"), ("foaf:Person", "Person"), ("schema:Event", "Meeting"),
         ("skos:Concept", "Topic"), ("unkg:Resolution", "Resolution"),
         ("unkg:Decision", "Resolution"), ("fabio:Work", "Document")]
_KIND_OF = {PREFIXES[c.split(":")[0]] + c.split(":")[1]: k for c, k in KINDS}
_RANK = {k: i for i, (_, k) in enumerate(reversed(KINDS))}

# Every query joins inside one named graph and then drops repeats (SELECT DISTINCT ... GRAPH ?g).
# Each document graph describes the entities it names, so over the union default graph a join
# on UNTOC's triples would meet each of them once per document, squared: at 50 documents naming
# the same States, the actors query returned 10^5 rows instead of 10^3. The two halves are
# sub-SELECTs so that Oxigraph joins them by hashing, not by a RocksDB lookup per row (2x faster
# at a million quads; see ``project._scans``).
_DESCRIBE = """SELECT DISTINCT ?s ?p ?o WHERE {
  { SELECT DISTINCT ?g ?s WHERE { VALUES ?c { %s } GRAPH ?g { ?s a ?c } } }
  { SELECT * WHERE {
    VALUES ?p { rdf:type unkg:key skos:prefLabel skos:altLabel rdfs:label foaf:name skos:notation
                dct:identifier dct:title dct:issued unkg:article unkg:paragraph unkg:subparagraph
                unkg:level unkg:provisionKind unkg:instrument unkg:meeting unkg:ordinal schema:startDate
                schema:organizer rdf:value dct:isPartOf unkg:strength dct:creator
                unkg:documentKind }
    GRAPH ?g { ?s ?p ?o } } } }""" % " ".join(c for c, _ in KINDS)

# A sentence ends at Chinese or English end punctuation, or a full stop before a capital.
_SENTENCE = re.compile(r".+?(?:[。！？；!?;]+|\.(?=\s+[A-Z(\"“]|\s*$)|$)", re.S)
_PARA = re.compile(r"/(?:para_(?P<para>[^/]+))(?:/item_(?P<item>[^/]+))?$")

# How each kind of provision is written: "UNTOC art. 18(13)", "COP-Rules rule 2(2)", "recital 5".
SHORT_TITLE = 24  # characters of a document's title in its drawn label

PROVISION_WORDS = {"article": ("art.", "条"), "model-article": ("art.", "条"), "rule": ("rule", "条"),
                   "recital": ("recital", "序言段"), "principle": ("principle", "项原则"),
                   "guideline": ("guideline", "项准则")}


def describe(reader) -> dict[str, dict]:
    """Every node's attributes, from its own triples (``reader.rows(sparql)`` yields rows)."""
    props: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for row in reader.rows(_DESCRIBE):
        props[row["s"].value][row["p"].value].append(row["o"])
    nodes = {iri: _node(iri, p) for iri, p in props.items()}
    # second pass: labels that need another node's (meetings before the documents reporting them)
    for iri, n in sorted(nodes.items(), key=lambda item: item[1]["kind"] == "Document"):
        _finish(iri, n, nodes)
    return nodes


def term(name: str) -> str:
    """A prefixed name as a full IRI: term("cito:cites")."""
    prefix, local = name.split(":")
    return PREFIXES[prefix] + local


def _first(p: dict, name: str, lang: str | None = None) -> str | None:
    values = sorted(t.value for t in p.get(term(name), ())
                    if lang is None or getattr(t, "language", None) == lang)
    return values[0] if values else None


def _one(p: dict, name: str) -> str:
    return _first(p, name) or ""


def _node(iri: str, p: dict) -> dict:
    kinds = [_KIND_OF[t.value] for t in p.get(term("rdf:type"), ()) if t.value in _KIND_OF]
    kind = max(kinds, key=_RANK.__getitem__)
    n = {"kind": kind, "key": _first(p, "unkg:key") or _first(p, "dct:identifier") or tail(iri),
         "label_en": _first(p, "skos:prefLabel", "en") or _first(p, "rdfs:label") or _first(p, "foaf:name"),
         "label_zh": _first(p, "skos:prefLabel", "zh") or _first(p, "rdfs:label", "zh"),
         "short_en": _first(p, "skos:altLabel", "en"), "short_zh": _first(p, "skos:altLabel", "zh"),
         "codes": sorted({t.value for t in p.get(term("skos:notation"), ())}),
         "source": "", "source_ref": ""}
    if kind in _FIELDS:
        n.update(_FIELDS[kind](p))
    return n


def _document(p: dict) -> dict:
    title = _one(p, "dct:title")
    return {"own": term("unkg:UNDocument") in {t.value for t in p[term("rdf:type")]}, "title": title,
            "issued": _one(p, "dct:issued"), "meeting": _one(p, "unkg:meeting"), "source": title,
            "symbol": _one(p, "dct:identifier"), "creator": _one(p, "dct:creator"),
            "document_kind": _one(p, "unkg:documentKind")}


def _provision(p: dict) -> dict:
    return {"instrument": _one(p, "unkg:instrument"), "level": _one(p, "unkg:level"),
            "article": _one(p, "unkg:article"), "paragraph": _one(p, "unkg:paragraph"),
            "subparagraph": _one(p, "unkg:subparagraph"),
            "provision_kind": _first(p, "unkg:provisionKind") or "article"}


def _recommendation(p: dict) -> dict:
    return {"doc": _one(p, "dct:isPartOf"), "strength": _one(p, "unkg:strength"),
            "notation": _one(p, "skos:notation"), "source": _one(p, "rdf:value")}


def _meeting(p: dict) -> dict:
    return {"ordinal": _one(p, "unkg:ordinal"), "start": _one(p, "schema:startDate"),
            "organizer": _one(p, "schema:organizer")}


_FIELDS = {"Document": _document, "Provision": _provision, "Recommendation": _recommendation,
           "Meeting": _meeting}


def _finish(iri: str, n: dict, nodes: dict[str, dict]) -> None:
    """Labels made from other nodes: provisions, recommendations, meetings; years of documents."""
    if n["kind"] in _FINISH:
        _FINISH[n["kind"]](iri, n, nodes)
    n["label_en"] = n["label_en"] or n["label_zh"] or n["key"]
    n["label_zh"] = n["label_zh"] or n["label_en"]
    # Short labels for drawing: the acronym, else the label when short, else the key.
    n["short_en"] = n.get("short_en") or (n["label_en"] if len(n["label_en"]) <= 40 else n["key"])
    n["short_zh"] = n.get("short_zh") or (n["label_zh"] if len(n["label_zh"]) <= 16 else n["short_en"])


def _finish_provision(iri: str, n: dict, nodes: dict[str, dict]) -> None:
    inst = nodes.get(n["instrument"], {})
    n["instrument_key"] = inst.get("key", tail(n["instrument"]))
    ref = n["article"] + "".join(f"({x})" for x in (n["paragraph"], n["subparagraph"]) if x)
    word_en, unit_zh = PROVISION_WORDS.get(n["provision_kind"], PROVISION_WORDS["article"])
    zh = f"第{n['article']}{unit_zh}" + (f"第{n['paragraph']}款" if n["paragraph"] else "") + (
        f"第({n['subparagraph']})项" if n["subparagraph"] else "")
    n["key"] = f"{n['instrument_key']} {word_en} {ref}"
    n["label_en"], n["label_zh"] = n["key"], f"{n['instrument_key']} {zh}"


def _finish_recommendation(iri: str, n: dict, nodes: dict[str, dict]) -> None:
    owner = nodes.get(n["doc"], {}).get("key", "")
    n["key"] = f"{owner} rec. {n['notation']}".strip()
    n["label_en"], n["label_zh"] = f"Rec. {n['notation']}", f"建议 {n['notation']}"
    n["source_ref"] = owner


def _finish_meeting(iri: str, n: dict, nodes: dict[str, dict]) -> None:
    body = nodes.get(n["organizer"], {})
    n["key"] = tail(iri, 2)
    n["year"] = n["start"][:4]
    name_en, name_zh = body.get("key", ""), body.get("label_zh") or body.get("key", "")
    when = f" ({n['year']})" if n["year"] else ""
    n["label_en"] = f"{name_en} meeting {n['ordinal']}{when}".strip() if n["ordinal"] else f"{name_en} meeting{when}"
    n["label_zh"] = f"{name_zh}第{n['ordinal']}次会议" if n["ordinal"] else f"{name_zh}会议"


def _finish_document(iri: str, n: dict, nodes: dict[str, dict]) -> None:
    meeting = nodes.get(n["meeting"], {})
    n["year"] = (n["issued"] or meeting.get("start", ""))[:4]
    n["meeting_label"], n["meeting_start"] = meeting.get("label_en", ""), meeting.get("start", "")
    n["label_en"] = n["label_zh"] = n["key"]
    n["body"] = nodes.get(n["creator"] or meeting.get("organizer", ""), {}).get("key", "")
    n["short_en"] = n["short_zh"] = document_label(n)


def document_label(n: dict) -> str:
    """What a document is drawn as: its symbol (else its body and date, never a file stem) and
    the start of its title. "CTOC/COP/WG.7/2022/3 · Draft report", "WG-TIP 2011-08-02 · 关于供应…"."""
    when = n.get("issued") or n.get("meeting_start") or n.get("year")
    name = n.get("symbol") or " ".join(x for x in (n.get("body"), when) if x)
    title = n.get("title") or n.get("document_kind") or ""
    short = title if len(title) <= SHORT_TITLE else title[:SHORT_TITLE - 1].rstrip() + "…"
    return " · ".join(x for x in (name or n["key"], short) if x)


_FINISH = {"Provision": _finish_provision, "Recommendation": _finish_recommendation,
           "Meeting": _finish_meeting, "Document": _finish_document}


def tail(iri: str, parts: int = 1) -> str:
    return "/".join(iri.rstrip("/").split("/")[-parts:])


def unknown(iri: str) -> dict:
    """A node the graph links to but never describes (kept, so no link is lost)."""
    key = tail(iri)
    return {"kind": "Other", "key": key, "label_en": key, "label_zh": key, "codes": [],
            "source": "", "source_ref": ""}


def sentence(text: str, exact: str | None, limit: int = 240) -> str:
    """The sentence of ``text`` that holds ``exact`` (else the first), at most ``limit`` chars.

    >>> sentence("第一句。意大利报告了合作。第三句。", "意大利")
    '意大利报告了合作。'
    """
    pieces = [s.strip() for s in _SENTENCE.findall(text) if s.strip()]
    hit = next((s for s in pieces if exact and exact in s), pieces[0] if pieces else "")
    if len(hit) <= limit:
        return hit
    at = max(0, hit.find(exact) - limit // 3) if exact and exact in hit else 0
    return ("…" if at else "") + hit[at:at + limit] + "…"


def ref(nodes: dict, doc: str, citing: str) -> str:
    """Where a node is named: "SYMBOL, para. N (a)"."""
    m = _PARA.search(citing)
    where = (f", para. {m['para']}" + (f" ({m['item']})" if m["item"] else "")) if m else ""
    d = nodes.get(doc, {})  # a document without a symbol by its body, date and title, not its file stem
    return (d.get("symbol") or d.get("short_en") or d.get("key") or tail(doc)) + where


def support(nodes: dict, iri: str, text: str | None, exact: str | None, where: str) -> None:
    """Give ``iri`` a source sentence, unless it has one (the first in sorted order wins), and
    keep every paragraph that names it with the words that do (``facts``: the view's reader)."""
    n = nodes.get(iri)
    if n is not None and text:
        n.setdefault("facts", []).append((where, text, exact or ""))
        if not n["source"]:
            n["source"], n["source_ref"] = sentence(text, exact), where
