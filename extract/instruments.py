"""Instruments and initiatives named in a text, and the provisions it cites.

``instrument_mentions`` turns registry hits of kind Instrument and Initiative into Mentions, adds
EU acts found by number (a grammar-made key such as ``EU-Directive-2013/33`` for any directive),
instruments named inside an initiative's name ("the Implementation Review Mechanism of the United
Nations Convention against Corruption"), short titles a text gives an instrument in brackets and
uses again (《…补充议定书》（《巴勒莫议定书》）, '(the "Palermo Protocol")'), resolves anaphors
(《公约》, 该议定书, "the Protocol") and keeps names shaped like an initiative but absent from the
registry as candidates.

``find_citations`` reads provisions with the language's grammar (``extract/zh/provisions.py``,
``extract/en/provisions.py``) and names their instrument. A recipe, per provision:

1. the instrument named right before (zh: 《X》第6条, 该议定书第 5 条, past a short title in brackets:
   《X》（《Y》）第29条) or right after (en: "article 6 of the X", "of the Protocol"), or "its" right
   before (en: "its article 5"), or, for "article 6 thereof", the one named last before it;
2. else the instrument of its neighbour in a list (第20条和第21条; "article 5 and article 6 of
   the Protocol");
3. for recitals, principles and guidelines, else the instrument named just before in the
   same sentence (第 2011/36/EU 号指令，尤其是第 5、第 9 和第 15 序言段);
4. for a bare article, else the instrument of the article cited just before it in the same
   paragraph (or, for that very article, in the paragraphs after it under the same heading), when
   no other instrument is named between ("article 32 of the Convention. In accordance with article
   32, paragraph 1, …"; "Articles 16 and 18 of the Convention …" / "Article 18, paragraph 13, …");
   a paragraph printed without its article ("and paragraph 3 (f)", 第三款(f)项) is the article's
   cited just before; an article singled out ("including", 包括) is of the instrument just named;
5. else none: the citation is kept with ``instrument=None`` and its words, never guessed.

An anaphor refers back to an instrument of its type, as a careful reader resolves it:

- a demonstrative (该公约, 上述议定书, "that Convention", "the said Protocol") or a pronoun ("its",
  其) means the last one named before it (该公约 after 《东南欧警务合作公约》 is that convention);
- a definite name ("the Convention", 《公约》, 议定书第 11 条) means

  1. the last one named before it in the same paragraph, else the one a protocol named before it in
     the paragraph supplements ("article 6 of the Trafficking in Persons Protocol and article 24 of
     the Convention"), else
  2. the document's main instrument (or the one it supplements: 《公约》 in a Protocol's
     document is the Convention), else
  3. the instrument the passage is about: of those named before it in the same resolution or
     section (a stretch opened by "The General Assembly," or a heading), the one referred to most
     often there, by name or by an anaphor already resolved — an instrument named once in passing
     in a list ("… the Protocols thereto, and the United Nations Convention against Corruption") or
     noted later ("Taking note of the Protocol of 2014 to the Forced Labour Convention") does not
     outweigh the one the resolution is about; ties go to the last named, else
  4. the last one named before it anywhere.
"""
from __future__ import annotations

import bisect
import importlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from unkg.ontology import registry

from .models import Citation, Hit, Mention
from .resolutions import SECTION, openers

KINDS = ("Instrument", "Initiative")


@dataclass(frozen=True, slots=True)
class Provision:
    """A provision reference as a language grammar reads it, before its instrument is known.

    items: (article, paragraph, subparagraph) cited, one per item of a list.
    same_article: 该条第 3 款 — the paragraph belongs to the article cited just before.
    """

    start: int
    end: int
    text: str
    kind: str  # article, rule, recital, principle, guideline
    items: tuple[tuple[str, str | None, str | None], ...]
    same_article: bool = False
    bare: bool = False  # a paragraph without its article ("and paragraph 3 (f)", 第三款(f)项): the one cited just before


