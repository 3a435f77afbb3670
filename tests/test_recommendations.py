"""Recommendations: each lead-in and each thing that is not a recommendation, in English and
Chinese fixtures of our own; the seeds against the answer keys (labels, starts, strengths)."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from unkg.extract.ingest import read_source
from unkg.extract.layout import layout
from unkg.extract.metadata import with_metadata
from unkg.extract.models import Recommendation
from unkg.extract.recommendations import STRENGTHS, directive, find_recommendations

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
GOLD = Path(__file__).resolve().parent / "gold"


def recommendations(path: Path) -> list[Recommendation]:
    return find_recommendations(with_metadata(layout(read_source(path))), [])


def squeeze(s: str) -> str:
    """White space removed, as the scorer compares texts."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def table(recs: list[Recommendation]) -> list[tuple[str, str, str | None, bool, str]]:
    return [(r.label, r.strength, r.addressee, r.restated, r.text[:12]) for r in recs]


# -- fixtures: every lead-in, every non-recommendation ----------------------------------------

EXPECTED_EN = [
    # lead-in "…consider adopting the following recommendations. States parties should:" governs
    ("1(a)", "should", "States parties", False, "Promote effe"),
    ("1(b)", "should", "States parties", False, "Encourage re"),  # "Encourage…" under "should:"
    ("1(c)", "should", "States parties", False, "Consider dep"),
    # "The Working Group adopted the following recommendations:" — each item's own wording
    ("2(a)", "should", "States", False, "States shoul"),
    ("2(b)", "encourage", "States", False, "States are e"),
    ("2(c)", "may-consider", "States", False, "States may w"),
    # "Recommendation 1" labels
    ("1", "encourage", "States parties", False, "States parti"),
    ("2", "may-consider", "States", False, "States may w"),
    ("3", "should", "States", False, "States shoul"),
    # bullets under "Member States may wish to consider the following:"
    ("6-1", "may-consider", "Member States", False, "Further rese"),
    ("6-2", "may-consider", "Member States", False, "Reviewing al"),
    # restated: "In its previous recommendations, the Working Group highlighted the following:"
    ("7(a)", "should", None, True, "Information-"),
    ("7(b)", "should", "States", True, "Recognizing "),
    ("7(c)", "should", None, True, "The holding "),  # "…is of key importance…"
    # operative paragraphs of a resolution inside the report; "7. Takes note" is not one
    ("10/4:1", "request", "Secretariat", False, "Requests the"),
    ("10/4:2", "encourage", "States parties", False, "Encourages S"),
    ("10/4:3", "urge", "Member States", False, "Urges Member"),
    ("10/4:4", "invite", "UNODC", False, "Invites the "),
    ("10/4:5", "call-upon", "States", False, "Calls upon S"),
    ("10/4:6", "decide", "Working Group", False, "Decides that"),
    ("10/4:8", "request", "Secretariat", False, "Also request"),
]

