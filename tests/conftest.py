"""Shared fixtures: real documents made by real tools in each test's tmp_path.

PDFs come from reportlab (Chinese text in the built-in CID font STSong-Light, which needs no
font file), DOCX files from python-docx. Each factory returns the path of the file it wrote.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# UN page furniture printed on every page of the generated PDFs.
SYMBOL = "CTOC/COP/WG.7/2022/3"
JOB_NUMBER = "V.22-02390"
PAGE_COUNT = 14


@pytest.fixture
def seed_paths() -> list[Path]:
    """The seed documents, sorted by name."""
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[..., Path]:
    """Write a PDF with reportlab: one page per entry of ``pages`` (a list of paragraphs),
    each page with a UN header (the symbol) and footer (job number, ``n/14``).

    ``lang="zh"`` sets the paragraphs in STSong-Light with CJK line wrapping; ``"en"`` in
    Times-Roman. ``password`` encrypts the file with that user password.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    styles = {
        "zh": ParagraphStyle("zh", fontName="STSong-Light", fontSize=11, leading=17,
                             wordWrap="CJK", alignment=4, spaceAfter=8),
        "en": ParagraphStyle("en", fontName="Times-Roman", fontSize=11, leading=14,
                             alignment=4, spaceAfter=8),
    }

    def furniture(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 9)
        canvas.drawString(72, A4[1] - 40, SYMBOL)
        canvas.drawString(72, 30, JOB_NUMBER)
        canvas.drawRightString(A4[0] - 72, 30, f"{doc.page}/{PAGE_COUNT}")
        canvas.restoreState()

    def make(name: str, pages: Sequence[Sequence[str]], lang: str = "zh",
             password: str | None = None) -> Path:
        path = tmp_path / name
        encrypt = StandardEncryption(password, "owner", strength=128) if password else None
        doc = SimpleDocTemplate(str(path), pagesize=A4, encrypt=encrypt, title=name)
        story: list = []
        for paragraphs in pages:
            story += [Paragraph(text, styles[lang]) for text in paragraphs] + [PageBreak()]
        doc.build(story[:-1], onFirstPage=furniture, onLaterPages=furniture)
        return path

    return make


@pytest.fixture
def make_image_pdf(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a scanned-style PDF: the text is drawn into a Pillow image, and only the image is
    placed on the page, so the PDF has no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    def make(name: str, text: str) -> Path:
        image = Image.new("L", (1200, 300), color=255)
        ImageDraw.Draw(image).text((40, 120), text, fill=0)
        path = tmp_path / name
        canvas = Canvas(str(path), pagesize=A4)
        canvas.drawImage(ImageReader(image), 40, 500, width=500, height=125)
        canvas.showPage()
        canvas.save()
        return path

    return make


@pytest.fixture
def make_docx(tmp_path: Path) -> Callable[..., Path]:
    """Write a DOCX with python-docx: a heading, the paragraphs ``before``, a table of ``rows``
    (a ``None`` cell is merged into the cell on its left), then the paragraphs ``after``."""
    import docx

    def make(name: str, heading: str, before: Sequence[str], rows: Sequence[Sequence[str | None]],
             after: Sequence[str] = ()) -> Path:
        document = docx.Document()
        document.add_heading(heading, level=1)
        for text in before:
            document.add_paragraph(text)
        if rows:
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    if text is None:
                        table.cell(r, c - 1).merge(table.cell(r, c))
                    else:
                        table.cell(r, c).text = text
        for text in after:
            document.add_paragraph(text)
        path = tmp_path / name
        document.save(str(path))
        return path

    return make


# -- `unkg serve` for the endpoint tests (test_serve, test_load, test_ssrf) -----------------------

class Servers:
    """Starts `unkg serve` on free loopback ports and stops every one it started at the end."""

    def __init__(self) -> None:
        self.started: list = []

    @staticmethod
    def free_port() -> int:
        import socket
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return s.getsockname()[1]

    def start(self, graph: Path, *flags: str):
        """`unkg serve GRAPH FLAGS` once it answers: (process, query URL)."""
        import subprocess
        import sys
        import time
        from urllib.error import URLError
        from urllib.request import urlopen
        bind = f"127.0.0.1:{self.free_port()}"
        server = subprocess.Popen([sys.executable, "-m", "unkg", "serve", str(graph), "--bind", bind, *flags],
                                  stderr=subprocess.PIPE, text=True)
        self.started.append(server)
        url = f"http://{bind}/query"
        for _ in range(300):
            try:
                urlopen(f"{url}?query=ASK%7B%7D", timeout=10).read()
                return server, url
            except (URLError, ConnectionError):
                if server.poll() is not None:
                    pytest.fail(server.stderr.read())
                time.sleep(0.1)
        pytest.fail("unkg serve did not answer")

    def stop_all(self) -> None:
        for server in self.started:  # never leave a server behind, whatever failed
            if server.poll() is None:
                server.terminate()
                server.wait(timeout=15)
            if server.stderr:
                server.stderr.close()


@pytest.fixture(scope="session")
def servers():
    found = Servers()
    yield found
    found.stop_all()
