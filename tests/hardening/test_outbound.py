"""No server-side requests: SERVICE and LOAD only to allow-listed targets, no remote JSON-LD
contexts, no external XML entities, nothing fetched for HTML articles. Each case runs against
a loopback listener that records whether it was contacted."""

from __future__ import annotations

import json
import time
from urllib.parse import quote

import pytest

from kg.settings import Settings
from kg.web import create_app
from tests.conftest import TOKEN
from tests.fixtures.articles import storm_article
from tests.hardening.conftest import assert_error_shape

AUTH = {"Authorization": f"Bearer {TOKEN}"}
GRAPH = "http://example.org/graph/upload"


def _service_queries(url: str) -> list[str]:
    host = url.rstrip("/")
    return [
        f"SELECT * WHERE {{ SERVICE <{url}sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{url}sparql> {{ ?s ?p ?o }} }}",
        f"select * where {{ service <{url}sparql> {{ ?s ?p ?o }} }}",
        f"PREFIX remote: <{url}> SELECT * WHERE {{ SERVICE remote:sparql {{ ?s ?p ?o }} }}",
        f"BASE <{url}> SELECT * WHERE {{ SERVICE <sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ VALUES ?x {{ <{url}sparql> }} SERVICE ?x {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{url}a> {{ ?s ?p ?o }} }} }} }}",
        f"ASK {{ FILTER EXISTS {{ SERVICE <{url}b> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ SERVICE#comment\n<{url}c> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE <{host}/d> {{ ?s ?p ?o }} }} # <http://example.org/>",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}e> {{ ?s ?p ?o }} }}",
        f"DESCRIBE ?s WHERE {{ SERVICE <{url}f> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}g> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE <{url}\\u0068> {{ ?s ?p ?o }} }}",
    ]


def _updates(url: str) -> list[str]:
    return [
        f"LOAD <{url}data.ttl>",
        f"LOAD SILENT <{url}data.ttl>",
        f"LOAD <{url}data.ttl> INTO GRAPH <{GRAPH}>",
        f"PREFIX r: <{url}> LOAD r:data.ttl",
        f"BASE <{url}> LOAD <data.ttl>",
        f"load <{url}data.ttl>",
        f"INSERT DATA {{ <http://example.org/a> <http://example.org/b> 1 }} ; LOAD <{url}x>",
        f"INSERT {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }} WHERE {{ SERVICE <{url}sparql> "
        "{ ?s ?p ?o } }",
        f"DELETE WHERE {{ SERVICE <{url}sparql> {{ ?s ?p ?o }} }}",
    ]


def _dump(client) -> bytes:
    return client.get("/dump", headers={"Accept": "application/n-quads"}).get_data()


def test_service_is_refused(client, listener):
    for query in _service_queries(listener.url):
        for resp in (client.get("/sparql", query_string={"query": query}),
                     client.post("/sparql", data=query.encode(),
                                 headers={"Content-Type": "application/sparql-query"})):
            assert 400 <= resp.status_code < 500, (query, resp.status_code)
            assert_error_shape(resp)
    time.sleep(0.2)
    assert listener.hits == []


def test_load_and_service_in_updates_are_refused(client, listener):
    before = _dump(client)
    for update in _updates(listener.url):
        for resp in (client.post("/sparql", data=update.encode(),
                                 headers={**AUTH, "Content-Type": "application/sparql-update"}),
                     client.post("/update", data=f"update={quote(update)}",
                                 headers={**AUTH, "Content-Type":
                                          "application/x-www-form-urlencoded"})):
            assert 400 <= resp.status_code < 500, (update, resp.status_code)
            assert_error_shape(resp)
    time.sleep(0.2)
    assert listener.hits == []
    assert _dump(client) == before


def test_allow_listed_targets_are_reached(tmp_path, listener):
    """The control: the same requests reach an allow-listed listener (so the tests above can
    fail), and a prefix of the allow-list is not enough for other hosts."""
    app = create_app(Settings(data_dir=tmp_path / "d", update_token=TOKEN,
                              service_allowlist=f"{listener.url}allowed/"))
    try:
        client = app.test_client()
        resp = client.get("/sparql", query_string={
            "query": f"SELECT * WHERE {{ SERVICE <{listener.url}sparql> {{ ?s ?p ?o }} }}"})
        assert_error_shape(resp, 403)
        assert listener.hits == []
        client.get("/sparql", query_string={
            "query": f"SELECT * WHERE {{ SERVICE SILENT <{listener.url}allowed/q> "
                     "{ ?s ?p ?o } }"})
        assert listener.hits == ["/allowed/q"]
    finally:
        app.extensions["kg"].close()


