"""Typed request and response bodies of the signals API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ninja import Field, Schema

from caredesk.api_support.pagination import PageParams
from caredesk.api_support.types import ObjectId, Text100, Text200, Text500
from caredesk.insights.models import ActionKind, SignalSource, SignalStatus


class SignalFilters(PageParams):
    program: ObjectId | None = None
    status: SignalStatus | None = None
    source: SignalSource | None = None


class SignalOut(Schema):
    id: int
    program_id: int
    source: str
    status: str
    product_id: int | None
    product_name: str
    lot_id: int | None
    lot_number: str
    event: str
    first_alert_date: date
    method: str
    scores: dict[str, Any]
    reason: str
    opened_at: datetime
    closed_at: datetime | None
    closed_by_id: int | None
    signature_id: int | None


class LinkOut(Schema):
    case_id: int
    reference: str = Field(..., alias="case.reference")
    source: str
    note: str
    linked_at: datetime


class CountsOut(Schema):
    labels: list[str]
    series: dict[str, list[int]]
    alert_label: str
    weekly: bool


class SignalDetailOut(SignalOut):
    cases: list[LinkOut]
    counts: CountsOut


class CloseIn(Schema):
    outcome: SignalStatus = Field(..., description="validated or refuted")
    reason: Text500 = Field(..., min_length=1)
    password: Text200 = Field(..., description="The signer's password (Part 11 re-entry)")


class ActionIn(Schema):
    kind: ActionKind
    note: Text500 = ""


class ActionOut(Schema):
    id: int
    signal_id: int
    kind: str
    note: str
    details: dict[str, Any]
    created_at: datetime


class FlagIn(Schema):
    note: Text500 = Field(..., min_length=1)
    event: Text100 = Field(..., min_length=1)
    product_id: ObjectId | None = None
