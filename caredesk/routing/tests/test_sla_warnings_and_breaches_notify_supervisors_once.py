"""When the sweep marks a case's SLA warning or breach, the program's supervisors get one
in-app notice per case and state (however often the sweep runs, and even if the case warns
again after a pause moved its due time), and the escalation is audited."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from caredesk.audit.models import AuditEvent
from caredesk.cases.models import CaseStatus, SlaState
from caredesk.quality.models import Notification
from caredesk.routing.models_sla import SlaEscalation
from caredesk.routing.services.sla import compute_due
from caredesk.routing.services.sla_sweep import sweep_sla
from caredesk.tenancy.models import Role
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db
NY = ZoneInfo("America/New_York")


def ny(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=NY)


@pytest.fixture
def late_case(world):
    """A 60-minute first response, opened at 10:00: warning at 10:48, breach after 11:00."""
    f.SlaPolicyFactory(program=world.program_a, first_response_minutes=60)
    f.SlaPolicyFactory(program=world.program_b, first_response_minutes=60)
    due = compute_due(world.program_a, "general_inquiry", ny("2026-06-02 10:00"))
    return f.CaseFactory(
        program=world.program_a,
        status=CaseStatus.OPEN,
        opened_at=ny("2026-06-02 10:00"),
        first_response_due=due.first_response_due,
    )


def notices(user):
    return list(Notification.objects.filter(user=user).values_list("text", flat=True))


def test_each_state_reaches_the_supervisors_once(world, late_case):
    second_supervisor = f.member(world.program_a, Role.SUPERVISOR, username="supervisor_a2")
    supervisor_b = f.member(world.program_b, Role.SUPERVISOR, username="supervisor_b")
    for minute in ("10:50", "10:55", "10:59"):
        sweep_sla(ny(f"2026-06-02 {minute}"))
    assert len(notices(world.supervisor_a)) == 1
    assert "nearly due" in notices(world.supervisor_a)[0]
    assert late_case.reference in notices(world.supervisor_a)[0]
    for minute in ("11:01", "11:30"):
        sweep_sla(ny(f"2026-06-02 {minute}"))
    assert len(notices(world.supervisor_a)) == 2 and "breached" in notices(world.supervisor_a)[1]
    assert len(notices(second_supervisor)) == 2
    assert notices(world.agent_a) == [] and notices(supervisor_b) == []
    rows = SlaEscalation.objects.filter(case=late_case).order_by("created_at")
    assert [(r.state, r.notified) for r in rows] == [("warning", 2), ("breached", 2)]
    audited = AuditEvent.objects.filter(model="routing.slaescalation")
    assert audited.count() == 2 and audited.first().actor_username == "system:sla-sweep"


def test_warning_again_after_a_due_time_moved_out_notifies_nobody_twice(world, late_case):
    sweep_sla(ny("2026-06-02 10:50"))
    late_case.refresh_from_db()
    assert late_case.sla_state == SlaState.WARNING
    type(late_case).objects.filter(pk=late_case.pk).update(
        first_response_due=ny("2026-06-02 13:00")  # e.g. moved out by a pause
    )
    sweep_sla(ny("2026-06-02 10:55"))  # back on track
    sweep_sla(ny("2026-06-02 12:55"))  # warning again
    late_case.refresh_from_db()
    assert late_case.sla_state == SlaState.WARNING
    assert len(notices(world.supervisor_a)) == 1
