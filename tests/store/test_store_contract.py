"""The Store interface, run on the embedded store and on a real Oxigraph server alike."""

from __future__ import annotations

import io

import pyoxigraph as ox
import pytest

from kg.errors import BadRequest, QuerySyntaxError

EX = "http://example.org/"
G1, G2, G3 = f"{EX}g1", f"{EX}g2", f"{EX}g3"


def _t(s: str, p: str, o) -> ox.Triple:
    obj = o if isinstance(o, (ox.Literal, ox.NamedNode)) else ox.NamedNode(EX + o)
    return ox.Triple(ox.NamedNode(EX + s), ox.NamedNode(EX + p), obj)


ODD_LITERALS = [ox.Literal("plain"), ox.Literal("Київ", language="uk"),
                ox.Literal("42", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
                ox.Literal('quote " and \\ backslash\nnewline\ttab'),
                ox.Literal("2023-10-10", datatype=ox.NamedNode(
                    "http://www.w3.org/2001/XMLSchema#date"))]


def _fill(store) -> None:
    store.replace_graphs({G1: [_t("a", "p", "b"), _t("a", "label", ox.Literal("A"))],
                          G2: [_t("b", "p", "c")] + [_t("x", f"lit{i}", lit)
                                                     for i, lit in enumerate(ODD_LITERALS)]})


def test_replace_graphs_then_read_back(store):
    assert len(store) == 0 and list(store.named_graphs()) == []
    _fill(store)
    assert store.graph_exists(G1) and store.graph_exists(G2) and not store.graph_exists(G3)
    assert sorted(store.named_graphs()) == [G1, G2]
    assert set(store.triples(G1)) == {_t("a", "p", "b"), _t("a", "label", ox.Literal("A"))}
    assert {t.object for t in store.triples(G2)} >= set(ODD_LITERALS)
    assert len(store) == 2 + 1 + len(ODD_LITERALS)
    assert list(store.triples(G3)) == []


def test_replace_is_a_replacement_and_drops_atomically(store):
    _fill(store)
    store.replace_graphs({G1: [_t("new", "p", "b")], G3: [_t("c", "p", "d")]}, drop=[G2])
    assert sorted(store.named_graphs()) == [G1, G3]
    assert list(store.triples(G1)) == [_t("new", "p", "b")]
    store.replace_graphs({}, drop=[G1, G3])
    assert list(store.named_graphs()) == [] and len(store) == 0


def test_empty_graph_exists_and_single_graph_put(store):
    store.replace_graphs({G1: []})
    assert store.graph_exists(G1) and list(store.triples(G1)) == []
    store.replace_graphs({G1: [_t("a", "p", "b")]})
    store.replace_graphs({G1: [_t("a", "p", "c")]})
    assert list(store.triples(G1)) == [_t("a", "p", "c")]


def test_default_graph_and_add_triples(store):
    store.replace_graphs({None: [_t("d", "p", "e")]})
    assert list(store.triples(None)) == [_t("d", "p", "e")]
    store.add_triples(None, [_t("d", "p", "f")])
    store.add_triples(G1, [_t("a", "p", "b")])
    store.add_triples(G1, [_t("a", "p", "c")])
    assert len(list(store.triples(None))) == 2
    assert {t.object.value for t in store.triples(G1)} == {EX + "b", EX + "c"}
    store.replace_graphs({None: []})
    assert list(store.triples(None)) == []


def test_select_with_substitutions_and_union_default_graph(store):
    _fill(store)
    q = f"SELECT ?o WHERE {{ ?s <{EX}p> ?o }}"
    assert {r["o"].value for r in store.query(q)} == {EX + "b", EX + "c"}
    # the substituted variable stays bound in the results
    rows = list(store.query(f"SELECT ?s ?o WHERE {{ ?s <{EX}p> ?o }}",
                            substitutions={"s": ox.NamedNode(EX + "b")}))
    assert [(r["s"].value, r["o"].value) for r in rows] == [(EX + "b", EX + "c")]
    # without the union, the (empty) default graph answers
    assert list(store.query(q, union_default_graph=False)) == []
    rows = list(store.query(f"SELECT ?g ?l WHERE {{ GRAPH ?g {{ ?s <{EX}label> ?l }} }}",
                            substitutions={"l": ox.Literal("A")}))
    assert [r["g"].value for r in rows] == [G1]
    result = store.query(q)
    assert isinstance(result, ox.QuerySolutions)
    assert [v.value for v in store.query(q).variables] == ["o"]


def test_literals_survive_the_round_trip(store):
    _fill(store)
    rows = store.query(f"SELECT ?o WHERE {{ <{EX}x> ?p ?o }}")
    assert {r["o"] for r in rows} == set(ODD_LITERALS)


def test_ask_construct_and_protocol_dataset(store):
    _fill(store)
    ask = store.query(f"ASK {{ <{EX}a> <{EX}p> ?o }}")
    assert isinstance(ask, ox.QueryBoolean) and bool(ask)
    assert not bool(store.query(f"ASK {{ <{EX}a> <{EX}p> ?o }}",
                                default_graph_uris=[G2]))
    triples = store.query(f"CONSTRUCT {{ ?s <{EX}q> ?o }} WHERE {{ ?s <{EX}p> ?o }}")
    assert isinstance(triples, ox.QueryTriples)
    assert set(triples) == {_t("a", "q", "b"), _t("b", "q", "c")}
    rows = store.query(f"SELECT ?o WHERE {{ ?s <{EX}p> ?o }}", default_graph_uris=[G2])
    assert [r["o"].value for r in rows] == [EX + "c"]
    rows = store.query(f"SELECT ?g WHERE {{ GRAPH ?g {{ ?s <{EX}p> ?o }} }}",
                       named_graph_uris=[G1])
    assert [r["g"].value for r in rows] == [G1]


def test_syntax_errors_are_client_faults(store):
    with pytest.raises(QuerySyntaxError):
        store.query("SELEC * WHERE { ?s ?p ?o }")
    with pytest.raises(BadRequest):
        store.update("INSERT DATTA { <a> <b> <c> }")


def test_dumps(store):
    _fill(store)
    out = io.BytesIO()
    store.dump(out, ox.RdfFormat.N_QUADS, all_graphs=True)
    quads = set(ox.parse(out.getvalue(), format=ox.RdfFormat.N_QUADS))
    assert len(quads) == len(store)
    assert ox.Quad(ox.NamedNode(EX + "a"), ox.NamedNode(EX + "p"), ox.NamedNode(EX + "b"),
                   ox.NamedNode(G1)) in quads
    for fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES):
        out = io.BytesIO()
        store.dump(out, fmt, all_graphs=True)
        assert len(list(ox.parse(out.getvalue(), format=fmt))) == len(store)
    out = io.BytesIO()
    store.dump(out, ox.RdfFormat.TRIG, all_graphs=True)
    assert set(ox.parse(out.getvalue(), format=ox.RdfFormat.TRIG)) == quads
    for fmt in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE, ox.RdfFormat.N_QUADS):
        out = io.BytesIO()
        store.dump(out, fmt, graph=G1)
        got = list(ox.parse(out.getvalue(), format=fmt))
        assert {q.triple for q in got} == set(store.triples(G1))
        if fmt == ox.RdfFormat.N_QUADS:
            assert {q.graph_name for q in got} == {ox.NamedNode(G1)}


