"""What a rule knows while normalising: the document creation time, the narrative reference
time, the tense of the sentence, the caller's event anchors; and what a rule produces."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo

from .lexicon import MONTHS
from .points import Point
from .tense import FUTURE, NEUTRAL, PAST, Sentences, named_day
from .textscan import prev_words


@dataclass
class Found:
    """A normalised expression before it becomes a :class:`kg.model.TimeSpec`.

    ``point`` is the calendar unit the value names (None for durations, sets, references and
    unresolved values). ``earliest``/``latest``/``edtf``/``precision`` override what the
    point would give. ``sets_reference`` says whether later narrative expressions ("the next
    day") may anchor on it.
    """

    type: str
    value: str
    rule: str
    mod: str | None = None
    point: Point | None = None
    resolved: bool = True
    earliest: date | datetime | None = None
    latest: date | datetime | None = None
    edtf: str | None = None
    precision: str | None = None
    sets_reference: bool = True
    bounded: bool = False  # earliest/latest were set explicitly (even if None)
    start_shift: int = 0  # trim the match: characters dropped at the start / end
    end_shift: int = 0


class Context:
    """Per-document state shared by the rules, in document order."""

    def __init__(self, text: str, dct: date | datetime | None,
                 anchors: Mapping[str, date] | None = None):
        self.text = text
        if isinstance(dct, datetime):
            self.dct_time: datetime | None = dct if dct.tzinfo else \
                dct.replace(tzinfo=timezone.utc)
            self.dct: date | None = dct.date()
        else:
            self.dct_time = None
            self.dct = dct
        self.tz: tzinfo = self.dct_time.tzinfo if self.dct_time else timezone.utc
        self.anchors = {_key(k): v for k, v in (anchors or {}).items()
                        if isinstance(v, date)}
        self.text_anchors: dict[str, date] = {}
        self._sentences: Sentences | None = None
        self.last: Point | None = None  # the last calendar point mentioned
        self.last_day: Point | None = None  # the last point at day (or finer) granularity
        self.last_pos = -1
        self.last_day_pos = -1
        self.points: list[tuple[int, Point]] = []
        self.years_seen: dict[tuple[int, int], int] = {}  # (month, day or 0) -> year

    # -- text ------------------------------------------------------------------------------

    @property
    def sentences(self) -> Sentences:
        if self._sentences is None:
            self._sentences = Sentences(self.text)
        return self._sentences

    def tense(self, start: int, end: int) -> str:
        return self.sentences.tense(start, end)

    def same_sentence(self, a: int, b: int) -> bool:
        return self.sentences.index(a) == self.sentences.index(b)

    def before(self, start: int, n: int = 40) -> str:
        return self.text[max(0, start - n):start]

    def after(self, end: int, n: int = 40) -> str:
        return self.text[end:end + n]

    # -- anchors ---------------------------------------------------------------------------

    def dct_point(self, gran: str) -> Point | None:
        return Point.of(gran, self.dct) if self.dct else None

    def anchor(self, key: str) -> date | None:
        k = _key(key)
        return self.anchors.get(k) or self.text_anchors.get(k)

    def remember(self, start: int, point: Point) -> None:
        """Record a mentioned point as the narrative reference time."""
        self.last, self.last_pos = point, start
        self.points.append((start, point))
        if point.gran in ("day", "pod", "hour", "minute", "second") and \
                not self._report_day_after_event_day(start):
            self.last_day, self.last_day_pos = point, start

    def _report_day_after_event_day(self, start: int) -> bool:
        """The day of a report after the day of what it reports, in one sentence ("... on
        Friday evening, police said on Saturday"): the story's day stays the event's (a clock
        time told next, "began at about 10 p.m.", is Friday's)."""
        return self.last_day_pos >= 0 and _REPORT_BEFORE.search(
            self.text, max(0, start - 30), start) is not None and \
            self.sentences.index(self.last_day_pos) == self.sentences.index(start)

    def reference(self, gran: str | None = None) -> Point | None:
        """The narrative reference: the last point mentioned (at ``gran`` or finer)."""
        if gran is None:
            return self.last
        if gran == "day":
            return self.last_day.at("day") if self.last_day else None
        order = ("millennium", "century", "decade", "year", "half", "quarter", "season",
                 "month", "week", "weekend", "day", "pod", "hour", "minute", "second")
        for _pos, p in reversed(self.points):
            if order.index(p.gran) >= order.index(gran):
                return p
        return None

    def last_of(self, grans: tuple[str, ...], within: int | None = None,
                start: int | None = None) -> Point | None:
        """The last point mentioned whose granularity is one of ``grans``."""
        for pos, p in reversed(self.points):
            if start is not None and within is not None and start - pos > within:
                return None
            if p.gran in grans:
                return p
        return None

    def reporting_period(self, start: int, window: int = 1500) -> Point | None:
        """The period a financial comparison ("a year earlier", "the year-ago quarter") is
        made against: the last quarter, half, month or season mentioned shortly before that
        is not itself in an earlier year than the DCT's reporting year."""
        floor_year = None
        if self.dct is not None:
            floor_year = self.dct.year - (1 if self.dct.month <= 4 else 0)
        for pos, p in reversed(self.points):
            if start - pos > window:
                return None
            if p.gran in ("quarter", "half", "month", "season") and (
                    floor_year is None or p.first.year >= floor_year):
                return p
        return None

    # -- tense-driven choices --------------------------------------------------------------

    def pick_year_for(self, month: int, day: int | None, start: int, end: int,
                      tense: str | None = None) -> int | None:
        """The year of a month (and day) given without one, from the DCT and the tense."""
        if (month, day or 0) in self.years_seen:
            return self.years_seen[(month, day or 0)]
        if self.dct is None:
            return None
        told = _YEAR_AFTER.match(self.text, end)
        if told is not None:  # "on Oct. 1 last year", "on March 3 next year"
            return self.dct.year + _YEAR_SHIFT[told.group(1).lower()]
        if self.points and _APPOSED.search(self.text, max(0, start - 8), start):
            pos, p = self.points[-1]
            if start - pos <= 40 and p.gran == "month" and p.first.month == month:
                return p.first.year  # "Four months later, on June 14" after February 2023
        tense = tense or self.tense(start, end)
        would = tense == FUTURE and \
            _WOULD_BEFORE.search(self.text, max(0, start - 50), start) is not None
        signal = _signal(self.text, start)
        if signal == "since":
            tense = PAST
        elif signal == "deadline":
            tense = NEUTRAL
        names_an_event = _NAMES_AN_EVENT.match(self.text, end) and not _AHEAD_OF_IT.search(
            self.text, max(0, start - 40), start)
        known = self._named_day(month, day) if names_an_event or signal == "since" else None
        if known is not None:
            return known  # "the October 7 attack", "since October 7" in a report on Gaza: the
            # day the caller's anchors name (2023), even a year on, when the last October 7
            # lies a few days back
        if names_an_event:
            # "since the October 7 attack", "weeks after the September 11 attacks": a day
            # that names what happened on it lies behind (the latest such day; not "a
            # planned March 25 attack", "preparing a March 20 assault")
            return max(y for y in (self.dct.year - 1, self.dct.year)
                       if (_safe(y, month, day or 1) or self.dct) <= self.dct)
        # The nearest occurrence wins; one in the past under a future tense is (almost)
        # excluded, one in the future under a past tense pays 200 days (600 when more than six
        # weeks ahead), one in the DCT's own year gets 30 days' credit (news drops the year
        # of dates in the current year).
        best = None
        for cand in (self.dct.year - 1, self.dct.year, self.dct.year + 1):
            d = _safe(cand, month, day or 15)
            if d is None:
                continue
            delta = (d - self.dct).days
            cost = abs(delta) - (30 if cand == self.dct.year else 0)
            if tense == PAST and delta > 0:
                # reported speech: "said it would vote on Feb. 10" is ahead, a few weeks at
                # most; further ahead, a past tense means last year ("attacked southern Israel
                # on 7 October", told in August)
                cost += 200 if delta <= 45 else 600
            elif would and -45 <= delta < 0:
                cost += 60  # "said he would step down on July 13": ahead of the telling,
                # which may lie a few days before the report (not months: "said the vote
                # would take place on November 5" in March is next November)
            elif would and delta < 0:
                cost += 400
            elif tense == FUTURE and delta < 0:
                cost += 400
            if best is None or cost < best[0]:
                best = (cost, cand)
        return best[1] if best else None

    def _named_day(self, month: int, day: int | None) -> int | None:
        """The year of a day an anchor names ("october 7" for a report on Gaza)."""
        if day is None or not self.anchors or self.dct is None:
            return None
        found = self.anchors.get(f"{_MONTH_NAMES[month - 1]} {day}")
        return found.year if found is not None and (found.month, found.day) == (month, day) \
            and found <= self.dct else None

    def note_year(self, month: int, day: int | None, year: int) -> None:
        """Remember the year a month (and day) was given, so later mentions agree."""
        self.years_seen.setdefault((month, day or 0), year)

    def weekday(self, iso_weekday: int, start: int, end: int, relation: str | None) -> Point | None:
        """The day a weekday name refers to, relative to the DCT."""
        if self.dct is None:
            return None
        dct, wd = self.dct, self.dct.isoweekday()
        back = (wd - iso_weekday) % 7  # days back to the latest such day (0 = the DCT)
        ahead = (iso_weekday - wd) % 7
        if relation in ("last", "past", "this past", "previous"):
            return Point("day", dct - timedelta(days=back or 7))
        if relation in ("next", "coming", "this coming", "following"):
            return Point("day", dct + timedelta(days=ahead or 7))
        if relation == "this":
            return Point("day", dct - timedelta(days=wd - 1) + timedelta(days=iso_weekday - 1))
        if named_day(self.text, start, end):
            # "declared Sunday a day of mourning": the day nearest the report, before or after
            return Point("day", dct + timedelta(days=ahead) if ahead < back else
                         dct - timedelta(days=back))
        if self.text[end:end + 2] in ("'s", "’s") and \
                _NAMES_AN_EVENT.match(self.text, end + 2) and \
                not _AHEAD_OF_IT.search(self.text, max(0, start - 40), start):
            # "Friday's attack comes as ...": a day that names what happened on it lies
            # behind (not "a planned Friday's attack")
            return Point("day", dct - timedelta(days=back))
        tense = self.tense(start, end)
        if tense != FUTURE and _for_the_day(self.text, start, end):
            # "a day of mourning was declared for Tuesday": the day set, nearest the report
            # (but "talks are scheduled for Monday": the coming one)
            return Point("day", dct + timedelta(days=ahead) if ahead < back else
                         dct - timedelta(days=back))
        signal = _signal(self.text, start)
        if signal == "deadline" and tense != PAST or \
                prev_words(self.text, start, 3, 40)[-3:] == ["as", "early", "as"] and \
                not self._past_in_clause(start):
            tense = FUTURE  # ("submitted the bill, and a vote could be held as early as
            # Friday": ahead; but "the strike began as early as Monday": past)
        elif signal == "since":
            tense = PAST
        if tense == FUTURE:
            return Point("day", dct + timedelta(days=ahead))
        return Point("day", dct - timedelta(days=back))

    def _past_in_clause(self, start: int) -> bool:
        """A past-tense marker stands between the last comma before ``start`` and it."""
        lo = max(self.sentences.bounds(start)[0], self.text.rfind(",", 0, start))
        return any(lo <= pos < start and tense == PAST
                   for pos, _, tense in self.sentences.markers(start))

    def relative_season(self, code: str, start: int, end: int, relation: str | None
                        ) -> Point | None:
        if self.dct is None:
            return None
        current = Point.of("season", self.dct)
        year = self.dct.year - 1 if code == "WI" and self.dct.month <= 2 else self.dct.year
        this_year = Point.season(year, code)
        if relation in ("last", "this past", "past", "previous"):
            p = this_year
            while p.first >= current.first:
                p = p.shift(-4, "season")
            return p
        if relation in ("next", "this coming", "coming"):
            p = this_year
            while p.first <= current.first:
                p = p.shift(4, "season")
            return p
        if relation == "this" or relation is None and (
                tense := self.tense(start, end)) == NEUTRAL:
            return this_year
        if relation is None and tense == PAST:
            p = this_year
            while p.first > current.first:
                p = p.shift(-4, "season")
            return p
        if relation is None and tense == FUTURE:
            p = this_year
            while p.first < current.first:
                p = p.shift(4, "season")
            return p
        return this_year


# Words introducing a deadline or a scheduled date: the nearest such date is meant,
# whatever the tense of the reporting verb ("said it must leave by Jan. 14").
_DEADLINE_WORDS = frozenset("""by until till through payable effective due record starting
beginning from before""".split())
_DEADLINE_PHRASES = frozenset({
    "extended to", "postponed to", "delayed to", "moved to", "adjourned to", "back to",
    "early as", "soon as", "late as", "later than", "deadline of"})
_SINCE_WORDS = frozenset({"since"})


def _for_the_day(text: str, start: int, end: int) -> bool:
    """ "for Tuesday": the day something is set for, whatever the tense of the setting (not
    "for Tuesday's attack", a day named by what happened on it)."""
    return prev_words(text, start, 1, 8) == ["for"] and text[end:end + 2] not in ("'s", "’s")


def _signal(text: str, start: int) -> str | None:
    """"since" or "deadline" when the words right before ``start`` say so."""
    words = prev_words(text, start, 3, 40)
    if not words:
        return None
    last = words[-1]
    if last in ("the", "early", "late", "mid") and len(words) > 1:
        words, last = words[:-1], words[-2]
    if last == "since":
        return "since"
    if last in _DEADLINE_WORDS or " ".join(words[-2:]) in _DEADLINE_PHRASES:
        return "deadline"
    return None


# Words before such a date that make the event still to come ("a planned March 25 attack",
# "is preparing a March 20 assault")
_AHEAD_OF_IT = re.compile(
    r"(?:\b(?:planned|possible|feared|expected|potential|imminent|threatened|looming|"
    r"anticipated|proposed|scheduled|upcoming)\s+|\b(?:preparing|prepare|prepares|plans|plan|"
    r"planning|threatens|threatening|will|would)\s+(?:an?|the)\s+)$", re.I)
# Nouns of violent or disastrous events a date before them names ("the September 11 attacks")
_NAMES_AN_EVENT = re.compile(
    r"\s+(?:terror(?:ist)?\s+)?(?:attacks?|bombings?|massacres?|killings?|shootings?|raids?|"
    r"blasts?|explosions?|earthquake|quake|coup|uprising|riots?|invasion|crash|disaster|"
    r"tragedy|atrocit(?:y|ies)|assault|incursion)\b", re.I)
# "last year", "this year", "next year" right after a date without a year ("of last year").
# "would" (the future of a past telling) in the clause before a date
_WOULD_BEFORE = re.compile(r"\bwould\b[^.;:!?\n]*$", re.I)
_YEAR_AFTER = re.compile(r",?\s+(?:of\s+)?(last|this|next)\s+year\b(?!['’])", re.I)
_YEAR_SHIFT = {"last": -1, "this": 0, "next": 1}
# a date set beside the expression before it: "Four months later, on June 14"
_APPOSED = re.compile(r",\s*(?:on\s+)?$")


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, min(day, 28) if month == 2 and day == 29 else day)
    except ValueError:
        return None


_MONTH_NAMES = tuple(sorted(MONTHS, key=MONTHS.__getitem__))  # ("january", ..., "december")


def _key(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").split())


__all__ = ["Context", "Found", "PAST", "FUTURE", "NEUTRAL"]


# a verb of saying right before a day ("police said on Saturday", "told reporters Sunday")
_REPORT_BEFORE = re.compile(r"\b(?:said|says|told\s+\w+|reported|announced|confirmed)\s+"
                            r"(?:late\s+|early\s+)?(?:on\s+)?\Z", re.I)
