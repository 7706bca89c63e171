"""Malformed input at every entry point: always a 4xx in the one error shape, never a 5xx, and
the store byte for byte unchanged (its N-Quads dump before and after each input).

Each strategy makes input that is invalid by construction (an unbalanced brace after a line
break, a byte that is never UTF-8, a cut JSON object, an impossible date...), so any 2xx is a
finding too. The session summary prints how many inputs each entry point got.
"""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.settings import Settings
from kg.web import create_app
from tests.conftest import TOKEN
from tests.fixtures.articles import storm_article
from tests.hardening.conftest import assert_error_shape
from tests.hardening.tally import INPUTS_TRIED

AUTH = {"Authorization": f"Bearer {TOKEN}"}
GRAPH = "http://example.org/graph/kept"
EXAMPLES = 100

fuzz = settings(max_examples=EXAMPLES, deadline=None, derandomize=False,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# -- the service under test --------------------------------------------------------------------

class Target:
    """A service with an article and a graph in it, and its dump to compare against."""

    def __init__(self, tmp_path) -> None:
        self.app = create_app(Settings(data_dir=tmp_path / "data", update_token=TOKEN,
                                       max_request_bytes=256 * 1024,
                                       max_article_bytes=64 * 1024,
                                       max_query_length=20_000))
        self.client = self.app.test_client()
        resp = self.client.post("/articles", json=storm_article(), headers=AUTH)
        assert resp.status_code == 201
        self.article_id = resp.get_json()["id"]
        assert self.client.put(f"/store?graph={GRAPH}", data=TURTLE.encode(),
                               headers={**AUTH, "Content-Type": "text/turtle"}
                               ).status_code == 201
        self.baseline = self.dump()

    def dump(self) -> bytes:
        resp = self.client.get("/dump", headers={"Accept": "application/n-quads"})
        assert resp.status_code == 200
        return resp.get_data()

    def check(self, name: str, resp, *, reads_only: bool = False) -> None:
        """A 4xx in the error shape (for reads: or a 2xx/3xx), never a 5xx, store unchanged."""
        INPUTS_TRIED[name] += 1
        status = resp.status_code
        assert status < 500, (name, status, resp.get_data(as_text=True)[:500])
        if not reads_only or status >= 400:
            assert_error_shape(resp)
        assert self.dump() == self.baseline, f"{name} changed the store"


@pytest.fixture(scope="module")
def target(tmp_path_factory):
    t = Target(tmp_path_factory.mktemp("bad-input"))
    yield t
    t.app.extensions["kg"].close()


# -- strategies ---------------------------------------------------------------------------------

TURTLE = ("@prefix ex: <http://example.org/> .\nex:a ex:b \"c\" ; ex:d ex:e .\n"
          "ex:e ex:f ( 1 2 [ ex:g \"h\"@en ] ) .\n")
JSONLD = json.dumps({"@context": {"ex": "http://example.org/"}, "@id": "ex:a",
                     "ex:b": [{"@value": "c"}, {"@id": "ex:e"}]})
RDFXML = ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
          '22-rdf-syntax-ns#" xmlns:ex="http://example.org/"><rdf:Description '
          'rdf:about="http://example.org/a"><ex:b>c</ex:b></rdf:Description></rdf:RDF>')
UPDATE = (f"PREFIX ex: <http://example.org/> INSERT DATA {{ GRAPH <{GRAPH}> "
          "{ ex:x ex:y \"z\" } }")

