"""Pieces of the E2B(R3) import: persons from C.2.r / D.1, reactions and drugs from E.i / G.k,
and the text of the inbound interaction. Split from `e2b_import` to keep modules small."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.utils import timezone

from caredesk.people.models import ContactPoint, Person, PersonRole
from caredesk.people.services.contact_points import normalize_contact
from caredesk.people.services.persons import search_key
from caredesk.safety.e2b.codes import NullFlavor
from caredesk.safety.e2b.model import ICSRMessage, Patient, PrimarySource
from caredesk.safety.models import SafetyCase
from caredesk.safety.models_detail import (
    ActionTaken,
    DrugRole,
    ReactionOutcome,
    SafetyProduct,
    SafetyReaction,
)
from caredesk.tenancy.models import Program

ROLES = {
    "1": PersonRole.PHYSICIAN,
    "2": PersonRole.PHARMACIST,
    "3": PersonRole.NURSE,
    "5": PersonRole.CONSUMER,
}
SEX = {"1": "male", "2": "female"}
SERIOUSNESS = (
    ("death", "death"),
    ("life_threatening", "life_threatening"),
    ("hospitalisation", "hospitalization"),
    ("disability", "disability"),
    ("congenital_anomaly", "congenital_anomaly"),
    ("other_medically_important", "medically_important"),
)


@dataclass(frozen=True)
class ImportedPersons:
    reporter: Person | None
    patient: Person | None


def given(value: Any) -> str:
    """A real value (not a null flavor, not empty) as text, else ''."""
    if value is None or isinstance(value, NullFlavor):
        return ""
    return str(value).strip()


def _person(program: Program, first: str, last: str, role: str, audit: Callable) -> Person:
    person = Person.objects.create(
        program=program,
        first_name=first[:100],
        last_name=last[:100],
        role=role,
        search_name=search_key(first, last),
    )
    audit(person, {"role": [None, role], "source": [None, "E2B(R3) import"]})
    return person


def _add_contacts(person: Person, source: PrimarySource) -> None:
    for kind, raw in (("email", given(source.email)), ("phone", given(source.telephone))):
        if not raw:
            continue
        try:
            value = normalize_contact(kind, raw, person.program.country)
        except Exception:  # a partner's odd number is kept as written
            value = raw
        ContactPoint.objects.create(person=person, program=person.program, kind=kind, value=value)
    street = ", ".join(
        given(v) for v in (source.street, source.city, source.state, source.postcode) if given(v)
    )
    if street:
        ContactPoint.objects.create(
            person=person, program=person.program, kind="address", value=street[:500]
        )


def persons_for(program: Program, message: ICSRMessage, *, audit: Callable) -> ImportedPersons:
    """The primary reporter and, when D.1 gives initials or a name, the patient."""
    reporter = None
    sources = sorted(message.primary_sources, key=lambda s: not s.primary_for_regulatory_purposes)
    if sources:
        source = sources[0]
        first, last = given(source.given_name), given(source.family_name)
        role = ROLES.get(given(source.qualification), PersonRole.OTHER)
        if not (first or last):
            last = given(source.organisation) or "Reporter (E2B)"
        reporter = _person(program, first, last, role, audit)
        _add_contacts(reporter, source)
    patient = None
    initials = given(message.patient.name)
    if initials:
        patient = _person(program, initials, "", PersonRole.PATIENT, audit)
        if isinstance(message.patient.birth_date, date):
            patient.date_of_birth = _as_date(message.patient.birth_date)
            patient.save(update_fields=["date_of_birth"])
    return ImportedPersons(reporter, patient)


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def patient_summary(patient: Patient) -> str:
    """What identifies the patient (GVP: initials, age, sex or birth date), or ''."""
    parts = []
    if given(patient.name):
        parts.append(f"patient {given(patient.name)}")
    if patient.age is not None:
        parts.append(f"{patient.age.value} {patient.age.unit}".replace(" a", " years"))
    if given(patient.sex) in SEX:
        parts.append(SEX[given(patient.sex)])
    if patient.birth_date is not None:
        parts.append(f"born {patient.birth_date}")
    if patient.age_group is not None and patient.age is None:
        parts.append(f"age group {patient.age_group}")
    return ", ".join(parts)


def seriousness_codes(message: ICSRMessage) -> list[str]:
    """The case's ICH criteria: every criterion any reaction carries."""
    codes = []
    for attr, code in SERIOUSNESS:
        if any(getattr(r.seriousness, attr) for r in message.reactions):
            codes.append(code)
    return codes


def summary_text(message: ICSRMessage) -> str:
    """The inbound interaction's text: what arrived, for the case timeline and the screener."""
    sender = given(message.sender.organisation) or "a partner"
    lines = [
        f"E2B(R3) ICSR {message.case.safety_report_id} received from {sender}.",
        "Reactions: " + "; ".join(r.verbatim or r.translation or "?" for r in message.reactions),
        "Products: " + "; ".join(d.product_name or "?" for d in message.drugs),
        "",
        message.narrative.case_narrative or "",
    ]
    return "\n".join(lines).strip()


def _reaction(sc: SafetyCase, r: Any, now: datetime) -> SafetyReaction:
    outcome = given(r.outcome)
    return SafetyReaction.objects.create(
        safety_case=sc,
        verbatim=(r.verbatim or r.translation or "(not reported)")[:250],
        coded_code=r.meddra.code if r.meddra else "",
        coded_version=f"MedDRA {r.meddra.version}" if r.meddra and r.meddra.version else "",
        onset=_as_date(r.start),
        end=_as_date(r.end),
        outcome=outcome if outcome in ReactionOutcome.values else ReactionOutcome.UNKNOWN,
        created_at=now,
    )


def _drug(sc: SafetyCase, d: Any, now: datetime) -> SafetyProduct:
    dosage = d.dosages[0] if d.dosages else None
    dose = ""
    if dosage is not None:
        dose = dosage.text or (
            f"{dosage.dose.value} {dosage.dose.unit}" if dosage.dose is not None else ""
        )
    action = given(d.action_taken)
    role = given(d.role)
    return SafetyProduct.objects.create(
        safety_case=sc,
        role=role if role in DrugRole.values else DrugRole.SUSPECT,
        name=(d.product_name or "(not reported)")[:200],
        lot_number=(d.lot_numbers[0] if d.lot_numbers else "")[:60],
        dose=str(dose)[:100],
        indication=((d.indications[0].text or "") if d.indications else "")[:250],
        start=_as_date(dosage.start) if dosage else None,
        stop=_as_date(dosage.end) if dosage else None,
        action_taken=action if action in ActionTaken.values else ActionTaken.UNKNOWN,
        created_at=now,
    )


def create_details(sc: SafetyCase, message: ICSRMessage) -> dict[str, Any]:
    """E.i and G.k rows; returns which row came from which item of the file (for re-export)."""
    now = timezone.now()
    reactions = {str(_reaction(sc, r, now).pk): i for i, r in enumerate(message.reactions)}
    drugs = {str(_drug(sc, d, now).pk): i for i, d in enumerate(message.drugs)}
    return {"reactions": reactions, "drugs": drugs}
