"""A second report of the same event for the same person or patient, within 30 days, on another
channel or from another reporter, is proposed for linking; a person links or rejects it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.errors import Conflict, InvalidInput
from caredesk.safety.models import DuplicateProposal, DuplicateStatus, FindingKind, SafetyCase
from caredesk.safety.services.duplicates import decide_duplicate
from caredesk.safety.services.findings import confirm_finding
from caredesk.safety.services.safety_cases import record_criterion
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db

MARCH_2 = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)


def report(world, case, body, received_at, channel="phone"):
    data = InteractionInput(
        channel=channel,
        direction="inbound",
        body=body,
        occurred_at=received_at,
        received_at=received_at,
    )
    interaction = log_interaction(case, data, acting_user=world.agent_a)
    finding = interaction.findings.get(kind=FindingKind.ADVERSE_EVENT)
    confirm_finding(finding, acting_user=world.agent_a)
    return SafetyCase.objects.get(pk=finding.safety_case_id), interaction


def second_case(world, person=None):
    return f.CaseFactory(program=world.program_a, person=person or world.pharmacist_a)


def test_same_person_same_event_on_another_channel_is_proposed(world):
    first, _ = report(world, world.case_a, "Caller got a bad rash after Relievium.", MARCH_2)
    later = MARCH_2.replace(day=20)
    second, _ = report(
        world, second_case(world), "She still has an itchy rash from Relievium.", later, "email"
    )
    proposal = DuplicateProposal.objects.get(safety_case=second)
    assert proposal.candidate == first and proposal.status == DuplicateStatus.PROPOSED
    assert "rash" in proposal.reason
    decide_duplicate(proposal, link=True, acting_user=world.safety_a)
    second.refresh_from_db()
    assert second.duplicate_of == first
    with pytest.raises(Conflict):
        decide_duplicate(proposal, link=False, reason="x", acting_user=world.safety_a)


def test_another_reporter_about_the_same_patient_is_proposed(world):
    sc1, call1 = report(world, world.case_a, "Caller got a bad rash after Relievium.", MARCH_2)
    record_criterion(sc1, "patient", evidence="Mother, 72", source=call1, acting_user=world.agent_a)
    daughter = f.PersonFactory(program=world.program_a, first_name="Dee")
    sc2, call2 = report(
        world, second_case(world, daughter), "Mom got a rash from Relievium.", MARCH_2
    )
    assert not DuplicateProposal.objects.exists()  # different reporters, patient unknown yet
    record_criterion(sc2, "patient", evidence="mother, 72", source=call2, acting_user=world.agent_a)
    proposal = DuplicateProposal.objects.get()
    assert {proposal.safety_case, proposal.candidate} == {sc1, sc2}
    assert "same patient description" in proposal.reason
    with pytest.raises(InvalidInput):
        decide_duplicate(proposal, link=False, acting_user=world.safety_a)
    decide_duplicate(
        proposal, link=False, reason="two different mothers", acting_user=world.agent_a
    )
    proposal.refresh_from_db()
    assert proposal.status == DuplicateStatus.REJECTED


@pytest.mark.parametrize(
    ("body", "received", "why"),
    [
        ("Caller got a bad headache after Relievium.", "2026-03-20 14:00", "another event"),
        ("Caller got a bad rash after Relievium.", "2026-04-02 14:00", "31 days later"),
    ],
)
def test_other_events_and_old_reports_are_not_proposed(world, body, received, why):
    report(world, world.case_a, "Caller got a bad rash after Relievium.", MARCH_2)
    at = datetime.fromisoformat(received).replace(tzinfo=UTC)
    report(world, second_case(world), body, at)
    assert not DuplicateProposal.objects.exists(), why