SPARQL_WORDS = [
    "SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "{", "}", "(", ")", "[", "]", ".", ";",
    ",", "*", "?s", "?p", "$o", "a", "<http://example.org/x>", "<http://a b>", "<>", '"lit"',
    "'x'", '"""', "'''", "@en", "^^", "FILTER", "OPTIONAL", "UNION", "MINUS", "GRAPH", "BIND",
    "AS", "VALUES", "SERVICE", "<http://127.0.0.1:9/>", "LOAD", "INSERT", "DELETE", "DATA",
    "CLEAR", "DROP", "ALL", "DEFAULT", "WITH", "USING", "PREFIX", "ex:", ":x", "BASE", "#",
    "\n", "1", "-1.5e3", "_:b", "|", "/", "^", "!", "+", "\\u0041", "\\", "é", "\u202e",
    "\u0000", "\ufeff", "REGEX(", "COUNT(*)", "GROUP BY", "ORDER BY", "LIMIT", "OFFSET",
    "99999999999999999999",
]
texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
header_texts = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=12)
garbage = st.lists(st.one_of(st.sampled_from(SPARQL_WORDS), texts), max_size=40).map(" ".join)
# an unbalanced brace on a line of its own: never valid, whatever comes before
bad_sparql = garbage.map(lambda g: g + "\n{")
bad_utf8 = st.binary(max_size=200).map(lambda b: b[: len(b) // 2] + b"\xff" + b[len(b) // 2:])
nul_bytes = st.binary(max_size=200).map(lambda b: b + b"\x00" + b)
binary = st.one_of(bad_utf8, nul_bytes)


class Long(str):
    """A long string with a short repr (Hypothesis prints every failing input)."""

    def __repr__(self) -> str:
        return f"<{len(self)} characters: {str.__repr__(self[:40])}...>"


class Blob(bytes):
    def __repr__(self) -> str:
        return f"<{len(self)} bytes: {bytes.__repr__(self[:40])}...>"


def cut(text: str, tail: str = ""):
    """A proper prefix of ``text`` (and ``tail``)."""
    return st.integers(0, len(text) - 1).map(lambda n: text[:n] + tail)


bad_turtle = st.one_of(cut(TURTLE, "\n<"), garbage.map(lambda g: g + "\n<"),
                       st.just('<http://example.org/a b> <http://example.org/p> "x" .'),
                       st.just(Long('<http://example.org/a> <http://example.org/p> "'
                                    + "x" * 300_000 + '" .')))
bad_jsonld = st.one_of(cut(JSONLD), st.integers(300, 3000).map(lambda n: Long("[" * n + "]" * n)),
                       st.integers(300, 3000).map(lambda n: Long(
                           '{"@id": "http://example.org/a", "http://example.org/p": '
                           + "{" * n + "}" * n + "}")),
                       st.just('{"@context": "http://127.0.0.1:9/ctx", "@id": "x:y"}'),
                       st.just('{"@id": 5, "http://example.org/p": 1}'),
                       st.just('{"@context": {"@version": 2.5}, "@id": "http://example.org/a"}'))
bad_rdfxml = st.one_of(cut(RDFXML),
                       st.just(RDFXML.replace('rdf:about=', 'rdf:nodeID="n" rdf:about=')),
                       st.just(RDFXML.replace("</ex:b>", "</ex:c>")),
                       st.integers(300, 3000).map(
                           lambda n: Long(RDFXML.replace("<ex:b>c</ex:b>", "<ex:b><rdf:Description>"
                                                         * n + "</rdf:Description></ex:b>" * n))))
RDF_TYPES = ["text/turtle", "application/n-triples", "application/ld+json",
             "application/rdf+xml"]
odd_types = st.one_of(st.sampled_from(["", "text/plain; charset=latin-1", "image/png",
                                       "application/json; charset=utf-16", "multipart/form-data",
                                       "text/turtle; charset=ebcdic", "*/*", "text/",
                                       "application/x-www-form-urlencoded",
                                       "application/sparql-query; charset=iso-8859-1"]),
                      header_texts.map(lambda t: f"x/{t}"))
bad_iris = st.one_of(st.sampled_from(["http://a b/", "relative/path", "", "<http://x>",
                                      "http://x/\u0000", "javascript:alert(1)>", "http://[::1",
                                      "http://x/>{}", "../../etc/passwd", "\\\\server\\share"]),
                     texts.filter(lambda t: ":" not in t))

BAD_DATES = ["yesterday", "2023-02-30", "2023-13-01", "99999-01-01", "2023-1-1T25:00",
             "0000-00-00", "2023-10-12T09:00:00+25:00", "", "--", "2023/10/12", "NaN", "1e9"]
ARTICLE_FIELDS = ["title", "text", "url", "published", "publisher", "language", "id"]
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), texts),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(texts, inner, max_size=4)), max_leaves=12)
poison = st.one_of(
    st.tuples(st.just("published"), st.sampled_from(BAD_DATES)),
    st.tuples(st.just("url"), st.sampled_from(["http://a b/", "ftp://x/", "file:///etc/passwd",
                                               "javascript:x", "http://"])),
    st.tuples(st.just("id"), st.sampled_from(["../x", "/etc/passwd", "a b", "", ".", "-a"])),
    st.tuples(st.just("text"), st.sampled_from(["", "   ", None, 42, ["x"], {"a": 1}])),
    st.tuples(st.sampled_from(ARTICLE_FIELDS), st.one_of(st.integers(), st.lists(texts))),
)


