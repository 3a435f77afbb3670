"""Chinese: metadata (part of the language layer; see unkg.extract.lang).

Title-page words as the UN prints them in Chinese: the kinds of document, a resolution's
printed title and adoption line, ordinals ("第七十六届会议", "第8700次会议"). Title pages mix
languages, so ``metadata`` reads KINDS of both languages together; the other names read the
document's own.
"""
from __future__ import annotations

import re

from ... import dates  # the calendars of both languages (dates reads no grammar)

from .numerals import to_int

# (kind, pattern): the same kinds in the same order as the en module.
KINDS = (
    ("draft report", r"报告草稿"),
    ("draft resolution", r"决议草案"),
    ("draft decision", r"决定草案"),
    ("agenda", r"^(?:临时议程说明|临时议程)\s*$"),
    ("conference room paper", r"会议室文件"),
    ("background paper", r"背景文件"),
    ("note", r"秘书处的说明|秘书处说明"),
    ("presidential statement", r"^安全理事会主席的?声明\s*$"),
    ("resolution", r"决议"),
    ("decision", r"^\d{4}年\d{1,2}月\d{1,2}日\S{0,20}决定\s*$"),  # "2021年12月16日大会决定"
    ("declaration", r"^\S{0,20}宣言\s*$"),
    ("report", r"报告"),
)

# A Security Council resolution's printed title, as the markup keeps it: "第2504(2020)号决议".
RESOLUTION_TITLE = re.compile(r"^第\s*\d{1,4}\s*[(（]\d{4}[)）]\s*号?决议$", re.M)

# "2020年1月10日安全理事会第8700次会议通过" (the markup may leave out the body and 第:
# "2020年1月10日8700次会议通过"); the meeting may be left out, the body named first
# ("安全理事会2020年6月25日通过").
ADOPTION = re.compile(r"^(?P<before>[^\d\s第，。]{0,20}?)\s*(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*(?P<body>[^\d第\s]*?)\s*"
                      r"(?:第?\s*(?P<meeting>\d{1,5})\s*次会议)?\s*通过$", re.M)

# "第69次全体会议", closing a GA resolution.
PLENARY = re.compile(r"^第\s*(?P<n>\d{1,3})\s*次全体会议", re.M)

# How each kind of body calls itself in "the Nth meeting of ..." phrases; a working group by default.
SELF_NAMES = {"COP": "缔约方会议", "COSP": "缔约国会议", "CCPCJ": "委员会", "CND": "委员会", "UNGA": "大会",
              "IRG": "审议组"}
SELF_NAME = "工作组"

ORDINALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
            "十五", "十六", "十七", "十八", "十九", "二十")


def ordinal(word: str) -> int | None:
    """"七十六" (of 第七十六届) -> 76, "8700" -> 8700."""
    word = word.strip().removeprefix("第")
    return int(word) if word.isdigit() else to_int(word)


def adoption_date(printed: str) -> str | None:
    """"2020年1月10日" -> "2020-01-10"."""
    from ...dates import zh_range
    return zh_range(printed)[0]


def date_range(text: str):
    """A date range as this language prints it, else as the other one does (title pages mix both):
    (start, end, match) in ISO 8601, or (None, None, None)."""
    found = dates.zh_range(text)
    return found if found[0] else dates.en_range(text)
