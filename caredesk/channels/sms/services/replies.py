"""An agent's SMS/WhatsApp reply on a case: checked, logged as an outbound interaction, queued.

The reply goes to the number and channel the person last wrote from on this case (or, if they
never wrote by SMS/WhatsApp, to their phone by SMS), through the program's active route for that
channel. The consent ledger is asked before anything is written: after a STOP the answer is
409 and nothing is logged or sent. On WhatsApp, free-form text is refused (409) outside the
24-hour customer-service window; an approved template (`template`, with its `variables`) may be
sent at any time (`services/whatsapp.py`).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from caredesk.audit.services import record_created
from caredesk.cases.models import Case, Direction
from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.channels.models import InboundMessage
from caredesk.channels.sms.models import SmsChannel, SmsKind, SmsMessage, SmsRoute
from caredesk.channels.sms.services.sending import check_body, queue_outbound
from caredesk.channels.sms.services.whatsapp import (
    approved_template,
    check_free_form_allowed,
    render_template,
)
from caredesk.errors import Conflict, InvalidInput
from caredesk.outreach.models import ConsentPurpose
from caredesk.outreach.services import may_send
from caredesk.people.models import ContactKind, ContactPoint
from caredesk.tenancy.services import check_can_write

SMS_FIELDS = ["case", "interaction", "channel", "kind", "to_number", "purpose", "status"]


def _recipient(case: Case, channel: str | None) -> tuple[str, str]:
    """(channel, E.164 number) the reply goes to."""
    wanted = [channel] if channel else list(SmsChannel.values)
    # scoping: ok (the caller holds the case already)
    last = (
        InboundMessage.objects.system_scope()
        .filter(case=case, channel__in=wanted)
        .exclude(from_phone="")
        .order_by("-received_at", "-pk")
        .values_list("channel", "from_phone")
        .first()
    )
    if last:
        return str(last[0]), str(last[1])
    phone = (
        ContactPoint.objects.system_scope()
        .filter(person_id=case.person_id, program_id=case.program_id, kind=ContactKind.PHONE)
        .order_by("pk")
        .values_list("value", flat=True)
        .first()
        if case.person_id
        else None
    )
    if not phone:
        raise InvalidInput("No number to send to", {"to": "the case's person has no phone number"})
    return channel or SmsChannel.SMS, str(phone)


def active_route(program_id: int, channel: str) -> SmsRoute:
    route = (
        SmsRoute.objects.system_scope()
        .filter(program_id=program_id, channel=channel, active=True)
        .order_by("pk")
        .first()
    )
    if route is None:
        raise Conflict(
            "The program has no active route for this channel", {"channel": f"no {channel} route"}
        )
    return route


def send_case_sms(
    case: Case,
    body: str,
    *,
    acting_user: Any,
    channel: str | None = None,
    template: str = "",
    variables: list[str] | None = None,
) -> SmsMessage:
    """Reply on a case by SMS/WhatsApp: consent checked, interaction logged, message queued."""
    check_can_write(acting_user, case.program_id)
    if channel is not None and channel not in SmsChannel.values:
        raise InvalidInput("Invalid message", {"channel": "sms or whatsapp"})
    if template and channel not in (None, SmsChannel.WHATSAPP):
        raise InvalidInput("Invalid message", {"template": "templates are for WhatsApp only"})
    channel, to = _recipient(case, SmsChannel.WHATSAPP if template else channel)
    route = active_route(case.program_id, channel)
    links: dict[str, Any] = {}
    if template:
        found = approved_template(case.program_id, template)
        text = render_template(found, list(variables or []))
        links = {"template": found, "template_variables": list(variables or [])}
    else:
        text = check_body(body)
        if channel == SmsChannel.WHATSAPP:
            check_free_form_allowed(case.program_id, to)
    # Checked first so that a refused reply writes nothing (queue_outbound checks again).
    state = may_send(case.program_id, channel, to, ConsentPurpose.CASE_REPLY)
    if not state.allowed:
        raise Conflict("Consent does not allow this message", {"consent": state.reason})
    interaction = log_interaction(
        case,
        InteractionInput(channel=channel, direction=Direction.OUTBOUND, body=text),
        acting_user=acting_user,
    )
    sms = queue_outbound(
        route,
        to,
        text,
        purpose=ConsentPurpose.CASE_REPLY,
        case=case,
        interaction=interaction,
        kind=SmsKind.REPLY,
        **links,
    )
    record_created(sms, acting_user=acting_user, fields=SMS_FIELDS)
    return sms


def case_messages(case: Case) -> QuerySet[SmsMessage]:
    """Every SMS/WhatsApp message of a case, both directions, oldest first."""
    # scoping: ok (the caller holds the case already)
    return (
        SmsMessage.objects.system_scope()
        .filter(Q(case=case) | Q(inbound__case=case), program_id=case.program_id)
        .prefetch_related("media")
        .order_by("created_at", "pk")
    )
