"""`caredesk signals --in REPORTS.csv --out RESULTS.csv`: the command's disproportionality half."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import CommandError


def add_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("--in", dest="reports_in", help="REPORTS.csv: report_id,product,event")
    parser.add_argument("--out", dest="results_out", help="RESULTS.csv, one row per pair")
    parser.add_argument("--theta", help="a1,b1,a2,b2,P: use these hyperparameters, no fit")
    parser.add_argument("--theta-out", dest="theta_out", help="write the fitted prior as JSON")


def run(options: dict[str, Any]) -> None:
    raise CommandError("caredesk signals: disproportionality is not built yet")
