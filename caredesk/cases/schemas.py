"""Input and output shapes of the cases API (kept apart so api.py stays a list of routes)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from ninja import Field, Schema
from pydantic import model_validator

from caredesk.api_support.pagination import PageParams
from caredesk.api_support.types import (
    LongText,
    ObjectId,
    Text100,
    Text200,
    Text300,
    Text500,
    Timestamp,
)
from caredesk.cases.models import (
    CaseStatus,
    CaseType,
    Direction,
    Priority,
    RequestKind,
    SlaState,
    TimelineKind,
)
from caredesk.people.models import Channel

# base64 grows content by 4/3; the service enforces the exact byte limit after decoding.
_MAX_BASE64 = (settings.ATTACHMENT_MAX_BYTES * 4) // 3 + 4


class CaseOut(Schema):
    id: int
    program_id: int
    reference: str
    subject: str
    case_type: CaseType
    status: CaseStatus
    priority: Priority
    person_id: int | None
    organization_id: int | None
    owner_id: int | None
    queue_id: int | None
    product_id: int | None
    lot_id: int | None
    topics: list[Any]
    opened_at: datetime
    first_response_due: datetime | None
    resolution_due: datetime | None
    first_responded_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    close_reason: str
    sla_state: SlaState
    updated_at: datetime


class CaseFilters(PageParams):
    program: ObjectId | None = None
    status: CaseStatus | None = None
    queue: ObjectId | None = None
    case_type: CaseType | None = None
    person: ObjectId | None = None


class CaseCreateIn(Schema):
    program_id: ObjectId
    subject: Text300 = Field(..., min_length=1)
    case_type: CaseType = CaseType.GENERAL_INQUIRY
    priority: Priority = Priority.NORMAL
    person_id: ObjectId | None = None
    product_id: ObjectId | None = None
    lot_id: ObjectId | None = None
    queue_id: ObjectId | None = None
    topics: list[Text100] = Field([], max_length=20)
    opened_at: Timestamp | None = None


class CaseStatusIn(Schema):
    """A new status; closing and reopening need a reason, which the audit trail keeps."""

    status: CaseStatus
    reason: Text500 = ""


class AssignIn(Schema):
    """A new owner, a new queue, or both."""

    owner_id: ObjectId | None = None
    queue_id: ObjectId | None = None

    @model_validator(mode="after")
    def _something_to_assign(self) -> AssignIn:
        if self.owner_id is None and self.queue_id is None:
            raise ValueError("give an owner_id, a queue_id or both")
        return self


class TimelineOut(Schema):
    id: int
    at: datetime
    kind: TimelineKind
    summary: str
    actor_id: int | None
    interaction_id: int | None
    data: dict[str, Any]


class AttachmentIn(Schema):
    filename: Text200 = Field(..., min_length=1)
    content_type: Text100 = Field("", description="Guessed from the file name when empty")
    content_base64: str = Field(..., max_length=_MAX_BASE64)


class AttachmentOut(Schema):
    id: int
    filename: str
    content_type: str
    size: int
    sha256: str


class InteractionIn(Schema):
    channel: Channel
    direction: Direction
    subject: Text300 = ""
    body: LongText = ""
    body_html: LongText = Field("", description="Sanitised before it is stored")
    occurred_at: Timestamp | None = None
    received_at: Timestamp | None = None
    recording_ref: Text500 = ""
    attachments: list[AttachmentIn] = Field([], max_length=10)


class InteractionOut(Schema):
    id: int
    program_id: int
    case_id: int
    person_id: int | None
    channel: Channel
    direction: Direction
    occurred_at: datetime
    received_at: datetime
    subject: str
    body: str
    body_html: str
    recording_ref: str
    author_id: int | None
    version: int
    corrects_id: int | None
    correction_reason: str
    created_at: datetime
    attachments: list[AttachmentOut]


class CorrectionIn(Schema):
    body: LongText = Field(..., min_length=1)
    reason: Text500 = Field(..., min_length=1)


class CaseRequestIn(Schema):
    kind: RequestKind
    summary: Text500 = Field(..., min_length=1)
    interaction_id: ObjectId | None = None


class ResolveIn(Schema):
    resolution: LongText = Field(..., min_length=1)


class CaseRequestOut(Schema):
    id: int
    case_id: int
    interaction_id: int | None
    kind: RequestKind
    summary: str
    resolved_at: datetime | None
    resolution: str
    resolved_by_id: int | None
    created_at: datetime


class ExportParams(Schema):
    program: ObjectId
