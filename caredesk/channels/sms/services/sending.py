"""Sending SMS/WhatsApp messages: queue in the caller's transaction, hand over after commit.

`queue_outbound` checks the consent ledger and writes the message (status queued); after commit
a job delivers it: the worker claims it by a conditional UPDATE (attempts + 1, a lease) and
commits, asks the ledger again (a STOP may have arrived meanwhile), then calls the provider.
A provider error that a retry can fix puts the message back in the queue with back-off (the
sweep takes it up); one that cannot, or the last attempt, fails it where a person sees it.
A worker killed between the provider's answer and our commit sends the message again when the
lease runs out: at least once, never silently dropped.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from caredesk.channels.sms.models import SmsMessage, SmsRoute, SmsStatus
from caredesk.channels.sms.services.providers import (
    SendError,
    Template,
    provider_address,
    provider_for,
)
from caredesk.channels.sms.services.whatsapp import WINDOW_CLOSED, window_open
from caredesk.errors import Conflict, InvalidInput
from caredesk.outreach.services import may_send

logger = logging.getLogger(__name__)
MAX_SEND_ATTEMPTS = 5
LEASE = timedelta(minutes=2)
MAX_BODY = 1600  # Twilio's limit for one message (it splits into segments itself)


def status_callback_url() -> str:
    """Where the provider reports delivery; empty when no public address is configured."""
    base = settings.SMS_PUBLIC_BASE_URL
    return f"{base}/hooks/twilio/status/" if base else ""


def check_body(body: str) -> str:
    text = body.strip()
    if not text:
        raise InvalidInput("Invalid message", {"body": "the message is empty"})
    if len(text) > MAX_BODY:
        raise InvalidInput("Invalid message", {"body": f"at most {MAX_BODY} characters"})
    return text


def queue_outbound(
    route: SmsRoute, to: str, body: str, *, purpose: str, kind: str, **links: Any
) -> SmsMessage:
    """Write an outbound message (queued) if the ledger allows it; delivery runs after commit.

    Conflict when consent forbids it (an opted-out number, no opt-in for the purpose)."""
    state = may_send(route.program_id, route.channel, to, purpose)
    if not state.allowed:
        raise Conflict("Consent does not allow this message", {"consent": state.reason, "to": to})
    sms = SmsMessage.objects.create(
        program_id=route.program_id,
        route=route,
        channel=route.channel,
        kind=kind,
        provider=route.provider,
        from_number=route.phone_number,
        to_number=to,
        body=body,
        purpose=purpose,
        status=SmsStatus.QUEUED,
        next_attempt_at=timezone.now(),
        **links,
    )
    transaction.on_commit(lambda: enqueue_delivery(sms.pk))
    return sms


def enqueue_delivery(sms_id: int) -> None:
    from caredesk.channels.sms.tasks import deliver_sms

    deliver_sms(sms_id)


def _ready() -> Q:
    now = timezone.now()
    due = Q(status=SmsStatus.QUEUED, next_attempt_at__lte=now)
    return due | Q(status=SmsStatus.SENDING, lease_until__lt=now)


def claim_outbound(sms_id: int) -> int | None:
    """Claim a message that is due; the attempt number, or None when it is not ours to send."""
    with transaction.atomic():
        claimed = (
            SmsMessage.objects.system_scope()
            .filter(_ready(), pk=sms_id, attempts__lt=MAX_SEND_ATTEMPTS)
            .update(
                status=SmsStatus.SENDING,
                attempts=F("attempts") + 1,
                lease_until=timezone.now() + LEASE,
                updated_at=timezone.now(),
            )
        )
        if not claimed:
            return None
        return int(
            SmsMessage.objects.system_scope()
            .filter(pk=sms_id)
            .values_list("attempts", flat=True)[0]
        )


def _finish(sms_id: int, attempt: int, **changes: object) -> None:
    with transaction.atomic():
        SmsMessage.objects.system_scope().filter(
            pk=sms_id, status=SmsStatus.SENDING, attempts=attempt
        ).update(lease_until=None, updated_at=timezone.now(), **changes)


def _failed(sms_id: int, attempt: int, exc: SendError) -> None:
    give_up = exc.permanent or attempt >= MAX_SEND_ATTEMPTS
    delay = timedelta(seconds=min(30 * 2 ** (attempt - 1), 3600))
    logger.warning("SMS %s attempt %s failed (%s): %s", sms_id, attempt, give_up, exc)
    _finish(
        sms_id,
        attempt,
        status=SmsStatus.FAILED if give_up else SmsStatus.QUEUED,
        next_attempt_at=timezone.now() + delay,
        last_error=str(exc)[:2000],
        error_code=exc.code[:10],
    )


def deliver_now(sms_id: int) -> SmsMessage | None:
    """Claim, re-check consent, hand to the provider, record the answer; the message."""
    attempt = claim_outbound(sms_id)
    if attempt is None:
        return None
    sms = SmsMessage.objects.system_scope().select_related("route", "template").get(pk=sms_id)
    state = may_send(sms.program_id, sms.channel, sms.to_number, sms.purpose)
    if not state.allowed:
        _finish(sms_id, attempt, status=SmsStatus.BLOCKED, last_error=state.reason[:2000])
        return SmsMessage.objects.system_scope().get(pk=sms_id)
    template = _template_of(sms)
    # A retry can fall outside the window the reply was written in: a person must see it.
    free_form = sms.channel == "whatsapp" and template is None
    if free_form and not window_open(sms.program_id, sms.to_number):
        _finish(sms_id, attempt, status=SmsStatus.FAILED, last_error=WINDOW_CLOSED)
        return SmsMessage.objects.system_scope().get(pk=sms_id)
    route = sms.route
    try:
        sid = provider_for(route).send(
            provider_address(route, sms.to_number),
            provider_address(route, sms.from_number),
            sms.body,
            status_callback_url(),
            template,
        )
    except SendError as exc:
        _failed(sms_id, attempt, exc)
    else:
        _finish(
            sms_id,
            attempt,
            status=SmsStatus.ACCEPTED,
            provider_sid=sid[:64],
            sent_at=timezone.now(),
            last_error="",
        )
    return SmsMessage.objects.system_scope().get(pk=sms_id)


def _template_of(sms: SmsMessage) -> Template | None:
    if sms.template is None:
        return None
    values = tuple(str(v) for v in sms.template_variables or [])
    return Template(sms.template.content_sid, values)


def sweep_outbound(limit: int = 200) -> int:
    """Deliver messages whose job was lost, whose retry is due, or whose worker died."""
    ids = list(
        SmsMessage.objects.system_scope()
        .filter(_ready(), attempts__lt=MAX_SEND_ATTEMPTS)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    stale = SmsMessage.objects.system_scope().filter(
        status=SmsStatus.SENDING, lease_until__lt=timezone.now(), attempts__gte=MAX_SEND_ATTEMPTS
    )
    stale.update(status=SmsStatus.FAILED, lease_until=None, last_error="worker died too often")
    return sum(deliver_now(pk) is not None for pk in ids)
