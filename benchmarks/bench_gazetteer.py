"""Throughput of the gazetteer's matchers, in MB/s of UTF-8 text.

The seed documents are repeated to about ``--mb`` megabytes and searched with the fast matcher
(``scan``: an Aho-Corasick automaton, then the boundaries), with the trie-compiled ``re``
pattern it replaced, and with alternatives on a slice of it: the
reference matcher (every name searched on its own), a plain ``re`` alternation of the names
sorted longest first, and pyahocorasick when it is installed. Also checks that the fast matcher
and the reference agree on the slice.

    .venv/bin/python benchmarks/bench_gazetteer.py [--mb 50] [--slice-mb 1] [--lang en]
"""
from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from pathlib import Path

from unkg.extract import gazetteer
from unkg.extract.gazetteer import names, normalize, reference_scan, scan
from unkg.ontology.registry import entries

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def corpus(mb: float, lang: str = "zh") -> str:
    """The seeds' text (Chinese) or the registries' English examples, repeated to about ``mb``
    megabytes of UTF-8."""
    if lang == "zh":
        text = "\n".join(p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt")))
    else:
        text = "\n".join(x for e in entries() for x in e.examples.get("en", []))
    size = len(text.encode("utf-8"))
    return text * max(1, round(mb * 1e6 / size))


def timed(label: str, fn: Callable[[], object], text: str) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    mb = len(text.encode("utf-8")) / 1e6
    print(f"{label:<50} {mb:7.1f} MB {seconds:8.2f} s {mb / seconds:8.1f} MB/s")
    return seconds, result


def plain_alternation(lang: str) -> Callable[[str], list[str]]:
    """Names longest first in one alternation (leftmost-longest because longer names come first)."""
    latin = gazetteer.LATIN
    alts = sorted(names(lang), key=len, reverse=True)
    pattern = re.compile("|".join(
        (f"(?<![{latin}])" if re.match(f"[{latin}]", n) else "") + re.escape(n)
        + (f"(?![{latin}])" if re.match(f"[{latin}]", n[-1]) else "") for n in alts))
    return lambda t: pattern.findall(normalize(t).text)


def ahocorasick_longest(lang: str) -> Callable[[str], list]:
    import ahocorasick  # optional: only measured when installed
    automaton = ahocorasick.Automaton()
    for n in names(lang):
        automaton.add_word(n, n)
    automaton.make_automaton()
    return lambda t: list(automaton.iter_long(normalize(t).text))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=50.0, help="size of the full corpus (default 50)")
    ap.add_argument("--slice-mb", type=float, default=1.0, help="size for the slow matchers (default 1)")
    ap.add_argument("--lang", choices=["zh", "en"], default="zh",
                    help="zh: the seeds; en: the registries' English examples (default zh)")
    args = ap.parse_args()
    lang = args.lang
    start = time.perf_counter()
    gazetteer._automaton(lang)
    print(f"{len(names(lang))} names ({lang}); automaton built in {time.perf_counter() - start:.3f} s")
    start = time.perf_counter()
    gazetteer._matcher(lang)
    print(f"trie-compiled re pattern compiled in {time.perf_counter() - start:.2f} s")

    text = corpus(args.mb, lang)
    _, hits = timed("fast: Aho-Corasick + boundaries (scan)", lambda: scan(text, lang), text)
    print(f"{'':<50} {len(hits):,} hits")

    norm = normalize(text).text
    pattern = gazetteer._matcher(lang)
    timed("the trie-compiled re pattern alone (finditer)", lambda: sum(1 for _ in pattern.finditer(norm)), text)
    timed("  of which: normalising the text", lambda: normalize(text), text)

    part = corpus(args.slice_mb, lang)
    _, fast = timed("fast on the slice", lambda: scan(part, lang), part)
    _, ref = timed("reference (each name on its own)", lambda: reference_scan(part, lang), part)
    print(f"{'':<50} fast == reference: {fast == ref}")
    alternation = plain_alternation(lang)
    timed("plain alternation, longest first", lambda: alternation(part), part)
    try:
        aho = ahocorasick_longest(lang)
    except ImportError:
        print("pyahocorasick not installed: skipped")
    else:
        # no Latin word boundaries and no Hit objects: a lower bound on what it would cost
        timed("pyahocorasick iter_long (no boundaries, no hits)", lambda: aho(part), part)


if __name__ == "__main__":
    main()
