"""A bounded load test of `unkg serve` (issue 13): 8 concurrent clients x 200 named queries on
loopback; every answer must equal the in-process one and the server must survive. Prints the
latency p50/p99 (the README quotes them)."""
import json
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pytest
from pyoxigraph import QueryResultsFormat

ROOT = Path(__file__).resolve().parent.parent
CLIENTS, PER_CLIENT = 8, 200


def normal(text: str, answer: dict) -> list:
    """The rows, with GROUP_CONCAT values as sorted words (their order is the storage's)."""
    concat = set(re.findall(r"GROUP_CONCAT\(.*?\)\s+AS\s+\?(\w+)", text, re.S))
    return [{k: sorted(v["value"].split()) if k in concat else v for k, v in row.items()}
            for row in answer["results"]["bindings"]]


@pytest.fixture(scope="module")
def served(tmp_path_factory, servers):
    graph = tmp_path_factory.mktemp("g") / "seeds.trig"
    subprocess.run([sys.executable, "-m", "unkg", "build", str(ROOT / "seeds"), "--out", str(graph), "--quiet"],
                   check=True)
    server, url = servers.start(graph, "--workers", "2")
    yield server, url, graph  # the servers fixture stops it


def test_eight_clients_two_hundred_queries_each(served, capsys):
    from unkg.graph.query import execute, named_queries
    from unkg.graph.rdf import store
    server, url, graph = served
    local = store.load(str(graph))
    queries = sorted(named_queries().items())
    expected = {name: normal(text, json.loads(execute(local, text).serialize(format=QueryResultsFormat.JSON)))
                for name, text in queries}
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()

    def client(k: int) -> None:
        for i in range(PER_CLIENT):
            name, text = queries[(k + i) % len(queries)]
            req = Request(url, data=urlencode({"query": text}).encode(),
                          headers={"Accept": "application/sparql-results+json",
                                   "Content-Type": "application/x-www-form-urlencoded"})
            t = time.perf_counter()
            try:
                with urlopen(req, timeout=60) as resp:
                    body = resp.read()
                took = time.perf_counter() - t
                ok = normal(text, json.loads(body)) == expected[name]
            except Exception as err:  # noqa: BLE001 - any failure is counted and shown
                took, ok = time.perf_counter() - t, False
                name = f"{name}: {err!r}"
            with lock:
                latencies.append(took)
                if not ok:
                    failures.append(name)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(CLIENTS)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    wall = time.perf_counter() - start
    assert not any(t.is_alive() for t in threads)
    assert failures == [], failures[:5]
    assert len(latencies) == CLIENTS * PER_CLIENT
    assert server.poll() is None  # the server survived
    assert urlopen(f"{url}?query=ASK%7B%7D", timeout=10).read()
    cuts = statistics.quantiles(latencies, n=100)
    with capsys.disabled():
        print(f"\nunkg serve load test: {CLIENTS} clients x {PER_CLIENT} named queries in {wall:.1f} s; "
              f"latency p50 {cuts[49] * 1000:.0f} ms, p99 {cuts[98] * 1000:.0f} ms")
