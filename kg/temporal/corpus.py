"""Tagging evaluation corpora: a document as a JSON object in, the TempEval-3 scorer's system
record out. Pure: the caller reads and writes the files."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ..errors import InvalidInput
from ..model import parse_temporal
from .tagger import tag_timexes


def parse_dct(value: Any, where: str = "dct") -> date | datetime | None:
    """A document creation time from JSON: ISO date or date-time, TimeML "19980108", or null."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"{where}: must be an ISO 8601 date string or null")
    text = value.strip()
    if len(text) == 8 and text.isdigit():
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    if len(text) > 10 and text[10] == "T" and text.count(":") == 1 and len(text) == 16:
        text += ":00"
    return parse_temporal(text, where)


def tag_document(doc: Any, where: str = "document") -> dict[str, Any]:
    """The scorer's system record for one corpus document (``text`` + ``dct``)."""
    if not isinstance(doc, dict):
        raise InvalidInput(f"{where}: must be a JSON object")
    text = doc.get("text")
    if not isinstance(text, str):
        raise InvalidInput(f"{where}.text: is required and must be a string")
    dct = parse_dct(doc.get("dct"), f"{where}.dct")
    specs = tag_timexes(text, dct)
    timexes = []
    for t in specs:
        item = {"start": t.start, "end": t.end, "text": t.text, "type": t.type,
                "value": t.value}
        if t.mod:
            item["mod"] = t.mod
        timexes.append(item)
    record: dict[str, Any] = {"doc_id": doc.get("doc_id"), "timexes": timexes}
    if doc.get("file"):
        record["file"] = doc["file"]
    return record
