"""The HTML view as a person sees it: a real headless Chromium (Debian's ``chromium``, driven by
Playwright's Python package; no browser is downloaded) opens views written by ``unkg viz`` with
the network cut off — every request that is not a local file is aborted and recorded.

Skipped when Chromium or Playwright is missing, except where ``UNKG_REQUIRE_BROWSER=1`` (CI),
where that is a failure.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import networkx as nx
import pytest

from unkg.cli import main
from unkg.graph.project import project
from unkg.graph.rdf.store import load
from unkg.graph.viz import PHYSICS_MAX, prepare, write_view

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
EVIL = """Working Group on the Smuggling of Migrants
Vienna, 4 and 5 July 2018

Draft report

1. The representative of Italy <img src=x onerror=alert(1)> stated that article 18 of the Organized Crime Convention <script>alert(1)</script> was the basis for mutual legal assistance.

2. Mexico and the United Nations Office on Drugs and Crime <b onmouseover=alert(2)>noted</b> the work of SHERLOC.
"""


def _need(reason: str):
    if os.environ.get("UNKG_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (UNKG_REQUIRE_BROWSER=1)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        _need("Debian's chromium is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need("the playwright package is not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def seeds_graph(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds") / "seeds.trig"
    assert main(["build", str(SEEDS), "--out", str(out), "--quiet"]) == 0
    return out


def visit(browser, path: Path, *, ready: bool = True):
    """Open ``path`` offline; return (page, log of errors, outside requests and dialogs)."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    log = SimpleNamespace(errors=[], requests=[], dialogs=[])
    page.on("console", lambda m: m.type == "error" and log.errors.append(m.text))
    page.on("pageerror", lambda e: log.errors.append(str(e)))
    page.on("request", lambda r: r.url.startswith(("file:", "data:")) or log.requests.append(r.url))
    page.on("dialog", lambda d: (log.dialogs.append(d.message), d.dismiss()))

    def offline(route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            route.abort()
    page.route("**/*", offline)
    page.goto(path.resolve().as_uri())
    if ready:
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=120_000)
    return page, log


def visible(page) -> int:
    return page.evaluate("window.unkg.visibleNodeIds().length")


def node_id(page, key: str) -> int:
    return page.evaluate("(k) => window.unkg.nodes.get({filter: (n) => n.key === k})[0].id", key)


def hover(page, nid: int) -> None:
    """Move the mouse onto node ``nid`` where it is drawn."""
    x, y = page.evaluate("""(id) => { const n = window.unkg.network;
        const p = n.canvasToDOM(n.getPositions([id])[id]);
        const r = document.getElementById('graph').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }""", nid)
    page.mouse.move(x, y)


def painted(page) -> int:
    """How many sampled canvas pixels are not blank."""
    return page.evaluate("""() => { const c = document.querySelector('#graph canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
        for (let i = 0; i < d.length; i += 4 * 97) { if (d[i + 3] && (d[i] < 240 || d[i + 1] < 240)) n++; }
        return n; }""")


def test_seeds_view_loads_offline_and_draws_every_node(browser, seeds_graph, tmp_path):
    html = tmp_path / "seeds.html"
    assert main(["viz", str(seeds_graph), "--out", str(html)]) == 0
    expected = len(project(load(seeds_graph), "all"))
    page, log = visit(browser, html)
    assert visible(page) == expected > 100
    assert page.evaluate("window.unkg.network.body.nodeIndices.length") == expected
    assert painted(page) > 200
    assert page.text_content("#stats").startswith(f"{expected} of {expected} nodes shown")
    assert not log.errors and not log.requests and not log.dialogs
    page.close()


def test_search_finds_a_node(browser, seeds_graph, tmp_path):
    html = tmp_path / "seeds.html"
    main(["viz", str(seeds_graph), "--out", str(html)])
    page, log = visit(browser, html)
    page.fill("#search", "Italy")
    page.press("#search", "Enter")
    assert page.text_content("#matches").startswith("1 match")
    assert page.evaluate("window.unkg.network.getSelectedNodes()") == [node_id(page, "ITA")]
    assert "Italy · 意大利" in page.text_content("#details")
    page.fill("#search", "意大利")
    page.press("#search", "Enter")
    assert page.evaluate("window.unkg.network.getSelectedNodes()") == [node_id(page, "ITA")]
    assert not log.errors and not log.requests
    page.close()


