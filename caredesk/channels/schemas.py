"""Input and output shapes of the inbound-message API."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import AfterValidator, BaseModel

from caredesk.api_support.pagination import PageParams
from caredesk.api_support.types import LongText, Text20, Text200, Text300, Timestamp
from caredesk.cases.schemas import AttachmentIn
from caredesk.channels.models import InboxStatus
from caredesk.people.models import Channel

MAX_RAW_CHARS = 200_000


def _storable_json(value: dict[str, Any]) -> dict[str, Any]:
    """JSON both databases store: no NUL, no lone surrogate, not huge (else a 500, not a 422)."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (ValueError, RecursionError):
        raise ValueError("must be plain JSON") from None
    if len(text) > MAX_RAW_CHARS:
        raise ValueError(f"at most {MAX_RAW_CHARS} characters as JSON")
    if "\x00" in text or "\\u0000" in text:
        raise ValueError("must not contain NUL characters")
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        raise ValueError("must be valid Unicode text")
    return value


RawPayload = Annotated[dict[str, Any], AfterValidator(_storable_json)]


class InboundIn(BaseModel):
    """One message as a channel integration received it.

    A plain pydantic model: ninja's Schema reads its input through a Django-aware wrapper,
    which costs on every inbound message and buys nothing for a JSON body."""

    channel: Channel
    provider: Text200 = Field(
        "api", description="Who delivered it (api, twilio, smtp…); with the id, the dedupe key"
    )
    provider_message_id: Text200 = Field(
        ..., min_length=1, description="The provider's id: a redelivery creates nothing new"
    )
    received_at: Timestamp | None = Field(None, description="When it arrived; now when absent")
    from_phone: Text20 = Field("", description="Any format; stored E.164")
    from_address: Text300 = Field("", description="Sender's email")
    from_name: Text200 = ""
    session_id: Text200 = Field("", description="Chat or call session: continues its case")
    to_address: Text300 = ""
    subject: Text300 = ""
    body: LongText = ""
    body_html: LongText = Field("", description="Sanitised when the interaction is stored")
    reference: Text20 = Field("", description="A case reference (CD-…) the sender gave")
    attachments: list[AttachmentIn] = Field([], max_length=10)
    raw: RawPayload = Field({}, description="The provider's payload, kept as sent")


class InboundOut(Schema):
    id: int
    program_id: int
    channel: Channel
    provider: str
    provider_message_id: str
    received_at: datetime
    status: InboxStatus
    attempts: int
    next_attempt_at: datetime
    last_error: str
    person_id: int | None
    case_id: int | None
    interaction_id: int | None
    processed_at: datetime | None


class InboundAccepted(Schema):
    id: int
    status: InboxStatus
    duplicate: bool = Field(..., description="True when this provider message id was stored before")
    status_url: str


class InboundFilters(PageParams):
    status: InboxStatus | None = None
