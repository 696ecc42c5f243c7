"""Receiving a Twilio-convention webhook: find the route, check the signature, store, answer.

The route is found from the number the message was sent to (`To`; `whatsapp:` marks WhatsApp).
The signature is checked with that route's auth token before anything is stored. The message is
stored through the inbox (`store_inbound`: idempotent per MessageSid) and, in the same
transaction, a STOP / START / HELP keyword is recorded in the consent ledger and answered with
TwiML, so an opt-out holds from the moment Twilio hears our 200, before any worker has run.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.channels.message import InboundMessageData
from caredesk.channels.models import InboundMessage
from caredesk.channels.services.inbox import store_inbound
from caredesk.channels.sms.models import SmsKind, SmsMessage, SmsRoute, SmsStatus
from caredesk.channels.sms.services.keywords import Keyword, KeywordKind, keyword_in, keyword_reply
from caredesk.channels.sms.services.media import record_media
from caredesk.channels.sms.services.providers import route_auth_token
from caredesk.channels.sms.services.signature import is_valid_signature
from caredesk.errors import InvalidInput
from caredesk.outreach.models import ConsentPurpose, ConsentSource
from caredesk.outreach.services import consent_state, normalize_address, record_consent
from caredesk.people.models import ContactKind, ContactPoint, Person

PROVIDER = "twilio"
security_log = logging.getLogger("caredesk.security")
logger = logging.getLogger(__name__)
Params = Mapping[str, Sequence[str]]
REFUSAL_AUDIT_SECONDS = 60


@dataclass
class Answer:
    """What the webhook answers: an HTTP status and a TwiML body (empty `<Response/>`)."""

    status: int
    reply: str = ""

    @property
    def twiml(self) -> str:
        if not self.reply:
            return '<?xml version="1.0" encoding="UTF-8"?><Response/>'
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f"<Response><Message>{escape(self.reply)}</Message></Response>"
        )


def split_address(raw: str) -> tuple[str, str]:
    """("whatsapp", "+1…") for "whatsapp:+1…", ("sms", "+1…") for a plain number."""
    value = raw.strip()
    if value.lower().startswith("whatsapp:"):
        return "whatsapp", value.split(":", 1)[1].strip()
    return "sms", value


def first(params: Params, name: str) -> str:
    values = params.get(name) or []
    return str(values[0]) if values else ""


def route_for(raw_number: str) -> SmsRoute | None:
    """The active route for a number as Twilio gives it (system scope: no user yet)."""
    channel, number = split_address(raw_number)
    if not number:
        return None
    return (
        SmsRoute.objects.system_scope()
        .filter(phone_number=number, channel=channel, active=True)
        .select_related("program", "received_by")
        .first()
    )


def check_signature(route: SmsRoute, url: str, params: Params, signature: str, who: str) -> bool:
    """True for a correctly signed request; otherwise logs and audits the refusal."""
    items = [(name, str(value)) for name, values in params.items() for value in values]
    token = route_auth_token(route)
    if is_valid_signature(token, url, items, signature):
        return True
    why = "no auth token configured" if not token else "missing or wrong X-Twilio-Signature"
    security_log.warning(
        "refused Twilio webhook for route %s (%s): %s; url=%r from=%s sid=%r",
        route.pk,
        route.phone_number,
        why,
        url,
        who,
        first(params, "MessageSid")[:64],
    )
    # Every refusal is logged; one a minute per route is audited, so that a flood of forged
    # requests cannot queue the whole audit chain (and every audited write) behind it.
    if not cache.add(f"sms-webhook-refused:{route.pk}", 1, REFUSAL_AUDIT_SECONDS):
        return False
    with transaction.atomic():
        record_event(
            AuditAction.LOGIN_FAILED,
            acting_user=None,
            instance=route,
            reason=f"SMS webhook refused: {why}",
            changes={"url": [None, url[:300]], "client": [None, who[:100]]},
        )
    return False


def _media_note(params: Params) -> str:
    """A line saying what media came with the message (fetched and stored on the case once the
    message is filed: `services/media.py`)."""
    try:
        count = int(first(params, "NumMedia") or 0)
    except ValueError:
        count = 0
    kinds = [first(params, f"MediaContentType{i}") or "file" for i in range(min(count, 10))]
    return f"[{count} media attachment(s): {', '.join(kinds)}]" if count else ""


def _inbound_data(route: SmsRoute, params: Params, keyword: Keyword | None) -> InboundMessageData:
    _, sender = split_address(first(params, "From"))
    body = first(params, "Body")
    note = _media_note(params)
    raw = {name: list(values)[:20] for name, values in params.items()}
    raw["keyword"] = [keyword.kind.value] if keyword else []
    return InboundMessageData(
        channel=route.channel,
        provider=PROVIDER,
        provider_message_id=first(params, "MessageSid")[:200],
        received_at=timezone.now(),
        from_phone=sender,
        to_address=route.phone_number,
        body=f"{body}\n{note}".strip() if note else body,
        raw=raw,
    )


def _person_with_phone(program_id: int, phone: str) -> Person | None:
    ids = set(
        ContactPoint.objects.system_scope()
        .filter(program_id=program_id, kind=ContactKind.PHONE, value=phone)
        .values_list("person_id", flat=True)[:2]
    )
    return Person.objects.system_scope().get(pk=ids.pop()) if len(ids) == 1 else None


def _record_keyword(route: SmsRoute, row: InboundMessage, keyword: Keyword, reply: str) -> None:
    if keyword.kind != KeywordKind.HELP:
        record_consent(
            route.program,
            channel=route.channel,
            address=row.from_phone,
            purpose=ConsentPurpose.ALL,
            granted=keyword.kind == KeywordKind.OPT_IN,
            source=ConsentSource.SMS_KEYWORD,
            acting_user=route.received_by,
            evidence=f'Replied "{row.body[:200]}" to {route.phone_number} ({route.channel})',
            evidence_ref=f"{PROVIDER}:{row.provider_message_id}",
            person=_person_with_phone(route.program_id, row.from_phone),
            recorded_at=row.received_at,
        )
    SmsMessage.objects.create(
        program_id=route.program_id,
        route=route,
        channel=route.channel,
        kind=SmsKind.KEYWORD_REPLY,
        provider=PROVIDER,
        reply_to=row,
        from_number=route.phone_number,
        to_number=row.from_phone,
        body=reply,
        purpose=ConsentPurpose.ALL,
        status=SmsStatus.ANSWERED,
        sent_at=timezone.now(),
    )


def _keyword(route: SmsRoute, params: Params) -> Keyword | None:
    _, sender = split_address(first(params, "From"))
    try:
        address = normalize_address(route.program, route.channel, sender)
    except InvalidInput:
        return None
    opted_out = consent_state(route.program_id, route.channel, address, ConsentPurpose.ALL)
    return keyword_in(first(params, "Body"), opted_out=opted_out.opted_out)


def receive_message(route: SmsRoute, params: Params) -> Answer:
    """Store one signed inbound message; the TwiML answer (a keyword's reply, or empty)."""
    if not first(params, "MessageSid"):
        raise InvalidInput("Invalid webhook", {"MessageSid": "required"})
    with transaction.atomic():
        keyword = _keyword(route, params)
        data = _inbound_data(route, params, keyword)
        row, created = store_inbound(route.program_id, data, acting_user=route.received_by)
        reply = ""
        if keyword is not None:
            name, contact = route.from_name or route.program.name, route.help_contact
            reply = keyword_reply(keyword, name=name, contact=contact)
        if created:
            sms = SmsMessage.objects.create(
                program_id=route.program_id,
                route=route,
                channel=route.channel,
                kind=SmsKind.INBOUND,
                provider=PROVIDER,
                provider_sid=row.provider_message_id[:64],
                inbound=row,
                from_number=row.from_phone,
                to_number=route.phone_number,
                body=row.body,
                status=SmsStatus.RECEIVED,
            )
            record_media(sms, params)
            if keyword is not None:
                _record_keyword(route, row, keyword, reply)
    # A redelivery answers the same keyword reply (the first answer may never have reached
    # Twilio) but records nothing new.
    return Answer(200, reply)
