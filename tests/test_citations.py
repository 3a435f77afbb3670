"""Cited provisions and instrument mentions, Chinese and English side by side.

Hits come from the shared matcher (``find_names``), as in the pipeline; the seeds go through the
layout step first (their raw text breaks lines mid-word).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from unkg.extract.gazetteer import find_names
from unkg.extract.citations import citations_in as find_citations
from unkg.extract.instruments import instrument_mentions

GOLD = Path(__file__).resolve().parent / "gold"
SOM, TIP, UNTOC = "SOM-Protocol", "TIP-Protocol", "UNTOC"


def cite(text: str, lang: str, main: str | None = None) -> list[tuple]:
    """(instrument, article, paragraph, subparagraph) of each citation, kind appended unless "article"."""
    out = []
    for c in find_citations(text, lang, find_names(text, lang), main):
        assert text[c.start:c.end] == c.text
        row = (c.instrument, c.article, c.paragraph, c.subparagraph)
        out.append(row if c.kind == "article" else row + (c.kind,))
    return out


CASES = [
    # (lang, text, main instrument, expected)
    # the instrument named right before (zh) or after (en)
    ("zh", "根据《打击偷运移民议定书》第6条", None, [(SOM, "6", None, None)]),
    ("en", "under article 6 of the Smuggling of Migrants Protocol", None, [(SOM, "6", None, None)]),
    # paragraph, subparagraph
    ("zh", "《打击偷运移民议定书》第 6 条第 3 款的定义", None, [(SOM, "6", "3", None)]),
    ("en", "Under article 6, paragraph 3, of the Protocol, States shall establish aggravating circumstances.", SOM,
     [(SOM, "6", "3", None)]),
    ("en", "in line with article 6 (3) of the Smuggling of Migrants Protocol", None, [(SOM, "6", "3", None)]),
    ("en", "Cooperation under art. 18(13) of the Organized Crime Convention", None, [(UNTOC, "18", "13", None)]),
    ("zh", "《偷运移民议定书》第6条第2款(b)项", None, [(SOM, "6", "2", "b")]),
    ("en", "article 6, paragraph 1 (a) and (b), of the Protocol against the Smuggling of Migrants by Land, Sea and Air",
     None, [(SOM, "6", "1", "a"), (SOM, "6", "1", "b")]),
    ("en", "The definition in article 3 (a) of the Trafficking in Persons Protocol", None, [(TIP, "3", None, "a")]),
    ("zh", "《人口贩运议定书》第 9 条第(4)款呼吁缔约国", None, [(TIP, "9", "4", None)]),
    # Chinese numerals and full-width digits
    ("zh", "《联合国打击跨国有组织犯罪公约》第十八条", None, [(UNTOC, "18", None, None)]),
    ("zh", "《有组织犯罪公约》第十二条第三款", None, [(UNTOC, "12", "3", None)]),
    ("zh", "《有组织犯罪公约》第１８条", None, [(UNTOC, "18", None, None)]),
    # lists and ranges
    ("zh", "《公约》第20条和第21条", UNTOC, [(UNTOC, "20", None, None), (UNTOC, "21", None, None)]),
    ("zh", "《有组织犯罪公约》第18条第13和14款", None, [(UNTOC, "18", "13", None), (UNTOC, "18", "14", None)]),
    ("en", "The Working Group recalled articles 26 and 27 of the Organized Crime Convention.", None,
     [(UNTOC, "26", None, None), (UNTOC, "27", None, None)]),
    ("en", "article 5 and article 6 of the Trafficking in Persons Protocol", None,
     [(TIP, "5", None, None), (TIP, "6", None, None)]),
    ("en", "article 5 of the Convention and article 6 are relevant", UNTOC, [(UNTOC, "5", None, None), (UNTOC, "6", None, None)]),
    ("en", "articles 5 to 8 of the Convention", UNTOC, [(UNTOC, str(n), None, None) for n in range(5, 9)]),
    ("en", "paragraph 3 of article 32 of the Convention", TIP, [(UNTOC, "32", "3", None)]),
    ("en", "subparagraph (b) of paragraph 2 of article 6 of the Migrants Protocol", None, [(SOM, "6", "2", "b")]),
    ("en", "paragraph 1 (a) and (b) of article 6 of the Smuggling of Migrants Protocol", None,
     [(SOM, "6", "1", "a"), (SOM, "6", "1", "b")]),
    ("en", "subparagraphs (a) and (b) of article 3 of the Trafficking in Persons Protocol", None,
     [(TIP, "3", None, "a"), (TIP, "3", None, "b")]),
    ("zh", "《偷运移民议定书》第6条第1款(a)项和(b)项", None, [(SOM, "6", "1", "a"), (SOM, "6", "1", "b")]),
    ("zh", "《有组织犯罪公约》第十六条至第十八条", None, [(UNTOC, n, None, None) for n in ("16", "17", "18")]),
    ("zh", "《有组织犯罪公约》第16条第3款和第18条", None, [(UNTOC, "16", "3", None), (UNTOC, "18", None, None)]),
    ("en", "See article 18 UNTOC and art. 6 SOM Protocol.", None, [(UNTOC, "18", None, None), (SOM, "6", None, None)]),
    # a gloss in brackets after an article
    ("en", "article 16 (extradition) and article 18 (mutual legal assistance) of the Organized Crime Convention", None,
     [(UNTOC, "16", None, None), (UNTOC, "18", None, None)]),
    ("zh", "《有组织犯罪公约》第16条（引渡）和第18条（司法协助）", None, [(UNTOC, "16", None, None), (UNTOC, "18", None, None)]),
    # anaphora: the last instrument of that type, else the main one (or the one it supplements)
    ("zh", "如《打击偷运移民议定书》第 2 条所述。此外，根据该议定书第 5 条，移民不得受到起诉。", None,
     [(SOM, "2", None, None), (SOM, "5", None, None)]),
    ("zh", "《打击偷运移民议定书》不是移民管理文书。此外，议定书第11 条第 1 款规定", None, [(SOM, "11", "1", None)]),
    ("zh", "根据《公约》第 19 条，各国可开展联合调查。此外，《公约》第 13条规定了框架", SOM,
     [(UNTOC, "19", None, None), (UNTOC, "13", None, None)]),
    ("zh", "本公约第 5 条", UNTOC, [(UNTOC, "5", None, None)]),
    ("zh", "《人口贩运议定书》获得通过。上述议定书第 3 条载有定义。", None, [(TIP, "3", None, None)]),
    ("en", "The Trafficking in Persons Protocol, in its article 5, requires criminalization.", None,
     [(TIP, "5", None, None)]),
    ("en", "Migrants shall not become liable to prosecution under article 5 of the Protocol; article 10, "
           "paragraph 2, of the Protocol covers information exchange.", SOM, [(SOM, "5", None, None), (SOM, "10", "2", None)]),
    ("en", "Article 8 of the Protocol and article 18 of the Convention provide for cooperation.", SOM,
     [(SOM, "8", None, None), (UNTOC, "18", None, None)]),
    # a definite anaphor: the last one named in its paragraph, else the main instrument, else the one
    # the resolution (or section) is about — not one named once in passing in a list
    ("en", "The General Assembly,\nRecalling the United Nations Convention against Transnational Organized Crime "
           "and the Protocols thereto, and the United Nations Convention against Corruption,\nNoting article 32, "
           "paragraph 3, of the Convention,\n1. Encourages Member States to implement the Organized Crime Convention;",
     None, [(UNTOC, "32", "3", None)]),
    ("zh", "大会，\n回顾《联合国打击跨国有组织犯罪公约》及其各项议定书以及《联合国反腐败公约》，\n注意到《公约》第三十二条第三款，"
           "\n1. 鼓励会员国执行《有组织犯罪公约》；", None, [(UNTOC, "32", "3", None)]),
    ("en", "The Conference of the Parties,\nBearing in mind the Smuggling of Migrants Protocol,\nNoting that the "
           "Smuggling of Migrants Protocol applies,\nRecalling article 3 of the Trafficking in Persons Protocol,\n"
           "1. Urges States parties to apply article 6 of the Protocol;", UNTOC, [(TIP, "3", None, None), (SOM, "6", None, None)]),
    ("en", "The Convention against Corruption entered into force in 2005. Article 5 of the Convention covers it.", UNTOC,
     [("UNCAC", "5", None, None)]),  # named in the same paragraph
    ("en", "The Convention against Corruption entered into force in 2005.\nArticle 5 of the Convention covers it.", UNTOC,
     [(UNTOC, "5", None, None)]),  # another paragraph: the document's main instrument
    ("en", "The Police Cooperation Convention for Southeast Europe was signed in 2006.\nArticle 5 of that Convention "
           "allows it.", UNTOC, [("PCC-SEE", "5", None, None)]),  # a demonstrative: the last one named
    ("zh", "回顾缔约方会议议事规则第3条，并注意到议事规则第2条第2款，", None,
     [("COP-Rules", "3", None, None, "rule"), ("COP-Rules", "2", "2", None, "rule")]),  # bare 议事规则
    ("zh", "大会议事规则第78条", UNTOC, [(None, "78", None, None)]),  # the Assembly's rules: not the Conference's
    # a bare article right after an article of a named instrument, in its paragraph, continues it
    ("en", "It was established pursuant to article 32 of the Convention. In accordance with article 32, paragraph 1, "
           "the Conference shall improve capacity.", UNTOC, [(UNTOC, "32", None, None), (UNTOC, "32", "1", None)]),
    ("zh", "缔约方会议系根据《公约》第32条设立。根据第32条第1款，设立缔约方会议", UNTOC,
     [(UNTOC, "32", None, None), (UNTOC, "32", "1", None)]),
    ("en", "See article 5 of the Protocol.\nArticle 6 covers it.", SOM, [(SOM, "5", None, None), (None, "6", None, None)]),
    ("en", "article 5 of the Smuggling of Migrants Protocol and the Convention against Corruption; article 6 applies.",
     None, [(SOM, "5", None, None), (None, "6", None, None)]),  # another instrument named between: unknown
    ("zh", "该条第 3 款", None, []),  # 该条 with no article before: nothing to refer to
    ("zh", "《公约》第 18 条。该条第 3 款规定", UNTOC, [(UNTOC, "18", None, None), (UNTOC, "18", "3", None)]),
    # an instrument introduced without a name is what the anaphor means: unresolved, not guessed
    ("zh", "通过了一项关于机构间合作的议定书。该议定书第 3 条允许交流信息。", SOM, [(None, "3", None, None)]),
    ("en", "A protocol on inter-agency cooperation was adopted in 2017. Article 3 of the protocol allows it.", SOM,
     [(None, "3", None, None)]),
    # no instrument named: kept with instrument None
    ("en", "The Conference discussed articles 12 and 13.", UNTOC, [(None, "12", None, None), (None, "13", None, None)]),
    ("zh", "根据第6条，各国应当", SOM, [(None, "6", None, None)]),
    # rules of procedure, recitals, principles
    ("zh", "根据《有组织犯罪公约》第 32 条第 3 款和缔约方会议议事规则第 2 条第 2 款设立", TIP,
     [(UNTOC, "32", "3", None), ("COP-Rules", "2", "2", None, "rule")]),
    ("en", "in accordance with rule 2, paragraph 2, of the rules of procedure for the Conference of the Parties", TIP,
     [("COP-Rules", "2", "2", None, "rule")]),
    ("zh", "第 2011/36/EU 号指令，尤其是第 5、第 9 和第 15 序言段。", None,
     [("EU-Directive-2011/36", n, None, None, "recital") for n in ("5", "9", "15")]),
    ("en", "Recitals 5, 9 and 15 of Directive 2011/36/EU", None,
     [("EU-Directive-2011/36", n, None, None, "recital") for n in ("5", "9", "15")]),
    ("zh", "《建议的人权与贩运人口问题原则和有关准则》关于刑事诉讼中引渡的原则 14 及有关准则", None,
     [("OHCHR-Principles", "14", None, None, "principle")]),
    ("en", "Principle 14 of the Recommended Principles and Guidelines on Human Rights and Human Trafficking", None,
     [("OHCHR-Principles", "14", None, None, "principle")]),
    # articles of a model law (a tool, not a treaty) are kept apart from treaty articles
    ("zh", "《打击人口贩运示范法》第 5 条规定", None, [("TIP-Model-Law", "5", None, None, "model-article")]),
    ("en", "Article 10 of the Model Law against Trafficking in Persons", None,
     [("TIP-Model-Law", "10", None, None, "model-article")]),
    # a paragraph without its article is the article's cited just before: explicitly ("of the same
    # article", 该条), or bare in the same sentence (English) or paragraph (Chinese: 款 is a treaty's)
    ("en", "Article 18, paragraph 3 (b), of the Convention lists the service of documents, and paragraph 3 (f) "
           "covers records. Under paragraph 14 of the same article, requests are made in writing.", UNTOC,
     [(UNTOC, "18", "3", "b"), (UNTOC, "18", "3", "f"), (UNTOC, "18", "14", None)]),
    ("zh", "《公约》第十八条第三款(b)项将送达司法文书列为目的之一，第三款(f)项涉及提供记录。根据该条第十四款，请求应以书面形式提出。",
     UNTOC, [(UNTOC, "18", "3", "b"), (UNTOC, "18", "3", "f"), (UNTOC, "18", "14", None)]),
    # ... but not a paragraph of the document itself
    ("en", "Under article 32 of the Convention, the Conference, in paragraph 2, requested a report, as set out in "
           "paragraph 12 above and paragraph 7 of resolution 9/3.", UNTOC, [(UNTOC, "32", None, None)]),
    # the very article cited last, again in the next paragraph of the same section
    ("en", "Articles 16 and 18 of the Convention set the framework.\nArticle 18, paragraph 13, requires a central "
           "authority.", UNTOC, [(UNTOC, "16", None, None), (UNTOC, "18", None, None), (UNTOC, "18", "13", None)]),
    ("zh", "《公约》第十六条和第十八条确立了框架。\n第十八条第十三款要求各缔约国指定一个中央机关。", UNTOC,
     [(UNTOC, "16", None, None), (UNTOC, "18", None, None), (UNTOC, "18", "13", None)]),
    ("en", "Article 18 of the Organized Crime Convention sets the framework.\nII. Other instruments\nArticle 18, paragraph 13, "
           "applies.", None, [(UNTOC, "18", None, None), (None, "18", "13", None)]),
    # an article singled out of the instrument just named ("including", 包括)
    ("zh", "吁请各缔约国充分执行《人口贩运议定书》的各项规定，包括第9条第4款，", None, [(TIP, "9", "4", None)]),
    ("en", "Calls upon States parties to implement the Trafficking in Persons Protocol, in particular article 9, "
           "paragraph 4,", None, [(TIP, "9", "4", None)]),
    # "the Protocol" in a resolution is the one the resolution is about: the one referred to most often
    # (by name or by an anaphor already resolved), not one noted later in passing
    ("en", "The General Assembly,\nReaffirming the Protocol to Prevent, Suppress and Punish Trafficking in Persons, "
           "Especially Women and Children, in particular article 3 (a) of the Protocol,\nTaking note of the Protocol "
           "of 2014 to the Forced Labour Convention, 1930,\n4. Encourages Member States to apply article 9, "
           "paragraph 5, of the Protocol on demand and article 6 of the Protocol on assistance to victims;", None,
     [(TIP, "3", None, "a"), (TIP, "9", "5", None), (TIP, "6", None, None)]),
    # "thereof": the instrument named last before it in the paragraph
    ("en", "Ensure that migrants are not liable under the Protocol for conduct set forth in article 6 thereof, in "
           "line with article 5 of the Protocol;", SOM, [(SOM, "6", None, None), (SOM, "5", None, None)]),
    ("en", "the Convention on Cybercrime and, in article 29 thereof, expedited preservation", None,
     [("CoE-Cybercrime-Convention", "29", None, None)]),
    # "that Convention" after an instrument named inside a mechanism's name
    ("en", "The Conference drew on the Implementation Review Mechanism of the United Nations Convention against "
           "Corruption, established pursuant to article 63, paragraph 7, of that Convention.", UNTOC,
     [("UNCAC", "63", "7", None)]),
    ("zh", "借鉴了根据该公约第63条第7款设立的联合国反腐败公约实施情况审议机制。联合国反腐败公约实施情况审议机制依据该公约第63条第7款设立。",
     UNTOC, [(UNTOC, "63", "7", None), ("UNCAC", "63", "7", None)]),
    # "the Convention" next to a protocol of the Convention's family is the one it supplements, not a
    # convention named in another paragraph
    ("en", "including the Worst Forms of Child Labour Convention, 1999 (No. 182);\n7. Ensure that victims are "
           "treated in accordance with article 6, paragraph 3, of the Trafficking in Persons Protocol and articles "
           "24 and 25 of the Convention;", None,
     [(TIP, "6", "3", None), (UNTOC, "24", None, None), (UNTOC, "25", None, None)]),
    # a short title given in brackets after the name is the instrument's wherever it is used again
    ("zh", "《联合国打击跨国有组织犯罪公约关于预防、禁止和惩治贩运人口特别是妇女和儿童行为的补充议定书》（《巴勒莫议定书》），\n"
           "注意到《巴勒莫议定书》第3条(a)项所载的定义，\n4. 鼓励各国根据《巴勒莫议定书》第6条第3款提供援助；", None,
     [(TIP, "3", None, "a"), (TIP, "6", "3", None)]),
    ("en", "the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children "
           "(the \"Palermo Protocol\"),\nNoting article 3 (a) of the Palermo Protocol,", None, [(TIP, "3", None, "a")]),
    ("zh", "《联合国反腐败公约》（下称《公约》）第46条。该公约第5条和《有组织犯罪公约》第18条。《公约》第6条。", None,
     [("UNCAC", "46", None, None), ("UNCAC", "5", None, None), (UNTOC, "18", None, None), ("UNCAC", "6", None, None)]),
    ("zh", "欧洲委员会《网络犯罪公约》（《布达佩斯公约》）第29条规定了快速保全。", None,
     [("CoE-Cybercrime-Convention", "29", None, None)]),
    # not provisions
    ("zh", "劳工组织，消除贩运儿童的做法，第 30-31 页。关于国际刑事司法合作的第 4 章。", None, []),
    ("en", "as discussed in paragraph 3 above, in 2015 and at its ninth session", None, []),
]


@pytest.mark.parametrize(("lang", "text", "main", "expected"), CASES)
def test_find_citations(lang, text, main, expected):
    assert cite(text, lang, main) == expected


def mentioned(text: str, lang: str, main: str | None = None) -> list[tuple[str, str, bool]]:
    return [(m.key, m.text, m.candidate) for m in instrument_mentions(text, lang, find_names(text, lang), main)]


@pytest.mark.parametrize(("lang", "text", "main", "expected"), [
    ("zh", "《南盟防止和打击贩运妇女儿童从事卖淫问题公约》。该公约目的是促进合作。", None,
     [("SAARC-Convention", "南盟防止和打击贩运妇女儿童从事卖淫问题公约", False), ("SAARC-Convention", "该公约", False)]),
    ("zh", "《公约》为国际合作提供了框架。", SOM, [("UNTOC", "《公约》", False)]),
    ("en", "The Protocol requires States to criminalize smuggling.", SOM, [(SOM, "The Protocol", False)]),
    ("zh", "第 2011/36/EU 号指令取代了理事会第 2002/946/JHA 号框架决定。", None,
     [("EU-Directive-2011/36", "第 2011/36/EU 号指令", False), ("EU-FD-2002/946", "第 2002/946/JHA 号框架决定", False)]),
    ("en", "Directive 2013/33/EU lays down standards for the reception of applicants.", None,
     [("EU-Directive-2013/33", "Directive 2013/33/EU", False)]),
    # since 2015 EU acts are numbered without the series: "Directive (EU) 2021/555", 第 2021/555 号指令
    ("zh", "欧洲联盟关于控制获取和拥有武器的第 2021/555 号指令", None, [("EU-Directive-2021/555", "第 2021/555 号指令", False)]),
    ("en", "Directive (EU) 2021/555 on control of the acquisition and possession of weapons", None,
     [("EU-Directive-2021/555", "Directive (EU) 2021/555", False)]),
    # a protocol's full title names the Convention it supplements, in both languages
    ("zh", "《联合国打击跨国有组织犯罪公约关于打击非法制造和贩运枪支及其零部件和弹药的补充议定书》", None,
     [("UNTOC", "联合国打击跨国有组织犯罪公约", False),
      ("Firearms-Protocol", "联合国打击跨国有组织犯罪公约关于打击非法制造和贩运枪支及其零部件和弹药的补充议定书", False)]),
    ("en", "the Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United Nations "
           "Convention against Transnational Organized Crime", None,
     [(SOM, "Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United Nations "
            "Convention against Transnational Organized Crime", False),
      ("UNTOC", "United Nations Convention against Transnational Organized Crime", False)]),
    ("zh", "关于偷运人口、贩运人口和有关跨国犯罪的巴厘进程；布达佩斯进程。", None,
     [("Bali-Process", "关于偷运人口、贩运人口和有关跨国犯罪的巴厘进程", False), ("Budapest-Process", "布达佩斯进程", False)]),
    ("zh", "各国参加了“尼亚美进程”。", None, [("candidate:尼亚美进程", "尼亚美进程", True)]),
    ("en", "The Bali Process and the Niamey Process support cooperation.", None,
     [("Bali-Process", "Bali Process", False), ("candidate:Niamey-Process", "Niamey Process", True)]),
    ("zh", "《联合国打击跨国有组织犯罪公约》及其议定书", None, [("UNTOC", "联合国打击跨国有组织犯罪公约", False)]),
    ("en", "The Trafficking in Persons Protocol, in its article 5, requires it.", None,  # "its" is no mention
     [(TIP, "Trafficking in Persons Protocol", False)]),
    # a short form in brackets after a registered name is that name's, no candidate of its own
    ("zh", "例如通过西非打击有组织犯罪中央机关和检察官网络（西非网络）开展合作。", None,
     [("WACAP", "西非打击有组织犯罪中央机关和检察官网络", False)]),
    ("en", "the Bali Process (the Bali Network) and the Niamey Process", None,
     [("Bali-Process", "Bali Process", False), ("candidate:Niamey-Process", "Niamey Process", True)]),
    # an instrument named inside a mechanism's name is mentioned
    ("en", "the Implementation Review Mechanism of the United Nations Convention against Corruption", None,
     [("UNCAC-IRM", "Implementation Review Mechanism of the United Nations Convention against Corruption", False),
      ("UNCAC", "United Nations Convention against Corruption", False)]),
])
def test_instrument_mentions(lang, text, main, expected):
    assert mentioned(text, lang, main) == expected


def _seed(prefix: str):
    from unkg.extract.ingest import read_source
    from unkg.extract.layout import layout

    path = next(p for p in (Path(__file__).resolve().parents[1] / "seeds").glob(f"{prefix}_*.txt"))
    return path, layout(read_source(path)).text


@pytest.mark.parametrize(("prefix", "main"), [("001", SOM), ("002", SOM), ("003", SOM), ("004", TIP)])
def test_seed_citations_match_the_answer_keys(prefix, main):
    """Treaty articles and rules cited in each seed are exactly the answer key's (F1 = 1)."""
    path, text = _seed(prefix)
    gold = json.loads((GOLD / f"{path.stem}.json").read_text("utf-8"))
    expected = {(g["instrument"], str(g["article"]), g.get("paragraph"), g.get("subparagraph"))
                for g in gold["citations"]}
    got = {c[:4] for c in cite(text, "zh", main) if len(c) == 4 or c[4] == "rule"}
    assert got == expected


