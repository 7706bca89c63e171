"""The timeline index: kept up to date by every write, equal to a full rebuild, invisible to
event counts, and the page selection it serves agrees with a direct reading of the data."""

from __future__ import annotations

import copy
import random
from datetime import date, timedelta

import pyoxigraph as ox
import pytest

from kg.bootstrap import build_service
from kg.model import EVENT_TYPES, PRECISIONS, AnalysedArticle
from kg.settings import Settings
from kg.sparql.protocol import Operation
from kg.timeline import Timeline, parse_filters
from kg.timeline import entries as en
from kg.timeline.index import graph_iri
from tests.fixtures import timeline_articles as ta

TL = "https://w3id.org/timeline-kg/ontology#"


def index_triples(kg) -> set[str]:
    return {str(t) for t in kg.store.triples(graph_iri(kg.settings.base_iri))}


def ingest(kg, doc) -> None:
    kg.ingest(AnalysedArticle.from_dict(copy.deepcopy(doc)))


def pool() -> list[dict]:
    return ta.all_articles() + [ta.sunday_strike_same_outlet(), ta.oblast_report(),
                                ta.ukraine_report()]


def _shift(time: dict, days: int) -> None:
    for k in ("value", "edtf", "earliest", "latest"):
        v = time.get(k)
        if isinstance(v, str) and len(v) >= 10 and v[4] == "-" and v[7] == "-":
            moved = (date.fromisoformat(v[:10]) + timedelta(days=days)).isoformat()
            time[k] = v.replace(v[:10], moved)


def mutate(doc: dict, rng: random.Random) -> dict:
    """Another version of an article: dates moved, a type or label changed, a place or
    publisher dropped."""
    doc = copy.deepcopy(doc)
    ev = rng.choice(doc["events"])
    what = rng.choice(["shift", "type", "label", "place", "publisher"])
    if what == "shift" and ev.get("time"):
        _shift(ev["time"], -rng.randint(1, 40))
    elif what == "type":
        ev["type"] = rng.choice(sorted(EVENT_TYPES))
    elif what == "label":
        ev["label"] = rng.choice(["Blast at the depot", "Troops leave the city",
                                  "Shelling reported overnight"])
    elif what == "place":
        ev["places"] = []
    else:
        doc["article"].pop("publisher", None)
    return doc


def drop_canonical(kg) -> bool:
    """A SPARQL Update that drops the canonical graph (the merger leaves writes to it alone,
    so its events stay unmerged until the next article write)."""
    g = kg.iris.graph_canonical()
    if not kg.store.graph_exists(g):
        return False
    kg.sparql_update(Operation("update", f"DROP GRAPH <{g}>"))
    return True


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_after_random_writes_the_index_equals_a_rebuild(kg, seed):
    rng = random.Random(seed)
    docs = {d["article"]["id"]: d for d in pool()}
    stored: dict[str, dict] = {}
    for _ in range(14):
        op = rng.random()
        if not stored or op < 0.45:
            aid = rng.choice(sorted(docs))
            ingest(kg, docs[aid])
            stored[aid] = docs[aid]
        elif op < 0.75:
            aid = rng.choice(sorted(stored))
            stored[aid] = mutate(stored[aid], rng)
            ingest(kg, stored[aid])
        elif op < 0.9:
            aid = rng.choice(sorted(stored))
            kg.delete_article(aid)
            del stored[aid]
        elif not drop_canonical(kg):
            continue
        incremental = index_triples(kg)
        kg.timeline_index.rebuild()
        assert index_triples(kg) == incremental


def test_the_index_follows_merging(kg):
    ingest(kg, ta.sunday_strike_a())
    tl = Timeline(kg)
    everything = parse_filters({}, kg.settings.base_iri)
    assert [e["kind"] for e in tl.page(everything).entries] == ["article"]
    ingest(kg, ta.sunday_strike_b())  # merged with the first report
    assert [e["kind"] for e in tl.page(everything).entries] == ["canonical"]
    kg.delete_article("depot-wire")  # unmerged again
    assert [e["kind"] for e in tl.page(everything).entries] == ["article"]
    kg.delete_article("depot-courier")
    assert tl.page(everything).entries == []
    # nothing is left behind: no entry, no count
    assert all("#index" in t for t in {s.split(" ")[0] for s in index_triples(kg)})


def test_a_write_to_all_graphs_rebuilds_the_index(kg):
    ingest(kg, ta.sunday_strike_a())
    kg.sparql_update(Operation("update", "CLEAR ALL"))
    assert {s.split(" ")[0] for s in index_triples(kg)} == {
        f"<{graph_iri(kg.settings.base_iri)}#index>"}


def test_a_missing_index_is_built_when_the_service_starts(tmp_path):
    settings = Settings(data_dir=tmp_path / "data")
    service = build_service(settings)
    ingest(service, ta.sunday_strike_a())
    before = index_triples(service)
    service.store.replace_graphs({}, drop=[graph_iri(service.settings.base_iri)])
    service.store.close()
    service = build_service(settings)
    try:
        assert index_triples(service) == before
    finally:
        service.store.close()


