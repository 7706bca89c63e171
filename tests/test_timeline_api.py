"""GET /timeline: order, filters, paging, exports and errors, over hand-annotated articles."""

from __future__ import annotations

import csv
import io

import pyoxigraph as ox
import pytest

from kg.model import AnalysedArticle
from kg.places import PlaceHierarchy
from kg.timeline import Timeline, parse_filters
from tests.fixtures import timeline_articles as ta


@pytest.fixture
def loaded(app):
    kg = app.extensions["kg"]
    for doc in ta.all_articles() + [ta.oblast_report()]:
        kg.ingest(AnalysedArticle.from_dict(doc))
    return app


def get(client, **params):
    resp = client.get("/timeline", query_string=params, headers={"Accept": "application/json"})
    assert resp.status_code == 200, resp.get_json()
    return resp.get_json()


def labels(body):
    return [e["label"] for e in body["events"]]


def test_one_entry_per_canonical_event_in_time_order(loaded):
    body = get(loaded.test_client())
    assert labels(body) == [
        "Kharkiv shelled through May",  # 2022-05 (month) starts first
        "Russian forces withdraw from Kharkiv",  # same day: by IRI (canonical c-… first)
        "Russian forces pull back across the Kharkiv region",
        "Ukraine wins the battle of Kharkiv",  # on or before 2022-05-14
        "Missile strike on a Kharkiv fuel depot",
        "Second strike on a Kharkiv depot",
    ]
    kinds = {e["label"]: e["kind"] for e in body["events"]}
    assert kinds["Missile strike on a Kharkiv fuel depot"] == "canonical"
    assert kinds["Second strike on a Kharkiv depot"] == "article"
    assert body["next"] is None and body["count"] == 6


def test_a_merged_event_lists_every_source_and_both_figures(loaded):
    body = get(loaded.test_client(), type="ShellingMissileAttack", **{"from": "2022-05-15",
                                                                      "to": "2022-05-15"})
    strike = next(e for e in body["events"] if e["canonical"])
    assert strike["source_count"] == 2
    assert {s["publisher"] for s in strike["sources"]} == {"Northern Courier", "Eastern Wire"}
    assert all(s["sentence"] and s["title"] and s["url"] for s in strike["sources"])
    assert strike["fatalities"] is None and strike["conflicts"] == ["fatalities"]
    assert sorted((f["count"], f["publisher"]) for f in strike["fatalities_by_source"]) == \
        [(3, "Northern Courier"), (5, "Eastern Wire")]
    assert strike["time"] == {"earliest": "2022-05-15", "latest": "2022-05-15",
                              "precision": "day", "edtf": "2022-05-15",
                              "basis": "expression", "text": None}
    (place,) = strike["places"]
    assert place["label"] == "Kharkiv" and place["lat"] == pytest.approx(49.98177)
    assert strike["participants"][0]["role"] == "agent"


def test_on_the_same_day_finer_precision_comes_first(app):
    kg = app.extensions["kg"]
    may = ta.may_summary()
    early = ta.sunday_strike_a()
    ev = early["events"][0]
    ev["type"] = "AirStrike"  # so that it is not merged into the month summary
    ev["time"].update({"value": "2022-05-01", "edtf": "2022-05-01", "earliest": "2022-05-01",
                       "latest": "2022-05-01"})
    for doc in (may, early):
        kg.ingest(AnalysedArticle.from_dict(doc))
    body = get(app.test_client())
    assert [e["time"]["precision"] for e in body["events"]] == ["day", "month"]


def test_place_filter_includes_places_inside(loaded):
    client = loaded.test_client()
    # Ukraine: the oblast (inside it per the catalog) and Kharkiv (its country is Ukraine)
    assert len(get(client, place="Q212")["events"]) == 6
    oblast = get(client, place="Q170666")
    assert labels(oblast) == ["Russian forces pull back across the Kharkiv region"]
    base = loaded.extensions["kg"].settings.base_iri
    by_iri = get(client, place=f"{base}entity/geonames-706483")
    assert len(by_iri["events"]) == 5  # all but the oblast's
    assert get(client, place="Q159")["events"] == []


