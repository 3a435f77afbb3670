"""DOCX -> text: paragraphs and table cells in order, footnotes after a separator line.

Callouts (``w:footnoteReference``) become superscript digits where they stand, numbered in
order of appearance; the footnotes themselves (``word/footnotes.xml``) follow the body after a
``__________________`` line, each starting with its superscript number, so the layout step reads
them as it reads a PDF's. A package whose parts declare more than ``MAX_UNZIPPED`` bytes is
refused before anything is inflated (a zip bomb); zipfile never reads past the declared sizes.
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING

from . import safe_xml
from .encodings import NEWLINES
from .models import Unreadable, first_line, megabytes
from .text import TO_SUPERSCRIPT

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import _Cell

MAX_UNZIPPED = 256 * 2**20  # what a DOCX's parts may expand to, as declared (zipfile reads no more)

def read_docx(data: bytes, name: str) -> tuple[str, str | None, tuple[int, ...]]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    if data.startswith(b"\xd0\xcf\x11\xe0"):  # the OLE2 container of Word 97-2003 files
        raise Unreadable("an old Word .doc file named .docx; save it as .docx first")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        damaged = "a damaged or truncated zip" if data.startswith(b"PK") else "not a zip package"
        raise Unreadable(f"not a readable DOCX ({damaged})")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        expands = sum(part.file_size for part in package.infolist())
        if expands > MAX_UNZIPPED:
            raise Unreadable(f"refused: its parts expand to {megabytes(expands)}, over {megabytes(MAX_UNZIPPED)} "
                             "(a zip bomb?)")
        _refuse_doctypes(package)
    try:
        document = docx.Document(io.BytesIO(data))
        numbers: dict[str, str] = {}  # footnote id -> its mark as printed: ¹ ² … in order, or "*"
        lines = list(_docx_lines(document, numbers))
        lines += _docx_footnotes(document, numbers)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as err:
        raise Unreadable(f"not a readable DOCX ({first_line(err)})") from None
    return NEWLINES.sub("\n", "\n".join(lines)), None, (0,)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _refuse_doctypes(package: zipfile.ZipFile) -> None:
    """Word never writes a document type declaration; one in a part is where entities would be
    declared (an external one reads a file or a URL, nested ones are a billion laughs): refused."""
    for info in package.infolist():
        if info.filename.endswith((".xml", ".rels")):
            with package.open(info) as part:
                if b"<!DOCTYPE" in part.read(4096):
                    raise Unreadable(f"refused: {info.filename} declares a DTD (entities), which Word never writes")


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
                mark = numbers.setdefault(ref.get(f"{_W}id", ""), str(counted + 1).translate(TO_SUPERSCRIPT))
                parts.append(mark)
            parts.append(run.text)
    return "".join(parts)


def _docx_footnotes(document: DocxDocument, numbers: dict[str, str]) -> list[str]:
    """The footnotes called out in the body, in order, after a separator line: "¹ See …"."""
    if not numbers:
        return []
    part = next((rel.target_part for rel in document.part.rels.values()
                 if not rel.is_external and rel.reltype.endswith("/footnotes")), None)
    if part is None:
        return []
    texts = {}
    for note in safe_xml.fromstring(part.blob).iter(f"{_W}footnote"):
        paras = ["".join(t.text or "" for t in p.iter(f"{_W}t")) for p in note.iter(f"{_W}p")]
        texts[note.get(f"{_W}id", "")] = " ".join(x.strip() for x in paras if x.strip())
    out = ["__________________"]
    for note_id, mark in numbers.items():  # in order of their callouts: "*" first on a title page
        if texts.get(note_id):
            out.append(f"{mark} {texts[note_id]}")
    return out if len(out) > 1 else []
