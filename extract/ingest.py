"""Ingest: a file's bytes -> ``SourceText`` (text, detected encoding, page starts, sha256).

One reader per format; each returns the text with newlines normalised to ``\\n`` and nothing
else cleaned (the layout step removes page furniture and joins lines). Every problem a user
can cause (a missing, empty, binary, truncated, encrypted or image-only file, an unknown
extension) raises ``IngestError`` with a one-line message; library errors never escape.

Page boundaries: PDF pages are joined with a form feed ``\\f``; ``page_starts[i]`` is the
offset where page ``i + 1`` begins. DOCX and HTML have no fixed pages, so ``(0,)``; in them
every line is one whole paragraph (or table row / cell), never a line broken by the layout.

Footnotes: in DOCX the callouts (``w:footnoteReference``) become superscript digits where they
stand, numbered in order of appearance, and the footnotes themselves (``word/footnotes.xml``)
follow the body after a ``__________________`` line, each starting with its superscript number;
in HTML the callouts (``<sup>1</sup>``, Word's ``<a href="#_ftn1">[1]</a>``) and the numbers of a
footnote list become superscript digits too. The layout step reads them as it reads a PDF's.
"""
from __future__ import annotations

import hashlib
import io
import re
import stat
import unicodedata
import warnings
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .models import IngestError, SourceText

if TYPE_CHECKING:  # the format libraries are imported when a file of their kind is read
    from bs4 import BeautifulSoup
    from docx.document import Document as DocxDocument
    from docx.table import _Cell
    from pypdfium2 import PdfPage

SUPPORTED = ".txt, .pdf, .docx, .html"  # and .xml (AKN4UN); the message tests pin this list
MAX_BYTES = 64 * 2**20  # the default input size limit (``unkg build --max-size`` raises it)
MAX_UNZIPPED = 256 * 2**20  # what a DOCX's parts may expand to, as declared (zipfile reads no more)

# Byte-order marks, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_NEWLINES = re.compile(r"\r\n?")
# Control characters that never occur in text (tab, newlines, \v and \f are fine).
_JUNK = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

Reader = Callable[[bytes, str], tuple[str, str | None, tuple[int, ...]]]


class _Unreadable(Exception):
    """Raised inside a reader with the problem; ``read_source`` adds the path."""


def read_source(path: str | Path, max_bytes: int = MAX_BYTES) -> SourceText:
    """Read a .txt, .pdf, .docx or .html file into a ``SourceText``.

    The format comes from the extension; a text file's encoding is detected from its bytes
    (BOM, UTF-16 without BOM, UTF-8, GB18030/GBK, then charset-normalizer), never from its name.
    Raises ``IngestError(path, problem)`` with a one-line problem for any file it cannot read:
    ``read_source("notes.xyz")`` -> "notes.xyz: unsupported file type '.xyz' (expected ...)".
    """
    name = str(path)
    fmt = _format_of(Path(path), name, max_bytes)
    data = _read_bytes(Path(path), name)
    if not data:
        raise IngestError(name, "empty file")
    try:
        text, encoding, page_starts = _READERS[fmt](data, name)
    except _Unreadable as err:
        raise IngestError(name, str(err)) from None
    except Exception as err:  # noqa: BLE001 - whatever a format library raises on bad bytes is this file's problem
        raise IngestError(name, f"not a readable {fmt.upper()} ({_first_line(err)})") from None
    if not text.strip():
        raise IngestError(name, "no text (the file holds only whitespace)")
    digest = hashlib.sha256(data).hexdigest()
    return SourceText(name, text, fmt, digest, encoding, page_starts)


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise IngestError(name, f"cannot read the file ({err.strerror or err})") from None


