"""`unkg query --format`: the SPARQL 1.1 result formats, RDF for CONSTRUCT/DESCRIBE, ASK, the table."""
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pyoxigraph import QueryResultsFormat, RdfFormat, Store, parse, parse_query_results

ROOT = Path(__file__).resolve().parent.parent
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


def unkg(*args, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "unkg", *map(str, args)], input=stdin,
                          capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("g") / "seeds.trig"
    assert unkg("build", ROOT / "seeds", "--out", out, "--quiet").returncode == 0
    return out


def test_json_is_sparql_results_json_with_typed_literals(graph):
    out = unkg("query", graph, "--name", "most-cited-articles", "--format", "json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["head"]["vars"] == ["instrument_key", "instrument_label_en", "article", "paragraph", "count"]
    first = doc["results"]["bindings"][0]
    assert first["count"] == {"type": "literal", "value": "2", "datatype": XSD_INTEGER}
    assert first["instrument_label_en"]["xml:lang"] == "en"
    solutions = list(parse_query_results(out.stdout.encode(), format=QueryResultsFormat.JSON))
    assert len(solutions) == len(doc["results"]["bindings"])


def test_unbound_variables_are_left_out(graph):
    sparql = "SELECT ?d ?missing WHERE { ?d a unkg:UNDocument OPTIONAL { ?d unkg:nothing ?missing } } LIMIT 1"
    bindings = json.loads(unkg("query", graph, "--sparql", "-", "--format", "json", stdin=sparql).stdout)
    assert list(bindings["results"]["bindings"][0]) == ["d"]
    assert bindings["results"]["bindings"][0]["d"]["type"] == "uri"


@pytest.mark.parametrize("fmt, kind", [("csv", QueryResultsFormat.CSV), ("tsv", QueryResultsFormat.TSV),
                                       ("xml", QueryResultsFormat.XML)])
def test_csv_tsv_and_xml_parse_as_sparql_results(graph, fmt, kind):
    out = unkg("query", graph, "--name", "citations", "--format", fmt)
    assert out.returncode == 0, out.stderr
    if kind is QueryResultsFormat.CSV:  # a CSV reader sees the contract's columns and plain values
        import csv
        rows = list(csv.DictReader(io.StringIO(out.stdout)))
        assert rows and {"doc", "instrument_key", "article", "count"} <= set(rows[0])
        assert all(r["count"].isdigit() for r in rows)
        return
    solutions = list(parse_query_results(out.stdout.encode(), format=kind))
    assert solutions and all(s["count"].datatype.value == XSD_INTEGER for s in solutions)
    if kind is QueryResultsFormat.XML:
        assert ET.fromstring(out.stdout).tag.endswith("sparql")


def test_ask_is_a_boolean(graph):
    yes = unkg("query", graph, "--sparql", "-", "--format", "json", stdin="ASK { ?s a unkg:State }")
    assert json.loads(yes.stdout) == {"head": {}, "boolean": True}
    no = unkg("query", graph, "--sparql", "-", stdin="ASK { ?s a unkg:Nothing }")
    assert no.stdout == "false\n"


@pytest.mark.parametrize("fmt, kind", [("turtle", RdfFormat.TURTLE), ("ntriples", RdfFormat.N_TRIPLES),
                                       ("trig", RdfFormat.TRIG)])
def test_construct_and_describe_write_rdf(graph, fmt, kind):
    construct = "CONSTRUCT { ?s a unkg:State } WHERE { ?s a unkg:State }"
    out = unkg("query", graph, "--sparql", "-", "--format", fmt, stdin=construct)
    assert out.returncode == 0, out.stderr
    triples = list(parse(out.stdout.encode(), format=kind))
    assert len(triples) > 10
    describe = unkg("query", graph, "--sparql", "-", "--format", fmt,
                    stdin="DESCRIBE <https://w3id.org/unkg/id/state/ITA>")
    assert describe.returncode == 0 and list(parse(describe.stdout.encode(), format=kind))


def test_mismatched_formats_are_one_line(graph):
    rdf_for_select = unkg("query", graph, "--name", "documents", "--format", "turtle")
    assert rdf_for_select.returncode == 2 and rdf_for_select.stderr.count("\n") == 1
    rows_for_construct = unkg("query", graph, "--sparql", "-", "--format", "csv",
                              stdin="CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1")
    assert rows_for_construct.returncode == 2 and rows_for_construct.stderr.count("\n") == 1


def test_table_sorts_articles_as_numbers(graph):
    out = unkg("query", graph, "--name", "most-cited-articles", "--format", "csv").stdout.splitlines()[1:]
    untoc = [int(line.split(",")[-3]) for line in out if line.startswith("UNTOC,") and line.split(",")[-2] == ""]
    assert untoc == sorted(untoc) and len(untoc) > 3  # 4 before 13, 18 …
    table = unkg("query", graph, "--name", "most-cited-articles").stdout
    assert table.index("        4 ") < table.index("       13 ")


def test_named_queries_carry_their_prefixes(graph):
    """Each .rq file parses with no predeclared prefix, so it runs unchanged on any endpoint."""
    from unkg.graph.query import named_queries
    st = Store()
    for name, text in named_queries().items():
        assert "PREFIX unkg:" in text, name
        list(st.query(text))  # SyntaxError here means a prefix is missing


def test_error_positions_are_those_of_the_file(graph, tmp_path):
    bad = tmp_path / "bad.rq"
    text = "SELECT ?s\nWHERE {\n  ?s ?p ?o }\nLIMIT many\n"
    bad.write_text(text)
    out = unkg("query", graph, "--sparql", bad)
    with pytest.raises(SyntaxError) as plain:  # what the parser says of the file alone
        Store().query(text)
    position = str(plain.value).split(":")[0].split()[-1]
    assert position.startswith("4") and out.returncode == 2
    assert f"at {position}:" in out.stderr and out.stderr.count("\n") == 1, out.stderr


def test_the_progress_bar_only_on_a_terminal(tmp_path):
    """Issue 12: in a log (stderr not a terminal) error lines are not glued to a bar."""
    import os
    import pty
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(6):
        (folder / f"d{i}.txt").write_text(f"{i + 1}. The representative of Mexico made a statement.\n", "utf-8")
    logged = unkg("build", folder, "--out", tmp_path / "a.trig")
    assert logged.returncode == 0 and "file/s" not in logged.stderr and "\r" not in logged.stderr
    main, side = pty.openpty()
    import fcntl
    import struct
    import termios
    fcntl.ioctl(side, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a 0-column pty draws no bar
    try:
        proc = subprocess.run([sys.executable, "-m", "unkg", "build", str(folder), "--out", str(tmp_path / "b.trig")],
                              stderr=side, stdout=subprocess.DEVNULL, cwd=ROOT, timeout=120)
        os.close(side)
        drawn = b""
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            drawn += chunk
    finally:
        os.close(main)
    assert proc.returncode == 0 and b"file/s" in drawn  # the bar, on a terminal
