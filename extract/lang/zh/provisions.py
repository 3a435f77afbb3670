"""Chinese grammar of provisions, anaphors and EU acts, behind the interface that
``unkg.extract.references`` and ``unkg.extract.citations`` use for every language:

- ``provisions(text)``: 第6条, 第 6 条第 3 款, 第6条第2款(b)项, 第十八条, 第１８条, 第 9 条第(4)款,
  第20条和第21条, 第18条第13和14款, 第5、第9和第15序言段 (recitals), 原则 14 (principles),
  该条第 3 款 (a paragraph of the article cited just before);
- ``anaphors(text)``: 《公约》, 本公约, 该议定书, 上述议定书, 议定书 (bare, only right before 第…条), 议事规则
  (bare, before 第…条, unless a body's name ends right before it: 大会议事规则), 其;
- ``unnamed(text)``: instruments introduced without a name (一项关于…的议定书);
- ``anchors(text, provision)``: where the words naming the instrument must end (Chinese names it
  right before: 《X》第6条, 该议定书第 5 条, 缔约方会议议事规则第 2 条);
- ``acts(text)``: EU acts by number (第 2011/36/EU 号指令, 第 2002/629/JHA 号框架决定; since 2015 without
  the series: 第 2021/555 号指令 — a 指令, 框架决定 or 条例 numbered by year is the European Union's);
- ``candidates(text)``: names shaped like an initiative (“…进程”, （…网络）, ACRONYM项目).
"""
from __future__ import annotations

import re

from ...models import Anaphor, Provision, chain_items
from ...spans import covering
from ...text import initials
from .numerals import NUMBER as _NUMBER
from .numerals import number_text as _number_text

_JOIN = r"(?:、|，|和|及|以及|与|或)"  # list connectors: 第20条和第21条, 第5、第9和第15
_RANGE = r"(?:至|到|-|—|–)"  # ranges: 第 5 至 8 条
_PARA = rf"[(（]?{_NUMBER}[)）]?"  # 3, (4), 三
_SUB = r"[(（][a-z]{1,4}[)）]|[a-z]{1,2}(?=\s*项)"  # (b), b项

ARTICLE = re.compile(rf"""
    {initials("该条", "同条", "第")}                                   # 该条, 同条 or 第 opens every match
    (?P<same>该条|同条)?                                             # 该条第 3 款: the article just cited
    (?:第\s*(?P<arts>{_NUMBER}(?:\s*(?:{_JOIN}|条?\s*{_RANGE})\s*(?:第\s*)?{_NUMBER})*)\s*条)?   # 第18条, 第20和21条, 第16条至第18条
    (?(same)|(?(arts)|(?!)))                                         # an article, or 该条 before a paragraph
    (?:\s*第\s*(?P<paras>{_PARA}(?:\s*(?:{_JOIN}|{_RANGE})\s*(?:第\s*)?{_PARA})*)\s*款)?  # 第 3 款, 第(4)款, 第13和14款
    (?:\s*第?\s*(?P<subs>(?:{_SUB})(?:\s*项?\s*{_JOIN}\s*(?:{_SUB}))*)\s*项?)?  # (b)项, (a)和(b)项, (a)项和(b)项
    (?(same)(?(paras)|(?!)))                                         # 该条 needs its paragraph
    """, re.VERBOSE)

# A paragraph without its article: 第三款(f)项 after 第十八条第三款(b)项 — 款 is only ever a treaty's.
_BARE_PARA = re.compile(rf"""
    第\s*(?P<paras>{_PARA}(?:\s*(?:{_JOIN}|{_RANGE})\s*(?:第\s*)?{_PARA})*)\s*款
    (?:\s*第?\s*(?P<subs>(?:{_SUB})(?:\s*项?\s*{_JOIN}\s*(?:{_SUB}))*)\s*项?)?
    """, re.VERBOSE)

_RECITAL = re.compile(rf"""
    第\s*(?P<arts>{_NUMBER}(?:\s*(?:{_JOIN}|{_RANGE})\s*(?:第\s*)?{_NUMBER})*)\s*序言段   # 第5、第9和第15序言段
    |序言部分第\s*(?P<arts2>{_NUMBER})\s*段                                               # 序言部分第 5 段
    """, re.VERBOSE)

_PRINCIPLE = re.compile(r"(?P<word>原则|准则)\s*(?P<arts>[0-9０-９]+)(?![\d.])")  # 原则 14, 准则 5 (digits only)

