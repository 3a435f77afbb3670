/* Node labels, drawn by the page rather than vis-network, so that they never overlap at rest.
   Each label has a fixed size on screen; the page works out, once the positions are settled, the
   lowest zoom at which a label clears every more important label (documents and instruments
   first, then the most linked) and draws only the labels whose zoom has come: zooming in shows
   more of them. Two labels at zoom z overlap when |dx| < (w1 + w2) / 2z and |dy| < h / z, so the
   zoom that separates them is min((w1 + w2) / 2|dx|, h / |dy|); a label must wait for it only if
   the other one is drawn by then. A grid of cells one widest label wide (at the lowest zoom
   considered) keeps this near-linear at 5,000 nodes. */
const unkgLabels = (function () {
  "use strict";
  const PX = 13, PAD = 3, LINE = 18;  // font size, padding and line height, in screen pixels

  function create(network, fonts, labelOf, isShown, order) {
    const measure = document.createElement("canvas").getContext("2d");
    let items = [], floor = 0;

    function anchor(id) {  // the point under the node where its label starts
      const n = network.body.nodes[id];
      return {x: n.x, y: n.y + (n.shape && n.shape.height ? n.shape.height / 2 : n.options.size || 10)};
    }
    function compute() {
      floor = network.getScale() * 0.6;
      measure.font = PX + "px " + fonts;
      items = [];
      order().forEach(function (id) {
        const text = labelOf(id);
        if (!text || !isShown(id)) { return; }
        const a = anchor(id);
        items.push({id: id, text: text, x: a.x, y: a.y, w: measure.measureText(text).width + 2 * PAD, z: 0});
      });
      const wmax = items.reduce(function (m, it) { return Math.max(m, it.w, LINE); }, 1);
      const cell = wmax / floor, grid = new Map();
      items.forEach(function (it) {
        const gx = Math.floor(it.x / cell), gy = Math.floor(it.y / cell);
        let need = 0;
        for (let i = gx - 1; i <= gx + 1; i++) {
          for (let j = gy - 1; j <= gy + 1; j++) {
            (grid.get(i + "," + j) || []).forEach(function (o) {
              const dx = Math.abs(it.x - o.x), dy = Math.abs(it.y - o.y);
              const z = Math.min(dx ? (it.w + o.w) / (2 * dx) : Infinity, dy ? LINE / dy : Infinity);
              if (z > o.z && z > need) { need = z; }
            });
          }
        }
        it.z = need;
        const key = gx + "," + gy;
        if (!grid.has(key)) { grid.set(key, []); }
        grid.get(key).push(it);
      });
    }
    function drawn() {  // the labels drawn at the current zoom
      const scale = network.getScale();
      return items.filter(function (it) { return it.z <= scale && !network.body.nodes[it.id].options.hidden; });
    }
    function draw(ctx) {
      const scale = network.getScale();
      ctx.save();
      ctx.font = (PX / scale) + "px " + fonts;
      ctx.textAlign = "center"; ctx.textBaseline = "top";
      ctx.lineWidth = 3 / scale; ctx.strokeStyle = "rgba(255,255,255,0.9)"; ctx.fillStyle = "#222";
      drawn().forEach(function (it) {
        const a = anchor(it.id), y = a.y + PAD / scale;
        ctx.strokeText(it.text, a.x, y);
        ctx.fillText(it.text, a.x, y);
      });
      ctx.restore();
    }
    function boxes() {  // screen boxes of the drawn labels (for the tests: none may overlap)
      return drawn().map(function (it) {
        const a = network.canvasToDOM(anchor(it.id));
        return {id: it.id, text: it.text, left: a.x - it.w / 2, right: a.x + it.w / 2, top: a.y, bottom: a.y + LINE};
      });
    }
    let timer = null;
    network.on("afterDrawing", draw);
    network.on("dragEnd", function (p) { if (p.nodes.length) { compute(); network.redraw(); } });
    network.on("zoom", function () {  // zoomed out past the lowest zoom considered: start again
      clearTimeout(timer);
      timer = setTimeout(function () { if (network.getScale() < floor) { compute(); network.redraw(); } }, 150);
    });
    return {compute: function () { compute(); network.redraw(); }, boxes: boxes};
  }
  return {create: create};
})();
