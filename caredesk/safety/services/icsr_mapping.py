"""A safety case as an E2B(R3) ICSR (`caredesk.safety.e2b.model.ICSRMessage`).

One mapping feeds every report format (E2B XML, MedWatch PDF, FHIR bundle), so they cannot
disagree. Sources, in order: the case's E2B sections (reactions, drugs), its criteria and
assessment (patient, reporter, seriousness, narrative), the customer-care case, and the
program's sender profile (E2B C.3). What is unknown is sent as the null flavor the element
allows; what FDA requires without a null flavor (the sender contact block) comes from the
sender profile or the CAREDESK_E2B_SENDER setting, and `validate_message` names what is missing.

A case imported from a partner's E2B file keeps what CareDesk has no column for (C.1
identification, patient D, per-reaction seriousness, drug details) from the stored original:
see `icsr_imported.overlay_import`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from caredesk.cases.models import Interaction
from caredesk.people.models import ContactPoint, Person, PersonRole
from caredesk.safety.e2b.codes import (
    FirstSender,
    LocalCriteriaReportType,
    NullFlavor,
    Qualification,
    ReportType,
    SenderType,
)
from caredesk.safety.e2b.model import (
    CaseIdentification,
    ICSRMessage,
    MessageHeader,
    Narrative,
    PrimarySource,
    Sender,
)
from caredesk.safety.models import SafetyCase
from caredesk.safety.models_submission import SenderProfile
from caredesk.safety.services.icsr_sections import drugs_for, patient_for, reactions_for

QUALIFICATIONS: dict[str, Qualification] = {
    PersonRole.PHYSICIAN: Qualification.PHYSICIAN,
    PersonRole.PHARMACIST: Qualification.PHARMACIST,
    PersonRole.NURSE: Qualification.OTHER_HEALTH_PROFESSIONAL,
    PersonRole.VETERINARIAN: Qualification.OTHER_HEALTH_PROFESSIONAL,
}
SENDER_FIELDS = [
    "department",
    "title",
    "given_name",
    "family_name",
    "street",
    "city",
    "state",
    "postcode",
    "telephone",
    "fax",
    "email",
]


@dataclass(frozen=True)
class SenderInfo:
    """C.3 plus the routing ids of N.1 / N.2.r."""

    sender: Sender
    identifier: str
    company_code: str
    batch_receiver: str
    message_receiver: str


def _alnum(value: str, limit: int) -> str:
    return re.sub(r"[^A-Z0-9]", "", value.upper())[:limit]


def sender_for(safety_case: SafetyCase) -> SenderInfo:
    """The program's sender profile, then the CAREDESK_E2B_SENDER setting, for C.3 and N.1."""
    program = safety_case.program
    profile = SenderProfile.objects.filter(program_id=program.pk).first()
    defaults: dict[str, Any] = dict(getattr(settings, "CAREDESK_E2B_SENDER", {}) or {})

    def value(name: str) -> str | None:
        own = getattr(profile, name, "") if profile else ""
        return (own or defaults.get(name) or "").strip() or None

    organisation = value("organisation") or program.client.name
    company = value("company_code") or _alnum(organisation, 20) or "CAREDESK"
    sender = Sender(
        sender_type=SenderType.PHARMACEUTICAL_COMPANY,
        organisation=organisation,
        country=(value("country") or program.country).upper(),
        **{name: value(name) for name in SENDER_FIELDS},
    )
    return SenderInfo(
        sender=sender,
        identifier=value("sender_identifier") or f"CAREDESK-{_alnum(program.code, 30)}",
        company_code=company,
        batch_receiver=value("batch_receiver") or "ZZFDA",
        message_receiver=value("message_receiver") or "CDER",
    )


def local_date(safety_case: SafetyCase, moment: datetime):
    """A moment as a date in the program's time zone (E2B dates are the sender's dates)."""
    return moment.astimezone(ZoneInfo(safety_case.program.time_zone)).date()


def country_of(safety_case: SafetyCase) -> str:
    code = (safety_case.jurisdiction or "").upper()
    return code if len(code) == 2 and code != "EU" else safety_case.program.country.upper()


def safety_report_id(safety_case: SafetyCase, info: SenderInfo) -> str:
    """C.1.1 in ICH's CC-COMPANY-number form, stable for the life of the case."""
    number = f"{safety_case.created_at.year}{safety_case.pk:06d}"
    return f"{country_of(safety_case)}-{info.company_code}-{number}"


def expedited(safety_case: SafetyCase) -> bool:
    """C.1.7: the reportability rules require an expedited individual report."""
    return safety_case.reports.exists()


