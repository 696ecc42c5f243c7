"""Submissions of a safety case to a regulator: draft → signed → sent → acknowledged/rejected.

A draft freezes the report's bytes (E2B XML that passed validation, or the MedWatch PDF).
Signing is a Part 11 e-signature over the SHA-256 of those bytes (the signer re-enters their
password; see `caredesk.audit.signatures`). Only a signed submission is sent. The receiver's
acknowledgement (FDA's E2B ACK) is matched by message number, else batch number; a rejected
submission is corrected by a resubmission, a new draft linked to it.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.db import transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction, SignatureMeaning
from caredesk.audit.services import record_created, record_event
from caredesk.audit.signatures import sign_record
from caredesk.errors import Conflict, Forbidden, InvalidInput, NotFound
from caredesk.safety.e2b.ack import AckResult, MessageAck, parse_ack
from caredesk.safety.e2b.validate import rejections, validate
from caredesk.safety.e2b.writer import build_icsr_xml
from caredesk.safety.models import SafetyCase, SafetyCaseStatus
from caredesk.safety.models_submission import Submission, SubmissionKind, SubmissionStatus
from caredesk.safety.services.icsr_mapping import message_for_safety_case, new_numbers, sender_for
from caredesk.tenancy.models import Role
from caredesk.tenancy.services import check_can_write, roles_of

SYSTEM_ACTOR = "system:cli"
TRACKED = ["kind", "status", "message_number", "batch_number", "content_sha256"]


def _require_pv(user: Any, program_id: int) -> None:
    check_can_write(user, program_id)
    if Role.SAFETY_SPECIALIST not in roles_of(user, program_id):
        raise Forbidden("Only a safety specialist of the program can do this")


def access_submission(user: Any, submission_id: int) -> Submission:
    return Submission.objects.visible_one(user, submission_id, "Submission")


def export_e2b(
    safety_case: SafetyCase, *, acting_user: Any = None, actor_username: str = SYSTEM_ACTOR
) -> bytes:
    """The ICSR XML of a safety case (not a submission: a copy for review or a partner),
    audited as an export."""
    xml = build_icsr_xml(message_for_safety_case(safety_case))
    record_event(
        AuditAction.EXPORT,
        acting_user=acting_user,
        system_actor=actor_username,
        instance=safety_case,
        changes={"format": "e2b_r3", "sha256": hashlib.sha256(xml).hexdigest()},
    )
    return xml


def _content(safety_case: SafetyCase, kind: str, message_number: str, batch_number: str):
    """(bytes, content type, C.1.1) of the report; E2B that FDA would reject is refused."""
    message = message_for_safety_case(
        safety_case, message_number=message_number, batch_number=batch_number
    )
    if kind == SubmissionKind.MEDWATCH:
        from caredesk.safety.exports.medwatch import medwatch_pdf

        return medwatch_pdf(message, safety_case), "application/pdf", message.case.safety_report_id
    xml = build_icsr_xml(message)
    problems = rejections(validate(xml))
    if problems:
        raise InvalidInput(
            "The report would be rejected: complete the safety case first",
            {p.element: p.message for p in problems},
        )
    return xml, "application/xml", message.case.safety_report_id


def create_submission(
    safety_case: SafetyCase,
    *,
    kind: str = SubmissionKind.E2B,
    acting_user: Any,
    resubmission_of: Submission | None = None,
) -> Submission:
    """A draft report with its content frozen (E2B content must pass validation)."""
    _require_pv(acting_user, safety_case.program_id)
    if kind not in SubmissionKind.values:
        raise InvalidInput("Unknown submission kind", {"kind": "e2b or medwatch"})
    if safety_case.status == SafetyCaseStatus.CLOSED:
        raise Conflict("The safety case is closed")
    now = timezone.now()
    message_number, batch_number = new_numbers(safety_case, sender_for(safety_case), now)
    content, content_type, report_id = _content(safety_case, kind, message_number, batch_number)
    info = sender_for(safety_case)
    with transaction.atomic():
        submission = Submission.objects.create(
            program_id=safety_case.program_id,
            safety_case=safety_case,
            kind=kind,
            message_number=message_number,
            batch_number=batch_number,
            safety_report_id=report_id,
            receiver=f"{info.batch_receiver}/{info.message_receiver}",
            content=content,
            content_type=content_type,
            content_sha256=hashlib.sha256(content).hexdigest(),
            created_by=acting_user,
            created_at=now,
            resubmission_of=resubmission_of,
        )
        record_created(submission, acting_user=acting_user, fields=TRACKED)
    return submission


def sign_submission(
    submission: Submission,
    *,
    acting_user: Any,
    password: str,
    meaning: str = SignatureMeaning.APPROVED_FOR_SUBMISSION,
) -> Submission:
    """Part 11 signature over the frozen content; a wrong password is refused and audited."""
    _require_pv(acting_user, submission.program_id)
    if submission.status != SubmissionStatus.DRAFT:
        raise Conflict(f"Only a draft can be signed; this one is {submission.status}")
    content = bytes(submission.content)
    # Checked outside our transaction: a refusal must stay in the audit trail.
    signature = sign_record(
        submission, content, signer=acting_user, password=password, meaning=meaning
    )
    with transaction.atomic():
        _move(
            submission,
            SubmissionStatus.SIGNED,
            acting_user,
            signature=signature,
            signed_by=acting_user,
            signed_at=signature.signed_at,
        )
    return submission


def _move(submission: Submission, status: str, acting_user: Any, reason: str = "", **fields):
    old = submission.status
    submission.status = status
    for name, value in fields.items():
        setattr(submission, name, value)
    submission.save(update_fields=["status", *fields])
    record_event(
        AuditAction.UPDATE,
        acting_user=acting_user,
        system_actor=SYSTEM_ACTOR,
        instance=submission,
        changes={"status": [old, status]},
        reason=reason,
    )


def mark_sent(submission: Submission, *, acting_user: Any) -> Submission:
    """The signed report went out (gateway or portal); the safety case is now submitted."""
    _require_pv(acting_user, submission.program_id)
    if submission.status != SubmissionStatus.SIGNED:
        raise Conflict("Only a signed submission can be sent")
    with transaction.atomic():
        _move(
            submission,
            SubmissionStatus.SENT,
            acting_user,
            sent_by=acting_user,
            sent_at=timezone.now(),
        )
        sc = submission.safety_case
        if sc.status in (SafetyCaseStatus.VALID, SafetyCaseStatus.IN_REVIEW):
            old, sc.status = sc.status, SafetyCaseStatus.SUBMITTED
            sc.save(update_fields=["status", "updated_at"])
            record_event(
                AuditAction.UPDATE,
                acting_user=acting_user,
                instance=sc,
                changes={"status": [old, sc.status]},
            )
    return submission


def resubmit(submission: Submission, *, acting_user: Any) -> Submission:
    """A new draft (new message number, current content) correcting a rejected submission."""
    if submission.status != SubmissionStatus.REJECTED:
        raise Conflict("Only a rejected submission is resubmitted")
    # One correction per rejection: a second would send the receiver two competing reports.
    earlier = submission.resubmissions.order_by("pk").first()
    if earlier is not None:
        raise Conflict(
            f"Already resubmitted as {earlier.message_number}", {"resubmission": str(earlier.pk)}
        )
    return create_submission(
        submission.safety_case,
        kind=submission.kind,
        acting_user=acting_user,
        resubmission_of=submission,
    )


def _match(ack: AckResult, item: MessageAck | None, scope: Any = None) -> Submission | None:
    base = scope if scope is not None else Submission.objects.system_scope()
    qs = base.filter(kind=SubmissionKind.E2B)
    if item is not None and item.message_number:
        found = qs.filter(message_number=item.message_number).first()
        if found is not None:
            return found
    return qs.filter(batch_number=ack.batch_number).order_by("-created_at").first()


def apply_ack(xml: bytes, *, acting_user: Any = None, scope: Any = None) -> list[Submission]:
    """Match an FDA ACK to our submissions and record accepted (CA) or rejected (CR + texts).

    `scope` (a Submission queryset) limits which submissions may match: a person's upload or
    a program's gateway inbox must not touch another program's submissions.
    Raises NotFound when nothing in the ACK matches a submission (nothing is changed)."""
    ack = parse_ack(xml)
    items: list[MessageAck | None] = list(ack.messages) or [None]
    pairs = [(item, _match(ack, item, scope)) for item in items]
    if not any(sub for _, sub in pairs):
        raise NotFound(f"No submission matches ACK batch {ack.batch_number!r}")
    updated = []
    with transaction.atomic():
        for item, submission in pairs:
            if submission is None:
                continue
            _record_ack(submission, ack, item, acting_user)
            updated.append(submission)
    return updated


def _record_ack(submission: Submission, ack: AckResult, item: MessageAck | None, actor) -> None:
    batch_rejected = ack.batch_code == "AR"
    accepted = not batch_rejected and (item.accepted if item else ack.batch_code == "AA")
    errors = (item.errors if item else []) + (
        [ack.batch_text] if batch_rejected and ack.batch_text else []
    )
    status = SubmissionStatus.ACKNOWLEDGED if accepted else SubmissionStatus.REJECTED
    _move(
        submission,
        status,
        actor,
        reason="; ".join(errors),
        ack_received_at=timezone.now(),
        ack_code=item.code if item else "",
        ack_batch_code=ack.batch_code,
        ack_local_report_number=(item.local_report_number or "") if item else "",
        ack_errors=errors,
    )
