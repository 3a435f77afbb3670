"""What a document says about itself: symbol, distribution, dates, body, meeting, kind.

The title page (the "header" blocks before the first heading or paragraph) carries most of it,
in the document's language and in English (``Distr.: Limited``, ``11 September 2017``,
``Original: English``); the meeting number is read from the phrase that names this meeting
(``工作组第四次会议``, "the seventh meeting of the Working Group").
"""
from __future__ import annotations

import re
from dataclasses import replace

from unkg.ontology import bodies

from . import dates
from .gazetteer import find_names
from .lang import Grammar, grammar
from .lang.en import metadata as en_metadata
from .lang.zh import metadata as zh_metadata
from .models import Document, Metadata
from .structure import clause_start, is_toc
from .text import cjk_ratio, join_pieces, width
from .lang.zh import numerals as zh_numerals
from .lang.zh.numerals import NUMERAL_CHARS

# Registry keys of the bodies that hold meetings and issue documents (ontology/bodies.json). A
# title page names the parent (the Conference) before the body itself (a working group), so the
# last one named wins.
MEETING_BODIES = frozenset(bodies.keys())
# Symbol series -> body, as the bodies table gives them (``bodies.of_symbol`` reads them).
SYMBOL_BODIES = tuple((prefix, b.key) for b in bodies.bodies() for prefix in b.symbol_prefixes)

CITIES = {"维也纳": "Vienna", "纽约": "New York", "日内瓦": "Geneva", "曼谷": "Bangkok",
          "内罗毕": "Nairobi", "多哈": "Doha", "京都": "Kyoto", "巴勒莫": "Palermo", "巴黎": "Paris",
          "阿布扎比": "Abu Dhabi", "马拉喀什": "Marrakech"}
_EN_CITY = re.compile(r"\b(Vienna|New York|Geneva|Bangkok|Nairobi|Doha|Kyoto|Palermo|Paris|Abu Dhabi|Marrakech)\b")

# (pattern, kind); the first that matches the title page wins. A title page mixes languages
# ("Distr.: General" on a Chinese one), so each kind's zh and en words are read together.
KINDS = tuple((re.compile(f"(?:{zh})|(?:{en})", re.M), kind)
              for (kind, zh), (_, en) in zip(zh_metadata.KINDS, en_metadata.KINDS, strict=True))
_EN_ORDINAL = r"(?P<ord>" + "|".join(en_metadata.ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))"


def title_page(doc: Document) -> str:
    """The title-page lines: header blocks up to the line that opens a resolution's preamble
    ("The General Assembly," / "大会，"), which still names the body; the preamble is not title.
    An agenda item's title broken at its commas ("Promotion and protection of all human rights, civil,")
    goes on."""
    from .resolutions import openers

    lines = []
    for b in doc.blocks:
        if b.kind not in ("header", "toc"):
            break
        lines.append(b.text)
        comma = b.text.rstrip().endswith((",", "，"))
        if (comma and (openers(b.text, doc.lang) or clause_start(b.text))) or width(b.text) > 160:
            break
    return "\n".join(lines)


def read_metadata(doc: Document) -> Metadata:
    """The document's metadata, from its title page and the sentence that names its meeting."""
    header = title_page(doc)
    lang = "zh" if cjk_ratio(doc.text[:5000]) > 0.3 else "en"
    g = grammar(lang)
    symbol = _symbol(doc)
    body = _body(header, doc.text, lang, symbol)
    start, end, place = _meeting_dates(header, doc.text, lang)
    meeting, adopted = _adoption(header, g)
    return Metadata(
        symbol=symbol, distribution=_field(r"Distr\.?\s*:\s*(\w+)", header), issued=_issued(header),
        language=lang, original_language=_field(r"Original\s*:\s*(\w+)", header),
        body=body, meeting_number=_session(header) or meeting or _meeting_number(doc.text, lang, body),
        meeting_start=start, meeting_end=end, place=place, agenda_item=_agenda_item(header), kind=_kind(header),
        title=_title(doc, header, g), adopted=adopted or _adopted_by(header, start),
        session=_session(header, sessions_only=True), plenary_meeting=_plenary(doc, g),
    )


def with_metadata(doc: Document) -> Document:
    return replace(doc, meta=read_metadata(doc))


def _symbol(doc: Document) -> str | None:
    from .furniture import own_symbol, split_lines  # the symbol is page furniture
    symbol = own_symbol(split_lines(doc.source))
    return normalise_symbol(symbol) if symbol else None


def normalise_symbol(symbol: str) -> str:
    """One form of a symbol however it is printed, the form the AKN path writes, so that the zh
    and en versions get one key: a Security Council year after one space ("S/RES/2568(2021)" ->
    "S/RES/2568 (2021)")."""
    return re.sub(r"\s*\((\d{4})\)$", r" (\1)", symbol.strip())


def _adoption(header: str, g: Grammar) -> tuple[int | None, str | None]:
    """The meeting number and date of the title page's adoption line ("Adopted by the Security
    Council at its 8700th meeting, on 10 January 2020" / "2020年1月10日安全理事会第8700次会议通过")."""
    m = g.metadata.ADOPTION.search(header)
    if not m:
        return None, None
    return (int(m["meeting"]) if m["meeting"] else None), g.metadata.adoption_date(m["date"])


