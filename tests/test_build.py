"""`unkg build`, `query` and `validate` through the real command line."""
import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pyoxigraph import BlankNode, NamedNode, RdfFormat, Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def unkg(*args, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "unkg", *map(str, args)], input=stdin,
                          capture_output=True, text=True, cwd=ROOT)


def rows(graph: Path, name: str) -> list[dict]:
    out = unkg("query", graph, "--name", name, "--format", "csv")
    assert out.returncode == 0, out.stderr
    return list(csv.DictReader(io.StringIO(out.stdout)))


def records(sparql_json: str) -> list[dict]:
    """SPARQL 1.1 JSON results as a list of {variable: value} (unbound left out)."""
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(sparql_json)["results"]["bindings"]]


def quad_set(path: Path) -> set[str]:
    st = Store()
    st.bulk_load(path=str(path), format=RdfFormat.TRIG)
    assert not any(isinstance(t, BlankNode) for q in st for t in (q.subject, q.object))
    return {str(q) for q in st}


@pytest.fixture(scope="module")
def seeds_graph(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("g") / "seeds.trig"
    result = unkg("build", SEEDS, "--out", out)
    assert result.returncode == 0, result.stderr
    assert "built 4 of 4 documents" in result.stderr
    return out


def test_documents_query_has_the_contract_columns(seeds_graph):
    docs = rows(seeds_graph, "documents")
    assert {d["doc"] for d in docs} == {"001_cdb74ec8a63a6727", "CTOC/COP/WG.7/2022/3",
                                        "003_28d5586563dc01f3", "004_3f756bb20ebb5459"}
    d3 = next(d for d in docs if d["doc"] == "003_28d5586563dc01f3")
    assert {k: d3[k] for k in ("language", "meeting_number", "meeting_start", "meeting_end", "place", "issued")} \
        == {"language": "zh", "meeting_number": "4", "meeting_start": "2017-09-11",
            "meeting_end": "2017-09-13", "place": "Vienna", "issued": "2017-09-11"}
    assert d3["body"] == "Working Group on the Smuggling of Migrants"


def test_two_builds_are_isomorphic(seeds_graph, tmp_path):
    again = tmp_path / "again.trig"
    assert unkg("build", SEEDS, "--out", again).returncode == 0
    assert quad_set(again) == quad_set(seeds_graph)  # no blank nodes: equal sets = isomorphic


def test_rebuilding_one_changed_document_replaces_only_its_graph(seeds_graph, tmp_path):
    out = tmp_path / "g.trig"
    shutil.copy(seeds_graph, out)
    changed = tmp_path / "001_cdb74ec8a63a6727.txt"
    changed.write_text((SEEDS / changed.name).read_text("utf-8").replace("斐济、", ""), "utf-8")
    assert unkg("build", changed, "--out", out).returncode == 0
    before, after = quad_set(seeds_graph), quad_set(out)
    graph_001 = "<https://w3id.org/unkg/graph/001_cdb74ec8a63a6727/zh>"
    others = lambda qs: {q for q in qs if graph_001 not in q and "graph/meta" not in q}
    assert others(before) == others(after)
    fiji = lambda qs: {q for q in qs if graph_001 in q and "state/FJI" in q}
    assert fiji(before) and not fiji(after)
    runs = lambda qs: {q for q in qs if "graph/meta" in q and "ontology#Run" in q}
    assert len(runs(after)) == len(runs(before)) == 4  # the old run of 001 went with its graph


def test_bad_inputs_each_get_one_line_and_the_rest_is_built(tmp_path, make_image_pdf, make_pdf, seeds_graph):
    good = tmp_path / "in"
    good.mkdir()
    (good / "empty.txt").write_bytes(b"")
    (good / "random.txt").write_bytes(os.urandom(2048))
    (good / "gbk.txt").write_bytes("偷运移民问题工作组\n\n1. 意大利和墨西哥的代表作了发言。\n".encode("gbk"))
    shutil.copy(make_image_pdf("scan.pdf", "Scanned page"), good / "scan.pdf")
    whole = make_pdf("whole.pdf", [["1. 阿尔及利亚的代表作了发言。"]]).read_bytes()
    (good / "truncated.pdf").write_bytes(whole[: len(whole) // 2])
    shutil.copy(SEEDS / "003_28d5586563dc01f3.txt", good)
    notes = tmp_path / "notes.xyz"
    notes.write_text("hello")
    out = tmp_path / "g.trig"
    shutil.copy(seeds_graph, out)  # a store that already holds documents
    result = unkg("build", good, notes, "--out", out)
    assert result.returncode == 1
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("unkg: ") and "built" not in ln]
    assert "Traceback" not in result.stderr
    expect = {"empty.txt": "empty file", "random.txt": "not a text file", "scan.pdf": "no text layer",
              "truncated.pdf": "not a readable PDF", "notes.xyz": "unsupported file type"}
    assert len(errors) == len(expect)
    for name, problem in expect.items():
        assert any(name in e and problem in e for e in errors), (name, errors)
    docs = {d["file"] for d in rows(out, "documents")}
    assert {"gbk", "003_28d5586563dc01f3", "001_cdb74ec8a63a6727", "004_3f756bb20ebb5459"} <= docs
    gbk_states = {r["key"] for r in rows(out, "mentions") if r["doc"] == "gbk" and r["type"] == "State"}
    assert gbk_states == {"ITA", "MEX"}


@pytest.mark.parametrize("suffix, fmt", [(".nq", RdfFormat.N_QUADS), (".ttl", RdfFormat.TURTLE),
                                          (".jsonld", RdfFormat.JSON_LD)])
def test_output_formats_reload(tmp_path, suffix, fmt):
    out = tmp_path / f"g{suffix}"
    assert unkg("build", SEEDS / "003_28d5586563dc01f3.txt", "--out", out).returncode == 0
    st = Store()
    st.bulk_load(path=str(out), format=fmt)
    assert len(st) > 500
    assert len(rows(out, "participants")) > 50


def test_validate_conforms_and_reports(seeds_graph, tmp_path):
    ok = unkg("validate", seeds_graph)
    assert ok.returncode == 0 and "conforms" in ok.stdout
    bad = tmp_path / "bad.trig"
    bad.write_text('<https://w3id.org/unkg/graph/x/zh> { <https://w3id.org/unkg/id/doc/x> a '
                   '<https://w3id.org/unkg/ontology#UNDocument> ; <http://purl.org/dc/terms/language> "fr" . }\n')
    result = unkg("validate", bad)
    assert result.returncode == 1 and "Constraint Violation" in result.stdout


def test_a_joint_symbol_conforms(tmp_path):
    """A report printed under a joint symbol (E/2022/30-E/CN.15/2022/14) keeps it whole: valid."""
    doc = tmp_path / "ccpcj.txt"
    doc.write_text("E/2022/30-E/CN.15/2022/14\n\n预防犯罪和刑事司法委员会\n第三十一届会议报告\n\n"
                   "1. 委员会下列成员国的代表出席了会议：奥地利、巴西。\n", encoding="utf-8")
    out = tmp_path / "g.trig"
    assert unkg("build", doc, "--out", out).returncode == 0
    assert {d["symbol"] for d in rows(out, "documents")} == {"E/2022/30-E/CN.15/2022/14"}
    ok = unkg("validate", out)
    assert ok.returncode == 0, ok.stdout


def test_query_errors_and_inputs(seeds_graph, tmp_path):
    unknown = unkg("query", seeds_graph, "--name", "nope")
    assert unknown.returncode == 2 and unknown.stderr.count("\n") == 1 and "no named query 'nope'" in unknown.stderr
    missing = unkg("query", tmp_path / "none.trig", "--name", "documents")
    assert missing.returncode == 2 and "no such graph file" in missing.stderr
    sparql = "SELECT (COUNT(*) AS ?n) WHERE { ?d a unkg:UNDocument }"
    (tmp_path / "q.rq").write_text(sparql)
    from_file = unkg("query", seeds_graph, "--sparql", tmp_path / "q.rq", "--format", "json")
    assert records(from_file.stdout) == [{"n": "4"}]
    from_stdin = unkg("query", seeds_graph, "--sparql", "-", "--format", "table", stdin=sparql)
    assert "(1 rows)" in from_stdin.stdout
    broken = unkg("query", seeds_graph, "--sparql", "-", stdin="SELECT WHERE {")
    assert broken.returncode == 2 and "SPARQL syntax error" in broken.stderr


def test_help_explains_each_command_with_an_example():
    for cmd in ("build", "query", "validate", "serve", "analyze", "viz"):
        out = unkg(cmd, "--help")
        assert out.returncode == 0 and "example" in out.stdout and f"unkg {cmd}" in out.stdout


def test_pdf_docx_and_html_build_like_text(tmp_path, make_pdf, make_docx):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(make_pdf("report.pdf", [["偷运移民问题工作组", "1. 下列缔约国的代表作了发言：阿尔及利亚、巴西、古巴。"],
                                        ["2. 工作组注意到《偷运移民议定书》第 6 条第 3 款。"]]), folder)
    shutil.copy(make_docx("report_en.docx", "Working Group on Trafficking in Persons",
                          ["1. Statements were made by the representatives of the following States parties: "
                           "Niger, Nigeria and Guinea-Bissau."],
                          [["State", "Role"], ["Chile", "observer"]],
                          ["2. The Working Group noted article 9, paragraph 4, of the Trafficking in Persons Protocol."]),
                folder)
    (folder / "page.html").write_text(
        "<html><head><title>t</title><script>var x = 'Italy';</script></head><body>"
        "<p>1. The representative of Mexico said that A/76/642 &amp; S/2020/785 were relevant.</p></body></html>",
        "utf-8")
    out = tmp_path / "g.trig"
    assert unkg("build", folder, "--out", out).returncode == 0
    states = {(r["doc"], r["key"]) for r in rows(out, "mentions") if r["type"] == "State"}
    pdf = "CTOC/COP/WG.7/2022/3"  # the symbol its page headers print is its key
    assert {(pdf, "DZA"), (pdf, "BRA"), (pdf, "CUB")} <= states  # the PDF (zh)
    assert {("report_en", k) for k in ("NER", "NGA", "GNB", "CHL")} <= states  # the DOCX
    assert ("page", "MEX") in states and ("page", "ITA") not in states  # scripts are not text
    cites = {(r["instrument_key"], r["article"], r["paragraph"]) for r in rows(out, "citations")}
    assert {("SOM-Protocol", "6", "3"), ("TIP-Protocol", "9", "4")} <= cites
    assert {r["symbol"] for r in rows(out, "symbols") if r["doc"] == "page"} == {"A/76/642", "S/2020/785"}


def test_repeated_paragraph_numbers_get_distinct_iris(tmp_path):
    """A report embedding a resolution numbers paragraphs 1, 2 again: both are kept, and the
    graph still conforms (one dct:isPartOf per paragraph)."""
    doc = tmp_path / "report.txt"
    doc.write_text("I. Resolutions adopted by the Conference\n\nResolution 10/4\n\n"
                   "1. Urges States parties to implement the Convention;\n2. Requests the Secretariat to report.\n\n"
                   "II. Introduction\n\n1. The Conference held its tenth session in Vienna.\n"
                   "2. The session was opened by the President.\n", "utf-8")
    out = tmp_path / "g.trig"
    assert unkg("build", doc, "--out", out).returncode == 0
    texts = {q.split(" ", 2)[0] for q in quad_set(out) if "/para_1" in q and "rdf-syntax-ns#value" in q}
    assert len(texts) == 2
    assert unkg("validate", out).returncode == 0


def test_english_and_chinese_versions_share_their_iris(tmp_path):
    data = ROOT / "tests" / "data"
    out = tmp_path / "g.trig"
    assert unkg("build", data / "report_wgtip_en.txt", data / "report_wgtip_zh.txt", "--out", out).returncode == 0
    assert unkg("validate", out).returncode == 0
    docs = rows(out, "documents")
    assert sorted(d["language"] for d in docs) == ["en", "zh"] and len({d["doc"] for d in docs}) == 1
    fields = ("body", "meeting_number", "meeting_start", "meeting_end", "place")
    assert {tuple(d[f] for f in fields) for d in docs} == {tuple(docs[0][f] for f in fields)}
    per_lang = "SELECT ?lang ?x WHERE { GRAPH ?g { ?d dct:language ?lang . ?x a ?t } VALUES ?t { doco:Paragraph doco:Section } }"
    found = unkg("query", out, "--sparql", "-", "--format", "json", stdin=per_lang)
    nodes = {}
    for r in records(found.stdout):
        if "/block_" not in r["x"]:  # unnumbered blocks are named per language by design
            nodes.setdefault(r["lang"], set()).add(r["x"])
    assert nodes["en"] == nodes["zh"] and any("/sec_" in x for x in nodes["en"])
    parts = lambda lang: {(r["key"], r["role"]) for r in records(unkg(
        "query", out, "--sparql", "-", "--format", "json", stdin=(
            "SELECT ?key ?role WHERE { GRAPH ?g { ?d dct:language '%s' . ?p unkg:agent ?e ; unkg:role ?role . "
            "?e unkg:key ?key } }" % lang)).stdout)}
    registered = lambda lang: {p for p in parts(lang) if not p[0].startswith("candidate:")}
    assert registered("en") == registered("zh") and len(registered("en")) > 10  # NGOs not in the
    # registry are keyed by their printed name, which differs by language


def test_most_cited_articles_rolls_paragraphs_up(seeds_graph):
    ranked = {(r["instrument_key"], r["article"], r["paragraph"]): int(r["count"])
              for r in rows(seeds_graph, "most-cited-articles")}
    assert ranked[("SOM-Protocol", "6", "")] == 2  # article 6 (para. 2(b)) and 6(3) (para. 48)
    assert ranked[("SOM-Protocol", "6", "3")] == 1
    assert ranked[("TIP-Protocol", "9", "")] == 2 and ("COP-Rules", "2", "") not in ranked
