"""`bench.trend_probe` (decision 0012, second session) logs the engine's window tests by series
and window: behind every alert the engine raises there is a logged test under alpha on or
before the alert day, on the series that fired (the lot's own, or the product-wide one for a
`window` or `lot-share` alert), and every logged test names one of the windows."""

from __future__ import annotations

import datetime as dt

from bench.trend_probe import KEEP, probe
from bench.trend_streams import generate
from caredesk.insights.signals.trend import TrendParams, detect


def test_every_alert_has_a_logged_test_under_alpha_on_its_own_series() -> None:
    stream = generate(5, products=25, events_per_product=6, days=300, problems=10, bursts=5)
    grouped: dict[str, list[tuple[str, str, str, str]]] = {}
    for date, product, lot, event, reporter in stream.rows:
        grouped.setdefault(date, []).append((product, lot, event, reporter))
    days = [(dt.date.fromisoformat(d), rows) for d, rows in sorted(grouped.items())]
    alerts = detect(days)
    tests = probe(stream)
    params = TrendParams()
    assert alerts
    assert all(t.p < KEEP and t.window in params.windows for t in tests)
    for alert in alerts:
        lot = "" if alert.method in ("window", "lot-share") else alert.lot
        alpha = params.alpha_lot if lot else params.alpha_product
        own = [
            t
            for t in tests
            if (t.product, t.lot, t.event) == (alert.product, lot, alert.event)
            and t.p < alpha
            and t.day <= alert.first_alert_date.toordinal()
        ]
        assert own, alert
