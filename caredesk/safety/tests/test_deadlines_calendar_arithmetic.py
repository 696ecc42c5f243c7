"""Clock arithmetic: Day 0 is never counted; business days skip weekends and US federal public
holidays on their observed dates; calendar days are plain additions, leap days included."""

from __future__ import annotations

import datetime as dt

import pytest

from caredesk.safety.reportability.calendars import Calendar, calendar, due_date

D = dt.date.fromisoformat

BUSINESS_DAYS = [
    # day 0, N, due, why
    ("2026-07-02", 5, "2026-07-10", "Fri 3 Jul 2026 is Independence Day observed (4 Jul is a Sat)"),
    ("2026-07-03", 1, "2026-07-06", "Day 0 on the observed holiday is still Day 0"),
    ("2026-07-04", 1, "2026-07-06", "Day 0 on a Saturday holiday: counting starts Monday"),
    ("2026-07-04", 15, "2026-07-24", "three full weeks of counting after a weekend Day 0"),
    ("2026-01-18", 1, "2026-01-20", "Sunday Day 0 before Martin Luther King Jr. Day"),
    ("2021-12-30", 1, "2022-01-03", "31 Dec 2021 is New Year's Day 2022 observed"),
    ("2021-12-24", 5, "2022-01-03", "Christmas observed on Day 0, New Year observed on the 31st"),
    ("2027-12-23", 5, "2028-01-03", "Christmas 2027 and New Year 2028 both observed on Fridays"),
    ("2027-06-17", 1, "2027-06-21", "Juneteenth 2027 (a Saturday) observed on Friday 18 June"),
    ("2026-11-25", 3, "2026-12-01", "Thanksgiving Thursday skipped, then the weekend"),
    ("2028-02-28", 1, "2028-02-29", "the leap day is an ordinary business day"),
    ("2028-02-18", 15, "2028-03-13", "Washington's Birthday (21 Feb 2028) and the leap day"),
    ("2026-12-31", 1, "2027-01-04", "year end: 1 Jan holiday, then the weekend"),
]


@pytest.mark.parametrize(("day_zero", "n", "due", "why"), BUSINESS_DAYS)
def test_business_days_skip_weekends_and_observed_federal_holidays(day_zero, n, due, why):
    assert due_date(D(day_zero), n, "business_days") == D(due), why
    assert due_date(D(day_zero), n, "working_days") == D(due), why


CALENDAR_DAYS = [
    ("2026-12-20", 15, "2027-01-04", "year end"),
    ("2028-02-14", 15, "2028-02-29", "lands on the leap day"),
    ("2028-02-29", 15, "2028-03-15", "starts on the leap day"),
    ("2027-02-14", 15, "2027-03-01", "no leap day in 2027"),
    ("2026-07-04", 2, "2026-07-06", "holidays and weekends count as calendar days"),
    ("2027-12-01", 90, "2028-02-29", "90 days across a year end into a leap February"),
]


@pytest.mark.parametrize(("day_zero", "n", "due", "why"), CALENDAR_DAYS)
def test_calendar_days_are_day_zero_plus_n(day_zero, n, due, why):
    assert due_date(D(day_zero), n, "calendar_days") == D(due), why


def test_observed_dates_come_from_the_holidays_package():
    closures = calendar("US-federal").closures(2026)
    assert D("2026-07-03") in closures
    assert D("2026-07-04") in closures
    assert D("2021-12-31") in calendar("US-federal").closures(2021)
    assert not calendar().is_business_day(D("2021-12-31"))
    assert calendar().is_business_day(D("2028-02-29"))


def test_a_program_closure_is_skipped_like_a_holiday():
    closed = Calendar("US-federal", extra_closures=[D("2026-07-06")])
    assert closed.add_business_days(D("2026-07-02"), 1) == D("2026-07-07")
    assert calendar().add_business_days(D("2026-07-02"), 1) == D("2026-07-06")


def test_long_business_day_clocks_cross_years_with_the_next_years_holidays():
    # 260 business days from mid-2026 end in 2027, after every 2026/2027 federal holiday.
    due = calendar().add_business_days(D("2026-06-01"), 260)
    expected, day, counted = None, D("2026-06-01"), 0
    while counted < 260:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in calendar().closures(day.year):
            counted += 1
            expected = day
    assert due == expected


def test_unknown_units_and_calendars_are_refused():
    with pytest.raises(ValueError):
        due_date(D("2026-01-01"), 5, "fortnights")
    with pytest.raises(ValueError):
        Calendar("Atlantis")
