"""Real General Assembly PDFs: page furniture, numbering, full titles and dates as printed."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from unkg.extract.ingest import read_source
from unkg.extract.layout import layout
from unkg.extract.metadata import with_metadata

DATA = Path(__file__).parent / "data" / "ga"
FURNITURE = re.compile(r"A/RES/79/\d+|\b24-\d{5}\b|\b\d/\d\b")


def _doc(name: str, flatten: bool = False):
    source = read_source(DATA / name)
    if flatten:  # the same text with no page breaks, as a .txt copy of the PDF gives it
        source = replace(source, text=source.text.replace("\f", "\n"), page_starts=(0,), format="txt")
    return with_metadata(layout(source))


@pytest.mark.parametrize("flatten", [False, True])
@pytest.mark.parametrize("name", ["A_RES_79_100.pdf", "A_RES_79_229.pdf"])
def test_running_headers_never_enter_a_paragraph(name: str, flatten: bool) -> None:
    doc = _doc(name, flatten)
    body = [b for b in doc.blocks if b.kind in ("paragraph", "item")]
    assert body
    assert [b.text for b in body if FURNITURE.search(b.text)] == []


@pytest.mark.parametrize("name", ["A_RES_79_100.pdf", "A_RES_79_229.pdf"])
def test_operative_paragraphs_are_numbered_one_to_n(name: str) -> None:
    doc = _doc(name)
    numbers = [int(b.number) for b in doc.blocks if b.kind == "paragraph" and b.number and b.number.isdigit()]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) > 10


def test_a_paragraph_broken_by_a_page_is_joined_again() -> None:
    doc = _doc("A_RES_79_100.pdf")
    first = next(b for b in doc.blocks if b.kind == "paragraph" and b.number == "1")
    assert "in conformity with the Charter of the United Nations and with General Assembly resolution 1514 (XV)" \
        in first.text


def test_title_over_several_lines_and_issue_date_under_distr() -> None:
    meta = _doc("A_RES_79_229.pdf").meta
    assert meta.symbol == "A/RES/79/229"
    assert meta.issued == "2024-12-23"
    assert meta.meeting_start == "2024-12-19"
    assert meta.title == ("Permanent sovereignty of the Palestinian people in the Occupied Palestinian "
                          "Territory, including East Jerusalem, and of the Arab population in the occupied "
                          "Syrian Golan over their natural resources")
    assert meta.agenda_item == "59"


def test_agenda_item_keeps_its_sub_item() -> None:
    from unkg.extract.metadata import _agenda_item
    assert _agenda_item("Seventy-ninth session\nAgenda item 19 (c)\nSustainable development") == "19(c)"
    assert _agenda_item("第七十九届会议\n议程项目19(c)\n可持续发展") == "19(c)"


def _rendered(doc, shape: str) -> str:
    """The laid-out resolution written back as another format would give it."""
    out = []
    for b in doc.blocks:
        if b.kind == "footnote":
            continue
        text = b.text
        if b.kind == "paragraph" and b.number and b.number.isdigit():
            text = f"{b.number}.\n{text}" if shape == "alone" else f"{b.number}. {text}"
        elif b.kind == "item" and b.number and b.label_kind is None:
            text = f"({b.number}) {text}"
        out.append(text)
    return ("\n\n" if shape == "alone" else "\n").join(out)


@pytest.mark.parametrize("shape", ["alone", "lines"])
def test_numbers_alone_on_their_line_and_one_paragraph_per_line(shape: str) -> None:
    """"11." alone on its line before its text, and one paragraph per line with no blank lines
    (a web page, a DOCX), give the same paragraphs and sub-items as the PDF."""
    pdf = _doc("A_RES_79_229.pdf")
    source = replace(pdf.source, text=_rendered(pdf, shape), page_starts=(0,), format="txt")
    again = layout(source)

    def shape_of(doc):
        return [(b.kind, b.number) for b in doc.blocks if b.kind in ("paragraph", "item") and b.number]
    assert shape_of(again) == shape_of(pdf)


def test_each_preamble_clause_is_a_block() -> None:
    doc = _doc("A_RES_79_229.pdf")
    starts = [b.text.split()[0] for b in doc.blocks if b.kind == "header" and b.text.endswith(",")]
    assert [b for b in doc.blocks if b.text.startswith("Recalling its resolution 78/170")][0].text.endswith("2023,")
    assert starts.count("Recalling") >= 3


@pytest.mark.parametrize("path", sorted((Path(__file__).parent / "data" / "akn").glob("*.xml"))
                         + sorted(DATA.glob("*.pdf")), ids=lambda p: p.name)
def test_a_resolution_has_mentions_but_no_participants(path: Path) -> None:
    """Issue 10: a Chinese resolution listed clause fragments and the organisations it asks to
    cooperate as participants with role "party"; a resolution records no attendance."""
    from unkg.extract.pipeline import extract_file
    ex = extract_file(path)
    assert ex.doc.meta.kind == "resolution"
    assert any(m.kind in ("State", "Organization") for m in ex.mentions)
    assert ex.participations == ()
