"""Downloads: the whole store, an article, an event; formats, compression, validators (ETag,
Last-Modified, 304), file names and HEAD. (Memory use while streaming is measured by
``bench/dump_memory.py``, not here.)"""

from __future__ import annotations

import gzip
from email.utils import format_datetime, parsedate_to_datetime

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from tests.fixtures.articles import storm_article
from tests.fixtures.web import assert_error_shape, update
from tests.w3c.harness import parse_rdf

FORMATS = {"ttl": "text/turtle", "nt": "application/n-triples", "nq": "application/n-quads",
           "trig": "application/trig", "jsonld": "application/ld+json",
           "rdf": "application/rdf+xml"}
TL = "https://w3id.org/timeline-kg/ontology#"


@pytest.fixture
def stored(client, auth):
    body = client.post("/articles", json=storm_article(), headers=auth).get_json()
    return {"id": body["id"], "article": body["article"],
            "events": [e["iri"] for e in body["events"]]}


def _canonical(resp) -> set[ox.Triple]:
    """The triples of a response (graphs merged), blank nodes canonically labelled (RDFC-1.0)
    so that documents compare as sets; rdflib also has to read the document."""
    assert len(parse_rdf(resp.get_data(), resp.mimetype)) > 0
    fmt = ox.RdfFormat.from_media_type(resp.mimetype)
    dataset = ox.Dataset(ox.Quad(q.subject, q.predicate, q.object)
                         for q in ox.parse(resp.get_data(), format=fmt))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return {q.triple for q in dataset}


def test_whole_store_defaults_to_turtle(client, stored):
    resp = client.get("/dump")
    assert resp.status_code == 200
    assert resp.headers["Content-Type"] == "text/turtle; charset=utf-8"
    assert resp.headers["Content-Disposition"] == 'attachment; filename="timeline-kg.ttl"'
    text = resp.get_data(as_text=True)
    assert text.startswith("@prefix") and "tl:Storm" in text
    graph = parse_rdf(resp.get_data(), "text/turtle")
    assert (URIRef(stored["events"][0]), URIRef(TL + "eventType"), URIRef(TL + "Storm")) in graph


@pytest.mark.parametrize("name", FORMATS)
def test_whole_store_in_every_format(client, stored, name):
    reference = _canonical(client.get("/dump", headers={"Accept": "application/n-triples"}))
    for resp in (client.get("/dump", headers={"Accept": FORMATS[name]}),
                 client.get("/dump", query_string={"format": name})):
        assert resp.status_code == 200 and resp.mimetype == FORMATS[name]
        assert resp.headers["Content-Disposition"] == \
            f'attachment; filename="timeline-kg.{name}"'
        assert _canonical(resp) == reference, name
    if name in ("nq", "trig"):  # the graphs are kept apart
        graphs = {q.graph_name.value for q in ox.parse(resp.get_data(),
                                                       format=ox.RdfFormat.from_media_type(
                                                           resp.mimetype))}
        assert {stored["article"], "https://w3id.org/timeline-kg/ontology"} <= graphs


def test_article_dump_is_the_article_graph(client, stored):
    resp = client.get(f"/dump/article/{stored['id']}",
                      headers={"Accept": "application/n-triples"})
    assert resp.status_code == 200
    assert resp.headers["Content-Disposition"] == \
        f'attachment; filename="article-{stored["id"]}.nt"'
    graph = client.get("/store", query_string={"graph": stored["article"]},
                       headers={"Accept": "application/n-triples"})
    assert isomorphic(parse_rdf(resp.get_data(), resp.mimetype),
                      parse_rdf(graph.get_data(), graph.mimetype))
    ontology_class = (URIRef(TL + "Event"), None, None)
    assert not list(parse_rdf(resp.get_data(), resp.mimetype).triples(ontology_class))
    assert_error_shape(client.get("/dump/article/0000000000000000"), 404)
    assert_error_shape(client.get("/dump/article/..%2Fetc"), 404)


def test_event_dump_has_the_event_and_its_sources(client, stored):
    event = stored["events"][0]
    event_id = event.rsplit("/", 1)[1]
    resp = client.get(f"/dump/event/{event_id}")
    assert resp.status_code == 200 and resp.mimetype == "text/turtle"
    assert resp.headers["Content-Disposition"] == f'attachment; filename="event-{event_id}.ttl"'
    graph = parse_rdf(resp.get_data(), "text/turtle")
    e, art = URIRef(event), URIRef(stored["article"])
    assert graph.value(e, URIRef(TL + "eventType")) == URIRef(TL + "Storm")
    assert (e, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), art) in graph
    assert str(graph.value(art, URIRef("http://schema.org/headline"))) == \
        "Storm batters port city"
    # the place, the source of the claim and the trigger span come along
    place = graph.value(e, URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace"))
    assert str(graph.value(place, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))) == "Odesa"
    trigger = graph.value(e, URIRef(TL + "trigger"))
    assert str(graph.value(trigger, URIRef(TL + "anchorOf"))) == "struck"
    # nothing of the other events
    assert URIRef(stored["events"][1]) not in set(graph.subjects())
    jsonld = client.get(f"/dump/event/{event_id}", query_string={"format": "jsonld"})
    assert isomorphic(parse_rdf(jsonld.get_data(), jsonld.mimetype), graph)
    assert_error_shape(client.get("/dump/event/no-such-event"), 404)
    assert_error_shape(client.get(f"/dump/event/{event_id}", query_string={"format": "nq"}),
                       406)