@pytest.mark.parametrize(("prefix", "main"), [("001", SOM), ("002", SOM), ("003", SOM), ("004", TIP)])
def test_seed_instruments_and_initiatives_match_the_answer_keys(prefix, main):
    path, text = _seed(prefix)
    gold = json.loads((GOLD / f"{path.stem}.json").read_text("utf-8"))
    mentions = instrument_mentions(text, "zh", find_names(text, "zh"), main)
    for kind, category in (("Instrument", "instruments"), ("Initiative", "initiatives")):
        assert {m.key for m in mentions if m.kind == kind} == {g["key"] for g in gold[category]}


# A footnote callout after a name that ends in a provision word (issue 10 part 6): A/RES/79/190 prints
# "the Vienna Principles 24 See CAC/COSP/2013/18" (callout 24, then its footnote's words).
CALLOUTS = [
    "Recalling resolution 10/4 of 15 December 2023 of the Conference of the States Parties to the "
    "Convention, in which the Conference acknowledged the Vienna Principles 24 See CAC/COSP/2013/18, sect. I.A.",
    "Recalling the Basic Principles 12 on the Role of Lawyers",
    "the Nelson Mandela Rules 3\n\n",
]


@pytest.mark.parametrize("text", CALLOUTS)
def test_a_callout_after_a_name_is_no_provision(text):
    assert cite(text, "en", "UNCAC") == []


@pytest.mark.parametrize("text,expected", [
    ("Principle 14 of the Recommended Principles and Guidelines on Human Rights and Human Trafficking",
     [("OHCHR-Principles", "14", None, None, "principle")]),
    ("Recalling Principle 14 of the Recommended Principles and Guidelines on Human Rights and Human Trafficking",
     [("OHCHR-Principles", "14", None, None, "principle")]),
])
def test_a_provision_word_before_its_number_still_cites(text, expected):
    assert cite(text, "en") == expected
