"""What became of each required regulatory report: the submission that fulfils it, when it was
effectively submitted, and whether that was on time.

A report is fulfilled by a submission chain: the first `Submission` of the report and the
resubmissions that correct a rejected one (`resubmission_of`). The report counts as submitted
when the first submission of the chain that the receiver did not reject was sent; a rejected
submission was never received, so it does not stop the clock. It is on time when that date,
in the program's time zone, is on or before the due date.

Which chain fulfils which report: an explicit link (`ReportTracking.submission`, recorded by a
specialist or by the submission screens through `link_submission`) wins; otherwise the case's
unlinked first submissions are paired in the order they were created (primary key, which a
back-dated `created_at` does not reorder) with its unlinked reports in due-date order: right
for one report per case, and for several when they are prepared in due-date order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import diff, record_event, snapshot
from caredesk.errors import Forbidden, InvalidInput, NotFound
from caredesk.safety.models import SafetyReportDue
from caredesk.safety.models_oversight import ReportTracking
from caredesk.safety.models_submission import Submission, SubmissionStatus
from caredesk.tenancy.models import Role
from caredesk.tenancy.services import check_can_write, roles_of

Key = tuple[int, str, date]


class Status:
    ON_TIME = "on_time"
    LATE = "late"
    OVERDUE = "overdue"
    PENDING = "pending"


@dataclass(frozen=True)
class Outcome:
    """One report's fate at `today` (the program's local date)."""

    report: SafetyReportDue
    status: str
    submission: Submission | None
    first_sent_at: datetime | None
    submitted_at: datetime | None
    submitted_on: date | None
    rejected: bool
    tracking: ReportTracking | None

    @property
    def days_late(self) -> int | None:
        if self.submitted_on is None or self.status != Status.LATE:
            return None
        return (self.submitted_on - self.report.due).days

    @property
    def late_reason(self) -> str:
        return self.tracking.late_reason if self.tracking else ""


def key_of(report: SafetyReportDue) -> Key:
    return (report.safety_case_id, report.kind, report.due)


def local_date(moment: datetime, tz: str) -> date:
    return moment.astimezone(ZoneInfo(tz)).date()


def require_safety_specialist(user: Any, program_id: int) -> None:
    """Only a safety specialist of the program records facts about its reports."""
    check_can_write(user, program_id)
    if Role.SAFETY_SPECIALIST not in roles_of(user, program_id):
        raise Forbidden("Only a safety specialist of the program can do this")


def access_report(user: Any, report_id: int) -> SafetyReportDue:
    """A required report of one of the user's programs, or NotFound."""
    found = (
        SafetyReportDue.objects.visible_to(user)
        .select_related("safety_case__program", "safety_case__case")
        .filter(pk=report_id)
        .first()
    )
    if found is None:
        raise NotFound("Report not found")
    return found


def _chains(submissions: list[Submission]) -> dict[int, list[Submission]]:
    """Each first submission's chain, in order (the original, then its resubmissions)."""
    children: dict[int, list[Submission]] = defaultdict(list)
    for s in submissions:
        if s.resubmission_of_id is not None:
            children[s.resubmission_of_id].append(s)
    chains: dict[int, list[Submission]] = {}
    for s in submissions:
        if s.resubmission_of_id is not None:
            continue
        chain, todo = [], [s]
        while todo:
            current = todo.pop(0)
            chain.append(current)
            todo.extend(sorted(children.get(current.pk, []), key=lambda c: c.pk))
        chains[s.pk] = chain
    return chains


class Trackings:
    """The tracking rows of some cases, found by report (a report whose date moved keeps its
    row) or else by case, kind and due date (a report deleted and computed again)."""

    def __init__(self, rows: Iterable[ReportTracking]) -> None:
        self.rows = list(rows)
        self.by_report = {t.report_id: t for t in self.rows if t.report_id is not None}
        self.by_key = {(t.safety_case_id, t.kind, t.due): t for t in self.rows}

    def find(self, report: SafetyReportDue) -> ReportTracking | None:
        return self.by_report.get(report.pk) or self.by_key.get(key_of(report))


