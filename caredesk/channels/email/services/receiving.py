"""Receiving an email for a program: route by address, thread by headers, store in the inbox.

Both the SMTP receiver and the IMAP poller call `receive_email` and answer (250, or mark the
IMAP message seen) only after it returned: the inbox row is committed by then. A Message-ID
already stored for the program is the same message (the inbox's unique provider id), so a
retried delivery creates nothing. A reply whose In-Reply-To / References name an email of a
case (one we received or one we sent) is given that case's reference, so the inbox's matching
puts it on the same case; otherwise a "CD-…" reference in the subject or text does.
"""

from __future__ import annotations

import html as html_lib
from dataclasses import dataclass

import nh3
from django.db import transaction
from django.utils import timezone

from caredesk.cases.models import Case
from caredesk.channels.email.models import EmailDirection, EmailMessage, EmailRoute
from caredesk.channels.email.services.parsing import ParsedEmail, parse_email, rejected_note
from caredesk.channels.message import InboundMessageData
from caredesk.channels.models import InboundMessage
from caredesk.channels.services.inbox import store_inbound
from caredesk.people.models import Channel

PROVIDER = "email"  # one provider for SMTP and IMAP: the same Message-ID either way is one message


@dataclass
class Received:
    inbound: InboundMessage
    created: bool


def route_for(address: str) -> EmailRoute | None:
    """The active route for a recipient address (system scope: the receiver has no user)."""
    return (
        EmailRoute.objects.system_scope()
        .filter(address=address.strip().lower(), active=True)
        .select_related("program", "received_by")
        .first()
    )


def thread_case(program_id: int, parsed: ParsedEmail) -> Case | None:
    """The case of the closest earlier email this one answers, if any is known."""
    wanted = parsed.thread_ids()
    if not wanted:
        return None
    known = (
        EmailMessage.objects.system_scope()
        .filter(program_id=program_id, message_id__in=wanted)
        .values_list("message_id", "case_id", "inbound__case_id")
    )
    case_of = {mid: case_id or inbound_case_id for mid, case_id, inbound_case_id in known}
    for message_id in wanted:
        if case_of.get(message_id):
            return Case.objects.system_scope().filter(pk=case_of[message_id]).first()
    return None


def _plain_text(parsed: ParsedEmail) -> str:
    text = parsed.text.strip()
    if not text and parsed.html:
        text = html_lib.unescape(nh3.clean(parsed.html, tags=set())).strip()
    note = rejected_note(parsed.rejected)
    return f"{text}\n\n{note}".strip() if note else text


def _inbound_data(route: EmailRoute, parsed: ParsedEmail, transport: str) -> InboundMessageData:
    case = thread_case(route.program_id, parsed)
    return InboundMessageData(
        channel=Channel.EMAIL,
        provider=PROVIDER,
        provider_message_id=parsed.message_id[:200],
        received_at=timezone.now(),
        from_address=parsed.from_address,
        from_name=parsed.from_name,
        to_address=route.address,
        subject=parsed.subject,
        body=_plain_text(parsed),
        body_html=parsed.html,
        reference=case.reference if case is not None else "",
        attachments=parsed.attachments,
        raw={
            "transport": transport,
            "message_id": parsed.message_id,
            "in_reply_to": parsed.in_reply_to,
            "references": parsed.references,
            "to": parsed.to_addresses,
            "sent_at": parsed.sent_at.isoformat() if parsed.sent_at else None,
            "rejected_attachments": parsed.rejected,
            "automatic": parsed.automatic,
        },
    )


def receive_parsed(route: EmailRoute, parsed: ParsedEmail, *, transport: str) -> Received:
    """Store one parsed email for a route; InvalidInput when it cannot be stored at all."""
    data = _inbound_data(route, parsed, transport)
    with transaction.atomic():
        row, created = store_inbound(route.program_id, data, acting_user=route.received_by)
        if created:
            EmailMessage.objects.create(
                program_id=route.program_id,
                direction=EmailDirection.INBOUND,
                message_id=parsed.message_id[:400],
                in_reply_to=parsed.in_reply_to[:400],
                references=" ".join(parsed.references),
                inbound=row,
                rejected_attachments=parsed.rejected,
                from_address=parsed.from_address,
                to_address=route.address,
                subject=parsed.subject[:300],
            )
    return Received(row, created)


def receive_email(raw: bytes, recipients: list[str], *, transport: str) -> list[Received]:
    """Store a raw email once for each routed recipient (unrouted ones are skipped)."""
    parsed = parse_email(raw)
    results = []
    for address in dict.fromkeys(r.strip().lower() for r in recipients):
        route = route_for(address)
        if route is not None:
            results.append(receive_parsed(route, parsed, transport=transport))
    return results
