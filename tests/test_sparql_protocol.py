"""Parsing SPARQL 1.1 Protocol requests (pure: method, content type, parameters, body)."""

from __future__ import annotations

import pytest

from kg.errors import (
    BadRequest,
    MethodNotAllowed,
    PayloadTooLarge,
    UnsupportedMediaType,
)
from kg.sparql.protocol import parse_request

FORM = "application/x-www-form-urlencoded"
G1, G2 = "http://example.org/g1", "http://example.org/g2"


def parse(method="GET", ctype=None, params=(), body=b"", max_length=1000):
    return parse_request(method, ctype, list(params), body, max_length=max_length)


def test_the_three_ways_of_sending_a_query():
    for op in (parse(params=[("query", "ASK {}")]),
               parse("POST", FORM, body=b"query=ASK+%7B%7D"),
               parse("POST", "application/sparql-query; charset=UTF-8", body=b"ASK {}")):
        assert (op.kind, op.text) == ("query", "ASK {}")


def test_updates_by_form_and_directly():
    form = parse("POST", FORM + "; charset=utf-8", body=b"update=CLEAR+ALL&using-graph-uri="
                 + G1.encode())
    assert (form.kind, form.text, form.using_graph_uris) == ("update", "CLEAR ALL", [G1])
    direct = parse("POST", "application/sparql-update", [("using-named-graph-uri", G2)],
                   "INSERT DATA { <urn:a> <urn:b> \"é\" }".encode())
    assert direct.kind == "update" and direct.using_named_graph_uris == [G2]
    assert direct.text.endswith('"é" }')


def test_dataset_parameters_from_url_and_form():
    op = parse("POST", FORM, [("default-graph-uri", G1)],
               b"query=ASK+%7B%7D&named-graph-uri=" + G2.encode())
    assert op.default_graph_uris == [G1] and op.named_graph_uris == [G2]
    assert op.has_protocol_dataset
    assert not parse(params=[("query", "ASK {}")]).has_protocol_dataset


def test_get_without_a_query_asks_for_the_description():
    assert parse().kind == "description"
    assert parse("HEAD").kind == "description"


@pytest.mark.parametrize("kwargs, error", [
    ({"method": "PUT", "params": [("query", "ASK {}")]}, MethodNotAllowed),
    ({"params": [("update", "CLEAR ALL")]}, MethodNotAllowed),
    ({"params": [("query", "ASK {}"), ("query", "ASK {}")]}, BadRequest),
    ({"method": "POST", "ctype": FORM, "body": b"update=CLEAR+ALL&update=CLEAR+ALL"}, BadRequest),
    ({"method": "POST", "ctype": FORM, "body": b"query=ASK+%7B%7D&update=CLEAR+ALL"}, BadRequest),
    ({"method": "POST", "ctype": "application/sparql-query", "params": [("query", "ASK {}")],
      "body": b"ASK {}"}, BadRequest),
    ({"method": "POST", "body": b"ASK {}"}, UnsupportedMediaType),
    ({"method": "POST", "ctype": "text/plain", "body": b"ASK {}"}, UnsupportedMediaType),
    ({"method": "POST", "ctype": "application/sparql-query; charset=UTF-16",
      "body": "ASK {}".encode("utf-16")}, UnsupportedMediaType),
    ({"method": "POST", "ctype": "application/sparql-query", "body": b"\xff\xfeA\x00"},
     BadRequest),
    ({"params": [("query", "   ")]}, BadRequest),
    ({"params": [("query", "ASK {}" + " " * 1000)]}, PayloadTooLarge),
    ({"params": [("query", "ASK {}"), ("using-graph-uri", G1)]}, BadRequest),
    ({"method": "POST", "ctype": "application/sparql-update", "params":
      [("default-graph-uri", G1)], "body": b"CLEAR ALL"}, BadRequest),
])
def test_malformed_requests_are_refused(kwargs, error):
    with pytest.raises(error) as exc:
        parse(**kwargs)
    assert 400 <= exc.value.status < 500
