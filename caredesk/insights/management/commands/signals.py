"""`caredesk signals …` (disproportionality) and `caredesk signals trend …` (trend alerts).

Stable contracts in design.md. This file only parses and dispatches; each half lives in
`caredesk.insights.signals` with its own arguments.
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from caredesk.insights.signals import disproportionality_cli, trend_cli


class Command(BaseCommand):
    help = "Disproportionality scores (PRR, ROR, IC, EBGM) per product x event; "
    help += "`signals trend` for nascent-problem alerts per product x lot x event."
    # Both halves compute from files to files and touch neither the database, the URLs nor
    # the templates; Django's system checks of every app cost ~1.2 s CPU per run (12% of the
    # 1,000,000-report bench). `caredesk check` still runs them.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: ArgumentParser) -> None:
        disproportionality_cli.add_arguments(parser)
        actions = parser.add_subparsers(dest="action", required=False, metavar="trend")
        trend = actions.add_parser("trend", help="nascent-problem detection over EVENTS.csv")
        trend_cli.add_arguments(trend)

    def handle(self, *args: Any, **options: Any) -> None:
        if options.get("action") == "trend":
            trend_cli.run(options)
        else:
            disproportionality_cli.run(options)
