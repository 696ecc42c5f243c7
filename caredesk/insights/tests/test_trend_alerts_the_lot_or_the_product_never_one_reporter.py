"""The trend engine on hand-built histories: what alerts, at which level, and what never does.

A quiet product (three lots, six events, about two reports a day, a fifth of them without a lot)
runs for 200 days; then something happens from day 150. These are the behaviours issue 7 asks
for, each with the smallest history that shows it.
"""

from __future__ import annotations

import datetime as dt
import random

from caredesk.insights.signals.trend import Alert, TrendEngine, detect
from caredesk.insights.signals.trend_weekday import WeekdayModel

START = dt.date(2024, 1, 1)
LOTS = ("L1", "L2", "L3")
EVENTS = ("E0", "E1", "E2", "E3", "E4", "E5")
Rows = dict[int, list[tuple[str, str, str, str]]]


def quiet_history(days: int = 200, seed: int = 7) -> Rows:
    """About 0.35 reports a day per event, lots by equal share, 20% without a lot."""
    rng, n = random.Random(seed), 0
    rows: Rows = {}
    for day in range(days):
        rows[day] = []
        for event in EVENTS:
            for _ in range(sum(rng.random() < 0.07 for _ in range(5))):
                n += 1
                lot = "" if rng.random() < 0.2 else rng.choice(LOTS)
                rows[day].append(("P", lot, event, f"r{n}"))
    return rows


def add(rows: Rows, day: int, lot: str, event: str, reporter: str) -> None:
    rows.setdefault(day, []).append(("P", lot, event, reporter))


def run(rows: Rows) -> list[Alert]:
    return detect((START + dt.timedelta(d), r) for d, r in sorted(rows.items()))


def test_a_cluster_in_one_lot_alerts_that_lot_within_a_week_and_not_the_product() -> None:
    rows = quiet_history()
    for day in range(150, 160):
        for k in range(2):
            add(rows, day, "L2", "E1", f"cluster-{day}-{k}")
    alerts = [a for a in run(rows) if a.event == "E1"]
    assert [(a.lot, a.method) for a in alerts] == [("L2", "lot-window")]
    assert START + dt.timedelta(150) <= alerts[0].first_alert_date <= START + dt.timedelta(157)
    # reports = distinct reporters of P/L2/E1 up to the alert day (history + cluster)
    upto = alerts[0].first_alert_date
    expected = {
        r
        for d, day_rows in rows.items()
        if START + dt.timedelta(d) <= upto
        for (_, lot, event, r) in day_rows
        if (lot, event) == ("L2", "E1")
    }
    assert alerts[0].reports == len(expected)


def test_a_product_wide_rise_alerts_the_product_with_an_empty_lot() -> None:
    rows = quiet_history()
    rng = random.Random(3)
    for day in range(150, 160):
        for k in range(3):
            add(rows, day, rng.choice(("", *LOTS)), "E4", f"wide-{day}-{k}")
    alerts = [a for a in run(rows) if a.event == "E4"]
    assert [(a.lot, a.method) for a in alerts] == [("", "window")]
    assert alerts[0].first_alert_date <= START + dt.timedelta(157)


def test_a_rise_in_reports_without_a_lot_alerts_the_product() -> None:
    rows = quiet_history()
    for day in range(150, 156):
        for k in range(3):
            add(rows, day, "", "E5", f"nolot-{day}-{k}")
    alerts = [a for a in run(rows) if a.event == "E5"]
    assert [(a.lot, a.method) for a in alerts] == [("", "window")]


def test_one_reporter_filing_twenty_reports_is_one_report_and_never_alerts() -> None:
    rows = quiet_history()
    for k in range(20):
        add(rows, 150 + k % 5, "L3", "E2", "the-same-caller")
    assert run(rows) == []


def test_four_distinct_reporters_are_needed_even_for_an_event_never_seen_before() -> None:
    """Three (the minimum until 2026-12-05) gave alerts on rare events by chance."""
    rows = quiet_history()
    add(rows, 150, "L1", "E9", "a")
    add(rows, 150, "L2", "E9", "b")
    add(rows, 150, "L2", "E9", "b")
    add(rows, 151, "L3", "E9", "c")
    assert run(rows) == []
    add(rows, 151, "", "E9", "d")
    assert [(a.lot, a.event, a.reports) for a in run(rows)] == [("", "E9", 4)]


def test_nothing_alerts_during_the_warm_up() -> None:
    rows = quiet_history()
    for day in range(30, 40):
        for k in range(3):
            add(rows, day, "L2", "E1", f"early-{day}-{k}")
    assert [a for a in run(rows) if a.first_alert_date < START + dt.timedelta(84)] == []


def test_a_new_lot_starts_from_the_products_per_lot_rate() -> None:
    rows = quiet_history()
    for day in range(150, 200, 2):  # a fourth lot joins and behaves like the others
        add(rows, day, "L4", EVENTS[day % 6], f"l4-{day}")
    assert run(rows) == []
    for day in range(170, 175):  # then one of its events jumps
        for k in range(3):
            add(rows, day, "L4", "E3", f"l4-e3-{day}-{k}")
    alerts = run(rows)
    assert [(a.lot, a.event, a.method) for a in alerts] == [("L4", "E3", "new-lot-cluster")]


def test_days_must_come_in_order() -> None:
    engine = TrendEngine()
    engine.add_day(START, [])
    try:
        engine.add_day(START, [])
    except ValueError as exc:
        assert "days must increase" in str(exc)
    else:
        raise AssertionError("a repeated day was accepted")


def test_weekend_factors_come_from_the_products_history() -> None:
    model = WeekdayModel(guard_days=28)
    first = START.toordinal()  # a Monday
    for d in range(first, first + 140):
        for _ in range(1 if dt.date.fromordinal(d).weekday() >= 5 else 4):
            model.add("P", d)
    factors = model.factors("P", first + 168)
    assert factors[5] < 0.5 < 1.0 < factors[0]
    assert abs(sum(factors) / 7 - 1.0) < 1e-9
