"""The routing API: get next (204 when nothing waits), the agent's own status, agents' skills
read by supervisors, admins and auditors and changed only by supervisors and admins of the
agent's own program."""

from __future__ import annotations

import pytest

from caredesk.accounts.models import AgentStatus
from caredesk.audit.models import AuditEvent
from caredesk.cases.models import CaseType
from caredesk.routing.models_agents import AgentSkills
from caredesk.testing import factories as f
from caredesk.testing.api import ApiClient
from caredesk.testing.routing_objects import give_skills, skilled_agent

pytestmark = pytest.mark.django_db


def test_get_next_gives_the_case_then_204(world):
    agent = skilled_agent(world.program_a, medical_information=True)
    client = ApiClient(agent)
    first = client.post("/routing/next", {})
    assert first.status_code == 200
    assert first.json()["reference"] == world.case_a.reference
    assert first.json()["owner_id"] == agent.pk
    assert client.post("/routing/next", {}).status_code == 204


def test_get_next_for_another_programs_id_is_not_found(world):
    agent = skilled_agent(world.program_a)
    response = ApiClient(agent).post("/routing/next", {"program_id": world.program_b.pk})
    assert response.status_code == 404


def test_get_next_refuses_non_agents_and_the_uncertified(world):
    assert ApiClient(world.supervisor_a).post("/routing/next", {}).status_code == 403
    uncertified = skilled_agent(world.program_a, certified=False)
    response = ApiClient(uncertified).post("/routing/next", {})
    assert response.status_code == 403
    assert "certified" in response.json()["message"]


def test_an_agent_sets_their_own_status(world):
    client = ApiClient(world.agent_a)
    response = client.request("PUT", "/agents/me/status", {"status": "available"})
    assert response.status_code == 200 and response.json() == {"status": "available"}
    world.agent_a.refresh_from_db()
    assert world.agent_a.agent_status == AgentStatus.AVAILABLE
    event = AuditEvent.objects.filter(model="accounts.user").last()
    assert event.changes == {"agent_status": ["away", "available"]}


def test_status_refuses_bad_values_and_non_agents(world):
    bad = ApiClient(world.agent_a).request("PUT", "/agents/me/status", {"status": "lunch"})
    assert bad.status_code == 422
    auditor = ApiClient(world.auditor_a).request("PUT", "/agents/me/status", {"status": "busy"})
    assert auditor.status_code == 403


def test_supervisor_reads_and_updates_skills_in_their_program(world):
    give_skills(world.agent_a, world.program_a, languages=("en",), certified=False)
    client = ApiClient(world.supervisor_a)
    listed = client.get(f"/programs/{world.program_a.pk}/agents").json()["items"]
    assert [a["username"] for a in listed] == ["agent_a", "safety_a"]
    url = f"/programs/{world.program_a.pk}/agents/{world.agent_a.pk}/skills"
    body = {"languages": ["es-MX", "en"], "safety_trained": True, "certified": True}
    response = client.request("PUT", url, body)
    assert response.status_code == 200, response.content
    out = response.json()
    assert out["languages"] == ["en", "es"] and out["certified"] is True
    assert out["skills"] == ["lang:en", "lang:es", "safety_trained"]
    row = AgentSkills.objects.get(user=world.agent_a, program=world.program_a)
    assert row.certified_by == world.supervisor_a
    event = AuditEvent.objects.filter(model="routing.agentskills").last()
    assert event.changes["languages"] == [["en"], ["en", "es"]]


def test_an_admin_of_program_a_cannot_touch_program_bs_agents(world):
    client = ApiClient(world.admin_a)
    b_url = f"/programs/{world.program_b.pk}/agents/{world.agent_b.pk}/skills"
    assert client.request("PUT", b_url, {"languages": ["en"]}).status_code == 404
    mixed = f"/programs/{world.program_a.pk}/agents/{world.agent_b.pk}/skills"
    assert client.request("PUT", mixed, {"languages": ["en"]}).status_code == 404
    assert client.get(f"/programs/{world.program_b.pk}/agents").status_code == 404
    assert not AgentSkills.objects.filter(user=world.agent_b).exists()


def test_agents_cannot_change_skills_and_auditors_only_read(world):
    url = f"/programs/{world.program_a.pk}/agents/{world.agent_a.pk}/skills"
    agent = ApiClient(world.agent_a)
    assert agent.request("PUT", url, {"languages": ["en"], "certified": True}).status_code == 403
    assert agent.get(f"/programs/{world.program_a.pk}/agents").status_code == 403
    auditor = ApiClient(world.auditor_a)
    assert (
        auditor.get(f"/programs/{world.program_a.pk}/agents/{world.agent_a.pk}").status_code == 200
    )
    assert auditor.request("PUT", url, {"languages": ["en"]}).status_code == 403


def test_bad_language_codes_are_refused(world):
    url = f"/programs/{world.program_a.pk}/agents/{world.agent_a.pk}/skills"
    response = ApiClient(world.admin_a).request("PUT", url, {"languages": ["english!"]})
    assert response.status_code == 422
    assert "languages" in response.json()["errors"]


def test_a_cases_routing_class_and_needs(world):
    case = f.CaseFactory(program=world.program_a, case_type=CaseType.ADVERSE_EVENT)
    out = ApiClient(world.agent_a).get(f"/cases/{case.pk}/routing").json()
    assert out["routing_class"] == "adverse_event" and out["rank"] == 3
    assert out["required_skills"] == ["safety_trained"]
    assert ApiClient(world.agent_a).get(f"/cases/{world.case_b.pk}/routing").status_code == 404
