"""The interactive HTML view (``unkg viz``): one self-contained file that works offline.

The page is built from a pyvis ``Network`` whose node and edge lists are assigned directly
(pyvis's ``add_node``/``from_nx`` scan lists and take ~20 s at 20,000 nodes; assigning takes
0.05 s). pyvis's own templates fetch vis-network and Bootstrap from CDNs even in "local" and
"in_line" modes, so the page is our own: vis-network's script and style are read from the pyvis
package and inlined, the data travel as JSON with ``<``, ``>`` and ``&`` escaped, and a
Content-Security-Policy lets only the page's own scripts run and nothing load from anywhere.

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
from importlib import resources
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from unkg.extract.models import UserError

PHYSICS_MAX = 1000  # above this many nodes: precomputed positions only, physics off
MAX_NODES = 5000  # above this many nodes: keep the best-connected, tell the user
CORE = 300  # nodes laid out by the spring model; the rest are placed around them
STABILIZATION_ITERATIONS = 150

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
    order = sorted(U, key=lambda n: (-U.degree(n), str(n)))
    scale = 40 * math.sqrt(len(U) + 1)
    pos = {n: (x * scale, y * scale) for n, (x, y) in
           nx.spring_layout(_ordered(U, order[:core]), seed=seed, iterations=100).items()}
    _place_around(U, pos, order, rng)
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


def _place_around(U: nx.Graph, pos: dict, order: list, rng: random.Random) -> None:
    """Place the nodes reachable from ``pos`` in rings around their best placed neighbour."""
    frontier = [n for n in order if n in pos]
    while frontier:
        children: dict = {}
        for anchor in frontier:
            for m in sorted(U[anchor], key=lambda m: (-U.degree(m), str(m))):
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
    nodes = []
    for n, i in ids.items():
        d = G.nodes[n]
        kind = d.get("kind") if d.get("kind") in STYLE else "Other"
        en, zh = d.get("label_en") or d.get("key") or str(n), d.get("label_zh") or d.get("label_en") or str(n)
        short_en, short_zh = d.get("short_en") or en, d.get("short_zh") or zh
        nodes.append({"id": i, "label": short_zh if lang == "zh" else short_en, "group": kind,
                      "se": short_en, "sz": short_zh,
                      "value": round(1 + math.sqrt(count.get(n, 0)), 3), "x": pos[n][0], "y": pos[n][1],
                      "en": en, "zh": zh, "key": str(d.get("key", n)), "iri": str(n),
                      "codes": list(d.get("codes") or []), "src": d.get("source") or "",
                      "ref": d.get("source_ref") or "", "n": count.get(n, 0)})
    rels = sorted({d.get("rel", "") for _, _, d in G.edges(data=True)})
    edges = sorted([ids[u], ids[v], rels.index(d.get("rel", "")), d.get("weight", 1), ", ".join(d.get("roles", []))]
                   for u, v, d in G.edges(data=True))  # a fixed order: the same graph settles the same way
    kinds = sorted({nd["group"] for nd in nodes}, key=list(STYLE).index)
    focus = G.graph.get("focus")
    return {"nodes": nodes, "edges": edges, "rels": rels, "lang": lang, "size": size,
            "kinds": [{"kind": k, "colour": STYLE[k][0], "glyph": STYLE[k][2],
                       "count": sum(1 for nd in nodes if nd["group"] == k)} for k in kinds],
            "relColours": [REL_COLOUR.get(r, "#999999") for r in rels],
            "physics": len(nodes) <= PHYSICS_MAX, "focus": ids.get(focus) if focus else None,
            "notes": [note for note in G.graph.get("notes", []) if note],
            "title": G.graph.get("title", "unkg graph")}


def vis_options(data: dict) -> dict:
    """vis-network options: groups per kind, bounded stabilisation, light drawing when large."""
    big = not data["physics"]
    return {
        "groups": {k: {"color": {"background": c, "border": c, "highlight": {"background": c, "border": "#222"}},
                       "shape": shape} for k, (c, shape, _) in STYLE.items()},
        # Labels grow with their node (hubs stay readable when a large graph is zoomed out);
        # small graphs are drawn at a larger zoom, so their labels need less growth.
        "nodes": {"scaling": {"min": 8, "max": 40, "label": {"enabled": True, "min": 14,
                                                              "max": min(44, 18 + len(data["nodes"]) // 10),
                                                              "drawThreshold": 6, "maxVisible": 24}},
                  "font": {"size": 12, "face": "Noto Sans CJK SC, Noto Sans, Arial, sans-serif"},
                  "borderWidth": 1},
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


def _json_for_script(value) -> str:
    """JSON that cannot end its <script> element or open markup: <, >, & and line separators
    are written as \\u escapes (the same value after JSON.parse)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def render(G: nx.DiGraph, *, lang: str = "en", size: str | None = None) -> str:
    """The HTML page of ``G`` (one string, every script and style inline)."""
    data = view_data(G, lang=lang, size=size)
    net = Network(directed=True, height="100%", width="100%", cdn_resources="in_line")
    net.options = vis_options(data)
    net.nodes, net.edges = data.pop("nodes"), data.pop("edges")  # the fast way: no add_node
    nodes, edges, _, _, _, options = net.get_network_data()
    payload = {**data, "nodes": nodes, "edges": edges, "options": json.loads(options)}
    vis_js, app_js = _asset("vis-network.min.js"), _APP_JS
    csp = ("default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'; "
           f"script-src {_sha256(vis_js)} {_sha256(app_js)}; base-uri 'none'; form-action 'none'")
    parts = {"CSP": csp, "TITLE": _escape_text(data["title"]), "LANG": "zh" if lang == "zh" else "en",
             "VIS_CSS": _asset("vis-network.css"), "APP_CSS": _APP_CSS, "VIS_JS": vis_js,
             "DATA": _json_for_script(payload), "APP_JS": app_js}
    # One pass, so nothing inserted (document text included) is ever scanned for placeholders.
    return re.sub(r"@([A-Z_]+)@", lambda m: parts[m[1]], _PAGE)


