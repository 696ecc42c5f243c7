"""Safety cases: the four minimum criteria, day zero, and what each finding adds.

A flag opens the draft at once, so pharmacovigilance sees the case and its clocks from the
moment the contact was saved, before any agent reads it; a person's dismissal of every flag
behind a draft closes it again (see `withdraw_dismissed_flag`).

Each criterion remembers the interaction it was first received in. Day zero is the receipt time
of the interaction that completed the set: the latest of the four sources, each taken at its
earliest. It never depends on when an agent confirmed or typed something, so a case confirmed
days late still runs its clock from the call, and information recorded later but received
earlier (a correction, a missed flag) moves day zero back, not forward.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import diff, record_created, record_event, snapshot
from caredesk.cases.models import Interaction
from caredesk.errors import InvalidInput
from caredesk.people.models import HCP_ROLES, ContactPoint, Person, PersonRole
from caredesk.safety.models import (
    Criterion,
    Finding,
    FindingKind,
    SafetyCase,
    SafetyCaseStatus,
)
from caredesk.safety.services.catalog import resolve_lot, resolve_product
from caredesk.safety.services.clocks import forward_deadline, jurisdiction_for, refresh_reports
from caredesk.tenancy.services import check_can_write

CRITERIA_FIELDS = [
    f"{prefix}{c.value}{suffix}"
    for c in Criterion
    for prefix, suffix in (("has_", ""), ("", "_evidence"), ("", "_source"))
]
TRACKED = [*CRITERIA_FIELDS, "status", "day_zero", "seriousness", "serious", "product", "lot"]
OPEN_STATUSES = (
    SafetyCaseStatus.INCOMPLETE,
    SafetyCaseStatus.VALID,
    SafetyCaseStatus.IN_REVIEW,
    SafetyCaseStatus.SUBMITTED,
)


def access_safety_case(user: Any, safety_case_id: int) -> SafetyCase:
    return SafetyCase.objects.visible_one(user, safety_case_id, "Safety case")


# How a special situation is worded as a reaction (E.i.1.1a), in MedDRA's own words.
SITUATION_TERMS = {
    "pregnancy": "Exposure during pregnancy",
    "breastfeeding": "Exposure via breast milk",
    "overdose": "Overdose",
    "misuse": "Intentional product misuse",
    "abuse": "Drug abuse",
    "medication_error": "Medication error",
    "lack_of_efficacy": "Drug ineffective",
    "off_label_use": "Off label use",
    "accidental_exposure": "Accidental exposure to product",
    "infectious_agent": "Transmission of an infectious agent via product",
    "occupational_exposure": "Occupational exposure to product",
    "withdrawal": "Drug withdrawal syndrome",
}


def _event_terms(finding: Finding) -> list[str]:
    if finding.kind == FindingKind.SPECIAL_SITUATION:
        return [SITUATION_TERMS.get(finding.code, finding.code.replace("_", " "))]
    # "hospitalised" is evidence of seriousness, not an event to code: a span that is also a
    # seriousness span is left out of the reported terms.
    serious = {
        (e.get("start"), e.get("end"))
        for e in finding.evidence
        if str(e.get("label", "")).startswith("seriousness:")
    }
    terms = [
        str(e.get("text", "")).strip().lower()
        for e in finding.evidence
        if e.get("label") == "adverse_event" and (e.get("start"), e.get("end")) not in serious
    ]
    return [t for t in terms if t] or ([finding.note.strip().lower()] if finding.note else [])


def _merge(values: list[str], new: list[str]) -> list[str]:
    return [*values, *[v for v in new if v not in values]]


def set_criterion(
    safety_case: SafetyCase, criterion: Criterion, evidence: str, source: Interaction
) -> None:
    """Hold a criterion; keep the earliest source it was received in (no save)."""
    name = criterion.value
    current: Interaction | None = getattr(safety_case, f"{name}_source")
    setattr(safety_case, f"has_{name}", True)
    if evidence.strip():
        setattr(safety_case, f"{name}_evidence", evidence.strip()[:2000])
    if current is None or source.received_at < current.received_at:
        setattr(safety_case, f"{name}_source", source)


def _first_interaction(case_id: int, person_id: int | None = None) -> Interaction | None:
    qs = Interaction.objects.filter(case_id=case_id)
    if person_id is not None:
        qs = qs.filter(person_id=person_id)
    return qs.order_by("received_at", "pk").first()


def reporter_evidence(person: Person | None) -> str:
    """Why a person is an identifiable reporter, or "" when they are not (GVP VI.B.2: a name,
    contact details, or a qualification in the program's country)."""
    if person is None:
        return ""
    contacts = ContactPoint.objects.filter(person=person).values_list("kind", "value")
    contact = ", ".join(f"{k} {v}" for k, v in contacts[:2])
    if not (person.full_name or contact or person.role in HCP_ROLES):
        return ""
    parts = [person.full_name, person.get_role_display(), contact]
    return ", ".join(p for p in parts if p)


def _apply_case_context(safety_case: SafetyCase) -> None:
    """Reporter (and the patient, when the caller is the patient) from the case's person."""
    case = safety_case.case
    evidence = reporter_evidence(case.person)
    if case.person is not None and evidence:
        source = _first_interaction(case.pk, case.person_id) or _first_interaction(case.pk)
        if source is not None:
            safety_case.reporter = case.person
            set_criterion(safety_case, Criterion.REPORTER, evidence, source)
            if case.person.role == PersonRole.PATIENT:
                safety_case.patient_person = case.person
                set_criterion(safety_case, Criterion.PATIENT, "the reporter is the patient", source)


def _apply_finding(safety_case: SafetyCase, finding: Finding) -> None:
    source = finding.interaction
    terms = _event_terms(finding)
    set_criterion(safety_case, Criterion.EVENT, "; ".join(terms) or finding.code, source)
    safety_case.event_terms = _merge(safety_case.event_terms, terms)
    if finding.kind == FindingKind.SPECIAL_SITUATION:
        safety_case.special_situations = _merge(safety_case.special_situations, [finding.code])
    safety_case.seriousness = _merge(safety_case.seriousness, finding.seriousness)
    safety_case.serious = bool(safety_case.seriousness)
    product = resolve_product(finding.program_id, finding.products)
    if product is not None:
        set_criterion(safety_case, Criterion.PRODUCT, product.name, source)
    elif finding.products:
        set_criterion(safety_case, Criterion.PRODUCT, ", ".join(finding.products), source)
    elif safety_case.case.product_id:
        first = _first_interaction(safety_case.case_id) or source
        set_criterion(safety_case, Criterion.PRODUCT, str(safety_case.case.product), first)
    product = product or safety_case.product or safety_case.case.product
    if product is not None and safety_case.product_id is None:
        safety_case.product = product
        safety_case.product_type = product.product_type
    lot = resolve_lot(finding.program_id, finding.lots, safety_case.product)
    if safety_case.lot_id is None:
        safety_case.lot = lot or safety_case.case.lot
    if source.received_at < safety_case.first_received_at:
        safety_case.first_received_at = source.received_at
        safety_case.forward_due = forward_deadline(safety_case.program, source.received_at)


def refresh_validity(safety_case: SafetyCase) -> None:
    """Day zero and status from the criteria (no save). Only `incomplete`/`valid` move here."""
    sources = [getattr(safety_case, f"{c.value}_source") for c in Criterion]
    if all(getattr(safety_case, f"has_{c.value}") for c in Criterion) and all(sources):
        completing = max(sources, key=lambda i: (i.received_at, i.pk))
        safety_case.day_zero = completing.received_at
        safety_case.day_zero_interaction = completing
        if safety_case.status == SafetyCaseStatus.INCOMPLETE:
            safety_case.status = SafetyCaseStatus.VALID
    else:
        safety_case.day_zero = None
        safety_case.day_zero_interaction = None


def _new_safety_case(finding: Finding, acting_user: Any) -> SafetyCase:
    received = finding.interaction.received_at
    case = finding.case
    return SafetyCase(
        program=case.program,
        case=case,
        jurisdiction=jurisdiction_for(case.program.country),
        first_received_at=received,
        forward_due=forward_deadline(case.program, received),
        created_by=acting_user if getattr(acting_user, "pk", None) else None,
        created_at=timezone.now(),
    )


def open_or_update_safety_case(finding: Finding, *, acting_user: Any) -> SafetyCase:
    """An AE or special-situation finding (flagged or confirmed) opens the case's draft safety
    case or adds to it. Idempotent for the same finding."""
    safety_case = (
        SafetyCase.objects.filter(case_id=finding.case_id, status__in=OPEN_STATUSES)
        .order_by("pk")
        .first()
    )
    created = safety_case is None
    if safety_case is None:
        safety_case = _new_safety_case(finding, acting_user)
    before = {} if created else snapshot(safety_case, TRACKED)
    _apply_case_context(safety_case)
    _apply_finding(safety_case, finding)
    _save_and_follow(safety_case, before, created, acting_user)
    finding.safety_case = safety_case
    finding.save(update_fields=["safety_case"])
    return safety_case


def _save_and_follow(
    safety_case: SafetyCase, before: dict[str, Any], created: bool, acting_user: Any
) -> None:
    from caredesk.safety.services.duplicates import propose_duplicates
    from caredesk.safety.services.follow_up import sync_follow_ups

    refresh_validity(safety_case)
    with transaction.atomic():
        safety_case.save()
        if created:
            record_created(safety_case, acting_user=acting_user, fields=TRACKED)
        else:
            changes = diff(before, snapshot(safety_case, TRACKED))
            if changes:
                record_event(
                    AuditAction.UPDATE,
                    acting_user=acting_user,
                    instance=safety_case,
                    changes=changes,
                )
        refresh_reports(safety_case)
        sync_follow_ups(safety_case, acting_user=acting_user)
        propose_duplicates(safety_case)


def record_criterion(
    safety_case: SafetyCase,
    criterion: str,
    *,
    evidence: str,
    source: Interaction,
    acting_user: Any,
    patient: Person | None = None,
) -> SafetyCase:
    """A person records a minimum criterion (typically the patient) and where it came from."""
    check_can_write(acting_user, safety_case.program_id)
    if criterion not in Criterion.values:
        raise InvalidInput("Unknown criterion", {"criterion": f"one of {Criterion.values}"})
    if not evidence.strip():
        raise InvalidInput("Say what identifies it", {"evidence": "required"})
    if source.case_id != safety_case.case_id:
        raise InvalidInput("Invalid source", {"source": "not an interaction of this case"})
    before = snapshot(safety_case, TRACKED)
    set_criterion(safety_case, Criterion(criterion), evidence, source)
    if criterion == Criterion.PATIENT:
        safety_case.patient_description = evidence.strip()[:300]
        if patient is not None and patient.program_id == safety_case.program_id:
            safety_case.patient_person = patient
    _save_and_follow(safety_case, before, False, acting_user)
    return safety_case


LIVE_FINDINGS = ("flagged", "confirmed")


def withdraw_dismissed_flag(finding: Finding, *, acting_user: Any, reason: str) -> None:
    """A dismissed flag leaves its draft; a draft left with no live finding is closed.

    Only a draft nobody forwarded yet closes this way: once pharmacovigilance holds the case,
    closing it is their decision, recorded on the safety case itself."""
    safety_case = finding.safety_case
    if safety_case is None or safety_case.forwarded_at is not None:
        return
    if safety_case.status not in (SafetyCaseStatus.INCOMPLETE, SafetyCaseStatus.VALID):
        return
    if safety_case.findings.filter(status__in=LIVE_FINDINGS).exclude(pk=finding.pk).exists():
        return
    before = snapshot(safety_case, ["status", "close_reason"])
    safety_case.status = SafetyCaseStatus.CLOSED
    safety_case.close_reason = f"Every flag was dismissed: {reason}"[:2000]
    with transaction.atomic():
        safety_case.save(update_fields=["status", "close_reason", "updated_at"])
        # A case that was never reportable owes no report: its due rows would only mislead.
        safety_case.reports.all().delete()
        record_event(
            AuditAction.UPDATE,
            acting_user=acting_user,
            instance=safety_case,
            changes=diff(before, snapshot(safety_case, ["status", "close_reason"])),
            reason=reason,
        )
