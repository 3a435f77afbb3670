"""Issue 13: input that is damaged, hostile or huge ends in one line naming the file, never a
traceback, and text that is plainly Western is never decoded as a CJK or obscure code page."""
from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from unkg.extract import ingest, read_docx
from unkg.extract.ingest import read_source
from unkg.extract.models import IngestError

WESTERN = "The delegations of Côte d'Ivoire, São Tomé and Príncipe and Türkiye attended the meeting in Genève."


def problem_of(path: Path, **kwargs) -> str:
    with pytest.raises(IngestError) as caught:
        read_source(path, **kwargs)
    assert caught.value.path == str(path)
    assert "\n" not in str(caught.value)
    return caught.value.problem


@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_latin1_english_keeps_its_accents(tmp_path, codec):
    path = tmp_path / "western.txt"
    path.write_bytes(WESTERN.encode(codec))
    source = read_source(path)
    assert source.text == WESTERN
    assert source.encoding == "cp1252"


def test_cp1252_typography_is_western(tmp_path):
    text = "The Conference “welcomed” the report – and noted the Office’s work… at the 10th session."
    path = tmp_path / "quotes.txt"
    path.write_bytes(text.encode("cp1252"))
    assert read_source(path).text == text


@pytest.mark.parametrize(("codec", "text"), [
    ("gbk", "中华人民共和国代表出席了会议。联合国毒品和犯罪问题办公室"),
    ("big5", "中華民國代表出席了會議，聯合國毒品和犯罪問題辦公室"),
    ("cp1251", "Представитель Российской Федерации выступил с заявлением."),
])
def test_legacy_code_pages_of_other_scripts_still_read(tmp_path, codec, text):
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(codec))
    assert read_source(path).text == text


def test_a_hundred_thousand_nested_divs(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + "deep text" + "</div>" * 100_000
                    + "<p>after</p></body></html>", encoding="utf-8")
    assert read_source(path).text == "deep text\nafter"


def test_html_text_keeps_blocks_cells_breaks_and_pre(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<body><p>One  <b>two</b>\n three</p><table><tr><td>a</td><td>b</td></tr></table>"
                    "x<br>y<pre>  keep\n lines</pre><!-- hidden --></body>", encoding="utf-8")
    assert read_source(path).text.split("\n") == ["One two three", "a\tb", "x", "y", "keep", "lines"]


def test_over_the_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("x" * 3000, encoding="utf-8")
    assert problem_of(path, max_bytes=1024) == "0.0 MB is over the input size limit of 0.0 MB (raise it with --max-size)"
    assert read_source(path, max_bytes=4096).text == "x" * 3000


# --- damaged and hostile DOCX ------------------------------------------------------------------

def _docx(make_docx) -> Path:
    return make_docx("whole.docx", "Report", ["The Working Group met in Vienna."] * 20, rows=[])


