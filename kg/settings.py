"""One settings object, read once (from the command line or ``KG_*`` environment variables).

Every setting is declared here once, with its environment variable, default and help text; the
README's settings table is checked against this list by a test. Nothing else in the code base
reads the environment.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError


def _setting(default: Any, env: str, help: str, **kw: Any) -> Any:
    metadata = {"env": env, "help": help}
    if isinstance(default, (list, dict, set)):
        return field(default_factory=lambda: type(default)(default), metadata=metadata, **kw)
    return field(default=default, metadata=metadata, **kw)


@dataclass(frozen=True)
class Settings:
    """All the service's settings. Build with :meth:`from_env` or directly in tests."""

    data_dir: Path = _setting(
        Path("kg-data"), "KG_DATA_DIR",
        "Folder holding the embedded store, caches and snapshots (created if missing).")
    base_iri: str = _setting(
        "http://127.0.0.1:8000/", "KG_BASE_IRI",
        "Base of every IRI the service mints (articles, events, entities). Set it to the "
        "service's public URL so that the IRIs dereference.")
    host: str = _setting("127.0.0.1", "KG_HOST", "Interface `kg serve` listens on.")
    port: int = _setting(8000, "KG_PORT", "Port `kg serve` listens on.")
    store: str = _setting(
        "", "KG_STORE",
        "Empty for the embedded on-disk store under the data folder, or the URL of a remote "
        "SPARQL 1.1 store: `sparql+http://host:7878/` (or `sparql+https://`) means queries at "
        "`/query`, updates at `/update` and the Graph Store at `/store` under that URL, as "
        "Oxigraph serves them. See docs/scaling.md.")
    store_query_url: str = _setting(
        "", "KG_STORE_QUERY_URL",
        "Remote store: SPARQL query URL, overriding the one derived from `KG_STORE` (setting it "
        "alone selects the remote backend), e.g. `http://fuseki:3030/kg/query`.")
    store_update_url: str = _setting(
        "", "KG_STORE_UPDATE_URL",
        "Remote store: SPARQL Update URL, overriding the one derived from `KG_STORE`.")
    store_gsp_url: str = _setting(
        "", "KG_STORE_GSP_URL",
        "Remote store: Graph Store Protocol URL, overriding the one derived from `KG_STORE`; "
        "`none` for a store without one (graphs are then read and written with SPARQL).")
    store_user: str = _setting(
        "", "KG_STORE_USER", "Remote store: user name for HTTP Basic authentication.")
    store_password: str | None = _setting(
        None, "KG_STORE_PASSWORD", "Remote store: password for HTTP Basic authentication.")
    store_token: str | None = _setting(
        None, "KG_STORE_TOKEN",
        "Remote store: bearer token sent as `Authorization: Bearer ...` (instead of Basic).")
    store_flavour: str = _setting(
        "oxigraph", "KG_STORE_FLAVOUR",
        "Remote store dialect: `oxigraph` (union default graph via its `union-default-graph` "
        "parameter, whole-dataset N-Quads export and import at the Graph Store URL) or "
        "`generic` (plain SPARQL 1.1 and Graph Store Protocol; the server's default graph must "
        "be the union of the named graphs, as in GraphDB, Virtuoso, Neptune, or Fuseki with "
        "`unionDefaultGraph`).")
    store_timeout: float = _setting(
        60.0, "KG_STORE_TIMEOUT",
        "Remote store: seconds to wait for a write, a dump chunk or a connection (queries wait "
        "as long as the query timeout allows).")
    store_retries: int = _setting(
        3, "KG_STORE_RETRIES",
        "Remote store: retries after a connection error, with exponential backoff from 0.2 s "
        "(never after an HTTP error status).")
    demo: bool = _setting(
        False, "KG_DEMO", "Load the demo articles into an empty store at start-up.")
    update_token: str | None = _setting(
        None, "KG_UPDATE_TOKEN",
        "Bearer token required for every write over HTTP (SPARQL Update, Graph Store writes, "
        "article ingest and delete). Unset: writes over HTTP are refused.")
    query_timeout: float = _setting(
        30.0, "KG_QUERY_TIMEOUT", "Seconds a SPARQL query may run before it is stopped.")
    max_query_length: int = _setting(
        100_000, "KG_MAX_QUERY_LENGTH", "Longest accepted SPARQL query or update, in characters.")
    max_request_bytes: int = _setting(
        16 * 1024 * 1024, "KG_MAX_REQUEST_BYTES", "Largest accepted request body, in bytes.")
    max_article_bytes: int = _setting(
        2 * 1024 * 1024, "KG_MAX_ARTICLE_BYTES", "Largest accepted article text, in bytes.")
    max_result_rows: int = _setting(
        100_000, "KG_MAX_RESULT_ROWS",
        "Most rows (or triples) a SPARQL response carries; longer results are truncated and "
        "say so in the `X-KG-Truncated` header.")
    max_result_bytes: int = _setting(
        64 * 1024 * 1024, "KG_MAX_RESULT_BYTES",
        "Largest SPARQL response body, in bytes; a longer result is cut after the last whole "
        "row that fits and says so in the `X-KG-Truncated` header.")
    query_workers: int = _setting(
        4, "KG_QUERY_WORKERS",
        "Worker processes that run SPARQL queries (each stopped at KG_QUERY_TIMEOUT). 0 runs "
        "queries in the request thread, without a time limit.")
    rate_limit: int = _setting(
        0, "KG_RATE_LIMIT",
        "Requests per minute allowed per client IP (token bucket; 429 with `Retry-After` "
        "beyond). 0 (the default): no limit, for local use.")
    rate_burst: int = _setting(
        60, "KG_RATE_BURST",
        "Requests a client may send at once before KG_RATE_LIMIT applies.")
    trusted_proxies: int = _setting(
        0, "KG_TRUSTED_PROXIES",
        "Reverse proxies in front of the service whose `X-Forwarded-For` names the client "
        "(for rate limiting). 0: the connecting address is the client.")
    service_allowlist: str = _setting(
        "", "KG_SERVICE_ALLOWLIST",
        "Comma-separated IRI prefixes that SPARQL `SERVICE` and `LOAD` may reach. Empty (the "
        "default): both are refused, so the endpoint never makes outbound requests.")
    link_threshold: float = _setting(
        0.75, "KG_LINK_THRESHOLD",
        "Lowest score at which an entity mention is linked to a Wikidata item.")
    catalog_path: Path | None = _setting(
        None, "KG_CATALOG",
        "Entity catalog index (SQLite). Unset: `<data_dir>/catalog.sqlite`, built from the "
        "shipped starter catalog on first use and rebuilt when that changes.")
    wikidata_online: bool = _setting(
        False, "KG_WIKIDATA_ONLINE",
        "Ask the Wikidata API about names the catalog does not know (answers cached under the "
        "data folder). Off: linking is offline.")
    wikidata_api_url: str = _setting(
        "https://www.wikidata.org/w/api.php", "KG_WIKIDATA_API_URL",
        "The MediaWiki API endpoint used when KG_WIKIDATA_ONLINE is on.")
    shacl_engine: str = _setting(
        "turbo", "KG_SHACL_ENGINE",
        "SHACL engine for write validation: `turbo` (pyshacl-turbo, fast) or `pyshacl` (the "
        "reference implementation). Both run the same shapes.")
    shacl_screen: bool = _setting(
        True, "KG_SHACL_SCREEN",
        "Check writes with the shapes compiled to Python first (`kg/shacl`, several times "
        "faster); only graphs it does not pass go to the engine, which writes every report. "
        "Off: every graph goes to the engine.")
    ontology_dir: Path | None = _setting(
        None, "KG_ONTOLOGY_DIR",
        "Folder with the ontology and shapes to use instead of the packaged ones.")
    log_level: str = _setting("INFO", "KG_LOG_LEVEL", "Logging level (DEBUG, INFO, WARNING).")

    # -- construction ------------------------------------------------------------------------

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from ``KG_*`` variables (``environ`` defaults to ``os.environ``), then
        ``overrides`` (e.g. command-line options; ``None`` values are ignored)."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            raw = environ.get(f.metadata["env"])
            if raw is not None and raw != "":
                values[f.name] = _parse(f, raw)
        for name, value in overrides.items():
            if value is not None:
                if name not in {f.name for f in dataclasses.fields(cls)}:
                    raise ConfigError(f"unknown setting {name!r}")
                values[name] = value
        return cls(**values)

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)

    def __post_init__(self) -> None:
        object.__setattr__(self, "data_dir", Path(self.data_dir))
        if self.ontology_dir is not None:
            object.__setattr__(self, "ontology_dir", Path(self.ontology_dir))
        if self.catalog_path is not None:
            object.__setattr__(self, "catalog_path", Path(self.catalog_path))
        if not self.wikidata_api_url.startswith(("http://", "https://")):
            raise ConfigError("KG_WIKIDATA_API_URL must be an http(s) URL")
        if not self.base_iri.startswith(("http://", "https://")) or not self.base_iri.endswith("/"):
            raise ConfigError("KG_BASE_IRI must be an http(s) IRI ending with '/'")
        if self.query_timeout <= 0:
            raise ConfigError("KG_QUERY_TIMEOUT must be a positive number of seconds")
        for name in ("max_query_length", "max_request_bytes", "max_article_bytes",
                     "max_result_rows", "max_result_bytes"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"{name} must be positive")
        for name in ("query_workers", "rate_limit", "rate_burst", "trusted_proxies"):
            if getattr(self, name) < 0:
                raise ConfigError(f"{name} must not be negative")
        if self.rate_limit and self.rate_burst < 1:
            raise ConfigError("KG_RATE_BURST must be at least 1 when KG_RATE_LIMIT is set")
        if self.shacl_engine not in ("turbo", "pyshacl"):
            raise ConfigError("KG_SHACL_ENGINE must be 'turbo' or 'pyshacl'")
        if not 0.0 <= self.link_threshold <= 1.0:
            raise ConfigError("KG_LINK_THRESHOLD must be between 0 and 1")
        for name in ("store", "store_query_url", "store_update_url", "store_gsp_url"):
            if "@" in getattr(self, name).split("://", 1)[-1].split("/", 1)[0]:
                raise ConfigError(f"{name.upper().replace('STORE', 'KG_STORE', 1)} must not "
                                  "carry credentials; use KG_STORE_USER and KG_STORE_PASSWORD "
                                  "or KG_STORE_TOKEN")
        if self.store_flavour not in ("oxigraph", "generic"):
            raise ConfigError("KG_STORE_FLAVOUR must be 'oxigraph' or 'generic'")
        if self.store_timeout <= 0 or self.store_retries < 0:
            raise ConfigError("KG_STORE_TIMEOUT must be positive and KG_STORE_RETRIES >= 0")

    @property
    def catalog_file(self) -> Path:
        """Where the entity catalog index is (``catalog_path`` or under the data folder)."""
        return self.catalog_path or self.data_dir / "catalog.sqlite"

    @property
    def wikidata_cache_dir(self) -> Path:
        return self.data_dir / "cache" / "wikidata"

    @property
    def allowed_remote_prefixes(self) -> tuple[str, ...]:
        return tuple(p.strip() for p in self.service_allowlist.split(",") if p.strip())

    @property
    def store_path(self) -> Path:
        """Where the embedded store keeps its files."""
        return self.data_dir / "store"

    def redacted(self) -> dict[str, Any]:
        """The settings as a dict, secrets masked (for logs and `kg settings`)."""
        out = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name in ("update_token", "store_password", "store_token") and value:
                value = "***"
            out[f.name] = str(value) if isinstance(value, Path) else value
        return out


def documented_settings() -> list[tuple[str, str, Any, str]]:
    """(name, environment variable, default, help) for every setting, in declaration order."""
    return [(f.name, f.metadata["env"], f.default, f.metadata["help"])
            for f in dataclasses.fields(Settings)]


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _parse(f: dataclasses.Field, raw: str) -> Any:
    kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
    env = f.metadata["env"]
    try:
        if kind.startswith("bool"):
            low = raw.strip().lower()
            if low in _TRUE:
                return True
            if low in _FALSE:
                return False
            raise ValueError(raw)
        if kind.startswith("int"):
            return int(raw)
        if kind.startswith("float"):
            return float(raw)
        if kind.startswith("Path"):
            return Path(raw)
        return raw
    except ValueError:
        raise ConfigError(f"{env}={raw!r} is not a valid {kind.split(' ')[0]}") from None
