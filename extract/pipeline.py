"""The extraction recipe: file -> ingest -> layout -> metadata -> find -> resolve -> Extraction."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .gazetteer import find_names
from .ingest import MAX_BYTES, read_source
from .instruments import find_citations, instrument_mentions
from .lang import grammar
from .layout import layout
from .mentions import find_mentions
from .metadata import with_metadata
from .models import Extraction, IngestError, Mention, UserError
from .participants import find_participations
from .persons import find_persons
from .recommendations import find_recommendations
from .resolutions import find_resolutions
from .symbols import find_symbols

SUFFIXES = (".txt", ".pdf", ".docx", ".html", ".htm")

# The instrument a body's documents are about: what "the Protocol" means when no other is in scope.
MAIN_INSTRUMENT = {"WG-SOM": "SOM-Protocol", "WG-TIP": "TIP-Protocol", "WG-FA": "Firearms-Protocol",
                   "COP": "UNTOC", "WG-IC": "UNTOC", "WG-TA": "UNTOC", "COSP": "UNCAC", "IRG": "UNCAC"}


def extract_file(path: str | Path, max_bytes: int = MAX_BYTES) -> Extraction:
    """Everything unkg finds in one file. Raises ``UserError`` (one line) for bad input."""
    doc = with_metadata(layout(read_source(path, max_bytes)))
    text, lang = doc.text, doc.lang
    hits = find_names(text, lang)
    g, found = grammar(lang), tuple(hits)  # one tuple object: the actor finders share their steps
    mentions = find_mentions(doc, found, g)
    persons = find_persons(doc, found, g)
    participations = find_participations(doc, found, g)
    main = MAIN_INSTRUMENT.get(doc.meta.body or "")
    orgs = [(m.start, m.end) for m in mentions if m.kind == "Organization"]
    mentions = list(mentions) + [m for m in instrument_mentions(text, lang, hits, main)
                                 if not (m.candidate and _overlaps(m, orgs))]
    citations = find_citations(text, lang, hits, main)
    return Extraction(
        doc=doc, mentions=tuple(mentions), persons=tuple(persons),
        participations=tuple(participations), citations=tuple(citations),
        resolutions=tuple(r for r in find_resolutions(text, lang) if r.key != own_resolution(doc.meta.symbol)),
        symbols=tuple(s for s in find_symbols(text, doc.meta.symbol) if s.symbol not in own_symbols(doc.meta.symbol)),
        recommendations=tuple(find_recommendations(doc, hits)),
    )


def _overlaps(m: Mention, spans: list[tuple[int, int]]) -> bool:
    """A name shaped like an initiative ("Global Initiative against…") that is an organisation's
    name is the organisation, not a candidate initiative."""
    return any(s < m.end and m.start < e for s, e in spans)


def own_symbols(symbol: str | None) -> set[str]:
    """A joint symbol names one document twice (E/2022/30-E/CN.15/2022/14): both halves are its own."""
    if not symbol:
        return set()
    return {symbol, *re.split(r"[-–](?=[A-Z][A-Za-z0-9.]*/)", symbol)}


def own_resolution(symbol: str | None) -> str | None:
    """The key of the resolution a document is (A/RES/76/186 -> "GA resolution 76/186"): a
    resolution's own number on its title line is not a reference to it."""
    m = re.match(r"^(?P<series>A|E|S)/RES/(?P<number>[\d/]+)(?:\s*\((?P<year>\d{4})\))?", symbol or "")
    if not m:
        return None
    body = {"A": "GA", "E": "ECOSOC", "S": "SC"}[m["series"]]
    year = f" ({m['year']})" if m["year"] else ""
    return f"{body} resolution {m['number']}{year}"


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, and every document file under the folders named (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES))
        else:
            out.append(p)
    return out


def extract_all(paths: Iterable[Path], max_bytes: int = MAX_BYTES) -> Iterator[tuple[Path, Extraction | UserError]]:
    """Each file's extraction, or the error that stopped it; one bad file never stops the rest."""
    for p in paths:
        try:
            yield p, extract_file(p, max_bytes)
        except UserError as err:
            yield p, err
        except Exception as err:  # noqa: BLE001 - a fault on one document is that document's line
            yield p, IngestError(str(p), f"unkg could not process it ({type(err).__name__}: "
                                         f"{str(err).splitlines()[0] if str(err).strip() else 'no message'}); "
                                         "the other files are built")
