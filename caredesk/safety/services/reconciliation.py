"""Monthly reconciliation between the contact-center log and the safety database.

For one program and one calendar month (in the program's time zone) it proves: every interaction
received was screened; every finding was decided; every confirmed adverse event or special
situation reached a safety case that was forwarded to pharmacovigilance by its internal deadline
and acknowledged. Anything that falls short is listed by reference, so "nothing missing" is a
checkable statement rather than a count.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from caredesk.cases.models import Interaction
from caredesk.safety.models import PV_KINDS, Finding, FindingStatus, SafetyCase, ScreeningRecord
from caredesk.tenancy.models import Program


@dataclass(frozen=True)
class Missing:
    kind: (
        str  # unscreened, undecided_finding, no_safety_case, not_forwarded, late, not_acknowledged
    )
    reference: str
    detail: str


@dataclass
class Reconciliation:
    program: str
    month: str
    interactions: int = 0
    screened: int = 0
    findings: dict[str, int] = field(default_factory=dict)
    safety_cases: int = 0
    forwarded: int = 0
    forwarded_on_time: int = 0
    acknowledged: int = 0
    missing: list[Missing] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing and self.interactions == self.screened


def month_bounds(program: Program, year: int, month: int) -> tuple[datetime, datetime]:
    """The month's first and next month's first instant, in the program's time zone."""
    tz = ZoneInfo(program.time_zone)
    start = datetime(year, month, 1, tzinfo=tz)
    end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=tz)
    return start, end


def monthly_reconciliation(program: Program, year: int, month: int) -> Reconciliation:
    """Reconcile one program's month. Read-only; callers check access to the program."""
    start, end = month_bounds(program, year, month)
    report = Reconciliation(program=program.code, month=f"{year:04d}-{month:02d}")
    interactions = Interaction.objects.filter(
        program=program, received_at__gte=start, received_at__lt=end
    )
    _screening(report, interactions)
    _findings(report, program, start, end)
    _safety_cases(report, program, start, end)
    return report


def _ref(interaction: Any) -> str:
    return f"{interaction.case.reference}/interaction {interaction.pk}"


def _screening(report: Reconciliation, interactions: Any) -> None:
    report.interactions = interactions.count()
    screened = ScreeningRecord.objects.filter(interaction__in=interactions)
    report.screened = screened.count()
    for interaction in interactions.filter(screening__isnull=True).select_related("case"):
        report.missing.append(Missing("unscreened", _ref(interaction), "never screened"))


def _findings(report: Reconciliation, program: Program, start: datetime, end: datetime) -> None:
    findings = Finding.objects.filter(
        program=program, interaction__received_at__gte=start, interaction__received_at__lt=end
    ).select_related("interaction__case")
    counts = Counter(findings.values_list("status", flat=True))
    report.findings = {s: counts.get(s, 0) for s in FindingStatus.values}
    for finding in findings.filter(status=FindingStatus.FLAGGED):
        detail = f"{finding.kind}:{finding.code} not confirmed or dismissed"
        report.missing.append(Missing("undecided_finding", _ref(finding.interaction), detail))
    orphans = findings.filter(
        status=FindingStatus.CONFIRMED, kind__in=list(PV_KINDS), safety_case__isnull=True
    )
    for finding in orphans:
        detail = f"confirmed {finding.code} has no safety case"
        report.missing.append(Missing("no_safety_case", _ref(finding.interaction), detail))


def _safety_cases(report: Reconciliation, program: Program, start: datetime, end: datetime) -> None:
    cases = SafetyCase.objects.filter(
        program=program, first_received_at__gte=start, first_received_at__lt=end
    ).select_related("case")
    for sc in cases.order_by("pk"):
        report.safety_cases += 1
        ref = f"{sc.case.reference}/safety case {sc.pk}"
        if sc.forwarded_at is None:
            due = sc.forward_due.isoformat()
            report.missing.append(Missing("not_forwarded", ref, f"forward due {due}"))
            continue
        report.forwarded += 1
        if sc.forwarded_at <= sc.forward_due:
            report.forwarded_on_time += 1
        else:
            late = sc.forwarded_at - sc.forward_due
            report.missing.append(Missing("late", ref, f"forwarded {late} after its deadline"))
        if sc.acknowledged_at is None:
            report.missing.append(Missing("not_acknowledged", ref, "no PV acknowledgement"))
        else:
            report.acknowledged += 1


CSV_HEADER = ["section", "item", "value", "reference", "detail"]


def reconciliation_csv(report: Reconciliation) -> str:
    """The report as one CSV table: summary rows, then one row per missing item."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    summary: list[tuple[str, Any]] = [
        ("program", report.program),
        ("month", report.month),
        ("interactions", report.interactions),
        ("screened", report.screened),
        *[(f"findings_{status}", n) for status, n in report.findings.items()],
        ("safety_cases", report.safety_cases),
        ("forwarded", report.forwarded),
        ("forwarded_on_time", report.forwarded_on_time),
        ("acknowledged", report.acknowledged),
        ("missing", len(report.missing)),
        ("complete", "yes" if report.complete else "no"),
    ]
    for item, value in summary:
        writer.writerow(["summary", item, value, "", ""])
    for gap in report.missing:
        writer.writerow(["missing", gap.kind, "", gap.reference, gap.detail])
    return out.getvalue()
