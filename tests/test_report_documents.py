"""States, organisations, persons and participants in reports of other bodies, English and Chinese.

The documents in ``tests/data/report_*.txt`` are written in the real formats of UN reports: a
Conference of the Parties report, a Crime Commission report and a Working Group on Trafficking in
Persons report, each in English and Chinese. The answers below were written by hand, as an indexer
would, before the extractor was run on them. Decisions they encode (see ``extract/actors.py``):

- A State is *mentioned* when its name is printed: demonyms ("Mexican authorities", "Turkish
  and Greek coast guards") name no State; 墨西哥当局 does, since Chinese has no demonym. A State
  inside another entity's name is no mention of it: "Group of 77 and China", "Sovereign
  Military Order of Malta", "Lake Chad", "Niger Delta", "Gulf of Guinea", a person called
  Georgia, Chad or Jordan, and the items of an organisation list ("Japan Federation of Bar
  Associations"). A national authority in running text ("Republic of Korea National Police
  Agency") does mention its State: it is that State's organ.
- Participants come from attendance and speaker lists and from "the representative of X
  said": the entries of a list, not the words around them. "(on behalf of the Group of 77 and
  China)", ", speaking on behalf of ...", ", a non-governmental organization in consultative
  status with the Economic and Social Council" add no participant of their own ("supported by
  the representative of Guinea" does: Guinea spoke); the body holding the meeting, the bodies
  above it and its secretariat (the Secretariat, UNODC, the United Nations Office at Vienna)
  never participate. Officers are persons with a role, not participant rows of their State.
- Non-governmental and other organisations missing from the registry still attend: the items
  of an organisation list, and "the observer for X", become candidate organisations (key
  ``candidate:<name>``, label as printed). Their keys differ between languages; registry keys
  must not.
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from unkg.extract.pipeline import extract_file

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def docs():
    names = ("cop10_en", "cop10_zh", "ccpcj_en", "ccpcj_zh", "wgtip_en", "wgtip_zh")
    return {name: extract_file(DATA / f"report_{name}.txt") for name in names}


def states(ex) -> set[str]:
    return {m.key for m in ex.mentions if m.kind == "State"}


def orgs(ex) -> set[str]:
    return {m.key for m in ex.mentions if m.kind == "Organization" and not m.candidate}


def candidate_orgs(ex) -> set[str]:
    return {m.text for m in ex.mentions if m.kind == "Organization" and m.candidate}


def roles(ex, candidates: bool = False) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for p in ex.participations:
        if p.key.startswith("candidate:") == candidates:
            out[p.role].add(p.text if candidates else p.key)
    return dict(out)


def officers(ex) -> set[tuple[str, str | None, str | None]]:
    return {(p.name, p.state, p.role) for p in ex.persons if p.state or p.role}


def para(ex, number: str) -> tuple[int, int]:
    b = next(b for b in ex.doc.blocks if b.number == number)
    return b.start, b.end


# -- the Conference of the Parties, tenth session (CTOC/COP/2020/10) ------------------------

COP_PERSONS = {("Maurizio Sarti", "ITA", "chair"), ("Youssef Ahmed Karim", "EGY", "chair"),
               ("Maria Pérez", "ESP", "vice-chair"), ("Kwame Mensah", "GHA", "vice-chair"),
               ("Georgia Alvarez", "BOL", "vice-chair"), ("Michael Jordan", "CAN", "vice-chair"),
               ("Tiina Mäkelä", "FIN", "rapporteur")}
COP_GENERAL_DEBATE = {"DZA", "ARG", "BOL", "CHN", "CIV", "COD", "DOM", "EGY", "GNB", "IDN", "JPN", "MEX", "NER",
                      "NGA", "KOR", "RUS", "TUR", "TZA", "USA", "VNM"}
COP_PARTIES = {"AFG", "ALB", "DZA", "ARG", "ARM", "AUS", "AUT", "BOL", "BRA", "CAN", "CHL", "CHN", "COG", "CIV",
               "CUB", "CZE", "COD", "DMA", "DOM", "EGY", "GNQ", "FIN", "FRA", "GEO", "DEU", "GHA", "GIN", "GNB",
               "IDN", "ITA", "JPN", "LAO", "MEX", "FSM", "NER", "NGA", "MKD", "KOR", "MDA", "RUS", "KNA", "STP",
               "ESP", "PSE", "SDN", "TLS", "TUR", "TZA", "USA", "VNM"}
COP_ROLES = {
    "speaker": COP_GENERAL_DEBATE | {"EU", "VAT", "INTERPOL", "OSCE", "CoE", "IOM", "GI-TOC",
                                     "LAO", "KNA", "STP", "FSM"},  # the deliberations
    "party": COP_PARTIES | {"EU"},
    "signatory-observer": {"IRN"},
    "non-signatory-observer": {"PRK", "VAT", "PNG", "SOM", "SSD", "TUV"},
    "observer": {"CTED", "UNOCT", "UNICEF", "UNDP", "UNICRI", "UNHCR", "UN-Women",  # UN entities
                 "ICAO", "ILO", "IMO", "UNESCO", "WHO",  # specialized agencies
                 "AU", "GCC", "CoE", "Eurojust", "INTERPOL", "IDLO", "LAS", "NAUSS", "OSCE", "WCO",  # IGOs
                 "SMOM", "GI-TOC", "IAP", "Small-Arms-Survey"},  # and the non-governmental organizations
}
COP_STATES = (COP_PARTIES | COP_GENERAL_DEBATE | {"IRN", "PRK", "VAT", "PNG", "SOM", "SSD", "TUV", "GTM", "TCD"}
              | {"ITA", "EGY", "ESP", "GHA", "BOL", "CAN", "FIN"})  # the officers' States
COP_ORGS = {"COP", "COP-Bureau", "UNOV", "UNODC", "EU", "INTERPOL", "OSCE", "CoE", "IOM", "ECOSOC", "Secretariat",
            "CTED", "UNOCT", "UNICEF", "UNDP", "UNICRI", "UNHCR", "UN-Women", "ICAO", "ILO", "IMO", "UNESCO", "WHO",
            "AU", "GCC", "Eurojust", "IDLO", "LAS", "NAUSS", "WCO", "SMOM", "WG-TIP", "GI-TOC", "IAP", "Small-Arms-Survey"}
# Non-governmental organizations missing from the registry (the Global Initiative, the International
# Association of Prosecutors and the Small Arms Survey are in it).
COP_NGOS = {"en": {"Academic Council on the United Nations System", "Japan Federation of Bar Associations"},
            "zh": {"联合国系统学术理事会", "日本律师协会联合会"}}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_cop_states(docs, lang) -> None:
    ex = docs[f"cop10_{lang}"]
    assert states(ex) == COP_STATES
    assert ex.doc.meta.body == "COP"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_cop_participants(docs, lang) -> None:
    ex = docs[f"cop10_{lang}"]
    assert roles(ex) == COP_ROLES
    assert roles(ex, candidates=True) == {"observer": COP_NGOS[lang]}
    assert not [m for m in ex.mentions if m.kind == "Initiative" and "Global Initiative" in m.text]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_cop_officers(docs, lang) -> None:
    ex = docs[f"cop10_{lang}"]
    assert officers(ex) == COP_PERSONS
    assert {p.name for p in ex.persons} == {name for name, _, _ in COP_PERSONS}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_cop_organizations(docs, lang) -> None:
    ex = docs[f"cop10_{lang}"]
    assert orgs(ex) - {"UN"} == COP_ORGS
    assert candidate_orgs(ex) == COP_NGOS[lang]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_cop_traps(docs, lang) -> None:
    ex = docs[f"cop10_{lang}"]
    keys = states(ex)
    assert "MLT" not in keys  # Sovereign Military Order of Malta
    assert "JOR" not in keys  # Mr. Michael Jordan
    start, end = para(ex, "21")  # the NGO list: Japan Federation of Bar Associations
    assert not [m for m in ex.mentions if m.kind == "State" and start <= m.start < end]
    start, end = para(ex, "25")  # on behalf of the Group of 77 and China
    assert not [m for m in ex.mentions if m.kind == "State" and start <= m.start < end]
    start, end = para(ex, "26")  # the Niger and Chad; Lake Chad Basin; Niger Delta
    assert sorted(m.key for m in ex.mentions if m.kind == "State" and start <= m.start < end) == ["NER", "NGA", "TCD"]
    start, end = para(ex, "30")  # a national police agency names its State, which is no participant
    assert {m.key for m in ex.mentions if m.kind == "State" and start <= m.start < end} == {"FSM", "KOR"}
    assert [p.key for p in ex.participations if start <= p.start < end] == ["FSM"]


# The candidates' names in the two languages, for comparing their roles.
_EN_NAME = {"联合国系统学术理事会": "Academic Council on the United Nations System",
            "打击跨国有组织犯罪全球倡议": "Global Initiative against Transnational Organized Crime",
            "国际检察官协会": "International Association of Prosecutors",
            "日本律师协会联合会": "Japan Federation of Bar Associations", "小武器调查": "Small Arms Survey",
            "韩国犯罪学和司法研究院": "Korean Institute of Criminology and Justice",
            "国际刑法协会": "International Association of Penal Law", "刑法改革国际": "Penal Reform International",
            "斯特拉达国际": "La Strada International", "自由行走基金会": "Walk Free Foundation"}


# -- the Commission on Crime Prevention and Criminal Justice, thirty-second session ---------

CCPCJ_DEBATE = {"AUT", "BRA", "CMR", "TCD", "CHN", "COL", "CUB", "DMA", "ECU", "SLV", "FRA", "GEO", "DEU", "IND",
                "JPN", "JOR", "KEN", "MLT", "MEX", "MAR", "NGA", "PAK", "PRY", "PHL", "QAT", "SAU", "SVN", "ZAF",
                "SDN", "CHE", "THA", "TUR", "GBR", "USA", "VEN"}
CCPCJ_ROLES = {"speaker": CCPCJ_DEBATE | {"EU", "VAT", "PSE", "UNICRI", "INCB", "NAUSS", "IACA", "AIDP"},
               "observer": {"EU", "VAT", "PSE"}}
CCPCJ_PERSONS = {("Hamid Reza Shirazi", "IRN", "chair"), ("Georgia Lambrou", "CYP", "vice-chair"),
                 ("Chad Okonkwo", "NGA", "vice-chair"), ("Jordan Whitfield", "GBR", "vice-chair"),
                 ("Ana Lucía Barrientos", "GTM", "rapporteur")}


CCPCJ_CANDIDATES = {"en": {"Korean Institute of Criminology and Justice", "Penal Reform International"},
                    "zh": {"韩国犯罪学和司法研究院", "刑法改革国际"}}  # the International Association of Penal Law is registered (AIDP)
# Chinese has no demonyms: "Turkish and Greek coast guards" is 土耳其和希腊海岸警卫队, which names Greece.
CCPCJ_STATES = {"en": CCPCJ_DEBATE | {"VAT", "PSE", "NER", "IRN", "CYP", "GTM"}}  # not GRC, KOR: demonyms
CCPCJ_STATES["zh"] = CCPCJ_STATES["en"] | {"GRC"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_ccpcj(docs, lang) -> None:
    ex = docs[f"ccpcj_{lang}"]
    assert ex.doc.meta.body == "CCPCJ"
    assert states(ex) == CCPCJ_STATES[lang]
    assert roles(ex) == CCPCJ_ROLES
    assert roles(ex, candidates=True) == {"speaker": CCPCJ_CANDIDATES[lang]}
    assert officers(ex) == CCPCJ_PERSONS
    assert {p.name for p in ex.persons} == {name for name, _, _ in CCPCJ_PERSONS}
    assert orgs(ex) - {"UN", "Secretariat"} == {"CCPCJ", "ECOSOC", "UNODC", "EU", "UNICRI", "INCB", "NAUSS",
                                                "IACA", "LAS", "AIMC", "IRG", "COSP", "PNI", "AIDP"}
    assert candidate_orgs(ex) == CCPCJ_CANDIDATES[lang]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_ccpcj_persons_named_like_states(docs, lang) -> None:
    ex = docs[f"ccpcj_{lang}"]
    for p in ex.persons:
        assert not [m for m in ex.mentions if m.kind == "State" and p.start <= m.start < p.end], p.name


# -- the Working Group on Trafficking in Persons (CTOC/COP/WG.4/2023/4) ---------------------

TIP_PARTIES = {"ARG", "AUS", "BOL", "EGY", "GNQ", "GIN", "GNB", "NGA", "PNG", "PRY", "PHL", "ZAF", "SSD", "SDN", "TUR",
               "GBR", "USA", "VNM"}
TIP_SPEAKERS = {"ARG", "BOL", "EGY", "GIN", "GNB", "NGA", "PHL", "SSD", "SDN", "TUR", "GBR", "VNM"}
TIP_ROLES = {"speaker": TIP_SPEAKERS | {"IRN", "ICAT", "VAT"},
             "party": TIP_PARTIES | {"EU"},
             "signatory-observer": {"COG"},
             "non-signatory-observer": {"IRN", "SOM", "YEM"},
             "observer": {"ILO", "OHCHR", "UNOCT", "ICMPD", "IOM", "OSCE", "La-Strada"}}
TIP_PERSONS = {("Amina Diallo", "GIN", "panelist"), ("Chad Morrison", "USA", "panelist"),
               ("Jordan Ellis", "AUS", "panelist"), ("John Kila", "PNG", "panelist"),
               ("Thandiwe Nkosi", "ZAF", "chair")}


TIP_NGOS = {"en": {"Walk Free Foundation"}, "zh": {"自由行走基金会"}}  # La Strada International is registered


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_wg_tip(docs, lang) -> None:
    ex = docs[f"wgtip_{lang}"]
    assert ex.doc.meta.body == "WG-TIP"
    assert states(ex) == TIP_PARTIES | {"AFG", "COG", "IRN", "SOM", "SYR", "VAT", "YEM"}  # not TCD, JOR, COD
    assert roles(ex) == TIP_ROLES
    assert roles(ex, candidates=True) == {"observer": TIP_NGOS[lang]}
    assert officers(ex) == TIP_PERSONS
    assert orgs(ex) - {"UN"} == {"COP", "WG-TIP", "UNODC", "CoE", "ICAT", "EU", "ILO", "OHCHR", "UNOCT", "ICMPD",
                                 "IOM", "OSCE", "La-Strada"}


@pytest.mark.parametrize("report, zh_only_states", [("cop10", set()), ("ccpcj", {"GRC"}), ("wgtip", set())])
def test_both_languages_agree(docs, report, zh_only_states) -> None:
    """The same keys and roles from the English and Chinese versions of one report; only the
    candidates' keys (names as printed) and the States named by a demonym in English differ."""
    en, zh = docs[f"{report}_en"], docs[f"{report}_zh"]
    assert states(zh) - states(en) == zh_only_states and states(en) <= states(zh)
    assert {(p.key, p.role) for p in en.participations if not p.key.startswith("candidate:")} == \
           {(p.key, p.role) for p in zh.participations if not p.key.startswith("candidate:")}
    assert orgs(en) == orgs(zh)
    assert [(p.state, p.role) for p in en.persons] == [(p.state, p.role) for p in zh.persons]
    assert len(candidate_orgs(en)) == len(candidate_orgs(zh))
    assert sorted(roles(en, True).items()) == sorted((r, set(map(_EN_NAME.get, names))) for r, names in
                                                     roles(zh, True).items())
    assert en.doc.meta.body == zh.doc.meta.body and en.doc.meta.symbol == zh.doc.meta.symbol


def test_spans_hold(docs) -> None:
    for ex in docs.values():
        text = ex.doc.text
        for x in [*ex.mentions, *ex.participations]:
            assert text[x.start:x.end] == x.text
        for p in ex.persons:
            assert text[p.start:p.end] == p.name
        assert all(re.fullmatch(r"candidate:\S+", m.key) for m in ex.mentions
                   if m.kind == "Organization" and m.candidate)


def test_the_body_by_a_common_noun(docs) -> None:
    said = {(m.key, m.text) for name in ("wgtip_en", "ccpcj_en", "ccpcj_zh", "cop10_en") for m in docs[name].mentions}
    assert {("WG-TIP", "Working Group"), ("CCPCJ", "Commission"), ("CCPCJ", "委员会"), ("COP", "Conference")} <= said
    assert ("COP", "Conference") not in {(m.key, m.text) for m in docs["ccpcj_en"].mentions}
