"""The SHACL shapes (ontology/shapes.ttl): what unkg writes conforms, and a graph broken in one
place does not — Web Annotation selectors, provenance, citation checks, votes, treaty texts."""
from __future__ import annotations

import re
from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph

from unkg.graph.rdf import store
from unkg.graph.rdf.build import build
from unkg.graph.validate import _union_ntriples, shapes_graph

ROOT = Path(__file__).resolve().parent.parent
AKN = ROOT / "tests" / "data" / "akn"
XSD_INT = "<http://www.w3.org/2001/XMLSchema#integer>"
OA, UNKG = "http://www.w3.org/ns/oa#", "https://w3id.org/unkg/ontology#"


@pytest.fixture(scope="module")
def ntriples(tmp_path_factory) -> str:
    """A seed report and a Security Council resolution in both languages (votes, keywords)."""
    out = tmp_path_factory.mktemp("shapes") / "g.trig"
    paths = [ROOT / "seeds" / "004_3f756bb20ebb5459.txt", AKN / "S_RES_2598_2021.en.xml",
             AKN / "S_RES_2598_2021.zh.xml"]
    assert build([str(p) for p in paths], out, quiet=True) == 0
    return _union_ntriples(store.load(out))


def conforms(nt: str) -> tuple[bool, str]:
    ok, _, report = pyshacl.validate(Graph().parse(data=nt, format="nt"), shacl_graph=shapes_graph(),
                                     advanced=True, allow_warnings=True)
    return ok, report


def _sub_first(pattern: str, repl: str, nt: str) -> str:
    changed, n = re.subn(pattern, repl, nt, count=1, flags=re.M)
    assert n == 1, pattern
    return changed


def test_what_unkg_writes_conforms(ntriples):
    ok, report = conforms(ntriples)
    assert ok, report
    for term in ("#checked>", "vote_", "dateAccepted", "eurovoc.europa.eu", "/text>", "TextPositionSelector"):
        assert term in ntriples


START = rf'(<[^>]+#position>) <{OA}start> "\d+"\^\^{XSD_INT} \.'


@pytest.mark.parametrize("start", ['"minus one"', f'"-1"^^{XSD_INT}', '"3"', f'"99999999"^^{XSD_INT}'])
def test_a_selector_start_must_be_a_whole_number_from_0_to_its_end(ntriples, start):
    """"minus one", -1, a string "3", and a start after the end all fail."""
    broken = _sub_first(START, rf"\1 <{OA}start> {start} .", ntriples)
    ok, report = conforms(broken)
    assert not ok and "position" in report


def test_a_selector_end_must_be_there(ntriples):
    broken = _sub_first(rf'^<[^>]+#position> <{OA}end> "\d+"\^\^{XSD_INT} \.\n', "", ntriples)
    assert not conforms(broken)[0]


def test_a_document_graph_says_where_it_came_from(ntriples):
    broken = _sub_first(rf"^<[^>]+> <{UNKG}sha256> .*\n", "", ntriples)
    ok, report = conforms(broken)
    assert not ok and "sha256" in report


def test_a_failed_check_says_why(ntriples):
    broken = _sub_first(rf'(<[^>]+> <{UNKG}checked> )"true"', r'\1"false"', ntriples)
    assert not conforms(broken)[0]  # checked false with no unkg:checkNote


def test_a_vote_is_for_against_or_abstaining(ntriples):
    broken = _sub_first(rf'(<[^>]+vote_[a-z]+> <{UNKG}choice> )"in-favour"', r'\1"maybe"', ntriples)
    assert not conforms(broken)[0]
