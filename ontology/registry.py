"""Reference data: States, organisations, instruments, initiatives and non-entities.

Each registry is a JSON file in ``registries/`` holding ``{"source": ..., "licence": ...,
"entries": [...]}``. An entry:

    {
      "key": "UNODC",                      # stable, language-independent (ISO alpha-3 for States)
      "kind": "Organization",              # State | Organization | Instrument | Initiative | NotEntity
      "type": "un-entity",                 # finer type (un-organ, igo, process, network, treaty...)
      "label_en": "United Nations Office on Drugs and Crime",
      "label_zh": "联合国毒品和犯罪问题办公室",
      "names_en": ["United Nations Office on Drugs and Crime", "UNODC"],   # every form matched
      "names_zh": ["联合国毒品和犯罪问题办公室", "毒品和犯罪问题办公室", "毒品和犯罪问题办事处"],
      "acronym_en": "UNODC", "acronym_zh": null,
      "codes": {"iso3": "ITA", "iso2": "IT", "m49": "380", "untc": "XVIII-12-b"},  # as applicable
      "parent": "UN",                      # org:subOrganizationOf / unkg:supplements (registry key)
      "sources": ["https://..."],
      "examples": {"zh": ["sentence containing a name"], "en": ["..."]}
    }

English names are matched case-sensitively on word boundaries (so "Chad" is not "chad");
Chinese names anywhere. "NotEntity" entries (乍得湖, Lake Chad, Gulf of Mexico...) exist only to
be matched as the longest name and produce nothing.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

REGISTRIES = ("states", "organizations", "instruments", "initiatives", "non_entities")


@dataclass(frozen=True)
class Entry:
    key: str
    kind: str
    label_en: str
    label_zh: str | None = None
    type: str | None = None
    names_en: tuple[str, ...] = ()
    names_zh: tuple[str, ...] = ()
    acronym_en: str | None = None
    acronym_zh: str | None = None
    codes: dict = field(default_factory=dict, hash=False, compare=False)
    parent: str | None = None
    sources: tuple[str, ...] = ()
    examples: dict = field(default_factory=dict, hash=False, compare=False)

    def names(self, lang: str) -> tuple[str, ...]:
        return self.names_zh if lang == "zh" else self.names_en


def _entry(raw: dict) -> Entry:
    return Entry(
        key=raw["key"], kind=raw["kind"], label_en=raw["label_en"], label_zh=raw.get("label_zh"),
        type=raw.get("type"), names_en=tuple(raw.get("names_en", ())),
        names_zh=tuple(raw.get("names_zh", ())), acronym_en=raw.get("acronym_en"),
        acronym_zh=raw.get("acronym_zh"), codes=dict(raw.get("codes", {})), parent=raw.get("parent"),
        sources=tuple(raw.get("sources", ())), examples=dict(raw.get("examples", {})),
    )


def load_file(name: str) -> tuple[Entry, ...]:
    """The entries of one registry file (``states``, ``organizations``...); () if absent."""
    path = resources.files("unkg.ontology") / "registries" / f"{name}.json"
    if not path.is_file():
        return ()
    return tuple(_entry(e) for e in json.loads(path.read_text("utf-8"))["entries"])


@cache
def entries() -> tuple[Entry, ...]:
    """Every entry of every registry."""
    return tuple(e for name in REGISTRIES for e in load_file(name))


@cache
def by_key() -> dict[str, Entry]:
    """Entries by key. Keys are unique across registries (a test checks it)."""
    return {e.key: e for e in entries()}


def lookup(key: str) -> Entry | None:
    return by_key().get(key)
