"""Projections and analytics on a small hand-made graph shaped like triples.py output
(tests/data/explore.trig: two reports of the smuggling working group, 2018 and 2022), and
``unkg analyze`` end to end."""
from __future__ import annotations

import csv
import doctest
import io
import json
from pathlib import Path

import networkx as nx
import pytest

from unkg.extract.models import UserError
from unkg.graph import analyze, project
from unkg.cli import main
from unkg.graph.rdf.store import load

FIXTURE = Path(__file__).parent / "data" / "explore.trig"
UNTOC = "https://w3id.org/unkg/id/treaty/XVIII-12"
SOM = "https://w3id.org/unkg/id/treaty/XVIII-12-b"


@pytest.fixture(scope="module")
def store():
    return load(FIXTURE)


@pytest.fixture(scope="module")
def G(store) -> nx.DiGraph:
    return project.project(store, "all")


def keys(G: nx.DiGraph, kind: str) -> set[str]:
    return {d["key"] for _, d in G.nodes(data=True) if d["kind"] == kind}


# -- projections ---------------------------------------------------------------------------

def test_all_view_holds_things_not_provenance(G):
    kinds = {d["kind"] for _, d in G.nodes(data=True)}
    assert kinds == {"Document", "Recommendation", "Provision", "Instrument", "State", "Organization",
                     "Initiative", "Person", "Meeting", "Topic", "Resolution"}
    assert not [n for n in G if "/para_" in n or "/ann_" in n or "/cit_" in n]


@pytest.mark.parametrize("view, expected", [
    ("citations", {"Document", "Recommendation", "Provision", "Instrument"}),
    ("actors", {"Document", "Meeting", "State", "Organization", "Person"}),
    ("recommendations", {"Document", "Recommendation", "Provision", "Instrument", "Topic", "Initiative"}),
])
def test_each_view_keeps_its_kinds(store, view, expected):
    G = project.project(store, view)
    assert {d["kind"] for _, d in G.nodes(data=True)} == expected
    assert G.graph["view"] == view


def test_node_attributes(G):
    ita = G.nodes["https://w3id.org/unkg/id/state/ITA"]
    assert (ita["kind"], ita["key"], ita["label_en"], ita["label_zh"]) == ("State", "ITA", "Italy", "意大利")
    assert ita["codes"] == ["380", "ITA"]
    assert "意大利" in ita["source"] and ita["source_ref"].startswith("CTOC/COP/WG.7/2018/L.1/Add.1, para.")
    art = G.nodes[SOM + "/art_6__para_3"]
    assert (art["key"], art["label_zh"], art["instrument_key"]) == (
        "SOM-Protocol art. 6(3)", "SOM-Protocol 第6条第3款", "SOM-Protocol")
    assert art["source"] == "意大利代表（玛丽亚·罗西）发言，墨西哥和欧洲联盟也作了发言，提到第 5/3 号决议和《议定书》第 6 条第 3 款。"
    meeting = G.nodes["https://w3id.org/unkg/id/meeting/WG-SOM/9"]
    assert (meeting["label_en"], meeting["label_zh"]) == ("WG-SOM meeting 9 (2022)", "偷运移民问题工作组第9次会议")
    doc = G.nodes["https://w3id.org/unkg/id/doc/CTOC-COP-WG.7-2022-3"]
    assert (doc["year"], doc["meeting_label"]) == ("2022", "WG-SOM meeting 9 (2022)")
    assert G.nodes[SOM]["short_en"] == "SOM-Protocol"  # its label is too long to draw


def test_citation_edges_count_citations_and_keep_paragraphs(G):
    e = G.edges["https://w3id.org/unkg/id/doc/CTOC-COP-WG.7-2022-3", UNTOC + "/art_18"]
    assert (e["rel"], e["weight"]) == ("cites", 2)
    assert [p.rsplit("/", 2)[-2:] for p in e["paragraphs"]] == [
        ["CTOC-COP-WG.7-2022-3", "para_55"], ["para_62", "item_a"]]
    assert G.edges[SOM + "/art_6__para_3", SOM + "/art_6"]["rel"] == "part_of"


def test_participations_carry_roles(G):
    e = G.edges["https://w3id.org/unkg/id/state/MEX", "https://w3id.org/unkg/id/meeting/WG-SOM/5"]
    assert (e["rel"], e["roles"]) == ("participated", ["party", "speaker"])


def test_one_document(store):
    G = project.project(store, "all", doc="CTOC/COP/WG.7/2018/L.1/Add.1")
    assert G.graph["documents"] == ["CTOC/COP/WG.7/2018/L.1/Add.1"]
    assert "ESP" not in keys(G, "State") and "MEX" in keys(G, "State")
    assert project.project(store, "all", doc="001_cdb74ec8a63a6727").graph["documents"] == G.graph["documents"]
    with pytest.raises(UserError, match="no document 'X/1'"):
        project.project(store, "all", doc="X/1")


