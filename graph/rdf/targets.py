"""Where ``unkg build`` writes: an on-disk store, a graph file written document by document, or an
in-memory store saved at the end (for formats that cannot be written graph by graph).

Each target takes one document at a time (``put``: the N-Quads bytes of its graph and of its
meta-graph entry, in store order: ``workers.Built``) and answers how many documents are now
written for good (the progress bar counts those); ``corpus`` is where ``build._finish`` puts the
graphs rebuilt on every build (topics, treaties); ``close`` ends the build (``ok``: keep it).
"""
from __future__ import annotations

import time
from collections.abc import Iterator, Set
from pathlib import Path

from pyoxigraph import NamedNode, Quad, RdfFormat, Store, parse, serialize

from unkg.extract.models import UserError

from . import iris, lock, store
from .nquads import added_order
from .vocab import PREFIXES, PROV, UNKG

_META = NamedNode(iris.META_GRAPH)
PREFIXES_OUT = {k: v for k, v in PREFIXES.items() if k not in ("owl",)}  # what store.save writes


class StoreTarget:
    """An on-disk Oxigraph store. A document that replaces one already there is one transaction
    (a kill leaves the old one whole). Documents new to the store are queued and written together
    by the bulk loader (``store.bulk_add``: one ingestion, all or nothing on a kill), each batch
    at most ``BATCH`` quads or ``SECONDS`` old, so the bar moves and a kill loses little work."""

    # A bulk load costs ~0.05-0.2 s however small (it syncs its files): ten documents of ~3,500
    # quads a batch halve the time of one a batch (measured: 1.04M quads, 6.4 s against 12.8 s);
    # larger batches gain nothing more. A batch is written at least every SECONDS, so the bar
    # moves and a kill loses little work.
    BATCH = 100_000  # quads
    DOCUMENTS = 8
    SECONDS = 0.5

    def __init__(self, path: Path):
        self.corpus = store.open_writable(path)
        self._pending: list[bytes] = []
        self._quads = 0
        self._since = 0.0
        self._loaded = False  # whether any batch went through the bulk loader

    def sources(self) -> dict[str, set[str]]:
        return store.sources(self.corpus)

    def put(self, graph: str, source: str, body: bytes, meta: bytes, keep: Set[str]) -> int:
        drop, entries = store.replaced(self.corpus, graph, source, keep)
        data = body + meta
        new = store.is_new(self.corpus, drop, entries)
        size = data.count(b"\n") if new else 0
        if not new or size > store.BULK_ATOMIC - self.BATCH:  # a replacement, or a huge document
            store.replace_document(self.corpus, graph, source, data, keep, atomic=True)
            return 1
        if not self._pending:
            self._since = time.monotonic()
        self._pending.append(data)
        self._quads += size
        if (self._quads >= self.BATCH or len(self._pending) >= self.DOCUMENTS
                or time.monotonic() - self._since >= self.SECONDS):
            return self.flush()
        return 0

    def flush(self) -> int:
        """Write the queued documents; how many there were."""
        done = len(self._pending)
        if done:
            store.bulk_add(self.corpus, b"".join(self._pending))
            self._loaded = True
        self._pending, self._quads = [], 0
        return done

    def close(self, ok: bool) -> None:
        if ok:
            self.flush()
            self.corpus.flush()
            if self._loaded:
                # Each bulk load adds its own sorted files, which every lookup must then search:
                # merged once at the end, the queries that join by lookups run 2.5-4x faster on a
                # new 1M-quad store (a store changed only by transactions is compacted as it goes).
                # Costs ~4 s at 1M quads; the data do not change.
                self.corpus.optimize()


class MemoryTarget:
    """The whole dataset in an in-memory store, saved at the end: for JSON-LD, Turtle and
    N-Triples, which cannot be written graph by graph (and the triple formats merge the graphs)."""

    def __init__(self, out: Path):
        self.out = out
        self.corpus = store.load(out) if out.exists() else Store()

    def sources(self) -> dict[str, set[str]]:
        return store.sources(self.corpus)

    def put(self, graph: str, source: str, body: bytes, meta: bytes, keep: Set[str]) -> int:
        # added as made, not in store order: this store dumps them newest first, as one fed by
        # the generators would
        store.replace_document(self.corpus, graph, source, added_order(body) + added_order(meta), keep)
        return 1

    def close(self, ok: bool) -> None:
        if ok:
            store.save(self.corpus, self.out)


