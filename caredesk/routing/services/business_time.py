"""Business-time arithmetic: adding and measuring time that counts only while a desk is open.

Pure functions over a `BusinessCalendar` (no database), so the rules are tested as tables.
Opening hours are wall-clock times in the calendar's time zone; the time between them is real
elapsed time. So on a daylight-saving change day a 08:00-20:00 desk is open 12 real hours, and a
01:00-05:00 desk is open 3 hours on the spring-forward night and 5 on the fall-back night. A
window whose closing time is not after its opening time runs past midnight (22:00-06:00); the
day it opens on decides whether it opens at all. `00:00`-`00:00` is open around the clock.
"""

from __future__ import annotations

from collections.abc import Container, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays as holidays_lib

# A calendar with no opening for this long is misconfigured (every weekday closed, say).
MAX_SEARCH_DAYS = 3 * 366


class NeverOpenError(ValueError):
    """The calendar has no opening hours in the searched horizon."""


def _no_days() -> frozenset[date]:
    return frozenset()


@dataclass(frozen=True)
class BusinessCalendar:
    """When a desk is open: hours on open weekdays, minus closed dates, in one time zone."""

    tz: ZoneInfo
    opens_at: time = time(8, 0)
    closes_at: time = time(20, 0)
    weekdays: frozenset[int] = frozenset(range(5))  # Monday=0 … Sunday=6
    closed_dates: Container[date] = field(default_factory=_no_days)

    def is_open_day(self, day: date) -> bool:
        return day.weekday() in self.weekdays and day not in self.closed_dates

    def window(self, day: date) -> tuple[datetime, datetime]:
        """The opening window that starts on `day` (local wall clock), as UTC instants."""
        start = datetime.combine(day, self.opens_at, tzinfo=self.tz)
        end_day = day if self.closes_at > self.opens_at else day + timedelta(days=1)
        end = datetime.combine(end_day, self.closes_at, tzinfo=self.tz)
        return start.astimezone(UTC), end.astimezone(UTC)


class ClosedDates:
    """Public holidays of a country calendar (observed dates included) plus extra closures."""

    def __init__(self, holiday_calendar: str, extra: frozenset[date] = frozenset()) -> None:
        self._code = (holiday_calendar or "").strip().upper()
        self._extra = extra
        if self._code:
            holiday_dates(self._code, 2000)  # an unknown calendar fails here, not mid-sweep

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, date):
            return False
        return day in self._extra or (
            bool(self._code) and day in holiday_dates(self._code, day.year)
        )


@lru_cache(maxsize=1024)
def holiday_dates(code: str, year: int) -> frozenset[date]:
    """The public holidays in `year` for `US`, or for a subdivision spelt `US-CA`.

    The `holidays` package includes observed dates (July 4 2026 is a Saturday, so Friday
    July 3 2026 is "Independence Day (observed)"; New Year 2022 is observed on Friday
    December 31 2021, in 2021's list). Cached per year as an immutable set: cheap to share
    between threads and between the many cases of a sweep.
    """
    country, _, subdiv = code.partition("-")
    try:
        calendar = holidays_lib.country_holidays(
            country, subdiv=subdiv or None, years=year, observed=True
        )
    except NotImplementedError as exc:
        raise ValueError(f"unknown holiday calendar {code!r}") from exc
    return frozenset(calendar.keys())


def _windows_from(cal: BusinessCalendar, at: datetime) -> Iterator[tuple[datetime, datetime]]:
    """Open windows that end after `at`, in order (as UTC instants)."""
    # Start a day early: a window that opened yesterday evening may still be open.
    day = at.astimezone(cal.tz).date() - timedelta(days=1)
    for _ in range(MAX_SEARCH_DAYS):
        if cal.is_open_day(day):
            start, end = cal.window(day)
            if end > at and end > start:
                yield start, end
        day += timedelta(days=1)
    raise NeverOpenError("the business calendar has no opening hours in three years")


def _require_aware(value: datetime, name: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime")
    return value.astimezone(UTC)


def next_opening(cal: BusinessCalendar, at: datetime) -> datetime:
    """`at` itself when the desk is open then, else the start of its next opening (UTC)."""
    at = _require_aware(at, "at")
    start, _ = next(_windows_from(cal, at))
    return max(start, at)


def add_business_time(cal: BusinessCalendar, start: datetime, amount: timedelta) -> datetime:
    """The instant `amount` of open time after `start` (UTC).

    A clock started outside opening hours begins at the next opening. A due time that falls
    exactly on a closing time stays there rather than moving to the next morning.
    """
    start = _require_aware(start, "start")
    if amount < timedelta(0):
        raise ValueError("amount must not be negative")
    remaining = amount
    for window_start, window_end in _windows_from(cal, start):
        begin = max(window_start, start)
        available = window_end - begin
        if remaining <= available:
            return begin + remaining
        remaining -= available
    raise AssertionError("unreachable: _windows_from raises when it runs out")


def business_time_between(cal: BusinessCalendar, start: datetime, end: datetime) -> timedelta:
    """Open time between two instants; zero when `end` is not after `start`."""
    start = _require_aware(start, "start")
    end = _require_aware(end, "end")
    total = timedelta(0)
    if end <= start:
        return total
    for window_start, window_end in _windows_from(cal, start):
        if window_start >= end:
            break
        total += min(window_end, end) - max(window_start, start)
    return total


def around_the_clock(tz: ZoneInfo | None = None) -> BusinessCalendar:
    """A calendar that is always open: plain elapsed time."""
    return BusinessCalendar(
        tz=tz or ZoneInfo("UTC"), opens_at=time(0), closes_at=time(0), weekdays=frozenset(range(7))
    )