def _adopted_by(header: str, start: str | None) -> str | None:
    """A resolution "adopted by the General Assembly on 19 December 2024": its meeting's day."""
    return start if any(m[0].startswith(("Resolution", "Decision")) for m in _ADOPTED_BY.finditer(header)) \
        else None


def _plenary(doc: Document, g: Grammar) -> int | None:
    """The plenary meeting that closes a GA resolution ("69th plenary meeting"), never its session."""
    m = None
    for b in doc.blocks:
        if b.kind in ("closing", "paragraph", "header") and len(b.text) < 60:
            m = g.metadata.PLENARY.match(b.text) or m
    return int(m["n"]) if m else None


def _field(pattern: str, header: str) -> str | None:
    m = re.search(pattern, header)
    return m[1] if m else None


_BARE_DATE = re.compile(r"^\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*$")


def _issued(header: str) -> str | None:
    """The issue date: a bare English date line just under ``Distr.:`` on the title page (a
    column of the title block may come between them). ``Distr.:`` may end the line of the body's
    name ("General Assembly Distr.: General") when the two columns are not set apart."""
    lines = header.splitlines()
    for i, line in enumerate(lines):
        if re.search(r"(?:^|\s)Distr\.?\s*:", line):
            for below in lines[i + 1: i + 4]:
                if _BARE_DATE.match(below):
                    return dates.en_range(below)[0]
    return None


# Lines that say outright whose document this is: "Resolution adopted by the General Assembly",
# "The Economic and Social Council,", "2021年12月16日大会决议", "大会，".
_ADOPTED_BY = re.compile(r"^(?:Resolution|Decision) adopted by the (?P<en>.+?)(?: on .*)?$|^The (?P<en2>[^,]+),$|"
                         r"^(?:\d{4}年\d{1,2}月\d{1,2}日)?(?P<zh>\S+?)(?:决议|决定|，)$", re.M)


def _body(header: str, text: str, lang: str, symbol: str | None) -> str | None:
    for m in _ADOPTED_BY.finditer(header):
        named = [h.key for h in find_names(m["en"] or m["en2"] or m["zh"], lang) if h.key in MEETING_BODIES]
        if named:
            return named[0]
    # "经济及社会理事会 / 正式记录", "Economic and Social Council / Official Records": the series a
    # report is published in, not the body whose report it is
    series = [m.start() for m in re.finditer(r"正式记录|Official Records", header)]
    named = [h.key for h in find_names(header, lang) if h.key in MEETING_BODIES
             and not any(0 <= s - h.end <= 3 for s in series)]
    if named:
        return named[-1]
    if by_symbol := bodies.of_symbol(symbol):  # the body of the symbol's series
        return by_symbol.key
    m = re.search(rf"第[{NUMERAL_CHARS}\d]+\s*[次届]会议|{_EN_ORDINAL} (?:meeting|session)", text)
    before = [h.key for h in find_names(text[max(0, m.start() - 40): m.end() + 80] if m else text, lang)
              if h.key in MEETING_BODIES]
    return before[0] if before else None


_SESSION = re.compile(r"^(?P<en>[A-Za-z-]+) (?:session|meeting)$|^第(?P<zh>[{0}\d]+)\s*[届次]会议(?:报告)?$|"
                      r"^Report (?:of the .+? )?on (?:its|the) (?P<en2>[A-Za-z-]+) session\b".format(NUMERAL_CHARS),
                      re.M)


en_ordinal = en_metadata.ordinal  # first -> 1, Seventy-sixth -> 76, 21st -> 21


def _session(header: str, sessions_only: bool = False) -> int | None:
    """The session printed on its own title-page line: "Seventy-sixth session", "第七十六届会议"
    (or, unless ``sessions_only``, a meeting's: "Fourth meeting", "第四次会议")."""
    for m in _SESSION.finditer(header):
        if sessions_only and not re.search(r"session|届", m[0]):
            continue
        return en_ordinal(m["en"] or m["en2"]) if (m["en"] or m["en2"]) else zh_numerals.to_int(m["zh"])
    return None


def _meeting_number(text: str, lang: str, body: str | None) -> int | None:
    # the text may name its meeting in either language: both are read, Chinese first
    self_zh = zh_metadata.SELF_NAMES.get(body or "", zh_metadata.SELF_NAME)
    self_en = en_metadata.SELF_NAMES.get(body or "", en_metadata.SELF_NAME)
    m = re.search(rf"{self_zh}(?:[^。；]{{0,60}}?(?:举行|召开)了?(?:其)?)?第(?P<n>[{NUMERAL_CHARS}\d]+)\s*[次届]会议", text)
    if m:
        return zh_numerals.to_int(m["n"])
    m = re.search(rf"{_EN_ORDINAL} (?:meeting|session) of the {self_en}|"
                  rf"{self_en}[^.]{{0,80}}?\b(?:at|held) its {_EN_ORDINAL.replace('ord', 'ord2')} (?:meeting|session)",
                  text)
    if not m:
        return None
    return en_ordinal(m["ord"] or m["ord2"])


