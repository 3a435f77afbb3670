"""Issue 12: the treaties as text, and citations checked against their structure."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from unkg.ontology import treaties
from unkg.ontology.registry import lookup

TESTS = Path(__file__).parent


@pytest.mark.parametrize(("key", "articles"), [("UNTOC", 41), ("TIP-Protocol", 20), ("SOM-Protocol", 25),
                                               ("Firearms-Protocol", 21), ("UNCAC", 71)])
def test_every_article_is_there(key, articles):
    t = treaties.treaty(key)
    assert lookup(key) is not None  # keyed as the instruments registry keys them
    assert [a.number for a in t.articles] == [str(n) for n in range(1, articles + 1)]
    assert all(a.title for a in t.articles)


@pytest.mark.parametrize(("key", "article", "paragraphs"), [("UNTOC", "16", 17), ("UNTOC", "18", 30),
                                                            ("UNCAC", "46", 30), ("SOM-Protocol", "6", 4)])
def test_paragraph_counts_match_the_un_texts(key, article, paragraphs):
    a = treaties.treaty(key).article(article)
    assert a.numbered == tuple(str(n) for n in range(1, paragraphs + 1))


def test_titles_and_subparagraphs():
    untoc = treaties.treaty("UNTOC")
    assert untoc.article("18").title == "Mutual legal assistance"
    assert untoc.article("6").paragraph("1").subparagraphs == ("a", "i", "ii", "b")
    assert untoc.article("2").paragraph(None).subparagraphs[:3] == ("a", "b", "c")
    assert "Each State Party shall adopt" in untoc.article("6").text


@pytest.mark.parametrize(("citation", "reason"), [
    (("UNTOC", "42"), "the Organized Crime Convention has no article 42 (articles 1-41)"),
    (("UNTOC", "18", "31"), "article 18 of the Organized Crime Convention has no paragraph 31 (paragraphs 1-30)"),
    (("SOM-Protocol", "18", "13"), "article 18 of the Migrants Protocol has no paragraph 13 (paragraphs 1-8)"),
    (("UNTOC", "2", "1"), "article 2 of the Organized Crime Convention has no numbered paragraphs"),
    (("UNTOC", "6", "1", "c"), "paragraph 1 of article 6 of the Organized Crime Convention has no subparagraph (c)"),
])
def test_impossible_citations_say_why(citation, reason):
    assert treaties.problem(*citation) == reason


@pytest.mark.parametrize("citation", [("UNTOC", "18", "13"), ("UNTOC", "2", None, "a"), ("SOM-Protocol", "6", "3"),
                                      ("UNCAC", "46", "30"), ("ILO-P029", "1"), (None, "7")])
def test_possible_or_unknowable_citations_pass(citation):
    assert treaties.problem(*citation) is None


def test_every_citation_in_the_answer_keys_exists():
    """The hand-made keys of the seeds and held-out batches name only provisions that exist."""
    keys = [*TESTS.glob("gold/*.json"), *TESTS.glob("heldout*/**/*.json")]
    checked = 0
    for path in keys:
        data = json.loads(path.read_text("utf-8"))
        for c in data.get("citations", []) if isinstance(data, dict) else []:
            checked += 1
            assert treaties.problem(c["instrument"], str(c["article"]), c.get("paragraph"), c.get("subparagraph")) is None, (path.name, c)
    assert checked > 50


@pytest.mark.parametrize("lang, text", [
    ("en", "The Firearms Protocol was discussed. The Trafficking in Persons Protocol was discussed. "
           "Article 21 of the Protocol was also mentioned."),
    ("zh", "会议讨论了《枪支议定书》。会议还讨论了《贩运人口议定书》。该议定书第21条也被提及。"),
])
def test_an_anaphor_prefers_the_instrument_that_has_the_provision(lang: str, text: str) -> None:
    """Issue 12: "the Protocol" after two Protocols means the one with an article 21 (the
    Trafficking in Persons Protocol has 20); a provision both hold keeps the nearest."""
    from unkg.extract.citations import citations_in
    from unkg.extract.gazetteer import find_names
    (found,) = citations_in(text, lang, find_names(text, lang), None)
    assert (found.instrument, found.article) == ("Firearms-Protocol", "21")
    both = text.replace("21", "5")
    (near,) = citations_in(both, lang, find_names(both, lang), None)
    assert near.instrument == "TIP-Protocol"
