"""Resolutions and decisions with their issuing bodies, Chinese and English side by side."""
from __future__ import annotations

import pytest

from unkg.extract.resolutions import resolutions_in as find_resolutions

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
    # lists with a date after (en) or before (zh) each item: every item kept
    ("en", "The General Assembly,\nReaffirming its resolutions 46/152 of 18 December 1991, 60/1 of 16 September 2005 "
           "and 75/196 of 16 December 2020, and Economic and Social Council resolution 1992/22 of 30 July 1992,",
     ["GA resolution 46/152", "GA resolution 60/1", "GA resolution 75/196", "ECOSOC resolution 1992/22"]),
    ("en", "adopted by its resolution 55/25 of 15 November 2000 and 55/255 of 31 May 2001",
     ["GA resolution 55/25", "GA resolution 55/255"]),
    ("zh", "大会，\n重申其1991年12月18日第46/152号、2005年9月16日第60/1号和2020年12月16日第75/196号决议",
     ["GA resolution 46/152", "GA resolution 60/1", "GA resolution 75/196"]),
    ("zh", "回顾其2000年11月15日第55/25号和2001年5月31日第55/255号决议通过的《公约》",
     ["GA resolution 55/25", "GA resolution 55/255"]),
    ("zh", "安全理事会2015年10月9日第2240(2015)号和2017年11月21日第2388(2017)号决议",
     ["SC resolution 2240 (2015)", "SC resolution 2388 (2017)"]),  # the dates are no bare SC numbers
    ("en", "Security Council resolutions 2331 (2016) of 20 December 2016 and 2388 (2017) of 21 November 2017",
     ["SC resolution 2331 (2016)", "SC resolution 2388 (2017)"]),
    ("en", "General Assembly resolutions 71/243 A and B of 21 December 2016 and 76/186 of 16 December 2021",
     ["GA resolution 71/243 A", "GA resolution 71/243 B", "GA resolution 76/186"]),
    ("zh", "大会2003年12月22日题为“加强国际合作预防、打击和惩治贩运人口行为”的第58/137号决议", ["GA resolution 58/137"]),
    # "its" / 其: the body whose opening line the words stand under, whatever the number's shape
    ("en", "The Commission on Crime Prevention and Criminal Justice,\nRecalling its resolutions 26/4 of 26 May 2017 "
           "and 27/3 of 18 May 2018,", ["CCPCJ resolution 26/4", "CCPCJ resolution 27/3"]),
    ("zh", "预防犯罪和刑事司法委员会，\n回顾其第29/1号决定，", ["CCPCJ decision 29/1"]),
    ("en", "The Commission on Narcotic Drugs,\nRecalling its resolution 61/11,", ["CND resolution 61/11"]),
    ("en", COP_EN + "A. Draft resolution\nThe General Assembly,\nRecalling its resolution 5/3,", ["GA resolution 5/3"]),
    # a heading above an opening line: the resolution that body adopts
    ("en", "Resolution 30/1\nPromoting the use of information\nThe Commission on Crime Prevention and Criminal "
           "Justice,\nRecalling also Conference resolution 10/3,", ["CCPCJ resolution 30/1", "COP resolution 10/3"]),
    ("zh", COP + "\n第30/1号决定\n临时议程\n预防犯罪和刑事司法委员会，\n回顾其第29/1号决定，",
     ["CCPCJ decision 30/1", "CCPCJ decision 29/1"]),
    ("en", COP_EN * 3 + "The following resolution is brought to the attention of the Council: Resolution 30/1\n"
           "Promoting information The Commission on Crime Prevention and Criminal Justice, Recalling its resolution "
           "26/4,", ["CCPCJ resolution 30/1", "CCPCJ resolution 26/4"]),  # joined to the line before by the layout
    # the body named before, however long its name, or with "in its"
    ("en", COP_EN + "took note of Commission on Crime Prevention and Criminal Justice resolution 30/1",
     ["CCPCJ resolution 30/1"]),
    ("en", "the Conference of the Parties to the United Nations Convention against Transnational Organized Crime, "
           "in its resolution 10/4,", ["COP resolution 10/4"]),
    ("en", "the Conference of the States Parties to the United Nations Convention against Corruption, in its "
           "resolution 9/1,", ["COSP resolution 9/1"]),
    ("en", "adopted by the General Assembly in its resolution 55/25 of 15 November 2000", ["GA resolution 55/25"]),
    # a list continued with the word repeated shares the issuer named before it
    ("zh", COP + "预防犯罪和刑事司法委员会第26/4号决议和第27/3号决议",
     ["CCPCJ resolution 26/4", "CCPCJ resolution 27/3"]),
    # special sessions of the General Assembly; decisions of ECOSOC and the Assembly
    ("en", "General Assembly resolution S-30/1 of 19 April 2016", ["GA resolution S-30/1"]),
    ("zh", "大会第S-30/1号决议", ["GA resolution S-30/1"]),
    ("en", "Economic and Social Council decision 2021/225", ["ECOSOC decision 2021/225"]),
    ("en", "A/RES/S-30/1", ["GA resolution S-30/1"]),
    ("en", "Recalling General Assembly resolutions 55/25, annexes I-III, and 55/255, annex,",
     ["GA resolution 55/25", "GA resolution 55/255"]),
    # full-width digits and slashes; short names of bodies
    ("zh", "大会第５５／２５号决议", ["GA resolution 55/25"]),
    ("zh", "联大第55/25号决议", ["GA resolution 55/25"]),
    ("zh", COP + "委员会第27/3号决议", ["CCPCJ resolution 27/3"]),  # 委员会: the Commission, as in English
    # a small number under a General Assembly opening line is not the Assembly's: the document's body
    ("en", COP_EN + "The General Assembly,\nWelcoming the adoption by the Conference of the Parties of resolution 9/1,",
     ["COP resolution 9/1"]),
    ("en", COP_EN + "The General Assembly,\nNoting that the Conference adopted resolution 10/4 at its tenth session,",
     ["COP resolution 10/4"]),
    ("zh", COP + "大会，\n欢迎缔约方会议通过第9/1号决议，", ["COP resolution 9/1"]),
    ("zh", "缔约方会议在其第五届会议上通过的第5/5号决议", ["COP resolution 5/5"]),
    ("en", "CCPCJ resolution 27/3 and UNGA resolution 64/293", ["CCPCJ resolution 27/3", "GA resolution 64/293"]),
    # outside a resolution, "its" is the body the sentence is about (not the issuer of another
    # resolution it cites), or the body named right after
    ("en", COP_EN + "The work of the Commission on Crime Prevention and Criminal Justice, which addressed the use of "
                    "technologies in its resolution 26/4, and of the Expert Group established pursuant to General "
                    "Assembly resolution 65/230, is relevant.", ["CCPCJ resolution 26/4", "GA resolution 65/230"]),
    ("en", COP_EN + "Pursuant to General Assembly resolution 65/230, the Commission in its resolution 22/7 requested "
                    "a study.", ["GA resolution 65/230", "CCPCJ resolution 22/7"]),
    ("en", "In its resolution 7/1, the Conference encouraged States parties to use the tools.", ["COP resolution 7/1"]),
    # the body named earlier in the clause when some of its resolutions are singled out: the Human Rights
    # Council's sessions pass 31, so the number's shape must not make them the Assembly's
    ("zh", "还回顾人权理事会以往关于贩运人口问题的所有决议，包括2020年7月16日第44/4号决议和2022年7月7日第50/3号决议，"
           "以及安全理事会第2331(2016)号决议，",
     ["HRC resolution 44/4", "HRC resolution 50/3", "SC resolution 2331 (2016)"]),
    ("zh", "回顾大会第55/25号决议，重申其他文书，还回顾人权理事会以往的所有决议，包括第44/4号决议，",  # clauses glued
     ["GA resolution 55/25", "HRC resolution 44/4"]),
    ("en", "Recalling all previous resolutions of the Human Rights Council on trafficking in persons, including "
           "resolutions 44/4 of 16 July 2020 and 50/3 of 7 July 2022,", ["HRC resolution 44/4", "HRC resolution 50/3"]),
    ("en", "The Human Rights Council,\nRecalling all its previous resolutions on trafficking in persons, in particular "
           "resolutions 44/4 and 50/3,", ["HRC resolution 44/4", "HRC resolution 50/3"]),
    # numbers alone on their lines under the sentence that says who adopted them
    ("zh", "2. 委员会通过的下列决议提请经济及社会理事会注意：\n第31/1号决议\n加强刑事司法系统的作用\n第31/2号决议\n为大会做准备",
     ["CCPCJ resolution 31/1", "CCPCJ resolution 31/2"]),
    ("en", "2. The following resolutions adopted by the Commission are brought to the attention of the Council:\n"
           "Resolution 31/1\nStrengthening the role\nResolution 31/2\nPreparations", ["CCPCJ resolution 31/1", "CCPCJ resolution 31/2"]),
    # the Assembly numbered its resolutions by session in Roman numerals until 1976
    ("en", "1 Resolution 217 A (III).", ["GA resolution 217 A (III)"]),
    ("zh", "大会第217 A (III)号决议", ["GA resolution 217 A (III)"]),
    ("en", "General Assembly resolution 3314 (XXIX)", ["GA resolution 3314 (XXIX)"]),
    # not resolutions
    ("en", COP_EN + "One speaker noted that agenda item 2 and decision 2 of the Bureau were procedural.", []),
    ("zh", COP + "议程项目2和主席团第2号决定属于程序性质。", []),
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


