"""What a window should hold is read from history that describes the product as it is now.

- A lot's exposure share is never counted from days before the lot was first seen: averaged
  over days when it did not exist, a young lot's share was too small, and its ordinary reports
  looked like a cluster (most false alerts of new lots on the benchmark's null streams).
- The product's activity (its other events now against their baseline) leaves out events that
  have alerted: a past problem's excess in the baseline made every other event look quiet.
"""

from __future__ import annotations

import datetime as dt
import random

from caredesk.insights.signals.trend import TrendEngine

START = dt.date(2024, 1, 1)
Rows = dict[int, list[tuple[str, str, str, str]]]


def steady(days: int, events: tuple[str, ...], lots: tuple[str, ...], seed: int = 3) -> Rows:
    """About 0.5 reports a day per event, lots by equal share, none without a lot."""
    rng, n = random.Random(seed), 0
    rows: Rows = {}
    for day in range(days):
        rows[day] = []
        for event in events:
            for _ in range(sum(rng.random() < 0.1 for _ in range(5))):
                n += 1
                rows[day].append(("P", rng.choice(lots), event, f"r{n}"))
    return rows


def feed(rows: Rows) -> TrendEngine:
    engine = TrendEngine()
    for day, day_rows in sorted(rows.items()):
        engine.add_day(START + dt.timedelta(day), day_rows)
    return engine


def test_a_young_lots_share_counts_only_the_days_since_it_was_first_seen() -> None:
    """L2 takes half of every report from day 150; on day 165 its share is about a half, not
    the quarter a span reaching back before day 150 would give."""
    rows = steady(150, ("E0", "E1", "E2"), ("L1",))
    later = steady(16, ("E0", "E1", "E2"), ("L1", "L2"), seed=4)
    for day, day_rows in later.items():
        rows[150 + day] = [(p, lot, e, f"late-{r}") for p, lot, e, r in day_rows]
    engine = feed(rows)
    share = engine._share("P", "L2", "E0", (START + dt.timedelta(165)).toordinal(), 7)
    assert 0.35 < share.expect.mean < 0.65


def test_an_alerted_events_excess_does_not_lower_the_products_activity() -> None:
    """E1 triples for 60 days (and alerts); 120 days later that excess sits in the baseline of
    the activity, which must still read about 1 for E2."""
    events = ("E0", "E1", "E2", "E3")
    rows = steady(330, events, ("L1", "L2"))
    for day in range(100, 160):
        rows[day] += [("P", "L1", "E1", f"x-{day}-{k}") for k in range(3)]
    engine = feed(rows)
    assert any(key[2] == "E1" for key in engine.alerts)
    activity = engine._activity("P", "E2", (START + dt.timedelta(300)).toordinal())
    assert 0.8 < activity.mean < 1.25