def test_type_filter_hides_the_others(browser, seeds_graph, tmp_path):
    html = tmp_path / "seeds.html"
    main(["viz", str(seeds_graph), "--out", str(html)])
    page, log = visit(browser, html)
    total = visible(page)
    states = page.evaluate("window.unkg.nodes.get({filter: (n) => n.group === 'State'}).length")
    page.uncheck("#legend input[data-kind='State']")
    assert visible(page) == total - states and states > 50
    hidden_states = page.evaluate("""window.unkg.visibleNodeIds().filter(
        (id) => window.unkg.nodes.get(id).group === 'State').length""")
    assert hidden_states == 0
    page.fill("#search", "Italy")
    page.press("#search", "Enter")
    assert page.text_content("#matches").startswith("0 matches")  # hidden nodes are not found
    page.check("#legend input[data-kind='State']")
    assert visible(page) == total
    assert not log.errors and not log.requests
    page.close()


def test_tooltip_and_labels_in_both_languages(browser, seeds_graph, tmp_path):
    html = tmp_path / "actors.html"
    main(["viz", str(seeds_graph), "--out", str(html), "--view", "actors", "--focus", "ITA", "--hops", "1"])
    page, log = visit(browser, html)
    ita = node_id(page, "ITA")
    hover(page, ita)
    page.wait_for_selector("#tip:not([hidden])")
    tip = page.text_content("#tip")
    assert tip.startswith("Italy · 意大利") and "State · ITA · 380, ITA" in tip
    page.click("#lang-zh")
    assert page.evaluate("(id) => window.unkg.nodes.get(id).label", ita) == "意大利"
    assert "around ITA" in page.text_content("#title")
    assert not log.errors and not log.requests
    page.close()


def test_large_view_has_physics_off_and_a_note(browser, tmp_path):
    G = nx.DiGraph(view="all", documents=[])
    for d in range(40):  # documents, each naming 30 of 1,000 entities
        G.add_node(f"d{d}", kind="Document", key=f"DOC/{d}")
        for e in range(d * 25, d * 25 + 30):
            G.add_node(f"e{e}", kind="State" if e % 2 else "Organization", key=f"E{e}")
            G.add_edge(f"d{d}", f"e{e}", rel="mentions", weight=1)
    assert len(G) > PHYSICS_MAX
    html = write_view(prepare(G), tmp_path / "big.html")
    page, log = visit(browser, html)
    assert visible(page) == len(G)
    assert "physics is off" in page.text_content("#notes")
    assert not page.evaluate("window.unkg.network.physics.physicsEnabled")
    assert not log.errors and not log.requests
    page.close()


def test_capped_view_says_so(browser, seeds_graph, tmp_path):
    html = tmp_path / "capped.html"
    main(["viz", str(seeds_graph), "--out", str(html), "--max-nodes", "60"])
    page, log = visit(browser, html)
    assert visible(page) == 60
    assert "Showing the 60 best-connected of" in page.text_content("#notes")
    assert not log.errors and not log.requests
    page.close()


def test_markup_in_a_document_never_runs(browser, tmp_path):
    (tmp_path / "evil.txt").write_text(EVIL, encoding="utf-8")
    graph, html = tmp_path / "evil.trig", tmp_path / "evil.html"
    assert main(["build", str(tmp_path / "evil.txt"), "--out", str(graph), "--quiet"]) == 0
    assert main(["viz", str(graph), "--out", str(html)]) == 0
    page, log = visit(browser, html)
    shown = {}
    for key in ("ITA", "MEX", "UNTOC art. 18"):
        hover(page, node_id(page, key))  # the tooltip
        page.wait_for_selector("#tip:not([hidden])")
        page.mouse.down()  # and a click: the details panel
        page.mouse.up()
        shown[key] = (page.text_content("#tip"), page.text_content("#details"))
    for tip, details in (shown["ITA"], shown["UNTOC art. 18"]):
        for text in (tip, details):  # shown as the words they are
            assert "<img src=x onerror=alert(1)>" in text and "<script>alert(1)</script>" in text
    assert "<b onmouseover=alert(2)>noted</b>" in shown["MEX"][0]
    page.fill("#search", "<script>")
    page.press("#search", "Enter")
    page.wait_for_timeout(300)
    assert page.evaluate("document.querySelectorAll('img, b, #side script, #tip *:not(div)').length") == 0
    assert not log.dialogs, log.dialogs
    assert not log.errors and not log.requests
    page.close()
