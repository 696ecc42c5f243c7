"""`caredesk demo`: load the deterministic demo data set (see docs/demo-users.md)."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from caredesk.demo.loader import (
    DEFAULT_CASES,
    DEFAULT_PERSONS,
    DEFAULT_SEED,
    DemoAlreadyLoaded,
    DemoOptions,
    database_has_programs,
    default_as_of,
    demo_conflicts,
    load_demo,
)


def _as_of(raw: str) -> datetime:
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise CommandError(f"--as-of {raw!r} is not an ISO date or date-time") from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class Command(BaseCommand):
    help = (
        "Load the deterministic demo data set: 2 clients, 4 programs, users for every role, "
        "persons, cases and interactions. Refuses to load twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already holds programs (demo or real).",
        )
        parser.add_argument(
            "--persons", type=int, default=DEFAULT_PERSONS, help="default %(default)s"
        )
        parser.add_argument("--cases", type=int, default=DEFAULT_CASES, help="default %(default)s")
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="default %(default)s")
        parser.add_argument(
            "--as-of",
            type=_as_of,
            default=None,
            help="The demo's 'now' (ISO date-time, UTC); default: the start of this hour. "
            "The same seed and --as-of always give the same data.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and database_has_programs():
            loaded = "the demo data set is loaded" if demo_conflicts() else "it holds programs"
            self.stdout.write(f"Demo data not loaded: {loaded} already (--if-empty).")
            return
        demo = DemoOptions(
            seed=options["seed"],
            persons=options["persons"],
            cases=options["cases"],
            as_of=options["as_of"] or default_as_of(),
        )
        conflicts = demo_conflicts()
        if conflicts:
            raise CommandError(
                "The demo data set is already loaded (found " + ", ".join(conflicts[:4]) + "). "
                "Load it into an empty database, or pass --if-empty to skip."
            )
        started = time.perf_counter()

        def progress(message: str) -> None:
            self.stdout.write(f"[{time.perf_counter() - started:6.1f}s] {message}")

        self.stdout.write(
            f"Loading the demo data set: {demo.persons} persons, {demo.cases} cases, "
            f"seed {demo.seed}, as of {demo.as_of:%Y-%m-%d %H:%M} UTC"
        )
        try:
            counts = load_demo(demo, progress)
        except (DemoAlreadyLoaded, ValueError) as exc:
            raise CommandError(str(exc)) from None
        summary = ", ".join(f"{value} {name}" for name, value in sorted(counts.items()))
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded: {summary}"))
        self.stdout.write(f"Total load time: {time.perf_counter() - started:.1f}s")