EXPECTED_ZH = [
    ("1(a)", "should", "States parties", False, "促进原籍国、过境国和目的"),
    ("1(b)", "should", "States parties", False, "鼓励各司法机关之间通过现"),  # 缔约国应： governs 鼓励…
    ("1(c)", "should", "States parties", False, "考虑在同一移民线路沿线各"),  # …and 考虑…
    ("1(d)", "should", "States parties", False, "向缔约方会议提供国际合作"),
    ("2(a)", "should", "States", False, "各国应确保在对偷运者的调"),
    ("2(b)", "encourage", "States", False, "鼓励各国通过双边或多边协"),
    ("2(c)", "may-consider", "States", False, "各国不妨考虑恐怖主义和参"),
    # "3. …通过了下述建议。" opens the zone; "4. 各国…应…" is a recommendation worded as one
    ("4", "should", "States", False, "各国在打击偷运移民时，应"),
    ("1", "encourage", "States parties", False, "鼓励缔约国加强实施《联合"),
    ("2", "may-consider", "States", False, "各国不妨考虑恐怖主义和有"),
    ("3", "should", "States", False, "各国应确保已制订措施，为"),
    ("8-1", "may-consider", "Member States", False, "进一步研究能够缓解为寻找"),
    ("8-2", "may-consider", "Member States", False, "审查一切形式的国际合作，"),
    ("9(a)", "should", None, True, "应当以与各自的国内制度一"),
    ("9(b)", "should", None, True, "认识到非正式合作很有助益"),
    ("9(c)", "should", None, True, "召开有关专家和政府官员论"),  # 具有关键意义
    ("10/4:1", "request", "Secretariat", False, "请秘书处继续向缔约国提供"),
    ("10/4:2", "encourage", "States parties", False, "鼓励缔约国分享偷运移民案"),
    ("10/4:3", "urge", "Member States", False, "促请会员国将偷运移民定为"),
    ("10/4:4", "invite", "UNODC", False, "邀请联合国毒品和犯罪问题"),
    ("10/4:5", "call-upon", "States", False, "吁请各国保护被偷运移民的"),
    ("10/4:6", "decide", "Working Group", False, "决定工作组应在 2100"),
    ("10/4:8", "request", "Secretariat", False, "又请秘书处向缔约方会议第"),
]


@pytest.mark.parametrize(("name", "expected"), [("recs_en.txt", EXPECTED_EN), ("recs_zh.txt", EXPECTED_ZH)])
def test_fixture_recommendations(name, expected):
    assert table(recommendations(FIXTURES / name)) == expected


@pytest.mark.parametrize("name", ["recs_en.txt", "recs_zh.txt"])
def test_fixture_non_recommendations(name):
    """Questions, examples, speakers' views, agenda items, documents, headings: none of them."""
    recs = recommendations(FIXTURES / name)
    texts = " ".join(r.text for r in recs)
    for words in ("national legislation", "key factors", "Increasing the number", "central authorities",
                  "root causes of the smuggling", "Opening of the meeting", "Annotated provisional agenda",
                  "Takes note", "General recommendations",
                  "国家立法是否", "有哪些决定性因素", "增加加入或批准", "中央国家机关", "处理偷运移民的根源问题",
                  "会议开幕", "临时议程说明", "注意到工作组的报告", "一般性建议"):
        assert words not in texts
    assert not any(r.text.rstrip().endswith(("?", "？")) for r in recs)
    assert all(r.section not in ("General recommendations", "一般性建议") for r in recs)


@pytest.mark.parametrize("name", ["recs_en.txt", "recs_zh.txt"])
def test_fixture_records_hold_their_words(name):
    doc = with_metadata(layout(read_source(FIXTURES / name)))
    for r in find_recommendations(doc, []):
        assert doc.text[r.start:r.end] == r.text
        assert doc.blocks[r.block].text == r.text
        assert r.strength in STRENGTHS
        assert r.section


def test_section_is_the_heading_text():
    recs = {r.label: r for r in recommendations(FIXTURES / "recs_zh.txt")}
    assert recs["1(a)"].section == "关于国际合作的建议"
    assert recs["1"].section == "关于特定议题的建议"


