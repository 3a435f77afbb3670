"""Chinese: resolution and decision references (part of the language layer; see unkg.extract.lang).

What ``unkg.extract.resolutions`` reads in Chinese: 大会第58/4号决议, 第69/149、70/179和71/167号决议,
其1991年12月18日第46/152号、2005年9月16日第60/1号决议, 欧安组织常设理事会第 557/Rev.1 号决定, 第7/1号决议中，
缔约方会议, the opening line 大会，, 人权理事会以往…的所有决议，包括…, 委员会通过的下列决议…：.
"""
from __future__ import annotations

import re

from ...text import initials
from ..en.resolutions import NUM  # numbers print alike in both languages: 5/3, 2240 (2015), S-30/1


def _alternation(names) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


# Issuing bodies as printed -> the body code used in keys; bare 委员会 is the Commission, as in English.
ISSUERS = {
    "联合国大会": "GA", "大会": "GA", "联大": "GA", "安全理事会": "SC", "安理会": "SC",
    "经济及社会理事会": "ECOSOC", "经社理事会": "ECOSOC", "人权理事会": "HRC",
    "预防犯罪和刑事司法委员会": "CCPCJ", "麻醉药品委员会": "CND", "缔约方会议": "COP",
    "反腐败公约缔约国会议": "COSP", "缔约国会议": "COSP", "委员会": "CCPCJ",  # as "Commission" in English
    "欧安组织常设理事会": "OSCE Permanent Council", "常设理事会": "OSCE Permanent Council",
    "统计委员会": "Statistical Commission", "妇女地位委员会": "CSW", "社会发展委员会": "CSocD",
    "人口与发展委员会": "CPD", "联合国环境大会": "UNEA", "环境大会": "UNEA", "世界卫生大会": "WHA",
    "建设和平委员会": "PBC",
    "其": "its",
    # two bodies named for one list: each number's shape tells whose it is
    "大会和安全理事会": "shape", "安全理事会和大会": "shape", "大会和安理会": "shape", "安理会和大会": "shape",
}
# Bodies that open a resolution: 大会， then the first clause's word.
OPENER_BODIES = {
    "大会": "GA", "经济及社会理事会": "ECOSOC", "安全理事会": "SC", "人权理事会": "HRC",
    "预防犯罪和刑事司法委员会": "CCPCJ", "麻醉药品委员会": "CND", "缔约方会议": "COP", "缔约国会议": "COSP",
    "委员会": "CCPCJ",
}
CLAUSE = (r"(?:又|还|并|进一步|再次|深为|深切|严重|强烈|深|也)?(?:回顾|重申|注意到|铭记|欢迎|确认|认识到|深信|关切|"
          r"强调|表示|申明|考虑到|意识到|赞赏|承认|念及|决心|震惊|遵循|认可|审议了|决定|请|敦促|促请|鼓励|邀请|吁请|"
          r"通过|核可|核准|建议)")
# The body, a comma, then the end of the line or a clause's first word (回顾, 深信, 决定); not 提交大会，请….
OPENER = re.compile(rf"{initials(*OPENER_BODIES)}(?<![交向请由经和与及、给在])(?P<body>{_alternation(OPENER_BODIES)})\s*[，,]"
                    rf"(?=[ \t]*$|\s*{CLAUSE})", re.MULTILINE)

# Parts of a resolution: 71/243 A 和 B 号.
LETTERS = r"(?:\s*[A-D](?:\s*(?:和|、|至)\s*[A-D])*(?=\s*号))"
# Dates printed between the items of a list: 2005年9月16日第60/1号.
DATE = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
DATES = re.compile(DATE)

REFERENCE = re.compile(rf"""
    第\s*(?P<items>                                    # the numbers, one or a list
      (?:{NUM}){LETTERS}?(?:\s*号)?
      (?:\s*(?:、|，|,|和|及|以及|与)\s*(?:{DATE}\s*)?(?:第\s*)?(?:{NUM}){LETTERS}?(?:\s*号)?)*
    )
    \s*(?P<kind>决议|决定)                              # resolution or decision
    """, re.VERBOSE)