def _format_of(path: Path, name: str, max_bytes: int) -> str:
    try:
        info = path.stat()
        mode = info.st_mode
    except (FileNotFoundError, NotADirectoryError):
        raise IngestError(name, "no such file") from None
    except OSError as err:
        raise IngestError(name, f"cannot read the file ({err.strerror or err})") from None
    if stat.S_ISDIR(mode):
        raise IngestError(name, "is a directory, not a file")
    ext = path.suffix.lower()
    fmt = {".txt": "txt", ".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html", ".xml": "xml"}.get(ext)
    if fmt is None:
        shown = f"'{ext}'" if ext else "without an extension"
        raise IngestError(name, f"unsupported file type {shown} (expected {SUPPORTED})")
    if info.st_size > max_bytes:
        raise IngestError(name, f"{_mb(info.st_size)} is over the input size limit of {_mb(max_bytes)} "
                                "(raise it with --max-size)")
    return fmt


def _mb(size: int) -> str:
    return f"{size / 2**20:.1f} MB"


# --- plain text --------------------------------------------------------------------------


def _read_txt(data: bytes, name: str) -> tuple[str, str | None, tuple[int, ...]]:
    text, encoding = _decode_text(data)
    return text, encoding, (0,)


# Signatures of the binary files most often given a .txt name by mistake.
_MAGIC = {b"%PDF-": "PDF", b"PK\x03\x04": "zip or DOCX", b"\xd0\xcf\x11\xe0": "Word 97-2003",
          b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image"}


def _decode_text(data: bytes) -> tuple[str, str]:
    """Decode text bytes of unknown encoding; return the text (``\\n`` newlines) and encoding.

    Order: a byte-order mark; UTF-16 without BOM (zero bytes on one side only); strict UTF-8;
    strict GB18030 when the result reads as simplified Chinese; Windows-1252 for Latin text
    with a few accented letters; charset-normalizer. Raises
    ``_Unreadable`` when the bytes are not text.
    """
    kind = next((kind for magic, kind in _MAGIC.items() if data.startswith(magic)), None)
    if kind is not None:
        raise _Unreadable(f"not a text file ({kind} content)")
    for attempt in (_by_bom, _by_utf16_zeros, _by_utf8, _by_gb18030, _by_western, _by_detector):
        found = attempt(data)
        if found is not None:
            text, encoding = found
            if _looks_binary(text):
                break
            return _NEWLINES.sub("\n", text), encoding
    raise _Unreadable("not a text file (binary content)")


def _by_bom(data: bytes) -> tuple[str, str] | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), _bom_name(bom, codec)
            except UnicodeDecodeError:
                raise _Unreadable(f"not valid {_bom_name(bom, codec)} text despite its byte-order mark") from None
    return None


def _bom_name(bom: bytes, codec: str) -> str:
    if codec == "utf-8-sig":
        return codec
    return codec + ("-le" if bom[0] == 0xFF else "-be")


