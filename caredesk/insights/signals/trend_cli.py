"""`caredesk signals trend --in EVENTS.csv --out ALERTS.csv`: the command's trend half."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import CommandError


def add_arguments(parser: ArgumentParser) -> None:
    parser.add_argument(
        "--in", dest="events_in", help="EVENTS.csv: date,product,lot,event,reporter_id"
    )
    parser.add_argument("--out", dest="alerts_out", help="ALERTS.csv, one row per alerted series")


def run(options: dict[str, Any]) -> None:
    raise CommandError("caredesk signals trend: not built yet")
