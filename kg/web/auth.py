"""Write access: a bearer token compared in constant time. No token configured: no writes."""

from __future__ import annotations

import hmac

from flask import current_app, request

from ..errors import Forbidden, Unauthorized
from .cors import mark_write


def require_write_token() -> None:
    """Raise 401/403 unless the request carries the configured update token."""
    mark_write()
    token = current_app.extensions["kg"].settings.update_token
    if not token:
        raise Forbidden("writes over HTTP are disabled on this service (no KG_UPDATE_TOKEN "
                        "is configured)")
    header = request.headers.get("Authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise Unauthorized("this operation needs 'Authorization: Bearer <token>'",
                           headers={"WWW-Authenticate": 'Bearer realm="timeline-kg"'})
    if not hmac.compare_digest(given.strip().encode("utf-8"), token.encode("utf-8")):
        raise Forbidden("the bearer token is not valid for writes",
                        headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
