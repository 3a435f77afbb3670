"""``unkg serve``: a read-only SPARQL 1.1 Protocol endpoint over a graph file, with limits.

The graph is loaded into an on-disk Oxigraph store; a few worker processes open it read-only
(pyoxigraph) and answer the queries, and a small HTTP front speaks the SPARQL 1.1 Protocol
(GET or POST on /query, results as JSON, XML, CSV or TSV, graphs as Turtle, N-Triples, TriG or
RDF/XML by the Accept header), so any SPARQL client — SPARQLWrapper, rdflib's SPARQLStore, YASGUI,
curl — can query it. The default graph is the union of the document graphs, as for ``unkg query``.

Why workers and not Oxigraph's own server: a query past its time limit must really stop (the
server's timeout is only checked now and then: a cartesian COUNT ran a minute past a 2 s limit),
and a worker can be killed and replaced. The limits: a per-query time limit, a cap on result
rows, and no SERVICE/FROM (the endpoint never fetches a URL). Each is a clear HTTP error.
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import sys
import tempfile
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from pyoxigraph import (QueryBoolean, QueryResultsFormat, QueryTriples, RdfFormat, Store, parse_query_results,
                        serialize)

from unkg.extract.models import UserError

from .query import refuse_remote
from .rdf import store

MAX_QUERY_BYTES = 1 << 20


@dataclass(frozen=True)
class Limits:
    time_s: float = 30.0  # one query's wall time, then its worker is killed
    max_rows: int = 100_000  # rows of a SELECT or triples of a CONSTRUCT/DESCRIBE
    workers: int = 2


def prepare(graph: str, location: Path) -> None:
    """Load the graph file into an Oxigraph store on disk at ``location``."""
    st = Store(str(location))
    store.load(graph, st)
    st.flush()
    del st  # release the store's lock before the workers open it read-only


# -- the worker: one query at a time, its answer as (HTTP status, content type, body) -------------
RESULT_TYPES = {"application/sparql-results+json": QueryResultsFormat.JSON, "application/json": QueryResultsFormat.JSON,
                "application/sparql-results+xml": QueryResultsFormat.XML, "application/xml": QueryResultsFormat.XML,
                "text/xml": QueryResultsFormat.XML, "text/csv": QueryResultsFormat.CSV,
                "text/tab-separated-values": QueryResultsFormat.TSV}
GRAPH_TYPES = {"text/turtle": RdfFormat.TURTLE, "application/n-triples": RdfFormat.N_TRIPLES,
               "application/trig": RdfFormat.TRIG, "application/n-quads": RdfFormat.N_QUADS,
               "application/rdf+xml": RdfFormat.RDF_XML, "application/ld+json": RdfFormat.JSON_LD,
               "text/plain": RdfFormat.N_TRIPLES}
FORMAT_PARAMS = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                 "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
                 "ntriples": "application/n-triples", "nt": "application/n-triples", "trig": "application/trig",
                 "rdfxml": "application/rdf+xml", "json-ld": "application/ld+json"}


class TooMany(Exception):
    pass


def worker_main(location: str, max_rows: int, conn) -> None:
    """Answer jobs from ``conn`` until the server closes it (or dies)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the server stops us
    st = Store.read_only(location)
    conn.send("ready")
    while True:
        try:
            sparql, accept, fmt = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(answer(st, sparql, accept, fmt, max_rows))


def choose(accept: str, fmt: str, types: dict) -> str:
    """The media type to answer in: a format parameter, else the best of the Accept header that
    ``types`` knows, else the first of ``types`` (lenient: a client asking only */* gets JSON)."""
    wanted = FORMAT_PARAMS.get(fmt.lower(), fmt.lower())
    if wanted in types:
        return wanted
    ranked = []
    for i, item in enumerate(accept.split(",")):
        kind, *params = [x.strip().lower() for x in item.split(";")]
        q = next((float(p[2:]) for p in params if p.startswith("q=") and p[2:].replace(".", "", 1).isdigit()), 1.0)
        ranked.append((-q, i, kind))
    return next((k for _, _, k in sorted(ranked) if k in types and k), next(iter(types)))


