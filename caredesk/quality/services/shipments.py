"""Replacement and return-kit shipments of a complaint.

requested → approved → shipped → delivered, and for a return kit → return_received (with the
returned sample's condition); requested or approved → cancelled. Anyone working the program may
request one on a call; a quality specialist approves and moves it on. A replacement ships from
a named lot of the complaint's product (never the complained-of lot). Each step is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import diff, record_created, record_event, snapshot
from caredesk.errors import Conflict, InvalidInput
from caredesk.quality.models import (
    Complaint,
    SampleCondition,
    Shipment,
    ShipmentKind,
    ShipmentStatus,
)
from caredesk.quality.services.complaints import check_open, require_quality_specialist
from caredesk.tenancy.models import Lot
from caredesk.tenancy.services import check_can_write

S = ShipmentStatus
NEXT: dict[str, frozenset[str]] = {
    S.REQUESTED: frozenset({S.APPROVED, S.CANCELLED}),
    S.APPROVED: frozenset({S.SHIPPED, S.CANCELLED}),
    S.SHIPPED: frozenset({S.DELIVERED, S.RETURN_RECEIVED}),
    S.DELIVERED: frozenset({S.RETURN_RECEIVED}),
    S.RETURN_RECEIVED: frozenset(),
    S.CANCELLED: frozenset(),
}
TRACKED = [
    "status",
    "replacement_lot",
    "carrier",
    "tracking_number",
    "approved_at",
    "shipped_at",
    "delivered_at",
    "return_received_at",
    "sample_condition",
    "sample_notes",
    "cancelled_at",
]


def access_shipment(user: Any, shipment_id: int) -> Shipment:
    return Shipment.objects.visible_one(user, shipment_id, "Shipment")


@dataclass
class ShipmentRequest:
    kind: str
    quantity: int = 1
    recipient_name: str = ""
    address: str = ""
    note: str = ""


def request_shipment(complaint: Complaint, data: ShipmentRequest, *, acting_user: Any) -> Shipment:
    """Ask for a replacement or a return kit; the address defaults to the complainant's."""
    check_can_write(acting_user, complaint.program_id)
    check_open(complaint)
    name = data.recipient_name.strip() or complaint.complainant_name
    address = data.address.strip() or complaint.complainant_address
    errors: dict[str, str] = {}
    if data.kind not in ShipmentKind.values:
        errors["kind"] = f"one of {', '.join(ShipmentKind.values)}"
    if data.quantity < 1:
        errors["quantity"] = "at least 1"
    if not name:
        errors["recipient_name"] = "required (the complaint has no complainant name)"
    if not address:
        errors["address"] = "required (the complaint has no complainant address)"
    if errors:
        raise InvalidInput("Invalid shipment", errors)
    with transaction.atomic():
        shipment = Shipment.objects.create(
            program_id=complaint.program_id,
            complaint=complaint,
            lot_id=complaint.lot_id,
            kind=data.kind,
            quantity=data.quantity,
            recipient_name=name[:200],
            address=address,
            note=data.note.strip(),
            requested_by=acting_user,
            requested_at=timezone.now(),
        )
        record_created(
            shipment,
            acting_user=acting_user,
            fields=["complaint", "lot", "kind", "quantity", "recipient_name", "address"],
        )
    return shipment


@dataclass
class ShipmentStep:
    """The move to `status` and what that step records."""

    status: str
    carrier: str = ""
    tracking_number: str = ""
    replacement_lot: Lot | None = None
    at: datetime | None = None
    sample_condition: str = ""
    sample_notes: str = ""
    reason: str = ""


def advance_shipment(shipment: Shipment, step: ShipmentStep, *, acting_user: Any) -> Shipment:
    """Move a shipment one step on; refuse a step its status or kind does not allow."""
    require_quality_specialist(acting_user, shipment.program_id)
    _check_step(shipment, step)
    values = _step_values(shipment, step, acting_user)
    fields = list(values)
    before = snapshot(shipment, TRACKED)
    for name, value in values.items():
        setattr(shipment, name, value)
    with transaction.atomic():
        shipment.save(update_fields=fields)
        record_event(
            AuditAction.UPDATE,
            acting_user=acting_user,
            instance=shipment,
            changes=diff(before, snapshot(shipment, TRACKED)),
            reason=step.reason.strip(),
        )
    return shipment


