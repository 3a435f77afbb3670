"""IRIs: minted from language-independent keys only, and parsed back."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unkg.graph.rdf import iris


@pytest.mark.parametrize("args", [("XVIII-12-b", "6", None, None), ("XVIII-12-b", "6", "3", None),
                                  ("XVIII-12-a", "9", "4", "b"), ("XVIII-12", "18", "13", None)])
def test_provision_round_trip(args):
    untc, art, para, sub = args
    parsed = iris.parse(iris.provision(untc, art, para, sub))
    assert (parsed.text.key, parsed.article, parsed.paragraph, parsed.subparagraph) == args


def test_documents_by_symbol_akoma_ntoso_style():
    assert iris.doc("CTOC/COP/WG.7/2022/3") == "https://w3id.org/unkg/id/doc/CTOC-COP-WG.7-2022-3"
    assert iris.doc_graph("CTOC/COP/WG.7/2022/3", "zh") != iris.doc_graph("CTOC/COP/WG.7/2022/3", "en")
    assert iris.paragraph("A/76/642", "28", "b") == "https://w3id.org/unkg/id/doc/A-76-642/para_28/item_b"


def test_entities_and_resolutions():
    assert iris.state("ita") == "https://w3id.org/unkg/id/state/ITA"
    assert iris.parse(iris.entity("Organization", "UNODC")) == iris.Entity("org", "UNODC")
    assert (iris.parse(iris.entity("Organization", "UNODC")).folder,
            iris.parse(iris.entity("Organization", "UNODC")).key) == ("org", "UNODC")
    assert iris.resolution("COP", "resolution", "5/3").endswith("/resolution/COP/5-3")
    assert iris.resolution("COP", "decision", "4/4").endswith("/decision/COP/4-4")
    assert iris.slug("Alejandro Martínez Peralta") == "alejandro-martinez-peralta"


def test_meetings_without_a_body_are_per_document():
    assert iris.meeting(None, 4, None, "a") != iris.meeting(None, 4, None, "b")
    assert iris.meeting("WG-SOM", 4, "2017-09-11", "a") == iris.meeting("WG-SOM", 4, None, "b")


def test_the_printed_forms_of_every_kind():
    d = iris.Doc("A/76/642")
    para = iris.Paragraph(d, "1", "a", nth=2)
    ann = iris.Annotation(d, "zh", 3, 9)
    meeting = iris.meeting_of("WG-SOM", 9, None, "x")
    expected = {
        iris.DocGraph("A/76/642", "en"): "https://w3id.org/unkg/graph/A-76-642/en",
        iris.NamedGraph("meta"): "https://w3id.org/unkg/graph/meta",
        para: "https://w3id.org/unkg/id/doc/A-76-642/para_1/item_a~2",
        iris.Footnote(d, "4"): "https://w3id.org/unkg/id/doc/A-76-642/fn_4",
        iris.Section(d, ("2", "A", "1")): "https://w3id.org/unkg/id/doc/A-76-642/sec_2.A.1",
        iris.Block(d, "zh", 7): "https://w3id.org/unkg/id/doc/A-76-642/zh/block_7",
        iris.Recommendation(d, "12"): "https://w3id.org/unkg/id/doc/A-76-642/rec_12",
        ann: "https://w3id.org/unkg/id/doc/A-76-642/zh/ann_3_9",
        iris.Selector(ann, "quote"): "https://w3id.org/unkg/id/doc/A-76-642/zh/ann_3_9#quote",
        iris.Entity("person", "jane-doe"): "https://w3id.org/unkg/id/person/jane-doe",
        iris.Entity("candidate-instrument", "bali-strategy"): "https://w3id.org/unkg/id/candidate-instrument/bali-strategy",
        iris.Entity("candidate-instrument", "雅温得行为守则"):
            "https://w3id.org/unkg/id/candidate-instrument/%E9%9B%85%E6%B8%A9%E5%BE%97%E8%A1%8C%E4%B8%BA%E5%AE%88%E5%88%99",
        iris.Provision(iris.Entity("instrument", "COP-Rules"), "2", "2", unit="rule"):
            "https://w3id.org/unkg/id/instrument/COP-Rules/rule_2__para_2",
        iris.Resolution("SC", "2240 (2015)"): "https://w3id.org/unkg/id/resolution/SC/2240_(2015)",
        meeting: "https://w3id.org/unkg/id/meeting/WG-SOM/9",
        iris.meeting_of(None, 9, None, "A/1"): "https://w3id.org/unkg/id/meeting/doc-A-1",
        iris.Run("0123abcd"): "https://w3id.org/unkg/id/run/0123abcd",
        iris.Topic("trafficking-in-persons"): "https://w3id.org/unkg/id/topic/trafficking-in-persons",
        iris.Citation(para, "article_6_3__XVIII-12", 2):
            "https://w3id.org/unkg/id/doc/A-76-642/para_1/item_a~2/cit_article_6_3__xviii-12_2",
        iris.TopicTag(iris.Recommendation(d, "3"), "smuggling"):
            "https://w3id.org/unkg/id/doc/A-76-642/rec_3/topic_smuggling",
        iris.Participation(meeting, "ITA", "vice-chair"):
            "https://w3id.org/unkg/id/meeting/WG-SOM/9/participation/ita_vice-chair",
        iris.NamedGraph("treaties"): "https://w3id.org/unkg/graph/treaties",
        iris.NamedGraph("registry"): "https://w3id.org/unkg/graph/registry",
        iris.Expression(iris.Provision(iris.Entity("treaty", "XVIII-12"), "18", "3")):
            "https://w3id.org/unkg/id/treaty/XVIII-12/art_18__para_3/text",
        iris.Expression(iris.Entity("treaty", "XVIII-12")): "https://w3id.org/unkg/id/treaty/XVIII-12/text",
        iris.Vote(iris.Doc("S/RES/2598 (2021)"), "CHN"): "https://w3id.org/unkg/id/doc/S-RES-2598_(2021)/vote_chn",
    }
    for value, text in expected.items():
        assert str(value) == text
        assert iris.parse(text) == value


def test_not_a_unkg_iri():
    with pytest.raises(ValueError):
        iris.parse("http://example.org/doc/x")


# -- round trips: iris.parse(str(x)) == x for every kind, over generated keys --------------------

KEY = st.text(st.sampled_from("ABCWGabc0123-./ ()éé委员会%#?"), min_size=1, max_size=12).filter(
    lambda s: iris._norm(s) and "~" not in s)
WORD = st.text(st.sampled_from("abcxyzIVX0123-()é"), min_size=1, max_size=6)  # no "_": field separator
NUMBER = st.text(st.sampled_from("0123456789abc"), min_size=1, max_size=4)
LANG = st.sampled_from(["zh", "en"])
NTH = st.integers(1, 5)
DOC = st.builds(iris.Doc, KEY)
PART = st.one_of(
    st.builds(iris.Paragraph, DOC, NUMBER, st.none() | NUMBER, NTH),
    st.builds(iris.Footnote, DOC, NUMBER, NTH),
    st.builds(iris.Section, DOC, st.lists(NUMBER, min_size=1, max_size=3).map(tuple), NTH),
    st.builds(iris.Block, DOC, LANG, st.integers(0, 10_000), NTH),
    st.builds(iris.Recommendation, DOC, WORD))
NODE = DOC | PART
ENTITY = st.builds(iris.Entity, st.sampled_from(sorted(iris.FOLDER.values())), KEY)
TEXT = st.builds(iris.Entity, st.sampled_from(["treaty", "instrument", "initiative"]), KEY)
ANNOTATION = st.builds(iris.Annotation, DOC, LANG, st.integers(0, 10**6), st.integers(0, 10**6))
MEETING = st.builds(iris.Meeting, st.none() | KEY, KEY)
ROLE = st.sampled_from(["speaker", "chair", "vice-chair", "rapporteur", "panelist", "party",
                        "signatory-observer", "observer"])
EVERY_KIND = st.one_of(
    st.builds(iris.DocGraph, KEY, LANG), st.builds(iris.NamedGraph, st.sampled_from(["meta", "topics", "union"])),
    NODE, ANNOTATION, st.builds(iris.Selector, ANNOTATION, st.sampled_from(["target", "quote", "position"])),
    ENTITY,
    st.builds(iris.Provision, TEXT, WORD, st.none() | WORD, st.none() | WORD,
              st.sampled_from(sorted(set(iris.UNIT.values())))),
    st.builds(iris.Resolution, KEY, KEY, st.sampled_from(["resolution", "decision"])),
    MEETING, st.builds(iris.Run, st.text("0123456789abcdef", min_size=16, max_size=16)),
    st.builds(iris.Topic, KEY),
    st.builds(iris.Citation, NODE, st.text(st.sampled_from("article_63Xb-"), min_size=1), st.integers(1, 9)),
    st.builds(iris.TopicTag, NODE, st.text(st.sampled_from("abc-_"), min_size=1)),
    st.builds(iris.Participation, MEETING | DOC, KEY, ROLE),
    st.builds(iris.NamedGraph, st.just("treaties")),
    st.builds(iris.Expression, TEXT | st.builds(iris.Provision, TEXT, WORD, st.none() | WORD)),
    st.builds(iris.Vote, DOC, KEY))


@given(EVERY_KIND)
def test_round_trip_every_kind(value):
    assert iris.parse(str(value)) == value


@given(KEY)
def test_a_value_holds_its_key_as_the_iri_does(key):
    assert iris.Doc(key) == iris.Doc(iris.Doc(key).key)
    assert str(iris.Doc(key)) == iris.doc(key)
