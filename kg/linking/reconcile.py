"""An OpenRefine-compatible reconciliation service over the catalog (pure functions; the web
layer routes requests here).

:func:`manifest` is the service manifest; :func:`reconcile` answers a ``queries`` batch
(``{"q0": {"query": "Kharkiv", "type": "Q515", "limit": 3, "properties": [{"pid": "P17",
"v": "Q…"}]}}``) with, per query, ``result``: candidates with ``id``, ``name``, ``type``,
``score`` (0-100), ``match`` (true only for the candidate the linker would link) and
``description``. A ``type`` is a Wikidata class Q-id (the item must be an instance of it) or one
of the service's entity kinds; ``P17`` (country) and ``P131`` (located in) properties act as
context, as other entities of an article do for the linker.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..errors import InvalidInput
from ..model import ENTITY_KINDS
from .catalog import Catalog
from .entry import QID_RE
from .linker import Linker

MAX_QUERIES = 100
MAX_LIMIT = 100
DEFAULT_LIMIT = 5
CONTEXT_PROPERTIES = ("P17", "P131")
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"


def manifest(*, name: str = "timeline-kg entity catalog") -> dict[str, Any]:
    """The reconciliation service manifest."""
    return {
        "versions": ["0.2"],
        "name": name,
        "identifierSpace": WIKIDATA_ENTITY,
        "schemaSpace": "http://www.wikidata.org/prop/direct/",
        "defaultTypes": [{"id": kind, "name": kind.replace("_", " ")} for kind in ENTITY_KINDS],
        "view": {"url": "https://www.wikidata.org/wiki/{{id}}"},
    }


def parse_queries(raw: str | bytes | Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The ``queries`` parameter (JSON text or an object), checked; raises InvalidInput."""
    if isinstance(raw, (str, bytes)):
        try:
            raw = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise InvalidInput("queries: not valid JSON") from None
    if not isinstance(raw, Mapping):
        raise InvalidInput("queries: must be a JSON object of queries")
    if len(raw) > MAX_QUERIES:
        raise InvalidInput(f"queries: at most {MAX_QUERIES} queries per request")
    out = {}
    for key, q in raw.items():
        if not isinstance(q, Mapping):
            raise InvalidInput(f"queries.{key}: must be an object")
        text = q.get("query")
        if not isinstance(text, str) or not text.strip():
            raise InvalidInput(f"queries.{key}.query: must be a non-empty string")
        limit = q.get("limit", DEFAULT_LIMIT)
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
            raise InvalidInput(f"queries.{key}.limit: must be an integer from 1 to {MAX_LIMIT}")
        types = q.get("type")
        types = [] if types is None else [types] if isinstance(types, str) else types
        if not isinstance(types, list) or not all(
                isinstance(t, str) and (t in ENTITY_KINDS or QID_RE.match(t)) for t in types):
            raise InvalidInput(f"queries.{key}.type: must be a class Q-id or an entity kind")
        context = []
        for i, prop in enumerate(q.get("properties") or []):
            if not isinstance(prop, Mapping):
                raise InvalidInput(f"queries.{key}.properties[{i}]: must be an object")
            pid, value = prop.get("pid"), prop.get("v")
            if isinstance(value, Mapping):
                value = value.get("id")
            if pid in CONTEXT_PROPERTIES and isinstance(value, str) and QID_RE.match(value):
                context.append(value)
        out[str(key)] = {"query": " ".join(text.split()), "limit": limit, "types": types,
                         "context": context}
    return out


def reconcile(catalog: Catalog, queries: str | bytes | Mapping[str, Any], *,
              threshold: float) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Answer a batch of reconciliation queries."""
    linker = Linker(catalog, threshold=threshold)
    answers = {}
    for key, q in parse_queries(queries).items():
        kinds = [t for t in q["types"] if t in ENTITY_KINDS]
        classes = [t for t in q["types"] if t not in ENTITY_KINDS]
        kind = kinds[0] if len(kinds) == 1 else None
        ranked = linker.rank([q["query"]], kind=kind, context_qids=q["context"],
                             respect_case=False)
        if kinds:
            ranked = [r for r in ranked if r[0].kind in kinds]
        if classes:
            ranked = [r for r in ranked if set(classes) & set(r[0].types)]
        matched = linker.would_link(ranked) and ranked[0][0].qid is not None
        ranked = [r for r in ranked if r[0].qid is not None]  # ids are Q-ids
        result = []
        for i, (entry, score, _) in enumerate(ranked[: q["limit"]]):
            kind_name = entry.kind.replace("_", " ")
            types = [{"id": t, "name": kind_name} for t in entry.types] or \
                [{"id": entry.kind, "name": kind_name}]
            item = {"id": entry.qid, "name": entry.label, "score": round(100 * score, 2),
                    "match": matched and i == 0, "type": types}
            if entry.description:
                item["description"] = entry.description
            result.append(item)
        answers[key] = {"result": result}
    return answers
