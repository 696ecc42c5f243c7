"""The internal hand-off to pharmacovigilance is due one business day after receipt on the
program's calendar; PV acknowledges; an incomplete case closes only after three documented
follow-up attempts on the reporter's channel."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from caredesk.cases.models import CaseType
from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.errors import Conflict, Forbidden, InvalidInput
from caredesk.safety.models import FindingKind, FollowUpOutcome, SafetyCase, SafetySettings
from caredesk.safety.services.clocks import forward_deadline
from caredesk.safety.services.findings import confirm_finding
from caredesk.safety.services.follow_up import record_follow_up_attempt
from caredesk.safety.services.handoff import acknowledge_pv, close_safety_case, forward_to_pv
from caredesk.tenancy.models import ProgramClosure
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db


def utc(text):
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("received", "due", "why"),
    [
        ("2026-03-02 14:00", "2026-03-03 14:00", "Monday 09:00 New York: Tuesday 09:00"),
        ("2026-03-06 15:00", "2026-03-09 14:00", "Friday 10:00 EST: Monday 10:00 EDT"),
        ("2026-03-07 15:00", "2026-03-10 00:00", "Saturday: one full day from Monday's opening"),
        ("2026-07-02 14:00", "2026-07-06 14:00", "Thursday: July 3 is the observed holiday"),
    ],
)
def test_forward_deadline_is_one_business_day_on_the_program_calendar(world, received, due, why):
    assert forward_deadline(world.program_a, utc(received)) == utc(due), why


def test_the_deadline_follows_the_programs_closures_settings_and_ae_policy(world):
    ProgramClosure.objects.create(program=world.program_a, date="2026-03-03")
    assert forward_deadline(world.program_a, utc("2026-03-02 14:00")) == utc("2026-03-04 14:00")
    SafetySettings.objects.create(program=world.program_a, forward_business_days=2)
    assert forward_deadline(world.program_a, utc("2026-03-02 14:00")) == utc("2026-03-05 14:00")
    f.SlaPolicyFactory(
        program=world.program_a,
        case_type=CaseType.ADVERSE_EVENT,
        business_hours_only=True,
        opens_at=time(9),
        closes_at=time(17),
    )
    assert forward_deadline(world.program_a, utc("2026-03-02 15:00")) == utc("2026-03-05 15:00")


def open_safety_case(world, channel="sms"):
    data = InteractionInput(
        channel=channel, direction="inbound", body="Caller got a bad rash after Relievium."
    )
    interaction = log_interaction(world.case_a, data, acting_user=world.agent_a)
    finding = interaction.findings.get(kind=FindingKind.ADVERSE_EVENT)
    confirm_finding(finding, acting_user=world.agent_a)
    return SafetyCase.objects.get(pk=finding.safety_case_id), interaction


def test_the_case_is_forwarded_then_acknowledged_by_a_safety_specialist(world):
    sc, interaction = open_safety_case(world)
    assert sc.forward_due == forward_deadline(world.program_a, interaction.received_at)
    with pytest.raises(Conflict):
        acknowledge_pv(sc, acting_user=world.safety_a)  # nothing forwarded yet
    forward_to_pv(sc, acting_user=world.agent_a)
    with pytest.raises(Conflict):
        forward_to_pv(sc, acting_user=world.agent_a)
    with pytest.raises(Forbidden):
        acknowledge_pv(sc, acting_user=world.agent_a)
    acknowledge_pv(sc, acting_user=world.safety_a)
    sc.refresh_from_db()
    assert sc.forwarded_by == world.agent_a and sc.acknowledged_by == world.safety_a
    assert sc.forwarded_at <= sc.acknowledged_at


def test_an_incomplete_case_closes_only_after_three_documented_attempts(world):
    sc, _ = open_safety_case(world, channel="sms")
    attempts = list(sc.follow_ups.order_by("n"))
    assert len(attempts) == 3 and {a.channel for a in attempts} == {"sms"}
    assert attempts[0].due_at < attempts[1].due_at < attempts[2].due_at
    with pytest.raises(InvalidInput):
        record_follow_up_attempt(attempts[0], outcome="planned", acting_user=world.agent_a)
    for attempt in attempts[:2]:
        record_follow_up_attempt(attempt, outcome="no_response", acting_user=world.agent_a)
    with pytest.raises(Conflict, match="2 of 3"):
        close_safety_case(sc, acting_user=world.safety_a, reason="lost to follow-up")
    with pytest.raises(Conflict):
        record_follow_up_attempt(attempts[0], outcome="no_response", acting_user=world.agent_a)
    record_follow_up_attempt(
        attempts[2],
        outcome=FollowUpOutcome.UNREACHABLE,
        note="number out of service",
        acting_user=world.agent_a,
    )
    close_safety_case(sc, acting_user=world.safety_a, reason="lost to follow-up")
    sc.refresh_from_db()
    assert sc.status == "closed" and sc.close_reason == "lost to follow-up"


def test_an_overdue_hand_off_is_escalated_to_supervisors_once(world):
    from caredesk.quality.models import Notification
    from caredesk.safety.services.handoff import alert_overdue_hand_offs

    sc, _ = open_safety_case(world)
    assert alert_overdue_hand_offs(sc.forward_due) == 0  # not past due yet
    later = sc.forward_due.replace(microsecond=0) + (sc.forward_due - sc.first_received_at)
    assert alert_overdue_hand_offs(later) == 1
    assert alert_overdue_hand_offs(later) == 0
    told = set(Notification.objects.filter(case=world.case_a).values_list("user", flat=True))
    assert told == {world.supervisor_a.pk, world.safety_a.pk}
