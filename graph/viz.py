"""The interactive HTML view (``unkg viz``): one self-contained file that works offline.

The page is built from a pyvis ``Network`` whose node and edge lists are assigned directly
(pyvis's ``add_node``/``from_nx`` scan lists and take ~20 s at 20,000 nodes; assigning takes
0.05 s). pyvis's own templates fetch vis-network and Bootstrap from CDNs even in "local" and
"in_line" modes, so the page is our own (``graph/templates``: ``view.html.j2`` rendered by jinja2
with autoescaping, ``view.css``, ``view.js``): vis-network's script and style are read from the
pyvis package and inlined, the data travel as JSON (``|tojson``: ``<``, ``>``, ``&`` escaped), and
a Content-Security-Policy lets only the page's own scripts run and nothing load from anywhere.

The page is an explorer as well as a picture (``graph/explorer.py`` prepares its data): a
citation view (instruments -> articles by citations, with the treaty texts' titles, who cites
them and when), a reader (the paragraphs behind a node or link, the exact words marked, and a
cited article's text), labels placed where they do not overlap (``labels.js``), fit/reset and
filters for kinds and links.

Document text is never markup: tooltips and panels are built with ``textContent``, vis-network
gets no ``title`` strings (it would render them as HTML), and labels are drawn on the canvas.

Scale (measured in headless Chromium, see ``benchmarks/bench_viz.py``): positions are always
computed here (a spring layout of the best-connected nodes, the rest placed around their
neighbours, O(n) beyond the core); up to ``PHYSICS_MAX`` nodes vis-network's physics then
refines them for a bounded number of iterations and stops; above it physics is off. Above
``max_nodes`` only the best-connected nodes are kept, and the page says so.
"""
from __future__ import annotations

import base64
import hashlib
import json
import math
import random
import re
from functools import cache
from importlib import resources
from pathlib import Path

import networkx as nx
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup
from pyvis.network import Network

from unkg.extract.models import UserError

from .explorer import article_key, citation_table, reader_data

PHYSICS_MAX = 1000  # above this many nodes: precomputed positions only, physics off
MAX_NODES = 5000  # above this many nodes: keep the best-connected, tell the user
CORE = 300  # nodes laid out by the spring model; the rest are placed around them
STABILIZATION_ITERATIONS = 150
LANGS = ("en", "zh")  # the label languages the page can switch between
# Chinese needs a CJK face: the first one the system has (Debian: fonts-noto-cjk).
FONTS = ('"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "PingFang SC", '
         '"Microsoft YaHei", "Noto Sans", Arial, sans-serif')

# The page's own script, one file per part (labels and the explorer before the page that uses them).
APP_SCRIPTS = ("labels.js", "explore.js", "view.js")

# kind -> (colour, vis-network shape, legend glyph)
STYLE = {
    "Document": ("#4e79a7", "square", "■"),
    "Recommendation": ("#f28e2b", "triangle", "▲"),
    "Provision": ("#e15759", "dot", "●"),
    "Instrument": ("#b6232a", "star", "★"),
    "State": ("#59a14f", "dot", "●"),
    "Organization": ("#17becf", "diamond", "◆"),
    "Initiative": ("#d4a017", "triangleDown", "▼"),
    "Person": ("#ff9da7", "dot", "●"),
    "Meeting": ("#9c755f", "hexagon", "⬢"),
    "Topic": ("#8c6bb1", "diamond", "◆"),
    "Resolution": ("#7f7f7f", "square", "■"),
    "Other": ("#bbbbbb", "dot", "●"),
}
REL_COLOUR = {"cites": "#e15759", "part_of": "#b0b0b0", "mentions": "#c9d3df",
              "participated": "#59a14f", "reports": "#9c755f", "subject": "#8c6bb1",
              "references": "#a0a0a0", "nationality": "#ff9da7", "organized_by": "#9c755f"}


# -- layout and size -------------------------------------------------------------------------