def test_update_and_preview(store):
    _fill(store)
    update = f"INSERT DATA {{ GRAPH <{G3}> {{ <{EX}n> <{EX}p> <{EX}m> }} }}"
    with store.preview_update(update) as preview:
        assert list(preview.triples(G3)) == [_t("n", "p", "m")]
        assert preview.graph_exists(G3)
    assert not store.graph_exists(G3)
    store.update(update)
    assert list(store.triples(G3)) == [_t("n", "p", "m")]
    modify = (f"DELETE {{ GRAPH <{G1}> {{ ?s <{EX}p> ?o }} }} INSERT {{ GRAPH <{G1}> "
              f"{{ ?s <{EX}p2> ?o }} }} WHERE {{ GRAPH <{G1}> {{ ?s <{EX}p> ?o }} }}")
    with store.preview_update(modify) as preview:
        assert list(preview.triples(G1)) != list(store.triples(G1))
        assert _t("a", "p2", "b") in set(preview.triples(G1))
    store.update(modify)
    assert _t("a", "p2", "b") in set(store.triples(G1))


def test_replace_with_ntriples_text(store):
    """The mapping hands over N-Triples text; both backends store it as is."""
    text = (f"<{EX}a> <{EX}p> \"caf\\u00E9 \\\"x\\\"\"@fr .\n"
            f"<{EX}a> <{EX}q> <{EX}b> .\n")
    store.replace_graphs({G1: text})
    assert set(store.triples(G1)) == {_t("a", "p", ox.Literal('café "x"', language="fr")),
                                      _t("a", "q", "b")}
    store.replace_graphs({G1: text, G2: text}, drop=[])
    assert len(store) == 4
