"""End to end through the Flask app on both backends: ingest, query, update, dump, delete."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from tests.conftest import TOKEN
from tests.fixtures.articles import storm_article

AUTH = {"Authorization": f"Bearer {TOKEN}"}
TL = "https://w3id.org/timeline-kg/ontology#"


@pytest.fixture
def client(backend):
    from kg.web import create_app

    app = create_app(backend)
    app.config["TESTING"] = True
    yield app.test_client()
    app.extensions["kg"].store.close()


def _select(client, query: str) -> list[dict]:
    resp = client.get("/sparql", query_string={"query": query},
                      headers={"Accept": "application/sparql-results+json"})
    assert resp.status_code == 200, resp.get_data(as_text=True)
    return resp.get_json()["results"]["bindings"]


def _dump(client) -> set[ox.Quad]:
    resp = client.get("/dump", headers={"Accept": "application/n-quads"})
    assert resp.status_code == 200
    return set(ox.parse(resp.get_data(), format=ox.RdfFormat.N_QUADS))


def test_ingest_query_dump_delete(client):
    resp = client.post("/articles", json=storm_article(), headers=AUTH)
    assert resp.status_code == 201, resp.get_json()
    article = resp.get_json()
    rows = _select(client, f"PREFIX tl: <{TL}> SELECT ?e ?t WHERE {{ ?e a tl:Event ; "
                           "tl:earliest ?t } ORDER BY ?t")
    assert len(rows) == 2 and rows[0]["t"]["value"].startswith("2023-10-10")
    summary = client.get(f"/articles/{article['id']}").get_json()
    assert summary["title"] == "Storm batters port city" and len(summary["events"]) == 3
    quads = _dump(client)
    graph = ox.NamedNode(article["article"])
    assert sum(1 for q in quads if q.graph_name == graph) == article["triples"]
    ttl = client.get("/dump", headers={"Accept": "text/turtle"})
    assert len(list(ox.parse(ttl.get_data(), format=ox.RdfFormat.TURTLE))) > 0
    art = client.get(f"/dump/article/{article['id']}",
                     headers={"Accept": "application/n-triples"})
    assert len(art.get_data().splitlines()) == article["triples"]
    event = article["events"][0]["iri"].rsplit("/", 1)[1]
    desc = client.get(f"/dump/event/{event}", headers={"Accept": "application/n-triples"})
    assert desc.status_code == 200 and b"Storm strikes Odesa" in desc.get_data()
    again = client.post("/articles", json=storm_article(), headers=AUTH).get_json()
    assert again["replaced"] is True and _dump(client) == quads
    assert client.delete(f"/articles/{article['id']}", headers=AUTH).status_code == 204
    assert not any(q.graph_name == graph for q in _dump(client))


def test_updates_are_validated_before_they_run(client):
    article = client.post("/articles", json=storm_article(), headers=AUTH).get_json()
    graph = article["article"]
    event = article["events"][0]["iri"]
    bad = (f"PREFIX tl: <{TL}> DELETE WHERE {{ GRAPH <{graph}> {{ <{event}> tl:eventType ?t }} }}")
    before = _dump(client)
    resp = client.post("/sparql", data={"update": bad}, headers=AUTH)
    assert resp.status_code == 422, resp.get_data(as_text=True)
    assert _dump(client) == before
    good = (f"PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> INSERT DATA {{ GRAPH "
            f"<{graph}> {{ <{event}> rdfs:comment \"checked by hand\" }} }}")
    resp = client.post("/sparql", data={"update": good}, headers=AUTH)
    assert resp.status_code == 204, resp.get_data(as_text=True)
    rows = _select(client, f"SELECT ?c WHERE {{ <{event}> "
                           "<http://www.w3.org/2000/01/rdf-schema#comment> ?c }")
    assert [r["c"]["value"] for r in rows] == ["checked by hand"]


def test_graph_store_protocol(client):
    body = "<http://example.org/s> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" ."
    g = "http://example.org/notes"
    resp = client.put("/store", query_string={"graph": g}, data=body,
                      headers={**AUTH, "Content-Type": "application/n-triples"})
    assert resp.status_code == 201, resp.get_data(as_text=True)
    got = client.get("/store", query_string={"graph": g},
                     headers={"Accept": "application/n-triples"})
    assert got.get_data(as_text=True).strip() == body
    assert client.delete("/store", query_string={"graph": g}, headers=AUTH).status_code == 204
    assert client.get("/store", query_string={"graph": g}).status_code == 404
