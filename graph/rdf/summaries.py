"""Materialised query rows: what the slow named queries compute, stored once per build.

The named queries ``mentions``, ``participants``, ``officers`` and ``citations`` each join every
document's graph (15–21k rows at a million quads): 250–400 ms on the on-disk store. At the end
of every build (``refresh``, from build.py) each one's computing text (``queries/full/NAME.rq``)
runs once over the document graphs, and every row it returns is stored in the summary graph
(``iris.SUMMARY_GRAPH``) as one literal, its columns joined by U+001F:

    <https://w3id.org/unkg/id/summary/mentions> unkg:summaryRow "A-1␟State␟ITA␟Italy␟en␟意大利␟zh␟" .

The shipped named query (``queries/NAME.rq``, written by ``reading``) splits the literals back
into columns: one scan of one predicate. One literal per row and not one node with a property
per column, because on the store each further property of a row is another index lookup
(measured: ~3 µs a row and column, 60 ms a column at 21k rows), Language tags are packed beside their text
and restored; an empty packed column is an unbound one.

Kept correct by recomputing, not by patching: a build first drops the summary graph (``drop``)
and writes it again when it finishes, so after any replacement of documents the rows are those
of the documents as they now are; a build killed in between leaves no summary graph, and a graph
without one (a file from an older unkg, or a killed build) is answered by the computing text
(query.py ``execute``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Literal

from pyoxigraph import NamedNode, Store

from . import iris

SEP = "\\u001F"  # as written in SPARQL text: below every printable character, so rows sort as tuples
Kind = Literal["text", "optional", "tagged", "integer"]
# text: a plain literal, always bound; optional: a plain literal or unbound; tagged: a literal
# with or without a language tag, or unbound; integer: an xsd:integer


@dataclass(frozen=True)
class Spec:
    """How one query's rows are packed: the columns in packing order (sort columns first)."""
    name: str
    columns: tuple[tuple[str, Kind], ...]
    # the reading query's ORDER BY when not the computing query's: sorting on ?row itself reads
    # each long literal back from the store at every comparison (measured 480 ms at 21k rows)
    order: str


SPECS = {s.name: s for s in (
    Spec("mentions", (("doc", "text"), ("type", "text"), ("key", "text"), ("label_en", "tagged"),
                      ("label_zh", "tagged"), ("candidate", "text")), ""),
    Spec("participants", (("doc", "text"), ("role", "text"), ("key", "text"), ("label_en", "tagged"),
                          ("agenda_items", "optional")), ""),
    Spec("officers", (("doc", "text"), ("name", "text"), ("state", "optional"), ("role", "optional")), ""),
    Spec("citations", (("doc", "text"), ("instrument_key", "text"), ("instrument_label_en", "tagged"),
                       ("article", "text"), ("paragraph", "optional"), ("subparagraph", "optional"),
                       ("kind", "text"), ("count", "integer")), ""),
)}


def full_text(name: str) -> str:
    """The query that computes ``name``'s rows from the document graphs."""
    return (resources.files("unkg.graph") / "queries" / "full" / f"{name}.rq").read_text("utf-8")


def _split(text: str) -> tuple[list[str], str, str]:
    """A query's PREFIX lines, its SELECT … WHERE … GROUP BY part, and its ORDER BY clause."""
    lines = text.splitlines()
    prefixes = [ln for ln in lines if ln.startswith("PREFIX ")]
    body = "\n".join(ln for ln in lines if not ln.startswith(("PREFIX ", "#")))
    head, _, order = body.rpartition("ORDER BY")
    return prefixes, head.strip(), order.strip()


def _packed(column: str, kind: Kind) -> list[str]:
    if kind == "tagged":
        return [f'COALESCE(STR(?{column}), "")', f'COALESCE(LANG(?{column}), "")']
    return [f'COALESCE(STR(?{column}), "")']


