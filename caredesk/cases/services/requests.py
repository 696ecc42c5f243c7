"""The several requests one contact can carry, each resolved on its own."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_created, record_event
from caredesk.cases.models import Case, CaseRequest, Interaction, RequestKind, TimelineKind
from caredesk.cases.services.timeline import add_timeline_entry
from caredesk.errors import Conflict, InvalidInput, NotFound
from caredesk.tenancy.services import check_can_write


def add_request(
    case: Case,
    *,
    kind: str,
    summary: str,
    acting_user: Any,
    interaction: Interaction | None = None,
) -> CaseRequest:
    check_can_write(acting_user, case.program_id)
    errors: dict[str, str] = {}
    if kind not in RequestKind.values:
        errors["kind"] = f"{kind!r} is not one of {', '.join(RequestKind.values)}"
    if not summary.strip():
        errors["summary"] = "say what was asked"
    if interaction is not None and interaction.case_id != case.pk:
        errors["interaction"] = "interaction belongs to another case"
    if errors:
        raise InvalidInput("Invalid request", errors)
    with transaction.atomic():
        request = CaseRequest.objects.create(
            program_id=case.program_id,
            case=case,
            interaction=interaction,
            kind=kind,
            summary=summary.strip()[:500],
        )
        record_created(request, acting_user=acting_user, fields=["case", "kind", "summary"])
        add_timeline_entry(
            case, TimelineKind.REQUEST, f"Request: {request.summary}", actor=acting_user
        )
    return request


def resolve_request(
    case: Case, request_id: int, *, resolution: str, acting_user: Any
) -> CaseRequest:
    check_can_write(acting_user, case.program_id)
    request = case.requests.filter(pk=request_id).first()
    if request is None:
        raise NotFound("Request not found")
    if request.resolved_at is not None:
        raise Conflict("The request is already resolved")
    if not resolution.strip():
        raise InvalidInput("Invalid resolution", {"resolution": "say how it was resolved"})
    with transaction.atomic():
        request.resolved_at = timezone.now()
        request.resolution = resolution.strip()
        request.resolved_by = acting_user
        request.save()
        record_event(
            AuditAction.UPDATE,
            acting_user=acting_user,
            instance=request,
            changes={"resolution": [None, request.resolution]},
        )
        add_timeline_entry(
            case,
            TimelineKind.REQUEST,
            f"Resolved: {request.summary} — {request.resolution}",
            actor=acting_user,
        )
    return request
