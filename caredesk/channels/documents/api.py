"""REST API of fax, postal mail and video: a received scan into the inbox (202, like every
inbound path), letters and faxes from a case (201, the PDF on the case), video calls booked and
cancelled. Scoped: another program's case or program answers 404; auditors read, never write."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Query, Schema, Status

from caredesk.api_support.auth import acting_user
from caredesk.api_support.pagination import Page, PageParams, paginate
from caredesk.api_support.router import ApiRouter
from caredesk.api_support.types import (
    LongText,
    ObjectId,
    Text20,
    Text40,
    Text200,
    Text300,
    Text500,
    Timestamp,
)
from caredesk.cases.services.access import access_case
from caredesk.channels.documents.models import OutboundDocument, VideoCall
from caredesk.channels.documents.services.letters import MAX_BODY, mark_posted, send_letter
from caredesk.channels.documents.services.received import ReceivedDocument, receive_document
from caredesk.channels.documents.services.video import cancel_video_call, schedule_video_call
from caredesk.errors import InvalidInput, NotFound

router = ApiRouter(tags=["fax, mail and video"])


class DocumentIn(Schema):
    channel: Literal["fax", "mail"]
    filename: Text200 = "scan.pdf"
    content_base64: str = Field(
        ..., min_length=4, max_length=40_000_000, description="The scan: PDF, PNG, JPEG or TIFF"
    )
    from_phone: Text40 = Field("", description="The sending fax number")
    from_address: Text300 = ""
    from_name: Text200 = ""
    reference: Text20 = Field("", description="A case reference on the document")
    note: LongText = Field("", description="What the document is about, as read by a person")
    document_id: Text200 = Field("", description="The fax provider's id, if any")
    received_at: Timestamp | None = None


class DocumentAccepted(Schema):
    id: int
    status: str
    duplicate: bool


class LetterIn(Schema):
    channel: Literal["fax", "mail"]
    recipient: Text500 = Field(..., min_length=1)
    body: LongText = Field(..., min_length=1, description=f"At most {MAX_BODY} characters")


class LetterOut(Schema):
    id: int
    case_id: int
    interaction_id: int
    channel: str
    recipient: str
    status: str
    provider_id: str
    last_error: str
    created_at: datetime
    posted_at: datetime | None


class VideoCallIn(Schema):
    starts_at: Timestamp
    duration_minutes: int = Field(30, ge=5, le=240)
    via: Literal["email", "sms"] = "email"


class VideoCallOut(Schema):
    id: int
    case_id: int
    interaction_id: int
    starts_at: Timestamp
    duration_minutes: int
    join_url: str
    invited_by: str
    status: str
    cancel_reason: str


class CancelIn(Schema):
    reason: LongText = Field(..., min_length=1, max_length=2000)


def _content(value: str) -> bytes:
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise InvalidInput("Invalid document", {"content_base64": "not base64"}) from None


@router.post("/programs/{program_id}/documents", response={202: DocumentAccepted})
def post_document(
    request: HttpRequest, program_id: ObjectId, payload: DocumentIn
) -> Status[dict[str, Any]]:
    """Store a received fax or letter (its scan) in the inbox; the same scan again answers the
    first row."""
    fields = payload.dict(exclude={"content_base64"})
    doc = ReceivedDocument(content=_content(payload.content_base64), **fields)
    row, created = receive_document(program_id, doc, acting_user=acting_user(request))
    return Status(202, {"id": row.pk, "status": row.status, "duplicate": not created})


@router.post("/cases/{case_id}/letters", response={201: LetterOut})
def post_letter(
    request: HttpRequest, case_id: ObjectId, payload: LetterIn
) -> Status[OutboundDocument]:
    """Write a letter or fax on the case: a PDF on an outbound interaction; a fax is sent now."""
    user = acting_user(request)
    case = access_case(user, case_id, for_display=False)
    document = send_letter(
        case,
        channel=payload.channel,
        recipient=payload.recipient,
        body=payload.body,
        acting_user=user,
    )
    return Status(201, document)


@router.get("/cases/{case_id}/letters", response=Page[LetterOut])
def case_letters(
    request: HttpRequest, case_id: ObjectId, page: Query[PageParams]
) -> dict[str, Any]:
    """The case's letters and faxes, newest first."""
    user = acting_user(request)
    case = access_case(user, case_id, for_display=False)
    letters = OutboundDocument.objects.visible_to(user).filter(case=case).order_by("-pk")
    return paginate(letters, page)


@router.post("/cases/{case_id}/letters/{letter_id}/posted", response=LetterOut)
def post_letter_posted(
    request: HttpRequest, case_id: ObjectId, letter_id: ObjectId
) -> OutboundDocument:
    """A person posted the printed letter."""
    user = acting_user(request)
    case = access_case(user, case_id, for_display=False)
    letter = OutboundDocument.objects.visible_to(user).filter(case=case, pk=letter_id).first()
    if letter is None:
        raise NotFound("Letter not found")
    return mark_posted(letter, acting_user=user)


@router.post("/cases/{case_id}/video-calls", response={201: VideoCallOut})
def post_video_call(
    request: HttpRequest, case_id: ObjectId, payload: VideoCallIn
) -> Status[VideoCall]:
    """Book a video call with the case's person and send the link by email or SMS."""
    user = acting_user(request)
    case = access_case(user, case_id, for_display=False)
    call = schedule_video_call(
        case,
        starts_at=payload.starts_at,
        duration_minutes=payload.duration_minutes,
        via=payload.via,
        acting_user=user,
    )
    return Status(201, call)


@router.get("/cases/{case_id}/video-calls", response=Page[VideoCallOut])
def case_video_calls(
    request: HttpRequest, case_id: ObjectId, page: Query[PageParams]
) -> dict[str, Any]:
    """The case's video calls by start time (the earliest first)."""
    user = acting_user(request)
    case = access_case(user, case_id, for_display=False)
    calls = VideoCall.objects.visible_to(user).filter(case=case).order_by("starts_at", "pk")
    return paginate(calls, page)


@router.post("/cases/{case_id}/video-calls/{call_id}/cancel", response=VideoCallOut)
def post_video_call_cancel(
    request: HttpRequest, case_id: ObjectId, call_id: ObjectId, payload: CancelIn
) -> VideoCall:
    """Cancel a booked call; the person is told by the channel the link went by."""
    user = acting_user(request)
    case = access_case(user, case_id, for_display=False)
    call = VideoCall.objects.visible_to(user).filter(case=case, pk=call_id).first()
    if call is None:
        raise NotFound("Video call not found")
    return cancel_video_call(call, reason=payload.reason, acting_user=user)