def test_neighbourhood(G):
    H = project.neighbourhood(G, "ita", hops=1)
    assert keys(H, "State") == {"ITA"} and H.graph["focus"].endswith("/state/ITA")
    assert {"WG-SOM/5", "maria-rossi"} <= {d["key"] for _, d in H.nodes(data=True)}
    assert len(project.neighbourhood(G, "Italy", hops=2)) > len(H)
    with pytest.raises(UserError):
        project.neighbourhood(G, "ATLANTIS")


def test_unknown_view(store):
    with pytest.raises(UserError, match="unknown view"):
        project.project(store, "people")


# -- analytics -----------------------------------------------------------------------------

def test_most_cited_provisions(G):
    rows = analyze.most_cited_provisions(G)
    assert [(r["provision"], r["count"], r["documents"]) for r in rows[:2]] == [
        ("UNTOC art. 18", 3, 2), ("SOM-Protocol art. 6(3)", 2, 2)]
    assert sum(r["count"] for r in rows) == 8


def test_most_cited_rolled_up_to_articles(G):
    rows = analyze.most_cited_provisions(G, rollup=True)
    assert {(r["instrument"], r["article"], r["paragraph"]): r["count"] for r in rows} == {
        ("UNTOC", "18", ""): 3, ("UNTOC", "27", ""): 1, ("SOM-Protocol", "6", ""): 3,
        ("SOM-Protocol", "11", ""): 1}


def test_most_cited_per_instrument(G):
    rows = analyze.most_cited_provisions(G, 1, per_instrument=True)
    assert [(r["instrument"], r["provision"]) for r in rows] == [
        ("SOM-Protocol", "SOM-Protocol art. 6(3)"), ("UNTOC", "UNTOC art. 18")]


def test_most_mentioned_actors(G):
    rows = analyze.most_mentioned_actors(G)
    assert [(r["key"], r["mentions"], r["documents"], r["meetings"]) for r in rows[:2]] == [
        ("ITA", 2, 2, 1), ("UNODC", 2, 2, 0)]
    assert {r["kind"] for r in rows} == {"State", "Organization", "Person"}


def test_centrality_is_deterministic_and_complete(G):
    rows = analyze.centrality(G)
    assert len(rows) == len(G) and rows == analyze.centrality(G)
    assert all(0 <= r["pagerank"] <= 1 and 0 <= r["betweenness"] <= 1 for r in rows)
    assert rows[0]["pagerank"] >= rows[-1]["pagerank"]


def test_co_citation(G):
    para = {(r["a"], r["b"]): r["count"] for r in analyze.co_citation(G)}
    assert para[("UNTOC art. 18", "UNTOC art. 27")] == 1
    assert ("SOM-Protocol art. 6(3)", "UNTOC art. 18") not in para  # different paragraphs
    doc = {(r["a"], r["b"]): r["count"] for r in analyze.co_citation(G, unit="document")}
    assert doc[("SOM-Protocol art. 6(3)", "UNTOC art. 18")] == 2  # both documents cite both


def test_co_participation(G):
    assert analyze.co_participation(G) == [{"a": "Italy", "b": "Mexico", "count": 1}]


def test_communities_are_seeded(G):
    rows = analyze.communities(G)
    assert rows == analyze.communities(G)
    assert sum(r["size"] for r in rows) == len(G)
    assert set(analyze.community_of(G).values()) == {r["community"] for r in rows}


def test_change_between_years_and_meetings(G):
    by_year = {r["key"]: r for r in analyze.change(G, by="year")}
    assert by_year["UNTOC art. 18"] == {"key": "UNTOC art. 18", "2018": 1, "2022": 2, "change": 1}
    by_meeting = analyze.change(G, by="meeting")
    assert list(by_meeting[0])[1:3] == ["WG-SOM meeting 5 (2018)", "WG-SOM meeting 9 (2022)"]
    mentions = {r["key"]: r["change"] for r in analyze.change(G, rel="mentions")}
    assert mentions["MEX"] == -1 and mentions["ESP"] == 1


def test_change_needs_two_periods(store):
    G = project.project(store, "all", doc="CTOC/COP/WG.7/2022/3")
    assert analyze.change(G) == []


def test_docstring_examples_run():
    for module in (analyze, project):
        result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
        assert result.failed == 0 and result.attempted > 0


# -- unkg analyze ---------------------------------------------------------------------------

