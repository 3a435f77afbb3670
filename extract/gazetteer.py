"""Find registry names in text: longest-leftmost over every registry, CJK-aware.

Two matchers give the same hits: ``find_names`` (an Aho-Corasick automaton finds every occurrence
of every name in one pass, in Rust; the boundaries below and the leftmost-longest choice are then
applied to those few hundred occurrences) and ``reference_find_names`` (every name searched on its
own, then the same choice; slow and obviously right). The tests hold the first to the second.
The automaton builds in milliseconds; the trie-compiled ``re`` pattern it replaced (``_matcher``,
kept as the benchmarks' yardstick) took 0.7 s to compile in every process.

Rules both follow:

- The text is normalised first (``normalize``): horizontal white space between two CJK
  characters is dropped (PDF text spaces out Chinese words: "跨国 有组织犯罪"), other runs of
  horizontal white space become one space, curly apostrophes and Unicode hyphens become ASCII.
  Chinese words that UN texts use interchangeably inside names are read as one: 受害者 and 被害人
  (victims, as in the Convention's Chinese text) as 受害人 (联合国贩运人口…行为受害人自愿信托基金);
  当局 (authorities) as 机关, the Convention's word (国家主管当局名录 = 国家主管机关名录); each has the
  same length as its reading, so offsets hold.
  Hits are mapped back, so ``text[hit.start:hit.end] == hit.text`` on the caller's text.
  Line breaks are never crossed: joining lines is the layout step's job.
- At each position the longest name wins and the scan resumes after it, so 南苏丹 is never
  苏丹 and 乍得湖 (a "NotEntity") swallows 乍得. NotEntity hits are dropped from the result.
- A name that begins (ends) with a Latin letter or digit must not be preceded (followed) by one,
  in any language: "Niger" is not found in "Nigeria", "EU" not in "EUROPOL". English names are
  case-sensitive ("Chad", not "chad"). CJK characters need no boundary.
- Chinese text is matched against Chinese *and* English names: Chinese UN documents cite
  English titles and acronyms (PROMIS, SHERLOC, UNODC) in their footnotes. English text is
  matched against English names only.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from ahocorasick_rs import AhoCorasick, MatchKind

from unkg.extract.lang import grammar
from unkg.extract.models import Hit
from unkg.ontology.registry import entries

LATIN = "0-9A-Za-z\u00c0-\u024f"  # letters and digits that need a boundary around a name
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_IS_LATIN = re.compile(f"[{LATIN}]")
# White space that is not exactly one ASCII space, or one space between two CJK characters. Every
# alternative starts with a white-space character, which lets ``re`` skip other text quickly.
_SQUEEZE = re.compile(rf"[^\S\n]{{2,}}|[^\S\n ]| (?<=[{CJK}] )(?=[{CJK}])")
_IS_CJK = re.compile(f"[{CJK}]")
_CHARS = {"\u2019": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-",  # same length: offsets hold
          "受害者": "受害人", "被害人": "受害人", "当局": "机关"}
_NOT_AFTER_LATIN = f"(?<![{LATIN}][\\s\\S])"  # placed after a name's first char: no letter before it
_NOT_LATIN_NEXT = f"(?![{LATIN}])"
_CALLOUT = re.compile(rf"\d{{1,3}}{_NOT_LATIN_NEXT}")  # a footnote callout glued to a name (see _end)


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised text and the way back: ``marks[i]`` is a (normalised, original) offset pair
    from which the two texts run in step until the next mark."""

    text: str
    norm_at: tuple[int, ...] = ()
    orig_at: tuple[int, ...] = ()

    def start(self, n: int) -> int:
        """Original offset of the character at normalised offset ``n``."""
        i = bisect.bisect_right(self.norm_at, n) - 1
        return n if i < 0 else self.orig_at[i] + n - self.norm_at[i]

    def end(self, n: int) -> int:
        """Original offset just after the character at normalised offset ``n - 1``."""
        return self.start(n - 1) + 1 if n else 0


def normalize(text: str) -> Normalized:
    """The text both matchers search (see the module's docstring) with its offset map."""
    for odd, plain in _CHARS.items():  # str.replace is much faster than str.translate here
        text = text.replace(odd, plain)
    parts: list[str] = []
    norm_at: list[int] = []
    orig_at: list[int] = []
    last = n = 0
    for m in _SQUEEZE.finditer(text):
        parts.append(text[last:m.start()])
        n += m.start() - last
        if not _between_cjk(text, m.start(), m.end()):
            norm_at.append(n)
            orig_at.append(m.start())  # the one space stands for the whole run
            parts.append(" ")
            n += 1
        norm_at.append(n)
        orig_at.append(m.end())
        last = m.end()
    if not norm_at:
        return Normalized(text)
    parts.append(text[last:])
    return Normalized("".join(parts), tuple(norm_at), tuple(orig_at))


