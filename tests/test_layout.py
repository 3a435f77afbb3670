"""Layout: furniture removed, PDF line breaks joined (CJK-aware), footnotes linked, structure."""
from pathlib import Path

import pytest

from unkg.extract.ingest import read_source
from unkg.extract.layout import layout
from unkg.extract.models import SourceText

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def lay(name: str):
    return layout(read_source(SEEDS / name))


def para(doc, number: str):
    return next(b for b in doc.blocks if b.kind == "paragraph" and b.number == number)


def text_doc(text: str):
    return layout(SourceText("t.txt", text, "txt", "0"))


@pytest.fixture(scope="module")
def d001():
    return lay("001_cdb74ec8a63a6727.txt")


@pytest.fixture(scope="module")
def d002():
    return lay("002_a0e9ecb3f6118350.txt")


@pytest.fixture(scope="module")
def d003():
    return lay("003_28d5586563dc01f3.txt")


@pytest.fixture(scope="module")
def d004():
    return lay("004_3f756bb20ebb5459.txt")


def test_every_block_spans_its_text(d001, d002, d003, d004):
    for doc in (d001, d002, d003, d004):
        for b in doc.blocks:
            assert doc.text[b.start:b.end] == b.text
        # every cleaned character maps back to the same character in the source
        for i in range(0, len(doc.text), 7):
            if not doc.text[i].isspace():
                assert doc.source.text[doc.source_offset(i)] == doc.text[i]


def test_names_broken_across_pdf_lines_are_joined(d001):
    p10 = para(d001, "10")
    assert "阿尔及利亚" in p10.text and "委内瑞拉玻利瓦尔共和国" in p10.text
    item_f = next(b for b in d001.blocks if b.kind == "item" and b.number == "f" and b.parent == para(d001, "1").index)
    assert "《偷运移民议定书》" in item_f.text
    assert " " not in para(d001, "5").text  # no space is put inside Chinese text


def test_headings_paragraphs_and_items(d001):
    heading_a = next(b for b in d001.blocks if b.kind == "heading" and b.number == "A")
    assert heading_a.text.endswith("（包括国际合作）的建议")  # a heading wrapped over two lines
    items = [b for b in d001.blocks if b.kind == "item" and b.parent == para(d001, "1").index]
    assert [b.number for b in items] == list("abcdefghi")
    assert all(b.section == heading_a.index for b in items)
    assert [b.number for b in d001.blocks if b.kind == "paragraph"] == [str(n) for n in range(1, 11)]


def test_page_furniture_is_removed(d002):
    assert "V.22-02390" not in d002.text and "3/14" not in d002.text
    assert "CTOC/COP/WG.7/2022/3" not in d002.text  # the page header repeats the own symbol
    assert "_____" not in d002.text


def test_paragraph_interrupted_by_page_break_and_footnotes_is_one(d002):
    p28 = para(d002, "28")
    assert "惩治贩运人口特别是妇女和儿童行为的补充议定书》中规定" in p28.text
    assert p28.text.endswith("的工作。")
    assert "联合国移民问题网络" not in p28.text  # footnote 9 is not part of it
    assert [b.number for b in d002.blocks if b.kind == "paragraph" and b.number][:3] == ["1", "2", "3"]
    assert len([b for b in d002.blocks if b.kind == "paragraph" and b.number]) == 73


def test_separator_footnotes_are_linked_to_their_callouts(d002):
    notes = {f.number: f for f in d002.footnotes}
    assert set(notes) == {"*"} | {str(n) for n in range(1, 26)}
    fn9 = d002.blocks[notes["9"].block]
    assert fn9.text.startswith("联合国移民问题网络")
    (callout,) = notes["9"].callouts
    assert d002.text[callout - 3:callout] == "人权。"
    assert para(d002, "23").start <= callout <= para(d002, "23").end
    # callouts are taken out of the text, ordinary numbers are not
    assert "增加。1" not in d002.text and "第 18 条" in d002.text and "2,500" in d002.text
    assert d002.blocks[notes["7"].block].text.endswith("migration-dialogues。")  # URL split over lines


