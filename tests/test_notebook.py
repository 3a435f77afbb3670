"""notebooks/explore.ipynb runs from top to bottom in a fresh kernel, as a researcher would run it."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "explore.ipynb"


def outputs(nb, kind: str) -> list[str]:
    return [str(o.get("data", {}).get(kind, "")) for c in nb.cells if c.cell_type == "code"
            for o in c.outputs if kind in o.get("data", {})]


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    out = tmp_path_factory.mktemp("notebook")
    mp = pytest.MonkeyPatch()
    mp.setenv("UNKG_NOTEBOOK_OUT", str(out))  # the kernel inherits it: nothing written in the repo
    nb = nbformat.read(NOTEBOOK, as_version=4)
    try:
        NotebookClient(nb, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    finally:
        mp.undo()
    return nb, out


def test_notebook_runs_and_writes_its_results(executed):
    nb, out = executed
    assert {p.name for p in out.iterdir()} >= {"seeds.trig", "seeds.html", "ita.html", "most-cited.png"}
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors


def test_notebook_shows_the_view_chart_and_tables(executed):
    nb, _ = executed
    frames = [h for h in outputs(nb, "text/html") if "<iframe" in h]
    assert len(frames) == 2 and all('sandbox="allow-scripts"' in f and "vis.Network" in f for f in frames)
    assert len(outputs(nb, "image/png")) == 1
    text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    for heading in ("instrument_key", "provision", "paragraphs  instruments", "mentions  documents"):
        assert heading in text
    assert "Warning" not in text
