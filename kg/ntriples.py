"""Writing N-Triples terms directly: the mapping's fast path (no RDF library objects).

Only IRIs the service mints or has checked (article URLs pass ``model.URL_RE``) reach
:func:`iri`; literals are escaped as N-Triples requires.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from decimal import Decimal

XSD = "http://www.w3.org/2001/XMLSchema#"
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}
_NEEDS_ESCAPE = re.compile(r'[\\"\n\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f]')


def _escape_char(m: re.Match) -> str:
    c = m.group()
    return _ESCAPES.get(c) or f"\\u{ord(c):04X}"


def iri(value: str) -> str:
    return f"<{value}>"


def literal(value: str) -> str:
    """A plain (xsd:string) literal."""
    return f'"{_NEEDS_ESCAPE.sub(_escape_char, value)}"'


def typed(lexical: str, datatype: str) -> str:
    return f'"{_NEEDS_ESCAPE.sub(_escape_char, lexical)}"^^<{datatype}>'


def integer(value: int) -> str:
    return f'"{int(value)}"^^<{XSD}integer>'


def boolean(value: bool) -> str:
    return f'"{"true" if value else "false"}"^^<{XSD}boolean>'


def decimal(value: float, places: int = 3) -> str:
    text = f"{value:.{places}f}"
    if places > 6 or not text[-1].isdigit():
        # Decimal's spelling: "0E-7" for zero in more than six places, "NaN", "Infinity";
        # up to six places it spells a number as it is written
        text = str(Decimal(text))
    return f'"{text}"^^<{XSD}decimal>'


def temporal(value: date | datetime) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return f'"{value.isoformat().replace("+00:00", "Z")}"^^<{XSD}dateTime>'
    return f'"{value.isoformat()}"^^<{XSD}date>'
