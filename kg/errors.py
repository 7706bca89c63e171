"""One error hierarchy for the whole service.

Each class carries the HTTP status it maps to. Client faults (4xx) carry a message written for
the client; server faults (5xx) are logged with their cause and the client only sees a generic
message. Nothing ever echoes ``str()`` of an unexpected exception.
"""

from __future__ import annotations

from typing import Any


class KGError(Exception):
    """Base class. ``status`` is the HTTP status, ``code`` a stable machine-readable name."""

    status = 500
    code = "internal_error"
    public_message = "internal error; the incident was logged"

    def __init__(self, message: str | None = None, *, errors: list[dict[str, Any]] | None = None,
                 headers: dict[str, str] | None = None, extra: dict[str, Any] | None = None):
        self.message = message or self.public_message
        self.errors = errors or []
        self.headers = headers or {}
        self.extra = extra or {}
        super().__init__(self.message)

    @property
    def client_fault(self) -> bool:
        return 400 <= self.status < 500

    def to_dict(self) -> dict[str, Any]:
        """The one JSON error shape: ``ok``, ``status``, ``code``, ``error``, ``errors``."""
        message = self.message if self.client_fault or self.status in (503,) else \
            self.public_message
        body: dict[str, Any] = {"ok": False, "status": self.status, "code": self.code,
                                "error": message,
                                "errors": self.errors if self.client_fault else []}
        body.update(self.extra if self.client_fault else {})
        return body


# -- client faults ---------------------------------------------------------------------------

class BadRequest(KGError):
    status, code = 400, "bad_request"


class InvalidInput(BadRequest):
    """Input that could not be parsed (bad JSON, Turtle, dates, IRIs, encodings...)."""
    code = "invalid_input"


class QuerySyntaxError(BadRequest):
    code = "query_syntax"


class QueryTooComplex(BadRequest):
    """A query the engine cannot evaluate (it crashed the worker running it)."""
    code = "query_too_complex"


class Unauthorized(KGError):
    status, code = 401, "unauthorized"


class Forbidden(KGError):
    status, code = 403, "forbidden"


class NotFound(KGError):
    status, code = 404, "not_found"


class MethodNotAllowed(KGError):
    status, code = 405, "method_not_allowed"


class NotAcceptable(KGError):
    status, code = 406, "not_acceptable"


class PayloadTooLarge(KGError):
    status, code = 413, "payload_too_large"


class UnsupportedMediaType(KGError):
    status, code = 415, "unsupported_media_type"


class ValidationFailed(KGError):
    """Data that parsed but does not conform to the shapes; ``errors`` lists the violations."""
    status, code = 422, "validation_failed"


class RateLimited(KGError):
    status, code = 429, "rate_limited"


# -- server side -----------------------------------------------------------------------------

class QueryTimeout(KGError):
    status, code = 503, "query_timeout"
    public_message = "the query ran past the time limit and was stopped"


class BackendUnavailable(KGError):
    status, code = 503, "backend_unavailable"
    public_message = "the store is unavailable; try again later"


class ConfigError(KGError):
    """A setting has an invalid value (raised at start-up, shown as a CLI message)."""
    status, code = 500, "config_error"


class StoreError(KGError):
    status, code = 500, "store_error"
