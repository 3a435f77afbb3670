"""Resolutions and decisions with their issuing bodies, Chinese and English side by side."""
from __future__ import annotations

import pytest

from unkg.extract.resolutions import find_resolutions

COP = "缔约方会议"  # a text that speaks of the Conference of the Parties is a COP document
COP_EN = "The Conference of the Parties met. "

CASES = [
    # COP: bare numbers in a document of the Conference or its working groups
    ("zh", COP + "依照缔约方会议第五届会议通过的第5/3号决议", ["COP resolution 5/3"]),
    ("zh", COP + "在题为“加强实施”的第7/1号决议中，缔约方会议决定", ["COP resolution 7/1"]),
    ("zh", "联合国打击跨国有组织犯罪公约缔约方会议第 4/4 号决定承认", ["COP decision 4/4"]),
    ("zh", "缔约方会议第 8/2 号决议", ["COP resolution 8/2"]),
    ("en", "In its resolution 9/1, the Conference of the Parties established the Mechanism.", ["COP resolution 9/1"]),
    ("en", "Conference resolution 9/1 on the review mechanism", ["COP resolution 9/1"]),
    ("en", COP_EN + "In accordance with decision 4/4, the working group was established.", ["COP decision 4/4"]),
    ("en", "pursuant to decision 4/4 of the Conference of the Parties", ["COP decision 4/4"]),
    # GA: by name, by shape, by symbol
    ("zh", "大会第58/4号决议附件", ["GA resolution 58/4"]),
    ("zh", "A/RES/64/293 号决议", ["GA resolution 64/293"]),
    ("en", "General Assembly resolution 70/1, entitled “Transforming our world”", ["GA resolution 70/1"]),
    ("en", "In its resolution 64/293, the General Assembly adopted the Global Plan of Action", ["GA resolution 64/293"]),
    # lists: one entry each, the issuer shared
    ("zh", "大会第69/149、70/179和71/167号决议", ["GA resolution 69/149", "GA resolution 70/179", "GA resolution 71/167"]),
    ("zh", "大会第 69/149 号和第 70/179 号决议", ["GA resolution 69/149", "GA resolution 70/179"]),
    ("en", "Recalling General Assembly resolutions 69/149, 70/179 and 71/167,",
     ["GA resolution 69/149", "GA resolution 70/179", "GA resolution 71/167"]),
    ("en", "Recalling its resolution 71/243 A and B of 22 December 2016", ["GA resolution 71/243 A", "GA resolution 71/243 B"]),
    ("zh", "第 71/243 A 和 B 号决议", ["GA resolution 71/243 A", "GA resolution 71/243 B"]),
    ("en", COP_EN + "Recalling its resolutions 5/3 and 7/1,", ["COP resolution 5/3", "COP resolution 7/1"]),
    # ECOSOC, each of a distributed issuer
    ("zh", "经社理事会第2003/20号决议", ["ECOSOC resolution 2003/20"]),
    ("zh", "经社理事会第 2003/20 号决议；经社理事会第 2006/27 号决议",
     ["ECOSOC resolution 2003/20", "ECOSOC resolution 2006/27"]),
    ("en", "Economic and Social Council resolution 2003/20", ["ECOSOC resolution 2003/20"]),
    ("en", "Council resolution 2006/27", ["ECOSOC resolution 2006/27"]),
    # Security Council
    ("zh", "安全理事会第2240 (2015)号决议", ["SC resolution 2240 (2015)"]),
    ("zh", "安全理事会第2240（2015）号决议", ["SC resolution 2240 (2015)"]),
    ("en", "Security Council resolution 2240 (2015) authorizes inspections on the high seas", ["SC resolution 2240 (2015)"]),
    ("en", "Security Council resolution 1325", ["SC resolution 1325"]),
    ("en", "S/RES/2240 (2015)", ["SC resolution 2240 (2015)"]),
    # HRC, CCPCJ, OSCE Permanent Council
    ("zh", "人权理事会第 44/4 号决议", ["HRC resolution 44/4"]),
    ("en", "Human Rights Council resolution 44/4", ["HRC resolution 44/4"]),
    ("zh", "预防犯罪和刑事司法委员会第 22/2 号决议", ["CCPCJ resolution 22/2"]),
    ("en", "Commission on Crime Prevention and Criminal Justice resolution 22/2", ["CCPCJ resolution 22/2"]),
    ("zh", "该行动计划作为欧安组织常设理事会第 557/Rev.1 号决定的附件", ["OSCE Permanent Council decision 557/Rev.1"]),
    ("en", "annexed to OSCE Permanent Council Decision No. 557/Rev.1", ["OSCE Permanent Council decision 557/Rev.1"]),
    # not resolutions
    ("zh", "该指令取代理事会第 2002/629/JHA 号框架决定。", []),
    ("zh", "缔约方会议还决定根据第 32 条第 3 款设立工作组", []),
    ("en", "The Conference decided to establish a working group (decision 2 of the agenda).", []),
    ("en", "resolution 5/3", []),  # a bare small number outside a COP document: issuer unknown, not guessed
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_find_resolutions(lang, text, expected):
    assert [r.key for r in find_resolutions(text, lang)] == expected


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_offsets_give_the_exact_words(lang, text, expected):
    for r in find_resolutions(text, lang):
        assert text[r.start:r.end] == r.text


def test_seed_004_footnote_list(seed_paths):
    """Footnote 4 of seed 004: a list of ECOSOC, GA (by symbol) and COP resolutions."""
    from unkg.extract.ingest import read_source
    from unkg.extract.layout import layout

    path = next(p for p in seed_paths if p.name.startswith("004_"))
    found = {r.key for r in find_resolutions(layout(read_source(path)).text, "zh")}
    assert found == {"COP decision 4/4", "COP resolution 5/2", "ECOSOC resolution 2003/20",
                     "ECOSOC resolution 2006/27", "GA resolution 58/137", "GA resolution 61/180",
                     "GA resolution 63/194", "GA resolution 64/178", "GA resolution 64/293",
                     "OSCE Permanent Council decision 557/Rev.1"}
