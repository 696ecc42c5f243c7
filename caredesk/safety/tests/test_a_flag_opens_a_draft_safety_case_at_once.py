"""A flagged adverse event opens the draft safety case as the contact is saved, so its clock is
visible to pharmacovigilance before anyone reads the contact; dismissing every flag behind an
unforwarded draft closes it, and a confirmation keeps it."""

from __future__ import annotations

import pytest

from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.safety.models import FindingKind, SafetyCaseStatus
from caredesk.safety.services.findings import confirm_finding, dismiss_finding
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db

AE = "Caller got a bad rash after Relievium."


def flagged(world):
    case = f.CaseFactory(program=world.program_a, person=world.pharmacist_a)
    data = InteractionInput(channel="phone", direction="inbound", body=AE)
    interaction = log_interaction(case, data, acting_user=world.agent_a)
    return interaction.findings.get(kind=FindingKind.ADVERSE_EVENT)


def test_the_flag_alone_opens_the_draft_with_its_hand_off_clock(world):
    finding = flagged(world)
    draft = finding.safety_case
    assert draft is not None and finding.status == "flagged"
    assert draft.status in (SafetyCaseStatus.INCOMPLETE, SafetyCaseStatus.VALID)
    assert draft.forward_due > finding.interaction.received_at
    assert draft.first_received_at == finding.interaction.received_at


def test_dismissing_the_only_flag_closes_the_draft_with_the_reason(world):
    finding = flagged(world)
    dismiss_finding(finding, reason="Caller was describing a TV advert", acting_user=world.agent_a)
    draft = finding.safety_case
    draft.refresh_from_db()
    assert draft.status == SafetyCaseStatus.CLOSED
    assert "TV advert" in draft.close_reason
    assert not draft.reports.exists()


def test_confirming_keeps_the_same_draft(world):
    finding = flagged(world)
    draft_id = finding.safety_case_id
    confirm_finding(finding, acting_user=world.agent_a)
    finding.refresh_from_db()
    assert finding.safety_case_id == draft_id
    assert finding.safety_case.status != SafetyCaseStatus.CLOSED