def test_event_counts_and_example_queries_do_not_see_the_index(kg):
    for doc in ta.all_articles():
        ingest(kg, doc)
    stats = kg.stats()
    articles = {r["e"].value for r in kg.store.query(
        f"PREFIX tl: <{TL}> SELECT ?e WHERE {{ GRAPH ?g {{ ?e a tl:Event }} "
        f"FILTER (?g != <{graph_iri(kg.settings.base_iri)}>) }}")}
    assert stats["events"] == len(articles) and stats["articles"] == 6
    assert stats["from"] == "2022-05-01" and stats["to"] == "2022-05-31"
    from kg.web.examples import EXAMPLE_QUERIES

    for example in EXAMPLE_QUERIES:
        for row in kg.store.query(example["query"]):
            for term in row:
                if isinstance(term, ox.NamedNode):
                    assert not term.value.startswith(graph_iri(kg.settings.base_iri))


# -- the selection against a direct reading of the data ------------------------------------------


def expected(kg, f) -> list[str]:
    """The page the old definition gives, computed in Python from the article-level data."""
    base = kg.settings.base_iri
    rows = []
    for r in kg.store.query(f"""PREFIX tl: <{TL}>
        SELECT ?e ?ee ?el ?prec WHERE {{ ?e a tl:Event ; tl:precision ?prec .
          FILTER NOT EXISTS {{ ?c tl:aggregates ?e }}
          OPTIONAL {{ ?e tl:earliest ?ee }} OPTIONAL {{ ?e tl:latest ?el }} }}"""):
        ee = en.bound_string(r["ee"].value, "T" in r["ee"].value) if r["ee"] else None
        el = en.bound_string(r["el"].value, "T" in r["el"].value) if r["el"] else None
        if f.start or f.end:
            if ee is None and el is None:
                continue
            if f.end and ee is not None and ee > f.end.isoformat() + "~":
                continue
            if f.start and el is not None and el < f.start.isoformat():
                continue
        prec = r["prec"].value.rsplit("#", 1)[1]
        rank = next((i for i, p in enumerate(PRECISIONS)
                     if p.replace("_", "") == prec.lower()), 99)
        rows.append(en.sort_string(ee or el or "~", rank, r["e"].value))
    del base
    return [s.split(" ", 2)[2] for s in sorted(rows)]


def test_every_date_window_and_page_size_walks_the_right_entries(kg):
    for doc in pool():
        ingest(kg, doc)
    base = kg.settings.base_iri
    tl = Timeline(kg)
    windows = [{}, {"from": "2022-05-14"}, {"to": "2022-05-13"}, {"from": "2022-05-15",
               "to": "2022-05-16"}, {"from": "2022-05"}, {"to": "2022-04"}, {"from": "2022-06"},
               {"from": "2022-05-20", "to": "2022-05-31"}]
    for window in windows:
        f = parse_filters(window, base)
        want = expected(kg, f)
        for limit in (1, 2, 3, 50):
            seen, cursor = [], None
            while True:
                args = {**window, "limit": str(limit), **({"cursor": cursor} if cursor else {})}
                page = tl.page(parse_filters(args, base))
                seen += [e["iri"] for e in page.entries]
                if page.next is None:
                    break
                cursor = page.next.encode()
            assert seen == want, (window, limit)


def test_combined_filters_select_the_intersection_of_single_filters(kg):
    """Every combination of two or three filters (place, actor, type, word, date window) selects,
    in order, exactly the entries that each filter alone selects: the checks applied to the
    driver's rows agree with the drivers."""
    import itertools

    for doc in pool():
        ingest(kg, doc)
    base = kg.settings.base_iri
    tl = Timeline(kg)
    pick = f"PREFIX tl: <{TL}> PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> "
    places = sorted({r["x"].value for r in kg.store.query(
        pick + "SELECT ?x WHERE { ?e sem:hasPlace ?x }")})
    actors = sorted({r["x"].value for r in kg.store.query(
        pick + "SELECT ?x WHERE { ?e tl:hasParticipant ?x }")})
    types = sorted({r["t"].value.rsplit("#", 1)[1] for r in kg.store.query(
        pick + "SELECT ?t WHERE { ?e a tl:Event ; tl:eventType ?t }")})
    options = {
        "place": [{"place": p} for p in places[:3]],
        "actor": [{"actor": a} for a in actors[:3]],
        "type": [{"type": t} for t in types[:3]],
        "q": [{"q": "kharkiv"}, {"q": "troops"}],
        "window": [{"from": "2022-05-14"}, {"from": "2022-05-10", "to": "2022-05-16"}],
    }
    assert all(options.values()), options

    def select(args: dict) -> list[str]:
        return [iri for iri, _, _ in tl.select(parse_filters({**args, "limit": "5000"}, base,
                                                             max_limit=5000))]

    single = {(name, i): select(args) for name, values in options.items()
              for i, args in enumerate(values)}
    nonempty = 0
    for n in (2, 3):
        for names in itertools.combinations(options, n):
            for picks in itertools.product(*(range(len(options[k])) for k in names)):
                args = {k: v for name, i in zip(names, picks, strict=True) for k, v in
                        options[name][i].items()}
                sets = [set(single[(name, i)]) for name, i in zip(names, picks, strict=True)]
                first = single[(names[0], picks[0])]
                want = [e for e in first if all(e in s for s in sets)]
                got = select(args)
                assert got == want, args
                nonempty += bool(got)
    assert nonempty >= 5  # the combinations are not all trivially empty
