"""unkg on real UN documents: the AKN4UN markup as an answer key, and the invariants of GA PDFs.

(a) Security Council resolutions (``../shared/corpus/sc-akn``, zh and en): each AKN file is
    built by the AKN path (the key), then rendered as the text a PDF gives (cover lines with
    symbol and date, the title page's two columns on one line as the UN prints them: "United
    Nations S/RES/2504 (2020)", "Security Council Distr.: General"; lines wrapped at the measure,
    Chinese set by display width without breaking a Latin word or opening a line with "，";
    a blank line between paragraphs) and as one
    paragraph per line (what DOCX and HTML give), and both renderings are built by the text
    path. Compared with the key: operative paragraphs (F1 over label + text), labels (share of
    the key's paragraph and item labels found), strengths (share of the key's recommendations
    found with the same label and strength), documents referred to (F1 over resolution keys and
    symbols), metadata fields (symbol, issued, language, kind, title), and zh-en pairs sharing
    their document key.
(b) General Assembly PDFs (``../shared/corpus/ga-pdf``): operative paragraphs numbered 1..N
    without gap or repeat, no page furniture in a paragraph (own symbol, job number, page
    counter), the full title (as printed after "79/NNN." up to the opening line), own symbol,
    issue date.

    python benchmarks/real_corpus.py          # a deterministic sample: every 4th SC pair, every 5th PDF
    python benchmarks/real_corpus.py --full   # everything (329 SC files, 130 PDFs)

Measured on the shared 2-core machine (five other jobs running): the default sample (41 SC
pairs, 26 PDFs) in 19.6 s, ``--full`` (162 pairs and 5 unpaired files, 130 PDFs) in 85.7 s. The figures are reported, not fixed here: the lead assigns fixes to the layout and
metadata modules.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
import textwrap
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract import akn_text  # noqa: E402
from extract.models import Extraction  # noqa: E402
from extract.pipeline import extract_file  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
_ROMAN_ZH = {v: k for k, v in akn_text.CIRCLED.items()}  # (i) prints as ㈠ in Chinese
FIELDS = ("symbol", "issued", "language", "kind", "title")


def f1(found: set, key: set) -> tuple[int, int, int]:
    return len(found & key), len(found), len(key)


def _score(tp: int, nf: int, nk: int) -> float:
    return 2 * tp / (nf + nk) if nf + nk else 1.0


# --- (a) SC: the markup as an answer key ----------------------------------------------------------

def operative(ex: Extraction) -> dict[str, str]:
    """Label -> text of the main body's numbered paragraphs and items (annexes left out)."""
    d, out = ex.doc, {}
    for b in d.blocks:
        # the markup heads an annex at level 1, text at the level of any unnumbered heading
        if b.kind == "heading" and re.match(r"(?i)annex|附件", b.text):
            break
        if b.kind == "paragraph" and b.number:
            out[b.number] = _norm(b.text)
        elif b.kind == "item" and b.parent is not None and d.blocks[b.parent].number:
            out[f"{d.blocks[b.parent].number}({b.number})"] = _norm(b.text)
    return out


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s)[:60]


def render(ex: Extraction, wrapped: bool) -> str:
    """The text a PDF (``wrapped``) or a DOCX gives of the AKN document."""
    d, lang = ex.doc, ex.doc.lang
    lines: list[str] = []
    width = 44 if lang == "zh" else 90
    for b in d.blocks:
        if b.kind == "footnote":
            continue
        text = _printed(b, lang)
        if b.kind == "header" and (text == d.meta.symbol or text.startswith("Distr.")) and lines:
            # the title page's two columns print on one line: "United Nations S/RES/…",
            # "Security Council Distr.: General" (a blank line may follow the left column)
            while not lines[-1] and len(lines) > 1:
                lines.pop()
            lines[-1] = f"{lines[-1]} {text}"
        elif wrapped and b.kind != "header":
            lines.extend(_wrap(text, width, lang))
        else:
            lines.append(text)
        if wrapped:
            lines.append("")
    return "\n".join(lines) + "\n"


