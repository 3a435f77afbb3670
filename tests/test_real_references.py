"""References on real UN text: each rule of issue 10 parts 6 and 7 with an excerpt of a real
resolution (the Security Council's of ../shared/corpus/sc-akn, laid out as a PDF prints them)."""
from __future__ import annotations

from pathlib import Path

import pytest

from unkg.extract.pipeline import extract_file


def build(tmp_path: Path, text: str, name: str = "doc.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_file(path)


def keys(ex) -> set[str]:
    return {r.key for r in ex.resolutions} | {s.symbol for s in ex.symbols}


ZH_HEAD = "联合国 S/RES/2504 (2020)\n\n安全理事会 Distr.: General\n\n10 January 2020\n\n第2504(2020)号决议\n\n安全理事会，\n\n"


# --- a Chinese line breaks inside a number or a symbol ----------------------------------------------

def test_zh_number_broken_over_a_line_is_one_number(tmp_path):
    # S/RES/2504 (2020): the line ends inside "2139(2014)" and inside "S/PRST/2011/16"
    ex = build(tmp_path, ZH_HEAD + "回顾第2042(2012)、2118(2013)、2139(201\n4)和2449(2018)号决议，以及2011年8月3日(S/PR\n"
               "ST/2011/16)安理会主席声明，\n\n1. 决定继续积极处理此案。\n")
    assert {"SC resolution 2139 (2014)", "SC resolution 2449 (2018)", "S/PRST/2011/16"} <= keys(ex)
    assert "ST/2011/16" not in keys(ex)
    ref = next(r for r in ex.resolutions if r.number == "2139 (2014)")
    assert ex.doc.text[ref.start:ref.end].startswith("第2042(2012)")  # offsets stay those of the text


def test_zh_block_opened_inside_a_number_is_joined(tmp_path):
    # S/RES/2549 (2020): the line "2019)号决议，" read as a new block; S/RES/2553: "(S/PRST/20" / "11/19)"
    ex = build(tmp_path, ZH_HEAD + "回顾包括2018年11月6日第2443(2018)号和2019年11月5日第2496(\n2019)号决议，以及2011年10月12日(S/PRST/20\n"
               "11/19)安理会主席声明，\n\n1. 决定继续积极处理此案。\n")
    assert {"SC resolution 2443 (2018)", "SC resolution 2496 (2019)", "S/PRST/2011/19"} <= keys(ex)


def test_en_line_join_keeps_its_space(tmp_path):
    # English breaks at a space: "resolution" / "2042 (2012)" is still two words
    ex = build(tmp_path, "The Security Council,\n\nRecalling its resolutions 2042 (2012) and\n2043 (2012), and its presidential statement S/PRST/2011/\n16,\n\n"
               "1. Decides to remain seized of the matter.\n", "en.txt")
    assert {"SC resolution 2042 (2012)", "SC resolution 2043 (2012)", "S/PRST/2011/16"} <= keys(ex)


# --- lists of resolutions -------------------------------------------------------------------------

from unkg.extract.resolutions import resolutions_in  # noqa: E402


def ref_keys(text: str, lang: str = "en") -> list[str]:
    return [r.key for r in resolutions_in(text, lang)]


def test_numbers_singled_out_without_the_word_resolution():
    # S/RES/2508 (2020), S/RES/2535 (2020), S/RES/2621 (2022)
    assert ref_keys("Recalling its previous resolutions concerning Sudan, in particular 1591 (2005), 1651 (2005) and 2091 (2013),") == [
        "SC resolution 1591 (2005)", "SC resolution 1651 (2005)", "SC resolution 2091 (2013)"]
    assert ref_keys("Recalling also its resolutions on Countering Terrorism including 2178 (2014), 2195 (2014) and 2482 (2019),") == [
        "SC resolution 2178 (2014)", "SC resolution 2195 (2014)", "SC resolution 2482 (2019)"]
    # a small number after "including" is no resolution of its own
    assert ref_keys("Recalling its resolutions on the matter, including 5 of its paragraphs,") == []


def test_list_with_a_comma_left_out_between_two_security_council_numbers():
    # S/RES/2596 (2021): "resolutions 1267 (1999) 1989 (2011) and 2253 (2015)"
    assert ref_keys("pursuant to resolutions 1267 (1999) 1989 (2011) and 2253 (2015), and") == [
        "SC resolution 1267 (1999)", "SC resolution 1989 (2011)", "SC resolution 2253 (2015)"]


def test_two_bodies_named_for_one_list_each_number_by_its_shape():
    # S/RES/2558 (2020)
    assert ref_keys("Reaffirming General Assembly and Security Council resolutions 70/262 and 2282 (2016) of 27 April 2016,") == [
        "GA resolution 70/262", "SC resolution 2282 (2016)"]


def test_zh_resolution_symbol_right_after_di():
    # S/RES/2553 (2020): 题为“…”的第A/RES/70/1号决议
    assert ref_keys("回顾大会在题为“变革我们的世界：2030年可持续发展议程”的第A/RES/70/1号决议中通过了", "zh") == ["GA resolution 70/1"]


# --- recommendations: labels and strengths of operative paragraphs ---------------------------------

def recs(ex) -> list[tuple[str, str]]:
    return [(r.label, r.strength) for r in ex.recommendations]


EN_HEAD = ("United Nations S/RES/2524 (2020)\n\nSecurity Council Distr.: General\n\n4 June 2020\n\nResolution 2524 (2020)\n\n"
           "Adopted by the Security Council at its 8719th meeting, on 4 June 2020\n\nThe Security Council,\n\n"
           "Recalling its previous resolutions,\n\n")


def test_letters_nested_under_roman_items_of_a_mandate(tmp_path):
    # S/RES/2524 (2020), paragraph 2: strategic objectives (i), (ii), each with tasks (a), (b)
    ex = build(tmp_path, EN_HEAD + "1. Decides to establish the Mission;\n\n2. Decides that the Mission shall have the following strategic objectives:\n\n"
               "(i) Assist the political transition;\n\n(a) Provide good offices;\n\n(b) Provide technical assistance;\n\n"
               "(ii) Support peace processes;\n\n(a) Provide support to the negotiations;\n\n"
               "3. Requests the Secretary-General to report;\n", "en.txt")
    assert recs(ex) == [("1", "decide"), ("2(i)", "decide"), ("2(i)(a)", "decide"), ("2(i)(b)", "decide"),
                        ("2(ii)", "decide"), ("2(ii)(a)", "decide"), ("3", "request")]


def test_roman_items_nested_under_letters_and_i_after_h(tmp_path):
    # the seeds' convention: (a), (i), (ii) under (a); an (i) that follows (h) is a letter
    letters = "".join(f"({c}) Task {c};\n\n" for c in "bcdefgh")
    ex = build(tmp_path, EN_HEAD + "1. Requests the Secretary-General to:\n\n(a) Report;\n\n(i) on the first matter;\n\n(ii) on the second;\n\n"
               + letters + "(i) Task i;\n\n2. Decides to remain seized of the matter.\n", "en.txt")
    labels = [label for label, _ in recs(ex)]
    assert labels[:4] == ["1(a)(i)", "1(a)(ii)", "1(b)", "1(c)"] or labels[:5] == ["1(a)", "1(a)(i)", "1(a)(ii)", "1(b)", "1(c)"]
    assert "1(i)" in labels and "1(h)(i)" not in labels


# --- issue 10 part 6: the issuing body -------------------------------------------------------------

@pytest.mark.parametrize(("lang", "text", "expected"), [
    # the body carried through a list until another is named; same session: not the Assembly's by shape
    ("en", "The General Assembly,\n\nRecalling Commission resolutions 27/3 and 27/4 of 18 May 2018,",
     ["CCPCJ resolution 27/3", "CCPCJ resolution 27/4"]),
    ("en", "The General Assembly,\n\nWelcoming Statistical Commission decision 51/102 and resolution 51/1,",
     ["Statistical Commission decision 51/102", "Statistical Commission resolution 51/1"]),
    ("en", "The General Assembly,\n\nRecalling Commission resolution 33/1 and resolution 78/229,",
     ["CCPCJ resolution 33/1", "GA resolution 78/229"]),
    ("zh", "大会，\n\n欢迎统计委员会第51/102号决定，", ["Statistical Commission decision 51/102"]),
    # the UNCAC Conference of the States Parties versus the UNTOC Conference of the Parties
    ("en", "The Conference of the States Parties to the United Nations Convention against Corruption,\n\n"
           "Recalling its resolution 8/2 and Conference decision 5/1,", ["COSP resolution 8/2", "COSP decision 5/1"]),
    ("en", "The General Assembly,\n\nRecalling resolution 10/4 of the Conference of the Parties to the United Nations "
           "Convention against Transnational Organized Crime, and Conference resolution 10/3,",
     ["COP resolution 10/4", "COP resolution 10/3"]),
    # another treaty's Conference of the Parties is not the COP (A/RES/79/208): left out
    ("en", "The General Assembly,\n\nTakes note of decisions 15/10 of 10 December 2022 and 16/4 of the Conference of "
           "the Parties to the Convention on Biological Diversity,", []),
    # "its" of a body the sentence speaks of, for a session number the Assembly no longer uses (A/RES/79/209)
    ("en", "The General Assembly,\n\nRecalling the commitment of the United Nations Environment Assembly, as reflected "
           "in its resolutions 2/5 of 27 May 2016 and 3/3 of 6 December 2017,", ["UNEA resolution 2/5", "UNEA resolution 3/3"]),
    ("zh", "大会，\n\n回顾联合国环境大会第5/1号决议，", ["UNEA resolution 5/1"]),
    # items after a quoted title, after a footnote callout glued to the year (A/RES/79/208: "202227")
    ("en", "The General Assembly,\n\nRecalling its resolution 78/229 of 19 December 2023, entitled “Strengthening the "
           "United Nations crime prevention programme”, and 77/232 of 15 December 2022,",
     ["GA resolution 78/229", "GA resolution 77/232"]),
    ("en", "The General Assembly,\n\nRecalling its resolutions 75/194 of 16 December 202027 and 76/187 of 16 December 2021,",
     ["GA resolution 75/194", "GA resolution 76/187"]),
])
def test_issuing_body(lang, text, expected):
    assert ref_keys(text, lang) == expected


GA_HEAD = ("United Nations A/RES/79/226\n\nGeneral Assembly Distr.: General\n19 December 2024\n\nSeventy-ninth session\n"
           "Agenda item 22 (b)\n\nResolution adopted by the General Assembly on 17 December 2024\n\n"
           "79/226. Quadrennial comprehensive policy review\n\nThe General Assembly,\n\nRecalling its resolution 75/233,\n\n")


def test_second_directive_verb_of_an_operative_paragraph(tmp_path):
    # A/RES/79/226, paragraphs 68 and 124: another verb opens, a directive verb follows ", and"
    ex = build(tmp_path, GA_HEAD +
               "1. Acknowledges the progress achieved by the Development Coordination Office so far, and requests it to "
               "continue to strengthen the transparency of the resident coordinator system;\n\n"
               "2. Notes with concern the continued incidents of sexual exploitation and abuse, and in this regard calls upon "
               "the Secretary-General to continue to implement his strategy;\n\n"
               "3. Welcomes the report requested in its resolution 75/233, which was submitted on time;\n\n"
               "4. Reaffirms the principle of full cost recovery;\n", "ga.txt")
    assert recs(ex) == [("1", "request"), ("2", "call-upon")]


def test_zh_second_directive_verb(tmp_path):
    ex = build(tmp_path, "联合国 A/RES/79/226\n\n大会 Distr.: General\n2024年12月19日\n\n第七十九届会议\n\n大会2024年12月17日决议\n\n"
               "79/226. 四年度全面政策审查\n\n大会，\n\n回顾其第75/233号决议，\n\n"
               "1. 注意到发展协调办公室迄今取得的进展，并请其继续加强驻地协调员制度的透明度；\n\n"
               "2. 重申全额收回费用的原则；\n", "zh.txt")
    assert recs(ex) == [("1", "request")]


@pytest.mark.parametrize(("lang", "text", "strength", "addressee"), [
    # addressees of resolutions: the Secretary-General, the Commission, named bodies
    ("en", "Requests the Secretary-General to submit to the General Assembly a report;", "request", "Secretary-General"),
    ("zh", "请秘书长向大会第八十届会议提交报告；", "request", "Secretary-General"),
    ("en", "Invites the Commission on Crime Prevention and Criminal Justice to consider the matter;", "invite", "Commission"),
    ("zh", "邀请委员会审议这一问题；", "invite", "Commission"),
    ("en", "Urges the Security Council to consider;", "urge", "Security Council"),
    # a declaration's "we"
    ("en", "We call upon all Member States to ratify the Convention;", "call-upon", "Member States"),
    ("en", "We urge States parties to implement the Convention;", "urge", "States parties"),
    ("zh", "我们吁请所有会员国批准《公约》；", "call-upon", "Member States"),
])
def test_addressees_and_a_declarations_we(lang, text, strength, addressee):
    from unkg.extract.directives import directive
    d = directive(text, lang)
    assert (d.strength, d.addressee, d.head) == (strength, addressee, True)


def test_a_declarations_we_recognize_directs_no_one():
    from unkg.extract.directives import directive
    assert directive("We recognize the importance of international cooperation;", "en") is None
