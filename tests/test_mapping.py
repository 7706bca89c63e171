"""Mapping the model to RDF: golden graph, determinism, validity."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.extract import analyse_article
from kg.mapping import map_article
from kg.model import AnalysedArticle, Article
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
    pub = [p.toPython() for p in g.objects(None, SCHEMA.datePublished)]
    assert [p.isoformat() for p in pub] == ["2023-10-12T09:00:00+00:00"]
    storm = next(g.subjects(TL.eventType, TL.Storm))
    assert str(g.value(storm, TL.earliest)) == "2023-10-10"
    assert g.value(storm, TL.precision) == TL.Day


def test_event_without_time_is_dated_on_or_before_publication():
    g = storm_graph()
    evac = next(g.subjects(TL.eventType, TL.Evacuation))
    assert g.value(evac, TL.timeBasis) == TL.BeforePublication
    assert str(g.value(evac, TL.latest)) == "2023-10-12"
    assert g.value(evac, TL.earliest) is None


def test_ntriples_text_is_what_the_store_receives():
    from kg.mapping import map_article_nt

    mapped = map_article_nt(AnalysedArticle.from_dict(storm_article()), BASE)
    assert len(mapped) == len(storm_graph())
    assert '"2023-10-12T09:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>' in \
        mapped.ntriples
    # text with quotes, backslashes, newlines and control characters round-trips
    doc = AnalysedArticle.from_dict(storm_article())
    doc.article.title = 'A "quoted" \\ title\twith tab\x07bell'
    g = map_article_nt(doc, BASE).to_rdflib()
    assert str(next(g.objects(None, SCHEMA.headline))) == doc.article.title


def test_text_with_escapes_round_trips_through_the_store(tmp_path):
    """Article text reaches the store inside SPARQL INSERT DATA: nothing in it can end the
    literal early or be unescaped on the way."""
    from kg.mapping import map_article_nt
    from kg.store.embedded import EmbeddedStore

    doc = AnalysedArticle.from_dict(storm_article())
    tricky = 'quote " backslash \\\\ \\\\u0022 \\\\U0001F600 } ; DROP ALL \x07 \t end'
    doc.article.text = doc.article.text + "\n" + tricky
    mapped = map_article_nt(doc, BASE)
    store = EmbeddedStore(tmp_path / "s")
    store.replace_graphs({mapped.iri: mapped.ntriples})
    stored = {t.object.value for t in store.triples(mapped.iri)
              if t.predicate.value.endswith("#text")}
    assert stored == {doc.article.text}
    assert len(list(store.triples(mapped.iri))) == len(mapped)
    store.close()


def test_same_name_places_stay_apart_and_spellings_meet():
    from kg.iris import IRIs

    iris = IRIs(BASE)
    assert iris.entity("place", "Springfield", None, 4409896) != \
        iris.entity("place", "Springfield", None, 4951788)
    assert iris.entity("place", "Kharkov", None, 706483) == \
        iris.entity("place", "Kharkiv", None, 706483)
    assert iris.entity("person", "Jane Roe", None, 123).endswith("person-jane-roe")


def test_an_event_told_by_a_dated_report_is_bounded_by_that_report():
    doc = analyse_article(Article(title="Three shot dead",
                                  text="Police said on Monday that a gunman had shot dead "
                                       "three people in the town.", published=date(2024, 3, 12)))
    g = map_article(doc, BASE)
    assert Validator.from_dir(ontology_dir()).validate(g).conforms
    killing = next(g.subjects(TL.eventType, TL.Killing))
    assert g.value(killing, TL.timeBasis) == TL.BeforeReport
    assert g.value(killing, TL.earliest) is None
    assert str(g.value(killing, TL.latest)) == "2024-03-11"
    assert str(g.value(killing, TL.edtf)) == "../2024-03-11"
    timex = g.value(killing, TL.timeExpression)
    assert str(g.value(timex, TL.anchorOf)) == "Monday"
