"""Handing a safety case to pharmacovigilance, its assessment, and closing it.

"Forwarded" is when the contact center hands the case to PV (the internal deadline); the PV
acknowledgement is a safety specialist taking it into review. Both are what the monthly
reconciliation checks.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import diff, record_event, snapshot
from caredesk.errors import Conflict, Forbidden, InvalidInput
from caredesk.safety.models import SafetyCase, SafetyCaseStatus
from caredesk.safety.screening import Seriousness
from caredesk.safety.services.clocks import refresh_reports
from caredesk.safety.services.follow_up import check_follow_up_history
from caredesk.tenancy.models import Role
from caredesk.tenancy.services import check_can_write, roles_of

ASSESSMENT_FIELDS = ["seriousness", "serious", "expected", "report_flags", "narrative"]
REPORT_FLAG_NAMES = frozenset(
    {
        "malfunction",
        "remedial_action",
        "serious_deterioration",
        "public_health_threat",
        "unanticipated",
    }
)
PV_ROLES = frozenset({Role.SAFETY_SPECIALIST})
OVERDUE_ROLES = frozenset({Role.SUPERVISOR, Role.SAFETY_SPECIALIST})


def _require_pv(user: Any, program_id: int) -> None:
    check_can_write(user, program_id)
    if not roles_of(user, program_id) & PV_ROLES:
        raise Forbidden("Only a safety specialist of the program can do this")


def set_assessment(
    safety_case: SafetyCase,
    *,
    acting_user: Any,
    seriousness: list[str] | None = None,
    expected: bool | None = None,
    report_flags: dict[str, bool] | None = None,
    narrative: str | None = None,
) -> SafetyCase:
    """Seriousness criteria, expectedness and device flags; the report due dates follow."""
    check_can_write(acting_user, safety_case.program_id)
    bad = [s for s in seriousness or [] if s not in Seriousness.__members__.values()]
    if bad:
        raise InvalidInput("Unknown seriousness criterion", {"seriousness": ", ".join(bad)})
    unknown = set(report_flags or {}) - REPORT_FLAG_NAMES
    if unknown:
        raise InvalidInput("Unknown flag", {"report_flags": ", ".join(sorted(unknown))})
    before = snapshot(safety_case, ASSESSMENT_FIELDS)
    if seriousness is not None:
        safety_case.seriousness = sorted(set(seriousness))
        safety_case.serious = bool(seriousness)
    if expected is not None:
        safety_case.expected = expected
    if report_flags is not None:
        safety_case.report_flags = {**safety_case.report_flags, **report_flags}
    if narrative is not None:
        safety_case.narrative = narrative
    with transaction.atomic():
        safety_case.save()
        changes = diff(before, snapshot(safety_case, ASSESSMENT_FIELDS))
        record_event(
            AuditAction.UPDATE, acting_user=acting_user, instance=safety_case, changes=changes
        )
        refresh_reports(safety_case, acting_user=acting_user)
    return safety_case


def forward_to_pv(safety_case: SafetyCase, *, acting_user: Any) -> SafetyCase:
    """The contact center hands the case to pharmacovigilance (once)."""
    check_can_write(acting_user, safety_case.program_id)
    if safety_case.forwarded_at is not None:
        raise Conflict("Already forwarded to pharmacovigilance")
    return _stamp(safety_case, "forwarded", acting_user)


def acknowledge_pv(safety_case: SafetyCase, *, acting_user: Any) -> SafetyCase:
    """A safety specialist acknowledges receipt; a valid case moves into review."""
    _require_pv(acting_user, safety_case.program_id)
    if safety_case.forwarded_at is None:
        raise Conflict("The case was not forwarded to pharmacovigilance yet")
    if safety_case.acknowledged_at is not None:
        raise Conflict("Already acknowledged")
    review = SafetyCaseStatus.IN_REVIEW if safety_case.status == SafetyCaseStatus.VALID else None
    return _stamp(safety_case, "acknowledged", acting_user, review)


def _stamp(
    safety_case: SafetyCase, what: str, acting_user: Any, status: str | None = None
) -> SafetyCase:
    now = timezone.now()
    changes: dict[str, list[Any]] = {f"{what}_at": [None, now]}
    if status is not None:
        changes["status"] = [safety_case.status, status]
        safety_case.status = status
    setattr(safety_case, f"{what}_at", now)
    setattr(safety_case, f"{what}_by", acting_user)
    with transaction.atomic():
        safety_case.save(update_fields=[f"{what}_at", f"{what}_by", "status", "updated_at"])
        record_event(
            AuditAction.UPDATE,
            acting_user=acting_user,
            instance=safety_case,
            changes=changes,
        )
    return safety_case


def close_safety_case(safety_case: SafetyCase, *, acting_user: Any, reason: str) -> SafetyCase:
    """Close with a reason; an incomplete case needs its whole follow-up history documented."""
    _require_pv(acting_user, safety_case.program_id)
    if not reason.strip():
        raise InvalidInput("A reason is required to close a safety case", {"reason": "required"})
    if safety_case.status == SafetyCaseStatus.CLOSED:
        raise Conflict("The safety case is already closed")
    check_follow_up_history(safety_case)
    before = snapshot(safety_case, ["status", "close_reason"])
    with transaction.atomic():
        safety_case.status = SafetyCaseStatus.CLOSED
        safety_case.close_reason = reason.strip()
        safety_case.save(update_fields=["status", "close_reason", "updated_at"])
        record_event(
            AuditAction.UPDATE,
            acting_user=acting_user,
            instance=safety_case,
            changes=diff(before, snapshot(safety_case, ["status", "close_reason"])),
            reason=reason.strip(),
        )
    return safety_case


def alert_overdue_hand_offs(now: datetime | None = None) -> int:
    """Tell the program's supervisors and safety specialists, once, about each safety case
    whose hand-off to PV is past its deadline (in-app). Returns how many were alerted."""
    from caredesk.quality.models import Notification
    from caredesk.tenancy.models import Membership

    now = now or timezone.now()
    overdue = SafetyCase.objects.system_scope().filter(
        forwarded_at__isnull=True, forward_alerted_at__isnull=True, forward_due__lt=now
    )
    count = 0
    for safety_case in overdue.select_related("case").order_by("forward_due")[:500]:
        claimed = SafetyCase.objects.filter(
            pk=safety_case.pk, forward_alerted_at__isnull=True
        ).update(forward_alerted_at=now)
        if not claimed:
            continue
        users = Membership.objects.filter(
            program_id=safety_case.program_id, role__in=list(OVERDUE_ROLES), active=True
        ).values_list("user_id", flat=True)
        text = f"Safety case on {safety_case.case.reference} not forwarded to PV: overdue"
        Notification.objects.bulk_create(
            Notification(
                program_id=safety_case.program_id,
                user_id=user_id,
                case_id=safety_case.case_id,
                text=text,
                created_at=now,
            )
            for user_id in set(users)
        )
        count += 1
    return count