ITEM = re.compile(rf"(?P<num>{NUM})(?P<letters>{LETTERS})?", re.VERBOSE)
# Numbers singled out without 第…号 (English "resolutions …, in particular 1591 (2005)"): Chinese prints
# 包括第1591(2005)号…决议, which REFERENCE reads; nothing is left for this pattern.
LISTED = re.compile(r"(?!)(?P<kind>)(?P<items>)")

ISSUER_BEFORE = re.compile(rf"""
    (?P<issuer>{_alternation(ISSUERS)})             # the body, or 其 (its)
    [^\S\n]*(?:在其?|于)?[^\S\n]*                                 # 缔约方会议在第8/2号决议中
    (?:第[\d一二三四五六七八九十]+届(?:特别)?会议上?)?  # 缔约方会议(在其)第五届会议(上)通过的
    [^\S\n]*(?:通过的?|的)?[^\S\n]*
    (?:{DATE})?[^\S\n]*                                  # 大会2000年11月15日第55/25号决议
    (?:题为“[^”]{{0,300}}”的)?[^\S\n]*\Z                     # 大会…题为“…”的第58/137号决议
    """, re.VERBOSE)
ISSUER_AFTER = re.compile(rf"^\s*中\s*[，,]\s*(?P<issuer>{_alternation(ISSUERS)})")
# The treaty of a Conference of the Parties (English ISSUER_BEFORE's tail "to the … Convention"): in
# Chinese the treaty's name stands before 缔约方会议 and 反腐败公约缔约国会议 is an issuer of its own.
COP_TREATY: dict[str, str] = {}
# The body named earlier in the clause, when the references single out some of its resolutions:
# 人权理事会以往关于…的所有决议，包括…第44/4号决议和…第50/3号决议.
SINGLED_OUT = re.compile(rf"""
    (?P<issuer>{_alternation(ISSUERS)})[^。；\n]{{0,150}}?决[议定][^。；\n]{{0,6}}?[，,]?\s*
    (?:包括|特别是|尤其是|其中包括)
    (?:\s*(?:{DATE})?\s*第\s*[^。；，\n]{{1,30}}?号(?:决议|决定)\s*(?:、|和|及|以及|，|,)\s*)*  # earlier items
    \s*(?:{DATE})?\s*\Z
    """, re.VERBOSE)
# Where a SINGLED_OUT clause may begin: a body's name.
CLAUSE_NAMES = re.compile(_alternation(ISSUERS))
# A list of resolutions under the sentence that says who adopted them (委员会通过的下列决议提请经济及社会
# 理事会注意：), each number on a line of its own.
ADOPTED_LIST = re.compile(rf"(?P<issuer>{_alternation(ISSUERS)})[^，。；：\n]{{0,20}}?通过的(?:下列|以下|下述)"
                          r"(?:决议|决定)[^\n]{0,40}[：:]\s*$")

# 其: a body named in the sentence, unless it issues a resolution cited there (大会第65/230号决议).
SUBJECT = re.compile(rf"(?<![\w-])(?:{_alternation(n for n, c in ISSUERS.items() if c not in ('its', 'Council'))})(?![\w-])")
ISSUER_OF = re.compile(r"\s*(?:第|\d)")


def is_decision(word: str) -> bool:
    """决定 rather than 决议."""
    return word == "决定"


# Between two references of one list: the second shares the issuer named for the first (委员会第26/4号决议和第27/3号决议).
LIST_CONNECTOR = re.compile(r"^\s*(?:和|、|及|以及|与|,|，)\s*$")


# A line of Chinese breaks anywhere, inside a number or a symbol too ("第2139(201" / "4)号", "(S/PR" /
# "ST/2011/16)"); the layout joins two Latin characters with a space, which Chinese never prints there.
_TOKEN = re.compile(r"[A-Za-z0-9(.]")


def glued(left: str, right: str) -> bool:
    """Is the space the layout put between ``left`` and ``right`` at a line join no printed space?"""
    return bool(_TOKEN.match(left) and _TOKEN.match(right))
