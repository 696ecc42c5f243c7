"""A message whose processing fails is never lost: a transient error puts it back with back-off
(recorded on the row), an error no retry can fix fails it at once, and a failed row waits for a
person, who can send it back to the queue. A claim whose lease ran out (its worker died) is taken
over by the sweep, and the stale worker can no longer write anything."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import OperationalError
from django.utils import timezone

from caredesk.audit.models import AuditEvent
from caredesk.cases.models import Interaction
from caredesk.channels.message import InboundMessageData
from caredesk.channels.models import InboundMessage, InboxStatus
from caredesk.channels.services import processing
from caredesk.channels.services.inbox import store_inbound
from caredesk.channels.services.processing import (
    MAX_ATTEMPTS,
    claim_inbound,
    process_inbound_now,
    sweep_inbox,
)
from caredesk.tenancy.models import Membership
from caredesk.testing.api import ApiClient

pytestmark = pytest.mark.django_db


def stored(world):
    data = InboundMessageData(
        channel="sms", provider="api", provider_message_id="SM7", from_phone="+12025550143"
    )
    data.body = "Can I take Relievium before driving?"
    return store_inbound(world.program_a.pk, data, acting_user=world.agent_a)[0]


def due_now(row):
    InboundMessage.objects.system_scope().filter(pk=row.pk).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )


def interactions():
    return Interaction.objects.system_scope().filter(body__contains="before driving")


def broken_database(*args, **kwargs):
    raise OperationalError("database is locked")


def test_a_transient_error_is_retried_later_and_then_succeeds(world, monkeypatch):
    row = stored(world)
    monkeypatch.setattr(processing, "log_interaction", broken_database)
    assert process_inbound_now(row.pk) is None
    row.refresh_from_db()
    assert (row.status, row.attempts) == (InboxStatus.PENDING, 1)
    assert "database is locked" in row.last_error
    assert row.next_attempt_at > timezone.now() + timedelta(seconds=20)
    assert process_inbound_now(row.pk) is None and row.attempts == 1  # not due yet
    monkeypatch.undo()
    due_now(row)
    assert sweep_inbox() == 1
    row.refresh_from_db()
    assert (row.status, row.attempts, row.last_error) == (InboxStatus.PROCESSED, 2, "")
    assert interactions().count() == 1


def test_after_the_last_attempt_the_row_fails_and_waits_for_a_person(world, monkeypatch):
    row = stored(world)
    monkeypatch.setattr(processing, "log_interaction", broken_database)
    for _ in range(MAX_ATTEMPTS):
        due_now(row)
        process_inbound_now(row.pk)
    row.refresh_from_db()
    assert (row.status, row.attempts) == (InboxStatus.FAILED, MAX_ATTEMPTS)
    due_now(row)
    assert sweep_inbox() == 0 and not interactions().exists()
    failed = ApiClient(world.agent_a).get(
        f"/programs/{world.program_a.pk}/inbound", status="failed"
    )
    assert [item["id"] for item in failed.json()["items"]] == [row.pk]


def test_an_error_no_retry_can_fix_fails_at_once_and_a_person_sends_it_back(
    world, django_capture_on_commit_callbacks
):
    row = stored(world)
    Membership.objects.filter(user=world.agent_a).update(active=False)
    process_inbound_now(row.pk)
    row.refresh_from_db()
    assert (row.status, row.attempts) == (InboxStatus.FAILED, 1)
    assert "Program not found" in row.last_error
    Membership.objects.filter(user=world.agent_a).update(active=True)
    with django_capture_on_commit_callbacks(execute=True):
        answer = ApiClient(world.supervisor_a).post(f"/inbound/{row.pk}/retry")
    assert answer.status_code == 200, answer.content
    row.refresh_from_db()
    assert row.status == InboxStatus.PROCESSED and interactions().count() == 1
    event = AuditEvent.objects.get(model="channels_inbox.inboundmessage", object_id=str(row.pk))
    assert event.actor_username == "supervisor_a"
    again = ApiClient(world.supervisor_a).post(f"/inbound/{row.pk}/retry")
    assert again.status_code == 409


def test_a_dead_workers_claim_is_taken_over_when_its_lease_runs_out(world):
    row = stored(world)
    assert claim_inbound(row.pk) == 1  # a worker claims it, then dies
    assert sweep_inbox() == 0  # its lease still holds
    InboundMessage.objects.system_scope().filter(pk=row.pk).update(
        lease_until=timezone.now() - timedelta(seconds=1)
    )
    assert sweep_inbox() == 1
    row.refresh_from_db()
    assert (row.status, row.attempts) == (InboxStatus.PROCESSED, 2)
    assert interactions().count() == 1


def test_a_stale_worker_whose_lease_ran_out_writes_nothing(world):
    row = stored(world)
    slow = claim_inbound(row.pk)
    InboundMessage.objects.system_scope().filter(pk=row.pk).update(
        lease_until=timezone.now() - timedelta(seconds=1)
    )
    fresh = claim_inbound(row.pk)
    assert (slow, fresh) == (1, 2)
    assert slow is not None and fresh is not None
    assert processing._process_claimed(row.pk, slow) is None
    assert interactions().count() == 0
    assert processing._process_claimed(row.pk, fresh) is not None
    assert interactions().count() == 1


def test_a_message_that_keeps_killing_workers_goes_to_a_person(world):
    row = stored(world)
    InboundMessage.objects.system_scope().filter(pk=row.pk).update(
        status=InboxStatus.PROCESSING,
        attempts=MAX_ATTEMPTS,
        lease_until=timezone.now() - timedelta(seconds=1),
    )
    assert sweep_inbox() == 0
    row.refresh_from_db()
    assert row.status == InboxStatus.FAILED and "worker stopped" in row.last_error
