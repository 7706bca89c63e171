"""Example SPARQL queries shown on the query page (each one is run by the test suite)."""

from __future__ import annotations

_PREFIXES = """PREFIX tl: <https://w3id.org/timeline-kg/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <http://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

EXAMPLE_QUERIES = [
    {
        "title": "Timeline of all events",
        "query": _PREFIXES + """
SELECT ?event ?label ?type ?earliest ?latest ?precision WHERE {
  ?event a tl:Event ; rdfs:label ?label ; tl:eventType/skos:prefLabel ?type ;
         tl:precision/skos:notation ?precision .
  OPTIONAL { ?event tl:earliest ?earliest }
  OPTIONAL { ?event tl:latest ?latest }
}
ORDER BY COALESCE(?earliest, ?latest) ?event
LIMIT 100""",
    },
    {
        "title": "Timeline of a place (and the places inside it)",
        "query": _PREFIXES + """
SELECT ?event ?label ?placeLabel ?earliest ?latest WHERE {
  ?place rdfs:label ?placeLabel .
  FILTER (CONTAINS(LCASE(?placeLabel), "kharkiv"))
  ?event sem:hasPlace ?place ; rdfs:label ?label .
  OPTIONAL { ?event tl:earliest ?earliest }
  OPTIONAL { ?event tl:latest ?latest }
}
ORDER BY COALESCE(?earliest, ?latest)""",
    },
    {
        "title": "Events by actor and role",
        "query": _PREFIXES + """
SELECT ?actorLabel ?role ?event ?label WHERE {
  ?event tl:participation ?p ; rdfs:label ?label .
  ?p rdf:value ?actor ; sem:roleType/skos:prefLabel ?role .
  ?actor rdfs:label ?actorLabel .
}
ORDER BY ?actorLabel ?event""".replace(
            "SELECT", "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\nSELECT", 1),
    },
    {
        "title": "Casualties by month",
        "query": _PREFIXES + """
SELECT ?month (SUM(?killed) AS ?fatalities) (SUM(?hurt) AS ?injured) (COUNT(?event) AS ?events)
WHERE {
  ?event a tl:Event ; tl:modality tl:Asserted .
  OPTIONAL { ?event tl:fatalities ?k } OPTIONAL { ?event tl:injured ?i }
  BIND (COALESCE(?k, 0) AS ?killed) BIND (COALESCE(?i, 0) AS ?hurt)
  OPTIONAL { ?event tl:earliest ?from } OPTIONAL { ?event tl:latest ?to }
  BIND (SUBSTR(STR(COALESCE(?from, ?to)), 1, 7) AS ?month)
  FILTER (?killed > 0 || ?hurt > 0)
}
GROUP BY ?month ORDER BY ?month""",
    },
    {
        "title": "Entities linked to Wikidata",
        "query": _PREFIXES + """
SELECT DISTINCT ?entity ?label ?wikidata WHERE {
  ?entity owl:sameAs ?wikidata ; rdfs:label ?label .
  FILTER (STRSTARTS(STR(?wikidata), "http://www.wikidata.org/entity/Q"))
}
ORDER BY ?label""",
    },
    {
        "title": "Claims and their sources",
        "query": _PREFIXES + """
SELECT ?event ?label ?sourceLabel ?article ?sentence WHERE {
  ?event tl:modality tl:Claimed ; rdfs:label ?label ; prov:wasDerivedFrom ?article ;
         tl:sentence/tl:anchorOf ?sentence .
  OPTIONAL { ?event tl:accordingTo/rdfs:label ?sourceLabel }
}""",
    },
]