def layout(G: nx.Graph, *, seed: int = 1, core: int = CORE) -> dict:
    """Positions for every node, in vis-network's pixel-like units.

    The ``core`` best-connected nodes get a spring layout; every other node is placed on a ring
    around its best-connected placed neighbour (so a document's mentions circle the document);
    components with no core node are laid out on their own and set around the main disc.
    """
    U = G.to_undirected(as_view=True)
    rng = random.Random(seed)
    degree = dict(U.degree())  # once: a view's degree(n) rebuilds the node's adjacency each call
    order = sorted(U, key=lambda n: (-degree[n], str(n)))
    scale = 40 * math.sqrt(len(U) + 1)
    pos = {n: (x * scale, y * scale) for n, (x, y) in
           nx.spring_layout(_ordered(U, order[:core]), seed=seed, iterations=100).items()}
    _place_around(U, pos, order, rng, degree)
    rest = [c for c in nx.connected_components(U) if not c & pos.keys()]
    angle, radius = 0.0, scale * 1.25
    for comp in sorted(rest, key=lambda c: (-len(c), min(map(str, c)))):
        centre = (radius * math.cos(angle), radius * math.sin(angle))
        small = (nx.spring_layout(_ordered(U, sorted(comp, key=str)), seed=seed) if len(comp) > 1
                 else {next(iter(comp)): (0, 0)})
        spread = 30 * math.sqrt(len(comp))
        pos.update({n: (centre[0] + x * spread, centre[1] + y * spread) for n, (x, y) in small.items()})
        angle += 0.35 * (1 + spread / radius)
        if angle > 2 * math.pi:
            angle, radius = angle - 2 * math.pi, radius + scale * 0.3
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in pos.items()}


def _ordered(U: nx.Graph, nodes: list) -> nx.Graph:
    """The subgraph on ``nodes``, built in a fixed order: the spring layout's random start
    follows node order, and a graph read from a store comes in no fixed order."""
    keep = set(nodes)
    H = nx.Graph()
    H.add_nodes_from(nodes)
    H.add_edges_from(sorted(((u, v) for u, v in U.subgraph(keep).edges()), key=lambda e: (str(e[0]), str(e[1]))))
    return H


def _place_around(U: nx.Graph, pos: dict, order: list, rng: random.Random, degree: dict) -> None:
    """Place the nodes reachable from ``pos`` in rings around their best placed neighbour."""
    frontier = [n for n in order if n in pos]
    while frontier:
        children: dict = {}
        for anchor in frontier:
            for m in sorted(U[anchor], key=lambda m: (-degree[m], str(m))):
                if m not in pos and m not in children:
                    children[m] = anchor
        groups: dict = {}
        for child, anchor in children.items():
            groups.setdefault(anchor, []).append(child)
        for anchor, kids in groups.items():
            ax, ay = pos[anchor]
            radius = 60 + 12 * math.sqrt(len(kids))
            start = rng.random() * 2 * math.pi
            for i, kid in enumerate(kids):
                a = start + 2 * math.pi * i / len(kids)
                r = radius * (0.8 + 0.4 * rng.random())
                pos[kid] = (ax + r * math.cos(a), ay + r * math.sin(a))
        frontier = list(children)


def sizes(G: nx.DiGraph, by: str) -> dict:
    """The number each node's size shows: its degree, or its citations — received by a
    provision, by an instrument through all its provisions, made by a document."""
    if by == "degree":
        return dict(G.degree())
    from .analyze import citation_counts
    counts = citation_counts(G)
    for prov, c in list(counts.items()):
        inst = G.nodes[prov].get("instrument")
        if inst in G:
            counts[inst] = counts.get(inst, 0) + c
    for u, _, d in G.edges(data=True):
        if d.get("rel") == "cites" and G.nodes[u].get("kind") == "Document":
            counts[u] = counts.get(u, 0) + d.get("weight", 1)
    return {n: counts.get(n, 0) for n in G}


def keep_best_connected(G: nx.DiGraph, max_nodes: int) -> tuple[nx.DiGraph, str]:
    """At most ``max_nodes`` nodes (the highest degree, the focus always kept), and a note."""
    if len(G) <= max_nodes:
        return G, ""
    focus = G.graph.get("focus")
    ranked = sorted(G, key=lambda n: (n != focus, -G.degree(n), str(n)))
    H = G.subgraph(ranked[:max_nodes]).copy()
    note = (f"Showing the {max_nodes:,} best-connected of {len(G):,} nodes. Narrow the view with "
            f"--view, --doc SYMBOL or --focus KEY --hops N to see the rest.")
    return H, note


# -- the page ---------------------------------------------------------------------------------

