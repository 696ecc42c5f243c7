"""Voicemail is a <Record> whose recording status callback keeps the recording reference (sid,
URL, duration) on the call and attaches it to the call's case as a new inbound interaction
carrying `recording_ref` (interactions are immutable: none is changed). A recording that
arrives before the worker has filed the call is attached when it does. Redeliveries change
nothing. Call status callbacks (completed, busy, no-answer) update the call; a caller who hangs
up while waiting is counted as abandoned. The case's calls are readable through the API."""

from __future__ import annotations

import pytest

from caredesk.cases.models import Interaction
from caredesk.channels.services.processing import sweep_inbox
from caredesk.channels.voice.models import CallRecord, CallRecording, CallStatus, QueueState
from caredesk.channels.voice.tests.conftest import call_params, one, post_voice, said, twiml
from caredesk.testing.api import ApiClient

pytestmark = pytest.mark.django_db
SID = "CA00000000000000000000000000000001"
RECORDING = {
    "RecordingSid": "RE00000000000000000000000000000001",
    "RecordingUrl": "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1",
    "RecordingDuration": "42",
    "RecordingStatus": "completed",
}


def recording_callback() -> dict[str, str]:
    """Twilio's recording status callback carries no To/From: the call is found by CallSid."""
    return {"AccountSid": "AC00000000000000000000000000000001", "CallSid": SID, **RECORDING}


def voicemails() -> list[Interaction]:
    return list(Interaction.objects.system_scope().exclude(recording_ref=""))


def test_the_voicemail_step_records_with_a_recording_callback(line):
    twiml(post_voice("", call_params()))
    root = twiml(post_voice("voicemail/", call_params()))
    record = one(root, "Record")
    assert record.get("recordingStatusCallback") == "/hooks/twilio/voice/recording/"
    assert record.get("action") == "/hooks/twilio/voice/voicemail/done/"
    assert "after the tone" in said(root)
    done = twiml(post_voice("voicemail/done/", call_params(**RECORDING)))
    assert done[-1].tag == "Hangup"


def test_the_recording_is_attached_to_the_calls_case_as_a_new_interaction(
    line, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_voice("", call_params())
    first = Interaction.objects.system_scope().get()
    twiml(post_voice("recording/", recording_callback()))
    (voicemail,) = voicemails()
    assert voicemail.case == world.case_a and voicemail.pk != first.pk
    assert voicemail.recording_ref == RECORDING["RecordingUrl"]
    assert (voicemail.channel, voicemail.direction) == ("phone", "inbound")
    assert "42 s" in voicemail.body
    kept = CallRecording.objects.system_scope().get()
    assert (kept.recording_sid, kept.duration_seconds) == (RECORDING["RecordingSid"], 42)
    assert kept.interaction == voicemail
    first.refresh_from_db()
    assert first.recording_ref == ""  # the call's first interaction is never changed


def test_a_redelivered_recording_callback_attaches_nothing_new(
    line, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_voice("", call_params())
    post_voice("recording/", recording_callback())
    post_voice("recording/", recording_callback())
    assert len(voicemails()) == 1
    assert CallRecording.objects.system_scope().count() == 1


def test_a_recording_before_the_call_is_filed_is_attached_when_it_is(line, world):
    post_voice("", call_params())  # stored; the worker has not run
    twiml(post_voice("recording/", recording_callback()))
    assert not voicemails()
    assert CallRecording.objects.system_scope().get().interaction is None
    sweep_inbox()
    (voicemail,) = voicemails()
    assert voicemail.case == world.case_a


def test_a_failed_recording_is_kept_but_not_attached(line, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post_voice("", call_params())
    post_voice("recording/", {**recording_callback(), "RecordingStatus": "absent"})
    assert CallRecording.objects.system_scope().get().status == "absent"
    assert not voicemails()


def test_a_recording_for_an_unknown_call_is_404(line):
    assert post_voice("recording/", recording_callback()).status_code == 404


@pytest.mark.parametrize("status", ["completed", "busy", "no-answer"])
def test_status_callbacks_update_the_call(line, status):
    post_voice("", call_params())
    twiml(post_voice("status/", call_params(CallStatus=status, CallDuration="65")))
    call = CallRecord.objects.system_scope().get()
    assert call.status == CallStatus(status) and call.ended_at is not None
    assert call.duration_seconds == 65


def test_hanging_up_while_waiting_is_an_abandoned_wait(line):
    post_voice("", call_params())
    post_voice("report/", call_params())
    assert CallRecord.objects.system_scope().get().queue_state == QueueState.WAITING
    post_voice("status/", call_params(CallStatus="completed", CallDuration="90"))
    assert CallRecord.objects.system_scope().get().queue_state == QueueState.ABANDONED


def test_the_cases_calls_show_the_recording_to_its_program_only(
    line, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_voice("", call_params())
    post_voice("recording/", recording_callback())
    response = ApiClient(world.agent_a).get(f"/cases/{world.case_a.pk}/calls")
    assert response.status_code == 200
    (call,) = response.json()["items"]
    assert call["call_sid"] == SID and call["consent_notice_at"]
    assert call["recordings"][0]["recording_url"] == RECORDING["RecordingUrl"]
    assert ApiClient(world.agent_b).get(f"/cases/{world.case_a.pk}/calls").status_code == 404
