"""`unkg serve`: the real Oxigraph server, queried by a real SPARQL 1.1 Protocol client."""
import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

import pytest
from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory, servers):
    graph = tmp_path_factory.mktemp("g") / "seeds.trig"
    subprocess.run([sys.executable, "-m", "unkg", "build", str(ROOT / "seeds"), "--out", str(graph),
                    "--quiet"], check=True)
    _, url = servers.start(graph)
    yield url, graph  # the servers fixture stops it


def test_the_endpoint_answers_like_unkg_query(endpoint):
    url, graph = endpoint
    remote = Graph(store=SPARQLStore(url, returnFormat="json"))
    prefix = "PREFIX unkg: <https://w3id.org/unkg/ontology#>\n"
    states = {str(r[0]) for r in remote.query(prefix + "SELECT DISTINCT ?k WHERE { ?s a unkg:State ; unkg:key ?k }")}
    assert {"ITA", "MEX", "DZA", "THA"} <= states and "CHN" in states
    local = subprocess.run([sys.executable, "-m", "unkg", "query", str(graph), "--sparql", "-",
                            "--format", "csv"], input="SELECT DISTINCT ?k WHERE { ?s a unkg:State ; unkg:key ?k }",
                           capture_output=True, text=True, check=True).stdout.split()[1:]
    assert states == set(local)


def test_the_endpoint_is_read_only(endpoint):
    url, _ = endpoint
    update = url.replace("/query", "/update")
    from urllib.error import HTTPError
    with pytest.raises(HTTPError) as refused:
        urlopen(update, data=b"update=INSERT%20DATA%20%7B%3Ca%3E%20%3Cb%3E%20%3Cc%3E%7D", timeout=5)
    refused.value.close()
    assert refused.value.code in (403, 404, 405)


# -- issue 12/13: every named query over a standard client, limits, signals, --bind --------------
def children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(c) for c in (task / "children").read_text().split()}
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


def refused(url: str) -> bool:
    try:
        urlopen(f"{url}?query=ASK%7B%7D", timeout=2).read()
        return False
    except (URLError, ConnectionError):
        return True


def test_every_named_query_runs_unchanged_through_sparqlwrapper(endpoint):
    from SPARQLWrapper import JSON, SPARQLWrapper
    from pyoxigraph import QueryResultsFormat

    from unkg.graph.query import execute, named_queries
    from unkg.graph.rdf import store
    url, graph = endpoint
    local = store.load(str(graph))
    for name, text in sorted(named_queries().items()):
        client = SPARQLWrapper(url, returnFormat=JSON)
        client.setQuery(text)  # the file as shipped: its own PREFIX lines, nothing prepended
        remote = client.queryAndConvert()
        mine = json.loads(execute(local, text).serialize(format=QueryResultsFormat.JSON))
        assert remote["head"] == mine["head"], name
        # GROUP_CONCAT's order is the storage's (on disk there, in memory here): compare its words
        concat = set(re.findall(r"GROUP_CONCAT\(.*?\)\s+AS\s+\?(\w+)", text, re.S))
        same = lambda rows: [{k: sorted(v["value"].split()) if k in concat else v for k, v in r.items()}
                             for r in rows]
        assert same(remote["results"]["bindings"]) == same(mine["results"]["bindings"]), name


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_server_and_every_worker(endpoint, sig, servers):
    server, url = servers.start(endpoint[1], "--workers", "2")
    workers = children(server.pid)
    assert len(workers) >= 2
    server.send_signal(sig)
    assert server.wait(timeout=15) == 0
    server.stderr.close()
    deadline = time.time() + 5
    while any(alive(w) for w in workers) and time.time() < deadline:
        time.sleep(0.05)
    assert not any(alive(w) for w in workers)
    assert refused(url)  # the port is closed


def test_a_bad_or_busy_bind_is_one_line(endpoint):
    url, graph = endpoint
    busy = url.split("/")[2]
    for bind, words in ((busy, "cannot listen on"), ("nonsense", "expected HOST:PORT"), ("localhost:99999", "expected HOST:PORT")):
        out = subprocess.run([sys.executable, "-m", "unkg", "serve", str(graph), "--bind", bind],
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 2 and out.stderr.count("\n") == 1 and words in out.stderr, out.stderr
        assert "Traceback" not in out.stderr and "serving" not in out.stderr


def test_the_time_limit_and_the_row_cap_are_clear_errors(endpoint, servers):
    from urllib.error import HTTPError
    from urllib.parse import quote
    server, url = servers.start(endpoint[1], "--time-limit", "1.5", "--max-rows", "20", "--workers", "1")
    try:
        cartesian = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        t = time.time()
        with pytest.raises(HTTPError) as slow:
            urlopen(f"{url}?query={quote(cartesian)}", timeout=30)
        assert slow.value.code == 503 and b"time limit of 1.5 s" in slow.value.read()
        slow.value.close()
        assert time.time() - t < 10
        with pytest.raises(HTTPError) as big:
            urlopen(f"{url}?query={quote('SELECT * WHERE { ?s ?p ?o }')}", timeout=30)
        assert big.value.code == 400 and b"more than 20 rows" in big.value.read()
        big.value.close()
        ok = json.loads(urlopen(f"{url}?query={quote('SELECT * WHERE { ?s ?p ?o } LIMIT 20')}", timeout=30).read())
        assert len(ok["results"]["bindings"]) == 20  # the killed worker was replaced
    finally:
        server.terminate()
        server.wait(timeout=15)
        server.stderr.close()
