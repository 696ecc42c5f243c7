"""Input and output shapes of the safety API (kept apart so api.py stays a list of routes)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ninja import Field, Schema

from caredesk.api_support.pagination import PageParams
from caredesk.api_support.types import ObjectId, Text40, Text100, Text200
from caredesk.safety.models import FindingKind, FindingSource, FindingStatus, SafetyCaseStatus

Note = Field("", max_length=2000)


class FindingOut(Schema):
    id: int
    program_id: int
    case_id: int
    interaction_id: int
    kind: FindingKind
    code: str
    source: FindingSource
    status: FindingStatus
    evidence: list[dict[str, Any]]
    products: list[Any]
    lots: list[Any]
    seriousness: list[Any]
    note: str
    dismissal_reason: str
    decided_by_id: int | None
    decided_at: datetime | None
    safety_case_id: int | None
    created_at: datetime


class ConfirmIn(Schema):
    note: str = Note


class DismissIn(Schema):
    reason: str = Field(..., min_length=1, max_length=2000)


class FindingIn(Schema):
    kind: FindingKind
    code: Text40 = Field(..., min_length=1)
    note: str = Field(..., min_length=1, max_length=2000)
    products: list[Text200] = Field(default_factory=list, max_length=20)
    lots: list[Text40] = Field(default_factory=list, max_length=20)
    seriousness: list[Text40] = Field(default_factory=list, max_length=6)


class ClearIn(Schema):
    note: str = Note


class ClearOut(Schema):
    interaction_id: int
    cleared_at: datetime | None
    cleared_by_id: int | None
    cleared_note: str


class SafetyCaseFilters(PageParams):
    program: ObjectId | None = Field(None, description="Only this program")


class ReportOut(Schema):
    kind: str
    due: date
    basis: str


class FollowUpOut(Schema):
    id: int
    n: int
    channel: str
    missing: list[Any]
    due_at: datetime
    sent_at: datetime | None
    outcome: str


class SafetyCaseOut(Schema):
    id: int
    program_id: int
    case_id: int
    case_reference: str
    status: SafetyCaseStatus
    criteria: dict[str, bool]
    missing_criteria: list[str]
    first_received_at: datetime
    day_zero: datetime | None
    forward_due: datetime
    forwarded_at: datetime | None
    acknowledged_at: datetime | None
    next_due: datetime | None
    next_due_kind: str
    due_state: str = Field(description="overdue, due_soon, on_track or none")
    product_id: int | None
    lot_id: int | None
    product_type: str
    jurisdiction: str
    event_terms: list[Any]
    special_situations: list[Any]
    seriousness: list[Any]
    serious: bool
    expected: bool | None
    reports: list[ReportOut]
    follow_ups: list[FollowUpOut]


class ReactionOut(Schema):
    id: int
    verbatim: str
    coded_code: str
    coded_term: str
    coded_version: str
    onset: date | None
    end: date | None
    outcome: str


class DrugOut(Schema):
    id: int
    role: str
    product_id: int | None
    name: str
    lot_id: int | None
    lot_number: str
    dose: str
    route: str
    indication: str
    start: date | None
    stop: date | None
    action_taken: str
    causality: str


class SafetyCaseDetailOut(SafetyCaseOut):
    patient_description: str
    narrative: str
    reporter_id: int | None
    reactions: list[ReactionOut]
    drugs: list[DrugOut]


class TermParams(PageParams):
    q: Text100 = Field(..., min_length=1)


class TermOut(Schema):
    id: int
    code: str
    term: str
    pt_code: str
    pt_term: str
    release: str
