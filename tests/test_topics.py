"""Topics: the SKOS scheme parses and is complete; every rule matches its examples; tags carry reasons."""
from __future__ import annotations

import re
from importlib import resources

import pytest
import rdflib
from rdflib.namespace import RDF, SKOS

from unkg.extract.topics import RULES, TOPIC_KEYS, tag
from unkg.graph.rdf import iris

SCHEME = rdflib.URIRef("https://w3id.org/unkg/id/topic")


@pytest.fixture(scope="module")
def scheme() -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(data=resources.files("unkg.ontology").joinpath("topics.ttl").read_text(encoding="utf-8"),
            format="turtle")
    return g


def test_scheme_parses(scheme):
    assert (SCHEME, RDF.type, SKOS.ConceptScheme) in scheme


def test_every_concept_has_zh_and_en_labels_and_is_in_the_scheme(scheme):
    concepts = set(scheme.subjects(RDF.type, SKOS.Concept))
    assert concepts
    for c in concepts:
        langs = sorted(label.language for label in scheme.objects(c, SKOS.prefLabel))
        assert langs == ["en", "zh"], c
        assert (c, SKOS.inScheme, SCHEME) in scheme
        top = (c, SKOS.topConceptOf, SCHEME) in scheme
        assert top == ((SCHEME, SKOS.hasTopConcept, c) in scheme)
        assert top or any(scheme.objects(c, SKOS.broader))


def test_scheme_and_rules_name_the_same_topics(scheme):
    concepts = {str(c) for c in scheme.subjects(RDF.type, SKOS.Concept)}
    assert concepts == {iris.concept(k) for k in TOPIC_KEYS}
    for key in TOPIC_KEYS:
        assert str(scheme.value(rdflib.URIRef(iris.concept(key)), SKOS.notation)) == key


def test_close_matches_are_unbis_concepts(scheme):
    matches = list(scheme.objects(None, SKOS.closeMatch))
    assert matches
    assert all(re.fullmatch(r"http://metadata\.un\.org/thesaurus/\d{7}", str(m)) for m in matches)


def test_every_topic_has_rules_in_both_languages():
    for key in TOPIC_KEYS:
        assert {r.lang for r in RULES if r.topic == key} == {"zh", "en"}, key


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.topic}-{r.lang}")
def test_every_rule_matches_its_examples(rule):
    assert rule.examples and rule.reason
    for example in rule.examples:
        assert rule.topic in dict(tag(example, rule.lang)), example


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("促进在偷运移民案件上有效的司法协助", "zh",
     [("mutual-legal-assistance", "matched '司法协助' (mutual legal assistance)"),
      ("smuggling-of-migrants", "matched '偷运' (smuggling of migrants)")]),
    ("Requests for Extradition", "en", [("extradition", "matched 'Extradition' (extradition)")]),
    ("司法 协助", "zh", [("mutual-legal-assistance", "matched '司法协助' (mutual legal assistance)")]),
    ("the Conference of the Parties", "en", []),
])
def test_tag_reasons(text, lang, expected):
    assert tag(text, lang) == expected


def test_english_words_need_boundaries():
    assert tag("embargo", "en") == []  # not "border"
    assert "border-management" in dict(tag("border management officials", "en"))


def test_docstring_example():
    import doctest

    import unkg.extract.topics as topics

    assert doctest.testmod(topics).failed == 0
