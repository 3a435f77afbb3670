"""Bounds on the work one document may cost: its size on disk and the time its extraction takes.

A corpus must never stall on one file: a file over ``max_bytes`` is refused before it is read,
and an extraction that runs past ``seconds`` is stopped and becomes that document's one line
while the rest of the build goes on. The time limit is a real-time interval timer (SIGALRM): it
interrupts Python code between bytecodes, so it stops any step written in Python (every finder,
the layout); a single call into a C library (one regex match, pdfium on one page) finishes
first. It works in the main thread of a process — the build's own, or each worker's with
``--jobs`` — and is off elsewhere (a thread has no signals), never wrong.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

MAX_BYTES = 64 * 2**20  # the default input size limit (``unkg build --max-size`` raises it)
TIME_LIMIT = 300.0  # seconds per document by default: the seeds take well under one


@dataclass(frozen=True, slots=True)
class Limits:
    max_bytes: int = MAX_BYTES
    seconds: float | None = TIME_LIMIT  # None or 0: no time limit


class OverTime(BaseException):
    """An extraction ran past its time limit. A BaseException, so that no ``except Exception`` of
    a step (a reader turning a library's error into the file's line) takes it for its own."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``OverTime`` inside the block once ``seconds`` have passed (no limit: a no-op)."""
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def _stop(signum, frame):
        raise OverTime(f"took over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, _stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