def test_superscript_footnotes(d004):
    notes = {f.number: f for f in d004.footnotes}
    assert {"1", "4", "17"} <= set(notes)
    assert d004.blocks[notes["4"].block].text.startswith("经社理事会第 2003/20 号决议")
    assert "¹" not in d004.text and "⁴" not in d004.text
    (c14,) = notes["14"].callouts  # "9.14" in the text is a tool number, not a callout
    assert d004.text[c14 - 2:c14] == "评注"


def test_recommendation_labels_and_numbered_headings(d003):
    labels = [b for b in d003.blocks if b.kind == "label"]
    assert [b.number for b in labels] == [str(n) for n in range(1, 9)]
    rec3 = d003.blocks[labels[2].index + 1]
    assert rec3.label_kind == "recommendation" and rec3.text.startswith("各国不妨考虑")
    numbered_heading = d003.blocks[rec3.section]
    assert numbered_heading.kind == "heading" and numbered_heading.number == "1"
    agenda = [b for b in d003.blocks if b.kind == "item" and b.parent == para(d003, "12").index]
    assert [b.number for b in agenda] == ["1", "a", "b", "2", "3", "4", "5", "6"]


def test_table_of_contents_is_not_structure(d004):
    assert {b.text for b in d004.blocks if b.kind == "toc"} >= {"目录", "一. 导言\t2"}
    assert [b.number for b in d004.blocks if b.kind == "heading" and b.level == 1] == ["一", "二", "三", "四"]


def test_english_wrapped_text():
    doc = text_doc(
        "I. Introduction\n\n1. The Working Group on the Smuggling of Migrants held its seventh\n"
        "meeting in Vienna on 8 and 9 September 2020. The meeting was chaired by a member of the\n"
        "Bureau of the Conference.\n2. The Working Group adopted the following recommendations:\n"
        "(a) States should strengthen cooperation in accordance with the Protocol against the Smug-\n"
        "gling of Migrants by Land, Sea and Air;\n(b) States should share information.\n")
    p1 = para(doc, "1")
    assert p1.text.startswith("The Working Group on the Smuggling of Migrants held its seventh meeting in")
    items = [b for b in doc.blocks if b.kind == "item"]
    assert [b.number for b in items] == ["a", "b"] and items[0].parent == para(doc, "2").index
    assert "Protocol against the Smuggling of Migrants" in items[0].text  # a word broken at the line end


def test_pdf_pages_are_laid_out(make_pdf):
    pdf = make_pdf("zh.pdf", [["1. 工作组建议缔约方会议审议是否采纳以下建议。"],
                              ["2. 缔约国应加强《偷运移民议定书》第 6 条的实施。"]])
    doc = layout(read_source(pdf))
    assert [b.number for b in doc.blocks if b.kind == "paragraph"] == ["1", "2"]
    assert "V.22" not in doc.text and "CTOC/COP" not in doc.text


@pytest.mark.parametrize("line", ["V.22-02390", "3/14 V.22-02390", "V.22-02390 3/14", "GE.22-12345",
                                  "17-16542 (E)", "*1716542*", "- 3 -", "Page 3", "Please recycle",
                                  "V.17-06543 (C)    *1706543*"])
def test_page_furniture_lines(line):
    doc = text_doc(f"1. The Working Group met in Vienna.\n{line}\n2. It adopted its report.\n")
    assert line.split()[0] not in doc.text
    assert [b.number for b in doc.blocks if b.kind == "paragraph"] == ["1", "2"]


def test_numbers_in_text_are_not_furniture():
    doc = text_doc("1. The Working Group met.\n2020\n2. In 2021, 12-13 experts met.\n")
    assert "12-13 experts" in doc.text and "2020" in doc.text


def test_resolution_lines_stand_alone():
    doc = text_doc("The General Assembly,\nRecalling its resolution 55/25 of 15 November 2000, by which it adopted\n"
                   "the Convention,\n1. Urges States to ratify the Convention and the Protocols thereto, and to implement\n"
                   "them fully;\n2. Requests the Secretary-General to report to it at its seventy-seventh session on the\n"
                   "implementation of the present resolution.\n73rd plenary meeting\n20 December 2017\n")
    assert para(doc, "2").text.endswith("the present resolution.")
    assert any(b.kind == "closing" and b.text == "73rd plenary meeting" for b in doc.blocks)
    assert doc.blocks[0].text == "The General Assembly,"


