"""Parse a SPARQL 1.1 Protocol request into one operation, refusing malformed ones (4xx).

Pure: works on the method, the content type, the URL parameters and the body bytes, so the same
rules serve Flask and tests. See https://www.w3.org/TR/sparql11-protocol/ §2.1 and §2.2.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from ..errors import BadRequest, MethodNotAllowed, PayloadTooLarge, UnsupportedMediaType

FORM = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"


@dataclass
class Operation:
    """A query or an update, with the dataset the protocol specified."""

    kind: str  # "query" | "update" | "description" (GET without a query)
    text: str = ""
    default_graph_uris: list[str] = field(default_factory=list)
    named_graph_uris: list[str] = field(default_factory=list)
    using_graph_uris: list[str] = field(default_factory=list)
    using_named_graph_uris: list[str] = field(default_factory=list)

    @property
    def has_protocol_dataset(self) -> bool:
        return bool(self.default_graph_uris or self.named_graph_uris)


def parse_request(method: str, content_type: str | None, url_params: Sequence[tuple[str, str]],
                  body: bytes, *, max_length: int) -> Operation:
    """The operation a protocol request asks for; raises a 4xx error for a bad request."""
    method = method.upper()
    params = list(url_params)
    if method in ("GET", "HEAD"):
        if _values(params, "update"):
            raise MethodNotAllowed("SPARQL Update must use POST, not GET")
        return _operation(params, "query", None, max_length, allow_none=True)
    if method != "POST":
        raise MethodNotAllowed(f"the SPARQL endpoint accepts GET and POST, not {method}")
    media, charset = _media_type(content_type)
    if charset is not None and charset.replace("-", "").lower() != "utf8":
        raise UnsupportedMediaType(f"the request body must be UTF-8, not {charset}")
    if media == FORM:
        try:
            form = parse_qsl(_utf8(body, "form body"), keep_blank_values=True,
                             strict_parsing=False, max_num_fields=1000)
        except ValueError:
            raise BadRequest("malformed form body") from None
        if _values(form, "query") and _values(form, "update"):
            raise BadRequest("a request carries either 'query' or 'update', not both")
        kind = "update" if _values(form, "update") else "query"
        return _operation(params + form, kind, None, max_length)
    if media == QUERY_TYPE:
        return _operation(params, "query", _utf8(body, "query"), max_length)
    if media == UPDATE_TYPE:
        return _operation(params, "update", _utf8(body, "update"), max_length)
    if media is None:
        raise UnsupportedMediaType(
            f"a POST needs a Content-Type: {FORM}, {QUERY_TYPE} or {UPDATE_TYPE}")
    raise UnsupportedMediaType(
        f"unsupported Content-Type {media!r}; use {FORM}, {QUERY_TYPE} or {UPDATE_TYPE}")


def _operation(params: list[tuple[str, str]], kind: str, direct: str | None, max_length: int,
               allow_none: bool = False) -> Operation:
    texts = _values(params, kind)
    if direct is not None:
        if texts:
            raise BadRequest(f"the {kind} is in the body; do not also pass a '{kind}' "
                             "parameter")
        texts = [direct]
    if not texts:
        if allow_none:
            return Operation(kind="description")
        raise BadRequest(f"missing '{kind}' parameter")
    if len(texts) > 1:
        raise BadRequest(f"exactly one '{kind}' is allowed, {len(texts)} were given")
    text = texts[0]
    if len(text) > max_length:
        raise PayloadTooLarge(f"the {kind} is longer than KG_MAX_QUERY_LENGTH "
                              f"({max_length} characters)")
    if not text.strip():
        raise BadRequest(f"the {kind} is empty")
    op = Operation(kind=kind, text=text)
    if kind == "query":
        op.default_graph_uris = _values(params, "default-graph-uri")
        op.named_graph_uris = _values(params, "named-graph-uri")
        if _values(params, "using-graph-uri") or _values(params, "using-named-graph-uri"):
            raise BadRequest("using-graph-uri and using-named-graph-uri apply to updates")
    else:
        op.using_graph_uris = _values(params, "using-graph-uri")
        op.using_named_graph_uris = _values(params, "using-named-graph-uri")
        if _values(params, "default-graph-uri") or _values(params, "named-graph-uri"):
            raise BadRequest("default-graph-uri and named-graph-uri apply to queries; updates "
                             "use using-graph-uri and using-named-graph-uri")
    return op


def _values(params: list[tuple[str, str]], name: str) -> list[str]:
    return [v for k, v in params if k == name]


def _media_type(content_type: str | None) -> tuple[str | None, str | None]:
    if not content_type or not content_type.strip():
        return None, None
    parts = [p.strip() for p in content_type.split(";")]
    charset = None
    for p in parts[1:]:
        if p.lower().startswith("charset="):
            charset = p.split("=", 1)[1].strip().strip('"')
    return parts[0].lower(), charset


def _utf8(body: bytes, what: str) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest(f"the {what} is not valid UTF-8") from None
