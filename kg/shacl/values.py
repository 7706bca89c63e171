"""Literal values: which lexical forms are well-formed for a datatype, and how values compare.

Strict on purpose: a lexical form outside the plain XSD grammar (leading blanks, year 0,
leap seconds, more than six fraction digits) raises :class:`Defer` rather than guessing what
the reference engine would make of it.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

from .data import XSD, Defer

INTEGER_TYPES = {XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong", "unsignedShort",
    "unsignedByte")}
NUMERIC_TYPES = INTEGER_TYPES | {XSD + "decimal"}
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(Z|[+-][0-9]{2}:[0-9]{2})?")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,6})?"
                       r"(Z|[+-][0-9]{2}:[0-9]{2})?")

# The datatypes whose well-formedness the screen checks itself; shapes naming any other
# datatype are not compiled (the reference engine validates them).
CHECKED = {XSD + "string", XSD + "boolean", XSD + "integer", XSD + "decimal", XSD + "date",
           XSD + "dateTime"}


def well_formed(lexical: str, datatype: str) -> bool:
    """True when the lexical form is valid for the datatype; Defer when unsure."""
    if datatype == XSD + "string":
        return True
    if datatype == XSD + "integer":
        ok = _INTEGER.fullmatch(lexical) is not None
    elif datatype == XSD + "decimal":
        ok = _DECIMAL.fullmatch(lexical) is not None
    elif datatype == XSD + "boolean":
        ok = lexical in ("true", "false", "1", "0")
    elif datatype == XSD + "date":
        ok = _date(lexical) is not None
    elif datatype == XSD + "dateTime":
        ok = _datetime(lexical) is not None
    else:
        raise Defer("datatype not checked here")
    if not ok:
        raise Defer("lexical form outside the plain grammar")  # the reference engine decides
    return True


def _date(lexical: str, *, zoned: bool = True) -> date | None:
    """The date of a plain xsd:date lexical form (with ``zoned=False``, none with a zone)."""
    m = _DATE.fullmatch(lexical)
    if m is None or m.group(1) == "0000" or not zoned and m.group(4):
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _datetime(lexical: str) -> datetime | None:
    if _DATETIME.fullmatch(lexical) is None or lexical.startswith("0000"):
        return None
    try:
        return datetime.fromisoformat(lexical.replace("Z", "+00:00"))
    except ValueError:
        return None


def comparable(lexical: str, datatype: str) -> tuple[str, object]:
    """A (kind, value) pair to order literals by; Defer for what the screen does not order."""
    if datatype in NUMERIC_TYPES:
        if datatype in INTEGER_TYPES:
            if datatype != XSD + "integer" or not _INTEGER.fullmatch(lexical):
                raise Defer("integer subtype or odd lexical form")
        elif not _DECIMAL.fullmatch(lexical):
            raise Defer("odd decimal")
        return "number", Decimal(lexical)
    if datatype == XSD + "date":
        value = _date(lexical, zoned=False)  # (one match; zoned dates are not ordered here)
        if value is None:
            raise Defer("date with a zone or odd form")
        return "date", value
    if datatype == XSD + "dateTime":
        value = _datetime(lexical)
        if value is None:
            raise Defer("odd dateTime")
        return ("dateTime-zoned" if value.tzinfo else "dateTime-local"), value
    raise Defer("values of this datatype are not ordered here")
