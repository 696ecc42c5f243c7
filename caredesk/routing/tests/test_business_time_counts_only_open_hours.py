"""Business time runs only while a desk is open, in its own time zone, whatever the calendar does.

Unless a row says otherwise the desk is a US one in New York, open 08:00-20:00 Monday to Friday,
closed on US public holidays (observed dates) and on the closure days listed.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from caredesk.routing.services.business_time import (
    BusinessCalendar,
    ClosedDates,
    NeverOpenError,
    add_business_time,
    around_the_clock,
    business_time_between,
    next_opening,
)

NY = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")


def at(text: str, tz: ZoneInfo = NY) -> datetime:
    """A local wall-clock time; `fold=1` picks the second 01:30 of a fall-back night."""
    fold = 1 if text.endswith("+fold") else 0
    return datetime.fromisoformat(text.removesuffix("+fold")).replace(tzinfo=tz, fold=fold)


def us_desk(closures: tuple[str, ...] = ()) -> BusinessCalendar:
    closed = ClosedDates("US", frozenset(date.fromisoformat(d) for d in closures))
    return BusinessCalendar(tz=NY, closed_dates=closed)


NIGHT_DESK = BusinessCalendar(  # open 01:00-05:00 every day, so DST nights are open hours
    tz=NY, opens_at=time(1), closes_at=time(5), weekdays=frozenset(range(7))
)
OVERNIGHT_DESK = BusinessCalendar(  # opens 22:00 Monday to Friday, closes 06:00 the next day
    tz=NY, opens_at=time(22), closes_at=time(6), closed_dates=ClosedDates("US")
)
GERMAN_DESK = BusinessCalendar(tz=BERLIN, closed_dates=ClosedDates("DE"))

ADD_CASES = [
    # (why, calendar, start, minutes, expected due)
    ("inside hours", us_desk(), at("2026-06-02 10:00"), 60, at("2026-06-02 11:00")),
    ("due exactly at closing", us_desk(), at("2026-06-02 19:00"), 60, at("2026-06-02 20:00")),
    ("runs over closing", us_desk(), at("2026-06-02 19:30"), 60, at("2026-06-03 08:30")),
    ("start after closing", us_desk(), at("2026-06-02 21:00"), 60, at("2026-06-03 09:00")),
    ("start before opening", us_desk(), at("2026-06-02 06:00"), 30, at("2026-06-02 08:30")),
    ("zero minutes, closed", us_desk(), at("2026-06-06 10:00"), 0, at("2026-06-08 08:00")),
    ("over a weekend", us_desk(), at("2026-06-05 19:00"), 120, at("2026-06-08 09:00")),
    ("start on a Saturday", us_desk(), at("2026-06-06 10:00"), 60, at("2026-06-08 09:00")),
    ("three full days", us_desk(), at("2026-06-01 08:00"), 3 * 720, at("2026-06-03 20:00")),
    ("one minute more", us_desk(), at("2026-06-01 08:00"), 3 * 720 + 1, at("2026-06-04 08:01")),
    (
        "July 4 2026 is a Saturday: observed Friday July 3 is closed",
        us_desk(),
        at("2026-07-02 19:00"),
        120,
        at("2026-07-06 09:00"),
    ),
    ("Thanksgiving", us_desk(), at("2026-11-25 19:00"), 120, at("2026-11-27 09:00")),
    (
        "year end: New Year's Day 2027 is a Friday",
        us_desk(),
        at("2026-12-31 19:00"),
        120,
        at("2027-01-04 09:00"),
    ),
    (
        "year end: New Year 2022 fell on Saturday, observed Friday Dec 31 2021",
        us_desk(),
        at("2021-12-30 19:30"),
        60,
        at("2022-01-03 08:30"),
    ),
    (
        "a closure day",
        us_desk(("2026-06-03",)),
        at("2026-06-02 19:00"),
        120,
        at("2026-06-04 09:00"),
    ),
    (
        "closure next to a weekend",
        us_desk(("2026-06-08",)),
        at("2026-06-05 19:00"),
        120,
        at("2026-06-09 09:00"),
    ),
    (
        "weekend with the spring-forward change keeps 09:00 local",
        us_desk(),
        at("2026-03-06 19:00"),
        120,
        at("2026-03-09 09:00"),
    ),
    (
        "weekend with the fall-back change keeps 09:00 local",
        us_desk(),
        at("2026-10-30 19:00"),
        120,
        at("2026-11-02 09:00"),
    ),
    (
        "spring-forward night is 3 hours",
        NIGHT_DESK,
        at("2026-03-08 01:00"),
        180,
        at("2026-03-08 05:00"),
    ),
    (
        "spring forward, one more hour",
        NIGHT_DESK,
        at("2026-03-08 01:00"),
        240,
        at("2026-03-09 02:00"),
    ),
    (
        "fall-back night: 4 hours in",
        NIGHT_DESK,
        at("2026-11-01 01:00"),
        240,
        at("2026-11-01 04:00"),
    ),
    ("fall-back night is 5 hours", NIGHT_DESK, at("2026-11-01 01:00"), 300, at("2026-11-01 05:00")),
    (
        "fall back: start in the repeated hour",
        NIGHT_DESK,
        at("2026-11-01 01:30+fold"),
        60,
        at("2026-11-01 02:30"),
    ),
    (
        "overnight window past midnight",
        OVERNIGHT_DESK,
        at("2026-06-05 23:00"),
        420,
        at("2026-06-06 06:00"),
    ),
    (
        "overnight, over the weekend",
        OVERNIGHT_DESK,
        at("2026-06-05 23:00"),
        480,
        at("2026-06-08 23:00"),
    ),
    (
        "inside Friday's night on Saturday",
        OVERNIGHT_DESK,
        at("2026-06-06 03:00"),
        60,
        at("2026-06-06 04:00"),
    ),
    (
        "Berlin: Good Friday and Easter Monday",
        GERMAN_DESK,
        at("2026-04-02 19:00", BERLIN),
        120,
        at("2026-04-07 09:00", BERLIN),
    ),
    (
        "around the clock: a DST day is 23 real hours",
        around_the_clock(NY),
        at("2026-03-07 12:00"),
        24 * 60,
        at("2026-03-08 13:00"),
    ),
]


@pytest.mark.parametrize(
    ("calendar", "start", "minutes", "expected"),
    [case[1:] for case in ADD_CASES],
    ids=[case[0] for case in ADD_CASES],
)
def test_add_business_time(calendar, start, minutes, expected):
    due = add_business_time(calendar, start, timedelta(minutes=minutes))
    assert due == expected
    assert due.tzinfo == UTC


BETWEEN_CASES = [
    ("inside hours", us_desk(), at("2026-06-02 10:00"), at("2026-06-02 11:00"), 60),
    ("over a weekend", us_desk(), at("2026-06-05 19:00"), at("2026-06-08 09:00"), 120),
    ("all weekend", us_desk(), at("2026-06-06 00:00"), at("2026-06-08 00:00"), 0),
    ("observed holiday", us_desk(), at("2026-07-02 19:00"), at("2026-07-06 09:00"), 120),
    ("end before start", us_desk(), at("2026-06-02 11:00"), at("2026-06-02 10:00"), 0),
    ("spring-forward night", NIGHT_DESK, at("2026-03-08 00:00"), at("2026-03-08 06:00"), 180),
    ("fall-back night", NIGHT_DESK, at("2026-11-01 00:00"), at("2026-11-01 06:00"), 300),
    (
        "a closure day",
        us_desk(("2026-06-03",)),
        at("2026-06-02 00:00"),
        at("2026-06-05 00:00"),
        1440,
    ),
]


@pytest.mark.parametrize(
    ("calendar", "start", "end", "minutes"),
    [case[1:] for case in BETWEEN_CASES],
    ids=[case[0] for case in BETWEEN_CASES],
)
def test_business_time_between(calendar, start, end, minutes):
    assert business_time_between(calendar, start, end) == timedelta(minutes=minutes)


@pytest.mark.parametrize(("why", "calendar", "start", "minutes", "expected"), ADD_CASES)
def test_adding_then_measuring_gives_back_the_amount(why, calendar, start, minutes, expected):
    opening = next_opening(calendar, start)
    assert business_time_between(calendar, opening, expected) == timedelta(minutes=minutes)


def test_next_opening_is_now_when_open_else_the_next_morning():
    desk = us_desk()
    assert next_opening(desk, at("2026-06-02 10:00")) == at("2026-06-02 10:00")
    assert next_opening(desk, at("2026-07-02 20:00")) == at("2026-07-06 08:00")


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="aware"):
        add_business_time(us_desk(), datetime(2026, 6, 2, 10), timedelta(minutes=5))


def test_a_calendar_that_never_opens_says_so():
    never = BusinessCalendar(tz=NY, weekdays=frozenset())
    with pytest.raises(NeverOpenError):
        add_business_time(never, at("2026-06-02 10:00"), timedelta(minutes=5))


def test_no_holiday_calendar_means_only_closures_count():
    desk = BusinessCalendar(tz=NY, closed_dates=ClosedDates(""))
    assert add_business_time(desk, at("2026-07-02 19:00"), timedelta(hours=2)) == at(
        "2026-07-03 09:00"
    )


def test_subdivision_holidays_are_spelt_country_dash_region():
    california = BusinessCalendar(
        tz=ZoneInfo("America/Los_Angeles"), closed_dates=ClosedDates("US-CA")
    )
    la = ZoneInfo("America/Los_Angeles")
    # Cesar Chavez Day, Tuesday March 31 2026, is a California state holiday.
    assert add_business_time(california, at("2026-03-30 19:00", la), timedelta(hours=2)) == at(
        "2026-04-01 09:00", la
    )


def test_an_unknown_holiday_calendar_is_refused_up_front():
    with pytest.raises(ValueError, match="unknown holiday calendar"):
        ClosedDates("XX")
    with pytest.raises(ValueError, match="unknown holiday calendar"):
        ClosedDates("US-ZZ")