def _meeting_dates(header: str, text: str, lang: str) -> tuple[str | None, str | None, str | None]:
    """Dates and city of the meeting: the title-page line ``2017年9月11日至13日，维也纳`` or
    ``Vienna, 8 and 9 September 2020`` (not the issue date under ``Distr.``)."""
    lines = header.splitlines()
    for line in lines:  # a resolution's meeting is the one that adopted it, that day
        if _ADOPTED_BY.match(line) and (found := grammar(lang).metadata.date_range(line))[0]:
            return found[0], found[1], _city(line)
    for line in lines:
        if _BARE_DATE.match(line):  # the issue date
            continue
        start, end, m = grammar(lang).metadata.date_range(line)
        if start:
            return start, end, _city(line) or _held_in(text, start)
    return None, None, None


def _held_in(text: str, start: str) -> str | None:
    """The city of the sentence that dates this meeting ("…于2022年5月16日至20日在维也纳举行",
    "…was held in Vienna from 16 to 20 May 2022"), when the title page names none."""
    for sentence in re.split(r"(?<=[。.;；])", text):
        found = grammar("zh" if re.search(r"[\u4e00-\u9fff]", sentence) else "en").metadata.date_range(sentence)[0]
        if found == start and re.search(r"举行|召开|\bheld\b", sentence):
            return _city(sentence)
    return None


def _city(line: str) -> str | None:
    for zh, en in CITIES.items():
        if zh in line:
            return en
    m = _EN_CITY.search(line)
    return m[1] if m else None


def _agenda_item(header: str) -> str | None:
    # "Agenda item 19 (c)" / "议程项目19(c)": the sub-item is part of the item, in both languages
    m = re.search(r"议程\*?\s*项目\s*(\d+(?:\s*\([a-z]\))?)|[Ii]tem\s+(\d+(?:\s*\([a-z]\))?)(?![\w(])", header)
    return re.sub(r"\s+", "", m[1] or m[2]) if m else None


def _kind(header: str) -> str | None:
    kind = next((k for pat, k in KINDS if pat.search(header)), None)
    if re.search(r"^\s*(增编|Addendum)\s*$", header, re.M):
        return f"{kind} (addendum)" if kind else "addendum"
    return kind


_OWN_TITLE = re.compile(r"^(?:S-)?\d{1,4}/\d{1,3}\.\s*(?P<title>.+)$|^(?P<report>(?:Report|Draft report) (?:of|on) .+|.+的报告)$")
_NOT_TITLE = re.compile(r"Distr|Original|^\[|Item \d|[Aa]genda item|议程|^\w+$|\d{4}|draft resolution|决议草案|"
                        r"^(?:United Nations|联\s*合\s*国)")


# What follows a title on a title page: its fields, never more title.
_TITLE_STOP = re.compile(r"Distr|Original|^\[|[Aa]genda item|议程|(?:Resolution|Decision) adopted|决议$|决定$|"
                         r"^(?:United Nations|联\s*合\s*国)(?:\s+[A-Z]\S*/\S+)?$|^(?:S-)?\d{1,4}/\d{1,3}\.")


def _continued(title: str, after: list[str], lang: str) -> str:
    """A title printed over several lines ("79/229. Permanent sovereignty of the Palestinian
    people in the Occupied" / "Palestinian Territory, …"): the lines after its first up to the
    body's opening line or a preamble clause are the rest of it."""
    from .resolutions import openers

    for line in after:
        clause = clause_start(line) and line.rstrip().endswith((",", "，"))  # not "Developing Countries"
        if openers(line, lang) or clause or _TITLE_STOP.search(line) or is_toc(line):
            break
        title = title + join_pieces(title, line) + line
    return title


def _title(doc: Document, header: str, g: Grammar) -> str | None:
    """The document's own title: a resolution's "76/186. Title" line, a Security Council
    resolution's "Resolution 2504 (2020)", a report's "Report on …" line, else the longest
    title-page line that is no body name, date, symbol or note."""
    lang = g.code
    lines = header.splitlines()
    if m := g.metadata.RESOLUTION_TITLE.search(header):
        return m[0].strip()
    # a resolution's numbered title line first: the agenda item above it may also read "Report of …"
    for group in ("title", "report"):
        for i, line in enumerate(lines):
            if (m := _OWN_TITLE.match(line)) and m[group]:
                return _continued(m[group], lines[i + 1:], lang)
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    spans = [(h.start, h.end) for h in find_names(header, lang)]
    candidates = [ln for ln, at in zip(lines, starts) if not _NOT_TITLE.search(ln)
                  and not is_toc(ln) and not ln.rstrip().endswith((",", "，"))
                  and sum(min(e, at + len(ln)) - max(s, at) for s, e in spans if s < at + len(ln) and at < e)
                  < 0.8 * len(ln)]  # all names: "Conference of the Parties to the United Nations Convention…"
    return max(candidates, key=len) if candidates else None
