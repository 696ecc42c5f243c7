"""REST API of product complaints: complaint files and their decisions, replacement and
return-kit shipments, a lot's complaints, tampering alerts (release of the escalation lock) and
the caller's in-app notifications. Scoped to the caller's programs: another program's ids
answer 404; the complaint file's decisions need the program's quality specialist (403)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Status

from caredesk.api_support.auth import acting_user
from caredesk.api_support.pagination import Page, PageParams, paginate
from caredesk.api_support.router import ApiRouter
from caredesk.api_support.types import ObjectId
from caredesk.errors import InvalidInput
from caredesk.quality import schemas as s
from caredesk.quality.models import Complaint, Shipment, TamperingAlert
from caredesk.quality.services import complaint_file as cf
from caredesk.quality.services.complaints import access_complaint, update_complaint
from caredesk.quality.services.lots import lot_complaints
from caredesk.quality.services.notifications import (
    access_notification,
    mark_read,
    notifications_for,
)
from caredesk.quality.services.shipments import (
    ShipmentRequest,
    ShipmentStep,
    access_shipment,
    advance_shipment,
    request_shipment,
)
from caredesk.quality.services.tampering import access_alert, release_case_lock
from caredesk.tenancy.models import Lot, Product
from caredesk.tenancy.services import access_lot

router = ApiRouter(tags=["quality"])


@router.get("/complaints", response=Page[s.ComplaintOut])
def complaints(request: HttpRequest, filters: Query[s.ComplaintFilters]) -> dict[str, Any]:
    """Complaints of the caller's programs, newest first."""
    found = Complaint.objects.visible_to(acting_user(request)).order_by("-received_at", "-pk")
    if filters.program is not None:
        found = found.filter(program_id=filters.program)
    if filters.status is not None:
        found = found.filter(status=filters.status)
    if filters.lot is not None:
        found = found.filter(lot_id=filters.lot)
    return paginate(found, filters)


@router.get("/complaints/{complaint_id}", response=s.ComplaintOut)
def complaint(request: HttpRequest, complaint_id: ObjectId) -> Complaint:
    return access_complaint(acting_user(request), complaint_id)


def _catalog_refs(complaint: Complaint, values: dict[str, Any]) -> dict[str, Any]:
    """Turn product_id / lot_id into the program's own product and lot (a foreign or unknown
    id is a field error, never a lookup into another program)."""
    out = dict(values)
    refs = (("product_id", "product", Product.objects), ("lot_id", "lot", Lot.objects))
    for key, name, manager in refs:
        if key not in out:
            continue
        ref = out.pop(key)
        if ref is None:
            out[name] = None
            continue
        path = "program_id" if name == "product" else "product__program_id"
        found = manager.filter(pk=ref, **{path: complaint.program_id}).first()
        if found is None:
            raise InvalidInput(f"Unknown {name}", {key: f"no such {name} in this program"})
        out[name] = found
    return out


@router.patch("/complaints/{complaint_id}", response=s.ComplaintOut)
def edit_complaint(
    request: HttpRequest, complaint_id: ObjectId, payload: s.ComplaintPatch
) -> Complaint:
    """Change the complaint file's record fields (quality specialist); audited old → new."""
    user = acting_user(request)
    found = access_complaint(user, complaint_id)
    values = _catalog_refs(found, payload.dict(exclude_unset=True))
    return update_complaint(found, values, acting_user=user)


@router.post("/complaints/{complaint_id}/reportability", response=s.ComplaintOut)
def reportability(
    request: HttpRequest, complaint_id: ObjectId, payload: s.ReportabilityIn
) -> Complaint:
    """Record whether the complaint is reportable (MDR, field alert, vigilance) and why."""
    user = acting_user(request)
    return cf.decide_reportability(
        access_complaint(user, complaint_id), acting_user=user, **payload.dict()
    )


@router.post("/complaints/{complaint_id}/investigation-decision", response=s.ComplaintOut)
def investigation_decision(
    request: HttpRequest, complaint_id: ObjectId, payload: s.InvestigationDecisionIn
) -> Complaint:
    """Investigate, or record why not (the decider is the caller, 820.198(b))."""
    user = acting_user(request)
    return cf.decide_investigation(
        access_complaint(user, complaint_id), acting_user=user, **payload.dict()
    )


@router.post("/complaints/{complaint_id}/investigation", response=s.ComplaintOut)
def investigation(
    request: HttpRequest, complaint_id: ObjectId, payload: s.InvestigationIn
) -> Complaint:
    """Date and results of the investigation, root cause, corrective action."""
    user = acting_user(request)
    return cf.record_investigation(
        access_complaint(user, complaint_id), acting_user=user, **payload.dict()
    )


@router.post("/complaints/{complaint_id}/reply", response=s.ComplaintOut)
def reply(request: HttpRequest, complaint_id: ObjectId, payload: s.ReplyIn) -> Complaint:
    """What the complainant was told, and when."""
    user = acting_user(request)
    return cf.record_reply(access_complaint(user, complaint_id), acting_user=user, **payload.dict())


