"""Typed request and response bodies of the quality API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from ninja import Field, Schema

from caredesk.api_support.pagination import PageParams
from caredesk.api_support.types import (
    LongText,
    ObjectId,
    Text40,
    Text100,
    Text200,
    Timestamp,
)
from caredesk.quality.models import (
    ComplaintStatus,
    InvestigationDecision,
    Reportability,
    SampleCondition,
    ShipmentKind,
    ShipmentStatus,
)

Count = Annotated[int, Field(ge=0, le=10**9)]
Quantity = Annotated[int, Field(ge=1, le=10_000)]
Category = Annotated[Text40, Field(min_length=1)]


class ComplaintOut(Schema):
    id: int
    program_id: int
    case_id: int
    interaction_id: int
    received_at: datetime
    complainant_id: int | None
    complainant_name: str
    complainant_address: str
    complainant_phone: str
    product_id: int | None
    lot_id: int | None
    udi: str
    quantity_affected: int | None
    categories: list[Any]
    tampering: bool
    nature: str
    status: ComplaintStatus
    reportability: Reportability
    reportability_justification: str
    reportability_decided_by_id: int | None
    reportability_decided_at: datetime | None
    investigation_decision: InvestigationDecision
    investigation_decided_by_id: int | None
    investigation_decided_at: datetime | None
    investigation_justification: str
    investigation: str
    investigated_on: date | None
    root_cause: str
    corrective_action: str
    failed_specifications: bool | None
    in_use_for_treatment: bool | None
    relationship_to_event: str
    reply_to_complainant: str
    replied_at: datetime | None
    replied_by_id: int | None
    closed_at: datetime | None
    closed_by_id: int | None
    safety_case_id: int | None
    created_at: datetime


class ComplaintFilters(PageParams):
    program: ObjectId | None = Field(None, description="Only this program")
    status: ComplaintStatus | None = Field(None, description="Only this status")
    lot: ObjectId | None = Field(None, description="Only complaints on this lot")


class ComplaintPatch(Schema):
    """Record fields to change; fields left out stay as they are (null clears)."""

    product_id: ObjectId | None = None
    lot_id: ObjectId | None = None
    udi: Text100 | None = None
    complainant_name: Text200 | None = None
    complainant_address: LongText | None = None
    complainant_phone: Text40 | None = None
    nature: LongText | None = None
    categories: list[Category] | None = Field(None, max_length=20)
    quantity_affected: Count | None = None
    failed_specifications: bool | None = None
    in_use_for_treatment: bool | None = None
    relationship_to_event: LongText | None = None


class ReportabilityIn(Schema):
    reportable: bool
    justification: LongText


class InvestigationDecisionIn(Schema):
    investigate: bool
    justification: LongText = Field("", description="Required when investigate is false")


class InvestigationIn(Schema):
    results: LongText
    investigated_on: date | None = Field(None, description="Default: today")
    root_cause: LongText = ""
    corrective_action: LongText = Field("", description="Correction or CAPA reference")


class ReplyIn(Schema):
    text: LongText
    replied_at: Timestamp | None = Field(None, description="Default: now")


class CloseIn(Schema):
    note: LongText = ""


class ReasonIn(Schema):
    reason: LongText


class ShipmentIn(Schema):
    kind: ShipmentKind
    quantity: Quantity = 1
    recipient_name: Text200 = Field("", description="Default: the complainant")
    address: LongText = Field("", description="Default: the complainant's address")
    note: LongText = ""


class ShipmentStepIn(Schema):
    status: ShipmentStatus
    carrier: Text40 = ""
    tracking_number: Text100 = ""
    replacement_lot_id: ObjectId | None = None
    at: Timestamp | None = Field(None, description="When the step happened (default: now)")
    sample_condition: SampleCondition | None = None
    sample_notes: LongText = ""
    reason: LongText = ""


class ShipmentOut(Schema):
    id: int
    program_id: int
    complaint_id: int
    lot_id: int | None
    kind: ShipmentKind
    status: ShipmentStatus
    quantity: int
    replacement_lot_id: int | None
    recipient_name: str
    address: str
    carrier: str
    tracking_number: str
    note: str
    requested_by_id: int | None
    requested_at: datetime
    approved_by_id: int | None
    approved_at: datetime | None
    shipped_at: datetime | None
    delivered_at: datetime | None
    return_received_at: datetime | None
    received_by_id: int | None
    sample_condition: str
    sample_notes: str
    cancelled_at: datetime | None
    cancel_reason: str


class CategoryCount(Schema):
    category: str
    count: int


class LotComplaintsOut(Schema):
    lot_id: int
    lot_number: str
    product_id: int
    count: int
    open: int
    tampering: int
    reportable: int
    samples_returned: int
    by_category: list[CategoryCount]
    by_status: dict[str, int]
    complaints: list[ComplaintOut]


class AlertOut(Schema):
    id: int
    program_id: int
    case_id: int
    interaction_id: int
    finding_id: int
    raised_at: datetime
    emailed_at: datetime | None
    email_recipients: list[Any]
    email_attempts: int
    email_error: str
    released_at: datetime | None
    released_by_id: int | None
    release_reason: str


class NotificationOut(Schema):
    id: int
    program_id: int
    case_id: int | None
    alert_id: int | None
    text: str
    created_at: datetime
    read_at: datetime | None


class NotificationFilters(PageParams):
    unread: bool = Field(False, description="Only unread notices")
