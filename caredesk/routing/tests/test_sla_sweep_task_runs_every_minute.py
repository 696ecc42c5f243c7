"""The SLA sweep is a periodic Huey task scheduled every minute, and running it sweeps."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from huey.api import PeriodicTask
from huey.contrib.djhuey import HUEY

from caredesk.cases.models import CaseStatus, SlaState
from caredesk.routing.tasks import sla_sweep_task
from caredesk.testing import factories as f


def test_the_sweep_is_scheduled_for_every_minute_of_the_day():
    assert issubclass(sla_sweep_task.task_class, PeriodicTask)
    start = datetime(2026, 6, 2, 0, 0)
    for minute in (0, 1, 7, 59, 60 * 13 + 31, 60 * 23 + 59):
        due = HUEY.read_periodic(start + timedelta(minutes=minute))
        assert any(isinstance(task, sla_sweep_task.task_class) for task in due), minute


@pytest.mark.django_db
def test_running_the_task_marks_a_breach(world):
    now = timezone.now()
    case = f.CaseFactory(
        program=world.program_a,
        status=CaseStatus.OPEN,
        opened_at=now - timedelta(hours=2),
        first_response_due=now - timedelta(hours=1),
        resolution_due=now + timedelta(hours=20),
    )
    result = sla_sweep_task.call_local()
    assert result["breaches"] == 1
    case.refresh_from_db()
    assert case.sla_state == SlaState.BREACHED
