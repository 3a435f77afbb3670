"""Chinese actors (part of the language layer; see unkg.extract.lang): officers' roles and how
they link to a name, attendance and speaker cues, attendance categories, who a sentence is about,
how a list of organisations and an organisation's name look, and the common nouns by which a
document names its own body. The English module has the same public names."""
from __future__ import annotations

import re

from ...models import Hit
from ...text import initials
from ..scripts import *  # noqa: F403 - the script-level name shapes, shared by both grammars
from ..scripts import CJK, ROLE_CJK

# -- persons ----------------------------------------------------------------------------------

ROLE = ROLE_CJK
AFTER_ROLE = re.compile(r"[^\S\n]*(?:[（(]|当选为|被选为|担任|为)?[^\S\n]*(?:工作组|会议|缔约方会议)?(?:" + ROLE_CJK
                        + r"|(?P<chaired>主持))")  # "会议由X（南非）主持": chaired by X
# "主席 X", or a list after a colon ("由以下讨论小组成员引导：X、Y").
_LINK = re.compile(r"[\s、]*|[^，。；]{0,20}[：:][\s、]*")
_CLAUSE_STOPS = "，。；\n"


def role_linked(gap: str) -> bool:
    """Do the words ``gap`` between a role and a name (earlier persons of its list removed) link them?"""
    return bool(_LINK.fullmatch(gap))


def clause_start(text: str, i: int) -> int:
    """Where the clause holding ``text[i]`` begins: after ，, 。, ； or a line break."""
    return max(text.rfind(c, 0, i) for c in _CLAUSE_STOPS) + 1


# -- mentions ---------------------------------------------------------------------------------

def candidate_labels(name: str) -> tuple[str | None, str | None]:
    """(label_en, label_zh) of an organisation the registry lacks: its name as printed, in Chinese."""
    return None, name


# 工作组, 委员会: the body whose document it is (see mentions.body_anaphors).
BODY_NOUNS = {"工作组": "WG", "委员会": "CCPCJ", "理事会": "ECOSOC"}
# The noun must not end a longer name (专家工作组, 国家禁毒委员会): it follows a non-Chinese
# character (punctuation, a space), 本 or 该.
BODY_NOUN = re.compile(initials(*BODY_NOUNS) + rf"(?:(?<![{CJK}])|(?<=[本该]))(?P<w>" + "|".join(BODY_NOUNS) + ")")

# -- participations ---------------------------------------------------------------------------

SPEAK = re.compile(r"(?:作了?|作出了?|发表了?)[^，。；：]{0,15}?发言(?![者人])|发了言")
ATTEND = re.compile(r"出席|与会(?!者)")
# Attendance categories, first match wins: the negative forms contain the positive ones.
# "非《公约》缔约国": a title may stand between 非 and what it negates.
STATUS = (("non-signatory-observer", re.compile(r"既非.{0,12}也非|(?:非|不是|并非)(?:《[^》]{1,40}》)?(?:公约|议定书)?(?:签署国|缔约国)"
                                     r"|未签署")),
          ("signatory-observer", re.compile(r"签署国")), ("party", re.compile(r"区域经济一体化组织")),
          ("observer", re.compile(r"观察员|非[^，。；：]{0,8}成员")),
          ("member", re.compile(r"成员国|成员的代表")), ("party", re.compile(r"缔约国|缔约方")))
