"""The temporal tagger: recognise, normalise in document order, render."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta

from ..errors import InvalidInput
from ..model import TimeSpec
from .context import Context, Found
from .recogniser import Candidate, matches_at, triggers
from .render import to_timespec
from .rules_anchored import text_anchor_keys

MAX_TEXT = 2_000_000  # characters; longer texts are refused rather than half-processed
_ANCHORED = ("anchored_part", "anchored_point", "anchored_offset")


def tag_timexes(text: str, dct: date | datetime | None, *,
                anchors: Mapping[str, date] | None = None) -> list[TimeSpec]:
    """Find and normalise the temporal expressions of an English text.

    ``dct`` is the document creation (publication) time: relative expressions ("yesterday",
    "last week", "on Sunday") are resolved against it; without it they stay unresolved
    (``resolved=False``, values such as ``XXXX-XX-XX``). Narrative expressions ("the
    following day", "two days later") are resolved against the last date mentioned before
    them. ``anchors`` maps event words to their start dates ({"war": date(2022, 2, 24)})
    for expressions such as "the early days of the war".
    """
    if not isinstance(text, str):
        raise InvalidInput("text must be a string")
    if dct is not None and not isinstance(dct, date):
        raise InvalidInput("dct must be a date, a datetime or None")
    if len(text) > MAX_TEXT:
        raise InvalidInput(f"text is longer than {MAX_TEXT} characters")
    if anchors is not None and not isinstance(anchors, Mapping):
        raise InvalidInput("anchors must map event words to dates")
    clean_anchors = {}
    for key, value in (anchors or {}).items():
        if not isinstance(key, str) or not isinstance(value, date):
            raise InvalidInput("anchors must map event words (strings) to dates")
        clean_anchors[key] = calendar_day(value)
    ctx = Context(text, dct, clean_anchors)
    accepted = _run(ctx)
    if ctx.text_anchors and any(f.rule in _ANCHORED and not f.resolved for _, _, _, f in
                                accepted):
        accepted = [(s, e, c, _rebuild(c, ctx) if f.rule in _ANCHORED and not f.resolved
                     else f) for s, e, c, f in accepted]
    return _nights_before_reports(text, [to_timespec(f, s, e, text, ctx)
                                         for s, e, _c, f in accepted])


_NIGHTS = frozenset({"overnight", "last night", "during the night", "through the night",
                     "in the night"})
_SAYING = re.compile(r"\b(?:said|says|told|reported|announced|added|stated|wrote)\b")


def _nights_before_reports(text: str, specs: list[TimeSpec]) -> list[TimeSpec]:
    """ "Russia launched 40 drones overnight, the air force said on Wednesday": the night that
    ends on the report's day, not a night after it (read from the publication date)."""
    out = list(specs)
    for i, night in enumerate(specs):
        if night.text is None or night.text.lower() not in _NIGHTS or not night.resolved or \
                night.earliest is None or night.latest is None or i + 1 >= len(specs):
            continue
        said = specs[i + 1]
        gap = text[night.end:said.start] if night.end is not None and \
            said.start is not None else ""
        if said.precision != "day" or not said.resolved or said.latest is None or \
                "," not in gap or len(gap) > 160 or any(ch in gap for ch in ".!?;\n") or \
                not _SAYING.search(gap, gap.rfind(",")):
            continue  # (the report closes the sentence: "..., officials said on Saturday")
        day, last = calendar_day(said.latest), calendar_day(night.latest)
        if last <= day:
            continue
        back = timedelta(days=(last - day).days)
        lo, hi = night.earliest - back, night.latest - back
        out[i] = dataclasses.replace(
            night, earliest=lo, latest=hi, edtf=f"{calendar_day(lo)}/{calendar_day(hi)}",
            value=calendar_day(lo).isoformat() + (night.value or "")[10:],
            rule=(night.rule or "") + ":before-report")
    return out


def calendar_day(value: date | datetime | None) -> date | None:
    """The day of a date or a date-time (None stays None)."""
    return value.date() if isinstance(value, datetime) else value


def _run(ctx: Context) -> list[tuple[int, int, Candidate, Found]]:
    """Leftmost-longest in document order: at each trigger word, the longest match whose rule
    accepts it wins, and nothing starting inside it is tried."""
    text = ctx.text
    low, found_triggers = triggers(text)
    out: list[tuple[int, int, Candidate, Found]] = []
    taken_end = -1
    for pos, key in found_triggers:
        if pos < taken_end:
            continue
        for c in matches_at(text, low, pos, key):
            found = c.rule.build(c.match, ctx)
            if found is None:
                continue
            start, end = c.start + found.start_shift, c.end - found.end_shift
            while end > start and text[end - 1] in " \t\n,;:":
                end -= 1
            if end <= start:
                continue
            taken_end = end
            if found.type == "DATE" and _NAME_AFTER.match(text, end) and \
                    any(ch.isdigit() for ch in text[start:end]) and \
                    not _DATE_PREPOSITION.search(text, max(0, start - 8), start):
                break  # a name: "May 13 Square", "the March 23 Movement" (not "On 4 June
                # Park Geun-hye's aide was arrested")
            out.append((start, end, c, found))
            if found.point is not None and found.sets_reference and found.resolved \
                    and found.type in ("DATE", "TIME") and not _in_since_clause(text, start) \
                    and not _in_caption(text, start) and \
                    not (found.rule == "unit_relative" and _in_flashback(text, start)):
                ctx.remember(start, found.point)
                if found.point.gran in ("day", "month") and found.rule not in _ANCHORED:
                    for anchor_key in text_anchor_keys(text, start):
                        ctx.text_anchors.setdefault(" ".join(anchor_key.lower().split()),
                                                    found.point.first)
            break
    return out


def _in_flashback(text: str, start: int) -> bool:
    """The expression lies in a clause of the past perfect ("Rajapaksa had been moved out of
    the residence the previous day"): a day counted back from the story's that moves its
    time no further ("That night" below is still the story's day)."""
    lo = max(text.rfind(m, 0, start) for m in (". ", "\n", "; "))
    return _PLUPERFECT.search(text, max(0, lo), start) is not None


_PLUPERFECT = re.compile(r"\bhad\s+(?:(?:not|never|already|also|just)\s+)?(?:been\s+)?"
                         r"[a-z]+(?:ed|en|wn|ne|ught|lt|pt)\b")
# what a date before it turns into a name ("Tahrir's May 13 Square", "the 6 April Youth
# Movement", "the 25 January Revolution")
_NAME_AFTER = re.compile(r"\s+(?:(?:Youth|Martyrs|Revolutionary|Popular)\s+)?(?:Square|Street|"
                         r"Avenue|Road|Movement|Bridge|Stadium|Boulevard|Revolution|Uprising|"
                         r"Brigade|Front|Alliance|Coalition|Hospital|University|Park|"
                         r"Declaration|Accords?)\b")
_DATE_PREPOSITION = re.compile(r"\b(?:on|by|since|until|from|before|after)\s+$", re.I)
_CLAUSE_START = re.compile(r"[.;:!?\n]|,\s")
_SINCE = re.compile(r"\b(?:since|ever since)\b", re.IGNORECASE)


def _in_since_clause(text: str, start: int) -> bool:
    """A date inside a "since ..." phrase ("hit hardest since the start of the invasion on
    February 24") is background: it starts a range, it does not move the narrative time that
    "the following day" refers to."""
    window = text[max(0, start - 120):start]
    cut = max((m.end() for m in _CLAUSE_START.finditer(window)), default=0)
    return _SINCE.search(window, cut) is not None


# the credit that closes a photo caption ("... on November 12, 2022. Photo: Reuters")
_CAPTION_CREDIT = re.compile(r"(?:\b(?:Photo(?:graph)?|Picture|Image)s?\s*:|/\s*(?:AFP|AP|"
                             r"Reuters|Getty Images|EPA)\b)[^\n]{0,80}$", re.IGNORECASE)


def _in_caption(text: str, start: int) -> bool:
    """A date in a photo caption tells when the picture was taken: it does not move the
    narrative time of the report ("Peskov said on the same day ..." after the caption)."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", start)
    line = text[lo:hi if hi >= 0 else len(text)]
    return len(line) < 400 and _CAPTION_CREDIT.search(line) is not None


def _rebuild(c: Candidate, ctx: Context) -> Found:
    found = c.rule.build(c.match, ctx)
    assert found is not None  # it was accepted once with less information
    return found
