"""Read the W3C SPARQL 1.1 test manifests (HTTP-in-RDF vocabulary) and replay them over HTTP.

The manifests stay in ``../shared/w3c/sparql11``; they are parsed with rdflib, never copied.
Each test is a sequence of ``ht:Request``s whose ``ht:resp`` says what the answer must be:
``mf:expectedStatus`` (exact codes such as ``hts:Created`` or classes ``hts:StatusCode2xx``),
``mf:expectedFormat`` (``boolean``/``tabular``/``RDF``: the body must parse as such),
``mf:expectedBoolean``, response headers, an RDF body (compared by graph isomorphism) and
``mf:expectedLocation`` (a template variable bound to the ``Location`` header).
"""

from __future__ import annotations

import csv
import http.client
import io
import json
import re
import warnings
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from urllib.parse import quote
from xml.etree import ElementTree

from rdflib import RDF, RDFS, Dataset, Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
RESULTS_NS = "{http://www.w3.org/2005/sparql-results#}"

# hts:NoContent -> 204 ... built from the standard reason phrases, not typed in by hand
_STATUS_NAMES = {s.phrase.replace(" ", "").replace("-", ""): s.value for s in HTTPStatus}
_STATUS_CLASS = re.compile(r"StatusCode([1-5])xx$")

RDF_PARSERS = {"text/turtle": "turtle", "application/n-triples": "nt", "text/plain": "nt",
               "application/rdf+xml": "xml", "application/ld+json": "json-ld",
               "application/n-quads": "nquads", "application/trig": "trig"}


@dataclass
class Expected:
    statuses: list[str]  # "201", "2xx" ...
    format: str | None = None
    boolean: bool | None = None
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: str | None = None
    location_var: str | None = None

    def status_ok(self, status: int) -> bool:
        return any(str(status) == s or (s.endswith("xx") and str(status)[0] == s[0])
                   for s in self.statuses)


@dataclass
class Request:
    method: str
    path: str
    headers: list[tuple[str, str]]
    body: bytes | None
    body_text: str | None
    encoding: str
    expected: Expected

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)


@dataclass
class ManifestTest:
    iri: str
    name: str
    requests: list[Request]
    graph_data: list[tuple[Path, str]]  # (file, graph IRI)
    requires: list[str] = field(default_factory=list)
    listed: bool = True  # named in the manifest's mf:entries

    @property
    def id(self) -> str:
        return self.iri.rsplit("#", 1)[-1]


def load_manifest(path: Path) -> Graph:
    """The manifest graph, with the manifests it ``mf:include``s merged in."""
    graph = Graph()
    graph.parse(path, format="turtle", publicID=path.as_uri())
    for manifest in list(graph.subjects(RDF.type, MF.Manifest)):
        for include_list in list(graph.objects(manifest, MF.include)):
            for included in Collection(graph, include_list):
                graph += load_manifest(Path(str(included).removeprefix("file://")))
    return graph


def shared_manifest(*parts: str) -> Graph | None:
    """The manifest at ``../shared/<parts>`` (with its includes), or None when absent."""
    from tests.conftest import SHARED

    path = SHARED.joinpath(*parts)
    return load_manifest(path) if path.exists() else None


def manifest_params(graph: Graph | None, test_type: URIRef) -> list:
    """pytest parameters, one per test of that type (one marked absent without a manifest)."""
    import pytest

    if graph is None:
        return [pytest.param(None, id="manifest-absent")]
    return [pytest.param(t, id=t.id) for t in manifest_cases(graph, test_type)]


def manifest_cases(graph: Graph, test_type: URIRef) -> list[ManifestTest]:
    """Every test of that type, in manifest order (listed entries first, then the rest)."""
    listed: list[URIRef] = []
    for manifest in graph.subjects(RDF.type, MF.Manifest):
        for entries in graph.objects(manifest, MF.entries):
            listed.extend(Collection(graph, entries))
    typed = set(graph.subjects(RDF.type, test_type))
    order = [t for t in listed if t in typed] + sorted(typed - set(listed))
    return [_test(graph, t, t in listed) for t in order]


def _test(g: Graph, test: URIRef, listed: bool) -> ManifestTest:
    action = g.value(test, MF.action)
    requests = [_request(g, r) for r in Collection(g, g.value(action, HT.requests))] \
        if action is not None else []
    data = [(Path(str(g.value(d, UT.graph)).removeprefix("file://")), str(g.value(d, RDFS.label)))
            for d in g.objects(test, UT.graphData)]
    return ManifestTest(str(test), str(g.value(test, MF.name)), requests, data,
                        [str(r) for r in g.objects(test, MF.requires)], listed)


def _headers(g: Graph, node) -> list[tuple[str, str]]:
    lists = list(g.objects(node, HT.headers))
    out = []
    for lst in lists:
        for h in Collection(g, lst):
            out.append((str(g.value(h, HT.fieldName)), str(g.value(h, HT.fieldValue))))
    return out


def _status(term: URIRef) -> str:
    name = str(term).rsplit("#", 1)[-1]
    m = _STATUS_CLASS.match(name)
    if m:
        return f"{m.group(1)}xx"
    if name not in _STATUS_NAMES:
        raise ValueError(f"unknown status {term}")
    return str(_STATUS_NAMES[name])


