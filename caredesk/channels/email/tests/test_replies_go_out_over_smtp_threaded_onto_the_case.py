"""An agent's reply leaves over real SMTP (a relay started by the test) with the headers that
thread it: In-Reply-To and References of the mail it answers, the case reference in the
subject, the program's address and name as sender. The person's answer to it threads back onto
the same case. A program template words it; an opt-out stops it before anything is logged; a
relay that refuses for good fails it where a person sees it, one that defers is retried."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from caredesk.audit.models import AuditAction, AuditEvent
from caredesk.cases.models import Direction, Interaction
from caredesk.channels.email.models import EmailMessage, EmailTemplate, SendStatus
from caredesk.channels.email.services.delivery import sweep_outbound
from caredesk.channels.email.tests.conftest import ADDRESS, mail, send
from caredesk.channels.models import InboundMessage
from caredesk.outreach.services import record_consent
from caredesk.testing.api import ApiClient

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def first_mail_case(receiver: Any, smtp: Any) -> InboundMessage:
    """The first mail opens a case; its automatic acknowledgement is set aside."""
    send(receiver, mail(message_id="<q.1@example.test>", subject="Broken cap"))
    row = InboundMessage.objects.system_scope().get(provider_message_id="<q.1@example.test>")
    assert row.case is not None
    assert [r.message["In-Reply-To"] for r in smtp.received] == ["<q.1@example.test>"]
    smtp.received.clear()
    return row


def reference_of(row: InboundMessage) -> str:
    assert row.case is not None
    return row.case.reference


def stored(response: Any) -> EmailMessage:
    assert response.status_code == 201, response.content
    return EmailMessage.objects.system_scope().get(pk=response.json()["id"])


def reply(world: Any, case_id: int | None, body: str, **extra: str) -> Any:
    return ApiClient(world.agent_a).post(f"/cases/{case_id}/email", {"body": body, **extra})


def test_a_reply_is_threaded_and_the_answer_comes_back_to_the_case(receiver, smtp, world):
    row = first_mail_case(receiver, smtp)
    response = reply(world, row.case_id, "Sorry about the cap; a replacement is on its way.")
    assert response.status_code == 201, response.content
    assert stored(response).send_status == SendStatus.SENT  # delivered once the reply committed
    (got,) = smtp.received
    message = got.message
    assert got.rcpt_tos == ["carla@example.test"]
    assert message["In-Reply-To"] == "<q.1@example.test>"
    assert "<q.1@example.test>" in message["References"]
    reference = reference_of(row)
    assert (
        message["Subject"].startswith("Re: Broken cap") and f"[{reference}]" in message["Subject"]
    )
    assert message["From"] == f"Relievium Care <{ADDRESS}>"
    assert (
        "replacement is on its way" in message.get_payload() and reference in message.get_payload()
    )
    logged = Interaction.objects.system_scope().get(pk=response.json()["interaction_id"])
    assert logged.direction == Direction.OUTBOUND and logged.case_id == row.case_id
    answer = mail(
        "Thanks, received it.",
        subject="Re: Broken cap",
        message_id="<q.2@example.test>",
        In_Reply_To=message["Message-ID"],
        References=f"<q.1@example.test> {message['Message-ID']}",
    )
    send(receiver, answer)
    back = InboundMessage.objects.system_scope().get(provider_message_id="<q.2@example.test>")
    assert back.case_id == row.case_id


def test_a_program_template_words_the_reply(receiver, smtp, world):
    row = first_mail_case(receiver, smtp)
    EmailTemplate.objects.create(  # scoping: ok (test data)
        program=world.program_a,
        name="apology",
        subject="About your {{ program.name }} product",
        body="Dear customer,\n\n{{ message }}\n\nKind regards, {{ agent_name }}",
    )
    response = reply(world, row.case_id, "A new bottle is on its way.", template="apology")
    assert response.status_code == 201, response.content
    message = smtp.received[0].message
    assert message["Subject"] == f"About your Relievium US product [{reference_of(row)}]"
    assert message.get_payload().startswith("Dear customer,")
    assert reply(world, row.case_id, "x", template="missing").status_code == 404


def test_an_opt_out_stops_the_reply_before_anything_is_written(receiver, smtp, world):
    row = first_mail_case(receiver, smtp)
    record_consent(
        world.program_a,
        channel="email",
        address="carla@example.test",
        purpose="all",
        granted=False,
        source="agent",
        acting_user=world.agent_a,
        evidence="asked on the phone to get no more email",
    )
    before = Interaction.objects.system_scope().count()
    response = reply(world, row.case_id, "One more thing…")
    assert response.status_code == 409
    assert Interaction.objects.system_scope().count() == before
    replies = EmailMessage.objects.system_scope().exclude(interaction=None)  # not the ack
    assert not replies.filter(direction="outbound").exists()
    assert smtp.received == []


def test_a_refusing_relay_fails_it_and_a_deferring_one_is_retried(receiver, smtp, world):
    row = first_mail_case(receiver, smtp)
    smtp.refuse = 1
    refused = stored(reply(world, row.case_id, "First try"))
    assert refused.send_status == SendStatus.FAILED and "554" in refused.last_error
    smtp.defer = 1
    deferred = stored(reply(world, row.case_id, "Second try"))
    assert deferred.send_status == SendStatus.QUEUED and deferred.attempts == 1
    EmailMessage.objects.system_scope().filter(pk=deferred.pk).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )
    assert sweep_outbound() == 1
    assert [r.message.get_payload().splitlines()[0] for r in smtp.received] == ["Second try"]
    assert sweep_outbound() == 0  # sent once, never twice
    assert EmailMessage.objects.system_scope().get(pk=deferred.pk).attempts == 2
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, model__iendswith="emailmessage", object_id=str(deferred.pk)
    ).exists()


def test_replies_are_scoped_to_the_program_and_to_writers(receiver, smtp, world):
    row = first_mail_case(receiver, smtp)
    foreign = ApiClient(world.agent_b).post(f"/cases/{row.case_id}/email", {"body": "hi"})
    assert foreign.status_code == 404
    assert ApiClient(world.agent_b).get(f"/cases/{row.case_id}/email").status_code == 404
    auditor = ApiClient(world.auditor_a)
    assert auditor.post(f"/cases/{row.case_id}/email", {"body": "hi"}).status_code == 403
    listed = auditor.get(f"/cases/{row.case_id}/email").json()["items"]
    assert [e["interaction_id"] is None for e in listed if e["direction"] == "outbound"] == [True]
    assert smtp.received == []
