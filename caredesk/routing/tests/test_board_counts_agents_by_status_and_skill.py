"""The board shows each queue's program's agents by status (available, busy, away) and how many
available, certified agents have the queue's skills (the safety queue: safety training)."""

from __future__ import annotations

import pytest

from caredesk.accounts.models import AgentStatus
from caredesk.routing.services.board import queue_board
from caredesk.tenancy.models import Role
from caredesk.testing import factories as f
from caredesk.testing.routing_objects import skilled_agent

pytestmark = pytest.mark.django_db


def test_agents_by_status_and_skilled_coverage_per_queue(world, client):
    f.QueueFactory(program=world.program_a, code="general", name="General")
    f.QueueFactory(program=world.program_a, code="es", name="Spanish", skills=["es"])
    f.QueueFactory(program=world.program_a, code="safety", name="Safety", is_safety_priority=True)
    f.QueueFactory(program=world.program_b, code="devices", name="Devices")
    skilled_agent(world.program_a, languages=("en", "es"))
    skilled_agent(world.program_a, safety_trained=True)
    skilled_agent(world.program_a, safety_trained=True, certified=False)
    skilled_agent(world.program_a, status=AgentStatus.BUSY, safety_trained=True)
    skilled_agent(world.program_a, status=AgentStatus.AWAY, languages=("es",))
    skilled_agent(world.program_a, role=Role.SUPERVISOR)  # watches, does not take cases
    skilled_agent(world.program_b)

    rows = {row.queue_code: row for row in queue_board(world.supervisor_a)}

    assert set(rows) == {"general", "es", "safety"}
    # agent_a and safety_a (away by default) and the agent set away
    assert rows["general"].agents_by_status == {"available": 3, "busy": 1, "away": 3}
    assert rows["general"].agents_available == 3
    assert rows["general"].agents_skilled_available == 2  # the uncertified one does not count
    assert rows["es"].agents_skilled_available == 1
    assert rows["safety"].agents_skilled_available == 1

    client.force_login(world.supervisor_a)
    page = client.get("/routing/board/").content.decode()
    assert "Skilled available" in page and "Away" in page
