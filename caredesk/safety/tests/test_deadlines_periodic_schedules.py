"""Periodic reports come from the rule table: US Rx quarterly for three years after approval then
yearly (314.80(c)(2)); US animal drugs every six months for two years then yearly (514.80(b)(4))."""

from __future__ import annotations

import datetime as dt

import pytest

from caredesk.safety.reportability.periodic import add_months, periodic_rule, periodic_schedule

D = dt.date.fromisoformat


def test_us_rx_quarterly_for_three_years_then_annual():
    rule = periodic_rule("US", "rx_drug")
    schedule = periodic_schedule(rule, D("2026-01-15"), until=D("2030-06-30"))
    quarterly, annual = schedule[:12], schedule[12:]
    assert (quarterly[0].period_start, quarterly[0].period_end) == (
        D("2026-01-15"),
        D("2026-04-14"),
    )
    assert quarterly[0].due == D("2026-05-14")  # 30 days after the close of the quarter
    assert quarterly[-1].period_end == D("2029-01-14")
    assert (annual[0].period_start, annual[0].period_end) == (D("2029-01-15"), D("2030-01-14"))
    assert annual[0].due == D("2030-03-16")  # 60 days after the anniversary date
    assert len(annual) == 2


def test_us_animal_drugs_every_six_months_for_two_years_then_annual():
    rule = periodic_rule("US", "animal_drug")
    schedule = periodic_schedule(rule, D("2026-03-31"), until=D("2028-12-31"))
    assert [p.period_end for p in schedule[:4]] == [
        D("2026-09-29"), D("2027-03-30"), D("2027-09-29"), D("2028-03-30"),
    ]  # fmt: skip
    assert schedule[0].due == D("2026-10-29")
    assert (schedule[4].period_start, schedule[4].period_end) == (D("2028-03-31"), D("2029-03-30"))
    assert schedule[4].due == D("2029-05-30")
    assert len(schedule) == 5


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ("2024-02-29", 12, "2025-02-28"),
        ("2024-02-29", 48, "2028-02-29"),
        ("2026-01-31", 1, "2026-02-28"),
        ("2026-11-30", 3, "2027-02-28"),
        ("2026-12-15", 1, "2027-01-15"),
    ],
)
def test_months_are_added_with_the_month_end_clamped(day, months, expected):
    assert add_months(D(day), months) == D(expected)


def test_no_schedule_where_the_table_has_none():
    with pytest.raises(LookupError):
        periodic_rule("EU", "supplement")
