"""`unkg serve`: the real Oxigraph server, queried by a real SPARQL 1.1 Protocol client."""
import socket
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    graph = tmp_path_factory.mktemp("g") / "seeds.trig"
    subprocess.run([sys.executable, "-m", "unkg", "build", str(ROOT / "seeds"), "--out", str(graph),
                    "--quiet"], check=True)
    bind = f"127.0.0.1:{free_port()}"
    server = subprocess.Popen([sys.executable, "-m", "unkg", "serve", str(graph), "--bind", bind],
                              stderr=subprocess.PIPE, text=True)
    url = f"http://{bind}/query"
    for _ in range(100):
        try:
            urlopen(f"{url}?query=ASK%7B%7D", timeout=1).read()
            break
        except (URLError, ConnectionError):
            if server.poll() is not None:
                pytest.fail(server.stderr.read())
            time.sleep(0.1)
    yield url, graph
    server.terminate()
    server.wait(timeout=10)
    server.stderr.close()


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
