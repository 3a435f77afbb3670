"""Resolutions and decisions a text refers to, each with its issuing body.

A recipe:

1. find references by grammar: Chinese ``大会第58/4号决议``, ``第69/149、70/179和71/167号决议``,
   ``其1991年12月18日第46/152号、2005年9月16日第60/1号和2020年12月16日第75/196号决议``,
   ``欧安组织常设理事会第 557/Rev.1 号决定``; English ``General Assembly resolution 70/1``,
   ``resolutions 46/152 of 18 December 1991, 60/1 of 16 September 2005 and 75/196 of 16 December
   2020``, ``decision 4/4``, ``Security Council resolution 2240 (2015)``, ``resolution S-30/1``;
   and resolution symbols (``A/RES/64/293``, ``S/RES/2240 (2015)``, ``E/RES/2003/20``,
   ``A/HRC/RES/44/4``). Dates between the items of a list belong to the items, not to the list;
2. give every item of a list its own reference, sharing the list's issuer;
3. name the issuer, in this order:

   a. the body named right before (``经社理事会第...``, ``大会2000年11月15日第55/25号决议``,
      ``Conference resolution``, "adopted by the General Assembly in its resolution 55/25") or
      right after (``第7/1号决议中，缔约方会议``, ``resolution 5/3 of the Conference``);
   b. "its" / ``其`` (``Recalling its resolution 5/3``, ``重申其…决议``): the body that speaks,
      named by the opening line of the resolution or decision the words stand in ("The General
      Assembly," / ``大会，``), whatever the number's shape;
   c. the number's shape: ``2240 (2015)`` the Security Council, ``2003/20`` ECOSOC, a session of
      31 or more (or a special session, ``S-30/1``, or a Roman one, ``217 A (III)``) the General Assembly;
   d. a reference that continues a list whose issuer was named (``委员会第26/4号决议和第27/3号决议``)
      shares it;
   a'. the body named earlier in the clause when the references single out some of its resolutions
      (``人权理事会以往…的所有决议，包括…第44/4号决议``, "all previous resolutions of the Human Rights
      Council …, including resolutions 44/4 …"), or, for numbers alone on their lines, the body the
      sentence above them says adopted them (``委员会通过的下列决议…：``, "The following resolutions
      adopted by the Commission …:");
   e. for the small session numbers of subsidiary bodies, the body that speaks there (a heading
      ``Resolution 30/1`` is the resolution whose opening line follows it), else the body the
      document belongs to (a text that speaks of the Conference of the Parties: COP).

   A reference whose issuer cannot be told is left out rather than guessed.

Keys (``ResolutionRef.key``) read "COP resolution 5/3", "GA resolution 64/293",
"SC resolution 2240 (2015)", "OSCE Permanent Council decision 557/Rev.1".
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter

from .models import ResolutionRef

# Issuing bodies as printed -> the body code used in keys. Longest names first when matching; a
# body is named on the same line as the number (a line break ends a paragraph in the laid-out text).
ISSUERS_ZH = {
    "联合国大会": "GA", "大会": "GA", "联大": "GA", "安全理事会": "SC", "安理会": "SC",
    "经济及社会理事会": "ECOSOC", "经社理事会": "ECOSOC", "人权理事会": "HRC",
    "预防犯罪和刑事司法委员会": "CCPCJ", "麻醉药品委员会": "CND", "缔约方会议": "COP",
    "反腐败公约缔约国会议": "COSP", "缔约国会议": "COSP", "委员会": "CCPCJ",  # as "Commission" in English
    "欧安组织常设理事会": "OSCE Permanent Council", "常设理事会": "OSCE Permanent Council",
    "其": "its",
}
ISSUERS_EN = {
    "General Assembly": "GA", "Assembly": "GA", "Security Council": "SC",
    "Economic and Social Council": "ECOSOC", "ECOSOC": "ECOSOC", "Human Rights Council": "HRC",
    "Commission on Crime Prevention and Criminal Justice": "CCPCJ", "Commission on Narcotic Drugs": "CND",
    "Conference of the Parties": "COP", "COP": "COP", "Conference of the States Parties": "COSP",
    "OSCE Permanent Council": "OSCE Permanent Council", "Permanent Council": "OSCE Permanent Council",
    "Commission": "CCPCJ", "Conference": "COP", "Council": "Council",  # "Council": decided by shape
    "UNGA": "GA", "CCPCJ": "CCPCJ", "CND": "CND", "HRC": "HRC", "UNSC": "SC",
    "its": "its", "Its": "its",
}
# Bodies whose resolutions carry small session numbers (5/3): the document's own body decides.
SESSION_BODIES = {"COP", "COSP", "CCPCJ", "HRC", "CND"}
HOME_BODIES = {
    "COP": re.compile(r"缔约方会议|Conference of the Parties"),
    "COSP": re.compile(r"缔约国会议|Conference of the States Parties"),
    "CCPCJ": re.compile(r"预防犯罪和刑事司法委员会|Commission on Crime Prevention and Criminal Justice"),
    "HRC": re.compile(r"人权理事会|Human Rights Council"),
}

# The line that opens a resolution or decision and names the body that speaks in it ("The General
# Assembly," / "大会，"), then its first preamble or operative clause. Text laid out from a PDF may
# glue it to the title before it and the clauses after it, so it is found inside a line too: the
# body capitalised ("The Conference of the Parties to the …,"), a comma, then the end of the line
# or a clause's first word (Recalling, Deeply concerned, Decides; 回顾, 深信, 决定).
OPENER_BODIES_EN = {
    "General Assembly": "GA", "Economic and Social Council": "ECOSOC", "Security Council": "SC",
    "Human Rights Council": "HRC", "Commission on Crime Prevention and Criminal Justice": "CCPCJ",
    "Commission on Narcotic Drugs": "CND", "Conference of the Parties": "COP",
    "Conference of the States Parties": "COSP", "Commission": "CCPCJ", "Conference": "COP",
}
OPENER_BODIES_ZH = {
    "大会": "GA", "经济及社会理事会": "ECOSOC", "安全理事会": "SC", "人权理事会": "HRC",
    "预防犯罪和刑事司法委员会": "CCPCJ", "麻醉药品委员会": "CND", "缔约方会议": "COP", "缔约国会议": "COSP",
    "委员会": "CCPCJ",
}
_CLAUSE_EN = r"(?:[A-Z][a-z]+(?:ing|ed|s)|Mindful|Aware|Deeply|Gravely|Also|Further|Bearing|Taking|Having)\b"
_CLAUSE_ZH = (r"(?:又|还|并|进一步|再次|深为|深切|严重|强烈|深|也)?(?:回顾|重申|注意到|铭记|欢迎|确认|认识到|深信|关切|"
              r"强调|表示|申明|考虑到|意识到|赞赏|承认|念及|决心|震惊|遵循|认可|审议了|决定|请|敦促|促请|鼓励|邀请|吁请|"
              r"通过|核可|核准|建议)")


def _alternation(names) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


OPENER = {
    "en": re.compile(rf"""(?:^|(?<=[\s"“]))(?:The\s+|^["“]?)(?P<body>{_alternation(OPENER_BODIES_EN)})
                          (?:\s+to\s+the\s+[^,\n]{{5,120}}?)?\s*,(?=[ \t]*$|\s+{_CLAUSE_EN})""",
                     re.VERBOSE | re.MULTILINE),
    "zh": re.compile(rf"(?<![交向请由经和与及、给在])(?P<body>{_alternation(OPENER_BODIES_ZH)})\s*[，,]"
                     rf"(?=[ \t]*$|\s*{_CLAUSE_ZH})", re.MULTILINE),  # not 提交大会，请…
}
# A chapter or section heading ends the stretch a resolution's opening line speaks for.
SECTION = re.compile(r"^(?:[IVX]+|[A-H]|[一二三四五六七八九十]+)[.．、]\s*\S", re.MULTILINE)

# One number as printed: 5/3, 64/293, 2003/20, S-30/1, 557/Rev.1, 2240 (2015), 71/243 A, or a bare 1325.
_NUM = r"""\d+(?:\s?[A-Z])?\s?[(（][IVXL]+[)）]              # 217 A (III), 3314 (XXIX): the Assembly before 1976
           |(?:S|ES)-\d+[/／]\d+
           |\d+\s*[/／]\s*(?:Rev\.\d+|\d+)(?:[/／]Rev\.\d+)?
           |\d+\s*[(（]\d{4}[)）]
           |\d+(?:[/／]Rev\.\d+)?"""
# Parts of a resolution: 71/243 A and B (zh: 71/243 A 和 B 号), a single 70/1 A before punctuation.
_LETTERS_ZH = r"(?:\s*[A-D](?:\s*(?:和|、|至)\s*[A-D])*(?=\s*号))"
_LETTERS_EN = r"(?:\s+[A-D](?:,\s*[A-D])*\s+and\s+[A-D](?![\w/])|\s+[A-D](?=[,;.)]|\s*$))"
# Dates printed between the items of a list: "60/1 of 16 September 2005", "2005年9月16日第60/1号".
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE_EN = rf"\s+of\s+\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}"
DATE_ZH = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
# An annex named after an item: "55/25, annexes I-III, and 55/255".
ANNEX_EN = r"(?:,?\s+annex(?:es)?(?:\s+[IVX]+(?:\s*(?:[-–,]|and|to)\s*[IVX]+)*)?)"
_DATES = re.compile(rf"{DATE_EN}|{DATE_ZH}")

RES_ZH = re.compile(rf"""
    第\s*(?P<items>                                    # the numbers, one or a list
      (?:{_NUM}){_LETTERS_ZH}?(?:\s*号)?
      (?:\s*(?:、|，|,|和|及|以及|与)\s*(?:{DATE_ZH}\s*)?(?:第\s*)?(?:{_NUM}){_LETTERS_ZH}?(?:\s*号)?)*
    )
    \s*(?P<kind>决议|决定)                              # resolution or decision
    """, re.VERBOSE)

RES_EN = re.compile(rf"""
    (?P<kind>\b[Rr]esolutions?|\b[Dd]ecisions?)        # resolution(s) or decision(s)
    \s+(?:No\.\s*)?
    (?P<items>                                         # the numbers, one or a list, each with its date
      (?:{_NUM}){_LETTERS_EN}?(?:{DATE_EN})?{ANNEX_EN}?
      (?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)(?:{_NUM}){_LETTERS_EN}?(?:{DATE_EN})?{ANNEX_EN}?)*
    )
    """, re.VERBOSE)

ITEM = re.compile(rf"(?P<num>{_NUM})(?P<letters>{_LETTERS_ZH}|{_LETTERS_EN})?", re.VERBOSE)

ISSUER_BEFORE_ZH = re.compile(rf"""
    (?P<issuer>{_alternation(ISSUERS_ZH)})             # the body, or 其 (its)
    [^\S\n]*(?:在其?|于)?[^\S\n]*                                 # 缔约方会议在第8/2号决议中
    (?:第[\d一二三四五六七八九十]+届(?:特别)?会议上?)?  # 缔约方会议(在其)第五届会议(上)通过的
    [^\S\n]*(?:通过的?|的)?[^\S\n]*
    (?:{DATE_ZH})?[^\S\n]*                                  # 大会2000年11月15日第55/25号决议
    (?:题为“[^”]{{0,300}}”的)?[^\S\n]*\Z                     # 大会…题为“…”的第58/137号决议
    """, re.VERBOSE)
ISSUER_AFTER_ZH = re.compile(rf"^\s*中\s*[，,]\s*(?P<issuer>{_alternation(ISSUERS_ZH)})")
ISSUER_BEFORE_EN = re.compile(rf"""
    (?:\b|^)(?P<issuer>{_alternation(ISSUERS_EN)})(?:'s)?  # the body, or "its"
    (?P<tail>[^\S\n]+to[^\S\n]+the(?:[^\S\n]+(?:[A-Z][\w-]*|against|of|on|and|the|in)){{1,12}}?)?  # to the … Convention
    (?:[^\S\n]*,?[^\S\n]+(?:in|by|through|under|with)[^\S\n]+its|[^\S\n]+of)?  # "…, in its resolution"; "adoption by X of resolution"
    [^\S\n]+\Z
    """, re.VERBOSE)
ISSUER_AFTER_EN = re.compile(rf"""
    ^(?:\s+(?:of|adopted\s+by|by)\s+the|\s*,\s*the)\s+  # resolution 5/3 of the Conference
    (?P<issuer>{_alternation(ISSUERS_EN)})
    """, re.VERBOSE)
_CONNECTOR = re.compile(r"^\s*(?:和|、|及|以及|与|,|，|and|,\s*and)\s*$")
# The body named earlier in the clause, when the references single out some of its resolutions:
# "人权理事会以往关于…的所有决议，包括…第44/4号决议和…第50/3号决议", "all previous resolutions of the
# Human Rights Council on …, including resolutions 44/4 …", "its previous resolutions …, in particular".
_SINGLED_OUT_ZH = re.compile(rf"""
    (?P<issuer>{_alternation(ISSUERS_ZH)})[^。；\n]{{0,150}}?决[议定][^。；\n]{{0,6}}?[，,]?\s*
    (?:包括|特别是|尤其是|其中包括)
    (?:\s*(?:{DATE_ZH})?\s*第\s*[^。；，\n]{{1,30}}?号(?:决议|决定)\s*(?:、|和|及|以及|，|,)\s*)*  # earlier items
    \s*(?:{DATE_ZH})?\s*\Z
    """, re.VERBOSE)
_SINGLED_OUT_EN = re.compile(rf"""
    (?:\b(?:resolutions|decisions)\s+(?:of|by|adopted\s+by)\s+the\s+(?P<issuer>{_alternation(ISSUERS_EN)})
      |(?P<issuer2>{_alternation(ISSUERS_EN)})(?:'s)?\s+(?:(?:previous|earlier|prior|relevant|other|all)\s+)*
       (?:resolutions|decisions))\b
    [^;.\n]{{0,200}}?,?\s+(?:including|in\s+particular|particularly|notably)\s+\Z
    """, re.VERBOSE)
# A list of resolutions under the sentence that says who adopted them ("委员会通过的下列决议提请经济及
# 社会理事会注意：" / "The following resolutions adopted by the Commission are brought to the attention
# of the Council:"), each number on a line of its own.
_ADOPTED_LIST_ZH = re.compile(rf"(?P<issuer>{_alternation(ISSUERS_ZH)})[^，。；：\n]{{0,20}}?通过的(?:下列|以下|下述)"
                              r"(?:决议|决定)[^\n]{0,40}[：:]\s*$")
_ADOPTED_LIST_EN = re.compile(rf"(?:following\s+(?:resolutions|decisions),?\s+adopted\s+by\s+the\s+"
                              rf"(?P<issuer>{_alternation(ISSUERS_EN)})|(?P<issuer2>{_alternation(ISSUERS_EN)})"
                              r"\s+adopted\s+the\s+following\s+(?:resolutions|decisions))\b[^\n]{0,80}:\s*$")

# Resolution symbols: A/RES/64/293, S/RES/2240 (2015), E/RES/2003/20, A/HRC/RES/44/4.
RES_SYMBOL = re.compile(r"""
    (?<![\w/])(?P<series>A/HRC|A|S|E)/RES/
    (?P<num>(?:S-)?\d+(?:/\d+)?(?:\s?\(\d{4}\))?)        # 64/293, S-30/1, 2240 (2015), 2003/20
    """, re.VERBOSE)
SYMBOL_BODY = {"A": "GA", "S": "SC", "E": "ECOSOC", "A/HRC": "HRC"}


def find_resolutions(text: str, lang: str) -> list[ResolutionRef]:
    """Every resolution and decision ``text`` refers to, one entry per item of a list, in order.

    >>> [r.key for r in find_resolutions("大会第69/149、70/179和71/167号决议", "zh")]
    ['GA resolution 69/149', 'GA resolution 70/179', 'GA resolution 71/167']
    """
    lang = "zh" if lang == "zh" else "en"
    context = _Context(text, lang)
    grammar = RES_ZH if lang == "zh" else RES_EN
    refs: list[ResolutionRef] = []
    previous: tuple[int, str | None] = (-1, None)  # end and named issuer of the last reference
    for m in grammar.finditer(text):
        issuer = _issuer(text, m, lang)
        inherited = previous[1] if previous[1] and _CONNECTOR.match(text[previous[0]:m.start()]) else None
        refs += _from_match(m, issuer, inherited, context)
        previous = (m.end(), issuer if issuer != "its" else context.speaker(m.start()))
    refs += [_from_symbol(m) for m in RES_SYMBOL.finditer(text)]
    return sorted(refs, key=lambda r: r.start)


def home_body(text: str) -> str | None:
    """The body a text speaks of most among those numbering resolutions by session (COP, CCPCJ...)."""
    counts = Counter({body: len(p.findall(text)) for body, p in HOME_BODIES.items()})
    body, n = counts.most_common(1)[0]
    return body if n else None


def openers(text: str, lang: str) -> list[tuple[int, int, str]]:
    """(start, end, body) of every opening line of a resolution or decision in ``text``
    ("The General Assembly,", "联合国打击跨国有组织犯罪公约缔约方会议，").

    >>> openers("Title The Conference of the Parties to the Convention, Recalling its resolution 5/3,", "en")
    [(6, 54, 'COP')]
    """
    table = OPENER_BODIES_ZH if lang == "zh" else OPENER_BODIES_EN
    return [(m.start(), m.end(), table[m.group("body")]) for m in OPENER["zh" if lang == "zh" else "en"].finditer(text)]


_SENTENCE_END_EN = re.compile(r"(?<!\bNo)(?<!\bpara)(?<!\bparas)[.!?]\s+(?=[A-Z\"“])")


class _Context:
    """Who speaks where: the opening lines of resolutions, the sections that end them, the home body."""

    def __init__(self, text: str, lang: str):
        self.text = text
        self.lang = lang
        self.home = home_body(text)
        self.openers = [(start, body) for start, _, body in openers(text, lang)]
        self.starts = [o for o, _ in self.openers]
        self.sections = [m.start() for m in SECTION.finditer(text)]

    def speaker(self, pos: int) -> str | None:
        """The body whose resolution ``pos`` stands in: the last opening line before it, unless a
        section heading came in between."""
        i = bisect.bisect_right(self.starts, pos) - 1
        if i < 0:
            return None
        start, body = self.openers[i]
        k = bisect.bisect_right(self.sections, pos) - 1
        return body if k < 0 or self.sections[k] < start else None

    def subject(self, start: int, end: int) -> str | None:
        """Outside a resolution, whose "its" (其) a reference at ``start``-``end`` is: the first body
        named before it in its sentence that is not itself the issuer of a resolution cited there
        ("The work of the Commission …, which addressed … in its resolution 26/4"; not "General
        Assembly resolution 65/230"), else the body named right after ("In its resolution 7/1, the
        Conference …")."""
        zh = self.lang == "zh"
        stops = "。；\n" if zh else ";\n"
        begin = max(self.text.rfind(c, 0, start) for c in stops) + 1
        if not zh:
            begin = max([begin] + [m.end() for m in _SENTENCE_END_EN.finditer(self.text, begin, start)])
        table = ISSUERS_ZH if zh else ISSUERS_EN
        names = _alternation(n for n, code in table.items() if code not in ("its", "Council"))
        issuer_of = r"\s*(?:第|\d)" if zh else r"(?:'s)?\s+(?:resolutions?|decisions?)\b"
        for m in re.finditer(rf"(?<![\w-])(?:{names})(?![\w-])", self.text[begin:start]):
            if not re.match(issuer_of, self.text[begin + m.end():start]):
                return table[m.group()]
        after = (ISSUER_AFTER_ZH if zh else ISSUER_AFTER_EN).search(self.text[end:end + 60])
        return table[after.group("issuer")] if after else None

    def adopted_list(self, start: int, end: int) -> str | None:
        """For a reference alone on its line in a list under "委员会通过的下列决议…：" / "The following
        resolutions adopted by the Commission …:" (no heading between): the body that adopted them."""
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self.text.find("\n", end)
        if self.text[line_start:start].strip() or self.text[end:len(self.text) if line_end < 0 else line_end].strip(" ."):
            return None
        pattern = _ADOPTED_LIST_ZH if self.lang == "zh" else _ADOPTED_LIST_EN
        window_start = max(0, line_start - 3000)
        for m in reversed(list(re.finditer(r"[^\n]+", self.text[window_start:line_start]))):
            if SECTION.match(m.group()):
                return None
            found = pattern.search(m.group())
            if found:
                table = ISSUERS_ZH if self.lang == "zh" else ISSUERS_EN
                return table[found.group("issuer") or found.groupdict().get("issuer2")]
        return None

    def heading_body(self, start: int, end: int) -> str | None:
        """For a reference alone on its line ("Resolution 30/1", "第30/1号决议", or after a colon:
        "…brought to the attention of the Council: Resolution 30/1"): the body of the opening line
        that follows within three lines — the resolution the heading titles."""
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self.text.find("\n", end)
        line_end = len(self.text) if line_end < 0 else line_end
        before = self.text[line_start:start]
        alone = (re.fullmatch(r"\s*", before) or re.search(r"[:：]\s*$", before)) and \
            not self.text[end:line_end].strip(" .")  # alone, or after a colon the layout joined it to
        if not alone:
            return None
        i = bisect.bisect_right(self.starts, end)
        if i < len(self.starts) and self.text.count("\n", end, self.starts[i]) <= 3:
            return self.openers[i][1]
        return None


def _from_match(m: re.Match, issuer: str | None, inherited: str | None, context: _Context) -> list[ResolutionRef]:
    """One ResolutionRef per number of the list ``m`` matched, each with the list's issuer."""
    kind = "decision" if m.group("kind") in ("决定",) or m.group("kind").lower().startswith("decision") else "resolution"
    if issuer == "its":
        issuer = context.speaker(m.start()) or context.subject(m.start(), m.end()) or "its"
    issuer = issuer or context.adopted_list(m.start(), m.end())
    local = context.speaker(m.start()) or context.heading_body(m.start(), m.end())
    if local not in SESSION_BODIES:
        local = None  # the General Assembly no longer numbers resolutions 9/1: not the speaker's
    refs = []
    for number in _numbers(m.group("items")):
        body = _body(issuer, number, inherited, local or context.home)
        if body is not None:
            refs.append(ResolutionRef(m.start(), m.end(), m.group(), body, kind, number))
    return refs


def _numbers(items: str) -> list[str]:
    """The numbers of a list, normalised: "71/243 A and B" gives "71/243 A" and "71/243 B";
    the dates between items are no numbers."""
    out = []
    items = _DATES.sub(lambda d: " " * len(d.group()), unicodedata.normalize("NFKC", items))
    for m in ITEM.finditer(items):
        num = re.sub(r"\s*/\s*", "/", m.group("num").strip())
        num = re.sub(r"\s*\((\d{4}|[IVXL]+)\)", r" (\1)", num)
        num = re.sub(r"^(\d+)\s*([A-Z]) ", r"\1 \2 ", num)  # 217A (III) -> 217 A (III)
        letters = re.findall(r"[A-D]", m.group("letters") or "")
        out += [f"{num} {x}" for x in letters] if letters else [num]
    return out


def _issuer(text: str, m: re.Match, lang: str) -> str | None:
    """The body named right before or right after the reference, as a key code ("its" for its/其)."""
    before, after = text[max(0, m.start() - 400):m.start()], text[m.end():m.end() + 60]
    table = ISSUERS_ZH if lang == "zh" else ISSUERS_EN
    patterns = (ISSUER_BEFORE_ZH, ISSUER_AFTER_ZH) if lang == "zh" else (ISSUER_BEFORE_EN, ISSUER_AFTER_EN)
    for pattern, window in zip(patterns, (before, after)):
        found = pattern.search(window)
        if found:
            code = table[found.group("issuer")]
            tail = found.groupdict().get("tail") or ""
            return "COSP" if code == "COP" and "Corruption" in tail else code
    clause = before[max(before.rfind("\n"), before.rfind("。"), before.rfind("；"), before.rfind(";")) + 1:]
    singled_out = _SINGLED_OUT_ZH if lang == "zh" else _SINGLED_OUT_EN
    names = re.compile(rf"\b(?:resolutions|decisions)\b|{_alternation(table)}" if lang != "zh" else _alternation(table))
    for at in sorted((m.start() for m in names.finditer(clause)), reverse=True):  # the closest body first
        found = singled_out.match(clause, at)
        if found:
            return table[found.group("issuer") or found.group("issuer2")]
    return None


def _body(issuer: str | None, number: str, inherited: str | None, local: str | None) -> str | None:
    """The issuing body: the one named (or the speaker, for "its"), else the number's shape, else
    the issuer of the list it continues, else (small sessions) the body that speaks there."""
    shape = _shape(number)
    if re.fullmatch(r"\d+", number) and issuer not in ("SC", "OSCE Permanent Council"):
        return None  # a bare 5 is a resolution number only for these bodies
    if issuer == "Council":  # "Council resolution ...": the Security Council or ECOSOC by shape
        return shape if shape in ("SC", "ECOSOC") else None
    if issuer is not None and issuer != "its":
        return issuer
    if shape is not None:
        return shape
    if inherited is not None:
        return inherited
    return local if re.fullmatch(r"\d{1,2}/\d+.*", number) else None


def _shape(number: str) -> str | None:
    """The body a number's shape alone identifies: SC, ECOSOC or GA; None for small sessions."""
    if re.fullmatch(r"\d+ \(\d{4}\)", number):
        return "SC"
    if re.fullmatch(r"\d+(?: [A-Z])? \([IVXL]+\)", number):
        return "GA"  # numbered by session in Roman numerals until 1976: 217 A (III)
    if re.fullmatch(r"(?:19|20)\d\d/\d+.*", number):
        return "ECOSOC"
    if re.fullmatch(r"(?:S|ES)-\d+/\d+", number):
        return "GA"  # special and emergency special sessions of the General Assembly
    session = re.match(r"(\d+)/\d", number)
    if session and 31 <= int(session.group(1)) < 1000:
        return "GA"
    return None


def _from_symbol(m: re.Match) -> ResolutionRef:
    """A resolution cited by its symbol: A/RES/64/293 is GA resolution 64/293."""
    num = re.sub(r"\s?\((\d{4})\)", r" (\1)", m.group("num"))
    return ResolutionRef(m.start(), m.end(), m.group(), SYMBOL_BODY[m.group("series")], "resolution", num)
