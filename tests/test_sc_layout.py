"""Layout classes behind Security Council recommendation strengths (issue 10): each rule on real
text, a few lines quoted from the UN's own resolutions (../shared/corpus/sc-akn) as a PDF or a
web page prints them."""
from __future__ import annotations

from pathlib import Path

import pytest

from unkg.extract.layout import layout
from unkg.extract.models import SourceText
from unkg.extract.pipeline import extract_file


def doc_of(text: str, fmt: str = "txt"):
    return layout(SourceText(f"x.{fmt}", text, fmt, "0"))


def recommendations(text: str, tmp_path: Path) -> list[tuple[str, str]]:
    path = tmp_path / "res.txt"
    path.write_text(text, encoding="utf-8")
    return [(r.label, r.strength) for r in extract_file(path).recommendations]


# S/RES/2605 (2021), paragraph 34 (c)-(d): a labelled sub-heading, its unlabelled text under it
SUB_HEADINGS_EN = (
    "S/RES/2605 (2021)\n\nThe Security Council,\n\n"
    "34. Decides that the mandate of MINUSCA shall include the following priority tasks:\n\n"
    "(c) Facilitate the immediate, full, safe and unhindered delivery of humanitarian\nassistance\n\n"
    "To improve coordination with all humanitarian actors, including United Nations\n"
    "agencies, and to facilitate the creation of a secure environment for the immediate, full,\n"
    "safe and unhindered, civilian-led delivery of humanitarian assistance;\n\n"
    "(d) Protection of the United Nations\n\n"
    "To protect the United Nations personnel, installations, equipment and goods and ensure\n"
    "the security and freedom of movement of United Nations and associated personnel;\n\n"
    "Other tasks\n\n"
    "35. Further authorises MINUSCA to pursue the following tasks of its mandate:\n")
SUB_HEADINGS_ZH = (
    "S/RES/2605 (2021)\n\n安全理事会，\n\n34. 决定中非稳定团的任务授权应包括下列优先任务：\n\n"
    "(c) 便利立即、充分、安全和不受阻碍地交付人道主义援助\n\n"
    "改善与人道主义行为体包括联合国各机构的协调，推动建立安全的环境，以便根据国际法相关规\n"
    "定并按照人道主义原则，在文职人员领导下立即、充分、安全和不受阻碍地交付人道主义援助，以便\n"
    "与人道主义行为体密切协调促进境内流离失所者或难民自愿、安全、有尊严和持续回返、就地融入或\n"
    "重新安置，同时按照第2532(2020)号决议要求协助减轻2019冠状病毒病大流行的后果；\n\n"
    "(d) 保护联合国\n\n保护联合国人员、设施、装备和物资，并保障联合国人员和有关人员的安全和通行自由；\n\n"
    "其他任务\n\n35. 还授权中非稳定团执行稳定团授权任务中的下列任务：\n")


@pytest.mark.parametrize("text", [SUB_HEADINGS_EN, SUB_HEADINGS_ZH], ids=["en", "zh"])
def test_the_text_under_a_labelled_sub_heading_is_an_item_of_the_list(text: str, tmp_path: Path) -> None:
    d = doc_of(text)
    para = next(b for b in d.blocks if b.number == "34")
    kinds = [(b.kind, b.number, b.parent) for b in d.blocks if b.index > para.index][:5]
    assert kinds == [("item", "c", para.index), ("item", None, para.index), ("item", "d", para.index),
                     ("item", None, para.index), ("heading", None, None)]
    # as the markup labels them: an unnumbered item by its place in the list
    assert recommendations(text, tmp_path)[:4] == [("34(c)", "decide"), ("34(2)", "decide"),
                                                   ("34(d)", "decide"), ("34(4)", "decide")]


def test_a_paragraph_after_a_finished_item_stays_a_paragraph() -> None:
    # an item that ends its clause is no sub-heading: the unlabelled text after it is not its content
    d = doc_of("The Security Council,\n\n1. Requests the Panel:\n\n(a) To report to the Council;\n\n"
               "Welcoming the progress made by the Government in the implementation of its plans for reform,\n")
    assert d.blocks[-1].kind == "paragraph"


