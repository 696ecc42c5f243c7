"""`caredesk safety reconcile --program CODE --month YYYY-MM [--csv FILE]`: the monthly
reconciliation between the contact-center log and the safety database.

Prints the summary and every missing item; `--csv FILE` also writes the report as CSV (`-` =
stdout instead of the text). Exit 0 when nothing is missing, 1 when anything is (unscreened
contacts, undecided flags, late or unacknowledged hand-offs …), 2 on invalid arguments.
"""

from __future__ import annotations

import re
import sys
from argparse import ArgumentParser
from typing import Any, TextIO

from caredesk.safety.services.reconciliation import (
    Reconciliation,
    monthly_reconciliation,
    reconciliation_csv,
)
from caredesk.tenancy.models import Program

MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def add_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("--program", required=True, metavar="CODE", help="program code")
    parser.add_argument("--month", required=True, metavar="YYYY-MM", help="calendar month")
    parser.add_argument("--csv", dest="csv", metavar="FILE", help="also write CSV (- = stdout)")


def write_text(report: Reconciliation, out: TextIO) -> None:
    findings = ", ".join(f"{n} {status}" for status, n in report.findings.items())
    lines = [
        f"Safety reconciliation: program {report.program}, {report.month}",
        f"  interactions received   {report.interactions}",
        f"  screened                {report.screened}",
        f"  findings                {findings or 'none'}",
        f"  safety cases            {report.safety_cases}",
        f"  forwarded to PV         {report.forwarded} ({report.forwarded_on_time} on time)",
        f"  acknowledged by PV      {report.acknowledged}",
    ]
    if report.missing:
        lines.append(f"MISSING ({len(report.missing)}):")
        lines += [f"  {m.kind:<18} {m.reference}: {m.detail}" for m in report.missing]
    else:
        lines.append("Complete: nothing missing.")
    out.write("\n".join(lines) + "\n")


def run(options: dict[str, Any]) -> int:
    match = MONTH.match(options["month"] or "")
    if match is None:
        sys.stderr.write("caredesk safety reconcile: --month must be YYYY-MM\n")
        return 2
    # An operator's command over one named program: no user, so it names the bypass.
    program = Program.objects.system_scope().filter(code=options["program"]).first()
    if program is None:
        sys.stderr.write(f"caredesk safety reconcile: no program {options['program']!r}\n")
        return 2
    report = monthly_reconciliation(program, int(match.group(1)), int(match.group(2)))
    target = options.get("csv")
    if target == "-":
        sys.stdout.write(reconciliation_csv(report))
    else:
        write_text(report, sys.stdout)
        if target:
            try:
                with open(target, "w", encoding="utf-8", newline="") as handle:
                    handle.write(reconciliation_csv(report))
            except OSError as exc:
                sys.stderr.write(f"caredesk safety reconcile: cannot write {target}: {exc}\n")
                return 2
    return 0 if report.complete else 1
