"""Merging in the store: canonical graph, incremental updates, full recompute, CLI."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.bootstrap import build_service
from kg.errors import ValidationFailed
from kg.mapping import map_article
from kg.merge import Bound, EventRecord, Ref
from kg.model import AnalysedArticle
from kg.settings import Settings
from tests.fixtures import timeline_articles as ta

TL = "https://w3id.org/timeline-kg/ontology#"


def ingest(kg, *docs):
    for d in docs:
        kg.ingest(AnalysedArticle.from_dict(d))


def canonical(kg) -> dict[str, dict]:
    """canonical IRI -> {members: set of article ids, sources: n}"""
    g = str(ox.NamedNode(kg.iris.graph_canonical()))
    q = f"""PREFIX tl: <{TL}> PREFIX prov: <http://www.w3.org/ns/prov#>
    SELECT ?c ?n ?a WHERE {{ GRAPH {g} {{ ?c a tl:CanonicalEvent ; tl:sourceCount ?n ;
                                           tl:aggregates ?m }}
                            GRAPH ?a {{ ?m prov:wasDerivedFrom ?a }} }}"""
    out: dict[str, dict] = {}
    for r in kg.store.query(q):
        item = out.setdefault(r["c"].value, {"members": set(), "sources": int(r["n"].value)})
        item["members"].add(r["a"].value.rsplit("/", 1)[1])
    return out


def canonical_triples(kg) -> set[str]:
    return {str(t) for t in kg.store.triples(kg.iris.graph_canonical())}


def test_reports_of_the_same_events_merge_and_others_stay_apart(kg):
    ingest(kg, *ta.all_articles())
    groups = sorted(sorted(c["members"]) for c in canonical(kg).values())
    assert groups == [["depot-courier", "depot-wire"],
                      ["withdrawal-courier", "withdrawal-desk"],
                      ["withdrawal-courier", "withdrawal-desk"]]
    assert all(c["sources"] == 2 for c in canonical(kg).values())


def test_conflicting_casualty_counts_are_kept_with_their_sources(kg):
    ingest(kg, ta.sunday_strike_a(), ta.sunday_strike_b())
    g = str(ox.NamedNode(kg.iris.graph_canonical()))
    rows = kg.store.query(f"""PREFIX tl: <{TL}>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?n ?a WHERE {{ GRAPH {g} {{ ?c tl:reportedFatalities ?f . ?f rdf:value ?n ;
                                           prov:wasDerivedFrom ?m }}
                             ?m prov:wasDerivedFrom ?a }}""")
    assert sorted((int(r["n"].value), r["a"].value.rsplit("/", 1)[1]) for r in rows) == \
        [(3, "depot-courier"), (5, "depot-wire")]


def test_article_graphs_stay_as_extracted(kg):
    docs = [ta.sunday_strike_a(), ta.sunday_strike_b()]
    ingest(kg, *docs)
    for d in docs:
        doc = AnalysedArticle.from_dict(d)
        mapped = len(map_article(doc, kg.settings.base_iri))
        assert sum(1 for _ in kg.store.triples(kg.iris.article(doc.article.id))) == mapped


def test_same_outlet_counts_once(kg):
    ingest(kg, ta.sunday_strike_a(), ta.sunday_strike_b(), ta.sunday_strike_same_outlet())
    (item,) = canonical(kg).values()
    assert item["members"] == {"depot-courier", "depot-wire", "depot-courier-update"}
    assert item["sources"] == 2


def test_deleting_an_article_unmerges(kg):
    ingest(kg, ta.sunday_strike_a(), ta.sunday_strike_b())
    assert len(canonical(kg)) == 1
    kg.delete_article("depot-wire")
    assert canonical(kg) == {}
    assert canonical_triples(kg) == set()


def test_reingesting_with_another_date_splits(kg):
    ingest(kg, ta.sunday_strike_a(), ta.sunday_strike_b())
    moved = ta.sunday_strike_b()
    ev = moved["events"][0]
    ev["time"].update({"value": "2022-05-14", "edtf": "2022-05-14", "earliest": "2022-05-14",
                       "latest": "2022-05-14"})
    ingest(kg, moved)
    assert canonical(kg) == {}
    ingest(kg, ta.sunday_strike_b())
    assert len(canonical(kg)) == 1


def test_incremental_merging_equals_a_full_recompute(kg):
    docs = ta.all_articles() + [ta.sunday_strike_same_outlet(), ta.ukraine_report(),
                                ta.oblast_report()]
    ingest(kg, *docs)
    kg.delete_article("depot-tuesday")
    ingest(kg, ta.tuesday_strike())
    incremental = canonical_triples(kg)
    assert incremental
    result = kg.merger.merge_all()
    assert canonical_triples(kg) == incremental
    assert result.canonical == len(canonical(kg))


def test_containment_from_the_catalog_merges_region_and_country(kg):
    ingest(kg, ta.oblast_report(), ta.ukraine_report())
    (item,) = canonical(kg).values()
    assert item["members"] == {"oblast-withdrawal", "ukraine-withdrawal"}
    kg.merger.places = None  # without containment they stay apart
    kg.merger.merge_all()
    assert canonical(kg) == {}


def test_a_month_summary_between_two_strikes_stays_alone(kg):
    ingest(kg, ta.sunday_strike_a(), ta.sunday_strike_b(), ta.tuesday_strike(),
           ta.may_summary())
    groups = sorted(sorted(c["members"]) for c in canonical(kg).values())
    assert groups == [["depot-courier", "depot-wire"]]


def test_canonical_events_are_validated_before_they_are_written(kg):
    ingest(kg, ta.sunday_strike_a(), ta.sunday_strike_b())
    records = list(kg.merger.records().values())
    bad = [EventRecord(**{**{k: getattr(r, k) for k in (
        "iri", "article", "type", "label", "earliest", "latest", "precision", "basis",
        "modality", "places", "participants", "roles", "stem", "publisher")},
        "fatalities": -1}) for r in records]
    before = canonical_triples(kg)
    with pytest.raises(ValidationFailed):
        kg.merger._write([bad], set(), 2)
    assert canonical_triples(kg) == before


def test_records_read_back_what_was_ingested(kg):
    ingest(kg, ta.withdrawal_a())
    recs = {r.type: r for r in kg.merger.records().values()}
    w = recs["Withdrawal"]
    assert w.earliest == Bound("2022-05-13", False) and w.precision == "day"
    assert w.places == frozenset({Ref(f"{kg.settings.base_iri}entity/geonames-706483")})
    assert w.stem == "withdraw" and w.publisher == "Northern Courier"
    assert w.modality == "claimed"
    v = recs["MilitaryVictory"]
    assert v.basis == "publication" and v.weak_time and v.earliest is None
    assert Ref(f"{kg.settings.base_iri}entity/Q212", "Q212") in v.participants


def test_kg_merge_command(tmp_path):
    settings = Settings(data_dir=tmp_path / "data")
    service = build_service(settings)
    ingest(service, *ta.all_articles())
    service.store.flush()
    service.store.close()
    from kg.cli import main

    result = CliRunner().invoke(main, ["merge", "--data", str(tmp_path / "data")])
    assert result.exit_code == 0, result.output
    assert "events=8 canonical=3" in result.output


def test_in_memory_windows_find_every_candidate_the_store_query_finds(kg):
    """The candidate windows kept in memory (updated after every write, including a re-ingest
    that moves an event and a delete) give a superset of the store's own candidate query."""
    import copy

    from kg.merge.windows import TimeWindows

    docs = ta.all_articles() + [ta.sunday_strike_same_outlet(), ta.ukraine_report(),
                                ta.oblast_report(), ta.tuesday_strike(), ta.may_summary()]
    ingest(kg, *docs)
    moved = copy.deepcopy(ta.sunday_strike_b())
    for ev in moved["events"]:
        if ev.get("time"):
            ev["time"] = {**ev["time"], **{k: "2022-04-02" for k in ("value", "earliest",
                                                                     "latest", "edtf")
                                            if k in ev["time"]}}
    ingest(kg, moved)
    kg.delete_article(AnalysedArticle.from_dict(ta.tuesday_strike()).article.id)
    merger = kg.merger
    kept = merger._windows
    assert kept is not None and len(kept) > 0
    fresh = TimeWindows.from_store(kg.store)
    records = merger.records()
    checked = 0
    for rec in records.values():
        if rec.weak_time:
            continue
        merger._windows = None
        from_store = merger._candidates(rec)
        assert from_store <= kept.candidates(rec.type, rec.lo, rec.hi), rec.iri
        assert kept.candidates(rec.type, rec.lo, rec.hi) == fresh.candidates(
            rec.type, rec.lo, rec.hi), rec.iri
        checked += 1
    merger._windows = kept
    assert checked >= 5