def _request(g: Graph, r) -> Request:
    body_node = g.value(r, HT.body)
    body_text = encoding = None
    body = None
    if body_node is not None:
        body_text = str(g.value(body_node, CNT.chars))
        encoding = str(g.value(body_node, CNT.characterEncoding) or "UTF-8")
        body = body_text.encode(encoding)
    resp = g.value(r, HT.resp)
    fmt = g.value(resp, MF.expectedFormat)
    boolean = g.value(resp, MF.expectedBoolean)
    resp_body = g.value(resp, HT.body)
    location = g.value(resp, MF.expectedLocation)
    expected = Expected(
        statuses=sorted(_status(s) for s in g.objects(resp, MF.expectedStatus)),
        format=str(fmt) if fmt is not None else None,
        boolean=boolean.toPython() if boolean is not None else None,
        headers=_headers(g, resp),
        body=str(g.value(resp_body, CNT.chars)) if resp_body is not None else None,
        location_var=str(location) if location is not None else None)
    return Request(str(g.value(r, HT.methodName)), str(g.value(r, HT.absolutePath)),
                   _headers(g, r), body, body_text, encoding or "UTF-8", expected)


# -- replaying ------------------------------------------------------------------------------------

@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    @property
    def media_type(self) -> str:
        return (self.header("content-type") or "").split(";")[0].strip().lower()


def send(host: str, port: int, method: str, path: str, headers: list[tuple[str, str]],
         body: bytes | None) -> Reply:
    """One HTTP/1.1 exchange with exactly the given headers (plus Host and Content-Length)."""
    conn = http.client.HTTPConnection(host, port, timeout=60)
    try:
        conn.putrequest(method, path, skip_accept_encoding=True)
        for name, value in headers:
            conn.putheader(name, value)
        if body is not None:
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        resp = conn.getresponse()
        data = resp.read()
        return Reply(resp.status, {k.lower(): v for k, v in resp.getheaders()}, data)
    finally:
        conn.close()


def normalise_media(value: str) -> tuple[str, dict[str, str]]:
    """A Content-Type as (media type, parameters), case-folded for comparison."""
    parts = [p.strip() for p in value.split(";") if p.strip()]
    params = {}
    for p in parts[1:]:
        k, _, v = p.partition("=")
        params[k.strip().lower()] = v.strip().strip('"').lower()
    return parts[0].lower(), params


def parse_boolean(reply: Reply) -> bool:
    """The boolean of an ASK answer in SPARQL Results JSON or XML."""
    if reply.media_type in ("application/sparql-results+json", "application/json"):
        doc = json.loads(reply.body)
        assert isinstance(doc.get("boolean"), bool), doc
        return doc["boolean"]
    if reply.media_type in ("application/sparql-results+xml", "application/xml", "text/xml"):
        root = ElementTree.fromstring(reply.body)
        node = root.find(f"{RESULTS_NS}boolean")
        assert node is not None and node.text in ("true", "false"), reply.body
        return node.text == "true"
    raise AssertionError(f"{reply.media_type!r} is not a boolean result format")


def parse_tabular(reply: Reply) -> tuple[list[str], list[dict]]:
    """Variables and rows of a SELECT answer in SPARQL Results JSON, XML, CSV or TSV."""
    mt = reply.media_type
    if mt in ("application/sparql-results+json", "application/json"):
        doc = json.loads(reply.body)
        return doc["head"]["vars"], doc["results"]["bindings"]
    if mt in ("application/sparql-results+xml", "application/xml", "text/xml"):
        root = ElementTree.fromstring(reply.body)
        names = [v.get("name") for v in root.iter(f"{RESULTS_NS}variable")]
        rows = [{b.get("name"): b[0].text for b in r.iter(f"{RESULTS_NS}binding")}
                for r in root.iter(f"{RESULTS_NS}result")]
        return names, rows
    if mt == "text/csv":
        reader = csv.reader(io.StringIO(reply.body.decode("utf-8"), newline=""))
        header, *rows = list(reader)
        return header, [dict(zip(header, r, strict=True)) for r in rows]
    if mt == "text/tab-separated-values":
        lines = reply.body.decode("utf-8").split("\n")
        header = lines[0].split("\t")
        assert all(h.startswith("?") for h in header), header
        names = [h[1:] for h in header]
        return names, [dict(zip(names, line.split("\t"), strict=True))
                       for line in lines[1:] if line]
    raise AssertionError(f"{mt!r} is not a tabular result format")


def parse_rdf(data: bytes | str, media_type: str, base: str | None = None) -> Graph:
    """All the triples of an RDF document (the graphs of a dataset merged), read by rdflib."""
    fmt = RDF_PARSERS.get(media_type)
    assert fmt is not None, f"{media_type!r} is not an RDF format"
    dataset = Dataset()
    with warnings.catch_warnings():
        # rdflib's own parsers (JSON-LD, TriG) still use its deprecated ConjunctiveGraph API
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset.parse(data=data, format=fmt, publicID=base)
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def assert_isomorphic(actual: Graph, expected: Graph) -> None:
    if not isomorphic(actual, expected):
        raise AssertionError("graphs differ:\n--- got\n" + actual.serialize(format="nt") +
                             "--- expected\n" + expected.serialize(format="nt"))


def is_update_request(req: Request) -> bool:
    """Whether the request carries a SPARQL Update (so the write token is sent with it)."""
    ctype = (req.header("content-type") or "").split(";")[0].strip().lower()
    if ctype == "application/sparql-update":
        return True
    text = (req.body_text or "") if ctype == "application/x-www-form-urlencoded" else ""
    query_string = req.path.partition("?")[2]
    return any(part.split("=", 1)[0] == "update"
               for part in (text + "&" + query_string).split("&"))


def substitute(text: str, variables: dict[str, str]) -> str:
    for name, value in variables.items():
        text = text.replace(name, value)
    return text


def quote_all(value: str) -> str:
    return quote(value, safe="")
