"""REST API of cases, their interactions, requests and timeline, and the case export."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Status

from caredesk.api_support.auth import acting_user
from caredesk.api_support.pagination import Page, PageParams, paginate
from caredesk.api_support.router import ApiRouter
from caredesk.api_support.types import ObjectId
from caredesk.cases.models import Case, CaseRequest, CaseStatus, Interaction
from caredesk.cases.schemas import (
    AssignIn,
    AttachmentIn,
    CaseCreateIn,
    CaseFilters,
    CaseOut,
    CaseRequestIn,
    CaseRequestOut,
    CaseStatusIn,
    CorrectionIn,
    ExportParams,
    InteractionIn,
    InteractionOut,
    ResolveIn,
    TimelineOut,
)
from caredesk.cases.services.access import access_case, access_interaction
from caredesk.cases.services.export import export_cases_csv
from caredesk.cases.services.interactions import (
    AttachmentInput,
    InteractionInput,
    correct_interaction,
    log_interaction,
)
from caredesk.cases.services.lifecycle import (
    CaseInput,
    assign_case,
    change_status,
    create_case,
    reopen_case,
)
from caredesk.cases.services.listing import list_cases, list_interactions, list_requests
from caredesk.cases.services.references import (
    resolve_assignee,
    resolve_interaction,
    resolve_lot,
    resolve_person,
    resolve_product,
    resolve_queue,
)
from caredesk.cases.services.requests import add_request, resolve_request
from caredesk.cases.services.timeline import case_timeline
from caredesk.errors import InvalidInput
from caredesk.tenancy.services import access_program

router = ApiRouter(tags=["cases"])


@router.get("/cases", response=Page[CaseOut])
def cases(request: HttpRequest, filters: Query[CaseFilters]) -> dict[str, Any]:
    found = list_cases(
        acting_user(request),
        program_id=filters.program,
        status=filters.status,
        queue_id=filters.queue,
        case_type=filters.case_type,
        person_id=filters.person,
    )
    return paginate(found, filters)


_CSV_RESPONSE = {
    "responses": {
        200: {"description": "CSV file", "content": {"text/csv": {"schema": {"type": "string"}}}}
    }
}


@router.get("/cases/export.csv", openapi_extra=_CSV_RESPONSE)
def export_cases(request: HttpRequest, params: Query[ExportParams]) -> HttpResponse:
    """Every case of one program as CSV; the export is recorded in the audit trail."""
    user = acting_user(request)
    program = access_program(user, params.program)
    response = HttpResponse(export_cases_csv(program, acting_user=user), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="cases-{program.code}.csv"'
    return response


@router.get("/cases/{case_id}", response=CaseOut)
def get_case(request: HttpRequest, case_id: ObjectId) -> Case:
    return access_case(acting_user(request), case_id)


@router.post("/cases", response={201: CaseOut})
def post_case(request: HttpRequest, payload: CaseCreateIn) -> Status[Case]:
    user = acting_user(request)
    program = access_program(user, payload.program_id)
    data = CaseInput(
        subject=payload.subject,
        case_type=payload.case_type,
        priority=payload.priority,
        person=resolve_person(user, payload.person_id),
        product=resolve_product(user, payload.product_id),
        lot=resolve_lot(user, payload.lot_id),
        queue=resolve_queue(user, payload.queue_id),
        topics=payload.topics,
        opened_at=payload.opened_at,
    )
    return Status(201, create_case(program, data, acting_user=user))


@router.patch("/cases/{case_id}", response=CaseOut)
def patch_case(request: HttpRequest, case_id: ObjectId, payload: CaseStatusIn) -> Case:
    """Change a case's status; a closed case moved to `open` is reopened."""
    user = acting_user(request)
    case = access_case(user, case_id)
    if case.status == CaseStatus.CLOSED and payload.status == CaseStatus.OPEN:
        return reopen_case(case, acting_user=user, reason=payload.reason)
    return change_status(case, payload.status, acting_user=user, reason=payload.reason)


