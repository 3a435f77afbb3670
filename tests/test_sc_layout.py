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