NOUN_TYPES = {
    "公约": ("treaty",), "议定书": ("protocol",), "任择议定书": ("protocol",), "指令": ("directive",),
    "框架决定": ("framework-decision",), "宪章": ("charter",), "全球契约": ("compact",),
    "行动计划": ("action-plan",), "原则和准则": ("principles",), "议事规则": ("rules",),
}
_DETERMINERS = ("该", "本", "上述", "此", "这一", "这项")  # that, this, the said
ANAPHOR = re.compile(rf"""
    {initials(*_DETERMINERS, "《", *NOUN_TYPES)}
    (?P<det>{"|".join(_DETERMINERS)})?
    (?P<open>《)?
    (?P<noun>任择议定书|议定书|公约|框架决定|指令|宪章|全球契约|行动计划|原则和准则|议事规则)
    (?P<close>》)?
    """, re.VERBOSE)
_CITED_NEXT = re.compile(rf"\s*(?:的\s*)?第\s*{_NUMBER}\s*条")
_BARE_BEFORE = set("据照和及与在对由将，。；：、（( \n")  # what may precede a bare 议定书第…条
ITS = re.compile(rf"其(?=\s*第\s*{_NUMBER}\s*条)")
# An instrument introduced without a name (一项关于…的议定书): what a later 该议定书 refers to.
UNNAMED = re.compile(r"(?:一项|一个|一份|新的?|的)(?P<noun>议定书|公约|指令|行动计划)(?!》)")

ACT = re.compile(r"""
    (?:第\s*)?(?P<year>(?:19|20)\d\d)\s*/\s*(?P<num>\d+)(?:\s*/\s*(?P<series>EU|EC|EEC|JHA))?   # 2011/36/EU, 2021/555
    \s*号\s*(?P<kind>指令|框架决定|条例)                                                   # directive...
    """, re.VERBOSE)
ACT_KINDS = {"指令": "Directive", "框架决定": "FD", "条例": "Regulation"}

CANDIDATE = re.compile(r"""
    (?<=[“《（(])(?P<name>[^“”《》（）()，。；\s]{2,30}?(?:进程|网络|项目|倡议))(?=[”》）)])  # “…进程”, （…网络）
    |(?P<acronym>[A-Z][A-Za-z.\-]{2,}(?:（[^）]{1,40}）)?\s*(?:项目|方案|网络|倡议))        # EMPACT项目
    """, re.VERBOSE)


def provisions(text: str) -> list[Provision]:
    """Every provision reference in ``text``, in order (instrument not yet known)."""
    found = [_article(m) for m in ARTICLE.finditer(text) if m.group()]
    in_article = covering(found)
    found += [Provision(m.start(), m.end(), m.group(), "article",
                        chain_items(["0"], _numbers(m.group("paras")), _letters(m.group("subs"))),
                        same_article=True, bare=True)
              for m in _BARE_PARA.finditer(text) if not in_article(m.start())]
    found += [_simple(m, "recital") for m in _RECITAL.finditer(text)]
    found += [_simple(m, "principle" if m.group("word") == "原则" else "guideline") for m in _PRINCIPLE.finditer(text)]
    return sorted(found, key=lambda p: p.start)


def _article(m: re.Match) -> Provision:
    items = chain_items(_numbers(m.group("arts") or "0"), _numbers(m.group("paras")), _letters(m.group("subs")))
    return Provision(m.start(), m.end(), m.group(), "article", items, same_article=bool(m.group("same")))


def _simple(m: re.Match, kind: str) -> Provision:
    arts = m.group("arts") or m.groupdict().get("arts2")
    return Provision(m.start(), m.end(), m.group(), kind, chain_items(_numbers(arts), [], []))


def _numbers(s: str | None) -> list[str]:
    """Numbers of a list, ranges expanded: "5、第9和第15" -> 5, 9, 15; "5 至 8" -> 5..8."""
    if not s:
        return []
    parts = re.split(rf"\s*({_JOIN}|{_RANGE})\s*(?:第\s*)?", s)
    out: list[str] = []
    for i in range(0, len(parts), 2):
        n = _number_text(parts[i].strip("()（） 条"))
        if i >= 2 and re.fullmatch(_RANGE, parts[i - 1]) and out and out[-1].isdigit() and n.isdigit():
            out += [str(k) for k in range(int(out[-1]) + 1, int(n) + 1)][:50]
        else:
            out.append(n)
    return out


