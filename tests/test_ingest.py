"""Ingest: real files of every supported kind, and every bad input named in issue 2."""
from __future__ import annotations

import hashlib
import random
import re
import zipfile
from pathlib import Path

import pytest

from unkg.extract.ingest import read_source
from unkg.extract.layout import layout
from unkg.extract.models import IngestError, UserError

ZH_PAGE_1 = [
    "1. 工作组建议缔约方会议审议是否采纳以下建议。缔约国应促进原籍国、过境国和目的地国之间在偷运移民"
    "案件上有效的国际合作（包括司法协助）和信息交流，途径包括《有组织犯罪公约》；",
    "2. 阿尔及利亚、意大利和美利坚合众国的代表作了发言。",
]
ZH_PAGE_2 = [
    "3. 按照《偷运移民议定书》第十八条第1款(a)项，缔约国应加强能力建设工作。",
    "4. 工作组第九次会议于2022年6月13日至15日在维也纳举行。",
]
EN_PAGE_1 = [
    "1. The Working Group recommended that States parties should consider, in accordance with "
    "article 6, paragraph 1 (a), of the Smuggling of Migrants Protocol, effective cooperation.",
    "2. Statements were made by the representatives of Algeria, Italy and Côte d’Ivoire.",
]
EN_PAGE_2 = ["3. The ninth meeting was held in Vienna from 13 to 15 June 2022 — “in person”."]

ZH_TEXT = "工作组建议缔约方会议审议是否采纳以下建议。\n《偷运移民议定书》第十八条，阿尔及利亚和意大利。\n"
EN_TEXT = "The Working Group met in Vienna.\nStatements by Côte d'Ivoire, Türkiye and Réunion à Genève.\n"


def problem_of(path: Path) -> str:
    """Read ``path``, expect an IngestError, and return its one-line problem."""
    with pytest.raises(IngestError) as caught:
        read_source(path)
    err = caught.value
    assert isinstance(err, UserError)
    assert err.path == str(path)
    assert str(err) == f"{path}: {err.problem}"
    assert "\n" not in str(err)
    return err.problem


def squeeze(text: str) -> str:
    """Chinese text without the line breaks PDF wrapping puts in it."""
    return text.replace("\n", "")


# --- plain text ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codec", "encoding"),
    [
        (ZH_TEXT, "utf-8", "utf-8"),
        (ZH_TEXT, "utf-8-sig", "utf-8-sig"),
        (ZH_TEXT, "utf-16", "utf-16-le"),  # Python writes the BOM and little-endian units
        (ZH_TEXT, "utf-16-be", "utf-16-be"),  # no BOM
        (ZH_TEXT, "utf-16-le", "utf-16-le"),  # no BOM
        (EN_TEXT, "utf-16-le", "utf-16-le"),  # no BOM, mostly ASCII
        (ZH_TEXT, "gbk", "gb18030"),
        (ZH_TEXT + "𠀀 €", "gb18030", "gb18030"),  # a four-byte GB18030 character
        (EN_TEXT, "cp1252", "cp1252"),
        ("工作組建議締約方會議審議是否採納以下建議。阿爾及利亞的代表作了發言。\n", "big5", "big5"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be", "utf16le", "utf16le-ascii", "gbk",
         "gb18030", "cp1252", "big5"],
)
def test_txt_encoding_is_detected_from_the_bytes(tmp_path, text, codec, encoding):
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode(codec))
    source = read_source(path)
    assert (source.text, source.encoding) == (text, encoding)
    assert (source.format, source.page_starts, source.path) == ("txt", (0,), str(path))


def test_gbk_file_decodes_whatever_its_name_says(tmp_path):
    path = tmp_path / "utf8_version.TXT"
    path.write_bytes(ZH_TEXT.encode("gbk"))
    assert read_source(path).text == ZH_TEXT


