"""A new case gets its SLA due times from its program's policy, in the program's calendar."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from caredesk.cases.models import CaseType
from caredesk.cases.services.lifecycle import CaseInput, create_case
from caredesk.routing.services.sla import compute_due
from caredesk.tenancy.models import ProgramClosure
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db
NY = ZoneInfo("America/New_York")


def ny(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=NY)


def business_policy(program, **fields):
    defaults = dict(
        case_type=CaseType.GENERAL_INQUIRY,
        first_response_minutes=120,
        resolution_minutes=3 * 12 * 60,  # three business days of 08:00-20:00
        business_hours_only=True,
        opens_at=time(8),
        closes_at=time(20),
        weekdays="01234",
    )
    return f.SlaPolicyFactory(program=program, **(defaults | fields))


def test_a_case_opened_on_friday_evening_is_due_on_monday_in_utc(world):
    business_policy(world.program_a)
    case = create_case(
        world.program_a,
        CaseInput(subject="Dosing question", opened_at=ny("2026-06-05 19:00")),
        acting_user=world.agent_a,
    )
    case.refresh_from_db()
    assert case.first_response_due == ny("2026-06-08 09:00")
    assert case.resolution_due == ny("2026-06-10 19:00")
    assert case.first_response_due.utcoffset() == timedelta(0)


def test_the_observed_independence_day_and_a_closure_are_skipped(world):
    business_policy(world.program_a)
    ProgramClosure.objects.create(program=world.program_a, date=date(2026, 7, 6), reason="Offsite")
    due = compute_due(world.program_a, CaseType.GENERAL_INQUIRY, ny("2026-07-02 19:00"))
    assert due.first_response_due == ny("2026-07-07 09:00")


def test_the_clock_runs_in_the_programs_own_time_zone_and_holidays(world):
    berlin = ZoneInfo("Europe/Berlin")
    program = f.ProgramFactory(time_zone="Europe/Berlin", holiday_calendar="DE", country="DE")
    business_policy(program, first_response_minutes=60)
    start = datetime(2026, 4, 2, 19, 30, tzinfo=berlin)  # Thursday before Easter
    due = compute_due(program, CaseType.GENERAL_INQUIRY, start)
    assert due.first_response_due == datetime(2026, 4, 7, 8, 30, tzinfo=berlin)


def test_a_round_the_clock_policy_counts_plain_elapsed_time(world):
    business_policy(world.program_a, business_hours_only=False, first_response_minutes=30)
    due = compute_due(world.program_a, CaseType.GENERAL_INQUIRY, ny("2026-06-06 23:50"))
    assert due.first_response_due == ny("2026-06-07 00:20")


def test_each_case_type_has_its_own_policy(world):
    business_policy(world.program_a)
    business_policy(
        world.program_a,
        case_type=CaseType.ADVERSE_EVENT,
        first_response_minutes=15,
        business_hours_only=False,
    )
    due = compute_due(world.program_a, CaseType.ADVERSE_EVENT, ny("2026-06-06 10:00"))
    assert due.first_response_due == ny("2026-06-06 10:15")


def test_a_case_type_without_a_policy_has_no_clocks(world):
    business_policy(world.program_a)
    case = create_case(
        world.program_a,
        CaseInput(subject="Recall?", case_type=CaseType.RECALL_INQUIRY),
        acting_user=world.agent_a,
    )
    assert case.first_response_due is None and case.resolution_due is None


def test_another_programs_policy_does_not_apply(world):
    business_policy(world.program_b)
    due = compute_due(world.program_a, CaseType.GENERAL_INQUIRY, ny("2026-06-02 10:00"))
    assert due.first_response_due is None
