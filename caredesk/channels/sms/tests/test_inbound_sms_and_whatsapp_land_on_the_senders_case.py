"""A signed inbound message answers 200 with empty TwiML once it is stored; the worker files it
on the sender's open case (found by phone), screened like any contact. WhatsApp's `whatsapp:`
prefix marks the channel and is not part of the number. A redelivered MessageSid creates
nothing new. A route of program B stores into program B only, whoever sends to it."""

from __future__ import annotations

import pytest

from caredesk.cases.models import Case, Interaction
from caredesk.channels.models import InboundMessage, InboxStatus
from caredesk.channels.sms.models import SmsKind, SmsMessage, SmsStatus
from caredesk.channels.sms.tests.conftest import (
    PHARMACIST,
    SMS_B,
    TOKEN_B,
    WHATSAPP_A,
    message,
    post_signed,
)

pytestmark = pytest.mark.django_db
EMPTY = b'<?xml version="1.0" encoding="UTF-8"?><Response/>'


def rows() -> list[InboundMessage]:
    return list(InboundMessage.objects.system_scope().order_by("pk"))


def test_the_webhook_answers_empty_twiml_once_the_message_is_stored(routes, world):
    response = post_signed(message())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    assert response.content == EMPTY
    (row,) = rows()  # stored; the worker has not run (its wake-up waits for the commit)
    assert row.status == InboxStatus.PENDING and row.program == world.program_a
    assert (row.channel, row.provider) == ("sms", "twilio")
    assert row.provider_message_id == "SM00000000000000000000000000000001"
    assert row.from_phone == PHARMACIST and row.to_address == "+12025550100"
    assert row.raw["Body"] == ["Hello, I have a question about Relievium."]
    sms = SmsMessage.objects.system_scope().get()
    assert (sms.kind, sms.status, sms.inbound) == (SmsKind.INBOUND, SmsStatus.RECEIVED, row)


def test_the_worker_files_it_on_the_senders_open_case_screened(
    routes, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_signed(message("I got a bad rash after Relievium 200 mg."))
    (row,) = rows()
    assert row.status == InboxStatus.PROCESSED
    assert row.person == world.pharmacist_a and row.case == world.case_a
    interaction = row.interaction
    assert interaction is not None
    assert (interaction.channel, interaction.direction) == ("sms", "inbound")
    assert interaction.case == world.case_a
    # Screened like any contact: the side effect opened a draft safety case.
    assert world.case_a.safety_cases.exists()
    # An existing case is not acknowledged again.
    assert not SmsMessage.objects.system_scope().filter(kind=SmsKind.AUTO_ACK).exists()


def test_whatsapp_numbers_carry_the_prefix_only_on_the_wire(
    routes, world, django_capture_on_commit_callbacks
):
    params = message(
        "Hola, tengo una pregunta",
        sid="SMwa1",
        sender=f"whatsapp:{PHARMACIST}",
        to=f"whatsapp:{WHATSAPP_A}",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = post_signed(params)
    assert response.status_code == 200
    (row,) = rows()
    assert (row.channel, row.from_phone, row.to_address) == ("whatsapp", PHARMACIST, WHATSAPP_A)
    assert row.case == world.case_a
    assert row.interaction is not None and row.interaction.channel == "whatsapp"


def test_a_whatsapp_message_to_the_sms_number_is_unknown(routes):
    params = message(sender=f"whatsapp:{PHARMACIST}", to="whatsapp:+12025550100")
    assert post_signed(params).status_code == 404


def test_a_redelivered_message_sid_creates_nothing_new(
    routes, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = post_signed(message("First delivery"))
        again = post_signed(message("Twilio's retry of the same message"))
    assert first.status_code == again.status_code == 200
    assert len(rows()) == 1
    assert SmsMessage.objects.system_scope().count() == 1
    assert Interaction.objects.system_scope().filter(channel="sms").count() == 1


def test_pictures_are_noted_on_the_message(routes):
    params = message(
        "",
        NumMedia="1",
        MediaUrl0="https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
        MediaContentType0="image/jpeg",
    )
    assert post_signed(params).status_code == 200
    (row,) = rows()
    assert row.body == "[1 media attachment(s): image/jpeg]"
    assert row.raw["MediaUrl0"][0].endswith("/Media/ME1")


def test_a_message_without_sid_or_with_a_bad_sender_is_refused_with_400(routes):
    assert post_signed(message(sid="")).status_code == 400
    assert post_signed(message(sender="not a phone")).status_code == 400
    assert rows() == []


def test_program_bs_number_stores_into_program_b_only(
    routes, world, django_capture_on_commit_callbacks
):
    """Even when the sender is program A's pharmacist: persons never cross programs."""
    with django_capture_on_commit_callbacks(execute=True):
        response = post_signed(message("Question for GlucoTrack", to=SMS_B), token=TOKEN_B)
    assert response.status_code == 200
    (row,) = rows()
    assert row.program == world.program_b
    assert row.case is not None and row.person is not None
    assert row.case.program == world.program_b and row.person.program == world.program_b
    assert row.case != world.case_a and row.person != world.pharmacist_a
    assert not Interaction.objects.system_scope().filter(case=world.case_a).exists()
    assert Case.objects.system_scope().filter(program=world.program_a).count() == 1