@pytest.mark.parametrize("context", [
    '"{url}context.jsonld"',
    '["{url}context.jsonld"]',
    '[{{"ex": "http://example.org/"}}, "{url}context.jsonld"]',
    '{{"@import": "{url}context.jsonld"}}',
    '{{"@vocab": "http://example.org/", "nested": {{"@id": "http://example.org/n", '
    '"@context": "{url}scoped.jsonld"}}}}',
])
def test_jsonld_remote_contexts_are_never_fetched(client, listener, context):
    doc = ('{{"@context": ' + context + ', "@id": "http://example.org/a", '
           '"http://example.org/b": "c"}}').format(url=listener.url)
    before = _dump(client)
    for method, path in (("PUT", f"/store?graph={GRAPH}"), ("POST", f"/store?graph={GRAPH}"),
                         ("POST", "/store")):
        resp = client.open(path, method=method, data=doc.encode(),
                           headers={**AUTH, "Content-Type": "application/ld+json"})
        assert 400 <= resp.status_code < 500 or (
            "nested" in context and resp.status_code < 300), resp.get_data(as_text=True)
        if resp.status_code >= 400:
            assert_error_shape(resp)
    assert listener.hits == []
    if "nested" not in context:
        assert _dump(client) == before


XML_HEAD = ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns:ex="http://example.org/">')


@pytest.mark.parametrize("doctype, use", [
    ('<!DOCTYPE rdf:RDF [<!ENTITY ext SYSTEM "{url}xxe">]>', "&ext;"),
    ('<!DOCTYPE rdf:RDF [<!ENTITY ext SYSTEM "file:///etc/passwd">]>', "&ext;"),
    ('<!DOCTYPE rdf:RDF [<!ENTITY ext PUBLIC "-//x//y" "{url}pub">]>', "&ext;"),
    ('<!DOCTYPE rdf:RDF [<!ENTITY % p SYSTEM "{url}dtd"> %p;]>', "x"),
    ('<!DOCTYPE rdf:RDF SYSTEM "{url}external.dtd">', "x"),
    ('<?xml-stylesheet href="{url}style.xsl"?>', "x"),
    ('<!DOCTYPE rdf:RDF [<!ENTITY ext SYSTEM "/etc/hostname">]>', "&ext;"),
])
def test_rdfxml_never_resolves_external_entities(client, listener, doctype, use):
    doc = ('<?xml version="1.0"?>' + doctype.format(url=listener.url) + XML_HEAD +
           f'<rdf:Description rdf:about="http://example.org/a"><ex:b>{use}</ex:b>'
           '</rdf:Description></rdf:RDF>')
    resp = client.put(f"/store?graph={GRAPH}", data=doc.encode(),
                      headers={**AUTH, "Content-Type": "application/rdf+xml"})
    if resp.status_code < 300:  # accepted without the entity: nothing of it was read
        stored = client.get(f"/store?graph={GRAPH}",
                            headers={"Accept": "application/n-triples"}).get_data(as_text=True)
        assert "root:" not in stored and "&ext;" not in stored or use == "x"
    else:
        assert_error_shape(resp)
    assert listener.hits == []


def test_html_articles_fetch_nothing(client, listener):
    url = listener.url
    page = f"""<!DOCTYPE html [<!ENTITY ext SYSTEM "{url}xxe"><!ENTITY file SYSTEM
    "file:///etc/passwd">]>
    <html><head><title>Harbour flooded</title>
    <link rel="stylesheet" href="{url}style.css"><script src="{url}app.js"></script>
    <meta http-equiv="refresh" content="0; url={url}refresh">
    <link rel="canonical" href="{url}canonical">
    <script type="application/ld+json">{{"@context": "{url}ctx.jsonld", "@type":
    "NewsArticle", "headline": "Harbour flooded", "datePublished": "2024-03-02"}}</script>
    </head><body><img src="{url}image.png"><iframe src="{url}frame"></iframe>
    <article><p>Heavy rain flooded the harbour of the coastal town on Saturday, the mayor
    said, and &ext; &file; many boats were damaged in the storm that followed.</p>
    <p>Rescue teams worked through the night to pump water out of the lower streets.</p>
    </article></body></html>"""
    resp = client.post("/articles", data=page.encode(),
                       headers={**AUTH, "Content-Type": "text/html"},
                       query_string={"published": "2024-03-02"})
    assert resp.status_code in (201, 400, 422), resp.get_data(as_text=True)
    text = _dump(client).decode()
    assert "root:x" not in text
    assert listener.hits == []


def test_shacl_validation_follows_no_imports(client, listener):
    doc = (f"<http://example.org/o> a <http://www.w3.org/2002/07/owl#Ontology> ; "
           f"<http://www.w3.org/2002/07/owl#imports> <{listener.url}onto.ttl> .\n"
           f"<http://example.org/o> <http://www.w3.org/ns/shacl#shapesGraph> "
           f"<{listener.url}shapes.ttl> .")
    resp = client.put(f"/store?graph={GRAPH}", data=doc.encode(),
                      headers={**AUTH, "Content-Type": "text/turtle"})
    assert resp.status_code < 500
    assert listener.hits == []


def test_article_urls_are_not_fetched(client, listener):
    doc = storm_article(url=f"{listener.url}article")
    resp = client.post("/articles", data=json.dumps(doc),
                       headers={**AUTH, "Content-Type": "application/json"})
    assert resp.status_code == 201
    text = b"A storm hit the port. Ships stayed in the harbour on Monday."
    resp = client.post("/articles", data=text, headers={**AUTH, "Content-Type": "text/plain"},
                       query_string={"url": f"{listener.url}plain", "published": "2024-01-02"})
    assert resp.status_code in (201, 422), resp.get_data(as_text=True)
    assert listener.hits == []
