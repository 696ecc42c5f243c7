""" "Report a side effect or a problem with a product" asks the caller what happened, stores the
transcript through the inbox (screened like any text: an adverse event opens a draft safety
case on the caller's case) and enqueues the caller into the program's safety priority queue,
with the wait URL; the case moves to that queue. Words at the menu or a FAQ question that read
as a side effect take the same way; "talk to a specialist" waits in the general queue."""

from __future__ import annotations

import pytest
from django.utils import timezone

from caredesk.cases.models import Case
from caredesk.channels.models import InboundMessage
from caredesk.channels.voice.models import CallRecord, MenuAction, QueueState
from caredesk.channels.voice.tests.conftest import call_params, one, post_voice, said, text, twiml
from caredesk.routing.models import SlaPolicy

pytestmark = pytest.mark.django_db
RASH = "I took Relievium 200 mg yesterday and got a terrible rash on my arms"


def test_pressing_4_asks_what_happened_by_speech(line):
    twiml(post_voice("", call_params()))
    root = twiml(post_voice("menu/", call_params(Digits="4")))
    (gather,) = root.findall("Gather")
    assert gather.get("input") == "dtmf speech"
    assert gather.get("action") == "/hooks/twilio/voice/report/"
    assert "what happened" in said(gather)


def test_the_report_enqueues_into_the_safety_queue_with_a_wait_url(
    line, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_voice("", call_params())
    with django_capture_on_commit_callbacks(execute=True):
        root = twiml(post_voice("report/", call_params(SpeechResult=RASH)))
    (enqueue,) = root.findall("Enqueue")
    assert enqueue.text == f"{world.program_a.pk}-safety"
    assert enqueue.get("waitUrl") == "/hooks/twilio/voice/wait/"
    assert enqueue.get("action") == "/hooks/twilio/voice/queue/done/"
    assert "safety specialist" in said(root)
    call = CallRecord.objects.system_scope().get()
    assert call.queue == line.safety_a and call.queue_state == QueueState.WAITING
    assert call.intent == MenuAction.REPORT_PROBLEM
    # The transcript is on the same case as the call, screened: a draft safety case.
    report = InboundMessage.objects.system_scope().get(provider_message_id__contains=":report:")
    assert report.case == world.case_a and RASH in report.body
    assert world.case_a.safety_cases.exists()
    assert Case.objects.system_scope().get(pk=world.case_a.pk).queue == line.safety_a


def test_a_silent_caller_still_reaches_the_safety_queue_and_the_case_moves(
    line, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_voice("", call_params())
        root = twiml(post_voice("report/", call_params()))
    assert text(one(root, "Enqueue")).endswith("-safety")
    case = Case.objects.system_scope().get(pk=world.case_a.pk)
    assert case.queue == line.safety_a
    assert case.timeline.filter(summary__contains="report a side effect").exists()


def test_saying_a_side_effect_at_the_menu_takes_the_report_way(line):
    twiml(post_voice("", call_params()))
    root = twiml(post_voice("menu/", call_params(SpeechResult=RASH)))
    assert one(root, "Gather").get("action") == "/hooks/twilio/voice/report/"
    stored = InboundMessage.objects.system_scope().filter(provider_message_id__contains=":menu:")
    assert RASH in stored.get().body


def test_a_faq_question_about_a_side_effect_is_handed_to_safety(line):
    twiml(post_voice("", call_params()))
    root = twiml(post_voice("faq/", call_params(SpeechResult=RASH)))
    assert "side effect" in said(root)
    assert text(one(root, "Enqueue")).endswith("-safety")


def test_talk_to_a_specialist_waits_in_the_general_queue_while_open(line, world):
    SlaPolicy.objects.create(
        program=world.program_a,
        case_type="general_inquiry",
        first_response_minutes=60,
        resolution_minutes=600,
        business_hours_only=False,
    )
    twiml(post_voice("", call_params()))
    root = twiml(post_voice("menu/", call_params(Digits="0")))
    assert text(one(root, "Enqueue")) == f"{world.program_a.pk}-general"
    assert CallRecord.objects.system_scope().get().queue == line.general_a


def test_talk_to_a_specialist_when_closed_is_voicemail(line, world):
    now = timezone.localtime(timezone.now(), timezone.get_fixed_timezone(0))
    closed_days = "".join(str(d) for d in range(7) if d != now.weekday())
    SlaPolicy.objects.create(
        program=world.program_a,
        case_type="general_inquiry",
        first_response_minutes=60,
        resolution_minutes=600,
        weekdays=closed_days or "0",
    )
    world.program_a.time_zone = "UTC"
    world.program_a.save()
    twiml(post_voice("", call_params()))
    root = twiml(post_voice("menu/", call_params(Digits="0")))
    assert root.find("Enqueue") is None
    assert one(root, "Record").get("recordingStatusCallback") == "/hooks/twilio/voice/recording/"
