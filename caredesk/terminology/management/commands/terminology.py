"""`caredesk terminology load-meddra DIR` and `caredesk terminology load-open`."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from caredesk.errors import InvalidInput
from caredesk.terminology.services.releases import load_meddra, load_open_list


class Command(BaseCommand):
    help = "Load event-coding terminologies: a licensed MedDRA release, or the open list"

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        meddra = sub.add_parser(
            "load-meddra",
            help="Load a MedDRA ASCII release folder",
            description="Load a MedDRA ASCII release (pt.asc, llt.asc; MedAscii/ accepted)",
        )
        meddra.add_argument("directory", metavar="DIR")
        meddra.add_argument("--version", dest="meddra_version", default="")
        meddra.add_argument("--language", default="")
        sub.add_parser("load-open", help="Load the bundled open term list")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["subcommand"] == "load-open":
                release = load_open_list()
            else:
                directory = Path(options["directory"])
                if not directory.is_dir():
                    raise CommandError(f"{directory} is not a folder")
                release = load_meddra(
                    directory, version=options["meddra_version"], language=options["language"]
                )
        except InvalidInput as exc:
            raise CommandError(exc.message) from exc
        count = release.terms.count()
        self.stdout.write(f"Loaded {release}: {count} terms")
