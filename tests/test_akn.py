"""AKN4UN input (issue 10 part 2): the UN's markup read as a first-class format, on real files."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract import akn
from extract.ingest import read_source
from extract.models import IngestError
from extract.pipeline import expand, extract_all, extract_file

DATA = Path(__file__).parent / "data" / "akn"
PAIRS = sorted({p.name.split(".")[0] for p in DATA.glob("*.xml")})


def doc(name: str):
    return akn.document(read_source(DATA / name))


def operative(d) -> list[str]:
    """Labels of the main body's operative paragraphs and items, as recommendations are labelled."""
    out = []
    for b in d.blocks:
        if b.kind == "heading" and b.level == 1:  # an annex
            break
        if b.kind == "paragraph" and b.number:
            out.append(b.number)
        elif b.kind == "item" and b.parent is not None:
            out.append(f"{d.blocks[b.parent].number}({b.number})")
    return out


def test_symbol_dates_and_metadata():
    d = doc("S_RES_2598_2021.en.xml")
    assert d.meta.symbol == "S/RES/2598 (2021)"
    assert (d.meta.issued, d.meta.adopted) == ("2021-09-29", "2021-09-29")
    assert (d.meta.kind, d.meta.body, d.meta.meeting_number, d.meta.language) == ("resolution", "UNSC", 8868, "en")
    assert d.meta.distribution == "General"
    assert doc("S_RES_2598_2021.zh.xml").meta.language == "zh"


def test_symbol_normalised_as_unkg_writes_it():
    assert akn.normalise_symbol("S/RES/2568(2021)") == "S/RES/2568 (2021)"
    assert akn.normalise_symbol(" S/RES/2598  (2021) ") == "S/RES/2598 (2021)"
    assert akn.normalise_symbol("S/PRST/2015/25") == "S/PRST/2015/25"


def test_paragraphs_numbered_1_to_n_with_verbs():
    d = doc("S_RES_2598_2021.en.xml")
    paras = [b for b in d.blocks if b.kind == "paragraph" and b.number]
    assert [b.number for b in paras] == ["1", "2", "3", "4", "5"]
    assert [b.verb for b in paras] == ["Condemns", "Decides", "Renews", "Expresses", "Decides"]
    assert paras[0].text.startswith("Condemns all acts of migrant smuggling")
    preamble = [b for b in d.blocks if b.kind == "paragraph" and not b.number]
    assert [b.verb for b in preamble][:2] == ["Recalling", "Reaffirming"]
    zh = [b.verb for b in doc("S_RES_2598_2021.zh.xml").blocks if b.kind == "paragraph" and b.number]
    assert zh == ["谴责", "决定", "重申", "表示", "决定"]
    for b in d.blocks:
        assert d.text[b.start:b.end] == b.text


def test_sub_items_and_chinese_circled_numbers():
    en, zh = doc("S_RES_2522_2020.en.xml"), doc("S_RES_2522_2020.zh.xml")
    labels = operative(en)
    assert labels[:8] == ["1", "2", "2(a)", "2(b)", "2(i)", "2(ii)", "2(iii)", "2(iv)"]
    assert operative(zh) == labels  # ㈠ ㈡ are (i) (ii)
    nested = [b for b in en.blocks if b.kind == "item" and b.number == "ii"]
    assert nested and all(b.level == 2 for b in nested)
    assert akn.label("㈢") == ("iii", None) and akn.label("(十一)") == ("xi", None)
    assert akn.label("(a)") == ("a", None) and akn.label("•") == ("-", "bullet") and akn.label("12.") == ("12", None)


@pytest.mark.parametrize("pair", PAIRS)
def test_zh_en_same_labels_and_same_key(pair):
    en, zh = doc(f"{pair}.en.xml"), doc(f"{pair}.zh.xml")
    assert en.meta.symbol == zh.meta.symbol and en.meta.symbol
    assert operative(en) == operative(zh)
    assert en.meta.issued == zh.meta.issued and en.meta.adopted == zh.meta.adopted
    numbers = [int(n) for n in operative(en) if n.isdigit()]
    assert numbers == list(range(1, len(numbers) + 1))


