"""Recommendations: where UN documents put them, who they address and how strongly they are worded.

A recipe in four cases, read in document order:

1. CASE lead-in with items: a paragraph that introduces a list ("工作组建议缔约方会议审议是否采纳以下建议。
   缔约国应：", "The Working Group adopted the following recommendations:", "会员国不妨考虑以下几点：",
   "In its previous recommendations, the Working Group highlighted the following:") followed by
   sub-items ``(a)``… (label ``1(a)``) or bullets (label ``5-1``, paragraph number - bullet ordinal).
   Lists of questions (``似宜讨论``, items ending with ？), of examples (``…的例子包括：``), of documents
   and agenda items are not recommendations; neither are lists a document only reports or describes
   (speakers' views, what a treaty article requires).
2. CASE labelled recommendation: the paragraph after a ``建议 3`` / ``Recommendation 3`` line (label ``3``).
3. CASE standalone paragraph: a numbered paragraph worded as a directive ("各国应确保…", "States
   parties should…", "鼓励缔约国…", "Requests the Secretariat…") inside a recommendations section
   (a heading that names recommendations, or after a lead-in such as "通过了下述建议。", or after a
   list of recommendations in the same section: "8. 各国不妨考虑：• …" then "9. 工作组不妨请秘书处…"), or an
   operative paragraph of a resolution or decision (after its opening line "The Conference of the
   Parties …," / "缔约方会议，", or anywhere in a document whose kind is resolution).
4. Headings, whatever they say, are never recommendations (a heading with nothing under it yields none).

Operative paragraphs of a resolution or decision: the operative part starts at the opening line
("The General Assembly," / "大会，", found inside a block too, where the layout glued it to the title
and preamble) and runs to the next numbered heading (or to the end, in a document that is a
resolution). There, a paragraph is a recommendation when it opens with a directive verb — Decides,
Requests, Urges, Calls upon/on, Invites, Encourages, Recommends, after adverbs (Also, Further,
Strongly…); 决定, 请, 敦促/促请, 吁请/呼吁, 邀请, 鼓励, 建议, after 又, 还, 并, 强烈… — even when it goes on
to cite an article or mention speakers ("Urges States parties …, in accordance with article 16";
"敦促缔约国根据《公约》第16条…"). Paragraphs opening with Welcomes, Reaffirms, Notes, Takes note,
Stresses, Recognizes, Expresses (欢迎, 重申, 注意到, 强调, 确认, 表示) are not recommendations;
preamble clauses (ending with a comma) never are. An operative paragraph without a number (the one
paragraph of many decisions), or glued after the preamble ("…, Recalling …, Decides to hold …"),
is one from its verb to the end of its block, labelled by its order in the decision. A paragraph
that passes on a draft for another body to adopt ("Recommends to the General Assembly the adoption
of the following draft resolution:", "建议大会通过以下决议草案：") is not one itself: the draft's
operative paragraphs are.

Strength, on this documented scale (the value written to the graph, then the wording that earns it):

========== ===========================================================================
decide     决定; decides
request    请; requests, are requested to
urge       促请, 敦促; urges, are urged to
call-upon  吁请, 呼吁; calls upon, are called upon to
should     应, 应当, 应该, 必须, 务必, 需要, 有必要; shall, should, must, need(s) to — and, for an
           item without a modal of its own, a statement that the action is essential
           (至关重要, 具有关键意义, is essential, is of key importance): the working group
           presents it as something to be done
recommend  建议; recommends, it is recommended — also any recommendation whose wording
           carries no other cue
invite     邀请; invites, are invited to
encourage  鼓励; encourages, are encouraged to
may-consider 不妨, 似宜, 可考虑; may wish to consider, may consider, could consider
========== ===========================================================================

Whose wording decides: a lead-in's modal governs its items when the items complete its sentence
("缔约国应：" — every item is "should", even "(c) 鼓励…" and "(d) 考虑…"); when the lead-in
only announces recommendations ("…采纳以下建议：", "adopted the following recommendations:") or
restates them, each item's own wording decides, and the lead-in's cue is the fallback; so too
after a reporting verb ("The Working Group recommended that:" — "(a) States should…" is
"should"; an item without a cue of its own is "recommend"). A directive verb whose object the
items complete governs them ("Encourages States parties to:" — every item is "encourage").

Addressee: the subject before a modal ("缔约国应" -> States parties) or the object after a
directive verb ("鼓励各国" -> States, "Requests the Secretariat" -> Secretariat); for items, the
lead-in's addressee when it governs them, otherwise the item's own.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .models import Block, Document, Hit, Recommendation
from .resolutions import openers
from .topics import tag

STRENGTHS = ("decide", "request", "urge", "call-upon", "should", "recommend", "invite", "encourage",
             "may-consider")

# --- addressees -------------------------------------------------------------------------------
# (pattern, label); the first pattern that matches at a position wins, so longer names come first.
ADDRESSEES = {
    "zh": (
        (r"(?:各|所有|全体)?缔约国(?:政府)?", "States parties"),
        (r"(?:各|所有|全体)?会员国", "Member States"),
        (r"(?:联合国)?毒品和犯罪问题办公室|毒品和犯罪办公室|毒品和犯罪问题办事处", "UNODC"),
        (r"秘书处", "Secretariat"),
        (r"执行主任", "Executive Director"),
        (r"缔约方会议", "Conference of the Parties"),
        (r"(?:[\u4e00-\u9fff]{0,8}问题)?工作组", "Working Group"),
        (r"各国(?:政府)?|所有国家|其他国家|各国家", "States"),
        (r"捐助(?:国|方|者)", "Donors"),
    ),
    "en": (
        (r"(?:[Aa]ll |[Oo]ther )?States? [Pp]arties", "States parties"),
        (r"(?:[Aa]ll |[Oo]ther )?Member States", "Member States"),
        (r"(?:[Tt]he )?United Nations Office on Drugs and Crime|UNODC", "UNODC"),
        (r"(?:[Tt]he )?Secretariat", "Secretariat"),
        (r"(?:[Tt]he )?Executive Director", "Executive Director"),
        (r"(?:[Tt]he )?Conference(?: of the Parties)?", "Conference of the Parties"),
        (r"(?:[Tt]he |[Ii]ts )?Working Group", "Working Group"),
        (r"(?:[Aa]ll |[Oo]ther )?(?:States|Governments)", "States"),
        (r"(?:[Aa]ll )?[Dd]onors", "Donors"),
    ),
}

# --- cues -------------------------------------------------------------------------------------
# A directive verb opens its clause and its object is the addressee ("鼓励缔约国", "Requests the
# Secretariat"); a modal follows its subject ("缔约国应", "States should"). Verbs count only at the
# start of the text (after adverbs, or after the body that speaks: "工作组建议", "The Working
# Group recommends"); modals anywhere in the first sentence.
_ZH_ADVERBS = r"(?:又|还|并|另|也|进一步|再次|再度|强烈|大力|特别|同时)*"
_EN_ADVERBS = r"(?:(?:Also|also|Further|further|Again|again|Once again|once again|Strongly|strongly|" \
              r"Furthermore|In addition|Moreover|Therefore|therefore)[, ]+)*"
_ZH_BODY = r"(?:[\u4e00-\u9fff《》]{0,16}?(?:工作组|缔约方会议|委员会|大会|理事会))"
_EN_BODY = r"(?:The |the )?(?:[A-Z][\w-]* ){0,6}?(?:Working Group|Conference(?: of the Parties)?|" \
           r"Commission|General Assembly|Council|Group)(?: (?:on|to|of) (?:the )?[A-Z][^,.;:]{0,100}?)?"

VERBS = {
    "zh": (
        ("decide", r"决定"),
        ("urge", r"促请|敦促"),
        ("call-upon", r"吁请|呼吁"),
        ("invite", r"邀请"),
        ("request", r"请(?![求参阅见])"),
        ("encourage", r"鼓励"),
        ("recommend", r"建议(?!中|的)"),
    ),
    "en": (
        ("decide", r"[Dd]ecide[sd]?\b"),
        ("urge", r"[Uu]rge[sd]?\b"),
        ("call-upon", r"[Cc]all(?:s|ed)? (?:upon|on)\b"),
        ("invite", r"[Ii]nvite[sd]?\b"),
        ("request", r"[Rr]equest(?:s|ed)?\b(?!\s+(?:for|from|of|made|received|submitted|were|are|was|is)\b)"),
        ("encourage", r"[Ee]ncourage[sd]?\b"),
        ("recommend", r"[Rr]ecommend(?:s|ed)?\b"),
    ),
}

MODALS = {
    "zh": (
        ("may-consider", r"不妨|似宜|可(?:以|酌情)?考虑"),
        ("should", r"应当|应该|必须|务必|有必要|(?<![的满足])需要(?![和与])|"
                   r"(?<![相供反适响对效回感呼顺报答])应(?![对用急邀答付变届诉聘征])"),
    ),
    "en": (
        ("may-consider", r"\bmay (?:wish to )?consider\b|\b(?:could|might) consider\b|\bmay wish to\b"),
        ("encourage", r"\b(?:are|is|be) (?:\w+ )?encouraged\b"),
        ("invite", r"\b(?:are|is|be) (?:\w+ )?invited\b"),
        ("urge", r"\b(?:are|is|be) (?:\w+ )?urged\b"),
        ("request", r"\b(?:are|is|be) (?:\w+ )?requested\b"),
        ("call-upon", r"\b(?:are|is|be) (?:\w+ )?called upon\b"),
        ("recommend", r"\b(?:it is|are|is) (?:\w+ )?recommended\b"),
        ("should", r"\b(?:should|shall|must)\b|\bneeds? to\b|\bit is (?:essential|necessary|crucial)\b"),
    ),
}

# A statement that an action is essential: "should" for an item without a modal of its own.
IMPORTANCE = {
    "zh": r"至关重要|具有关键意义|关键意义|十分重要|非常重要|极为重要|尤为重要|必不可少|不可或缺|是关键",
    "en": r"\bis (?:of )?(?:essential|crucial|vital|key|critical|paramount)(?: importance)?\b|\bis indispensable\b",
}

# --- what is not a list of recommendations ---------------------------------------------------
DISCUSSION = {  # questions for discussion
    "zh": r"似宜讨论|讨论(?:[^，。]{0,20})(?:以下|下列)|(?:以下|下列)(?:问题|方面)|供讨论",
    "en": r"\bdiscuss\b|\bdiscussion\b|\bfollowing questions\b|\bquestions (?:for|below|as follows)\b",
}
EXAMPLES = {
    "zh": r"例子|例如|实例|范例|示例|比如",
    "en": r"\bexamples?\b|\bfor instance\b|\bsuch as\b",
}
REPORTED = {  # views reported, or what a text requires: not recommendations of this document
    "zh": r"(?:发言者|发言人|代表团|与会者|专家|小组成员|有人|一些|若干|几个|许多|多数)[^，。：]{0,12}"
          r"(?:认为|指出|强调|表示|提到|建议|主张|提议)|规定|根据[^，。]{0,30}第\s*\d+\s*条",
    "en": r"\b(?:[Ss]peakers?|[Dd]elegations?|[Pp]articipants|[Pp]anellists|[Ee]xperts|[Rr]epresentatives?|"
          r"[Ss]ome|[Ss]everal|[Mm]any|[Oo]ne)\b[^.:]{0,40}\b(?:said|stated|noted|stressed|emphasized|"
          r"highlighted|suggested|recommended|expressed|observed|underlined|pointed out|(?:was|were) of the view)\b|"
          r"\b[Aa]rticle \d+[^.:]{0,40}\b(?:requires|provides|obliges)\b|\bunder article\b",
}
RESTATED = {
    "zh": r"(?:以往|先前|此前|以前|过去|早先|历次|以往会议)[^，。：]{0,12}建议|建议[^，。：]{0,6}(?:以往|先前|此前)",
    "en": r"\b(?:previous|earlier|prior|past)\b[^.:]{0,30}\brecommendations\b|"
          r"\brecommendations\b[^.:]{0,30}\b(?:previously|earlier)\b|\brecalled? (?:its|the) recommendations\b",
}
TRANSMITS = {  # a body passes on a draft for another to adopt: the draft's paragraphs are what it recommends
    "zh": r"(?:以下|下列|下述)(?:[^，。；]{0,10})?(?:决议|决定)草案",
    "en": r"\bthe following draft (?:resolution|decision)s?\b|\bdraft (?:resolution|decision)s? (?:below|as follows)\b",
}
ANNOUNCES = {  # the text announces that recommendations follow
    "zh": r"(?:以下|下述|下列|如下)[^，。：]{0,4}建议|建议如下",
    "en": r"\bfollowing recommendations\b|\brecommendations\b[^.:]{0,20}\b(?:below|as follows)\b|"
          r"\brecommended the following\b",
}
ENDS_WITH_NOUN = {"zh": r"建议\s*$", "en": r"\brecommendations?\s*$"}
REC_HEADING = {"zh": r"建议", "en": r"\b[Rr]ecommendations?\b"}
# A resolution's operative paragraphs open with a verb in the present tense ("Decides", "Also
# requests"; 决定, 又请): what marks the operative part when it is glued to the preamble.
OPERATIVE_VERB = {
    "zh": rf"^\s*{_ZH_ADVERBS}(?:决定|敦促|促请|吁请|呼吁|邀请|请(?![求参阅见])|鼓励|建议)",
    "en": rf"^\s*{_EN_ADVERBS}(?:[Dd]ecides|[Uu]rges|[Cc]alls (?:up)?on|[Ii]nvites|[Rr]equests|[Ee]ncourages|"
          r"[Rr]ecommends)\b",
}
# A resolution's number printed above its opening line: "Resolution 10/4", "第 10/4 号决议", "2006/27."
NUMBER_LINE = re.compile(r"(?:[Rr]esolution|[Dd]ecision)\s+(?P<a>\d+/\d+)\s*$|第\s*(?P<b>\d+/\d+)\s*号(?:决议|决定)\s*$"
                         r"|^(?P<c>\d+/\d+)\.")
ANNEX = re.compile(r"^(?:Annex|ANNEX|附件)\s*(?P<n>[IVX]+|[一二三四五六七八九十]+)?\s*$")  # "Annex", "Annex II", "附件一"
QUESTION = re.compile(r"[？?]\s*[”\"’)）]?\s*$")
_ROMAN = re.compile(r"^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)$")


@dataclass(frozen=True, slots=True)
class Directive:
    """How a text is worded: its strength, who it addresses, and whether it opens with the cue."""

    strength: str
    addressee: str | None
    head: bool  # the text opens with the directive (verb first, or addressee then modal)
    verb: bool = False  # the cue is a directive verb ("鼓励", "Requests", "工作组建议"), not a modal


# --- wording ----------------------------------------------------------------------------------

def _first_sentence(text: str, lang: str) -> str:
    pat = r"[。！？；]" if lang == "zh" else r"(?<=[.!?;])\s+(?=[A-Z(])"
    return re.split(pat, text, maxsplit=1)[0]


def _last_sentence(text: str, lang: str) -> str:
    text = text.rstrip().rstrip("：:").rstrip()
    pat = r"[。！？；]" if lang == "zh" else r"(?<=[.!?;])\s+(?=[A-Z(])"
    return re.split(pat, text)[-1]


def addressee_at(text: str, pos: int, lang: str, hits: Sequence[Hit] = (), base: int = 0) -> str | None:
    """The addressee named at ``pos`` of ``text`` (articles and 'all' allowed), or None."""
    rest = text[pos:]
    if lang == "en":
        rest = re.sub(r"^(?:that |to )", "", rest)
        skipped = len(text[pos:]) - len(rest)
    else:
        skipped = 0
    for pattern, label in ADDRESSEES[lang]:
        if re.match(pattern + (r"\b" if lang == "en" else ""), rest):
            return label
    for h in hits:  # a registry name there: an organisation or a State addressed by name
        if h.start == base + pos + skipped and h.kind in ("Organization", "State"):
            return h.key
    return None


def _first_addressee(text: str, lang: str) -> str | None:
    """The first addressee named anywhere in ``text``."""
    found = [(m.start(), rank, label) for rank, (pattern, label) in enumerate(ADDRESSEES[lang])
             for m in re.finditer(pattern + (r"\b" if lang == "en" else ""), text)]
    return min(found)[2] if found else None


def directive(text: str, lang: str, hits: Sequence[Hit] = (), base: int = 0) -> Directive | None:
    """The strength and addressee of ``text`` by its own wording, or None when it has no cue.

    ``hits`` (registry names, offsets into the document) with ``base`` (the offset of ``text``)
    let an organisation or State addressed by name be the addressee.
    """
    for strength, verb in VERBS[lang]:  # CASE 1: a directive verb opens the text
        body, adverbs = (_ZH_BODY, _ZH_ADVERBS) if lang == "zh" else (_EN_BODY, _EN_ADVERBS)
        sep, that = ("", "") if lang == "zh" else (r"\s*", r"(?:\s*that\b)?")
        m = re.match(rf"^\s*{adverbs}(?:{body}{sep}{adverbs})?(?:{verb}){that}{sep}", text)
        if m and not (lang == "zh" and strength == "recommend" and not _starts_body(text)
                      and not addressee_at(text, m.end(), lang)):
            return Directive(strength, addressee_at(text, m.end(), lang, hits, base), True, verb=True)
    sentence = _first_sentence(text, lang)
    found = [(m.start(), strength) for strength, pattern in MODALS[lang]
             for m in re.finditer(pattern, sentence)]
    if found:  # CASE 2: a modal in the first sentence; its subject is the addressee
        pos, strength = min(found)
        before = sentence[:pos]
        who = _first_addressee(before, lang)
        opens = bool(re.match(r"^\s*(?:此外|另外|同时|因此|In addition|Moreover|Furthermore|Therefore)?[，,\s]*$",
                              before)) or (who is not None and _opens_with_addressee(before, lang))
        return Directive(strength, who, opens)
    if re.search(IMPORTANCE[lang], sentence):  # CASE 3: "…is essential": should
        return Directive("should", _first_addressee(sentence, lang), False)
    return None


def _starts_body(text: str) -> bool:
    return bool(re.match(rf"^\s*{_ZH_BODY}", text))


def _opens_with_addressee(before: str, lang: str) -> bool:
    lead = re.sub(r"^\s*(?:此外|另外|同时|因此|In addition|Moreover|Furthermore|Therefore)?[，,\s]*", "", before)
    return any(re.match(pattern, lead) for pattern, _ in ADDRESSEES[lang])


# --- structure --------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class LeadIn:
    """A paragraph introducing a list of recommendations."""

    number: str | None  # the printed number the items' labels start with
    governs: Directive | None  # the cue that governs every item, if the items complete its sentence
    fallback: Directive | None  # the cue items fall back on when they have none of their own
    restated: bool


def lead_in(text: str, lang: str, zone: bool) -> LeadIn | None:
    """Whether ``text`` (the paragraph before a list) introduces recommendations, and how."""
    last = _last_sentence(text, lang)
    if re.search(DISCUSSION[lang], last) or re.search(EXAMPLES[lang], last) or re.search(REPORTED[lang], last):
        return None
    cue = directive(last, lang)
    restated = bool(re.search(RESTATED[lang], text))
    announces = restated or bool(re.search(ANNOUNCES[lang], text))
    if cue is None and not announces:
        return None
    if cue is not None and cue.addressee is None and not (zone or announces or cue.verb):
        return None  # a bare modal ("应当：") outside a recommendations section: not enough
    # The cue governs items that complete its sentence ("缔约国应：", "Encourages States parties to:");
    # not items after a noun ("…以下建议：") nor after a reporting verb ("recommended that:"),
    # which carry their own wording.
    nouns = re.search(ENDS_WITH_NOUN[lang], last.rstrip("：: "))
    governs = cue if cue is not None and cue.strength != "recommend" and not nouns else None
    return LeadIn(None, governs, cue, restated)


class _Walker:
    """Walks the blocks once, tracking recommendation zones, and yields recommendations."""

    def __init__(self, doc: Document, hits: Sequence[Hit]):
        self.doc = doc
        self.lang = "zh" if doc.lang == "zh" else "en"
        self.hits = hits
        self.blocks = [b for b in doc.blocks if b.kind != "footnote"]
        self.resolution = (doc.meta.kind or "").startswith(("resolution", "decision"))
        self.used: set[str] = set()
        self.qualifier = ""  # "10/4:" before the paragraph numbers of a resolution inside a report
        self.annex = ""  # "annex" once the blocks are in an annex, whose paragraphs are numbered again
        self.unnumbered = 0  # operative paragraphs without a number in the current resolution

    # -- zones --
    def _heading_chain(self, b: Block) -> Iterator[Block]:
        """The headings ``b`` sits under, innermost first. (A resolution's opening line and its
        preamble clauses, short and ending with a comma, may be laid out as headings: callers
        skip those where a real heading is wanted.)"""
        i = b.section if b.kind != "heading" else b.index
        while i is not None:
            h = self.doc.blocks[i]
            yield h
            i = h.parent

    def in_rec_section(self, b: Block) -> bool:
        return any(re.search(REC_HEADING[self.lang], h.text) for h in self._heading_chain(b))

    def run(self) -> list[Recommendation]:
        out: list[Recommendation] = []
        zone_until: int | None = None  # heading level that ends a zone opened by "…通过了下述建议。"
        operative = self.resolution  # inside a resolution or decision, after its opening line
        skip: set[int] = set()
        # The lead-in whose list is still open: its items may be grouped under thematic sub-headings
        # ("3. …adopted the following recommendations:" / "Technical assistance" / "(g) …").
        pending: LeadIn | None = None
        for k, b in enumerate(self.blocks):
            if b.index in skip:
                continue
            if b.kind == "heading" and (m := ANNEX.match(b.text)):
                self.annex = f"annex {m['n']}" if m["n"] else "annex"
            if b.kind == "heading":
                if zone_until is not None and b.level <= zone_until:
                    zone_until = None
                if operative and not self.resolution and b.number is not None:
                    operative, self.qualifier = False, ""
                if pending is not None and zone_until is None and not self.in_rec_section(b):
                    pending = None
                items = self._items_after(k) if pending is not None else []
                if items and not all(QUESTION.search(i.text) for i in items):
                    out.extend(self._from_items(pending, items))
                    skip.update(i.index for i in items)
                    continue
            elif b.kind == "paragraph" and b.number is not None:
                pending = None  # a new numbered paragraph closes the list
            opened = openers(b.text, self.lang)
            if opened:  # the opening line of a resolution or decision, maybe glued to title and preamble
                operative, self.unnumbered = True, 0
                if not self.resolution:
                    self.qualifier = self._resolution_number(k, b.text[:opened[-1][0]])
                out.extend(self._glued(b, opened[-1][1]))
                continue
            if operative and b.number is None and b.kind in ("paragraph", "heading"):
                if b.text.rstrip().endswith((",", "，")):
                    continue  # a preamble clause
                if not self._items_after(k):
                    glued = self._glued(b, 0)  # an unnumbered operative paragraph ("Decides to…")
                    if glued:
                        out.extend(glued)
                        continue
            # an operative paragraph numbered out of the report's sequence is laid out as an item
            numbered_item = operative and b.kind == "item" and (b.number or "").isdigit()
            if b.kind != "paragraph" and not numbered_item:
                continue
            items = self._items_after(k, numbered_item)
            zone = zone_until is not None or operative or self.in_rec_section(b)
            if items:
                lead = self._lead_for(k, items, zone)
                if lead is not None:
                    out.extend(self._from_items(lead, items))
                    skip.update(i.index for i in items)
                    pending = lead
                    if not lead.restated and zone_until is None and not operative:
                        # the section that proposes a list goes on proposing: "8. 各国不妨考虑：• …"
                        # then "9. 工作组不妨请秘书处…" (a directive paragraph after the list)
                        section = self.doc.blocks[b.section] if b.section is not None else None
                        zone_until = section.level if section is not None else None
                    continue
            if b.label_kind == "recommendation":
                out.extend(self._standalone(b, b.number or "", require_head=False))
                continue
            if self._announces(b) and not directive(b.text, self.lang, self.hits, b.start):
                section = self.doc.blocks[b.section] if b.section is not None else None
                zone_until = section.level if section is not None else 1
                if b.text.rstrip().endswith(("：", ":")):  # its list follows, maybe under sub-headings
                    lead = lead_in(b.text, self.lang, True)
                    pending = LeadIn(b.number, lead.governs, lead.fallback, lead.restated) if lead else None
                continue
            if zone and b.number:
                out.extend(self._standalone(b, b.number, require_head=True))
        return out

    def _resolution_number(self, k: int, before: str) -> str:
        """The number of the resolution or decision whose opening line is in block ``k`` (after
        ``before``), from the lines just before it ("Resolution 10/4", "第 10/4 号决议"), as a
        label prefix "10/4:"."""
        texts = [before] + [b.text for b in reversed(self.blocks[max(0, k - 3):k])]
        for text in texts:
            if m := NUMBER_LINE.search(text.strip()):
                return f"{m['a'] or m['b'] or m['c']}:"
        for b in reversed(self.blocks[max(0, k - 3):k]):
            if b.kind == "heading" and (m := re.search(r"\d+/\d+", b.text)):
                return f"{m[0]}:"
        return ""

    def _glued(self, b: Block, offset: int) -> list[Recommendation]:
        """An operative paragraph without a number of its own, alone in block ``b`` or glued after
        the opening line and preamble of a decision ("…, Recalling …, Decides to hold …."; "…，
        决定在维也纳举行…。"): from the first clause after ``offset`` that opens with an operative
        verb to the end of the block. A block that still ends with a comma is preamble."""
        text = b.text.rstrip()
        if text.endswith((",", "，")) or re.search(TRANSMITS[self.lang], text):
            return []
        for pos in [offset] + [m.end() for m in re.finditer(r"[,，;；]\s*", text) if m.end() > offset]:
            rest = text[pos:]
            pos += len(rest) - len(rest.lstrip())
            rest = rest.lstrip()
            if not re.match(OPERATIVE_VERB[self.lang], rest):
                continue
            d = directive(rest, self.lang, self.hits, b.start + pos)
            if d is None:
                continue
            self.unnumbered += 1
            return [self._make(b, str(self.unnumbered), d.strength, d.addressee, False, span=(pos, len(text)))]
        return []

    def _announces(self, b: Block) -> bool:
        return bool(re.search(ANNOUNCES[self.lang], b.text)) and not re.search(REPORTED[self.lang], b.text)

    def _items_after(self, k: int, lettered_only: bool = False) -> list[Block]:
        """The items right after block ``k`` (for an operative paragraph laid out as an item:
        its lettered sub-items, up to the next numbered one)."""
        items = []
        for b in self.blocks[k + 1:]:
            if b.kind != "item" or (lettered_only and (b.number or "").isdigit()):
                break
            items.append(b)
        return items

    def _lead_for(self, k: int, items: list[Block], zone: bool) -> LeadIn | None:
        """The lead-in of the items after block ``k``: that paragraph, with the numbered paragraph
        it continues when it is unnumbered ("1. The Working Group adopted…:" / "States parties should:")."""
        owner = self.blocks[k]
        text, number = owner.text, owner.number
        parent = items[0].parent
        if owner.kind == "paragraph" and owner.number is None and parent is not None and parent != owner.index:
            head = self.doc.blocks[parent]
            text, number = f"{head.text} {owner.text}", head.number
        if all(QUESTION.search(i.text) for i in items):
            return None
        lead = lead_in(text, self.lang, zone)
        if lead is None:
            return None
        return LeadIn(number, lead.governs, lead.fallback, lead.restated)

    def _from_items(self, lead: LeadIn, items: list[Block]) -> Iterator[Recommendation]:
        prefix = lead.number or ""
        letter = None  # the last lettered item: nested (i), (ii)… hang under it
        for pos, b in enumerate(items):
            if QUESTION.search(b.text):
                continue
            num = b.number or str(pos + 1)
            nxt = items[pos + 1].number or "" if pos + 1 < len(items) else ""
            if b.label_kind == "bullet":
                label = f"{prefix}-{num}" if prefix else num
            elif letter is not None and _ROMAN.match(num) and num != _next_letter(letter):
                label = f"{prefix}({letter})({num})"
            else:
                letter, label = num, f"{prefix}({num})"
                if b.text.rstrip().endswith(("：", ":")) and _ROMAN.match(nxt) and nxt != _next_letter(num):
                    continue  # it introduces nested items: they are the recommendations
            own = directive(b.text, self.lang, self.hits, b.start)
            d = lead.governs or own or lead.fallback
            addressee = next((x.addressee for x in (lead.governs, own, lead.fallback) if x and x.addressee), None)
            yield self._make(b, label, d.strength if d else "recommend", addressee, lead.restated)

    def _standalone(self, b: Block, label: str, require_head: bool) -> list[Recommendation]:
        first = _first_sentence(b.text, self.lang)
        d = directive(b.text, self.lang, self.hits, b.start)
        own_verb = d is not None and d.head and d.verb  # "Urges States …, in accordance with article 16": its own
        if (not own_verb and (re.search(REPORTED[self.lang], first) or re.search(DISCUSSION[self.lang], first))) \
                or QUESTION.search(b.text) or re.search(TRANSMITS[self.lang], first):
            return []
        if require_head and (d is None or not d.head):
            return []
        return [self._make(b, label, d.strength if d else "recommend", d.addressee if d else None, False)]

    def _make(self, b: Block, label: str, strength: str, addressee: str | None, restated: bool,
              span: tuple[int, int] | None = None) -> Recommendation:
        """A Recommendation of block ``b`` (or of the part ``span`` of its text)."""
        label = self._unique(self.qualifier + label, b)
        section = next((h.text for h in self._heading_chain(b) if not re.search(r"[，,]\s*$", h.text)), None)
        i, j = span or (0, len(b.text))
        text = b.text[i:j]
        return Recommendation(label=label, text=text, start=b.start + i, end=b.start + j, block=b.index,
                              strength=strength, addressee=addressee, section=section, restated=restated,
                              topics=tuple(tag(text, self.lang)))

    def _unique(self, label: str, b: Block) -> str:
        """Labels repeat when a document holds several resolutions (each with its paragraph 1):
        qualify a repeat with the number of the heading it sits under, or the block's position."""
        if label in self.used:
            heading = self.doc.blocks[b.section] if b.section is not None else None
            m = re.search(r"\d+/\d+", heading.text) if heading else None
            qualifier = m[0] if m else (heading.number if heading and heading.number else self.annex or f"b{b.index}")
            label = f"{qualifier}:{label}"
            if label in self.used:
                label = f"b{b.index}:{label}"
        self.used.add(label)
        return label


def _next_letter(letter: str) -> str:
    return chr(ord(letter[-1]) + 1) if len(letter) == 1 and letter.isalpha() else ""


def find_recommendations(doc: Document, hits: Sequence[Hit] = ()) -> list[Recommendation]:
    """Every recommendation ``doc`` adopts or restates, in document order, with its topics.

    ``hits`` are registry names found in ``doc.text``; an organisation or State named where the
    addressee stands ("请国际移民组织…") becomes the addressee by its registry key.
    """
    return _Walker(doc, hits).run()
