"""REST API of regulatory submissions: check and prepare a safety case's report, download it in
each format, sign it (Part 11: the caller re-enters their password), send it through the
gateway or mark it sent, post the receiver's ACK, resubmit after a rejection, and list the
caller's programs' submissions. Writes are for safety specialists of the program; an auditor
reads; another program's ids answer 404.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from ninja import Query, Status

from caredesk.accounts.services.login import count_account_failure
from caredesk.api_support.auth import acting_user
from caredesk.api_support.errors import error_body
from caredesk.api_support.pagination import Page, PageParams, map_items, paginate
from caredesk.api_support.router import ApiRouter
from caredesk.api_support.types import ObjectId
from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.audit.signatures import SignatureRefused, manifestation
from caredesk.safety.gateway import get_gateway
from caredesk.safety.models_submission import Submission
from caredesk.safety.schemas_submissions import (
    AckIn,
    CheckOut,
    PrepareIn,
    SignIn,
    SubmissionFilters,
    SubmissionOut,
)
from caredesk.safety.services import submission_desk as desk
from caredesk.safety.services.safety_cases import access_safety_case
from caredesk.safety.services.submissions import access_submission, mark_sent

router = ApiRouter(tags=["submissions"])

# The file as served: XML and PDF as text/bytes, the FHIR bundle as a JSON object.
_FILE_SCHEMAS = {
    "application/xml": {"type": "string"},
    "application/pdf": {"type": "string", "format": "binary"},
    "application/fhir+json": {"type": "object"},
}
_FILE: dict[str, Any] = {
    "responses": {
        200: {
            "description": "The report file",
            "content": {t: {"schema": schema} for t, schema in _FILE_SCHEMAS.items()},
        }
    }
}


def _out(submission: Submission) -> dict[str, Any]:
    out = {f: getattr(submission, f) for f in SubmissionOut.model_fields if f != "signature"}
    signature = submission.signature
    out["signature"] = (
        None
        if signature is None
        else {
            "printed_name": signature.printed_name,
            "meaning": signature.meaning,
            "signed_at": signature.signed_at,
            "content_sha256": signature.content_sha256,
            "manifestation": manifestation(signature),
        }
    )
    return out


def _file(download: desk.Download) -> HttpResponse:
    response = HttpResponse(download.content, content_type=download.content_type)
    response["Content-Disposition"] = f'attachment; filename="{download.filename}"'
    return response


@router.get("/safety-cases/{safety_case_id}/submissions", response=Page[SubmissionOut])
def case_submissions(
    request: HttpRequest, safety_case_id: ObjectId, page: Query[PageParams]
) -> dict[str, Any]:
    """A safety case's submissions, newest first."""
    sc = access_safety_case(acting_user(request), safety_case_id)
    subs = sc.submissions.select_related("signature").order_by("-created_at", "-pk")
    return map_items(paginate(subs, page), _out)


@router.get("/safety-cases/{safety_case_id}/e2b-check", response=CheckOut)
def check(request: HttpRequest, safety_case_id: ObjectId) -> dict[str, Any]:
    """Every problem of the E2B(R3) report the case gives now (rejections first)."""
    problems = desk.check_e2b(access_safety_case(acting_user(request), safety_case_id))
    return {
        "rejections": sum(1 for p in problems if p.severity == "rejection"),
        "problems": [vars(p) | {"severity": str(p.severity)} for p in problems],
    }


@router.post("/safety-cases/{safety_case_id}/submissions", response={201: SubmissionOut})
def prepare(request: HttpRequest, safety_case_id: ObjectId, payload: PrepareIn) -> Status:
    """A draft with the report frozen. An E2B report FDA would reject answers 422 with each
    problem under `errors` (element: message) and creates nothing."""
    user = acting_user(request)
    sc = access_safety_case(user, safety_case_id)
    return Status(201, _out(desk.prepare_submission(sc, kind=payload.kind, acting_user=user)))


def _export(request: HttpRequest, safety_case_id: int, fmt: str) -> HttpResponse:
    user = acting_user(request)
    sc = access_safety_case(user, safety_case_id)
    return _file(desk.export_case(sc, fmt, acting_user=user))


@router.get("/safety-cases/{safety_case_id}/export/e2b", openapi_extra=_FILE)
def export_e2b(request: HttpRequest, safety_case_id: ObjectId) -> HttpResponse:
    """The case's E2B(R3) XML now (a copy for review, not a submission); audited."""
    return _export(request, safety_case_id, "e2b")


@router.get("/safety-cases/{safety_case_id}/export/medwatch", openapi_extra=_FILE)
def export_medwatch(request: HttpRequest, safety_case_id: ObjectId) -> HttpResponse:
    """The case as a MedWatch 3500A-style PDF; audited."""
    return _export(request, safety_case_id, "medwatch")


