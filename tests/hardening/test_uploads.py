"""Uploads that would cost the parser minutes or gigabytes are refused at once (400): deep
JSON-LD and RDF/XML nesting, XML entity expansion. Ordinary documents pass."""

from __future__ import annotations

import json

import pytest

from tests.conftest import TOKEN
from tests.hardening.conftest import assert_error_shape

AUTH = {"Authorization": f"Bearer {TOKEN}"}
URL = "/store?graph=http://example.org/graph/upload"
RDF_NS = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/"'


def _put(client, body: str | bytes, ctype: str):
    data = body.encode() if isinstance(body, str) else body
    return client.put(URL, data=data, headers={**AUTH, "Content-Type": ctype})


def _dump(client) -> bytes:
    return client.get("/dump", headers={"Accept": "application/n-quads"}).get_data()


def deep_jsonld(depth: int) -> str:
    return ('{"@id": "http://example.org/a", "http://example.org/p": '
            + '{"http://example.org/p": ' * depth + '"x"' + "}" * depth + "}")


def deep_rdfxml(depth: int) -> str:
    return (f'<rdf:RDF {RDF_NS}><rdf:Description rdf:about="http://example.org/a">'
            + "<ex:p><rdf:Description>" * depth + "</rdf:Description></ex:p>" * depth
            + "</rdf:Description></rdf:RDF>")


def laughs(levels: int) -> str:
    ents = '<!ENTITY l0 "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, levels + 1))
    return (f'<?xml version="1.0"?><!DOCTYPE rdf:RDF [{ents}]><rdf:RDF {RDF_NS}>'
            f'<rdf:Description rdf:about="http://example.org/a"><ex:p>&l{levels};</ex:p>'
            "</rdf:Description></rdf:RDF>")


@pytest.mark.parametrize("body, ctype, words", [
    (deep_jsonld(5_000), "application/ld+json", "nests deeper"),
    (deep_jsonld(300), "application/ld+json", "nests deeper"),
    ("[" * 50_000 + "]" * 50_000, "application/ld+json", "nests deeper"),
    (deep_rdfxml(5_000), "application/rdf+xml", "nests deeper"),
    (deep_rdfxml(300), "application/rdf+xml", "nests deeper"),
    (laughs(9), "application/rdf+xml", "expan"),
    (laughs(5), "application/rdf+xml", "expand"),
    ('<?xml version="1.0"?><rdf:RDF ' + RDF_NS + "><ex:a>", "application/rdf+xml",
     "not well-formed"),
])
def test_costly_uploads_are_refused(client, body, ctype, words):
    before = _dump(client)
    resp = _put(client, body, ctype)
    err = assert_error_shape(resp, 400)
    assert words in err["error"], err
    assert _dump(client) == before


def test_ordinary_documents_pass(client):
    jsonld = json.dumps({"@context": {"ex": "http://example.org/"}, "@id": "ex:a",
                         "ex:p": {"@id": "ex:b", "ex:q": [{"@value": "x"}, {"@id": "ex:c"}]}})
    assert _put(client, jsonld, "application/ld+json").status_code in (201, 204)
    entities = (f'<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY ex "http://example.org/">]>'
                f'<rdf:RDF {RDF_NS}><rdf:Description rdf:about="&ex;a"><ex:p>three '
                f"levels</ex:p></rdf:Description></rdf:RDF>")
    assert _put(client, entities, "application/rdf+xml").status_code in (201, 204)
    nested = deep_rdfxml(50)
    assert _put(client, nested, "application/rdf+xml").status_code in (201, 204)
    stored = client.get(URL, headers={"Accept": "application/n-triples"}).get_data()
    assert stored.count(b"\n") == 50  # PUT replaced the graph: one triple per level
