"""Delivery-status callbacks: the provider tells us what became of a message we sent.

The callback names our message by MessageSid; its status moves the message's own record
(`SmsMessage.status`), never the interaction (interactions are immutable). Callbacks can arrive
out of order (a late "sent" after "delivered"), so a status only ever moves forward; a repeated
callback changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.channels.sms.models import SmsMessage, SmsRoute, SmsStatus

# Twilio's MessageStatus values, as our status and their order (later = further along).
_FROM_PROVIDER = {
    "accepted": SmsStatus.ACCEPTED,
    "scheduled": SmsStatus.ACCEPTED,
    "queued": SmsStatus.ACCEPTED,
    "sending": SmsStatus.ACCEPTED,
    "sent": SmsStatus.SENT,
    "delivered": SmsStatus.DELIVERED,
    "undelivered": SmsStatus.UNDELIVERED,
    "failed": SmsStatus.FAILED,
    "canceled": SmsStatus.FAILED,
    "read": SmsStatus.READ,
}
_RANK = {
    SmsStatus.QUEUED: 0,
    SmsStatus.SENDING: 1,
    SmsStatus.ACCEPTED: 2,
    SmsStatus.SENT: 3,
    SmsStatus.DELIVERED: 4,
    SmsStatus.UNDELIVERED: 4,
    SmsStatus.FAILED: 4,
    SmsStatus.READ: 5,
}


def _first(params: Mapping[str, Sequence[str]], name: str) -> str:
    values = params.get(name) or []
    return str(values[0]).strip() if values else ""


def _changes(sms: SmsMessage, status: str, raw: str, code: str, now: datetime) -> dict[str, object]:
    changes: dict[str, object] = {"provider_status": raw[:20]}
    if _RANK.get(SmsStatus(status), 0) > _RANK.get(SmsStatus(sms.status), -1):
        changes["status"] = status
        if status in {SmsStatus.DELIVERED, SmsStatus.READ} and sms.delivered_at is None:
            changes["delivered_at"] = now
    if code:
        changes["error_code"] = code[:10]
    return changes


def apply_status(route: SmsRoute, params: Mapping[str, Sequence[str]]) -> SmsMessage | None:
    """Record a status callback for one of the route's messages; None for an unknown sid."""
    sid, raw = _first(params, "MessageSid"), _first(params, "MessageStatus").lower()
    status = _FROM_PROVIDER.get(raw)
    with transaction.atomic():
        sms = (
            SmsMessage.objects.system_scope()
            .select_for_update()
            .filter(program_id=route.program_id, route=route, provider_sid=sid)
            .first()
            if sid
            else None
        )
        if sms is None:
            return None
        if status is None:
            return sms  # a status we do not track (e.g. "receiving"): nothing to record
        changes = _changes(sms, status, raw, _first(params, "ErrorCode"), timezone.now())
        before = {name: getattr(sms, name) for name in changes}
        if before == changes:
            return sms
        SmsMessage.objects.system_scope().filter(pk=sms.pk).update(
            **changes, updated_at=timezone.now()
        )
        record_event(
            AuditAction.UPDATE,
            acting_user=None,
            instance=sms,
            changes={k: [before[k], v] for k, v in changes.items() if before[k] != v},
            reason=f"delivery status from {sms.provider}",
        )
        sms.refresh_from_db()
    return sms
