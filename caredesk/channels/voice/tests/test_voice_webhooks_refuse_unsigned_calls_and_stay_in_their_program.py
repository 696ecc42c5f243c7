"""A voice webhook not signed with the route's auth token gets 403, is logged and audited, and
stores nothing; a call to a number no program answers gets 404. A call to program B's number
stores into program B only, whoever calls; a request signed with B's token cannot reach a call
of program A by naming its CallSid."""

from __future__ import annotations

import logging

import pytest

from caredesk.audit.models import AuditAction, AuditEvent
from caredesk.channels.models import InboundMessage
from caredesk.channels.voice.models import CallRecord, CallRecording
from caredesk.channels.voice.tests.conftest import (
    TOKEN_B,
    VOICE_B,
    call_params,
    post_voice,
    twiml,
)

pytestmark = pytest.mark.django_db


def nothing_stored() -> bool:
    return not (
        InboundMessage.objects.system_scope().exists() or CallRecord.objects.system_scope().exists()
    )


def test_an_unsigned_call_gets_403_is_logged_and_audited(line, world, caplog):
    caplog.set_level(logging.WARNING, logger="caredesk.security")
    response = post_voice("", call_params(), signature="")
    assert response.status_code == 403
    assert nothing_stored()
    assert "refused Twilio voice webhook" in caplog.text
    (event,) = AuditEvent.objects.system_scope().filter(action=AuditAction.LOGIN_FAILED)
    assert event.program_id == world.program_a.pk and event.model == "channels_voice.voiceroute"


@pytest.mark.parametrize("step", ["", "menu/", "lot/", "faq/", "report/", "wait/", "status/"])
def test_every_step_refuses_a_signature_made_with_another_token(line, step):
    response = post_voice(step, call_params(Digits="1"), token=TOKEN_B)
    assert response.status_code == 403
    assert nothing_stored()


def test_a_tampered_parameter_breaks_the_signature(line):
    from caredesk.channels.sms.tests.conftest import TOKEN_A, sign

    params = call_params()
    signature = sign(params, "/hooks/twilio/voice/", TOKEN_A)
    params["From"] = "+12025550177"
    assert post_voice("", params, signature=signature).status_code == 403
    assert nothing_stored()


def test_a_number_no_program_answers_gets_404(line, caplog):
    caplog.set_level(logging.WARNING, logger="caredesk.security")
    response = post_voice("", call_params(to="+18005559999"))
    assert response.status_code == 404
    assert "unknown number" in caplog.text
    assert nothing_stored()


def test_a_call_to_program_bs_number_stores_into_program_b_only(line, world):
    twiml(post_voice("", call_params(to=VOICE_B), token=TOKEN_B))
    row = InboundMessage.objects.system_scope().get()
    assert row.program == world.program_b
    assert CallRecord.objects.system_scope().get().program == world.program_b


def test_program_bs_token_cannot_reach_a_call_of_program_a(line, world):
    twiml(post_voice("", call_params()))
    forged = call_params(
        to=VOICE_B, RecordingSid="RE1", RecordingUrl="https://api.twilio.com/r/RE1"
    )
    response = post_voice("recording/", forged, token=TOKEN_B)
    assert response.status_code == 404  # B has no call of that sid
    assert not CallRecording.objects.system_scope().exists()
    assert CallRecord.objects.system_scope().get().program == world.program_a
