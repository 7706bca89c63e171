"""Small catalogs of obviously synthetic items (Q9000000xx) for the linking tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

UA, RU, FR, US, TX = "Q900000100", "Q900000101", "Q900000102", "Q900000103", "Q900000104"
KHARKIV, OBLAST, IZIUM = "Q900000001", "Q900000010", "Q900000002"
PARIS_FR, PARIS_TX = "Q900000003", "Q900000004"
MAY, ZELENSKYY = "Q900000005", "Q900000006"
G_WASHINGTON, WASHINGTON_DC = "Q900000007", "Q900000008"
NATO, REUTERS, SMITH_A, SMITH_B, WAGNER, POLICE_TOWN = (
    "Q900000009", "Q900000012", "Q900000013", "Q900000014", "Q900000015", "Q900000016")

def rec(qid: str, kind: str, en: str, *, aliases: list[str] = (), uk: str | None = None,
        ru: str | None = None, **extra: Any) -> dict[str, Any]:
    labels = {"en": en}
    if uk:
        labels["uk"] = uk
    if ru:
        labels["ru"] = ru
    out = {"qid": qid, "kind": kind, "labels": labels, "aliases": {"en": list(aliases)},
           "description": extra.pop("description", None), "types": extra.pop("types", []),
           "sources": ["test-fixture"]}
    out.update(extra)
    return out


RECORDS = [
    rec(UA, "place", "Ukraine", uk="Україна", population=40_000_000),
    rec(RU, "place", "Russia", aliases=["Russian Federation"], population=140_000_000),
    rec(FR, "place", "France", population=60_000_000),
    rec(US, "place", "United States", aliases=["US", "U.S.", "USA", "the United States"],
        population=300_000_000),
    rec(TX, "place", "Texas", country=US, located_in=[US], population=20_000_000),
    rec(OBLAST, "place", "Kharkiv Oblast", country=UA, located_in=[UA]),
    rec(KHARKIV, "place", "Kharkiv", aliases=["Kharkov"], uk="Харків", ru="Харьков",
        country=UA, located_in=[OBLAST], population=1_400_000, lat=49.99, lon=36.23),
    rec(IZIUM, "place", "Izium", aliases=["Izyum"], uk="Ізюм", country=UA,
        located_in=[OBLAST], population=45_000),
    rec(PARIS_FR, "place", "Paris", country=FR, population=2_100_000,
        description="capital of France"),
    rec(PARIS_TX, "place", "Paris", country=US, located_in=[TX], population=25_000,
        description="city in Texas"),
    rec(MAY, "person", "Theresa May", aliases=["May"], sitelinks=120),
    rec(ZELENSKYY, "person", "Volodymyr Zelenskyy",
        aliases=["Zelensky", "Volodymyr Zelensky", "Zelenskiy"], uk="Володимир Зеленський",
        country=UA, sitelinks=200),
    rec(G_WASHINGTON, "person", "George Washington", aliases=["Washington"], sitelinks=250),
    rec(WASHINGTON_DC, "place", "Washington, D.C.", aliases=["Washington"], country=US,
        population=700_000),
    rec(NATO, "organization", "NATO", aliases=["North Atlantic Treaty Organization"],
        sitelinks=150),
    rec(REUTERS, "media", "Reuters", sitelinks=80),
    rec(SMITH_A, "person", "John Smith", description="a synthetic person", sitelinks=10),
    rec(SMITH_B, "person", "John Smith", description="another synthetic person",
        sitelinks=11),
    rec(WAGNER, "group", "Wagner Group", aliases=["wagnerites"]),
    rec(POLICE_TOWN, "place", "Police", description="a synthetic town", population=30_000),
]


def write_jsonl(path: Path, records: list[Any]) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n")
    return path


def claim(prop: str, value: Any, *, rank: str = "normal") -> dict[str, Any]:
    """One statement in Wikidata's entity JSON."""
    if isinstance(value, str) and value.startswith("Q") and value[1:].isdigit():
        datavalue = {"value": {"entity-type": "item", "numeric-id": int(value[1:]), "id": value},
                     "type": "wikibase-entityid"}
    elif isinstance(value, tuple):
        datavalue = {"value": {"latitude": value[0], "longitude": value[1], "altitude": None,
                               "precision": 0.0001,
                               "globe": "http://www.wikidata.org/entity/Q2"},
                     "type": "globecoordinate"}
    elif isinstance(value, int):
        datavalue = {"value": {"amount": f"+{value}", "unit": "1"}, "type": "quantity"}
    else:
        datavalue = {"value": value, "type": "string"}
    return {"mainsnak": {"snaktype": "value", "property": prop, "datavalue": datavalue},
            "type": "statement", "rank": rank}


def wd_entity(qid: str, label: str, p31: list[str], *, aliases: list[str] = (),
              uk: str | None = None, description: str | None = None,
              claims: dict[str, list[Any]] | None = None, sitelinks: int = 0
              ) -> dict[str, Any]:
    """An item in the JSON of Wikidata's dumps and of ``wbgetentities``."""
    labels = {"en": {"language": "en", "value": label}}
    if uk:
        labels["uk"] = {"language": "uk", "value": uk}
    labels["fr"] = {"language": "fr", "value": label + " (fr)"}
    all_claims = {"P31": [claim("P31", t) for t in p31]}
    for prop, values in (claims or {}).items():
        all_claims[prop] = [v if isinstance(v, dict) and "mainsnak" in v else claim(prop, v)
                            for v in values]
    entity = {"type": "item", "id": qid, "labels": labels,
              "aliases": {"en": [{"language": "en", "value": a} for a in aliases]},
              "descriptions": ({"en": {"language": "en", "value": description}}
                               if description else {}),
              "claims": all_claims,
              "sitelinks": {f"site{i}wiki": {"site": f"site{i}wiki", "title": label,
                                              "badges": []} for i in range(sitelinks)}}
    return entity


def dump_lines(entities: list[Any]) -> str:
    """Entities laid out as Wikidata's JSON dump: '[', one per line ending with ',', ']'."""
    lines = [e if isinstance(e, str) else json.dumps(e, ensure_ascii=False) for e in entities]
    return "[\n" + ",\n".join(lines) + "\n]\n"