def _pair(
    reports: list[SafetyReportDue],
    originals: list[Submission],
    trackings: Trackings,
) -> dict[int, Submission]:
    """Report id → first submission of its chain (explicit links first, then in order)."""
    paired: dict[int, Submission] = {}
    by_id = {s.pk: s for s in originals}
    used: set[int] = set()
    for report in reports:
        tracking = trackings.find(report)
        if tracking and tracking.submission_id in by_id:
            paired[report.pk] = by_id[tracking.submission_id]
            used.add(tracking.submission_id)
    linked_elsewhere = {t.submission_id for t in trackings.rows if t.submission_id}
    free = [s for s in originals if s.pk not in used and s.pk not in linked_elsewhere]
    waiting = [r for r in sorted(reports, key=lambda r: (r.due, r.kind)) if r.pk not in paired]
    for report, submission in zip(waiting, free, strict=False):
        paired[report.pk] = submission
    return paired


def _outcome(
    report: SafetyReportDue,
    chain: list[Submission],
    tracking: ReportTracking | None,
    now: datetime,
) -> Outcome:
    """On time by the due date in the program's zone, or by `due_at` for an hour clock."""
    tz = report.safety_case.program.time_zone
    due_at = getattr(report, "due_at", None)
    sent = [s for s in chain if s.sent_at is not None]
    accepted = [s for s in sent if s.status != SubmissionStatus.REJECTED]
    submitted_at = accepted[0].sent_at if accepted else None
    submitted_on = local_date(submitted_at, tz) if submitted_at else None
    if submitted_at is not None and submitted_on is not None:
        in_time = submitted_at <= due_at if due_at else submitted_on <= report.due
        status = Status.ON_TIME if in_time else Status.LATE
    else:
        past = now > due_at if due_at else local_date(now, tz) > report.due
        status = Status.OVERDUE if past else Status.PENDING
    return Outcome(
        report=report,
        status=status,
        submission=chain[0] if chain else None,
        first_sent_at=sent[0].sent_at if sent else None,
        submitted_at=submitted_at,
        submitted_on=submitted_on,
        rejected=any(s.status == SubmissionStatus.REJECTED for s in chain),
        tracking=tracking,
    )


CHUNK = 500  # cases per query (SQLite caps the number of bound parameters)
SUBMISSION_FIELDS = (
    "id", "safety_case_id", "status", "sent_at", "created_at", "resubmission_of_id",
)  # fmt: skip


def outcomes_for(
    reports: Iterable[SafetyReportDue], now: datetime | None = None
) -> dict[int, Outcome]:
    """Report id → its outcome. `reports` come from a scoped query; their cases' other reports
    and submissions are read too (the pairing needs all of a case's reports)."""
    now = now or timezone.now()
    wanted_by_case: dict[int, list[SafetyReportDue]] = defaultdict(list)
    for r in reports:
        wanted_by_case[r.safety_case_id].append(r)
    case_ids = sorted(wanted_by_case)
    out: dict[int, Outcome] = {}
    for start in range(0, len(case_ids), CHUNK):
        chunk = case_ids[start : start + CHUNK]
        out.update(_outcomes_of_cases(chunk, wanted_by_case, now))
    return out


def _outcomes_of_cases(
    case_ids: list[int], wanted_by_case: dict[int, list[SafetyReportDue]], now: datetime
) -> dict[int, Outcome]:
    all_reports: dict[int, list[SafetyReportDue]] = defaultdict(list)
    siblings = SafetyReportDue.objects.filter(safety_case_id__in=case_ids)
    for r in siblings.only("id", "safety_case_id", "kind", "due"):
        all_reports[r.safety_case_id].append(r)
    submissions: dict[int, list[Submission]] = defaultdict(list)
    subs = Submission.objects.filter(safety_case_id__in=case_ids).only(*SUBMISSION_FIELDS)
    for s in subs.order_by("pk"):
        submissions[s.safety_case_id].append(s)
    trackings = Trackings(ReportTracking.objects.filter(safety_case_id__in=case_ids))
    out: dict[int, Outcome] = {}
    for case_id in case_ids:
        chains = _chains(submissions[case_id])
        originals = [chain[0] for chain in chains.values()]
        paired = _pair(all_reports[case_id], originals, trackings)
        for report in wanted_by_case[case_id]:
            first = paired.get(report.pk)
            chain = chains[first.pk] if first is not None else []
            out[report.pk] = _outcome(report, chain, trackings.find(report), now)
    return out


