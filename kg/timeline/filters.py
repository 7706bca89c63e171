"""The timeline's filters and paging, parsed and validated from query parameters. Pure.

Bad values raise :class:`~kg.errors.InvalidInput` (a 400 in the one error shape); nothing the
client sends reaches SPARQL text except as a validated IRI, a date built here, or a literal
bound through pyoxigraph substitutions.
"""

from __future__ import annotations

import base64
import binascii
import calendar
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from ..errors import InvalidInput
from ..model import ARTICLE_ID_RE, EVENT_TYPES, QID_RE

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_EXPORT_LIMIT = 5000
MAX_TEXT = 200
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")
PARAMS = ("place", "actor", "type", "from", "to", "q", "article", "limit", "cursor", "format")


@dataclass(frozen=True)
class Cursor:
    """Where a page ends: the last entry's sort key, precision rank and IRI."""

    key: str
    rank: int
    iri: str

    def encode(self) -> str:
        raw = json.dumps([self.key, self.rank, self.iri], separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")

    @classmethod
    def decode(cls, token: str) -> Cursor:
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
            key, rank, iri = json.loads(raw.decode("utf-8"))
        except (binascii.Error, ValueError, TypeError, UnicodeDecodeError):
            raise _bad("cursor", "is not a cursor this service issued") from None
        if not (isinstance(key, str) and len(key) <= 64 and isinstance(rank, int)
                and not isinstance(rank, bool) and isinstance(iri, str)
                and iri.startswith(("http://", "https://")) and len(iri) <= 4096):
            raise _bad("cursor", "is not a cursor this service issued")
        return cls(key, rank, iri)


@dataclass(frozen=True)
class Filters:
    """A timeline selection. ``place``/``actor`` are a Q-id or an IRI; ``start``/``end``
    are the inclusive days of ``from``/``to``."""

    place: str | None = None
    actor: str | None = None
    type: str | None = None
    start: date | None = None
    end: date | None = None
    q: str | None = None
    article: str | None = None  # article IRI
    limit: int = DEFAULT_LIMIT
    cursor: Cursor | None = None

    def without_paging(self) -> dict[str, str]:
        """The filters as query parameters (for links to other pages and exports)."""
        out = {"place": self.place, "actor": self.actor, "type": self.type,
               "from": self.start.isoformat() if self.start else None,
               "to": self.end.isoformat() if self.end else None, "q": self.q,
               "article": self.article}
        return {k: v for k, v in out.items() if v}


def parse_filters(args: Mapping[str, str], base_iri: str, *, max_limit: int = MAX_LIMIT,
                  default_limit: int = DEFAULT_LIMIT) -> Filters:
    """Validated filters from query parameters (empty values count as absent)."""
    def get(name: str) -> str | None:
        value = args.get(name)
        if value is None:
            return None
        value = value.strip()
        return value or None

    place = _entity_ref(get("place"), "place")
    actor = _entity_ref(get("actor"), "actor")
    etype = get("type")
    if etype is not None and etype not in EVENT_TYPES:
        raise _bad("type", f"must be one of {', '.join(EVENT_TYPES)}")
    start = _day(get("from"), "from", end=False)
    end = _day(get("to"), "to", end=True)
    if start and end and start > end:
        raise _bad("from", "must not be after 'to'")
    q = get("q")
    if q is not None and len(q) > MAX_TEXT:
        raise _bad("q", f"must be at most {MAX_TEXT} characters")
    article = get("article")
    if article is not None:
        if ARTICLE_ID_RE.match(article):
            article = f"{base_iri}article/{article}"
        elif not (article.startswith(f"{base_iri}article/")
                  and ARTICLE_ID_RE.match(article[len(base_iri) + 8:])):
            raise _bad("article", "must be an article id or one of this service's article "
                                  "IRIs")
    limit = default_limit
    if get("limit") is not None:
        try:
            limit = int(get("limit"))
        except ValueError:
            raise _bad("limit", f"must be an integer between 1 and {max_limit}") from None
        if not 1 <= limit <= max_limit:
            raise _bad("limit", f"must be an integer between 1 and {max_limit}")
    cursor = Cursor.decode(get("cursor")) if get("cursor") else None
    return Filters(place, actor, etype, start, end, q, article, limit, cursor)


def _entity_ref(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    if QID_RE.match(value):
        return value
    from ..iris import parse_iri

    try:
        parse_iri(value, name)
    except InvalidInput:
        raise _bad(name, "must be a Wikidata Q-id (Q42) or an absolute IRI") from None
    if not value.startswith(("http://", "https://")):
        raise _bad(name, "must be a Wikidata Q-id (Q42) or an http(s) IRI")
    return value


def _day(value: str | None, name: str, *, end: bool) -> date | None:
    """YYYY, YYYY-MM or YYYY-MM-DD; as an upper bound, the last day of that period."""
    if value is None:
        return None
    m = _PARTIAL_DATE.match(value)
    if not m:
        raise _bad(name, "must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if month is None:
            return date(year, 12, 31) if end else date(year, 1, 1)
        mo = int(month)
        if day is None:
            return date(year, mo, calendar.monthrange(year, mo)[1] if end else 1)
        return date(year, mo, int(day))
    except ValueError:
        raise _bad(name, f"{value!r} is not a valid date") from None


def _bad(name: str, message: str) -> InvalidInput:
    return InvalidInput(f"{name}: {message}", errors=[{"path": name, "message": message}])
