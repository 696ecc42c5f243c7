"""`caredesk signals trend --in EVENTS.csv --out ALERTS.csv`: the command's trend half.

Reads every report, runs the incremental engine (`trend.TrendEngine`) day by day from the first
to the last received date, and writes one row per alerted product x lot x event with the first
day it alerted. `reports` in the output is the number of distinct reporters in the alerted series
(product x lot x event, or product x event for a product-wide alert) up to and including
first_alert_date. `method` names what fired: `window` (product-wide window test), `lot-window`
(a lot's window test), `new-lot-cluster` (the same for a lot first seen in the last 90 days),
`lot-share` (a product-wide excess concentrated in one lot). Nothing is written on bad input.
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import CommandError

from caredesk.insights.signals.trend import detect
from caredesk.insights.signals.trend_io import TrendInputError, load_events, save_alerts


def add_arguments(parser: ArgumentParser) -> None:
    parser.add_argument(
        "--in", dest="events_in", help="EVENTS.csv: date,product,lot,event,reporter_id"
    )
    parser.add_argument("--out", dest="alerts_out", help="ALERTS.csv, one row per alerted series")


def run(options: dict[str, Any]) -> None:
    """Validate the paths, read, detect, write atomically; bad input is a CommandError."""
    source, target = options.get("events_in"), options.get("alerts_out")
    if not source or not target:
        raise CommandError("signals trend: --in EVENTS.csv and --out ALERTS.csv are required")
    try:
        days = load_events(source)
    except TrendInputError as exc:
        raise CommandError(f"caredesk signals trend: {source}: {exc}") from exc
    alerts = detect(days)
    try:
        save_alerts(alerts, target)
    except OSError as exc:
        raise CommandError(f"caredesk signals trend: cannot write {target}: {exc}") from exc
