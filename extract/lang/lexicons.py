"""Cue-word lexicons: the vocabulary of the language layer kept as data in ``ontology/lexicons/``.

Each lexicon is a JSON file checked against its JSON Schema in ``ontology/schemas/`` by
tests/test_lexicons.py, and read here once into frozen records:

- ``strength.json``: the words that give a recommendation its strength (``Cue``), per language,
  each with the regular expression that finds it and example phrases. The tests run every
  example through ``unkg.extract.directives.directive``, so the data cannot drift from the code.
- ``topics.json``: the topic tagging rules (``TopicRule``), theme by theme.

Only vocabulary lives in the data; how it is matched (word boundaries, case, the clause shapes
around a cue) is grammar and stays in ``lang/zh`` and ``lang/en``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal, get_args

from ..models import Strength

STRENGTHS: tuple[Strength, ...] = get_args(Strength)
# A verb opens its text ("Requests the Secretariat"); a modal follows its subject ("States should");
# a statement of importance ("…is essential") is "should" for a text with no modal of its own.
CueKind = Literal["verb", "modal", "importance"]
CUE_KINDS: tuple[CueKind, ...] = get_args(CueKind)


@dataclass(frozen=True, slots=True)
class Cue:
    """Words in ``lang`` that, as a ``kind`` of cue, make a text's strength ``strength``."""

    lang: str
    kind: CueKind
    strength: Strength
    words: tuple[str, ...]  # the cue words, as a reader looks them up
    pattern: str  # the regular expression that finds them, with the exceptions in ``note``
    examples: tuple[str, ...]  # phrases worded with the cue: directive() gives them ``strength``
    note: str = ""


@dataclass(frozen=True, slots=True)
class TopicRule:
    """One tagging rule: ``pattern`` in ``lang`` text means ``topic``, because ``reason``."""

    topic: str
    lang: str
    pattern: str
    reason: str
    examples: tuple[str, ...]


def load(name: str) -> dict:
    """The raw JSON of lexicon ``name`` (``ontology/lexicons/<name>.json``)."""
    path = resources.files("unkg.ontology").joinpath(f"lexicons/{name}.json")
    return json.loads(path.read_text(encoding="utf-8"))


def _cue(raw: dict) -> Cue:
    if raw["strength"] not in STRENGTHS or raw["kind"] not in CUE_KINDS:
        raise ValueError(f"strength lexicon: unknown strength or kind in {raw!r}")
    return Cue(lang=raw["lang"], kind=raw["kind"], strength=raw["strength"], words=tuple(raw["words"]),
               pattern=raw["pattern"], examples=tuple(raw["examples"]), note=raw.get("note", ""))


@cache
def strength_cues() -> tuple[Cue, ...]:
    """Every strength cue, in the lexicon's order (the order verbs are tried in)."""
    data = load("strength")
    if tuple(data["scale"]) != STRENGTHS:
        raise ValueError("strength lexicon: its scale is not unkg's Strength scale")
    return tuple(_cue(raw) for raw in data["cues"])


def cues(lang: str, kind: CueKind) -> tuple[Cue, ...]:
    """The strength cues of one kind in one language, in the lexicon's order."""
    return tuple(c for c in strength_cues() if c.lang == lang and c.kind == kind)


@cache
def topic_rules() -> tuple[TopicRule, ...]:
    """Every topic rule, theme by theme (Chinese, then English), in the order tags are reported."""
    return tuple(TopicRule(t["topic"], lang, r["pattern"], r["reason"], tuple(r["examples"]))
                 for t in load("topics")["topics"] for lang in ("zh", "en") for r in t.get(lang, ()))


def rules_of(lang: str) -> tuple[TopicRule, ...]:
    """The topic rules of one language, in order."""
    return tuple(r for r in topic_rules() if r.lang == lang)