def test_transfer_gzip_and_gzip_files(client, stored):
    plain = client.get("/dump", headers={"Accept": "application/n-quads"})
    zipped = client.get("/dump", headers={"Accept": "application/n-quads",
                                          "Accept-Encoding": "gzip, deflate"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert zipped.mimetype == "application/n-quads"
    assert zipped.headers["Content-Disposition"] == 'attachment; filename="timeline-kg.nq"'
    assert gzip.decompress(zipped.get_data()) == plain.get_data()
    assert len(zipped.get_data()) < len(plain.get_data()) / 3
    refused = client.get("/dump", headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert "Content-Encoding" not in refused.headers
    file = client.get(f"/dump/article/{stored['id']}", query_string={"compress": "gzip"},
                      headers={"Accept-Encoding": "gzip"})
    assert file.mimetype == "application/gzip" and "Content-Encoding" not in file.headers
    assert file.headers["Content-Disposition"] == \
        f'attachment; filename="article-{stored["id"]}.ttl.gz"'
    assert gzip.decompress(file.get_data()) == \
        client.get(f"/dump/article/{stored['id']}").get_data()
    assert_error_shape(client.get("/dump", query_string={"compress": "zip"}), 400)


def test_validators_and_revalidation(client, auth, stored):
    first = client.get("/dump")
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert etag.startswith('"') and parsedate_to_datetime(modified)
    assert first.headers["Vary"] == "Accept, Accept-Encoding"
    again = client.get("/dump", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.get_data() == b""
    assert again.headers["ETag"] == etag
    assert client.get("/dump", headers={"If-None-Match": f'"other", W/{etag}'}).status_code == 304
    assert client.get("/dump", headers={"If-None-Match": '"other"'}).status_code == 200
    assert client.get("/dump", headers={"If-Modified-Since": modified}).status_code == 304
    earlier = format_datetime(parsedate_to_datetime(modified).replace(year=2001), usegmt=True)
    assert client.get("/dump", headers={"If-Modified-Since": earlier}).status_code == 200
    # each representation has its own tag
    tags = {client.get("/dump", query_string={"format": f}).headers["ETag"] for f in FORMATS}
    tags.add(client.get("/dump", headers={"Accept-Encoding": "gzip"}).headers["ETag"])
    tags.add(client.get("/dump", query_string={"compress": "gzip"}).headers["ETag"])
    assert len(tags) == len(FORMATS) + 2
    article = client.get(f"/dump/article/{stored['id']}").headers["ETag"]
    # a write changes the tags
    assert update(client, 'INSERT DATA { GRAPH <urn:x:notes> { <urn:x:a> <urn:x:b> "c" } }',
                  auth).status_code == 204
    after = client.get("/dump", headers={"If-None-Match": etag})
    assert after.status_code == 200 and after.headers["ETag"] != etag
    assert client.get(f"/dump/article/{stored['id']}").headers["ETag"] != article


@pytest.mark.parametrize("path", ["/dump", "/dump/article/{id}", "/dump/event/{event}"])
def test_head(client, stored, path):
    path = path.format(id=stored["id"], event=stored["events"][0].rsplit("/", 1)[1])
    get, head = client.get(path), client.head(path)
    assert head.status_code == 200 and head.get_data() == b""
    for name in ("ETag", "Last-Modified", "Content-Type", "Content-Disposition"):
        assert head.headers[name] == get.headers[name]
    assert client.head(path, headers={"If-None-Match": get.headers["ETag"]}).status_code == 304


def test_impossible_format_is_406(client, stored):
    assert_error_shape(client.get("/dump", query_string={"format": "pdf"}), 406)
    assert_error_shape(client.get("/dump", headers={"Accept": "image/png"}), 406)


def test_an_empty_store_dump_is_just_the_ontology(client):
    graph = parse_rdf(client.get("/dump").get_data(), "text/turtle")
    assert (URIRef(TL + "Event"), None, None) in graph
    assert isinstance(graph, Graph)


@pytest.mark.parametrize("path", ["/dump/event/0%0A", "/dump/article/a%0A", "/event/0%0A",
                                  "/article/a%0A", "/articles/a%0A"])
def test_an_id_ending_in_a_newline_is_not_found(client, stored, path):
    # "$" in a regular expression also matches before a final newline: ids are checked up
    # to the end of the string ("\Z"), so "0\n" is no id and no 500 from the IRI it makes
    assert_error_shape(client.get(path), 404)
