"""REST API of the email channel on a case: send a reply, list the case's emails with their
sending state. Scoped: another program's case answers 404; an auditor may read, not send (403);
a reply the consent ledger forbids, or a program without an email address, answers 409."""

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
from caredesk.channels.email.models import EmailMessage
from caredesk.channels.email.services.replies import MAX_BODY, case_emails, send_case_email

router = ApiRouter(tags=["email"])


class EmailOut(Schema):
    id: int
    program_id: int
    case_id: int | None
    interaction_id: int | None
    direction: str
    message_id: str
    in_reply_to: str
    references: str
    from_address: str
    to_address: str
    subject: str
    send_status: str
    attempts: int
    last_error: str
    sent_at: datetime | None
    created_at: datetime


class EmailIn(Schema):
    body: LongText = Field(..., min_length=1, description=f"At most {MAX_BODY} characters")
    template: str = Field(
        "default", max_length=50, description="The program's reply template by name"
    )


@router.post("/cases/{case_id}/email", response={201: EmailOut})
def post_case_email(
    request: HttpRequest, case_id: ObjectId, payload: EmailIn
) -> Status[EmailMessage]:
    """Reply on the case by email (logged as an outbound interaction, threaded on the case's
    latest email, sent after commit); 409 when consent forbids it or no address to send from."""
    user = acting_user(request)
    case = access_case(user, case_id, for_display=False)
    email = send_case_email(case, payload.body, acting_user=user, template=payload.template)
    return Status(201, email)


@router.get("/cases/{case_id}/email", response=Page[EmailOut])
def case_email(request: HttpRequest, case_id: ObjectId, page: Query[PageParams]) -> dict[str, Any]:
    """The case's emails, both directions, with their sending state, newest first."""
    case = access_case(acting_user(request), case_id, for_display=False)
    return paginate(case_emails(case), page)
