"""``unkg serve``: a read-only SPARQL 1.1 Protocol endpoint over a graph file.

The graph is loaded into an on-disk Oxigraph store (pyoxigraph), then served by the Oxigraph
server itself (`oxigraph serve-read-only`, from the PyPI package ``oxigraph``), so any SPARQL
client — rdflib's SPARQLStore, SPARQLWrapper, YASGUI, curl — can query it. The default graph is
the union of the document graphs, as for ``unkg query``.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pyoxigraph import Store

from unkg.extract.models import UserError

from .rdf import store


def server_binary() -> str:
    """The ``oxigraph`` server next to this Python, or on the PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise UserError("unkg serve needs the Oxigraph server: pip install 'unkg[serve]'")
    return found


def prepare(graph: str, location: Path) -> None:
    """Load the graph file into an Oxigraph store on disk at ``location``."""
    st = Store(str(location))
    store.load(graph, st)
    st.flush()
    del st  # release the store's lock before the server opens it


def serve(graph: str, bind: str, location: str | None = None) -> int:
    """Serve ``graph`` read-only at http://BIND/query until interrupted."""
    binary = server_binary()
    with tempfile.TemporaryDirectory(prefix="unkg-store-") as tmp:
        where = Path(location) if location else Path(tmp)
        prepare(graph, where)
        print(f"unkg: serving {graph} read-only at http://{bind}/query (Ctrl-C to stop)", file=sys.stderr)
        try:
            return subprocess.run([binary, "serve-read-only", "--location", str(where), "--bind", bind,
                                   "--union-default-graph"]).returncode
        except KeyboardInterrupt:
            return 0
