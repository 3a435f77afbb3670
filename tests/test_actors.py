"""Actors: persons, State and organisation mentions, and participations, in both languages."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from unkg.extract.actors import sentences
from unkg.extract.gazetteer import find_names
from unkg.extract.ingest import read_source
from unkg.extract.layout import layout
from unkg.extract.metadata import with_metadata
from unkg.extract.models import Block, Document, Metadata, SourceText
from unkg.extract.participants import find_actors

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
GOLD = ROOT / "tests" / "gold"
ENTITIES = ROOT / "tests" / "entities.json"


def doc_from_lines(text: str, lang: str, body: str | None = None) -> Document:
    """A Document whose every line is one paragraph block (no layout step involved)."""
    blocks, start = [], 0
    for i, line in enumerate(text.split("\n")):
        blocks.append(Block(index=i, kind="paragraph", start=start, end=start + len(line), text=line))
        start += len(line) + 1
    source = SourceText(path=f"fixture.{lang}.txt", text=text, format="txt", sha256="")
    return Document(source=source, text=text, offsets=tuple(range(len(text))), blocks=tuple(blocks),
                    meta=Metadata(language=lang, body=body))


def actors_of(doc: Document):
    return find_actors(doc, find_names(doc.text, doc.lang))


@pytest.fixture(scope="module", params=["en", "zh"])
def fixture_actors(request):
    lang = request.param
    doc = doc_from_lines((FIXTURES / f"actors_{lang}.txt").read_text("utf-8").strip(), lang, body="WG-SOM")
    return lang, doc, actors_of(doc)


# -- the fixture lists: the same keys and roles in both languages --------------------------

EXPECTED = {
    "speaker": {"BHS", "CHL", "EU", "NER", "NGA", "GNB", "DOM", "KOR", "SSD", "GBR", "COL", "MEX", "ITA", "ESP",
                "VAT", "RUS"},
    "party": {"DZA", "BOL", "CZE", "GIN", "IRN", "NLD", "SDN", "MKD", "TUR", "USA", "VEN", "EU"},
    "signatory-observer": {"DMA", "IND", "THA"},
    "non-signatory-observer": {"CHN", "PRK", "IDN", "MLI", "SOM", "TUV"},
    "observer": {"UNDPA", "EU-FRA", "ICMPD", "IOM", "OSCE", "UNOCT", "UNICEF", "UN-Women", "SMOM"},
}
PERSONS = [("CHL", "chair"), ("AUS", "panelist"), ("CAN", "panelist"), ("AUT", "panelist"),
           ("AUS", "panelist"), ("CHN", "panelist"), (None, None), (None, None), (None, None), ("PRT", "vice-chair")]


def test_participations(fixture_actors) -> None:
    _, _, (_, _, parts) = fixture_actors
    got: dict[str, set[str]] = {}
    for p in parts:
        got.setdefault(p.role, set()).add(p.key)
    assert got == EXPECTED


def test_agenda_items(fixture_actors) -> None:
    _, _, (_, _, parts) = fixture_actors
    items = {p.key: p.agenda_items for p in parts if p.role == "speaker"}
    assert items["BHS"] == items["GBR"] == ("2",)
    assert items["COL"] == ()


def test_persons_titles_states_roles(fixture_actors) -> None:
    lang, _, (_, persons, _) = fixture_actors
    assert [(p.state, p.role) for p in persons] == PERSONS
    names = [p.name for p in persons]
    assert names[:5] == ["Tomás Herrera", "Georgia Lee", "Chad Smith", "Gerald Tatzgern", "Anne Gallagher"]
    assert names[5] == ("Wang Xiaoming" if lang == "en" else "王小明")
    assert not any(re.search(r"Mr|Ms|Dr|Colonel|先生|女士|博士|上校", n) for n in names)


def test_person_named_like_a_state_is_no_mention(fixture_actors) -> None:
    _, _, (mentions, _, _) = fixture_actors
    keys = {m.key for m in mentions}
    assert "TCD" not in keys and "GEO" not in keys  # Chad Smith, Georgia Lee; Lake Chad
    assert {"CAN", "AUS", "AUT"} <= keys  # the States in brackets after persons are mentions


def test_spans_and_labels(fixture_actors) -> None:
    _, doc, (mentions, persons, parts) = fixture_actors
    for x in [*mentions, *parts]:
        assert doc.text[x.start:x.end] == x.text
    for p in persons:
        assert doc.text[p.start:p.end] == p.name
    assert all(m.label_en and m.label_zh for m in mentions)


def test_both_languages_give_the_same_keys() -> None:
    out = {}
    for lang in ("en", "zh"):
        doc = doc_from_lines((FIXTURES / f"actors_{lang}.txt").read_text("utf-8").strip(), lang, "WG-SOM")
        mentions, persons, parts = actors_of(doc)
        out[lang] = ({(m.kind, m.key) for m in mentions}, {(p.key, p.role, p.agenda_items) for p in parts},
                     [(p.state, p.role) for p in persons])
    assert out["en"] == out["zh"]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The Chair, Mr. Francesco Testa (Italy), opened the meeting.", [("Francesco Testa", "ITA", "chair")]),
    ("en", "Ms. Amina Yusuf (Nigeria) was elected Vice-Chair.", [("Amina Yusuf", "NGA", "vice-chair")]),
    ("en", "The meeting was chaired by Mr. Tomás Herrera (Chile).", [("Tomás Herrera", "CHL", "chair")]),
    ("en", "Rapporteur: Ms. Maria de la Cruz (Philippines).", [("Maria de la Cruz", "PHL", "rapporteur")]),
    ("en", "The Chair thanked Mr. John Brown (Ireland).", [("John Brown", "IRL", None)]),
    ("zh", "主席 Francesco Testa（意大利）宣布会议开幕。", [("Francesco Testa", "ITA", "chair")]),
    ("zh", "Amina Yusuf 女士（尼日利亚）当选为副主席。", [("Amina Yusuf", "NGA", "vice-chair")]),
    ("zh", "主席感谢 John Brown 先生（爱尔兰）。", [("John Brown", "IRL", None)]),
    ("zh", "报告员：李华女士（中国）。", [("李华", "CHN", "rapporteur")]),
    ("zh", "会议由 Thandiwe Nkosi 女士（南非）主持。", [("Thandiwe Nkosi", "ZAF", "chair")]),
])
def test_officers(lang: str, text: str, expected: list) -> None:
    _, persons, parts = actors_of(doc_from_lines(text, lang))
    assert [(p.name, p.state, p.role) for p in persons] == expected
    assert parts == []  # an officer's State is their nationality, not a delegation


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The representative of the Niger, speaking on behalf of the Group of African States, said that "
           "Nigeria had helped.", {("NER", "speaker")}),
    ("en", "The representatives of Algeria, Brazil and Cuba stressed the need for cooperation with Mali.",
     {("DZA", "speaker"), ("BRA", "speaker"), ("CUB", "speaker")}),
    ("zh", "阿尔及利亚、巴西和古巴的代表强调需要与马里合作。", {("DZA", "speaker"), ("BRA", "speaker"), ("CUB", "speaker")}),
    ("zh", "秘书处在议程项目 2 下作了一般介绍性发言。", set()),
    ("zh", "一名发言者促请其他缔约国增加对毒品和犯罪问题办公室的支持。", set()),
    ("zh", "来自参加国的专家出席了由厄瓜多尔和塔吉克斯坦共同主持的圆桌会议。", set()),
    ("en", "Statements were made by the representatives of the following: Secretariat, Working Group on "
           "the Smuggling of Migrants and Italy.", {("ITA", "speaker")}),
])
def test_speakers(lang: str, text: str, expected: set) -> None:
    _, _, parts = actors_of(doc_from_lines(text, lang, body="WG-SOM"))
    assert {(p.key, p.role) for p in parts} == expected


def test_urls_are_not_mentions() -> None:
    text = "见 www.example.org/ASEAN-handbook 和 http://frontex.europa.eu/Frontex。"
    mentions, _, _ = actors_of(doc_from_lines(text, "zh"))
    assert mentions == []


def test_sentences_keep_titles_whole() -> None:
    text = "Mr. Smith (Chile) spoke. Dr. Lee (Peru) too.\nNext line"
    assert [text[s:e].strip() for s, e in sentences(text, "en")] == [
        "Mr. Smith (Chile) spoke.", "Dr. Lee (Peru) too.", "Next line"]


# -- the seeds against the answer keys -----------------------------------------------------

def _f1(gold_n: int, gold_hit: int, pred_n: int, pred_hit: int) -> float:
    p = pred_hit / pred_n if pred_n else 1.0
    r = gold_hit / gold_n if gold_n else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


@pytest.fixture(scope="module")
def seed_results():
    patterns = json.loads(ENTITIES.read_text("utf-8"))["organizations"]
    out = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        gold = json.loads((GOLD / f"{path.stem}.json").read_text("utf-8"))
        doc = with_metadata(layout(read_source(path)))
        out.append((gold, patterns, *actors_of(doc)))
    return out


def test_seed_states(seed_results) -> None:
    counts = [0, 0, 0, 0]
    for gold, _, mentions, _, _ in seed_results:
        want = set(gold["states_mentioned"])
        got = {m.key for m in mentions if m.kind == "State"} - set(gold.get("states_optional") or [])
        counts = [a + b for a, b in zip(counts, (len(want), len(want & got), len(got), len(want & got)))]
    assert _f1(*counts) >= 0.98


def test_seed_participants(seed_results) -> None:
    counts = [0, 0, 0, 0]
    for gold, patterns, mentions, _, parts in seed_results:
        labels = {m.key: m.label_en or "" for m in mentions}
        rows = {(p.key, p.role) for p in parts}

        def match(g: dict, row: tuple) -> bool:
            pattern = patterns.get(g["key"])
            same = row[0] == g["key"] or bool(pattern and re.search(pattern, labels.get(row[0], "")))
            return same and row[1] == g["role"]
        hit_gold = sum(any(match(g, r) for r in rows) for g in gold["participants"])
        hit_rows = sum(any(match(g, r) for g in gold["participants"]) for r in rows)
        counts = [a + b for a, b in zip(counts, (len(gold["participants"]), hit_gold, len(rows), hit_rows))]
    assert _f1(*counts) >= 0.97


def test_seed_organizations(seed_results) -> None:
    counts = [0, 0, 0, 0]
    for gold, _, mentions, _, _ in seed_results:
        rows = {(m.key, m.label_en) for m in mentions if m.kind == "Organization"}
        required = [g for g in gold["organizations"] if not g.get("optional")]

        def match(g: dict, row: tuple) -> bool:
            return row[0] == g["key"] or bool(re.search(g["label_en"], row[1] or ""))
        hit_gold = sum(any(match(g, r) for r in rows) for g in required)
        hit_rows = sum(any(match(g, r) for g in gold["organizations"]) for r in rows)
        counts = [a + b for a, b in zip(counts, (len(required), hit_gold, len(rows), hit_rows))]
    assert _f1(*counts) >= 0.93


def test_seed_persons(seed_results) -> None:
    for gold, _, _, persons, _ in seed_results:
        got = {(p.name, p.state, p.role) for p in persons}
        assert got == {(g["name"], g["state"], g["role"]) for g in gold["persons"]}


@pytest.mark.parametrize("lang, text", [
    ("en", "The workshop was held in Addis Ababa (Ethiopia) and in Kuala Lumpur (Malaysia)."),
    ("en", "The Regional Conference (Senegal) adopted a declaration."),
    ("zh", "讲习班在吉隆坡（马来西亚）举行。"),
])
def test_places_before_a_bracketed_state_are_not_persons(lang: str, text: str) -> None:
    _, persons, _ = actors_of(doc_from_lines(text, lang))
    assert persons == []


@pytest.mark.parametrize("lang, text", [
    ("en", "The following intergovernmental organizations were represented by observers: European Union, "
           "Europol and the European Border and Coast Guard Agency of the European Union."),
    ("zh", "下列政府间组织派观察员出席了会议：欧洲联盟、欧警署和欧洲联盟的欧洲边境和海岸警卫队机构。"),
])
def test_an_organisation_named_as_a_units_address_does_not_attend(lang: str, text: str) -> None:
    _, _, parts = actors_of(doc_from_lines(text, lang))
    assert [(p.key, p.role) for p in parts] == [("EU", "observer"), ("EUROPOL", "observer"), ("FRONTEX", "observer")]


@pytest.mark.parametrize("lang, body, text, expected", [
    ("en", "WG-TIP", "The Working Group recommended that the Conference consider the matter.",
     [("WG-TIP", "Working Group"), ("COP", "Conference")]),
    ("en", "CCPCJ", "The Commission noted that the Conference had met.", [("CCPCJ", "Commission")]),
    ("en", "COP", "The Conference took note of the report of the Working Group on Firearms of the Conference.",
     [("COP", "Conference"), ("WG-FA", "Working Group on Firearms"), ("COP", "Conference")]),
    ("en", "WG-FA", "The Working Group on Firearms met; the Working Group adopted its report.",
     [("WG-FA", "Working Group on Firearms"), ("WG-FA", "Working Group")]),
    ("zh", "WG-SOM", "工作组建议缔约方会议审议；专家工作组和本工作组均已开会。",
     [("WG-SOM", "工作组"), ("COP", "缔约方会议"), ("WG-SOM", "工作组")]),
    ("zh", "CCPCJ", "委员会注意到国家禁毒委员会的工作。", [("CCPCJ", "委员会")]),
])
def test_the_body_of_the_document_by_a_common_noun(lang: str, body: str, text: str, expected: list) -> None:
    mentions, _, parts = actors_of(doc_from_lines(text, lang, body=body))
    assert [(m.key, m.text) for m in mentions if m.kind == "Organization"] == expected
    assert parts == []


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "President:\tMr. Ahmed Karim (Egypt)\nVice-Presidents:\tMs. Maria Pérez (Spain)\n"
           "\tMr. Kwame Mensah (Ghana)\n\nRapporteur:\tMs. Tiina Mäkelä (Finland)",
     [("Ahmed Karim", "EGY", "chair"), ("Maria Pérez", "ESP", "vice-chair"), ("Kwame Mensah", "GHA", "vice-chair"),
      ("Tiina Mäkelä", "FIN", "rapporteur")]),
    ("en", "President:\tAhmed Karim (Egypt)\nVice-Presidents:\tMaria Pérez (Spain)\n\tKwame Mensah (Ghana)\n"
           "Rapporteur:\tTiina Mäkelä (Finland)",  # no titles
     [("Ahmed Karim", "EGY", "chair"), ("Maria Pérez", "ESP", "vice-chair"), ("Kwame Mensah", "GHA", "vice-chair"),
      ("Tiina Mäkelä", "FIN", "rapporteur")]),
    ("zh", "主席：Ahmed Karim（埃及）\n副主席：Maria Pérez 女士（西班牙）\n\tKwame Mensah（加纳）\n报告员：Tiina Mäkelä（芬兰）",
     [("Ahmed Karim", "EGY", "chair"), ("Maria Pérez", "ESP", "vice-chair"), ("Kwame Mensah", "GHA", "vice-chair"),
      ("Tiina Mäkelä", "FIN", "rapporteur")]),
    ("en", "Chair: H.E. Mr. Ahmed Karim (Egypt)", [("Ahmed Karim", "EGY", "chair")]),
    ("en", "Vice-Presidents:\tMs. Maria Pérez (Spain)\nMr. Kwame Mensah (Ghana) Mr. Michael Jordan (Canada)\n"
           "Rapporteur:\tMs. Tiina Mäkelä (Finland)",  # two lines run together
     [("Maria Pérez", "ESP", "vice-chair"), ("Kwame Mensah", "GHA", "vice-chair"),
      ("Michael Jordan", "CAN", "vice-chair"), ("Tiina Mäkelä", "FIN", "rapporteur")]),
    ("en", "Chair: Mr. Ahmed Karim (Egypt)\nMr. John Brown (Ireland) said that the meeting was useful.",
     [("Ahmed Karim", "EGY", "chair"), ("John Brown", "IRL", None)]),
    ("en", "The following officers were elected: Chair, Mr. Ahmed Karim (Egypt); Vice-Chair, Ms. Ana Silva "
           "(Portugal); Rapporteur, Mr. Lee Min-ho (Republic of Korea).",
     [("Ahmed Karim", "EGY", "chair"), ("Ana Silva", "PRT", "vice-chair"), ("Lee Min-ho", "KOR", "rapporteur")]),
    ("en", "The meeting was held in Vienna.\nAddis Ababa (Ethiopia)\nKuala Lumpur (Malaysia)", []),
])
def test_officers_lists(lang: str, text: str, expected: list) -> None:
    _, persons, parts = actors_of(doc_from_lines(text, lang))
    assert [(p.name, p.state, p.role) for p in persons] == expected
    assert parts == []


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Speakers from Algeria and Brazil highlighted the need for cooperation with Chile.",
     {("DZA", "speaker"), ("BRA", "speaker")}),
    ("en", "Statements were made by the representatives of the following States: Cuba (on behalf of the Group of 77 "
           "and China), Poland (on behalf of the European Union) and Organization for Security and Co-operation in "
           "Europe (OSCE).", {("CUB", "speaker"), ("POL", "speaker"), ("OSCE", "speaker")}),
    ("zh", "下列国家的代表作了发言：古巴（代表77国集团和中国）、波兰（代表欧洲联盟）。", {("CUB", "speaker"), ("POL", "speaker")}),
    ("en", "A statement was also made by the observer for the Conflict Armament Research, a non-governmental "
           "organization in consultative status with the Economic and Social Council.",
     {("candidate:Conflict-Armament-Research", "speaker")}),
    ("en", "A statement was also made by the observer for the Global Initiative against Transnational Organized Crime, "
           "a non-governmental organization in consultative status with the Economic and Social Council.",
     {("GI-TOC", "speaker")}),
    ("zh", "具有经济及社会理事会咨商地位的非政府组织国际律师协会的观察员也作了发言。", {("candidate:国际律师协会", "speaker")}),
    ("zh", "具有经济及社会理事会咨商地位的非政府组织国际刑法学协会的观察员也作了发言。", {("AIDP", "speaker")}),
    ("zh", "下列非《公约》缔约国派观察员出席了会议：图瓦卢。", {("TUV", "non-signatory-observer")}),
    ("en", "The representative of Jordan, speaking on behalf of the Group of Arab States, welcomed the cooperation "
           "with the League of Arab States.", {("JOR", "speaker")}),
])
def test_list_entries_not_asides(lang: str, text: str, expected: set) -> None:
    _, _, parts = actors_of(doc_from_lines(text, lang, body="COP"))
    assert {(p.key, p.role) for p in parts} == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Several speakers made statements on cooperation with Mexico and Brazil.", set()),
    ("en", "Statements were made by Algeria, Brazil and the European Union.",
     {("DZA", "speaker"), ("BRA", "speaker"), ("EU", "speaker")}),
    ("en", "The European Union, a regional economic integration organization that is a party to the Convention, "
           "was represented at the session.", {("EU", "party")}),
    ("en", "The Holy See was represented by an observer.", {("VAT", "observer")}),
    ("zh", "若干发言者就与墨西哥的合作作了发言。", set()),
    ("zh", "阿尔及利亚和巴西作了发言。", {("DZA", "speaker"), ("BRA", "speaker")}),
    ("zh", "区域经济一体化组织欧洲联盟作为《公约》缔约方派代表出席了会议。", {("EU", "party")}),
])
def test_sentences_without_colon_or_head(lang: str, text: str, expected: set) -> None:
    _, _, parts = actors_of(doc_from_lines(text, lang, body="COP"))
    assert {(p.key, p.role) for p in parts} == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The following non-governmental organizations were represented by observers: Academic Council on the "
           "United Nations System, Japan Federation of Bar Associations, International Bar Association and "
           "Penal Reform International.",
     ["Academic Council on the United Nations System", "Japan Federation of Bar Associations",
      "International Bar Association", "Penal Reform International"]),
    ("en", "The following intergovernmental organizations were represented by observers: Centre for Human Rights and "
           "Development and Conflict Armament Research.",
     ["Centre for Human Rights and Development", "Conflict Armament Research"]),
    ("en", "The following institutes were represented by observers: Raoul Wallenberg Institute of Human Rights and "
           "Humanitarian Law, Korean Institute of Criminology and Justice and Conflict Armament Research.",
     ["Raoul Wallenberg Institute of Human Rights and Humanitarian Law", "Korean Institute of Criminology and Justice",
      "Conflict Armament Research"]),
    ("zh", "下列非政府组织派观察员出席了会议：联合国系统学术理事会、日本律师协会联合会、国际律师协会和国际崇德社。",
     ["联合国系统学术理事会", "日本律师协会联合会", "国际律师协会", "国际崇德社"]),
    ("en", "The following States were represented by observers: Atlantis and Utopia Republic.", []),  # no organisations
    ("en", "The following United Nations entities were represented by observers: United Nations Educational, "
           "Scientific and Cultural Organization and the Office of Counter-Terrorism.", []),  # registry names
])
def test_unregistered_organisations_in_lists(lang: str, text: str, expected: list) -> None:
    mentions, _, parts = actors_of(doc_from_lines(text, lang, body="COP"))
    assert [m.text for m in mentions if m.candidate] == expected
    assert [p.text for p in parts if p.key.startswith("candidate:")] == expected
    colon = text.index(":" if lang == "en" else "：")
    # Japan and the United Nations are parts of names
    assert not [m for m in mentions if m.start > colon and (m.kind == "State" or m.key == "UN")]


@pytest.mark.parametrize("lang, body, text, expected", [
    ("zh", "WG-TIP", "主席团举行了会议。", ["COP-Bureau"]),
    ("zh", "CCPCJ", "主席团举行了会议。", ["CCPCJ-Bureau"]),
    ("zh", "UNGA", "主席团举行了会议。", []),
    ("en", "CCPCJ", "The extended Bureau met.", ["CCPCJ-Bureau"]),
    ("en", "CCPCJ", "The Bureau of the Conference of the Parties met.", ["COP-Bureau"]),  # it says whose
    ("zh", "COP", "B. 选举主席团成员", []),  # "Election of officers": persons, not the Bureau
    ("en", "WG-SOM", "Decision 2 of the Bureau was procedural.", ["COP-Bureau"]),
    ("en", "UNGA", "The Bureau met.", []),
])
def test_a_bare_bureau_is_the_bureau_of_the_documents_body(lang: str, body: str, text: str, expected: list) -> None:
    mentions, _, _ = actors_of(doc_from_lines(text, lang, body=body))
    assert [m.key for m in mentions if m.key.endswith("Bureau")] == expected


@pytest.mark.parametrize("body, expected", [
    ("IRG", set()), ("COSP", set()), ("WG-FA", set()), ("CCPCJ", set()),
    ("UNGA", {("UNODC", "speaker")}), ("HRC", {("UNODC", "speaker")}),
])
def test_unodc_services_its_bodies(body: str, expected: set) -> None:
    text = "Statements were made by the representatives of the United Nations Office on Drugs and Crime."
    _, _, parts = actors_of(doc_from_lines(text, "en", body=body))
    assert {(p.key, p.role) for p in parts} == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The discussion was facilitated by the following panellists: Chad Whitfield (Canada), Mamadou Diallo "
           "(Senegal) and Pieter van den Berg (Netherlands).",
     [("Chad Whitfield", "CAN", "panelist"), ("Mamadou Diallo", "SEN", "panelist"),
      ("Pieter van den Berg", "NLD", "panelist")]),
    ("en", "Vice-Chairs: Ana Lucía Ramírez (Colombia); Ingrid Solberg (Norway)",
     [("Ana Lucía Ramírez", "COL", "vice-chair"), ("Ingrid Solberg", "NOR", "vice-chair")]),
])
def test_persons_listed_after_a_role_and_a_colon(lang: str, text: str, expected: list) -> None:
    """Each "Name (State)" of a list after a role and its colon is a person with that role, even when
    a word of the name is a State's (Chad Whitfield): and then that word is no mention of the State."""
    mentions, persons, _ = actors_of(doc_from_lines(text, lang, body="WG-FA"))
    assert [(p.name, p.state, p.role) for p in persons] == expected
    assert "TCD" not in {m.key for m in mentions}


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Statements were also made by the observers for the International Criminal Police Organization (INTERPOL) "
           "and the Organization for Security and Co-operation in Europe.",
     {("INTERPOL", "speaker"), ("OSCE", "speaker")}),
    ("zh", "国际刑事警察组织（刑警组织）和欧洲安全与合作组织的观察员也作了发言。", {("INTERPOL", "speaker"), ("OSCE", "speaker")}),
])
def test_a_list_goes_on_past_an_acronym_in_brackets(lang: str, text: str, expected: set) -> None:
    _, _, parts = actors_of(doc_from_lines(text, lang, body="COP"))
    assert {(p.key, p.role) for p in parts} == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The Geneva Centre for Security Sector Governance, a non-governmental organization, was represented by "
           "an observer.", {("candidate:Geneva-Centre-for-Security-Sector-Governance", "observer")}),
    ("zh", "非政府组织日内瓦安全部门治理中心派观察员出席了会议。", {("candidate:日内瓦安全部门治理中心", "observer")}),
])
def test_an_unregistered_organisation_by_its_apposition(lang: str, text: str, expected: set) -> None:
    """The subject of an attendance sentence that an apposition calls an organisation is one."""
    _, _, parts = actors_of(doc_from_lines(text, lang, body="COP"))
    assert {(p.key, p.role) for p in parts} == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The representative of Guinea-Bissau noted at the previous meeting of the Working Group that the delays "
           "were long.", set()),
    ("en", "The representative of Guinea-Bissau noted that the delays were long.", {("GNB", "speaker")}),
    ("zh", "几内亚比绍代表在工作组上次会议上指出，此类延误有所加剧。", set()),
    ("zh", "几内亚比绍代表指出，此类延误有所加剧。", {("GNB", "speaker")}),
])
def test_a_statement_at_another_meeting_makes_no_speaker(lang: str, text: str, expected: set) -> None:
    """A background paper recalls what was said at earlier meetings: no speaker of this one."""
    _, _, parts = actors_of(doc_from_lines(text, lang, body="WG-IC"))
    assert {(p.key, p.role) for p in parts} == expected