@pytest.mark.parametrize(("text", "lang", "strength", "addressee"), [
    ("鼓励缔约国加强实施《公约》。", "zh", "encourage", "States parties"),
    ("各国不妨考虑恐怖主义和有组织犯罪集团之间的联系。", "zh", "may-consider", "States"),
    ("各国在打击偷运移民时，应寻求培训从业人员。", "zh", "should", "States"),
    ("请秘书处继续提供技术援助。", "zh", "request", "Secretariat"),
    ("又请毒品和犯罪问题办公室提交报告。", "zh", "request", "UNODC"),
    ("促请会员国将偷运移民定为刑事犯罪。", "zh", "urge", "Member States"),
    ("工作组建议缔约方会议审议是否采纳以下建议。", "zh", "recommend", "Conference of the Parties"),
    ("有必要扩展非正式合作。", "zh", "should", None),
    ("召开专家论坛对交流最佳做法具有关键意义。", "zh", "should", None),
    ("各国应对偷运移民问题。", "zh", None, None),  # 应对 is "respond to", not 应
    ("相应的措施已经到位。", "zh", None, None),
    ("States parties should promote cooperation.", "en", "should", "States parties"),
    ("States are encouraged to share information.", "en", "encourage", "States"),
    ("Member States may wish to consider the following:", "en", "may-consider", "Member States"),
    ("Requests the Secretariat to report.", "en", "request", "Secretariat"),
    ("Calls upon all States to cooperate.", "en", "call-upon", "States"),
    ("The Working Group recommended that States parties ratify the Protocol.", "en", "recommend", "States parties"),
    ("Requests for mutual legal assistance were received.", "en", None, None),
])
def test_directive_wording(text, lang, strength, addressee):
    d = directive(text, lang)
    assert (d.strength if d else None, d.addressee if d else None) == (strength, addressee)


# -- the seeds against the answer keys ---------------------------------------------------------

def _gold(seed: Path) -> list[dict]:
    return json.loads((GOLD / f"{seed.stem}.json").read_text())["recommendations"]


