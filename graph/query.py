"""Named and ad-hoc SPARQL queries over a graph file, written in the SPARQL 1.1 result formats.

SELECT and ASK answers are written by pyoxigraph as SPARQL 1.1 JSON, XML, CSV or TSV (typed
literals, unbound variables left out), or as an aligned ``table`` for the terminal; CONSTRUCT and
DESCRIBE answers are RDF (Turtle, N-Triples, TriG). Named queries carry their own PREFIX lines, so
they run unchanged on any endpoint; ad-hoc queries get the unkg prefixes as parser defaults (no
hidden lines: error positions are those of the text given).
"""
from __future__ import annotations

import re
import sys
from importlib import resources
from typing import BinaryIO, Literal as Kind, TextIO

from pyoxigraph import (QueryBoolean, QueryResultsFormat, QuerySolutions, QueryTriples, RdfFormat, Store,
                        serialize)

from unkg.extract.models import UserError

from .rdf import store as stores
from .rdf.vocab import PREFIXES

Format = Kind["table", "json", "csv", "tsv", "xml", "turtle", "ntriples", "trig"]
RESULT_FORMATS = {"json": QueryResultsFormat.JSON, "csv": QueryResultsFormat.CSV,
                  "tsv": QueryResultsFormat.TSV, "xml": QueryResultsFormat.XML}
RDF_FORMATS = {"turtle": RdfFormat.TURTLE, "ntriples": RdfFormat.N_TRIPLES, "trig": RdfFormat.TRIG}
FORMATS: tuple[str, ...] = ("table", *RESULT_FORMATS, *RDF_FORMATS)


def named_queries() -> dict[str, str]:
    """Every named query shipped with the package (``graph/queries/NAME.rq``)."""
    folder = resources.files("unkg.graph") / "queries"
    return {p.name[:-3]: p.read_text("utf-8") for p in folder.iterdir() if p.name.endswith(".rq")}


def query_text(name: str | None, sparql: str | None) -> str:
    """The SPARQL text of a named query, a file, or standard input ('-')."""
    if name:
        queries = named_queries()
        if name not in queries:
            raise UserError(f"no named query '{name}' (known: {', '.join(sorted(queries))})")
        return queries[name]
    if sparql == "-":
        return sys.stdin.read()
    try:
        with open(sparql, encoding="utf-8") as f:
            return f.read()
    except OSError as err:
        raise UserError(f"{sparql}: cannot read the query ({err.strerror})") from None


# -- refusing queries that would make the process fetch a URL ------------------------------------
# Strings, IRIs, comments, variables and prefixed names are skipped whole, so only bare keywords
# are left to look at: "SERVICE" inside a literal or ?service is no SERVICE clause.
_TOKENS = re.compile(r'''"""(?:[^"\\]|\\.|"(?!""))*"""|'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'
                     |<[^<>"{}|^`\\\s]*>|\#[^\n]*|[?$]\w+|[\w.-]*:[\w.:%-]*|(?P<word>[A-Za-z_]\w*)''', re.X)
_FETCHING = {"SERVICE": "SERVICE", "FROM": "FROM / FROM NAMED"}


def refuse_remote(sparql: str) -> None:
    """A UserError when the query has a clause that can make an engine fetch a URL (SERVICE, FROM,
    FROM NAMED). The graph is all local: GRAPH ?g { … } selects a document's graph."""
    for m in _TOKENS.finditer(sparql):
        word = (m.group("word") or "").upper()
        if word in _FETCHING:
            line = sparql.count("\n", 0, m.start()) + 1
            raise UserError(f"{_FETCHING[word]} refused (line {line}): it could make unkg fetch a URL; "
                            "use GRAPH ?g { … } on the local graph, or --allow-service to permit it")


def execute(graph: str | Store, sparql: str, allow_service: bool = False):
    """Run any query over the union of all graphs: QuerySolutions, QueryBoolean or QueryTriples."""
    if not allow_service:
        refuse_remote(sparql)
    st = stores.load(graph) if isinstance(graph, str) else graph
    try:
        return st.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
    except SyntaxError as err:
        raise UserError(f"SPARQL syntax error: {str(err).splitlines()[0]}") from None
    except (OSError, RuntimeError) as err:  # a SERVICE that was allowed and failed
        raise UserError(f"query failed: {str(err).splitlines()[0]}") from None