@pytest.mark.parametrize(("lang", "text", "bodies"), [
    ("en", "The General Assembly,\nRecalling its resolution 55/25,", ["GA"]),
    # glued by the layout to the title before and the preamble after
    ("en", "Implementation of the Protocol The Conference of the Parties to the United Nations Convention against "
           "Transnational Organized Crime, Recalling its resolution 5/3,", ["COP"]),
    ("en", "Provisional agenda The Commission on Crime Prevention and Criminal Justice, Deeply concerned", ["CCPCJ"]),
    ("zh", "大会，\n重申其第46/152号决议，", ["GA"]),
    ("zh", "执行情况联合国打击跨国有组织犯罪公约缔约方会议，回顾其第5/3号决议，", ["COP"]),
    ("en", "Recommends the adoption of the following draft resolution:\n“The General Assembly,\nRecalling", ["GA"]),
    # narrative, not an opening line
    ("en", "The General Assembly, in its resolution 55/25, adopted the Convention.", []),
    ("en", "a report was submitted to the General Assembly, Recalling nothing", []),
    ("zh", "将报告提交大会，请其审议。", []),
    ("zh", "在第7/1号决议中，缔约方会议决定", []),
])
def test_opening_lines(lang, text, bodies):
    from unkg.extract.resolutions import openers

    assert [body for _, _, body in openers(text, lang)] == bodies
