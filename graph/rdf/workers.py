"""Where a build's extraction runs: in this process, in N local processes (``--jobs N``), or on a
Dask distributed cluster (``--dask ADDRESS``).

Extraction is per document, so each document is one task: it reads the file, extracts it and
makes its quads, and returns them. The client alone writes the store or file, in input order,
so the output does not depend on where or in which order the tasks ran. A task returns its quads
as N-Quads bytes, in this process as from another (``nquads.store_order``: the lines a file
target writes as they are; a store loads them without a Python object per quad, and pickling a
million Python objects would cost more than extracting them), or its one-line error.

A few tasks more than there are workers are kept in flight and the results are taken in input
order: the client's memory holds that window, not the corpus.
"""
from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from unkg.extract.models import Extraction, UserError
from unkg.extract.limits import Limits
from unkg.extract.pipeline import extract_one

from .nquads import store_order
from .triples import quads

WINDOW = 4  # tasks in flight per worker: enough to keep each busy while the client writes


@dataclasses.dataclass(frozen=True, slots=True)
class Built:
    """One document's result: its key and language (which name its graph), and its quads as
    N-Quads bytes in store order: its own graph's, and its meta-graph entry's."""
    key: str
    lang: str
    graph: bytes
    meta: bytes


@dataclasses.dataclass(frozen=True, slots=True)
class Task:
    """What a worker needs for one document: the file, its path relative to the build root (the
    meta graph's source name) and the key the build gives it when it prints no symbol."""
    path: str
    rel: str
    key: str
    limits: Limits = Limits()  # size and time bounds (the time limit holds in a process's main thread:
    # here and in --jobs workers; Dask runs tasks in worker threads, where only the size limit holds)


def run_local(task: Task) -> Built | UserError:
    """One document extracted in this process and its quads made."""
    result = extract_one(Path(task.path), task.limits)
    if isinstance(result, UserError):
        return result
    key = result.doc.meta.symbol or task.key
    graph, meta = quads(_relative(result, task.rel), key)
    return Built(key, result.doc.lang, store_order(graph), store_order(meta))


def run_remote(task: Task) -> tuple[str, str, bytes, bytes] | str:
    """``run_local`` for another process: plain values that pickle small and fast."""
    result = run_local(task)
    if isinstance(result, UserError):
        return str(result)
    return result.key, result.lang, result.graph, result.meta


def _received(value: tuple[str, str, bytes, bytes] | str) -> Built | UserError:
    if isinstance(value, str):
        return UserError(value)
    return Built(*value)


def _relative(ex: Extraction, rel: str) -> Extraction:
    """The extraction with its source named by its path relative to the build root (what the
    meta graph records as its source file, and what a rebuild replaces by)."""
    source = dataclasses.replace(ex.doc.source, path=rel)
    return dataclasses.replace(ex, doc=dataclasses.replace(ex.doc, source=source))


def results(tasks: list[Task], jobs: int = 1, dask: str | None = None) -> Iterator[tuple[Task, Built | UserError]]:
    """Each task with its result, in the order of ``tasks``."""
    if dask:
        yield from _on_dask(tasks, dask)
    elif jobs > 1:
        yield from _in_processes(tasks, jobs)
    else:
        yield from ((t, run_local(t)) for t in tasks)


def _in_processes(tasks: list[Task], jobs: int) -> Iterator[tuple[Task, Built | UserError]]:
    from concurrent.futures import ProcessPoolExecutor
    from unkg.extract.gazetteer import warm
    with ProcessPoolExecutor(max_workers=jobs, initializer=warm) as pool:
        yield from _ordered(tasks, lambda t: pool.submit(run_remote, t), jobs * WINDOW)


def _on_dask(tasks: list[Task], address: str) -> Iterator[tuple[Task, Built | UserError]]:
    try:
        from distributed import Client
    except ImportError:
        raise UserError("--dask needs Dask distributed: pip install 'unkg[dask]'") from None
    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError) as err:
        raise UserError(f"--dask {address}: no Dask scheduler answers there ({err})") from None
    with client:
        workers = max(1, sum(client.nthreads().values()))
        # pure=False: two identical files are still two tasks (each is one line of the build)
        yield from _ordered(tasks, lambda t: client.submit(run_remote, t, pure=False), workers * WINDOW)


def _ordered(tasks: list[Task], submit: Callable[[Task], Any], window: int) -> Iterator[tuple[Task, Built | UserError]]:
    """Submit ahead by ``window`` tasks; take each future's result in input order."""
    pending: deque = deque()
    todo = iter(tasks)
    for t in todo:
        pending.append((t, submit(t)))
        if len(pending) >= window:
            break
    while pending:
        task, future = pending.popleft()
        nxt = next(todo, None)
        if nxt is not None:
            pending.append((nxt, submit(nxt)))
        try:
            value = future.result()
        except Exception as err:  # noqa: BLE001 - a worker lost is that document's line, not the build's end
            value = f"{task.path}: unkg could not process it ({type(err).__name__}: {err}); the other files are built"
        yield task, _received(value)
