"""``unkg build``: extract every file, write one named graph per document into a store or a file.

The target is an on-disk Oxigraph store (``--store DIR``), a graph file (``--out FILE``), or
both (the store is built, then written out). An existing target keeps everything the documents
being built do not replace. In a store a document that replaces one is one transaction, and
documents new to the store go in by batches the bulk loader writes all or nothing, so a killed
build leaves every document counted before it whole (targets.py); a TriG or N-Quads file is
written document by document into a temporary file renamed over it at the end, so it is never
half-written and memory stays flat. One writer at a time holds the target (``lock``).

A document's identity is its UN symbol when printed, otherwise its path relative to the build
root (the folder named, or the folder of a file named: ``keys.file_keys``); two inputs that
still map to one graph are one line each, and only the first is written. A bad file is one line
and skipped; the others are still built, and the exit code (1) says some failed.
"""
from __future__ import annotations

import dataclasses
import sys
from contextlib import ExitStack
from pathlib import Path

from tqdm import tqdm

from unkg.extract.limits import Limits
from unkg.extract.models import UserError
from unkg.extract.pipeline import expand

from . import iris, lock, store
from .keys import file_keys
from .registry_graph import add_registry
from .targets import open_target
from .treaty_text import add_treaties
from .workers import Task, results

PROGRESS_FROM = 5  # files; fewer build too fast for a bar to help


@dataclasses.dataclass
class _Run:
    """What one build has done so far: the graphs it wrote (and from which input), its lines."""
    target: object  # a StoreTarget, FileTarget or MemoryTarget (targets.py)
    written: dict[str, str] = dataclasses.field(default_factory=dict)  # graph IRI -> input
    failed: int = 0

    def say(self, line: str) -> None:
        self.failed += 1
        tqdm.write(f"unkg: {line}", file=sys.stderr)


def build(paths: list[str], out: Path | None = None, quiet: bool = False,
          store_dir: Path | None = None, limits: Limits = Limits(), jobs: int = 1,
          dask: str | None = None) -> int:
    """Build ``paths`` into ``store_dir`` and/or ``out``; return the exit code (0 all built, 1 some failed).

    ``jobs`` > 1 extracts in that many local processes, ``dask`` (a scheduler address) on a Dask
    cluster (workers.py); either way the output is the same as in one process."""
    if jobs < 1:
        raise UserError(f"--jobs {jobs}: needs 1 or more")
    if out is not None:
        store.rdf_format(out)  # fail on an unknown output format before any work
    errors: list[UserError] = []
    files, rels = _inputs(paths, errors)
    if not files and not errors:
        raise UserError(f"no documents found in {', '.join(paths)}")
    with ExitStack() as held:
        for target in (store_dir, out):
            if target is not None:
                held.enter_context(lock.writer(target))
        run = _Run(open_target(store_dir, out))
        ok = False
        try:
            for err in errors:
                run.say(str(err))
            keys = file_keys(rels, run.target.sources())
            tasks = [Task(str(f), rels[str(f)], keys[str(f)], limits) for f in files]
            _extract_into(run, tasks, results(tasks, jobs, dask), quiet)
            _finish(run)
            ok = bool(run.written)  # nothing built: an existing target stays as it was, no empty one is made
        finally:
            run.target.close(ok)
        if ok and store_dir is not None and out is not None:
            store.save(run.target.corpus, out)
        if ok and out is not None and store.flattens(out) and not quiet:
            tqdm.write(f"unkg: {store.flattening_note(out, run.target.corpus)}", file=sys.stderr)
    if not quiet:
        where = ", ".join(str(t) for t in (store_dir, out) if t is not None)
        where = f"into {where}" if run.written else f"({where} not written)"
        print(f"unkg: built {len(run.written)} of {len(files)} documents {where}"
              + (f"; {run.failed} failed" if run.failed else ""), file=sys.stderr)
    return 1 if run.failed else 0


def _inputs(paths: list[str], errors: list[UserError]) -> tuple[list[Path], dict[str, str]]:
    """The files to build and each one's path relative to its build root (keyed by ``str(path)``):
    the folder named for a file found in it, the file's own folder for a file named."""
    files: list[Path] = []
    rels: dict[str, str] = {}
    for arg in map(Path, paths):
        for f in expand([arg], errors):
            rel = f.relative_to(arg).as_posix() if arg.is_dir() else f.name
            if str(f) not in rels:  # a file named twice (or inside a folder also named) builds once
                files.append(f)
                rels[str(f)] = rel
    return files, rels


def _extract_into(run: _Run, tasks: list[Task], done, quiet: bool) -> None:
    bar = tqdm(total=len(tasks), unit="file", file=sys.stderr,
               disable=quiet or len(tasks) < PROGRESS_FROM or not sys.stderr.isatty())
    # a bar only on a terminal: in a log it glues itself to the lines
    for task, result in done:
        bar.update(_take(run, task, result))  # the bar counts documents written for good (or failed)
    bar.update(run.target.flush() if hasattr(run.target, "flush") else 0)
    bar.close()


def _take(run: _Run, task: Task, result) -> int:
    """Write one document's result into the target (or say why not); how many documents are now
    written for good (a store writes new documents by batches)."""
    if isinstance(result, UserError):
        run.say(str(result))
        return 1
    graph = iris.doc_graph(result.key, result.lang)
    if graph in run.written:
        first = run.written[graph]
        run.say(f"{_shown(task.path)}: maps to the same graph as {_shown(first)} ({result.key}, {result.lang}); "
                f"not built (rename one, or give each its own symbol)")
        run.say(f"{_shown(first)}: maps to the same graph as {_shown(task.path)}; built from this file only")
        return 1
    # each document goes straight into the target: memory stays flat; the graphs written so far
    # as a live view (a copy a document would cost the build time quadratic in its documents)
    done = run.target.put(graph, task.rel, result.graph, result.meta, run.written.keys())
    run.written[graph] = task.path
    return done


def _finish(run: _Run) -> None:
    if not run.written:
        return
    store.add_vocabularies(run.target.corpus)
    add_treaties(run.target.corpus)  # the treaties' texts, once per build, in their own graph
    add_registry(run.target.corpus)  # every registry entry's labels and codes, once


def _shown(path) -> str:
    text = str(path)
    return text if text.isprintable() else text.encode("unicode_escape").decode("ascii")
