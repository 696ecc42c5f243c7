"""All date arithmetic of regulatory clocks: one module, so every clock counts the same way.

Rules every function here follows (regulations.md §1.5 and §2, "Date arithmetic"):
- Day 0 (the awareness date) is never counted; a clock of N days ends on the Nth counted day.
- Day 0 on a weekend or holiday is still Day 0: counting simply starts on the next day.
- Calendar days count every day. Business days and working days (the regulations use both
  words for the same thing) count weekdays that are not closures of the calendar.
- A calendar's closures are a country's public holidays *on their observed dates* (from the
  `holidays` package: 4 July 2026, a Saturday, is observed on Friday 3 July; 1 January 2022,
  a Saturday, on Friday 31 December 2021) plus a program's own closures.

Speed matters (the deadlines CLI must add < 20 µs per situation): closures are kept as a set of
date ordinals, filled a year at a time on first use, and results are memoised per
(calendar, day 0, N).
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from collections.abc import Iterable
from enum import StrEnum

import holidays


class ClockUnit(StrEnum):
    CALENDAR_DAYS = "calendar_days"
    BUSINESS_DAYS = "business_days"
    WORKING_DAYS = "working_days"
    # Internal hand-offs and partner agreements ("within 24 hours"): counted from the receipt
    # time when one is known (`due_datetime`), else as whole days after Day 0 (`due_date`).
    HOURS = "hours"


# Country and subdivision of each named calendar; the deadlines contract uses US federal
# public holidays for every business/working-day clock.
CALENDAR_COUNTRIES: dict[str, tuple[str, str | None]] = {
    "US-federal": ("US", None),
    "CA-federal": ("CA", None),
    "GB-EW": ("GB", "ENG"),
}
DEFAULT_CALENDAR = "US-federal"

_SATURDAY, _SUNDAY = 5, 6
_MEMO_LIMIT = 200_000


class Calendar:
    """A named holiday calendar: weekends, observed public holidays and extra closures."""

    def __init__(self, name: str, extra_closures: Iterable[dt.date] = ()) -> None:
        if name not in CALENDAR_COUNTRIES:
            raise ValueError(f"unknown calendar {name!r}; known: {sorted(CALENDAR_COUNTRIES)}")
        self.name = name
        self._country, self._subdiv = CALENDAR_COUNTRIES[name]
        self._closed: set[int] = {d.toordinal() for d in extra_closures}
        self._years: set[int] = set()
        self._memo: dict[tuple[int, int], int] = {}

    def _load_year(self, year: int) -> None:
        # Load the neighbours too: an observed date can fall in the previous year
        # (New Year's Day on a Saturday is observed on 31 December).
        wanted = [y for y in (year - 1, year, year + 1) if y not in self._years]
        if not wanted:
            return
        table = holidays.country_holidays(
            self._country, subdiv=self._subdiv, years=wanted, observed=True
        )
        self._closed.update(day.toordinal() for day in table)
        self._years.update(wanted)

    def is_business_day(self, day: dt.date) -> bool:
        """True when `day` is a weekday and not a closure of this calendar."""
        self._load_year(day.year)
        return day.weekday() < _SATURDAY and day.toordinal() not in self._closed

    def closures(self, year: int) -> list[dt.date]:
        """Closures (holidays on their observed dates, extra closures) falling in `year`."""
        self._load_year(year)
        first, last = dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()
        return [dt.date.fromordinal(o) for o in sorted(self._closed) if first <= o <= last]

    def add_business_days(self, day_zero: dt.date, n: int) -> dt.date:
        """The Nth weekday after `day_zero` that is not a closure (Day 0 itself never counts)."""
        start = day_zero.toordinal()
        key = (start, n)
        hit = self._memo.get(key)
        if hit is not None:
            return dt.date.fromordinal(hit)
        # A walk of N business days spans fewer than 2N + 20 calendar days: load every year
        # it can reach before walking (the load is a no-op once the years are known).
        last_year = dt.date.fromordinal(start + 2 * n + 20).year
        for year in range(day_zero.year, last_year + 1):
            self._load_year(year)
        ordinal, counted, closed = start, 0, self._closed
        while counted < n:
            ordinal += 1
            if (ordinal + 6) % 7 >= _SATURDAY or ordinal in closed:
                continue
            counted += 1
        if len(self._memo) > _MEMO_LIMIT:
            self._memo.clear()
        self._memo[key] = ordinal
        return dt.date.fromordinal(ordinal)


_CALENDARS: dict[str, Calendar] = {}
_WITH_CLOSURES: dict[tuple[str, frozenset[dt.date]], Calendar] = {}


def calendar(name: str = DEFAULT_CALENDAR) -> Calendar:
    """The shared instance of a named calendar (no program closures)."""
    found = _CALENDARS.get(name)
    if found is None:
        found = _CALENDARS[name] = Calendar(name)
    return found


def calendar_with_closures(name: str, closures: Iterable[dt.date] = ()) -> Calendar:
    """A named calendar plus a program's own closure days (shared per distinct closure set)."""
    days = frozenset(closures)
    if not days:
        return calendar(name)
    key = (name, days)
    found = _WITH_CLOSURES.get(key)
    if found is None:
        if len(_WITH_CLOSURES) > 1000:
            _WITH_CLOSURES.clear()
        found = _WITH_CLOSURES[key] = Calendar(name, extra_closures=days)
    return found


def calendar_label(name: str | None, unit: ClockUnit | str) -> str:
    """How a clock counts, in words, for the "why this date" explanation."""
    if unit == ClockUnit.CALENDAR_DAYS:
        return "calendar days: weekends and holidays count"
    if unit == ClockUnit.HOURS:
        return "hours from receipt, around the clock"
    country = CALENDAR_COUNTRIES.get(name or DEFAULT_CALENDAR, ("?", None))[0]
    return (
        f"{name or DEFAULT_CALENDAR} business days: weekends, {country} public holidays "
        "(observed dates) and the program's closure days are skipped"
    )


def hours_as_days(n: int) -> int:
    """Whole days a clock of `n` hours spans when only Day 0's date is known (rounded up)."""
    return -(-n // 24)


def due_date(
    day_zero: dt.date, n: int, unit: ClockUnit | str, cal: Calendar | None = None
) -> dt.date:
    """Due date of an N-unit clock started on `day_zero` (Day 0 not counted).

    Calendar days: day_zero + N. Business/working days: the Nth business day after day_zero
    in `cal` (US federal public holidays, observed dates, when not given).
    """
    if n < 0:
        raise ValueError("a clock length cannot be negative")
    if unit == ClockUnit.CALENDAR_DAYS:
        return day_zero + dt.timedelta(days=n)
    if unit in (ClockUnit.BUSINESS_DAYS, ClockUnit.WORKING_DAYS):
        return (cal or calendar()).add_business_days(day_zero, n)
    if unit == ClockUnit.HOURS:
        return day_zero + dt.timedelta(days=hours_as_days(n))
    raise ValueError(f"unknown clock unit {unit!r}")


def due_datetime(
    received_at: dt.datetime, n: int, unit: ClockUnit | str, cal: Calendar | None = None
) -> dt.datetime | None:
    """The exact due time of an hour clock started at `received_at`; None for day clocks
    (their due is a date: the end of the due day in the program's time zone)."""
    if unit == ClockUnit.HOURS:
        return received_at + dt.timedelta(hours=n)
    due_date(received_at.date(), n, unit, cal)  # validates the unit and length
    return None


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole months, clamped to the month's end (29 Feb + 12 months = 28 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = _calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))
