"""`unkg build --store DIR`: an on-disk Oxigraph store, written document by document in
transactions; every reading command takes the store folder; `unkg export` writes it out."""
import fcntl
import os
import pty
import re
import shutil
import signal
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
NO_SYMBOL = ("001_cdb74ec8a63a6727.txt", "003_28d5586563dc01f3.txt", "004_3f756bb20ebb5459.txt")


def unkg(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "unkg", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, **kw)


def dataset(where: Path) -> set[str]:
    """The quads of a store folder or a TriG/N-Quads file, as strings (no blank nodes: equal
    sets are isomorphic datasets)."""
    if where.is_dir():
        st = Store.read_only(str(where))
    else:
        st = Store()
        st.bulk_load(path=str(where), format=RdfFormat.N_QUADS if where.suffix == ".nq" else RdfFormat.TRIG)
    return {str(q) for q in st}


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory) -> Path:
    where = tmp_path_factory.mktemp("s") / "seeds.store"
    result = unkg("build", SEEDS, "--store", where)
    assert result.returncode == 0 and "built 4 of 4 documents" in result.stderr, result.stderr
    return where


@pytest.fixture(scope="module")
def seeds_file(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("f") / "seeds.trig"
    assert unkg("build", SEEDS, "--out", out).returncode == 0
    return out


def test_the_store_holds_what_the_file_holds_and_a_rebuild_changes_nothing(seeds_store, seeds_file, tmp_path):
    assert dataset(seeds_store) == dataset(seeds_file)
    copy = tmp_path / "again.store"
    shutil.copytree(seeds_store, copy)
    assert unkg("build", SEEDS, "--store", copy).returncode == 0
    assert dataset(copy) == dataset(seeds_store)


def test_every_reading_command_takes_the_store_folder(seeds_store, seeds_file, tmp_path):
    for name in ("documents", "citations", "participants"):
        assert unkg("query", seeds_store, "--name", name, "--format", "csv").stdout == \
            unkg("query", seeds_file, "--name", name, "--format", "csv").stdout
    assert unkg("validate", seeds_store).returncode == 0
    assert unkg("analyze", seeds_store, "--table", "most-cited", "--format", "csv").stdout == \
        unkg("analyze", seeds_file, "--table", "most-cited", "--format", "csv").stdout
    html = tmp_path / "v.html"
    assert unkg("viz", seeds_store, "--out", html).returncode == 0 and html.stat().st_size > 1000
    not_a_store = unkg("query", SEEDS, "--name", "documents")
    assert not_a_store.returncode == 2 and "not a store" in not_a_store.stderr


def test_replacing_a_document_in_the_store_replaces_exactly_its_graphs(seeds_store, tmp_path):
    copy = tmp_path / "copy.store"
    shutil.copytree(seeds_store, copy)
    changed = tmp_path / "001_cdb74ec8a63a6727.txt"
    changed.write_text((SEEDS / changed.name).read_text("utf-8").replace("斐济、", ""), "utf-8")
    assert unkg("build", changed, "--store", copy).returncode == 0
    graph_001 = "<https://w3id.org/unkg/graph/001_cdb74ec8a63a6727/zh>"
    others = lambda qs: {q for q in qs if graph_001 not in q and "graph/meta" not in q}
    before, after = dataset(seeds_store), dataset(copy)
    assert others(before) == others(after)
    fiji = lambda qs: {q for q in qs if graph_001 in q and "state/FJI" in q}
    assert fiji(before) and not fiji(after)
    runs = lambda qs: {q for q in qs if "graph/meta" in q and "ontology#Run" in q}
    assert len(runs(after)) == len(runs(before)) == 4


@pytest.mark.parametrize("suffix, fmt, flat", [(".trig", RdfFormat.TRIG, False), (".nq", RdfFormat.N_QUADS, False),
                                               (".jsonld", RdfFormat.JSON_LD, False),
                                               (".ttl", RdfFormat.TURTLE, True), (".nt", RdfFormat.N_TRIPLES, True)])
def test_export_writes_each_format_and_says_when_it_flattens(seeds_store, tmp_path, suffix, fmt, flat):
    out = tmp_path / f"g{suffix}"
    result = unkg("export", seeds_store, "--out", out)
    assert result.returncode == 0, result.stderr
    st = Store()
    st.bulk_load(path=str(out), format=fmt)
    quads = dataset(seeds_store)
    if flat:
        assert "flattened" in result.stderr and result.stderr.count("\n") == 1
        assert len(st) == len({re.sub(r" <[^>]*>$", "", q) for q in quads})  # the union, repeats merged
    else:
        assert result.stderr == "" and {str(q) for q in st} == quads
    unknown = unkg("export", seeds_store, "--out", tmp_path / "g.xyz")
    assert unknown.returncode == 2 and "unknown graph format" in unknown.stderr


def _corpus(folder: Path, copies: int) -> list[str]:
    folder.mkdir()
    names = []
    for i in range(copies):
        for name in NO_SYMBOL:
            names.append(f"{i:02d}_{name}")
            shutil.copy(SEEDS / name, folder / names[-1])
    return names


def test_a_build_killed_mid_way_leaves_every_document_built_before_whole(tmp_path):
    corpus = tmp_path / "corpus"
    names = _corpus(corpus, 6)
    reference = tmp_path / "ref.nq"
    assert unkg("build", corpus, "--out", reference, "--quiet").returncode == 0
    ref = dataset(reference)
    where = tmp_path / "killed.store"
    # stderr on a terminal, where the build draws its progress bar (a pipe gets none)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # a 0-column terminal draws no bar
    proc = subprocess.Popen([sys.executable, "-m", "unkg", "build", corpus, "--store", where],
                            cwd=ROOT, stderr=slave)
    os.close(slave)
    progress = lambda text: int((re.findall(r"(\d+)/%d" % len(names), text) or ["0"])[-1])
    seen = ""
    while proc.poll() is None and progress(seen) < 3:  # the bar counts documents written
        try:
            chunk = os.read(master, 256).decode("utf-8", "replace")
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        seen += chunk
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    os.close(master)
    done = progress(seen)
    assert 3 <= done < len(names), seen  # killed after three documents, before the last
    after = dataset(where)  # it opens
    graphs = {re.search(r"<[^>]*>$", q).group(0) for q in after} - {"<https://w3id.org/unkg/graph/meta>"}
    assert len(graphs) >= done
    for g in graphs:  # every document graph present is whole: exactly what a clean build makes
        assert {q for q in after if q.endswith(g)} == {q for q in ref if q.endswith(g)}
    in_meta = {q.split(" ")[0] for q in after if q.endswith("<https://w3id.org/unkg/graph/meta>")
               and "documentGraph" in q}
    assert in_meta == graphs - {"<https://w3id.org/unkg/graph/topics>"}
    assert unkg("build", corpus, "--store", where, "--quiet").returncode == 0  # finish the job
    assert dataset(where) == ref


def test_a_view_read_from_a_store_is_kept_beside_it_until_the_store_changes(seeds_store, tmp_path):
    where = tmp_path / "views.store"
    shutil.copytree(seeds_store, where)
    cache = tmp_path / ".views.store.views"
    first, again = tmp_path / "first.html", tmp_path / "again.html"
    assert unkg("viz", where, "--out", first).returncode == 0
    kept = list(cache.glob("all.*.json"))
    assert len(kept) == 1
    assert unkg("viz", where, "--out", again).returncode == 0  # read from the kept projection
    assert again.read_bytes() == first.read_bytes() and list(cache.glob("all.*.json")) == kept
    changed = tmp_path / "001_cdb74ec8a63a6727.txt"
    changed.write_text((SEEDS / changed.name).read_text("utf-8").replace("斐济、", ""), "utf-8")
    assert unkg("build", changed, "--store", where).returncode == 0
    after = tmp_path / "after.html"
    assert unkg("viz", where, "--out", after).returncode == 0
    assert list(cache.glob("all.*.json")) != kept and len(list(cache.glob("all.*.json"))) == 1
    shutil.rmtree(cache)  # the view made afresh from the changed store: the same page
    fresh = tmp_path / "fresh.html"
    assert unkg("viz", where, "--out", fresh).returncode == 0
    assert fresh.read_bytes() == after.read_bytes() != first.read_bytes()