def answer(st: Store, sparql: str, accept: str, fmt: str, max_rows: int) -> tuple[int, str, bytes]:
    try:
        result = st.query(sparql, use_default_graph_as_union=True)
        if isinstance(result, QueryTriples):
            kind = choose(accept, fmt, GRAPH_TYPES)
            return 200, kind, serialize(_capped(result, max_rows), format=GRAPH_TYPES[kind])
        kind = choose(accept, fmt, RESULT_TYPES)
        if not isinstance(result, QueryBoolean):
            result = _capped_solutions(result, max_rows)
        return 200, kind, result.serialize(format=RESULT_TYPES[kind])
    except SyntaxError as err:
        return 400, "text/plain", f"SPARQL syntax error: {str(err).splitlines()[0]}\n".encode()
    except TooMany:
        return 400, "text/plain", (f"the answer has more than {max_rows} rows, the endpoint's cap: ask for "
                                   "fewer with LIMIT (unkg serve --max-rows)\n").encode()
    except (OSError, ValueError) as err:
        return 500, "text/plain", f"query failed: {str(err).splitlines()[0] if str(err) else err!r}\n".encode()


def _capped(items, max_rows: int) -> list:
    kept = []
    for item in items:
        kept.append(item)
        if len(kept) > max_rows:
            raise TooMany()
    return kept


def _capped_solutions(solutions, max_rows: int):
    """The solutions again, after counting them: pyoxigraph serialises only a live result, so the
    rows kept are written as TSV (N-Triples terms: lossless) and read back."""
    names = [v.value for v in solutions.variables]
    lines = ["\t".join("?" + n for n in names)]
    lines += ["\t".join("" if t is None else str(t) for t in (s[n] for n in names))
              for s in _capped(solutions, max_rows)]
    return parse_query_results(("\n".join(lines) + "\n").encode("utf-8"), format=QueryResultsFormat.TSV)


# -- the server side --------------------------------------------------------------------------------
class Worker:
    """One process holding the store read-only; killed and replaced when a query overruns."""

    def __init__(self, location: str, max_rows: int):
        ctx = multiprocessing.get_context("spawn")  # no fork of a threaded server
        self.args = (location, max_rows)
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=worker_main, args=(location, max_rows, child), daemon=True)
        self.proc.start()
        child.close()  # the worker sees EOF, and exits, when this process dies

    def wait_ready(self, timeout: float = 120) -> None:
        """Block until the worker has opened the store, so the first query is not the slow one."""
        if not self.conn.poll(timeout) or self.conn.recv() != "ready":
            self.stop()
            raise UserError("a query worker did not start (is the store readable?)")

    def ask(self, job: tuple, timeout: float) -> tuple[int, str, bytes] | None:
        self.conn.send(job)
        if self.conn.poll(timeout):
            try:
                return self.conn.recv()
            except EOFError:  # the worker died (out of memory): answer as for a timeout
                return None
        return None

    def stop(self) -> None:
        self.proc.kill()
        self.proc.join(5)
        self.conn.close()


class Pool:
    def __init__(self, location: str, limits: Limits):
        self.location, self.limits = location, limits
        self.idle: queue.Queue[Worker] = queue.Queue()
        self.all: list[Worker] = []
        self.lock = threading.Lock()
        started = [Worker(location, limits.max_rows) for _ in range(limits.workers)]  # start together
        for w in started:
            self._add(w)

    def _add(self, w: Worker | None = None) -> None:
        w = w or Worker(self.location, self.limits.max_rows)
        w.wait_ready()
        with self.lock:
            self.all.append(w)
        self.idle.put(w)

    def answer(self, job: tuple) -> tuple[int, str, bytes]:
        limit = self.limits.time_s
        try:
            w = self.idle.get(timeout=limit)
        except queue.Empty:
            return 503, "text/plain", f"busy: no worker free within {limit:g} s; retry later\n".encode()
        reply = w.ask(job, limit)
        if reply is not None:
            self.idle.put(w)
            return reply
        w.stop()  # the only way to stop a query mid-evaluation, and to give its memory back
        with self.lock:
            self.all.remove(w)
        self._add()
        return 503, "text/plain", (f"query stopped: it ran past the endpoint's time limit of {limit:g} s "
                                   "(unkg serve --time-limit)\n").encode()

    def close(self) -> None:
        with self.lock:
            for w in self.all:
                w.stop()
            self.all.clear()


