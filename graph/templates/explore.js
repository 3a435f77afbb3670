/* The explorer's two panels: the citation view (instruments -> articles, most cited first, with
   who cites them and when) and the reader (the paragraphs a fact comes from, its exact words
   marked, and for a citation the article's own text). Every piece of text goes in as
   textContent: document text is never markup. */
const unkgExplore = (function () {
  "use strict";
  const SHORT = 1200;  // characters: an article cited as a whole is shown open up to this length

  function el(parent, tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    parent.appendChild(e);
    return e;
  }

  // ``text`` with every occurrence of each of ``words`` in <mark> (overlaps merged).
  function marked(parent, text, words) {
    const spans = [];
    words.forEach(function (w) {
      if (!w) { return; }
      for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + w.length)) { spans.push([at, at + w.length]); }
    });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    let pos = 0;
    spans.forEach(function (s) {
      if (s[1] <= pos) { return; }
      const from = Math.max(s[0], pos);
      if (from > pos) { parent.appendChild(document.createTextNode(text.slice(pos, from))); }
      el(parent, "mark", "", text.slice(from, s[1]));
      pos = s[1];
    });
    if (pos < text.length) { parent.appendChild(document.createTextNode(text.slice(pos))); }
    return parent;
  }

  function create(data, byId, hooks) {
    const reader = document.getElementById("reader"), body = document.getElementById("reader-body");
    const paras = data.reader.paragraphs, facts = data.reader.facts, texts = data.reader.articles;

    function article(box, key, cited) {  // the article's text, the cited paragraphs marked
      const a = texts[key];
      if (!a) { return; }
      const head = el(box, "div", "art-head");
      el(head, "div", "art-title", a.label + (a.title ? " — " + a.title : ""));
      el(head, "div", "t-kind", a.treaty + (a.chapter ? " · " + a.chapter : ""));
      // The cited paragraphs; the whole article when it is cited as a whole and short, else folded.
      const whole = cited.length === 0 && a.paragraphs.reduce(function (n, p) { return n + p[1].length; }, 0) < SHORT;
      a.paragraphs.forEach(function (p) {
        const hit = cited.indexOf(p[0]) >= 0;
        if (!whole && !hit) { return; }
        el(box, "p", "art-para" + (hit ? " cited" : ""), (p[0] ? p[0] + ". " : "") + p[1]);
      });
      if (!whole) {
        const more = el(box, "details", "art-more");
        el(more, "summary", "", "The whole article");
        a.paragraphs.forEach(function (p) { el(more, "p", "art-para", (p[0] ? p[0] + ". " : "") + p[1]); });
      }
    }
    function from(where, doc) {  // "SYMBOL, para. 4" (nodes.ref): is it in ``doc``?
      return [doc.key, doc.se, doc.se.split(" · ")[0]].some(function (name) {
        return where === name || where.indexOf(name + ",") === 0;
      });
    }
    function passages(box, ids, doc) {  // the paragraphs naming ``ids``, grouped, words marked
      const groups = new Map();
      ids.forEach(function (id) {
        (facts[id] || []).forEach(function (f) {
          const where = paras[f[0]][0];
          if (doc && !from(where, doc)) { return; }
          if (!groups.has(f[0])) { groups.set(f[0], []); }
          groups.get(f[0]).push(f[1]);
        });
      });
      el(box, "h3", "", groups.size ? "Where the documents say it (" + groups.size + ")" : "No paragraph kept for this");
      groups.forEach(function (words, p) {
        const q = el(box, "blockquote", "passage");
        el(q, "div", "t-ref", paras[p][0]);
        marked(el(q, "p"), paras[p][1], words);
      });
    }
    function open(title, kind, fill) {
      body.replaceChildren();
      el(body, "div", "t-title", title);
      if (kind) { el(body, "div", "t-kind", kind); }
      fill(body);
      if (reader.hidden) { reader.hidden = false; hooks.resized(); }
      body.scrollTop = 0;
    }
    function openNode(id, docId) {  // a node, or one document's links to it (a clicked edge)
      const n = byId.get(id), doc = docId !== undefined ? byId.get(docId) : null;
      open((doc ? doc.se + " → " : "") + n.en + (n.zh !== n.en ? " · " + n.zh : ""), n.group + " · " + n.key, function (box) {
        if (n.group === "Recommendation" && n.src) {
          el(box, "h3", "", "The recommendation");
          marked(el(el(box, "blockquote", "passage"), "p"), n.src, [n.src]);
        }
        passages(box, [id], doc);
        if (n.art) { article(box, n.art, n.par ? [n.par] : []); }
      });
    }
    function openArticle(inst, row) {
      open(row.label + (row.title ? " — " + row.title : ""),
           row.n + (row.n === 1 ? " citation" : " citations"), function (box) {
        const cited = row.nodes.map(function (id) { return byId.get(id).par; }).filter(Boolean);
        passages(box, row.nodes, null);
        article(box, row.key, cited);
      });
      hooks.select(row.nodes);
    }
    document.getElementById("reader-close").addEventListener("click", function () { reader.hidden = true; hooks.resized(); });

    // -- the citation view
    function citations() {
      const box = document.getElementById("cites");
      const years = [...new Set(data.citations.flatMap(function (t) {
        return t.articles.flatMap(function (r) { return r.years.map(function (y) { return y[0]; }); });
      }))].sort();
      const top = Math.max(1, ...data.citations.flatMap(function (t) { return t.articles.map(function (r) { return r.n; }); }));
      el(box, "h2", "", "Citations by instrument and article");
      if (!data.citations.length) { el(box, "p", "", "Nothing in this view cites a provision."); }
      data.citations.forEach(function (t) {
        const sec = el(box, "section", "inst");
        el(sec, "h3", "", t.instrument + (t.title ? " — " + t.title : "") + " · " + t.n);
        const axis = el(sec, "div", "art-row axis");
        el(axis, "span", "num"); el(axis, "span", "title"); el(axis, "span", "bar"); el(axis, "span", "count");
        const heat = el(axis, "span", "heat");
        years.forEach(function (y) { el(heat, "span", "cell", y); });
        t.articles.forEach(function (r) { row(sec, t, r, years, top); });
      });
    }
    function row(sec, t, r, years, top) {
      const b = el(sec, "button", "art-row");
      b.type = "button"; b.dataset.key = r.key;
      el(b, "span", "num", r.num);
      el(b, "span", "title", r.title || "");
      el(el(b, "span", "bar"), "span", "fill").style.width = (100 * r.n / top) + "%";
      el(b, "span", "count", String(r.n));
      const heat = el(b, "span", "heat"), byYear = new Map(r.years);
      years.forEach(function (y) {
        const c = el(heat, "span", "cell", byYear.get(y) ? String(byYear.get(y)) : "");
        c.style.background = byYear.get(y) ? "rgba(225,87,89," + (0.25 + 0.75 * byYear.get(y) / top) + ")" : "#f1f1f1";
      });
      el(b, "span", "who", r.docs.map(function (d) { return byId.get(d[0]).se + " ×" + d[1]; }).join("; ") +
         " — " + r.bodies.map(function (x) { return x[0]; }).join(", "));
      b.addEventListener("click", function () { openArticle(t, r); });
    }
    let built = false;  // built when first shown: a large view need not wait for it
    return {openNode: openNode, openArticle: openArticle,
            showCitations: function () { if (!built) { built = true; citations(); } }};
  }
  return {create: create, marked: marked};
})();
