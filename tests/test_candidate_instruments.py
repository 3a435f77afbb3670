"""Candidate instruments (issue 10 part 9): a title in quotation marks or 《》 that no registry
holds is kept as a CandidateInstrument with its words, never as an Instrument. The sentences are
from the corpus (Security Council resolutions 2020-2022, General Assembly resolutions of the 79th
session, a seed report)."""
from __future__ import annotations

import pytest

from unkg.extract.gazetteer import find_names
from unkg.extract.instruments import instrument_mentions
from unkg.graph.query import named_queries, run
from unkg.graph.rdf import iris
from unkg.graph.rdf.build import build


def candidates(text: str, lang: str) -> list[tuple[str, str]]:
    found = instrument_mentions(text, lang, tuple(find_names(text, lang)), None)
    for m in found:
        assert text[m.start:m.end] == m.text
    return [(m.key, m.label_zh or m.label_en) for m in found if m.kind == "CandidateInstrument"]


# S/RES/2634 (2022), GA 79/145, 79/151, the seed report CTOC/COP/WG.7/2022/3
KEPT = [
    ("zh", "欢迎中非经共体、西非经共体和几内亚湾委员会等区域组织为加强几内亚湾海上安全和安保而采取的举措，特别是"
           "《在西非和中部非洲防止和打击海盗、武装抢劫船舶和海上非法活动的行为守则》及其行动框架，",
     "在西非和中部非洲防止和打击海盗、武装抢劫船舶和海上非法活动的行为守则"),
    ("zh", "最后完成《儿童保护法》的修订，履行认可《安全学校宣言》时所作承诺，", ["儿童保护法", "安全学校宣言"]),
    ("zh", "73. 出版物《实施<打击偷运移民议定书>的国际行动框架》是用于协助会员国实施《打击偷运移民议定书》的一项技术援助工具。",
     "实施<打击偷运移民议定书>的国际行动框架"),
    ("en", "112. Acknowledges the follow-up by Parties to the Agreement on Port State Measures to Prevent, Deter "
           "and Eliminate Illegal, Unreported and Unregulated Fishing of the “Bali Strategy” to strengthen the "
           "implementation and effectiveness of that Agreement,", "Bali Strategy"),
    ("en", "Taking note of the 2024 Global Education Meeting, held on 31 October and 1 November 2024 in Fortaleza, "
           "Brazil, and its “Fortaleza Declaration”,", "Fortaleza Declaration"),
    ("en", "Reaffirming the adoption of the outcome document entitled “New Urban Agenda” at the United Nations "
           "Conference on Housing and Sustainable Urban Development", "New Urban Agenda"),
    ("en", "Calls upon the parties to implement fully the “Revitalised Agreement on the Resolution of the\nConflict "
           "in the Republic of South Sudan”,", "Revitalised Agreement on the Resolution of the Conflict in the "
                                               "Republic of South Sudan"),
]


@pytest.mark.parametrize("lang,text,title", KEPT)
def test_a_title_no_registry_holds_is_a_candidate_instrument(lang, text, title):
    assert [label for _, label in candidates(text, lang)] == (title if isinstance(title, list) else [title])


# A report, a resolution's title, a report with its symbol, a short title (an anaphor), a title the
# registry holds, and one that ends in a name it holds.
DROPPED = [
    ("zh", "欢迎联合国毒品和犯罪问题办公室编写的《2018年全球人口贩运问题报告》，"),
    ("zh", "确保在执行《协议》、复员方案进程和安全部门改革时考虑到保护儿童权利，"),
    ("zh", "吁请尚未批准或加入《联合国打击跨国有组织犯罪公约》的会员国考虑批准或加入，"),
    ("zh", "注意到秘书长题为《联合国大湖区和平战略》的报告，"),
    ("en", "Recalling its resolution 71/256 of 23 December 2016, entitled “New Urban Agenda”,"),
    ("en", "recalling in this regard resolution 2354 (2017) and the “Comprehensive International Framework to "
           "Counter Terrorist Narratives” (S/2017/375) with recommended guidelines"),
    ("en", "Noting the proposal contained in the report of the Secretary-General entitled “Our Common Agenda”"),
    ("en", "the Transitional Government (hereinafter “the Agreement”) and the parties"),
    ("en", "Recalling its resolution 70/1 and the outcome document “Transforming our world: the 2030 Agenda for "
           "Sustainable Development”,"),
    ("en", "guided by the “leaving no one behind” principle and the “Sustainable development” item"),
]


@pytest.mark.parametrize("lang,text", DROPPED)
def test_what_is_not_a_candidate_instrument(lang, text):
    assert candidates(text, lang) == []


def test_one_key_per_title_however_printed():
    """〈〉 or <> inside a Chinese title, a leading "the", a line break: one candidate, one IRI."""
    (a, _), = candidates("出版物《实施<打击偷运移民议定书>的国际行动框架》是", "zh")
    (b, _), = candidates("《实施〈打击偷运移民议定书〉的国际行动框架》（2011 年）", "zh")
    (c, _), = candidates("implement the “Peace\nAgreement” in full", "en")
    (d, _), = candidates("implement the “the Peace Agreement” in full", "en")
    assert a == b and c == d == "peace-agreement"
    entity = iris.Entity("candidate-instrument", a)
    assert iris.parse(str(entity)) == entity


def test_candidates_are_their_own_class_and_query(tmp_path):
    """In the graph a candidate is a unkg:CandidateInstrument labelled in the document's language,
    absent from the `mentions` rows the scorer counts, listed by `candidate-instruments`."""
    doc = tmp_path / "res.txt"
    doc.write_text("The General Assembly,\n\n1. Welcomes the “Bali Strategy” and the “Fortaleza Declaration”;\n\n"
                   "2. Encourages States to implement the “Bali Strategy”;\n", encoding="utf-8")
    out = tmp_path / "g.trig"
    assert build([str(doc)], out, quiet=True) == 0
    _, rows = run(str(out), named_queries()["mentions"])
    assert not [r for r in rows if "Bali" in str(r)]
    cols, rows = run(str(out), named_queries()["candidate-instruments"])
    got = {tuple(str(v) for v in r[:3]) + (str(r[-1]),) for r in rows}
    assert got == {("bali-strategy", "Bali Strategy", "en", "2"), ("fortaleza-declaration", "Fortaleza Declaration", "en", "1")}
