"""An alert dated D uses only the data up to D: cutting the input at any day D never changes the
alerts dated on or before D (a property over a generated stream with planted problems)."""

from __future__ import annotations

import datetime as dt
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from bench.trend_streams import generate
from caredesk.insights.signals.trend import Alert, detect

Days = list[tuple[dt.date, list[tuple[str, str, str, str]]]]


@cache
def _stream() -> tuple[Days, tuple[Alert, ...]]:
    stream = generate(5, products=25, events_per_product=6, days=300, problems=10, bursts=5)
    grouped: dict[str, list[tuple[str, str, str, str]]] = {}
    for date, product, lot, event, reporter in stream.rows:
        grouped.setdefault(date, []).append((product, lot, event, reporter))
    days = [(dt.date.fromisoformat(d), rows) for d, rows in sorted(grouped.items())]
    return days, tuple(detect(days))


def test_the_generated_stream_raises_alerts_at_all() -> None:
    _, alerts = _stream()
    assert len(alerts) >= 5


@settings(max_examples=12, deadline=None)
@given(cut=st.integers(min_value=80, max_value=299))
def test_cutting_the_input_at_day_d_keeps_every_alert_up_to_d(cut: int) -> None:
    days, alerts = _stream()
    last = dt.date(2024, 1, 1) + dt.timedelta(cut)
    truncated = detect([(day, rows) for day, rows in days if day <= last])
    assert truncated == [a for a in alerts if a.first_alert_date <= last]
