"""The Graph Store Protocol at /store beyond the W3C manifest: authorisation, media types,
errors, the default graph, and graphs created by POST."""

from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from tests.fixtures.web import assert_error_shape, nquads
from tests.w3c.harness import parse_rdf

TTL = """@prefix foaf: <http://xmlns.com/foaf/0.1/> .
<http://example.org/people/ada> a foaf:Person ; foaf:name "Ada" ;
    foaf:knows [ foaf:name "Bo" ] ."""
G = "http://example.org/graphs/people"


def _put(client, auth, data=TTL, ctype="text/turtle", **params):
    return client.put("/store", query_string=params or {"graph": G}, data=data,
                      headers={**auth, "Content-Type": ctype})


def test_put_get_head_delete_cycle(client, auth):
    assert _put(client, auth).status_code == 201
    assert _put(client, auth).status_code == 204
    resp = client.get("/store", query_string={"graph": G})
    assert resp.status_code == 200
    assert resp.headers["Content-Type"] == "text/turtle; charset=utf-8"
    assert isomorphic(parse_rdf(resp.get_data(), "text/turtle"),
                      Graph().parse(data=TTL, format="turtle"))
    head = client.head("/store", query_string={"graph": G})
    assert head.status_code == 200 and head.get_data() == b""
    assert head.headers["Content-Type"] == "text/turtle; charset=utf-8"
    assert client.delete("/store", query_string={"graph": G}, headers=auth).status_code == 204
    assert_error_shape(client.get("/store", query_string={"graph": G}), 404)
    assert client.head("/store", query_string={"graph": G}).status_code == 404
    assert_error_shape(client.delete("/store", query_string={"graph": G}, headers=auth), 404)


@pytest.mark.parametrize("accept, media", [
    ("application/n-triples", "application/n-triples"), ("application/ld+json",
                                                         "application/ld+json"),
    ("application/rdf+xml", "application/rdf+xml"), ("text/turtle;q=0.2, */*;q=0.1",
                                                     "text/turtle"),
])
def test_get_in_other_formats(client, auth, accept, media):
    _put(client, auth)
    resp = client.get("/store", query_string={"graph": G}, headers={"Accept": accept})
    assert resp.status_code == 200 and resp.mimetype == media
    assert isomorphic(parse_rdf(resp.get_data(), media),
                      Graph().parse(data=TTL, format="turtle"))


@pytest.mark.parametrize("ctype, body", [
    ("application/n-triples",
     '<http://example.org/people/ada> <http://xmlns.com/foaf/0.1/name> "Ada" .'),
    ("application/ld+json", '{"@id": "http://example.org/people/ada", '
                            '"http://xmlns.com/foaf/0.1/name": "Ada"}'),
    ("application/rdf+xml", '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
     'xmlns:foaf="http://xmlns.com/foaf/0.1/"><rdf:Description rdf:about='
     '"http://example.org/people/ada"><foaf:name>Ada</foaf:name></rdf:Description></rdf:RDF>'),
])
def test_bodies_in_other_formats(client, auth, ctype, body):
    assert _put(client, auth, body, ctype).status_code == 201
    resp = client.get("/store", query_string={"graph": G},
                      headers={"Accept": "application/n-triples"})
    assert b'"Ada"' in resp.get_data()


def test_writes_need_the_token(client, auth):
    before = nquads(client)
    assert_error_shape(_put(client, {}), 401)
    assert_error_shape(_put(client, {"Authorization": "Bearer wrong"}), 403)
    assert_error_shape(client.delete("/store", query_string={"default": ""}), 401)
    assert_error_shape(client.post("/store", data=TTL, content_type="text/turtle"), 401)
    assert nquads(client) == before


