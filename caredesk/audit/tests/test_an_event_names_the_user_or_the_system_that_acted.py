"""An event names the user who acted; a job's event names the system actor its service gives."""

from __future__ import annotations

import pytest

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event

pytestmark = pytest.mark.django_db


def test_a_user_is_named_and_a_job_gets_its_system_name(world):
    by_user = record_event(
        AuditAction.UPDATE,
        acting_user=world.agent_a,
        instance=world.case_a,
        system_actor="system:sla-sweep",
    )
    by_job = record_event(
        AuditAction.UPDATE, acting_user=None, instance=world.case_a, system_actor="system:sla-sweep"
    )
    assert (by_user.actor_id, by_user.actor_username) == (world.agent_a.pk, world.agent_a.username)
    assert (by_job.actor_id, by_job.actor_username) == (None, "system:sla-sweep")
