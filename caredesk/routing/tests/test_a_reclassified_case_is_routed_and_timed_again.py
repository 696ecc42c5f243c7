"""When a case's type or priority changes, or its person turns out to be a pharmacist, its
routing class, queue and SLA policy are chosen again: a general inquiry that becomes an adverse
event moves to the safety priority queue under the adverse-event targets; a consumer who is in
fact a pharmacist gets the pharmacist's 5-minute first response. The dues count from the
opening; each change is audited and on the timeline; closed cases and bad values are refused."""

from __future__ import annotations

from datetime import timedelta

import pytest

from caredesk.audit.models import AuditEvent
from caredesk.cases.models import CaseStatus, CaseType, TimelineEntry
from caredesk.cases.services.lifecycle import CaseInput, create_case
from caredesk.people.models import Channel, PersonRole
from caredesk.people.services.persons import update_person
from caredesk.routing.models_agents import CaseRouting, RoutingClass
from caredesk.routing.models_sla import CaseSlaClock
from caredesk.testing import factories as f
from caredesk.testing.api import ApiClient

pytestmark = pytest.mark.django_db
GENERAL, AE = CaseType.GENERAL_INQUIRY, CaseType.ADVERSE_EVENT


@pytest.fixture
def desk(world):
    p = world.program_a
    general = f.QueueFactory(program=p, name="General", case_types=[GENERAL])
    safety = f.QueueFactory(program=p, name="Safety", is_default=False, is_safety_priority=True)
    recalls = f.QueueFactory(
        program=p, name="Recalls", is_default=False, case_types=[CaseType.RECALL_INQUIRY]
    )
    policies = {
        "general": f.SlaPolicyFactory(program=p, case_type=GENERAL, first_response_minutes=240),
        "pharmacist": f.SlaPolicyFactory(
            program=p, case_type=GENERAL, customer_type="pharmacist", first_response_minutes=5
        ),
        "ae": f.SlaPolicyFactory(program=p, case_type=AE, first_response_minutes=60),
    }
    consumer = f.PersonFactory(program=p, role=PersonRole.CONSUMER)
    case = create_case(
        p,
        CaseInput(subject="Question", person=consumer, channel=Channel.EMAIL),
        acting_user=world.agent_a,
    )
    queues = {"general_queue": general, "safety_queue": safety, "recall_queue": recalls}
    return {**queues, **policies, "case": case}


def clock_of(case):
    return CaseSlaClock.objects.system_scope().get(case=case)


def test_a_general_inquiry_that_becomes_an_adverse_event_is_rerouted(desk, world):
    case = desk["case"]
    assert clock_of(case).policy == desk["general"] and case.queue == desk["general_queue"]
    response = ApiClient(world.agent_a).request(
        "PUT",
        f"/cases/{case.pk}/classification",
        {"case_type": AE, "priority": 2, "reason": "the caller described a rash"},
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["case_type"] == AE and body["priority"] == 2
    assert body["routing_class"] == "adverse_event" and "safety_trained" in str(body)
    assert body["queue_id"] == desk["safety_queue"].pk
    case.refresh_from_db()
    assert clock_of(case).policy == desk["ae"]
    assert case.first_response_due == case.opened_at + timedelta(minutes=60)
    routing = CaseRouting.objects.get(case=case)
    assert routing.routing_class == RoutingClass.ADVERSE_EVENT
    timeline = " | ".join(TimelineEntry.objects.filter(case=case).values_list("summary", flat=True))
    assert "Reclassified: case_type general_inquiry → adverse_event, priority 4 → 2" in timeline
    assert "Moved to Safety" in timeline and "SLA policy re-chosen" in timeline
    audited = AuditEvent.objects.filter(model="cases.case", object_id=str(case.pk))
    assert any("case_type" in (e.changes or {}) for e in audited)
    assert any("first_response_due" in (e.changes or {}) for e in audited)


def test_a_new_type_outside_the_safety_classes_moves_to_its_own_queue(desk, world):
    case = desk["case"]
    client = ApiClient(world.agent_a)
    body = client.request(
        "PUT", f"/cases/{case.pk}/classification", {"case_type": "recall_inquiry"}
    ).json()
    assert body["queue_id"] == desk["recall_queue"].pk and body["routing_class"] == "recall"
    # No policy for recalls: the dues the case has stay as they were.
    assert clock_of(case).policy == desk["general"]


def test_the_person_turning_out_to_be_a_pharmacist_rechooses_the_policy(desk, world):
    case = desk["case"]
    update_person(case.person, {"role": PersonRole.PHARMACIST}, acting_user=world.agent_a)
    case.refresh_from_db()
    assert clock_of(case).policy == desk["pharmacist"]
    assert clock_of(case).customer_type == PersonRole.PHARMACIST
    assert case.first_response_due == case.opened_at + timedelta(minutes=5)
    routing = CaseRouting.objects.get(case=case)
    assert routing.routing_class == RoutingClass.HCP_REQUEST
    summaries = TimelineEntry.objects.filter(case=case).values_list("summary", flat=True)
    assert any("SLA policy re-chosen" in s and "pharmacist" in s for s in summaries)


def test_priority_alone_changes_only_the_priority(desk, world):
    case = desk["case"]
    due = case.first_response_due
    body = ApiClient(world.agent_a).request(
        "PUT", f"/cases/{case.pk}/classification", {"priority": 1}
    )
    assert body.json()["priority"] == 1 and body.json()["queue_id"] == desk["general_queue"].pk
    case.refresh_from_db()
    assert case.first_response_due == due


def test_bad_values_closed_cases_and_other_programs_are_refused(desk, world):
    case = desk["case"]
    client = ApiClient(world.agent_a)
    assert (
        client.request("PUT", f"/cases/{case.pk}/classification", {"priority": 9}).status_code
        == 422
    )
    assert (
        client.request("PUT", f"/cases/{case.pk}/classification", {"case_type": "x"}).status_code
        == 422
    )
    auditor = ApiClient(world.auditor_a).request(
        "PUT", f"/cases/{case.pk}/classification", {"priority": 1}
    )
    assert auditor.status_code == 403
    other = ApiClient(world.agent_b).request(
        "PUT", f"/cases/{case.pk}/classification", {"priority": 1}
    )
    assert other.status_code == 404
    type(case).objects.system_scope().filter(pk=case.pk).update(status=CaseStatus.CLOSED)
    closed = client.request("PUT", f"/cases/{case.pk}/classification", {"priority": 1})
    assert closed.status_code == 409


def test_the_case_page_links_to_a_form_that_reclassifies(desk, world, client):
    case = desk["case"]
    client.force_login(world.agent_a)
    assert (
        f"/routing/cases/{case.pk}/classification/"
        in client.get(f"/cases/{case.pk}/").content.decode()
    )
    page = client.get(f"/routing/cases/{case.pk}/classification/")
    assert page.status_code == 200 and b"route again" in page.content
    response = client.post(
        f"/routing/cases/{case.pk}/classification/",
        {"case_type": AE, "priority": "2", "reason": "rash"},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.case_type == AE and case.queue == desk["safety_queue"]
    bad = client.post(f"/routing/cases/{case.pk}/classification/", {"case_type": "x"})
    assert bad.status_code == 422
    client.force_login(world.agent_b)
    assert client.get(f"/routing/cases/{case.pk}/classification/").status_code == 404