@st.composite
def bad_articles(draw):
    """An article object with at least one invalid field."""
    doc = {f: draw(st.one_of(texts, json_values)) for f in
           draw(st.lists(st.sampled_from(ARTICLE_FIELDS), max_size=4, unique=True))}
    doc.setdefault("text", draw(texts.filter(str.strip)) or "Some text.")
    key, value = draw(poison)
    doc[key] = value
    if draw(st.booleans()):  # the pre-annotated shape
        ann = storm_article()
        ann["article"].update(doc)
        return ann
    return doc


@st.composite
def bad_annotated(draw):
    """A pre-annotated article with one broken part (spans, types, references, numbers)."""
    n = draw(st.integers(0, 10**6))
    doc = storm_article(title=f"Variant {n}", url=f"https://news.example/variant/{n}")
    event = doc["events"][draw(st.integers(0, 2))]
    breakage = draw(st.sampled_from([
        ("trigger", {"start": 5, "end": 2}), ("trigger", {"start": -1, "end": 3}),
        ("trigger", {"start": 0, "end": 10**7}), ("type", "NotAnEventType"),
        ("places", ["no-such-entity"]), ("fatalities", -3), ("fatalities", "many"),
        ("modality", "perhaps"), ("time", {"value": "2023-02-30", "precision": "day"}),
        ("time", {"precision": "fortnight"}), ("participants", [{"entity": "e1",
                                                                  "role": "wizard"}]),
        ("id", None), ("confidence", 7.5), ("according_to", "e9"),
    ]))
    event[breakage[0]] = breakage[1]
    return doc


def deep_json(n: int) -> str:
    return '{"text": ' + "[" * n + "]" * n + "}"


# -- entry points -------------------------------------------------------------------------------

@fuzz
@given(query=bad_sparql, accept=st.sampled_from(["", "application/sparql-results+json",
                                                 "text/csv", "image/png", "*/*;q=x"]))
def test_sparql_get(target, query, accept):
    headers = {"Accept": accept} if accept else {}
    target.check("GET /sparql", target.client.get("/sparql", query_string={"query": query},
                                                  headers=headers))


@fuzz
@given(ctype=st.one_of(st.sampled_from(["application/sparql-query",
                                        "application/x-www-form-urlencoded"]), odd_types),
       body=st.one_of(bad_sparql.map(str.encode), binary,
                      bad_sparql.map(lambda q: ("query=" + quote(q)).encode()),
                      st.just(b"query=%ZZ%%"), st.just(b"query=a&query=b"),
                      st.just(b"query=ASK%7B%7D&update=CLEAR%20ALL")))
def test_sparql_post(target, ctype, body):
    target.check("POST /sparql", target.client.post("/sparql", data=body,
                                                    headers={"Content-Type": ctype}))


