"""The wait URL announces the caller's place in line and an estimate from live queue state:
ceil(position x average handle time / max(1, available skilled agents)); it offers a callback
(1) and voicemail (2). A callback is a `Callback` due when a specialist would have answered,
linked to the call's case and person, and the caller is thanked and hung up on. Callbacks are
listed by the API to the program's people only."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from caredesk.accounts.models import AgentStatus
from caredesk.channels.services.processing import sweep_inbox
from caredesk.channels.voice.models import Callback, CallRecord, IvrConfig, QueueState
from caredesk.channels.voice.tests.conftest import (
    STRANGER,
    call_params,
    post_voice,
    said,
    twiml,
)
from caredesk.testing.api import ApiClient
from caredesk.testing.routing_objects import skilled_agent

pytestmark = pytest.mark.django_db
FIRST, SECOND = "CA00000000000000000000000000000001", "CA00000000000000000000000000000002"


def report(sid: str, sender: str) -> None:
    twiml(post_voice("", call_params(sid, sender=sender)))
    twiml(post_voice("report/", call_params(sid, sender=sender, SpeechResult="my pump broke")))


@pytest.fixture
def two_waiting(line, world):
    IvrConfig.objects.create(program=world.program_a, average_handle_minutes=6)
    skilled_agent(world.program_a, safety_trained=True)  # counts
    skilled_agent(world.program_a, safety_trained=False)  # lacks the safety queue's skill
    skilled_agent(world.program_a, safety_trained=True, status=AgentStatus.BUSY)  # busy
    report(FIRST, STRANGER)
    report(SECOND, world.pharmacist_a.contact_points.get(kind="phone").value)
    first = CallRecord.objects.system_scope().get(call_sid=FIRST)
    first.enqueued_at = timezone.now() - timedelta(minutes=3)
    first.save()


def test_the_wait_url_announces_place_and_estimate_and_offers_a_callback(two_waiting):
    root = twiml(post_voice("wait/", call_params(SECOND, QueuePosition="2")))
    text = said(root)
    assert "You are number 2 in line" in text
    assert "about 12 minutes" in text  # ceil(2 x 6 / 1 available safety-trained agent)
    (gather,) = root.findall("Gather")
    assert gather.get("action") == "/hooks/twilio/voice/wait/choice/"
    assert "press 1" in said(gather) and "press 2" in said(gather)
    first = twiml(post_voice("wait/", call_params(FIRST)))
    assert "number 1 in line" in said(first) and "about 6 minutes" in said(first)


def test_more_available_agents_shorten_the_estimate(two_waiting, world):
    skilled_agent(world.program_a, safety_trained=True)
    root = twiml(post_voice("wait/", call_params(SECOND)))
    assert "about 6 minutes" in said(root)  # ceil(2 x 6 / 2)


def test_pressing_1_creates_a_callback_and_hangs_up_politely(two_waiting, world):
    root = twiml(post_voice("wait/choice/", call_params(SECOND, Digits="1")))
    assert root[-1].tag == "Hangup"
    assert "call you back" in said(root) and "Goodbye" in said(root)
    callback = Callback.objects.system_scope().get()
    assert callback.phone == "+12025550143" and callback.queue.is_safety_priority
    assert callback.status == "scheduled"
    assert callback.due_at > callback.requested_at
    call = CallRecord.objects.system_scope().get(call_sid=SECOND)
    assert call.queue_state == QueueState.CALLBACK
    assert callback.case is None  # the worker has not filed the call yet
    sweep_inbox()
    # Once the call is filed, the callback is on the caller's case and person.
    callback.refresh_from_db()
    assert (callback.case, callback.person) == (world.case_a, world.pharmacist_a)
    # The one behind moves up.
    assert "number 1 in line" in said(twiml(post_voice("wait/", call_params(FIRST))))


def test_pressing_1_twice_keeps_one_callback(two_waiting):
    post_voice("wait/choice/", call_params(SECOND, Digits="1"))
    post_voice("wait/choice/", call_params(SECOND, Digits="1"))
    assert Callback.objects.system_scope().count() == 1


def test_pressing_2_leaves_the_queue_for_voicemail(two_waiting):
    assert twiml(post_voice("wait/choice/", call_params(SECOND, Digits="2")))[0].tag == "Leave"
    root = twiml(post_voice("queue/done/", call_params(SECOND, QueueResult="leave")))
    assert root.find("Record") is not None
    assert CallRecord.objects.system_scope().get(call_sid=SECOND).queue_state == QueueState.LEFT


def test_the_callback_list_is_the_programs_own(two_waiting, world):
    post_voice("wait/choice/", call_params(SECOND, Digits="1"))
    mine = ApiClient(world.agent_a).get(f"/programs/{world.program_a.pk}/callbacks")
    assert mine.status_code == 200 and mine.json()["count"] == 1
    assert mine.json()["items"][0]["phone"] == "+12025550143"
    other = ApiClient(world.agent_b).get(f"/programs/{world.program_a.pk}/callbacks")
    assert other.status_code == 404
    theirs = ApiClient(world.agent_b).get(f"/programs/{world.program_b.pk}/callbacks")
    assert theirs.json()["count"] == 0
