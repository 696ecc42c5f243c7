"""The services that change a case's facts re-rank it: a new case, a screened contact, a
finding dismissed or added. Dismissed findings do not count; safety classes move the case to
the program's safety priority queue; each change of class is on the timeline."""

from __future__ import annotations

import pytest

from caredesk.audit.models import AuditEvent
from caredesk.cases.models import TimelineEntry, TimelineKind
from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.cases.services.lifecycle import CaseInput, create_case
from caredesk.routing.models_agents import CaseRouting, RoutingClass
from caredesk.safety.models import Finding, FindingKind
from caredesk.safety.services.findings import add_finding, dismiss_finding
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db

RASH = "I took Relievium and broke out in a rash."
HOSPITAL = "After taking Relievium I was admitted to hospital with bleeding."


def _class(case) -> RoutingClass:
    return RoutingClass(CaseRouting.objects.get(case=case).routing_class)


def _contact(case, user, body):
    return log_interaction(case, InteractionInput("phone", "inbound", body), acting_user=user)


@pytest.fixture
def case(world):
    consumer = f.PersonFactory(program=world.program_a, language="en")
    return create_case(
        world.program_a, CaseInput("Question", person=consumer), acting_user=world.agent_a
    )


def test_a_new_case_is_routed_at_once(world, case):
    assert _class(case) == RoutingClass.GENERAL
    hcp_case = create_case(
        world.program_a, CaseInput("Dose", person=world.pharmacist_a), acting_user=world.agent_a
    )
    assert _class(hcp_case) == RoutingClass.HCP_REQUEST


def test_a_screened_contact_raises_the_class_and_moves_to_the_safety_queue(world, case):
    safety_queue = f.QueueFactory(
        program=world.program_a, is_default=False, is_safety_priority=True
    )

    _contact(case, world.agent_a, RASH)
    assert _class(case) == RoutingClass.ADVERSE_EVENT
    case.refresh_from_db()
    assert case.queue == safety_queue
    _contact(case, world.agent_a, HOSPITAL)
    assert _class(case) == RoutingClass.SERIOUS_ADVERSE_EVENT

    notes = TimelineEntry.objects.filter(case=case, summary__startswith="Routing:")
    assert [e.summary for e in notes] == [
        "Routing: General → Adverse event",
        "Routing: Adverse event → Serious adverse event",
    ]
    moved = TimelineEntry.objects.get(case=case, kind=TimelineKind.ASSIGNMENT)
    assert moved.summary.startswith(f"Moved to {safety_queue.name}")
    audit = AuditEvent.objects.filter(model="cases.case", object_id=str(case.pk)).last()
    assert audit.changes["queue"][1] == safety_queue.pk
    assert audit.actor_username == "system:router"


def test_a_contact_without_findings_changes_nothing(world, case):
    routed_at = CaseRouting.objects.get(case=case).routed_at
    _contact(case, world.agent_a, "What is the dose of Relievium?")
    assert CaseRouting.objects.get(case=case).routed_at == routed_at


def test_dismissed_findings_do_not_count(world, case):
    _contact(case, world.agent_a, HOSPITAL)
    assert _class(case) == RoutingClass.SERIOUS_ADVERSE_EVENT
    serious = Finding.objects.get(case=case, kind=FindingKind.ADVERSE_EVENT)

    dismiss_finding(serious, reason="Hospital stay was planned surgery", acting_user=world.safety_a)

    assert _class(case) == RoutingClass.GENERAL
    assert CaseRouting.objects.get(case=case).required_skills == []


def test_a_finding_added_by_a_person_counts(world, case):
    interaction = _contact(case, world.agent_a, "The box looked odd.")
    add_finding(
        interaction,
        kind=FindingKind.TAMPERING,
        code="tampering",
        note="Seal cut, caller kept the box",
        acting_user=world.agent_a,
    )
    assert _class(case) == RoutingClass.TAMPERING