def test_cli_table(capsys):
    assert main(["analyze", str(FIXTURE), "--top", "3"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Most-cited treaty articles (per instrument)\ninstrument")
    assert "UNTOC         18" in out and "Citations by year" in out


def test_cli_csv_one_table(capsys):
    assert main(["analyze", str(FIXTURE), "--format", "csv", "--table", "most-cited", "--rollup"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == {"instrument": "SOM-Protocol", "article": "6", "paragraph": "", "subparagraph": "",
                       "provision": "SOM-Protocol art. 6", "count": "3", "documents": "2",
                       "title": "Criminalization"}


def test_most_cited_table_has_titles_and_numeric_articles():
    """Issue 12: article titles from the treaty texts; 4, 13, 18 sort as numbers."""
    G = nx.DiGraph()
    G.add_node("d", kind="Document")
    for art in ("18", "4", "13"):
        G.add_node(art, kind="Provision", level="article", instrument_key="UNTOC", article=art,
                   key=f"UNTOC art. {art}")
        G.add_edge("d", art, rel="cites", weight=1)
    rows = analyze.most_cited_articles(G)
    assert [(r["article"], r["title"]) for r in rows] == [
        ("4", "Protection of sovereignty"), ("13", "International cooperation for purposes of confiscation"),
        ("18", "Mutual legal assistance")]
    assert [r["article"] for r in analyze.most_cited_articles(G, 2)] == ["4", "13"]


def test_top_is_the_same_rows_in_table_and_chart(tmp_path, capsys, monkeypatch):
    drawn = []
    real = analyze.most_cited_articles
    monkeypatch.setattr(analyze, "most_cited_articles",
                        lambda *a, **k: drawn.append(real(*a, **k)) or drawn[-1])
    assert main(["analyze", str(FIXTURE), "--top", "2", "--format", "json", "--chart", str(tmp_path / "c.png")]) == 0
    table = json.loads(capsys.readouterr().out)["most-cited"]
    assert len(table) == 2 and drawn[-1] == table  # the chart draws the table's rows
    assert main(["analyze", str(FIXTURE), "--top", "2", "--table", "most-cited"]) == 0
    out = capsys.readouterr().out
    assert "Mutual legal assistance" in out and "(counts: each paragraph or subparagraph apart" in out
    assert main(["analyze", str(FIXTURE), "--table", "most-cited", "--rollup"]) == 0
    assert "rolled up to their article (--rollup)" in capsys.readouterr().out


def test_cli_json(capsys):
    assert main(["analyze", str(FIXTURE), "--format", "json"]) == 0
    tables = json.loads(capsys.readouterr().out)
    assert "most-cited" in tables and set(tables) <= set(analyze.TABLES)  # empty tables are left out
    assert tables["actors"][0]["label_zh"] == "意大利"


def test_non_treaty_provisions_are_ranked_apart(tmp_path, capsys):
    """Recitals of a directive, OHCHR principles and rules of procedure are not treaty articles."""
    graph = tmp_path / "g.trig"
    seed = Path(__file__).resolve().parent.parent / "seeds" / "004_3f756bb20ebb5459.txt"
    assert main(["build", str(seed), "--out", str(graph), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["analyze", str(graph), "--format", "json"]) == 0
    tables = json.loads(capsys.readouterr().out)
    treaty = {r["provision"] for r in tables["most-cited"]}
    other = {r["provision"] for r in tables["most-cited-other"]}
    assert treaty == {"UNTOC art. 32(3)", "TIP-Protocol art. 9(4)", "TIP-Protocol art. 9(5)"}
    assert other == {"EU-Directive-2011/36 recital 5", "EU-Directive-2011/36 recital 9",
                     "EU-Directive-2011/36 recital 15", "COP-Rules rule 2(2)", "OHCHR-Principles principle 14"}


def test_cli_chart_and_exports(tmp_path, capsys):
    png, svg, graphml, gexf = (tmp_path / n for n in ("c.png", "c.svg", "g.graphml", "g.gexf"))
    assert main(["analyze", str(FIXTURE), "--chart", str(png), "--graphml", str(graphml),
                 "--gexf", str(gexf)]) == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert main(["analyze", str(FIXTURE), "--chart", str(svg)]) == 0
    assert "<svg" in svg.read_text("utf-8")
    for path, read in ((graphml, nx.read_graphml), (gexf, nx.read_gexf)):
        H = read(path)
        ita = H.nodes["https://w3id.org/unkg/id/state/ITA"]
        assert (ita["label_zh"], ita["codes"]) == ("意大利", "380; ITA")
        assert H.nodes[UNTOC + "/art_18"]["citations"] == 3
        assert (ita["label"], H.nodes[UNTOC + "/art_18"]["title"]) == ("Italy", "Mutual legal assistance")
        assert len(H) == 28
    capsys.readouterr()


def test_cli_user_errors(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "none.trig")]) == 2
    assert main(["analyze", str(FIXTURE), "--chart", str(tmp_path / "c.pdf")]) == 2
    assert "must be .png or .svg" in capsys.readouterr().err
