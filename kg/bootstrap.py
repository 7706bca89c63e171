"""Assemble the service from settings: store, validator, extraction pipeline, ontology, demo.

The one place where adapters are chosen and wired; both front ends (CLI, web) call it.
"""

from __future__ import annotations

import gc
import logging
import threading

from .resources import data_dir, ontology_dir
from .service import KnowledgeGraph
from .settings import Settings
from .store.base import Store
from .validation import Validator

log = logging.getLogger(__name__)


def open_store(settings: Settings) -> Store:
    """The store the settings name: embedded on disk by default, a remote SPARQL 1.1 store
    when ``KG_STORE`` (or ``KG_STORE_QUERY_URL``) is set."""
    from .store.remote import RemoteStore, is_remote

    if is_remote(settings):
        return RemoteStore.from_settings(settings)
    from .store.embedded import EmbeddedStore

    return EmbeddedStore(settings.store_path)


def build_service(settings: Settings, store: Store | None = None) -> KnowledgeGraph:
    onto = settings.ontology_dir or ontology_dir()
    if store is None:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        store = open_store(settings)
    validator = Validator.from_dir(onto, engine=settings.shacl_engine,
                                   screen=settings.shacl_screen)
    service = KnowledgeGraph(settings, store, validator, analyser=_analyser(settings),
                             state_path=settings.data_dir / "state.json")
    service.load_ontology(onto)
    _install_merging(service)
    _install_timeline_index(service)
    if settings.demo:
        load_demo(service)
    return service


def _install_merging(service: KnowledgeGraph) -> None:
    """Cross-document merging after every write, with the shipped place containment."""
    from .merge import install
    from .places import default_places

    service.places = default_places()
    install(service, service.places)


def _install_timeline_index(service: KnowledgeGraph) -> None:
    """The timeline index, updated after every write (after merging), built when missing."""
    from .timeline.index import install

    install(service, service.places)


def build_validation_only(settings: Settings) -> KnowledgeGraph:
    """A service over a throw-away in-memory store, for ``kg validate``."""
    from .store.embedded import EmbeddedStore

    onto = settings.ontology_dir or ontology_dir()
    validator = Validator.from_dir(onto, engine=settings.shacl_engine,
                                   screen=settings.shacl_screen)
    return KnowledgeGraph(settings, EmbeddedStore(None), validator,
                          analyser=_analyser(settings))


class Analyser:
    """The extraction pipeline with its adapters (catalog, gazetteer, linker, anchors), built
    on first use: the gazetteer takes seconds to load, and many processes never analyse."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._lock = threading.Lock()
        self._adapters: dict | None = None
        self._catalog = None

    def catalog(self):
        """The entity catalog alone (cheap; reconciliation needs nothing else)."""
        with self._lock:
            return self._open_catalog()

    def _open_catalog(self):
        if self._catalog is None:
            from .linking.defaults import open_catalog

            self._catalog = open_catalog(self.settings)
        return self._catalog

    def adapters(self) -> dict:
        with self._lock:
            if self._adapters is None:
                from .anchors import AnchorTable
                from .extract.lexicon import load_lexicon
                from .linking.defaults import make_linker
                from .linking.gazetteer import Gazetteer

                catalog = self._open_catalog()
                gazetteer = Gazetteer.load()
                self._adapters = {
                    "catalog": catalog, "gazetteer": gazetteer,
                    "linker": make_linker(self.settings, catalog=catalog, gazetteer=gazetteer),
                    "anchors": AnchorTable.load(data_dir() / "anchors.json"),
                }
                load_lexicon()
                settle_long_lived()
            return self._adapters

    def __call__(self, article):
        from .extract import analyse_article

        a = self.adapters()
        return analyse_article(article, catalog=a["catalog"], gazetteer=a["gazetteer"],
                               linker=a["linker"], anchors=a["anchors"].for_article(article))

    def close(self) -> None:
        if self._catalog is not None:
            self._catalog.close()


def settle_long_lived() -> None:
    """Move every object alive now (lexicon, gazetteer, catalog: loaded once, kept for the
    process) out of the cyclic garbage collector's reach, so that its full collections stop
    rescanning them, and let it collect the youngest generation after ``GC_YOUNG_THRESHOLD``
    allocations instead of Python's 700: an article's analysis allocates tens of thousands of
    short-lived objects, nearly all freed by reference counting, and at 700 the collector
    scans them over and over. ``bench/extraction.py`` times the end-to-end loop without each
    of the two. Objects that are garbage later are still freed by reference counting; a
    larger threshold set by the embedding process is kept.
    Once per process (the first analyser's data is the bulk; later ones are rare)."""
    global _settled
    if not _settled:
        _settled = True
        gc.collect()
        gc.freeze()
        young, *older = gc.get_threshold()
        if 0 < young < GC_YOUNG_THRESHOLD:
            gc.set_threshold(GC_YOUNG_THRESHOLD, *older)


GC_YOUNG_THRESHOLD = 10_000
_settled = False


def _analyser(settings: Settings) -> Analyser:
    return Analyser(settings)


def load_demo(service: KnowledgeGraph) -> int:
    """Ingest the demo articles into an empty store; returns how many were loaded."""
    from .readers import format_for, read_documents

    if service.stats()["articles"]:
        return 0
    count = 0
    for path in sorted((data_dir() / "demo").glob("*")):
        if path.suffix not in (".json", ".jsonl", ".txt", ".html"):
            continue
        for doc in read_documents(path.read_bytes(), format_for(path.name), name=path.name):
            service.ingest_document(doc)
            count += 1
    log.info("loaded %d demo articles", count)
    return count
