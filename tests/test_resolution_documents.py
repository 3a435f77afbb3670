"""Whole resolutions and reports of resolution-making bodies, Chinese and English, through the
whole pipeline: the resolutions and decisions they refer to, the provisions they cite, the UN
documents they cite and their operative paragraphs.

Each expectation is what a careful human indexer would record, written before the code was run
(``tests/data/ga_resolution_*.txt``, ``res_*.txt``). The document's own resolution (A/RES/76/186 is
GA resolution 76/186) is left aside here: the pipeline filters it by the document's symbol.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from unkg.extract.pipeline import extract_file

DATA = Path(__file__).resolve().parent / "data"
UNTOC, TIP, SOM, UNCAC, RULES = "UNTOC", "TIP-Protocol", "SOM-Protocol", "UNCAC", "COP-Rules"

# -- expectations, per document; the Chinese and English versions of a document agree -----------

GA_RES = {"GA resolution 46/152", "GA resolution 60/1", "GA resolution 75/196", "ECOSOC resolution 1992/22",
          "GA resolution 55/25", "GA resolution 55/255", "SC resolution 2482 (2019)"}
GA_SYM = {"A/76/479", "A/76/105", "E/2021/30"}
GA_CIT = {(UNTOC, "32", "3", None),  # "the Convention" after UNTOC (and its Protocols) and UNCAC in passing
          (TIP, "12", None, None), (TIP, "13", None, None), (UNTOC, "16", None, None), (UNTOC, "18", "13", None)}
GA_REC_EN = [("Urges States parties", "urge"), ("Encourages Member States", "encourage"),
             ("Requests the United Nations Office", "request"), ("Calls upon Member States", "call-upon"),
             ("Decides to include", "decide"), ("Requests the Secretary-General", "request")]
GA_REC_ZH = [("敦促缔约国", "urge"), ("鼓励会员国", "encourage"), ("请联合国毒品和犯罪问题办公室", "request"),
             ("吁请会员国", "call-upon"), ("决定将题为", "decide"), ("请秘书长", "request")]

ECOSOC_RES = {"GA resolution 58/137", "GA resolution 59/156", "GA resolution 60/1", "ECOSOC resolution 2004/45",
              "ECOSOC resolution 2005/21", "CCPCJ decision 14/1", "GA resolution 55/25", "SC resolution 1325 (2000)"}
ECOSOC_SYM = {"E/2006/30", "E/CN.15/2006/7", "CTOC/COP/2005/8"}
ECOSOC_CIT = {(TIP, "3", None, "a"), (TIP, "6", None, None), (TIP, "9", None, None), (TIP, "6", "3", None),
              (UNTOC, "18", "13", None), (TIP, "3", None, None)}
ECOSOC_REC_EN = [("Urges Member States", "urge"), ("Calls upon States parties", "call-upon"),
                 ("Encourages Member States", "encourage"), ("Invites Member States", "invite"),
                 ("Requests the United Nations Office", "request"), ("Recommends that Member States", "recommend"),
                 ("Decides to consider", "decide"), ("Also requests the Executive Director", "request")]
ECOSOC_REC_ZH = [("敦促尚未批准", "urge"), ("吁请《议定书》缔约国", "call-upon"), ("鼓励会员国", "encourage"),
                 ("邀请会员国", "invite"), ("请联合国毒品和犯罪问题办公室", "request"), ("建议会员国", "recommend"),
                 ("决定在其2008年", "decide"), ("又请联合国毒品和犯罪问题办公室执行主任", "request")]

# The report adopts resolution 11/2 and decision 11/1: they are resolutions the report holds, so
# they are listed with those it cites. "decision 2 of the Bureau" (主席团第2号决定) is none.
COP_RES = {"COP resolution 11/2", "COP decision 11/1", "COP resolution 5/3", "COP resolution 7/1",
           "COP resolution 9/3", "GA resolution 71/243 A", "GA resolution 71/243 B", "GA resolution 76/186",
           "SC resolution 2240 (2015)", "SC resolution 2388 (2017)", "ECOSOC resolution 2019/22",
           "COP resolution 9/1", "COP decision 10/1", "CCPCJ resolution 30/1", "HRC resolution 44/4",
           "GA resolution S-30/1"}
COP_SYM = {"CTOC/COP/2022/1", "CTOC/COP/2020/10/Add.1", "CAC/COSP/IRG/2022/2", "A/C.3/76/L.10/Rev.1",
           "S/RES/2240(2015)", "S/RES/2388(2017)", "E/RES/2019/22"}
COP_CIT = {(SOM, "5", None, None), (SOM, "6", None, None), (TIP, "3", None, "a"),
           (SOM, "6", "1", "a"),  # "the Protocol" in a resolution on the Smuggling of Migrants Protocol
           (UNTOC, "18", "13", None), (RULES, "3", None, None), (RULES, "2", "2", None),
           (UNTOC, "32", None, None), (UNTOC, "32", "3", None)}
COP_REC_EN = [("Urges States parties", "urge"), ("Calls upon States parties", "call-upon"),
              ("Encourages States parties", "encourage"), ("Requests the Secretariat", "request"),
              ("Invites Member States", "invite"), ("Decides to hold", "decide")]
COP_REC_ZH = [("敦促缔约国", "urge"), ("吁请缔约国", "call-upon"), ("鼓励缔约国", "encourage"),
              ("请秘书处", "request"), ("邀请会员国", "invite"), ("决定在维也纳", "decide")]

# A Commission report: a draft resolution for the General Assembly ("its resolutions" there are the
# Assembly's), then the Commission's own resolution and decision ("its" the Commission's).
CCPCJ_RES = {"GA resolution 46/152", "GA resolution 75/196", "GA resolution 55/25", "GA resolution 58/4",
             "CCPCJ resolution 30/1", "ECOSOC decision 2021/225", "CCPCJ resolution 26/4", "CCPCJ resolution 27/3",
             "COP resolution 10/4", "COP resolution 10/3", "ECOSOC resolution 2019/22", "HRC resolution 44/4",
             "CCPCJ decision 30/1", "CCPCJ decision 29/1"}
CCPCJ_SYM = {"E/CN.15/2021/L.1", "CAC/COSP/2021/17", "E/CN.15/2021/5"}
CCPCJ_CIT = {(TIP, "10", None, None), (UNCAC, "16", None, None), (TIP, "10", "1", None)}
# Paragraph 1 of the report ("The Commission … recommends to the Economic and Social Council the
# approval of the following draft resolution") transmits a draft: it is no recommendation.
CCPCJ_REC_EN = [("Urges Member States", "urge"), ("Requests the Secretary-General", "request"),
                ("Invites Member States", "invite"), ("Encourages Member States", "encourage"),
                ("Also encourages Member States", "encourage"), ("Requests the United Nations Office", "request"),
                ("Decides to approve", "decide")]
CCPCJ_REC_ZH = [("敦促会员国", "urge"), ("请秘书长", "request"), ("邀请会员国", "invite"), ("鼓励会员国", "encourage"),
                ("还鼓励会员国", "encourage"), ("请联合国毒品和犯罪问题办公室", "request"), ("决定核准", "decide")]

# A/RES/72/195 as a PDF gives it: lines wrapped mid-sentence, footnote callouts, page furniture.
WRAPPED_RES = {"GA resolution 71/167", "ECOSOC resolution 2017/19", "GA resolution 64/293", "GA resolution 72/1",
               "SC resolution 2331 (2016)", "SC resolution 2388 (2017)"}
WRAPPED_SYM = {"A/72/435", "A/72/207"}
WRAPPED_CIT = {(TIP, "9", "4", None), (UNTOC, "31", "7", None), (TIP, "3", None, None)}
WRAPPED_REC_EN = [("Urges Member States", "urge"), ("Calls upon Member States", "call-upon"),
                  ("Encourages Member States", "encourage"), ("Requests the Secretary-General", "request"),
                  ("Decides to convene", "decide")]
WRAPPED_REC_ZH = [("敦促尚未批准", "urge"), ("吁请会员国", "call-upon"), ("鼓励会员国", "encourage"),
                  ("请秘书长", "request"), ("决定于 2021 年", "decide")]

DOCUMENTS = {
    "ga_resolution_en.txt": (GA_RES, GA_SYM, GA_CIT, GA_REC_EN),
    "ga_resolution_zh.txt": (GA_RES, GA_SYM, GA_CIT, GA_REC_ZH),
    "res_ecosoc_en.txt": (ECOSOC_RES, ECOSOC_SYM, ECOSOC_CIT, ECOSOC_REC_EN),
    "res_ecosoc_zh.txt": (ECOSOC_RES, ECOSOC_SYM, ECOSOC_CIT, ECOSOC_REC_ZH),
    "res_cop_report_en.txt": (COP_RES, COP_SYM, COP_CIT, COP_REC_EN),
    "res_cop_report_zh.txt": (COP_RES, COP_SYM, COP_CIT, COP_REC_ZH),
    "res_ccpcj_en.txt": (CCPCJ_RES, CCPCJ_SYM, CCPCJ_CIT, CCPCJ_REC_EN),
    "res_ccpcj_zh.txt": (CCPCJ_RES, CCPCJ_SYM, CCPCJ_CIT, CCPCJ_REC_ZH),
    "res_ga_wrapped_en.txt": (WRAPPED_RES, WRAPPED_SYM, WRAPPED_CIT, WRAPPED_REC_EN),
    "res_ga_wrapped_zh.txt": (WRAPPED_RES, WRAPPED_SYM, WRAPPED_CIT, WRAPPED_REC_ZH),
}
NAMES = sorted(DOCUMENTS)


@pytest.fixture(scope="module")
def extracted():
    return {name: extract_file(DATA / name) for name in NAMES}


def _own(symbol: str | None) -> set[str]:
    """The document's own resolution, as a key: A/RES/76/186 -> GA resolution 76/186."""
    bodies = {"A": "GA", "E": "ECOSOC", "S": "SC"}
    series, _, number = (symbol or "").partition("/RES/")
    return {f"{bodies[series]} resolution {number}"} if series in bodies and number else set()


