"""The extraction recipe: file -> ingest -> layout -> metadata -> find -> resolve -> Extraction."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import akn
from .akn_facts import link_refs
from .citations import find_citations
from .gazetteer import find_names
from .ingest import read_source
from .instruments import find_instrument_mentions
from .lang import grammar
from .layout import layout
from .limits import MAX_BYTES, Limits, OverTime, time_limit
from .mentions import find_mentions
from .metadata import with_metadata
from .models import Extraction, IngestError, Mention, UserError
from .participants import find_participations
from .persons import find_persons
from .recommendations import find_recommendations
from .references import MAIN_INSTRUMENT, Spans  # noqa: F401 - MAIN_INSTRUMENT re-exported for the tests
from .resolutions import find_resolutions, own_resolution  # noqa: F401 - own_resolution re-exported
from .symbols import find_symbols, own_symbols  # noqa: F401 - own_symbols re-exported

SUFFIXES = (".txt", ".pdf", ".docx", ".html", ".htm", ".xml")


def extract_file(path: str | Path, max_bytes: int = MAX_BYTES) -> Extraction:
    """Everything unkg finds in one file. Raises ``UserError`` (one line) for bad input."""
    source = read_source(path, max_bytes)
    doc = akn.document(source) if source.format == "xml" else with_metadata(layout(source))
    text, lang = doc.text, doc.lang
    hits = tuple(find_names(text, lang))  # one tuple object: finders that share steps cache on it
    g = grammar(lang)
    mentions = find_mentions(doc, hits, g)
    persons = find_persons(doc, hits, g)
    participations = find_participations(doc, hits, g)
    orgs = Spans([(m.start, m.end) for m in mentions if m.kind == "Organization"])
    mentions = list(mentions) + [m for m in find_instrument_mentions(doc, hits, g)
                                 if not (m.candidate and m.kind == "Initiative" and _overlaps(m, orgs))]
    citations = find_citations(doc, hits, g)
    resolutions = find_resolutions(doc, hits, g)
    symbols = find_symbols(doc, hits, g)
    if doc.links:  # the markup's links name documents the wording may not
        resolutions, symbols = link_refs(doc, resolutions, symbols)
    return Extraction(
        doc=doc, mentions=tuple(mentions), persons=tuple(persons),
        participations=tuple(participations), citations=tuple(citations),
        resolutions=resolutions, symbols=symbols,
        recommendations=find_recommendations(doc, hits, g),
    )


def _overlaps(m: Mention, orgs: Spans) -> bool:
    """A name shaped like an initiative ("Global Initiative against…") that is an organisation's
    name is the organisation, not a candidate initiative."""
    return orgs.overlaps(m.start, m.end)


def expand(paths: Iterable[str | Path], errors: list[UserError] | None = None) -> list[Path]:
    """Files named directly, and every document file under the folders named (sorted).

    A folder that cannot be listed is not skipped in silence: it is one ``IngestError`` in
    ``errors`` (when given), and the rest is still found."""
    out: list[Path] = []
    for p in map(Path, paths):
        if not p.is_dir():
            out.append(p)
            continue
        found: list[Path] = []
        fail = (lambda err: errors.append(IngestError(err.filename or str(p), "folder not readable "
                                                      f"({err.strerror})"))) if errors is not None else None
        for folder, _, names in os.walk(p, onerror=fail):
            found.extend(Path(folder, n) for n in names if Path(n).suffix.lower() in SUFFIXES)
        out.extend(sorted(f for f in found if f.is_file()))
    return out


def extract_all(paths: Iterable[Path], limits: Limits = Limits()) -> Iterator[tuple[Path, Extraction | UserError]]:
    """Each file's extraction, or the error that stopped it; one bad file never stops the rest."""
    for p in paths:
        yield p, extract_one(p, limits)


def extract_one(path: Path, limits: Limits = Limits()) -> Extraction | UserError:
    """One file's extraction within ``limits``, or the one-line error that stopped it: a fault or
    a time overrun in one document is that document's line, never the build's end."""
    try:
        with time_limit(limits.seconds):
            return extract_file(path, limits.max_bytes)
    except UserError as err:
        return err
    except OverTime as err:
        return IngestError(str(path), f"{err}; skipped, the other files are built (raise the limit with --time-limit)")
    except Exception as err:  # noqa: BLE001 - a fault on one document is that document's line
        return IngestError(str(path), f"unkg could not process it ({type(err).__name__}: "
                                      f"{str(err).splitlines()[0] if str(err).strip() else 'no message'}); "
                                      "the other files are built")
