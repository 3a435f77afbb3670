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
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .encodings import NEWLINES, decode_text
from .limits import MAX_BYTES
from .models import IngestError, SourceText, Unreadable, first_line, megabytes
from .read_docx import MAX_UNZIPPED, read_docx  # noqa: F401 - MAX_UNZIPPED: the limit, named here with the others
from .read_html import read_html

if TYPE_CHECKING:  # the format libraries are imported when a file of their kind is read
    from pypdfium2 import PdfPage

SUPPORTED = ".txt, .pdf, .docx, .html"  # and .xml (AKN4UN); the message tests pin this list

Reader = Callable[[bytes, str], tuple[str, str | None, tuple[int, ...]]]


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
    except Unreadable as err:
        raise IngestError(name, str(err)) from None
    except Exception as err:  # noqa: BLE001 - whatever a format library raises on bad bytes is this file's problem
        raise IngestError(name, f"not a readable {fmt.upper()} ({first_line(err)})") from None
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
        raise IngestError(name, f"{megabytes(info.st_size)} is over the input size limit of {megabytes(max_bytes)} "
                                "(raise it with --max-size)")
    return fmt


# --- plain text --------------------------------------------------------------------------


def _read_txt(data: bytes, name: str) -> tuple[str, str | None, tuple[int, ...]]:
    text, encoding = decode_text(data)
    return text, encoding, (0,)


# --- PDF -----------------------------------------------------------------------------------


def _read_pdf(data: bytes, name: str) -> tuple[str, str | None, tuple[int, ...]]:
    pages = _pdf_pages(data)
    if not any(page.strip() for page in pages):
        raise Unreadable("no text layer; OCR is not supported")
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
        raise Unreadable("not a readable PDF (no %PDF header)")
    if b"%%EOF" not in data[-2048:]:
        raise Unreadable("not a readable PDF (truncated: no %%EOF marker at the end)")
    try:
        with pdfium.PdfDocument(data) as pdf:
            return [_page_text(page).replace("\x02", "-\n") for page in pdf]
    except pdfium.PdfiumError as err:
        raise Unreadable(_pdf_problem(str(err))) from None


def _page_text(page: PdfPage) -> str:
    textpage = page.get_textpage()
    try:
        return NEWLINES.sub("\n", textpage.get_text_bounded())
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


def _read_xml(data: bytes, name: str) -> tuple[str, str | None, tuple[int, ...]]:
    """AKN4UN markup: the file's XML as text, once ``akn.parse`` (no DTD, no entities, no
    network) has found it well-formed and in the AKN namespace; ``akn.document`` lays it out."""
    from . import akn
    try:
        return akn.source_text(data), "utf-8", (0,)
    except akn.AknError as err:
        raise Unreadable(str(err)) from None


_READERS: dict[str, Reader] = {"txt": _read_txt, "pdf": _read_pdf, "docx": read_docx, "html": read_html,
                               "xml": _read_xml}