def _escape_text(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


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
    from .project import project
    from .rdf.store import load

    if not str(args.out).lower().endswith((".html", ".htm")):
        raise UserError(f"{args.out}: the view is an HTML file (give --out FILE.html)")
    G = project(load(args.graph), args.view, doc=args.doc)
    if not len(G):
        raise UserError(f"the {args.view} view of this graph is empty")
    G = prepare(G, focus=args.focus, hops=args.hops, max_nodes=getattr(args, "max_nodes", MAX_NODES))
    out = write_view(G, args.out, lang=getattr(args, "lang", "en"), size=getattr(args, "size", None))
    print(f"{out}: {len(G):,} nodes, {G.number_of_edges():,} edges ({args.view} view)")
    return 0


_PAGE = """<!DOCTYPE html>
<html lang="@LANG@">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="@CSP@">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>@TITLE@</title>
<style>@VIS_CSS@</style>
<style>@APP_CSS@</style>
</head>
<body>
<div id="side">
  <h1 id="title"></h1>
  <div id="stats"></div>
  <div id="notes"></div>
  <input id="search" type="search" placeholder="Search 搜索: name, key, code" autocomplete="off">
  <div id="matches"></div>
  <div class="row"><span>Labels</span>
    <button id="lang-en" type="button">English</button><button id="lang-zh" type="button">中文</button></div>
  <h2>Types <small>(tick to show)</small></h2>
  <div id="legend"></div>
  <h2>Links</h2>
  <div id="rels"></div>
  <div id="details"></div>
</div>
<div id="main"><div id="graph"></div><div id="loading">Laying out…</div></div>
<div id="tip" hidden></div>
<script>@VIS_JS@</script>
<script type="application/json" id="unkg-data">@DATA@</script>
<script>@APP_JS@</script>
</body>
</html>
"""

_APP_CSS = """
html, body { margin: 0; height: 100%; font: 13px/1.4 "Noto Sans CJK SC", "Noto Sans", Arial, sans-serif; color: #222; }
body { display: flex; }
#side { width: 300px; padding: 10px 12px; overflow-y: auto; border-right: 1px solid #ddd; background: #fafafa; box-sizing: border-box; }
#main { flex: 1; position: relative; } #graph { position: absolute; inset: 0; }
h1 { font-size: 15px; margin: 0 0 4px; } h2 { font-size: 13px; margin: 12px 0 4px; } h2 small { font-weight: normal; color: #777; }
#stats { color: #555; margin-bottom: 6px; }
#notes div { background: #fff4d6; border: 1px solid #e8c66a; padding: 6px; margin: 6px 0; border-radius: 4px; }
#search { width: 100%; box-sizing: border-box; padding: 5px; margin: 6px 0 2px; }
#matches { color: #555; max-height: 140px; overflow-y: auto; }
#matches button { display: block; width: 100%; text-align: left; border: 0; background: none; padding: 2px 0; cursor: pointer; color: #1a4f8b; }
.row { margin: 6px 0; } .row span { margin-right: 6px; }
.row button { margin-right: 4px; } .row button.on { font-weight: bold; }
#legend label, #rels div { display: flex; align-items: center; gap: 6px; padding: 1px 0; cursor: pointer; }
.glyph { width: 16px; text-align: center; font-size: 15px; } .count { color: #777; margin-left: auto; }
.line { width: 18px; height: 3px; display: inline-block; }
#details { margin-top: 12px; border-top: 1px solid #ddd; padding-top: 8px; }
#tip { position: fixed; z-index: 10; max-width: 380px; background: #fff; border: 1px solid #999; border-radius: 4px; padding: 6px 8px; box-shadow: 0 2px 6px rgba(0,0,0,.2); pointer-events: none; }
.t-title { font-weight: bold; } .t-kind { color: #666; } .t-src { margin-top: 4px; } .t-ref { color: #666; font-style: italic; }
#loading[hidden] { display: none; } #loading { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; background: rgba(255,255,255,.85); font-size: 16px; z-index: 5; }
"""

_APP_JS = r"""
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("unkg-data").textContent);
  const byId = new Map(data.nodes.map(function (n) { return [n.id, n]; }));
  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges.map(function (e, i) {
    return {id: i, from: e[0], to: e[1], rel: data.rels[e[2]], value: e[3], roles: e[4],
            color: {color: data.relColours[e[2]], highlight: "#222"}, dashes: data.rels[e[2]] === "part_of"};
  }));
  const $ = function (id) { return document.getElementById(id); };
  function el(parent, tag, cls, text) {  // every piece of document text goes in as textContent
    const e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    parent.appendChild(e);
    return e;
  }
  const state = {lang: data.lang, hidden: new Set(), ready: false};
  const network = new vis.Network($("graph"), {nodes: nodes, edges: edges}, data.options);
  window.unkg = {network: network, nodes: nodes, edges: edges, state: state,
    visibleNodeIds: function () {
      return network.body.nodeIndices.filter(function (id) { return !network.body.nodes[id].options.hidden; });
    }};

  $("title").textContent = data.title;
  function stats() {
    const shown = window.unkg.visibleNodeIds().length;
    $("stats").textContent = shown + " of " + data.nodes.length + " nodes shown, " + data.edges.length +
      " links; size = " + (data.size === "citations" ? "citations" : "links");
  }
  data.notes.forEach(function (note) { el($("notes"), "div", "", note); });

  // -- legend and type filters
  data.kinds.forEach(function (k) {
    const row = el($("legend"), "label");
    const box = el(row, "input");
    box.type = "checkbox"; box.checked = true; box.dataset.kind = k.kind;
    const g = el(row, "span", "glyph", k.glyph); g.style.color = k.colour;
    el(row, "span", "", k.kind);
    el(row, "span", "count", String(k.count));
    box.addEventListener("change", function () {
      if (box.checked) { state.hidden.delete(k.kind); } else { state.hidden.add(k.kind); }
      const changes = [];
      data.nodes.forEach(function (n) {
        if (n.group === k.kind) { changes.push({id: n.id, hidden: !box.checked}); }
      });
      nodes.update(changes);
      stats(); search();
    });
  });
  data.rels.forEach(function (r, i) {
    const row = el($("rels"), "div");
    const line = el(row, "span", "line"); line.style.background = data.relColours[i];
    el(row, "span", "", r.replace("_", " "));
  });

  // -- labels in English or Chinese
  function setLang(lang) {
    state.lang = lang;
    nodes.update(data.nodes.map(function (n) { return {id: n.id, label: lang === "zh" ? n.sz : n.se}; }));
    $("lang-en").classList.toggle("on", lang === "en"); $("lang-zh").classList.toggle("on", lang === "zh");
  }
  $("lang-en").addEventListener("click", function () { setLang("en"); });
  $("lang-zh").addEventListener("click", function () { setLang("zh"); });
  $("lang-en").classList.toggle("on", state.lang === "en"); $("lang-zh").classList.toggle("on", state.lang === "zh");

  // -- tooltips and the details panel: text only
  function describe(box, n, full) {
    box.replaceChildren();
    el(box, "div", "t-title", n.en === n.zh ? n.en : n.en + " · " + n.zh);
    el(box, "div", "t-kind", n.group + " · " + n.key + (n.codes.length ? " · " + n.codes.join(", ") : ""));
    if (n.n) { el(box, "div", "t-kind", (data.size === "citations" ? "citations: " : "links: ") + n.n); }
    if (n.src) { el(box, "div", "t-src", "“" + n.src + "”"); }
    if (n.ref) { el(box, "div", "t-ref", "— " + n.ref); }
    if (full) { el(box, "div", "t-kind", n.iri); }
  }
  const tip = $("tip");
  function showTip(fill, pointer) {
    fill(tip);
    const r = $("graph").getBoundingClientRect();
    tip.style.left = Math.min(r.left + pointer.x + 14, window.innerWidth - 400) + "px";
    tip.style.top = (r.top + pointer.y + 14) + "px";
    tip.hidden = false;
  }
  network.on("hoverNode", function (p) {
    showTip(function (box) { describe(box, byId.get(p.node), false); }, p.pointer.DOM);
  });
  network.on("hoverEdge", function (p) {
    const e = edges.get(p.edge);
    showTip(function (box) {
      box.replaceChildren();
      el(box, "div", "t-title", byId.get(e.from).en + " → " + byId.get(e.to).en);
      el(box, "div", "t-kind", e.rel.replace("_", " ") + (e.roles ? " (" + e.roles + ")" : "") +
         (e.value > 1 ? " × " + e.value : ""));
    }, p.pointer.DOM);
  });
  network.on("blurNode", function () { tip.hidden = true; });
  network.on("blurEdge", function () { tip.hidden = true; });
  network.on("dragStart", function () { tip.hidden = true; });
  network.on("click", function (p) {
    if (p.nodes.length) { describe($("details"), byId.get(p.nodes[0]), true); }
  });

  // -- search by name, key or code
  function search() {
    const q = $("search").value.trim().toLowerCase();
    const box = $("matches");
    box.replaceChildren();
    if (!q) { network.unselectAll(); return []; }
    const hits = data.nodes.filter(function (n) {
      return !state.hidden.has(n.group) && (n.en.toLowerCase().indexOf(q) >= 0 || n.zh.indexOf(q) >= 0 ||
        n.key.toLowerCase().indexOf(q) >= 0 || n.codes.join(" ").toLowerCase().indexOf(q) >= 0);
    });
    el(box, "div", "", hits.length + (hits.length === 1 ? " match" : " matches"));
    hits.slice(0, 50).forEach(function (n) {
      const b = el(box, "button", "", state.lang === "zh" ? n.zh : n.en);
      b.type = "button";
      b.addEventListener("click", function () { focusOn(n.id); });
    });
    network.selectNodes(hits.map(function (n) { return n.id; }));
    return hits;
  }
  function focusOn(id) {
    network.selectNodes([id]);
    network.focus(id, {scale: 1.2, animation: {duration: 300}});
    describe($("details"), byId.get(id), true);
  }
  let timer = null;
  $("search").addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 120); });
  $("search").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { const hits = search(); if (hits.length) { focusOn(hits[0].id); } }
  });
  window.unkg.search = function (q) { $("search").value = q; return search().map(function (n) { return n.id; }); };

  // -- settle, then stop
  function ready() {
    if (state.ready) { return; }
    state.ready = true;
    $("loading").hidden = true;
    if (data.focus !== null) { network.selectNodes([data.focus]); describe($("details"), byId.get(data.focus), true); }
    stats();
    document.body.dataset.ready = "1";
  }
  if (data.physics) {
    network.on("stabilizationProgress", function (p) {
      $("loading").textContent = "Laying out " + data.nodes.length + " nodes… " + Math.round(100 * p.iterations / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: false});
      network.fit();
      network.once("afterDrawing", ready);
      network.redraw();
    });
  } else {
    network.once("afterDrawing", ready);
  }
  stats();
})();
"""
