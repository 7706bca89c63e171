"""Synthetic pre-annotated articles for the load and overhead benchmarks (our own prose).

``article(i)`` is a valid article in the documented JSON shape with two events whose dates,
places and casualty figures vary with ``i``, so that timeline queries have work to do.
"""

from __future__ import annotations

from datetime import date, timedelta

PLACES = ["Harbourtown", "Millbrook", "Eastfield", "Stonebridge", "Riverside", "Oakvale",
          "Northgate", "Lakeshore", "Westmoor", "Highcliff"]
KINDS = [("Flood", "flooded"), ("Storm", "struck"), ("Earthquake", "shook"),
         ("Protest", "marched"), ("Damage", "damaged")]


def _span(text: str, needle: str) -> dict[str, int]:
    start = text.index(needle)
    return {"start": start, "end": start + len(needle)}


def article(i: int, run: str = "bench") -> dict:
    """Article number ``i`` (``run`` keeps the URLs of separate runs apart)."""
    place = PLACES[i % len(PLACES)]
    etype, verb = KINDS[i % len(KINDS)]
    day = date(2020, 1, 1) + timedelta(days=(i * 7) % 1500)
    published = day + timedelta(days=1)
    dead = i % 9
    text = (f"Report {i} from {place}\n\n"
            f"Water {verb} the centre of {place} on {day.isoformat()}, leaving {dead} people "
            f"dead, officials said.\n\nVolunteers evacuated families from the lower streets "
            f"the next day.")
    return {
        "article": {"title": f"Report {i} from {place}", "text": text,
                    "published": published.isoformat(), "language": "en",
                    "url": f"https://news.example/{run}/{i}", "publisher": "Bench News"},
        "entities": [{"id": "p", "label": place, "kind": "place"},
                     {"id": "o", "label": "officials", "kind": "group"}],
        "mentions": [{"entity": "p", **_span(text, f"of {place}")},
                     {"entity": "o", **_span(text, "officials")}],
        "events": [
            {"id": "a", "type": etype, "label": f"{etype} in {place}",
             "trigger": _span(text, verb),
             "time": {"value": day.isoformat(), "edtf": day.isoformat(), "precision": "day",
                      "earliest": day.isoformat(), "latest": day.isoformat(),
                      "text": day.isoformat(), **_span(text, day.isoformat()),
                      "basis": "expression"},
             "places": ["p"], "fatalities": dead, "modality": "claimed",
             "according_to": "o", "rule": "bench", "confidence": 0.9},
            {"id": "b", "type": "Evacuation", "label": f"Families evacuated in {place}",
             "trigger": _span(text, "evacuated"),
             "participants": [{"entity": "o", "role": "agent"}],
             "time": {"precision": "day", "earliest": published.isoformat(),
                      "latest": published.isoformat(), "edtf": published.isoformat(),
                      "basis": "sentence"}, "rule": "bench", "confidence": 0.7},
        ],
    }


TIMELINE_QUERY = """
PREFIX tl: <https://w3id.org/timeline-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?e ?label ?type ?start ?place WHERE {
  ?e a tl:Event ; rdfs:label ?label ; tl:eventType ?type ; tl:earliest ?start .
  OPTIONAL { ?e sem:hasPlace ?p . ?p rdfs:label ?place }
  FILTER (?start >= "%s"^^xsd:dateTime)
} ORDER BY ?start LIMIT 50"""

OTHER_QUERIES = [
    """PREFIX tl: <https://w3id.org/timeline-kg/ontology#>
SELECT ?type (COUNT(?e) AS ?n) WHERE { ?e a tl:Event ; tl:eventType ?type }
GROUP BY ?type ORDER BY DESC(?n)""",
    """PREFIX tl: <https://w3id.org/timeline-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?place (SUM(?dead) AS ?deaths) WHERE {
  ?e tl:fatalities ?dead ; <http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace> ?p .
  ?p rdfs:label ?place } GROUP BY ?place ORDER BY DESC(?deaths) LIMIT 10""",
    """PREFIX schema: <http://schema.org/>
SELECT ?a ?title ?date WHERE { ?a schema:headline ?title ; schema:datePublished ?date }
ORDER BY DESC(?date) LIMIT 20""",
    "ASK { ?s ?p ?o }",
]
