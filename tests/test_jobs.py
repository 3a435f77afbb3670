"""`unkg build --jobs N`: extraction in N processes gives the same output as in one, byte for
byte once sorted, errors and duplicate-graph lines included."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def unkg(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "unkg", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds, a held-out batch, a file that fails and a copy that maps to a seed's graph."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    shutil.copytree(ROOT / "tests" / "heldout2" / "docs", folder / "heldout2")
    (folder / "empty.txt").write_text("", "utf-8")
    seed = sorted((ROOT / "seeds").glob("*.txt"))[1]
    shutil.copy(seed, folder / "zz_copy.txt")
    return folder


def built(corpus: Path, out: Path, *flags) -> tuple[list[bytes], str]:
    result = unkg("build", corpus, "--out", out, *flags)
    assert result.returncode == 1, result.stderr  # the empty file fails, the copy collides
    return sorted(out.read_bytes().splitlines()), result.stderr


def test_two_processes_write_what_one_writes(corpus, tmp_path):
    one, one_said = built(corpus, tmp_path / "one.nq")
    two, two_said = built(corpus, tmp_path / "two.nq", "--jobs", "2")
    assert len(one) > 10_000
    assert two == one
    assert two_said.replace("two.nq", "one.nq") == one_said  # the same lines, in input order
    assert "empty.txt" in one_said and "maps to the same graph" in one_said


def test_jobs_into_a_store_then_the_file_agrees(corpus, tmp_path):
    store = tmp_path / "g.store"
    assert unkg("build", corpus, "--store", store, "--jobs", "3").returncode == 1
    assert unkg("export", store, "--out", tmp_path / "e.nq").returncode == 0
    one, _ = built(corpus, tmp_path / "one.nq")
    assert sorted((tmp_path / "e.nq").read_bytes().splitlines()) == one


def test_jobs_must_be_positive(tmp_path):
    result = unkg("build", ROOT / "seeds", "--out", tmp_path / "g.trig", "--jobs", "0")
    assert result.returncode != 0 and "--jobs 0" in result.stderr and "Traceback" not in result.stderr
