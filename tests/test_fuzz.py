"""Issue 13: random mixed Chinese/English text in the shapes UN documents use never crashes the
pipeline, every record's offsets hold, and the output is deterministic.

The CI profile is bounded (``UNKG_FUZZ=ci``, the default); ``UNKG_FUZZ=long python -m pytest
tests/test_fuzz.py`` runs the long profile on demand.
"""
from __future__ import annotations

import dataclasses
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unkg.extract.models import UserError
from unkg.extract.pipeline import extract_file

settings.register_profile("ci", max_examples=200, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("long", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("UNKG_FUZZ", "ci"))

# The pieces UN texts are made of, in both languages, including page furniture and broken shapes.
PIECES = [
    "《联合国打击跨国有组织犯罪公约》", "《关于打击陆、海、空偷运移民的补充议定书》", "该议定书", "《公约》",
    "第", "条", "款", "项", "第十八条第13款", "第6条第1款(a)项", "（下称《公约》）", "、", "，", "。", "；", "：",
    "意大利", "南苏丹", "苏丹", "乍得湖", "联合国毒品和犯罪问题办公室", "缔约方会议", "工作组", "第5/3号决议",
    "建议", "应", "鼓励", "不妨考虑", "请秘书处", "一、", "㈠", "㈡", "（a）", "(i)", "1.", "12.", "—", "•",
    "article 6, paragraph 3 (b), of the Protocol", "article", "paragraph", "of the Convention", "the Protocol",
    "Italy", "Niger", "Nigeria", "Guinea-Bissau", "Lake Chad", "Mr. Chad Smith", "UNODC", "the Conference",
    "resolution 5/3", "General Assembly resolution 64/293", "CTOC/COP/WG.7/2022/3", "A/RES/78/136",
    "S/RES/2598 (2021)", "Distr.: General", "22 June 2022", "2022年6月22日", "V.22-03456", "3/12",
    "States parties should", "The Working Group recommended that", "(a)", "(b)", "(h)", "(ii)", "¹", "²", "202127",
    "*", "\u3000", "\f", "\n", "\n\n", " ", "\t", "\u00a0", "Côte d'Ivoire", "São Tomé",
]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), min_size=1, max_size=80).map("".join)


def _records(extraction):
    for field in dataclasses.fields(extraction):
        value = getattr(extraction, field.name)
        if isinstance(value, tuple):
            yield from value


_HOME = Path(tempfile.mkdtemp(prefix="unkg-fuzz-"))  # one path, so two runs read the same file name


def _extract(text: str):
    path = _HOME / "fuzz.txt"
    path.write_text(text, encoding="utf-8")
    try:
        return extract_file(path)
    except UserError:  # a one-line user error (a text of only whitespace...) is a fine outcome
        return None


@given(TEXT)
def test_pipeline_survives_and_offsets_hold(text):
    result = _extract(text)
    if result is None:
        return
    doc = result.doc
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= len(doc.text)
        assert doc.text[block.start:block.end] == block.text
    for record in _records(result):
        start, end, words = (getattr(record, name, None) for name in ("start", "end", "text"))
        if isinstance(start, int) and isinstance(end, int):
            assert 0 <= start <= end <= len(doc.text), record
            if isinstance(words, str) and not hasattr(record, "label"):  # a recommendation's text is cleaned
                assert doc.text[start:end] == words, record
    assert len(doc.offsets) == len(doc.text)
    assert all(0 <= o <= len(doc.source.text) for o in doc.offsets)


@given(TEXT)
def test_output_is_deterministic(text):
    assert _extract(text) == _extract(text)


@settings(max_examples=int(os.environ.get("UNKG_FUZZ_SHACL", "12")), deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(TEXT, min_size=1, max_size=3))
def test_graphs_of_random_documents_conform_to_the_shapes(texts):
    """A sample (SHACL is slow): the graph of a few random documents holds to ontology/shapes.ttl."""
    from pyoxigraph import RdfFormat, Store, serialize
    from unkg.graph.rdf.triples import quads
    from unkg.graph.validate import validate
    store = Store()
    for i, text in enumerate(texts):
        path = _HOME / f"shacl-{i}.txt"
        path.write_text(text, encoding="utf-8")
        try:
            graph, meta = quads(extract_file(path))
            store.load("".join([*graph, *meta]).encode(), format=RdfFormat.N_QUADS)
        except UserError:
            continue
    out = _HOME / "shacl.nq"
    out.write_bytes(serialize(store, format=RdfFormat.N_QUADS))
    conforms, report = validate(str(out))
    assert conforms, report[:2000]
