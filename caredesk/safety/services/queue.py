"""The safety specialist's queue: open safety cases of the user's programs, nearest deadline
first (so anything overdue leads), with the four criteria and the follow-up attempts.

Two clocks can set a case's next deadline: the internal hand-off to pharmacovigilance (until it
is forwarded) and the earliest expedited regulatory report (until the case is submitted). A
report due date is a calendar date, so it runs to the end of that day in the program's zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from caredesk.safety.models import (
    Criterion,
    FollowUpAttempt,
    SafetyCase,
    SafetyCaseStatus,
    SafetyReportDue,
)
from caredesk.safety.services.safety_cases import OPEN_STATUSES

DUE_SOON = timedelta(hours=24)


@dataclass
class QueueRow:
    safety_case: SafetyCase
    forward_due: datetime | None
    report: SafetyReportDue | None
    report_due: datetime | None
    criteria: list[tuple[Criterion, bool]] = field(default_factory=list)
    follow_ups: list[FollowUpAttempt] = field(default_factory=list)

    @property
    def next_due(self) -> datetime | None:
        dues = [d for d in (self.forward_due, self.report_due) if d is not None]
        return min(dues) if dues else None

    @property
    def next_kind(self) -> str:
        if self.next_due is None:
            return ""
        return "forward to PV" if self.next_due == self.forward_due else "regulatory report"

    def state(self, now: datetime) -> str:
        """overdue, due_soon (within 24 h), on_track, or none."""
        due = self.next_due
        if due is None:
            return "none"
        if due < now:
            return "overdue"
        return "due_soon" if due - now < DUE_SOON else "on_track"

    @property
    def attempts_done(self) -> int:
        return sum(1 for a in self.follow_ups if a.sent_at is not None)


def end_of_day(safety_case: SafetyCase, day: Any) -> datetime:
    tz = ZoneInfo(safety_case.program.time_zone)
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=tz)


def queue_row(safety_case: SafetyCase) -> QueueRow:
    forward = safety_case.forward_due if safety_case.forwarded_at is None else None
    reports = list(safety_case.reports.all())
    report = None
    if safety_case.status != SafetyCaseStatus.SUBMITTED and reports:
        report = min(reports, key=lambda r: (r.due, r.kind))
    return QueueRow(
        safety_case=safety_case,
        forward_due=forward,
        report=report,
        report_due=end_of_day(safety_case, report.due) if report else None,
        criteria=[(c, getattr(safety_case, f"has_{c.value}")) for c in Criterion],
        follow_ups=list(safety_case.follow_ups.all()),
    )


def open_safety_cases(user: Any, program_id: int | None = None) -> QuerySet[SafetyCase]:
    qs = SafetyCase.objects.visible_to(user).filter(status__in=list(OPEN_STATUSES))
    if program_id is not None:
        qs = qs.filter(program_id=program_id)
    return qs.select_related("program", "case", "product", "reporter").prefetch_related(
        Prefetch("reports", queryset=SafetyReportDue.objects.order_by("due", "kind")),
        Prefetch("follow_ups", queryset=FollowUpAttempt.objects.order_by("n")),
    )


def safety_queue(user: Any, program_id: int | None = None, limit: int = 500) -> list[QueueRow]:
    """Open safety cases, nearest deadline first; cases without a running clock last."""
    rows = [queue_row(sc) for sc in open_safety_cases(user, program_id)[:limit]]
    far = timezone.now() + timedelta(days=36500)
    rows.sort(key=lambda r: (r.next_due or far, r.safety_case.pk))
    return rows
