"""The tampering alert email, sent through Django's email backend by a background job.

A job claims the alert with a conditional update (a lease, so a killed worker's claim expires),
sends, and only then stamps `emailed_at`: the time the mail server accepted the message. A
failure clears the claim, counts the attempt and keeps the error on the alert for a person to
see; the job's retries and the minute sweep try again. A re-run after success sends nothing.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.mail import send_mail
from django.db.models import Q
from django.utils import timezone

from caredesk.quality.models import TamperingAlert

LEASE = timedelta(minutes=2)
SWEEP_AFTER = timedelta(seconds=30)


def _claim(alert_id: int) -> bool:
    now = timezone.now()
    free = Q(email_claimed_at__isnull=True) | Q(email_claimed_at__lt=now - LEASE)
    return bool(
        TamperingAlert.objects.system_scope()
        .filter(free, pk=alert_id, emailed_at__isnull=True)
        .update(email_claimed_at=now)
    )


def _message(alert: TamperingAlert) -> tuple[str, str]:
    finding = alert.finding
    subject = f"[CareDesk] Suspected {finding.code}: case {alert.case.reference}"
    evidence = "; ".join(e.get("text", "") for e in finding.evidence if e.get("text"))
    body = (
        f"Suspected {finding.code} was reported and the case is locked to escalation.\n\n"
        f"Program: {alert.program.name}\n"
        f"Case: {alert.case.reference} (/cases/{alert.case_id}/)\n"
        f"Raised at: {alert.raised_at.isoformat()}\n"
        f"Evidence: {evidence or finding.note or '-'}\n"
    )
    return subject, body


def send_tampering_email_now(alert_id: int) -> bool:
    """Send the alert email once. Returns False when there was nothing to do (already sent,
    or another worker holds the claim); raises when the mail server refused it."""
    if not _claim(alert_id):
        return False
    alert = (
        TamperingAlert.objects.system_scope()
        .select_related("case", "finding", "program")
        .get(pk=alert_id)
    )
    attempts = alert.email_attempts + 1
    if alert.email_recipients:
        try:
            subject, body = _message(alert)
            send_mail(subject, body, None, alert.email_recipients)
        except Exception as exc:
            TamperingAlert.objects.system_scope().filter(pk=alert_id).update(
                email_claimed_at=None, email_attempts=attempts, email_error=str(exc)[:500]
            )
            raise
    TamperingAlert.objects.system_scope().filter(pk=alert_id).update(
        emailed_at=timezone.now(), email_attempts=attempts, email_error=""
    )
    return True


def unsent_alert_ids() -> list[int]:
    """Alerts whose email has not gone out half a minute after they were raised."""
    cutoff = timezone.now() - SWEEP_AFTER
    return list(
        TamperingAlert.objects.system_scope()
        .filter(emailed_at__isnull=True, raised_at__lt=cutoff)
        .order_by("pk")
        .values_list("pk", flat=True)[:100]
    )
