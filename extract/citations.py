"""The provisions a text cites, each with its instrument.

``find_citations`` reads provisions with the language's grammar (``g.provisions``: extract/lang/zh/
provisions.py, extract/lang/en/provisions.py) and names their instrument from the document's
references (extract/references.py). A recipe, per provision:

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
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence

from unkg.ontology import treaties

from .lang import Grammar, grammar
from .models import Citation, Document, Hit, Provision
from .references import Ref, instrument_type, references, references_in, registry_kind
from .resolutions import SECTION

_NAMED_AROUND = ("recital", "principle", "guideline")  # named just before, in the sentence


def find_citations(doc: Document, hits: Sequence[Hit], g: Grammar) -> tuple[Citation, ...]:
    """Every provision the document cites, one Citation per item of a list, each with its
    instrument (a registry key) or ``None`` when the text does not say which (words kept)."""
    return _cite(doc.text, g, references(doc, hits, g))


def citations_in(text: str, lang: str, hits: Sequence[Hit], main_instrument: str | None) -> tuple[Citation, ...]:
    """``find_citations`` of a bare text in ``lang``, given its hits and main instrument."""
    g = grammar(lang)
    return _cite(text, g, references_in(text, tuple(hits), g, main_instrument))


def _cite(text: str, g: Grammar, refs: tuple[Ref, ...]) -> tuple[Citation, ...]:
    found = g.provisions.provisions(text)
    index = _Index(refs)
    named = [_named(text, g, p, index) for p in found]
    named = _from_neighbours(text, g, found, named)
    citations: list[Citation] = []
    for p, ref in zip(found, named):
        ref = ref or (_same_sentence(text, p, index, g) if p.kind in _NAMED_AROUND
                      or g.provisions.INCLUDING.search(text, max(0, p.start - 20), p.start) else None)
        ref = ref or _continued(text, p, citations, index)
        citations += _citations(g, p, _where_it_exists(p, ref, refs), citations, text)
    return tuple(citations)


def _where_it_exists(p: Provision, ref: Ref | None, refs: tuple[Ref, ...]) -> Ref | None:
    """An anaphor ("the Protocol", 该议定书) that could mean two instruments named before it means
    the one that has the provision cited: "article 21 of the Protocol" after the Firearms and the
    Trafficking in Persons Protocols is the Firearms Protocol's (the other has 20 articles).
    Only instruments whose text unkg holds are weighed; a name given outright is never changed."""
    if ref is None or ref.how not in ("anaphor", "pronoun") or p.same_article or p.kind != "article" \
            or not _lacks(ref.key, p):
        return ref
    kind = instrument_type(ref.key)
    earlier = [r.key for r in sorted(refs, key=lambda r: -r.start)
               if r.how == "name" and r.start < p.start and r.key != ref.key and instrument_type(r.key) == kind]
    for key in dict.fromkeys(earlier):  # the nearest first
        if treaties.treaty(key) is not None and not _lacks(key, p):
            return Ref(ref.start, ref.end, ref.text, key, ref.how, ref.type)
    return ref


def _lacks(key: str | None, p: Provision) -> bool:
    """Does the text of ``key`` (one unkg holds) lack an item ``p`` cites?"""
    return bool(key) and treaties.treaty(key) is not None and \
        any(treaties.problem(key, art, para, sub) for art, para, sub in p.items)


class _Index:
    """The references sorted by start and by end, for the ones near a place (no scan of all)."""

    def __init__(self, refs: tuple[Ref, ...]):
        self.refs = refs  # in order of start
        self.starts = [r.start for r in refs]
        self.by_end = sorted(range(len(refs)), key=lambda i: refs[i].end)  # positions in ``refs``
        self.ends = [refs[i].end for i in self.by_end]

    def starting_in(self, start: int, end: int) -> list[Ref]:
        """References that start at or after ``start`` and before ``end``, in order."""
        return list(self.refs[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)])

    def ending_in(self, start: int, end: int) -> list[Ref]:
        """References that end at or after ``start`` and at or before ``end``, in order."""
        found = self.by_end[bisect.bisect_left(self.ends, start):bisect.bisect_right(self.ends, end)]
        return [self.refs[i] for i in sorted(found)]


def _bare_in_reach(text: str, g: Grammar, p: Provision, last: Citation) -> bool:
    """A paragraph printed without its article belongs to the article cited just before in the
    same paragraph, as far as the language lets it reach."""
    gap = text[last.end:p.start]
    if "\n" in gap or last.kind not in ("article", "rule"):
        return False
    return g.provisions.bare_in_reach(gap)


def _continued(text: str, p: Provision, before: list[Citation], index: _Index) -> Ref | None:
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
    between = index.starting_in(last.end, p.start)
    if any(r.end <= p.start and r.key != last.instrument for r in between if r.how != "pronoun"):
        return None  # "…article 5 of the Protocol; the Convention against Corruption, in article 6 …"
    return Ref(last.start, last.end, last.instrument_text or "", last.instrument, "anaphor")


def _citations(g: Grammar, p: Provision, ref: Ref | None, before: list[Citation], text: str) -> list[Citation]:
    """The Citations of provision ``p`` named by ``ref``; 该条 takes the article cited last."""
    if p.same_article:
        if not before or (p.bare and not _bare_in_reach(text, g, p, before[-1])):
            return []
        last = before[-1]
        ref = ref or Ref(last.start, last.end, last.instrument_text or "", last.instrument or "", "anaphor")
        items = tuple((last.article, para, sub) for _, para, sub in p.items)
    else:
        items = p.items
    key = ref.key if ref and ref.key else None
    kind = p.kind
    if kind == "article" and instrument_type(key) == "rules":
        kind = "rule"
    elif kind == "article" and registry_kind(key) == "Initiative":
        kind = "model-article"  # an article of a model law or treaty (a tool), not of a treaty
    return [Citation(p.start, p.end, p.text, key, art, para, sub, kind=kind,
                     instrument_text=ref.text if ref else None) for art, para, sub in items]


def _named(text: str, g: Grammar, p: Provision, index: _Index) -> Ref | None:
    """The reference the grammar's anchors point at: a name or anaphor right before/after ``p``."""
    side, offsets = g.provisions.anchors(text, p)
    if side == "last":  # "article 6 thereof": the instrument named last before it, in its paragraph
        start = text.rfind("\n", 0, p.start) + 1
        before = [r for r in index.starting_in(start, p.start) if r.key and r.end <= p.start]
        return before[-1] if before else None
    if not offsets:
        return None
    lo, hi = min(offsets), max(offsets)
    near = index.ending_in(lo, hi) if side == "end" else index.starting_in(lo, hi + 1)
    for r in near:
        if r.key and (r.end if side == "end" else r.start) in offsets and (r.end <= p.start or r.start >= p.end):
            return r
    return None


