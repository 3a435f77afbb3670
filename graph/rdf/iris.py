"""The one place that mints and parses IRIs.

IRIs depend only on language-independent keys — UN symbols, Treaty Collection numbers, ISO codes,
curated registry slugs, printed paragraph numbers — never on titles, run time or order, so the
Chinese and English versions of one document produce the same IRIs. Symbols follow the Akoma
Ntoso for UN rule (``/`` becomes ``-``).

    >>> doc("CTOC/COP/WG.7/2022/3")
    'https://w3id.org/unkg/id/doc/CTOC-COP-WG.7-2022-3'
    >>> provision("XVIII-12-b", "6", "3")
    'https://w3id.org/unkg/id/treaty/XVIII-12-b/art_6__para_3'
    >>> parse(provision("XVIII-12-b", "6", "3", "b"))
    {'kind': 'treaty', 'key': 'XVIII-12-b', 'article': '6', 'paragraph': '3', 'subparagraph': 'b'}
"""
from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, unquote

BASE = "https://w3id.org/unkg/"
ID = BASE + "id/"
GRAPH = BASE + "graph/"
ONTOLOGY = BASE + "ontology#"
META_GRAPH = GRAPH + "meta"
TOPICS_GRAPH = GRAPH + "topics"

_SAFE = "-._~()"


def _seg(key: str) -> str:
    """One path segment: '/' -> '-', spaces -> '_', everything else percent-encoded as needed."""
    return quote(key.strip().replace("/", "-").replace(" ", "_"), safe=_SAFE)


def slug(text: str) -> str:
    """A stable slug for a name (persons, candidate initiatives): accents folded, lower case."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return re.sub(r"[^\w]+", "-", folded).strip("-")


def doc(key: str) -> str:
    """A document by its UN symbol (or, when none is printed, its fallback key)."""
    return f"{ID}doc/{_seg(key)}"


def doc_graph(key: str, lang: str) -> str:
    """The named graph holding one language version of one document."""
    return f"{GRAPH}{_seg(key)}/{lang}"


def doc_part(key: str, *path: str) -> str:
    """A part of a document: doc_part(k, "para_28"), doc_part(k, "para_1", "item_a")."""
    return "/".join([doc(key), *(_seg(p) for p in path)])


def paragraph(key: str, number: str, item: str | None = None) -> str:
    return doc_part(key, f"para_{number}", *([f"item_{item}"] if item else []))


def block(key: str, lang: str, index: int) -> str:
    """A block without a printed number: per language, since its position is all that names it."""
    return doc_part(key, lang, f"block_{index}")


def state(iso3: str) -> str:
    return f"{ID}state/{iso3.upper()}"


def entity(kind: str, key: str) -> str:
    """A registry entity: State -> state/ISO3, Organization -> org/slug, Initiative -> initiative/slug,
    Instrument -> treaty/<UNTC number> or instrument/slug, Person -> person/slug."""
    if kind == "State":
        return state(key)
    folder = {"Organization": "org", "Initiative": "initiative", "Instrument": "instrument",
              "Person": "person", "Treaty": "treaty"}[kind]
    return f"{ID}{folder}/{_seg(key)}"


def instrument(key: str, untc: str | None = None) -> str:
    """A treaty by its Treaty Collection number when it has one, otherwise by registry slug."""
    return entity("Treaty", untc) if untc else entity("Instrument", key)


def provision(untc_or_key: str, article: str, paragraph: str | None = None,
              subparagraph: str | None = None, kind: str = "article", treaty: bool = True,
              folder: str | None = None) -> str:
    """article 6, paragraph 3 (b) -> .../art_6__para_3__subpara_b; rule 2 -> .../rule_2.
    ``folder``: the IRI of the text the provision belongs to when it is not a treaty."""
    head = folder or (entity("Treaty", untc_or_key) if treaty else entity("Instrument", untc_or_key))
    prefix = {"article": "art", "rule": "rule", "recital": "recital", "principle": "principle",
              "guideline": "guideline", "model-article": "art"}.get(kind, "art")
    parts = [f"{prefix}_{_seg(article)}"]
    if paragraph:
        parts.append(f"para_{_seg(paragraph)}")
    if subparagraph:
        parts.append(f"subpara_{_seg(subparagraph)}")
    return f"{head}/{'__'.join(parts)}"


def resolution(body: str, kind: str, number: str) -> str:
    """COP resolution 5/3 -> id/resolution/COP/5-3; SC resolution 2240 (2015) -> .../UNSC/2240_(2015)."""
    return f"{ID}{'decision' if kind == 'decision' else 'resolution'}/{_seg(body)}/{_seg(number)}"


def meeting(body: str | None, number: int | None, start: str | None, doc_key: str) -> str:
    """A meeting by its body and number, else its start date; without a body, the document that
    reports it (two bodies' fourth meetings are different meetings)."""
    if not body:
        return f"{ID}meeting/doc-{_seg(doc_key)}"
    tail = str(number) if number else (start or f"doc-{_seg(doc_key)}")
    return f"{ID}meeting/{_seg(body)}/{tail}"


def run(digest: str) -> str:
    """A build run of one source file by one tool version."""
    return f"{ID}run/{digest}"


def concept(key: str) -> str:
    return f"{ID}topic/{_seg(key)}"


def term(name: str) -> str:
    """A term of the unkg ontology."""
    return ONTOLOGY + name


_PROVISION = re.compile(r"""
    ^(?P<head>.*/id/(?P<kind>treaty|instrument|initiative)/(?P<key>[^/]+))/  # the text
    (?:art|rule|recital|principle|guideline)_(?P<article>[^_]+)        # article / rule number
    (?:__para_(?P<paragraph>[^_]+))?                                   # paragraph
    (?:__subpara_(?P<subparagraph>[^_]+))?$                            # subparagraph
""", re.VERBOSE)


def parse(iri: str) -> dict[str, str | None]:
    """The keys an IRI was minted from (inverse of the functions above, for provisions and entities)."""
    m = _PROVISION.match(iri)
    if m:
        return {"kind": m["kind"], "key": unquote(m["key"]), "article": unquote(m["article"]),
                "paragraph": m["paragraph"] and unquote(m["paragraph"]),
                "subparagraph": m["subparagraph"] and unquote(m["subparagraph"])}
    if not iri.startswith(ID):
        raise ValueError(f"not a unkg IRI: {iri}")
    kind, _, rest = iri[len(ID):].partition("/")
    return {"kind": kind, "key": unquote(rest)}