@pytest.mark.parametrize("params, ctype, body, status", [
    ({"graph": G}, "text/turtle", "<a> <b> .", 400),                     # bad Turtle
    ({"graph": G}, "application/pdf", "x", 415),                          # not RDF
    ({"graph": G}, "application/n-quads", "<urn:a> <urn:b> <urn:c> <urn:g> .", 415),
    ({"graph": G}, None, TTL, 415),                                        # no Content-Type
    ({"graph": G}, "text/turtle; charset=ebcdic", TTL, 415),               # not UTF-8
    ({"graph": G}, "application/ld+json",                                  # remote context
     '{"@context": "http://schema.org/", "@id": "http://example.org/a", "name": "A"}', 400),
    ({"graph": G}, "application/ld+json",                                  # a named graph
     '{"@id": "http://example.org/g", "@graph": [{"@id": "http://example.org/a", '
     '"http://example.org/p": "v"}]}', 400),
    ({"graph": "not an IRI"}, "text/turtle", TTL, 400),
    ({"graph": [G, G + "2"]}, "text/turtle", TTL, 400),
    ({"graph": G, "default": ""}, "text/turtle", TTL, 400),
])
def test_bad_writes_are_4xx_and_change_nothing(client, auth, params, ctype, body, status):
    before = nquads(client)
    headers = dict(auth)
    if ctype:
        headers["Content-Type"] = ctype
    resp = client.put("/store", query_string=params, data=body.encode(), headers=headers)
    assert_error_shape(resp, status)
    assert nquads(client) == before


def test_default_graph(client, auth):
    assert _put(client, auth, default="").status_code == 204  # the default graph always exists
    resp = client.get("/store?default", headers={"Accept": "application/n-triples"})
    assert b'"Ada"' in resp.get_data()
    # the store's own default graph, not the union seen by queries
    _put(client, auth, '<http://example.org/x> <http://example.org/p> "named" .',
         "application/n-triples")
    assert b'"named"' not in client.get("/store?default").get_data()
    assert client.delete("/store?default", headers=auth).status_code == 204
    assert client.get("/store?default").get_data().strip() == b""
    assert_error_shape(client.get("/store"), 400)


def test_post_to_the_store_creates_a_graph_with_a_dereferenceable_iri(client, auth):
    resp = client.post("/store", data=TTL, headers={**auth, "Content-Type": "text/turtle"})
    assert resp.status_code == 201
    location = resp.headers["Location"]
    assert location.startswith("http://localhost/store/")
    path = location.removeprefix("http://localhost")
    direct = client.get(path, headers={"Accept": "text/turtle"})
    assert direct.status_code == 200
    assert isomorphic(parse_rdf(direct.get_data(), "text/turtle"),
                      Graph().parse(data=TTL, format="turtle"))
    indirect = client.get("/store", query_string={"graph": location})
    assert indirect.get_data() == direct.get_data()
    assert client.delete(path, headers=auth).status_code == 204
    assert client.get(path).status_code == 404


def test_post_merges_into_a_graph(client, auth):
    _put(client, auth)
    resp = client.post("/store", query_string={"graph": G}, headers={
        **auth, "Content-Type": "application/n-triples"},
        data='<http://example.org/people/ada> <http://xmlns.com/foaf/0.1/age> "36" .')
    assert resp.status_code == 204
    graph = parse_rdf(client.get("/store", query_string={"graph": G}).get_data(), "text/turtle")
    assert len(graph) == 5  # 4 triples + 1, the blank node kept


def test_direct_identification_takes_no_query_string(client, auth):
    assert_error_shape(client.get("/store/people/1?graph=x"), 400)


def test_multipart_needs_rdf_parts(client, auth):
    boundary = "b0undary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.pdf\"\r\n"
            f"Content-Type: application/pdf\r\n\r\n%PDF\r\n--{boundary}--\r\n")
    resp = client.post("/store", query_string={"graph": G}, data=body.encode(), headers={
        **auth, "Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert_error_shape(resp, 415)


def test_methods_not_in_the_protocol_are_405(client, auth):
    resp = client.patch("/store", query_string={"graph": G}, headers=auth)
    body = assert_error_shape(resp, 405)
    assert "GET" in resp.headers["Allow"] and body["code"] == "method_not_allowed"