def _from_neighbours(text: str, g: Grammar, found: list[Provision], named: list[Ref | None]) -> list[Ref | None]:
    """Provisions of one list share an instrument: 第20条和第21条; "article 5 and article 6 of X".
    The side the language names instruments on is tried first (English: the next one)."""
    out = list(named)
    prefer_next = g.provisions.INSTRUMENT_AFTER
    for forward in (prefer_next, not prefer_next):
        order = range(len(found) - 2, -1, -1) if forward else range(1, len(found))
        for i in order:
            j = i + 1 if forward else i - 1
            (a, ra), (b, _) = sorted(((found[i], out[i]), (found[j], out[j])), key=lambda x: x[0].start)
            gap_start = ra.end if ra and a.end <= ra.start < b.start else a.end  # "article 5 of X and ..."
            if out[i] is None and out[j] is not None and g.provisions.LIST_CONNECTOR.match(text[gap_start:b.start]):
                out[i] = out[j]
    return out


def _same_sentence(text: str, p: Provision, index: _Index, g: Grammar) -> Ref | None:
    """The instrument named last before ``p`` in its sentence, within 60 characters."""
    best = None
    for r in index.ending_in(p.start - 60, p.start):
        gap = text[r.end:p.start]
        if r.key and len(gap) <= 60 and not g.sentences.BETWEEN_SENTENCES.search(gap):
            best = r
    return best
