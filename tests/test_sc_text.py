"""The text path (PDF, TXT, DOCX) on Security Council and Chinese resolutions, with the AKN4UN
markup as the key: each rule of layout, structure and metadata that real text needs, on real
text (the UN's own resolutions in tests/data/akn, rendered as benchmarks/real_corpus.py renders
them, or excerpts of real resolutions as printed)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from unkg.extract.layout import layout
from unkg.extract.metadata import read_metadata
from unkg.extract.models import SourceText
from unkg.extract.pipeline import extract_file

ROOT = Path(__file__).resolve().parent.parent
AKN = Path(__file__).parent / "data" / "akn"
_spec = importlib.util.spec_from_file_location("real_corpus", ROOT / "benchmarks" / "real_corpus.py")
real_corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(real_corpus)


def doc_of(text: str, fmt: str = "txt"):
    d = layout(SourceText(f"x.{fmt}", text, fmt, "0"))
    return d, read_metadata(d)


def rendered(path: Path, wrapped: bool, tmp_path: Path):
    key = extract_file(path)
    out = tmp_path / f"{path.stem}.{'wrapped' if wrapped else 'lines'}.txt"
    out.write_text(real_corpus.render(key, wrapped), encoding="utf-8")
    return key, extract_file(out)


def labels(doc) -> list[str]:
    out = []
    for b in doc.blocks:
        if b.kind == "paragraph" and b.number:
            out.append(b.number)
        elif b.kind == "item" and b.parent is not None and doc.blocks[b.parent].number:
            out.append(f"{doc.blocks[b.parent].number}({b.number})")
    return out


# --- the UN's own resolutions, rendered, against the markup ------------------------------------

FILES = sorted(AKN.glob("*.xml"))


@pytest.mark.parametrize("wrapped", [True, False], ids=["wrapped", "lines"])
@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_rendered_resolution_reads_as_the_markup(path: Path, wrapped: bool, tmp_path: Path) -> None:
    key, got = rendered(path, wrapped, tmp_path)
    assert real_corpus.operative(got) == real_corpus.operative(key)
    for field in real_corpus.FIELDS:
        assert getattr(got.doc.meta, field) == getattr(key.doc.meta, field), field
    assert (got.doc.meta.meeting_number, got.doc.meta.adopted) == (key.doc.meta.meeting_number, key.doc.meta.adopted)


@pytest.mark.parametrize("wrapped", [True, False], ids=["wrapped", "lines"])
def test_chinese_and_english_versions_share_their_key(wrapped: bool, tmp_path: Path) -> None:
    for en in sorted(AKN.glob("*.en.xml")):
        zh = en.with_name(en.name.replace(".en.", ".zh."))
        symbols = {rendered(f, wrapped, tmp_path)[1].doc.meta.symbol for f in (en, zh)}
        assert symbols == {extract_file(en).doc.meta.symbol}, en.name


# --- symbols as the UN prints them -----------------------------------------------------------------

@pytest.mark.parametrize("line, symbol", [
    ("United Nations S/RES/2504 (2020)", "S/RES/2504 (2020)"),
    ("United Nations S/RES/2568(2021)", "S/RES/2568 (2021)"),  # printed without the space
    ("联合国 S/RES/2504 (2020)", "S/RES/2504 (2020)"),
    ("United Nations S/PRST/2015/25", "S/PRST/2015/25"),
    ("United Nations A/RES/76/186", "A/RES/76/186"),
    ("United Nations E/RES/2021/12", "E/RES/2021/12"),
    ("United Nations\tE/2021/30-E/CN.15/2021/17", "E/2021/30-E/CN.15/2021/17"),
])
def test_own_symbol_in_every_shape(line: str, symbol: str) -> None:
    assert doc_of(f"{line}\n\nSecurity Council Distr.: General\n\n10 January 2020\n")[1].symbol == symbol


def test_symbol_alone_under_the_organisation_name() -> None:
    _, m = doc_of("United Nations\nS/RES/2568(2021)\nSecurity Council\nDistr.: General\n12 March 2021\n")
    assert m.symbol == "S/RES/2568 (2021)"


# --- the title page: kind, title, meeting, dates ---------------------------------------------------

SC_EN = ("United Nations S/RES/2504 (2020)\n\nSecurity Council Distr.: General\n\n10 January 2020\n\n"
         "Resolution 2504 (2020)\n\n"
         "Adopted by the Security Council at its 8700th meeting, on 10 January 2020\n\n"
         "The Security Council,\n\nRecalling its resolutions 2042 (2012) and 2043 (2012),\n\n"
         "1. Decides to renew the decisions in paragraph 2 of resolution 2165 (2014);\n\n"
         "2. Decides to remain seized of the matter.\n")
SC_ZH = ("联合国 S/RES/2504 (2020)\n\n安全理事会 Distr.: General\n\n10 January 2020\n\n第2504(2020)号决议\n\n"
         "2020年1月10日安全理事会第8700次会议通过\n\n安全理事会，\n\n回顾第2042(2012)和2043(2012)号决议，\n\n"
         "1. 决定延长第2165(2014)号决议第2段的各项决定；\n\n2. 决定继续处理此案。\n")


@pytest.mark.parametrize("text, title", [(SC_EN, "Resolution 2504 (2020)"), (SC_ZH, "第2504(2020)号决议")])
def test_security_council_title_page(text: str, title: str) -> None:
    _, m = doc_of(text)
    assert (m.symbol, m.kind, m.title, m.issued) == ("S/RES/2504 (2020)", "resolution", title, "2020-01-10")
    assert (m.meeting_number, m.adopted, m.body) == (8700, "2020-01-10", "UNSC")


def test_adoption_line_without_a_meeting() -> None:
    _, m = doc_of(SC_EN.replace("at its 8700th meeting, ", "").replace("2504", "2568"))
    assert (m.title, m.adopted, m.meeting_number) == ("Resolution 2568 (2021)".replace("2021", "2020"), "2020-01-10", None)


def test_one_paragraph_per_line_title_page() -> None:
    _, m = doc_of(SC_EN.replace("\n\n", "\n"), "docx")
    assert (m.symbol, m.kind, m.title, m.meeting_number) == ("S/RES/2504 (2020)", "resolution", "Resolution 2504 (2020)", 8700)


@pytest.mark.parametrize("heading, kind", [
    ("Statement by the President of the Security Council", "presidential statement"),
    ("安全理事会主席的声明", "presidential statement"),
    ("Resolution adopted by the General Assembly on 16 December 2021", "resolution"),
    ("Political Declaration of the High-level Meeting", "declaration"),
    ("Decision adopted by the Economic and Social Council on 22 July 2021", "decision"),
])
def test_kind_from_the_title_page(heading: str, kind: str) -> None:
    assert doc_of(f"United Nations S/PRST/2015/25\n\nDistr.: General\n\n{heading}\n")[1].kind == kind


def test_session_and_plenary_meeting_are_separate_fields() -> None:
    text = ("United Nations A/RES/79/100\n\nGeneral Assembly Distr.: General\n16 December 2024\n\n"
            "Seventy-ninth session\nAgenda item 58\n\n"
            "Resolution adopted by the General Assembly on 12 December 2024\n\n79/100. Question of Anguilla\n\n"
            "The General Assembly,\n\nHaving considered the question of Anguilla,\n\n"
            "1. Reaffirms the inalienable right of the people of Anguilla to self-determination;\n\n"
            "2. Decides to continue to keep the question under review.\n\n50th plenary meeting\n12 December 2024\n")
    _, m = doc_of(text)
    assert (m.session, m.plenary_meeting, m.adopted, m.title) == (79, 50, "2024-12-12", "Question of Anguilla")


# --- paragraph structure ---------------------------------------------------------------------------

def test_chinese_circled_sub_items_are_labelled_as_in_english() -> None:
    d, _ = doc_of("安全理事会，\n\n1. 决定，第10段不适用于：\n㈠ 联合国人员；\n㈡ 非洲联盟驻索马里过渡时期特派团；\n"
                  "㈢ 欧洲联盟培训和支助活动；\n(四) 其他组织；\n2. 决定继续处理此案。\n", "docx")
    assert labels(d) == ["1", "1(i)", "1(ii)", "1(iii)", "1(iv)", "2"]


def test_letter_i_after_h_and_roman_i_under_a_letter() -> None:
    items = "".join(f"({c}) item {c};\n" for c in "abcdefghij")
    d, _ = doc_of(f"The Security Council,\n1. Requests the Panel:\n{items}2. Decides to remain seized.\n", "docx")
    assert labels(d) == ["1", *(f"1({c})" for c in "abcdefghij"), "2"]


def test_a_label_running_on_as_a_reference_is_no_item() -> None:
    # PDF lines broken before a label that a reference goes on with
    d, _ = doc_of("安全理事会，\n\n1. 重申第1591(2005)号决议第3段和第1945(2010)号决议第4段所规定并经第1\n"
                  "(c)、(d)和(e)分段修订的列名标准，重申委员会的任务，回顾安理会在第2035(2012)号决议第3段\n"
                  "中作出的决定；\n\n2. 决定继续处理此案。\n")
    assert labels(d) == ["1", "2"]
    d, _ = doc_of("The Security Council,\n\n1. Decides that, where the Committee decides to grant the request under\n"
                  "paragraph 83 (a) of this resolution and after consultation with the Ombudsperson on paragraph 85\n"
                  "(b), the Committee, through the Secretariat, will immediately acknowledge the request;\n\n"
                  "2. Decides to remain seized of the matter.\n")
    assert labels(d) == ["1", "2"]


def test_an_inline_enumeration_goes_on_inline() -> None:
    text = ("The Security Council,\n\n9. Requests the Mechanism to continue to take steps, including: (i) implementation of\n"
            "the recommendations of the OIOS; (ii) production of clear and focused projections of completion\n"
            "timelines at the earliest stage possible and disciplined adherence thereto;\n"
            "(iii) continued ensuring of geographic diversity and gender balance of staff, while ensuring\n"
            "continued professional expertise; (iv) continued implementation of a human resources policy;\n\n"
            "10. Decides to remain seized of the matter.\n")
    d, _ = doc_of(text)
    assert labels(d) == ["9", "10"]
    assert "(iii) continued ensuring" in next(b.text for b in d.blocks if b.number == "9")


def test_a_full_line_runs_on_past_words_that_could_open_a_clause() -> None:
    # Chinese wraps at the measure wherever it falls: after "，" before "回顾", before "无碍，"
    text = ("安全理事会，\n\n回顾其以往关于黎巴嫩的所有决议，\n\n"
            "23. 为支持黎巴嫩政府关于部署国际部队以协助该政府对整个领土行使权力的请求而采取行动，\n"
            "回顾安理会授权联黎部队在部队部署区内采取一切必要行动，确保其行动区不被用于任何敌对活动；\n\n"
            "24. 要求各方保护操作、维护或修理这些物体的平民，保障他们能够为维护、修理或操作这些物体而通行\n"
            "无碍，并允许安全通过；\n\n25. 决定继续积极处理此案。\n")
    d, _ = doc_of(text)
    paras = {b.number: b.text for b in d.blocks if b.kind == "paragraph" and b.number}
    assert list(paras) == ["23", "24", "25"]
    assert "回顾安理会授权" in paras["23"] and paras["24"].endswith("无碍，并允许安全通过；")


def test_an_annex_opens_a_part_of_its_own() -> None:
    d, _ = doc_of("The Security Council,\n5. Decides to remain seized of the matter.\nAnnex\n"
                  "(a) To submit, in writing, an annual comprehensive report to the Committee;\n"
                  "(b) To assist the Committee in regularly reviewing names on the List;\n", "docx")
    annex = next(b for b in d.blocks if b.kind == "heading")
    assert (annex.text, annex.label_kind) == ("Annex", "annex")
    assert [b.parent for b in d.blocks if b.kind == "item"] == [None, None]


def test_security_council_running_header_is_page_furniture() -> None:
    page1 = (SC_EN.split("2. Decides")[0] + "2. Decides to renew the decisions in paragraph 3 of resolution\n"
             "2165 (2014) for a further period of six months, that is, until 10 July 2020, and\n\n20-00543 (E)\n")
    page2 = "\fS/RES/2504 (2020)\n\n2/2 20-00543\n\nrequests the Secretary-General to report on the matter;\n\n" \
            "3. Decides to remain seized of the matter.\n"
    d, m = doc_of(page1 + page2)
    paras = {b.number: b.text for b in d.blocks if b.kind == "paragraph" and b.number}
    assert m.symbol == "S/RES/2504 (2020)" and list(paras) == ["1", "2", "3"]
    assert "S/RES/2504" not in paras["2"] and "20-00543" not in paras["2"] and paras["2"].endswith("the matter;")


def test_one_skipped_number_still_opens_the_next_paragraph() -> None:
    # S/RES/2605 (2021) as marked up: 57, then 59 (58 never printed)
    d, _ = doc_of("The Security Council,\n57. Requests the Secretary-General to report to the Council;\n"
                  "(a) Requests the Secretary-General to report on 15 February 2022;\n"
                  "59. Decides to remain actively seized of the matter.\n", "docx")
    assert labels(d) == ["57", "57(a)", "59"]


def test_a_short_line_after_a_finished_paragraph_is_a_heading() -> None:
    # Chinese set full to the measure: the paragraph's last line is full, the heading under it short
    full = "促请会员国和国际及区域组织通过增加捐助迅速应对马里严重的粮食和人道主义危机以及其他各项紧急需要；"
    text = ("安全理事会，\n\n回顾其以往关于马里局势的所有决议，\n\n"
            "57. 请秘书长继续采取一切必要措施，确保维和人员全面遵守联合国关于性剥削和性虐待的零容忍政策，\n"
            f"{full}\n\n环境问题\n\n58. 请马里稳定团在执行任务时考虑其活动对环境的影响并酌情管理这些影响，"
            "同时遵守适用的相关大会决议和联合国规则和条例；\n")
    d, _ = doc_of(text)
    heading = next(b for b in d.blocks if b.kind == "heading")
    assert heading.text == "环境问题" and labels(d) == ["57", "58"]
    assert next(b.text for b in d.blocks if b.number == "57").endswith("紧急需要；")


def test_a_reference_to_two_sub_paragraphs_runs_on() -> None:
    d, _ = doc_of("The Security Council,\n\n1. Encourages Member States to make use of the provisions regarding available\n"
                  "exemptions to the measures in paragraph 1 of resolution 2368 (2017) and in paragraphs 10\n"
                  "(a) and 81 (a) of Resolution 2368 (2017);\n\n2. Decides to remain seized of the matter.\n")
    assert labels(d) == ["1", "2"]


def test_a_chinese_inline_enumeration_goes_on_inline() -> None:
    text = ("安全理事会，\n\n9. 请余留机制继续采取措施，包括：㈠执行监督厅的各项建议；㈡尽早明确而有重点地预测完成工作时限并严格遵守；㈢继续确保\n"
            "工作人员的地域多样性和性别平衡；㈣继续执行符合其临时性任务的人力资源政策；㈤进一步削减费用；\n"
            "㈥余留机制三个机构就同受影响的事项进行协调和分享信息，以确保系统地思考和规划未来；\n\n"
            "10. 决定继续积极处理此案。\n")
    d, _ = doc_of(text)
    assert labels(d) == ["9", "10"]


def test_a_line_of_numbers_ending_in_a_comma_is_no_opening_line() -> None:
    # "安全理事会，" opens a resolution; "2542(2020)和2570(2021)号决议，" is a wrapped clause's end
    text = ("安全理事会，\n\n回顾其关于利比亚的第1970(2011)号决议及其后各项决议，包括第\n2542(2020)和2570(2021)号决议，\n\n"
            "1. 决定将联合国利比亚支助团任务期延长至2021年9月30日，作为一个综合特别政治任务，执行第\n"
            "2542(2020)号决议和第2570(2021)号决议第16段规定的任务；\n\n2. 决定继续积极处理此案。\n")
    d, _ = doc_of(text)
    assert "回顾其关于利比亚的第1970(2011)号决议及其后各项决议，包括第2542(2020)和2570(2021)号决议，" in [b.text for b in d.blocks]
    assert next(b.text for b in d.blocks if b.number == "1").endswith("第16段规定的任务；")


@pytest.mark.parametrize("adopted, meeting", [
    ("2020年1月10日安全理事会第8700次会议通过", 8700),
    ("2020年1月10日8700次会议通过", 8700),  # as the markup words it
    ("安全理事会2020年1月10日通过", None),  # no meeting, the body first
])
def test_chinese_adoption_lines(adopted: str, meeting: int | None) -> None:
    _, m = doc_of(SC_ZH.replace("2020年1月10日安全理事会第8700次会议通过", adopted))
    assert (m.adopted, m.meeting_number) == ("2020-01-10", meeting)


def test_chinese_title_printed_without_hao() -> None:
    _, m = doc_of(SC_ZH.replace("第2504(2020)号决议", "第2504(2020)决议"))
    assert (m.title, m.kind) == ("第2504(2020)决议", "resolution")


def test_a_resolution_adopting_a_declaration_is_a_resolution() -> None:
    text = ("United Nations A/RES/79/161\n\nGeneral Assembly Distr.: General\n23 December 2024\n\n"
            "Resolution adopted by the General Assembly on 17 December 2024\n\n"
            "79/161. A global call for concrete action for the total elimination of racism and the\n"
            "comprehensive implementation of and follow-up to the Durban\nDeclaration and Programme of Action\n\n"
            "The General Assembly,\n\n1. Reaffirms the Durban Declaration and Programme of Action;\n")
    assert doc_of(text)[1].kind == "resolution"
    assert doc_of("United Nations E/2021/1\n\nDistr.: General\n\n2021年12月16日大会决定\n")[1].kind == "decision"


@pytest.mark.parametrize("name", ["S_RES_2522_2020.en.xml", "S_RES_2522_2020.zh.xml"])
def test_sub_items_nest_as_in_the_markup(name: str, tmp_path: Path) -> None:
    # (a) (b) at level 1, the (i)-(iv) under (b) and (c) (㈠-㈣ in Chinese) at level 2
    for wrapped in (True, False):
        key, got = rendered(AKN / name, wrapped, tmp_path)
        levels = [(b.number, b.level) for b in key.doc.blocks if b.kind == "item"]
        assert [(b.number, b.level) for b in got.doc.blocks if b.kind == "item"] == levels
        assert ("i", 2) in levels and ("a", 1) in levels


def test_letter_i_after_h_is_a_letter_and_roman_i_under_a_chapeau_is_roman() -> None:
    items = "".join(f"({c}) item {c};\n" for c in "ghij")
    d, _ = doc_of(f"The Security Council,\n1. Requests the Panel:\n{items}(i) first;\n(ii) second;\n"
                  "2. Requests the Secretary-General:\n(i) to report;\n(ii) to brief;\n", "docx")
    got = [(b.number, b.level) for b in d.blocks if b.kind == "item"]
    assert got == [("g", 1), ("h", 1), ("i", 1), ("j", 1), ("i", 2), ("ii", 2), ("i", 1), ("ii", 1)]
