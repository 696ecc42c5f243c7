"""The queue board gives each queue its service level (share of first responses due in the
window that were met: today in the program's time zone, and the last 7 days) and links to its
cases in SLA warning or breach; a user sees only the queues and cases of their programs."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from caredesk.cases.models import CaseStatus, SlaState
from caredesk.routing.models_sla import CaseSlaClock
from caredesk.routing.services.board import queue_board
from caredesk.routing.services.board_sla import ServiceLevel, queue_sla
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db
NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 6, 9, 15, 0, tzinfo=NY)


def ny(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=NY)


@pytest.fixture
def queues(world):
    queue_a = f.QueueFactory(program=world.program_a, name="Consumer line")
    queue_b = f.QueueFactory(program=world.program_b, name="Device line")

    def case(due, responded=None, queue=queue_a, **fields):
        fields.setdefault("status", CaseStatus.OPEN)
        return f.CaseFactory(
            program=queue.program,
            queue=queue,
            opened_at=ny("2026-05-01 09:00"),
            first_response_due=ny(due) if due else None,
            first_responded_at=ny(responded) if responded else None,
            **fields,
        )

    case("2026-06-09 10:00", "2026-06-09 09:30")  # met today
    case("2026-06-09 11:00", "2026-06-09 12:00")  # answered late: missed today
    case("2026-06-09 14:00")  # unanswered past due: missed today
    case("2026-06-09 16:00")  # not due yet: no outcome
    case("2026-06-09 17:00", "2026-06-09 14:30")  # met today, ahead of time
    case("2026-06-06 10:00", "2026-06-06 09:00")  # met this week
    case("2026-06-06 10:00", status=CaseStatus.RESOLVED, resolved_at=ny("2026-06-06 12:00"))
    case("2026-06-07 10:00", "2026-06-07 10:00")  # met this week, at the due minute
    case("2026-06-08 23:30")  # missed yesterday evening in New York (today in UTC)
    case("2026-06-04 10:00", "2026-06-04 09:00")  # met this week
    case("2026-05-30 10:00")  # missed ten days ago: outside both windows
    case(None)  # no first-response clock
    paused = case("2026-06-09 12:00")  # past due but paused: its due time will move
    CaseSlaClock.objects.create(case=paused, program=world.program_a, paused_since=NOW)
    case("2026-06-09 11:00", queue=queue_b)  # another program's miss
    return queue_a, queue_b


def test_service_level_counts_the_outcomes_in_each_window(world, queues):
    queue_a, _ = queues
    rows = queue_board(world.supervisor_a)
    figures = queue_sla(world.supervisor_a, rows, NOW)
    assert set(figures) == {queue_a.pk}
    assert figures[queue_a.pk].today == ServiceLevel(met=2, missed=2)
    assert figures[queue_a.pk].week == ServiceLevel(met=5, missed=4)
    assert figures[queue_a.pk].today.percent == 50.0
    assert figures[queue_a.pk].week.percent == 55.6
    assert ServiceLevel().percent is None


def test_the_board_links_warned_and_breached_cases_of_the_users_programs(
    client, world, queues, monkeypatch
):
    queue_a, queue_b = queues
    breached = f.CaseFactory(program=world.program_a, queue=queue_a, sla_state=SlaState.BREACHED)
    warned = f.CaseFactory(program=world.program_a, queue=queue_a, sla_state=SlaState.WARNING)
    other = f.CaseFactory(program=world.program_b, queue=queue_b, sla_state=SlaState.BREACHED)
    client.force_login(world.supervisor_a)
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    page = client.get("/routing/board/").content.decode()
    link = reverse("cases:detail", kwargs={"case_id": breached.pk})
    assert f'<a class="sla-breached" href="{link}">{breached.reference}</a>' in page
    assert page.index(breached.reference) < page.index(warned.reference)
    assert other.reference not in page and "Device line" not in page
    assert "50.0%" in page and "55.6%" in page


def test_an_agent_of_program_b_sees_nothing_of_program_a(client, world, queues):
    queue_a, queue_b = queues
    case_a = f.CaseFactory(program=world.program_a, queue=queue_a, sla_state=SlaState.BREACHED)
    rows = queue_board(world.agent_b)
    figures = queue_sla(world.agent_b, rows, NOW)
    assert set(figures) == {queue_b.pk}
    assert figures[queue_b.pk].today == ServiceLevel(met=0, missed=1)
    client.force_login(world.agent_b)
    page = client.get("/routing/board/").content.decode()
    assert "Consumer line" not in page and case_a.reference not in page
    assert "Relievium" not in page
