"""Timeline entries in other shapes: TimelineJS3 JSON, vis-timeline items, CSV. Pure.

Dates keep their precision: a month-precision event is a month in TimelineJS (year and month
only) and a range in vis-timeline; day-precision and finer events are points.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from html import escape
from typing import Any

from ..merge.records import PRECISION_RANK

_DAY = PRECISION_RANK["day"]
_TIME_PRECISIONS = {"second", "minute", "hour", "part_of_day"}
_MONTH_PRECISIONS = {"month", "season", "quarter", "half_year"}
CSV_COLUMNS = ("iri", "kind", "label", "type", "earliest", "latest", "precision", "edtf",
               "time_basis", "modality", "confidence", "places", "place_qids", "participants",
               "fatalities", "injured", "conflicts", "source_count", "sources")


def _start_end(entry: dict[str, Any]) -> tuple[str | None, str | None]:
    t = entry["time"]
    return t["earliest"] or t["latest"], t["latest"] or t["earliest"]


def _parts(value: str, precision: str) -> dict[str, Any]:
    """A TimelineJS date object with as many parts as the precision supports."""
    if "T" in value:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        parts = {"year": moment.year, "month": moment.month, "day": moment.day}
        if precision in _TIME_PRECISIONS:
            parts.update(hour=moment.hour, minute=moment.minute)
    else:
        y, m, d = (int(x) for x in value[:10].split("-"))
        parts = {"year": y, "month": m, "day": d}
    if precision in _MONTH_PRECISIONS:
        parts.pop("day", None)
    elif precision in ("year", "decade", "century"):
        parts = {"year": parts["year"]}
    return parts


def _sources_html(entry: dict[str, Any]) -> str:
    items = []
    for s in entry["sources"]:
        title = escape(s["title"] or s["article_id"])
        link = f'<a href="{escape(s["url"])}">{title}</a>' if s["url"] else title
        quote = f"<q>{escape(s['sentence'])}</q> " if s["sentence"] else ""
        items.append(f"<li>{quote}— {link}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""


def timelinejs(entries: list[dict[str, Any]], title: str = "timeline-kg") -> dict[str, Any]:
    """A TimelineJS3 document; undated events are left out (TimelineJS needs a start)."""
    events = []
    for e in entries:
        start, end = _start_end(e)
        if start is None:
            continue
        precision = e["time"]["precision"]
        item: dict[str, Any] = {
            "unique_id": e["id"] or e["iri"],
            "start_date": _parts(start, precision),
            "text": {"headline": escape(e["label"]), "text": _sources_html(e)},
            "group": e["type_label"] or e["type"],
            "display_date": e["time"]["edtf"] or start[:10],
        }
        if end and end != start and (e["time"]["earliest"] and e["time"]["latest"]) and \
                PRECISION_RANK.get(precision, 99) <= _DAY:
            item["end_date"] = _parts(end, precision)
        events.append(item)
    return {"title": {"text": {"headline": escape(title), "text": ""}}, "events": events}


def vis_items(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """vis-timeline items: points for day precision and finer, ranges otherwise."""
    items = []
    for e in entries:
        start, end = _start_end(e)
        if start is None:
            continue
        precision = e["time"]["precision"]
        coarse = PRECISION_RANK.get(precision, 99) > _DAY
        ranged = (coarse or start[:10] != (end or start)[:10]) and e["time"]["earliest"] \
            and e["time"]["latest"]
        item = {"id": e["id"] or e["iri"], "content": escape(e["label"]),
                "start": start, "type": "range" if ranged else "point",
                "group": e["type"],
                "className": f"modality-{e['modality']} precision-{precision}"
                             + (" canonical" if e["canonical"] else ""),
                "title": escape(f"{e['time']['edtf'] or start} · {e['source_count']} "
                                f"source(s)")}
        if ranged:
            item["end"] = _end_exclusive(end)
        items.append(item)
    return items


def _end_exclusive(value: str) -> str:
    """vis-timeline ends are instants: a date's end is the start of the next day."""
    if "T" in value:
        return value
    from datetime import date, timedelta

    return (date.fromisoformat(value[:10]) + timedelta(days=1)).isoformat()


def csv_text(entries: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for e in entries:
        t = e["time"]
        w.writerow([
            e["iri"], e["kind"], e["label"], e["type"], t["earliest"] or "", t["latest"] or "",
            t["precision"], t["edtf"] or "", t["basis"], e["modality"],
            "" if e["confidence"] is None else e["confidence"],
            " | ".join(p["label"] or p["iri"] for p in e["places"]),
            " | ".join(p["wikidata"] or "" for p in e["places"]),
            " | ".join(f"{p['label'] or p['iri']} ({p['role']})" for p in e["participants"]),
            _figure(e, "fatalities"), _figure(e, "injured"), " ".join(e["conflicts"]),
            e["source_count"], " | ".join(s["url"] or s["article"] for s in e["sources"]),
        ])
    return out.getvalue()


def _figure(e: dict[str, Any], kind: str) -> str:
    if e[kind] is not None:
        return str(e[kind])
    return " | ".join(f"{f['count']} ({f['publisher'] or f['article']})"
                      for f in e[f"{kind}_by_source"])
