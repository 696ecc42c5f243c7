"""The supervisor board lists the queues of the user's programs with counts and SLA states."""

from __future__ import annotations

import pytest

from caredesk.cases.models import SlaState
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db


def test_board_shows_queue_counts_and_sla_states_of_own_programs_only(client, world):
    queue = f.QueueFactory(program=world.program_a, name="Consumer line")
    f.QueueFactory(program=world.program_b, name="Device line")
    f.CaseFactory(program=world.program_a, queue=queue, sla_state=SlaState.BREACHED)
    f.CaseFactory(program=world.program_a, queue=queue)
    client.force_login(world.supervisor_a)
    page = client.get("/routing/board/").content.decode()
    assert "Consumer line" in page and "Device line" not in page
    assert '<td class="num sla-breached">1</td>' in page
    assert 'hx-trigger="every 30s"' in page


def test_board_refresh_with_htmx_sends_the_table_only(client, world):
    client.force_login(world.supervisor_a)
    page = client.get("/routing/board/", HTTP_HX_REQUEST="true").content.decode()
    assert 'id="board"' in page and "<html" not in page