@dataclass(frozen=True, slots=True)
class Anaphor:
    """Words that refer back to an instrument; ``types`` it may have, () for any ("its", 其)."""

    start: int
    end: int
    text: str
    types: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Ref:
    """An instrument referred to at a place in the text: by name, by number or by anaphor."""

    start: int
    end: int
    text: str
    key: str  # "" for an instrument introduced without a name (一项…议定书, "a protocol")
    how: str  # "name" (registry hit), "act" (EU act by number), "anaphor", "pronoun" (its, 其), "unnamed"
    type: str | None = None  # treaty, protocol, directive... (see the instruments registry)


def chain_items(arts: Sequence[str], paras: Sequence[str], subs: Sequence[str]) -> tuple:
    """Items of a provision list: every article but the last bare, the last with its paragraphs
    and subparagraphs (第18条第13和14款 -> 18(13), 18(14))."""
    if not arts:
        return ()
    last = [(arts[-1], p, s) for p in (list(paras) or [None]) for s in (list(subs) or [None])]
    return tuple([(a, None, None) for a in arts[:-1]] + last)


def _grammar(lang: str) -> ModuleType:
    """The language's grammar module (imported on first use: it imports this module's records)."""
    return importlib.import_module(f"unkg.extract.lang.{'zh' if lang == 'zh' else 'en'}.provisions")


def instrument_mentions(text: str, lang: str, hits: Sequence[Hit], main_instrument: str | None) -> list[Mention]:
    """Instruments and initiatives named in ``text``: registry hits, EU acts by number, resolved
    anaphors, and candidate initiatives (``candidate=True``), in order."""
    grammar = _grammar(lang)
    mentions = [_mention("Instrument", r) for r in _references(text, grammar, hits, main_instrument)
                if r.key and r.how != "pronoun" and _kind(r.key) == "Instrument"]
    mentions += _supplemented(text, lang, mentions)
    mentions += [_mention("Initiative", h) for h in hits if h.kind == "Initiative"]
    taken = [(h.start, h.end) for h in hits] + [(m.start, m.end) for m in mentions]
    named_ends = {e for _, e in taken}
    for start, end, name in grammar.candidates(text):
        if _short_form(text, start, end, named_ends):
            continue  # the short form given in brackets after a name: "…检察官网络（西非网络）"
        if not any(s < end and start < e for s, e in taken):
            label_en, label_zh = (None, name) if lang == "zh" else (name, None)
            mentions.append(Mention("Initiative", _slug(name), name, start, end, label_en=label_en,
                                    label_zh=label_zh, candidate=True))
    return sorted(mentions, key=lambda m: (m.start, m.end))


def _short_form(text: str, start: int, end: int, named_ends: set[int]) -> bool:
    """Is ``text[start:end]`` in brackets right after a name that ends at one of ``named_ends``?"""
    if not re.match(r"\s*[）)]", text[end:]):
        return False
    lead = re.search(r"(?:\b(?:the|hereinafter(?: referred to as)?)\s+|以下简称|简称|下称)?\s*$", text[max(0, start - 40):start])
    j = start - len(lead.group()) if lead else start
    if j == 0 or text[j - 1] not in "（(":
        return False
    return len(text[:j - 1].rstrip()) in named_ends


def _supplemented(text: str, lang: str, mentions: list[Mention]) -> list[Mention]:
    """A protocol's full title names the instrument it supplements: "Protocol against … supplementing
    the United Nations Convention against Transnational Organized Crime", 《联合国打击跨国有组织犯罪公约关于…
    的补充议定书》 mention the Convention too (at the words that name it)."""
    out = []
    for m in mentions:
        entry = registry.lookup(m.key)
        parent = registry.lookup(entry.parent) if entry and entry.parent else None
        if parent is None or parent.kind != "Instrument":
            continue
        for name in sorted(parent.names(lang), key=len, reverse=True):
            i = m.text.find(name)
            if i >= 0 and len(name) < len(m.text):
                start = m.start + i
                out.append(Mention("Instrument", parent.key, name, start, start + len(name),
                                   label_en=parent.label_en, label_zh=parent.label_zh))
                break
    return out