@fuzz
@given(update=st.one_of(bad_sparql, cut(UPDATE, "\n{"), garbage.map(lambda g: UPDATE + g + "\n{"),
                        st.just(f"LOAD <http://127.0.0.1:9/x> INTO GRAPH <{GRAPH}>"),
                        st.just(f"INSERT DATA {{ GRAPH <{GRAPH}> {{ <http://a b> <p> 1 }} }}"),
                        st.just("INSERT DATA { GRAPH <http://example.org/g> { "
                                "<http://example.org/e> a "
                                "<https://w3id.org/timeline-kg/ontology#Event> } }")),
       via=st.sampled_from(["/update", "/sparql"]), form=st.booleans())
def test_sparql_update(target, update, via, form):
    if form:
        body, ctype = ("update=" + quote(update)).encode(), "application/x-www-form-urlencoded"
    else:
        body, ctype = update.encode(), "application/sparql-update"
    target.check("POST /update", target.client.post(via, data=body,
                                                    headers={**AUTH, "Content-Type": ctype}))


@fuzz
@given(method=st.sampled_from(["PUT", "POST"]),
       case=st.one_of(st.tuples(st.just("text/turtle"), bad_turtle),
                      st.tuples(st.just("application/n-triples"), bad_turtle),
                      st.tuples(st.just("application/ld+json"), bad_jsonld),
                      st.tuples(st.just("application/rdf+xml"), bad_rdfxml),
                      st.tuples(st.sampled_from(RDF_TYPES), binary),
                      st.tuples(odd_types, st.just(TURTLE))),
       graph=st.one_of(st.just(GRAPH), bad_iris))
def test_graph_store_writes(target, method, case, graph):
    ctype, body = case
    data = body if isinstance(body, bytes) else body.encode()
    resp = target.client.open(f"/store?graph={quote(graph, safe=':/')}", method=method,
                              data=data, headers={**AUTH, "Content-Type": ctype})
    target.check(f"{method} /store", resp)


@fuzz
@given(path=st.lists(st.one_of(texts.filter(lambda t: t not in ("", ".", "..")),
                               st.sampled_from(["..", ".", "%2e%2e", "%2F"])),
                     min_size=1, max_size=4),
       body=st.one_of(bad_turtle, binary), method=st.sampled_from(["PUT", "POST", "DELETE"]))
def test_graph_store_direct(target, path, body, method):
    url = "/store/" + "/".join(quote(p, safe="%") for p in path)
    data = body if isinstance(body, bytes) else body.encode()
    resp = target.client.open(url, method=method, data=data,
                              headers={**AUTH, "Content-Type": "text/turtle"})
    target.check(f"{method} /store/<path>", resp)


@fuzz
@given(doc=st.one_of(bad_articles(), bad_annotated()), batch=st.sampled_from(["one", "array",
                                                                              "lines"]))
def test_articles_json(target, doc, batch):
    if batch == "one":
        body, ctype = json.dumps(doc), "application/json"
    elif batch == "array":
        body, ctype = json.dumps([doc, doc]), "application/json"
    else:
        body, ctype = json.dumps(doc) + "\n" + json.dumps(doc) + "\n", "application/x-ndjson"
    target.check("POST /articles (JSON)", target.client.post(
        "/articles", data=body.encode(), headers={**AUTH, "Content-Type": ctype}))


@fuzz
@given(body=st.one_of(cut(json.dumps(storm_article())), st.just(Long("{" * 100_000)),
                      st.integers(900, 5000).map(lambda n: Long(deep_json(n))),
                      st.just("[]"), st.just("null"),
                      st.just('"text"'), st.just("[1, 2]"), st.just('{"article": 5}'),
                      st.just("\ufeff{}"), texts.map(lambda t: "{" + t)),
       ctype=st.sampled_from(["application/json", "application/x-ndjson",
                              "application/json; charset=utf-8"]))
def test_articles_malformed_json(target, body, ctype):
    target.check("POST /articles (malformed JSON)", target.client.post(
        "/articles", data=body.encode(), headers={**AUTH, "Content-Type": ctype}))


