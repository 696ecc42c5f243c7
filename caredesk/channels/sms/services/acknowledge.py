"""The automatic acknowledgement: a new case opened by an SMS/WhatsApp message is answered with
its reference within seconds, by the route the message came in on.

Called by the inbox worker once a message is filed (`processing.AFTER_PROCESSED`), inside its
transaction: the acknowledgement row is written with the interaction (so a killed worker leaves
neither) and handed to the provider after commit. Not sent for a keyword message (STOP gets only
its own reply), for a message added to an existing case, or when the ledger forbids it. The
acknowledgement is not logged as an interaction: it is no one's first response, and must not
stop the case's first-response clock; it is on the case's timeline and its SMS list instead.
"""

from __future__ import annotations

import logging

from django.db import transaction

from caredesk.audit.services import record_created
from caredesk.cases.models import Case, Interaction, TimelineKind
from caredesk.cases.services.timeline import add_timeline_entry
from caredesk.channels.models import InboundMessage
from caredesk.channels.sms.models import SmsChannel, SmsKind, SmsRoute
from caredesk.channels.sms.services.sending import queue_outbound
from caredesk.outreach.models import ConsentPurpose
from caredesk.outreach.services import may_send

logger = logging.getLogger(__name__)


def ack_text(route: SmsRoute, case: Case) -> str:
    name = route.from_name or route.program.name
    return (
        f"{name}: we received your message. Your case reference is {case.reference}. "
        "A care specialist will reply soon. Reply HELP for help, STOP to unsubscribe."
    )


def _route(row: InboundMessage) -> SmsRoute | None:
    return (
        SmsRoute.objects.system_scope()
        .filter(
            program_id=row.program_id,
            channel=row.channel,
            phone_number=row.to_address,
            active=True,
        )
        .select_related("program")
        .first()
    )


def _is_new_case(row: InboundMessage, case: Case, interaction: Interaction) -> bool:
    """The message opened this case: the inbox opens a case as of the message's receipt time,
    and the case has no other contact."""
    if case.opened_at != row.received_at:
        return False
    others = Interaction.objects.system_scope().filter(case=case).exclude(pk=interaction.pk)
    return not others.exists()


def acknowledge_new_case(row: InboundMessage, interaction: Interaction) -> None:
    """Queue the acknowledgement for a message that opened a new case (see the module doc)."""
    # Cheapest checks first: most rows (other channels, REST-posted messages without a route
    # number, messages onto existing cases) leave here without a query.
    if row.channel not in SmsChannel.values or not (row.from_phone and row.to_address):
        return
    if row.case is None or (row.raw or {}).get("keyword"):
        return
    case = row.case
    route = _route(row) if case.opened_at == row.received_at else None
    if route is None or not _is_new_case(row, case, interaction):
        return
    if not may_send(row.program_id, row.channel, row.from_phone, ConsentPurpose.CASE_REPLY).allowed:
        logger.info("no acknowledgement for inbound %s: consent does not allow it", row.pk)
        return
    try:
        # A savepoint: an acknowledgement that cannot be written must not fail the filing.
        with transaction.atomic():
            _queue_ack(route, row, case)
    except Exception:
        logger.exception("no acknowledgement for inbound %s", row.pk)


def _queue_ack(route: SmsRoute, row: InboundMessage, case: Case) -> None:
    sms = queue_outbound(
        route,
        row.from_phone,
        ack_text(route, case),
        purpose=ConsentPurpose.CASE_REPLY,
        kind=SmsKind.AUTO_ACK,
        case=case,
        reply_to=row,
    )
    add_timeline_entry(
        case,
        TimelineKind.NOTE,
        f"Automatic acknowledgement by {route.get_channel_display()}: {sms.body}",
        data={"sms_id": sms.pk},
    )
    record_created(sms, acting_user=row.received_by, fields=["case", "kind", "to_number", "status"])