# -- bodies with members (the Commission, the Council): members, observers, entities -------------

@pytest.mark.parametrize("lang, text, expected", [
    ("zh", "委员会下列成员国的代表出席了第三十一届会议：奥地利、巴西。", {("AUT", "member"), ("BRA", "member")}),
    ("zh", "下列非委员会成员的联合国会员国派观察员出席了会议：阿尔及利亚、多米尼克。", {("DZA", "observer"), ("DMA", "observer")}),
    ("zh", "联合国秘书处下列单位派代表出席了会议：反恐怖主义办公室、裁军事务厅。", {("UNOCT", "observer"), ("UNODA", "observer")}),
    ("en", "The following States members of the Commission were represented: Austria and Brazil.",
     {("AUT", "member"), ("BRA", "member")}),
    ("en", "The following States Members of the United Nations not members of the Commission were represented: "
           "Algeria and Dominica.", {("DZA", "observer"), ("DMA", "observer")}),
    ("en", "The following United Nations Secretariat units were represented: Office of Counter-Terrorism and Office "
           "for Disarmament Affairs.", {("UNOCT", "observer"), ("UNODA", "observer")}),
    ("en", "The following States were represented: Algeria and Brazil.", set()),  # no status: not guessed
    ("zh", "出席会议的欧洲联盟代表作了发言。", {("EU", "speaker")}),  # a statement, not an attendance list
])
def test_members_and_observers_of_a_commission(lang: str, text: str, expected: set) -> None:
    _, _, parts = actors_of(doc_from_lines(text, lang, body="CCPCJ"))
    assert {(p.key, p.role) for p in parts} == expected


