"""Mapping the model to RDF: golden graph, determinism, validity."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.mapping import map_article
from kg.model import AnalysedArticle
from kg.namespaces import SCHEMA, TL
from kg.resources import ontology_dir
from kg.validation import Validator
from tests.fixtures.articles import storm_article
from tests.regenerate_golden import BASE, storm_graph

GOLDEN = Path(__file__).parent / "golden" / "storm.ttl"


def test_matches_golden_graph():
    expected = Graph().parse(GOLDEN)
    # parse both sides the same way so that literals are normalised alike
    got = Graph().parse(data=storm_graph().serialize(format="nt"), format="nt")
    if not isomorphic(got, expected):
        _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
        raise AssertionError(f"extra: {sorted(only_got)[:5]} missing: "
                             f"{sorted(only_expected)[:5]}")


def test_same_input_same_graph():
    a = map_article(AnalysedArticle.from_dict(storm_article()), BASE)
    b = map_article(AnalysedArticle.from_dict(storm_article()), BASE)
    assert isomorphic(a, b) and len(a) == len(b)
    assert not any(t for t in a if any(type(x).__name__ == "BNode" for x in t))


def test_mapped_graph_conforms():
    report = Validator.from_dir(ontology_dir()).validate(storm_graph())
    assert report.conforms, report.results


def test_publication_date_kept_apart_from_event_dates():
    g = storm_graph()
    pub = set(g.objects(None, SCHEMA.datePublished))
    assert [str(p) for p in pub] == ["2023-10-12T09:00:00Z"]
    storm = next(g.subjects(TL.eventType, TL.Storm))
    assert str(g.value(storm, TL.earliest)) == "2023-10-10"
    assert g.value(storm, TL.precision) == TL.Day


def test_event_without_time_is_dated_on_or_before_publication():
    g = storm_graph()
    evac = next(g.subjects(TL.eventType, TL.Evacuation))
    assert g.value(evac, TL.timeBasis) == TL.BeforePublication
    assert str(g.value(evac, TL.latest)) == "2023-10-12"
    assert g.value(evac, TL.earliest) is None
