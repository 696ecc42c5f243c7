"""A case is on track, then in warning at 80% of its allowed time, then breached past its due
time; a clock stopped in time is met. First response stops at the first response, resolution at
the resolution, and the case shows the worst of its clocks."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest

from caredesk.cases.models import SlaState
from caredesk.routing.services.sla import compute_due
from caredesk.routing.services.sla_state import ClockName, evaluate_sla, sla_state_at
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db
NY = ZoneInfo("America/New_York")


def ny(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=NY)


def case_with_clocks(program, opened: str, **fields):
    due = compute_due(program, "general_inquiry", ny(opened))
    return f.CaseFactory(
        program=program,
        opened_at=ny(opened),
        first_response_due=due.first_response_due,
        resolution_due=due.resolution_due,
        **fields,
    )


@pytest.fixture
def round_the_clock(world):
    """First response within 60 minutes, resolution within 600, warning at 80%."""
    f.SlaPolicyFactory(
        program=world.program_a,
        first_response_minutes=60,
        resolution_minutes=600,
        business_hours_only=False,
        warn_at_percent=80,
    )
    return world.program_a


@pytest.mark.parametrize(
    ("now", "state"),
    [
        ("2026-06-02 10:00", SlaState.ON_TRACK),
        ("2026-06-02 10:47", SlaState.ON_TRACK),
        ("2026-06-02 10:48", SlaState.WARNING),
        ("2026-06-02 11:00", SlaState.WARNING),
        ("2026-06-02 11:01", SlaState.BREACHED),
    ],
)
def test_an_unanswered_case_moves_from_on_track_to_warning_to_breached(round_the_clock, now, state):
    case = case_with_clocks(round_the_clock, "2026-06-02 10:00")
    assert sla_state_at(case, ny(now)) == state


def test_a_first_response_in_time_stops_that_clock(round_the_clock):
    case = case_with_clocks(
        round_the_clock, "2026-06-02 10:00", first_responded_at=ny("2026-06-02 10:50")
    )
    evaluation = evaluate_sla(case, ny("2026-06-02 12:00"))
    first, resolution = evaluation.clocks
    assert (first.name, first.state) == (ClockName.FIRST_RESPONSE, SlaState.MET)
    assert resolution.state == SlaState.ON_TRACK
    assert evaluation.state == SlaState.ON_TRACK


def test_the_resolution_clock_warns_on_its_own_share_of_time(round_the_clock):
    case = case_with_clocks(
        round_the_clock, "2026-06-02 10:00", first_responded_at=ny("2026-06-02 10:05")
    )
    assert sla_state_at(case, ny("2026-06-02 17:59")) == SlaState.ON_TRACK
    assert sla_state_at(case, ny("2026-06-02 18:00")) == SlaState.WARNING
    assert evaluate_sla(case, ny("2026-06-02 18:00")).deciding_clock.name == ClockName.RESOLUTION


def test_a_case_answered_and_resolved_in_time_has_met_its_sla(round_the_clock):
    case = case_with_clocks(
        round_the_clock,
        "2026-06-02 10:00",
        first_responded_at=ny("2026-06-02 10:30"),
        resolved_at=ny("2026-06-02 15:00"),
    )
    assert sla_state_at(case, ny("2026-06-09 10:00")) == SlaState.MET


def test_a_late_first_response_stays_a_breach_after_resolution(round_the_clock):
    case = case_with_clocks(
        round_the_clock,
        "2026-06-02 10:00",
        first_responded_at=ny("2026-06-02 11:30"),
        resolved_at=ny("2026-06-02 12:00"),
    )
    evaluation = evaluate_sla(case, ny("2026-06-02 12:00"))
    assert evaluation.state == SlaState.BREACHED
    assert evaluation.deciding_clock.name == ClockName.FIRST_RESPONSE
    assert evaluation.deciding_clock.entered_state_at == ny("2026-06-02 11:00")


def test_a_resolution_without_an_outbound_reply_also_answers_the_case(round_the_clock):
    case = case_with_clocks(round_the_clock, "2026-06-02 10:00", resolved_at=ny("2026-06-02 10:40"))
    assert sla_state_at(case, ny("2026-06-02 12:00")) == SlaState.MET


def test_the_warning_point_counts_business_time_only(world):
    f.SlaPolicyFactory(
        program=world.program_a,
        first_response_minutes=120,
        resolution_minutes=7200,
        business_hours_only=True,
        opens_at=time(8),
        closes_at=time(20),
        warn_at_percent=80,
    )
    # Opened Friday 19:00: one business hour on Friday, due Monday 09:00; 96 minutes is 80%.
    case = case_with_clocks(world.program_a, "2026-06-05 19:00")
    assert case.first_response_due == ny("2026-06-08 09:00")
    assert sla_state_at(case, ny("2026-06-06 12:00")) == SlaState.ON_TRACK
    assert sla_state_at(case, ny("2026-06-08 08:35")) == SlaState.ON_TRACK
    assert sla_state_at(case, ny("2026-06-08 08:36")) == SlaState.WARNING
    assert sla_state_at(case, ny("2026-06-08 09:01")) == SlaState.BREACHED


def test_a_case_without_clocks_is_simply_on_track(world):
    assert world.case_a.first_response_due is None
    evaluation = evaluate_sla(world.case_a, ny("2030-01-01 00:00"))
    assert evaluation.state == SlaState.ON_TRACK and evaluation.clocks == ()
