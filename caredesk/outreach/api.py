"""REST API of the consent ledger: a person's grants and revocations, and an agent recording
one (an opt-out said on a call, a signed form). Scoped: another program's person answers 404;
an auditor may read but not record (403)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Schema, Status

from caredesk.api_support.auth import acting_user
from caredesk.api_support.pagination import Page, PageParams, paginate
from caredesk.api_support.router import ApiRouter
from caredesk.api_support.types import LongText, ObjectId, Text300
from caredesk.outreach.models import ConsentPurpose, ConsentRecord, ConsentSource
from caredesk.outreach.services import consents_of, record_consent
from caredesk.people.models import Channel
from caredesk.people.services.lookup import access_person, view_person

router = ApiRouter(tags=["consent"])


class ConsentOut(Schema):
    id: int
    program_id: int
    person_id: int | None
    channel: str
    address: str
    purpose: str
    granted: bool
    source: str
    evidence: str
    evidence_ref: str
    recorded_at: datetime
    recorded_by_id: int | None


class ConsentIn(Schema):
    channel: Channel
    address: Text300 = Field(..., min_length=1, description="Phone (any format) or email")
    purpose: ConsentPurpose
    granted: bool
    source: ConsentSource = ConsentSource.AGENT
    evidence: LongText = Field("", description="What was said or signed (5000 chars kept)")
    evidence_ref: Text300 = Field("", description="Recording, document or message id")


@router.get("/persons/{person_id}/consents", response=Page[ConsentOut])
def person_consents(
    request: HttpRequest, person_id: ObjectId, page: Query[PageParams]
) -> dict[str, Any]:
    """The person's consent ledger, newest first (reading it is audited as a view)."""
    person = view_person(acting_user(request), person_id)
    return paginate(consents_of(person), page)


@router.post("/persons/{person_id}/consents", response={201: ConsentOut})
def post_consent(
    request: HttpRequest, person_id: ObjectId, payload: ConsentIn
) -> Status[ConsentRecord]:
    """Record a grant or revocation given to an agent (append-only; audited)."""
    user = acting_user(request)
    person = access_person(user, person_id)
    record = record_consent(
        person.program,
        person=person,
        acting_user=user,
        **payload.dict(),
    )
    return Status(201, record)
