"""The held-out sets: ``tests/heldout`` (six documents of kinds the seeds lack), ``tests/heldout2``
(four more, written after the first set's fixes) and ``tests/heldout3`` (six of kinds and formats not
covered before: DOCX, a PDF with page-bottom footnotes, HTML, a joint-symbol Commission report, a
resolution with a numbered annex, a conference room paper), in both languages, each with answer keys
written before unkg was run on it. The scorer runs as the evaluation does, through the CLI in a
subprocess; the macro F1 must stay at the level reached (0.995, 0.994 and 1.000 when this test was
last changed; heldout3 scored 0.931 on its first run) less a small margin, so a regression in any
category shows."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
HERE = TESTS / "heldout"  # also holds the vendored scorer
SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"
CLI = f"{sys.executable} -m unkg"
MACRO_F1 = 0.97  # reached 0.995 (heldout), 0.994 (heldout2) and 1.000 (heldout3)
FIELDS = 0.95  # document fields: reached 1.00
STRENGTH = 0.95  # recommendation strength: reached 1.00


@pytest.fixture(scope="module", params=["heldout", "heldout2", "heldout3"])
def scores(request, tmp_path_factory) -> dict:
    folder = TESTS / request.param
    out = tmp_path_factory.mktemp(request.param) / "scores.json"
    proc = subprocess.run([sys.executable, str(HERE / "score.py"), "--docs", str(folder / "docs"),
                           "--gold", str(folder / "gold"), "--cli", CLI, "--json", str(out), "-v"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    print(proc.stdout)  # the table, misses and extras, shown when a test fails
    return json.loads(out.read_text())


def test_macro_f1_holds(scores) -> None:
    assert scores["macro_f1"] >= MACRO_F1


def test_document_fields_and_strengths_hold(scores) -> None:
    assert scores["fields"] >= FIELDS and scores["strength"] >= STRENGTH


@pytest.mark.parametrize("category", ["states", "participants", "persons", "organizations", "instruments",
                                      "citations", "resolutions", "symbols", "recommendations"])
def test_no_category_falls_far(scores, category) -> None:
    assert scores[category]["f"] >= 0.9


def test_the_vendored_scorer_is_the_shared_one() -> None:
    if not SHARED.is_dir():
        pytest.skip("no ../shared/eval beside this clone")
    for name in ("score.py", "entities.json"):
        assert (HERE / name).read_bytes() == (SHARED / name).read_bytes(), f"refresh tests/heldout/{name}"
