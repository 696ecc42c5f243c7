"""A confirmed AE opens a safety case whose four minimum criteria are explicit, each with the
interaction it came from; day zero is the receipt time of the interaction that completed them,
never the time an agent confirmed or typed anything."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.errors import InvalidInput
from caredesk.people.models import PersonRole
from caredesk.safety.models import (
    Criterion,
    FindingKind,
    FollowUpOutcome,
    SafetyCase,
    SafetyCaseStatus,
)
from caredesk.safety.services.findings import confirm_finding
from caredesk.safety.services.handoff import set_assessment
from caredesk.safety.services.safety_cases import record_criterion
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db

AE = "Caller reports dizziness and nausea after taking Relievium."
MONDAY_9AM_NY = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)
WEDNESDAY = datetime(2026, 3, 4, 15, 0, tzinfo=UTC)


def log(world, body, received_at, case=None, channel="phone"):
    data = InteractionInput(
        channel=channel,
        direction="inbound",
        body=body,
        occurred_at=received_at,
        received_at=received_at,
    )
    return log_interaction(case or world.case_a, data, acting_user=world.agent_a)


def confirm_ae(world, interaction):
    finding = interaction.findings.get(kind=FindingKind.ADVERSE_EVENT)
    confirm_finding(finding, acting_user=world.agent_a)
    return SafetyCase.objects.get(pk=finding.safety_case_id)


def test_criteria_are_explicit_with_evidence_and_source(world):
    first = log(world, AE, MONDAY_9AM_NY)
    sc = confirm_ae(world, first)
    assert sc.has_event and sc.event_source == first and "dizziness" in sc.event_evidence
    assert sc.has_product and sc.product == world.product_a and sc.product_source == first
    assert sc.has_reporter and sc.reporter == world.pharmacist_a and sc.reporter_source == first
    assert "Ana Pharma" in sc.reporter_evidence
    assert not sc.has_patient and sc.missing_criteria == [Criterion.PATIENT]
    assert sc.status == SafetyCaseStatus.INCOMPLETE and sc.day_zero is None
    assert sc.first_received_at == MONDAY_9AM_NY
    assert sc.jurisdiction == "US" and sc.product_type == "otc_drug"
    assert sc.lot == world.lot_a  # from the case


def test_day_zero_is_the_receipt_of_the_interaction_that_completed_the_criteria(world):
    first = log(world, AE, MONDAY_9AM_NY)
    sc = confirm_ae(world, first)
    second = log(world, "The patient is her 70-year-old mother.", WEDNESDAY)
    record_criterion(
        sc, "patient", evidence="her mother, 70s", source=second, acting_user=world.agent_a
    )
    sc.refresh_from_db()
    assert sc.status == SafetyCaseStatus.VALID
    assert sc.day_zero == WEDNESDAY and sc.day_zero_interaction == second
    assert sc.patient_description == "her mother, 70s"


def test_information_received_earlier_moves_day_zero_back(world):
    first = log(world, AE + " It happened to the caller's mother, 72.", MONDAY_9AM_NY)
    sc = confirm_ae(world, first)
    later = log(world, "Called back with the pharmacy details.", WEDNESDAY)
    record_criterion(sc, "patient", evidence="mother, 72", source=later, acting_user=world.agent_a)
    sc.refresh_from_db()
    assert sc.day_zero == WEDNESDAY
    # On review the agent sees the patient was already identified in the first call.
    record_criterion(sc, "patient", evidence="mother, 72", source=first, acting_user=world.agent_a)
    sc.refresh_from_db()
    assert sc.day_zero == MONDAY_9AM_NY and sc.patient_source == first


def test_a_patient_caller_makes_a_valid_case_at_once(world):
    patient = f.PersonFactory(program=world.program_a, first_name="Pia", role=PersonRole.PATIENT)
    case = f.CaseFactory(program=world.program_a, person=patient, product=world.product_a)
    question = log(world, "Where can I buy Relievium?", MONDAY_9AM_NY, case=case)
    report = log(world, "I got a bad rash after taking Relievium.", WEDNESDAY, case=case)
    sc = confirm_ae(world, report)
    assert sc.status == SafetyCaseStatus.VALID
    assert sc.reporter_source == question and sc.patient_source == question
    assert sc.day_zero == WEDNESDAY  # the event arrived last


def test_a_second_finding_updates_the_same_safety_case(world):
    first = log(world, AE, WEDNESDAY)
    sc = confirm_ae(world, first)
    earlier = log(world, "My daughter accidentally swallowed two Relievium tablets.", MONDAY_9AM_NY)
    confirm_finding(
        earlier.findings.get(kind=FindingKind.SPECIAL_SITUATION), acting_user=world.agent_a
    )
    assert SafetyCase.objects.filter(case=world.case_a).count() == 1
    sc.refresh_from_db()
    assert sc.special_situations == ["accidental_exposure"]
    assert sc.first_received_at == MONDAY_9AM_NY and sc.event_source == earlier


def test_record_criterion_checks_its_input(world):
    sc = confirm_ae(world, log(world, AE, MONDAY_9AM_NY))
    other = log(world, "x", MONDAY_9AM_NY, case=f.CaseFactory(program=world.program_a))
    with pytest.raises(InvalidInput):
        record_criterion(sc, "horoscope", evidence="x", source=other, acting_user=world.agent_a)
    with pytest.raises(InvalidInput):
        record_criterion(sc, "patient", evidence="mother", source=other, acting_user=world.agent_a)


def test_a_valid_serious_case_carries_its_regulatory_reports(world):
    f.ProductFactory(program=world.program_a, name="Curixa", product_type="rx_drug")
    call = log(world, "I took Curixa and got a bad rash and was hospitalized.", MONDAY_9AM_NY)
    sc = confirm_ae(world, call)
    assert sc.serious and sc.seriousness == ["hospitalization"] and sc.product_type == "rx_drug"
    assert not sc.reports.exists()  # no day zero yet
    record_criterion(sc, "patient", evidence="caller, 40s", source=call, acting_user=world.agent_a)
    report = sc.reports.get()
    assert report.kind == "us_rx_15_day_alert" and report.due == date(2026, 3, 17)
    assert "314.80" in report.basis
    set_assessment(sc, expected=True, acting_user=world.safety_a)  # listed: no 15-day alert
    assert not sc.reports.exists()


def test_follow_ups_stop_once_the_case_is_complete(world):
    first = log(world, AE, MONDAY_9AM_NY, channel="email")
    sc = confirm_ae(world, first)
    attempts = list(sc.follow_ups.all())
    assert [a.n for a in attempts] == [1, 2, 3]
    assert {a.channel for a in attempts} == {"email"} and attempts[0].missing == ["patient"]
    record_criterion(sc, "patient", evidence="caller", source=first, acting_user=world.agent_a)
    outcomes = set(sc.follow_ups.values_list("outcome", flat=True))
    assert outcomes == {FollowUpOutcome.CANCELLED}
