"""STOP and its synonyms revoke consent on the channel in the webhook request itself (the ledger
row is committed with the inbox row, before any worker runs) and are answered by TwiML naming
the program and how to resubscribe; START re-subscribes; HELP names the program and its contact.
A keyword is the whole message only; a redelivery records nothing twice; a STOP never gets the
case acknowledgement."""

from __future__ import annotations

import pytest

from caredesk.audit.models import AuditAction, AuditEvent
from caredesk.channels.models import InboundMessage
from caredesk.channels.sms.models import SmsKind, SmsMessage, SmsStatus
from caredesk.channels.sms.tests.conftest import (
    PHARMACIST,
    STRANGER,
    WHATSAPP_A,
    message,
    post_signed,
)
from caredesk.outreach.models import ConsentPurpose, ConsentRecord, ConsentSource
from caredesk.outreach.services import may_send

pytestmark = pytest.mark.django_db


def ledger() -> list[ConsentRecord]:
    return list(ConsentRecord.objects.system_scope().order_by("recorded_at", "pk"))


def send(body: str, sid: str, **kwargs: str) -> str:
    response = post_signed(message(body, sid=sid, **kwargs))
    assert response.status_code == 200, response.content
    return response.content.decode()


def test_stop_is_recorded_at_once_and_answered_with_the_opt_out_confirmation(routes, world):
    twiml = send("STOP", "SMstop1")
    assert "<Response><Message>You are unsubscribed from Relievium Care messages" in twiml
    assert "Reply START to resubscribe. Msg&amp;data rates may apply.</Message>" in twiml
    (record,) = ledger()
    assert (record.channel, record.address, record.purpose) == ("sms", PHARMACIST, "all")
    assert record.granted is False and record.source == ConsentSource.SMS_KEYWORD
    assert record.person == world.pharmacist_a and record.program == world.program_a
    assert record.evidence_ref == "twilio:SMstop1" and '"STOP"' in record.evidence
    row = InboundMessage.objects.system_scope().get()
    assert record.recorded_at == row.received_at and row.raw["keyword"] == ["opt_out"]
    assert (
        AuditEvent.objects.system_scope()
        .filter(action=AuditAction.CREATE, model="outreach.consentrecord", object_id=str(record.pk))
        .exists()
    )
    reply = SmsMessage.objects.system_scope().get(kind=SmsKind.KEYWORD_REPLY)
    assert reply.status == SmsStatus.ANSWERED and reply.reply_to == row
    state = may_send(world.program_a, "sms", PHARMACIST, ConsentPurpose.CASE_REPLY)
    assert not state.allowed and state.opted_out


@pytest.mark.parametrize(
    "body", ["stop", " Stop! ", "STOPALL", "unsubscribe", "Cancel", "END", "quit", "opt out"]
)
def test_every_opt_out_word_counts_whatever_its_case(routes, body):
    assert "unsubscribed" in send(body, "SMx")
    assert [r.granted for r in ledger()] == [False]


def test_spanish_opt_out_is_answered_in_spanish(routes):
    assert "Se ha dado de baja de los mensajes de Relievium Care" in send("Alto", "SMes")
    assert [r.granted for r in ledger()] == [False]


@pytest.mark.parametrize(
    "body", ["please stop texting me", "Stop the coupons but answer my question", "yes", "help me"]
)
def test_a_keyword_inside_a_sentence_is_an_ordinary_message(routes, body):
    assert send(body, "SMy").endswith("<Response/>")
    assert ledger() == []


def test_start_resubscribes_and_yes_only_counts_while_opted_out(routes, world):
    send("STOP", "SM1")
    assert "You are resubscribed to Relievium Care messages" in send("START", "SM2")
    assert [r.granted for r in ledger()] == [False, True]
    assert may_send(world.program_a, "sms", PHARMACIST, "case_reply").allowed
    send("STOP", "SM3")
    assert "resubscribed" in send("Yes", "SM4")
    assert [r.granted for r in ledger()] == [False, True, False, True]


def test_help_names_the_program_and_its_contact_and_changes_nothing(routes):
    twiml = send("HELP", "SMh")
    assert "Relievium Care customer care: call 1-800-555-0100" in twiml
    assert "Reply STOP to unsubscribe" in twiml
    assert ledger() == []
    assert "Atención al cliente de Relievium Care" in send("ayuda", "SMh2")


def test_a_redelivered_stop_is_answered_again_but_recorded_once(routes):
    first, again = send("STOP", "SMdup"), send("STOP", "SMdup")
    assert "unsubscribed" in first and "unsubscribed" in again
    assert len(ledger()) == 1
    assert SmsMessage.objects.system_scope().filter(kind=SmsKind.KEYWORD_REPLY).count() == 1


def test_stop_on_whatsapp_revokes_whatsapp_only(routes, world):
    send("STOP", "SMwa", sender=f"whatsapp:{PHARMACIST}", to=f"whatsapp:{WHATSAPP_A}")
    (record,) = ledger()
    assert (record.channel, record.address) == ("whatsapp", PHARMACIST)
    assert not may_send(world.program_a, "whatsapp", PHARMACIST, "case_reply").allowed
    assert may_send(world.program_a, "sms", PHARMACIST, "case_reply").allowed


def test_a_stop_from_an_unknown_number_is_kept_and_gets_no_acknowledgement(
    routes, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send("STOP", "SMnew", sender=STRANGER)
    (record,) = ledger()
    assert record.person is None and record.address == STRANGER
    row = InboundMessage.objects.system_scope().get()
    assert row.case is not None  # the opt-out is on the new person's timeline
    kinds = set(SmsMessage.objects.system_scope().values_list("kind", flat=True))
    assert kinds == {SmsKind.INBOUND, SmsKind.KEYWORD_REPLY}
