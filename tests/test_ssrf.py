"""Nothing a query or a graph file says makes unkg fetch a URL (issue 13): a real listener on
loopback must receive nothing through `query`, `serve` and `validate`, unless --allow-service."""
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import quote
from urllib.request import urlopen

import pytest

ROOT = Path(__file__).resolve().parent.parent


class Listener:
    """A TCP listener that records every connection it accepts (and answers nothing useful)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.received: list[bytes] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                try:
                    self.received.append(conn.recv(65536))
                    conn.sendall(b"HTTP/1.1 500 no\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                except OSError:
                    self.received.append(b"")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture
def listener():
    lst = Listener()
    yield lst
    lst.sock.close()


def unkg(*args, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "unkg", *map(str, args)], input=stdin,
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("g") / "seeds.trig"
    assert unkg("build", ROOT / "seeds" / "004_3f756bb20ebb5459.txt", "--out", out, "--quiet").returncode == 0
    return out


def attempts(url: str) -> list[str]:
    return [
        f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"PREFIX r: <{url}/>\nSELECT * WHERE {{ ?x ?y ?z # comment\n  SERVICE r:sparql {{ ?s ?p ?o }} }}",
        f"SELECT * FROM <{url}/data.ttl> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{url}/data.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}/> {{ ?s ?p ?o }} }}",
        f"ASK {{ SERVICE <{url}/> {{ ?s ?p ?o }} }}",
    ]


def test_query_refuses_service_and_from_in_one_line(graph, listener):
    for sparql in attempts(listener.url):
        out = unkg("query", graph, "--sparql", "-", stdin=sparql)
        assert out.returncode == 2 and out.stderr.count("\n") == 1 and "refused" in out.stderr, (sparql, out.stderr)
    time.sleep(0.5)
    assert listener.received == []


def test_words_that_only_look_like_service_are_fine(graph):
    sparql = ('SELECT ?service ?from WHERE { BIND("SERVICE <http://x/>" AS ?service) '
              'BIND(<urn:from> AS ?from) }  # FROM <http://x/> in a comment')
    out = unkg("query", graph, "--sparql", "-", "--format", "csv", stdin=sparql)
    assert out.returncode == 0, out.stderr


def test_allow_service_is_an_explicit_opt_in(graph, listener):
    out = unkg("query", graph, "--allow-service", "--sparql", "-",
               stdin=f"SELECT * WHERE {{ SERVICE <{listener.url}/sparql> {{ ?s ?p ?o }} }}")
    assert out.returncode == 2 and out.stderr.count("\n") == 1  # the listener's reply is no SPARQL
    deadline = time.time() + 5
    while not listener.received and time.time() < deadline:
        time.sleep(0.05)
    assert listener.received and (b"POST /sparql" in listener.received[0] or b"GET /sparql" in listener.received[0])


def test_the_endpoint_refuses_them_too(graph, listener, tmp_path, servers):
    server, url = servers.start(graph, "--workers", "1")
    try:
        for sparql in attempts(listener.url):
            for request in (f"{url}?query={quote(sparql)}", None):
                with pytest.raises(HTTPError) as err:
                    if request:
                        urlopen(request, timeout=10)
                    else:
                        urlopen(url, data=f"query={quote(sparql)}".encode(), timeout=10)
                assert err.value.code == 400 and b"refused" in err.value.read()
                err.value.close()
    finally:
        server.terminate()
        server.wait(timeout=15)
    time.sleep(0.5)
    assert listener.received == []


def test_remote_contexts_and_imports_in_files_fetch_nothing(listener, tmp_path):
    jsonld = tmp_path / "remote.jsonld"
    jsonld.write_text('{"@context": "%s/context.jsonld", "@id": "urn:a", "name": "x"}' % listener.url)
    imports = tmp_path / "imports.ttl"
    imports.write_text(f"<urn:o> a <http://www.w3.org/2002/07/owl#Ontology> ;\n"
                       f"  <http://www.w3.org/2002/07/owl#imports> <{listener.url}/onto.ttl> .\n")
    for command in (("query", jsonld, "--name", "documents"), ("validate", jsonld),
                    ("query", imports, "--name", "documents"), ("validate", imports)):
        out = unkg(*command)
        assert "Traceback" not in out.stderr, out.stderr
        assert out.returncode in (0, 1, 2) and out.stderr.count("\n") <= 1, (command, out.stderr)
    time.sleep(0.5)
    assert listener.received == []
