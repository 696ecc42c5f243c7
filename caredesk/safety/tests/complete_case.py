"""A complete safety case built the way people build it: an agent logs a call with AE text and
confirms the flag, records the patient, and the safety specialist codes the reaction, enters
the drug and assesses seriousness. Shared by the export and submission tests."""

from __future__ import annotations

from datetime import UTC, date, datetime

from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.safety.models import FindingKind, SafetyCase, SenderProfile
from caredesk.safety.services.case_form import DrugInput, ReactionInput, add_drug, add_reaction
from caredesk.safety.services.findings import confirm_finding
from caredesk.safety.services.handoff import set_assessment
from caredesk.safety.services.safety_cases import record_criterion
from caredesk.terminology.services.search import search_terms

CALL = (
    "Caller reports dizziness and nausea after taking Relievium. Her 70-year-old mother "
    "fainted and was admitted to hospital overnight."
)
RECEIVED = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)
NARRATIVE = (
    "A pharmacist reported that her 70-year-old mother developed dizziness and nausea after "
    "taking Relievium 200 mg and was admitted to hospital overnight; she is recovering."
)


def sender_profile(program) -> SenderProfile:
    return SenderProfile.objects.create(
        program=program,
        sender_identifier="RELIEVIUMUS01",
        organisation="Relievium Pharma Inc.",
        company_code="RELIEVIUM",
        department="Drug Safety",
        title="Dr",
        given_name="Grace",
        family_name="Hopper",
        street="1 Main St",
        city="Springfield",
        state="IL",
        postcode="62701",
        country="US",
        telephone="2175550100",
        fax="2175550101",
        email="safety@relievium.test",
    )


def complete_safety_case(world, *, with_profile: bool = True) -> SafetyCase:
    if with_profile:
        sender_profile(world.program_a)
    data = InteractionInput(
        channel="phone",
        direction="inbound",
        body=CALL,
        occurred_at=RECEIVED,
        received_at=RECEIVED,
    )
    interaction = log_interaction(world.case_a, data, acting_user=world.agent_a)
    finding = interaction.findings.get(kind=FindingKind.ADVERSE_EVENT)
    confirm_finding(finding, acting_user=world.agent_a)
    sc = finding.safety_case
    assert sc is not None
    record_criterion(
        sc,
        "patient",
        evidence="her 70-year-old mother",
        source=interaction,
        acting_user=world.agent_a,
    )
    set_assessment(
        sc,
        acting_user=world.safety_a,
        seriousness=["hospitalization"],
        expected=False,
        narrative=NARRATIVE,
    )
    term = search_terms("dizziness")[0]
    add_reaction(
        sc,
        ReactionInput(verbatim="dizziness", term_id=term.id, onset=date(2026, 3, 1), outcome="2"),
        acting_user=world.safety_a,
    )
    add_drug(
        sc,
        DrugInput(
            product_id=world.product_a.pk,
            lot_number="RLV2401A",
            dose="200 mg twice a day",
            route="048",
            indication="headache",
            start=date(2026, 2, 27),
            causality="possible",
        ),
        acting_user=world.safety_a,
    )
    sc.refresh_from_db()
    return sc
