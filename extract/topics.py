"""Topics: which themes a text is about, by rules whose reasons are kept.

The themes are the SKOS concepts of ``ontology/topics.ttl`` (IRIs ``id/topic/<key>``, minted by
``unkg.graph.iris.concept``). Each theme has tagging rules per language, kept below as data: a
regular expression, the reason a match means the theme, and examples the pattern must match
(the tests prove every pattern on its examples, and that the rules and the scheme name the same
keys). ``tag`` returns, per theme found, the first match and its reason, so a user can see why a
recommendation or paragraph carries a topic::

    >>> tag("促进缔约国之间有效的司法协助", "zh")
    [('mutual-legal-assistance', "matched '司法协助' (mutual legal assistance)")]

English patterns are matched case-insensitively on word boundaries; Chinese patterns anywhere,
after spaces between Chinese characters (left by PDF extraction) are dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .text import is_cjk


@dataclass(frozen=True, slots=True)
class Rule:
    """One tagging rule: ``pattern`` in ``lang`` text means ``topic``, because ``reason``."""

    topic: str
    lang: str
    pattern: str
    reason: str
    examples: tuple[str, ...]


def _rules(topic: str, zh: list[tuple[str, str, tuple[str, ...]]],
           en: list[tuple[str, str, tuple[str, ...]]]) -> tuple[Rule, ...]:
    return tuple(Rule(topic, "zh", p, r, ex) for p, r, ex in zh) + \
        tuple(Rule(topic, "en", p, r, ex) for p, r, ex in en)


# The rules, theme by theme, in the order ``tag`` reports them. Each entry: (pattern, reason, examples).
RULES: tuple[Rule, ...] = (
    *_rules("international-cooperation", zh=[
        (r"国际合作|跨国界协助|跨境(?:合作|协作)|区域合作|双边(?:和|或)多边(?:合作|协定)|多边合作|司法合作|执法合作",
         "international cooperation", ("有效的国际合作", "开展区域司法合作", "跨国界协助")),
    ], en=[
        (r"international co-?operation|cross-border co-?operation|regional co-?operation|"
         r"judicial co-?operation|law enforcement co-?operation|bilateral (?:and|or) multilateral",
         "international cooperation", ("effective international cooperation", "regional judicial cooperation")),
    ]),
    *_rules("mutual-legal-assistance", zh=[
        (r"司法协助|法律互助|刑事事项互助|互助请求", "mutual legal assistance", ("司法协助请求", "刑事事项互助示范法")),
    ], en=[
        (r"mutual legal assistance|legal assistance requests?", "mutual legal assistance",
         ("requests for mutual legal assistance",)),
    ]),
    *_rules("extradition", zh=[
        (r"引渡", "extradition", ("引渡请求",)),
    ], en=[
        (r"extradit(?:ion|e|ed|ing)", "extradition", ("extradition requests", "to extradite")),
    ]),
    *_rules("joint-investigation-teams", zh=[
        (r"联合调查(?:小组|组)?|联合侦查", "joint investigations", ("建立联合调查小组", "进行联合侦查")),
    ], en=[
        (r"joint investigat(?:ion|ive) (?:teams?|bodies)|joint investigations?", "joint investigations",
         ("joint investigation teams",)),
    ]),
    *_rules("information-exchange", zh=[
        (r"信息(?:交流|共享|分享)|(?:交流|共享|分享|交换)(?:[^，。；]{0,10})?(?:信息|情报)|情报共享",
         "exchange of information", ("合作与信息交流", "交流信息", "分享偷运移民案件信息")),
    ], en=[
        (r"information[- ](?:exchange|sharing)|(?:exchange|share|sharing) (?:of )?(?:\w+ ){0,3}"
         r"(?:information|intelligence|data)|intelligence[- ]sharing",
         "exchange of information", ("information-sharing", "exchange of operational information")),
    ]),
    *_rules("capacity-building", zh=[
        (r"能力建设|培训|技术援助|提高认识", "capacity-building, training or technical assistance",
         ("加强能力建设工作", "提供培训", "技术援助")),
    ], en=[
        (r"capacity[- ]building|training|technical assistance|awareness[- ]raising",
         "capacity-building, training or technical assistance", ("capacity-building", "training opportunities")),
    ]),
    *_rules("protection-and-human-rights", zh=[
        (r"人权|(?:移民|受害人|被害人|被偷运者)的(?:权利|尊严)|保护(?:[^，。；]{0,8})?(?:移民|受害人|被害人|被偷运者)|"
         r"(?:援助|协助)(?:[^，。；]{0,4})?(?:移民|受害人|被害人)|(?:移民|受害人|被害人)[^，。；]{0,4}(?:援助|协助|支助)|"
         r"受害人服务",
         "protection or human rights of migrants and victims",
         ("以人权为基础的办法", "移民的权利和尊严", "保护被偷运移民", "援助和保护受害人", "为被偷运的移民提供援助", "受害人服务提供者")),
    ], en=[
        (r"human rights|rights of (?:smuggled )?(?:migrants|victims)|protection of (?:smuggled )?(?:migrants|victims)|"
         r"(?:protect|assist)(?:ing)? (?:smuggled )?(?:migrants|victims)|assistance to (?:smuggled )?(?:migrants|victims)",
         "protection or human rights of migrants and victims", ("human rights-based approach", "protect smuggled migrants")),
    ]),
    *_rules("root-causes", zh=[
        (r"根源|根本原因|驱动因素|推动因素|贫困|欠发达|社会经济因素", "root causes of migration or crime",
         ("社会经济根源", "贫困和欠发达")),
    ], en=[
        (r"root causes?|drivers of (?:irregular )?migration|poverty|underdevelopment|socioeconomic (?:factors|causes)",
         "root causes of migration or crime", ("root causes", "poverty and underdevelopment")),
    ]),
    *_rules("regular-migration-pathways", zh=[
        (r"正常(?:的)?移民(?:途径|路径|渠道)?|合法移民(?:途径|渠道)?|安全、有序和正常", "regular migration pathways",
         ("支持安全、有序和正常的移民", "合法移民途径")),
    ], en=[
        (r"regular migration|legal migration|(?:migration )?pathways for (?:regular )?migration|"
         r"safe, orderly and regular", "regular migration pathways", ("safe, orderly and regular migration",)),
    ]),
    *_rules("criminalization", zh=[
        (r"刑事定罪|定为刑事犯罪|刑事犯罪化|非刑罪化", "criminalization", ("进行刑事定罪", "定为刑事犯罪")),
    ], en=[
        (r"criminali[sz](?:ation|e|ed|ing)|establish(?:ed)? as (?:a )?criminal offences?", "criminalization",
         ("criminalization of smuggling", "not criminalize migrants")),
    ]),
    *_rules("financial-or-material-benefit", zh=[
        (r"金钱(?:或其他|和)物质利益|物质利益", "financial or other material benefit", ("金钱或其他物质利益",)),
    ], en=[
        (r"financial or (?:other )?material benefit", "financial or other material benefit",
         ("a financial or other material benefit",)),
    ]),
    *_rules("confiscation-of-proceeds", zh=[
        (r"没收|犯罪所得|扣押|冻结|资产追回", "confiscation of proceeds of crime", ("没收犯罪所得",)),
    ], en=[
        (r"confiscat(?:ion|e|ed|ing)|proceeds of crime|seizure|freezing|asset recovery",
         "confiscation of proceeds of crime", ("confiscation of proceeds of crime",)),
    ]),
    *_rules("corruption", zh=[
        (r"腐败|贿赂|行贿|受贿", "corruption", ("针对腐败", "支付的贿赂")),
    ], en=[
        (r"corrupt(?:ion)?|brib(?:e|es|ery)", "corruption", ("corruption", "bribery")),
    ]),
    *_rules("money-laundering", zh=[
        (r"洗钱|资金流|金融调查|金融情报", "money-laundering or financial investigation", ("洗钱", "资金流方面的数据")),
    ], en=[
        (r"money[- ]laundering|financial investigations?|financial intelligence|financial flows|flows of funds",
         "money-laundering or financial investigation", ("money-laundering", "financial investigations")),
    ]),
    *_rules("terrorism", zh=[
        (r"恐怖主义|恐怖分子|恐怖组织|资助恐怖", "terrorism", ("恐怖主义和有组织犯罪集团之间的联系",)),
    ], en=[
        (r"terroris(?:m|ts?)", "terrorism", ("links between terrorism and organized crime",)),
    ]),
    *_rules("organized-criminal-groups", zh=[
        (r"有组织犯罪集团|犯罪网络|犯罪组织|犯罪集团", "organized criminal groups and networks",
         ("跨国犯罪网络", "有组织犯罪集团")),
    ], en=[
        (r"organized criminal groups?|criminal networks?|criminal organi[sz]ations?",
         "organized criminal groups and networks", ("transnational criminal networks",)),
    ]),
    *_rules("investigation-and-prosecution", zh=[
        (r"调查|侦查|起诉|检察官|审判|司法程序", "investigation and prosecution", ("调查和起诉", "部署检察官")),
    ], en=[
        (r"investigat(?:ion|ions|e|ing|ors?)|prosecut(?:ion|ions|e|ing|ors?)|judicial proceedings",
         "investigation and prosecution", ("investigation and prosecution", "prosecutors")),
    ]),
    *_rules("evidence-and-witness-protection", zh=[
        (r"证据|证人|特殊侦查手段", "evidence, witnesses or special investigative techniques",
         ("证据收集", "给予证人特别保护", "特殊侦查手段")),
    ], en=[
        (r"evidence|witness(?:es)?|special investigative techniques",
         "evidence, witnesses or special investigative techniques", ("collection of evidence", "witness protection")),
    ]),
    *_rules("data-collection-and-research", zh=[
        (r"数据|统计|研究", "data collection and research", ("积极参加数据收集演练", "进一步研究")),
    ], en=[
        (r"data(?: collection)?|statistics|research", "data collection and research",
         ("data collection", "further research")),
    ]),
    *_rules("technology-and-ict", zh=[
        (r"电子(?:邮件|证据|手段)?|计算机|互联网|网上|在线|数字(?:技术|服务|工具)|社交媒体|暗网|加密|"
         r"信息和?通信技术|信息技术|新技术|电话|录像",
         "technology and information and communications technology", ("电子邮件", "社交媒体", "加密货币")),
    ], en=[
        (r"electronic|computers?|internet|online|digital|social media|dark ?web|encrypt(?:ed|ion)|"
         r"information and communications? technolog(?:y|ies)|\bICT\b|telephones?",
         "technology and information and communications technology", ("electronic evidence", "social media")),
    ]),
    *_rules("private-sector", zh=[
        (r"私营部门|银行|金融机构|企业|公司|运输业者|承运人", "private sector", ("私营部门", "包括银行在内")),
    ], en=[
        (r"private sector|banks?|financial institutions|companies|businesses|commercial carriers",
         "private sector", ("the private sector", "banks")),
    ]),
    *_rules("civil-society", zh=[
        (r"民间社会|非政府组织|学术界", "civil society, NGOs and academia", ("民间社会代表",)),
    ], en=[
        (r"civil society|non-governmental organi[sz]ations?|\bNGOs?\b|academia", "civil society, NGOs and academia",
         ("civil society organizations",)),
    ]),
    *_rules("gender-and-children", zh=[
        (r"妇女|儿童|性别|女性|女童|未成年|脆弱群体", "gender, women and children", ("妇女和儿童", "性别平等")),
    ], en=[
        (r"wom[ae]n|child(?:ren)?|gender|girls?|minors|vulnerable groups", "gender, women and children",
         ("women and children", "gender perspective")),
    ]),
    *_rules("border-management", zh=[
        (r"边境|边界(?:管理|管制|控制)|入境|过境点", "border management", ("边境管理官员", "加强边境管制")),
    ], en=[
        (r"borders?|border (?:management|control)", "border management", ("border management officials",)),
    ]),
    *_rules("prevention", zh=[
        (r"预防|防止|宣传活动|宣传运动", "prevention", ("作为防止偷运移民的手段", "预防性措施")),
    ], en=[
        (r"prevent(?:ion|ive|ing)?|awareness campaigns?", "prevention", ("prevention of smuggling",)),
    ]),
    *_rules("legislation", zh=[
        (r"立法|国内法|法律框架|国内程序", "legislation and domestic law", ("国内立法", "国内程序和做法")),
    ], en=[
        (r"legislation|legislative|domestic law|national law|legal framework|domestic procedures",
         "legislation and domestic law", ("national legislation", "domestic procedures")),
    ]),
    *_rules("smuggling-of-migrants", zh=[
        (r"偷运", "smuggling of migrants", ("打击偷运移民", "被偷运的移民", "反偷运工作")),
    ], en=[
        (r"smuggling of migrants|migrant smuggling|smuggled migrants|smugglers?", "smuggling of migrants",
         ("smuggling of migrants", "migrant smuggling")),
    ]),
    *_rules("trafficking-in-persons", zh=[
        (r"贩运(?:人口|人员|受害人|需求|链|案件|者|活动|行为)|人口贩运|被贩运", "trafficking in persons",
         ("打击贩运人口", "人口贩运模式", "导致贩运需求")),
    ], en=[
        (r"trafficking in persons|human trafficking|trafficked persons|victims of trafficking",
         "trafficking in persons", ("trafficking in persons",)),
    ]),
    *_rules("firearms", zh=[
        (r"枪支|弹药|火器", "firearms", ("非法制造和贩运枪支",)),
    ], en=[
        (r"firearms?|ammunition", "firearms", ("illicit trafficking in firearms",)),
    ]),
)

TOPIC_KEYS: tuple[str, ...] = tuple(dict.fromkeys(r.topic for r in RULES))

_CJK_SPACE = re.compile(r"(?<=[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef])")


@cache
def _compiled(lang: str) -> tuple[tuple[Rule, re.Pattern[str]], ...]:
    if lang == "zh":
        return tuple((r, re.compile(r.pattern)) for r in RULES if r.lang == "zh")
    return tuple((r, re.compile(rf"\b(?:{r.pattern})\b", re.IGNORECASE)) for r in RULES if r.lang == "en")


def tag(text: str, lang: str) -> list[tuple[str, str]]:
    """The topics of ``text``: (topic key, reason) pairs, one per topic, in the rules' order.

    The reason names the words matched and why they mean the topic:
    ``"matched '司法协助' (mutual legal assistance)"``.
    """
    if lang == "zh" or any(is_cjk(c) for c in text[:200]):
        text, lang = _CJK_SPACE.sub("", text), "zh"
    found: dict[str, str] = {}
    for rule, pattern in _compiled("zh" if lang == "zh" else "en"):
        if rule.topic in found:
            continue
        if m := pattern.search(text):
            found[rule.topic] = f"matched '{m[0]}' ({rule.reason})"
    return list(found.items())
