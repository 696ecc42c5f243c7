"""An incoming call is stored through the inbox first (channel phone, provider twilio, id =
CallSid, sender = From) and answered with TwiML: the program's greeting, the consent-to-record
notice and a <Gather> of keys or speech reading the menu. The worker files it on the caller's
case; a redelivered CallSid stores nothing new; a withheld number still gets through."""

from __future__ import annotations

import pytest

from caredesk.channels.models import InboundMessage, InboxStatus
from caredesk.channels.voice.models import CallRecord, IvrConfig
from caredesk.channels.voice.tests.conftest import (
    PHARMACIST,
    VOICE_A,
    call_params,
    one,
    post_voice,
    said,
    text,
    twiml,
)

pytestmark = pytest.mark.django_db


def test_the_answer_greets_notices_recording_and_gathers_a_choice(line, world):
    IvrConfig.objects.create(
        program=world.program_a,
        greeting="Welcome to Relievium Care.",
        consent_notice="This call may be recorded for quality and safety.",
    )
    root = twiml(post_voice("", call_params()))
    says = [el.text for el in root.findall("Say")]
    assert says == [
        "Welcome to Relievium Care.",
        "This call may be recorded for quality and safety.",
    ]
    (gather,) = root.findall("Gather")
    assert gather.get("input") == "dtmf speech"
    assert gather.get("action") == "/hooks/twilio/voice/menu/?tries=1"
    assert gather.get("numDigits") == "1"
    menu = said(gather)
    assert "press 1" in menu and "recall" in menu
    assert "side effect" in menu and "press 4" in menu
    assert "press 0" in menu
    # No answer: the menu again (then, after a few rounds, a specialist).
    assert text(one(root, "Redirect")) == "/hooks/twilio/voice/menu/?tries=2"


def test_the_call_is_stored_in_the_inbox_before_anything_else(line, world):
    post_voice("", call_params())
    (row,) = InboundMessage.objects.system_scope().all()
    assert (row.channel, row.provider) == ("phone", "twilio")
    assert row.provider_message_id == "CA00000000000000000000000000000001"
    assert row.session_id == "CA00000000000000000000000000000001"
    assert row.from_phone == PHARMACIST and row.to_address == VOICE_A
    assert row.program == world.program_a and row.status == InboxStatus.PENDING
    call = CallRecord.objects.system_scope().get()
    assert call.inbound == row and call.consent_notice_at is not None


def test_the_worker_files_the_call_on_the_callers_case(
    line, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_voice("", call_params())
    row = InboundMessage.objects.system_scope().get()
    assert row.status == InboxStatus.PROCESSED
    assert row.person == world.pharmacist_a and row.case == world.case_a
    assert row.interaction is not None and row.interaction.channel == "phone"
    call = CallRecord.objects.system_scope().get()
    assert (call.case, call.person) == (world.case_a, world.pharmacist_a)


def test_a_redelivered_call_creates_nothing_new_and_answers_alike(line):
    first = post_voice("", call_params()).content
    again = post_voice("", call_params()).content
    assert first == again
    assert InboundMessage.objects.system_scope().count() == 1
    assert CallRecord.objects.system_scope().count() == 1


def test_a_withheld_number_is_answered_and_stored_by_its_session(line):
    root = twiml(post_voice("", call_params(sender="anonymous")))
    assert root.find("Gather") is not None
    row = InboundMessage.objects.system_scope().get()
    assert row.from_phone == "" and row.session_id == "CA00000000000000000000000000000001"
    assert "withheld" in row.body


def test_text_from_the_admin_is_escaped_by_the_xml_builder(line, world):
    IvrConfig.objects.create(program=world.program_a, greeting="Care & <Support>")
    response = post_voice("", call_params())
    assert b"Care &amp; &lt;Support&gt;" in response.content
    assert text(one(twiml(response), "Say")) == "Care & <Support>"


def test_a_caller_silent_at_the_menu_is_put_through_to_a_specialist(line, world):
    twiml(post_voice("", call_params()))
    last_round = twiml(post_voice("menu/?tries=3", call_params()))
    assert text(one(last_round, "Redirect")) == "/hooks/twilio/voice/menu/agent/"
    root = twiml(post_voice("menu/agent/", call_params()))
    assert root.find("Enqueue") is not None or root.find("Record") is not None
