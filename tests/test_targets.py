"""targets.FileTarget writes each document's graph without a Store of its own (store_order): the
bytes must be those a Store of the document would dump, in N-Quads and TriG, from quads made in
this process or from N-Quads bytes sent by a worker; typed literals as a store gives them back."""
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Quad, RdfFormat, Store, serialize

from unkg.graph.rdf import iris
from unkg.graph.rdf.targets import PREFIXES_OUT, FileTarget, store_order
from unkg.graph.rdf.vocab import XSD, lit
from unkg.graph.rdf.workers import Task, run_local

ROOT = Path(__file__).resolve().parent.parent
META = NamedNode(iris.META_GRAPH)


@pytest.fixture(scope="module")
def documents() -> list[list[Quad]]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))[:2]
    # a few quads made again, as a generator could: a store keeps each where it first came
    return [(q := list(run_local(Task(str(f), f.name, f.stem)).quads)) + q[10:20] for f in seeds]


def through_a_store(quads: list[Quad], fmt: RdfFormat) -> bytes:
    doc = Store()
    doc.extend(quads)
    doc.remove_graph(META)
    return doc.dump(format=fmt, **({"prefixes": PREFIXES_OUT} if fmt == RdfFormat.TRIG else {}))


def test_store_order_is_the_order_a_store_dumps(documents):
    for quads in documents:
        lines = store_order(serialize(quads, format=RdfFormat.N_QUADS).splitlines(keepends=True))
        body = b"".join(line for line in lines if not line.endswith(f"<{iris.META_GRAPH}> .\n".encode()))
        assert body == through_a_store(quads, RdfFormat.N_QUADS)


@pytest.mark.parametrize("suffix", [".nq", ".trig"])
@pytest.mark.parametrize("as_bytes", [False, True])
def test_a_document_is_written_as_through_a_store(documents, tmp_path, suffix, as_bytes):
    out = tmp_path / f"g{suffix}"
    target = FileTarget(out)
    quads = documents[0]
    data = serialize(quads, format=RdfFormat.N_QUADS) if as_bytes else iter(quads)
    target.put(quads[0].graph_name.value, "a.txt", data, frozenset())
    target._fh.flush()
    written = Path(target._file.path).read_bytes()
    expected = through_a_store(quads, target.fmt)
    if target.fmt == RdfFormat.TRIG:  # the file's @prefix lines are written once, at its start
        expected = b"".join(line for line in expected.splitlines(keepends=True) if not line.startswith(b"@prefix "))
        written = written.split(b"\n", len(PREFIXES_OUT))[-1]
    assert written == expected
    assert set(target._meta) == {q for q in quads if q.graph_name == META}
    target.close(ok=False)


def test_typed_literals_are_canonical_as_a_store_holds_them():
    assert lit("05", datatype=XSD.integer) == lit(5, datatype=XSD.integer)
    assert lit("1", datatype=XSD.boolean) == lit("true", datatype=XSD.boolean)
    assert lit("2019-9-1", datatype=XSD.date).value == "2019-9-1"  # not a date: kept as written
