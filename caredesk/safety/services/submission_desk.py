"""What a safety specialist does with submissions in the product (UI and API alike): check the
report, prepare a draft, sign it, send it (through the gateway or by hand), upload the ACK,
resubmit after a rejection, download the report in each format, and list submissions.

The state rules live in `submissions.py`; this module adds what a person's request needs on top
of them: the full list of validation problems when a report would be rejected, a re-check of
the frozen content right before signing, handing the signed bytes to the gateway, and ACK files
matched only within the uploader's own submission.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from caredesk.audit.models import AuditAction, SignatureMeaning
from caredesk.audit.services import record_event
from caredesk.errors import Conflict, InvalidInput
from caredesk.safety.e2b.rules import Problem, Severity
from caredesk.safety.e2b.validate import rejections, validate
from caredesk.safety.e2b.writer import build_icsr_xml
from caredesk.safety.gateway.base import Gateway, GatewayError
from caredesk.safety.models import SafetyCase
from caredesk.safety.models_submission import Submission, SubmissionKind, SubmissionStatus
from caredesk.safety.services import submissions as core
from caredesk.safety.services.icsr_mapping import message_for_safety_case
from caredesk.safety.services.submission_acks import apply_ack_file

__all__ = [
    "EXPORT_FORMATS",
    "STATUS_FILTERS",
    "Download",
    "ReportRejected",
    "apply_ack_file",
    "check_e2b",
    "export_case",
    "prepare_submission",
    "resubmit_checked",
    "send_through_gateway",
    "sign_checked",
    "submission_download",
    "submissions_of",
]

# The list's filters, in the order a specialist works them.
STATUS_FILTERS: dict[str, tuple[str, list[str]]] = {
    "awaiting_ack": ("Awaiting ACK", [SubmissionStatus.SENT]),
    "rejected": ("Rejected", [SubmissionStatus.REJECTED]),
    "to_sign": ("Drafts to sign", [SubmissionStatus.DRAFT]),
    "to_send": ("Signed, not sent", [SubmissionStatus.SIGNED]),
    "acknowledged": ("Acknowledged", [SubmissionStatus.ACKNOWLEDGED]),
}
EXPORT_FORMATS = ("e2b", "medwatch", "fhir")


class ReportRejected(InvalidInput):
    """The E2B report would be rejected: every problem is listed and nothing is created."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(
            "The report would be rejected: complete the safety case first",
            {p.element: p.message for p in problems},
        )
        self.problems = problems


@dataclass(frozen=True)
class Download:
    content: bytes
    content_type: str
    filename: str


def check_e2b(safety_case: SafetyCase) -> list[Problem]:
    """Every problem (rejections first, then warnings) of the E2B report the case gives now."""
    problems = validate(build_icsr_xml(message_for_safety_case(safety_case)))
    return sorted(problems, key=lambda p: p.severity != Severity.REJECTION)


def _rejections(safety_case: SafetyCase) -> list[Problem]:
    return [p for p in check_e2b(safety_case) if p.severity == Severity.REJECTION]


def prepare_submission(safety_case: SafetyCase, *, kind: str, acting_user: Any) -> Submission:
    """A draft with frozen content; an E2B report FDA would reject raises ReportRejected."""
    try:
        return core.create_submission(safety_case, kind=kind, acting_user=acting_user)
    except ReportRejected:
        raise
    except InvalidInput as exc:
        if kind != SubmissionKind.E2B or "kind" in exc.fields:
            raise
        raise ReportRejected(_rejections(safety_case)) from exc


def resubmit_checked(submission: Submission, *, acting_user: Any) -> Submission:
    """A new draft correcting a rejected submission (problems listed as when preparing)."""
    core._require_pv(acting_user, submission.program_id)
    try:
        return core.resubmit(submission, acting_user=acting_user)
    except InvalidInput as exc:
        if submission.kind != SubmissionKind.E2B or "kind" in exc.fields:
            raise
        raise ReportRejected(_rejections(submission.safety_case)) from exc


