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

Strength, on this documented scale (the value written to the graph, then the wording that earns it;
the words themselves, with their patterns and examples, are the strength lexicon
``ontology/lexicons/strength.json``, and how a verb or modal is read is ``unkg.extract.directives``):

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

from .directives import STRENGTHS, Directive, LeadIn, Strength, directive, first_sentence, later_directive, lead_in
from .lang import Grammar, grammar
from .models import Block, Document, Hit, Recommendation
from .resolutions import openers
from .topics import tag

__all__ = ["STRENGTHS", "Directive", "LeadIn", "Strength", "directive", "find_recommendations", "lead_in"]

# Layout, not language: a question mark ends a question in either script; (i), (ii)… nest under (a).
QUESTION = re.compile(r"[？?]\s*[”\"’)）]?\s*$")
_ROMAN = re.compile(r"^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)$")


def find_recommendations(doc: Document, hits: Sequence[Hit] = (), g: Grammar | None = None) -> tuple[Recommendation, ...]:
    """Every recommendation ``doc`` adopts or restates, in document order, with its topics.

    ``hits`` are registry names found in ``doc.text``; an organisation or State named where the
    addressee stands ("请国际移民组织…") becomes the addressee by its registry key. ``g`` is the
    document's grammar (by default, that of ``doc.lang``).
    """
    return _Walker(doc, hits, g or grammar(doc.lang)).run()


