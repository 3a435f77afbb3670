"""Bounded work per document (issue 13): a file over the size limit and an extraction over the
time limit are each that file's one line; the other files of the run are built."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from unkg.extract.limits import OverTime, time_limit

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SMALL = SEEDS / "001_cdb74ec8a63a6727.txt"


def unkg(*args, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "unkg", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)


def _graphs(path: Path) -> set[str]:
    from pyoxigraph import RdfFormat, parse
    return {str(q.graph_name) for q in parse(path=str(path), format=RdfFormat.TRIG)
            if "/graph/" in str(q.graph_name) and not str(q.graph_name).endswith(("meta>", "topics>", "treaties>", "registry>"))}


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    """About 9 MB of real report text: well over the 5 s limit on any machine (about 25 s here)."""
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    path = tmp_path_factory.mktemp("big") / "big.txt"
    path.write_text((text + "\n\n") * 120, encoding="utf-8")
    return path


@pytest.mark.parametrize("jobs", [1, 2])  # in the build's process and in its worker processes
def test_a_document_over_the_time_limit_is_one_line_and_the_rest_build(big: Path, tmp_path: Path, jobs: int) -> None:
    out = tmp_path / "g.trig"
    started = time.monotonic()
    result = unkg("build", SMALL, big, "--out", out, "--time-limit", 5, "--jobs", jobs)
    assert time.monotonic() - started < 90  # stopped, not run to the end
    assert result.returncode == 1
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith(f"unkg: {big}")]
    assert len(lines) == 1 and "took over 5 s; skipped" in lines[0] and "Traceback" not in result.stderr
    assert len(_graphs(out)) == 1  # the small document was built


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(big: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.trig"
    result = unkg("build", SMALL, big, "--out", out, "--max-size", 1)
    assert result.returncode == 1
    assert f"unkg: {big}: " in result.stderr and "over the input size limit of 1.0 MB (raise it with --max-size)" \
        in result.stderr
    assert len(_graphs(out)) == 1


def test_bad_limits_are_one_line(tmp_path: Path) -> None:
    result = unkg("build", SMALL, "--out", tmp_path / "g.trig", "--max-size", 0)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "--max-size" in result.stderr


def test_the_timer_stops_python_code_and_is_cleared_after() -> None:
    with pytest.raises(OverTime):
        with time_limit(0.2):
            while True:
                pass
    with time_limit(0.2):
        pass
    time.sleep(0.3)  # no alarm left behind to go off later
    with time_limit(None):  # no limit: nothing armed
        time.sleep(0.01)
