"""Input and output shapes of the submissions API (`api_submissions.py`)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from ninja import Field, Schema
from pydantic import AfterValidator

from caredesk.api_support.pagination import PageParams
from caredesk.api_support.types import ObjectId
from caredesk.audit.models import SignatureMeaning
from caredesk.safety.models_submission import SubmissionKind, SubmissionStatus
from caredesk.safety.services.submission_acks import MAX_ACK_BYTES


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


class SignatureOut(Schema):
    printed_name: str
    meaning: SignatureMeaning
    signed_at: datetime
    content_sha256: str
    manifestation: str


class SubmissionOut(Schema):
    id: int
    program_id: int
    safety_case_id: int
    kind: SubmissionKind
    status: SubmissionStatus
    message_number: str
    batch_number: str
    safety_report_id: str
    receiver: str
    content_type: str
    content_sha256: str
    created_at: datetime
    created_by_id: int | None
    signature: SignatureOut | None
    sent_at: datetime | None
    sent_by_id: int | None
    ack_received_at: datetime | None
    ack_code: str
    ack_batch_code: str
    ack_local_report_number: str
    ack_errors: list[str]
    resubmission_of_id: int | None


class ProblemOut(Schema):
    rule: str
    element: str
    message: str
    severity: str
    icsr: int | None


class CheckOut(Schema):
    rejections: int = Field(description="Problems that make FDA reject the report")
    problems: list[ProblemOut]


class PrepareIn(Schema):
    kind: SubmissionKind = SubmissionKind.E2B


class SignIn(Schema):
    password: Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_no_nul)]
    meaning: SignatureMeaning = SignatureMeaning.APPROVED_FOR_SUBMISSION


class AckIn(Schema):
    xml: Annotated[
        str,
        Field(min_length=1, max_length=MAX_ACK_BYTES, description="The ACK file's XML text"),
        AfterValidator(_no_nul),
    ]


class SubmissionFilters(PageParams):
    program: ObjectId | None = None
    status: str = Field(
        "",
        max_length=20,
        description="awaiting_ack, rejected, to_sign, to_send, acknowledged, or a status",
    )
