"""Valid and invalid Turtle cases for every shape, under both SHACL engines (the screen in
front of them is tested against the same cases in test_shacl_screen.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.resources import ontology_dir
from kg.validation import ENGINES, Validator

CASES = sorted((Path(__file__).parent / "shapes").glob("*.ttl"))
CASES = [c for c in CASES if c.name != "prefixes.ttl"]
PREFIXES = (Path(__file__).parent / "shapes" / "prefixes.ttl").read_text("utf-8")
SHAPES_TTL = (ontology_dir() / "shapes.ttl").read_text("utf-8")


@pytest.fixture(scope="module", params=ENGINES)
def validator(request) -> Validator:
    return Validator(SHAPES_TTL, engine=request.param, screen=False)


def test_every_shape_has_cases():
    shapes = Graph().parse(data=SHAPES_TTL, format="turtle")
    from rdflib.namespace import RDF, SH

    names = {str(s).rsplit("#", 1)[1] for s in shapes.subjects(RDF.type, SH.NodeShape)}
    covered = {c.name.split(".")[0] for c in CASES}
    assert names <= covered, f"shapes without cases: {sorted(names - covered)}"
    invalid = {c.name.split(".")[0] for c in CASES if ".invalid-" in c.name}
    assert names <= invalid, f"shapes without an invalid case: {sorted(names - invalid)}"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_case(validator, case):
    text = case.read_text("utf-8")
    data = Graph().parse(data=PREFIXES + text, format="turtle")
    report = validator.validate(data)
    if ".valid-" in case.name or case.name.endswith(".valid.ttl"):
        assert report.conforms, report.results
        return
    first = text.splitlines()[0]
    assert first.startswith("# expect: "), f"{case.name} lacks an '# expect:' line"
    shape, _, fragment = first[len("# expect: "):].partition(" ")
    assert not report.conforms
    messages = [r["message"] for r in report.results]
    assert any(fragment in m for m in messages), (fragment, messages)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_case_as_ntriples_text(case):
    """The fast path (N-Triples text straight to the engine) gives the same verdict."""
    text = case.read_text("utf-8")
    graph = Graph().parse(data=PREFIXES + text, format="turtle")
    validator = Validator(SHAPES_TTL, engine="turbo", screen=False)
    by_graph = validator.validate(graph)
    by_text = validator.validate(graph.serialize(format="nt"))
    assert by_text.conforms == by_graph.conforms
    assert sorted(r["message"] for r in by_text.results) == \
        sorted(r["message"] for r in by_graph.results)
