"""Issue 11: the named queries read their labels from the registry graph (every registry entry
described once) and join graph by graph; their answers are those of the per-graph descriptions."""
from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from unkg.graph.query import named_queries, run
from unkg.graph.rdf import iris, store
from unkg.graph.rdf.build import build
from unkg.ontology import registry

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# one meeting, as two documents would report it (two reports of one session, or two language
# versions): their participations are the same nodes in two graphs
MEETING = ("联合国打击跨国有组织犯罪公约 缔约方会议\n\nDistr.: General\n3 September 2019\nChinese\n"
           "Original: English\n\n偷运移民问题工作组\n\n2019年9月3日至5日，维也纳\n\n报告草稿\n\n一. 引言\n\n"
           "1. 《偷运移民议定书》下列缔约方的代表在议程项目 2 下作了发言：意大利、墨西哥、菲律宾。\n\n"
           "2. 下列国家的观察员也作了发言：{observer}。\n")


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory) -> Path:
    where = tmp_path_factory.mktemp("q") / "seeds.store"
    assert build([str(SEEDS)], store_dir=where, quiet=True) == 0
    return where


def test_the_registry_graph_describes_every_entry_once(seeds_store):
    graph = store.load(seeds_store)
    g = NamedNode(iris.REGISTRY_GRAPH)
    labels = {}
    for q in graph.quads_for_pattern(None, NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"), None, g):
        labels.setdefault((q.subject.value, q.object.language), []).append(q.object.value)
    entities = [e for e in registry.entries() if e.kind != "NotEntity"]
    assert len({s for s, _ in labels}) == len(entities)
    assert all(len(v) == 1 for v in labels.values())  # one label a language: no SAMPLE needed
    # and it says what every document's graph says of the entries it names
    cols, rows = run(str(seeds_store), """
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?e ?l (LANG(?l) AS ?lang) WHERE { GRAPH ?g { ?e skos:prefLabel ?l } FILTER(?g != <%s>) }""" % iris.REGISTRY_GRAPH)
    named = [(e, label, lang) for e, label, lang in rows if (e, lang) in labels]
    assert len(named) > 50 and all([label] == labels[(e, lang)] for e, label, lang in named)


def test_mentions_label_every_registry_entity(seeds_store):
    cols, rows = run(str(seeds_store), named_queries()["mentions"])
    rows = [dict(zip(cols, r)) for r in rows]
    known = {e.key: e for e in registry.entries()}
    named = [r for r in rows if r["key"] in known and r["type"] != "Person"]
    assert len(named) > 50
    assert all(r["label_en"] == known[r["key"]].label_en for r in named)
    assert all(r["label_zh"] == (known[r["key"]].label_zh or "") for r in named)


def test_a_meetings_agenda_items_are_counted_per_document(tmp_path):
    """Two documents of one meeting share its participation nodes; each document's row lists
    the agenda items its own graph gives, not those of both graphs run together."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(MEETING.format(observer="日本"), "utf-8")
    (folder / "b.txt").write_text(MEETING.format(observer="印度"), "utf-8")
    out = tmp_path / "g.trig"
    assert build([str(folder)], out, quiet=True) == 0
    cols, rows = run(str(out), named_queries()["participants"])
    speakers = {(r[0], r[1]): r[4] for r in rows if r[3] == "speaker"}
    assert {doc for doc, _ in speakers} == {"a", "b"}
    assert speakers[("a", "ITA")] == speakers[("b", "ITA")] == "2"  # not "2 2"
