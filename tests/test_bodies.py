"""ontology/bodies.json: valid against its schema, consistent with the registry and the treaties."""
from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from unkg.ontology import bodies, registry, treaties


def _schema() -> dict:
    return json.loads(resources.files("unkg.ontology").joinpath("schemas/bodies.schema.json").read_text("utf-8"))


def test_the_file_holds_to_its_schema() -> None:
    jsonschema.validate(bodies.raw(), _schema())


def test_the_schema_refuses_a_broken_entry() -> None:
    broken = {"bodies": [{"key": "COP", "symbol_prefixes": ["CTOC/COP"], "self_names": {"zh": []},
                          "serviced_by_unodc": "yes"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, _schema())


def test_every_body_bureau_and_instrument_is_known() -> None:
    for b in bodies.bodies():
        assert registry.lookup(b.key), b.key
        assert b.bureau is None or registry.lookup(b.bureau), b.bureau
        assert b.main_instrument is None or b.main_instrument in {t.key for t in treaties.treaties()} \
            or registry.lookup(b.main_instrument), b.main_instrument


def test_keys_and_series_are_unique() -> None:
    keys = [b.key for b in bodies.bodies()]
    series = [b.series for b in bodies.bodies() if b.series]
    assert len(keys) == len(set(keys)) and len(series) == len(set(series))


@pytest.mark.parametrize("symbol, key", [
    ("CTOC/COP/WG.7/2022/3", "WG-SOM"), ("CTOC/COP/2020/10", "COP"), ("CAC/COSP/IRG/2023/2", "IRG"),
    ("E/CN.15/2022/14", "CCPCJ"), ("A/RES/76/186", "UNGA"), ("S/RES/2598 (2021)", "UNSC"),
    ("A/HRC/RES/48/1", "HRC"), ("A/76/642", None), ("X/1", None)])
def test_a_symbol_names_its_body_by_the_longest_prefix(symbol: str, key: str | None) -> None:
    found = bodies.of_symbol(symbol)
    assert (found.key if found else None) == key


def test_a_resolution_series_is_its_body() -> None:
    assert bodies.by_series("GA").key == "UNGA" and bodies.by_series("SC").key == "UNSC"
    assert bodies.by_series("COP").key == "COP" and bodies.by_series("XX") is None
