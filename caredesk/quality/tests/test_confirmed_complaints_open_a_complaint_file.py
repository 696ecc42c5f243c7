"""A confirmed product complaint opens a Complaint linked to the product and lot named; the
reportability decision records who made it and why."""

from __future__ import annotations

import pytest

from caredesk.audit.models import AuditEvent
from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.errors import Forbidden, InvalidInput, NotFound
from caredesk.quality.models import Complaint, Reportability
from caredesk.quality.services.complaint_file import decide_reportability
from caredesk.quality.services.complaints import access_complaint
from caredesk.safety.models import FindingKind
from caredesk.safety.services.findings import confirm_finding
from caredesk.tenancy.models import Role
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db

BROKEN = "The Relievium bottle from lot RLV2401A had broken pills and the cap was cracked."


def log(world, body, case=None):
    data = InteractionInput(channel="email", direction="inbound", body=body)
    return log_interaction(case or world.case_a, data, acting_user=world.agent_a)


def test_a_confirmed_complaint_opens_a_complaint_on_product_and_lot(world):
    interaction = log(world, BROKEN)
    findings = list(interaction.findings.filter(kind=FindingKind.PRODUCT_COMPLAINT))
    assert findings
    for finding in findings:
        confirm_finding(finding, acting_user=world.agent_a)
    complaint = Complaint.objects.get(case=world.case_a)
    assert complaint.product == world.product_a and complaint.lot == world.lot_a
    assert complaint.complainant == world.pharmacist_a
    assert complaint.received_at == interaction.received_at
    assert sorted(complaint.categories) == sorted(x.code for x in findings)
    assert complaint.reportability == Reportability.PENDING
    assert AuditEvent.objects.filter(
        model="quality.complaint", object_id=str(complaint.pk)
    ).exists()


def test_the_lot_named_wins_over_the_cases_lot(world):
    other_lot = f.LotFactory(product=world.product_a, number="RLV2409Z")
    interaction = log(world, "Relievium lot RLV2409Z: the pills were broken in the bottle.")
    finding = interaction.findings.filter(kind=FindingKind.PRODUCT_COMPLAINT).first()
    confirm_finding(finding, acting_user=world.agent_a)
    assert Complaint.objects.get(case=world.case_a).lot == other_lot


def test_reportability_is_decided_by_quality_with_a_justification(world):
    finding = log(world, BROKEN).findings.filter(kind=FindingKind.PRODUCT_COMPLAINT).first()
    confirm_finding(finding, acting_user=world.agent_a)
    complaint = access_complaint(world.agent_a, Complaint.objects.get(case=world.case_a).pk)
    quality = f.member(world.program_a, Role.QUALITY_SPECIALIST, username="quality_a")
    with pytest.raises(InvalidInput):
        decide_reportability(complaint, reportable=False, justification="", acting_user=quality)
    with pytest.raises(Forbidden):  # the program admin is not the quality unit
        decide_reportability(
            complaint, reportable=False, justification="cosmetic", acting_user=world.admin_a
        )
    decide_reportability(
        complaint, reportable=False, justification="no injury possible", acting_user=quality
    )
    complaint.refresh_from_db()
    assert complaint.reportability == Reportability.NOT_REPORTABLE
    assert complaint.reportability_decided_by == quality
    assert complaint.reportability_justification == "no injury possible"
    with pytest.raises(NotFound):
        access_complaint(world.agent_b, complaint.pk)


def test_a_contact_with_an_ae_and_a_complaint_makes_two_linked_records(world):
    from caredesk.safety.models import SafetyCase

    interaction = log(world, "I got a bad rash from Relievium. " + BROKEN)
    for finding in interaction.findings.all():
        confirm_finding(finding, acting_user=world.agent_a)
    complaint = Complaint.objects.get(case=world.case_a)
    assert complaint.safety_case == SafetyCase.objects.get(case=world.case_a)
