"""REST API of signal review: the candidate signals of the caller's programs (where their role
may see them), one signal with its cases and counts, its review (start, close with a Part 11
signature) and follow-ups, and an agent's flag on a case. Another program's ids answer 404;
a role that may not review answers 403."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Status

from caredesk.api_support.auth import acting_user
from caredesk.api_support.pagination import Page, paginate
from caredesk.api_support.router import ApiRouter
from caredesk.api_support.types import ObjectId
from caredesk.cases.services.access import access_case
from caredesk.errors import InvalidInput
from caredesk.insights import schemas as s
from caredesk.insights.models import ActionKind, CandidateSignal
from caredesk.insights.services.access import access_signal, signals_for
from caredesk.insights.services.actions import (
    start_complaint_investigation,
    start_recall_assessment,
)
from caredesk.insights.services.candidates import flag_case
from caredesk.insights.services.series import signal_counts
from caredesk.insights.services.workflow import close_signal, start_review
from caredesk.tenancy.models import Product

router = ApiRouter(tags=["signals"])


@router.get("/signals", response=Page[s.SignalOut])
def signals(request: HttpRequest, filters: Query[s.SignalFilters]) -> dict[str, Any]:
    """Candidate signals the caller may see, newest alert first."""
    found = signals_for(acting_user(request)).order_by("-first_alert_date", "-pk")
    if filters.program is not None:
        found = found.filter(program_id=filters.program)
    if filters.status is not None:
        found = found.filter(status=filters.status)
    if filters.source is not None:
        found = found.filter(source=filters.source)
    return paginate(found, filters)


@router.get("/signals/{signal_id}", response=s.SignalDetailOut)
def signal(request: HttpRequest, signal_id: ObjectId) -> dict[str, Any]:
    """One signal, the cases behind it and its counts by period and lot."""
    found = access_signal(acting_user(request), signal_id)
    counts = signal_counts(found)
    out = s.SignalOut.from_orm(found).dict()
    out["cases"] = list(found.links.select_related("case").order_by("linked_at", "pk"))
    out["counts"] = counts.__dict__
    return out


@router.post("/signals/{signal_id}/review", response=s.SignalOut)
def review(request: HttpRequest, signal_id: ObjectId) -> CandidateSignal:
    """new -> under review (safety or quality specialist)."""
    user = acting_user(request)
    return start_review(access_signal(user, signal_id), acting_user=user)


@router.post("/signals/{signal_id}/close", response=s.SignalOut)
def close(request: HttpRequest, signal_id: ObjectId, payload: s.CloseIn) -> CandidateSignal:
    """Validate or refute, with a reason and an e-signature (the password is re-entered)."""
    user = acting_user(request)
    return close_signal(
        access_signal(user, signal_id),
        acting_user=user,
        outcome=payload.outcome,
        reason=payload.reason,
        password=payload.password,
    )


@router.post("/signals/{signal_id}/actions", response={201: s.ActionOut})
def action(request: HttpRequest, signal_id: ObjectId, payload: s.ActionIn) -> Status:
    """Start a complaint investigation or a recall assessment from a validated signal."""
    user = acting_user(request)
    found = access_signal(user, signal_id)
    if payload.kind == ActionKind.COMPLAINT_INVESTIGATION:
        return Status(
            201, start_complaint_investigation(found, acting_user=user, note=payload.note)
        )
    return Status(201, start_recall_assessment(found, acting_user=user, note=payload.note))


@router.post("/cases/{case_id}/signal-flags", response={201: s.SignalOut})
def flag(request: HttpRequest, case_id: ObjectId, payload: s.FlagIn) -> Status:
    """An agent's "I keep hearing this": the case joins or opens a candidate signal."""
    user = acting_user(request)
    case = access_case(user, case_id, for_display=False)
    product = None
    if payload.product_id is not None:
        product = (
            Product.objects.visible_to(user)
            .filter(program_id=case.program_id, pk=payload.product_id)
            .first()
        )
        if product is None:
            raise InvalidInput("Unknown product", {"product_id": "no such product in this program"})
    signal = flag_case(
        case, acting_user=user, note=payload.note, event=payload.event, product=product
    )
    return Status(201, signal)
