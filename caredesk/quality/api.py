"""REST API of product complaints: the complaint files of the caller's programs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Schema

from caredesk.api_support.auth import acting_user
from caredesk.api_support.pagination import Page, PageParams, paginate
from caredesk.api_support.router import ApiRouter
from caredesk.api_support.types import ObjectId
from caredesk.quality.models import Complaint, ComplaintStatus, Reportability
from caredesk.quality.services.complaints import access_complaint

router = ApiRouter(tags=["quality"])


class ComplaintOut(Schema):
    id: int
    program_id: int
    case_id: int
    interaction_id: int
    received_at: datetime
    complainant_id: int | None
    product_id: int | None
    lot_id: int | None
    udi: str
    categories: list[Any]
    tampering: bool
    nature: str
    status: ComplaintStatus
    reportability: Reportability
    reportability_decided_by_id: int | None
    reportability_decided_at: datetime | None
    investigation: str
    safety_case_id: int | None
    created_at: datetime


class ComplaintFilters(PageParams):
    program: ObjectId | None = Field(None, description="Only this program")


@router.get("/complaints", response=Page[ComplaintOut])
def complaints(request: HttpRequest, filters: Query[ComplaintFilters]) -> dict[str, Any]:
    """Complaints of the caller's programs, newest first."""
    found = Complaint.objects.visible_to(acting_user(request)).order_by("-received_at", "-pk")
    if filters.program is not None:
        found = found.filter(program_id=filters.program)
    return paginate(found, filters)


@router.get("/complaints/{complaint_id}", response=ComplaintOut)
def complaint(request: HttpRequest, complaint_id: ObjectId) -> Complaint:
    return access_complaint(acting_user(request), complaint_id)
