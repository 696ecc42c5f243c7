"""REST API of the SMS/WhatsApp channel on a case: send a reply, list the case's messages with
their delivery state. Scoped: another program's case answers 404; an auditor may read, not send
(403); a reply the consent ledger forbids answers 409 and writes nothing."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Schema, Status

from caredesk.api_support.auth import acting_user
from caredesk.api_support.pagination import Page, PageParams, paginate
from caredesk.api_support.router import ApiRouter
from caredesk.api_support.types import LongText, ObjectId
from caredesk.cases.services.access import access_case
from caredesk.channels.sms.models import SmsChannel, SmsMessage
from caredesk.channels.sms.services.replies import case_messages, send_case_sms
from caredesk.channels.sms.services.sending import MAX_BODY

router = ApiRouter(tags=["sms"])


class MediaOut(Schema):
    index: int
    status: str = Field(description="pending, fetching, stored, rejected or failed")
    reason: str
    content_type: str
    size: int
    interaction_id: int | None = Field(description="The interaction carrying the attachment")


class SmsOut(Schema):
    id: int
    program_id: int
    case_id: int | None
    interaction_id: int | None
    inbound_id: int | None
    channel: str
    kind: str
    from_number: str
    to_number: str
    body: str
    template_id: int | None
    status: str
    provider_status: str
    error_code: str
    last_error: str
    attempts: int
    created_at: datetime
    sent_at: datetime | None
    delivered_at: datetime | None
    media: list[MediaOut] = Field(description="Inbound MMS/WhatsApp media and what became of it")

    @staticmethod
    def resolve_media(obj: SmsMessage) -> list[Any]:
        return sorted(obj.media.all(), key=lambda item: item.index)


class SmsIn(Schema):
    body: LongText = Field("", description=f"At most {MAX_BODY} characters (not with a template)")
    channel: SmsChannel | None = Field(
        None, description="sms or whatsapp; default: the channel the person last wrote on"
    )
    template: str = Field(
        "",
        max_length=64,
        description="An approved WhatsApp template's name: the only thing WhatsApp accepts "
        "once the person has not written for 24 hours",
    )
    variables: list[str] = Field(
        default_factory=list, max_length=10, description="The template's {{1}}, {{2}}… values"
    )


@router.post("/cases/{case_id}/sms", response={201: SmsOut})
def post_case_sms(request: HttpRequest, case_id: ObjectId, payload: SmsIn) -> Status[SmsMessage]:
    """Reply on the case by SMS/WhatsApp (logged as an outbound interaction, sent after
    commit); 409 when consent forbids it, the program has no route for the channel, or free
    WhatsApp text falls outside the 24-hour window (send an approved `template` instead)."""
    user = acting_user(request)
    case = access_case(user, case_id, for_display=False)
    sms = send_case_sms(
        case,
        payload.body,
        acting_user=user,
        channel=payload.channel,
        template=payload.template,
        variables=payload.variables,
    )
    return Status(201, sms)


@router.get("/cases/{case_id}/sms", response=Page[SmsOut])
def case_sms(request: HttpRequest, case_id: ObjectId, page: Query[PageParams]) -> dict[str, Any]:
    """The case's SMS/WhatsApp messages, both directions, oldest first, with their delivery
    state."""
    case = access_case(acting_user(request), case_id, for_display=False)
    return paginate(case_messages(case), page)
