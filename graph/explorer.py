"""What the view's explorer reads besides the graph: the citation table and the reader's texts.

- ``citation_table``: treaties -> articles, ordered by how often documents cite them, each with
  its title (from the treaty texts, ``ontology/treaties.py``; absent where unkg has no text, never
  invented), the documents, bodies and years citing it, and the provision nodes it gathers.
- ``reader_data``: the paragraphs behind each node (``G.graph["facts"]``, kept by
  ``project.py``) as one table of paragraphs and, per node, (paragraph, exact words) pairs; and
  the text of every cited article, paragraph by paragraph, so a citation can be read beside the
  sentence that makes it.

Citations are counted as ``analyze.citation_counts`` counts them (documents' ``cites`` edges,
their weights summed), rolled up to the article, so the table and the node sizes agree.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

import networkx as nx

from unkg.ontology.treaties import treaty

from .nodes import PROVISION_WORDS

_SYMBOL_YEAR = re.compile(r"/((?:19|20)\d\d)(?:/|$)")
FACTS_PER_NODE = 40  # paragraphs kept per node for the reader (a State can be named 100 times)


def _number(value: str) -> tuple:
    """Sort key: articles as numbers (4 before 13), then anything else as text."""
    head = "".join(ch for ch in value if ch.isdigit())
    return (int(head) if head else 10**9, value)


def article_key(d: dict) -> str:
    """The article a provision node belongs to: "UNTOC 18", "COP-Rules rule 2"."""
    word = {"article": "", "model-article": ""}.get(d.get("provision_kind") or "article",
                                                    f"{d.get('provision_kind')} ")
    return f"{d.get('instrument_key', '')} {word}{d.get('article', '')}"


def article_number(d: dict) -> str:
    """How the article is written: "art. 18", "rule 2", "recital 5"."""
    word = PROVISION_WORDS.get(d.get("provision_kind") or "article", PROVISION_WORDS["article"])[0]
    return f"{word} {d.get('article', '')}"


def _year(d: dict) -> str:
    """A document's year: issued, else its meeting's, else the one its symbol holds (A/76/642 has
    none; CTOC/COP/WG.7/2022/3 says 2022); "n.d." when nothing says."""
    m = _SYMBOL_YEAR.search(d.get("symbol") or "")
    return d.get("year") or (m[1] if m else "n.d.")


def _article_of(d: dict) -> tuple[str, str, str]:
    return d.get("instrument_key", ""), article_key(d), d.get("article", "")


def _chapter(chapter) -> str:
    """"Chapter I. General provisions" (the texts give a chapter as a number and a title)."""
    if isinstance(chapter, dict):
        return ". ".join(x for x in (f"Chapter {chapter.get('number')}" if chapter.get("number") else "",
                                     chapter.get("title") or "") if x)
    return chapter or ""


def _article_text(instrument: str, number: str) -> dict | None:
    t = treaty(instrument) if instrument else None
    a = t.article(number) if t else None
    if a is None:
        return None
    return {"treaty": t.title, "title": a.title or "", "chapter": _chapter(a.chapter),
            "paragraphs": [[p.number or "", p.text] for p in a.paragraphs]}


def citation_table(G: nx.DiGraph, ids: dict) -> list[dict]:
    """Instruments (most cited first) with their cited articles (most cited first)."""
    arts: dict = defaultdict(lambda: {"n": 0, "docs": Counter(), "bodies": Counter(),
                                      "years": Counter(), "nodes": set(), "num": ""})
    for u, v, d in G.edges(data=True):
        pv, du = G.nodes[v], G.nodes[u]
        if d.get("rel") != "cites" or pv.get("kind") != "Provision" or du.get("kind") != "Document":
            continue
        a, w = arts[_article_of(pv)], d.get("weight", 1)
        a["n"] += w
        a["docs"][ids[u]] += w
        a["bodies"][du.get("body") or "?"] += w
        a["years"][_year(du)] += w
        a["nodes"].add(ids[v])
        a["num"] = article_number(pv)
    for n, d in G.nodes(data=True):  # provisions cited only by recommendations still belong
        if d.get("kind") == "Provision" and _article_of(d) in arts:
            arts[_article_of(d)]["nodes"].add(ids[n])
    by_inst: dict = defaultdict(list)
    for (inst, key, number), a in arts.items():
        text = _article_text(inst, number) if key == f"{inst} {number}" else None
        by_inst[inst].append({"key": key, "number": number, "num": a["num"], "label": f"{inst} {a['num']}",
                              "n": a["n"], "title": text["title"] if text else "",
                              "docs": sorted(a["docs"].items(), key=lambda x: (-x[1], x[0])),
                              "bodies": sorted(a["bodies"].items(), key=lambda x: (-x[1], x[0])),
                              "years": sorted(a["years"].items()), "nodes": sorted(a["nodes"])})
    table = []
    for inst, rows in by_inst.items():
        rows.sort(key=lambda r: (-r["n"], _number(r["number"]), r["key"]))
        t = treaty(inst) if inst else None
        table.append({"instrument": inst, "title": t.title if t else "", "n": sum(r["n"] for r in rows),
                      "articles": rows})
    table.sort(key=lambda t: (-t["n"], t["instrument"]))
    return table


def reader_data(G: nx.DiGraph, ids: dict) -> dict:
    """Paragraphs, each node's facts in them, and the texts of cited articles."""
    paras: dict = {}
    facts: dict = {}
    for n, found in G.graph.get("facts", {}).items():
        if n not in ids:
            continue
        rows, seen = [], set()
        for where, text, exact in found:
            p = paras.setdefault((where, text), len(paras))
            if (p, exact) not in seen and len(rows) < FACTS_PER_NODE:
                seen.add((p, exact))
                rows.append([p, exact])
        facts[ids[n]] = rows
    texts = {}
    for n, d in G.nodes(data=True):
        if d.get("kind") == "Provision" and (d.get("provision_kind") or "article") == "article":
            key = article_key(d)
            if key not in texts:
                texts[key] = _article_text(d.get("instrument_key", ""), d.get("article", ""))
                if texts[key]:
                    texts[key]["label"] = f"{d.get('instrument_key', '')} {article_number(d)}"
    return {"paragraphs": [[where, text] for (where, text) in paras],
            "facts": {str(k): v for k, v in sorted(facts.items())},
            "articles": {k: v for k, v in sorted(texts.items()) if v}}