def update(name: str) -> str:
    """The SPARQL update that stores ``name``'s rows in the summary graph."""
    spec = SPECS[name]
    prefixes, select, _ = _split(full_text(name))
    parts = [p for column, kind in spec.columns for p in _packed(column, kind)]
    row = f', "{SEP}", '.join(parts)
    return "\n".join(prefixes) + f"""
INSERT {{ GRAPH <{iris.SUMMARY_GRAPH}> {{ <{iris.Summary(name)}> unkg:summaryRow ?row }} }}
WHERE {{
  {{ {select} }}
  BIND(CONCAT({row}) AS ?row)
}}
"""


def _unpacked(spec: Spec) -> list[str]:
    """BIND lines that read each column back from ?row (?rest_N: what is left after column N)."""
    fields = [(c, k, part) for c, k in spec.columns for part in (("value", "tag") if k == "tagged" else ("value",))]
    lines, rest = [], "?row"
    for i, (column, kind, part) in enumerate(fields):
        var = f"?{column}_{part}" if kind in ("tagged", "optional", "integer") else f"?{column}"
        last = i == len(fields) - 1
        value = rest if last else f'STRBEFORE({rest}, "{SEP}")'
        lines.append(f"  BIND({value} AS {var})")
        if not last:
            lines.append(f'  BIND(STRAFTER({rest}, "{SEP}") AS ?rest_{i})')
            rest = f"?rest_{i}"
    for column, kind in spec.columns:
        v = f"?{column}_value"
        if kind == "tagged":
            lines.append(f'  BIND(IF({v} = "", ?unbound, IF(?{column}_tag = "", {v}, STRLANG({v}, ?{column}_tag))) AS ?{column})')
        elif kind == "optional":
            lines.append(f'  BIND(IF({v} = "", ?unbound, {v}) AS ?{column})')
        elif kind == "integer":
            lines.append(f"  BIND(xsd:integer({v}) AS ?{column})")
    return lines


def reading(name: str) -> str:
    """The named query ``queries/NAME.rq``: ``name``'s rows read from the summary graph."""
    spec = SPECS[name]
    text = full_text(name)
    prefixes, select, order = _split(text)
    columns = re.match(r"SELECT\s+(?:DISTINCT\s+)?(.*?)\s*(?:\(COUNT.*?AS\s+\?(\w+)\))?\s*WHERE", select, re.S)
    projected = columns.group(1).split() + ([f"?{columns.group(2)}"] if columns.group(2) else [])
    comments = [ln for ln in text.splitlines() if ln.startswith("#")]
    if "PREFIX xsd:" not in text and any(k == "integer" for _, k in spec.columns):
        prefixes.append("PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>")
    if "PREFIX unkg:" not in text:
        prefixes.append(f"PREFIX unkg: <{iris.ONTOLOGY}>")
    return "\n".join([
        *comments,
        f"# Read from the rows `unkg build` stores in the summary graph (graph/rdf/summaries.py);",
        f"# queries/full/{name}.rq computes them from the document graphs.",
        *prefixes,
        f"SELECT {' '.join(projected)}",
        "WHERE {",
        f"  GRAPH <{iris.SUMMARY_GRAPH}> {{ <{iris.Summary(name)}> unkg:summaryRow ?row }}",
        *_unpacked(spec),
        "}",
        f"ORDER BY {spec.order or order}",
        "",
    ])


def drop(store: Store) -> None:
    """Remove the summary graph: documents are about to change."""
    g = NamedNode(iris.SUMMARY_GRAPH)
    if store.contains_named_graph(g):
        store.remove_graph(g)


def refresh(store: Store) -> None:
    """Compute every summarised query's rows from the document graphs as they now are."""
    drop(store)
    for name in SPECS:
        store.update(update(name))


def present(store: Store) -> bool:
    """Whether ``store`` holds summaries (a graph from an older unkg, or a killed build, does not)."""
    return store.contains_named_graph(NamedNode(iris.SUMMARY_GRAPH))