def test_descendants_come_from_the_place_catalog(loaded):
    kg = loaded.extensions["kg"]
    base = kg.settings.base_iri
    timeline = Timeline(kg)
    f = parse_filters({"place": "Q212", "type": "Withdrawal"}, base)
    # the index lists the places containing an event's places, from the catalog it was
    # built with: a located_in graph of real containment (Kharkiv Oblast lies in Ukraine)
    kg.timeline_index.places = PlaceHierarchy([("Q170666", "Q212")])
    kg.timeline_index.rebuild()
    assert [e["label"] for e in timeline.page(f).entries] == [
        "Russian forces withdraw from Kharkiv",
        "Russian forces pull back across the Kharkiv region"]
    # without containment only Kharkiv (country Ukraine) matches, not the oblast
    kg.timeline_index.places = None
    kg.timeline_index.rebuild()
    assert [e["label"] for e in timeline.page(f).entries] == [
        "Russian forces withdraw from Kharkiv"]


def test_actor_type_article_and_text_filters(loaded):
    client = loaded.test_client()
    assert labels(get(client, actor="Q212")) == ["Ukraine wins the battle of Kharkiv"]
    assert labels(get(client, type="Withdrawal")) == [
        "Russian forces withdraw from Kharkiv",
        "Russian forces pull back across the Kharkiv region"]
    assert labels(get(client, article="depot-tuesday")) == ["Second strike on a Kharkiv depot"]
    # the merged event is found through any of its articles
    assert labels(get(client, article="depot-wire")) == ["Missile strike on a Kharkiv fuel depot"]
    # free text: labels and evidence sentences, case-insensitive
    assert labels(get(client, q="FIREFIGHTERS")) == []
    assert labels(get(client, q="fuel depot in kharkiv")) == [
        "Missile strike on a Kharkiv fuel depot", "Second strike on a Kharkiv depot"]


def test_date_filters_compare_with_interval_bounds(loaded):
    client = loaded.test_client()
    assert labels(get(client, **{"from": "2022-05-16"})) == [
        "Kharkiv shelled through May", "Second strike on a Kharkiv depot"]
    assert labels(get(client, to="2022-05-12")) == [
        "Kharkiv shelled through May", "Ukraine wins the battle of Kharkiv"]
    assert labels(get(client, **{"from": "2022-06", "to": "2022"})) == []
    assert len(get(client, **{"from": "2022-05", "to": "2022-05"})["events"]) == 6


def test_text_filter_is_bound_not_pasted(loaded):
    client = loaded.test_client()
    for text in ['") } DROP ALL #', "'; DELETE WHERE { ?s ?p ?o }", "\\", "\"\"\""]:
        assert get(client, q=text)["events"] == []
    assert len(get(client)["events"]) == 6


def test_pages_walk_the_whole_selection(loaded):
    client = loaded.test_client()
    everything = labels(get(client))
    seen, cursor = [], None
    while True:
        body = get(client, limit=4, **({"cursor": cursor} if cursor else {}))
        seen.extend(labels(body))
        cursor = body["next"]
        if cursor is None:
            break
        assert body["next_url"].startswith("/timeline?")
    assert seen == everything


