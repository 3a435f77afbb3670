"""IRIs: minted from language-independent keys only, and parsed back."""
import pytest

from unkg.graph.rdf import iris


@pytest.mark.parametrize("args", [("XVIII-12-b", "6", None, None), ("XVIII-12-b", "6", "3", None),
                                  ("XVIII-12-a", "9", "4", "b"), ("XVIII-12", "18", "13", None)])
def test_provision_round_trip(args):
    untc, art, para, sub = args
    parsed = iris.parse(iris.provision(untc, art, para, sub))
    assert (parsed["key"], parsed["article"], parsed["paragraph"], parsed["subparagraph"]) == args


def test_documents_by_symbol_akoma_ntoso_style():
    assert iris.doc("CTOC/COP/WG.7/2022/3") == "https://w3id.org/unkg/id/doc/CTOC-COP-WG.7-2022-3"
    assert iris.doc_graph("CTOC/COP/WG.7/2022/3", "zh") != iris.doc_graph("CTOC/COP/WG.7/2022/3", "en")
    assert iris.paragraph("A/76/642", "28", "b") == "https://w3id.org/unkg/id/doc/A-76-642/para_28/item_b"


def test_entities_and_resolutions():
    assert iris.state("ita") == "https://w3id.org/unkg/id/state/ITA"
    assert iris.parse(iris.entity("Organization", "UNODC")) == {"kind": "org", "key": "UNODC"}
    assert iris.resolution("COP", "resolution", "5/3").endswith("/resolution/COP/5-3")
    assert iris.resolution("COP", "decision", "4/4").endswith("/decision/COP/4-4")
    assert iris.slug("Alejandro Martínez Peralta") == "alejandro-martinez-peralta"


def test_meetings_without_a_body_are_per_document():
    assert iris.meeting(None, 4, None, "a") != iris.meeting(None, 4, None, "b")
    assert iris.meeting("WG-SOM", 4, "2017-09-11", "a") == iris.meeting("WG-SOM", 4, None, "b")
