"""One writer at a time: two real concurrent unkg processes on one target; readers never see a
half-written file; outputs that cannot be written are one line, never a traceback."""
import fcntl
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
NO_SYMBOL = ("001_cdb74ec8a63a6727.txt", "003_28d5586563dc01f3.txt", "004_3f756bb20ebb5459.txt")
BUSY = re.compile(r"^unkg: (.+) is being built by another unkg process \(pid (\d+)\)$")


def command(*args) -> list[str]:
    return [sys.executable, "-m", "unkg", *map(str, args)]


def unkg(*args) -> subprocess.CompletedProcess:
    return subprocess.run(command(*args), capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("c") / "corpus"
    folder.mkdir()
    for i in range(3):
        for name in NO_SYMBOL:
            shutil.copy(SEEDS / name, folder / f"{i}_{name}")
    return folder


def held(target: Path) -> bool:
    lock = target.parent / f".{target.name}.lock"
    if not lock.exists():
        return False
    with open(lock, "rb") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(f, fcntl.LOCK_UN)
        return False


def start_and_wait_for_lock(target: Path, *args) -> subprocess.Popen:
    first = subprocess.Popen(command(*args), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not held(target):
        assert first.poll() is None and time.monotonic() < deadline, "the first build never took the lock"
        time.sleep(0.02)
    return first


@pytest.mark.parametrize("flag, name", [("--out", "g.trig"), ("--store", "g.store")])
def test_a_second_writer_gets_one_line_and_exit_2(corpus, tmp_path, flag, name):
    target = tmp_path / name
    first = start_and_wait_for_lock(target, "build", corpus, flag, target, "--quiet")
    second = unkg("build", SEEDS, flag, target)
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert second.returncode == 2 and second.stderr.count("\n") == 1, second.stderr
    match = BUSY.match(second.stderr.strip())
    assert match and int(match.group(2)) == first.pid and match.group(1) == str(target)
    exported = tmp_path / "check.nq"
    assert unkg("export", target, "--out", exported).returncode == 0  # the target opens, whole
    st = Store()
    st.bulk_load(path=str(exported), format=RdfFormat.N_QUADS)
    assert sum(1 for g in st.named_graphs() if g.value.endswith("/zh")) == 9  # the first build's
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))


def test_concurrent_builds_started_together_lose_nothing(corpus, tmp_path):
    target = tmp_path / "g.trig"
    procs = [subprocess.Popen(command("build", src, "--out", target, "--quiet"), cwd=ROOT,
                              stderr=subprocess.PIPE, text=True) for src in (corpus, SEEDS / NO_SYMBOL[0])]
    results = [(p.wait(300), p.stderr.read()) for p in procs]
    for p in procs:
        p.stderr.close()
    assert all("Traceback" not in err for _, err in results)
    codes = sorted(code for code, _ in results)
    assert codes in ([0, 0], [0, 2])  # one waited its turn (ran after), or was refused with its line
    for code, err in results:
        if code == 2:
            assert BUSY.match(err.strip()), err
    st = Store()
    st.bulk_load(path=str(target), format=RdfFormat.TRIG)  # the target always opens
    graphs = sum(1 for g in st.named_graphs() if g.value.endswith("/zh"))
    assert graphs == sum(n for (code, _), n in zip(results, (9, 1)) if code == 0)  # every build that said 0


def test_readers_never_see_a_half_written_file(corpus, tmp_path):
    target = tmp_path / "g.nq"
    assert unkg("build", SEEDS / NO_SYMBOL[0], "--out", target).returncode == 0
    writer = subprocess.Popen(command("build", corpus, "--out", target, "--quiet"), cwd=ROOT)
    reads = 0
    while writer.poll() is None or reads == 0:
        st = Store()
        st.bulk_load(path=str(target), format=RdfFormat.N_QUADS)  # raises on a partial file
        assert len(st) > 1000
        reads += 1
    assert writer.wait() == 0 and reads > 1


NO_OVERRIDE = ["setpriv", "--inh-caps=-dac_override,-dac_read_search",
               "--bounding-set=-dac_override,-dac_read_search", "--"]


@pytest.fixture(scope="module")
def seeds_file(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("f") / "seeds.trig"
    assert unkg("build", SEEDS, "--out", out).returncode == 0
    return out


@pytest.mark.parametrize("args", [
    ("build", SEEDS / NO_SYMBOL[0], "--out", "{bad}/g.trig"),
    ("build", SEEDS / NO_SYMBOL[0], "--store", "{bad}/g.store"),
    ("export", "{graph}", "--out", "{bad}/g.nq"),
    ("viz", "{graph}", "--out", "{bad}/v.html"),
    ("analyze", "{graph}", "--chart", "{bad}/c.png"),
])
@pytest.mark.parametrize("kind", ["under a file", "read-only folder"])
def test_unwritable_outputs_are_one_line(seeds_file, tmp_path, args, kind):
    if kind == "under a file":
        bad, prefix = tmp_path / "a_file", []
        bad.write_text("")
    else:
        bad = tmp_path / "ro"
        bad.mkdir()
        os.chmod(bad, 0o555)
        prefix = NO_OVERRIDE if os.geteuid() == 0 else []  # root writes anywhere: drop that, for real
        if prefix and not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv")
    filled = [str(a).format(bad=bad, graph=seeds_file) for a in args]
    result = subprocess.run([*prefix, *command(*filled)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert str(bad) in result.stderr and "cannot write" in result.stderr