def _match(gold: list[dict], recs: list[Recommendation]) -> list[tuple[dict, Recommendation | None]]:
    """The scorer's rule: a row matches when its text holds the entry's start in its first 60 characters."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        i = next((i for i, r in enumerate(recs) if i not in used and squeeze(g["starts"]) in squeeze(r.text)[:60]),
                 None)
        if i is not None:
            used.add(i)
        pairs.append((g, recs[i] if i is not None else None))
    return pairs


needs_gold = pytest.mark.skipif(not GOLD.is_dir(), reason="answer keys not present")


@needs_gold
@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem[:3])
def test_seed_matches_gold(seed):
    recs = recommendations(seed)
    pairs = _match(_gold(seed), recs)
    assert [(g["label"], g["strength"]) for g, _ in pairs] == \
        [(r.label, r.strength) if r else None for _, r in pairs]
    assert len(recs) == len(pairs)  # no extras


@needs_gold
def test_seed_scores():
    """Recommendations F1 and strength accuracy over all seeds, computed as the scorer does."""
    gold_n = hit = rows = strength_ok = 0
    for seed in sorted(SEEDS.glob("*.txt")):
        recs = recommendations(seed)
        pairs = _match(_gold(seed), recs)
        gold_n += len(pairs)
        rows += len(recs)
        hit += sum(r is not None for _, r in pairs)
        strength_ok += sum(r is not None and r.strength == g["strength"] for g, r in pairs)
    precision, recall = hit / rows, hit / gold_n
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.97
    assert strength_ok / hit >= 0.95


def test_restated_only_in_the_background_paper():
    by_seed = {p.stem[:3]: recommendations(p) for p in sorted(SEEDS.glob("*.txt"))}
    assert all(r.restated for r in by_seed["002"])
    assert not any(r.restated for k in ("001", "003", "004") for r in by_seed[k])


def test_seed_addressees():
    by_seed = {p.stem[:3]: {r.label: r for r in recommendations(p)} for p in sorted(SEEDS.glob("*.txt"))}
    assert by_seed["001"]["1(c)"].addressee == "States parties"  # the lead-in's subject, not 各司法机关
    assert by_seed["003"]["1"].addressee == "States parties"
    assert by_seed["003"]["2"].addressee == "States"
    assert by_seed["004"]["5-1"].addressee == "Member States"


def test_recommendation_topics_come_with_reasons():
    recs = {r.label: r for r in recommendations(SEEDS / "001_cdb74ec8a63a6727.txt")}
    topics = dict(recs["1(a)"].topics)
    assert topics["mutual-legal-assistance"] == "matched '司法协助' (mutual legal assistance)"
    assert topics["international-cooperation"] == "matched '国际合作' (international cooperation)"
    en = {r.label: r for r in recommendations(FIXTURES / "recs_en.txt")}
    assert dict(en["1"].topics)["corruption"] == "matched 'corruption' (corruption)"


@pytest.mark.parametrize(("lead", "items", "expected"), [
    # a reporting verb does not override the items' own modals
    ("The Working Group recommended that:", ["States parties should ratify the Protocol;", "Share information."],
     [("should", "States parties"), ("recommend", None)]),
    # …but a directive verb whose object the items complete governs them
    ("Encourages States parties to:", ["Share information;", "Consider joint investigations."],
     [("encourage", "States parties"), ("encourage", "States parties")]),
    # a decision: the body decides; who must act comes from the item
    ("The Conference of the Parties to the United Nations Convention against Transnational Organized Crime "
     "decides:", ["That the Working Group shall meet annually;"], [("decide", "Working Group")]),
    ("缔约方会议决定：", ["工作组应每年举行会议；"], [("decide", "Working Group")]),
    ("工作组建议：", ["各国应加强合作；", "加强培训。"], [("should", "States"), ("recommend", None)]),
])
def test_lead_in_rules(lead, items, expected):
    from unkg.extract.recommendations import lead_in

    lang = "en" if lead.isascii() else "zh"
    li = lead_in(lead, lang, zone=False)
    assert li is not None
    got = []
    for item in items:
        own = directive(item, lang)
        d = li.governs or own or li.fallback
        who = next((x.addressee for x in (li.governs, own, li.fallback) if x and x.addressee), None)
        got.append((d.strength if d else "recommend", who))
    assert got == expected


def test_questions_in_a_recommendations_section_are_not_recommendations(tmp_path):
    text = ("I. Recommendations\n1. The Working Group may wish to discuss the following:\n"
            "(a) How can cooperation be improved?\n2. States parties should ratify the Protocol.\n"
            "3. What more can the Working Group do?\n")
    path = tmp_path / "questions.txt"
    path.write_text(text, encoding="utf-8")
    assert table(recommendations(path)) == [("2", "should", "States parties", False, "States parti")]


def test_an_organisation_named_where_the_addressee_stands():
    from unkg.extract.models import Hit

    text = "邀请国际移民组织提供协助。"
    hit = Hit(start=102, end=108, text="国际移民组织", key="IOM", kind="Organization")
    assert directive(text, "zh", [hit], base=100).addressee == "IOM"
    assert directive(text, "zh").addressee is None


def test_nested_items_hang_under_their_lettered_item(tmp_path):
    path = tmp_path / "nested.txt"
    path.write_text("I. Recommendations\n1. States parties should:\n(a) Promote cooperation;\n"
                    "(b) Take measures to:\n(i) Protect witnesses;\n(ii) Share information;\n"
                    "(h) Provide training;\n(i) Review procedures.\n", encoding="utf-8")
    assert [r.label for r in recommendations(path)] == ["1(a)", "1(b)(i)", "1(b)(ii)", "1(h)", "1(i)"]


OPERATIVE_EN = """The General Assembly,
Recalling its resolution 55/25,
1. Decides to remain seized of the matter;
2. Requests the Secretary-General to report;
3. Urges States parties to apply article 16 of the Convention, as several speakers stressed;
4. Strongly urges Member States to ratify the Convention;
5. Calls upon Member States to cooperate;
6. Calls on States to share information;
7. Invites Member States to contribute;
8. Encourages States parties to use the Convention;
9. Recommends that Member States criminalize trafficking, as required under article 5 of the Protocol;
10. Further invites donors to contribute;
11. Welcomes the work of the Office;
12. Reaffirms the importance of the Convention;
13. Notes with appreciation the work of the Office;
14. Takes note of the report of the Secretary-General;
15. Stresses the need for States to cooperate;
16. Expresses its appreciation to the Government of Italy;
"""
OPERATIVE_ZH = """大会，
回顾其第55/25号决议，
1. 决定继续处理此案；
2. 请秘书长提交报告；
3. 敦促缔约国根据《公约》第16条开展合作；
4. 强烈促请会员国批准《公约》；
5. 吁请会员国开展合作；
6. 呼吁各国分享信息；
7. 邀请会员国提供捐款；
8. 鼓励缔约国使用《公约》；
9. 建议会员国按照《议定书》第5条的规定将贩运人口定为刑事犯罪；
10. 又邀请捐助方提供捐款；
11. 欢迎毒品和犯罪问题办公室的工作；
12. 重申《公约》的重要性；
13. 赞赏地注意到毒品和犯罪问题办公室的工作；
14. 注意到秘书长的报告；
15. 强调各国需要开展合作；
16. 表示感谢意大利政府；
"""
OPERATIVE_EXPECTED = [("1", "decide"), ("2", "request"), ("3", "urge"), ("4", "urge"), ("5", "call-upon"),
                      ("6", "call-upon"), ("7", "invite"), ("8", "encourage"), ("9", "recommend"), ("10", "invite")]


@pytest.mark.parametrize("text", [OPERATIVE_EN, OPERATIVE_ZH], ids=["en", "zh"])
def test_operative_paragraphs_by_their_verb(tmp_path, text):
    """In a resolution, an operative paragraph is a recommendation when it opens with a directive
    verb (Decides, Requests, Urges, Calls upon/on, Invites, Encourages, Recommends; 决定, 请, 敦促/促请,
    吁请/呼吁, 邀请, 鼓励, 建议), whatever article or speakers it mentions later; one that opens with
    Welcomes, Reaffirms, Notes, Takes note, Stresses, Expresses (欢迎, 重申, 注意到, 强调, 表示) is not."""
    path = tmp_path / "operative.txt"
    path.write_text(text, encoding="utf-8")
    assert [(r.label, r.strength) for r in recommendations(path)] == OPERATIVE_EXPECTED


@pytest.mark.parametrize(("text", "expected"), [
    # a decision whose one operative paragraph is glued to its preamble by the layout
    ("I. Decisions\nDecision 11/1\nVenue\nThe Conference of the Parties to the United Nations Convention against "
     "Transnational Organized Crime, Recalling rule 3 of the rules of procedure, and noting rule 2, paragraph 2, "
     "of the rules of procedure, Decides to hold its twelfth session in Vienna.\n",
     [("11/1:1", "decide", "Decides to hold its twelfth session in Vienna.")]),
    ("一. 决定\n第11/1号决定\n地点\n联合国打击跨国有组织犯罪公约缔约方会议，\n回顾议事规则第3条，并注意到议事规则第2条第2款，"
     "决定在维也纳举行其第十二届会议。\n", [("11/1:1", "decide", "决定在维也纳举行其第十二届会议。")]),
    # a body passing on a draft: the draft's paragraphs are the recommendations, not the transmittal
    ("2019/22. Title\nThe Economic and Social Council\nRecommends to the General Assembly the adoption of the "
     "following draft resolution:\n\"The General Assembly,\nRecalling its resolution 55/25,\n1. Urges Member "
     "States to ratify the Convention;\n",
     [("2019/22:1", "urge", "Urges Member States to ratify the Convention;")]),
    # preamble clauses, however they are laid out, are none
    ("I. Resolutions\nResolution 11/2\nThe Conference of the Parties, Recalling its resolution 5/3, Encouraged by "
     "the progress made, Requesting nothing,\n1. Requests the Secretariat to report.\n",
     [("11/2:1", "request", "Requests the Secretariat to report.")]),
])
def test_operative_words_glued_to_the_preamble(tmp_path, text, expected):
    path = tmp_path / "glued.txt"
    path.write_text(text, encoding="utf-8")
    doc = with_metadata(layout(read_source(path)))
    recs = find_recommendations(doc, [])
    assert [(r.label, r.strength, r.text) for r in recs] == expected
    assert all(doc.text[r.start:r.end] == r.text for r in recs)


@pytest.mark.parametrize("text, expected", [
    ("I. Recommendations\n3. The Working Group adopted the following recommendations:\n"
     "Ratification\n(a) States should ratify the Protocol;\n(b) States parties are encouraged to keep records;\n"
     "Technical assistance\n(c) The Secretariat is requested to prepare a compilation;\n"
     "II. Summary of deliberations\n4. Speakers described their laws.\nAgenda\n(a) Opening of the meeting;\n",
     [("3(a)", "should"), ("3(b)", "encourage"), ("3(c)", "request")]),
    ("二. 建议\n3. 工作组通过了以下建议：\nA. 关于援助被害人\n(a) 缔约国应当确保援助；\n(b) 缔约国不妨考虑设立机制；\n"
     "B. 关于劳动剥削\n(c) 请秘书处继续收集案例。\n三. 审议情况概要\n4. 发言者介绍了本国措施。\nA. 议程\n(a) 会议开幕；\n",
     [("3(a)", "should"), ("3(b)", "may-consider"), ("3(c)", "request")]),
], ids=["en", "zh"])
def test_a_list_of_recommendations_grouped_under_sub_headings(tmp_path, text, expected):
    """A lead-in that announces recommendations ("adopted the following recommendations:") keeps its
    list open across the thematic sub-headings that group its items, until the section ends or a
    numbered paragraph follows; each item's own wording gives its strength."""
    path = tmp_path / "grouped.txt"
    path.write_text(text, encoding="utf-8")
    assert [(r.label, r.strength) for r in recommendations(path)] == expected