def _printed(b, lang: str) -> str:
    """A block's text with its number as printed: "3. …", "(a) …", "㈡ …" (Chinese (ii)), "• …"."""
    if b.kind == "paragraph" and b.number:
        return f"{b.number}. {b.text}"
    if b.kind != "item":
        return b.text
    num = "-" if b.label_kind == "bullet" else b.number or ""
    if num == "-":
        return f"• {b.text}"
    if not num:  # an item the markup leaves unnumbered (a sub-heading's text) prints no label, not "()"
        return b.text
    shown = _ROMAN_ZH.get(num, f"({num})") if lang == "zh" and b.level >= 2 else f"({num})"
    return f"{shown} {b.text}"


def _wrap(text: str, width: int, lang: str) -> list[str]:
    if lang == "zh":
        return _wrap_zh(text, 2 * width) or [""]
    return textwrap.wrap(text, width) or [""]


_NO_LINE_START = set("，。、；：？！）》」』”’")  # Chinese typesetting never opens a line with these
_RUN = re.compile(r"[A-Za-z0-9/().\-]")  # a Latin word, symbol or number is never broken


def _wrap_zh(text: str, measure: int) -> list[str]:
    """Chinese as a PDF sets it: lines filled to the measure in display width (a Chinese character
    is twice a Latin one), a run of Latin letters and digits moved whole to the next line, closing
    punctuation kept at the end of its line."""
    lines, start, used = [], 0, 0
    for i, c in enumerate(text):
        w = 2 if unicodedata.east_asian_width(c) in "WF" else 1
        if used + w > measure and i > start and c not in _NO_LINE_START:
            cut = i
            while cut > start + 1 and _RUN.match(text[cut - 1]) and _RUN.match(text[cut]):
                cut -= 1
            cut = i if cut == start + 1 else cut
            lines.append(text[start:cut])
            start = cut
            used = sum(2 if unicodedata.east_asian_width(x) in "WF" else 1 for x in text[start:i])
        used += w
    lines.append(text[start:])
    return [ln for ln in lines if ln]


def references(ex: Extraction) -> set[str]:
    return {r.key for r in ex.resolutions} | {re.sub(r"\s+", "", s.symbol) for s in ex.symbols}


def recommendations(ex: Extraction) -> set[tuple[str, str]]:
    return {(r.label, r.strength) for r in ex.recommendations}


def sc(sample: int) -> dict[str, list]:
    files = sorted((CORPUS / "sc-akn").glob("*/*.en.xml"))[::sample]
    tallies: dict[str, list] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for en in files:
            keys: dict[str, list] = {"wrapped": [], "lines": []}
            for f in (en, en.with_name(en.name.replace(".en.", ".zh."))):
                if not f.exists():
                    continue
                key = extract_file(f)
                for shape in ("wrapped", "lines"):
                    path = Path(tmp) / f"{f.stem}.{shape}.txt"
                    path.write_text(render(key, shape == "wrapped"), encoding="utf-8")
                    got = extract_file(path)
                    _compare(tallies, f"{shape}", key, got)
                    keys[shape].append(got.doc.meta.symbol or f"(file) {path.stem}")
            for shape, found in keys.items():
                if len(found) == 2:
                    tallies.setdefault(f"{shape} pairs", []).append(int(found[0] == found[1]))
    return tallies


def _compare(t: dict[str, list], shape: str, key: Extraction, got: Extraction) -> None:
    k, g = operative(key), operative(got)
    t.setdefault(f"{shape} paragraphs", []).append(f1({(a, b) for a, b in g.items()}, set(k.items())))
    t.setdefault(f"{shape} labels", []).append((len(set(k) & set(g)), len(k)))
    kr, gr = recommendations(key), recommendations(got)
    t.setdefault(f"{shape} strengths", []).append((len(kr & gr), len(kr)))
    t.setdefault(f"{shape} references", []).append(f1(references(got), references(key)))
    same = sum(getattr(key.doc.meta, f) == getattr(got.doc.meta, f) for f in FIELDS)
    t.setdefault(f"{shape} metadata", []).append((same, len(FIELDS)))


