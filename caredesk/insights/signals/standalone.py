"""`caredesk signals --in … --out …` without starting Django: the fast path of the entry point.

The disproportionality half reads one file and writes another; it needs no settings, database,
app registry or URL configuration. Starting Django loads every installed app (about 1 s of the
10 s budget for 1,000,000 reports), so the `caredesk` entry point hands this one command line to
`run` first. Anything this parser does not recognise exactly (`signals trend`, `--settings`,
`--traceback`, `--help`, a typo) returns None and the line goes to Django as before; the
management command (`call_command("signals", …)`, `python -m django signals …`) is unchanged
and runs the same `disproportionality_cli.run`.

Exit codes and messages are Django's: a CommandError prints `CommandError: <message>` on stderr
and exits 1.
"""

from __future__ import annotations

import argparse
import sys

from django.core.management.base import CommandError


class _Refused(Exception):
    """The arguments are not a plain disproportionality run: let Django handle them."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _Refused(message)


def _parser() -> argparse.ArgumentParser:
    from caredesk.insights.signals import disproportionality_cli

    parser = _Parser(prog="caredesk signals", add_help=False, allow_abbrev=False)
    disproportionality_cli.add_arguments(parser)
    parser.add_argument("-v", "--verbosity", type=int, choices=[0, 1, 2, 3], default=1)
    return parser


def run(argv: list[str]) -> int | None:
    """Run `caredesk signals` for the arguments after `signals`; None when Django should."""
    try:
        options = vars(_parser().parse_args(argv))
    except _Refused:
        return None
    from caredesk.insights.signals import disproportionality_cli

    try:
        disproportionality_cli.run(options)
    except CommandError as exc:
        sys.stderr.write(f"CommandError: {exc}\n")
        return exc.returncode
    return 0
