"""Over a real socket: Twilio's signed voice webhook reaches the live server, is stored, greeted
with the consent notice and menu in TwiML, and filed on the caller's case; the caller's
side-effect report moves the case to the safety priority queue; the same request unsigned is
refused with 403 and stores nothing."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from caredesk.cases.models import Case
from caredesk.channels.models import InboundMessage, InboxStatus
from caredesk.channels.sms.services.signature import compute_signature
from caredesk.channels.sms.tests.test_a_signed_webhook_over_a_real_socket_is_stored_and_filed import (  # noqa: E501
    post,
)
from caredesk.channels.voice.models import CallRecord
from caredesk.channels.voice.tests.conftest import TOKEN_A, call_params

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
SID = "CA00000000000000000000000000000077"


def signed(url: str, params: dict[str, str]) -> tuple[int, str]:
    return post(url, params, compute_signature(TOKEN_A, url, params.items()))


def test_a_signed_call_is_greeted_stored_and_filed(live_server, line, world):
    url = f"{live_server.url}/hooks/twilio/voice/"
    assert post(url, call_params(SID), None)[0] == 403
    assert not InboundMessage.objects.system_scope().exists()

    status, body = signed(url, call_params(SID))
    assert status == 200
    root = ET.fromstring(body)  # noqa: S314 (our own server's TwiML)
    heard = " ".join((el.text or "") for el in root.iter("Say"))
    assert "recorded" in heard and "press 4" in heard
    row = InboundMessage.objects.system_scope().get()
    assert row.status == InboxStatus.PROCESSED and row.case == world.case_a

    report = call_params(SID, SpeechResult="I got a rash after the tablets")
    assert signed(f"{url}report/", report)[0] == 200
    call = CallRecord.objects.system_scope().get(call_sid=SID)
    assert call.queue == line.safety_a
    assert Case.objects.system_scope().get(pk=world.case_a.pk).queue == line.safety_a
