"""The E2B(R3) sections of a safety case as a person fills them in: patient, reactions (coded
through the terminology layer) and drugs (role, dose, route, lot, causality).

Seriousness, expectedness and the narrative go through `handoff.set_assessment` (the report
due dates follow them); the four minimum criteria through `safety_cases.record_criterion`.
Every change here is audited and refused once the case is closed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_created, record_event
from caredesk.errors import Conflict, InvalidInput, NotFound
from caredesk.safety.models import SafetyCase, SafetyCaseStatus
from caredesk.safety.models_detail import (
    ActionTaken,
    Causality,
    DrugRole,
    ReactionOutcome,
    Route,
    SafetyProduct,
    SafetyReaction,
)
from caredesk.tenancy.models import Lot, Product
from caredesk.tenancy.services import check_can_write
from caredesk.terminology.services.search import get_term, version_label


def _check_open(safety_case: SafetyCase, acting_user: Any) -> None:
    check_can_write(acting_user, safety_case.program_id)
    if safety_case.status == SafetyCaseStatus.CLOSED:
        raise Conflict("The safety case is closed")


def _check_dates(start: date | None, end: date | None, names: tuple[str, str]) -> None:
    today = timezone.localdate()
    for value, name in ((start, names[0]), (end, names[1])):
        if value is not None and value > today:
            raise InvalidInput("A date cannot be in the future", {name: "in the future"})
    if start and end and end < start:
        raise InvalidInput("The end is before the start", {names[1]: "before the start"})


def update_patient(safety_case: SafetyCase, *, description: str, acting_user: Any) -> SafetyCase:
    """E2B D: the patient as reported (initials, age, sex, weight …)."""
    _check_open(safety_case, acting_user)
    old = safety_case.patient_description
    new = description.strip()[:300]
    if new != old:
        with transaction.atomic():
            safety_case.patient_description = new
            safety_case.save(update_fields=["patient_description", "updated_at"])
            record_event(
                AuditAction.UPDATE,
                acting_user=acting_user,
                instance=safety_case,
                changes={"patient_description": [old, new]},
            )
    return safety_case


@dataclass(frozen=True)
class ReactionInput:
    verbatim: str
    term_id: int | None = None
    onset: date | None = None
    end: date | None = None
    outcome: str = ReactionOutcome.UNKNOWN


def add_reaction(
    safety_case: SafetyCase, data: ReactionInput, *, acting_user: Any
) -> SafetyReaction:
    """One reaction as reported, coded with a term of the coding release when one is chosen."""
    _check_open(safety_case, acting_user)
    if not data.verbatim.strip():
        raise InvalidInput("Say what the reporter described", {"verbatim": "required"})
    if data.outcome not in ReactionOutcome.values:
        raise InvalidInput("Unknown outcome", {"outcome": "not an E2B outcome"})
    _check_dates(data.onset, data.end, ("onset", "end"))
    term = get_term(data.term_id) if data.term_id else None
    if data.term_id and term is None:
        raise InvalidInput("Unknown term", {"term_id": "not a loaded term"})
    with transaction.atomic():
        reaction = SafetyReaction.objects.create(
            safety_case=safety_case,
            verbatim=data.verbatim.strip()[:250],
            term=term,
            coded_code=term.code if term else "",
            coded_term=term.term if term else "",
            coded_version=version_label(term) if term else "",
            onset=data.onset,
            end=data.end,
            outcome=data.outcome,
            created_at=timezone.now(),
        )
        record_created(
            reaction, acting_user=acting_user, fields=["verbatim", "coded_code", "outcome"]
        )
    return reaction


@dataclass(frozen=True)
class DrugInput:
    name: str = ""
    role: str = DrugRole.SUSPECT
    product_id: int | None = None
    lot_number: str = ""
    dose: str = ""
    route: str = ""
    indication: str = ""
    start: date | None = None
    stop: date | None = None
    action_taken: str = ActionTaken.UNKNOWN
    causality: str = Causality.NOT_ASSESSED


def _check_drug(data: DrugInput) -> None:
    choices = {
        "role": (data.role, DrugRole.values),
        "route": (data.route, ["", *Route.values]),
        "action_taken": (data.action_taken, ActionTaken.values),
        "causality": (data.causality, Causality.values),
    }
    for name, (value, allowed) in choices.items():
        if value not in allowed:
            raise InvalidInput(f"Unknown {name.replace('_', ' ')}", {name: "not a valid choice"})
    _check_dates(data.start, data.stop, ("start", "stop"))


def add_drug(safety_case: SafetyCase, data: DrugInput, *, acting_user: Any) -> SafetyProduct:
    """One drug or device: a product of the program (its lot resolved) or a name as reported."""
    _check_open(safety_case, acting_user)
    _check_drug(data)
    product = None
    if data.product_id is not None:
        product = Product.objects.filter(
            pk=data.product_id, program_id=safety_case.program_id
        ).first()
        if product is None:
            raise NotFound("Product not found")
    name = (data.name.strip() or (str(product) if product else ""))[:200]
    if not name:
        raise InvalidInput("Name the product", {"name": "required"})
    lot_number = data.lot_number.strip()[:60]
    lot = (
        Lot.objects.filter(product=product, number__iexact=lot_number).first()
        if product and lot_number
        else None
    )
    with transaction.atomic():
        drug = SafetyProduct.objects.create(
            safety_case=safety_case,
            role=data.role,
            product=product,
            name=name,
            lot=lot,
            lot_number=lot_number or (lot.number if lot else ""),
            dose=data.dose.strip()[:100],
            route=data.route,
            indication=data.indication.strip()[:250],
            start=data.start,
            stop=data.stop,
            action_taken=data.action_taken,
            causality=data.causality,
            created_at=timezone.now(),
        )
        record_created(drug, acting_user=acting_user, fields=["role", "name", "lot_number"])
    return drug


def remove_detail(
    safety_case: SafetyCase, item: SafetyReaction | SafetyProduct, *, acting_user: Any
) -> None:
    """Remove a reaction or drug entered by mistake (the audit trail keeps what it was)."""
    _check_open(safety_case, acting_user)
    if item.safety_case_id != safety_case.pk:
        raise NotFound("Not found")
    with transaction.atomic():
        record_event(
            AuditAction.DELETE,
            acting_user=acting_user,
            instance=item,
            program_id=safety_case.program_id,
            changes={"removed": [str(item), None]},
        )
        item.delete()