class _Walker:
    """Walks the blocks once, tracking recommendation zones, and yields recommendations.

    Each block is one ``_step``: a heading may close a zone or carry on an open list; the opening
    line of a resolution starts its operative part; a paragraph may be a lead-in with its items,
    a labelled recommendation, an announcement that opens a zone, or a standalone directive.
    """

    def __init__(self, doc: Document, hits: Sequence[Hit], g: Grammar):
        self.doc, self.hits, self.g, self.r = doc, hits, g, g.recommendations
        self.blocks = [b for b in doc.blocks if b.kind != "footnote"]
        self.resolution = (doc.meta.kind or "").startswith(("resolution", "decision"))
        self.used: set[str] = set()
        self.qualifier = ""  # "10/4:" before the paragraph numbers of a resolution inside a report
        self.annex = ""  # "annex" once the blocks are in an annex, whose paragraphs are numbered again
        self.unnumbered = 0  # operative paragraphs without a number in the current resolution
        self.zone_until: int | None = None  # heading level that ends a zone opened by "…通过了下述建议。"
        self.operative = self.resolution  # inside a resolution or decision, after its opening line
        self.skip: set[int] = set()  # items already taken with their lead-in
        # The lead-in whose list is still open: its items may be grouped under thematic sub-headings
        # ("3. …adopted the following recommendations:" / "Technical assistance" / "(g) …").
        self.pending: LeadIn | None = None

    def run(self) -> tuple[Recommendation, ...]:
        out: list[Recommendation] = []
        for k, b in enumerate(self.blocks):
            if b.index not in self.skip:
                out.extend(self._step(k, b))
        return tuple(out)

    # -- one block ---------------------------------------------------------------------------
    def _step(self, k: int, b: Block) -> list[Recommendation]:
        if b.kind == "heading":
            found = self._heading(k, b)
            if found is not None:
                return found
        elif b.kind == "paragraph" and b.number is not None:
            self.pending = None  # a new numbered paragraph closes the list
        if opened := openers(b.text, self.g.code):
            return self._opening(k, b, opened)
        if self.operative and b.number is None and b.kind in ("paragraph", "heading"):
            found = self._unnumbered_operative(k, b)
            if found is not None:
                return found
        # an operative paragraph numbered out of the report's sequence is laid out as an item
        numbered_item = self.operative and b.kind == "item" and (b.number or "").isdigit()
        if b.kind == "paragraph" or numbered_item:
            return self._paragraph(k, b, numbered_item)
        return []

    def _heading(self, k: int, b: Block) -> list[Recommendation] | None:
        """A heading: it may enter an annex, end a zone or an operative part, close the open list,
        or group the open list's next items (then those are its recommendations)."""
        if m := self.r.ANNEX.match(b.text):
            self.annex = f"annex {m['n']}" if m["n"] else "annex"
        if self.zone_until is not None and b.level <= self.zone_until:
            self.zone_until = None
        if self.operative and not self.resolution and b.number is not None:
            self.operative, self.qualifier = False, ""
        if self.pending is not None and self.zone_until is None and not self._in_rec_section(b):
            self.pending = None
        if self.pending is None:
            return None
        items = self._items_after(k)
        if items and not all(QUESTION.search(i.text) for i in items):
            return self._take(self.pending, items)
        return None

    def _opening(self, k: int, b: Block, opened: list[tuple[int, int, str]]) -> list[Recommendation]:
        """The opening line of a resolution or decision, maybe glued to title and preamble."""
        self.operative, self.unnumbered = True, 0
        if not self.resolution:
            self.qualifier = self._resolution_number(k, b.text[:opened[-1][0]])
        return self._glued(b, opened[-1][1])

    def _unnumbered_operative(self, k: int, b: Block) -> list[Recommendation] | None:
        """An unnumbered block in an operative part: a preamble clause (none), an operative
        paragraph without a number ("Decides to…"), or None to read it as any other block."""
        if b.text.rstrip().endswith((",", "，")):
            return []  # a preamble clause
        if self._items_after(k):
            return None
        return self._glued(b, 0) or None

    def _paragraph(self, k: int, b: Block, numbered_item: bool) -> list[Recommendation]:
        items = self._items_after(k, numbered_item)
        zone = self.zone_until is not None or self.operative or self._in_rec_section(b)
        if items and (lead := self._lead_for(k, items, zone)) is not None:
            return self._open_list(b, lead, items)
        if b.label_kind == "recommendation":
            return self._standalone(b, b.number or "", require_head=False)
        if self._announces(b) and not directive(b.text, self.g, self.hits, b.start):
            self._announce(b)
            return []
        if zone and b.number:
            return self._standalone(b, b.number, require_head=True)
        return []

    def _open_list(self, b: Block, lead: LeadIn, items: list[Block]) -> list[Recommendation]:
        """A lead-in and its items; the list stays open for items under sub-headings."""
        found = self._take(lead, items)
        self.pending = lead
        if not lead.restated and self.zone_until is None and not self.operative:
            # the section that proposes a list goes on proposing: "8. 各国不妨考虑：• …"
            # then "9. 工作组不妨请秘书处…" (a directive paragraph after the list)
            self.zone_until = self._section_level(b, None)
        return found

    def _announce(self, b: Block) -> None:
        """A paragraph announcing recommendations ("通过了下述建议。") opens a zone to its section's end."""
        self.zone_until = self._section_level(b, 1)
        if b.text.rstrip().endswith(("：", ":")):  # its list follows, maybe under sub-headings
            lead = lead_in(b.text, self.g, True)
            self.pending = LeadIn(b.number, lead.governs, lead.fallback, lead.restated) if lead else None

    # -- zones and structure -----------------------------------------------------------------
    def _heading_chain(self, b: Block) -> Iterator[Block]:
        """The headings ``b`` sits under, innermost first. (A resolution's opening line and its
        preamble clauses, short and ending with a comma, may be laid out as headings: callers
        skip those where a real heading is wanted.)"""
        i = b.section if b.kind != "heading" else b.index
        while i is not None:
            h = self.doc.blocks[i]
            yield h
            i = h.parent

    def _in_rec_section(self, b: Block) -> bool:
        return any(re.search(self.r.REC_HEADING, h.text) for h in self._heading_chain(b))

    def _section_level(self, b: Block, default: int | None) -> int | None:
        section = self.doc.blocks[b.section] if b.section is not None else None
        return section.level if section is not None else default

    def _announces(self, b: Block) -> bool:
        return bool(re.search(self.r.ANNOUNCES, b.text)) and not re.search(self.r.REPORTED, b.text)

    def _items_after(self, k: int, lettered_only: bool = False) -> list[Block]:
        """The items right after block ``k`` (for an operative paragraph laid out as an item:
        its lettered sub-items, up to the next numbered one)."""
        items = []
        for b in self.blocks[k + 1:]:
            if b.kind != "item" or (lettered_only and (b.number or "").isdigit()):
                break
            items.append(b)
        return items

    def _resolution_number(self, k: int, before: str) -> str:
        """The number of the resolution or decision whose opening line is in block ``k`` (after
        ``before``), from the lines just before it ("Resolution 10/4", "第 10/4 号决议"), as a
        label prefix "10/4:"."""
        texts = [before] + [b.text for b in reversed(self.blocks[max(0, k - 3):k])]
        for text in texts:
            if m := self.r.NUMBER_LINE.search(text.strip()):
                return f"{m['n'] or m['m']}:"
        for b in reversed(self.blocks[max(0, k - 3):k]):
            if b.kind == "heading" and (m := re.search(r"\d+/\d+", b.text)):
                return f"{m[0]}:"
        return ""

    # -- recommendations ---------------------------------------------------------------------
    def _glued(self, b: Block, offset: int) -> list[Recommendation]:
        """An operative paragraph without a number of its own, alone in block ``b`` or glued after
        the opening line and preamble of a decision ("…, Recalling …, Decides to hold …."; "…，
        决定在维也纳举行…。"): from the first clause after ``offset`` that opens with an operative
        verb to the end of the block. A block that still ends with a comma is preamble."""
        text = b.text.rstrip()
        if text.endswith((",", "，")) or re.search(self.r.TRANSMITS, text):
            return []
        for pos in [offset] + [m.end() for m in re.finditer(r"[,，;；]\s*", text) if m.end() > offset]:
            rest = text[pos:]
            pos += len(rest) - len(rest.lstrip())
            rest = rest.lstrip()
            if not re.match(self.r.OPERATIVE_VERB, rest):
                continue
            d = directive(rest, self.g, self.hits, b.start + pos)
            if d is None:
                continue
            self.unnumbered += 1
            return [self._make(b, str(self.unnumbered), d.strength, d.addressee, False, span=(pos, len(text)))]
        return []

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
        lead = lead_in(text, self.g, zone)
        if lead is None:
            return None
        return LeadIn(number, lead.governs, lead.fallback, lead.restated)

    def _take(self, lead: LeadIn, items: list[Block]) -> list[Recommendation]:
        """The recommendations of a lead-in's items; the items are not read again as blocks."""
        found = list(self._from_items(lead, items))
        self.skip.update(i.index for i in items)
        return found

    def _from_items(self, lead: LeadIn, items: list[Block]) -> Iterator[Recommendation]:
        prefix = lead.number or ""
        nest = _Nesting()
        for pos, b in enumerate(items):
            if QUESTION.search(b.text):
                continue
            num = b.number or str(pos + 1)
            if b.label_kind == "bullet":
                yield self._item(lead, b, f"{prefix}-{num}" if prefix else num)
                continue
            path, inner = nest.place(num)
            nxt = items[pos + 1].number or "" if pos + 1 < len(items) else ""
            if not inner and b.text.rstrip().endswith(("：", ":")) and nest.would_nest(nxt):
                continue  # it introduces nested items: they are the recommendations
            yield self._item(lead, b, prefix + "".join(f"({n})" for n in path))

    def _item(self, lead: LeadIn, b: Block, label: str) -> Recommendation:
        """An item of a list: the lead-in's cue when it governs, else the item's own, else the lead-in's."""
        own = directive(b.text, self.g, self.hits, b.start)
        d = lead.governs or own or lead.fallback
        addressee = next((x.addressee for x in (lead.governs, own, lead.fallback) if x and x.addressee), None)
        return self._make(b, label, d.strength if d else "recommend", addressee, lead.restated)

    def _standalone(self, b: Block, label: str, require_head: bool) -> list[Recommendation]:
        first = first_sentence(b.text, self.g)
        d = directive(b.text, self.g, self.hits, b.start)
        if require_head and (d is None or not d.head):
            # Issue 10 part 7: an operative paragraph opening with another verb that goes on with a
            # directive one ("Takes note …, and requests the Office to …", "重申…，请秘书长…") is a
            # recommendation by that verb (directives.later_directive)
            d = later_directive(b.text, self.g, self.hits, b.start) if self.operative else None
            if d is None:
                return []
        own_verb = d is not None and d.verb  # "Urges States …, in accordance with article 16": its own
        if (not own_verb and (re.search(self.r.REPORTED, first) or re.search(self.r.DISCUSSION, first))) \
                or QUESTION.search(b.text) or re.search(self.r.TRANSMITS, first):
            return []
        return [self._make(b, label, d.strength if d else "recommend", d.addressee if d else None, False)]

    def _make(self, b: Block, label: str, strength: Strength, addressee: str | None, restated: bool,
              span: tuple[int, int] | None = None) -> Recommendation:
        """A Recommendation of block ``b`` (or of the part ``span`` of its text)."""
        label = self._unique(self.qualifier + label, b)
        section = next((h.text for h in self._heading_chain(b) if not re.search(r"[，,]\s*$", h.text)), None)
        i, j = span or (0, len(b.text))
        text = b.text[i:j]
        return Recommendation(label=label, text=text, start=b.start + i, end=b.start + j, block=b.index,
                              strength=strength, addressee=addressee, section=section, restated=restated,
                              topics=tuple(tag(text, self.g.code)))

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


