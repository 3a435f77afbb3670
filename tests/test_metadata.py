"""Document metadata from title pages, in Chinese and English."""
from pathlib import Path

import pytest

from unkg.extract import dates
from unkg.extract.ingest import read_source
from unkg.extract.layout import layout
from unkg.extract.metadata import read_metadata
from unkg.extract.models import SourceText

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def meta_of(name: str):
    return read_metadata(layout(read_source(SEEDS / name)))


def meta_text(text: str):
    return read_metadata(layout(SourceText("x.txt", text, "txt", "0")))


def test_seed_003_title_page():
    m = meta_of("003_28d5586563dc01f3.txt")
    assert (m.symbol, m.distribution, m.issued, m.language, m.original_language) == \
        (None, "Limited", "2017-09-11", "zh", "English")
    assert (m.meeting_start, m.meeting_end, m.place, m.meeting_number) == ("2017-09-11", "2017-09-13", "Vienna", 4)
    assert m.kind == "draft report"


def test_seed_002_symbol_from_page_header_and_meeting_from_text():
    m = meta_of("002_a0e9ecb3f6118350.txt")
    assert m.symbol == "CTOC/COP/WG.7/2022/3"
    assert m.meeting_number == 9 and m.meeting_start is None
    assert m.kind == "background paper" and m.agenda_item == "3"


def test_seed_001_addendum_and_004_conference_room_paper():
    m1 = meta_of("001_cdb74ec8a63a6727.txt")
    assert m1.kind == "draft report (addendum)" and m1.meeting_start == "2018-07-04"
    m4 = meta_of("004_3f756bb20ebb5459.txt")
    assert (m4.kind, m4.issued, m4.meeting_number, m4.agenda_item) == ("conference room paper", "2011-08-02", 4, "5")


def test_english_title_page():
    m = meta_text("United Nations\tCTOC/COP/WG.7/2020/4\n\nConference of the Parties to the United Nations\n"
                  "Convention against Transnational Organized Crime\n\nDistr.: General\n15 September 2020\n\n"
                  "Original: English\n\nWorking Group on the Smuggling of Migrants\nVienna, 8 and 9 September 2020\n\n"
                  "Report on the meeting of the Working Group on the Smuggling of Migrants held in Vienna\n\n"
                  "I. Introduction\n\n1. The seventh meeting of the Working Group on the Smuggling of Migrants "
                  "was held in Vienna on 8 and 9 September 2020.\n")
    assert (m.language, m.distribution, m.issued) == ("en", "General", "2020-09-15")
    assert (m.meeting_start, m.meeting_end, m.place, m.meeting_number) == ("2020-09-08", "2020-09-09", "Vienna", 7)


@pytest.mark.parametrize("text, expected", [
    ("2017年9月11日至13日，维也纳", ("2017-09-11", "2017-09-13")),
    ("2018 年 7 月 4 日至 5 日", ("2018-07-04", "2018-07-05")),
    ("2012年5月30日至6月1日", ("2012-05-30", "2012-06-01")),
    ("2010年12月30日至2011年1月2日", ("2010-12-30", "2011-01-02")),
    ("2011年10月19日", ("2011-10-19", "2011-10-19")),
])
def test_chinese_dates(text, expected):
    assert dates.zh_range(text)[:2] == expected


@pytest.mark.parametrize("text, expected", [
    ("Vienna, 8 and 9 September 2020", ("2020-09-08", "2020-09-09")),
    ("10-12 October 2011", ("2011-10-10", "2011-10-12")),
    ("30 May-1 June 2012", ("2012-05-30", "2012-06-01")),
    ("from 11 to 13 September 2017", ("2017-09-11", "2017-09-13")),
    ("2 August 2011", ("2011-08-02", "2011-08-02")),
])
def test_english_dates(text, expected):
    assert dates.en_range(text)[:2] == expected


@pytest.mark.parametrize("name", ["ga_resolution_en.txt", "ga_resolution_zh.txt"])
def test_resolution_title_page(name):
    """A resolution's preamble is not its title page: the body is who adopted it, not the last
    body its preamble names; the session is the meeting."""
    m = read_metadata(layout(read_source(Path(__file__).parent / "data" / name)))
    assert (m.symbol, m.body, m.meeting_number, m.agenda_item, m.issued, m.kind) == \
        ("A/RES/76/186", "UNGA", 76, "108", "2022-01-10", "resolution")
    assert m.meeting_start == "2021-12-16"


@pytest.mark.parametrize("word, n", [("first", 1), ("Thirtieth", 30), ("Seventy-sixth", 76),
                                     ("twenty-first", 21), ("21st", 21), ("tenth", 10)])
def test_english_ordinals(word, n):
    from unkg.extract.metadata import en_ordinal
    assert en_ordinal(word) == n


def test_own_resolution_key():
    from unkg.extract.pipeline import own_resolution
    assert own_resolution("A/RES/76/186") == "GA resolution 76/186"
    assert own_resolution("S/RES/2240 (2015)") == "SC resolution 2240 (2015)"
    assert own_resolution("CTOC/COP/WG.7/2022/3") is None


