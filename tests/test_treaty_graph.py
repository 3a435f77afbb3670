"""Issue 12 in the graph: the treaty texts as nodes linked to the provisions citations point to,
and every citation checked against the treaty's structure."""
from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode

from unkg.graph.query import named_queries, run
from unkg.graph.rdf import iris, store
from unkg.graph.rdf.build import build

ROOT = Path(__file__).resolve().parent.parent
UNTOC = "XVIII-12"

IMPOSSIBLE = """United Nations                                                   CTOC/COP/2099/1
Conference of the Parties to the United Nations Convention against Transnational Organized Crime

Distr.: General
1 January 2099

Original: English

Report of the meeting

1. The Conference recalled article 18, paragraph 13, of the Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition, and article 18, paragraph 13, of the Convention.
"""


@pytest.fixture(scope="module")
def impossible(tmp_path_factory) -> Path:
    """A document citing a paragraph the Firearms Protocol cannot contain (its article 18 has
    two paragraphs) beside the same words for UNTOC, whose article 18 has thirty."""
    folder = tmp_path_factory.mktemp("flag")
    (folder / "flag_en.txt").write_text(IMPOSSIBLE, "utf-8")
    out = folder / "g.trig"
    assert build([str(folder / "flag_en.txt")], out, quiet=True) == 0
    return out


@pytest.fixture(scope="module")
def everything(tmp_path_factory) -> Path:
    """The seeds and the three held-out batches in one graph."""
    out = tmp_path_factory.mktemp("all") / "g.trig"
    folders = [ROOT / "seeds", *sorted(ROOT.glob("tests/heldout*/docs"))]
    assert build([str(f) for f in folders], out, quiet=True) == 0
    return out


def test_an_impossible_citation_is_kept_and_flagged(impossible):
    cols, rows = run(str(impossible), named_queries()["flagged-citations"])
    assert len(rows) == 1
    row = dict(zip(cols, rows[0]))
    assert row["text"] == "article 18, paragraph 13"
    assert row["reason"] == "article 18 of the Firearms Protocol has no paragraph 13 (paragraphs 1-2)"
    assert row["provision"].endswith("/art_18__para_13")  # kept, with the IRI it always had
    _, checked = run(str(impossible), "SELECT ?c WHERE { GRAPH ?g { ?c unkg:checked true ; "
                                      f"cito:hasCitedEntity <{iris.provision(UNTOC, '18', '13')}> }} }}")
    assert len(checked) == 1  # the Convention's article 18 has a paragraph 13


def test_the_treaty_texts_are_nodes_linked_to_the_provisions(impossible):
    st = store.load(impossible)
    g = NamedNode(iris.TREATIES_GRAPH)
    art18 = NamedNode(str(iris.Expression(iris.parse(iris.provision(UNTOC, "18")))))
    quads = {(q.predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1], q.object)
             for q in st.quads_for_pattern(art18, None, None, g)}
    assert ("realizes", NamedNode(iris.provision(UNTOC, "18"))) in quads
    assert ("title", Literal("Mutual legal assistance", language="en")) in quads
    values = [o.value for p, o in quads if p == "value"]
    assert len(values) == 1 and values[0].startswith("1. States Parties shall afford")
    para3 = NamedNode(str(iris.Expression(iris.parse(iris.provision(UNTOC, "18", "3")))))
    assert any(True for _ in st.quads_for_pattern(para3, None, art18, g))  # part of its article
    _, zh = run(str(impossible), "SELECT ?o WHERE { GRAPH <%s> { ?s ?p ?o FILTER(lang(?o) = 'zh') } }"
                % iris.TREATIES_GRAPH)
    assert zh == []  # no Chinese title or text is invented


def test_the_treaty_graph_is_written_once_per_build(impossible, tmp_path):
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <%s> { ?s ?p ?o } }" % iris.TREATIES_GRAPH
    once = run(str(impossible), count)[1][0][0]
    copy = tmp_path / "g.trig"
    copy.write_bytes(impossible.read_bytes())
    assert build([str(ROOT / "seeds")], copy, quiet=True) == 0  # a second build into the file
    assert run(str(copy), count)[1][0][0] == once and int(once) > 4000


def test_every_citation_resolves_or_is_flagged(everything):
    """Seeds and held-out batches: each citation of a treaty whose text unkg holds is checked,
    none is flagged, and each checked one points to a provision with its text in the graph."""
    counts = dict(run(str(everything), """
        SELECT ?state (COUNT(?c) AS ?n) WHERE { GRAPH ?g {
          ?c a cito:Citation . OPTIONAL { ?c unkg:checked ?ch } OPTIONAL { ?c unkg:unresolved ?u }
          BIND(IF(BOUND(?ch), STR(?ch), IF(BOUND(?u), "unresolved", "no text held")) AS ?state) } }
        GROUP BY ?state""")[1])
    assert counts == {"true": "102", "no text held": "9", "unresolved": "2"}
    _, textless = run(str(everything), """
        SELECT ?c WHERE { GRAPH ?g { ?c unkg:checked true ; cito:hasCitedEntity ?p }
          FILTER NOT EXISTS { GRAPH ?g { ?p eli:is_part_of* ?q . ?q a eli:LegalResourceSubdivision } GRAPH <%s> { ?t eli:realizes ?q } } }"""
                      % iris.TREATIES_GRAPH)
    assert textless == []


def test_cited_articles_have_titles_and_sort_as_numbers(everything):
    from unkg.graph import analyze, project
    cols, rows = run(str(everything), named_queries()["cited-articles"])
    rows = [dict(zip(cols, r)) for r in rows]
    untoc = [r for r in rows if r["instrument_key"] == "UNTOC"]
    assert untoc[0]["article"] == "18" and untoc[0]["title"] == "Mutual legal assistance"
    for a, b in zip(untoc, untoc[1:]):  # by citations, then by article as a number
        assert (-int(a["citations"]), int(a["article"])) <= (-int(b["citations"]), int(b["article"]))
    assert all(r["title"] for r in rows if r["provision"].startswith(iris.ID + "treaty/XVIII-12"))
    G = project.project(store.load(everything), "citations")  # the same counts as analyze --rollup
    rolled = {(r["instrument"], r["article"]): r["count"]
              for r in analyze.most_cited_provisions(G, rollup=True, treaty=True)}
    assert rolled == {(r["instrument_key"], r["article"]): int(r["citations"]) for r in rows}
