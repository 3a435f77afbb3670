"""The key of a document that prints no symbol: its path relative to the build root, never its
base name alone, so that no two inputs of a build (nor an input and a document already in the
target built from another file) share a graph.
"""
from __future__ import annotations

import hashlib

from . import iris


def file_key(rel: str, clash: int = 0, exact: str = "") -> str:
    """A document's key from its path relative to the build root, never its base name alone.

    ``clash`` 0: the path without its suffix ("report.txt" -> "report", as it always was;
    "zh/report.txt" -> "zh/report", an IRI "zh-report"). 1, when two inputs share that: the
    suffix too ("notes.txt", "notes.html"). 2, when they still share it once normalised ("a b.txt"
    and "a_b.txt" are both "a_b.txt"): a digest of ``exact`` (the path as given) too.
    """
    path = rel.replace("\\", "/")
    dot = path.rfind(".")
    key = path[:dot] if clash == 0 and dot > path.rfind("/") + 1 else path
    if clash >= 2:
        key += "~" + hashlib.sha256((exact or rel).encode("utf-8")).hexdigest()[:8]
    return key


def file_keys(rels: dict[str, str], taken: dict[str, set[str]] | None = None) -> dict[str, str]:
    """The key of each input (``exact -> rel``) so that no two inputs share one once normalised,
    nor an input a key ``taken`` (key -> the sources it was built from) by another source file."""
    taken = taken or {}
    level = dict.fromkeys(rels, 0)
    for _ in range(2):
        groups: dict[str, list[str]] = {}
        for exact, rel in rels.items():
            groups.setdefault(str(iris.Doc(file_key(rel, level[exact], exact))), []).append(exact)
        for key, members in groups.items():
            others = taken.get(key, set()) - {rels[m] for m in members}
            if len(members) > 1 or others:
                for m in members:
                    level[m] += 1
    return {exact: file_key(rel, level[exact], exact) for exact, rel in rels.items()}
