"""Issue 10, part 8: the named query ``bilingual`` lists, per document built in both languages,
the facts found in both versions, in the Chinese only, or in the English only."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from unkg.graph.query import named_queries, run
from unkg.graph.rdf.build import build

AKN = Path(__file__).parent / "data" / "akn"
PAIR = "S_RES_2598_2021"
NS = {"akn": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


def _without(lang: str, number: str, folder: Path) -> Path:
    """A copy of one language version with its operative paragraph ``number`` taken out."""
    tree = etree.parse(str(AKN / f"{PAIR}.{lang}.xml"))
    para = [p for p in tree.iterfind(".//akn:paragraph", NS)
            if (p.findtext("akn:num", namespaces=NS) or "").strip() == f"{number}."]
    assert len(para) == 1
    para[0].getparent().remove(para[0])
    out = folder / f"{PAIR}.{lang}.xml"
    tree.write(str(out), xml_declaration=True, encoding="utf-8")
    return out


def _found(graph: Path) -> dict[tuple[str, str], str]:
    cols, rows = run(str(graph), named_queries()["bilingual"])
    rows = [dict(zip(cols, r)) for r in rows]
    assert {r["doc"] for r in rows} == {"S/RES/2598 (2021)"}
    return {(r["kind"], r["label"] or r["fact"]): r["found"] for r in rows}


@pytest.fixture(scope="module")
def whole(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pair") / "g.trig"
    assert build([str(AKN / f"{PAIR}.en.xml"), str(AKN / f"{PAIR}.zh.xml")], out, quiet=True) == 0
    return out


def test_a_pair_shares_its_facts(whole):
    found = _found(whole)
    assert set(found.values()) == {"both"}
    assert {k for k in found if k[0] == "recommendation"} == {("recommendation", "2"), ("recommendation", "3"), ("recommendation", "5")}  # 3: "Renews …, and requests the Secretary-General"
    assert sum(k[0] == "reference" for k in found) >= 5


def test_facts_of_one_version_only(whole, tmp_path):
    """Paragraph 2 taken out of the Chinese, paragraph 5 out of the English: each one's
    recommendation is then found in the other version only; the rest stays shared."""
    out = tmp_path / "g.trig"
    assert build([str(_without("zh", "2", tmp_path)), str(_without("en", "5", tmp_path))], out, quiet=True) == 0
    found, before = _found(out), _found(whole)
    assert found[("recommendation", "2")] == "en only"
    assert found[("recommendation", "5")] == "zh only"
    shared = {k for k, v in found.items() if v == "both"}
    assert shared and shared <= set(before)
    assert set(found) <= set(before)  # nothing new appears: only where it was found changes


def test_a_document_in_one_language_is_not_listed(tmp_path):
    out = tmp_path / "g.trig"
    assert build([str(AKN / f"{PAIR}.en.xml")], out, quiet=True) == 0
    assert run(str(out), named_queries()["bilingual"])[1] == []


def test_the_markup_facts_are_the_same_in_both_versions(whole):
    """Votes, keywords and the adoption date of an AKN resolution, alike in zh and en."""
    from pyoxigraph import NamedNode
    from unkg.graph.rdf import iris, store
    cols, rows = run(str(whole), named_queries()["votes"])
    votes = [dict(zip(cols, r)) for r in rows]
    assert len(votes) == 15 and {v["choice"] for v in votes} == {"in-favour"}
    assert {v["adopted"] for v in votes} == {"2021-09-29"} and "CHN" in {v["state"] for v in votes}
    st = store.load(whole)
    subjects = {}
    for lang in ("zh", "en"):
        g = NamedNode(iris.doc_graph("S/RES/2598 (2021)", lang))
        subjects[lang] = {q.object.value for q in st.quads_for_pattern(
            NamedNode(iris.doc("S/RES/2598 (2021)")), NamedNode("http://purl.org/dc/terms/subject"), None, g)}
        assert len(list(st.quads_for_pattern(None, NamedNode(iris.ONTOLOGY + "votedOn"), None, g))) == 15
    assert subjects["zh"] == subjects["en"]
    assert {"http://eurovoc.europa.eu/8428", "http://metadata.un.org/sdg/16",
            "http://metadata.un.org/thesaurus/1001012"} <= subjects["en"]
