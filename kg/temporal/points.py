"""Calendar points: a unit of time at a granularity, and the arithmetic on them.

A :class:`Point` is "the third quarter of 1989", "ISO week 20 of 2022", "the morning of
15 May 2022" or "14:30 on 15 May 2022". It knows its TimeML value, its inclusive bounds (also
under a TimeML ``mod`` such as START or END) and its EDTF rendering, and can be shifted by
whole units ("a year earlier" keeps a quarter a quarter).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone, tzinfo

# Granularities from coarse to fine.
GRANULARITIES = ("millennium", "century", "decade", "year", "half", "quarter", "season",
                 "month", "week", "weekend", "day", "pod", "hour", "minute", "second")
PRECISION_OF = {
    "millennium": "century", "century": "century", "decade": "decade", "year": "year",
    "half": "half_year", "quarter": "quarter", "season": "season", "month": "month",
    "week": "week", "weekend": "week", "day": "day", "pod": "part_of_day", "hour": "hour",
    "minute": "minute", "second": "second",
}
# Length of month-based units in months, of day-based ones in days.
MONTHS_IN = {"month": 1, "quarter": 3, "season": 3, "half": 6, "year": 12, "decade": 120,
             "century": 1200, "millennium": 12000}
DAYS_IN = {"day": 1, "week": 7, "weekend": 7, "fortnight": 14}
SECONDS_IN = {"second": 1, "minute": 60, "hour": 3600}
TIME_GRANS = ("pod", "hour", "minute", "second")
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
SEASON_OF_MONTH = {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA",
                   11: "FA", 12: "WI", 1: "WI", 2: "WI"}
EDTF_SEASON = {"SP": 21, "SU": 22, "FA": 23, "WI": 24}
# Parts of the day: (first hour, last hour inclusive, spills into next day).
POD_HOURS = {"MO": (6, 11), "AF": (12, 17), "EV": (18, 21), "NI": (20, 29), "MI": (11, 13),
             "DT": (6, 17)}
MIN_YEAR, MAX_YEAR = 1, 9998


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, the day clamped to the target month's length."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    year = min(max(year, MIN_YEAR), MAX_YEAR)
    return date(year, month + 1, min(d.day, days_in_month(year, month + 1)))


def days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def floor(d: date, gran: str) -> date:
    """The first day of the ``gran`` unit that contains ``d``."""
    y = d.year
    if gran == "millennium":
        return date(max(MIN_YEAR, y // 1000 * 1000), 1, 1)
    if gran == "century":
        return date(max(MIN_YEAR, y // 100 * 100), 1, 1)
    if gran == "decade":
        return date(max(MIN_YEAR, y // 10 * 10), 1, 1)
    if gran == "year":
        return date(y, 1, 1)
    if gran == "half":
        return date(y, 1 if d.month <= 6 else 7, 1)
    if gran == "quarter":
        return date(y, (d.month - 1) // 3 * 3 + 1, 1)
    if gran == "season":
        start = SEASON_START[SEASON_OF_MONTH[d.month]]
        return date(y - 1 if d.month < 3 else y, start, 1) if y > MIN_YEAR or d.month >= 3 \
            else date(y, 1, 1)
    if gran == "month":
        return date(y, d.month, 1)
    if gran == "week":
        return d - timedelta(days=d.isoweekday() - 1)
    if gran == "weekend":
        return d - timedelta(days=d.isoweekday() - 1) + timedelta(days=5)
    return d


@dataclass(frozen=True)
class Point:
    """A calendar unit: granularity, its first day, and for times the clock fields."""

    gran: str
    first: date
    pod: str | None = None
    hour: int = 0
    minute: int = 0
    second: int = 0
    tz: tzinfo | None = None

    # -- construction ----------------------------------------------------------------------

    @classmethod
    def of(cls, gran: str, d: date) -> Point:
        """The ``gran`` unit containing ``d``."""
        return cls(gran, floor(d, gran))

    @classmethod
    def season(cls, year: int, code: str) -> Point:
        return cls("season", date(year, SEASON_START[code], 1))

    @classmethod
    def quarter(cls, year: int, q: int) -> Point:
        return cls("quarter", date(year, 3 * q - 2, 1))

    @classmethod
    def half(cls, year: int, h: int) -> Point:
        return cls("half", date(year, 1 if h == 1 else 7, 1))

    @classmethod
    def week(cls, iso_year: int, iso_week: int) -> Point:
        return cls("week", date.fromisocalendar(iso_year, iso_week, 1))

    def at(self, gran: str) -> Point:
        """The same point at a coarser granularity (or the day of a time)."""
        if gran in TIME_GRANS:
            return self
        return Point.of(gran, self.first)

    def with_pod(self, pod: str) -> Point:
        return Point("pod", self.first, pod)

    @property
    def is_time(self) -> bool:
        return self.gran in TIME_GRANS

    @property
    def day(self) -> date:
        return self.first

    # -- arithmetic ------------------------------------------------------------------------

    def shift(self, n: int | float, unit: str | None = None) -> Point | None:
        """This point moved by ``n`` units (default its own); ``None`` when the move cannot
        be expressed at this granularity ("two weeks after March" is not a month)."""
        unit = unit or ("week" if self.gran == "weekend" else self.gran)
        if unit == "pod":
            unit = "day"
        if unit == "night":
            unit = "day"
        if n != int(n):
            if unit in MONTHS_IN and MONTHS_IN[unit] > 1:
                n, unit = n * MONTHS_IN[unit], "month"
            elif unit in DAYS_IN and DAYS_IN[unit] > 1:
                n, unit = n * DAYS_IN[unit], "day"
            elif unit == "day":
                n, unit = n * 24, "hour"
            if n != int(n):
                return None
        n = int(n)
        try:
            return self._shift(n, unit)
        except (ValueError, OverflowError):
            return None

    def _shift(self, n: int, unit: str) -> Point | None:
        g = self.gran
        if unit in SECONDS_IN:
            if not self.is_time or self.gran == "pod":
                seconds = n * SECONDS_IN[unit]
                if seconds % 86400 == 0:
                    return self._shift(seconds // 86400, "day")
                return None
            moved = self.datetime_start() + timedelta(seconds=n * SECONDS_IN[unit])
            moved = moved.replace(tzinfo=None) if self.tz is None else moved
            return Point(g, moved.date(), None, moved.hour, moved.minute, moved.second, self.tz)
        if unit in DAYS_IN:
            days = n * DAYS_IN[unit]
            if g in MONTHS_IN or g in ("millennium",):
                return None
            if g in ("week", "weekend") and days % 7:
                return None
            return replace(self, first=self.first + timedelta(days=days))
        if unit in MONTHS_IN:
            months = n * MONTHS_IN[unit]
            if g in MONTHS_IN:
                if months % MONTHS_IN[g]:
                    return None
                return replace(self, first=add_months(self.first, months))
            if g in ("week", "weekend"):
                if months % 12 == 0:
                    y, w, _ = self.first.isocalendar()
                    y += months // 12
                    w = min(w, date(y, 12, 28).isocalendar()[1])
                    start = date.fromisocalendar(y, w, 1)
                    return Point(g, start + timedelta(days=5) if g == "weekend" else start)
                return Point.of(g, add_months(self.first, months))
            return replace(self, first=add_months(self.first, months))
        return None

    def contains(self, other: Point) -> bool:
        return self.first <= other.first <= self.last()

    # -- bounds ----------------------------------------------------------------------------

    def last(self) -> date:
        """The last day of this point (inclusive)."""
        g, f = self.gran, self.first
        if g in MONTHS_IN:
            return add_months(date(f.year, f.month, 1), MONTHS_IN[g]) - timedelta(days=1) \
                if f.year + MONTHS_IN[g] // 12 <= MAX_YEAR else date(MAX_YEAR, 12, 31)
        if g == "week":
            return f + timedelta(days=6)
        if g == "weekend":
            return f + timedelta(days=1)
        if g == "pod" and self.pod == "NI":
            return f + timedelta(days=1)
        return f

    def datetime_start(self, default_tz: tzinfo = timezone.utc) -> datetime:
        tz = self.tz or default_tz
        if self.gran == "pod":
            return datetime.combine(self.first, time(POD_HOURS[self.pod][0]), tz)
        return datetime.combine(self.first, time(self.hour % 24, self.minute, self.second), tz) \
            + timedelta(days=self.hour // 24)

    def datetime_end(self, default_tz: tzinfo = timezone.utc) -> datetime:
        start = self.datetime_start(default_tz)
        if self.gran == "pod":
            first, last = POD_HOURS[self.pod]
            return start + timedelta(hours=last - first + 1) - timedelta(seconds=1)
        step = {"hour": 3600, "minute": 60, "second": 1}[self.gran]
        return start + timedelta(seconds=step - 1)

    def bounds(self, mod: str | None = None, default_tz: tzinfo = timezone.utc):
        """Inclusive (earliest, latest) of this point under a TimeML mod."""
        if self.is_time:
            lo, hi = self.datetime_start(default_tz), self.datetime_end(default_tz)
            if mod in ("APPROX",):
                pad = timedelta(hours=1) if self.gran != "pod" else timedelta(hours=2)
                return lo - pad, hi + pad
            return _open_ended(lo, hi, mod, timedelta(seconds=1))
        lo, hi = self.first, self.last()
        if mod in ("START", "MID", "END"):
            return part_bounds(self, mod)
        if mod in ("APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"):
            before, after = self.shift(-1), self.shift(1)
            return (before.first if before else lo), (after.last() if after else hi)
        return _open_ended(lo, hi, mod, timedelta(days=1))

    # -- rendering -------------------------------------------------------------------------

    def value(self) -> str:
        """The TimeML TIMEX3 value."""
        g, f = self.gran, self.first
        if g == "millennium":
            return f"{f.year // 1000}"
        if g == "century":
            return f"{f.year // 100:02d}"
        if g == "decade":
            return f"{f.year // 10:03d}"
        if g == "year":
            return f"{f.year:04d}"
        if g == "half":
            return f"{f.year:04d}-H{1 if f.month <= 6 else 2}"
        if g == "quarter":
            return f"{f.year:04d}-Q{(f.month - 1) // 3 + 1}"
        if g == "season":
            return f"{f.year:04d}-{SEASON_OF_MONTH[f.month]}"
        if g == "month":
            return f"{f.year:04d}-{f.month:02d}"
        if g in ("week", "weekend"):
            y, w, _ = f.isocalendar()
            return f"{y:04d}-W{w:02d}" + ("-WE" if g == "weekend" else "")
        if g == "day":
            return f.isoformat()
        if g == "pod":
            return f"{f.isoformat()}T{self.pod}"
        if g == "hour" and not self.minute:
            return f"{f.isoformat()}T{self.hour:02d}:00"
        if g == "second":
            return f"{f.isoformat()}T{self.hour:02d}:{self.minute:02d}:{self.second:02d}"
        return f"{f.isoformat()}T{self.hour:02d}:{self.minute:02d}"

    def edtf(self, mod: str | None = None) -> str | None:
        """An EDTF (ISO 8601-2) rendering, Level 0-2."""
        base = self._edtf_plain()
        if mod is None or base is None:
            return base
        if mod in ("START", "MID", "END"):
            lo, hi = part_bounds(self, mod)
            return _edtf_interval(self, lo, hi)
        if mod in ("APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"):
            return base + "~" if "/" not in base else base
        if mod == "BEFORE":
            return "../" + (self.first - timedelta(days=1)).isoformat()
        if mod == "ON_OR_BEFORE":
            return "../" + (base.split("/")[-1])
        if mod == "AFTER":
            return (self.last() + timedelta(days=1)).isoformat() + "/.."
        if mod == "ON_OR_AFTER":
            return base.split("/")[0] + "/.."
        return base

    def _edtf_plain(self) -> str | None:
        g, f = self.gran, self.first
        if g == "millennium":
            return f"{f.year // 1000}XXX"
        if g == "century":
            return f"{f.year // 100:02d}XX"
        if g == "decade":
            return f"{f.year // 10:03d}X"
        if g == "year":
            return f"{f.year:04d}"
        if g == "half":
            return f"{f.year:04d}-{40 if f.month <= 6 else 41}"
        if g == "quarter":
            return f"{f.year:04d}-{32 + (f.month - 1) // 3 + 1}"
        if g == "season":
            return f"{f.year:04d}-{EDTF_SEASON[SEASON_OF_MONTH[f.month]]}"
        if g == "month":
            return f"{f.year:04d}-{f.month:02d}"
        if g in ("week", "weekend"):
            return f"{f.isoformat()}/{self.last().isoformat()}"
        if g == "day":
            return f.isoformat()
        if g == "pod":
            return f.isoformat() if self.pod != "NI" else \
                f"{f.isoformat()}/{self.last().isoformat()}"
        start = self.datetime_start(self.tz or timezone.utc)
        text = start.strftime("%Y-%m-%dT%H:%M:%S")
        if self.tz is not None:
            offset = start.utcoffset() or timedelta(0)
            if offset == timedelta(0):
                text += "Z"
            else:
                sign = "+" if offset > timedelta(0) else "-"
                minutes = abs(int(offset.total_seconds())) // 60
                text += f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
        return text


def _open_ended(lo, hi, mod, step):
    if mod == "BEFORE":
        return None, lo - step
    if mod == "ON_OR_BEFORE":
        return None, hi
    if mod == "AFTER":
        return hi + step, None
    if mod == "ON_OR_AFTER":
        return lo, None
    return lo, hi


def part_bounds(p: Point, mod: str) -> tuple[date, date]:
    """Bounds of the early (START), middle (MID) or late (END) part of a point.

    Months split into days 1-10, 11-20, 21-end; years into Jan-Apr, May-Aug, Sep-Dec; decades
    into years 0-3, 4-6, 7-9; weeks into Mon-Tue, Wed-Thu, Fri-Sun; other units in thirds.
    """
    g, f, last = p.gran, p.first, p.last()
    index = ("START", "MID", "END").index(mod)
    if g == "month":
        days = ((1, 10), (11, 20), (21, last.day))[index]
        return date(f.year, f.month, days[0]), date(f.year, f.month, days[1])
    if g in ("year", "half", "quarter", "season"):
        months = MONTHS_IN[g]
        cuts = [0, round(months / 3), round(2 * months / 3), months]
        lo = add_months(f, cuts[index])
        return lo, add_months(f, cuts[index + 1]) - timedelta(days=1)
    if g in ("decade", "century", "millennium"):
        years = MONTHS_IN[g] // 12
        cuts = {10: (0, 4, 7, 10)}.get(years, (0, years // 3, 2 * years // 3, years))
        lo = date(f.year + cuts[index], 1, 1) if f.year + cuts[index] >= MIN_YEAR else f
        return lo, date(min(MAX_YEAR, f.year + cuts[index + 1] - 1), 12, 31)
    if g == "week":
        days = ((0, 1), (2, 3), (4, 6))[index]
        return f + timedelta(days=days[0]), f + timedelta(days=days[1])
    return f, last


def _edtf_interval(p: Point, lo: date, hi: date) -> str:
    if p.gran in ("decade", "century", "millennium"):
        return f"{lo.year:04d}/{hi.year:04d}"
    if p.gran in ("year", "half", "quarter", "season"):
        return f"{lo.year:04d}-{lo.month:02d}/{hi.year:04d}-{hi.month:02d}"
    if lo == hi:
        return lo.isoformat()
    return f"{lo.isoformat()}/{hi.isoformat()}"


def covering_point(lo: date, hi: date) -> Point:
    """The finest standard unit (day, week, month, quarter, year, decade, century) holding
    both days: the TimeML value of an interval that TimeML cannot express."""
    for gran in ("day", "week", "month", "quarter", "year", "decade", "century", "millennium"):
        p = Point.of(gran, lo)
        if p.last() >= hi:
            return p
    return Point.of("millennium", lo)
