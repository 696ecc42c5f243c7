"""A callback a caller asked for in the IVR reaches an agent: it is on the worklist (API and
page) of the program's agents once due, one agent claims it (a second gets 409), no answer
reschedules it unclaimed until three attempts fail it, and reaching the person closes it with an
outbound phone interaction on the case. Every step is audited and on the case's timeline; the
safety queue's callbacks need a safety-trained agent; another program's callback is 404."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from caredesk.audit.models import AuditEvent
from caredesk.cases.models import Direction, TimelineEntry
from caredesk.channels.services.processing import sweep_inbox
from caredesk.channels.voice.models import Callback, IvrConfig
from caredesk.channels.voice.tests.conftest import call_params, post_voice, twiml
from caredesk.testing.api import ApiClient
from caredesk.testing.routing_objects import skilled_agent

pytestmark = pytest.mark.django_db
SID = "CA00000000000000000000000000000009"


@pytest.fixture
def callback(line, world) -> Callback:
    IvrConfig.objects.create(program=world.program_a, average_handle_minutes=6)
    phone = world.pharmacist_a.contact_points.get(kind="phone").value
    twiml(post_voice("", call_params(SID, sender=phone)))
    twiml(post_voice("report/", call_params(SID, sender=phone, SpeechResult="my pump broke")))
    twiml(post_voice("wait/choice/", call_params(SID, Digits="1")))
    sweep_inbox()
    row = Callback.objects.system_scope().get()
    row.due_at = timezone.now() - timedelta(minutes=1)
    row.save()
    return row


@pytest.fixture
def trained(world):
    return skilled_agent(world.program_a, safety_trained=True)


def test_a_due_callback_is_on_the_worklist_and_only_one_agent_claims_it(callback, world, trained):
    other = skilled_agent(world.program_a, safety_trained=True)
    listed = ApiClient(trained).get("/callbacks").json()
    assert [c["id"] for c in listed["items"]] == [callback.pk]
    assert ApiClient(world.agent_b).get("/callbacks").json()["count"] == 0
    claimed = ApiClient(trained).post(f"/callbacks/{callback.pk}/claim", {})
    assert claimed.status_code == 200 and claimed.json()["claimed_by_id"] == trained.pk
    again = ApiClient(trained).post(f"/callbacks/{callback.pk}/claim", {})
    assert again.status_code == 200  # claiming twice is harmless
    refused = ApiClient(other).post(f"/callbacks/{callback.pk}/claim", {})
    assert refused.status_code == 409 and "Another agent" in refused.json()["message"]
    assert ApiClient(world.agent_b).post(f"/callbacks/{callback.pk}/claim", {}).status_code == 404


def test_the_safety_queues_callbacks_need_a_safety_trained_agent(callback, world):
    untrained = skilled_agent(world.program_a, safety_trained=False)
    response = ApiClient(untrained).post(f"/callbacks/{callback.pk}/claim", {})
    assert response.status_code == 403 and "skills" in response.json()["message"]
    assert ApiClient(world.auditor_a).post(f"/callbacks/{callback.pk}/claim", {}).status_code == 403


def test_a_callback_not_yet_due_waits_off_the_default_worklist(callback, trained):
    callback.due_at = timezone.now() + timedelta(hours=1)
    callback.save()
    assert ApiClient(trained).get("/callbacks").json()["count"] == 0
    assert ApiClient(trained).get("/callbacks", due_only="false").json()["count"] == 1


def test_no_answer_retries_later_then_fails_after_three_attempts(callback, trained, world):
    client = ApiClient(trained)
    for attempt in (1, 2):
        client.post(f"/callbacks/{callback.pk}/claim", {})
        body = client.post(f"/callbacks/{callback.pk}/outcome", {"outcome": "no_answer"}).json()
        assert body["status"] == "scheduled" and body["attempts"] == attempt
        assert body["claimed_by_id"] is None
        callback.refresh_from_db()
        assert callback.due_at > timezone.now()  # off the worklist until the retry is due
        callback.due_at = timezone.now() - timedelta(seconds=1)
        callback.save()
    client.post(f"/callbacks/{callback.pk}/claim", {})
    body = client.post(f"/callbacks/{callback.pk}/outcome", {"outcome": "no_answer"}).json()
    assert body["status"] == "failed" and body["attempts"] == 3
    notes = TimelineEntry.objects.filter(case=world.case_a, data__callback=callback.pk)
    assert sum("No answer" in n.summary for n in notes) == 3
    assert "gave up" in notes.order_by("-pk")[0].summary
    late = client.post(f"/callbacks/{callback.pk}/claim", {})
    assert late.status_code == 409


def test_reaching_the_person_logs_an_outbound_call_on_the_case(callback, trained, world):
    client = ApiClient(trained)
    unclaimed = client.post(f"/callbacks/{callback.pk}/outcome", {"outcome": "reached"})
    assert unclaimed.status_code == 409
    client.post(f"/callbacks/{callback.pk}/claim", {})
    bad = client.post(f"/callbacks/{callback.pk}/outcome", {"outcome": "maybe"})
    assert bad.status_code == 422
    done = client.post(
        f"/callbacks/{callback.pk}/outcome", {"outcome": "reached", "note": "Advised to stop."}
    ).json()
    assert done["status"] == "done" and done["interaction_id"]
    interaction = world.case_a.interactions.get(pk=done["interaction_id"])
    assert interaction.direction == Direction.OUTBOUND and interaction.channel == "phone"
    assert "Advised to stop." in interaction.body
    events = AuditEvent.objects.filter(model="channels_voice.callback", object_id=str(callback.pk))
    assert events.count() >= 3  # created by the IVR, claimed, outcome


def test_the_worklist_page_claims_and_closes_a_callback(callback, trained, world, client):
    client.force_login(trained)
    page = client.get("/voice/callbacks/")
    assert page.status_code == 200 and b"+12025550143" in page.content
    assert client.post(f"/voice/callbacks/{callback.pk}/claim/").status_code == 302
    page = client.get("/voice/callbacks/")
    assert b"No answer" in page.content and b"Reached" in page.content
    response = client.post(f"/voice/callbacks/{callback.pk}/outcome/", {"outcome": "reached"})
    assert response.status_code == 302
    callback.refresh_from_db()
    assert callback.status == "done"
    client.force_login(world.agent_b)
    assert client.post(f"/voice/callbacks/{callback.pk}/claim/").status_code == 404


def test_a_claim_left_open_too_long_can_be_taken_over(callback, world, trained):
    ApiClient(trained).post(f"/callbacks/{callback.pk}/claim", {})
    Callback.objects.system_scope().filter(pk=callback.pk).update(
        claimed_at=timezone.now() - timedelta(hours=1)
    )
    other = skilled_agent(world.program_a, safety_trained=True)
    taken = ApiClient(other).post(f"/callbacks/{callback.pk}/claim", {})
    assert taken.status_code == 200 and taken.json()["claimed_by_id"] == other.pk
    late = ApiClient(trained).post(f"/callbacks/{callback.pk}/outcome", {"outcome": "reached"})
    assert late.status_code == 409


def test_the_supervisor_board_shows_callbacks_per_queue(callback, world, client):
    client.force_login(world.supervisor_a)
    board = client.get("/routing/board/").content.decode()
    assert 'hx-get="/voice/callbacks/summary/"' in board
    panel = client.get("/voice/callbacks/summary/").content.decode()
    assert f'data-queue="{callback.queue_id}"' in panel and 'badge danger">1<' in panel
    client.force_login(world.agent_b)
    assert (
        f'data-queue="{callback.queue_id}"'
        not in client.get("/voice/callbacks/summary/").content.decode()
    )