# A statement placed at another meeting than the document's (上次会议上).
OTHER_MEETING = re.compile(r"(?:上次|上一次|上届|前一次|以往|此前|先前|前几次|历次)[^，。；]{0,4}(?:会议|届会)")
_ITEM = r"\d+(?:\s*[（(][a-z][）)])?"  # 2, 4 (a)
AGENDA = re.compile(rf"议程项目\s*(?P<items>{_ITEM}(?:\s*(?:、|和|及|至|，|,)\s*{_ITEM})*)")
# An item of that list, or the word of a range: "议程项目 2 至 4" -> 2, 3, 4.
AGENDA_ITEM = re.compile(r"(\d+)(?:\s*[（(]([a-z])[）)])?|(至)")
# A name after a preposition is no subject ("就与墨西哥的合作作了发言").
OBJECT = re.compile(r"(?:与|同|就|对|向|在|关于|有关)$")
BY = re.compile(r"(?!)")  # Chinese has no "made by X" after its verb: the speakers stand before it
# "X(、Y)代表指出": Chinese names the speaker before the head, so its list runs back.
HEAD_STEP = -1
_HEAD = re.compile(r"的?(?:代表|观察员)")
_SPOKESMAN = re.compile(r"的?(?:代表|观察员)[^，。；]{0,20}?"
                        r"(?:说|指出|表示|强调|介绍|报告|提到|称|呼吁|建议|回顾|欢迎|提请|补充|发言)")


def is_head(text: str, start: int, hit: Hit) -> bool:
    """Is ``hit`` who its sentence is about: "X的代表", "X观察员"?"""
    return bool(_HEAD.match(text, hit.end))


def spoke(text: str, start: int, end: int) -> bool:
    """Chinese says who spoke and that they spoke in one phrase (``is_spokesman``)."""
    return True


def is_spokesman(text: str, start: int, end: int, hit: Hit) -> bool:
    """Is ``hit`` the X of "X代表指出" (the verb in the same clause)?"""
    return bool(_SPOKESMAN.match(text, hit.end, end))


# -- organisations missing from the registry --------------------------------------------------

# A list of organisations: its items are organisations, named or not in the registry.
ORG_LIST = re.compile(r"组织|机构|实体|方案|研究所|基金")
ITEM_SEP = re.compile(r"\s*[、，；]\s*")
AND = re.compile(r"[和及]")  # "X和Y", the last item of a list
ITEM_LEAD = re.compile(r"\s*")  # what an item starts with that is not its name
# How an organisation's name ends in Chinese (协会, 理事会, 中心, 倡议, 调查, 国际崇德社...).
_ORG_END = re.compile(r"(?:组织|会|中心|所|院|大学|联盟|网络?|倡议|调查|社|署|局|基金|项目|论坛|集团|处|国际|运动|同盟|机构|团)$")
_CLAUSE_MARK = re.compile(r"[，。；：]")
# Chinese puts the category before the name: "非政府组织X的观察员", "方案网研究所之一的X的观察员".
_OBSERVER_FOR = re.compile(r"(?:非政府组织|政府间组织|之一的)(?P<name>(?![和及与、])[^，。；：、（）()\s]{2,40}?)的?(?:观察员|代表)")
# "非政府组织X派观察员出席了会议"
_APPOSITION = re.compile(r"(?:非政府组织|政府间组织)(?P<name>(?![和及与、])[^，。；：、（）()\s]{2,40}?)派(?:了)?(?:观察员|代表)")


def org_name_shaped(name: str) -> bool:
    """3 to 40 characters of one clause, ending like an organisation's name (协会, 中心, 网络...)."""
    return 3 <= len(name) <= 40 and bool(_ORG_END.search(name)) and not _CLAUSE_MARK.search(name)


def apposition(text: str, start: int, end: int) -> re.Match | None:
    """"非政府组织X派观察员": X, anywhere in the sentence (Chinese may put a clause before it)."""
    return _APPOSITION.match(text, start, end) or _APPOSITION.search(text, start, end)


def observer_names(text: str, start: int, end: int, hits: list[Hit]) -> list[tuple[int, int]]:
    """Spans of the unregistered names in "非政府组织X的观察员", "方案网研究所之一的X的观察员"
    (a registry name starting there and covering X is no candidate)."""
    out = []
    for m in _OBSERVER_FOR.finditer(text, start, end):
        a, b = m.span("name")
        if not any(h.start == a and h.end >= b for h in hits) and org_name_shaped(m["name"]):
            out.append((a, b))
    return out
