"""The language layer holds to one interface: every part exposes the same public names, with the
same kinds and call signatures, in Chinese and in English; nothing outside it branches on the
language."""
from __future__ import annotations

import inspect
import re
import subprocess
import types
from pathlib import Path

import pytest

from unkg.extract.lang import LANGS, PARTS, grammar

ROOT = Path(__file__).resolve().parents[1]


def _public(module: types.ModuleType) -> dict[str, object]:
    """A part's interface: its constants and the functions and classes it defines (a helper it
    imports from elsewhere is not part of it)."""
    out = {}
    for name, value in vars(module).items():
        if name.startswith("_") or name == "annotations" or isinstance(value, types.ModuleType):
            continue
        if (inspect.isfunction(value) or inspect.isclass(value)) and value.__module__ != module.__name__:
            continue
        out[name] = value
    return out


def _kind(value: object) -> str:
    if inspect.isfunction(value) or hasattr(value, "__wrapped__"):
        return "function"
    if isinstance(value, re.Pattern):
        return "pattern"
    return type(value).__name__


@pytest.mark.parametrize("part", PARTS)
def test_every_part_has_the_same_names_in_both_languages(part: str) -> None:
    zh, en = (_public(getattr(grammar(code), part)) for code in LANGS)
    assert sorted(set(zh) - set(en)) == [] and sorted(set(en) - set(zh)) == [], part
    for name in zh:
        assert _kind(zh[name]) == _kind(en[name]), f"{part}.{name}"


@pytest.mark.parametrize("part", PARTS)
def test_functions_take_the_same_parameters(part: str) -> None:
    zh, en = (_public(getattr(grammar(code), part)) for code in LANGS)
    for name, fn in zh.items():
        if callable(fn) and not inspect.isclass(fn):
            a = list(inspect.signature(fn).parameters)
            b = list(inspect.signature(en[name]).parameters)
            assert a == b, f"{part}.{name}: {a} vs {b}"


def test_grammar_is_one_object_per_language() -> None:
    assert grammar("zh") is grammar("zh") and grammar("zh").code == "zh"
    assert grammar("en").code == "en" and grammar("fr").code == "en"


def test_nothing_outside_the_language_layer_branches_on_the_language() -> None:
    found = subprocess.run(["grep", "-rnE", r'lang == "zh"|lang == "en"|_ZH\b|_EN\b', "extract", "graph", "unkg"],
                           cwd=ROOT, capture_output=True, text=True).stdout.splitlines()
    assert [f for f in found if not f.startswith("extract/lang/")] == []


# -- look-aheads that let a scan skip ahead (text.initials) ----------------------------------

def _scanned_with_initials():
    from unkg.extract import symbols
    from unkg.extract.text import initials

    zh, en = grammar("zh"), grammar("en")
    a = en.actors  # persons.py's title pattern, built per call there
    title = re.compile(rf"{initials(*a.TITLES_LATIN)}\b(?P<title>{a.TITLE_LATIN}(?:[ \u00a0]+{a.TITLE_LATIN})*)"
                       rf"[ \u00a0]+(?P<name>{a.NAME})")
    return {"SYMBOL": symbols.SYMBOL, "zh ARTICLE": zh.provisions.ARTICLE, "zh ANAPHOR": zh.provisions.ANAPHOR,
            "zh OPENER": zh.resolutions.OPENER, "en OPENER": en.resolutions.OPENER,
            "zh BODY_NOUN": zh.actors.BODY_NOUN, "en BODY_NOUN": en.actors.BODY_NOUN, "title": title}


_LOOKAHEAD = re.compile(r"^\s*\(\?=\[(?:\\.|[^\]\\])*\]\)")


def _corpus_texts() -> list[str]:
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures").glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    # every opening the patterns know, glued to text and after a word, at a text's start and end
    probes = ["该条第3款", "同条第2款", "第18条", "本公约", "《议定书》", "上述议定书", "这项指令", "大会，回顾",
              "经济及社会理事会，", "The General Assembly,\nRecalling", "“Conference of the Parties,", "the Conference",
              "The Working Group", "H.E. Mr. Ali Khan", "Lieutenant Colonel A. Smith", "A/76/642–S/2022/123",
              "E/CN.15/2021/17", "载于E/CN.15/2019/5", "工作组", "本委员会"]
    return texts + probes + ["x" + p + "y" for p in probes] + [" ".join(probes)]


@pytest.mark.parametrize("name", sorted(_scanned_with_initials()))
def test_a_look_ahead_on_initials_changes_no_match(name):
    """A pattern given a look-ahead on its first characters finds what it finds without one."""
    pattern = _scanned_with_initials()[name]
    assert _LOOKAHEAD.match(pattern.pattern), "the pattern opens with its look-ahead"
    plain = re.compile(_LOOKAHEAD.sub("", pattern.pattern, count=1), pattern.flags)
    for text in _corpus_texts():
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