def _mention(kind: str, r: Ref | Hit) -> Mention:
    entry = registry.lookup(r.key)
    label_en = entry.label_en if entry else _act_label(r.key)
    return Mention(kind, r.key, r.text, r.start, r.end, label_en=label_en, label_zh=entry.label_zh if entry else None)


def _slug(name: str) -> str:
    return "candidate:" + re.sub(r"[\s/]+", "-", name.strip())


def find_citations(text: str, lang: str, hits: Sequence[Hit], main_instrument: str | None) -> list[Citation]:
    """Every provision ``text`` cites, one Citation per item of a list, each with its instrument
    (a registry key) or ``None`` when the text does not say which (words kept)."""
    grammar = _grammar(lang)
    refs = _references(text, grammar, hits, main_instrument)
    found = grammar.provisions(text)
    named = [_named(text, grammar, p, refs) for p in found]
    named = _from_neighbours(text, found, named, prefer_next=lang != "zh")
    citations: list[Citation] = []
    for p, ref in zip(found, named):
        ref = ref or (_same_sentence(text, p, refs) if p.kind in ("recital", "principle", "guideline")
                      or INCLUDING.search(text, max(0, p.start - 20), p.start) else None)
        ref = ref or _continued(text, p, citations, refs)
        citations += _citations(p, ref, citations, text)
    return citations


# "the provisions of the Protocol, including article 9", "《议定书》的各项规定，包括第9条第4款": an article
# singled out of the instrument just named.
INCLUDING = re.compile(r"(?:包括|特别是|尤其是|尤其|例如|including|in particular|particularly|especially|notably)"
                       r"[\s,，:：]*$")


def _bare_in_reach(text: str, p: Provision, last: Citation) -> bool:
    """A paragraph printed without its article belongs to the article cited just before in the same
    paragraph (Chinese: 款 is only ever a treaty's) or, in English, the same sentence."""
    gap = text[last.end:p.start]
    if "\n" in gap or last.kind not in ("article", "rule"):
        return False
    return bool(re.search(r"[\u4e00-\u9fff]", p.text)) or (len(gap) <= 250 and not re.search(r"[.;!?]\s", gap))


def _continued(text: str, p: Provision, before: list[Citation], refs: list[Ref]) -> Ref | None:
    """A bare article right after an article of a named instrument, in the same paragraph with no
    other instrument named between, continues it: "article 32 of the Convention. In accordance
    with article 32, paragraph 1, …" (根据《公约》第32条设立。根据第32条第1款，…)."""
    if not before or p.same_article or p.kind not in ("article", "rule"):
        return None
    last = before[-1]
    gap = text[last.end:p.start]
    if last.instrument is None or last.kind != p.kind:
        return None
    # In the same paragraph; or, for the very article cited last, in the paragraphs after it under the
    # same heading ("Articles 16 and 18 of the Convention …" / "Article 18, paragraph 13, requires …").
    # Another article in another paragraph is not guessed ("See article 5 of the Protocol." / "Article 6 …").
    same_article = p.items and p.items[0][0] == last.article
    if ("\n" in gap or len(gap) > 300) and not (same_article and len(gap) <= 1500 and not SECTION.search(gap)):
        return None
    if any(last.end <= r.start and r.end <= p.start and r.key != last.instrument for r in refs if r.how != "pronoun"):
        return None  # "…article 5 of the Protocol; the Convention against Corruption, in article 6 …"
    return Ref(last.start, last.end, last.instrument_text or "", last.instrument, "anaphor")


def _citations(p: Provision, ref: Ref | None, before: list[Citation], text: str = "") -> list[Citation]:
    """The Citations of provision ``p`` named by ``ref``; 该条 takes the article cited last."""
    if p.same_article:
        if not before or (p.bare and not _bare_in_reach(text, p, before[-1])):
            return []
        last = before[-1]
        ref = ref or Ref(last.start, last.end, last.instrument_text or "", last.instrument or "", "anaphor")
        items = tuple((last.article, para, sub) for _, para, sub in p.items)
    else:
        items = p.items
    key = ref.key if ref and ref.key else None
    kind = p.kind
    if kind == "article" and _type(key) == "rules":
        kind = "rule"
    elif kind == "article" and _kind(key) == "Initiative":
        kind = "model-article"  # an article of a model law or treaty (a tool), not of a treaty
    return [Citation(p.start, p.end, p.text, key, art, para, sub, kind=kind,
                     instrument_text=ref.text if ref else None) for art, para, sub in items]


