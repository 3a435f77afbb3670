"""`unkg build --dask ADDRESS` against a real Dask distributed cluster on this machine: the
workers extract, the client writes, and the output is the one a local build writes."""
import subprocess
import sys
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parent.parent


def unkg(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "unkg", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, timeout=300)


@pytest.fixture(scope="module")
def cluster():
    # a dashboard on a free port (another cluster on this machine may hold the default one);
    # two worker processes: each document's task really crosses a process boundary (pickled
    # task in, N-Quads bytes out), as on a cluster of machines
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0", host="127.0.0.1") as c:
        yield c


def test_a_dask_build_writes_what_a_local_build_writes(cluster, tmp_path):
    local, remote = tmp_path / "local.nq", tmp_path / "dask.nq"
    assert unkg("build", ROOT / "seeds", ROOT / "tests" / "heldout" / "docs", "--out", local).returncode == 0
    result = unkg("build", ROOT / "seeds", ROOT / "tests" / "heldout" / "docs", "--out", remote,
                  "--dask", cluster.scheduler_address)
    assert result.returncode == 0, result.stderr
    assert sorted(remote.read_bytes().splitlines()) == sorted(local.read_bytes().splitlines())


def test_a_dask_build_into_a_store_reports_a_bad_file_and_builds_the_rest(cluster, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for f in sorted((ROOT / "seeds").glob("*.txt"))[:2]:
        (docs / f.name).write_bytes(f.read_bytes())
    (docs / "broken.txt").write_bytes(b"")
    result = unkg("build", docs, "--store", tmp_path / "g.store", "--dask", cluster.scheduler_address)
    assert result.returncode == 1
    assert "broken.txt" in result.stderr and "built 2 of 3 documents" in result.stderr
    out = unkg("query", tmp_path / "g.store", "--name", "documents", "--format", "csv")
    assert out.returncode == 0 and len(out.stdout.strip().splitlines()) == 3  # header and two


def test_no_scheduler_is_one_line(tmp_path):
    result = unkg("build", ROOT / "seeds", "--out", tmp_path / "g.trig", "--dask", "tcp://127.0.0.1:9")
    assert result.returncode != 0
    assert "--dask" in result.stderr and "Traceback" not in result.stderr
