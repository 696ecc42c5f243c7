"""`caredesk audit verify`: recompute the audit chain; exit non-zero at the first break."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from caredesk.audit.verification import verify_chain


class Command(BaseCommand):
    help = "Audit trail tools. `audit verify` checks the hash chain from the first event."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True, metavar="SUBCOMMAND")
        sub.add_parser("verify", help="Recompute the hash chain and report the first break.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "verify":
            self._verify()

    def _verify(self) -> None:
        result = verify_chain()
        if result.broken is not None:
            raise CommandError(
                f"{result.broken} ({result.verified} events verified before it)", returncode=2
            )
        self.stdout.write(f"audit chain OK: {result.verified} events verified")
