"""Dates and date ranges as UN documents print them, in Chinese and English, to ISO 8601.

    2017年9月11日至13日            -> ("2017-09-11", "2017-09-13")
    2012年5月30日至6月1日          -> ("2012-05-30", "2012-06-01")
    11 September 2017              -> ("2017-09-11", "2017-09-11")
    8 and 9 September 2020         -> ("2020-09-08", "2020-09-09")
    10-12 October 2011, 30 May-1 June 2012, 11 to 13 September 2017
"""
from __future__ import annotations

import re
from datetime import date

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"

ZH_RANGE = re.compile(r"""
    (?P<y1>\d{4})\s*年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日       # 2017年9月11日
    (?:\s*(?:至|到|-|－|—|和)\s*                                           # 至 / 和
       (?:(?P<y2>\d{4})\s*年\s*)?(?:(?P<m2>\d{1,2})\s*月\s*)?(?P<d2>\d{1,2})\s*日)?  # (2018年)(6月)1日
""", re.VERBOSE)

EN_RANGE = re.compile(rf"""
    (?P<d1>\d{{1,2}})\s*(?P<m1>{_MONTH})?\s*                 # 30 (May)
    (?:(?:-|–|to|and)\s*(?P<d2>\d{{1,2}})\s*)?              # -1 / to 13 / and 9
    (?P<m2>{_MONTH})\s+(?P<y>\d{{4}})                        # June 2012
""", re.VERBOSE)


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def zh_range(text: str) -> tuple[str | None, str | None, re.Match | None]:
    """The first Chinese date or date range in ``text``: (start, end, match)."""
    m = ZH_RANGE.search(text)
    if not m:
        return None, None, None
    y1, m1, d1 = int(m["y1"]), int(m["m1"]), int(m["d1"])
    start = _iso(y1, m1, d1)
    if m["d2"]:
        end = _iso(int(m["y2"] or y1), int(m["m2"] or m1), int(m["d2"]))
    else:
        end = start
    return start, end, m


def en_range(text: str) -> tuple[str | None, str | None, re.Match | None]:
    """The first English date or date range in ``text``: (start, end, match)."""
    m = EN_RANGE.search(text)
    if not m:
        return None, None, None
    year = int(m["y"])
    m2 = MONTHS[m["m2"].lower()]
    m1 = MONTHS[m["m1"].lower()] if m["m1"] else m2
    if m["d2"]:
        return _iso(year, m1, int(m["d1"])), _iso(year, m2, int(m["d2"])), m
    day = _iso(year, m2, int(m["d1"]))
    return day, day, m
