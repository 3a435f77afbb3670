"""Each document's N-Quads are made as text (nquads.py) in the order a Store of the document
would dump them (store_order), and targets.FileTarget writes them as they are: the bytes must be
those a Store of the same quads would dump, in N-Quads and TriG (the terms' texts: test_nquads)."""
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Quad, RdfFormat, Store, parse, serialize

from unkg.graph.rdf import iris, nquads
from unkg.graph.rdf.targets import PREFIXES_OUT, FileTarget
from unkg.graph.rdf.workers import Task, run_local

ROOT = Path(__file__).resolve().parent.parent
META = NamedNode(iris.META_GRAPH)


@pytest.fixture(scope="module")
def documents():
    """(graph bytes, meta bytes, the quads as made) of two seeds: the made lines in the order
    they were made are what a Store fed one by one would have been given."""
    out = []
    for f in sorted((ROOT / "seeds").glob("*.txt"))[:2]:
        built = run_local(Task(str(f), f.name, f.stem))
        made = list(parse(nquads.added_order(built.graph), format=RdfFormat.N_QUADS))
        out.append((built.graph, built.meta, made))
    return out


def through_a_store(quads: list[Quad], fmt: RdfFormat) -> bytes:
    doc = Store()
    doc.extend(quads)
    doc.remove_graph(META)
    return doc.dump(format=fmt, **({"prefixes": PREFIXES_OUT} if fmt == RdfFormat.TRIG else {}))


def test_store_order_is_the_order_a_store_dumps(documents):
    for graph, _, made in documents:
        # a few quads made again, as a generator could: a store keeps each where it first came
        again = made + made[10:20]
        lines = serialize(again, format=RdfFormat.N_QUADS).decode().splitlines(keepends=True)
        assert nquads.store_order(lines) == through_a_store(again, RdfFormat.N_QUADS)
        assert graph == through_a_store(made, RdfFormat.N_QUADS)


def test_meta_lines_are_the_meta_graph_alone(documents):
    for graph, meta, _ in documents:
        assert meta and {q.graph_name for q in parse(meta, format=RdfFormat.N_QUADS)} == {META}
        assert META not in {q.graph_name for q in parse(graph, format=RdfFormat.N_QUADS)}


@pytest.mark.parametrize("suffix", [".nq", ".trig"])
def test_a_document_is_written_as_through_a_store(documents, tmp_path, suffix):
    out = tmp_path / f"g{suffix}"
    target = FileTarget(out)
    graph, meta, made = documents[0]
    target.put(made[0].graph_name.value, "a.txt", graph, meta, frozenset())
    target._fh.flush()
    written = Path(target._file.path).read_bytes()
    expected = through_a_store(made, target.fmt)
    if target.fmt == RdfFormat.TRIG:  # the file's @prefix lines are written once, at its start
        expected = b"".join(line for line in expected.splitlines(keepends=True) if not line.startswith(b"@prefix "))
        written = written.split(b"\n", len(PREFIXES_OUT))[-1]
    assert written == expected
    assert set(target._meta) == set(parse(meta, format=RdfFormat.N_QUADS))
    target.close(ok=False)
