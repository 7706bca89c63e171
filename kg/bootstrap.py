"""Assemble the service from settings: store, validator, extraction pipeline, ontology, demo.

The one place where adapters are chosen and wired; both front ends (CLI, web) call it.
"""

from __future__ import annotations

import logging

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
    validator = Validator.from_dir(onto, engine=settings.shacl_engine)
    service = KnowledgeGraph(settings, store, validator, analyser=_analyser(settings),
                             state_path=settings.data_dir / "state.json")
    service.load_ontology(onto)
    if settings.demo:
        load_demo(service)
    return service


def build_validation_only(settings: Settings) -> KnowledgeGraph:
    """A service over a throw-away in-memory store, for ``kg validate``."""
    from .store.embedded import EmbeddedStore

    onto = settings.ontology_dir or ontology_dir()
    validator = Validator.from_dir(onto, engine=settings.shacl_engine)
    return KnowledgeGraph(settings, EmbeddedStore(None), validator,
                          analyser=_analyser(settings))


def _analyser(settings: Settings):
    """The extraction pipeline, when it is installed."""
    return None


def load_demo(service: KnowledgeGraph) -> int:
    """Ingest the demo articles into an empty store; returns how many were loaded."""
    from .readers import format_for, read_documents

    if service.stats()["articles"]:
        return 0
    count = 0
    for path in sorted((data_dir() / "demo").glob("*")):
        if path.name.startswith("."):
            continue
        for doc in read_documents(path.read_bytes(), format_for(path.name), name=path.name):
            if not doc.events and service.analyser is not None:
                doc = service.analyse(doc.article)
            service.ingest(doc)
            count += 1
    log.info("loaded %d demo articles", count)
    return count
