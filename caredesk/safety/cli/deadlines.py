"""`caredesk safety deadlines --in FILE.jsonl --out FILE.jsonl`: reportability as a pure function.

The stable contract of ../shared/design.md: each input line is a situation, each output line
echoes its id with the expedited individual reports it requires and their due dates. `-` means
stdin / stdout. Exit 0 when every line was valid, 2 when some line was invalid (each reported on
stderr with its line number, without a traceback; valid lines are still evaluated and written).
"""

from __future__ import annotations

import sys
from argparse import ArgumentParser
from contextlib import ExitStack
from typing import Any

from caredesk.safety.reportability.batch import deadlines_lines


def add_arguments(parser: ArgumentParser) -> None:
    parser.add_argument(
        "--in", dest="inp", default="-", metavar="FILE", help="input JSONL file, - = stdin"
    )
    parser.add_argument(
        "--out", dest="out", default="-", metavar="FILE", help="output JSONL file, - = stdout"
    )


def run(options: dict[str, Any]) -> int:
    """Evaluate the input file; the exit code: 0 all valid, 1 unreadable file, 2 invalid lines."""
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
            sys.stderr.write(
                f"caredesk safety deadlines: cannot open {exc.filename}: {exc.strerror}\n"
            )
            return 1
        report = deadlines_lines(src, dst, sys.stderr)
        dst.flush()
    if report.invalid:
        sys.stderr.write(
            f"caredesk safety deadlines: {len(report.invalid)} invalid line(s); "
            f"{report.evaluated} line(s) evaluated\n"
        )
        return 2
    return 0
