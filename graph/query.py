"""Named and ad-hoc SPARQL queries over a graph file, written as CSV, JSON or a table."""
from __future__ import annotations

import csv
import json
import sys
from importlib import resources
from typing import TextIO

from pyoxigraph import QuerySolutions, Store

from unkg.extract.models import UserError

from .rdf import store as stores
from .rdf.vocab import PREFIXES

PROLOGUE = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())


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


def run(graph: str | Store, sparql: str) -> tuple[list[str], list[list[str]]]:
    """Run a SELECT query over the union of all graphs; return (columns, rows of strings)."""
    st = stores.load(graph) if isinstance(graph, str) else graph
    text = PROLOGUE + sparql  # our prefixes first; a query may redeclare any of them
    try:
        result = st.query(text, use_default_graph_as_union=True)
    except SyntaxError as err:
        raise UserError(f"SPARQL syntax error: {str(err).splitlines()[0]}") from None
    if not isinstance(result, QuerySolutions):
        raise UserError("only SELECT queries can be written as rows")
    columns = [v.value for v in result.variables]
    rows = [[_text(sol[c]) for c in columns] for sol in result]
    return columns, rows


def _text(term) -> str:
    if term is None:
        return ""
    return term.value


def write(result: tuple[list[str], list[list[str]]], fmt: str, out: TextIO) -> None:
    columns, rows = result
    if fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(columns)
        w.writerows(rows)
    elif fmt == "json":
        json.dump([dict(zip(columns, r)) for r in rows], out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        out.write(table(columns, rows))


def table(columns: list[str], rows: list[list[str]], max_width: int = 60) -> str:
    """A plain aligned text table; long cells are cut with an ellipsis."""
    from unkg.extract.text import width
    cut = [[c if width(c) <= max_width else c[: max_width // 2] + "…" for c in r] for r in rows]
    widths = [max([width(h)] + [width(r[i]) for r in cut]) for i, h in enumerate(columns)]
    pad = lambda s, w: s + " " * (w - width(s))
    lines = ["  ".join(pad(h, w) for h, w in zip(columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(pad(c, w) for c, w in zip(r, widths)).rstrip() for r in cut]
    return "\n".join(lines) + f"\n({len(rows)} rows)\n"
