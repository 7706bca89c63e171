"""Turning a :class:`~kg.temporal.context.Found` into the shared :class:`kg.model.TimeSpec`:
bounds, precision and EDTF."""

from __future__ import annotations

import re
from datetime import date, datetime

from ..model import TimeSpec
from .context import Context, Found
from .points import PRECISION_OF

_UNSPECIFIED_EDTF = re.compile(r"^(?:\d{4}|\d{3}X|\d{2}XX|XXXX)(?:-(?:\d\d|XX)(?:-(?:\d\d|XX))?)?$")


def to_timespec(found: Found, start: int, end: int, text: str, ctx: Context) -> TimeSpec:
    p = found.point
    earliest = latest = None
    if found.bounded:
        earliest, latest = found.earliest, found.latest
    elif p is not None and found.type in ("DATE", "TIME"):
        earliest, latest = p.bounds(found.mod, ctx.tz)
    elif found.value == "PRESENT_REF" and ctx.dct is not None:
        earliest = latest = ctx.dct
    elif found.value == "PAST_REF" and ctx.dct is not None:
        latest = ctx.dct
    elif found.value == "FUTURE_REF" and ctx.dct is not None:
        earliest = ctx.dct
    precision = found.precision or (PRECISION_OF[p.gran] if p is not None else None)
    if precision is None:
        precision = "day" if found.value == "PRESENT_REF" and ctx.dct else "unknown"
    return TimeSpec(value=found.value, edtf=_edtf(found, earliest, latest, ctx),
                    precision=precision, earliest=earliest, latest=latest,
                    text=text[start:end], start=start, end=end, mod=found.mod,
                    type=found.type, basis="expression", resolved=found.resolved,
                    rule=found.rule)


def _edtf(found: Found, earliest, latest, ctx: Context) -> str | None:
    if found.type in ("DURATION", "SET"):
        return None
    if found.edtf is not None:
        return found.edtf
    if found.bounded and (earliest is not None or latest is not None):
        return f"{_iso(earliest) or '..'}/{_iso(latest) or '..'}"
    if found.point is not None:
        return found.point.edtf(found.mod)
    if ctx.dct is not None and found.resolved:
        if found.value == "PRESENT_REF":
            return ctx.dct.isoformat()
        if found.value == "PAST_REF":
            return f"../{ctx.dct.isoformat()}"
        if found.value == "FUTURE_REF":
            return f"{ctx.dct.isoformat()}/.."
    if _UNSPECIFIED_EDTF.match(found.value):
        return found.value
    return None


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S") + ("Z" if value.utcoffset() is not None
                                                      and not value.utcoffset() else "")
    return value.isoformat()
