"""Cue-word lexicons: each JSON file in ontology/lexicons/ is valid against its JSON Schema, the
typed loader reads it, and the data cannot drift from the code: every example phrase of the
strength lexicon gets its entry's strength through directive()."""
from __future__ import annotations

import json
import os
import re
from importlib import resources
from typing import get_args

import jsonschema
import pytest

from unkg.extract.directives import directive
from unkg.extract.lang import LANGS, grammar
from unkg.extract.lang import lexicons
from unkg.extract.lang.lexicons import STRENGTHS, Cue, Strength, cues, strength_cues, topic_rules
from unkg.extract.recommendations import STRENGTHS as RECOMMENDATION_STRENGTHS
from unkg.extract.topics import RULES, tag

ONTOLOGY = resources.files("unkg.ontology")
# Every lexicon file, each checked against the schema of the same name.
LEXICONS = sorted(p.name.removesuffix(".json") for p in ONTOLOGY.joinpath("lexicons").iterdir()
                  if p.name.endswith(".json"))


def _json(path: str) -> dict:
    return json.loads(ONTOLOGY.joinpath(path).read_text(encoding="utf-8"))


def _formatted(data: dict) -> str:
    """The canonical layout of a lexicon: two-space indents, lists of strings on one line."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return re.sub(r'\[\s+("[^"\]\\]*"(?:,\s+"[^"\]\\]*")*)\s+\]',
                  lambda m: "[" + re.sub(r",\s+", ", ", m[1]) + "]", text) + "\n"


@pytest.mark.parametrize("name", LEXICONS)
def test_every_lexicon_is_formatted(name):
    """Run with FIX_JSON=1 to rewrite the files in the canonical layout (as reporters-db does)."""
    path = ONTOLOGY.joinpath(f"lexicons/{name}.json")
    text = path.read_text(encoding="utf-8")
    canonical = _formatted(json.loads(text))
    if os.environ.get("FIX_JSON") == "1" and text != canonical:
        with open(str(path), "w", encoding="utf-8") as f:
            f.write(canonical)
        text = canonical
    assert text == canonical


def test_the_lexicons_are_there():
    assert {"strength", "topics"} <= set(LEXICONS)


@pytest.mark.parametrize("name", LEXICONS)
def test_every_lexicon_is_valid_against_its_schema(name):
    schema = _json(f"schemas/{name}.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(_json(f"lexicons/{name}.json"))


@pytest.mark.parametrize(("change", "where"), [
    (lambda d: d["cues"][0].update(strength="maybe"), "strength"),
    (lambda d: d["cues"][0].update(examples=[]), "examples"),
    (lambda d: d["cues"][0].pop("pattern"), "pattern"),
    (lambda d: d["cues"][0].update(lang="fr"), "lang"),
])
def test_the_schema_rejects_a_broken_entry(change, where):
    schema = _json("schemas/strength.schema.json")
    data = _json("lexicons/strength.json")
    change(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_the_topics_schema_rejects_a_rule_without_its_reason():
    data = _json("lexicons/topics.json")
    data["topics"][0]["zh"][0].pop("reason")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, _json("schemas/topics.schema.json"))


def test_the_scale_is_the_strength_literal():
    assert tuple(_json("lexicons/strength.json")["scale"]) == STRENGTHS == get_args(Strength)
    assert RECOMMENDATION_STRENGTHS == STRENGTHS


def test_the_loader_refuses_an_unknown_strength():
    raw = dict(_json("lexicons/strength.json")["cues"][0], strength="maybe")
    with pytest.raises(ValueError):
        lexicons._cue(raw)


def test_records_are_frozen_and_cached():
    assert strength_cues() is strength_cues()
    assert topic_rules() is topic_rules()
    with pytest.raises(AttributeError):
        strength_cues()[0].strength = "decide"  # type: ignore[misc]


@pytest.mark.parametrize("lang", LANGS)
def test_every_strength_has_a_cue_in_every_language(lang):
    assert {c.strength for c in strength_cues() if c.lang == lang} == set(STRENGTHS)


@pytest.mark.parametrize("cue", strength_cues(), ids=lambda c: f"{c.lang}-{c.kind}-{c.strength}")
def test_every_cue_word_is_found_by_its_pattern(cue: Cue):
    pattern = re.compile(cue.pattern)
    for word in cue.words:
        assert pattern.search(word), word


@pytest.mark.parametrize("cue", strength_cues(), ids=lambda c: f"{c.lang}-{c.kind}-{c.strength}")
def test_every_example_has_its_entrys_strength(cue: Cue):
    """The data cannot drift from the code: directive() reads each example as the entry says."""
    for example in cue.examples:
        d = directive(example, cue.lang)
        assert d is not None, example
        assert d.strength == cue.strength, example
        assert d.kind == cue.kind and d.verb == (cue.kind == "verb"), example
        assert re.search(cue.pattern, example), example


@pytest.mark.parametrize("lang", LANGS)
def test_the_grammar_reads_its_cues_from_the_lexicon(lang):
    r = grammar(lang).recommendations
    assert r.VERBS == tuple((c.strength, c.pattern) for c in cues(lang, "verb"))
    assert r.MODALS == tuple((c.strength, c.pattern) for c in cues(lang, "modal"))
    assert all(re.search(r.IMPORTANCE, ex) for c in cues(lang, "importance") for ex in c.examples)


@pytest.mark.parametrize("part", ["recommendations", "topics"])
def test_zh_and_en_expose_the_same_names(part):
    zh, en = (getattr(grammar(code), part) for code in LANGS)

    def public(m):
        return {n for n in vars(m) if not n.startswith("_") and n not in ("annotations", "re", "cues", "rules_of",
                                                                          "TopicRule")}
    assert public(zh) == public(en)


def test_topic_rules_are_the_lexicon():
    data = _json("lexicons/topics.json")["topics"]
    assert [(r.topic, r.lang, r.pattern) for r in RULES] == \
        [(t["topic"], lang, r["pattern"]) for t in data for lang in ("zh", "en") for r in t[lang]]
    assert all(set(r.examples) for r in topic_rules())


@pytest.mark.parametrize("lang", LANGS)
def test_every_topic_example_is_tagged_in_its_language(lang):
    for rule in grammar(lang).topics.RULES:
        for example in rule.examples:
            assert rule.topic in dict(tag(example, lang)), example
