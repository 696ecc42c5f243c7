"""An agent's SMS reply on a case is logged as an outbound interaction and handed to the provider
after commit; delivery-status callbacks move the message's status forward (never back), and the
interaction stays as it was. After STOP nothing goes out: the API answers 409 and writes
nothing, and a reply queued before the STOP is blocked at send time. A new case opened by an SMS
is acknowledged with its reference; an auditor cannot send, another program's agent cannot see."""

from __future__ import annotations

import json

import pytest

from caredesk.cases.models import Direction, Interaction, TimelineEntry
from caredesk.channels.models import InboundMessage
from caredesk.channels.sms.models import SmsKind, SmsMessage, SmsStatus
from caredesk.channels.sms.services.sending import deliver_now
from caredesk.channels.sms.tests.conftest import (
    PHARMACIST,
    STATUS_HOOK,
    STRANGER,
    message,
    post_signed,
)
from caredesk.testing.api import ApiClient

pytestmark = pytest.mark.django_db


def reply(world, capture, body="Thank you, here is the answer.", user=None):
    client = ApiClient(user or world.agent_a)
    with capture(execute=True):
        return client.post(f"/cases/{world.case_a.pk}/sms", {"body": body})


def outbox_lines(outbox) -> list[dict]:
    return [json.loads(line) for line in outbox.read_text().splitlines()] if outbox.exists() else []


def callback(sid: str, status: str, **extra: str):
    params = {"MessageSid": sid, "MessageStatus": status, "From": "+12025550100", **extra}
    params["To"] = PHARMACIST
    return post_signed(params, path=STATUS_HOOK)


def test_a_reply_is_logged_sent_and_its_delivery_tracked(
    routes, world, outbox, django_capture_on_commit_callbacks
):
    response = reply(world, django_capture_on_commit_callbacks)
    assert response.status_code == 201, response.content
    answer = response.json()
    assert (answer["to_number"], answer["channel"], answer["kind"]) == (PHARMACIST, "sms", "reply")
    interaction = Interaction.objects.system_scope().get(pk=answer["interaction_id"])
    assert interaction.direction == Direction.OUTBOUND and interaction.author == world.agent_a
    assert interaction.body == "Thank you, here is the answer."
    sms = SmsMessage.objects.system_scope().get(pk=answer["id"])
    assert sms.status == SmsStatus.ACCEPTED and sms.provider_sid.startswith("LM")
    (line,) = outbox_lines(outbox)
    assert (line["to"], line["from"], line["sid"]) == (PHARMACIST, "+12025550100", sms.provider_sid)

    assert callback(sms.provider_sid, "sent").status_code == 200
    assert callback(sms.provider_sid, "delivered").status_code == 200
    assert callback(sms.provider_sid, "sent").status_code == 200  # late and out of order
    sms.refresh_from_db()
    assert sms.status == SmsStatus.DELIVERED and sms.delivered_at is not None
    assert Interaction.objects.system_scope().get(pk=interaction.pk).body == interaction.body

    listed = ApiClient(world.agent_a).get(f"/cases/{world.case_a.pk}/sms").json()["items"]
    assert [m["status"] for m in listed] == ["delivered"]


def test_a_failed_delivery_keeps_its_error_code(routes, world, django_capture_on_commit_callbacks):
    sms_id = reply(world, django_capture_on_commit_callbacks).json()["id"]
    sid = SmsMessage.objects.system_scope().get(pk=sms_id).provider_sid
    callback(sid, "undelivered", ErrorCode="30005")
    sms = SmsMessage.objects.system_scope().get(pk=sms_id)
    assert (sms.status, sms.error_code) == ("undelivered", "30005")
    assert sms.provider_status == "undelivered"


def test_a_callback_for_an_unknown_message_answers_404(routes):
    assert callback("SMnot-ours", "delivered").status_code == 404


