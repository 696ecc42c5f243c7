"""`caredesk safety ack FILE...`: apply E2B(R3) acknowledgements (FDA's MCCI_IN200101UV01) to
our submissions, matched by message number, else batch number.

Prints one line per submission updated (acknowledged, or rejected with FDA's error texts).
Exit 0 when every file matched, 1 when a file is unreadable or matches no submission.
"""

from __future__ import annotations

import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from caredesk.errors import NotFound
from caredesk.safety.e2b.reader import E2BParseError
from caredesk.safety.services.submissions import apply_ack

PROG = "caredesk safety ack"


def add_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="ACK files")


def apply_one(path: Path) -> bool:
    try:
        updated = apply_ack(path.read_bytes())
    except (OSError, E2BParseError, NotFound) as exc:
        sys.stderr.write(f"{PROG}: {path}: {exc}\n")
        return False
    for submission in updated:
        errors = "; ".join(submission.ack_errors)
        line = f"{submission.message_number}: {submission.status}"
        sys.stdout.write(line + (f" ({errors})" if errors else "") + "\n")
    return True


def run(options: dict[str, Any]) -> int:
    ok = [apply_one(Path(name)) for name in options["files"]]
    return 0 if all(ok) else 1
