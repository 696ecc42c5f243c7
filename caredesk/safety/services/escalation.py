"""Overdue regulatory reports escalate to the program's safety lead, once each.

The safety lead is a per-program setting naming one user (`SafetyOversight.safety_lead`), set
by a program admin; the lead must be an active safety specialist, supervisor or admin of the
program. While none is named, or the named one has left the program, escalations go to the
program admins, and the notice says that no lead is named, so the gap gets fixed.

A report is overdue when the end of its due date (program time zone) has passed and no
accepted submission fulfils it (`report_outcomes`). The escalation is claimed on its
`ReportTracking` row (`escalated_at` set by a conditional update), then audited, written on
the case timeline and sent to the bell, all in one transaction: a second sweep, or a second
worker, finds it claimed and does nothing.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import diff, record_event, snapshot
from caredesk.cases.models import TimelineKind
from caredesk.cases.services.timeline import add_timeline_entry
from caredesk.errors import Forbidden, InvalidInput
from caredesk.safety.models import SafetyCaseStatus, SafetyReportDue
from caredesk.safety.models_oversight import ReportTracking, SafetyOversight
from caredesk.safety.services.notices import member_ids, notify_users
from caredesk.safety.services.report_outcomes import Status, outcomes_for, tracking_for
from caredesk.tenancy.models import Program, Role
from caredesk.tenancy.services import check_can_write, roles_of

SYSTEM_ACTOR = "system:report-escalation"
LEAD_ROLES = frozenset({Role.SAFETY_SPECIALIST, Role.SUPERVISOR, Role.PROGRAM_ADMIN})
BATCH = 500
# Reports overdue for longer than this when first seen (loaded history, a sweep down for a
# month) are not escalated: they show as overdue in the calendar and the compliance report,
# without flooding the lead's bell; and each sweep stays bounded.
LOOKBACK_DAYS = 30


def oversight_of(program_id: int) -> SafetyOversight:
    """The program's oversight settings (unsaved defaults when none were configured)."""
    found = SafetyOversight.objects.filter(program_id=program_id).first()
    return found or SafetyOversight(program_id=program_id)


def safety_lead_ids(program_id: int) -> tuple[set[int], bool]:
    """Who escalations go to, and whether that is a named lead (False: the admins)."""
    lead_id = oversight_of(program_id).safety_lead_id
    if lead_id is not None and roles_of_id(lead_id, program_id) & LEAD_ROLES:
        return {lead_id}, True
    return member_ids(program_id, [Role.PROGRAM_ADMIN]), False


def roles_of_id(user_id: int, program_id: int) -> set[str]:
    from caredesk.tenancy.models import Membership

    rows = Membership.objects.filter(user_id=user_id, program_id=program_id, active=True)
    return set(rows.values_list("role", flat=True))


def lead_candidates(program_id: int) -> list[Any]:
    """The program's active members who may be named its safety lead, by username."""
    from caredesk.accounts.models import User
    from caredesk.tenancy.models import Membership

    ids = Membership.objects.filter(
        program_id=program_id, role__in=list(LEAD_ROLES), active=True
    ).values("user_id")
    return list(User.objects.filter(pk__in=ids, is_active=True).order_by("username"))


def configure_oversight(
    program: Program,
    *,
    acting_user: Any,
    safety_lead_id: int | None,
    urgent_forward_hours: int | None = None,
) -> SafetyOversight:
    """A program admin names the safety lead (None: nobody) and the urgent hand-off hours."""
    check_can_write(acting_user, program.pk)
    if Role.PROGRAM_ADMIN not in roles_of(acting_user, program.pk):
        raise Forbidden("Only a program admin can name the safety lead")
    if safety_lead_id is not None and not roles_of_id(safety_lead_id, program.pk) & LEAD_ROLES:
        raise InvalidInput(
            "The safety lead must be a safety specialist, supervisor or admin of the program",
            {"safety_lead_id": "not a member of the program in such a role"},
        )
    if urgent_forward_hours is not None and not 1 <= urgent_forward_hours <= 72:
        raise InvalidInput("Urgent hand-off hours out of range", {"urgent_forward_hours": "1-72"})
    fields = ["safety_lead", "urgent_forward_hours"]
    with transaction.atomic():
        oversight, created = SafetyOversight.objects.get_or_create(program=program)
        before = snapshot(oversight, fields)
        oversight.safety_lead_id = safety_lead_id
        if urgent_forward_hours is not None:
            oversight.urgent_forward_hours = urgent_forward_hours
        oversight.updated_by = acting_user
        oversight.updated_at = timezone.now()
        oversight.save()
        changes = diff({} if created else before, snapshot(oversight, fields))
        action = AuditAction.CREATE if created else AuditAction.UPDATE
        record_event(action, acting_user=acting_user, instance=oversight, changes=changes)
    return oversight


def escalation_candidates(now: datetime) -> QuerySet[SafetyReportDue]:
    """Reports whose due date has passed somewhere on Earth and that were never escalated."""
    escalated = ReportTracking.objects.filter(
        safety_case_id=OuterRef("safety_case_id"),
        kind=OuterRef("kind"),
        due=OuterRef("due"),
        escalated_at__isnull=False,
    )
    latest_passed = (now + timedelta(hours=14)).date()  # UTC+14 is the earliest new day
    oldest = (now - timedelta(days=LOOKBACK_DAYS)).date()
    return (
        SafetyReportDue.objects.system_scope()
        .filter(due__lt=latest_passed, due__gte=oldest)
        .exclude(safety_case__status=SafetyCaseStatus.CLOSED)
        .exclude(Exists(escalated))
    )


def _escalate(report: SafetyReportDue, now: datetime) -> bool:
    safety_case = report.safety_case
    with transaction.atomic():
        tracking = tracking_for(report)
        recipients, named = safety_lead_ids(safety_case.program_id)
        claimed = ReportTracking.objects.filter(pk=tracking.pk, escalated_at__isnull=True).update(
            escalated_at=now, escalated_to=sorted(recipients)
        )
        if not claimed:
            return False
        text = (
            f"Overdue report {report.kind} (due {report.due:%Y-%m-%d}) on "
            f"{safety_case.case.reference}: not submitted"
        )
        if not named:
            text += " (no safety lead named for the program: sent to its admins)"
        add_timeline_entry(
            safety_case.case,
            TimelineKind.SLA_BREACH,
            f"Escalated to the safety lead: {text}",
            at=now,
            data={
                "report_kind": report.kind,
                "due": report.due.isoformat(),
                "escalated_to": sorted(recipients),
                "named_lead": named,
            },
        )
        record_event(
            AuditAction.UPDATE,
            acting_user=None,
            actor_username=SYSTEM_ACTOR,
            instance=tracking,
            changes={
                "escalated_at": [None, now.isoformat()],
                "escalated_to": [[], sorted(recipients)],
            },
            reason="Report past its due date and not submitted",
        )
        notify_users(safety_case.program_id, recipients, text, at=now, case_id=safety_case.case_id)
    return True


def escalate_overdue_reports(now: datetime | None = None) -> int:
    """Escalate every overdue, unsubmitted report once; returns how many were escalated."""
    now = now or timezone.now()
    count, last_pk = 0, 0
    while True:
        batch = list(
            escalation_candidates(now)
            .filter(pk__gt=last_pk)
            .select_related("safety_case__program", "safety_case__case")
            .order_by("pk")[:BATCH]
        )
        if not batch:
            return count
        outcomes = outcomes_for(batch, now)
        for report in batch:
            if outcomes[report.pk].status == Status.OVERDUE and _escalate(report, now):
                count += 1
        last_pk = batch[-1].pk
