"""An email that opens a case is acknowledged within seconds over real SMTP: threaded on the
person's mail, from the address they wrote to, with the case reference; not logged as an
interaction (it is nobody's first response). Mail onto an existing case, machine-sent mail
(no mail loops) and an opted-out address get no acknowledgement."""

from __future__ import annotations

import pytest

from caredesk.cases.models import Interaction, TimelineEntry
from caredesk.channels.email.tests.conftest import ADDRESS, mail, send
from caredesk.channels.models import InboundMessage
from caredesk.outreach.services import record_consent

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def row_of(message_id: str) -> InboundMessage:
    return InboundMessage.objects.system_scope().get(provider_message_id=message_id)


def test_the_first_mail_gets_its_reference_back(receiver, smtp, world):
    send(receiver, mail(message_id="<n.1@example.test>", subject="Question"))
    row = row_of("<n.1@example.test>")
    assert row.case is not None
    (ack,) = smtp.received
    assert ack.rcpt_tos == ["carla@example.test"]
    assert ack.message["In-Reply-To"] == "<n.1@example.test>"
    assert ack.message["Subject"] == f"Re: Question [{row.case.reference}]"
    assert ADDRESS in ack.message["From"] and row.case.reference in ack.message.get_payload()
    assert Interaction.objects.system_scope().filter(case=row.case).count() == 1
    note = TimelineEntry.objects.system_scope().filter(
        case=row.case, summary__startswith="Automatic ack"
    )
    assert note.exists()


def test_a_reply_onto_the_case_is_not_acknowledged_again(receiver, smtp, world):
    send(receiver, mail(message_id="<n.2@example.test>"))
    answer = mail("More details", message_id="<n.3@example.test>", In_Reply_To="<n.2@example.test>")
    send(receiver, answer)
    assert row_of("<n.3@example.test>").case_id == row_of("<n.2@example.test>").case_id
    assert len(smtp.received) == 1


def test_machine_mail_and_opted_out_senders_get_nothing(receiver, smtp, world):
    send(receiver, mail(message_id="<n.4@example.test>", Auto_Submitted="auto-replied"))
    send(receiver, mail(message_id="<n.5@example.test>", sender="news@list.test", List_Id="<x>"))
    record_consent(
        world.program_a,
        channel="email",
        address="quiet@example.test",
        purpose="all",
        granted=False,
        source="agent",
        acting_user=world.agent_a,
        evidence="asked for no email",
    )
    send(receiver, mail(message_id="<n.6@example.test>", sender="quiet@example.test"))
    assert all(row_of(f"<n.{i}@example.test>").case_id for i in (4, 5, 6))
    assert smtp.received == []
