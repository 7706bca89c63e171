"""Merging's pure core: compatibility, clustering, canonical events, stems, containment."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from rdflib import Literal, URIRef

from kg.merge import Bound, EventRecord, Ref, cluster, compatible
from kg.merge.canonical import canonical_graph, canonical_iri, intersection, source_count
from kg.merge.lemma import stem, trigger_stem
from kg.namespaces import PROV, RDF, TL, XSD
from kg.places import PlaceHierarchy, default_places

BASE = "http://kg.test/"
KHARKIV = Ref(f"{BASE}entity/place-kharkiv")
OBLAST = Ref(f"{BASE}entity/Q170666", "Q170666")
UKRAINE = Ref(f"{BASE}entity/Q212", "Q212")
RF = Ref(f"{BASE}entity/organization-russian-forces")
POLICE = Ref(f"{BASE}entity/organization-police")


def rec(name: str, article: str | None = None, *, type: str = "ShellingMissileAttack",
        day: str | None = "2022-05-15", until: str | None = None, precision: str = "day",
        basis: str = "expression", places=(KHARKIV,), participants=(RF,), stem: str = "strik",
        modality: str = "asserted", publisher: str | None = None, fatalities=None,
        **kw) -> EventRecord:
    return EventRecord(
        iri=f"{BASE}event/{name}", article=f"{BASE}article/{article or name}", type=type,
        label=name, earliest=Bound(day, False) if day else None,
        latest=Bound(until or day, False) if (until or day) else None, precision=precision,
        basis=basis, modality=modality, places=frozenset(places),
        participants=frozenset(participants), stem=stem, publisher=publisher,
        fatalities=fatalities, **kw)


def month(name: str, **kw) -> EventRecord:
    return rec(name, day="2022-05-01", until="2022-05-31", precision="month", **kw)


# -- compatibility ---------------------------------------------------------------------------

def test_same_event_from_two_outlets_is_compatible():
    assert compatible(rec("a"), rec("b"))


@pytest.mark.parametrize("change", [
    {"type": "AirStrike"}, {"day": "2022-05-17"}, {"places": (Ref(f"{BASE}entity/place-lviv"),)},
    {"places": ()}, {"modality": "negated"}, {"modality": "planned"},
    {"participants": (POLICE,), "stem": "bomb"},
])
def test_disagreement_prevents_merging(change):
    assert not compatible(rec("a"), rec("b", **change))
    assert not compatible(rec("b", **change), rec("a"))


def test_events_of_one_article_never_merge():
    assert not compatible(rec("a", "same"), rec("b", "same"))


def test_participant_or_trigger_stem_is_enough():
    assert compatible(rec("a"), rec("b", stem="shell"))
    assert compatible(rec("a"), rec("b", participants=(POLICE,)))


def test_claimed_and_hedged_reports_of_a_fact_merge():
    assert compatible(rec("a", modality="claimed"), rec("b", modality="hedged"))


def test_a_day_inside_a_month_is_compatible():
    assert compatible(rec("a"), month("b"))
    assert not compatible(rec("a", day="2022-06-02"), month("b"))


def test_datetime_bounds_compare_with_dates():
    morning = replace(rec("a"), earliest=Bound("2022-05-15T06:00:00Z", True),
                      latest=Bound("2022-05-15T11:59:59Z", True), precision="part_of_day")
    assert compatible(morning, rec("b"))
    assert not compatible(morning, rec("c", day="2022-05-14"))


def test_containment_needs_the_catalog():
    places = PlaceHierarchy([("Q170666", "Q212")])
    a, b = rec("a", places=(OBLAST,)), rec("b", places=(UKRAINE,))
    assert not compatible(a, b)
    assert compatible(a, b, places.contains)
    assert compatible(b, a, places.contains)


@pytest.mark.parametrize("basis", ["publication", "report"])
def test_before_publication_events_need_strong_agreement(basis):
    # (also "on or before" the day of a report that tells the event)
    weak = dict(day=None, until="2022-05-16", basis=basis, stem="shell")
    a = rec("a", **weak)
    assert compatible(a, rec("b", **weak))
    assert not compatible(a, rec("b", **{**weak, "stem": "bomb"}))
    assert not compatible(a, rec("b", **{**weak, "participants": (POLICE,)}))
    places = PlaceHierarchy([("Q170666", "Q212")])
    assert not compatible(rec("a", **{**weak, "places": (OBLAST,)}),
                          rec("b", **{**weak, "places": (UKRAINE,)}), places.contains)
    # the weak event's interval still has to agree: after publication is out
    assert not compatible(a, rec("b", day="2022-05-20", stem="shell"))


def test_once_per_place_events_need_no_common_trigger_word():
    weak = dict(day=None, basis="unknown", precision="unknown", type="Withdrawal")
    undated = rec("a", stem="withdraw", **weak)
    dated = rec("b", type="Withdrawal", stem="pull back")
    assert compatible(undated, dated)
    assert not compatible(undated, replace(dated, participants=frozenset({POLICE})))
    assert not compatible(replace(undated, type="Protest"), replace(dated, type="Protest"))


def test_an_armed_force_and_its_country_are_one_side():
    from kg.merge.affiliation import affiliations, default_affiliations

    table = affiliations("RU\tRussia\tRussian\tRussian Armed Forces\tMoscow\n"
                         "UA\tUkraine\tUkrainian\t-\tKyiv\n",
                         '{"qid": "Q159", "kind": "place", "labels": {"en": "Russia"}}\n'
                         '{"qid": "Q212", "kind": "place", "labels": {"en": "Ukraine"}}\n')
    assert table == {"russian armed forces": "Q159", "armed forces of russia": "Q159",
                     "armed forces of ukraine": "Q212"}
    shipped = default_affiliations()
    assert shipped["russian armed forces"] == "Q159"
    assert shipped["armed forces of ukraine"] == "Q212"
    army = Ref(f"{BASE}entity/military-unit-russian-armed-forces", None, "Q159")
    russia = Ref(f"{BASE}entity/Q159", "Q159")
    assert compatible(rec("a", participants=(army,), stem="x"),
                      rec("b", participants=(russia,), stem="y"))
    assert not compatible(rec("a", participants=(army,), stem="x"),
                          rec("b", participants=(UKRAINE,), stem="y"))


def test_undated_events_need_strong_agreement_too():
    a = rec("a", day=None, basis="unknown", precision="unknown")
    assert compatible(a, rec("b"))
    assert not compatible(a, rec("b", stem="shell"))


# -- clustering --------------------------------------------------------------------------------

def _iris(clusters):
    return sorted(sorted(m.iri.rsplit("/", 1)[1] for m in c) for c in clusters)


def test_two_strikes_on_different_days_in_one_city_stay_two():
    records = [rec("sun-a"), rec("sun-b"), rec("tue", day="2022-05-17")]
    assert _iris(cluster(records)) == [["sun-a", "sun-b"], ["tue"]]


def test_an_ambiguous_coarse_report_stays_on_its_own():
    records = [rec("sun-a"), rec("sun-b"), rec("tue", day="2022-05-17"), month("may")]
    assert _iris(cluster(records)) == [["may"], ["sun-a", "sun-b"], ["tue"]]


def test_a_coarse_report_joins_the_only_fitting_cluster():
    records = [rec("sun-a"), rec("sun-b"), month("may")]
    assert _iris(cluster(records)) == [["may", "sun-a", "sun-b"]]


def test_clusters_are_complete_not_chained():
    # b fits a and c, but a and c come from one article: two clusters, b in the first
    records = [rec("a", "x"), rec("b"), rec("c", "x")]
    result = _iris(cluster(records))
    assert sorted(len(c) for c in result) == [1, 2]


def test_clustering_does_not_depend_on_input_order():
    rng = random.Random(7)
    records = []
    for i in range(60):
        d = f"2022-05-{rng.randint(10, 14):02d}"
        kind = rng.random()
        if kind < 0.15:
            r = month(f"m{i}", article=f"art{rng.randint(0, 20)}",
                      stem=rng.choice(["strik", "shell"]))
        else:
            r = rec(f"e{i}", f"art{rng.randint(0, 20)}", day=d,
                    places=(rng.choice([KHARKIV, OBLAST]),),
                    participants=(rng.choice([RF, POLICE]),), stem=rng.choice(["strik", "shell"]))
        records.append(r)
    expected = _iris(cluster(records))
    for _ in range(5):
        rng.shuffle(records)
        assert _iris(cluster(records)) == expected
    # and every cluster is pairwise compatible
    for c in cluster(records):
        for x in c:
            assert all(x is y or compatible(x, y) for y in c)


# -- canonical events --------------------------------------------------------------------------

def test_canonical_time_is_the_intersection_with_the_finest_precision():
    members = [rec("day", edtf="2022-05-15"), month("may", edtf="2022-05")]
    lo, hi = intersection(members)
    assert (lo.value, hi.value) == ("2022-05-15", "2022-05-15")
    g = canonical_graph(members, BASE)
    c = URIRef(canonical_iri(members, BASE))
    assert g.value(c, TL.precision) == TL.Day
    assert g.value(c, TL.edtf) == Literal("2022-05-15")
    assert g.value(c, TL.earliest) == Literal("2022-05-15", datatype=XSD.date)


def test_canonical_basis_is_the_best_members():
    told = rec("told", day=None, until="2022-05-16", basis="report")
    g = canonical_graph([told, rec("pub", day=None, until="2022-05-17", basis="publication")],
                        BASE)
    assert set(g.objects(None, TL.timeBasis)) == {TL.BeforeReport}
    g = canonical_graph([told, rec("dated")], BASE)
    assert set(g.objects(None, TL.timeBasis)) == {TL.FromExpression}


def test_canonical_time_of_two_overlapping_ranges():
    members = [rec("a", day="2022-05-10", until="2022-05-20", precision="week"),
               rec("b", day="2022-05-15", until="2022-05-25", precision="week")]
    g = canonical_graph(members, BASE)
    c = URIRef(canonical_iri(members, BASE))
    assert str(g.value(c, TL.edtf)) == "2022-05-15/2022-05-20"


def test_mixed_date_and_datetime_bounds_become_datetimes():
    a = rec("a")
    b = replace(rec("b"), earliest=Bound("2022-05-15T06:00:00Z", True), latest=None)
    g = canonical_graph([a, b], BASE)
    c = URIRef(canonical_iri([a, b], BASE))
    assert (str(g.value(c, TL.earliest)), g.value(c, TL.earliest).datatype) == \
        ("2022-05-15T06:00:00Z", XSD.dateTime)
    assert (str(g.value(c, TL.latest)), g.value(c, TL.latest).datatype) == \
        ("2022-05-15T23:59:59Z", XSD.dateTime)


def test_conflicting_figures_are_kept_per_source_never_averaged():
    members = [rec("a", fatalities=3), rec("b", fatalities=5), rec("c")]
    g = canonical_graph(members, BASE)
    c = URIRef(canonical_iri(members, BASE))
    figures = {(int(g.value(f, RDF.value)), str(g.value(f, PROV.wasDerivedFrom)))
               for f in g.objects(c, TL.reportedFatalities)}
    assert figures == {(3, f"{BASE}event/a"), (5, f"{BASE}event/b")}
    assert g.value(c, TL.fatalities) is None


def test_source_count_counts_publishers_else_articles():
    assert source_count([rec("a", publisher="Wire"), rec("b", publisher="wire "),
                         rec("c", publisher="Courier")]) == 2
    assert source_count([rec("a"), rec("b"), rec("c", publisher="Wire")]) == 3


def test_canonical_iri_is_deterministic():
    a, b = rec("a"), rec("b")
    assert canonical_iri([a, b], BASE) == canonical_iri([b, a], BASE)
    assert canonical_iri([a, b], BASE).startswith(f"{BASE}event/c-")
    assert canonical_iri([a, b], BASE) != canonical_iri([a, rec("c")], BASE)


def test_canonical_modality_prefers_asserted():
    members = [rec("a", modality="claimed"), rec("b", modality="asserted")]
    g = canonical_graph(members, BASE)
    assert g.value(URIRef(canonical_iri(members, BASE)), TL.modality) == TL.Asserted


# -- stems and places --------------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [("withdrew", "withdrawal"), ("struck", "strikes"),
                                  ("killed", "killing"), ("liberation", "liberated"),
                                  ("agreement", "agreed"), ("pulled back", "pulls back")])
def test_stems_meet(a, b):
    assert stem(a) == stem(b)


def test_stems_keep_different_words_apart():
    assert stem("shelled") != stem("struck")
    assert stem("won") != stem("withdrew")


def test_the_extraction_lemma_is_preferred():
    assert trigger_stem("lexicon:verb:withdraw", "pulled back") == stem("withdraw")
    assert trigger_stem("annotation", "pulled back") == stem("pull back")
    assert trigger_stem(None, None) is None


def test_place_hierarchy_walks_transitively():
    places = PlaceHierarchy([("Q3", "Q2"), ("Q2", "Q1"), ("Q4", "Q1"), ("Q1", "Q3")])
    assert places.descendants("Q1") == ["Q2", "Q4", "Q3"]
    assert places.contains("Q1", "Q3")
    assert not places.contains("Q4", "Q2")


def test_shipped_catalog_knows_the_oblasts_of_ukraine():
    places = default_places()
    assert places is not None
    assert places.contains("Q212", "Q170666")
    assert "Q170666" in places.descendants("Q212")
    assert not places.contains("Q159", "Q170666")


def test_the_entity_catalog_answers_containment_too(tmp_path):
    from kg.linking.defaults import ensure_catalog
    from kg.places import CatalogPlaces

    places = CatalogPlaces(ensure_catalog(tmp_path / "catalog.sqlite"))
    assert places.contains("Q212", "Q170666")
    assert not places.contains("Q170666", "Q212")
    assert "Q170666" in places.descendants("Q212")
    a, b = rec("a", places=(OBLAST,)), rec("b", places=(UKRAINE,))
    assert compatible(a, b, places.contains)
