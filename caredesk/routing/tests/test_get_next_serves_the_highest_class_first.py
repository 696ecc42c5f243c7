""" "Get next": the highest routing class first, then the earliest SLA due, then the oldest;
only open, unassigned cases of the agent's certified programs whose skills the agent has."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from caredesk.audit.models import AuditEvent
from caredesk.cases.models import CaseStatus, CaseType, TimelineEntry, TimelineKind
from caredesk.errors import Forbidden
from caredesk.people.models import PersonRole
from caredesk.routing.models_agents import CaseRouting, RoutingClass
from caredesk.routing.services.assignment import next_case_for
from caredesk.routing.services.priority import refresh_case_routing
from caredesk.tenancy.models import Membership, Role
from caredesk.testing import factories as f
from caredesk.testing.routing_objects import give_skills, skilled_agent

pytestmark = pytest.mark.django_db
ALL_SKILLS = {"languages": ("en", "es"), "safety_trained": True, "medical_information": True}


def _case(program, minutes_ago=60, **fields):
    opened = timezone.now() - timedelta(minutes=minutes_ago)
    case = f.CaseFactory(program=program, opened_at=opened, **fields)
    refresh_case_routing(case)
    return case


def _routed(program, routing_class, minutes_ago=60, **fields):
    case = f.CaseFactory(
        program=program, opened_at=timezone.now() - timedelta(minutes=minutes_ago), **fields
    )
    CaseRouting.objects.create(
        case=case, program=program, routing_class=routing_class, routed_at=timezone.now()
    )
    return case


def _drain(agent):
    taken = []
    while (case := next_case_for(agent)) is not None:
        taken.append(case)
    return taken


def test_cases_come_in_class_order(world):
    program = world.program_a
    world.case_a.status = CaseStatus.CLOSED
    world.case_a.save()
    pharmacist = f.PersonFactory(program=program, role=PersonRole.PHARMACIST)
    expected = [
        _routed(program, RoutingClass.TAMPERING, minutes_ago=1),
        _routed(program, RoutingClass.SERIOUS_ADVERSE_EVENT, minutes_ago=2),
        _case(program, minutes_ago=3, case_type=CaseType.ADVERSE_EVENT),
        _case(program, minutes_ago=4, case_type=CaseType.RECALL_INQUIRY),
        _case(program, minutes_ago=5, person=pharmacist),
        _case(program, minutes_ago=6, case_type=CaseType.PRODUCT_COMPLAINT),
        _case(program, minutes_ago=7),
    ]
    agent = skilled_agent(program, **ALL_SKILLS)
    assert [c.pk for c in _drain(agent)] == [c.pk for c in expected]


def test_within_a_class_the_earliest_due_then_the_oldest(world):
    program = world.program_a
    world.case_a.status = CaseStatus.CLOSED
    world.case_a.save()
    now = timezone.now()
    no_due_old = _case(program, minutes_ago=500)
    late_due = _case(program, minutes_ago=10, first_response_due=now + timedelta(hours=3))
    early_due = _case(program, minutes_ago=5, first_response_due=now + timedelta(hours=1))
    answered = _case(
        program,
        minutes_ago=400,
        first_response_due=now - timedelta(hours=5),
        first_responded_at=now - timedelta(hours=6),
        resolution_due=now + timedelta(hours=2),
    )
    no_due_new = _case(program, minutes_ago=100)
    agent = skilled_agent(program, **ALL_SKILLS)
    assert [c.pk for c in _drain(agent)] == [
        early_due.pk,
        answered.pk,  # resolution due in 2 h counts once the first response is given
        late_due.pk,
        no_due_old.pk,
        no_due_new.pk,
    ]


def test_agents_get_only_cases_whose_skills_they_have(world):
    program = world.program_a
    spanish = f.PersonFactory(program=program, language="es")
    case_es = _case(program, person=spanish)
    case_ae = _case(program, case_type=CaseType.ADVERSE_EVENT)
    case_hcp = world.case_a  # the pharmacist's
    refresh_case_routing(case_hcp)
    es_queue = f.QueueFactory(program=program, skills=["es"], is_default=False)
    case_in_es_queue = _case(program, queue=es_queue)

    english_only = skilled_agent(program)
    assert _drain(english_only) == []
    speaker = skilled_agent(program, languages=("en", "es"))
    assert {c.pk for c in _drain(speaker)} == {case_es.pk, case_in_es_queue.pk}
    trained = skilled_agent(program, safety_trained=True)
    assert [c.pk for c in _drain(trained)] == [case_ae.pk]
    medinfo = skilled_agent(program, medical_information=True)
    assert [c.pk for c in _drain(medinfo)] == [case_hcp.pk]


def test_only_open_unassigned_cases_of_the_agents_programs(world):
    program = world.program_a
    world.case_a.owner = world.agent_a
    world.case_a.save()
    _case(program, status=CaseStatus.CLOSED)
    _case(program, status=CaseStatus.PENDING_CUSTOMER)
    _case(world.program_b)
    escalated = _case(program, status=CaseStatus.ESCALATED)
    agent = skilled_agent(program, **ALL_SKILLS)
    assert [c.pk for c in _drain(agent)] == [escalated.pk]


def test_an_unrouted_case_is_served_as_general_with_no_needs(world):
    agent = skilled_agent(world.program_a, languages=("en",))
    world.case_a.person.role = PersonRole.CONSUMER
    world.case_a.person.save()
    assert next_case_for(agent) == world.case_a


def test_the_assignment_is_on_the_timeline_and_audited(world):
    agent = skilled_agent(world.program_a, **ALL_SKILLS)
    case = next_case_for(agent)
    assert case == world.case_a
    case.refresh_from_db()
    assert case.owner == agent
    entry = TimelineEntry.objects.get(case=case, kind=TimelineKind.ASSIGNMENT)
    assert entry.actor == agent and entry.data["via"] == "next"
    event = AuditEvent.objects.filter(model="cases.case", object_id=str(case.pk)).last()
    assert event.changes == {"owner": [None, agent.pk]} and event.actor_id == agent.pk


def test_an_agent_not_certified_or_not_an_agent_is_refused(world):
    uncertified = skilled_agent(world.program_a, certified=False)
    with pytest.raises(Forbidden, match="certified"):
        next_case_for(uncertified)
    with pytest.raises(Forbidden, match="Only agents"):
        next_case_for(world.supervisor_a)


def test_a_program_filter_keeps_to_that_program(world):
    agent = skilled_agent(world.program_a, **ALL_SKILLS)
    Membership.objects.create(user=agent, program=world.program_b, role=Role.CARE_SPECIALIST)
    give_skills(agent, world.program_b, **ALL_SKILLS)
    assert next_case_for(agent, program=world.program_b) == world.case_b
    assert next_case_for(agent, program=world.program_b) is None
    assert next_case_for(agent) == world.case_a
