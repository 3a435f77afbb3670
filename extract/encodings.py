"""Plain text of unknown encoding -> str: the order of guesses and why.

A byte-order mark; UTF-16 without a mark (zero bytes on one side only); strict UTF-8; strict
GB18030 when the result reads as simplified Chinese; Windows-1252 for Western text with a few
accented letters (Côte d'Ivoire, São Tomé, Türkiye — never Big5 or cp775); charset-normalizer last.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache

from .models import Unreadable

# Byte-order marks, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
NEWLINES = re.compile(r"\r\n?")
# Control characters that never occur in text (tab, newlines, \v and \f are fine).
_JUNK = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


# Signatures of the binary files most often given a .txt name by mistake.
_MAGIC = {b"%PDF-": "PDF", b"PK\x03\x04": "zip or DOCX", b"\xd0\xcf\x11\xe0": "Word 97-2003",
          b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image"}


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode text bytes of unknown encoding; return the text (``\\n`` newlines) and encoding.

    Order: a byte-order mark; UTF-16 without BOM (zero bytes on one side only); strict UTF-8;
    strict GB18030 when the result reads as simplified Chinese; Windows-1252 for Latin text
    with a few accented letters; charset-normalizer. Raises
    ``Unreadable`` when the bytes are not text.
    """
    kind = next((kind for magic, kind in _MAGIC.items() if data.startswith(magic)), None)
    if kind is not None:
        raise Unreadable(f"not a text file ({kind} content)")
    for attempt in (by_bom, _by_utf16_zeros, _by_utf8, _by_gb18030, _by_western, _by_detector):
        found = attempt(data)
        if found is not None:
            text, encoding = found
            if _looks_binary(text):
                break
            return NEWLINES.sub("\n", text), encoding
    raise Unreadable("not a text file (binary content)")


def by_bom(data: bytes) -> tuple[str, str] | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), _bom_name(bom, codec)
            except UnicodeDecodeError:
                raise Unreadable(f"not valid {_bom_name(bom, codec)} text despite its byte-order mark") from None
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
    junk = len(_JUNK.findall(sample)) + len(_unassigned_bmp().findall(sample))
    # each distinct character beyond the BMP (rare) looked up once
    junk += sum(sample.count(ch) for ch in set(_ASTRAL.findall(sample)) if _unassigned(ch))
    return junk > max(2, len(sample) // 100)


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _unassigned(ch: str) -> bool:
    """Unassigned, private-use or surrogate: no text has it."""
    return unicodedata.category(ch) in ("Cn", "Co", "Cs")


@cache
def _unassigned_bmp() -> re.Pattern[str]:
    """The characters of U+3000..U+FFFF that are ``_unassigned``, as one character class: counted
    by one regex pass (in C) rather than a category lookup per distinct character of every text.
    Built once per process from this Python's Unicode data (~10 ms)."""
    codes = [c for c in range(0x3000, 0x10000) if _unassigned(chr(c))]
    runs, start = [], codes[0]
    for prev, c in zip(codes, codes[1:] + [None]):
        if c != prev + 1:
            runs.append(f"{re.escape(chr(start))}-{re.escape(chr(prev))}")
            start = c
    return re.compile(f"[{''.join(runs)}]")