def _named(text: str, grammar: ModuleType, p: Provision, refs: list[Ref]) -> Ref | None:
    """The reference the grammar's anchors point at: a name or anaphor right before/after ``p``."""
    side, offsets = grammar.anchors(text, p)
    if side == "last":  # "article 6 thereof": the instrument named last before it, in its paragraph
        start = text.rfind("\n", 0, p.start) + 1
        before = [r for r in refs if r.key and start <= r.start and r.end <= p.start]
        return before[-1] if before else None
    for r in refs:
        if r.key and (r.end if side == "end" else r.start) in offsets and (r.end <= p.start or r.start >= p.end):
            return r
    return None


_CONNECTOR = re.compile(r"^(?:\s*[(（][^()（）]{1,60}[)）])?"  # a gloss: article 16 (extradition) and article 18
                        r"\s*(?:,|，|、|;|；|和|及|以及|与|或|and|or|as well as|,\s*and|,\s*or)?\s*$")


def _from_neighbours(text: str, found: list[Provision], named: list[Ref | None], prefer_next: bool) -> list[Ref | None]:
    """Provisions of one list share an instrument: 第20条和第21条; "article 5 and article 6 of X".
    The side the language names instruments on is tried first (English: the next one)."""
    out = list(named)
    for forward in (prefer_next, not prefer_next):
        order = range(len(found) - 2, -1, -1) if forward else range(1, len(found))
        for i in order:
            j = i + 1 if forward else i - 1
            (a, ra), (b, _) = sorted(((found[i], out[i]), (found[j], out[j])), key=lambda x: x[0].start)
            gap_start = ra.end if ra and a.end <= ra.start < b.start else a.end  # "article 5 of X and ..."
            if out[i] is None and out[j] is not None and _CONNECTOR.match(text[gap_start:b.start]):
                out[i] = out[j]
    return out


def _same_sentence(text: str, p: Provision, refs: list[Ref]) -> Ref | None:
    """The instrument named last before ``p`` in its sentence, within 60 characters."""
    best = None
    for r in refs:
        gap = text[r.end:p.start]
        if r.key and r.end <= p.start and len(gap) <= 60 and not re.search(r"[。；;!?]|\.\s|\n", gap):
            best = r
    return best


def _references(text: str, grammar: ModuleType, hits: Sequence[Hit], main: str | None) -> list[Ref]:
    """Every instrument referred to in ``text``, in order: names, EU acts by number, anaphors."""
    refs = [Ref(h.start, h.end, h.text, h.key, "name", _type(h.key)) for h in hits
            if h.kind == "Instrument" or (h.kind == "Initiative" and _type(h.key) == "tool")]  # model laws
    for start, end, words, kind, year, num in grammar.acts(text):
        if not any(r.start < end and start < r.end for r in refs):
            key = f"EU-{kind}-{year}/{num}"
            refs.append(Ref(start, end, words, key, "act", _type(key)))
    zh = grammar.__name__.endswith(".zh.provisions")
    refs += _nested(hits, "zh" if zh else "en")
    refs += _aliases(text, zh, refs, hits)
    spans = [(h.start, h.end) for h in hits] + [(r.start, r.end) for r in refs]
    refs += [Ref(u.start, u.end, u.text, "", "unnamed", u.types[0]) for u in grammar.unnamed(text)
             if not any(s < u.end and u.start < e for s, e in spans)]  # key "": no name to give
    refs.sort(key=lambda r: r.start)
    anaphors = [a for a in grammar.anaphors(text) if not any(s < a.end and a.start < e for s, e in spans)]
    discourse = _Discourse(text, zh, list(refs))
    for a in sorted(anaphors, key=lambda a: a.start):
        key = _antecedent(a, refs, main, discourse)
        if key:
            ref = Ref(a.start, a.end, a.text, key, "anaphor" if a.types else "pronoun", _type(key))
            refs.append(ref)
            refs.sort(key=lambda r: r.start)
            if a.types:  # "the Protocol" resolved to it: the passage speaks of it once more
                discourse.named.append(ref)
                discourse.named.sort(key=lambda r: r.start)
    return refs


