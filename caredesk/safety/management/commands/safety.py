"""`caredesk safety <sub-command>`: the safety team's command-line tools.

Sub-commands live in `caredesk.safety.cli.<name>` so that each use case stays in its own module;
this file only dispatches.
"""

from __future__ import annotations

import importlib
import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

SUBCOMMANDS = {
    "deadlines": ("deadlines", "Reportability rules as a pure function over JSONL"),
    "export-e2b": ("export_e2b", "ICH E2B(R3) ICSR XML of one safety case or all of them"),
    "reconcile": ("reconcile", "Monthly reconciliation of contacts against safety records"),
    "import-e2b": ("import_e2b", "Import partner/licensee E2B(R3) ICSR files as safety cases"),
    "ack": ("ack", "Apply E2B(R3) acknowledgements to submissions"),
    "load-rules": ("load_rules", "Load the reportability rule file as a new rule version"),
}


def _load(name: str) -> Any:
    module_name, _ = SUBCOMMANDS[name]
    return importlib.import_module(f"caredesk.safety.cli.{module_name}")


class Command(BaseCommand):
    help = "Safety tools: " + ", ".join(SUBCOMMANDS)

    def add_arguments(self, parser: ArgumentParser) -> None:
        subparsers = parser.add_subparsers(dest="subcommand", required=True)
        for name, (module_name, summary) in SUBCOMMANDS.items():
            sub = subparsers.add_parser(name, help=summary, description=summary)
            try:
                _load(name).add_arguments(sub)
            except ModuleNotFoundError as exc:
                if exc.name != f"caredesk.safety.cli.{module_name}":
                    raise

    def handle(self, *args: Any, **options: Any) -> None:
        name = options["subcommand"]
        try:
            module = _load(name)
        except ModuleNotFoundError:
            raise CommandError(f"safety {name} is not available in this build") from None
        code = module.run(options)
        if code:
            sys.exit(code)