@pytest.mark.parametrize("params, path", [
    ({"type": "Party"}, "type"), ({"from": "2022-02-30"}, "from"), ({"to": "May"}, "to"),
    ({"from": "2022-06-01", "to": "2022-05-01"}, "from"), ({"limit": "0"}, "limit"),
    ({"limit": "many"}, "limit"), ({"cursor": "not-a-cursor"}, "cursor"),
    ({"place": "Kharkiv"}, "place"), ({"place": "http://x/a b"}, "place"),
    ({"actor": "urn:x:y"}, "actor"), ({"article": "http://elsewhere/article/x"}, "article"),
    ({"q": "x" * 201}, "q"),
])
def test_bad_filters_are_400_in_the_error_shape(loaded, params, path):
    resp = loaded.test_client().get("/timeline", query_string=params)
    assert resp.status_code == 400
    body = resp.get_json()
    assert body["ok"] is False and body["code"] == "invalid_input"
    assert body["errors"][0]["path"] == path


def test_unknown_format_is_406(loaded):
    assert loaded.test_client().get("/timeline?format=xlsx").status_code == 406


def test_exports_are_the_same_selection(loaded):
    client = loaded.test_client()
    params = {"type": "ShellingMissileAttack"}
    entries = get(client, **params)["events"]
    tjs = client.get("/timeline", query_string={**params, "format": "timelinejs"}).get_json()
    assert [e["text"]["headline"] for e in tjs["events"]] == [e["label"] for e in entries]
    may = tjs["events"][0]
    assert may["start_date"] == {"year": 2022, "month": 5} and "end_date" not in may
    assert tjs["events"][1]["start_date"] == {"year": 2022, "month": 5, "day": 15}

    vis = client.get("/timeline", query_string={**params, "format": "vis"}).get_json()
    assert [i["type"] for i in vis] == ["range", "point", "point"]
    assert vis[0]["start"] == "2022-05-01" and vis[0]["end"] == "2022-06-01"
    assert "modality-claimed" in vis[2]["className"]

    resp = client.get("/timeline", query_string=params, headers={"Accept": "text/csv"})
    assert resp.content_type.startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(resp.get_data(as_text=True))))
    assert [r["label"] for r in rows] == [e["label"] for e in entries]
    assert rows[1]["fatalities"] == "3 (Northern Courier) | 5 (Eastern Wire)" or \
        rows[1]["fatalities"] == "5 (Eastern Wire) | 3 (Northern Courier)"

    resp = client.get("/timeline", query_string=params, headers={"Accept": "text/turtle"})
    assert resp.content_type.startswith("text/turtle")
    triples = list(ox.parse(resp.data, format=ox.RdfFormat.TURTLE))
    subjects = {t.subject.value for t in triples}
    assert {e["iri"] for e in entries} <= subjects


def test_html_for_browsers_json_otherwise(loaded):
    client = loaded.test_client()
    html = client.get("/timeline", headers={"Accept": "text/html,application/xhtml+xml,"
                                                      "application/xml;q=0.9,*/*;q=0.8"})
    assert html.content_type.startswith("text/html")
    page = html.get_data(as_text=True)
    assert "Missile strike on a Kharkiv fuel depot" in page and "timeline.js" in page
    assert client.get("/timeline").content_type == "application/json"
    assert client.get("/timeline", headers={"Accept": "*/*"}).content_type == "application/json"


def test_an_event_told_by_a_dated_report_is_shown_on_or_before_that_day(client, auth):
    text = ("The army said on Thursday that its troops had captured the village of Dalny "
            "after a week of fighting.")
    resp = client.post("/articles", json={"title": "Army reports a capture", "text": text,
                                          "published": "2024-10-18T09:00:00Z"}, headers=auth)
    assert resp.status_code == 201, resp.get_json()
    body = get(client, type="TerritoryTaken")
    (capture,) = body["events"]
    assert capture["time"] == {"earliest": None, "latest": "2024-10-17", "precision": "day",
                               "edtf": "../2024-10-17", "basis": "report", "text": "Thursday"}
    page = client.get(f"/event/{capture['id']}", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "from: report, “Thursday”" in page.get_data(as_text=True)
    assert "on or before its report" in client.get(
        "/timeline", query_string={"type": "TerritoryTaken"},
        headers={"Accept": "text/html"}).get_data(as_text=True)
