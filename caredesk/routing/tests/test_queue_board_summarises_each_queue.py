"""A supervisor's queue board shows, per queue of their programs: open cases, their SLA states,
the oldest case still waiting for a first response, and how many agents are available."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from caredesk.accounts.models import AgentStatus
from caredesk.cases.models import CaseStatus, SlaState
from caredesk.routing.services.board import queue_board
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db
NY = ZoneInfo("America/New_York")


def ny(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=NY)


@pytest.fixture
def board_world(world):
    general = f.QueueFactory(program=world.program_a, code="general", name="General")
    f.QueueFactory(program=world.program_a, code="safety", name="Safety", is_default=False)
    other = f.QueueFactory(program=world.program_b, code="devices", name="Devices")

    def case(queue, opened, **fields):
        fields.setdefault("status", CaseStatus.OPEN)
        return f.CaseFactory(program=queue.program, queue=queue, opened_at=ny(opened), **fields)

    case(general, "2026-06-01 09:00", first_responded_at=ny("2026-06-01 09:10"))
    case(general, "2026-06-01 11:00", sla_state=SlaState.WARNING)
    case(general, "2026-06-01 12:00", sla_state=SlaState.BREACHED, status=CaseStatus.ESCALATED)
    case(general, "2026-05-01 08:00", status=CaseStatus.CLOSED)  # closed: not on the board
    case(other, "2026-05-01 08:00")
    for user in (world.agent_a, world.safety_a, world.supervisor_a, world.agent_b):
        user.agent_status = AgentStatus.AVAILABLE
        user.save()
    f.member(world.program_a, username="away_agent")  # away by default


@pytest.mark.usefixtures("board_world")
def test_the_board_counts_open_cases_by_sla_state(world, django_assert_num_queries):
    with django_assert_num_queries(3):  # queues, agents by status, available agents' skills
        rows = queue_board(world.supervisor_a)
    assert [row.queue_name for row in rows] == ["General", "Safety"]
    first, empty = rows
    assert first.open_count == 3
    assert first.by_sla_state == {"on_track": 1, "warning": 1, "breached": 1, "met": 0}
    assert first.oldest_waiting_opened_at == ny("2026-06-01 11:00")
    assert first.agents_available == 2  # the care specialist and the safety specialist
    assert (empty.open_count, empty.oldest_waiting_opened_at) == (0, None)
    assert empty.by_sla_state == {"on_track": 0, "warning": 0, "breached": 0, "met": 0}


@pytest.mark.usefixtures("board_world")
def test_the_board_shows_only_the_users_programs(world):
    rows = queue_board(world.agent_b)
    assert [(row.queue_code, row.open_count, row.agents_available) for row in rows] == [
        ("devices", 1, 1)
    ]


def test_a_user_without_programs_sees_an_empty_board(db):
    assert queue_board(f.UserFactory()) == []
