"""A complete, FDA-valid postmarket ICSR built from the data classes.

Why it exists: tests, demos and the SafetyCase mapping need one message that passes
``validate`` with no problems, to change one field at a time from.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from caredesk.safety.e2b.codes import (
    DrugRole,
    FirstSender,
    LocalCriteriaReportType,
    Outcome,
    Qualification,
    ReportType,
    SenderType,
    Sex,
)
from caredesk.safety.e2b.model import (
    ActiveSubstance,
    CaseIdentification,
    CausalityAssessment,
    Dosage,
    Drug,
    DrugReactionRelation,
    ICSRMessage,
    Indication,
    MedDRACode,
    MessageHeader,
    Narrative,
    Patient,
    PrimarySource,
    Quantity,
    Reaction,
    Sender,
    Seriousness,
)


def _sample_reaction() -> Reaction:
    return Reaction(
        verbatim="severe rash on both arms",
        verbatim_language="eng",
        meddra=MedDRACode("10037844", "27.1"),
        seriousness=Seriousness(hospitalisation=True),
        start=date(2026, 2, 20),
        outcome=Outcome.RECOVERING,
        country="US",
    )


def _sample_suspect(reaction: Reaction) -> Drug:
    return Drug(
        role=DrugRole.SUSPECT,
        product_name="Examplamab 20 mg tablets",
        substances=[ActiveSubstance("EXAMPLAMAB", strength=Quantity(Decimal(20), "mg"))],
        authorisation_number="NDA012345",
        authorisation_country="US",
        holder="Example Pharma Inc.",
        dosages=[
            Dosage(
                dose=Quantity(Decimal(20), "mg"),
                frequency=Quantity(Decimal(1), "d"),
                start=date(2026, 2, 1),
                lot_number="LOT-4711",
                route_text="Oral",
            )
        ],
        indications=[Indication("high blood pressure", MedDRACode("10020772", "27.1"))],
        reactions=[
            DrugReactionRelation(
                reaction_id=reaction.id,
                assessments=[
                    CausalityAssessment(
                        "PRIMARY SOURCE REPORTER", "Global Introspection", "Suspected"
                    )
                ],
            )
        ],
    )


def _sample_header(created: datetime) -> MessageHeader:
    return MessageHeader(
        batch_number="CAREDESK-B-0001",
        batch_sender="CAREDESK01",
        batch_receiver="ZZFDA",
        batch_created=created,
        message_number="CAREDESK-M-0001",
        message_sender="CAREDESK01",
        message_receiver="CDER",
        message_created=created,
    )


def _sample_case(created: datetime) -> CaseIdentification:
    return CaseIdentification(
        safety_report_id="US-EXAMPLEPHARMA-2026000001",
        created=created,
        report_type=ReportType.SPONTANEOUS,
        first_received=date(2026, 2, 25),
        most_recent_info=date(2026, 2, 27),
        worldwide_case_id="US-EXAMPLEPHARMA-2026000001",
        first_sender=FirstSender.OTHER,
        fulfil_expedited_criteria=True,
        fda_report_type=LocalCriteriaReportType.FIFTEEN_DAY,
        combination_product=False,
    )


def _sample_sender() -> Sender:
    return Sender(
        sender_type=SenderType.PHARMACEUTICAL_COMPANY,
        organisation="Example Pharma Inc.",
        department="Drug Safety",
        title="Dr",
        given_name="Ada",
        family_name="Lovelace",
        street="1 Main St",
        city="Springfield",
        state="IL",
        postcode="62701",
        country="US",
        telephone="2175550100",
        fax="2175550101",
        email="safety@example.com",
    )


def sample_message() -> ICSRMessage:
    """A serious spontaneous US report: one reaction, one suspect and one concomitant drug."""
    created = datetime(2026, 3, 2, 14, 30, 0, tzinfo=UTC)
    reaction = _sample_reaction()
    return ICSRMessage(
        header=_sample_header(created),
        case=_sample_case(created),
        sender=_sample_sender(),
        primary_sources=[
            PrimarySource(
                qualification=Qualification.PHARMACIST,
                given_name="Paul",
                family_name="Reed",
                country="US",
                email="p.reed@example.org",
                primary_for_regulatory_purposes=True,
            )
        ],
        patient=Patient(
            name="JD",
            sex=Sex.FEMALE,
            age=Quantity(Decimal(54), "a"),
            weight_kg=Decimal("71.5"),
            race_codes=["C41261"],
            ethnicity_code="C41222",
        ),
        reactions=[reaction],
        drugs=[
            _sample_suspect(reaction),
            Drug(role=DrugRole.CONCOMITANT, product_name="Vitamin D3"),
        ],
        narrative=Narrative(
            case_narrative="A pharmacist reported that a 54-year-old woman developed a severe "
            "rash five weeks after starting Examplamab and was admitted to hospital.",
            reporter_comments="Rash started after the dose was increased.",
        ),
    )
