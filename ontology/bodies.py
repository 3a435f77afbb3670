"""The bodies whose meetings and documents unkg reads, as data (``ontology/bodies.json``).

One key system everywhere: a body is its registry key (``UNGA``, ``WG-SOM``, ``COP-Bureau``);
``series`` is only the word resolution keys print ("GA resolution 76/186"), and
``by_series("GA")`` turns it back into the body. The registry holds names and parents; this
table holds what the extractors need to know about a body beyond its names.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Body:
    key: str
    symbol_prefixes: tuple[str, ...]
    self_names_zh: tuple[str, ...]
    self_names_en: tuple[str, ...]
    serviced_by_unodc: bool
    series: str | None = None
    main_instrument: str | None = None
    bureau: str | None = None

    def self_names(self, lang: str) -> tuple[str, ...]:
        return self.self_names_zh if lang == "zh" else self.self_names_en


def raw() -> dict:
    """The file as stored (for the schema test)."""
    return json.loads(resources.files(__package__).joinpath("bodies.json").read_text(encoding="utf-8"))


@cache
def bodies() -> tuple[Body, ...]:
    return tuple(Body(key=b["key"], symbol_prefixes=tuple(b["symbol_prefixes"]),
                      self_names_zh=tuple(b["self_names"]["zh"]), self_names_en=tuple(b["self_names"]["en"]),
                      serviced_by_unodc=b["serviced_by_unodc"], series=b.get("series"),
                      main_instrument=b.get("main_instrument"), bureau=b.get("bureau"))
                 for b in raw()["bodies"])


@cache
def _by_key() -> dict[str, Body]:
    return {b.key: b for b in bodies()}


def body(key: str | None) -> Body | None:
    return _by_key().get(key or "")


def keys() -> tuple[str, ...]:
    """Every body that holds meetings and issues documents, in the file's order."""
    return tuple(b.key for b in bodies())


@cache
def by_series(series: str) -> Body | None:
    """The body of a resolution key's word: "GA" -> UNGA, "COP" -> COP."""
    return next((b for b in bodies() if b.series == series), None)


def of_symbol(symbol: str | None) -> Body | None:
    """The body whose document series ``symbol`` belongs to, by the longest matching prefix."""
    if not symbol:
        return None
    found = [(len(p), b) for b in bodies() for p in b.symbol_prefixes if symbol.startswith(p)]
    return max(found, key=lambda x: x[0])[1] if found else None
