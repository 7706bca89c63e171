"""Deterministic IRIs from stable keys: the same input always mints the same IRIs."""

from __future__ import annotations

import re
import unicodedata

from .model import QID_RE, short_hash

_SLUG_STRIP = re.compile(r"[^\w]+", re.UNICODE)


class IRIs:
    """Mints the service's IRIs under ``base`` (which ends with '/')."""

    def __init__(self, base: str):
        self.base = base

    def article(self, article_id: str) -> str:
        return f"{self.base}article/{article_id}"

    def event(self, article_id: str, event_type: str, trigger_start: int,
              trigger_end: int) -> str:
        key = short_hash(article_id, event_type, str(trigger_start), str(trigger_end), length=10)
        return f"{self.base}event/{article_id}-{key}"

    def canonical_event(self, key: str) -> str:
        return f"{self.base}event/c-{key}"

    def entity(self, kind: str, label: str, qid: str | None, geonames: int | None = None) -> str:
        """One IRI per real-world entity: by Wikidata Q-id when linked, else by GeoNames id
        for places that have one (two towns of the same name stay apart), else by kind and
        name."""
        if qid and QID_RE.match(qid):
            return f"{self.base}entity/{qid}"
        if geonames and kind == "place":
            return f"{self.base}entity/geonames-{int(geonames)}"
        return f"{self.base}entity/{kind.replace('_', '-')}-{slugify(label)}"

    def graph_canonical(self) -> str:
        return f"{self.base}graph/canonical"

    def dataset(self) -> str:
        return f"{self.base}dataset"

    def local_path(self, iri: str) -> str | None:
        """The path part of one of our IRIs ('event/…'), or None for foreign IRIs."""
        return iri[len(self.base):] if iri.startswith(self.base) else None


def slugify(label: str, limit: int = 80) -> str:
    """A readable, stable slug: NFKC, lower case, word characters joined by '-'."""
    text = unicodedata.normalize("NFKC", label).casefold()
    slug = _SLUG_STRIP.sub("-", text).strip("-_") or "x"
    if len(slug) > limit:
        slug = slug[: limit - 9].rstrip("-") + "-" + short_hash(label, length=8)
    return slug


def parse_iri(value: str, what: str = "IRI"):
    """A validated absolute IRI as a pyoxigraph ``NamedNode``; raises :class:`InvalidInput`.

    Every IRI that reaches SPARQL text goes through here (pyoxigraph checks RFC 3987 syntax), so
    no user input can break out of ``<...>``.
    """
    import pyoxigraph as ox

    from .errors import InvalidInput

    if not isinstance(value, str) or not value or len(value) > 4096:
        raise InvalidInput(f"{what} must be an absolute IRI of at most 4096 characters")
    try:
        return ox.NamedNode(value)
    except ValueError as exc:
        raise InvalidInput(f"{what} is not a valid absolute IRI: {exc}") from None
