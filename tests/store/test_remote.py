"""The remote backend's own behaviour: configuration, update previews, retries, outages and
recovery, and credentials that never reach a log or an error message."""

from __future__ import annotations

import base64
import http.server
import logging
import threading

import pyoxigraph as ox
import pytest

from kg.errors import (
    BackendUnavailable,
    BadRequest,
    ConfigError,
    QuerySyntaxError,
    StoreError,
)
from kg.settings import Settings
from kg.store.preview import CannotPreview, footprint
from kg.store.remote import Endpoints, RemoteStore
from kg.store.transport import HttpTransport
from tests.conftest import free_port
from tests.oxigraph_server import OxigraphServer, oxigraph_binary

EX = "http://example.org/"
SECRET = "s3cr3t-Pa55"
TOKEN = "tok-9f8e7d6c5b4a"


# -- configuration ------------------------------------------------------------------------------

def test_endpoints_from_kg_store_and_explicit_urls():
    e = Endpoints.from_settings(Settings(store="sparql+http://db.internal:7878/"))
    assert (e.query, e.update, e.gsp) == ("http://db.internal:7878/query",
                                          "http://db.internal:7878/update",
                                          "http://db.internal:7878/store")
    e = Endpoints.from_settings(Settings(store="sparql+https://h/oxi"))
    assert e.query == "https://h/oxi/query"
    e = Endpoints.from_settings(Settings(
        store_query_url="http://f:3030/kg/query", store_update_url="http://f:3030/kg/update",
        store_gsp_url="none"))
    assert (e.query, e.update, e.gsp) == ("http://f:3030/kg/query", "http://f:3030/kg/update",
                                          None)


@pytest.mark.parametrize("overrides, message", [
    ({"store": "http://h:7878/"}, "sparql+http"),
    ({"store_query_url": "http://h/q"}, "update URL"),
    ({"store_query_url": "ftp://h/q", "store_update_url": "http://h/u"}, "http(s)"),
])
def test_bad_store_settings_are_config_errors(overrides, message):
    with pytest.raises(ConfigError) as err:
        Endpoints.from_settings(Settings(**overrides))
    assert message in err.value.message


def test_credentials_in_urls_are_refused_without_echoing_them():
    with pytest.raises(ConfigError) as err:
        Settings(store=f"sparql+http://admin:{SECRET}@h:7878/")
    assert SECRET not in err.value.message
    assert Settings(store_password=SECRET, store_token=TOKEN).redacted()["store_password"] \
        == "***"


def test_open_store_picks_the_backend(tmp_path):
    from kg.bootstrap import open_store

    st = open_store(Settings(data_dir=tmp_path, store="sparql+http://127.0.0.1:9/"))
    assert isinstance(st, RemoteStore) and st.flavour == "oxigraph"
    st.close()


# -- update previews ----------------------------------------------------------------------------

@pytest.mark.parametrize("update, graphs", [
    (f"INSERT DATA {{ GRAPH <{EX}a> {{ <{EX}s> <{EX}p> 1 }} }}", {f"{EX}a"}),
    (f"PREFIX ex: <{EX}> DELETE DATA {{ GRAPH ex:a {{ ex:s ex:p 1 }} }} ; "
     f"INSERT DATA {{ ex:s ex:p 2 }}", {f"{EX}a", None}),
    (f"WITH <{EX}w> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o . GRAPH <{EX}r> {{ ?s ?q 1 }} }}",
     {f"{EX}w", f"{EX}r"}),
    (f"INSERT {{ GRAPH <{EX}t> {{ ?s ?p ?o }} }} USING <{EX}u> WHERE {{ ?s ?p ?o }}",
     {f"{EX}t", f"{EX}u"}),
    (f"INSERT {{ GRAPH <{EX}t> {{ ?s ?p ?o }} }} USING NAMED <{EX}n> "
     f"WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}", {f"{EX}t", f"{EX}n"}),
    (f"COPY <{EX}a> TO <{EX}b> ; DROP ALL", {f"{EX}a", f"{EX}b"}),
    (f"DELETE WHERE {{ GRAPH <{EX}a> {{ ?s ?p ?o }} }}", {f"{EX}a"}),
])
def test_footprint_finds_the_graphs_read_and_written(update, graphs):
    assert footprint(update).graphs == graphs


@pytest.mark.parametrize("update, reason", [
    (f"LOAD <{EX}data.ttl>", "LOAD"),
    (f"INSERT {{ GRAPH ?g {{ ?s ?p 1 }} }} WHERE {{ GRAPH <{EX}a> {{ ?s ?p ?g }} }}",
     "GRAPH ?variable may change any graph"),
    (f"INSERT {{ GRAPH <{EX}t> {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
     "reads every named graph"),
    (f"DELETE WHERE {{ GRAPH ?g {{ ?s <{EX}p> ?o }} }}", "GRAPH ?variable"),
])
def test_updates_whose_graphs_are_unknown_are_refused(update, reason):
    with pytest.raises(CannotPreview) as err:
        footprint(update)
    assert err.value.status == 400 and reason in err.value.message


