"""Generate ``states.json`` once from the OCHA Countries & Territories Taxonomy.

Source: "Countries & Territories Taxonomy MVP - C&T Taxonomy.csv", the table shipped inside the
PyPI package ``hdx-python-country`` (OCHA Centre for Humanitarian Data,
https://github.com/OCHA-DAP/hdx-python-country, package licence MIT; the taxonomy itself is
published by OCHA on HDX under CC BY-IGO). Its rows with "Appears in UNTERM list" = Y are the
197 States on UNTERM's list: the 193 Member States, the two observer States (Holy See, State of
Palestine) and the two non-member States that take part in treaties under the "all States"
formula (Cook Islands, Niue). Their English and Chinese short names and English formal names are
UNTERM's.

The table has no Chinese formal names: they are derived here from the English formal name's
pattern ("the Kingdom of X" -> X + 王国) and UNTERM's Chinese short name, with the irregular
ones curated in ``ZH_FORMAL``. Documents also use short and older forms that UNTERM no longer
lists (美国, 荷兰, 斯威士兰, Turkey, Czech Republic...): those are curated in ``EXTRA_ZH`` and
``EXTRA_EN``. The package is needed only to run this script, never at run time:

    .venv/bin/python ontology/registries/build_states.py   # rewrites states.json
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

from hdx.location import country as hdx_country

SOURCE = ("OCHA Countries & Territories Taxonomy (hdx-python-country "
          "'Countries & Territories Taxonomy MVP - C&T Taxonomy.csv'), rows on the UNTERM list; "
          "https://github.com/OCHA-DAP/hdx-python-country ; UNTERM https://unterm.un.org")
LICENCE = ("OCHA C&T Taxonomy: CC BY-IGO (OCHA, via HDX); hdx-python-country: MIT. "
           "Chinese formal names and short/older forms curated by unkg (Apache-2.0).")
TABLE = Path(hdx_country.__file__).parent / "Countries & Territories Taxonomy MVP - C&T Taxonomy.csv"
OUT = Path(__file__).with_name("states.json")
NON_MEMBERS = {"VAT": "observer-state", "PSE": "observer-state",
               "COK": "non-member-state", "NIU": "non-member-state"}

# English formal pattern -> Chinese suffix added to the Chinese short name.
FORMAL_PATTERNS = [
    ("the Federal Democratic Republic of ", "联邦民主共和国"), ("the Democratic Republic of ", "民主共和国"),
    ("the Islamic Republic of ", "伊斯兰共和国"), ("the Federal Republic of ", "联邦共和国"),
    ("the Independent State of ", "独立国"), ("the Co-operative Republic of ", "合作共和国"),
    ("the Republic of the ", "共和国"), ("the Republic of ", "共和国"), ("the Kingdom of ", "王国"),
    ("the Principality of ", "公国"), ("the Grand Duchy of ", "大公国"), ("the Sultanate of ", "苏丹国"),
    ("the State of ", "国"), ("the Commonwealth of ", "国"), ("the Union of the ", "联盟"),
]
# Formal names the patterns cannot make (or make wrongly); UNTERM's Chinese formal names.
ZH_FORMAL = {
    "DZA": "阿尔及利亚民主人民共和国", "ARG": "阿根廷共和国", "BGD": "孟加拉人民共和国",
    "BRA": "巴西联邦共和国", "CHN": "中华人民共和国", "COG": "刚果共和国", "CZE": "捷克共和国", "EGY": "阿拉伯埃及共和国",
    "FRA": "法兰西共和国", "GAB": "加蓬共和国", "DEU": "德意志联邦共和国", "GRC": "希腊共和国",
    "VAT": "教廷", "JOR": "约旦哈希姆王国", "KGZ": "吉尔吉斯共和国",
    "LAO": "老挝人民民主共和国", "LBN": "黎巴嫩共和国", "MEX": "墨西哥合众国",
    "MMR": "缅甸联邦共和国", "NLD": "荷兰王国", "PRK": "朝鲜民主主义人民共和国", "KOR": "大韩民国",
    "PRT": "葡萄牙共和国", "RUS": "俄罗斯联邦", "SVK": "斯洛伐克共和国", "LKA": "斯里兰卡民主社会主义共和国",
    "CHE": "瑞士联邦", "SYR": "阿拉伯叙利亚共和国", "THA": "泰王国", "TGO": "多哥共和国",
    "TZA": "坦桑尼亚联合共和国", "ARE": "阿拉伯联合酋长国", "GBR": "大不列颠及北爱尔兰联合王国",
    "USA": "美利坚合众国", "URY": "乌拉圭东岸共和国", "VEN": "委内瑞拉玻利瓦尔共和国",
    "VNM": "越南社会主义共和国", "BOL": "多民族玻利维亚国", "IRN": "伊朗伊斯兰共和国",
    "MDA": "摩尔多瓦共和国", "FSM": "密克罗尼西亚联邦", "PSE": "巴勒斯坦国", "STP": "圣多美和普林西比民主共和国",
    "CAF": "中非共和国", "COD": "刚果民主共和国", "DOM": "多米尼加共和国", "DMA": "多米尼克国",
    "BHS": "巴哈马国", "SWZ": "斯威士兰王国", "MKD": "北马其顿共和国", "TUR": "土耳其共和国",
    "ERI": "厄立特里亚国", "NRU": "瑙鲁共和国", "SSD": "南苏丹共和国", "SDN": "苏丹共和国",
    "NER": "尼日尔共和国", "GMB": "冈比亚共和国", "MHL": "马绍尔群岛共和国", "PHL": "菲律宾共和国",
    "COM": "科摩罗联盟", "MNG": "蒙古国",
}
# Short and older forms documents use (names in force when they were written, common short forms).
EXTRA_ZH = {
    "USA": ["美国"], "GBR": ["英国", "联合王国"], "RUS": ["俄罗斯"], "KOR": ["韩国"], "PRK": ["朝鲜"],
    "IRN": ["伊朗"], "VEN": ["委内瑞拉"], "BOL": ["玻利维亚", "玻利维亚多民族国"], "SYR": ["叙利亚"],
    "LAO": ["老挝"], "TZA": ["坦桑尼亚"], "MDA": ["摩尔多瓦"], "VAT": ["罗马教廷", "教廷", "梵蒂冈"],
    "NLD": ["荷兰"], "MKD": ["前南斯拉夫的马其顿共和国", "马其顿"], "SWZ": ["斯威士兰", "埃斯瓦蒂尼"],
    "CZE": ["捷克"], "TUR": ["土耳其"], "COD": ["刚果（金）", "刚果金"], "COG": ["刚果（布）", "刚果布"],
    "DOM": ["多米尼加"], "ARE": ["阿联酋"], "SAU": ["沙特"], "BGD": ["孟加拉"], "BIH": ["波黑"],
    "FSM": ["密克罗尼西亚"], "PSE": ["巴勒斯坦"], "BRN": ["文莱"], "KGZ": ["吉尔吉斯"],
}
EXTRA_EN = {
    "USA": ["United States", "United States of America"], "GBR": ["United Kingdom"],
    "RUS": ["Russia"], "KOR": ["South Korea"], "PRK": ["North Korea", "DPRK"],
    "IRN": ["Iran", "Islamic Republic of Iran"], "VEN": ["Venezuela", "Bolivarian Republic of Venezuela"],
    "BOL": ["Bolivia", "Plurinational State of Bolivia"], "SYR": ["Syria"],
    "LAO": ["Laos", "Lao PDR"], "TZA": ["Tanzania"], "MDA": ["Moldova"], "VAT": ["Vatican"],
    "NLD": ["Netherlands", "Kingdom of the Netherlands"],
    "MKD": ["the former Yugoslav Republic of Macedonia", "The former Yugoslav Republic of Macedonia",
            "former Yugoslav Republic of Macedonia"],
    "SWZ": ["Swaziland"], "CZE": ["Czech Republic"], "TUR": ["Turkey", "Turkiye"],
    "COD": ["DR Congo", "Democratic Republic of Congo"], "CIV": ["Cote d'Ivoire", "Ivory Coast"], "CPV": ["Cape Verde"],
    "VNM": ["Vietnam"], "MMR": ["Burma"], "FSM": ["Micronesia", "Federated States of Micronesia"],
    "PSE": ["Palestine"], "NRU": ["Nauru"], "TLS": ["East Timor", "Timor Leste"], "BRN": ["Brunei"],
    "STP": ["São Tomé and Príncipe"], "GNB": ["Guinea Bissau"], "SAU": ["Saudi Arabia"],
}
EXAMPLE_ZH = "{}代表在议程项目 2 下作了发言。"
EXAMPLE_EN = "The representative of {} made a statement."


def zh_formal(iso3: str, en_formal: str, zh_short: str) -> str:
    """UNTERM's Chinese formal name: curated, or the short name plus the pattern's suffix."""
    if iso3 in ZH_FORMAL:
        return ZH_FORMAL[iso3]
    for prefix, suffix in FORMAL_PATTERNS:
        if en_formal.startswith(prefix):
            return zh_short + suffix
    return zh_short  # formal = short (Australia, Canada, Hungary...)


def unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(n for n in names if n))


def entry(row: dict) -> dict:
    """One State's registry entry from its row of the table."""
    iso3 = row["ISO 3166-1 Alpha 3-Codes"]
    en_short, en_formal = row["English Short"], row["English Formal"] or row["English Short"]
    zh_short = row["Chinese Short"]
    formal_zh = zh_formal(iso3, en_formal, zh_short)
    formal_en = en_formal.removeprefix("the ")
    alt_en = [t for t in (row["Preferred Term"], row["DGACM Alt Term"], row["M49 English"]) if t]
    names_en = unique([en_short, formal_en, *alt_en, *EXTRA_EN.get(iso3, [])])
    names_zh = unique([zh_short, formal_zh, row["M49 Chinese"], *EXTRA_ZH.get(iso3, [])])
    return {
        "key": iso3, "kind": "State", "type": NON_MEMBERS.get(iso3, "member-state"),
        "label_en": en_short, "label_zh": zh_short,
        "formal_en": formal_en, "formal_zh": formal_zh,
        "names_en": names_en, "names_zh": names_zh,
        "codes": {"iso3": iso3, "iso2": row["ISO 3166-1 Alpha 2-Codes"],
                  "m49": row["m49 numerical code"].zfill(3)},
        "sources": ["https://unterm.un.org", "https://data.humdata.org/dataset/countries-and-territories"],
        "examples": {"zh": [EXAMPLE_ZH.format(n) for n in names_zh],
                     "en": [EXAMPLE_EN.format(n) for n in names_en]},
    }


def main() -> None:
    with TABLE.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["Appears in UNTERM list"] == "Y"]
    entries = sorted((entry(r) for r in rows), key=lambda e: e["key"])
    data = {"source": SOURCE, "licence": LICENCE, "entries": entries}
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(entries)} States")


if __name__ == "__main__":
    main()
