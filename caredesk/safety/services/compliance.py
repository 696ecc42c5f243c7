"""The compliance report: per regime (jurisdiction and report kind) and month of the due date,
the share of required reports submitted on time, and the late ones with their cause.

A report is on time when its effective submission (see `report_outcomes`) was sent, in the
program's time zone, on or before its due date. The share counts decided reports only: on
time / (on time + late + overdue); a report not yet due and not yet submitted is pending and
left out until it is decided.

The cause of a late or overdue report is derived from the case's own dates, stage by stage:
- `hand_off_late`: awareness → hand-off took longer than allowed (forwarded after
  `forward_due`, or never forwarded), eating into the regulatory clock;
- `rejected_resubmitted_late`: the first submission went on time but the receiver rejected it,
  and the accepted resubmission went after the due date (or has not gone yet);
- `submission_late`: the hand-off was on time; hand-off → submission took too long;
- `not_submitted`: past due and nothing accepted was sent.
A specialist's own recorded late reason (`ReportTracking.late_reason`) is shown beside it.

Fields it reads (what a data loader must fill for late reports to show their causes):
- `SafetyReportDue`: `safety_case`, `kind`, `due` (and `due_at` for an hour clock);
- `SafetyCase`: `jurisdiction`, `program` (its `time_zone`), `case.reference`, `forward_due`,
  `forwarded_at`;
- `Submission` of that safety case: `created_at` (pairing order), `sent_at`, `status`
  (`rejected` does not count as submitted), `resubmission_of` (the chain);
- optional `ReportTracking` (case, kind, due or `report`): `submission` to link a report to
  its first submission explicitly, `late_reason`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.errors import InvalidInput
from caredesk.safety.models import SafetyReportDue
from caredesk.safety.services.report_outcomes import Outcome, Status, local_date, outcomes_for
from caredesk.tenancy.models import Program

CAUSES = {
    "hand_off_late": "Awareness → hand-off to PV late",
    "rejected_resubmitted_late": "Rejected by the receiver, resubmitted late",
    "submission_late": "Hand-off → submission late",
    "not_submitted": "Not submitted",
}


@dataclass(frozen=True)
class LateReport:
    outcome: Outcome
    causes: tuple[str, ...]

    @property
    def cause(self) -> str:
        return self.causes[0] if self.causes else ""

    @property
    def cause_text(self) -> str:
        return "; ".join(CAUSES[c] for c in self.causes)


@dataclass
class ComplianceRow:
    jurisdiction: str
    kind: str
    month: str  # YYYY-MM of the due date
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    pending: int = 0
    late_reports: list[LateReport] = field(default_factory=list)

    @property
    def due(self) -> int:
        return self.on_time + self.late + self.overdue + self.pending

    @property
    def decided(self) -> int:
        return self.on_time + self.late + self.overdue

    @property
    def share_on_time(self) -> float | None:
        """On-time share of the decided reports, 0-1; None when none is decided yet."""
        return self.on_time / self.decided if self.decided else None


def month_key(value: date | str) -> str:
    if isinstance(value, date):
        return f"{value.year:04d}-{value.month:02d}"
    year, month = (int(part) for part in str(value).split("-")[:2])
    return f"{year:04d}-{month:02d}"


def late_causes(outcome: Outcome) -> tuple[str, ...]:
    """Why a late or overdue report was late (empty for any other), main cause first."""
    if outcome.status not in (Status.LATE, Status.OVERDUE):
        return ()
    report = outcome.report
    sc = report.safety_case
    causes: list[str] = []
    if sc.forwarded_at is None or sc.forwarded_at > sc.forward_due:
        causes.append("hand_off_late")
    first_sent = outcome.first_sent_at
    tz = sc.program.time_zone
    if outcome.rejected and first_sent and local_date(first_sent, tz) <= report.due:
        causes.append("rejected_resubmitted_late")
    elif outcome.status == Status.OVERDUE:
        causes.append("not_submitted")
    elif not causes:
        causes.append("submission_late")
    return tuple(causes)


# Only what the report reads (whole rows cost more to build than the report itself).
REPORT_FIELDS = (
    "id", "safety_case_id", "kind", "due", "due_at",
    "safety_case__id", "safety_case__jurisdiction", "safety_case__forward_due",
    "safety_case__forwarded_at", "safety_case__program_id", "safety_case__case_id",
    "safety_case__program__id", "safety_case__program__time_zone", "safety_case__program__code",
    "safety_case__program__name", "safety_case__case__id", "safety_case__case__reference",
)  # fmt: skip


def _reports(programs: Iterable[Program], months: list[str]) -> list[SafetyReportDue]:
    """Reports of `programs` due in `months` (the caller scoped `programs` to its user)."""
    program_ids = [p.pk for p in programs]
    if not program_ids or not months:
        return []
    firsts = [date.fromisoformat(f"{m}-01") for m in months]
    start = min(firsts)
    last = max(firsts)
    end = date(last.year + (last.month == 12), last.month % 12 + 1, 1)
    return list(
        SafetyReportDue.objects.filter(
            safety_case__program_id__in=program_ids, due__gte=start, due__lt=end
        )
        .select_related("safety_case__program", "safety_case__case")
        .only(*REPORT_FIELDS)
        .order_by("due", "kind", "pk")
    )


def compliance_rows(
    programs: Iterable[Program],
    months: Iterable[date | str],
    *,
    now: datetime | None = None,
) -> list[ComplianceRow]:
    """One row per regime and month that had a report due, sorted by month, jurisdiction, kind.

    `programs` must already be the ones the user may see (`Program.objects.visible_to`);
    `months` are `YYYY-MM` strings or dates (their month is used).
    """
    wanted = sorted({month_key(m) for m in months})
    reports = _reports(programs, wanted)
    outcomes = outcomes_for(reports, now or timezone.now())
    rows: dict[tuple[str, str, str], ComplianceRow] = {}
    for report in reports:
        month = month_key(report.due)
        if month not in wanted:
            continue
        jurisdiction = report.safety_case.jurisdiction
        key = (month, jurisdiction, report.kind)
        row = rows.setdefault(key, ComplianceRow(jurisdiction, report.kind, month))
        outcome = outcomes[report.pk]
        setattr(row, outcome.status, getattr(row, outcome.status) + 1)
        if outcome.status in (Status.LATE, Status.OVERDUE):
            row.late_reports.append(LateReport(outcome, late_causes(outcome)))
    return [rows[key] for key in sorted(rows)]


def _cell(value: Any) -> str:
    """A CSV cell a spreadsheet will not run as a formula (CSV injection)."""
    text = (
        "" if value is None else (value.isoformat() if hasattr(value, "isoformat") else str(value))
    )
    return "'" + text if text and text[0] in "=+-@\t\r" else text


SUMMARY_COLUMNS = [
    "month", "jurisdiction", "report_kind", "due", "on_time", "late", "overdue", "pending",
    "on_time_share",
]  # fmt: skip
LATE_COLUMNS = [
    "month", "jurisdiction", "report_kind", "program", "case_reference", "safety_case_id",
    "report_id", "due", "submitted_on", "days_late", "status", "cause", "cause_detail",
    "late_reason",
]  # fmt: skip


def _late_line(row: ComplianceRow, late: LateReport) -> list[Any]:
    o = late.outcome
    sc = o.report.safety_case
    return [
        row.month, row.jurisdiction, row.kind, sc.program.code, sc.case.reference, sc.pk,
        o.report.pk, o.report.due, o.submitted_on, o.days_late, o.status, late.cause,
        late.cause_text, o.late_reason,
    ]  # fmt: skip


def compliance_csv(rows: list[ComplianceRow], part: str = "summary") -> str:
    """The report as CSV: `summary` (one line per regime and month) or `late` (one per report)."""
    out = io.StringIO()
    writer = csv.writer(out)
    if part == "late":
        writer.writerow(LATE_COLUMNS)
        for row in rows:
            for late in row.late_reports:
                writer.writerow([_cell(v) for v in _late_line(row, late)])
        return out.getvalue()
    writer.writerow(SUMMARY_COLUMNS)
    for row in rows:
        share = "" if row.share_on_time is None else f"{row.share_on_time * 100:.1f}"
        values = [row.month, row.jurisdiction, row.kind, row.due, row.on_time, row.late]
        writer.writerow([_cell(v) for v in [*values, row.overdue, row.pending, share]])
    return out.getvalue()


def export_compliance_csv(
    programs: list[Program], months: list[str], part: str, *, acting_user: Any
) -> str:
    """The CSV, with one audit event per program exported (in the same transaction)."""
    with transaction.atomic():
        body = compliance_csv(compliance_rows(programs, months), part)
        for program in programs:
            record_event(
                AuditAction.EXPORT,
                acting_user=acting_user,
                model="safety.safetyreportdue",
                program_id=program.pk,
                changes={"format": "csv", "report": f"compliance-{part}", "months": months},
            )
    return body


def parse_months(texts: Iterable[str]) -> list[str]:
    """`YYYY-MM` strings → normalised month keys; anything else is invalid input."""
    out = []
    for text in texts:
        try:
            key = month_key(text)
            date.fromisoformat(f"{key}-01")
        except ValueError:
            raise InvalidInput(
                "Months must look like 2026-03", {"months": str(text)[:20]}
            ) from None
        out.append(key)
    if len(out) > 36:
        raise InvalidInput("At most 36 months at a time", {"months": "too many"})
    return sorted(set(out))


def recent_months(count: int, today: date | None = None) -> list[str]:
    """The last `count` months up to this one, oldest first (the report's default span)."""
    today = today or timezone.now().date()
    year, month = today.year, today.month
    out = []
    for _ in range(max(1, count)):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return sorted(out)
