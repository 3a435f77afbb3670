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
