"""The registries are data tested like code: complete, unique, and every name found in its examples."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from unkg.extract.gazetteer import name_conflicts, normalize_name, scan
from unkg.ontology.registry import REGISTRIES, entries, load_file

ENTITIES = Path(__file__).resolve().parent / "entities.json"
REGISTRY_DIR = Path(__file__).resolve().parents[1] / "ontology" / "registries"
MINE = ("states", "organizations", "non_entities")
# The scorer's key FRA (EU Agency for Fundamental Rights) is France's ISO alpha-3 code, and
# registry keys are unique across registries: the agency is EU-FRA. Its label still matches the
# scorer's pattern, which is how the scorer recognises it.
ALIASES = {"FRA": "EU-FRA"}


def _entries_of(name: str) -> list:
    return list(load_file(name))


def test_197_states_with_codes_and_names() -> None:
    states = _entries_of("states")
    assert len(states) == 197
    for s in states:
        assert s.kind == "State"
        assert re.fullmatch(r"[A-Z]{3}", s.key) and s.codes["iso3"] == s.key
        assert re.fullmatch(r"[A-Z]{2}", s.codes["iso2"])
        assert re.fullmatch(r"\d{3}", s.codes["m49"])
        assert s.label_en and s.label_zh and s.label_en in s.names_en and s.label_zh in s.names_zh
    keys = {s.key for s in states}
    assert {"VAT", "PSE"} <= keys  # the two observer States
    assert len({s.codes["m49"] for s in states}) == 197


@pytest.mark.parametrize("iso3, zh, en", [
    ("USA", "美国", "United States"), ("GBR", "英国", "United Kingdom"), ("RUS", "俄罗斯", "Russia"),
    ("KOR", "韩国", "Republic of Korea"), ("PRK", "朝鲜", "Democratic People's Republic of Korea"),
    ("IRN", "伊朗", "Iran (Islamic Republic of)"), ("VEN", "委内瑞拉", "Venezuela (Bolivarian Republic of)"),
    ("BOL", "玻利维亚", "Bolivia (Plurinational State of)"), ("SYR", "叙利亚", "Syria"), ("LAO", "老挝", "Laos"),
    ("TZA", "坦桑尼亚", "Tanzania"), ("MDA", "摩尔多瓦", "Moldova"), ("VAT", "罗马教廷", "Holy See"),
    ("VAT", "教廷", "Holy See"), ("NLD", "荷兰", "Netherlands"), ("NLD", "荷兰王国", "Netherlands"),
    ("MKD", "前南斯拉夫的马其顿共和国", "the former Yugoslav Republic of Macedonia"),
    ("SWZ", "斯威士兰", "Swaziland"), ("SWZ", "斯威士兰", "Eswatini"), ("CZE", "捷克", "Czechia"),
    ("CZE", "捷克", "Czech Republic"), ("TUR", "土耳其", "Türkiye"), ("TUR", "土耳其", "Turkey"),
    ("BOL", "多民族玻利维亚国", "Bolivia"), ("VEN", "委内瑞拉玻利瓦尔共和国", "Venezuela"),
    ("IRN", "伊朗伊斯兰共和国", "Iran"), ("GBR", "大不列颠及北爱尔兰联合王国", "United Kingdom of Great Britain and Northern Ireland"),
    ("USA", "美利坚合众国", "United States of America"), ("PSE", "巴勒斯坦国", "State of Palestine"),
    ("KOR", "大韩民国", "Republic of Korea"), ("RUS", "俄罗斯联邦", "Russian Federation"),
    ("COD", "刚果民主共和国", "Democratic Republic of Congo"), ("TLS", "东帝汶", "Timor Leste"), ("VAT", "梵蒂冈", "Vatican"),
    ("NLD", "荷兰", "Netherlands (Kingdom of the)"), ("TUR", "土耳其", "Republic of Türkiye"),
])
def test_short_and_older_forms(iso3: str, zh: str, en: str) -> None:
    for text, lang, name in ((f"{zh}代表发言。", "zh", zh), (f"The delegate of {en} spoke.", "en", en)):
        hits = [h for h in scan(text, lang) if h.text == name]
        assert [h.key for h in hits] == [iso3], (lang, name)


def test_registry_files_have_source_and_licence() -> None:
    for name in MINE:
        data = json.loads((REGISTRY_DIR / f"{name}.json").read_text("utf-8"))
        assert data["source"] and data["licence"], name


def test_keys_unique_across_registries() -> None:
    keys = [e.key for e in entries()]
    assert len(keys) == len(set(keys)), sorted(k for k in set(keys) if keys.count(k) > 1)
    assert set(REGISTRIES) >= set(MINE)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_name_claimed_by_two_keys(lang: str) -> None:
    assert name_conflicts(lang) == {}


@pytest.mark.parametrize("registry", MINE)
def test_every_example_finds_its_entry_and_every_name_is_exemplified(registry: str) -> None:
    problems = []
    for e in _entries_of(registry):
        for lang in ("zh", "en"):
            found: set[str] = set()
            for example in e.examples.get(lang, []):
                hits = [h for h in scan(example, lang) if h.key == e.key]
                if not hits:
                    problems.append(f"{e.key} {lang}: no hit in {example!r}")
                found |= {normalize_name(h.text) for h in hits}
            problems += [f"{e.key} {lang}: name {n!r} in no example" for n in e.names(lang)
                         if normalize_name(n) not in found]
    assert not problems, "\n".join(problems)


def test_labels_match_the_scorer_patterns() -> None:
    spec = json.loads(ENTITIES.read_text("utf-8"))["organizations"]
    orgs = {e.key: e for e in _entries_of("organizations")}
    for key, pattern in spec.items():
        entry = orgs.get(ALIASES.get(key, key))
        assert entry is not None, f"organisation {key} missing"
        assert re.search(pattern, entry.label_en), (key, entry.label_en, pattern)


def test_org_parents_exist() -> None:
    keys = {e.key for e in entries()}
    for e in _entries_of("organizations"):
        assert e.parent is None or e.parent in keys, (e.key, e.parent)


def test_not_entities_produce_nothing() -> None:
    for e in _entries_of("non_entities"):
        assert e.kind == "NotEntity"
        assert e.key.startswith("NE-")
