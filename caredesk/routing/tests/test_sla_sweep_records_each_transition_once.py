"""The minute sweep marks warnings and breaches on the case and its timeline exactly once per
transition, however often it runs and even when a second worker races it."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from caredesk.audit.models import AuditEvent
from caredesk.cases.models import CaseStatus, SlaState, TimelineEntry, TimelineKind
from caredesk.cases.tasks import refresh_case_sla
from caredesk.routing.services import sla_sweep
from caredesk.routing.services.sla import compute_due
from caredesk.routing.services.sla_sweep import sweep_sla
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db
NY = ZoneInfo("America/New_York")
SLA_KINDS = (TimelineKind.SLA_WARNING, TimelineKind.SLA_BREACH)


def ny(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=NY)


def sla_entries(case):
    return list(
        TimelineEntry.objects.filter(case=case, kind__in=SLA_KINDS).values_list("kind", "at")
    )


def open_case(program, opened_at: datetime, **fields):
    due = compute_due(program, "general_inquiry", opened_at)
    return f.CaseFactory(
        program=program,
        opened_at=opened_at,
        status=CaseStatus.OPEN,
        first_response_due=due.first_response_due,
        resolution_due=due.resolution_due,
        **fields,
    )


@pytest.fixture
def program(world):
    """Program A answers within 60 minutes and resolves within 600, warning at 80%."""
    f.SlaPolicyFactory(
        program=world.program_a,
        first_response_minutes=60,
        resolution_minutes=600,
        business_hours_only=False,
    )
    return world.program_a


def test_warning_then_breach_each_written_once(program):
    case = open_case(program, ny("2026-06-02 10:00"))
    assert sweep_sla(ny("2026-06-02 10:30")).warnings == 0
    assert sweep_sla(ny("2026-06-02 10:50")).warnings == 1
    assert sweep_sla(ny("2026-06-02 10:51")).warnings == 0
    case.refresh_from_db()
    assert case.sla_state == SlaState.WARNING
    assert case.sla_warning_at == ny("2026-06-02 10:48")
    assert sla_entries(case) == [(TimelineKind.SLA_WARNING, ny("2026-06-02 10:48"))]

    assert sweep_sla(ny("2026-06-02 11:05")).breaches == 1
    assert sweep_sla(ny("2026-06-02 11:05")).breaches == 0
    case.refresh_from_db()
    assert case.sla_state == SlaState.BREACHED
    assert case.sla_breached_at == ny("2026-06-02 11:00")
    assert [kind for kind, _ in sla_entries(case)] == [
        TimelineKind.SLA_WARNING,
        TimelineKind.SLA_BREACH,
    ]
    audited = AuditEvent.objects.filter(model="cases.case", object_id=str(case.pk))
    assert list(audited.order_by("seq").values_list("changes", flat=True)) == [
        {"sla_state": ["on_track", "warning"]},
        {"sla_state": ["warning", "breached"]},
    ]


def test_a_breached_case_is_no_longer_examined(program):
    open_case(program, ny("2026-06-02 10:00"))
    sweep_sla(ny("2026-06-02 12:00"))
    assert sweep_sla(ny("2026-06-02 12:01")).examined == 0


def test_a_sweep_that_missed_the_warning_writes_only_the_breach(program):
    case = open_case(program, ny("2026-06-02 10:00"))
    sweep_sla(ny("2026-06-02 11:30"))
    assert [kind for kind, _ in sla_entries(case)] == [TimelineKind.SLA_BREACH]


def test_a_racing_worker_that_read_the_old_state_writes_nothing(program, monkeypatch):
    case = open_case(program, ny("2026-06-02 10:00"))
    real_evaluate = sla_sweep.evaluate_sla
    other_worker: dict[str, sla_sweep.SweepResult | None] = {}

    def other_worker_first(*args, **kwargs):
        if not other_worker:  # between our read and our claim, another sweep finishes
            other_worker["result"] = None
            other_worker["result"] = sweep_sla(ny("2026-06-02 10:50"))
        return real_evaluate(*args, **kwargs)

    monkeypatch.setattr(sla_sweep, "evaluate_sla", other_worker_first)
    ours = sweep_sla(ny("2026-06-02 10:50"))
    assert other_worker["result"].warnings == 1
    assert ours.warnings == 0
    assert len(sla_entries(case)) == 1


def test_after_a_reply_the_case_is_on_track_until_the_resolution_clock_warns(program):
    case = open_case(program, ny("2026-06-02 10:00"))
    sweep_sla(ny("2026-06-02 10:50"))
    case.first_responded_at = ny("2026-06-02 10:55")
    case.save(update_fields=["first_responded_at"])  # as logging an outbound reply does
    assert sweep_sla(ny("2026-06-02 11:00")).other_changes == 1
    case.refresh_from_db()
    assert case.sla_state == SlaState.ON_TRACK
    sweep_sla(ny("2026-06-02 18:00"))
    case.refresh_from_db()
    assert case.sla_state == SlaState.WARNING
    assert case.sla_warning_at == ny("2026-06-02 18:00")
    assert [data["clock"] for data in _entry_data(case)] == ["first_response", "resolution"]


def _entry_data(case):
    return TimelineEntry.objects.filter(case=case, kind__in=SLA_KINDS).values_list(
        "data", flat=True
    )


def test_closed_cases_are_settled_once_as_met_or_breached(program):
    in_time = open_case(program, ny("2026-06-02 10:00"))
    late = open_case(program, ny("2026-06-02 10:00"))
    for case, resolved in ((in_time, "2026-06-02 10:30"), (late, "2026-06-02 11:30")):
        case.status = CaseStatus.RESOLVED
        case.resolved_at = ny(resolved)
        case.save()
    sweep_sla(ny("2026-06-02 12:00"))
    in_time.refresh_from_db()
    late.refresh_from_db()
    assert in_time.sla_state == SlaState.MET and sla_entries(in_time) == []
    assert late.sla_state == SlaState.BREACHED
    assert sla_entries(late) == [(TimelineKind.SLA_BREACH, ny("2026-06-02 11:00"))]
    assert sweep_sla(ny("2026-06-02 12:01")).examined == 0


def test_every_program_is_swept_in_batches(program, world):
    f.SlaPolicyFactory(
        program=world.program_b,
        first_response_minutes=60,
        resolution_minutes=600,
        business_hours_only=False,
    )
    cases = [open_case(program, ny("2026-06-02 10:00")) for _ in range(4)]
    cases.append(open_case(world.program_b, ny("2026-06-02 10:00")))
    result = sweep_sla(ny("2026-06-02 10:50"), batch_size=2)
    assert (result.examined, result.warnings) == (5, 5)
    assert all(len(sla_entries(case)) == 1 for case in cases)


def test_cases_without_clocks_are_left_alone(world):
    assert sweep_sla(ny("2030-01-01 00:00")).examined == 0
    world.case_a.refresh_from_db()
    assert world.case_a.sla_state == SlaState.ON_TRACK


def test_one_case_can_be_refreshed_right_after_its_first_response(program):
    now = timezone.now()
    case = open_case(program, now - timedelta(minutes=50))
    assert refresh_case_sla(case.pk).get() == SlaState.WARNING  # tasks run inline in tests
    case.refresh_from_db()
    assert case.sla_state == SlaState.WARNING
    case.first_responded_at = now
    case.save(update_fields=["first_responded_at"])
    refresh_case_sla(case.pk)
    case.refresh_from_db()
    assert case.sla_state == SlaState.ON_TRACK


def test_a_misconfigured_program_does_not_stop_the_sweep_for_others(program, world):
    f.SlaPolicyFactory(program=world.program_b, business_hours_only=True)
    good = open_case(program, ny("2026-06-02 10:00"))
    broken = open_case(world.program_b, ny("2026-06-02 10:00"))
    world.program_b.time_zone = "Mars/Olympus_Mons"
    world.program_b.save()
    result = sweep_sla(ny("2026-06-04 11:30"))
    assert (result.breaches, result.failed) == (1, 1)
    assert [kind for kind, _ in sla_entries(good)] == [TimelineKind.SLA_BREACH]
    assert sla_entries(broken) == []