def test_preview_keeps_the_remote_unchanged_and_carries_context(oxigraph):
    st = RemoteStore(Endpoints.from_settings(Settings(store=oxigraph.store_url)))
    person = ox.NamedNode(f"{EX}person")
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    st.replace_graphs({f"{EX}people": [ox.Triple(person, rdf_type, ox.NamedNode(f"{EX}P"))],
                       f"{EX}a": [ox.Triple(ox.NamedNode(f"{EX}s"), ox.NamedNode(f"{EX}p"),
                                            ox.Literal("1"))]})
    update = (f"INSERT DATA {{ GRAPH <{EX}a> {{ <{EX}s> <{EX}knows> <{EX}person> }} }}")
    with st.preview_update(update) as preview:
        assert sorted(preview.named_graphs()) == [f"{EX}a"]
        assert len(list(preview.triples(f"{EX}a"))) == 2
        types = list(preview.query("SELECT ?s ?t WHERE { ?s a ?t }",
                                   substitutions={"s": person}))
        assert [r["t"].value for r in types] == [f"{EX}P"]
    assert len(list(st.triples(f"{EX}a"))) == 1
    generic = RemoteStore(st.endpoints, flavour="generic")
    with pytest.raises(CannotPreview):
        with generic.preview_update(f"INSERT DATA {{ <{EX}s> <{EX}p> 2 }}"):
            pass
    st.close()


# -- failures: retries, outages, recovery -----------------------------------------------------

def test_connection_errors_are_retried_with_backoff_then_503(monkeypatch, caplog):
    delays: list[float] = []
    monkeypatch.setattr("kg.store.transport.time.sleep", delays.append)
    port = free_port()  # nothing listens there
    st = RemoteStore(Endpoints.from_settings(Settings(store=f"sparql+http://127.0.0.1:{port}/")),
                     transport=HttpTransport(retries=3, user="admin", password=SECRET))
    with caplog.at_level(logging.DEBUG):
        with pytest.raises(BackendUnavailable) as err:
            st.query("ASK {}")
    assert delays == [0.2, 0.4, 0.8]
    assert err.value.status == 503
    assert SECRET not in caplog.text and SECRET not in err.value.message
    st.close()