def run(graph: str | Store, sparql: str) -> tuple[list[str], list[list[str]]]:
    """Run a SELECT query; return (columns, rows of plain strings, "" for unbound)."""
    result = execute(graph, sparql)
    if not isinstance(result, QuerySolutions):
        raise UserError("only SELECT queries can be written as rows")
    columns = [v.value for v in result.variables]
    return columns, [[_text(sol[c]) for c in columns] for sol in result]


def _text(term) -> str:
    return "" if term is None else term.value


def write(result, fmt: Format, out: BinaryIO) -> None:
    """Write a query's answer to the binary stream ``out`` in ``fmt``."""
    if isinstance(result, QueryTriples):
        _write_rdf(result, fmt, out)
    elif fmt in RDF_FORMATS:
        raise UserError(f"--format {fmt} is for CONSTRUCT and DESCRIBE; a SELECT or ASK answer is "
                        f"written as {', '.join(('table', *RESULT_FORMATS))}")
    elif fmt in RESULT_FORMATS:
        result.serialize(out, format=RESULT_FORMATS[fmt])
        # CSV and TSV rows end with a line break already; JSON, XML and a boolean do not
        if fmt not in ("csv", "tsv") or isinstance(result, QueryBoolean):
            out.write(b"\n")
    elif isinstance(result, QueryBoolean):
        out.write(b"true\n" if bool(result) else b"false\n")
    else:
        columns = [v.value for v in result.variables]
        rows = [[_text(sol[c]) for c in columns] for sol in result]
        out.write(table(columns, rows).encode("utf-8"))


def _write_rdf(triples: QueryTriples, fmt: Format, out: BinaryIO) -> None:
    if fmt in RESULT_FORMATS:
        raise UserError(f"a CONSTRUCT or DESCRIBE answer is RDF: --format {', '.join(RDF_FORMATS)} "
                        "(table writes Turtle)")
    rdf = RDF_FORMATS.get(fmt, RdfFormat.TURTLE)
    prefixes = PREFIXES if rdf is not RdfFormat.N_TRIPLES else None
    serialize(triples, out, format=rdf, prefixes=prefixes)


def write_text(result, fmt: Format, out: TextIO) -> None:
    """``write`` to a text stream (standard output). Results are lazy: an allowed SERVICE that
    fails does so here, and is one line too."""
    try:
        _write_text(result, fmt, out)
    except (OSError, RuntimeError) as err:
        if isinstance(err, BrokenPipeError):
            raise
        raise UserError(f"query failed: {str(err).strip().splitlines()[0] if str(err).strip() else err!r}") from None


def _write_text(result, fmt: Format, out: TextIO) -> None:
    buffer = getattr(out, "buffer", None)
    if buffer is not None:
        out.flush()
        write(result, fmt, buffer)
        buffer.flush()
        return
    import io
    raw = io.BytesIO()
    write(result, fmt, raw)
    out.write(raw.getvalue().decode("utf-8"))


def table(columns: list[str], rows: list[list[str]], max_width: int = 60) -> str:
    """A plain aligned text table; long cells are cut with an ellipsis, numbers right-aligned."""
    from unkg.extract.text import width
    cut = [[c if width(c) <= max_width else c[: max_width // 2] + "…" for c in r] for r in rows]
    widths = [max([width(h)] + [width(r[i]) for r in cut]) for i, h in enumerate(columns)]
    numeric = [bool(rows) and all(_is_number(r[i]) for r in rows) for i in range(len(columns))]

    def pad(s: str, w: int, right: bool = False) -> str:
        fill = " " * (w - width(s))
        return fill + s if right else s + fill

    lines = ["  ".join(pad(h, w, n) for h, w, n in zip(columns, widths, numeric)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(pad(c, w, n) for c, w, n in zip(r, widths, numeric)).rstrip() for r in cut]
    return "\n".join(lines) + f"\n({len(rows)} rows)\n"


def _is_number(s: str) -> bool:
    return s == "" or re.fullmatch(r"-?\d+(\.\d+)?", s) is not None
