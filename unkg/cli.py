"""The ``unkg`` command line: build, query, validate, analyze, viz.

User mistakes (bad files, unknown query names, unreadable graphs) are one line on stderr and a
non-zero exit code, never a traceback.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from unkg import __version__
from unkg.extract.limits import MAX_BYTES, TIME_LIMIT, Limits  # not ingest: a query needs no readers
from unkg.extract.models import UserError

EPILOG = """examples:
  unkg build seeds/ --out out/seeds.trig          build a graph from every document in seeds/
  unkg build seeds/ --store out/seeds.store       ... into an on-disk store (every command reads either)
  unkg export out/seeds.store --out out/seeds.nq  write a store out as TriG, N-Quads, Turtle or JSON-LD
  unkg push out/seeds.store --endpoint http://localhost:7878/store   upload every graph to a triplestore
  unkg query out/seeds.trig --name most-cited-articles --format table
  unkg query out/seeds.trig --sparql my.rq --format csv
  unkg validate out/seeds.trig                    check the graph against the SHACL shapes
  unkg serve out/seeds.trig                       a read-only SPARQL endpoint at localhost:7878
  unkg analyze out/seeds.trig --top 10            most-cited provisions, central actors
  unkg viz out/seeds.trig --out out/seeds.html    interactive view (works offline)
