"""The web front end: ``create_app(config=None, store=None)`` builds a Flask app over the
service. State lives in ``app.extensions['kg']`` (the :class:`~kg.service.KnowledgeGraph`)."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask

from ..settings import Settings
from ..store.base import Store
from .errors import register_error_handlers


def create_app(config: Settings | dict[str, Any] | None = None,
               store: Store | None = None) -> Flask:
    """Build the app. ``config`` is a :class:`Settings` or a dict of setting overrides (on top
    of ``KG_*`` variables); ``store`` replaces the store the settings would open."""
    from ..bootstrap import build_service

    settings = config if isinstance(config, Settings) else Settings.from_env(**(config or {}))
    logging.getLogger("kg").setLevel(settings.log_level.upper())
    service = build_service(settings, store=store)
    from ..sparql.executor import build_executor

    service.executor = build_executor(settings, service.store,
                                      lambda state=service.state: state.version)

    app = Flask(__name__)
    app.url_map.merge_slashes = False  # no HTML redirect for '//': a path is taken as sent
    app.config["MAX_CONTENT_LENGTH"] = settings.max_request_bytes
    app.json.sort_keys = False
    app.extensions["kg"] = service
    from .examples import EXAMPLE_QUERIES

    app.extensions["kg_examples"] = EXAMPLE_QUERIES
    register_error_handlers(app)
    from .cors import register_cors
    from .ratelimit import register_rate_limit

    register_rate_limit(app, settings)
    register_cors(app)

    from . import articles, dumps, gsp, ontology, openapi, pages, reconcile, sparql, timeline

    for module in (sparql, gsp, dumps, ontology, articles, reconcile, timeline, pages,
                   openapi):
        app.register_blueprint(module.bp)

    @app.after_request
    def _security_headers(resp):
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        return resp

    return app
