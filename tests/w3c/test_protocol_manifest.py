"""The W3C SPARQL 1.1 Protocol tests (``protocol/manifest.ttl``), replayed over real HTTP.

Every ``mf:ProtocolTest`` is one parametrised case; its ``ht:Request``s are sent in order to a
live server on 127.0.0.1 with ``/sparql/`` replaced by our endpoint path. Update requests carry
the write token. ``ut:graphData`` files are loaded into their named graphs first.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from tests.conftest import TOKEN, shared_path
from tests.w3c.harness import (
    MF,
    is_update_request,
    manifest_cases,
    manifest_params,
    parse_boolean,
    parse_rdf,
    parse_tabular,
    send,
    shared_manifest,
)

MANIFEST = ("w3c", "sparql11", "protocol", "manifest.ttl")
ENDPOINT = "/sparql"


def _manifest():
    return shared_manifest(*MANIFEST)


def _cases():
    return manifest_params(_manifest(), MF.ProtocolTest)


def endpoint_path(path: str) -> str:
    """``/sparql/?x`` -> ``/sparql?x``: the manifest's prefix replaced by our endpoint."""
    assert path.startswith("/sparql/"), path
    return ENDPOINT + path[len("/sparql/"):]


@pytest.mark.parametrize("case", _cases())
def test_protocol(case, live_app):
    shared_path(*MANIFEST)
    kg = live_app.extensions["kg"]
    for file, graph in case.graph_data:
        kg.put_graph(graph, [q.triple for q in ox.parse(path=str(file),
                                                         format=ox.RdfFormat.N_TRIPLES)])
    host, port = live_app.url.removeprefix("http://").split(":")
    for i, req in enumerate(case.requests, 1):
        headers = list(req.headers)
        if is_update_request(req):
            headers.append(("Authorization", f"Bearer {TOKEN}"))
        reply = send(host, int(port), req.method, endpoint_path(req.path), headers, req.body)
        where = f"{case.id} request {i} ({req.method} {req.path[:60]})"
        exp = req.expected
        assert exp.status_ok(reply.status), \
            f"{where}: status {reply.status}, expected {exp.statuses}: {reply.body[:300]!r}"
        if reply.status >= 400:
            error = __import__("json").loads(reply.body)
            assert error["ok"] is False and error["status"] == reply.status, where
        if exp.format == "boolean":
            value = parse_boolean(reply)
            if exp.boolean is not None:
                assert value is exp.boolean, f"{where}: ASK answered {value}"
        elif exp.format == "tabular":
            variables, _ = parse_tabular(reply)
            assert variables, where
        elif exp.format == "RDF":
            parse_rdf(reply.body, reply.media_type, base=live_app.url + ENDPOINT)
        elif exp.format is not None:
            raise AssertionError(f"{where}: unknown expected format {exp.format!r}")
        elif exp.boolean is not None:
            assert parse_boolean(reply) is exp.boolean, where


def test_every_listed_entry_is_a_protocol_test():
    """No entry of the manifest is dropped by the collection above."""
    graph = _manifest()
    if graph is None:
        shared_path(*MANIFEST)
    cases = manifest_cases(graph, MF.ProtocolTest)
    assert len(cases) == 34 and all(c.listed for c in cases)
    assert all(c.requests for c in cases)
