"""The language layer: every word list, pattern and rule that differs between Chinese and English.

A ``Grammar`` bundles one language's parts. Each part is a module under ``lang/zh/`` and
``lang/en/`` of the same name exposing the same public names (tests/test_lang.py holds the two
to one interface), so a finder asks ``grammar.actors.SPEAK`` or ``grammar.sentences.spans(text)``
and never branches on the language itself.

Parts: sentences (boundaries, clause starts), numerals, provisions (article/paragraph grammar
and anaphors), actors (titles, roles, attendance and speaker cues, organisation-name shapes),
recommendations (clause verbs, modals, addressees), resolutions (resolution/decision phrases),
metadata (title-page words, dates), instruments (titles in quotes or 《》, instrument anaphors),
topics (cue words).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import import_module
from types import ModuleType
from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
PARTS = ("sentences", "numerals", "provisions", "actors", "recommendations", "resolutions",
         "metadata", "instruments", "topics")


@dataclass(frozen=True)
class Grammar:
    code: Lang
    sentences: ModuleType
    numerals: ModuleType
    provisions: ModuleType
    actors: ModuleType
    recommendations: ModuleType
    resolutions: ModuleType
    metadata: ModuleType
    instruments: ModuleType
    topics: ModuleType


@cache
def grammar(code: str) -> Grammar:
    """The grammar of ``code`` ("zh" or "en"); any other code reads as English."""
    lang: Lang = "zh" if code == "zh" else "en"
    parts = {p: import_module(f"{__name__}.{lang}.{p}") for p in PARTS}
    return Grammar(code=lang, **parts)
