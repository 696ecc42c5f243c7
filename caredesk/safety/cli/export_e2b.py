"""`caredesk safety export-e2b CASE_ID` / `caredesk safety export-e2b --all --out DIR`.

CASE_ID is a safety case's number (its primary key, as in /safety/cases/<id>/), or the
reference of its customer-care case (CD-XXXXXXX) when that case has exactly one safety case.
One case: the E2B(R3) ICSR XML on stdout. `--all --out DIR`: one file per safety case,
`safety-case-<id>-<reference>.xml`, DIR created when absent. Every export is audited
(actor "system:cli"). Exit 0 on success, 1 for an unknown or ambiguous CASE_ID, 2 for
invalid arguments or an unwritable DIR. Problems FDA would reject are listed on stderr as
warnings; the XML is still written (it is a copy, not a submission).
"""

from __future__ import annotations

import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from caredesk.safety.e2b.validate import rejections, validate
from caredesk.safety.models import SafetyCase
from caredesk.safety.services.submissions import export_e2b

PROG = "caredesk safety export-e2b"


class Unknown(LookupError):
    """No safety case, or more than one, answers to the id."""


def add_arguments(parser: ArgumentParser) -> None:
    parser.add_argument(
        "case_id",
        nargs="?",
        metavar="CASE_ID",
        help="safety case id, or a case reference CD-XXXXXXX with one safety case",
    )
    parser.add_argument("--all", action="store_true", help="export every safety case")
    parser.add_argument("--out", metavar="DIR", help="directory for --all (created if absent)")


def find_safety_case(case_id: str) -> SafetyCase:
    """A system command has no user: it names its bypass of program scoping."""
    cases = SafetyCase.objects.system_scope().select_related("program", "case")
    text = case_id.strip()
    if text.isdigit():
        found = cases.filter(pk=int(text)).first()
        if found is None:
            raise Unknown(f"no safety case {text}")
        return found
    matches = list(cases.filter(case__reference=text.upper()).order_by("pk"))
    if not matches:
        raise Unknown(f"no safety case with id or case reference {text!r}")
    if len(matches) > 1:
        ids = ", ".join(str(m.pk) for m in matches)
        raise Unknown(f"case {text.upper()} has several safety cases ({ids}): give the id")
    return matches[0]


def warn(safety_case: SafetyCase, xml: bytes) -> None:
    for problem in rejections(validate(xml)):
        sys.stderr.write(f"{PROG}: warning: safety case {safety_case.pk}: {problem}\n")


def export_all(out: str) -> int:
    directory = Path(out)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        sys.stderr.write(f"{PROG}: cannot create {out}: {exc}\n")
        return 2
    count = 0
    for safety_case in SafetyCase.objects.system_scope().select_related("case").order_by("pk"):
        xml = export_e2b(safety_case)
        warn(safety_case, xml)
        name = f"safety-case-{safety_case.pk}-{safety_case.case.reference}.xml"
        try:
            (directory / name).write_bytes(xml)
        except OSError as exc:
            sys.stderr.write(f"{PROG}: cannot write {directory / name}: {exc}\n")
            return 2
        count += 1
    sys.stderr.write(f"{PROG}: wrote {count} file(s) to {directory}\n")
    return 0


def run(options: dict[str, Any]) -> int:
    case_id, every, out = options.get("case_id"), options.get("all"), options.get("out")
    if every:
        if case_id or not out:
            sys.stderr.write(f"{PROG}: use either CASE_ID or --all --out DIR\n")
            return 2
        return export_all(out)
    if not case_id:
        sys.stderr.write(f"{PROG}: give a CASE_ID, or --all --out DIR\n")
        return 2
    try:
        safety_case = find_safety_case(case_id)
    except Unknown as exc:
        sys.stderr.write(f"{PROG}: {exc}\n")
        return 1
    xml = export_e2b(safety_case)
    warn(safety_case, xml)
    sys.stdout.write(xml.decode("utf-8"))
    sys.stdout.flush()
    return 0
