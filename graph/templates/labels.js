/* Node labels, drawn by the page rather than vis-network, so that they never overlap at rest.
   Each label has a fixed size on screen; the page works out, once the positions are settled, the
   lowest zoom at which a label clears every more important label (documents and instruments
   first, then the most linked) and draws only the labels whose zoom has come: zooming in shows
   more of them. Two labels at zoom z overlap when |dx| < (w1 + w2) / 2z and |dy| < h / z. A grid
   of cells one widest label wide and one line high at each zoom level keeps this linear at 5,000
   nodes. */
const unkgLabels = (function () {
  "use strict";
  const PX = 13, PAD = 3, LINE = 18;  // font size, padding and line height, in screen pixels
  const STEP = 1.4, LEVELS = 14;  // zoom levels considered: up to 1.4^13 ≈ 80 times the fitted zoom

  function create(network, fonts, labelOf, isShown, order) {
    const measure = document.createElement("canvas").getContext("2d");
    let items = [], floor = 0;

    function anchor(id) {  // the point under the node where its label starts
      const n = network.body.nodes[id];
      return {x: n.x, y: n.y + (n.shape && n.shape.height ? n.shape.height / 2 : n.options.size || 10)};
    }
    const widths = new Map();  // text -> width on screen (measuring is the slow part)
    function width(text) {
      if (!widths.has(text)) { widths.set(text, measure.measureText(text).width + 2 * PAD); }
      return widths.get(text);
    }
    // Cells one widest label wide and one line high at zoom z: a box can only meet boxes in the
    // eight cells around its own, and (placed boxes never overlap) a cell holds a few at most.
    // The key is a number (a collision only costs a comparison: the test below is exact).
    function fits(grid, it, z, cell) {  // does ``it`` clear every label in ``grid`` at zoom z?
      const gx = Math.floor(it.x / cell[0]), gy = Math.floor(it.y / cell[1]);
      for (let i = gx - 1; i <= gx + 1; i++) {
        for (let j = gy - 1; j <= gy + 1; j++) {
          const near = grid.get(i * 65537 + j) || [];
          for (let k = 0; k < near.length; k++) {
            const o = near[k];
            if (Math.abs(it.x - o.x) < (it.w + o.w) / (2 * z) && Math.abs(it.y - o.y) < LINE / z) { return false; }
          }
        }
      }
      return true;
    }
    function put(grid, it, cell) {
      const key = Math.floor(it.x / cell[0]) * 65537 + Math.floor(it.y / cell[1]);
      if (!grid.has(key)) { grid.set(key, []); }
      grid.get(key).push(it);
    }
    // Zoom levels floor * STEP^k: at each, the labels placed before stay, and the others (most
    // important first) are placed where they clear them. A label placed at a level clears the
    // others at every larger zoom too (boxes only shrink), so "drawn from level k on" never overlaps.
    function compute() {
      floor = network.getScale();  // the zoom at rest; zooming out below it starts again
      measure.font = PX + "px " + fonts;
      items = [];
      order().forEach(function (id) {
        const text = labelOf(id);
        if (!text || !isShown(id)) { return; }
        const a = anchor(id);
        items.push({id: id, text: text, x: a.x, y: a.y, w: width(text), z: Infinity});
      });
      const wmax = items.reduce(function (m, it) { return Math.max(m, it.w, LINE); }, 1);
      let todo = items;
      for (let k = 0, z = floor; k < LEVELS && todo.length; k++, z *= STEP) {
        const cell = [wmax / z, LINE / z], grid = new Map(), left = [];
        items.forEach(function (it) { if (it.z < Infinity) { put(grid, it, cell); } });
        todo.forEach(function (it) {
          if (fits(grid, it, z, cell)) { it.z = k ? z : 0; put(grid, it, cell); } else { left.push(it); }
        });
        todo = left;
      }
    }
    function drawn() {  // the labels drawn at the current zoom, in the window (zoomed in, most are not)
      const scale = network.getScale(), c = network.canvas.frame.canvas;
      const a = network.DOMtoCanvas({x: 0, y: -LINE}), b = network.DOMtoCanvas({x: c.clientWidth, y: c.clientHeight});
      return items.filter(function (it) {
        return it.z <= scale && it.y >= a.y && it.y <= b.y && it.x + it.w / (2 * scale) >= a.x &&
          it.x - it.w / (2 * scale) <= b.x && !network.body.nodes[it.id].options.hidden;
      });
    }
    let dirty = true;  // computed at the next drawing, so settling needs no drawing of its own
    function draw(ctx) {
      if (dirty) { compute(); dirty = false; }
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
    network.on("dragEnd", function (p) { if (p.nodes.length) { dirty = true; network.redraw(); } });
    network.on("zoom", function () {  // zoomed out past the lowest zoom considered: start again
      clearTimeout(timer);
      timer = setTimeout(function () { if (network.getScale() < floor) { dirty = true; network.redraw(); } }, 150);
    });
    return {compute: function () { dirty = true; network.redraw(); }, invalidate: function () { dirty = true; },
            boxes: boxes, count: function (scale) { return items.filter(function (it) { return it.z <= scale; }).length; }};
  }
  return {create: create};
})();