def _nested(hits: Sequence[Hit], lang: str) -> list[Ref]:
    """Instruments named inside an initiative's name: "the Implementation Review Mechanism of the
    United Nations Convention against Corruption", 联合国反腐败公约实施情况审议机制 name the Convention
    (a reference at the words that name it, which "that Convention" may then refer back to)."""
    out = []
    for h in hits:
        if h.kind == "Initiative":
            out += [Ref(h.start + s, h.start + e, h.text[s:e], key, "name", _type(key))
                    for s, e, key in _inner_instruments(h.text, lang)]
    return out


def _inner_instruments(words: str, lang: str) -> list[tuple[int, int, str]]:
    """(start, end, key) of the instrument names inside ``words``, leftmost-longest."""
    from .gazetteer import _bounded, normalize

    norm = normalize(words)
    found = []
    for name, key in _instrument_names(lang):
        if len(name) >= len(norm.text):
            continue
        i = norm.text.find(name)
        while i >= 0:
            if _bounded(norm.text, i, i + len(name)):
                found.append((i, -len(name), key))
            i = norm.text.find(name, i + 1)
    out, last = [], 0
    for i, neg, key in sorted(found):
        if i >= last:
            out.append((norm.start(i), norm.end(i - neg), key))
            last = i - neg
    return out


@cache
def _instrument_names(lang: str) -> tuple[tuple[str, str], ...]:
    from .gazetteer import names

    return tuple((name, key) for name, (key, kind) in names(lang).items() if kind == "Instrument")


# A short title given in brackets right after an instrument's name, then used for it:
# 《…补充议定书》（《巴勒莫议定书》）, 'the Protocol … ("the Palermo Protocol")', '(hereinafter "the Protocol")'.
_ALIAS_ZH = re.compile(r"》?\s*[（(]\s*(?:以下简称|下称|简称|以下称|又称|通称|通常称为)?\s*《(?P<alias>[^《》（）()\n]{2,30})》\s*[）)]")
_ALIAS_EN = re.compile(r"\s*\(\s*(?:hereinafter(?:\s+referred\s+to\s+as)?\s+|also\s+known\s+as\s+)?(?:the\s+)?"
                       r"[\"“](?P<alias>[^\"”\n]{3,60})[\"”]\s*\)")


def _aliases(text: str, zh: bool, refs: list[Ref], hits: Sequence[Hit]) -> list[Ref]:
    """Every later use of a short title that a text gives an instrument in brackets after its name."""
    taken = [(h.start, h.end) for h in hits] + [(r.start, r.end) for r in refs]
    out: list[Ref] = []
    for r in sorted(refs, key=lambda r: r.start):
        m = (_ALIAS_ZH if zh else _ALIAS_EN).match(text, r.end)
        if not r.key or r.how not in ("name", "act") or not m:
            continue
        words = m.group("alias").strip()
        alias = re.escape(words)
        if zh:  # a short word (《公约》) only in its brackets, not inside 该公约 or another title
            pattern = alias if len(words) >= 4 else rf"(?<=《){alias}(?=》)"
        else:
            pattern = rf"(?<![\w-]){alias}(?![\w-])"
        for found in re.finditer(pattern, text[m.start("alias"):]):
            start, end = m.start("alias") + found.start(), m.start("alias") + found.end()
            if not any(s < end and start < e for s, e in taken):
                out.append(Ref(start, end, found.group(), r.key, "name", r.type))
                taken.append((start, end))
    return out


_DEMONSTRATIVE = re.compile(r"^(?:该|上述|此|这|[Tt]his\b|[Tt]hat\b|[Tt]he\s+said\b)")


