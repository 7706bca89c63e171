"""Read articles from plain text, JSON, JSON Lines and HTML into the model.

Pure: bytes in, model objects out. HTML goes through trafilatura (main text and metadata;
``<meta>`` publication dates honoured, no guessing from the page's content, never a network
fetch). Bad input raises :class:`~kg.errors.InvalidInput` with a message for the user.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from .errors import InvalidInput
from .model import URL_RE, AnalysedArticle, Article, parse_temporal

FORMATS = ("text", "json", "jsonl", "html")
_SUFFIXES = {".txt": "text", ".text": "text", ".md": "text", ".json": "json",
             ".jsonl": "jsonl", ".ndjson": "jsonl", ".html": "html", ".htm": "html"}


def _loads(text: str):
    """``json.loads``; nesting too deep for the parser is malformed input, not a crash."""
    try:
        return json.loads(text)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", text, 0) from None


def format_for(name: str | None, media_type: str | None = None) -> str:
    """The input format from a file name or a media type (default: plain text)."""
    if media_type:
        mt = media_type.split(";")[0].strip().lower()
        if mt in ("application/json",):
            return "json"
        if mt in ("application/x-ndjson", "application/jsonl", "application/x-jsonlines"):
            return "jsonl"
        if mt in ("text/html", "application/xhtml+xml"):
            return "html"
        if mt in ("text/plain", ""):
            return "text"
        raise InvalidInput(f"unsupported article media type {mt!r}; use text/plain, "
                           "application/json, application/x-ndjson or text/html")
    if name:
        for suffix, fmt in _SUFFIXES.items():
            if name.lower().endswith(suffix):
                return fmt
    return "text"


def decode_text(data: bytes | str, what: str = "input") -> str:
    """UTF-8 text (a BOM is dropped); binary or non-UTF-8 input is refused."""
    if isinstance(data, str):
        text = data
    else:
        if b"\x00" in data[:8192]:
            raise InvalidInput(f"{what} looks binary (NUL bytes); send UTF-8 text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InvalidInput(f"{what} is not valid UTF-8 (byte {exc.start})") from None
    if "\x00" in text:
        raise InvalidInput(f"{what} contains NUL characters")
    return text


def read_documents(data: bytes | str, fmt: str, *, name: str | None = None,
                   defaults: dict[str, Any] | None = None) -> Iterator[AnalysedArticle]:
    """Every article in the input, as :class:`AnalysedArticle` (events empty unless the input
    is pre-annotated JSON). ``defaults`` fill metadata the input lacks (e.g. ``published``)."""
    defaults = {k: v for k, v in (defaults or {}).items() if v is not None}
    if fmt == "text":
        yield AnalysedArticle(article=read_plain_text(decode_text(data, name or "input"),
                                                      defaults))
    elif fmt == "json":
        try:
            obj = _loads(decode_text(data, name or "input"))
        except json.JSONDecodeError as exc:
            raise InvalidInput(f"malformed JSON at line {exc.lineno} column {exc.colno}: "
                               f"{exc.msg}") from None
        items = obj if isinstance(obj, list) else [obj]
        for i, item in enumerate(items):
            yield document_from_json(item, defaults, where=f"item {i}" if len(items) > 1
                                     else None)
    elif fmt == "jsonl":
        for lineno, line in enumerate(decode_text(data, name or "input").splitlines(), 1):
            if not line.strip():
                continue
            try:
                item = _loads(line)
            except json.JSONDecodeError as exc:
                raise InvalidInput(f"malformed JSON on line {lineno}: {exc.msg}") from None
            yield document_from_json(item, defaults, where=f"line {lineno}")
    elif fmt == "html":
        yield AnalysedArticle(article=read_html(data, defaults))
    else:
        raise InvalidInput(f"unknown input format {fmt!r}; use one of {', '.join(FORMATS)}")


def read_batch(data: bytes | str, fmt: str, *, name: str | None = None,
               defaults: dict[str, Any] | None = None
               ) -> Iterator[tuple[str, AnalysedArticle | InvalidInput]]:
    """Like :func:`read_documents`, but one bad item does not stop the others: yields
    ``(where, document or error)`` for every item of a JSON array or JSON Lines input."""
    label = name or "input"
    defaults = {k: v for k, v in (defaults or {}).items() if v is not None}
    if fmt == "jsonl":
        try:
            text = decode_text(data, label)
        except InvalidInput as exc:
            yield label, exc
            return
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            where = f"{label}:{lineno}"
            try:
                item = _loads(line)
            except json.JSONDecodeError as exc:
                yield where, InvalidInput(f"{where}: malformed JSON: {exc.msg}")
                continue
            try:
                yield where, document_from_json(item, defaults, where=where)
            except InvalidInput as exc:
                yield where, exc
        return
    if fmt == "json":
        try:
            obj = _loads(decode_text(data, label))
        except InvalidInput as exc:
            yield label, exc
            return
        except json.JSONDecodeError as exc:
            yield label, InvalidInput(f"{label}: malformed JSON at line {exc.lineno} column "
                                      f"{exc.colno}: {exc.msg}")
            return
        items = obj if isinstance(obj, list) else [obj]
        for i, item in enumerate(items):
            where = f"{label}[{i}]" if isinstance(obj, list) else label
            try:
                yield where, document_from_json(item, defaults, where=where)
            except InvalidInput as exc:
                yield where, exc
        return
    try:
        for doc in read_documents(data, fmt, name=name, defaults=defaults):
            yield label, doc
    except InvalidInput as exc:
        yield label, exc


def is_batch(data: bytes | str, fmt: str) -> bool:
    """Whether the input holds a batch (JSON Lines, or a JSON array)."""
    if fmt == "jsonl":
        return True
    head = data.lstrip()[:1]
    return fmt == "json" and head in (b"[", "[")


def document_from_json(item: Any, defaults: dict[str, Any], where: str | None = None
                       ) -> AnalysedArticle:
    if not isinstance(item, dict):
        raise InvalidInput(f"{where + ': ' if where else ''}an article must be a JSON object")
    try:
        if "article" in item:
            art = dict(item["article"]) if isinstance(item["article"], dict) else item["article"]
            if isinstance(art, dict):
                for k, v in _json_defaults(defaults).items():
                    art.setdefault(k, v)
            return AnalysedArticle.from_dict({**item, "article": art})
        merged = {**_json_defaults(defaults), **{k: v for k, v in item.items()
                                                if v is not None}}
        return AnalysedArticle(article=Article.from_dict(merged))
    except InvalidInput as exc:
        if where:
            exc.message = f"{where}: {exc.message}"
        raise


def _json_defaults(defaults: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in defaults.items():
        out[k] = v.isoformat() if isinstance(v, (date, datetime)) else v
    return out


def read_plain_text(text: str, defaults: dict[str, Any] | None = None) -> Article:
    """A ``.txt`` article: the first non-empty line is the headline; the whole text is kept
    (offsets refer to it)."""
    defaults = defaults or {}
    if not text.strip():
        raise InvalidInput("the article text is empty")
    first = next(line.strip() for line in text.splitlines() if line.strip())
    title = defaults.get("title") or (first if len(first) <= 300 else None)
    return Article(text=text, title=title, url=defaults.get("url"),
                   published=_temporal(defaults.get("published")),
                   publisher=defaults.get("publisher"), language=defaults.get("language"),
                   id=defaults.get("id") or "")


def read_html(data: bytes | str, defaults: dict[str, Any] | None = None) -> Article:
    """Main text and metadata of an HTML page with trafilatura (no network access)."""
    import trafilatura

    defaults = defaults or {}
    if isinstance(data, bytes) and b"\x00" in data[:8192]:
        raise InvalidInput("the HTML input looks binary")
    doc = trafilatura.bare_extraction(
        data, url=defaults.get("url"), with_metadata=True, include_comments=False,
        include_tables=False, favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True})
    if doc is None:
        raise InvalidInput("no article text could be found in the HTML")
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (meta.get("text") or "").strip()
    if not text:
        raise InvalidInput("no article text could be found in the HTML")
    title = defaults.get("title") or (meta.get("title") or "").strip() or None
    body = f"{title}\n\n{text}" if title and not text.startswith(title) else text
    published = defaults.get("published") or meta.get("date")
    url = defaults.get("url") or meta.get("url")
    if url and not URL_RE.match(url):
        url = None  # a malformed canonical link in the page is dropped, not fatal
    return Article(text=body, title=title, url=url,
                   published=_temporal(published),
                   publisher=defaults.get("publisher") or meta.get("sitename"),
                   language=defaults.get("language") or meta.get("language"),
                   id=defaults.get("id") or "")


def _temporal(value: Any) -> date | datetime | None:
    if value is None or isinstance(value, (date, datetime)):
        return value
    return parse_temporal(str(value), "published")