@pytest.mark.parametrize("text, expected", [
    ("四. 供审议的要点\n8. 各国不妨考虑：\n• 指定中央当局；\n• 利用国家主管机关名录。\n9. 工作组不妨请秘书处继续更新指南。\n"
     "10. 本文件说明了各国的做法。\n五. 结论\n11. 缔约国应确保援助。\n",
     [("8-1", "may-consider"), ("8-2", "may-consider"), ("9", "may-consider")]),
    ("IV. Points for consideration\n8. States may wish to consider:\n• Designating central authorities;\n"
     "• Using the directory.\n9. The Working Group may wish to request the Secretariat to update the guide.\n"
     "10. The present paper describes practices.\nV. Conclusions\n11. States parties should ensure assistance.\n",
     [("8-1", "may-consider"), ("8-2", "may-consider"), ("9", "may-consider")]),
    ("III. Challenges\n6. The challenges reported include:\n• Slow replies;\n• Missing focal points.\n"
     "7. States should designate focal points.\n", []),  # examples, then no proposal section: none
], ids=["zh", "en", "examples"])
def test_a_section_that_proposes_a_list_goes_on_proposing(tmp_path, text, expected):
    """After a list of recommendations, a directive paragraph in the same section is one too
    ("工作组不妨请秘书处…"); a paragraph that directs nothing, or one in the next section, is not."""
    path = tmp_path / "proposes.txt"
    path.write_text(text, encoding="utf-8")
    assert [(r.label, r.strength) for r in recommendations(path)] == expected


def test_an_annex_numbered_again_qualifies_its_labels(tmp_path):
    """A resolution's annex numbers its paragraphs from 1 again: a label it repeats says "annex"."""
    path = tmp_path / "annex.txt"
    path.write_text("United Nations\tA/RES/64/293\nGeneral Assembly\n\nResolution adopted by the General Assembly "
                    "on 30 July 2010\n\n64/293. Global Plan of Action\n\nThe General Assembly,\n\n"
                    "Recalling its resolution 55/25,\n\n1. Urges Member States to ratify the Protocol;\n\n"
                    "2. Requests the Secretary-General to report.\n\n112th plenary meeting\n30 July 2010\n\n"
                    "Annex\n\nGlobal Plan of Action\n\nWe, the Member States of the United Nations,\n\n"
                    "1. Reaffirm our commitment;\n\n2. Urge all Governments to act;\n", encoding="utf-8")
    assert [(r.label, r.strength, r.text[:10]) for r in recommendations(path)] == \
        [("1", "urge", "Urges Memb"), ("2", "request", "Requests t"), ("annex:2", "urge", "Urge all G")]