class _Discourse:
    """Where paragraphs and passages (a resolution from its opening line, a section from its
    heading) begin, and how often each instrument is named by name in each passage."""

    def __init__(self, text: str, zh: bool, named: list[Ref]):
        self.text = text
        bounds = {0} | {o for o, _, _ in openers(text, "zh" if zh else "en")} | {m.start() for m in SECTION.finditer(text)}
        self.bounds = sorted(bounds)
        self.named = [r for r in named if r.key and r.how in ("name", "act")]  # and anaphors, once resolved

    def paragraph_start(self, pos: int) -> int:
        return self.text.rfind("\n", 0, pos) + 1

    def passage(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.bounds, pos) - 1
        return self.bounds[i], self.bounds[i + 1] if i + 1 < len(self.bounds) else len(self.text)

    def topic(self, pos: int, types: tuple[str, ...]) -> str | None:
        """Of the instruments of ``types`` named in this passage before ``pos``, the one referred to
        most often in the whole passage (by name, or by an anaphor resolved before ``pos``: "article 3 (a)
        of the Protocol" right after its name counts for it); ties go to the last named before ``pos``."""
        start, end = self.passage(pos)
        inside = [r for r in self.named if start <= r.start < end and r.type in types]
        before = [r for r in inside if r.end <= pos]
        if not before:
            return None
        counts = Counter(r.key for r in inside)
        last = {r.key: i for i, r in enumerate(before)}
        return max(last, key=lambda k: (counts[k], last[k]))


def _antecedent(a: Anaphor, refs: list[Ref], main: str | None, discourse: _Discourse) -> str | None:
    """The instrument anaphor ``a`` refers to (see the module's docstring), or None."""
    before = [r for r in refs if r.end <= a.start and (not a.types or r.type in a.types)]
    if not a.types or _DEMONSTRATIVE.match(a.text):
        if before:
            return before[-1].key or None  # an unnamed instrument: the anaphor means it, and it has no key
        return main if not a.types else next((k for k in _main_line(main) if _type(k) in a.types), None)
    paragraph = discourse.paragraph_start(a.start)
    if before and before[-1].start >= paragraph:
        return before[-1].key or None
    for r in reversed(refs):  # "article 6 of the Trafficking in Persons Protocol and article 24 of the
        if paragraph <= r.start and r.end <= a.start and r.key:  # Convention": the one it supplements
            entry = registry.lookup(r.key)
            if entry and entry.parent and _type(entry.parent) in a.types:
                return entry.parent
    for key in _main_line(main):
        if _type(key) in a.types:
            return key
    topic = discourse.topic(a.start, a.types)
    if topic:
        return topic
    return before[-1].key or None if before else None


def _main_line(main: str | None) -> list[str]:
    """The main instrument, the instrument it supplements, and the rules of procedure of the
    Conference of the Parties when it belongs to the Organized Crime Convention's family."""
    if not main:
        return []
    entry = registry.lookup(main)
    line = [main] + ([entry.parent] if entry and entry.parent else [])
    return line + (["COP-Rules"] if "UNTOC" in line else [])


def _kind(key: str | None) -> str | None:
    """Registry kind of a key; grammar-made EU keys are instruments."""
    entry = registry.lookup(key) if key else None
    return entry.kind if entry else ("Instrument" if key else None)


def _type(key: str | None) -> str | None:
    """An instrument's type: the registry's, or from a grammar-made EU key."""
    if not key:
        return None
    entry = registry.lookup(key)
    if entry:
        return entry.type
    kinds = {"Directive": "directive", "FD": "framework-decision", "Regulation": "regulation"}
    m = re.match(r"EU-(Directive|FD|Regulation)-", key)
    return kinds[m.group(1)] if m else None


def _act_label(key: str) -> str | None:
    """English label of a grammar-made EU key: EU-Directive-2013/33 -> "Directive 2013/33"."""
    m = re.match(r"EU-(Directive|FD|Regulation)-(\d{4}/\d+)$", key)
    names = {"Directive": "Directive", "FD": "Framework Decision", "Regulation": "Regulation"}
    return f"{names[m.group(1)]} {m.group(2)}" if m else None
