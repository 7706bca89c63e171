"""The service's catalog, gazetteer, online client and linker, built from :class:`Settings`.

The shipped starter catalog (``data/catalog/starter.jsonl``) is indexed into the data folder on
first use, and indexed again when the shipped file changes (items imported from other files
are kept).
"""

from __future__ import annotations

import hashlib
import logging
import threading
from pathlib import Path

from .. import resources
from ..errors import ConfigError
from ..settings import Settings
from .catalog import Catalog
from .gazetteer import Gazetteer
from .importers import import_file
from .index import CatalogWriter
from .linker import Linker
from .wikidata import WikidataClient

STARTER_ORIGIN = "starter"
log = logging.getLogger(__name__)
_LOCK = threading.Lock()


def starter_file() -> Path:
    """The shipped starter catalog (it may be absent from a source checkout)."""
    return resources.data_dir() / "catalog" / "starter.jsonl"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def ensure_catalog(index_path: Path, starter: Path | None = None) -> Catalog:
    """Open the catalog at ``index_path``, (re)indexing the starter catalog first when the
    index is missing or was built from another version of it."""
    starter = starter_file() if starter is None else starter
    with _LOCK:
        current = None
        if index_path.is_file():
            try:
                current = Catalog.open(index_path)
            except ConfigError:
                log.warning("%s is not a usable catalog index; building it again", index_path)
        if not starter.is_file():
            if current is None:
                log.warning("no starter catalog at %s; starting with an empty catalog", starter)
                with CatalogWriter(index_path, extend=False):
                    pass
                current = Catalog.open(index_path)
            return current
        recorded = (current.meta.get("sources") or {}).get(STARTER_ORIGIN) if current else None
        stat = starter.stat()
        if recorded and recorded.get("size") == stat.st_size and \
                recorded.get("mtime") == int(stat.st_mtime):
            return current
        sha = file_sha256(starter)
        if recorded and recorded.get("sha256") == sha:
            return current
        log.info("indexing the starter catalog %s into %s", starter, index_path)
        if current is not None:
            current.close()
        import_file(starter, index_path, extend=current is not None, fmt="jsonl",
                    origin=STARTER_ORIGIN,
                    replace_origin=True, source_info={"sha256": sha})
        return Catalog.open(index_path)


def open_catalog(settings: Settings) -> Catalog:
    """The service's catalog (built from the starter catalog when needed)."""
    return ensure_catalog(settings.catalog_file)


def make_client(settings: Settings) -> WikidataClient | None:
    """The online client when ``wikidata_online`` is on, else ``None``."""
    if not settings.wikidata_online:
        return None
    return WikidataClient(settings.wikidata_api_url, cache_dir=settings.wikidata_cache_dir)


def make_linker(settings: Settings, *, catalog: Catalog | None = None,
                gazetteer: Gazetteer | None = None, use_gazetteer: bool = True) -> Linker:
    """A linker over the service's catalog, the gazetteer and (opt-in) the online client."""
    if gazetteer is None and use_gazetteer:
        gazetteer = Gazetteer.load()
    return Linker(catalog or open_catalog(settings), threshold=settings.link_threshold,
                  gazetteer=gazetteer, online=make_client(settings))