@pytest.mark.parametrize("name", NAMES)
def test_resolutions(extracted, name):
    ex = extracted[name]
    assert {r.key for r in ex.resolutions} - _own(ex.doc.meta.symbol) == DOCUMENTS[name][0]


@pytest.mark.parametrize("name", NAMES)
def test_symbols(extracted, name):
    assert {s.symbol for s in extracted[name].symbols} == DOCUMENTS[name][1]


@pytest.mark.parametrize("name", NAMES)
def test_citations(extracted, name):
    got = {(c.instrument, c.article, c.paragraph, c.subparagraph) for c in extracted[name].citations}
    assert got == DOCUMENTS[name][2]


@pytest.mark.parametrize("name", NAMES)
def test_operative_paragraphs(extracted, name):
    """Directive verbs open recommendations; Reaffirms, Welcomes, Notes (重申, 欢迎, 注意到) do not."""
    got = [(r.text, r.strength) for r in extracted[name].recommendations]
    expected = DOCUMENTS[name][3]
    assert len(got) == len(expected), [t[:30] for t, _ in got]
    for (text, strength), (starts, want) in zip(got, expected):
        assert text.startswith(starts) and strength == want, (text[:40], strength, starts, want)


MENTIONED = {  # (instruments, initiatives) named, by name or by anaphor
    "ga": ({UNTOC, TIP, UNCAC}, {"GPAT", "Blue-Heart"}),
    "res_ecosoc": ({UNTOC, TIP}, set()),
    "res_cop_report": ({UNTOC, SOM, TIP, UNCAC, RULES}, {"Review-Mechanism"}),
    "res_ccpcj": ({UNTOC, TIP, UNCAC}, set()),
    "res_ga_wrapped": ({UNTOC, TIP, "UN-GPA-TIP"}, {"UNVTF-TIP"}),
}


@pytest.mark.parametrize("name", NAMES)
def test_instruments_and_initiatives_mentioned(extracted, name):
    instruments, initiatives = MENTIONED[name.rsplit("_", 1)[0].removesuffix("_resolution")]
    mentions = extracted[name].mentions
    assert {m.key for m in mentions if m.kind == "Instrument"} == instruments
    assert {m.key for m in mentions if m.kind == "Initiative" and not m.candidate} == initiatives


@pytest.mark.parametrize("name", NAMES)
def test_spans_hold_their_words(extracted, name):
    ex = extracted[name]
    for rec in (*ex.resolutions, *ex.symbols, *ex.citations, *ex.recommendations):
        assert ex.doc.text[rec.start:rec.end] == rec.text
