"""REST API of the inbox: a channel integration hands over a message, then asks what became of it.

`POST /programs/{program_id}/inbound` stores the message durably and answers 202 at once; a
worker matches, screens and files it. The caller's user must hold a writing role in the program.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Query

from caredesk.api_support.auth import SessionWithCsrf, acting_user
from caredesk.api_support.pagination import Page, paginate
from caredesk.api_support.router import ApiRouter, single_statement
from caredesk.api_support.types import ObjectId
from caredesk.cases.schemas import AttachmentIn
from caredesk.cases.services.interactions import AttachmentInput
from caredesk.channels.caller import InboundBearer
from caredesk.channels.message import InboundMessageData
from caredesk.channels.models import InboundMessage
from caredesk.channels.schemas import InboundAccepted, InboundFilters, InboundIn, InboundOut
from caredesk.channels.services.inbox import accept_inbound, access_inbound
from caredesk.channels.services.processing import retry_inbound
from caredesk.errors import InvalidInput
from caredesk.tenancy.services import access_program

router = ApiRouter(tags=["inbound"])


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


def _status_url(request: HttpRequest, inbound_id: int) -> str:
    return request.build_absolute_uri(f"/api/v1/inbound/{inbound_id}")


@router.post(
    "/programs/{program_id}/inbound",
    response={202: InboundAccepted},
    auth=[InboundBearer(), SessionWithCsrf()],
)
@single_statement  # accept_inbound validates first, then writes one INSERT … ON CONFLICT
def post_inbound(request: HttpRequest, program_id: ObjectId, payload: InboundIn) -> HttpResponse:
    """Store one inbound message (202); a redelivered provider message id answers the same row."""
    user = acting_user(request)
    data = InboundMessageData(
        **payload.model_dump(exclude={"attachments"}), attachments=_decoded(payload.attachments)
    )
    accepted = accept_inbound(program_id, data, acting_user=user)
    # Written out rather than through the response schema: every channel's every message is
    # answered here. It is InboundAccepted (the documented 202), as its test checks.
    body = {
        "id": accepted.id,
        "status": str(accepted.status),
        "duplicate": not accepted.created,
        "status_url": _status_url(request, accepted.id),
    }
    return HttpResponse(json.dumps(body), status=202, content_type="application/json")


@router.get("/programs/{program_id}/inbound", response=Page[InboundOut])
def list_inbound(
    request: HttpRequest, program_id: ObjectId, filters: Query[InboundFilters]
) -> dict[str, Any]:
    """The program's inbox, newest first; `status=failed` lists what needs a person."""
    program = access_program(acting_user(request), program_id)
    rows: QuerySet[InboundMessage] = InboundMessage.objects.visible_to(acting_user(request)).filter(
        program=program
    )
    if filters.status:
        rows = rows.filter(status=filters.status)
    return paginate(rows.order_by("-received_at", "-pk"), filters)


@router.get("/inbound/{inbound_id}", response=InboundOut)
def get_inbound(request: HttpRequest, inbound_id: ObjectId) -> InboundMessage:
    """What became of a stored message: its status, and its person, case and interaction."""
    return access_inbound(acting_user(request), inbound_id)


@router.post("/inbound/{inbound_id}/retry", response=InboundOut)
def post_retry(request: HttpRequest, inbound_id: ObjectId) -> InboundMessage:
    """Send a failed message back to the queue."""
    user = acting_user(request)
    return retry_inbound(access_inbound(user, inbound_id), acting_user=user)