@router.get("/safety-cases/{safety_case_id}/export/fhir", openapi_extra=_FILE)
def export_fhir(request: HttpRequest, safety_case_id: ObjectId) -> HttpResponse:
    """The case as a FHIR R4 AdverseEvent bundle; audited."""
    return _export(request, safety_case_id, "fhir")


@router.get("/submissions", response=Page[SubmissionOut])
def submissions(request: HttpRequest, filters: Query[SubmissionFilters]) -> dict[str, Any]:
    """The caller's programs' submissions, newest first; `status=awaiting_ack` or `rejected`
    gives a specialist's work lists."""
    qs = desk.submissions_of(
        acting_user(request), program_id=filters.program, status=filters.status
    ).select_related("signature")
    return map_items(paginate(qs, filters), _out)


@router.get("/submissions/{submission_id}", response=SubmissionOut)
def submission(request: HttpRequest, submission_id: ObjectId) -> dict[str, Any]:
    return _out(access_submission(acting_user(request), submission_id))


@router.get("/submissions/{submission_id}/content", openapi_extra=_FILE)
def content(request: HttpRequest, submission_id: ObjectId) -> HttpResponse:
    """The exact bytes of the submission: what was signed is what is sent."""
    return _file(desk.submission_download(access_submission(acting_user(request), submission_id)))


class _RefusalResponse(JsonResponse):
    """A 403 that records the refused signature once the request's transaction has rolled
    back (every API write is rolled back on an error answer; 11.300(d) wants the attempt kept).
    """

    def __init__(self, exc: SignatureRefused, user: Any, submission: Submission, meaning: str):
        super().__init__(error_body(exc.message, exc.fields), status=403)
        self._refusal = (user, submission, meaning, exc.fields.get("password", exc.message))

    def close(self) -> None:
        try:
            super().close()
        finally:
            user, submission, meaning, reason = self._refusal
            record_event(
                AuditAction.SIGN_FAILED,
                acting_user=user,
                instance=submission,
                changes={"meaning": meaning},
                reason=reason,
            )
            count_account_failure(user.pk, timezone.now())


@router.post("/submissions/{submission_id}/sign", response=SubmissionOut)
def sign(request: HttpRequest, submission_id: ObjectId, payload: SignIn) -> Any:
    """Part 11 signature over the frozen content: the caller's password is checked again; the
    signature records the printed name, UTC time and meaning. A wrong password answers 403 and
    is audited (and counts toward the account lockout)."""
    user = acting_user(request)
    sub = access_submission(user, submission_id)
    try:
        signed = desk.sign_checked(
            sub, acting_user=user, password=payload.password, meaning=payload.meaning
        )
    except SignatureRefused as exc:
        return _RefusalResponse(exc, user, sub, str(payload.meaning))
    return _out(signed)


@router.post("/submissions/{submission_id}/send", response=SubmissionOut)
def send(request: HttpRequest, submission_id: ObjectId) -> dict[str, Any]:
    """Hand a signed E2B report to the configured gateway and record it as sent."""
    user = acting_user(request)
    sub = access_submission(user, submission_id)
    return _out(desk.send_through_gateway(sub, acting_user=user, gateway=get_gateway()))


@router.post("/submissions/{submission_id}/mark-sent", response=SubmissionOut)
def sent(request: HttpRequest, submission_id: ObjectId) -> dict[str, Any]:
    """Record that a signed report was sent outside CareDesk (a portal upload, a form)."""
    user = acting_user(request)
    return _out(mark_sent(access_submission(user, submission_id), acting_user=user))


@router.post("/submissions/{submission_id}/ack", response=SubmissionOut)
def ack(request: HttpRequest, submission_id: ObjectId, payload: AckIn) -> dict[str, Any]:
    """The receiver's ACK (MCCI_IN200101UV01) for this submission: CA acknowledges it, CR or
    AR rejects it with the receiver's error texts. An ACK naming another submission is 422."""
    user = acting_user(request)
    sub = access_submission(user, submission_id)
    xml = payload.xml.encode("utf-8")
    return _out(desk.apply_ack_file(sub, xml, acting_user=user))


@router.post("/submissions/{submission_id}/resubmit", response={201: SubmissionOut})
def resubmit(request: HttpRequest, submission_id: ObjectId) -> Status:
    """A new draft (new message number, the case's current content) correcting a rejection."""
    user = acting_user(request)
    sub = access_submission(user, submission_id)
    return Status(201, _out(desk.resubmit_checked(sub, acting_user=user)))
