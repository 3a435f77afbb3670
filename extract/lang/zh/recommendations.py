"""Chinese: recommendations — addressees, directive verbs and modals, and the phrases that make a
paragraph a lead-in, a question, a report of views or a draft passed on (see unkg.extract.lang).

The cue words and their strengths are data (ontology/lexicons/strength.json); the clause shapes
around them are here. The English module exposes the same names.
"""
from __future__ import annotations

import re

from ..lexicons import cues

# (pattern, label); the first pattern that matches at a position wins, so longer names come first.
ADDRESSEES: tuple[tuple[str, str], ...] = (
    (r"(?:各|所有|全体)?缔约国(?:政府)?", "States parties"),
    (r"(?:各|所有|全体)?会员国", "Member States"),
    (r"(?:联合国)?毒品和犯罪问题办公室|毒品和犯罪办公室|毒品和犯罪问题办事处", "UNODC"),
    (r"秘书处", "Secretariat"),
    (r"执行主任", "Executive Director"),
    (r"缔约方会议", "Conference of the Parties"),
    (r"(?:[\u4e00-\u9fff]{0,8}问题)?工作组", "Working Group"),
    (r"各国(?:政府)?|所有国家|其他国家|各国家", "States"),
    (r"捐助(?:国|方|者)", "Donors"),
    (r"秘书长", "Secretary-General"),
    (r"预防犯罪和刑事司法委员会|委员会", "Commission"),
    (r"安全理事会|安理会", "Security Council"),
    (r"大会", "General Assembly"),
    (r"人权理事会", "Human Rights Council"),
)
WORD_END = ""  # Chinese names end anywhere: no word boundary after an addressee
ADDRESSEE_PREFIX = r"^"  # nothing stands between a directive verb and its object

# A directive verb opens its clause after adverbs, or after the body that speaks ("工作组建议").
ADVERBS = r"(?:又|还|并|另|也|进一步|再次|再度|强烈|大力|特别|同时)*"
BODY = r"(?:我们|[\u4e00-\u9fff《》]{0,16}?(?:工作组|缔约方会议|委员会|大会|理事会))"  # 我们: a declaration's "we"
SEP = ""  # between body, adverbs and verb
THAT = ""  # a complementizer after the verb
# Where an operative paragraph that opens with another verb ("注意到秘书长的报告，并请办公室…") goes on
# with a directive verb: after a comma or semicolon and 并/还/又/也 or 为此, 在这方面.
JOINT = r"[，；]\s*(?:(?:并|还|又|也|同时|为此|在这方面|在此方面|因此)[，]?\s*)*"
CONNECTIVES = r"此外|另外|同时|因此"  # may come before the subject of a modal
# 建议 is also the noun "recommendation": as a verb only after the body that speaks or before an addressee.
NEEDS_SUBJECT_OR_OBJECT: frozenset[str] = frozenset({"recommend"})

VERBS: tuple[tuple[str, str], ...] = tuple((c.strength, c.pattern) for c in cues("zh", "verb"))
MODALS: tuple[tuple[str, str], ...] = tuple((c.strength, c.pattern) for c in cues("zh", "modal"))
IMPORTANCE: str = "|".join(c.pattern for c in cues("zh", "importance"))

# --- what is not a list of recommendations ---
DISCUSSION = r"似宜讨论|讨论(?:[^，。]{0,20})(?:以下|下列)|(?:以下|下列)(?:问题|方面)|供讨论"  # questions for discussion
EXAMPLES = r"例子|例如|实例|范例|示例|比如"
# views reported, or what a text requires: not recommendations of this document
REPORTED = r"(?:发言者|发言人|代表团|与会者|专家|小组成员|有人|一些|若干|几个|许多|多数)[^，。：]{0,12}" \
           r"(?:认为|指出|强调|表示|提到|建议|主张|提议)|规定|根据[^，。]{0,30}第\s*\d+\s*条"
RESTATED = r"(?:以往|先前|此前|以前|过去|早先|历次|以往会议)[^，。：]{0,12}建议|建议[^，。：]{0,6}(?:以往|先前|此前)"
# a body passes on a draft for another to adopt: the draft's paragraphs are what it recommends
TRANSMITS = r"(?:以下|下列|下述)(?:[^，。；]{0,10})?(?:决议|决定)草案"
ANNOUNCES = r"(?:以下|下述|下列|如下)[^，。：]{0,4}建议|建议如下"  # the text announces that recommendations follow
ENDS_WITH_NOUN = r"建议\s*$"
REC_HEADING = r"建议"
# A resolution's operative paragraphs open with a verb (决定, 又请): what marks the operative part
# when it is glued to the preamble.
OPERATIVE_VERB = rf"^\s*{ADVERBS}(?:决定|敦促|促请|吁请|呼吁|邀请|请(?![求参阅见])|鼓励|建议)"
# A resolution's number printed above its opening line: "第 10/4 号决议", "2006/27."
NUMBER_LINE = re.compile(r"第\s*(?P<n>\d+/\d+)\s*号(?:决议|决定)\s*$|^(?P<m>\d+/\d+)\.")
ANNEX = re.compile(r"^附件\s*(?P<n>[IVX]+|[一二三四五六七八九十]+)?\s*$")  # "附件", "附件一", "附件 II"
