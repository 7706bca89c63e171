"""Checks on uploaded RDF documents before the parser sees them.

pyoxigraph's parsers never fetch anything (no remote JSON-LD contexts, no external XML
entities), but two shapes of input cost them far more than their size:

- deep nesting: JSON-LD objects or RDF/XML elements nested thousands deep take time that grows
  with the square of the depth (minutes for a few hundred kilobytes);
- XML entity expansion ("billion laughs"): internal entities that expand to gigabytes.

So an RDF/XML or JSON-LD body nested deeper than :data:`MAX_NESTING`, or whose XML entities
expand its text beyond :data:`MAX_EXPANSION` times its size, is refused (400) after a cheap
linear scan. No real RDF document comes near either bound.
"""

from __future__ import annotations

import re
import xml.parsers.expat as expat
from itertools import accumulate

import pyoxigraph as ox

from ..errors import InvalidInput

MAX_NESTING = 256
MAX_EXPANSION = 4
_MIN_EXPANSION_BUDGET = 1 << 20

_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKET = re.compile(rb"[^\[\]{}]+")


def check_rdf_upload(data: bytes, fmt: ox.RdfFormat) -> None:
    """Raise :class:`InvalidInput` for a body too deeply nested or expanding too much."""
    if fmt == ox.RdfFormat.JSON_LD:
        check_json_nesting(data)
    elif fmt == ox.RdfFormat.RDF_XML:
        check_xml(data)


def check_json_nesting(data: bytes) -> None:
    """Refuse JSON whose arrays and objects nest deeper than :data:`MAX_NESTING`."""
    brackets = _NOT_BRACKET.sub(b"", _JSON_STRING.sub(b"", data))
    if len(brackets) <= MAX_NESTING:
        return
    steps = (1 if c in b"[{" else -1 for c in brackets)
    if max(accumulate(steps), default=0) > MAX_NESTING:
        raise InvalidInput(f"the JSON-LD body nests deeper than {MAX_NESTING} levels")


class _Refused(Exception):
    pass


def check_xml(data: bytes) -> None:
    """Refuse XML nested deeper than :data:`MAX_NESTING` elements or whose entities expand
    its text too much (expat's own amplification limit applies too)."""
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    budget = max(MAX_EXPANSION * len(data), _MIN_EXPANSION_BUDGET)
    state = {"depth": 0, "text": 0}

    def start(name, attrs) -> None:
        state["depth"] += 1
        if state["depth"] > MAX_NESTING:
            raise _Refused(f"the RDF/XML body nests deeper than {MAX_NESTING} elements")

    def end(name) -> None:
        state["depth"] -= 1

    def text(chars: str) -> None:
        state["text"] += len(chars)
        if state["text"] > budget:
            raise _Refused("the RDF/XML body's entities expand it too much")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    if b"ENTITY" in data or b"E\x00N\x00T" in data:  # only declared entities (UTF-8 or -16)
        # can make the text longer than the document
        parser.CharacterDataHandler = text
    parser.ExternalEntityRefHandler = lambda *args: 1  # never resolved: skipped
    try:
        parser.Parse(data, True)
    except _Refused as exc:
        raise InvalidInput(str(exc)) from None
    except expat.ExpatError as exc:
        raise InvalidInput(f"the RDF/XML body is not well-formed XML: "
                           f"{expat.ErrorString(exc.code)} (line {exc.lineno})") from None