def test_links_are_references():
    ex = extract_file(DATA / "S_RES_2598_2021.en.xml")
    keys = {r.key for r in ex.resolutions}
    assert {"SC resolution 2240 (2015)", "SC resolution 2546 (2020)"} <= keys
    assert "SC resolution 2598 (2021)" not in keys  # never itself
    assert {"S/PRST/2015/25", "S/2021/767"} <= {s.symbol for s in ex.symbols}
    zh = extract_file(DATA / "S_RES_2598_2021.zh.xml")
    assert {r.key for r in zh.resolutions} == keys
    assert {s.symbol for s in zh.symbols} == {s.symbol for s in ex.symbols}
    for link in ex.doc.links:
        assert ex.doc.text[link.start:link.end] == link.text


def test_keywords_and_votes_kept():
    d = doc("S_RES_2598_2021.en.xml")
    assert any(s.vocabulary == "EuroVoc" and s.iri == "http://eurovoc.europa.eu/8428" for s in d.subjects)
    assert any(s.vocabulary == "SDGO" and s.iri == "http://metadata.un.org/sdg/16" for s in d.subjects)
    assert len(d.votes) == 15 and all(v.choice == "in-favour" for v in d.votes)
    assert {v.key for v in d.votes} >= {"CHN", "FRA", "RUS", "GBR", "USA", "VNM"}


def test_footnote_cut_out_where_it_stands(tmp_path):
    src = (DATA / "S_RES_2661_2022.en.xml").read_text(encoding="utf-8")
    src = src.replace("</docTitle>", "</docTitle>", 1)
    marker = '<authorialNote marker="1" placement="bottom"><p>See <a href="https://undocs.org/en/A/74/976">A/74/976</a>.</p></authorialNote>'
    i = src.index("</p>", src.index("<mainBody>"))
    (tmp_path / "note.en.xml").write_text(src[:i] + marker + src[i:], encoding="utf-8")
    d = doc_at(tmp_path / "note.en.xml")
    assert len(d.footnotes) == 1 and "A/74/976" in d.blocks[d.footnotes[0].block].text
    assert "See A/74/976" not in "".join(b.text for b in d.blocks if b.kind != "footnote")


def doc_at(path):
    return akn.document(read_source(path))


def test_malformed_and_foreign_xml_are_one_line_errors(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text(f'<akomaNtoso xmlns="{akn.NS}"><statement><p>unclosed</statement>', encoding="utf-8")
    foreign = tmp_path / "foreign.xml"
    foreign.write_text("<html><body>not AKN</body></html>", encoding="utf-8")
    for path, words in ((broken, "not well-formed XML"), (foreign, "not an AKN4UN document")):
        with pytest.raises(IngestError) as err:
            read_source(path)
        assert words in str(err.value) and "\n" not in str(err.value) and str(path) in str(err.value)


def test_external_entity_is_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    xxe = tmp_path / "xxe.xml"
    xxe.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM "file://{secret}">'
                   f'<!ENTITY y "lol">]>\n<akomaNtoso xmlns="{akn.NS}"><statement name="resolution">'
                   '<mainBody><paragraph><num>1.</num><content><p>&x; &y;</p></content></paragraph>'
                   '</mainBody></statement></akomaNtoso>', encoding="utf-8")
    with pytest.raises(IngestError) as err:
        extract_file(xxe)
    assert "\n" not in str(err.value) and "TOP-SECRET" not in str(err.value)
    root = akn.parse(xxe.read_bytes().replace(b"<!DOCTYPE", b"<!-- ").replace(b"]>\n<akom", b"-->\n<akom")
                     .replace(b"&x; &y;", b"plain"))
    assert root is not None


def test_folder_builds_with_bad_files_beside_good_ones(tmp_path):
    for name in ("S_RES_2598_2021.en.xml", "S_RES_2661_2022.zh.xml"):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    (tmp_path / "broken.xml").write_text("<akomaNtoso", encoding="utf-8")
    results = dict(extract_all(expand([tmp_path])))
    assert len(results) == 3
    errors = [p.name for p, r in results.items() if isinstance(r, IngestError)]
    assert errors == ["broken.xml"]
    assert all(r.doc.meta.symbol for r in results.values() if not isinstance(r, IngestError))