@fuzz
@given(body=st.one_of(binary, st.just(b""), st.just(b"   \n\t "),
                      st.just(Blob(b"A" * (70 * 1024))),
                      texts.map(lambda t: ("Storm hits. " + t).encode())),
       published=st.one_of(st.none(), st.sampled_from(BAD_DATES)),
       ctype=st.sampled_from(["text/plain", "text/html", "text/plain; charset=utf-8"]))
def test_articles_text_and_html(target, body, published, ctype):
    invalid = b"\x00" in body or not body.strip() or len(body) > 64 * 1024 or (
        b"\xff" in body and ctype.startswith("text/plain"))  # HTML may be in any charset
    if published is None and not invalid:
        published = "2023-02-30"  # keep the input invalid: an impossible date
    params = {"published": published} if published is not None else {}
    target.check(f"POST /articles ({ctype.split(';')[0]})", target.client.post(
        "/articles", data=body, query_string=params, headers={**AUTH, "Content-Type": ctype}))


@fuzz
@given(ident=st.one_of(texts, st.sampled_from(["..", "%2e%2e", "a" * 500, "\u0000", "-x"])),
       method=st.sampled_from(["GET", "DELETE"]))
def test_article_ids(target, ident, method):
    if ident == target.article_id:
        ident += "x"
    url = "/articles/" + quote(ident, safe="")
    resp = target.client.open(url, method=method, headers=AUTH)
    target.check(f"{method} /articles/<id>", resp, reads_only=False)


def _not_a_page(text: str) -> bool:
    try:
        return not 1 <= int(text) <= 100_000
    except ValueError:
        return True


@fuzz
@given(page=st.one_of(texts.filter(_not_a_page),
                      st.integers().filter(lambda n: n < 1 or n > 100_000).map(str)))
def test_article_pages(target, page):
    target.check("GET /articles?page", target.client.get("/articles",
                                                         query_string={"page": page}))


@fuzz
@given(kind=st.sampled_from(["article", "event"]), ident=texts,
       fmt=st.one_of(st.none(), texts), compress=st.one_of(st.none(), texts))
def test_dumps(target, kind, ident, fmt, compress):
    params = {k: v for k, v in (("format", fmt), ("compress", compress)) if v is not None}
    url = f"/dump/{kind}/" + quote(ident or "x", safe="")
    target.check(f"GET /dump/{kind}/<id>", target.client.get(url, query_string=params),
                 reads_only=True)


@fuzz
@given(accept=st.one_of(header_texts, st.sampled_from(["image/*", "text/turtle;q=abc", ",,,",
                                                "application/json;q=0"])),
       fmt=st.one_of(st.none(), texts),
       path=st.sampled_from(["/dump", "/void", "/ontology", "/ontology/shapes", "/sparql",
                             "/articles", f"/store?graph={GRAPH}", "/store?default"]))
def test_negotiation(target, accept, fmt, path):
    path, _, query = path.partition("?")
    params = dict(p.partition("=")[::2] for p in query.split("&") if p)
    if fmt is not None:
        params["format"] = fmt
    target.check("GET (Accept, format)", target.client.get(
        path, query_string=params, headers={"Accept": accept}), reads_only=True)


@fuzz
@given(queries=st.one_of(cut('{"q0": {"query": "Odesa", "limit": 3}}'), texts,
                         json_values.map(json.dumps).filter(lambda s: not s.startswith("{")),
                         st.just('{"q0": {"query": 5}}'), st.just('{"q0": "Odesa"}'),
                         st.just('{"q0": {"query": "x", "limit": "lots"}}'),
                         st.just('{"q0": {"query": "x", "limit": -1}}')),
       method=st.sampled_from(["GET", "POST"]))
def test_reconcile(target, queries, method):
    if method == "GET":
        resp = target.client.get("/reconcile", query_string={"queries": queries})
    else:
        resp = target.client.post("/reconcile", data={"queries": queries})
    target.check("/reconcile", resp)
