"""`unkg push`: every named graph PUT over the Graph Store Protocol to real servers started here
(the Oxigraph server from the test extras, and Virtuoso Open Source from Debian's
virtuoso-opensource), and a second push replaces instead of adding."""
import csv
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
LOOPBACK = {**os.environ, "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}


def unkg(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "unkg", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, env=LOOPBACK)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the server exited"
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer in {seconds} s")


def counts(sparql_url: str) -> dict[str, int]:
    """Triples per unkg graph on the server, by its own SPARQL endpoint."""
    query = ("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
             "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/unkg/')) } GROUP BY ?g")
    req = urllib.request.Request(sparql_url, data=urllib.parse.urlencode({"query": query}).encode(),
                                 headers={"Accept": "text/csv", "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(req, timeout=30) as reply:
        rows = list(csv.DictReader(io.StringIO(reply.read().decode("utf-8"))))
    return {r["g"]: int(r["n"]) for r in rows}


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory) -> Path:
    where = tmp_path_factory.mktemp("s") / "seeds.store"
    assert unkg("build", SEEDS, "--store", where).returncode == 0
    return where


def expected(store_dir: Path) -> dict[str, int]:
    st = Store.read_only(str(store_dir))
    return {g.value: sum(1 for _ in st.quads_for_pattern(None, None, None, g)) for g in st.named_graphs()}


@pytest.fixture
def oxigraph_server(tmp_path):
    binary = Path(sys.executable).with_name("oxigraph")
    if not binary.is_file():
        pytest.skip("the oxigraph server (test extras) is not installed")
    port = free_port()
    proc = subprocess.Popen([str(binary), "serve", "--location", str(tmp_path / "ox"),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(10)


def test_push_to_oxigraph_uploads_every_graph_and_a_second_push_replaces(oxigraph_server, seeds_store, tmp_path):
    result = unkg("push", seeds_store, "--endpoint", f"{oxigraph_server}/store")
    assert result.returncode == 0, result.stderr
    want = expected(seeds_store)
    assert counts(f"{oxigraph_server}/query") == want and len(want) == 8  # 4 documents, meta, topics, treaties, registry
    # one document rebuilt smaller, then pushed again: its graph is replaced, nothing is added
    changed = tmp_path / "001_cdb74ec8a63a6727.txt"
    changed.write_text((SEEDS / changed.name).read_text("utf-8").replace("斐济、", ""), "utf-8")
    copy = tmp_path / "copy.store"
    shutil.copytree(seeds_store, copy, ignore=shutil.ignore_patterns("LOCK"))
    assert unkg("build", changed, "--store", copy).returncode == 0
    assert unkg("push", copy, "--endpoint", f"{oxigraph_server}/store").returncode == 0
    again = counts(f"{oxigraph_server}/query")
    assert again == expected(copy) and again != want


def test_push_of_a_graph_file_and_its_errors(oxigraph_server, seeds_store, tmp_path):
    trig = tmp_path / "g.trig"
    assert unkg("export", seeds_store, "--out", trig).returncode == 0
    assert unkg("push", trig, "--endpoint", f"{oxigraph_server}/store").returncode == 0
    assert counts(f"{oxigraph_server}/query") == expected(seeds_store)
    refused = unkg("push", trig, "--endpoint", f"http://127.0.0.1:{free_port()}/store")
    assert refused.returncode == 2 and "cannot reach the server" in refused.stderr
    assert refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr
    wrong = unkg("push", trig, "--endpoint", "ftp://example.org/store")
    assert wrong.returncode == 2 and "http://" in wrong.stderr


def _virtuoso_ini(folder: Path, sql_port: int, http_port: int) -> Path:
    text = VIRTUOSO_INI.read_text()
    text = text.replace("/var/lib/virtuoso-opensource-7/db/", f"{folder}/")
    text = re.sub(r"(?m)^ServerPort(\s*)=\s*1111\b", f"ServerPort = {sql_port}", text)
    text = re.sub(r"(?m)^ServerPort(\s*)=\s*8890\b", f"ServerPort = {http_port}", text)
    ini = folder / "virtuoso.ini"
    ini.write_text(text)
    return ini


@pytest.fixture
def virtuoso_server(tmp_path):
    binary = shutil.which("virtuoso-t")
    if not binary or not VIRTUOSO_INI.is_file():
        pytest.skip("Virtuoso Open Source is not installed (apt-get install virtuoso-opensource; .ci/run does)")
    folder = tmp_path / "virtuoso"
    folder.mkdir()
    http_port = free_port()
    ini = _virtuoso_ini(folder, free_port(), http_port)
    proc = subprocess.Popen([binary, "+foreground", "+configfile", str(ini)], cwd=folder,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(f"http://127.0.0.1:{http_port}/sparql?query=ASK%7B%7D", proc, seconds=120)
        yield f"http://127.0.0.1:{http_port}"
    finally:
        proc.terminate()
        proc.wait(60)


def test_push_to_virtuoso_with_digest_auth(virtuoso_server, seeds_store):
    endpoint = f"{virtuoso_server}/sparql-graph-crud-auth"
    denied = unkg("push", seeds_store, "--endpoint", endpoint, "--user", "dba", "--password", "wrong")
    assert denied.returncode == 2 and "401" in denied.stderr and "Traceback" not in denied.stderr
    for _ in range(2):  # the second push replaces each graph: the counts stay the same
        result = unkg("push", seeds_store, "--endpoint", endpoint, "--user", "dba", "--password", "dba")
        assert result.returncode == 0, result.stderr
        assert counts(f"{virtuoso_server}/sparql") == expected(seeds_store)