# --- (b) GA PDFs: invariants ------------------------------------------------------------------------

_JOB = re.compile(r"\b\d{2}-\d{5}\b")
# a page counter beside its job number ("2/5 24-23545"); alone, "4/4" is as often a resolution
_COUNTER = re.compile(r"\b\d{1,3}/\d{1,3}\s+\d{2}-\d{5}\b|\b\d{2}-\d{5}\s+\d{1,3}/\d{1,3}\b")


def ga(sample: int) -> dict[str, list]:
    t: dict[str, list] = {}
    for pdf in sorted((CORPUS / "ga-pdf").glob("*.pdf"))[::sample]:
        ex = extract_file(pdf)
        own = "A/RES/" + "/".join(pdf.stem.split("_")[2:])
        numbers = [int(b.number) for b in ex.doc.blocks if b.kind == "paragraph" and (b.number or "").isdigit()]
        # a resolution of one unnumbered paragraph ("Approves the report …") has no numbering to break
        t.setdefault("numbering 1..N", []).append((int(numbers == list(range(1, len(numbers) + 1))), 1))
        paras = [b for b in ex.doc.blocks if b.kind in ("paragraph", "item")]
        title = _printed_title(ex.doc.source.text, own)
        dirty = [b for b in paras if own in b.text or _JOB.search(b.text) or _COUNTER.search(b.text)
                 or (title and len(title) > 30 and _unquoted(title, b.text))]
        t.setdefault("furniture in paragraphs", []).append((len(dirty), len(paras)))
        got = re.sub(r"\s+", " ", ex.doc.meta.title or "").strip()
        t.setdefault("full title", []).append((int(bool(title) and got == title), 1))
        t.setdefault("own symbol", []).append((int(ex.doc.meta.symbol == own), 1))
        t.setdefault("issue date", []).append((int(bool(ex.doc.meta.issued)), 1))
    return t


def _unquoted(title: str, text: str) -> bool:
    """The running title glued into a paragraph, not the paragraph naming the item or the resolution
    ("the item entitled “Question of Anguilla”", "its resolution 78/170 on the Model Law on …")."""
    for m in re.finditer(re.escape(title), text):
        before = text[max(0, m.start() - 40):m.start()]
        if not re.search(r"[“\"‘]\s*$|entitled\s*$|\b(?:the|its|on|of|and|to)\s*$", before):
            return True
    return False


def _printed_title(text: str, own: str) -> str | None:
    """The title as printed on the first page: after "79/100." up to "The General Assembly,"."""
    number = own.removeprefix("A/RES/")
    m = re.search(rf"^\s*{re.escape(number)}\.\s+(.+?)\n\s*(?:\n\s*)?The General Assembly,", text, re.M | re.S)
    return re.sub(r"\s+", " ", m[1]).strip() if m else None


# --- report -----------------------------------------------------------------------------------------

def table(title: str, tallies: dict[str, list]) -> None:
    print(f"\n{title}\n{'figure':<28}{'value':>8}  {'n':>6}")
    for name, rows in tallies.items():
        if rows and len(rows[0]) == 3 if isinstance(rows[0], tuple) else False:
            tp, nf, nk = (sum(r[i] for r in rows) for i in range(3))
            print(f"{name + ' F1':<28}{_score(tp, nf, nk):>8.3f}  {nk:>6}")
        elif rows and isinstance(rows[0], tuple):
            a, n = sum(r[0] for r in rows), sum(r[1] for r in rows)
            print(f"{name:<28}{(a / n if n else 1.0):>8.4f}  {n:>6}")
        else:
            print(f"{name:<28}{(sum(rows) / len(rows) if rows else 1.0):>8.3f}  {len(rows):>6}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--full", action="store_true", help="every document, not the sample")
    args = ap.parse_args(argv)
    start = time.time()
    table("Security Council, AKN4UN as the key (text path vs AKN path)", sc(1 if args.full else 4))
    table("General Assembly PDFs, invariants", ga(1 if args.full else 5))
    print(f"\n{'full' if args.full else 'sample'} run in {time.time() - start:.1f} s")


if __name__ == "__main__":
    main()