# S/RES/2583 (2021): one unnumbered operative paragraph after the preamble
ONE_PARAGRAPH_EN = (
    "United Nations S/RES/2583 (2021)\n\nSecurity Council Distr.: General\n\n29 June 2021\n\n"
    "Resolution 2583 (2021)\n\nAdopted by the Security Council at its 8808th meeting, on 29 June 2021\n\n"
    "The Security Council,\n\nNoting with regret the death of Judge James Richard Crawford on 31 May 2021,\n\n"
    "Noting that, in accordance with article 14 of the Statute, the date of the election to\n"
    "fill the vacancy shall be fixed by the Security Council,\n\n"
    "Decides that the election to fill the vacancy shall take place on 5 November 2021 at a\n"
    "meeting of the Security Council and at a meeting of the General Assembly at its seventy-\n"
    "sixth session.\n")
ONE_PARAGRAPH_ZH = (
    "联合国 S/RES/2583 (2021)\n\n安全理事会 Distr.: General\n\n29 June 2021\n\n第2583(2021)号决议\n\n"
    "2021年6月29日安全理事会8808次会议通过\n\n安全理事会，\n\n"
    "遗憾地注意到詹姆斯·理查德·克劳福德法官于2021年5月31日去世，\n\n"
    "注意到根据《规约》第十四条，填补空缺的选举日期应由安全理事会确定，\n\n"
    "决定填补该空缺的选举将于2021年11月5日在安全理事会的一次会议和大会第七十六届会议的一次会\n"
    "议上进行。\n")


@pytest.mark.parametrize("text", [ONE_PARAGRAPH_EN, ONE_PARAGRAPH_ZH], ids=["en", "zh"])
@pytest.mark.parametrize("shape", ["wrapped", "lines"])
def test_a_single_unnumbered_operative_paragraph_is_the_operative_part(text: str, shape: str,
                                                                       tmp_path: Path) -> None:
    if shape == "lines":  # one paragraph per line, no blank lines
        text = "\n".join(p.replace("\n", " " if text is ONE_PARAGRAPH_EN else "")
                         for p in text.split("\n\n")).replace("seventy- sixth", "seventy-sixth")
    d = doc_of(text)
    assert [b.kind for b in d.blocks][-3:] == ["header", "header", "paragraph"]
    assert d.blocks[-1].text.startswith(("Decides that the election", "决定填补该空缺"))
    assert recommendations(text, tmp_path) == [("1", "decide")]


def test_a_short_tail_ending_in_a_comma_is_no_opening_line() -> None:
    # S/RES/2519 (2020): "时的安全保障，" ends a wrapped preamble clause; a body's name ("安全理事会，") ends
    # with its head noun
    d = doc_of("安全理事会，\n\n确认阿卜耶伊局势继续对国际和平与安全构成威胁，\n\n"
               "表示关切联阿安全部队维和人员受到的安全威胁和有针对性的袭击，为此呼吁加强维和人员执行任务\n"
               "时的安全保障，\n\n1. 决定将联阿安全部队任务的期限延长至2020年11月15日；\n")
    assert any(b.text.endswith("执行任务时的安全保障，") for b in d.blocks)


def test_a_chinese_word_broken_at_the_measure_before_a_name_runs_on() -> None:
    # S/RES/2591 (2021): "…支持黎" / "巴嫩武装部队国际会议，" is one clause, not an opening line "…会议，"
    text = ("安全理事会，\n\n"
            "表示关切当前社会、经济和人道主义危机对黎巴嫩武装部队和安全部队能力产生的严重不利影响，欢\n"
            "迎法国和意大利在联合国黎巴嫩问题特别协调员办事处的支持下于2021年6月17日主持召开了支持黎\n"
            "巴嫩武装部队国际会议，\n\n"
            "回顾第2378(2017)号决议，其中请秘书长确保对照妥善订立的明确基准，利用关于维和行动成效的数\n"
            "据，包括维和业绩数据以改进对特派团行动的分析评价，还回顾第2436(2018)号决议，其中请秘书长\n"
            "确保依据客观业绩数据做出表彰和奖励杰出表现的决定，\n\n1. 决定将联黎部队目前的任务期限延长至2022年8月31日；\n")
    d = doc_of(text)
    clauses = [b for b in d.blocks if b.text.startswith(("表示关切", "回顾"))]
    assert [b.kind for b in clauses] == ["header", "header"]
    assert clauses[0].text.endswith("支持黎巴嫩武装部队国际会议，")


