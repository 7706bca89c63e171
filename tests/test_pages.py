"""The home page and the pages (and RDF/JSON) behind every IRI the service mints."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.model import AnalysedArticle
from tests.fixtures import timeline_articles as ta

HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.fixture
def loaded(app):
    kg = app.extensions["kg"]
    for doc in (ta.sunday_strike_a(), ta.sunday_strike_b(), ta.tuesday_strike(),
                ta.withdrawal_a()):
        kg.ingest(AnalysedArticle.from_dict(doc))
    return app


def timeline(client, **params):
    return client.get("/timeline", query_string=params).get_json()["events"]


def local(app, iri):
    base = app.extensions["kg"].settings.base_iri
    assert iri.startswith(base)
    return "/" + iri[len(base):]


def test_home_page_shows_what_the_store_holds(loaded):
    page = loaded.test_client().get("/", headers=HTML).get_data(as_text=True)
    assert "<strong>4</strong> articles" in page
    assert "<strong>5</strong> reported events" in page  # 1 + 1 + 1 + 2
    assert "<strong>1</strong> merged events" in page
    assert "<strong>2022-05-13</strong>" in page or "<strong>2022-05-14</strong>" in page
    for link in ('href="/timeline"', 'href="/sparql"', 'href="/dump"', 'id="ingest"',
                 'name="published"', 'name="token"', 'type="file"'):
        assert link in page


def test_every_minted_iri_dereferences(loaded):
    client = loaded.test_client()
    kg = loaded.extensions["kg"]
    iris = set()
    for e in timeline(client):
        iris.add(e["iri"])
        iris.update(s["event"] for s in e["sources"])
        iris.update(s["article"] for s in e["sources"])
        iris.update(p["iri"] for p in e["places"] + e["participants"])
    iris.add(kg.iris.graph_canonical())
    assert len(iris) > 10
    for iri in sorted(iris):
        path = local(loaded, iri)
        for accept, media in (("text/turtle", "text/turtle"),
                              ("application/ld+json", "application/ld+json"),
                              ("application/n-triples", "application/n-triples")):
            resp = client.get(path, headers={"Accept": accept})
            assert resp.status_code == 200, (path, accept)
            assert resp.content_type.startswith(media)
            fmt = {"text/turtle": ox.RdfFormat.TURTLE,
                   "application/ld+json": ox.RdfFormat.JSON_LD,
                   "application/n-triples": ox.RdfFormat.N_TRIPLES}[media]
            triples = list(ox.parse(resp.data, format=fmt))
            assert triples, (path, accept)
        page = client.get(path, headers=HTML)
        assert page.status_code == 200 and page.content_type.startswith("text/html"), path


def test_event_page_shows_sources_and_conflicting_figures(loaded):
    client = loaded.test_client()
    merged = next(e for e in timeline(client) if e["canonical"] and
                  e["type"] == "ShellingMissileAttack")
    page = client.get(local(loaded, merged["iri"]), headers=HTML).get_data(as_text=True)
    assert "Missile strike on a Kharkiv fuel depot" in page
    assert "the sources disagree" in page
    assert "killing three people" in page and "killed five people" in page
    assert 'href="/article/depot-wire#s' in page  # the quoted sentence links to its article
    body = client.get(local(loaded, merged["iri"]), headers={"Accept": "application/json"})
    assert body.get_json()["event"]["source_count"] == 2
    # an article-level event links to the canonical event it was merged into
    member = merged["sources"][0]["event"]
    member_page = client.get(local(loaded, member), headers=HTML).get_data(as_text=True)
    assert f'href="{local(loaded, merged["iri"])}"' in member_page
    assert client.get(local(loaded, member), headers={"Accept": "application/json"}) \
        .get_json()["canonical"] == merged["iri"]


def test_entity_page_explains_a_missing_link(loaded):
    client = loaded.test_client()
    page = client.get("/entity/geonames-706483", headers=HTML).get_data(as_text=True)
    assert "not linked: the best candidate scored 0.41, below the threshold 0.75" in page
    assert "49.98177, 36.25475" in page
    assert "Missile strike on a Kharkiv fuel depot" in page  # its events
    assert "<mark>Kharkiv</mark>" in page  # its mentions
    linked = client.get("/entity/Q212", headers={"Accept": "application/json"}).get_json()
    assert linked["entity"]["wikidata"] == "Q212" and linked["entity"]["linked"]
    assert linked["entity"]["not_linked_reason"] is None
    assert [e["label"] for e in linked["events"]] == ["Ukraine wins the battle of Kharkiv",
                                                      "Russian forces withdraw from Kharkiv"] \
        or {e["label"] for e in linked["events"]} == {"Ukraine wins the battle of Kharkiv",
                                                      "Russian forces withdraw from Kharkiv"}
    page = client.get("/entity/Q212", headers=HTML).get_data(as_text=True)
    assert 'href="https://www.wikidata.org/wiki/Q212"' in page


def test_article_page_highlights_mentions_times_and_triggers(loaded):
    client = loaded.test_client()
    page = client.get("/article/depot-courier", headers=HTML).get_data(as_text=True)
    assert 'class="span entity" href="/entity/geonames-706483"' in page
    assert 'class="span time"' in page and ">on Sunday</a>" in page
    assert 'class="span event" href="/event/depot-courier-' in page
    assert ">fired</a>" in page
    body = client.get("/article/depot-courier", headers={"Accept": "application/json"})
    data = body.get_json()
    assert data["id"] == "depot-courier" and data["text"].startswith("Missiles hit")
    kinds = {s["kind"] for s in data["spans"]}
    assert kinds == {"entity", "time", "event"}


def test_unknown_resources_are_404(loaded):
    client = loaded.test_client()
    for path in ("/event/nope", "/event/..", "/entity/person-nobody", "/article/nope",
                 "/entity/%3Cx%3E"):
        resp = client.get(path, headers=HTML)
        assert resp.status_code == 404 and resp.mimetype == "text/html", path
        resp = client.get(path, headers={"Accept": "application/json"})
        assert resp.status_code == 404 and resp.get_json()["ok"] is False, path


def test_html_escapes_stored_text(app):
    kg = app.extensions["kg"]
    doc = ta.sunday_strike_b()
    doc["events"][0]["label"] = "<script>alert(1)</script> strike"
    kg.ingest(AnalysedArticle.from_dict(doc))
    client = app.test_client()
    page = client.get("/timeline", headers=HTML).get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; strike" in page


def test_errors_are_pages_for_browsers_and_json_for_clients(client):
    html = client.get("/event/no-such-event", headers={"Accept": "text/html,*/*;q=0.8"})
    assert html.status_code == 404 and html.mimetype == "text/html"
    assert "404" in html.get_data(as_text=True) and "Traceback" not in html.get_data(as_text=True)
    api = client.get("/event/no-such-event", headers={"Accept": "application/json"})
    assert api.status_code == 404 and api.get_json()["ok"] is False
