"""Delivering queued emails over SMTP: claimed once, consent asked again, retried with back-off.

A worker claims a queued email by a conditional UPDATE (attempts + 1, a lease) and commits;
asks the consent ledger again (an opt-out may have arrived since the agent pressed send); hands
the message to the relay (CAREDESK_SMTP_*, Django's mail connection) and records the answer. A
5xx answer is permanent and fails the email where a person sees it; anything else is retried
with back-off until MAX_SEND_ATTEMPTS. A worker killed between the relay's answer and our
commit sends again once the lease runs out: at least once, never silently dropped.
"""

from __future__ import annotations

import logging
import smtplib
from datetime import timedelta
from email.utils import formataddr

from django.core.mail import EmailMessage as MailMessage
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from caredesk.channels.email.models import EmailMessage, EmailRoute, SendStatus
from caredesk.outreach.models import ConsentPurpose
from caredesk.outreach.services import may_send
from caredesk.people.models import Channel

logger = logging.getLogger(__name__)
MAX_SEND_ATTEMPTS = 6
LEASE = timedelta(minutes=2)


def _ready() -> Q:
    now = timezone.now()
    free = Q(lease_until__isnull=True) | Q(lease_until__lt=now)
    return Q(send_status=SendStatus.QUEUED, next_attempt_at__lte=now) & free


def claim_email(email_id: int) -> int | None:
    """Claim a due email for this worker; the attempt number, or None when it is not ours."""
    with transaction.atomic():
        claimed = (
            EmailMessage.objects.system_scope()
            .filter(_ready(), pk=email_id, attempts__lt=MAX_SEND_ATTEMPTS)
            .update(attempts=F("attempts") + 1, lease_until=timezone.now() + LEASE)
        )
        if not claimed:
            return None
        rows = EmailMessage.objects.system_scope().filter(pk=email_id)
        return int(rows.values_list("attempts", flat=True)[0])


def _finish(email_id: int, attempt: int, **changes: object) -> None:
    with transaction.atomic():
        EmailMessage.objects.system_scope().filter(
            pk=email_id, send_status=SendStatus.QUEUED, attempts=attempt
        ).update(lease_until=None, **changes)


def mime_message(email: EmailMessage) -> MailMessage:
    """The email as it goes on the wire, with the headers that thread it."""
    route = EmailRoute.objects.system_scope().filter(address=email.from_address).first()
    name = route.from_name if route is not None else ""
    headers = {"Message-ID": email.message_id}
    if email.in_reply_to:
        headers["In-Reply-To"] = email.in_reply_to
    if email.references:
        headers["References"] = email.references
    return MailMessage(
        subject=email.subject,
        body=email.body,
        from_email=formataddr((name, email.from_address)) if name else email.from_address,
        to=[email.to_address],
        headers=headers,
    )


def _is_permanent(exc: Exception) -> bool:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in exc.recipients.values())
    code = getattr(exc, "smtp_code", 0)
    return isinstance(code, int) and code >= 500


def _failed(email_id: int, attempt: int, exc: Exception) -> None:
    give_up = _is_permanent(exc) or attempt >= MAX_SEND_ATTEMPTS
    delay = timedelta(seconds=min(30 * 2 ** (attempt - 1), 3600))
    logger.warning("email %s attempt %s failed (final: %s): %s", email_id, attempt, give_up, exc)
    _finish(
        email_id,
        attempt,
        send_status=SendStatus.FAILED if give_up else SendStatus.QUEUED,
        next_attempt_at=timezone.now() + delay,
        last_error=f"{type(exc).__name__}: {exc}"[:2000],
    )


def deliver_now(email_id: int) -> EmailMessage | None:
    """Claim, re-check consent, hand to the relay, record the answer; the email afterwards."""
    attempt = claim_email(email_id)
    if attempt is None:
        return None
    email = EmailMessage.objects.system_scope().get(pk=email_id)
    state = may_send(email.program_id, Channel.EMAIL, email.to_address, ConsentPurpose.CASE_REPLY)
    if not state.allowed:
        _finish(email_id, attempt, send_status=SendStatus.FAILED, last_error=state.reason[:2000])
        return EmailMessage.objects.system_scope().get(pk=email_id)
    try:
        with get_connection(fail_silently=False) as connection:
            connection.send_messages([mime_message(email)])
    except (smtplib.SMTPException, OSError) as exc:
        _failed(email_id, attempt, exc)
    else:
        _finish(email_id, attempt, send_status=SendStatus.SENT, sent_at=timezone.now())
    return EmailMessage.objects.system_scope().get(pk=email_id)


def sweep_outbound(limit: int = 200) -> int:
    """Deliver queued emails whose job was lost, whose retry is due or whose worker died."""
    ids = list(
        EmailMessage.objects.system_scope()
        .filter(_ready())
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    return sum(1 for pk in ids if deliver_now(pk) is not None)