@router.post("/cases/{case_id}/assign", response=CaseOut)
def assign(request: HttpRequest, case_id: ObjectId, payload: AssignIn) -> Case:
    user = acting_user(request)
    case = access_case(user, case_id)
    owner = resolve_assignee(case.program_id, payload.owner_id)
    queue = resolve_queue(user, payload.queue_id)
    return assign_case(case, acting_user=user, owner=owner, queue=queue)


@router.get("/cases/{case_id}/timeline", response=Page[TimelineOut])
def timeline(request: HttpRequest, case_id: ObjectId, page: Query[PageParams]) -> dict[str, Any]:
    case = access_case(acting_user(request), case_id)
    return paginate(case_timeline(case), page)


@router.get("/cases/{case_id}/interactions", response=Page[InteractionOut])
def interactions(
    request: HttpRequest, case_id: ObjectId, page: Query[PageParams]
) -> dict[str, Any]:
    case = access_case(acting_user(request), case_id)
    return paginate(list_interactions(case), page)


def _decoded(items: list[AttachmentIn]) -> list[AttachmentInput]:
    out: list[AttachmentInput] = []
    for index, item in enumerate(items):
        try:
            content = base64.b64decode(item.content_base64, validate=True)
        except (binascii.Error, ValueError):
            raise InvalidInput(
                "Invalid attachment", {f"attachments.{index}.content_base64": "not base64"}
            ) from None
        out.append(AttachmentInput(item.filename, content, item.content_type))
    return out


@router.post("/cases/{case_id}/interactions", response={201: InteractionOut})
def post_interaction(
    request: HttpRequest, case_id: ObjectId, payload: InteractionIn
) -> Status[Interaction]:
    """Log a contact on a case, with optional base64-encoded attachments."""
    user = acting_user(request)
    case = access_case(user, case_id, for_display=False)
    data = InteractionInput(
        **payload.dict(exclude={"attachments"}), attachments=_decoded(payload.attachments)
    )
    return Status(201, log_interaction(case, data, acting_user=user))


@router.get("/interactions/{interaction_id}", response=InteractionOut)
def get_interaction(request: HttpRequest, interaction_id: ObjectId) -> Interaction:
    return access_interaction(acting_user(request), interaction_id)


@router.post("/interactions/{interaction_id}/corrections", response={201: InteractionOut})
def post_correction(
    request: HttpRequest, interaction_id: ObjectId, payload: CorrectionIn
) -> Status[Interaction]:
    """A corrected version of an interaction; the original stays unchanged and visible."""
    user = acting_user(request)
    original = access_interaction(user, interaction_id)
    version = correct_interaction(
        original, body=payload.body, reason=payload.reason, acting_user=user
    )
    return Status(201, version)


@router.get("/cases/{case_id}/requests", response=Page[CaseRequestOut])
def requests(request: HttpRequest, case_id: ObjectId, page: Query[PageParams]) -> dict[str, Any]:
    case = access_case(acting_user(request), case_id)
    return paginate(list_requests(case), page)


@router.post("/cases/{case_id}/requests", response={201: CaseRequestOut})
def post_request(
    request: HttpRequest, case_id: ObjectId, payload: CaseRequestIn
) -> Status[CaseRequest]:
    user = acting_user(request)
    case = access_case(user, case_id)
    interaction = resolve_interaction(user, payload.interaction_id)
    item = add_request(
        case, kind=payload.kind, summary=payload.summary, acting_user=user, interaction=interaction
    )
    return Status(201, item)


@router.post("/cases/{case_id}/requests/{request_id}/resolve", response=CaseRequestOut)
def resolve(
    request: HttpRequest, case_id: ObjectId, request_id: ObjectId, payload: ResolveIn
) -> CaseRequest:
    user = acting_user(request)
    case = access_case(user, case_id)
    return resolve_request(case, request_id, resolution=payload.resolution, acting_user=user)