def _letters(s: str | None) -> list[str]:
    return re.findall(r"[a-z]{1,4}", s or "")


def anaphors(text: str) -> list[Anaphor]:
    """Words that refer back to an instrument: 《公约》, 本公约, 该议定书, 上述议定书, 议定书第…条, 其第…条."""
    found = []
    for m in ANAPHOR.finditer(text):
        bracketed = bool(m.group("open") and m.group("close"))
        if m.group("det") and (m.group("open") or m.group("close")) and not bracketed:
            continue
        if m.group("det") or bracketed or _bare_before_article(text, m):
            found.append(Anaphor(m.start(), m.end(), m.group(), NOUN_TYPES[m.group("noun")]))
    found += [Anaphor(m.start(), m.end(), m.group(), ()) for m in ITS.finditer(text)]
    return found


def unnamed(text: str) -> list[Anaphor]:
    """Instruments introduced without a name (一项关于…的议定书): a later 该议定书 means that one."""
    return [Anaphor(m.start("noun"), m.end(), m.group("noun"), NOUN_TYPES[m.group("noun")])
            for m in UNNAMED.finditer(text)]


def _bare_before_article(text: str, m: re.Match) -> bool:
    """A bare 议定书 refers back only in 议定书第11条, after punctuation or a preposition; bare
    议事规则 (注意到议事规则第2条) wherever it is not the tail of a body's name (大会议事规则)."""
    before = text[m.start() - 1] if m.start() else "\n"
    if not _CITED_NEXT.match(text, m.end()):
        return False
    return before in _BARE_BEFORE or (m.group("noun") == "议事规则" and before != "会")


def anchors(text: str, p: Provision) -> tuple[str, tuple[int, ...]]:
    """Chinese names the instrument right before: ("end", offsets a name may end at)."""
    i = p.start
    while i > 0 and (text[i - 1].isspace() or text[i - 1] == "的"):
        i -= 1
    ends = [i, i - 1] if i > 0 and text[i - 1] == "》" else [i]
    # a short title in brackets between the name and the article: 《网络犯罪公约》（《布达佩斯公约》）第29条
    gloss = re.search(r"[（(]\s*(?:以下简称|下称|简称|以下称)?\s*《[^《》（）()]{1,40}》\s*[）)]\s*$", text[max(0, i - 50):i])
    if gloss:
        j = i - len(gloss.group())  # the opening bracket
        ends += [j + gloss.group().rindex("》"), j] + ([j - 1] if j > 0 and text[j - 1] == "》" else [])
    return "end", tuple(ends)


def acts(text: str) -> list[tuple[int, int, str, str, str, str]]:
    """EU acts by number: (start, end, text, kind, year, number), e.g. kind "Directive"."""
    return [(m.start(), m.end(), m.group(), ACT_KINDS[m.group("kind")], m.group("year"), m.group("num"))
            for m in ACT.finditer(text)]


def candidates(text: str) -> list[tuple[int, int, str]]:
    """Names shaped like an initiative: (start, end, name)."""
    out = []
    for m in CANDIDATE.finditer(text):
        group = "name" if m.group("name") else "acronym"
        out.append((m.start(group), m.end(group), m.group(group)))
    return out


# -- how a citation finds its instrument (read by unkg.extract.citations) ---------------------

INSTRUMENT_AFTER = False  # Chinese names the instrument before the article: 《X》第6条
# "《议定书》的各项规定，包括第9条第4款": an article singled out of the instrument just named.
INCLUDING = re.compile(r"(?:包括|特别是|尤其是|尤其|例如)[\s,，:：]*$")
# Between two provisions of one list: 第20条和第21条, 第5、第9条; a gloss in brackets may come first.
LIST_CONNECTOR = re.compile(r"^(?:\s*[(（][^()（）]{1,60}[)）])?\s*(?:,|，|、|;|；|和|及|以及|与|或)?\s*$")
# An anaphor that means the last instrument named before it, whatever the paragraph: 该公约, 上述议定书.
DEMONSTRATIVE = re.compile(r"^(?:该|上述|此|这)")


def bare_in_reach(gap: str) -> bool:
    """A paragraph printed without its article (第三款(f)项) is the article's cited just before in
    the same paragraph, however far: 款 is only ever a treaty's."""
    return True