def test_after_stop_a_reply_is_refused_with_409_and_nothing_is_written(
    routes, world, outbox, django_capture_on_commit_callbacks
):
    post_signed(message("STOP", sid="SMstop"))
    before = Interaction.objects.system_scope().count()
    response = reply(world, django_capture_on_commit_callbacks)
    assert response.status_code == 409
    assert "opted out" in response.json()["errors"]["consent"]
    assert Interaction.objects.system_scope().count() == before
    assert not SmsMessage.objects.system_scope().filter(kind=SmsKind.REPLY).exists()
    assert outbox_lines(outbox) == []


def test_a_reply_queued_before_a_stop_is_blocked_when_its_turn_comes(routes, world, outbox):
    response = ApiClient(world.agent_a).post(f"/cases/{world.case_a.pk}/sms", {"body": "Hi"})
    assert response.status_code == 201  # queued; its delivery waits for the commit
    post_signed(message("STOP", sid="SMstop"))
    sms = deliver_now(response.json()["id"])
    assert sms is not None
    assert sms.status == SmsStatus.BLOCKED and "opted out" in sms.last_error
    assert outbox_lines(outbox) == []


def test_a_new_case_by_sms_is_acknowledged_with_its_reference(
    routes, world, outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_signed(message("Where can I buy Relievium?", sid="SMnew", sender=STRANGER))
    row = InboundMessage.objects.system_scope().get()
    case = row.case
    assert case is not None
    ack = SmsMessage.objects.system_scope().get(kind=SmsKind.AUTO_ACK)
    assert ack.case == case and ack.reply_to == row and ack.status == SmsStatus.ACCEPTED
    assert case.reference in ack.body and "STOP" in ack.body
    (line,) = outbox_lines(outbox)
    assert line["to"] == STRANGER and case.reference in line["body"]
    # Not an interaction: the acknowledgement is nobody's first response.
    assert case.first_responded_at is None
    assert not Interaction.objects.system_scope().filter(case=case, direction="outbound").exists()
    assert TimelineEntry.objects.system_scope().filter(case=case, kind="note").exists()


def test_no_acknowledgement_after_a_stop(routes, world, outbox, django_capture_on_commit_callbacks):
    post_signed(message("STOP", sid="SMstop", sender=STRANGER))
    with django_capture_on_commit_callbacks(execute=True):
        post_signed(message("Actually, one question", sid="SMq", sender=STRANGER))
    assert not SmsMessage.objects.system_scope().filter(kind=SmsKind.AUTO_ACK).exists()
    assert outbox_lines(outbox) == []


def test_bad_input_is_a_clear_4xx(routes, world, django_capture_on_commit_callbacks):
    client = ApiClient(world.agent_a)
    assert client.post(f"/cases/{world.case_a.pk}/sms", {"body": "   "}).status_code == 422
    assert client.post(f"/cases/{world.case_a.pk}/sms", {"body": "x" * 1601}).status_code == 422
    assert client.post(f"/cases/{world.case_a.pk}/sms", {}).status_code == 422
    bad_channel = {"body": "Hi", "channel": "fax"}
    assert client.post(f"/cases/{world.case_a.pk}/sms", bad_channel).status_code == 422


def test_no_route_for_the_channel_answers_409(world):
    response = ApiClient(world.agent_a).post(f"/cases/{world.case_a.pk}/sms", {"body": "Hi"})
    assert response.status_code == 409


def test_an_auditor_cannot_send_and_another_programs_agent_cannot_see(
    routes, world, django_capture_on_commit_callbacks
):
    reply(world, django_capture_on_commit_callbacks)
    auditor = ApiClient(world.auditor_a)
    assert auditor.post(f"/cases/{world.case_a.pk}/sms", {"body": "Hi"}).status_code == 403
    assert auditor.get(f"/cases/{world.case_a.pk}/sms").json()["count"] == 1
    other = ApiClient(world.agent_b)
    assert other.get(f"/cases/{world.case_a.pk}/sms").status_code == 404
    assert other.post(f"/cases/{world.case_a.pk}/sms", {"body": "Hi"}).status_code == 404
