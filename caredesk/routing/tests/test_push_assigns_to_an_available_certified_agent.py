"""Push assignment: a case routed into a push queue goes to an available, certified agent with
its skills and the fewest open cases; with no such agent it stays in the queue. Away and busy
agents get nothing pushed; an agent becoming available is offered a waiting case."""

from __future__ import annotations

import pytest

from caredesk.accounts.models import AgentStatus
from caredesk.cases.models import CaseStatus, CaseType, TimelineEntry, TimelineKind
from caredesk.cases.services.lifecycle import CaseInput, create_case
from caredesk.routing.models import AssignmentMode
from caredesk.routing.services.agents import set_agent_status
from caredesk.routing.services.assignment import assign_to_available_agent
from caredesk.testing import factories as f
from caredesk.testing.routing_objects import skilled_agent

pytestmark = pytest.mark.django_db


@pytest.fixture
def push_queue(world):
    return f.QueueFactory(program=world.program_a, assignment_mode=AssignmentMode.PUSH)


def _new_case(world, capture, **fields):
    consumer = f.PersonFactory(program=world.program_a)
    with capture(execute=True):
        case = create_case(
            world.program_a, CaseInput("Help", person=consumer, **fields), acting_user=world.agent_a
        )
    case.refresh_from_db()
    return case


def test_the_agent_with_the_fewest_open_cases_gets_it(
    world, push_queue, django_capture_on_commit_callbacks
):
    busy_one = skilled_agent(world.program_a)
    light_one = skilled_agent(world.program_a)
    f.CaseFactory(program=world.program_a, owner=busy_one, status=CaseStatus.OPEN)
    f.CaseFactory(program=world.program_a, owner=light_one, status=CaseStatus.CLOSED)

    case = _new_case(world, django_capture_on_commit_callbacks)

    assert case.owner == light_one
    entry = TimelineEntry.objects.get(case=case, kind=TimelineKind.ASSIGNMENT)
    assert entry.data["via"] == "push" and entry.actor is None


@pytest.mark.parametrize(
    "who",
    ["away", "busy", "uncertified", "unskilled", "other program"],
)
def test_no_fitting_available_agent_leaves_it_in_the_queue(
    world, push_queue, django_capture_on_commit_callbacks, who
):
    program = world.program_b if who == "other program" else world.program_a
    skilled_agent(
        program,
        status={"away": AgentStatus.AWAY, "busy": AgentStatus.BUSY}.get(who, AgentStatus.AVAILABLE),
        certified=who != "uncertified",
        safety_trained=who != "unskilled",
    )
    case = _new_case(world, django_capture_on_commit_callbacks, case_type=CaseType.ADVERSE_EVENT)
    assert case.owner is None
    assert case.queue == push_queue


def test_a_pull_queue_pushes_nothing(world, django_capture_on_commit_callbacks):
    f.QueueFactory(program=world.program_a, assignment_mode=AssignmentMode.PULL)
    skilled_agent(world.program_a)
    assert _new_case(world, django_capture_on_commit_callbacks).owner is None


def test_an_owned_or_closed_case_is_not_pushed(world):
    skilled_agent(world.program_a)
    world.case_a.owner = world.agent_a
    world.case_a.save()
    assert assign_to_available_agent(world.case_a) is None
    closed = f.CaseFactory(program=world.program_a, status=CaseStatus.CLOSED)
    assert assign_to_available_agent(closed) is None


def test_becoming_available_offers_a_waiting_push_case(
    world, push_queue, django_capture_on_commit_callbacks
):
    agent = skilled_agent(world.program_a, status=AgentStatus.AWAY)
    waiting = _new_case(world, django_capture_on_commit_callbacks)
    assert waiting.owner is None

    with django_capture_on_commit_callbacks(execute=True):
        set_agent_status(agent, AgentStatus.AVAILABLE, acting_user=agent)

    waiting.refresh_from_db()
    assert waiting.owner == agent
