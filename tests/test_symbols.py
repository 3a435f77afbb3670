"""UN document symbols, Chinese and English side by side."""
from __future__ import annotations

import pytest

from unkg.extract.symbols import symbols_in as find_symbols

CASES = [
    # (text, own symbol, expected symbols in order)
    ("* CTOC/COP/WG.7/2022/1。", None, ["CTOC/COP/WG.7/2022/1"]),
    ("Provisional agenda (CTOC/COP/WG.7/2022/1).", None, ["CTOC/COP/WG.7/2022/1"]),
    ("19 A/76/642。", None, ["A/76/642"]),
    ("See the report of the Secretary-General (A/76/642).", None, ["A/76/642"]),
    ("14 S/2020/785。\nhttp://undocs.org/S/2020/785", None, ["S/2020/785"]),  # the link repeats it: once
    ("见 http://undocs.org/S/2020/785", None, ["S/2020/785"]),  # only in a link: kept
    ("www.un.org/en/ga/search/view_doc.asp?symbol=A/RES/70/1", None, ["A/RES/70/1"]),
    ("E/2019/30 和 E/CN.15/2003/14", None, ["E/2019/30", "E/CN.15/2003/14"]),
    ("the Conference (A/CONF.222/11) and the Ad Hoc Committee (A/AC.254/36)", None,
     ["A/CONF.222/11", "A/AC.254/36"]),
    ("concluding observations (CMW/C/TJK/CO/2)", None, ["CMW/C/TJK/CO/2"]),
    ("A/RES/58/137 号决议；A/RES/64/293 号决议", None, ["A/RES/58/137", "A/RES/64/293"]),
    ("与会者名单载于 CTOC/COP/WG.7/2017/INF.1/Rev.1 号文件。", None, ["CTOC/COP/WG.7/2017/INF.1/Rev.1"]),
    ("CTOC/COP/2020/L.9/Rev.1, CTOC/COP/WG.2/2019/CRP.2, CTOC/COP/2018/INF/1 and "
     "CTOC/COP/WG.7/2022/3/Add.1/Corr.1.", None,
     ["CTOC/COP/2020/L.9/Rev.1", "CTOC/COP/WG.2/2019/CRP.2", "CTOC/COP/2018/INF/1",
      "CTOC/COP/WG.7/2022/3/Add.1/Corr.1"]),
    ("Security Council resolution S/RES/2240 (2015)", None, ["S/RES/2240(2015)"]),
    # right after Chinese text, with no space: 载于E/CN.15/…号文件, …和S/RES/…
    ("决定核准载于E/CN.15/2021/L.1号文件的临时议程。", None, ["E/CN.15/2021/L.1"]),
    ("S/RES/2240 (2015)和S/RES/2388 (2017)。", None, ["S/RES/2240(2015)", "S/RES/2388(2017)"]),
    # draft resolutions of Main Committees, ECOSOC resolutions, addenda, UNCAC review documents
    ("E/RES/2019/22; A/C.3/76/L.10/Rev.1; CTOC/COP/2020/10/Add.1; CAC/COSP/IRG/2022/2.", None,
     ["E/RES/2019/22", "A/C.3/76/L.10/Rev.1", "CTOC/COP/2020/10/Add.1", "CAC/COSP/IRG/2022/2"]),
    # joint symbols: one document of two organs, both symbols; the document's own, neither
    ("letter dated 1 March 2022 (A/76/642–S/2022/123)", None, ["A/76/642", "S/2022/123"]),
    ("Report on the thirtieth session (E/2021/30-E/CN.15/2021/17)", None, ["E/2021/30", "E/CN.15/2021/17"]),
    ("E/2021/30-E/CN.15/2021/17\nsee E/CN.15/2021/5", "E/2021/30-E/CN.15/2021/17", ["E/CN.15/2021/5"]),
    # Page headers: the document's own symbol is never a citation; its addendum is.
    ("CTOC/COP/WG.7/2022/3\n3/14 V.22-02390\n见 CTOC/COP/WG.7/2022/3/Add.1。", "CTOC/COP/WG.7/2022/3",
     ["CTOC/COP/WG.7/2022/3/Add.1"]),
    # broken across lines at a slash: the joined lines leave one space there
    ("背景文件（CTOC/COP /WG.2/2019/2）。", None, ["CTOC/COP/WG.2/2019/2"]),
    ("see CTOC/COP/ WG.7/2021/3 and A/76/642.", None, ["CTOC/COP/WG.7/2021/3", "A/76/642"]),
    # Not symbols: job numbers, sales numbers, EU act numbers, URL paths, page counters.
    ("V.22-02390 E.18.IV.9 E.06.V.5 3/14", None, []),
    ("（联合国出版物，出售品编号：E.18.IV.9）", None, []),
    ("Directive 2011/36/EU; OJ:L:2011:101:0001:0011:EN:PDF", None, []),
    ("www.osce.org/documents/pc/2005/07/15594_en.pdf 和 www.unodc.org/res/som/index.html", None, []),
]


@pytest.mark.parametrize(("text", "own", "expected"), CASES)
def test_find_symbols(text, own, expected):
    assert [s.symbol for s in find_symbols(text, own)] == expected


@pytest.mark.parametrize(("text", "own", "expected"), CASES)
def test_offsets_give_the_exact_words(text, own, expected):
    for s in find_symbols(text, own):
        assert text[s.start:s.end] == s.text


def test_seed_002_symbols(seed_paths):
    from unkg.extract.ingest import read_source
    from unkg.extract.layout import layout

    path = next(p for p in seed_paths if p.name.startswith("002_"))
    doc = layout(read_source(path))
    found = {s.symbol for s in find_symbols(doc.text, "CTOC/COP/WG.7/2022/3")}
    assert found == {"CTOC/COP/WG.7/2022/1", "A/76/642", "S/2020/785"}
