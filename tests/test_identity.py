"""No document lost: a document without a symbol is named by its path relative to the build
root, never by its base name alone; inputs that still map to one graph are a line each."""
import csv
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graph.rdf import iris
from graph.rdf.keys import file_keys

ROOT = Path(__file__).resolve().parent.parent
ZH = "偷运移民问题工作组\n\n1. 意大利和墨西哥的代表作了发言。\n"
EN = "Working Group on the Smuggling of Migrants\n\n1. The representatives of Italy and Mexico made statements.\n"


def unkg(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "unkg", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, **kw)


def documents(target: Path) -> list[dict]:
    out = unkg("query", target, "--name", "documents", "--format", "csv")
    assert out.returncode == 0, out.stderr
    return list(csv.DictReader(io.StringIO(out.stdout)))


def files(folder: Path, texts: dict[str, str]) -> Path:
    for name, text in texts.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, "utf-8")
    return folder


def test_file_keys_keep_plain_names_and_part_the_ones_that_clash():
    assert file_keys({"/x/report.txt": "report.txt"}) == {"/x/report.txt": "report"}
    assert file_keys({"a": "zh/report.txt", "b": "en/report.txt"}) == {"a": "zh/report", "b": "en/report"}
    assert file_keys({"a": "notes.txt", "b": "notes.html"}) == {"a": "notes.txt", "b": "notes.html"}
    spaced = file_keys({"a": "a b.txt", "b": "a_b.txt"})
    assert len({str(iris.Doc(k)) for k in spaced.values()}) == 2
    taken = {str(iris.Doc("notes")): {"notes.txt"}}  # built before from another file
    assert file_keys({"b": "notes.html"}, taken) == {"b": "notes.html"}
    assert file_keys({"a": "notes.txt"}, taken) == {"a": "notes"}  # its own: kept


@pytest.mark.parametrize("texts, keys", [
    ({"zh/report.txt": ZH, "en/report.txt": EN}, {"zh/report", "en/report"}),
    ({"zh/report.txt": ZH, "en/report.txt": ZH}, {"zh/report", "en/report"}),
    ({"notes.txt": ZH, "notes.html": f"<html><body><p>{ZH}</p></body></html>"}, {"notes.txt", "notes.html"}),
])
def test_same_base_names_each_get_their_own_graph(tmp_path, texts, keys):
    folder = files(tmp_path / "in", texts)
    out = tmp_path / "g.trig"
    result = unkg("build", folder, "--out", out)
    assert result.returncode == 0 and f"built {len(texts)} of {len(texts)}" in result.stderr, result.stderr
    assert {d["doc"] for d in documents(out)} == keys


def test_names_equal_once_normalised_each_get_their_own_graph(tmp_path):
    folder = files(tmp_path / "in", {"a b.txt": ZH, "a_b.txt": ZH})
    out = tmp_path / "g.trig"
    assert unkg("build", folder, "--out", out).returncode == 0
    docs = documents(out)
    assert len(docs) == 2 and {d["file"] for d in docs} == {"a b", "a_b"}


def test_a_later_build_of_a_clashing_name_keeps_the_first_and_a_rebuild_changes_only_its_own(tmp_path):
    folder = files(tmp_path / "in", {"notes.txt": ZH, "notes.html": f"<html><body><p>{EN}</p></body></html>"})
    where = tmp_path / "s.store"
    assert unkg("build", folder / "notes.txt", "--store", where).returncode == 0
    assert unkg("build", folder / "notes.html", "--store", where).returncode == 0
    first = {d["doc"]: d for d in documents(where)}
    assert set(first) == {"notes", "notes.html"}
    (folder / "notes.txt").write_text(ZH.replace("意大利和", ""), "utf-8")
    assert unkg("build", folder / "notes.txt", "--store", where).returncode == 0
    second = {d["doc"]: d for d in documents(where)}
    assert set(second) == set(first) and second["notes.html"] == first["notes.html"]


def test_two_inputs_on_one_graph_are_a_line_each_and_exit_1(tmp_path):
    symbol = "CTOC/COP/WG.7/2022/3\n\n"
    folder = files(tmp_path / "in", {"one.txt": symbol + ZH, "two.txt": symbol + ZH, "other.txt": ZH})
    out = tmp_path / "g.trig"
    result = unkg("build", folder, "--out", out)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = [ln for ln in result.stderr.splitlines() if "same graph" in ln]
    assert len(lines) == 2 and any("one.txt" in ln and "two.txt" in ln for ln in lines)
    assert "built 2 of 3 documents" in result.stderr  # graphs actually written
    assert {d["file"] for d in documents(out)} == {"one", "other"}


NO_OVERRIDE = ["setpriv", "--inh-caps=-dac_override,-dac_read_search",
               "--bounding-set=-dac_override,-dac_read_search", "--"]


def as_a_user(args: list) -> subprocess.CompletedProcess:
    """Run unkg so that file permissions apply: root reads every folder, so as root the
    capabilities that bypass them are dropped (util-linux setpriv), for real."""
    prefix = NO_OVERRIDE if os.geteuid() == 0 else []
    if prefix and not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: permissions cannot apply")
    return subprocess.run([*prefix, sys.executable, "-m", "unkg", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT)


def test_an_unreadable_folder_is_a_line_not_a_skip(tmp_path):
    folder = files(tmp_path / "in", {"ok.txt": ZH, "locked/hidden.txt": ZH})
    os.chmod(folder / "locked", 0)
    try:
        result = as_a_user(["build", folder, "--out", tmp_path / "g.trig"])
    finally:
        os.chmod(folder / "locked", 0o755)
    assert result.returncode == 1, result.stderr
    assert "locked" in result.stderr and "folder not readable" in result.stderr
    assert "built 1 of 1 documents" in result.stderr and "Traceback" not in result.stderr
