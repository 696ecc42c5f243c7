"""Storing a call, and what its caller says, through the inbox: durable first, once per id.

A call's first webhook writes one inbox row (channel `phone`, provider `twilio`, provider id =
CallSid, session = CallSid, sender = the caller's number) and its `CallRecord`, in one
transaction. What the caller says or keys later (a spoken side-effect report, a FAQ question,
a lot number) is another inbox row of the same session, id `CallSid:<step>:<digest of the
text>`, so a webhook retry stores nothing new; the worker files it on the call's case (the
inbox matches a session to the case its earlier rows landed on) and screens it like any text.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.db import transaction
from django.utils import timezone

from caredesk.channels.message import InboundMessageData
from caredesk.channels.services.inbox import store_inbound
from caredesk.channels.voice.models import CallRecord, VoiceRoute
from caredesk.channels.voice.services.routes import Params, first
from caredesk.errors import InvalidInput
from caredesk.people.models import Channel
from caredesk.people.services.contact_points import normalize_phone

PROVIDER = "twilio"
MAX_STEPS = 100


def caller_phone(route: VoiceRoute, raw: str) -> str:
    """The caller's number in E.164, or "" when it is withheld ("anonymous", "+266696687")."""
    try:
        return normalize_phone(raw.strip(), route.program.country) if raw.strip() else ""
    except InvalidInput:
        return ""


def _raw(params: Params) -> dict[str, Any]:
    return {name: list(values)[:20] for name, values in params.items()}


def _inbound(route: VoiceRoute, sid: str, phone: str, key: str, body: str, params: Params) -> Any:
    data = InboundMessageData(
        channel=Channel.PHONE,
        provider=PROVIDER,
        provider_message_id=(f"{sid}:{key}" if key else sid)[:200],
        received_at=timezone.now(),
        from_phone=phone,
        session_id=sid,
        to_address=route.phone_number,
        body=body,
        raw=_raw(params),
    )
    row, _created = store_inbound(route.program_id, data, acting_user=route.received_by)
    return row


def call_sid(params: Params) -> str:
    sid = first(params, "CallSid").strip()
    if not sid or len(sid) > 64:
        raise InvalidInput("Invalid webhook", {"CallSid": "required, at most 64 characters"})
    return sid


def start_call(route: VoiceRoute, params: Params) -> CallRecord:
    """The call's record, stored with its inbox row on its first webhook (idempotent)."""
    sid = call_sid(params)
    with transaction.atomic():
        existing = CallRecord.objects.system_scope().filter(
            program_id=route.program_id, call_sid=sid
        )
        found = existing.select_related("route__program").first()
        if found is not None:
            return found
        phone = caller_phone(route, first(params, "From"))
        body = f"Phone call to {route.phone_number} from {phone or 'a withheld number'} (IVR)."
        row = _inbound(route, sid, phone, "", body, params)
        now = timezone.now()
        call, _ = CallRecord.objects.get_or_create(
            program_id=route.program_id,
            call_sid=sid,
            defaults={
                "route": route,
                "from_phone": phone,
                "inbound": row,
                "started_at": row.received_at,
                "consent_notice_at": now,
            },
        )
        return call


def call_for(route: VoiceRoute, params: Params) -> CallRecord:
    """The call a later webhook belongs to, in the route's program only (stored now if its
    first webhook never reached us)."""
    return start_call(route, params)


def store_caller_words(call: CallRecord, step: str, body: str, params: Params) -> None:
    """What the caller said or keyed at `step`, stored as an inbox row of the call's session."""
    text = body.strip()
    if not text:
        return
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    with transaction.atomic():
        _inbound(call.route, call.call_sid, call.from_phone, f"{step}:{digest}", text, params)


def add_step(call: CallRecord, step: str, **details: Any) -> None:
    """Append what the caller did to the call's log (a retried webhook is not logged twice)."""
    entry = {"step": step, **{k: v for k, v in details.items() if v not in ("", None)}}
    steps = list(call.steps or [])
    if steps and {k: v for k, v in steps[-1].items() if k != "at"} == entry:
        return
    steps.append({**entry, "at": timezone.now().isoformat()})
    call.steps = steps[-MAX_STEPS:]
    call.save(update_fields=["steps", "updated_at"])
