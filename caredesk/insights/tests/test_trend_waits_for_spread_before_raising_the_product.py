"""A rise in the lot that holds most of a product's exposure looks product-wide by its share
alone; the engine raises the product only once the other lots are high too (decision 0012)."""

from __future__ import annotations

import datetime as dt
import random

from caredesk.insights.signals.trend import Alert, detect

START = dt.date(2024, 1, 1)
EVENTS = ("E0", "E1", "E2", "E3", "E4", "E5")
Rows = dict[int, list[tuple[str, str, str, str]]]


def history(days: int = 200, seed: int = 11) -> Rows:
    """About 0.35 reports a day per event; lot L1 has 80% of the exposure, L2 and L3 10%."""
    rng, n = random.Random(seed), 0
    rows: Rows = {}
    for day in range(days):
        rows[day] = []
        for event in EVENTS:
            for _ in range(sum(rng.random() < 0.07 for _ in range(5))):
                n += 1
                lot = "" if rng.random() < 0.2 else rng.choices(("L1", "L2", "L3"), (8, 1, 1))[0]
                rows[day].append(("P", lot, event, f"r{n}"))
    return rows


def run(rows: Rows) -> list[Alert]:
    return detect((START + dt.timedelta(d), r) for d, r in sorted(rows.items()))


def test_a_rise_in_the_dominant_lot_is_not_raised_product_wide() -> None:
    """Two more reports a day in L1 (30% of them without a lot, as real reports go): without
    the rule the product was raised on day 164, before the lot's share was conclusive."""
    rows = history()
    rng = random.Random(5)
    for day in range(150, 180):
        for k in range(2):
            rows[day].append(("P", "" if rng.random() < 0.3 else "L1", "E2", f"lot-{day}-{k}"))
    alerts = [a for a in run(rows) if a.event == "E2"]
    assert [(a.lot, a.method) for a in alerts] == [("L1", "lot-share")]
    assert alerts[0].first_alert_date <= START + dt.timedelta(175)


def test_a_rise_spread_over_every_lot_is_still_raised_product_wide() -> None:
    rows = history()
    rng = random.Random(5)
    for day in range(150, 180):
        for k in range(2):
            lot = "" if rng.random() < 0.2 else rng.choices(("L1", "L2", "L3"), (8, 1, 1))[0]
            rows[day].append(("P", lot, "E2", f"wide-{day}-{k}"))
    alerts = [a for a in run(rows) if a.event == "E2"]
    assert [(a.lot, a.method) for a in alerts][:1] == [("", "window")]
    assert alerts[0].first_alert_date <= START + dt.timedelta(165)


def test_a_rise_whose_reports_name_one_lot_waits_until_a_second_lot_shows() -> None:
    """Twelve reports on one day, eleven without a lot and one naming L1: they may all be L1's
    (a lot problem whose first reports happened to lack the lot), so the product is not raised
    that day (it was, without the rule); it is once the next day's reports name other lots."""
    rows = history()
    for day in range(120, 152):  # a quiet E2 before the cluster, so only its reports count
        rows[day] = [r for r in rows[day] if r[2] != "E2"]
    rows[150] += [("P", "L1" if k < 1 else "", "E2", f"c-{k}") for k in range(12)]
    rows[151] += [("P", ("L2", "L3", "")[k % 3], "E2", f"d-{k}") for k in range(6)]
    alerts = [a for a in run(rows) if a.event == "E2"]
    assert [(a.lot, a.method) for a in alerts] == [("", "window")]
    assert alerts[0].first_alert_date == START + dt.timedelta(151)