def sign_checked(
    submission: Submission,
    *,
    acting_user: Any,
    password: str,
    meaning: str = SignatureMeaning.APPROVED_FOR_SUBMISSION,
) -> Submission:
    """Sign a draft after checking its frozen bytes again: a report that would be rejected, or
    whose bytes no longer match their digest, is never signed."""
    core._require_pv(acting_user, submission.program_id)
    content = bytes(submission.content)
    if hashlib.sha256(content).hexdigest() != submission.content_sha256:
        raise Conflict("The frozen report changed after it was prepared: prepare it again")
    if submission.kind == SubmissionKind.E2B and submission.status == SubmissionStatus.DRAFT:
        problems = rejections(validate(content))
        if problems:
            raise ReportRejected(problems)
    return core.sign_submission(
        submission, acting_user=acting_user, password=password, meaning=meaning
    )


def send_through_gateway(submission: Submission, *, acting_user: Any, gateway: Gateway | None):
    """Hand the signed bytes to the gateway, then record the submission as sent.

    The file goes out first: the local drop is idempotent by name and bytes, so a crash
    between the two steps is mended by sending again; the reverse order could record a report
    as sent that never left."""
    core._require_pv(acting_user, submission.program_id)
    if gateway is None:
        raise Conflict("No reporting gateway is configured: send it elsewhere and mark it sent")
    if submission.kind != SubmissionKind.E2B:
        raise Conflict("Only E2B(R3) reports go through the gateway; mark a MedWatch form sent")
    if submission.status != SubmissionStatus.SIGNED:
        raise Conflict("Only a signed submission can be sent")
    try:
        reference = gateway.send(
            program_code=submission.program.code,
            filename=f"{submission.message_number}.xml",
            content=bytes(submission.content),
        )
    except GatewayError as exc:
        raise Conflict(f"The gateway did not take the report: {exc}") from exc
    with transaction.atomic():
        core.mark_sent(submission, acting_user=acting_user)
        record_event(
            AuditAction.UPDATE,
            acting_user=acting_user,
            instance=submission,
            changes={"sent_via": [None, gateway.name], "gateway_reference": [None, reference]},
        )
    return submission


def _case_download(safety_case: SafetyCase, fmt: str) -> Download:
    stem = f"safety-case-{safety_case.pk}"
    if fmt == "fhir":
        from caredesk.safety.exports.fhir import fhir_bundle_json

        body = fhir_bundle_json(message_for_safety_case(safety_case), safety_case)
        return Download(body.encode("utf-8"), "application/fhir+json", f"{stem}-fhir.json")
    from caredesk.safety.exports.medwatch import medwatch_pdf

    pdf = medwatch_pdf(message_for_safety_case(safety_case), safety_case)
    return Download(pdf, "application/pdf", f"{stem}-medwatch.pdf")


def export_case(safety_case: SafetyCase, fmt: str, *, acting_user: Any) -> Download:
    """The case's report now, in one format, as a copy for review (not a submission); audited."""
    if fmt not in EXPORT_FORMATS:
        raise InvalidInput("Unknown format", {"format": "e2b, medwatch or fhir"})
    if fmt == "e2b":
        xml = core.export_e2b(safety_case, acting_user=acting_user)
        return Download(xml, "application/xml", f"safety-case-{safety_case.pk}-e2b.xml")
    download = _case_download(safety_case, fmt)
    record_event(
        AuditAction.EXPORT,
        acting_user=acting_user,
        instance=safety_case,
        changes={"format": fmt, "sha256": hashlib.sha256(download.content).hexdigest()},
    )
    return download


def submission_download(submission: Submission) -> Download:
    """The exact frozen bytes of a submission (what was signed is what was sent)."""
    extension = "pdf" if submission.kind == SubmissionKind.MEDWATCH else "xml"
    return Download(
        bytes(submission.content),
        submission.content_type,
        f"{submission.message_number}.{extension}",
    )


def submissions_of(
    user: Any, *, program_id: int | None = None, status: str = ""
) -> QuerySet[Submission]:
    """The user's programs' submissions, newest first, optionally by program and filter."""
    qs = Submission.objects.visible_to(user).select_related("safety_case", "program", "signed_by")
    if program_id is not None:
        qs = qs.filter(program_id=program_id)
    if status in STATUS_FILTERS:
        qs = qs.filter(status__in=STATUS_FILTERS[status][1])
    elif status in SubmissionStatus.values:
        qs = qs.filter(status=status)
    return qs.order_by("-created_at", "-pk")
