"""A due callback of a queue in push mode goes to the available, certified agent with the
queue's skills who holds the fewest callbacks, with a notice on their bell; away or unskilled
agents get none, pull queues keep it on the worklist, and a callback is given to one agent only
however often the sweep runs. The minute task does the same."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from caredesk.accounts.models import AgentStatus
from caredesk.channels.voice.models import Callback
from caredesk.channels.voice.services.callback_push import push_due_callbacks
from caredesk.channels.voice.tasks import push_callbacks
from caredesk.quality.models import Notification
from caredesk.routing.models import AssignmentMode
from caredesk.testing.routing_objects import skilled_agent

pytestmark = pytest.mark.django_db


def due_callback(world, queue, **fields) -> Callback:
    now = timezone.now()
    return Callback.objects.create(
        program=world.program_a,
        case=world.case_a,
        person=world.pharmacist_a,
        phone="+12025550143",
        queue=queue,
        requested_at=now - timedelta(minutes=10),
        due_at=now - timedelta(minutes=1),
        **fields,
    )


@pytest.fixture
def push_safety(line):
    line.safety_a.assignment_mode = AssignmentMode.PUSH
    line.safety_a.save()
    return line.safety_a


def test_a_due_callback_goes_to_the_least_loaded_skilled_available_agent(world, push_safety):
    skilled_agent(world.program_a, safety_trained=False)  # lacks the queue's skill
    skilled_agent(world.program_a, safety_trained=True, status=AgentStatus.AWAY)
    busy = skilled_agent(world.program_a, safety_trained=True)
    free = skilled_agent(world.program_a, safety_trained=True)
    due_callback(world, push_safety, claimed_by=busy, claimed_at=timezone.now())
    waiting = due_callback(world, push_safety)
    assert push_due_callbacks() == 1
    waiting.refresh_from_db()
    assert waiting.claimed_by == free
    (notice,) = Notification.objects.filter(user=free)
    assert "Call back +12025550143" in notice.text
    assert push_due_callbacks() == 0  # given once


def test_nobody_available_or_a_pull_queue_leaves_it_on_the_worklist(world, line, push_safety):
    skilled_agent(world.program_a, safety_trained=True, status=AgentStatus.AWAY)
    on_push = due_callback(world, push_safety)
    skilled_agent(world.program_a)
    on_pull = due_callback(world, line.general_a)
    assert push_due_callbacks() == 0
    for callback in (on_push, on_pull):
        callback.refresh_from_db()
        assert callback.claimed_by is None


def test_the_minute_task_pushes_too(world, push_safety):
    agent = skilled_agent(world.program_a, safety_trained=True)
    callback = due_callback(world, push_safety)
    push_callbacks.call_local()
    callback.refresh_from_db()
    assert callback.claimed_by == agent
