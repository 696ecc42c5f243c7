"""`caredesk safety import-e2b --program CODE FILE...`: partner and licensee ICSR files
become safety cases of the program (see `caredesk.safety.services.e2b_import`).

Prints one line per ICSR (`imported` or `already imported`, the safety case id and the
report's C.1.1). Exit 0 when every file was read, 1 when any file could not be (the others are
still imported), 2 for an unknown program.
"""

from __future__ import annotations

import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from caredesk.safety.e2b.reader import E2BParseError
from caredesk.safety.services.e2b_import import import_icsr_file
from caredesk.tenancy.models import Program

PROG = "caredesk safety import-e2b"


def add_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("--program", required=True, metavar="CODE", help="program code")
    parser.add_argument("files", nargs="+", metavar="FILE", help="E2B(R3) ICSR XML files")


def import_one(program: Program, path: Path) -> bool:
    try:
        results = import_icsr_file(program, path.read_bytes(), filename=path.name)
    except (OSError, E2BParseError) as exc:
        sys.stderr.write(f"{PROG}: {path}: {exc}\n")
        return False
    for result in results:
        verb = "imported" if result.created else "already imported"
        sys.stdout.write(
            f"{verb}: {path.name} -> safety case {result.safety_case.pk} "
            f"({result.e2b_import.safety_report_id})\n"
        )
    return True


def run(options: dict[str, Any]) -> int:
    # An operator's command over one named program: no user, so it names the bypass.
    program = Program.objects.system_scope().filter(code=options["program"]).first()
    if program is None:
        sys.stderr.write(f"{PROG}: no program {options['program']!r}\n")
        return 2
    ok = [import_one(program, Path(name)) for name in options["files"]]
    return 0 if all(ok) else 1
