"""A small, polite client for the Wikidata API (opt-in; off by default).

It speaks two modules of the MediaWiki Action API as Wikibase documents them:
``action=wbsearchentities`` (search items by label or alias; the answer's ``search`` list holds
``id``, ``label``, ``description`` and ``match``) and ``action=wbgetentities`` (the items'
``labels``, ``aliases``, ``descriptions``, ``claims`` and ``sitelinks``, in the same JSON as the
dumps). It sends a descriptive User-Agent, waits ``min_interval`` seconds between requests,
asks with ``maxlag``, retries network errors, 429/5xx answers and ``maxlag`` errors with
exponential backoff (honouring ``Retry-After``), stops after ``timeout`` seconds per request,
and keeps answers in an on-disk cache. Every failure ends in :class:`WikidataUnavailable`.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import BackendUnavailable, ConfigError
from .entry import LANGUAGES, QID_RE, BadRecord, CatalogEntry
from .types import DEFAULT_TYPE_KINDS
from .wdjson import record_from_entity

DEFAULT_USER_AGENT = f"timeline-kg/{__version__} (entity linking for a news timeline) urllib"
MAX_IDS_PER_REQUEST = 50
MAX_RETRY_AFTER = 30.0


class WikidataUnavailable(BackendUnavailable):
    """The Wikidata service could not answer (network, timeout, server errors, bad answer)."""

    code = "wikidata_unavailable"
    public_message = "the Wikidata service is unavailable; try again later"


class WikidataClient:
    """Search and fetch Wikidata items over the MediaWiki API."""

    def __init__(self, api_url: str, *, user_agent: str = DEFAULT_USER_AGENT,
                 timeout: float = 10.0, min_interval: float = 1.0, retries: int = 3,
                 cache_dir: Path | None = None, cache_ttl: float = 7 * 24 * 3600,
                 backoff: float = 1.0, maxlag: int = 5,
                 type_kinds: Mapping[str, str] | None = None,
                 sleep: Callable[[float], None] = time.sleep):
        parsed = urllib.parse.urlsplit(api_url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise ConfigError(f"the Wikidata API URL {api_url!r} must be an http(s) URL")
        if not user_agent.strip():
            raise ConfigError("the Wikidata client needs a User-Agent")
        if timeout <= 0 or min_interval < 0 or retries < 0:
            raise ConfigError("timeout must be positive, min_interval and retries not negative")
        self.api_url = api_url
        self.user_agent = user_agent
        self.timeout = timeout
        self.min_interval = min_interval
        self.retries = retries
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self.cache_ttl = cache_ttl
        self.backoff = backoff
        self.maxlag = maxlag
        self.type_kinds = dict(type_kinds or DEFAULT_TYPE_KINDS)
        self._sleep = sleep
        self._lock = threading.Lock()
        self._last = 0.0
        self.requests_sent = 0

    # -- the two API modules ----------------------------------------------------------------

    def search(self, text: str, *, language: str = "en", limit: int = 7) -> list[dict[str, Any]]:
        """``wbsearchentities``: items whose label or alias matches ``text``."""
        text = " ".join(text.split())
        if not text:
            return []
        answer = self._get({"action": "wbsearchentities", "search": text, "language": language,
                            "uselang": language, "type": "item", "limit": str(limit),
                            "format": "json"})
        hits = answer.get("search")
        if not isinstance(hits, list):
            raise WikidataUnavailable("the search answer has no 'search' list")
        return [h for h in hits if isinstance(h, Mapping) and isinstance(h.get("id"), str)
                and QID_RE.match(h["id"])]

    def get_entities(self, qids: Iterable[str], *, languages: Iterable[str] = LANGUAGES
                     ) -> dict[str, dict[str, Any]]:
        """``wbgetentities``: the items' labels, aliases, descriptions, claims and sitelinks
        (missing items are left out)."""
        ids = [q for q in dict.fromkeys(qids) if QID_RE.match(q)]
        out: dict[str, dict[str, Any]] = {}
        for i in range(0, len(ids), MAX_IDS_PER_REQUEST):
            chunk = ids[i:i + MAX_IDS_PER_REQUEST]
            answer = self._get({"action": "wbgetentities", "ids": "|".join(chunk),
                                "props": "labels|aliases|descriptions|claims|sitelinks",
                                "languages": "|".join(languages), "format": "json"})
            entities = answer.get("entities")
            if not isinstance(entities, Mapping):
                raise WikidataUnavailable("the entities answer has no 'entities' object")
            for qid, entity in entities.items():
                if isinstance(entity, Mapping) and "missing" not in entity and \
                        entity.get("id") == qid:
                    out[qid] = dict(entity)
        return out

    def candidates(self, text: str, *, language: str = "en", limit: int = 7
                   ) -> list[CatalogEntry]:
        """Search, then fetch: the hits of the configured classes as catalog entries."""
        hits = self.search(text, language=language, limit=limit)
        entities = self.get_entities([h["id"] for h in hits])
        out = []
        for hit in hits:
            entity = entities.get(hit["id"])
            if entity is None:
                continue
            try:
                record = record_from_entity(entity, self.type_kinds, source="wikidata-api")
                if record is not None:
                    out.append(CatalogEntry.from_record(record))
            except (BadRecord, ValueError, KeyError, TypeError, AttributeError):
                continue  # an item we cannot read is not a candidate
        return out

    # -- transport --------------------------------------------------------------------------

    def _get(self, params: dict[str, str]) -> dict[str, Any]:
        params = {**params, "maxlag": str(self.maxlag)}
        cache_file = self._cache_file(params)
        cached = self._read_cache(cache_file)
        if cached is not None:
            return cached
        url = f"{self.api_url}?{urllib.parse.urlencode(sorted(params.items()))}"
        last_error = "no attempt"
        for attempt in range(self.retries + 1):
            if attempt:
                self._sleep(self.backoff * 2 ** (attempt - 1))
            wait = 0.0
            try:
                answer = self._request(url)
            except _Retry as exc:
                last_error, wait = exc.reason, exc.wait
                if wait:
                    self._sleep(min(wait, MAX_RETRY_AFTER))
                continue
            error = answer.get("error")
            if isinstance(error, Mapping):
                if error.get("code") == "maxlag":
                    last_error = "the servers are lagged (maxlag)"
                    continue
                raise WikidataUnavailable(f"the API refused the request ({error.get('code')})")
            self._write_cache(cache_file, answer)
            return answer
        raise WikidataUnavailable(f"no answer after {self.retries + 1} attempts: {last_error}")

    def _request(self, url: str) -> dict[str, Any]:
        with self._lock:
            delay = self._last + self.min_interval - time.monotonic()
            if delay > 0:
                self._sleep(delay)
            self._last = time.monotonic()
            self.requests_sent += 1
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent,
                                                       "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = response.read()
        except urllib.error.HTTPError as exc:
            if exc.code == 429 or exc.code >= 500:
                raise _Retry(f"HTTP {exc.code}", _retry_after(exc.headers.get("Retry-After"))
                             ) from None
            raise WikidataUnavailable(f"HTTP {exc.code} from the API") from None
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
            reason = getattr(exc, "reason", None) or type(exc).__name__
            raise _Retry(f"network error: {reason}") from None
        try:
            answer = json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise _Retry("the answer is not JSON") from None
        if not isinstance(answer, dict):
            raise _Retry("the answer is not a JSON object")
        return answer

    # -- cache ------------------------------------------------------------------------------

    def _cache_file(self, params: Mapping[str, str]) -> Path | None:
        if self.cache_dir is None:
            return None
        digest = hashlib.sha256(json.dumps([self.api_url, sorted(params.items())]).encode())
        return self.cache_dir / f"{digest.hexdigest()}.json"

    def _read_cache(self, path: Path | None) -> dict[str, Any] | None:
        if path is None or not path.is_file():
            return None
        try:
            if time.time() - path.stat().st_mtime > self.cache_ttl:
                return None
            with open(path, encoding="utf-8") as f:
                answer = json.load(f)
        except (OSError, json.JSONDecodeError):
            return None
        return answer if isinstance(answer, dict) else None

    def _write_cache(self, path: Path | None, answer: dict[str, Any]) -> None:
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(answer, f, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs a request next time


class _Retry(Exception):
    def __init__(self, reason: str, wait: float = 0.0):
        super().__init__(reason)
        self.reason, self.wait = reason, wait


def _retry_after(value: str | None) -> float:
    try:
        return max(0.0, float(value)) if value else 0.0
    except ValueError:
        return 0.0
