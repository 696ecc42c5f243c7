"""`GET /programs/{id}/agents` answers the page envelope by user name, program agents only."""

from __future__ import annotations

import pytest

from caredesk.tenancy.models import Role
from caredesk.testing import factories as f
from caredesk.testing.api import ApiClient
from caredesk.testing.pages import assert_pages

pytestmark = pytest.mark.django_db


def test_agents_page_by_user_name_within_the_program(world):
    f.member(world.program_a, Role.CARE_SPECIALIST, username="agent_a2")
    f.member(world.program_b, Role.CARE_SPECIALIST, username="agent_b2")
    rows = assert_pages(
        ApiClient(world.supervisor_a),
        f"/programs/{world.program_a.pk}/agents",
        ["agent_a", "agent_a2", "safety_a"],
        key="username",
    )
    assert {row["program_id"] for row in rows} == {world.program_a.pk}
    other = ApiClient(world.supervisor_a).get(f"/programs/{world.program_b.pk}/agents")
    assert other.status_code == 404