def _handler(pool: Pool):
    class Handler(BaseHTTPRequestHandler):
        server_version = "unkg"
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            self._query(url.path, parse_qs(url.query))

        def do_POST(self) -> None:
            url = urlsplit(self.path)
            size = int(self.headers.get("Content-Length") or 0)
            if size > MAX_QUERY_BYTES:
                return self._send(413, "text/plain", b"query too long\n")
            body = self.rfile.read(size).decode("utf-8", "replace")
            kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            params = parse_qs(url.query)
            if kind == "application/sparql-query":
                params["query"] = [body]
            elif kind in ("application/x-www-form-urlencoded", ""):
                params.update(parse_qs(body))
            self._query(url.path, params)

        def _query(self, path: str, params: dict[str, list[str]]) -> None:
            if path != "/query":
                code = 403 if path == "/update" or "update" in params else 404
                text = b"read-only endpoint: only SPARQL queries, at /query\n" if code == 403 else b"not found\n"
                return self._send(code, "text/plain", text)
            sparql = (params.get("query") or [""])[0]
            if not sparql:
                return self._send(400, "text/plain", b"no query: send ?query=...\n")
            try:
                refuse_remote(sparql)
            except UserError as err:
                return self._send(400, "text/plain", f"{str(err).split(';')[0]}\n".encode())
            fmt = next((v[0] for k, v in params.items() if k in ("format", "output", "results")), "")
            self._send(*pool.answer((sparql, self.headers.get("Accept") or "", fmt)))

        def _send(self, code: int, ctype: str, body: bytes) -> None:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:  # one line per request would drown the terminal
            pass

    return Handler


def parse_bind(bind: str) -> tuple[str, int]:
    host, sep, port = bind.rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536:
        raise UserError(f"--bind {bind!r}: expected HOST:PORT, e.g. localhost:7878")
    return host.strip("[]") or "localhost", int(port)


def listen(bind: str) -> ThreadingHTTPServer:
    """The socket bound first, so a bad or busy address is one line before any loading; it listens
    (server_activate) only once the workers are there, so early clients are refused, not stalled."""
    host, port = parse_bind(bind)
    try:
        server = ThreadingHTTPServer((host, port), BaseHTTPRequestHandler, bind_and_activate=False)
        server.allow_reuse_address = True
        server.server_bind()
    except OSError as err:
        raise UserError(f"cannot listen on {bind}: {err.strerror or err}") from None
    server.daemon_threads = True
    return server


def serve(graph: str, bind: str, location: str | None = None, limits: Limits = Limits()) -> int:
    """Serve ``graph`` read-only at http://BIND/query until SIGINT or SIGTERM."""
    server = listen(bind)
    pool = None

    def on_signal(signum, frame) -> None:  # stop the loop; the finally below ends the workers
        threading.Thread(target=server.shutdown, daemon=True).start()

    try:
        with tempfile.TemporaryDirectory(prefix="unkg-store-") as tmp:
            where = Path(location) if location else Path(tmp)
            prepare(graph, where)
            pool = Pool(str(where), limits)
            server.RequestHandlerClass = _handler(pool)
            server.server_activate()
            for sig in (signal.SIGTERM, signal.SIGINT):
                signal.signal(sig, on_signal)
            print(f"unkg: serving {graph} read-only at http://{bind}/query (time limit {limits.time_s:g} s, "
                  f"at most {limits.max_rows} rows; Ctrl-C to stop)", file=sys.stderr, flush=True)
            try:
                server.serve_forever(poll_interval=0.2)
            finally:
                pool.close()
    finally:
        server.server_close()
    return 0


def cli_limits(time_limit: float, max_rows: int, workers: int | None) -> Limits:
    if time_limit <= 0 or max_rows <= 0 or (workers is not None and workers <= 0):
        raise UserError("--time-limit, --max-rows and --workers must be positive")
    return Limits(time_limit, max_rows, workers or min(4, os.cpu_count() or 2))
