"""The whole pipeline on an English working-group report (tests/data/en_report.txt)."""
from pathlib import Path

import pytest

from unkg.extract.pipeline import extract_file

REPORT = Path(__file__).resolve().parent / "data" / "en_report.txt"


@pytest.fixture(scope="module")
def ex():
    return extract_file(REPORT)


def test_title_page(ex):
    m = ex.doc.meta
    assert (m.symbol, m.language, m.distribution, m.issued) == ("CTOC/COP/WG.7/2017/L.1", "en", "Limited", "2017-09-11")
    assert (m.body, m.meeting_number, m.meeting_start, m.meeting_end, m.place) == \
        ("WG-SOM", 4, "2017-09-11", "2017-09-13", "Vienna")


def test_participants_and_traps(ex):
    roles = {(p.key, p.role) for p in ex.participations}
    assert {("AUT", "party"), ("NER", "party"), ("GNB", "party"), ("SSD", "party"), ("KOR", "party"),
            ("EU", "party"), ("IRN", "signatory-observer"), ("PRK", "non-signatory-observer"),
            ("PSE", "non-signatory-observer"), ("IOM", "observer"), ("COL", "speaker"), ("GBR", "speaker")} <= roles
    states = {m.key for m in ex.mentions if m.kind == "State"}
    assert not {"NGA", "SDN", "GIN", "TCD"} - {"NGA"} & states  # Niger is not Nigeria's, Lake Chad no State
    assert "TCD" not in states and "GIN" not in states and "SDN" not in states
    persons = {p.name: (p.state, p.role) for p in ex.persons}
    assert persons == {"Francesco Testa": ("ITA", "chair"), "Wanchai Roujanavong": ("THA", "panelist"),
                       "Alejandro Martínez Peralta": ("MEX", "panelist"), "Gerald Tatzgern": ("AUT", "panelist"),
                       "Anne Gallagher": ("AUS", "panelist")}


def test_citations_resolutions_symbols(ex):
    cites = {(c.instrument, c.article, c.paragraph) for c in ex.citations}
    assert cites == {("SOM-Protocol", "6", "3"), ("UNTOC", "26", None), ("UNTOC", "27", None)}
    assert {r.key for r in ex.resolutions} >= {"COP resolution 5/3", "COP resolution 7/1", "GA resolution 69/187",
                                               "GA resolution 70/147", "GA resolution 71/167",
                                               "ECOSOC resolution 2003/20", "SC resolution 2240 (2015)"}
    assert {s.symbol for s in ex.symbols} == {"CTOC/COP/WG.7/2017/1", "CTOC/COP/WG.7/2017/3",
                                              "CTOC/COP/WG.7/2017/INF.1/Rev.1", "E/CN.15/2003/14"}


def test_recommendations(ex):
    assert [(r.label, r.strength) for r in ex.recommendations] == [
        ("1", "encourage"), ("2", "may-consider"), ("3", "should")]