def view_data(G: nx.DiGraph, *, lang: str = "en", size: str | None = None) -> dict:
    """Everything the page needs, as JSON-ready data (nodes get small integer ids)."""
    size = size or ("citations" if G.graph.get("view") == "citations" else "degree")
    ids = {n: i for i, n in enumerate(sorted(G, key=str))}
    pos = layout(G)
    count = sizes(G, size)
    nodes = [_node_data(n, i, G.nodes[n], lang, pos[n], count.get(n, 0)) for n, i in ids.items()]
    own = set(G.graph.get("documents", []))
    for nd in nodes:  # the documents read (not only referred to): their labels are drawn first
        nd["main"] = nd["group"] == "Document" and nd["key"] in own
    rels = sorted({d.get("rel", "") for _, _, d in G.edges(data=True)})
    edges = sorted([ids[u], ids[v], rels.index(d.get("rel", "")), d.get("weight", 1), ", ".join(d.get("roles", []))]
                   for u, v, d in G.edges(data=True))  # a fixed order: the same graph settles the same way
    kinds = sorted({nd["group"] for nd in nodes}, key=list(STYLE).index)
    focus = G.graph.get("focus")
    return {"nodes": nodes, "citations": citation_table(G, ids), "reader": reader_data(G, ids), "edges": edges, "rels": rels, "lang": lang, "size": size,
            "kinds": [{"kind": k, "colour": STYLE[k][0], "glyph": STYLE[k][2],
                       "count": sum(1 for nd in nodes if nd["group"] == k)} for k in kinds],
            "relColours": [REL_COLOUR.get(r, "#999999") for r in rels],
            "physics": len(nodes) <= PHYSICS_MAX, "fonts": FONTS,
            "start": "citations" if G.graph.get("view") == "citations" else "graph", "focus": ids.get(focus) if focus else None,
            "notes": [note for note in G.graph.get("notes", []) if note],
            "title": G.graph.get("title", "unkg graph")}


def _node_data(n, i: int, d: dict, lang: str, xy: tuple, count: int) -> dict:
    """One node as the page reads it: labels in both languages, drawn in ``lang``'s."""
    kind = d.get("kind") if d.get("kind") in STYLE else "Other"
    en = d.get("label_en") or d.get("key") or str(n)
    zh = d.get("label_zh") or d.get("label_en") or str(n)
    short = {"en": d.get("short_en") or en, "zh": d.get("short_zh") or zh}
    return {"id": i, "label": short.get(lang, short["en"]), "group": kind,
            "se": short["en"], "sz": short["zh"],
            "value": round(1 + math.sqrt(count), 3), "x": xy[0], "y": xy[1],
            "en": en, "zh": zh, "key": str(d.get("key", n)), "iri": str(n),
            "codes": list(d.get("codes") or []), "src": d.get("source") or "",
            "ref": d.get("source_ref") or "", "n": count,
            "art": article_key(d) if kind == "Provision" else "", "par": d.get("paragraph") or ""}


def vis_options(data: dict) -> dict:
    """vis-network options: groups per kind, bounded stabilisation, light drawing when large."""
    big = not data["physics"]
    return {
        "groups": {k: {"color": {"background": c, "border": c, "highlight": {"background": c, "border": "#222"}},
                       "shape": shape} for k, (c, shape, _) in STYLE.items()},
        # vis-network draws no labels (size 0): view.js draws them at a fixed screen size, only
        # those that do not overlap a more important one at the current zoom.
        "nodes": {"scaling": {"min": 8, "max": 40, "label": {"enabled": False}},
                  "font": {"size": 0, "face": FONTS}, "borderWidth": 1},
        "edges": {"smooth": False if big else {"type": "continuous"},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}},
                  "scaling": {"min": 1, "max": 5}, "color": {"inherit": False}},
        "physics": {"enabled": data["physics"], "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 90,
                                         "springConstant": 0.06, "avoidOverlap": 0.4},
                    "stabilization": {"enabled": True, "iterations": STABILIZATION_ITERATIONS,
                                      "updateInterval": 25, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big,
                        "hideEdgesOnZoom": big, "navigationButtons": False, "keyboard": False},
        "layout": {"improvedLayout": False, "randomSeed": 1},
    }


