"""SLA clocks pause only in the statuses the case's policy lists: while paused nothing warns or
breaches, and on resume the due times move out by the business time spent paused. Pause and
resume are on the case timeline and audited."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from caredesk.audit.models import AuditEvent
from caredesk.cases.models import Case, CaseStatus, SlaState, TimelineEntry, TimelineKind
from caredesk.cases.services.lifecycle import CaseInput, change_status, create_case
from caredesk.routing.models_sla import CaseSlaClock
from caredesk.routing.services.sla_state import sla_state_at
from caredesk.routing.services.sla_sweep import sweep_sla
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db
NY = ZoneInfo("America/New_York")
PENDING = CaseStatus.PENDING_CUSTOMER


def ny(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=NY)


@pytest.fixture
def at(monkeypatch):
    """Set the clock the services read: `at("2026-06-02 11:00")`."""

    def move(text: str) -> datetime:
        moment = ny(text)
        monkeypatch.setattr(timezone, "now", lambda: moment)
        return moment

    return move


def open_case(world, at, pause_statuses):
    """Tuesday 10:00; first response in 2 business hours (12:00), resolution in two business
    days (Thursday 10:00); the desk is open 08:00-20:00 on weekdays; warning at 80%."""
    f.SlaPolicyFactory(
        program=world.program_a,
        first_response_minutes=120,
        resolution_minutes=24 * 60,
        business_hours_only=True,
        opens_at=time(8),
        closes_at=time(20),
        pause_statuses=pause_statuses,
    )
    at("2026-06-02 10:00")
    case = create_case(world.program_a, CaseInput(subject="Dosing"), acting_user=world.agent_a)
    change_status(case, CaseStatus.OPEN, acting_user=world.agent_a)
    return case


def state_after_sweep(case, when: datetime) -> str:
    sweep_sla(when)
    return Case.objects.get(pk=case.pk).sla_state


def sla_notes(case):
    rows = TimelineEntry.objects.filter(case=case, data__sla__isnull=False).order_by("at", "id")
    return [(row.data["sla"], row.at) for row in rows]


def test_waiting_on_the_customer_pauses_and_resuming_pushes_the_dues(world, at):
    case = open_case(world, at, [PENDING])
    at("2026-06-02 11:00")
    change_status(case, PENDING, acting_user=world.agent_a, reason="asked for the lot number")
    assert CaseSlaClock.objects.get(case=case).paused_since == ny("2026-06-02 11:00")

    # Past the warning point (11:36) and the due time (12:00): paused, nothing happens.
    assert state_after_sweep(case, ny("2026-06-02 11:50")) == SlaState.ON_TRACK
    assert state_after_sweep(case, ny("2026-06-02 13:00")) == SlaState.ON_TRACK
    assert sla_state_at(Case.objects.get(pk=case.pk), ny("2026-06-02 19:00")) == SlaState.ON_TRACK
    assert not TimelineEntry.objects.filter(case=case, kind=TimelineKind.SLA_WARNING).exists()

    at("2026-06-03 09:00")  # paused 11:00-20:00 and 08:00-09:00: ten business hours
    change_status(case, CaseStatus.OPEN, acting_user=world.agent_a, reason="customer replied")
    case.refresh_from_db()
    assert case.first_response_due == ny("2026-06-03 10:00")  # one hour was left: still is
    assert case.resolution_due == ny("2026-06-04 20:00")
    clock = CaseSlaClock.objects.get(case=case)
    assert clock.paused_since is None and clock.first_response_paused.total_seconds() == 36000

    # 60 running minutes before the pause; the warning comes at 96 (80% of 120).
    assert state_after_sweep(case, ny("2026-06-03 09:30")) == SlaState.ON_TRACK
    assert state_after_sweep(case, ny("2026-06-03 09:37")) == SlaState.WARNING
    assert sla_notes(case) == [
        ("paused", ny("2026-06-02 11:00")),
        ("resumed", ny("2026-06-03 09:00")),
    ]
    audited = AuditEvent.objects.filter(model="cases.case", object_id=str(case.pk))
    assert audited.filter(changes__has_key="first_response_due").count() == 1


def test_a_policy_without_pause_statuses_keeps_the_clocks_running(world, at):
    case = open_case(world, at, [])
    at("2026-06-02 11:00")
    change_status(case, PENDING, acting_user=world.agent_a, reason="asked for the lot number")
    assert state_after_sweep(case, ny("2026-06-02 11:50")) == SlaState.WARNING
    assert state_after_sweep(case, ny("2026-06-02 12:01")) == SlaState.BREACHED
    assert sla_notes(case) == []


def test_resolving_a_paused_case_resumes_first_and_stops_the_clock_in_time(
    world, at, django_capture_on_commit_callbacks
):
    case = open_case(world, at, [PENDING])
    at("2026-06-02 11:00")
    change_status(case, PENDING, acting_user=world.agent_a, reason="asked")
    at("2026-06-03 15:00")  # a day later, far past the original due times
    with django_capture_on_commit_callbacks(execute=True):
        change_status(case, CaseStatus.RESOLVED, acting_user=world.agent_a, reason="answered")
    case.refresh_from_db()
    assert case.first_response_due == ny("2026-06-03 16:00")
    assert case.sla_state == SlaState.MET


def test_a_status_written_past_the_service_is_caught_up_by_the_sweep(world, at):
    case = open_case(world, at, [PENDING])
    Case.objects.filter(pk=case.pk).update(status=PENDING)  # e.g. a bulk fix in the shell
    sweep_sla(ny("2026-06-02 11:00"))
    assert CaseSlaClock.objects.get(case=case).paused_since == ny("2026-06-02 11:00")
    Case.objects.filter(pk=case.pk).update(status=CaseStatus.ESCALATED)
    assert state_after_sweep(case, ny("2026-06-02 12:00")) == SlaState.ON_TRACK  # resumed
    case.refresh_from_db()
    assert case.first_response_due == ny("2026-06-02 13:00")


def test_a_policy_that_stops_pausing_lets_the_sweep_resume_its_cases(world, at):
    case = open_case(world, at, [PENDING])
    at("2026-06-02 11:00")
    change_status(case, PENDING, acting_user=world.agent_a, reason="asked")
    CaseSlaClock.objects.get(case=case).policy.__class__.objects.update(pause_statuses=[])
    sweep_sla(ny("2026-06-02 11:30"))
    case.refresh_from_db()
    assert CaseSlaClock.objects.get(case=case).paused_since is None
    assert case.first_response_due == ny("2026-06-02 12:30")
