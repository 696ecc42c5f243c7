"""The automatic acknowledgement: a new case opened by an email is answered within seconds with
its reference, threaded on the person's mail, from the address they wrote to.

Called by the inbox worker once a message is filed (`processing.AFTER_PROCESSED`), inside its
transaction: the acknowledgement is written with the interaction and delivered after commit.
Not sent for mail onto an existing case, for machine-sent mail (auto-replies, bulk and list
mail: an answer could start a loop), for mail from one of our own addresses, or when the
consent ledger forbids it. Not logged as an interaction: it is no one's first response and must
not stop the case's first-response clock; it is on the case's timeline and its email list.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from caredesk.cases.models import Case, Interaction, TimelineKind
from caredesk.cases.services.timeline import add_timeline_entry
from caredesk.channels.email.models import EmailDirection, EmailMessage, EmailRoute, SendStatus
from caredesk.channels.email.services.receiving import PROVIDER
from caredesk.channels.email.services.replies import enqueue_delivery, new_message_id
from caredesk.channels.models import InboundMessage
from caredesk.outreach.models import ConsentPurpose
from caredesk.outreach.services import may_send
from caredesk.people.models import Channel

logger = logging.getLogger(__name__)


def ack_text(route: EmailRoute, case: Case) -> str:
    name = route.from_name or case.program.name
    return (
        f"Thank you for contacting {name}. We have received your message and opened case "
        f"{case.reference}; a care specialist will reply soon. Please keep the reference in the "
        "subject when you write again.\n\n"
        "If you are reporting a side effect that is serious or getting worse, please call your "
        "doctor or emergency services now."
    )


def _wanted(row: InboundMessage, interaction: Interaction) -> EmailRoute | None:
    """The route to answer from, when this message should be acknowledged at all."""
    if row.channel != Channel.EMAIL or row.provider != PROVIDER or row.case is None:
        return None
    if (row.raw or {}).get("automatic") or row.case.opened_at != row.received_at:
        return None
    route = EmailRoute.objects.system_scope().filter(address=row.to_address, active=True).first()
    if route is None or not row.from_address:
        return None
    if EmailRoute.objects.system_scope().filter(address=row.from_address).exists():
        return None  # our own address: never answer ourselves
    others = Interaction.objects.system_scope().filter(case=row.case).exclude(pk=interaction.pk)
    return None if others.exists() else route


def acknowledge_new_email_case(row: InboundMessage, interaction: Interaction) -> None:
    """Queue the acknowledgement for an email that opened a new case (see the module doc)."""
    route = _wanted(row, interaction)
    if route is None or row.case is None:
        return
    state = may_send(row.program_id, Channel.EMAIL, row.from_address, ConsentPurpose.CASE_REPLY)
    if not state.allowed:
        logger.info("no acknowledgement for inbound %s: consent does not allow it", row.pk)
        return
    try:
        with transaction.atomic():  # a savepoint: a failed acknowledgement never fails filing
            _queue_ack(route, row, row.case)
    except Exception:
        logger.exception("no acknowledgement for inbound %s", row.pk)


def _queue_ack(route: EmailRoute, row: InboundMessage, case: Case) -> None:
    incoming = str((row.raw or {}).get("message_id") or row.provider_message_id)
    subject = row.subject or "Your message"
    email = EmailMessage.objects.create(
        program_id=row.program_id,
        direction=EmailDirection.OUTBOUND,
        message_id=new_message_id(),
        in_reply_to=incoming,
        references=incoming,
        case=case,
        from_address=route.address,
        to_address=row.from_address,
        subject=f"Re: {subject} [{case.reference}]"[:300],
        body=ack_text(route, case),
        send_status=SendStatus.QUEUED,
        next_attempt_at=timezone.now(),
    )
    add_timeline_entry(
        case,
        TimelineKind.NOTE,
        f"Automatic acknowledgement by email to {row.from_address}",
        data={"email_id": email.pk},
    )
    transaction.on_commit(lambda: enqueue_delivery(email.pk))
