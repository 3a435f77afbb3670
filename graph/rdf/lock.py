"""One writer at a time, and no half-written target ever in a reader's way.

A writer (``build``, ``export``) holds an exclusive ``fcntl`` lock on a hidden file beside its
target (``.out.trig.lock`` for ``out.trig``, ``.store.lock`` for a store folder ``store``) for as
long as it writes; a second writer finds it held and stops with one line naming the first one's
pid (exit 2). The lock file is left in place: unlinking it would let a third process lock a fresh
file while the second still holds the old one.

Files are written to a temporary file unique to the writer (``tempfile.mkstemp`` in the target's
folder, so the final ``os.replace`` is one atomic rename on the same file system): a reader opens
either the old target or the new one, never a part of either.
"""
from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from unkg.extract.models import UserError


_UMASK = os.umask(0o22)
os.umask(_UMASK)  # read once: os.umask can only be read by setting it


class Busy(UserError):
    """The target is being written by another unkg process."""


def unwritable(path: str | Path, err: OSError) -> UserError:
    """The one line for an output that cannot be written (no folder, no permission, a folder)."""
    if isinstance(err, (FileExistsError, NotADirectoryError)):
        return UserError(f"{path}: cannot write it (a part of its path is a file, not a folder)")
    return UserError(f"{path}: cannot write it ({err.strerror or type(err).__name__})")


def lock_path(target: Path) -> Path:
    return target.parent / f".{target.name}.lock"


@contextmanager
def writer(target: str | Path) -> Iterator[Path]:
    """Hold the writer's lock on ``target`` (a file or a store folder) for the ``with`` block."""
    target = Path(target)
    path = lock_path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as err:
        raise unwritable(target, err) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            raise Busy(f"{target} is being built by another unkg process (pid {pid})") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield target
    finally:
        os.close(fd)  # closing the descriptor releases the lock


class Replacement:
    """A unique temporary file beside ``target``: ``commit`` renames it over the target (one atomic
    rename), ``discard`` removes it (the target stays as it was). A writer that streams its output
    holds one for the whole build."""

    def __init__(self, target: str | Path):
        self.target = Path(target)
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".tmp", dir=self.target.parent)
        except OSError as err:
            raise unwritable(self.target, err) from None
        os.close(fd)
        self.path = Path(tmp)

    def commit(self) -> None:
        try:
            os.chmod(self.path, 0o666 & ~_UMASK)  # mkstemp makes it private; keep the mode a plain open gives
            os.replace(self.path, self.target)
        except OSError as err:
            raise unwritable(self.target, err) from None

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


@contextmanager
def replacing(target: str | Path) -> Iterator[Path]:
    """A unique temporary path beside ``target``; renamed over it when the block ends without error."""
    replacement = Replacement(target)
    try:
        try:
            yield replacement.path
        except OSError as err:
            raise unwritable(replacement.target, err) from None
        replacement.commit()
    finally:
        replacement.discard()