def test_txt_newlines_become_lf_and_nothing_else_changes(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("一.  标题 \r\n\r\n\t(a)\u3000项目\xa0 \rpage 2\fend".encode())
    assert read_source(path).text == "一.  标题 \n\n\t(a)\u3000项目\xa0 \npage 2\fend"


def test_sha256_is_of_the_file_bytes(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(ZH_TEXT.encode("gbk"))
    assert read_source(path).sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_seeds_come_back_unchanged(seed_paths):
    assert len(seed_paths) == 4
    for path in seed_paths:
        source = read_source(path)
        assert source.text == path.read_bytes().decode("utf-8")
        assert (source.encoding, source.format) == ("utf-8", "txt")


# --- PDF -----------------------------------------------------------------------------------


def test_chinese_pdf_keeps_pages_and_text(make_pdf):
    source = read_source(make_pdf("zh.pdf", [ZH_PAGE_1, ZH_PAGE_2]))
    assert (source.format, source.encoding) == ("pdf", None)
    assert len(source.page_starts) == 2 and source.page_starts[0] == 0
    assert source.text[source.page_starts[1] - 1] == "\f"
    assert source.text.count("\f") == 1
    pages = source.text.split("\f")
    for page, (n, paragraphs) in zip(pages, enumerate([ZH_PAGE_1, ZH_PAGE_2], 1)):
        for paragraph in paragraphs:
            assert paragraph in squeeze(page)  # pdfium maps STSong-Light (UniGB-UCS2) exactly
        assert "CTOC/COP/WG.7/2022/3" in page and "V.22-02390" in page and f"{n}/14" in page
    assert "\r" not in source.text


def test_english_pdf_keeps_pages_and_text(make_pdf):
    source = read_source(make_pdf("en.pdf", [EN_PAGE_1, EN_PAGE_2], lang="en"))
    first, second = source.text.split("\f")
    assert source.page_starts == (0, len(first) + 1)
    for paragraph in EN_PAGE_1:
        assert paragraph in first.replace("\n", " ")
    assert EN_PAGE_2[0] in second.replace("\n", " ")
    assert "2/14" in second and "1/14" not in second


def test_pdf_hyphen_at_line_end_is_kept_with_its_line_break(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "hyphen.pdf"
    canvas = Canvas(str(path))
    canvas.setFont("Times-Roman", 11)
    for y, line in [(700, "transnational organ-"), (686, "ized crime and co-"), (672, "operation")]:
        canvas.drawString(72, y, line)
    canvas.save()
    assert read_source(path).text == "transnational organ-\nized crime and co-\noperation"


def test_pdf_with_owner_password_only_is_read(make_pdf):
    path = make_pdf("owner.pdf", [ZH_PAGE_2], password="")
    assert ZH_PAGE_2[1] in squeeze(read_source(path).text)


def test_pdf_without_text_layer(make_image_pdf):
    path = make_image_pdf("scan.pdf", "Report of the Working Group")
    assert problem_of(path) == "no text layer; OCR is not supported"


def test_truncated_pdf(make_pdf, tmp_path):
    data = make_pdf("whole.pdf", [EN_PAGE_1, EN_PAGE_2], lang="en").read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: len(data) // 2])
    assert problem_of(path) == "not a readable PDF (truncated: no %%EOF marker at the end)"


def test_corrupt_pdf(make_pdf, tmp_path):
    data = make_pdf("whole.pdf", [ZH_PAGE_1], lang="zh").read_bytes()
    quarter = len(data) // 4
    path = tmp_path / "corrupt.pdf"
    path.write_bytes(data[:quarter] + bytes(2 * quarter) + data[3 * quarter:])
    assert problem_of(path) == "not a readable PDF (data format error)"


def test_html_saved_as_pdf(tmp_path):
    path = tmp_path / "page.pdf"
    path.write_text("<html><body>Report</body></html>", encoding="utf-8")
    assert problem_of(path) == "not a readable PDF (no %PDF header)"


def test_encrypted_pdf(make_pdf):
    path = make_pdf("locked.pdf", [EN_PAGE_1], lang="en", password="secret")
    assert problem_of(path) == "encrypted PDF (needs a password); decrypt it first"


# --- DOCX ----------------------------------------------------------------------------------


def test_chinese_docx_paragraphs_and_table_in_reading_order(make_docx):
    path = make_docx(
        "zh.docx", "偷运移民问题工作组", ZH_PAGE_1,
        rows=[["国家", "代表", None], ["意大利", "阿尔及利亚", "美利坚合众国"]], after=ZH_PAGE_2,
    )
    source = read_source(path)
    assert source.text.split("\n") == [
        "偷运移民问题工作组", *ZH_PAGE_1, "国家", "代表", "意大利", "阿尔及利亚", "美利坚合众国", *ZH_PAGE_2,
    ]
    assert (source.format, source.page_starts, source.encoding) == ("docx", (0,), None)


def test_english_docx(make_docx):
    path = make_docx("en.docx", "Working Group on the Smuggling of Migrants", EN_PAGE_1,
                     rows=[["State", "Speaker"], ["Italy", "Ms. Rossi"]])
    assert read_source(path).text.split("\n") == [
        "Working Group on the Smuggling of Migrants", *EN_PAGE_1, "State", "Speaker", "Italy", "Ms. Rossi",
    ]


def test_truncated_docx(make_docx, tmp_path):
    data = make_docx("whole.docx", "标题", ZH_PAGE_1, rows=[]).read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(data[: len(data) // 2])
    assert problem_of(path) == "not a readable DOCX (a damaged or truncated zip)"


def test_text_named_docx(tmp_path):
    path = tmp_path / "notes.docx"
    path.write_text(EN_TEXT, encoding="utf-8")
    assert problem_of(path) == "not a readable DOCX (not a zip package)"


def test_zip_that_is_not_a_docx(tmp_path):
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("report.txt", EN_TEXT)
    assert problem_of(path).startswith("not a readable DOCX (")


# --- HTML ----------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html><head><title>Page title</title><style>p { color: red }</style>
<script>var s = "<p>not text</p>";</script></head>
<body><!-- a comment -->
<h1>Report   of the
  Working Group</h1>
<p>A &amp; B wrote &lt;script&gt;alert(1)&lt;/script&gt; &quot;as data&quot; in caf&eacute; &#x4E2D;&#22269;</p>
<div>line one<br>line two <span>same line</span></div>
<table><tr><th>State</th><td>Italy</td></tr><tr><td>中国</td><td>China</td></tr></table>
<ul><li>first</li><li>second</li></ul><noscript>enable scripts</noscript>
</body></html>"""


def test_html_text_without_markup_scripts_or_head(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    source = read_source(path)
    assert source.text.split("\n") == [
        "Report of the Working Group",
        'A & B wrote <script>alert(1)</script> "as data" in café 中国',
        "line one",
        "line two same line",
        "State\tItaly",
        "中国\tChina",
        "first",
        "second",
    ]
    assert (source.format, source.encoding, source.page_starts) == ("html", "utf-8", (0,))


def test_html_pre_keeps_its_lines_and_crlf_becomes_lf(tmp_path):
    path = tmp_path / "pre.html"
    path.write_bytes(b"<p>one\r\nparagraph</p><pre>  line 1\r\n  line 2</pre>")
    assert read_source(path).text == "one paragraph\nline 1\nline 2"


def test_html_declared_charset(tmp_path):
    path = tmp_path / "page.htm"
    head = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>'
    path.write_bytes(f"{head}<body><p>{ZH_PAGE_2[0]}</p></body></html>".encode("gbk"))
    assert (read_source(path).text, read_source(path).encoding) == (ZH_PAGE_2[0], "gb18030")


def test_xhtml_and_a_page_that_is_only_a_url(tmp_path):
    xhtml = tmp_path / "page.xhtml.html"
    xhtml.write_text('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
                     "<body><p>Vienna</p></body></html>", encoding="utf-8")
    assert read_source(xhtml).text == "Vienna"
    xml = tmp_path / "export.html"  # XML that is not XHTML, parsed as HTML all the same
    xml.write_text('<?xml version="1.0"?><report><p>Vienna</p><p>Bali</p></report>', encoding="utf-8")
    assert read_source(xml).text == "Vienna\nBali"
    url = tmp_path / "link.html"
    url.write_text("https://www.unodc.org/documents/treaties/report.html", encoding="utf-8")
    assert read_source(url).text == "https://www.unodc.org/documents/treaties/report.html"


def test_html_wrong_or_missing_charset_is_detected(tmp_path):
    path = tmp_path / "page.html"
    body = f"<body><p>{ZH_PAGE_1[0]}</p><p>{ZH_PAGE_1[1]}</p></body>"
    path.write_bytes(f'<html><head><meta charset="utf-8"></head>{body}</html>'.encode("gbk"))
    assert read_source(path).text == "\n".join(ZH_PAGE_1)


# --- bad inputs ----------------------------------------------------------------------------


def test_empty_file(tmp_path):
    for name in ("empty.txt", "empty.pdf", "empty.docx", "empty.html"):
        (tmp_path / name).write_bytes(b"")
        assert problem_of(tmp_path / name) == "empty file"


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text(" \n\u3000\n", encoding="utf-8")
    assert problem_of(path) == "no text (the file holds only whitespace)"


def test_random_bytes_named_txt(tmp_path):
    path = tmp_path / "random.txt"
    path.write_bytes(random.Random(2).randbytes(4096))
    assert problem_of(path) == "not a text file (binary content)"


def test_random_bytes_without_zero_bytes_named_txt(tmp_path):
    path = tmp_path / "random.txt"
    path.write_bytes(bytes(b for b in random.Random(3).randbytes(6000) if b))
    assert problem_of(path) == "not a text file (binary content)"


def test_pdf_named_txt(make_pdf, tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(make_pdf("report.pdf", [ZH_PAGE_1]).read_bytes())
    assert problem_of(path) == "not a text file (PDF content)"


def test_png_named_txt(tmp_path):
    from PIL import Image

    path = tmp_path / "scan.png"
    Image.new("L", (64, 64), color=128).save(path)
    assert problem_of(path.rename(tmp_path / "scan.txt")) == "not a text file (PNG image content)"


def test_unsupported_extension(tmp_path):
    path = tmp_path / "report.xyz"
    path.write_text(EN_TEXT, encoding="utf-8")
    assert problem_of(path) == "unsupported file type '.xyz' (expected .txt, .pdf, .docx, .html)"


def test_no_extension(tmp_path):
    path = tmp_path / "README"
    path.write_text(EN_TEXT, encoding="utf-8")
    assert problem_of(path) == "unsupported file type without an extension (expected .txt, .pdf, .docx, .html)"


def test_missing_file_and_directory(tmp_path):
    assert problem_of(tmp_path / "missing.txt") == "no such file"
    (tmp_path / "folder.txt").mkdir()
    assert problem_of(tmp_path / "folder.txt") == "is a directory, not a file"


def _docx_with_footnotes(path, paragraphs: list[str], notes: dict[str, str]) -> None:
    """A DOCX whose paragraphs hold Word footnote references where ``[[id]]`` stands, and a
    footnotes part with the texts of ``notes`` (and Word's separator and continuation notes)."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    footnotes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {w}>'
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
                 '</w:p></w:footnote>'
                 + "".join(f'<w:footnote w:id="{i}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve">'
                           f' {t}</w:t></w:r></w:p></w:footnote>' for i, t in notes.items())
                 + "</w:footnotes>")
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    body = parts["word/document.xml"].decode("utf-8")
    for i in notes:
        body = re.sub(rf"\[\[{i}\]\]", f'</w:t></w:r><w:r><w:footnoteReference w:id="{i}"/></w:r>'
                                       f'<w:r><w:t xml:space="preserve">', body)
        body = re.sub(rf"\[\[\*{i}\]\]", f'</w:t></w:r><w:r><w:footnoteReference w:customMarkFollows="1" '
                                          f'w:id="{i}"/></w:r><w:r><w:t xml:space="preserve">*', body)
    parts["word/document.xml"] = body.encode("utf-8")
    parts["word/footnotes.xml"] = footnotes.encode("utf-8")
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    parts["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", (
        '<Relationship Id="rIdFn" Target="footnotes.xml" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/footnotes"/></Relationships>')).encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    parts["[Content_Types].xml"] = types.replace("</Types>", (
        '<Override PartName="/word/footnotes.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')).encode("utf-8")
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_docx_footnotes_follow_the_body_and_their_callouts_are_superscript(tmp_path):
    """Word numbers footnotes in order of their callouts (ids may differ): the callouts become
    superscript digits, the notes follow the body after a separator, and the layout reads them."""
    path = tmp_path / "notes.docx"
    _docx_with_footnotes(path, ["1. In its resolution 9/1,[[5]] the Conference established the Mechanism.",
                                "2. The Working Group met in Vienna.[[3]]"],
                         {"3": "See CTOC/COP/WG.3/2023/2.", "5": "See CTOC/COP/2018/13, sect. I.A."})
    text = read_source(path).text
    assert "resolution 9/1,¹ the Conference" in text and "met in Vienna.²" in text
    assert text.endswith("__________________\n¹ See CTOC/COP/2018/13, sect. I.A.\n² See CTOC/COP/WG.3/2023/2.")
    doc = layout(read_source(path))
    assert [(f.number, doc.blocks[f.block].text) for f in doc.footnotes] == \
        [("1", "See CTOC/COP/2018/13, sect. I.A."), ("2", "See CTOC/COP/WG.3/2023/2.")]
    assert "resolution 9/1, the Conference" in doc.text


def test_docx_footnote_with_a_custom_mark(tmp_path):
    """The agenda's footnote on a title page is marked "*" (a custom mark): not numbered."""
    path = tmp_path / "star.docx"
    _docx_with_footnotes(path, ["Item 3 of the provisional agenda[[*2]]", "1. The Conference met.[[4]]"],
                         {"2": "CTOC/COP/2022/1.", "4": "See CTOC/COP/2020/10."})
    text = read_source(path).text
    assert "provisional agenda*\n" in text and "met.¹" in text
    assert text.endswith("__________________\n* CTOC/COP/2022/1.\n¹ See CTOC/COP/2020/10.")


def test_html_footnote_callouts_and_list_as_word_saves_them(tmp_path):
    path = tmp_path / "res.html"
    path.write_text('<html><body><p>Taking note of her report,<a href="#_ftn1" name="_ftnref1"><span '
                    'class=MsoFootnoteReference>[1]</span></a></p><p>1. Decides to continue.<sup>2</sup></p>'
                    '<div style="mso-element:footnote-list"><hr><div id=ftn1><p><a href="#_ftnref1" '
                    'name="_ftn1">[1]</a> A/HRC/53/28.</p></div><div id=ftn2><p><sup>2</sup> See resolution '
                    '44/4.</p></div></div></body></html>', encoding="utf-8")
    doc = layout(read_source(path))
    assert [(f.number, doc.blocks[f.block].text) for f in doc.footnotes] == \
        [("1", "A/HRC/53/28."), ("2", "See resolution 44/4.")]
    assert "Taking note of her report," in doc.text and "continue.2" not in doc.text


def test_unassigned_characters_are_counted_as_by_their_category():
    """The one-pass count of unassigned, private-use and surrogate characters (a character class
    built from the Unicode data) finds exactly what a category lookup per character finds."""
    import unicodedata

    from unkg.extract.encodings import _unassigned_bmp

    pattern = _unassigned_bmp()
    for code in range(0x3000, 0x10000):
        ch = chr(code)
        assert bool(pattern.fullmatch(ch)) == (unicodedata.category(ch) in ("Cn", "Co", "Cs")), hex(code)