def _asset(name: str) -> str:
    """A file of the vis-network build that ships inside the pyvis package."""
    text = (resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2" / name).read_text("utf-8")
    # No source map: nothing should even try to fetch one. (Not splitlines(): the script holds
    # NEL and U+2028 inside string literals.)
    return re.sub(r"[/][/*]# sourceMappingURL=[^\s*]*(?: \*/)?", "", text)


def _sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


@cache
def _templates() -> Environment:
    """The page's template (graph/templates), autoescaped: whatever a value holds, it is text."""
    env = Environment(loader=PackageLoader("unkg.graph", "templates"), autoescape=True,
                      keep_trailing_newline=True, undefined=StrictUndefined)
    # Compact and in insertion order (tojson sorts keys by default); tojson still writes <, >, &
    # and ' as \u escapes, so no value can end the data block or open markup.
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "separators": (",", ":")}
    return env


def _own(name: str) -> str:
    """A style or script of the page, as shipped in graph/templates."""
    return (resources.files("unkg.graph") / "templates" / name).read_text("utf-8")


def render(G: nx.DiGraph, *, lang: str = "en", size: str | None = None) -> str:
    """The HTML page of ``G`` (one string, every script and style inline)."""
    data = view_data(G, lang=lang, size=size)
    net = Network(directed=True, height="100%", width="100%", cdn_resources="in_line")
    net.options = vis_options(data)
    net.nodes, net.edges = data.pop("nodes"), data.pop("edges")  # the fast way: no add_node
    nodes, edges, _, _, _, options = net.get_network_data()
    payload = {**data, "nodes": nodes, "edges": edges, "options": json.loads(options)}
    vis_js, app_js = _asset("vis-network.min.js"), "\n".join(_own(name) for name in APP_SCRIPTS)
    csp = ("default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'; "
           f"script-src {_sha256(vis_js)} {_sha256(app_js)}; base-uri 'none'; form-action 'none'")
    # Our own styles and scripts are Markup (trusted, not escaped); everything else is escaped.
    return _templates().get_template("view.html.j2").render(
        lang=lang if lang in LANGS else "en", csp=csp, title=data["title"], data=payload,
        vis_css=Markup(_asset("vis-network.css")), app_css=Markup(_own("view.css")),
        vis_js=Markup(vis_js), app_js=Markup(app_js))


def write_view(G: nx.DiGraph, path: str | Path, **kwargs) -> Path:
    """Write the page of ``G`` to ``path`` as UTF-8 (whatever the platform's default)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(G, **kwargs), encoding="utf-8")
    return path


def prepare(G: nx.DiGraph, *, focus: str | None = None, hops: int = 2,
            max_nodes: int = MAX_NODES) -> nx.DiGraph:
    """The graph a view shows: the neighbourhood of ``focus``, at most ``max_nodes`` nodes,
    with a title and the notes the user should see."""
    from .project import neighbourhood
    if focus:
        G = neighbourhood(G, focus, hops)
    G, note = keep_best_connected(G, max_nodes)
    notes = [note] if note else []
    if len(G) > PHYSICS_MAX:
        notes.append(f"{len(G):,} nodes: positions are precomputed and physics is off; drag, "
                     "zoom, search and the type filters work as usual.")
    docs = G.graph.get("documents", [])
    G.graph["notes"] = notes
    G.graph["title"] = (f"unkg · {G.graph.get('view', 'all')} view · {len(docs)} document"
                        f"{'' if len(docs) == 1 else 's'}" + (f" · around {focus}" if focus else ""))
    return G


def cli_viz(args) -> int:
    """``unkg viz GRAPH --out FILE.html``: project, narrow, lay out and write the page."""
    from .project import project_path

    if not str(args.out).lower().endswith((".html", ".htm")):
        raise UserError(f"{args.out}: the view is an HTML file (give --out FILE.html)")
    G = project_path(args.graph, args.view, doc=args.doc)
    if not len(G):
        raise UserError(f"the {args.view} view of this graph is empty")
    G = prepare(G, focus=args.focus, hops=args.hops, max_nodes=getattr(args, "max_nodes", MAX_NODES))
    out = write_view(G, args.out, lang=getattr(args, "lang", "en"), size=getattr(args, "size", None))
    print(f"{out}: {len(G):,} nodes, {G.number_of_edges():,} edges ({args.view} view)")
    return 0