class _Recorder(http.server.BaseHTTPRequestHandler):
    """A store stand-in answering every request with a fixed status, recording headers."""

    status = 400
    seen: list[dict[str, str]] = []

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        type(self).seen.append(dict(self.headers))
        body = f"refused (status {self.status})".encode()
        self.send_response(self.status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_HEAD = _answer

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def recorder():
    handler = type("Handler", (_Recorder,), {"seen": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    handler.url = f"sparql+http://127.0.0.1:{server.server_address[1]}/"
    yield handler
    server.shutdown()
    server.server_close()


def test_http_errors_are_not_retried_and_carry_no_credentials(recorder, caplog, monkeypatch):
    monkeypatch.setattr("kg.store.transport.time.sleep", lambda s: None)
    settings = Settings(store=recorder.url, store_user="admin", store_password=SECRET)
    st = RemoteStore.from_settings(settings)
    with caplog.at_level(logging.DEBUG):
        with pytest.raises(QuerySyntaxError) as err:
            st.query("ASK {}")
        assert len(recorder.seen) == 1
        auth = recorder.seen[0]["Authorization"]
        assert base64.b64decode(auth.split()[1]).decode() == f"admin:{SECRET}"
        recorder.status = 401
        with pytest.raises(StoreError) as err401:
            st.update("CLEAR ALL")
        recorder.status = 503
        with pytest.raises(BackendUnavailable):
            st.query("ASK {}")
    assert len(recorder.seen) == 1 + 1 + 1 + settings.store_retries
    for text in (caplog.text, err.value.message, err401.value.message):
        assert SECRET not in text and base64.b64encode(f"admin:{SECRET}".encode()).decode() \
            not in text
    st.close()


def test_bearer_token_is_sent_and_never_logged(recorder, caplog):
    st = RemoteStore.from_settings(Settings(store=recorder.url, store_token=TOKEN))
    recorder.status = 500
    with caplog.at_level(logging.DEBUG), pytest.raises(StoreError) as err:
        st.replace_graphs({f"{EX}g": []})
    assert recorder.seen[0]["Authorization"] == f"Bearer {TOKEN}"
    assert TOKEN not in caplog.text and TOKEN not in err.value.message
    st.close()


@pytest.mark.skipif(oxigraph_binary() is None, reason="the oxigraph server binary is missing")
def test_outage_is_a_503_and_the_service_recovers(tmp_path, caplog):
    """Through the Flask app: the store goes down (503 with the error shape), comes back on the
    same port, and the same app answers again without a restart."""
    from kg.web import create_app

    server = OxigraphServer(tmp_path / "oxi", free_port()).start()
    try:
        app = create_app(Settings(data_dir=tmp_path / "data", store=server.store_url,
                                  store_retries=1, store_password=SECRET, store_user="kg"))
        client = app.test_client()
        q = {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}
        assert client.get("/sparql", query_string=q).status_code == 200
        server.stop()
        with caplog.at_level(logging.DEBUG):
            resp = client.get("/sparql", query_string=q)
        assert resp.status_code == 503
        body = resp.get_json()
        assert body["ok"] is False and body["code"] == "backend_unavailable"
        assert SECRET not in caplog.text and SECRET not in resp.get_data(as_text=True)
        server.start()
        resp = client.get("/sparql", query_string=q,
                          headers={"Accept": "application/sparql-results+json"})
        assert resp.status_code == 200
        assert int(resp.get_json()["results"]["bindings"][0]["n"]["value"]) > 0
        app.extensions["kg"].store.close()
    finally:
        server.stop()


def test_large_answers_stream_from_their_own_connection(oxigraph, monkeypatch):
    """Past the hold limit an answer is parsed lazily from a detached connection: complete
    when read to the end, cut off when dropped early, and the next query still works."""
    monkeypatch.setattr("kg.store.transport._HOLD", 2048)
    st = RemoteStore(Endpoints.from_settings(Settings(store=oxigraph.store_url)))
    triples = [ox.Triple(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(str(i)))
               for i in range(3000)]
    st.replace_graphs({f"{EX}big": triples})
    rows = list(st.query("SELECT ?s ?o WHERE { ?s ?p ?o }"))
    assert len(rows) == 3000 and {r["o"].value for r in rows} == {str(i) for i in range(3000)}
    assert set(st.triples(f"{EX}big")) == set(triples)
    first = next(iter(st.query("SELECT ?s WHERE { ?s ?p ?o }")))
    assert first["s"].value.startswith(f"{EX}s")
    assert bool(st.query("ASK { ?s ?p ?o }"))
    assert len(st.http._all) <= 1  # detached connections are not kept
    st.close()


@pytest.mark.parametrize("flavour, gsp", [("generic", True), ("generic", False),
                                          ("oxigraph", False)])
def test_plain_sparql_paths(oxigraph, flavour, gsp):
    """Without Oxigraph's extensions (generic flavour) and without a Graph Store URL, graphs
    are still written, read, listed, counted, dumped and bulk-loaded, on a real server."""
    import io

    ends = Endpoints.from_settings(Settings(store=oxigraph.store_url))
    if not gsp:
        ends = Endpoints(ends.query, ends.update, None)
    st = RemoteStore(ends, flavour=flavour)
    g1, g2 = f"{EX}g1", f"{EX}g2"
    t1 = ox.Triple(ox.NamedNode(f"{EX}a"), ox.NamedNode(f"{EX}p"), ox.Literal("é\"1"))
    t2 = ox.Triple(ox.NamedNode(f"{EX}b"), ox.NamedNode(f"{EX}p"), ox.NamedNode(f"{EX}c"))
    st.replace_graphs({g1: [t1]})
    st.add_triples(g1, [t2])
    assert st.graph_exists(g1) and not st.graph_exists(g2)
    assert set(st.triples(g1)) == {t1, t2}
    st.replace_graphs({g2: [t2]}, drop=[g1])
    assert sorted(st.named_graphs()) == [g2] and len(st) == 1
    out = io.BytesIO()
    st.dump(out, ox.RdfFormat.N_QUADS, all_graphs=True)
    assert set(ox.parse(out.getvalue(), format=ox.RdfFormat.N_QUADS)) == {
        ox.Quad(t2.subject, t2.predicate, t2.object, ox.NamedNode(g2))}
    data = ox.serialize([ox.Quad(t1.subject, t1.predicate, t1.object, ox.NamedNode(g1)),
                         ox.Quad(t2.subject, t2.predicate, t2.object, ox.NamedNode(g2))],
                        format=ox.RdfFormat.N_QUADS)
    st.load_dataset(io.BytesIO(data), [g1, g2])
    assert set(st.triples(g1)) == {t1} and set(st.triples(g2)) == {t2}
    if flavour == "generic":
        with pytest.raises(BadRequest):
            st.replace_graphs({None: [t1]})
    st.close()
