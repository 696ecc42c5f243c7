"""Opening complaints from confirmed findings, and editing the complaint file's record fields.

The decisions a complaint file holds (reportability, investigation, reply, closing) live in
`complaint_file`; this module keeps what the complaint *is*: product, lot, UDI, complainant,
nature. Only a quality specialist of the program edits a complaint file (the agent's part ends
when the finding is confirmed); every change is audited field by field.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import diff, record_created, record_event, snapshot
from caredesk.errors import Conflict, Forbidden, InvalidInput
from caredesk.people.models import ContactKind, Person
from caredesk.quality.models import Complaint, ComplaintStatus
from caredesk.tenancy.models import Lot, Product, Role
from caredesk.tenancy.services import check_can_write, roles_of

COMPLAINT_FIELDS = ["case", "interaction", "product", "lot", "categories", "tampering", "nature"]

# What a quality specialist may edit on the record itself (decisions have their own services).
EDITABLE_FIELDS = [
    "product",
    "lot",
    "udi",
    "complainant_name",
    "complainant_address",
    "complainant_phone",
    "nature",
    "categories",
    "quantity_affected",
    "failed_specifications",
    "in_use_for_treatment",
    "relationship_to_event",
]


TEXT_FIELDS = [
    "udi",
    "complainant_name",
    "complainant_address",
    "complainant_phone",
    "nature",
    "relationship_to_event",
]


def access_complaint(user: Any, complaint_id: int) -> Complaint:
    return Complaint.objects.visible_one(user, complaint_id, "Complaint")


def require_quality_specialist(user: Any, program_id: int) -> None:
    """Complaint files are kept by the program's designated quality unit (820.198(a))."""
    check_can_write(user, program_id)
    if Role.QUALITY_SPECIALIST not in roles_of(user, program_id):
        raise Forbidden("Only a quality specialist of the program can do this")


def check_open(complaint: Complaint) -> None:
    if complaint.status == ComplaintStatus.CLOSED:
        raise Conflict("The complaint is closed; reopen it first", {"status": "closed"})


def complainant_snapshot(person: Person | None) -> dict[str, str]:
    """Name, address and phone as known when the complaint was received (820.198(e)(4))."""
    if person is None:
        return {}
    points: dict[str, str] = {}
    for point in person.contact_points.order_by("-is_primary", "pk"):
        points.setdefault(point.kind, point.value)
    return {
        "complainant_name": person.full_name[:200],
        "complainant_address": points.get(ContactKind.ADDRESS, ""),
        "complainant_phone": points.get(ContactKind.PHONE, "")[:40],
    }


def open_complaint_for_finding(
    finding: Any, *, product: Product | None, lot: Lot | None, acting_user: Any
) -> Complaint:
    """One complaint per interaction of a case: a second confirmed category joins it."""
    tampering = finding.kind == "tampering"
    code = finding.code
    existing = (
        Complaint.objects.filter(case_id=finding.case_id, interaction_id=finding.interaction_id)
        .exclude(status=ComplaintStatus.CLOSED)
        .first()
    )
    if existing is not None:
        return _add_to_complaint(existing, code, tampering, acting_user)
    nature = "; ".join(e.get("text", "") for e in finding.evidence if e.get("text"))
    interaction = finding.interaction
    with transaction.atomic():
        complaint = Complaint.objects.create(
            program_id=finding.program_id,
            case_id=finding.case_id,
            interaction_id=finding.interaction_id,
            received_at=interaction.received_at,
            complainant_id=interaction.person_id,
            **complainant_snapshot(interaction.person),
            product=product,
            lot=lot,
            categories=[code],
            tampering=tampering,
            nature=nature or finding.note or code,
            created_by=acting_user if getattr(acting_user, "pk", None) else None,
            created_at=timezone.now(),
        )
        record_created(complaint, acting_user=acting_user, fields=COMPLAINT_FIELDS)
    return complaint


def _add_to_complaint(
    complaint: Complaint, code: str, tampering: bool, acting_user: Any
) -> Complaint:
    before = snapshot(complaint, ["categories", "tampering"])
    if code not in complaint.categories:
        complaint.categories = [*complaint.categories, code]
    complaint.tampering = complaint.tampering or tampering
    changes = diff(before, snapshot(complaint, ["categories", "tampering"]))
    if changes:
        complaint.save(update_fields=["categories", "tampering"])
        record_event(
            AuditAction.UPDATE, acting_user=acting_user, instance=complaint, changes=changes
        )
    return complaint


def _check_catalog(complaint: Complaint, values: dict[str, Any]) -> dict[str, str]:
    """Product and lot must be the program's own, and the lot a lot of the product."""
    errors: dict[str, str] = {}
    product = values.get("product", complaint.product)
    lot = values.get("lot", complaint.lot)
    if product is not None and product.program_id != complaint.program_id:
        errors["product"] = "product belongs to another program"
    if lot is not None:
        if lot.product.program_id != complaint.program_id:
            errors["lot"] = "lot belongs to another program"
        elif product is not None and lot.product_id != product.pk:
            errors["lot"] = "lot is not a lot of the complaint's product"
    return errors


def _check_values(complaint: Complaint, values: dict[str, Any]) -> None:
    unknown = sorted(set(values) - set(EDITABLE_FIELDS))
    if unknown:
        raise InvalidInput("Not an editable field", dict.fromkeys(unknown, "not editable"))
    errors = _check_catalog(complaint, values)
    if "nature" in values and not str(values["nature"] or "").strip():
        errors["nature"] = "say what the complainant reported"
    if "categories" in values:
        categories = values["categories"]
        if not isinstance(categories, list) or not categories:
            errors["categories"] = "at least one category code"
        elif any(not isinstance(c, str) or not c.strip() for c in categories):
            errors["categories"] = "category codes are non-empty text"
    if errors:
        raise InvalidInput("Invalid complaint", errors)


def update_complaint(
    complaint: Complaint, values: dict[str, Any], *, acting_user: Any
) -> Complaint:
    """Change record fields of an open complaint (only those given); audited old → new."""
    require_quality_specialist(acting_user, complaint.program_id)
    check_open(complaint)
    _check_values(complaint, values)
    for name in TEXT_FIELDS:
        if name in values:  # null clears a text field to ""
            values[name] = str(values[name] or "").strip()
    if "categories" in values:
        values["categories"] = [c.strip() for c in values["categories"]]
    fields = list(values)
    before = snapshot(complaint, fields)
    for name, value in values.items():
        setattr(complaint, name, value)
    changes = diff(before, snapshot(complaint, fields))
    if not changes:
        return complaint
    with transaction.atomic():
        complaint.save(update_fields=fields)
        record_event(
            AuditAction.UPDATE, acting_user=acting_user, instance=complaint, changes=changes
        )
    return complaint
