"""The HTML view without a browser: self-contained, UTF-8, escaped, fast to build, laid out.
(tests/test_browser.py opens the same pages in Chromium.)"""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

import networkx as nx
import pytest
from bs4 import BeautifulSoup

from unkg.extract.models import UserError
from unkg.graph import viz
from unkg.cli import main
from unkg.graph.project import project
from unkg.graph.rdf.store import load

FIXTURE = Path(__file__).parent / "data" / "explore.trig"


@pytest.fixture(scope="module")
def G() -> nx.DiGraph:
    return viz.prepare(project(load(FIXTURE), "all"))


def page_data(html: str) -> dict:
    soup = BeautifulSoup(html, "html.parser")
    return json.loads(soup.find("script", id="unkg-data").string)


def test_page_is_self_contained(G):
    html = viz.render(G)
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all("script", src=True)
    assert [link["href"] for link in soup.find_all("link")] == ["data:,"]
    assert "vis.Network" in html and "sourceMappingURL" not in html
    csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "default-src 'none'" in csp and "unsafe-eval" not in csp
    assert csp.count("'sha256-") == 2  # only vis-network and the page's own script may run


def test_written_as_utf8(G, tmp_path):
    path = viz.write_view(G, tmp_path / "v.html", lang="zh")
    raw = path.read_bytes()
    assert b'<meta charset="utf-8">' in raw
    data = page_data(raw.decode("utf-8"))
    assert {n["label"] for n in data["nodes"]} >= {"意大利", "偷运移民问题工作组第9次会议"}


def test_document_text_cannot_become_markup():
    G = nx.DiGraph(view="all")
    evil = "</script><script>alert(1)</script><img src=x onerror=alert(1)> & \u2028"
    G.add_node("a", kind="State", key="@DATA@", label_en=evil, source=evil)
    G.add_node("b", kind="Document", key="DOC", label_en="DOC")
    G.add_edge("b", "a", rel="mentions", weight=1)
    html = viz.render(viz.prepare(G, focus="@DATA@", hops=1))
    assert "<img" not in html and html.count("</script>") == 3  # vis, data, app
    node = next(n for n in page_data(html)["nodes"] if n["key"] == "@DATA@")
    assert node["src"] == node["en"] == evil  # the same words after JSON.parse
    assert "&lt;" not in node["src"]
    assert "<title>unkg · all view · 0 documents · around @DATA@</title>" in html


def test_nodes_and_edges_are_assigned_not_added(G, monkeypatch):
    def slow(*args, **kwargs):
        raise AssertionError("add_node/add_edge scan lists: O(n²)")
    for name in ("add_node", "add_nodes", "add_edge", "add_edges", "from_nx"):
        monkeypatch.setattr(viz.Network, name, slow)
    data = page_data(viz.render(G))
    assert len(data["nodes"]) == len(G) and len(data["edges"]) == G.number_of_edges()


def test_node_data_for_legend_tooltips_and_size(G):
    data = page_data(viz.render(G))
    ita = next(n for n in data["nodes"] if n["key"] == "ITA")
    assert (ita["group"], ita["en"], ita["zh"], ita["codes"]) == ("State", "Italy", "意大利", ["380", "ITA"])
    assert ita["src"] and ita["ref"].startswith("CTOC/COP/WG.7/2018")
    kinds = {k["kind"]: k["count"] for k in data["kinds"]}
    assert kinds["State"] == 4 and sum(kinds.values()) == len(G)
    assert data["physics"] and data["options"]["physics"]["stabilization"]["iterations"] <= 200


def test_size_by_citations():
    G = viz.prepare(project(load(FIXTURE), "citations"))
    data = page_data(viz.render(G))
    assert data["size"] == "citations"
    n = {d["key"]: d["n"] for d in data["nodes"]}
    assert (n["UNTOC art. 18"], n["UNTOC"], n["SOM-Protocol"]) == (3, 4, 4)


def test_layout_places_every_node_deterministically():
    G = nx.barabasi_albert_graph(1500, 1, seed=3)
    G.add_edges_from([(2000, 2001), (2002, 2003)])  # components with no core node
    G.add_node(2004)
    t = time.perf_counter()
    pos = viz.layout(G)
    assert time.perf_counter() - t < 20
    assert set(pos) == set(G) and pos == viz.layout(G)
    assert len({p for p in pos.values()}) > 0.95 * len(G)


def test_cap_keeps_the_best_connected_and_the_focus():
    G = nx.star_graph(30)
    G.add_edge(100, 101)
    G.graph["focus"] = 101
    H, note = viz.keep_best_connected(nx.DiGraph(G), 10)
    assert len(H) == 10 and 0 in H and 101 in H
    assert note.startswith("Showing the 10 best-connected of 33 nodes")
    assert viz.keep_best_connected(nx.DiGraph(G), 100)[1] == ""


def test_big_views_switch_physics_off():
    G = nx.DiGraph(view="all")
    for i in range(viz.PHYSICS_MAX + 1):
        G.add_node(i, kind="State", key=f"S{i}")
        G.add_edge(0, i, rel="mentions")
    G = viz.prepare(G)
    data = page_data(viz.render(G))
    assert not data["physics"] and data["options"]["edges"]["smooth"] is False
    assert any("physics is off" in note for note in data["notes"])