class _Nesting:
    """Where an item stands: the first item's kind (letter, roman) is the outer level, the other nests
    under it — (a), (i), (b): (a)(i), (b) as in the seeds; (i), (a), (ii): (i)(a), (ii); (h), (i): letters."""

    def __init__(self) -> None:
        self.outer_kind: str | None = None
        self.outer: str | None = None  # the last outer item
        self.letter: str | None = None  # the last letter, at either level

    def kind(self, num: str) -> str:
        if _ROMAN.match(num) and not (self.letter is not None and num == _next_letter(self.letter)):
            return "roman"
        return "letter" if num.isalpha() else "other"

    def would_nest(self, num: str) -> bool:  # would an item numbered ``num`` come next nested?
        return self._nests(self.kind(num) if num else "other")

    def _nests(self, kind: str) -> bool:
        return self.outer is not None and kind != "other" and self.outer_kind not in (None, "other", kind)

    def place(self, num: str) -> tuple[list[str], bool]:
        """The labels from the outer item down to ``num``, and whether ``num`` is nested."""
        kind = self.kind(num)
        if kind == "letter":
            self.letter = num
        if self._nests(kind):
            return [self.outer, num], True  # type: ignore[list-item]
        if self.outer_kind is None or kind == "other" or self.outer_kind == "other":
            self.outer_kind = kind
        self.outer = num
        return [num], False


def _next_letter(letter: str) -> str:
    return chr(ord(letter[-1]) + 1) if len(letter) == 1 and letter.isalpha() else ""
