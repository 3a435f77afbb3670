"""The instruments and initiatives registries, tested like code: every name finds its own entry,
every example sentence names its entry, keys are unique, labels match the scorer's patterns."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from unkg.extract.gazetteer import find_names
from unkg.ontology import registry

ENTITIES = Path(__file__).resolve().parent / "entities.json"
INSTRUMENTS = registry.load_file("instruments")
INITIATIVES = registry.load_file("initiatives")
OURS = INSTRUMENTS + INITIATIVES
INSTRUMENT_TYPES = {"treaty", "protocol", "charter", "declaration", "compact", "action-plan", "principles",
                    "directive", "framework-decision", "rules", "travaux",
                    "strategy", "guidelines", "code", "framework"}
INITIATIVE_TYPES = {"process", "network", "programme", "project", "portal", "database", "tool", "forum",
                    "mechanism", "campaign"}


def _ids(entries):
    return [e.key for e in entries]


def test_keys_are_unique_across_every_registry():
    counts = Counter(e.key for e in registry.entries())
    assert [k for k, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("entry", INSTRUMENTS, ids=_ids(INSTRUMENTS))
def test_instrument_entry_is_complete(entry):
    assert entry.kind == "Instrument" and entry.type in INSTRUMENT_TYPES
    assert entry.label_zh and entry.names_zh and entry.names_en and entry.sources
    if entry.type == "protocol":
        assert registry.lookup(entry.parent) is not None, "a protocol names the treaty it supplements"


@pytest.mark.parametrize("entry", INITIATIVES, ids=_ids(INITIATIVES))
def test_initiative_entry_is_complete(entry):
    assert entry.kind == "Initiative" and entry.type in INITIATIVE_TYPES
    assert entry.label_zh and entry.names_zh and entry.names_en and entry.sources


@pytest.mark.parametrize(("key", "untc"), [
    ("UNTOC", "XVIII-12"), ("TIP-Protocol", "XVIII-12-a"), ("SOM-Protocol", "XVIII-12-b"),
    ("Firearms-Protocol", "XVIII-12-c"), ("UNCAC", "XVIII-14"), ("1988-Convention", "VI-19"), ("CRC", "IV-11"),
])
def test_treaty_collection_numbers(key, untc):
    assert registry.lookup(key).codes["untc"] == untc


@pytest.mark.parametrize("protocol", ["TIP-Protocol", "SOM-Protocol", "Firearms-Protocol"])
def test_untoc_protocols_supplement_the_convention(protocol):
    assert registry.lookup(protocol).parent == "UNTOC"


def _every_name():
    return [(e.key, lang, name) for e in OURS for lang in ("zh", "en") for name in e.names(lang)]


@pytest.mark.parametrize(("key", "lang", "name"), _every_name())
def test_every_name_finds_its_own_entry(key, lang, name):
    """Alone in a sentence, each name is one hit of its own entry covering the whole name."""
    text = f"见{name}。" if lang == "zh" else f"See the {name} here."
    hits = [h for h in find_names(text, lang) if h.kind in ("Instrument", "Initiative")]
    assert [(h.key, h.text) for h in hits] == [(key, name)]


def _every_example():
    return [(e.key, lang, ex) for e in OURS for lang in ("zh", "en") for ex in e.examples.get(lang, [])]


@pytest.mark.parametrize(("key", "lang", "example"), _every_example())
def test_every_example_names_its_entry(key, lang, example):
    assert key in {h.key for h in find_names(example, lang)}


def test_every_entry_has_examples_in_both_languages():
    assert [e.key for e in OURS if not (e.examples.get("zh") and e.examples.get("en"))] == []


def _scorer_patterns() -> dict[str, str]:
    if not ENTITIES.is_file():
        return {}
    spec = json.loads(ENTITIES.read_text("utf-8"))
    return spec["instruments"] | spec["initiatives"]


@pytest.mark.parametrize(("key", "pattern"), sorted(_scorer_patterns().items()))
def test_label_en_matches_the_scorers_pattern(key, pattern):
    entry = registry.lookup(key)
    assert entry is not None, f"{key} is a key the scorer knows: the registry must have it"
    assert re.search(pattern, entry.label_en)


@pytest.mark.parametrize(("lang", "text", "key"), [
    # Longest name wins: the full Protocol titles contain the Convention's name.
    ("zh", "《联合国打击跨国有组织犯罪公约关于打击陆、海、空偷运移民的补充议定书》", "SOM-Protocol"),
    ("zh", "《联合国打击跨国有组织犯罪公约关于打击偷运移民的补充议定书》", "SOM-Protocol"),
    ("zh", "《有组织犯罪公约关于预防、禁止和惩治贩运人口特别是妇女和儿童行为的补充议定书》", "TIP-Protocol"),
    ("zh", "《移民议定书》", "SOM-Protocol"),
    ("zh", "欧洲联盟-非洲之角移民路线倡议（喀土穆进程）", "Khartoum-Process"),
    ("zh", "毒品和犯罪问题办公室偷运移民判例法数据库", "SOM-CaseLaw-DB"),
    ("zh", "1988 年《联合国禁止非法贩运麻醉药品和精神药物公约》", "1988-Convention"),
    ("en", "the Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United "
           "Nations Convention against Transnational Organized Crime", "SOM-Protocol"),
    ("en", "the Trafficking in Persons Protocol", "TIP-Protocol"),
    ("en", "the Firearms Protocol", "Firearms-Protocol"),
])
def test_longest_name_wins(lang, text, key):
    hits = [h for h in find_names(text, lang) if h.kind in ("Instrument", "Initiative")]
    assert {h.key for h in hits} == {key}


def test_a_candidate_name_never_crosses_a_line() -> None:
    """A heading's numeral above a name ("XII" / "Regular Process for …") is not part of it."""
    from unkg.extract.lang import grammar
    found = grammar("en").provisions.candidates("XII\n\nRegular Process for Global Reporting and Assessment")
    assert [name for _, _, name in found] == ["Regular Process for Global Reporting and Assessment"]