def _between_cjk(text: str, start: int, end: int) -> bool:
    return start > 0 and end < len(text) and bool(_IS_CJK.match(text[start - 1]) and _IS_CJK.match(text[end]))


def normalize_name(name: str) -> str:
    """A registry name as it is searched: normalised like text, without outer spaces."""
    return normalize(name.strip()).text


@cache
def names(lang: str) -> dict[str, tuple[str, str]]:
    """Every searchable name for ``lang`` -> (key, kind). When two entries share a name the
    first registry wins (``name_conflicts`` lists such names; the tests forbid them)."""
    table: dict[str, tuple[str, str]] = {}
    for name, key, kind in _all_names(lang):
        table.setdefault(name, (key, kind))
    return table


def name_conflicts(lang: str) -> dict[str, set[str]]:
    """Names that more than one registry key claims."""
    seen: dict[str, set[str]] = {}
    for name, key, _ in _all_names(lang):
        seen.setdefault(name, set()).add(key)
    return {n: keys for n, keys in seen.items() if len(keys) > 1}


def _all_names(lang: str) -> list[tuple[str, str, str]]:
    searched = grammar(lang).instruments.NAME_LANGUAGES  # zh: Chinese and English names; en: English
    out = []
    for e in entries():
        forms = [form for code in searched for form in getattr(e, f"names_{code}")]
        for form in forms:
            if form.strip():
                out.append((normalize_name(form), e.key, e.kind))
    return out


# -- the yardstick: one pattern compiled from a trie of the names -------------------------

@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    terminal: bool = False


def _trie(words: list[str]) -> _Node:
    root = _Node()
    for w in words:
        node = root
        for ch in w:
            node = node.children.setdefault(ch, _Node())
        node.terminal = True
    return root


def _end(ch: str) -> str:
    """What must follow a name ending in ``ch``: no letter or digit after a Latin one, except that a
    name ending in a letter may carry a footnote callout glued to it, as PDF text layers print
    them ("the Paris Agreement4 to", "Law Enforcement Officials17 and"): 1-3 digits, then no more."""
    if not _IS_LATIN.match(ch):
        return ""
    return _NOT_LATIN_NEXT if ch.isdigit() else f"(?:{_NOT_LATIN_NEXT}|(?=\\d{{1,3}}(?![{LATIN}])))"


def _node_pattern(node: _Node, ch: str) -> str:
    """Pattern for the rest of a name after reaching ``node`` by ``ch``. Children are tried
    before stopping, so the longest name wins; sibling characters are distinct, so at most
    one branch can match and their order does not matter."""
    branches = _branches(node)
    if not branches:
        return _end(ch)
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if not node.terminal:
        return body
    end = _end(ch)
    return f"(?:{body}|{end})" if end else f"(?:{body})?"


def _branches(node: _Node, root: bool = False) -> list[str]:
    leaves: dict[str, list[str]] = {}  # end condition -> characters that end a name there
    out = []
    for ch, child in sorted(node.children.items()):
        guard = _NOT_AFTER_LATIN if root and _IS_LATIN.match(ch) else ""
        if not child.children and not root:
            leaves.setdefault(_end(ch), []).append(ch)
        else:
            out.append(re.escape(ch) + guard + _node_pattern(child, ch))
    for end, chars in leaves.items():  # one character class per end condition: a flatter pattern
        cls = re.escape(chars[0]) if len(chars) == 1 else "[" + "".join(map(_class_char, chars)) + "]"
        out.append(cls + end)
    return out


def _class_char(ch: str) -> str:
    return "\\" + ch if ch in "\\]^-[" else ch


@cache
def _matcher(lang: str) -> re.Pattern[str]:
    """The trie-compiled pattern for ``lang``: the same hits as ``scan`` (the tests hold them
    equal), kept as the benchmarks' yardstick (one pass of it over a text)."""
    branches = _branches(_trie(list(names(lang))), root=True)
    return re.compile("(?:" + "|".join(branches) + ")" if branches else "(?!)")