def _check_step(shipment: Shipment, step: ShipmentStep) -> None:
    if step.status not in ShipmentStatus.values:
        raise InvalidInput("Unknown status", {"status": f"{step.status!r} is not a status"})
    if step.status not in NEXT[shipment.status]:
        raise Conflict(
            f"A {shipment.get_status_display().lower()} shipment cannot become "
            f"{ShipmentStatus(step.status).label.lower()}",
            {"status": f"allowed next: {', '.join(sorted(NEXT[shipment.status])) or 'none'}"},
        )
    is_kit = shipment.kind == ShipmentKind.RETURN_KIT
    if step.status == S.RETURN_RECEIVED and not is_kit:
        raise Conflict("Only a return kit brings a sample back", {"status": "not a return kit"})
    if step.at is not None and not shipment.requested_at <= step.at <= timezone.now():
        raise InvalidInput("The date must lie between the request and now", {"at": "out of range"})
    errors = _step_errors(shipment, step)
    if errors:
        raise InvalidInput("This step needs more information", errors)


def _step_errors(shipment: Shipment, step: ShipmentStep) -> dict[str, str]:
    errors: dict[str, str] = {}
    if step.status == S.SHIPPED:
        if not step.carrier.strip():
            errors["carrier"] = "required to ship"
        if not step.tracking_number.strip():
            errors["tracking_number"] = "required to ship"
        if shipment.kind == ShipmentKind.REPLACEMENT:
            errors.update(_replacement_lot_errors(shipment, step.replacement_lot))
    if step.status == S.RETURN_RECEIVED and step.sample_condition not in SampleCondition.values:
        errors["sample_condition"] = f"one of {', '.join(SampleCondition.values)}"
    if step.status == S.CANCELLED and not step.reason.strip():
        errors["reason"] = "required to cancel"
    return errors


def _replacement_lot_errors(shipment: Shipment, lot: Lot | None) -> dict[str, str]:
    if lot is None:
        return {"replacement_lot": "name the lot the replacement comes from"}
    complaint = shipment.complaint
    if lot.product.program_id != shipment.program_id:
        return {"replacement_lot": "lot belongs to another program"}
    if complaint.product_id is not None and lot.product_id != complaint.product_id:
        return {"replacement_lot": "not a lot of the complaint's product"}
    if lot.pk == complaint.lot_id:
        return {"replacement_lot": "a replacement must not come from the complained-of lot"}
    return {}


def _step_values(shipment: Shipment, step: ShipmentStep, user: Any) -> dict[str, Any]:
    at = step.at or timezone.now()
    values: dict[str, Any] = {"status": step.status}
    if step.status == S.APPROVED:
        values |= {"approved_at": at, "approved_by": user}
    elif step.status == S.SHIPPED:
        values |= {
            "shipped_at": at,
            "carrier": step.carrier.strip()[:60],
            "tracking_number": step.tracking_number.strip()[:100],
        }
        if shipment.kind == ShipmentKind.REPLACEMENT:
            values["replacement_lot"] = step.replacement_lot
    elif step.status == S.DELIVERED:
        values["delivered_at"] = at
    elif step.status == S.RETURN_RECEIVED:
        values |= {
            "return_received_at": at,
            "received_by": user,
            "sample_condition": step.sample_condition,
            "sample_notes": step.sample_notes.strip(),
        }
    elif step.status == S.CANCELLED:
        values |= {"cancelled_at": at, "cancel_reason": step.reason.strip()}
    return values


def next_steps(shipment: Shipment) -> list[str]:
    """The statuses a shipment may move to next (for the screen's buttons)."""
    allowed = NEXT[shipment.status]
    if shipment.kind != ShipmentKind.RETURN_KIT:
        allowed = allowed - {S.RETURN_RECEIVED}
    return [s for s in ShipmentStatus.values if s in allowed]
