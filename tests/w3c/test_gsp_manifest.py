"""The W3C Graph Store Protocol tests (``graph-store-protocol/manifest*.ttl``) over real HTTP.

Every ``mf:GraphStoreProtocolTest`` (direct and indirect identification, POST graph creation,
multipart POST, HEAD, percent-encoding) is one case. As the manifest asks: the ``/gsp`` path
prefix becomes our ``/store``, the connection authority ``www.example`` becomes the live
server's, and ``$LOCATION$`` is bound to the ``Location`` header of the response that declares
it. Graph IRIs ``http://www.example/gsp/...`` given to indirect identification are rewritten to
``http://<server>/store/...`` too, so that ``?graph=`` names the same graph as the direct URL
(the manifest's own premise); data IRIs inside the bodies are left as they are. Response bodies
are compared by graph isomorphism.
"""

from __future__ import annotations

import pytest

from tests.conftest import TOKEN, shared_path
from tests.w3c.harness import (
    MF,
    assert_isomorphic,
    manifest_cases,
    manifest_params,
    normalise_media,
    parse_rdf,
    quote_all,
    send,
    shared_manifest,
    substitute,
)

MANIFEST = ("w3c", "sparql11", "graph-store-protocol", "manifest.ttl")
STORE = "/store"
WRITES = {"PUT", "POST", "DELETE"}


def _manifest():
    return shared_manifest(*MANIFEST)


def _cases():
    return manifest_params(_manifest(), MF.GraphStoreProtocolTest)


def rewrite_path(path: str, authority: str) -> str:
    """``/gsp...`` -> ``/store...``; ``www.example/gsp/`` graph IRIs -> the live server's."""
    assert path == "/gsp" or path.startswith(("/gsp/", "/gsp?")), path
    path = STORE + path[len("/gsp"):]
    ours = f"http://{authority}{STORE}/"
    return (path.replace(quote_all("http://www.example/gsp/"), quote_all(ours))
                .replace("http://www.example/gsp/", ours))


@pytest.mark.parametrize("case", _cases())
def test_graph_store_protocol(case, live_app):
    shared_path(*MANIFEST)
    authority = live_app.url.removeprefix("http://")
    host, port = authority.split(":")
    variables: dict[str, str] = {}
    for i, req in enumerate(case.requests, 1):
        path = rewrite_path(substitute(req.path, variables), authority)
        body = req.body
        if body is not None and variables:
            body = substitute(req.body_text, variables).encode(req.encoding)
        headers = list(req.headers)
        if req.method in WRITES:
            headers.append(("Authorization", f"Bearer {TOKEN}"))
        reply = send(host, int(port), req.method, path, headers, body)
        where = f"{case.id} request {i} ({req.method} {path})"
        exp = req.expected
        assert exp.status_ok(reply.status), \
            f"{where}: status {reply.status}, expected {exp.statuses}: {reply.body[:300]!r}"
        if req.method == "HEAD":
            assert reply.body == b"", where
        for name, value in exp.headers:
            got = reply.header(name)
            assert got is not None, f"{where}: no {name} header"
            if name.lower() == "content-type":
                assert normalise_media(got) == normalise_media(value), f"{where}: {got}"
            else:
                assert got == value, f"{where}: {name}: {got}"
        if exp.body is not None:
            expected_type = next((v for k, v in exp.headers if k.lower() == "content-type"),
                                 "text/turtle")
            expected = parse_rdf(exp.body, normalise_media(expected_type)[0])
            assert_isomorphic(parse_rdf(reply.body, reply.media_type, base=live_app.url + path),
                              expected)
        if exp.location_var:
            location = reply.header("location")
            assert location, f"{where}: no Location header"
            variables[exp.location_var] = location


def test_every_graph_store_test_is_collected():
    """Both included manifests are read and no listed entry is dropped."""
    graph = _manifest()
    if graph is None:
        shared_path(*MANIFEST)
    cases = manifest_cases(graph, MF.GraphStoreProtocolTest)
    listed = [c for c in cases if c.listed]
    assert len(listed) == 4 + 9, [c.id for c in cases]
    assert {c.id for c in cases if not c.listed} <= {"head_non_existing_direct"}
    assert all(c.requests for c in cases)