def test_joint_symbol_on_the_title_line():
    from unkg.extract.furniture import own_symbol, split_lines
    src = SourceText("x.txt", "United Nations\tE/2021/30-E/CN.15/2021/17\n\nEconomic and Social Council\n", "txt", "0")
    assert own_symbol(split_lines(src)) == "E/2021/30-E/CN.15/2021/17"  # as printed
    alone = SourceText("x.txt", "E/2022/30-E/CN.15/2022/14\n\n联合国\n\n预防犯罪和刑事司法委员会\n", "txt", "0")
    assert own_symbol(split_lines(alone)) == "E/2022/30-E/CN.15/2022/14"
    from unkg.extract.pipeline import own_symbols
    assert own_symbols("E/2022/30-E/CN.15/2022/14") == {"E/2022/30-E/CN.15/2022/14", "E/2022/30", "E/CN.15/2022/14"}
    assert own_symbols("A/RES/S-30/1") == {"A/RES/S-30/1"}


def test_real_hyphens_survive_line_breaks():
    doc = text_doc(
        "1. States should strengthen their international cooperation, including the Economic Co-\n"
        "operation and Development programmes of the OECD, and the follow-up to the cross-border\n"
        "investigations in accordance with the Protocol against the Smug-\n"
        "gling of Migrants by Land, Sea and Air, and they should report to the Conference of the follow-\n"
        "up given to the recommendations adopted by the Working Group at its previous meetings.\n"
        "2. The Working Group adopted the report.\n")
    text = para(doc, "1").text
    assert "Economic Co-operation" in text and "the follow-up given" in text
    assert "Protocol against the Smuggling of Migrants by Land" in text


def test_footnote_continuation_lines_that_are_a_symbol_or_url():
    doc = text_doc("1. The Conference adopted resolution 9/3 on the matter.1 It was welcomed by the\n"
                   "Assembly, which expressed its support for the work of the Secretariat.2\n"
                   "__________________\n"
                   "   1   See the report of the Conference on its ninth session. See also\n"
                   "       A/RES/73/187.\n"
                   "   2   Available at\n"
                   "       www.unodc.org/unodc/en/organized-crime/index.html.\n"
                   "2. The Working Group took note of the report.\n")
    notes = {f.number: doc.blocks[f.block].text for f in doc.footnotes}
    assert notes["1"].endswith("See also A/RES/73/187.")
    assert notes["2"] == "Available at www.unodc.org/unodc/en/organized-crime/index.html."


def test_items_grouped_under_thematic_sub_headings_keep_their_paragraph():
    doc = text_doc("I. Recommendations\n\n3. The Working Group adopted the following recommendations:\n\n"
                   "Technical assistance\n\n(a) States should request technical assistance;\n\n"
                   "Information exchange\n\n(b) States should share information on seizures.\n")
    items = [b for b in doc.blocks if b.kind == "item"]
    assert [(b.number, b.parent) for b in items] == [("a", para(doc, "3").index), ("b", para(doc, "3").index)]
    assert doc.blocks[items[1].section].text == "Information exchange"


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_docx_and_html_lines_are_whole_paragraphs(fmt):
    """In DOCX and HTML every line is a paragraph already: long clauses that end with a comma are
    never joined to the next, as wrapped lines of a PDF would be."""
    clauses = ["回顾大会2000年11月15日第55/25号决议，大会在该决议中通过了《联合国打击跨国有组织犯罪公约》及其补充议定书，"
               "包括《联合国打击跨国有组织犯罪公约关于预防、禁止和惩治贩运人口特别是妇女和儿童行为的补充议定书》，",
               "还回顾人权理事会以往关于贩运人口特别是妇女和儿童问题的所有决议，包括2020年7月16日第44/4号决议和"
               "2022年7月7日第50/3号决议，以及安全理事会2016年12月20日第2331(2016)号决议，",
               "1. 敦促各国加紧努力，预防和打击贩运人口行为；"]
    doc = layout(SourceText(f"x.{fmt}", "人权理事会，\n" + "\n".join(clauses) + "\n", fmt, "0"))
    texts = [b.text for b in doc.blocks]
    assert clauses[0] in texts and clauses[1] in texts
