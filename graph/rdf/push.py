"""``unkg push``: upload every named graph to a triplestore over the SPARQL 1.1 Graph Store
HTTP Protocol — one ``PUT ENDPOINT?graph=IRI`` per graph, so pushing again replaces each graph
(a document rebuilt, then pushed, leaves nothing stale on the server).

The body is N-Triples (serialised in Rust by pyoxigraph) sent as ``text/turtle``: N-Triples is a
subset of Turtle, and Turtle is the one type every Graph Store endpoint accepts (Oxigraph,
Virtuoso, Fuseki, GraphDB). HTTP basic and digest authentication (Virtuoso's
``/sparql-graph-crud-auth`` wants digest) come from the standard library.
"""
from __future__ import annotations

import base64
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from pyoxigraph import NamedNode, RdfFormat, Store

from unkg.extract.models import UserError

from . import store

CONTENT_TYPE = "text/turtle; charset=utf-8"


def push(source: str | Path, endpoint: str, user: str | None = None, password: str | None = None,
         timeout: float = 60.0) -> int:
    """PUT each named graph of ``source`` (a store folder or a graph file) to ``endpoint``."""
    if urlsplit(endpoint).scheme not in ("http", "https"):
        raise UserError(f"{endpoint}: the endpoint must be an http:// or https:// URL")
    graph = store.load(source)
    names = sorted(g.value for g in graph.named_graphs())
    if not names:
        raise UserError(f"{source}: no named graphs to push")
    auth = _Auth(user, password)
    triples = 0
    for name in names:
        triples += _put(auth, graph, name, endpoint, timeout)
    print(f"unkg: pushed {len(names)} graphs ({triples} triples) to {endpoint}", file=sys.stderr)
    return 0


def graph_url(endpoint: str, name: str) -> str:
    """The Graph Store Protocol URL of the graph ``name`` (indirect identification, ``?graph=``)."""
    return endpoint + ("&" if "?" in endpoint else "?") + urlencode({"graph": name})


def _put(auth: "_Auth", graph: Store, name: str, endpoint: str, timeout: float) -> int:
    body = graph.dump(format=RdfFormat.N_TRIPLES, from_graph=NamedNode(name))
    url = graph_url(endpoint, name)
    try:
        request = urllib.request.Request(url, data=body, method="PUT",
                                         headers={"Content-Type": CONTENT_TYPE, **auth.header(url, timeout)})
        with _PLAIN.open(request, timeout=timeout) as reply:
            reply.read()
    except urllib.error.HTTPError as err:
        detail = err.read(300).decode("utf-8", "replace").strip().splitlines()
        raise UserError(f"{endpoint}: the server refused graph {name} ({err.code} {err.reason}"
                        + (f": {detail[0]}" if detail else "") + ")") from None
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise UserError(f"{endpoint}: cannot reach the server ({reason})") from None
    return body.count(b"\n")


_PLAIN = urllib.request.build_opener()


class _Auth:
    """The Authorization header for each PUT, sent with the body the first time.

    urllib's own handlers send a request, read the 401, and send it again: with a graph of some
    megabytes the server has closed the connection before the body is written (a broken pipe,
    as Virtuoso does). So a bodiless HEAD fetches the challenge, and the PUT carries the answer:
    HTTP digest when the server asks for it, basic otherwise."""

    def __init__(self, user: str | None, password: str | None):
        self.user, self.password = user, password or ""

    def header(self, url: str, timeout: float) -> dict[str, str]:
        if self.user is None:
            return {}
        challenge = self._challenge(url, timeout)
        if challenge.lower().startswith("digest "):
            chal = urllib.request.parse_keqv_list(filter(None, urllib.request.parse_http_list(challenge[7:])))
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            passwords.add_password(None, url, self.user, self.password)
            digest = urllib.request.HTTPDigestAuthHandler(passwords)
            answer = digest.get_authorization(urllib.request.Request(url, method="PUT"), chal)
            if answer:
                return {"Authorization": f"Digest {answer}"}
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
        return {"Authorization": f"Basic {token}"}

    @staticmethod
    def _challenge(url: str, timeout: float) -> str:
        try:
            with _PLAIN.open(urllib.request.Request(url, method="HEAD"), timeout=timeout):
                return ""
        except urllib.error.HTTPError as err:
            return err.headers.get("WWW-Authenticate", "") if err.code == 401 else ""