class FileTarget:
    """A TriG or N-Quads file written as the documents come (memory stays flat): each document's
    graph goes straight to a temporary file beside ``out``; the meta entries are kept (a few
    quads a document) and written at the end with what an existing ``out`` holds that this build
    does not replace and the corpus graphs; then the file is renamed over ``out``."""

    def __init__(self, out: Path):
        self.out, self.fmt = out, store.rdf_format(out)
        self.corpus = Store()
        self._old_meta = list(_old_quads(out, meta=True)) if out.exists() else []
        self._old_graphs: dict[str, set[str]] = {}  # source file -> the old file's graphs built from it
        for q in self._old_meta:
            if q.predicate == UNKG.sourceFile:
                self._old_graphs.setdefault(q.object.value, set()).add(q.subject.value)
        self._meta: dict[Quad, None] = {}
        self._dropped: set[str] = set()
        self._file = lock.Replacement(out)
        self._fh = open(self._file.path, "wb")
        if self.fmt == RdfFormat.TRIG:
            self._fh.write("".join(f"@prefix {k}: <{v}> .\n" for k, v in PREFIXES_OUT.items()).encode())

    def sources(self) -> dict[str, set[str]]:
        return _sources(self._old_meta)

    def put(self, graph: str, source: str, body: bytes, meta: bytes, keep: Set[str]) -> int:
        old = self._old_graphs.get(source, set())
        self._dropped |= old | {graph}  # a graph this build writes is never kept from the old file
        # ``body`` in store order is the graph a Store of the document would write
        self._meta.update(dict.fromkeys(parse(meta, format=RdfFormat.N_QUADS)))
        if self.fmt == RdfFormat.N_QUADS:
            self._fh.write(body)
        else:
            self._dump(parse(body, format=RdfFormat.N_QUADS))
        return 1

    def close(self, ok: bool) -> None:
        try:
            if ok:
                self._write_rest()
                self._fh.close()
                self._file.commit()
        finally:
            self._fh.close()
            self._file.discard()

    def _write_rest(self) -> None:
        """What the old file keeps, the meta graph, the corpus graphs: after every document."""
        replaced = {NamedNode(g) for g in self._dropped} | set(self.corpus.named_graphs()) | {_META}
        if self._old_meta:
            kept = (q for q in _old_quads(self.out, meta=False) if q.graph_name not in replaced)
            self._dump(kept)  # streamed: in the order the old file has them
        meta = Store()
        meta.extend(_kept_meta(self._old_meta, self._dropped))
        meta.extend(self._meta)
        self._dump(meta)
        self._dump(self.corpus)

    def _dump(self, quads: Store | Iterator[Quad]) -> None:
        write = quads.dump if isinstance(quads, Store) else lambda **kw: serialize(quads, **kw)
        if self.fmt == RdfFormat.N_QUADS:
            write(output=self._fh, format=RdfFormat.N_QUADS)
            return
        # each chunk repeats the @prefix lines the file begins with: drop them
        body = write(format=RdfFormat.TRIG, prefixes=PREFIXES_OUT).splitlines(keepends=True)
        start = next((i for i, line in enumerate(body) if not line.startswith(b"@prefix ")), len(body))
        self._fh.writelines(body[start:])


def _old_quads(path: Path, meta: bool) -> Iterator[Quad]:
    """The quads of an existing output file (``meta``: only the meta graph's), parsed as they are
    read; the file named in the one line if it does not parse."""
    fmt = store.rdf_format(path)
    try:
        for q in parse(path=str(path), format=fmt):
            if (q.graph_name == _META) == meta:
                yield q
    except (SyntaxError, ValueError, OSError) as err:
        raise UserError(f"{path}: not a readable {fmt.name} file ({err})") from None


def _sources(meta: list[Quad]) -> dict[str, set[str]]:
    """``store.sources`` over meta-graph quads: each document key and its source files."""
    docs: dict[str, str] = {}
    files: dict[str, set[str]] = {}
    for q in meta:
        if q.predicate == UNKG.documentGraph:
            docs[q.subject.value] = q.object.value
        elif q.predicate == UNKG.sourceFile:
            files.setdefault(q.subject.value, set()).add(q.object.value)
    out: dict[str, set[str]] = {}
    for graph, doc in docs.items():
        out.setdefault(doc, set()).update(files.get(graph, ()))
    return out


def _kept_meta(meta: list[Quad], dropped: set[str]) -> list[Quad]:
    """The old meta entries of the graphs not replaced (a replaced graph's run goes with it, as
    ``store.replace_document`` drops it)."""
    gone = {q.object for q in meta if q.subject.value in dropped and q.predicate == PROV.wasGeneratedBy}
    return [q for q in meta if q.subject.value not in dropped and q.subject not in gone]


def open_target(store_dir: Path | None, out: Path | None):
    """The target of a build: the store when there is one (``out`` is then written from it), else
    the file, streamed when its format allows."""
    if store_dir is not None:
        return StoreTarget(store_dir)
    if store.rdf_format(out) in (RdfFormat.N_QUADS, RdfFormat.TRIG):
        return FileTarget(out)
    return MemoryTarget(out)
