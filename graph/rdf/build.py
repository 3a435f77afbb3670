"""``unkg build``: extract every file, write one named graph per document into the output file.

If the output file exists it is loaded first: the documents being built replace their own graphs
and everything else in it is kept. A bad file is reported in one line and skipped; the others
are still built, and the exit code (1) says some failed.
"""
from __future__ import annotations

import sys
from pathlib import Path

from pyoxigraph import Store
from tqdm import tqdm

from unkg.extract.models import UserError
from unkg.extract.pipeline import expand, extract_all

from . import iris, store
from .treaty_text import add_treaties
from .triples import doc_key, quads

PROGRESS_FROM = 5  # files; fewer build too fast for a bar to help


def build(paths: list[str], out: Path, quiet: bool = False) -> int:
    """Build ``paths`` into ``out``; return the exit code (0 all built, 1 some failed)."""
    store.rdf_format(out)  # fail on an unknown output format before any work
    files = expand(paths)
    if not files:
        raise UserError(f"no documents found in {', '.join(paths)}")
    graph = store.load(out) if out.exists() else Store()
    failed, built = 0, 0
    bar = tqdm(files, unit="file", disable=quiet or len(files) < PROGRESS_FROM, file=sys.stderr)
    for path, result in extract_all(bar):
        if isinstance(result, UserError):
            failed += 1
            tqdm.write(f"unkg: {result}", file=sys.stderr)
            continue
        built += 1  # each document goes straight into the store: memory stays flat
        store.replace_document(graph, iris.doc_graph(doc_key(result), result.doc.lang), path.name,
                               quads(result))
    if built:  # nothing built: an existing file stays as it was, and no empty one is made
        store.add_vocabularies(graph)
        add_treaties(graph)
        store.save(graph, out)
    if not quiet:
        where = f"into {out}" if built else f"({out} not written)"
        print(f"unkg: built {built} of {len(files)} documents {where}"
              + (f"; {failed} failed" if failed else ""), file=sys.stderr)
    return 1 if failed else 0