def _patch_member(path: Path, member: str, patch) -> None:
    """Rewrite the local and central headers (or the data) of one member of a zip in place."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(member)
    local = info.header_offset
    name_len, extra_len = struct.unpack("<HH", data[local + 26:local + 30])
    central = data.index(b"PK\x01\x02" )
    while data[central + 46:central + 46 + len(member)] != member.encode():  # its central header
        central = data.index(b"PK\x01\x02", central + 4)
    patch(data, local, central, local + 30 + name_len + extra_len, info.compress_size)
    path.write_bytes(bytes(data))


def test_docx_with_damaged_deflate_data(make_docx):
    path = _docx(make_docx)

    def garble(data, local, central, start, size):
        data[start + size // 3:start + size // 3 + 40] = b"\xff" * 40

    _patch_member(path, "word/document.xml", garble)
    assert problem_of(path).startswith("not a readable DOCX (")


def test_docx_with_an_encrypted_member(make_docx):
    path = _docx(make_docx)

    def encrypt(data, local, central, start, size):
        data[local + 6] |= 1
        data[central + 8] |= 1

    _patch_member(path, "word/document.xml", encrypt)
    assert problem_of(path).startswith("not a readable DOCX (")


def test_docx_with_an_unknown_compression_method(make_docx):
    path = _docx(make_docx)

    def method_99(data, local, central, start, size):
        data[local + 8:local + 10] = struct.pack("<H", 99)
        data[central + 10:central + 12] = struct.pack("<H", 99)

    _patch_member(path, "word/document.xml", method_99)
    assert problem_of(path).startswith("not a readable DOCX (")


def test_zip_bomb_docx_is_refused_by_its_declared_size(make_docx, tmp_path, monkeypatch):
    monkeypatch.setattr(read_docx, "MAX_UNZIPPED", 4 * 2**20)  # the rule, at a size a test can afford
    source = _docx(make_docx)
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(source) as z, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in z.infolist():
            bomb.writestr(item, z.read(item))
        with bomb.open("word/media/padding.bin", "w") as padding:
            for _ in range(5):
                padding.write(b"\0" * 2**20)
    assert path.stat().st_size < 64 * 2**10
    assert problem_of(path).startswith("refused: its parts expand to 5.")


def test_a_file_name_with_a_newline_stays_one_line(tmp_path):
    path = tmp_path / "bad\nname.txt"
    path.write_bytes(b"")
    with pytest.raises(IngestError) as caught:
        read_source(path)
    assert "\n" not in str(caught.value) and "bad\\nname.txt: empty file" in str(caught.value)


def test_a_fault_inside_one_document_is_its_line_and_the_rest_build(tmp_path, monkeypatch):
    from unkg.extract import pipeline

    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("The Working Group met in Vienna.", encoding="utf-8")
    bad.write_text("The Working Group met in Vienna again.", encoding="utf-8")
    real = pipeline.with_metadata

    def faulty(doc):
        if doc.source.path.endswith("bad.txt"):
            raise ZeroDivisionError("a bug")
        return real(doc)

    monkeypatch.setattr(pipeline, "with_metadata", faulty)
    results = dict(pipeline.extract_all([bad, good]))
    assert str(results[bad]) == f"{bad}: unkg could not process it (ZeroDivisionError: a bug); the other files are built"
    assert not isinstance(results[good], Exception)


def _with_member(source: Path, path: Path, member: str, rewrite) -> Path:
    """A copy of the DOCX ``source`` with one member's XML rewritten."""
    with zipfile.ZipFile(source) as z, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in z.infolist():
            data = z.read(info)
            out.writestr(info, rewrite(data) if info.filename == member else data)
    return path


SECRET = "the-secret-of-this-machine"


@pytest.mark.parametrize("declaration, use", [
    # XXE: an external entity naming a local file
    ('<!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>', "&x;"),
    # a billion laughs: nested entities that would expand to gigabytes
    ('<!DOCTYPE w:document [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
     '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
     '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>', "&f;"),
], ids=["xxe", "billion-laughs"])
@pytest.mark.parametrize("member", ["word/document.xml", "word/styles.xml"])
def test_a_docx_declaring_entities_is_refused_and_nothing_is_read(make_docx, tmp_path, declaration, use, member):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    source = _docx(make_docx)

    def rewrite(data: bytes) -> bytes:
        head, sep, rest = data.partition(b"?>")
        body = rest.replace(b"<w:t>", b"<w:t>" + use.encode(), 1)
        return head + sep + declaration.format(secret=secret).encode() + body

    path = _with_member(source, tmp_path / "entities.docx", member, rewrite)
    problem = problem_of(path)
    assert problem.startswith(f"refused: {member} declares a DTD"), problem
    assert SECRET not in problem


def test_the_safe_parser_expands_no_entity_and_reads_no_file(tmp_path):
    from unkg.extract import safe_xml
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    root = safe_xml.fromstring(f'<!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}"><!ENTITY y "lol">]><r>&x;&y;</r>'.encode())
    from lxml import etree
    assert SECRET not in etree.tostring(root, encoding="unicode") and "lol" not in "".join(root.itertext())
    assert safe_xml.has_dtd(root)
