"""Name matching: the classic traps in both languages, and the fast matcher held to the reference."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from unkg.extract.gazetteer import find_names, names, reference_find_names, reference_scan, scan
from unkg.extract.ingest import read_source
from unkg.extract.layout import layout

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


def keys(text: str, lang: str) -> list[str]:
    return [h.key for h in find_names(text, lang)]


# -- traps: (text, expected keys in order) -------------------------------------------------

ZH_TRAPS = [
    ("苏丹和南苏丹", ["SDN", "SSD"]),
    ("南苏丹、苏丹", ["SSD", "SDN"]),
    ("尼日尔、尼日利亚", ["NER", "NGA"]),
    ("尼日利亚和尼日尔", ["NGA", "NER"]),
    ("几内亚、几内亚比绍、赤道几内亚、巴布亚新几内亚", ["GIN", "GNB", "GNQ", "PNG"]),
    ("刚果和刚果民主共和国", ["COG", "COD"]),
    ("多米尼克、多米尼加共和国", ["DMA", "DOM"]),
    ("印度、印度尼西亚", ["IND", "IDN"]),
    ("马里和索马里", ["MLI", "SOM"]),
    ("乍得湖流域、墨西哥湾沿岸、阿拉伯海和日本海", []),
    ("几内亚湾和印度洋", []),
    ("乍得和墨西哥", ["TCD", "MEX"]),
    ("下列政府间组织：欧洲联盟基本权利署、欧洲联盟", ["EU-FRA", "EU"]),
    ("欧洲联盟执法合作署（欧警署）", ["EUROPOL", "EUROPOL"]),
    ("非洲之角、地中海、巴尔干、东南亚、亚太、撒哈拉以南、北非和中东", []),
    ("给发展中国家带来压力", []),
    ("打击非法国际移民", []),
    ("拉美国家和北美国家", []),
    ("南非和南部非洲", ["ZAF"]),
    ("大韩民国和朝鲜民主主义人民共和国", ["KOR", "PRK"]),
    ("在这一进程中东盟和非洲联盟发挥了作用", ["ASEAN", "AU"]),
    ("沿海地区和加勒比海地区，海地和欧美国家", ["HTI"]),
    ("加纳利群岛、内蒙古和朝鲜族，加纳和蒙古", ["GHA", "MNG"]),
    ("全国人民代表大会通过的法律和大会第 64/293 号决议", ["UNGA"]),
]

EN_TRAPS = [
    ("Sudan and South Sudan", ["SDN", "SSD"]),
    ("the Niger and Nigeria", ["NER", "NGA"]),
    ("Nigeria, the Niger", ["NGA", "NER"]),
    ("Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea", ["GIN", "GNB", "GNQ", "PNG"]),
    ("the Congo and the Democratic Republic of the Congo", ["COG", "COD"]),
    ("Dominica and the Dominican Republic", ["DMA", "DOM"]),
    ("India and Indonesia", ["IND", "IDN"]),
    ("Mali and Somalia", ["MLI", "SOM"]),
    ("the Republic of Korea and the Democratic People's Republic of Korea", ["KOR", "PRK"]),
    ("the Democratic People’s Republic of Korea", ["PRK"]),
    ("Lake Chad, the Gulf of Mexico, the Sea of Japan and the Gulf of Guinea", []),
    ("Chad and Mexico", ["TCD", "MEX"]),
    ("chad, turkey and china", []),  # case-sensitive
    ("Indian Ocean, Nigerian nationals, Sudanese migrants", []),
    ("the European Union Agency for Fundamental Rights and the European Union", ["EU-FRA", "EU"]),
    ("the Horn of Africa, the Mediterranean, the Balkans and South-East Asia", []),
    ("UN-Women and the UN", ["UN-Women", "UN"]),
    ("EUROPOL is not EU", ["EUROPOL", "EU"]),
    ("the Panama Papers, the Niger Delta and Mexico City; Panama, Niger and Mexico", ["PAN", "NER", "MEX"]),
]


@pytest.mark.parametrize("text, expected", ZH_TRAPS)
def test_traps_zh(text: str, expected: list[str]) -> None:
    assert keys(text, "zh") == expected


@pytest.mark.parametrize("text, expected", EN_TRAPS)
def test_traps_en(text: str, expected: list[str]) -> None:
    assert keys(text, "en") == expected


def test_spans_point_into_the_callers_text() -> None:
    text = "联合国打击跨国 有组织犯罪公约 缔约方会议\n意大利、  泰国\u3000和 Côte d’Ivoire"
    hits = find_names(text, "zh")
    assert all(text[h.start:h.end] == h.text for h in hits)
    assert [h.key for h in hits][-3:] == ["ITA", "THA", "CIV"]
    assert "COP" in [h.key for h in hits]


def test_names_do_not_cross_line_breaks() -> None:
    assert keys("阿尔\n及利亚", "zh") == []
    assert keys("United\nKingdom", "en") == []


def test_english_names_in_chinese_text_need_boundaries() -> None:
    assert keys("欧盟与EU及UNODC合作，EUROPOL", "zh") == ["EU", "EU", "UNODC", "EUROPOL"]


def test_seed_001_name_broken_across_lines_is_found_after_layout() -> None:
    source = read_source(SEEDS[0])
    assert "阿尔\n" in source.text  # the PDF broke 阿尔及利亚 across lines
    doc = layout(source)
    assert "DZA" in keys(doc.text, doc.lang)


# -- the fast matcher is held to the reference ---------------------------------------------

@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_fast_equals_reference_on_seeds(path: Path) -> None:
    text = path.read_text("utf-8")
    doc = layout(read_source(path))
    for t in (text, doc.text):
        assert scan(t, "zh") == reference_scan(t, "zh")
        assert find_names(t, "en") == reference_find_names(t, "en")


@pytest.mark.parametrize("lang, seed", [("zh", 1), ("zh", 2), ("en", 3), ("en", 4)])
def test_fast_equals_reference_on_random_texts(lang: str, seed: int) -> None:
    """Texts glued from registry names, their prefixes and suffixes, letters and spaces: the
    places where longest-leftmost and boundary rules can go wrong."""
    rng = random.Random(seed)
    vocabulary = list(names(lang))
    glue = ["", "", " ", "  ", "、", "和", "的", "a", "s", "-", "\n", "Mr. ", "湖", "湾"]
    for _ in range(40):
        parts = []
        for _ in range(60):
            name = rng.choice(vocabulary)
            cut = rng.random()
            if cut < 0.15:
                name = name[: rng.randint(1, len(name))]
            elif cut < 0.3:
                name = name[rng.randint(0, len(name) - 1):]
            parts += [name, rng.choice(glue)]
        text = "".join(parts)
        assert scan(text, lang) == reference_scan(text, lang)


@pytest.mark.parametrize("text", ["联合国贩运人口特别是妇女和儿童行为受害者自愿信托基金", "联合国贩运人口被害人自愿信托基金",
                                  "联合国贩运人口受害人自愿信托基金"])
def test_victims_in_any_of_their_chinese_words(text):
    """受害者, 被害人 and 受害人 are one word inside a name; the hit keeps the words as printed."""
    hits = find_names(text, "zh")
    assert [(h.key, h.text) for h in hits] == [("UNVTF-TIP", text)]
    assert hits == reference_find_names(text, "zh")


@pytest.mark.parametrize("text", ["国家主管机关名录", "国家主管当局名录"])
def test_authorities_in_either_chinese_word(text):
    """当局 and 机关 (authorities) are one word inside a name."""
    assert [(h.key, h.text) for h in find_names(text, "zh")] == [("CNA-Directory", text)]
    assert find_names(text, "zh") == reference_find_names(text, "zh")


def test_automaton_matches_the_trie_pattern() -> None:
    """The Aho-Corasick matcher finds what the trie-compiled pattern it replaced finds, on the
    seeds and on names glued to letters, digits and footnote callouts."""
    from unkg.extract import gazetteer

    def by_pattern(text: str, lang: str) -> list:
        norm, table = gazetteer.normalize(text), names(lang)
        return [gazetteer._hit(text, norm, m.start(), m.end(), *table[m.group()])
                for m in gazetteer._matcher(lang).finditer(norm.text)]

    rng = random.Random(3)
    words = sorted(names("zh"))
    glue = ["a", "1", "12", "123", "1234", "Z", "é", " ", "，", "中", "x9", "１", ""]
    texts = [p.read_text("utf-8") for p in SEEDS]
    texts += ["".join(rng.choice(words) if rng.random() < 0.5 else rng.choice(glue) for _ in range(6))
              for _ in range(500)]
    for text in texts:
        for lang in ("zh", "en"):
            assert scan(text, lang) == by_pattern(text, lang)