def _by_utf16_zeros(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: ASCII characters (spaces, digits, newlines) leave zero bytes on
    one side of each code unit only; random or binary bytes spread them over both."""
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if len(data) % 2 or even + odd < 2 or min(even, odd) > (even + odd) // 20:
        return None
    codec = "utf-16-le" if odd > even else "utf-16-be"
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError:
        return None


def _by_utf8(data: bytes) -> tuple[str, str] | None:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return None


def _by_gb18030(data: bytes) -> tuple[str, str] | None:
    """GB18030 (a superset of GBK and GB2312) when the decoded text is mostly Chinese.

    Latin-1 text can decode as GB18030 by accident ("Côte" -> one hanzi) and Big5 nearly
    always does, so the text must be at least 20% ideographs, 80% of them common simplified
    characters (those in GB2312)."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    sample = text[:100_000]
    ideographs = _IDEOGRAPH.findall(sample)
    visible = len(sample) - sum(ch.isspace() for ch in sample)
    if not ideographs or len(ideographs) < 0.2 * visible:
        return None
    common = sum(_in_gb2312(ch) for ch in ideographs)
    return (text, "gb18030") if common >= 0.8 * len(ideographs) else None


_HIGH = re.compile(rb"[\x80-\xff]")
_WESTERN = re.compile(r"[\u00c0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u00a0-\u00bf\u2013\u2014\u2018-\u201e\u2020-\u2026\u20ac\u2122]")


def _by_western(data: bytes) -> tuple[str, str] | None:
    """Windows-1252 (a superset of Latin-1's letters) for text that is mostly ASCII with a few
    accented letters or typographic marks (Côte d'Ivoire, São Tomé, Türkiye, “quotes”).

    Any double-byte Chinese code page turns such text into a few stray hanzi ("C矌e"), and
    charset-normalizer may pick one, or an obscure single-byte page (cp775), on short texts.
    Chinese, Cyrillic or Arabic text in a legacy code page has a high byte in most of its
    characters, so a text whose bytes are at least 90% ASCII and whose high bytes all read as
    Latin letters or punctuation in cp1252 is Western."""
    high = len(_HIGH.findall(data))
    if not high or high > len(data) // 10:
        return None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned in cp1252
        return None
    return (text, "cp1252") if len(_WESTERN.findall(text)) == high else None


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _by_detector(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best guess, except that Windows-1252 wins whenever it decodes as
    cleanly (same "chaos"): the detector's language "coherence" is unreliable on short texts
    and turns the French names of English documents (à Genève) into cp1250 (ŕ Genčve).
    Central European text in cp1250 is out of this corpus's scope; English and French are not."""
    from charset_normalizer import from_bytes  # imported here: only legacy encodings need it

    results = from_bytes(data)
    best = results.best()
    if best is None:
        return None
    western = next((m for m in results if m.encoding == "cp1252"), None)
    if western is not None and western.chaos <= best.chaos:
        best = western
    return str(best), best.encoding


def _looks_binary(text: str) -> bool:
    """True when the decoded text has zero bytes, control characters or unassigned code points."""
    if "\x00" in text:
        return True
    sample = text[:65536]
    junk = len(_JUNK.findall(sample))
    junk += sum(unicodedata.category(ch) in ("Cn", "Co", "Cs") for ch in sample if ch > "\u2fff")
    return junk > max(2, len(sample) // 100)


# --- PDF -----------------------------------------------------------------------------------


def _read_pdf(data: bytes, name: str) -> tuple[str, str | None, tuple[int, ...]]:
    pages = _pdf_pages(data)
    if not any(page.strip() for page in pages):
        raise _Unreadable("no text layer; OCR is not supported")
    starts, offset = [], 0
    for page in pages:
        starts.append(offset)
        offset += len(page) + 1
    return "\f".join(pages), None, tuple(starts)


def _pdf_pages(data: bytes) -> list[str]:
    """The text of each page; pdfium marks a hyphen at a line end as \\x02 and drops the line
    break, so both are put back and the layout step decides whether to join the word."""
    import pypdfium2 as pdfium

    if b"%PDF-" not in data[:1024]:
        raise _Unreadable("not a readable PDF (no %PDF header)")
    if b"%%EOF" not in data[-2048:]:
        raise _Unreadable("not a readable PDF (truncated: no %%EOF marker at the end)")
    try:
        with pdfium.PdfDocument(data) as pdf:
            return [_page_text(page).replace("\x02", "-\n") for page in pdf]
    except pdfium.PdfiumError as err:
        raise _Unreadable(_pdf_problem(str(err))) from None


def _page_text(page: PdfPage) -> str:
    textpage = page.get_textpage()
    try:
        return _NEWLINES.sub("\n", textpage.get_text_bounded())
    finally:
        textpage.close()
        page.close()


def _pdf_problem(message: str) -> str:
    reason = message.split("(PDFium: ")[-1].rstrip(").") if "PDFium: " in message else message
    if "password" in reason.lower():
        return "encrypted PDF (needs a password); decrypt it first"
    if "security" in reason.lower():
        return f"encrypted PDF ({reason.lower()})"
    return f"not a readable PDF ({reason.lower()})"


# --- DOCX ----------------------------------------------------------------------------------


def _read_docx(data: bytes, name: str) -> tuple[str, str | None, tuple[int, ...]]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    if data.startswith(b"\xd0\xcf\x11\xe0"):  # the OLE2 container of Word 97-2003 files
        raise _Unreadable("an old Word .doc file named .docx; save it as .docx first")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        damaged = "a damaged or truncated zip" if data.startswith(b"PK") else "not a zip package"
        raise _Unreadable(f"not a readable DOCX ({damaged})")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        expands = sum(part.file_size for part in package.infolist())
    if expands > MAX_UNZIPPED:
        raise _Unreadable(f"refused: its parts expand to {_mb(expands)}, over {_mb(MAX_UNZIPPED)} (a zip bomb?)")
    try:
        document = docx.Document(io.BytesIO(data))
        numbers: dict[str, str] = {}  # footnote id -> its mark as printed: ¹ ² … in order, or "*"
        lines = list(_docx_lines(document, numbers))
        lines += _docx_footnotes(document, numbers)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as err:
        raise _Unreadable(f"not a readable DOCX ({_first_line(err)})") from None
    return _NEWLINES.sub("\n", "\n".join(lines)), None, (0,)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _docx_lines(container: DocxDocument | _Cell, numbers: dict[str, str]) -> Iterator[str]:
    """Paragraphs and table cells in reading order, one paragraph a line; footnote callouts as
    superscript digits."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if not isinstance(block, Table):
            yield _docx_paragraph(block, numbers)
            continue
        for row in block.rows:
            seen: set[int] = set()
            for cell in row.cells:  # a merged cell is listed once per grid column it spans
                if id(cell._tc) not in seen:
                    seen.add(id(cell._tc))
                    yield from _docx_lines(cell, numbers)


def _docx_paragraph(paragraph, numbers: dict[str, str]) -> str:
    """A paragraph's text with its footnote callouts (Word numbers them in order of appearance)."""
    if paragraph._p.find(f".//{_W}footnoteReference") is None:
        return paragraph.text
    from docx.text.run import Run

    parts = []
    for item in paragraph.iter_inner_content():
        for run in [item] if isinstance(item, Run) else item.runs:
            for ref in run._r.findall(f"{_W}footnoteReference"):
                if ref.get(f"{_W}customMarkFollows") in ("1", "true", "on"):
                    numbers.setdefault(ref.get(f"{_W}id", ""), "*")  # the mark is the next run's text: "*"
                    continue
                counted = sum(mark != "*" for mark in numbers.values())
                mark = numbers.setdefault(ref.get(f"{_W}id", ""), str(counted + 1).translate(_SUPERSCRIPTS))
                parts.append(mark)
            parts.append(run.text)
    return "".join(parts)


def _docx_footnotes(document: DocxDocument, numbers: dict[str, str]) -> list[str]:
    """The footnotes called out in the body, in order, after a separator line: "¹ See …"."""
    if not numbers:
        return []
    from lxml import etree

    part = next((rel.target_part for rel in document.part.rels.values()
                 if not rel.is_external and rel.reltype.endswith("/footnotes")), None)
    if part is None:
        return []
    texts = {}
    for note in etree.fromstring(part.blob).iter(f"{_W}footnote"):
        paras = ["".join(t.text or "" for t in p.iter(f"{_W}t")) for p in note.iter(f"{_W}p")]
        texts[note.get(f"{_W}id", "")] = " ".join(x.strip() for x in paras if x.strip())
    out = ["__________________"]
    for note_id, mark in numbers.items():  # in order of their callouts: "*" first on a title page
        if texts.get(note_id):
            out.append(f"{mark} {texts[note_id]}")
    return out if len(out) > 1 else []


def _first_line(err: Exception) -> str:
    text = str(err).strip().splitlines()
    return text[0] if text else type(err).__name__


# --- HTML ----------------------------------------------------------------------------------

_DROP = ("script", "style", "noscript", "head", "template", "title")
_BLOCKS = frozenset(
    "address article aside blockquote caption dd details div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody "
    "thead tfoot tr ul".split()
)
_CELLS = frozenset(("td", "th"))
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)
# What browsers do with the labels (WHATWG Encoding): GB2312 and GBK mean GB18030's superset.
_LABELS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "iso-8859-1": "cp1252",
           "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


def _read_html(data: bytes, name: str) -> tuple[str, str | None, tuple[int, ...]]:
    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning

    markup, encoding = _decode_html(data)
    markup = _NEWLINES.sub("\n", markup)
    with warnings.catch_warnings():  # parsing XHTML as HTML, or a page that is only a URL, is fine
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(markup, "lxml")
    for tag in soup.find_all(_DROP):
        tag.decompose()
    _html_footnote_numbers(soup)
    lines = (line.strip(" \t") for line in _html_text(soup).split("\n"))
    return "\n".join(line for line in lines if line.strip()), encoding, (0,)


_NOTE_LINK = re.compile(r"^#_?(?:ftn|edn|fn|footnote|note)(?:ref)?[-_:]?\d{1,3}$", re.IGNORECASE)
_NOTE_NUMBER = re.compile(r"^\s*\[?\s*(\d{1,3})\s*\]?\s*$")


def _html_footnote_numbers(soup: BeautifulSoup) -> None:
    """Footnote callouts and the numbers that open footnotes, written as superscript digits:
    ``<sup>1</sup>``, and Word's links ``<a href="#_ftn1">[1]</a>`` / ``<a href="#_ftnref1">[1]</a>``."""
    marks = [a for a in soup.find_all("a", href=True) if _NOTE_LINK.match(a["href"])] + soup.find_all("sup")
    for tag in marks:
        m = _NOTE_NUMBER.match(tag.get_text())
        if m and tag.parent is not None:
            tag.string = m[1].translate(_SUPERSCRIPTS)


def _decode_html(data: bytes) -> tuple[str, str]:
    """The declared charset (a BOM first, then <meta charset>) if it decodes; else detection."""
    found = _by_bom(data)
    if found is not None:
        return found
    declared = _DECLARED.search(data[:4096])
    if declared:
        label = declared.group(1).decode("ascii").lower()
        codec = _LABELS.get(label, label)
        try:
            return data.decode(codec), codec
        except (LookupError, UnicodeDecodeError):
            pass
    return _decode_text(data)


def _html_text(soup: BeautifulSoup) -> str:
    """The page's text: whitespace collapsed as a browser does (except in <pre>), block
    elements and <br> as line breaks, table cells apart by a tab; comments and doctypes
    skipped. ``_read_html`` then strips each line, so <pre> keeps its line breaks, not its
    indent. An explicit stack, never recursion and never a tree edit, so the cost stays linear
    however deep the nesting (100,000 nested <div>s)."""
    from bs4 import CData, NavigableString, Tag

    out: list[str] = []
    # (node, inside <pre>); a plain str on the stack is what a tag writes after its children
    stack: list[tuple[object, bool]] = [(soup, False)]
    while stack:
        node, pre = stack.pop()
        if type(node) is str:
            out.append(node)
        elif type(node) in (NavigableString, CData):  # not comments, doctypes, declarations
            out.append(node if pre else _HTML_SPACE.sub(" ", node))
        elif isinstance(node, Tag):
            if node.name == "br":
                out.append("\n")
                continue
            if node.name in _BLOCKS:
                out.append("\n")
            stack.append(("\n" if node.name in _BLOCKS else "\t" if node.name in _CELLS else "", False))
            pre = pre or node.name == "pre"
            stack.extend((child, pre) for child in reversed(node.contents))
    return "".join(out)


def _read_xml(data: bytes, name: str) -> tuple[str, str | None, tuple[int, ...]]:
    """AKN4UN markup: the file's XML as text, once ``akn.parse`` (no DTD, no entities, no
    network) has found it well-formed and in the AKN namespace; ``akn.document`` lays it out."""
    from . import akn
    try:
        return akn.source_text(data), "utf-8", (0,)
    except akn.AknError as err:
        raise _Unreadable(str(err)) from None


_READERS: dict[str, Reader] = {"txt": _read_txt, "pdf": _read_pdf, "docx": _read_docx, "html": _read_html,
                               "xml": _read_xml}