"""


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except UserError as err:
        print(f"unkg: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except OSError as err:  # an output that cannot be written (no folder, no permission, full disk)
        if err.filename is None:
            raise
        problem = ("a part of its path is a file, not a folder"
                   if isinstance(err, (FileExistsError, NotADirectoryError)) else err.strerror)
        print(f"unkg: {_printable(str(err.filename))}: cannot write or read it ({problem})", file=sys.stderr)
        return 2


def _printable(text: str) -> str:
    return text if text.isprintable() else text.encode("unicode_escape").decode("ascii")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="unkg", description="Knowledge graphs of UN documents on the "
                                "Organized Crime Convention and its Protocols.", epilog=EPILOG,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"unkg {__version__}")
    sub = p.add_subparsers(title="commands")
    for add in (_add_build, _add_export, _add_push, _add_query, _add_validate, _add_serve, _add_analyze, _add_viz):
        add(sub)
    return p


def _add_build(sub) -> None:
    b = _sub(sub, "build", "extract documents into a store or a graph file",
             "unkg build seeds/ more.pdf --out out/graph.trig\n"
             "unkg build corpus/ --store out/corpus.store\n"
             "Files and folders (.txt .pdf .docx .html); a file's format follows its extension "
             "(.trig .nq .ttl .jsonld). If the target exists, the documents built replace their own "
             "graphs in it and everything else is kept. A store is written document by document, each "
             "in one transaction. Exit code 1 when some files failed, 2 when another unkg process is "
             "building the same target.")
    b.add_argument("paths", nargs="+", help="document files or folders")
    b.add_argument("--out", help="graph file to write (.trig, .nq, .ttl, .jsonld)")
    b.add_argument("--store", help="on-disk Oxigraph store folder to write (made if missing)")
    b.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    b.add_argument("--max-size", type=float, default=MAX_BYTES / 2**20, metavar="MB",
                   help=f"refuse input files larger than this (default {MAX_BYTES // 2**20} MB)")
    b.add_argument("--time-limit", type=float, default=TIME_LIMIT, metavar="S",
                   help=f"stop a document's extraction after S seconds, skip it with a line and build the "
                        f"rest (default {TIME_LIMIT:g}; 0: no limit)")
    b.add_argument("--jobs", type=int, default=1, metavar="N",
                   help="extract in N processes (output identical to --jobs 1)")
    b.add_argument("--dask", metavar="ADDRESS",
                   help="extract on a Dask distributed cluster (tcp://host:8786); its workers must "
                        "see the input files at the same paths; this process writes the target")
    b.set_defaults(func=_build)


def _add_export(sub) -> None:
    e = _sub(sub, "export", "write a store (or graph file) out as TriG, N-Quads, Turtle or JSON-LD",
             "unkg export out/corpus.store --out out/corpus.trig\n"
             "The format follows the extension (.trig .nq .jsonld keep the named graphs; .ttl .nt "
             "flatten them into one graph, and say so).")
    e.add_argument("graph", help="store folder or graph file written by unkg build")
    e.add_argument("--out", required=True, help="file to write (.trig, .nq, .ttl, .nt, .jsonld)")
    e.set_defaults(func=_export)


def _add_push(sub) -> None:
    p = _sub(sub, "push", "upload every named graph to a triplestore (SPARQL 1.1 Graph Store Protocol)",
             "unkg push out/corpus.store --endpoint http://localhost:7878/store\n"
             "unkg push out/corpus.store --endpoint http://localhost:8890/sparql-graph-crud-auth "
             "--user dba --password dba\n"
             "One HTTP PUT ?graph=IRI per named graph, so pushing again replaces each graph. Basic and "
             "digest authentication.")
    p.add_argument("graph", help="store folder or graph file written by unkg build")
    p.add_argument("--endpoint", required=True, help="the store's Graph Store Protocol URL")
    p.add_argument("--user", help="user name (HTTP basic or digest authentication)")
    p.add_argument("--password", help="password (or the UNKG_PASSWORD environment variable)")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds per request (default 60)")
    p.set_defaults(func=_push)


def _add_query(sub) -> None:
    q = _sub(sub, "query", "run a named or ad-hoc SPARQL query",
             "unkg query out/graph.trig --name citations --format csv\n"
             "unkg query out/graph.trig --sparql - --format json < my.rq\n"
             "Named queries: " + ", ".join(_query_names()) + ". The default graph is the union of "
             "all document graphs.")
    q.add_argument("graph", help="store folder or graph file written by unkg build")
    src = q.add_mutually_exclusive_group(required=True)
    src.add_argument("--name", help="a named query (see above)")
    src.add_argument("--sparql", help="a SPARQL file, or - for standard input (the unkg prefixes are predeclared)")
    q.add_argument("--format", choices=("table", "json", "csv", "tsv", "xml", "turtle", "ntriples", "trig"),
                   default="table", help="SELECT/ASK: the SPARQL 1.1 results as json, csv, tsv or xml, or an "
                   "aligned table (default); CONSTRUCT/DESCRIBE: turtle (default), ntriples or trig")
    q.add_argument("--allow-service", action="store_true",
                   help="allow SERVICE and FROM clauses, which can make unkg fetch URLs (refused by default)")
    q.set_defaults(func=_query)


def _add_validate(sub) -> None:
    v = _sub(sub, "validate", "check a graph against the SHACL shapes",
             "unkg validate out/graph.trig\nExit 0 when the graph conforms, 1 with a report when not.")
    v.add_argument("graph", help="store folder or graph file written by unkg build")
    v.set_defaults(func=_validate)


def _add_serve(sub) -> None:
    s = _sub(sub, "serve", "serve a graph read-only over the SPARQL 1.1 Protocol",
             "unkg serve out/graph.trig --bind localhost:7878\n"
             "then: curl 'http://localhost:7878/query' --data-urlencode 'query=SELECT * {?s ?p ?o} LIMIT 5'\n"
             "The default graph is the union of the document graphs. Read-only; SERVICE and FROM are refused;\n"
             "a query past --time-limit is stopped, an answer over --max-rows refused (HTTP 503 / 400).")
    s.add_argument("graph", help="store folder or graph file written by unkg build")
    s.add_argument("--bind", default="localhost:7878", help="host:port to listen on (default localhost:7878)")
    s.add_argument("--store", help="keep the on-disk store in this folder (default: a temporary one)")
    s.add_argument("--time-limit", type=float, default=30.0,
                   help="seconds one query may run before it is stopped (default 30)")
    s.add_argument("--max-rows", type=int, default=100_000,
                   help="most rows (or triples) one answer may have (default 100000)")
    s.add_argument("--workers", type=int, help="queries answered at once (default: CPUs, at most 4)")
    s.set_defaults(func=_serve)


def _add_analyze(sub) -> None:
    a = _sub(sub, "analyze", "most-cited provisions, central actors, co-citation, communities",
             "unkg analyze out/graph.trig --top 10 --format table\n"
             "unkg analyze out/graph.trig --chart out/most-cited.png --graphml out/g.graphml")
    a.add_argument("graph", help="store folder or graph file written by unkg build")
    a.add_argument("--top", type=int, default=10, help="rows per table (default 10)")
    a.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format")
    a.add_argument("--rollup", action="store_true", help="roll paragraph citations up to their article")
    a.add_argument("--chart", help="write a chart of the most-cited provisions (.png or .svg)")
    a.add_argument("--graphml", help="export the whole projection as GraphML (for Gephi)")
    a.add_argument("--gexf", help="export the whole projection as GEXF (for Gephi)")
    a.add_argument("--table", default="all",
                   choices=("all", "most-cited", "most-cited-other", "actors", "centrality", "co-citation",
                            "co-participation", "communities", "change-by-year", "change-by-meeting"),
                   help="print only this table (with --format csv: one plain CSV)")
    a.set_defaults(func=_analyze)


def _add_viz(sub) -> None:
    z = _sub(sub, "viz", "write an interactive HTML view of the graph",
             "unkg viz out/graph.trig --out out/graph.html --view citations\n"
             "unkg viz out/graph.trig --out out/ita.html --view actors --focus ITA --hops 2")
    z.add_argument("graph", help="store folder or graph file written by unkg build")
    z.add_argument("--out", required=True, help="HTML file to write (self-contained, works offline)")
    z.add_argument("--view", choices=("citations", "actors", "recommendations", "all"), default="all",
                   help="which projection to draw (default: all)")
    z.add_argument("--doc", help="only this document (its symbol or file stem)")
    z.add_argument("--focus", help="centre on this entity key (ISO3, registry key)")
    z.add_argument("--hops", type=int, default=2, help="with --focus: how many links out (default 2)")
    z.add_argument("--lang", choices=("en", "zh"), default="en", help="labels shown first (the page can switch)")
    z.add_argument("--size", choices=("citations", "degree"),
                   help="node size by citations or by links (default: citations for the citations view)")
    z.add_argument("--max-nodes", type=int, default=5000,
                   help="keep at most this many nodes, the best-connected (the page says so)")
    z.set_defaults(func=_viz)


def _sub(sub, name: str, help_: str, example: str) -> argparse.ArgumentParser:
    indented = "\n".join("  " + line for line in example.splitlines())
    return sub.add_parser(name, help=help_, description=f"{help_}\n\nexample:\n{indented}",
                          formatter_class=argparse.RawDescriptionHelpFormatter)


def _query_names() -> list[str]:
    from unkg.graph.query import named_queries
    return sorted(named_queries())


def _build(args) -> int:
    from unkg.graph.rdf.build import build
    if not (args.out or args.store):
        raise UserError("build needs --out FILE or --store DIR (or both)")
    if args.max_size <= 0 or args.time_limit < 0:
        raise UserError("--max-size must be above 0 and --time-limit 0 or more")
    limits = Limits(max_bytes=int(args.max_size * 2**20), seconds=args.time_limit or None)
    return build(args.paths, Path(args.out) if args.out else None, quiet=args.quiet,
                 store_dir=Path(args.store) if args.store else None, limits=limits, jobs=args.jobs,
                 dask=args.dask)


def _export(args) -> int:
    from unkg.graph.rdf.store import export
    export(args.graph, Path(args.out))
    return 0


def _push(args) -> int:
    import os
    from unkg.graph.rdf.push import push
    password = args.password if args.password is not None else os.environ.get("UNKG_PASSWORD")
    return push(args.graph, args.endpoint, args.user, password, args.timeout)


def _query(args) -> int:
    from unkg.graph.query import execute, query_text, write_text
    sparql = query_text(args.name, args.sparql)
    write_text(execute(args.graph, sparql, allow_service=args.allow_service), args.format, sys.stdout)
    return 0


def _validate(args) -> int:
    from unkg.graph.validate import validate
    conforms, report = validate(args.graph)
    print(report)
    return 0 if conforms else 1


def _serve(args) -> int:
    from unkg.graph.serve import cli_limits, serve
    return serve(args.graph, args.bind, args.store, cli_limits(args.time_limit, args.max_rows, args.workers))


def _analyze(args) -> int:
    from unkg.graph.analyze import cli_analyze
    return cli_analyze(args)


def _viz(args) -> int:
    from unkg.graph.viz import cli_viz
    return cli_viz(args)


if __name__ == "__main__":
    sys.exit(main())
