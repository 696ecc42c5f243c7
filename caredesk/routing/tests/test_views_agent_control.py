"""The agent's control on the inbox: set my status, and "Get next case" opens the case."""

from __future__ import annotations

import pytest

from caredesk.accounts.models import AgentStatus
from caredesk.testing.routing_objects import skilled_agent

pytestmark = pytest.mark.django_db


def test_the_inbox_loads_the_control_and_it_shows_my_status(client, world):
    client.force_login(world.agent_a)
    inbox = client.get("/").content.decode()
    assert 'hx-get="/routing/agent/"' in inbox
    control = client.get("/routing/agent/").content.decode()
    assert "Get next case" in control
    assert '<option value="away" selected>' in control


def test_a_supervisor_sees_no_agent_control(client, world):
    client.force_login(world.supervisor_a)
    assert "Get next case" not in client.get("/routing/agent/").content.decode()


def test_setting_my_status_with_htmx(client, world):
    client.force_login(world.agent_a)
    response = client.post("/routing/agent/status/", {"status": "busy"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert '<option value="busy" selected>' in response.content.decode()
    world.agent_a.refresh_from_db()
    assert world.agent_a.agent_status == AgentStatus.BUSY
    bad = client.post("/routing/agent/status/", {"status": "lunch"}, HTTP_HX_REQUEST="true")
    assert bad.status_code == 422


def test_get_next_opens_the_case_then_says_nothing_waits(client, world):
    agent = skilled_agent(world.program_a, medical_information=True)
    client.force_login(agent)
    response = client.post("/routing/agent/next/", HTTP_HX_REQUEST="true")
    assert response.status_code == 204
    assert response["HX-Redirect"] == f"/cases/{world.case_a.pk}/"
    again = client.post("/routing/agent/next/", HTTP_HX_REQUEST="true")
    assert "No case is waiting for you." in again.content.decode()
    plain = client.post("/routing/agent/next/")
    assert plain.status_code == 302


def test_get_next_for_another_program_is_not_found(client, world):
    agent = skilled_agent(world.program_a)
    client.force_login(agent)
    response = client.post("/routing/agent/next/", {"program": world.program_b.pk})
    assert response.status_code == 404