@pytest.mark.parametrize("view", ["citations", "actors", "recommendations", "all"])
def test_cli_views(tmp_path, view, capsys):
    out = tmp_path / f"{view}.html"
    assert main(["viz", str(FIXTURE), "--out", str(out), "--view", view]) == 0
    assert re.match(rf"{re.escape(str(out))}: \d+ nodes, \d+ edges \({view} view\)", capsys.readouterr().out)
    assert page_data(out.read_text("utf-8"))["nodes"]


def test_cli_doc_focus_and_errors(tmp_path, capsys):
    out = tmp_path / "v.html"
    assert main(["viz", str(FIXTURE), "--out", str(out), "--doc", "CTOC/COP/WG.7/2022/3"]) == 0
    keys = {n["key"] for n in page_data(out.read_text("utf-8"))["nodes"]}
    assert "ESP" in keys and "MEX" not in keys
    assert main(["viz", str(FIXTURE), "--out", str(out), "--focus", "MEX", "--hops", "1"]) == 0
    data = page_data(out.read_text("utf-8"))
    assert data["nodes"][data["focus"]]["key"] == "MEX" and len(data["nodes"]) < 10
    assert main(["viz", str(FIXTURE), "--out", str(tmp_path / "v.png")]) == 2
    assert main(["viz", str(FIXTURE), "--out", str(out), "--focus", "ATLANTIS"]) == 2
    assert "no node with key 'ATLANTIS'" in capsys.readouterr().err
    with pytest.raises(UserError):
        viz.prepare(project(load(FIXTURE), "all"), focus="nowhere")


def test_same_graph_same_page():
    pages = [viz.render(viz.prepare(project(load(FIXTURE), "all"))) for _ in range(2)]
    assert pages[0] == pages[1]


# -- the explorer: citation table, reader, labels (issue 12)

def test_citation_table_orders_articles_by_citations_with_titles():
    G = viz.prepare(project(load(FIXTURE), "all"))
    table = page_data(viz.render(G))["citations"]
    assert [t["instrument"] for t in table] == ["SOM-Protocol", "UNTOC"]  # 4 citations each: by key
    untoc = table[1]
    assert [(a["label"], a["title"], a["n"]) for a in untoc["articles"]] == [
        ("UNTOC art. 18", "Mutual legal assistance", 3), ("UNTOC art. 27", "Law enforcement cooperation", 1)]
    assert untoc["title"] == "United Nations Convention against Transnational Organized Crime"
    art18 = untoc["articles"][0]
    assert sum(c for _, c in art18["docs"]) == sum(c for _, c in art18["years"]) == 3
    assert {b for b, _ in art18["bodies"]} == {"WG-SOM"}


def test_citation_table_sorts_article_numbers_as_numbers():
    G = nx.DiGraph(view="citations")
    G.add_node("d", kind="Document", key="D", year="2020", body="COP")
    for n in ("4", "13", "32", "18"):
        G.add_node(n, kind="Provision", key=f"UNTOC art. {n}", instrument_key="UNTOC", article=n,
                   provision_kind="article", level="article")
        G.add_edge("d", n, rel="cites", weight=1)
    table = viz.view_data(G)["citations"]
    assert [a["number"] for a in table[0]["articles"]] == ["4", "13", "18", "32"]


def test_reader_keeps_the_paragraph_and_the_exact_words():
    data = page_data(viz.render(viz.prepare(project(load(FIXTURE), "all"))))
    reader = data["reader"]
    art18 = next(n for n in data["nodes"] if n["key"] == "UNTOC art. 18")
    assert art18["art"] == "UNTOC 18"
    facts = reader["facts"][str(art18["id"])]
    assert facts and all(exact in reader["paragraphs"][p][1] for p, exact in facts)
    assert reader["articles"]["UNTOC 18"]["title"] == "Mutual legal assistance"
    assert reader["articles"]["UNTOC 18"]["paragraphs"][0][1].startswith("States Parties shall afford")
    ita = next(n for n in data["nodes"] if n["key"] == "ITA")
    assert any("意大利" == exact for _, exact in reader["facts"][str(ita["id"])])


def test_documents_are_labelled_by_symbol_and_short_title_never_a_file_stem():
    from unkg.graph.nodes import document_label
    assert document_label({"key": "001_cdb74ec8a63a6727", "symbol": "", "body": "WG-SOM",
                           "issued": "2018-07-04", "document_kind": "draft report"}) == "WG-SOM 2018-07-04 · draft report"
    assert document_label({"key": "K", "symbol": "CTOC/COP/2020/1", "title": "A" * 40}) == "CTOC/COP/2020/1 · " + "A" * 23 + "…"
    data = page_data(viz.render(viz.prepare(project(load(FIXTURE), "all"))))
    labels = {n["se"] for n in data["nodes"] if n["group"] == "Document"}
    assert "CTOC/COP/WG.7/2018/L.1/Add.1 · 报告草稿 增编" in labels


def test_labels_are_the_pages_and_the_fonts_can_draw_chinese(G):
    html = viz.render(G)
    data = page_data(html)
    assert data["options"]["nodes"]["font"]["size"] == 0  # vis-network draws none; labels.js does
    for face in ("Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "sans-serif"):
        assert face in data["fonts"] and face in html.split("<style>")[2]