def identification(safety_case: SafetyCase, info: SenderInfo, now: datetime) -> CaseIdentification:
    """C.1 for a case received by the contact center (a spontaneous report)."""
    first = safety_case.day_zero or safety_case.first_received_at
    latest = (
        Interaction.objects.filter(case_id=safety_case.case_id)
        .order_by("-received_at")
        .values_list("received_at", flat=True)
        .first()
    )
    recent = max(first, latest) if latest else first
    report_id = safety_report_id(safety_case, info)
    fast = expedited(safety_case)
    duplicate = safety_case.duplicate_of
    return CaseIdentification(
        safety_report_id=report_id,
        created=now,
        report_type=ReportType.SPONTANEOUS,
        first_received=local_date(safety_case, first),
        most_recent_info=local_date(safety_case, recent),
        worldwide_case_id=report_id,
        first_sender=FirstSender.OTHER,
        fulfil_expedited_criteria=fast,
        fda_report_type=(
            LocalCriteriaReportType.FIFTEEN_DAY if fast else LocalCriteriaReportType.NON_EXPEDITED
        ),
        combination_product=False,
        linked_reports=[safety_report_id(duplicate, info)] if duplicate else [],
    )


def _contact(person: Person, kind: str) -> str | None:
    point = (
        ContactPoint.objects.filter(person=person, kind=kind)
        .order_by("-is_primary", "pk")
        .values_list("value", flat=True)
        .first()
    )
    return point or None


def primary_source(safety_case: SafetyCase) -> PrimarySource:
    """C.2.r: the reporter, primary for regulatory purposes (qualification UNK if unknown)."""
    person = safety_case.reporter or safety_case.case.person
    country = country_of(safety_case)
    if person is None:
        return PrimarySource(
            qualification=NullFlavor.UNK, country=country, primary_for_regulatory_purposes=True
        )
    return PrimarySource(
        qualification=QUALIFICATIONS.get(person.role, Qualification.CONSUMER),
        given_name=person.first_name or None,
        family_name=person.last_name or None,
        street=_contact(person, "address"),
        telephone=_contact(person, "phone"),
        email=_contact(person, "email"),
        country=country,
        primary_for_regulatory_purposes=True,
    )


def generated_narrative(safety_case: SafetyCase) -> str:
    """H.1 when nobody wrote one yet: the facts the case holds, said plainly."""
    first = safety_case.event_source or safety_case.day_zero_interaction
    received = local_date(safety_case, safety_case.first_received_at)
    channel = first.get_channel_display().lower() if first else "contact"
    parts = [
        f"Spontaneous report received by the {safety_case.program.name} contact center "
        f"by {channel} on {received:%Y-%m-%d}."
    ]
    if safety_case.reporter_evidence:
        parts.append(f"Reporter: {safety_case.reporter_evidence}.")
    if safety_case.patient_description or safety_case.patient_evidence:
        parts.append(f"Patient: {safety_case.patient_description or safety_case.patient_evidence}.")
    if safety_case.event_terms:
        parts.append(f"Reported event(s): {'; '.join(safety_case.event_terms)}.")
    if safety_case.special_situations:
        parts.append(f"Special situation(s): {', '.join(safety_case.special_situations)}.")
    if safety_case.product_id:
        lot = f", lot {safety_case.lot.number}" if safety_case.lot is not None else ""
        parts.append(f"Suspect product: {safety_case.product}{lot}.")
    if safety_case.seriousness:
        parts.append(f"Seriousness: {', '.join(safety_case.seriousness)}.")
    return " ".join(parts)


def narrative_for(safety_case: SafetyCase) -> Narrative:
    comments = None
    if safety_case.special_situations:
        comments = "Special situations: " + ", ".join(safety_case.special_situations)
    return Narrative(
        case_narrative=safety_case.narrative.strip() or generated_narrative(safety_case),
        sender_comments=comments,
    )


def header_for(info: SenderInfo, message_number: str, batch_number: str, now: datetime):
    return MessageHeader(
        batch_number=batch_number,
        batch_sender=info.identifier,
        batch_receiver=info.batch_receiver,
        batch_created=now,
        message_number=message_number,
        message_sender=info.identifier,
        message_receiver=info.message_receiver,
        message_created=now,
    )


def new_numbers(safety_case: SafetyCase, info: SenderInfo, now: datetime) -> tuple[str, str]:
    """(N.2.r.1 message number, N.1.2 batch number), unique per send."""
    stamp = f"{now:%Y%m%d%H%M%S%f}"
    base = f"{info.identifier}-{safety_case.pk}-{stamp}"
    return f"{base}-M", f"{base}-B"


def message_for_safety_case(
    safety_case: SafetyCase,
    *,
    message_number: str | None = None,
    batch_number: str | None = None,
    now: datetime | None = None,
) -> ICSRMessage:
    """The ICSR for a safety case (numbers generated when not given, e.g. for a preview)."""
    from caredesk.safety.services.icsr_imported import overlay_import

    now = (now or timezone.now()).replace(microsecond=0)
    info = sender_for(safety_case)
    generated = new_numbers(safety_case, info, timezone.now())
    reactions = reactions_for(safety_case)
    message = ICSRMessage(
        header=header_for(info, message_number or generated[0], batch_number or generated[1], now),
        case=identification(safety_case, info, now),
        sender=info.sender,
        primary_sources=[primary_source(safety_case)],
        patient=patient_for(safety_case),
        reactions=reactions,
        drugs=drugs_for(safety_case, reactions),
        narrative=narrative_for(safety_case),
    )
    return overlay_import(safety_case, message)