def test_one_skipped_number_before_a_short_chinese_operative_paragraph() -> None:
    # S/RES/2605 (2021) as marked up: 57, then 59 (58 never printed); Chinese says it in 11 characters
    d = doc_of("安全理事会，\n57. 请秘书长向安理会提供：\n(a) 不迟于2022年5月，对后期支助的评价；\n"
               "59. 决定继续积极处理此案。\n", "docx")
    assert [(b.kind, b.number) for b in d.blocks if b.number] == [("paragraph", "57"), ("item", "a"), ("paragraph", "59")]


@pytest.mark.parametrize("text", [
    # S/RES/2507 (2020) wrapped before the label its reference names
    "The Security Council,\n\n1. Decides that the measures on the supply of equipment imposed by subparagraph\n"
    "(g) shall not apply to the Government, and requests the Committee to report;\n\n"
    "2. Decides to remain seized of the matter.\n",
    "The Security Council,\n\n1. Decides that the exemptions set out in paragraphs 4\n"
    "(a) to (c) above shall apply, and requests the Committee to report to the Council;\n\n"
    "2. Decides to remain seized of the matter.\n",
    "The Security Council,\n\n1. Decides that the provisions of paragraphs 4 (a) and 6 (b) and of paragraphs 8\n"
    "(a) and 9 of resolution 2231 (2015) shall apply, and requests the Committee to report;\n\n"
    "2. Decides to remain seized of the matter.\n",
    "安全理事会，\n\n1. 决定不适用本决议第8\n(c)分段所述措施，请委员会向安理会报告；\n\n2. 决定继续处理此案。\n",
], ids=["paragraph-end", "to", "and-number", "zh-di"])
def test_a_label_the_line_before_leaves_open_is_no_item(text: str) -> None:
    d = doc_of(text)
    assert [(b.kind, b.number) for b in d.blocks if b.number] == [("paragraph", "1"), ("paragraph", "2")]


def test_a_chinese_line_broken_inside_a_number_or_a_symbol_joins_without_a_space() -> None:
    # Chinese wraps at any character, inside "2139(2014)" and "S/PRST/2011/16" too; between two Latin
    # words the source had its space ("UN Women")
    full = ("安全理事会，\n\n回顾其以往关于利比亚局势的各项决议和安理会主席的各项声明，包括第2139(201\n"
            "4)号决议和安理会主席2011年3月16日的声明，回顾安理会主席的声明(S/PR\n"
            "ST/2011/16)，欢迎联合国促进性别平等和增强妇女权能署(UN\n"
            "Women)在利比亚开展的工作和作出的贡献，\n\n1. 决定继续处理此案。\n")
    d = doc_of(full)
    clause = next(b.text for b in d.blocks if b.text.startswith("回顾"))
    assert "第2139(2014)号决议" in clause and "(S/PRST/2011/16)" in clause and "(UN Women)" in clause


def test_english_lines_join_with_a_space_before_a_number() -> None:
    d = doc_of("The Security Council,\n\nRecalling all its previous resolutions on the situation in Libya, in particular resolution\n"
               "2139 (2014), and recalling the statement of its President of 16 March 2011 on the situation\n"
               "in Libya (S/PRST/2011/16), and the statements of its President of 2012 and 2013 on Libya,\n\n"
               "1. Decides to remain seized of the matter.\n")
    assert any("resolution 2139 (2014)," in b.text and "situation in Libya (S/PRST" in b.text for b in d.blocks)


@pytest.mark.parametrize("tail", ["2019) and 2427 (2018), and condemning all violations and abuses committed against children,",
                                  "11/19) on the question, and recalling the statements of its President on the situation,"])
def test_a_year_or_a_number_closing_at_a_line_start_goes_on(tail: str) -> None:
    # a wrapped line that starts with "2019)" or "11/19)" continues the clause: no label, no new block
    d = doc_of("The Security Council,\n\nRecalling its resolutions on children and armed conflict, in particular resolutions 2467 (\n"
               f"{tail}\n\n1. Decides to remain seized of the matter.\n")
    assert [b.kind for b in d.blocks] == ["header", "header", "paragraph"]
    assert d.blocks[1].text.endswith(tail)