def _first_letters(items) -> tuple[set[str], bool]:
    """The characters a match of the parsed pattern ``items`` can begin with, and whether it can
    match empty (literals, classes, groups, branches and repeats; zero-width assertions skipped)."""
    from re import _constants as C  # the parser's own view of the pattern: exact, not guessed
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            return out | {chr(av)}, False
        if op is C.IN:
            for o, a in av:
                assert o in (C.LITERAL, C.RANGE), o
                out |= {chr(a)} if o is C.LITERAL else {chr(c) for c in range(a[0], a[1] + 1)}
            return out, False
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue
        parts = {C.BRANCH: lambda: av[1], C.SUBPATTERN: lambda: [av[3]],
                 C.MAX_REPEAT: lambda: [av[2]], C.MIN_REPEAT: lambda: [av[2]]}[op]()
        found = [_first_letters(p) for p in parts]
        out |= set().union(*(f for f, _ in found))
        if not any(e for _, e in found) and not (op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] == 0):
            return out, False
    return out, True


@pytest.mark.parametrize("name", ["ROLE_CJK", "ROLE_LATIN"])
def test_a_role_pattern_looks_ahead_for_every_letter_its_roles_begin_with(name):
    """The lookahead that speeds the role scans must not hide a role: a new role's first letter
    goes in it too."""
    from re import _parser
    from unkg.extract.lang import scripts
    pattern = getattr(scripts, name)
    ahead = re.match(r"\(\?=\[([^\]]+)\]\)", pattern)
    letters, empty = _first_letters(_parser.parse(pattern[ahead.end():]))
    assert not empty and letters == set(ahead[1])