@router.post("/complaints/{complaint_id}/close", response=s.ComplaintOut)
def close(request: HttpRequest, complaint_id: ObjectId, payload: s.CloseIn) -> Complaint:
    """Close a complete file; a 422 names every missing decision otherwise."""
    user = acting_user(request)
    return cf.close_complaint(
        access_complaint(user, complaint_id), acting_user=user, note=payload.note
    )


@router.post("/complaints/{complaint_id}/reopen", response=s.ComplaintOut)
def reopen(request: HttpRequest, complaint_id: ObjectId, payload: s.ReasonIn) -> Complaint:
    user = acting_user(request)
    return cf.reopen_complaint(
        access_complaint(user, complaint_id), acting_user=user, reason=payload.reason
    )


@router.get("/complaints/{complaint_id}/shipments", response=Page[s.ShipmentOut])
def shipments(
    request: HttpRequest, complaint_id: ObjectId, page: Query[PageParams]
) -> dict[str, Any]:
    """The complaint's replacement and return-kit shipments, oldest first."""
    found = access_complaint(acting_user(request), complaint_id)
    return paginate(found.shipments.order_by("pk"), page)


@router.post("/complaints/{complaint_id}/shipments", response={201: s.ShipmentOut})
def new_shipment(request: HttpRequest, complaint_id: ObjectId, payload: s.ShipmentIn) -> Status:
    """Request a replacement or a return kit (address defaults to the complainant's)."""
    user = acting_user(request)
    found = access_complaint(user, complaint_id)
    data = ShipmentRequest(**payload.dict())
    return Status(201, request_shipment(found, data, acting_user=user))


@router.get("/shipments/{shipment_id}", response=s.ShipmentOut)
def shipment(request: HttpRequest, shipment_id: ObjectId) -> Shipment:
    return access_shipment(acting_user(request), shipment_id)


@router.post("/shipments/{shipment_id}/status", response=s.ShipmentOut)
def shipment_step(
    request: HttpRequest, shipment_id: ObjectId, payload: s.ShipmentStepIn
) -> Shipment:
    """Approve, ship (carrier, tracking, replacement lot), deliver, receive the returned sample
    (with its condition) or cancel (with a reason)."""
    user = acting_user(request)
    found = access_shipment(user, shipment_id)
    values = payload.dict()
    lot_id = values.pop("replacement_lot_id")
    lot = None
    if lot_id is not None:
        lots = Lot.objects.visible_to(user).filter(product__program_id=found.program_id)
        lot = lots.filter(pk=lot_id).first()
        if lot is None:
            raise InvalidInput("Unknown lot", {"replacement_lot_id": "no such lot in this program"})
    values["sample_condition"] = values["sample_condition"] or ""
    return advance_shipment(found, ShipmentStep(replacement_lot=lot, **values), acting_user=user)


@router.get("/lots/{lot_id}/complaints", response=s.LotComplaintsOut)
def lot_summary(request: HttpRequest, lot_id: ObjectId) -> dict[str, Any]:
    """A lot's complaints with counts by category and status: the lot-level pattern."""
    user = acting_user(request)
    summary = lot_complaints(user, access_lot(user, lot_id))
    return {
        "lot_id": summary.lot.pk,
        "lot_number": summary.lot.number,
        "product_id": summary.lot.product_id,
        "count": summary.count,
        "open": summary.open,
        "tampering": summary.tampering,
        "reportable": summary.reportable,
        "samples_returned": summary.samples_returned,
        "by_category": [{"category": c, "count": n} for c, n in summary.by_category],
        "by_status": summary.by_status,
        "complaints": summary.complaints,
    }


@router.get("/tampering-alerts", response=Page[s.AlertOut])
def alerts(request: HttpRequest, page: Query[PageParams]) -> dict[str, Any]:
    """Tampering/counterfeit alerts of the caller's programs, locked ones first."""
    found = TamperingAlert.objects.visible_to(acting_user(request)).order_by(
        "released_at", "-raised_at", "-pk"
    )
    return paginate(found, page)


@router.get("/tampering-alerts/{alert_id}", response=s.AlertOut)
def alert(request: HttpRequest, alert_id: ObjectId) -> TamperingAlert:
    return access_alert(acting_user(request), alert_id)


@router.post("/tampering-alerts/{alert_id}/release", response=s.AlertOut)
def release(request: HttpRequest, alert_id: ObjectId, payload: s.ReasonIn) -> TamperingAlert:
    """Quality releases the case from the escalation workflow, with a reason (audited)."""
    user = acting_user(request)
    return release_case_lock(access_alert(user, alert_id), acting_user=user, reason=payload.reason)


@router.get("/notifications", response=Page[s.NotificationOut])
def notifications(request: HttpRequest, filters: Query[s.NotificationFilters]) -> dict[str, Any]:
    """The caller's own in-app notices, newest first."""
    return paginate(notifications_for(acting_user(request), unread_only=filters.unread), filters)


@router.post("/notifications/{notification_id}/read", response=s.NotificationOut)
def read(request: HttpRequest, notification_id: ObjectId) -> Any:
    user = acting_user(request)
    return mark_read(access_notification(user, notification_id), acting_user=user)