_LATIN_CHARS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                         + "".join(map(chr, range(0xC0, 0x250))))  # the characters of LATIN
_LETTER, _DIGIT = 1, 2  # how a name ends, for its end boundary (0: no boundary, not Latin)


@cache
def _automaton(lang: str) -> tuple[list[str], AhoCorasick | None, list[tuple[bool, int]]]:
    """The names for ``lang``, an automaton that finds all their occurrences (overlapping), and
    for each name whether its first character is Latin and how its last one ends it."""
    words = list(names(lang))
    edges = [(w[0] in _LATIN_CHARS, 0 if w[-1] not in _LATIN_CHARS else _DIGIT if w[-1].isdigit() else _LETTER)
             for w in words]
    return words, (AhoCorasick(words, matchkind=MatchKind.Standard) if words else None), edges


def _matches(t: str, lang: str) -> list[tuple[int, int, str]]:
    """(start, end, name) leftmost-longest among the occurrences that keep their boundaries: what
    the trie pattern of ``_matcher`` finds. Its rules, checked inline (a call per occurrence would
    cost more than finding them): no letter or digit before a Latin first character; none after a
    Latin last one, but a name ending in a letter may carry a footnote callout (``_end``)."""
    words, automaton, edges = _automaton(lang)
    if automaton is None:
        return []
    n, found = len(t), []
    for i, s, e in automaton.find_matches_as_indexes(t, overlapping=True):
        first, last = edges[i]
        if first and s and t[s - 1] in _LATIN_CHARS:
            continue
        if last and e < n and t[e] in _LATIN_CHARS and (last == _DIGIT or _CALLOUT.match(t, e) is None):
            continue
        found.append((s, -e, i))
    found.sort()
    out, last_end = [], 0
    for start, neg_end, i in found:
        if start >= last_end:
            out.append((start, -neg_end, words[i]))
            last_end = -neg_end
    return out


def scan(text: str, lang: str) -> list[Hit]:
    """Every name found, NotEntity hits included (they explain why a span produced nothing)."""
    norm = normalize(text)
    table = names(lang)
    return [_hit(text, norm, s, e, *table[name]) for s, e, name in _matches(norm.text, lang)]


def warm() -> None:
    """Build both languages' matchers now (a worker process does it before its first document,
    so a document's time limit measures the document, not the start of its process)."""
    for lang in ("zh", "en"):
        find_names("联合国 United Nations", lang)


def find_names(text: str, lang: str) -> list[Hit]:
    """Registry names in ``text`` (``lang`` "zh" or "en"), leftmost-longest, in text order;
    names of things that are not entities (乍得湖, Gulf of Mexico) consume their span and are
    left out."""
    return [h for h in scan(text, lang) if h.kind != "NotEntity"]


def _hit(text: str, norm: Normalized, s: int, e: int, key: str, kind: str) -> Hit:
    start, end = norm.start(s), norm.end(e)
    return Hit(start=start, end=end, text=text[start:end], key=key, kind=kind)


# -- the reference matcher: plain and slow --------------------------------------------------

def reference_scan(text: str, lang: str) -> list[Hit]:
    """``scan`` done the obvious way: find every occurrence of every name, keep those with
    their boundaries, then take the leftmost, longest, non-overlapping ones."""
    norm = normalize(text)
    table = names(lang)
    return [_hit(text, norm, s, e, *table[name]) for s, e, name in longest_matches(norm.text, table)]


def longest_matches(t: str, words: Iterable[str]) -> list[tuple[int, int, str]]:
    """(start, end, word) of the occurrences of ``words`` in the normalised text ``t`` that keep
    their boundaries, leftmost-longest and not overlapping: the one choice both matchers make."""
    found = []
    for word in words:
        i = t.find(word)
        while i >= 0:
            if _bounded(t, i, i + len(word)):
                found.append((i, -len(word), word))
            i = t.find(word, i + 1)
    out, last_end = [], 0
    for start, neg_len, word in sorted(found):
        if start >= last_end:
            out.append((start, start - neg_len, word))
            last_end = start - neg_len
    return out


def reference_find_names(text: str, lang: str) -> list[Hit]:
    """``find_names`` done the obvious way; the tests hold the fast matcher to it."""
    return [h for h in reference_scan(text, lang) if h.kind != "NotEntity"]


def _bounded(t: str, start: int, end: int) -> bool:
    def latin(i: int) -> bool:
        return 0 <= i < len(t) and bool(_IS_LATIN.match(t[i]))
    return not (latin(start) and latin(start - 1)) and not (latin(end - 1) and latin(end))