def report_late_reason(report: SafetyReportDue) -> str:
    """The late reason recorded on a report so far ("" when none)."""
    rows = ReportTracking.objects.filter(safety_case_id=report.safety_case_id)
    found = Trackings(rows).find(report)
    return found.late_reason if found else ""


def tracking_for(report: SafetyReportDue) -> ReportTracking:
    """The report's tracking row, created on first use (no audit: it holds no fact yet).

    When the report's date moved (a case fact changed and the rules recomputed it in place),
    the row follows it and may be escalated again for the new date; its late reason and
    submission link stay.
    """
    found = ReportTracking.objects.filter(report=report).first()
    if found is not None and (found.kind, found.due) != (report.kind, report.due):
        taken = ReportTracking.objects.filter(
            safety_case_id=report.safety_case_id, kind=report.kind, due=report.due
        ).exists()
        if not taken:
            found.kind, found.due = report.kind, report.due
            found.escalated_at, found.escalated_to = None, []
            found.save(update_fields=["kind", "due", "escalated_at", "escalated_to"])
            return found
    elif found is not None:
        return found
    tracking, _ = ReportTracking.objects.get_or_create(
        safety_case_id=report.safety_case_id,
        kind=report.kind,
        due=report.due,
        defaults={"report": report},
    )
    if tracking.report_id != report.pk:
        tracking.report = report
        tracking.save(update_fields=["report"])
    return tracking


def link_submission(
    report: SafetyReportDue, submission_id: int, *, acting_user: Any
) -> ReportTracking:
    """Record that a submission of the same safety case (or the first submission of its
    resubmission chain) is the one that fulfils `report`."""
    require_safety_specialist(acting_user, report.safety_case.program_id)
    submission = Submission.objects.filter(
        pk=submission_id, safety_case_id=report.safety_case_id
    ).first()
    if submission is None:
        raise InvalidInput(
            "No such submission on this safety case", {"submission_id": "not on this case"}
        )
    while submission.resubmission_of_id is not None:
        submission = Submission.objects.get(pk=submission.resubmission_of_id)
    with transaction.atomic():
        tracking = tracking_for(report)
        before = snapshot(tracking, ["submission"])
        tracking.submission = submission
        tracking.report = report
        tracking.linked_by = acting_user
        tracking.linked_at = timezone.now()
        tracking.save()
        record_event(
            AuditAction.UPDATE,
            acting_user=acting_user,
            instance=tracking,
            changes=diff(before, snapshot(tracking, ["submission"])),
        )
    return tracking


def record_late_reason(report: SafetyReportDue, *, reason: str, acting_user: Any) -> ReportTracking:
    """The specialist's own account of why a report is (or will be) late, shown next to the
    derived cause in the compliance report."""
    require_safety_specialist(acting_user, report.safety_case.program_id)
    text = (reason or "").strip()
    if not text:
        raise InvalidInput("A late reason is required", {"reason": "required"})
    if len(text) > 2000:
        raise InvalidInput("The late reason is too long", {"reason": "at most 2000 characters"})
    with transaction.atomic():
        tracking = tracking_for(report)
        before = snapshot(tracking, ["late_reason"])
        tracking.late_reason = text
        tracking.late_reason_by = acting_user
        tracking.late_reason_at = timezone.now()
        tracking.save()
        record_event(
            AuditAction.UPDATE,
            acting_user=acting_user,
            instance=tracking,
            changes=diff(before, snapshot(tracking, ["late_reason"])),
            reason=text,
        )
    return tracking
