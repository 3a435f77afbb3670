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
      stats(); search(); labels.invalidate();  // nodes.update redraws
    });
  });
  data.rels.forEach(function (r, i) {  // the link legend: tick to show a type of link
    const row = el($("rels"), "label");
    const box = el(row, "input");
    box.type = "checkbox"; box.checked = true; box.dataset.rel = r;
    const line = el(row, "span", "line"); line.style.background = data.relColours[i];
    el(row, "span", "", r.replace("_", " "));
    el(row, "span", "count", String(data.edges.filter(function (e) { return e[2] === i; }).length));
    box.addEventListener("change", function () {
      edges.update(edges.get({filter: function (e) { return e.rel === r; }}).map(function (e) {
        return {id: e.id, hidden: !box.checked};
      }));
    });
  });

  // -- labels in English or Chinese, drawn by labels.js where they do not overlap
  const order = data.nodes.map(function (n) { return n.id; }).sort(function (a, b) {
    const x = byId.get(a), y = byId.get(b), rank = function (n) {
      return n.id === data.focus ? 0 : n.main ? 1 : n.group === "Document" ? 2 : n.group === "Instrument" ? 3 : 4;
    };
    return rank(x) - rank(y) || y.n - x.n || a - b;
  });
  const labels = unkgLabels.create(network, data.fonts,
    function (id) { return nodes.get(id).label; },
    function (id) { return !state.hidden.has(byId.get(id).group); },
    function () { return order; });
  window.unkg.labels = labels;
  function setLang(lang) {
    state.lang = lang;
    nodes.update(data.nodes.map(function (n) { return {id: n.id, label: lang === "zh" ? n.sz : n.se}; }));
    if (state.ready) { labels.invalidate(); }
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
  $("graph").addEventListener("mouseleave", function () { tip.hidden = true; });  // no blur when leaving
  const explore = unkgExplore.create(data, byId, {
    select: function (ids) { network.selectNodes(ids); },
    // the reader takes room from the graph: its canvas must know now, not at the next window resize
    resized: function () { network.setSize("100%", "100%"); network.redraw(); }});
  window.unkg.explore = explore;
  network.on("click", function (p) {  // a node or a link: read where the documents say it
    if (p.nodes.length) {
      describe($("details"), byId.get(p.nodes[0]), true);
      explore.openNode(p.nodes[0]);
    } else if (p.edges.length) {
      const e = edges.get(p.edges[0]);
      if (byId.get(e.from).group === "Document") { explore.openNode(e.to, e.from); } else { explore.openNode(e.from); }
    }
  });

  // -- the two views, and fit/reset
  function mode(m) {
    if (m === "citations") { explore.showCitations(); }
    $("cites").hidden = m !== "citations";
    $("mode-graph").classList.toggle("on", m === "graph"); $("mode-citations").classList.toggle("on", m === "citations");
  }
  $("mode-graph").addEventListener("click", function () { mode("graph"); });
  $("mode-citations").addEventListener("click", function () { mode("citations"); });
  $("fit").addEventListener("click", function () {
    $("search").value = ""; search(); tip.hidden = true;
    mode(data.start);  // `unkg viz --view citations` opens on the citation view
    network.fit({animation: false});
    labels.compute();
  });
  mode(data.start);  // `unkg viz --view citations` opens on the citation view

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
      labels.invalidate();  // at the settled positions, in the drawing below
      network.fit();
      network.once("afterDrawing", ready);
      network.redraw();
    });
  } else {
    network.once("afterDrawing", ready);
  }
  stats();
})();
