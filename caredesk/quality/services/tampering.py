"""Suspected tampering or counterfeit: tell quality and security at once, lock the case.

The in-app notices are written in the same transaction as the interaction; the email goes out
from a job enqueued after commit, so a rolled-back interaction never alerts anyone and a saved
one alerts within the worker's latency (seconds), well inside the one-minute target
(`alert_email` sends it; a sweep each minute retries any the queue lost).

The case then stays escalated until a quality specialist releases the lock with a reason, or
dismisses the tampering flag; either is audited and noted on the case timeline.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_created, record_event
from caredesk.cases.models import Case, CaseStatus, Priority, TimelineKind
from caredesk.cases.services.timeline import add_timeline_entry
from caredesk.errors import Conflict, InvalidInput
from caredesk.quality.models import Notification, QualityContact, TamperingAlert
from caredesk.tenancy.models import Membership, Role
from caredesk.tenancy.services import check_can_write, roles_of

# A case under a tampering lock stays escalated: no move to any other status (not even
# resolved or closed) until quality releases the lock with a reason.
LOCKED_OUT_STATUSES = frozenset(set(CaseStatus.values) - {CaseStatus.ESCALATED})
ALERT_ROLES = (Role.QUALITY_SPECIALIST,)
RELEASE_HINT = "only a quality specialist of the program can release a tampering lock"


def alert_recipients(program_id: int) -> tuple[list[Any], list[str]]:
    """Users to notify in-app and addresses to email: the program's quality/security contacts,
    plus every quality specialist of the program (so an unconfigured program still alerts)."""
    from caredesk.accounts.models import User

    contacts = list(
        QualityContact.objects.filter(program_id=program_id, active=True).select_related("user")
    )
    user_ids = {c.user_id for c in contacts if c.user_id}
    user_ids |= set(
        Membership.objects.filter(
            program_id=program_id, role__in=ALERT_ROLES, active=True
        ).values_list("user_id", flat=True)
    )
    users = list(User.objects.filter(pk__in=user_ids, is_active=True).order_by("pk"))
    emails = {c.email.lower() for c in contacts if c.email}
    emails |= {u.email.lower() for u in users if u.email}
    return users, sorted(emails)


def raise_tampering_alert(finding: Any, *, acting_user: Any) -> TamperingAlert:
    """Notify in-app now, email after commit, and lock the finding's case to escalation."""
    existing = TamperingAlert.objects.filter(finding=finding).first()
    if existing is not None:
        return existing
    case = finding.case
    now = timezone.now()
    users, emails = alert_recipients(case.program_id)
    with transaction.atomic():
        alert = TamperingAlert.objects.create(
            program_id=case.program_id,
            case=case,
            interaction_id=finding.interaction_id,
            finding=finding,
            raised_at=now,
            email_recipients=emails,
        )
        record_created(alert, acting_user=acting_user, fields=["case", "finding", "raised_at"])
        text = f"Suspected {finding.code} on case {case.reference}: escalated"
        Notification.objects.bulk_create(
            Notification(
                program_id=case.program_id,
                user=user,
                case=case,
                alert=alert,
                text=text[:500],
                created_at=now,
            )
            for user in users
        )
        _escalate(case, finding.code, acting_user)
        _email_after_commit(alert.pk)
    return alert


def _email_after_commit(alert_id: int) -> None:
    """Enqueue the email job once the alert is committed: a rolled-back save alerts nobody,
    and the job never reads an alert that is not there yet."""
    from caredesk.quality.tasks import send_tampering_email

    # robust: a queue that is down must not turn a saved interaction into an error page; the
    # minute sweep sends what was not enqueued.
    transaction.on_commit(lambda: send_tampering_email(alert_id), robust=True)


def _escalate(case: Case, code: str, acting_user: Any) -> None:
    """Critical priority and escalated status (the cases service records the status change)."""
    from caredesk.cases.services.lifecycle import change_status

    case.refresh_from_db()
    if case.priority != Priority.CRITICAL:
        old = case.priority
        case.priority = Priority.CRITICAL
        case.save(update_fields=["priority", "updated_at"])
        record_event(
            AuditAction.UPDATE,
            acting_user=acting_user,
            system_actor="system:screener",
            instance=case,
            changes={"priority": [old, Priority.CRITICAL]},
            reason=f"suspected {code}",
        )
    if case.status in (CaseStatus.ESCALATED, CaseStatus.CLOSED):
        pass
    elif getattr(acting_user, "pk", None):
        change_status(
            case, CaseStatus.ESCALATED, acting_user=acting_user, reason=f"suspected {code}"
        )
    else:  # the background screener has no user: record the move in its name
        old_status = case.status
        case.status = CaseStatus.ESCALATED
        case.save(update_fields=["status", "updated_at"])
        record_event(
            AuditAction.UPDATE,
            acting_user=None,
            actor_username="system:screener",
            instance=case,
            changes={"status": [old_status, CaseStatus.ESCALATED]},
            reason=f"suspected {code}",
        )
    add_timeline_entry(
        case, TimelineKind.NOTE, f"Locked to escalation: suspected {code}", actor=acting_user
    )


def active_lock(case: Case) -> TamperingAlert | None:
    return TamperingAlert.objects.filter(case=case, released_at__isnull=True).order_by("pk").first()


def access_alert(user: Any, alert_id: int) -> TamperingAlert:
    return TamperingAlert.objects.visible_one(user, alert_id, "Tampering alert")


def _require_quality(user: Any, program_id: int) -> None:
    check_can_write(user, program_id)
    if Role.QUALITY_SPECIALIST not in roles_of(user, program_id):
        raise Conflict(
            "Suspected tampering locks this case to the escalation workflow: " + RELEASE_HINT,
            {"lock": RELEASE_HINT},
        )


def _release(alert: TamperingAlert, *, acting_user: Any, reason: str) -> None:
    alert.released_at = timezone.now()
    alert.released_by = acting_user
    alert.release_reason = reason
    alert.save(update_fields=["released_at", "released_by", "release_reason"])
    record_event(
        AuditAction.UPDATE,
        acting_user=acting_user,
        instance=alert,
        changes={"released_at": [None, alert.released_at], "released_by": [None, acting_user.pk]},
        reason=reason,
    )
    add_timeline_entry(
        alert.case,
        TimelineKind.NOTE,
        f"Tampering lock released by quality: {reason}",
        actor=acting_user,
    )


def release_case_lock(alert: TamperingAlert, *, acting_user: Any, reason: str) -> TamperingAlert:
    """Quality has dealt with the suspicion: the case may leave the escalation workflow.
    The finding itself keeps its own decision (confirmed tampering stays confirmed)."""
    _require_quality(acting_user, alert.program_id)
    if alert.released_at is not None:
        raise Conflict("This tampering lock was already released", {"lock": "released"})
    if not reason.strip():
        raise InvalidInput("A reason is required to release the lock", {"reason": "required"})
    with transaction.atomic():
        _release(alert, acting_user=acting_user, reason=reason.strip())
    return alert


def release_tampering_alert(finding: Any, *, acting_user: Any, reason: str) -> None:
    """The tampering finding is being dismissed (safety's dismiss service calls this in its
    transaction): only quality may, since the dismissal releases the escalation lock."""
    alert = TamperingAlert.objects.filter(finding=finding, released_at__isnull=True).first()
    if alert is None:
        return
    _require_quality(acting_user, alert.program_id)
    _release(alert, acting_user=acting_user, reason=reason)
