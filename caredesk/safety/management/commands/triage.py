"""`caredesk triage --in FILE.jsonl --out FILE.jsonl`: screen JSONL messages (stable contract).

`-` means stdin / stdout. Exit 0 when every line was valid, 2 when some line was invalid (each
reported on stderr with its line number; valid lines are still screened and written).
"""

from __future__ import annotations

import sys
from argparse import ArgumentParser
from contextlib import ExitStack
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from caredesk.safety.triage import triage_lines


class Command(BaseCommand):
    help = "Screen JSONL lines {id, text[, program]} for adverse events, special situations, "
    help += "product complaints, tampering and seriousness."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--in", dest="inp", default="-", help="input JSONL file, - = stdin")
        parser.add_argument("--out", dest="out", default="-", help="output JSONL, - = stdout")

    def handle(self, *args: Any, **options: Any) -> None:
        with ExitStack() as stack:
            try:
                src = (
                    sys.stdin.buffer
                    if options["inp"] == "-"
                    else stack.enter_context(open(options["inp"], "rb"))
                )
                dst = (
                    sys.stdout
                    if options["out"] == "-"
                    else stack.enter_context(open(options["out"], "w", encoding="utf-8"))
                )
            except OSError as exc:
                raise CommandError(f"cannot open {exc.filename}: {exc.strerror}") from None
            report = triage_lines(src, dst, sys.stderr)
            dst.flush()
        if report.invalid:
            raise CommandError(
                f"{len(report.invalid)} invalid line(s); {report.screened} line(s) screened",
                returncode=2,
            )
