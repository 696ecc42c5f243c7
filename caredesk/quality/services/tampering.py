"""Suspected tampering or counterfeit: tell quality and security at once, lock the case.

The in-app notices are written in the same transaction as the interaction; the email goes out
from a job enqueued after commit, so a rolled-back interaction never alerts anyone and a saved
one alerts within the worker's latency (seconds), well inside the one-minute target.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_created, record_event
from caredesk.cases.models import Case, CaseStatus, Priority, TimelineKind
from caredesk.cases.services.timeline import add_timeline_entry
from caredesk.quality.models import Notification, QualityContact, TamperingAlert
from caredesk.tenancy.models import Membership, Role

# A case under a tampering lock may only move within the escalation workflow.
LOCKED_OUT_STATUSES = frozenset({CaseStatus.NEW, CaseStatus.OPEN, CaseStatus.PENDING_CUSTOMER})
ALERT_ROLES = (Role.QUALITY_SPECIALIST,)


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
        from caredesk.quality.tasks import send_tampering_email

        alert_id = alert.pk
        transaction.on_commit(lambda: send_tampering_email(alert_id))
    return alert


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
            actor_username="" if getattr(acting_user, "pk", None) else "system:screener",
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


def release_tampering_alert(finding: Any, *, acting_user: Any, reason: str) -> None:
    """The finding was dismissed: its alert no longer locks the case."""
    alert = TamperingAlert.objects.filter(finding=finding, released_at__isnull=True).first()
    if alert is None:
        return
    alert.released_at = timezone.now()
    alert.released_by = acting_user if getattr(acting_user, "pk", None) else None
    alert.save(update_fields=["released_at", "released_by"])
    record_event(
        AuditAction.UPDATE,
        acting_user=acting_user,
        instance=alert,
        changes={"released_at": [None, alert.released_at]},
        reason=reason,
    )


def send_tampering_email_now(alert_id: int) -> bool:
    """Send the alert email once. Returns False when it was already sent (a re-run)."""
    from django.core.mail import send_mail

    claimed = TamperingAlert.objects.filter(pk=alert_id, emailed_at__isnull=True).update(
        emailed_at=timezone.now()
    )
    if not claimed:
        return False
    alert = TamperingAlert.objects.select_related("case", "finding", "program").get(pk=alert_id)
    if not alert.email_recipients:
        return True
    subject = f"[CareDesk] Suspected {alert.finding.code}: case {alert.case.reference}"
    body = (
        f"Program: {alert.program.name}\nCase: {alert.case.reference}\n"
        f"Raised at: {alert.raised_at.isoformat()}\n"
        f"Evidence: {'; '.join(e.get('text', '') for e in alert.finding.evidence)}\n"
    )
    try:
        send_mail(subject, body, None, alert.email_recipients)
    except Exception:
        TamperingAlert.objects.filter(pk=alert_id).update(emailed_at=None)
        raise
    return True
