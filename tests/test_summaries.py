"""The summary graph (graph/rdf/summaries.py): shipped queries match their packing, and rows keep
their language tags, datatypes and unbound values."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from pyoxigraph import QueryResultsFormat

from unkg.graph.query import execute, named_queries
from unkg.graph.rdf import store, summaries

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sum") / "seeds.trig"
    done = subprocess.run([sys.executable, "-m", "unkg", "build", str(ROOT / "seeds"), "--out", str(out), "--quiet"],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return out


@pytest.mark.parametrize("name", sorted(summaries.SPECS))
def test_the_shipped_query_is_the_one_its_packing_reads(name):
    assert named_queries()[name] == summaries.reading(name)  # regenerate: Path(...).write_text(reading(name))


@pytest.mark.parametrize("name", sorted(summaries.SPECS))
def test_rows_read_back_are_the_computed_rows_as_json(seeds, name):
    """Not only the strings: each term's language tag and datatype, and which are unbound."""
    graph = store.load(seeds)

    def answer(text: str) -> list:
        buf = io.BytesIO()
        execute(graph, text).serialize(buf, format=QueryResultsFormat.JSON)
        rows = json.loads(buf.getvalue())["results"]["bindings"]
        return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in rows)

    read, computed = answer(named_queries()[name]), answer(summaries.full_text(name))
    assert read == computed and read