@pytest.mark.parametrize("sentence, n", [
    ("1. The Working Group on the Smuggling of Migrants held its seventh meeting in Vienna.", 7),
    ("1. The Working Group on Trafficking in Persons, at its tenth meeting, adopted a report.", 10),
    ("1. The twelfth meeting of the Working Group was held in Vienna.", 12),
    ("1. 贩运人口问题工作组第十一次会议于 2021 年在维也纳举行。", 11),
    ("1. 贩运人口问题工作组于2023年7月3日至5日在维也纳举行了第十三次会议。", 13),
])
def test_meeting_number_sentences(sentence, n):
    assert meta_text("Working Group\n\n" + sentence + "\n").meeting_number == n


def test_body_tables_name_registry_entries():
    from unkg.extract.metadata import MEETING_BODIES, SYMBOL_BODIES
    from unkg.extract.pipeline import MAIN_INSTRUMENT
    from unkg.ontology import registry
    assert all(registry.lookup(k).kind == "Organization" for k in MEETING_BODIES)
    assert {k for _, k in SYMBOL_BODIES} <= set(MEETING_BODIES)
    assert all(registry.lookup(b).kind == "Organization" and registry.lookup(i).kind == "Instrument"
               for b, i in MAIN_INSTRUMENT.items())


def test_two_column_pdf_title_page():
    """Text a PDF gives for a UN title page: the left and right columns on one line."""
    m = meta_text(
        " United Nations                                                         CTOC/COP/WG.3/2019/2\n\n"
        "            Conference of the Parties to the                            Distr.: General\n"
        "            United Nations Convention                                   12 March 2019\n"
        "            against Transnational\n"
        "            Organized Crime                                             Original: English\n\n"
        "V.19-01234 (E)    140319    150319\n\n*1901234*\n\n"
        "Working Group on International Cooperation\nVienna, 27 and 28 May 2019\n"
        "Item 3 of the provisional agenda*\nMutual legal assistance for obtaining electronic evidence\n\n"
        "    I. Introduction\n\n1. This paper was prepared to facilitate the discussions of the Working Group at\n"
        "its tenth meeting.\n")
    assert (m.symbol, m.distribution, m.issued, m.original_language) == \
        ("CTOC/COP/WG.3/2019/2", "General", "2019-03-12", "English")
    assert (m.body, m.meeting_start, m.meeting_end, m.place, m.meeting_number, m.agenda_item) == \
        ("WG-IC", "2019-05-27", "2019-05-28", "Vienna", 10, "3")


def test_spaced_out_chinese_title_and_adoption_date():
    m = meta_text("联 合 国\tE/RES/2018/17\n\n经济及社会理事会\n\nDistr.: General\n2 August 2018\n\n2018年会议\n"
                  "2017年7月28日至2018年7月27日\n议程项目19(c)\n\n2018年7月24日经济及社会理事会决议\n\n"
                  "经济及社会理事会，\n\n回顾大会第55/25号决议，\n\n1. 敦促会员国批准《公约》；\n")
    assert (m.symbol, m.body, m.issued, m.agenda_item) == ("E/RES/2018/17", "ECOSOC", "2018-08-02", "19(c)")
    assert (m.meeting_start, m.meeting_end) == ("2018-07-24", "2018-07-24")  # the day it was adopted


def test_report_published_in_another_bodys_official_records():
    """A Commission's report appears in the Council's Official Records: the Council is the series,
    the Commission the body; an embedded draft resolution's opening line is not the title page."""
    m = meta_text("E/2022/30-E/CN.15/2022/14\n\n联合国\n\n预防犯罪和刑事司法委员会\n\n第三十一届会议报告\n\n"
                  "（2022年5月16日至20日）\n\n经济及社会理事会\n正式记录，2022年\n补编第10号\n\n第一章\n\n"
                  "需要经济及社会理事会采取行动或提请其注意的事项\n\n经济及社会理事会，\n\n"
                  "1. 敦促会员国加强合作；\n\n第二章\n\n会议安排\n\n"
                  "40. 预防犯罪和刑事司法委员会第三十一届会议于2022年5月16日至20日在维也纳举行。\n")
    assert (m.symbol, m.body, m.meeting_number) == ("E/2022/30-E/CN.15/2022/14", "CCPCJ", 31)
    assert (m.meeting_start, m.meeting_end, m.place) == ("2022-05-16", "2022-05-20", "Vienna")


def test_agenda_title_broken_at_its_commas_is_still_title_page():
    """An agenda item's title broken at a comma ("…all human rights, civil,") does not end the title
    page: the adoption line below it still dates the meeting (the day it adopted the resolution)."""
    m = meta_text("United Nations\tA/HRC/RES/53/7\nGeneral Assembly\tDistr.: General\n19 July 2023\n\n"
                  "Human Rights Council\nFifty-third session\n19 June–14 July 2023\nAgenda item 3\n"
                  "Promotion and protection of all human rights, civil,\npolitical, economic, social and cultural "
                  "rights,\nincluding the right to development\n\n"
                  "Resolution adopted by the Human Rights Council on 12 July 2023\n\n"
                  "53/7. Trafficking in persons, especially women and children\n\nThe Human Rights Council,\n\n"
                  "Recalling General Assembly resolution 55/25,\n\n1. Urges States to act;\n")
    assert (m.body, m.meeting_start, m.meeting_end, m.meeting_number, m.kind) == \
        ("HRC", "2023-07-12", "2023-07-12", 53, "resolution")
    assert m.title == "Trafficking in persons, especially women and children"
