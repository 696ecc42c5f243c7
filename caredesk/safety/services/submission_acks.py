"""Acknowledgement files from a person's upload or a program's gateway inbox.

`submissions.apply_ack` records what an ACK says; this module decides which submissions an ACK
may touch. An upload on one submission must name that submission (its message or batch
number); an inbox file may match only its own program's submissions. Only a sent submission
takes an ACK; the same ACK delivered again changes nothing (a gateway may re-deliver).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from caredesk.errors import Conflict, InvalidInput
from caredesk.safety.e2b.ack import AckResult, parse_ack
from caredesk.safety.e2b.reader import E2BParseError
from caredesk.safety.models_submission import Submission, SubmissionKind, SubmissionStatus
from caredesk.safety.services import submissions as core

MAX_ACK_BYTES = 5 * 1024 * 1024
DONE = (SubmissionStatus.ACKNOWLEDGED, SubmissionStatus.REJECTED)


@dataclass(frozen=True)
class AckOutcome:
    applied: list[Submission]
    repeated: list[Submission]  # already carried this same ACK: nothing changed


def read_ack(xml: bytes) -> AckResult:
    """Parse an ACK file, or a clear InvalidInput saying why it is not one."""
    if not xml:
        raise InvalidInput("The acknowledgement file is empty", {"file": "empty file"})
    if len(xml) > MAX_ACK_BYTES:
        raise InvalidInput("The acknowledgement file is too large", {"file": "over 5 MB"})
    try:
        return parse_ack(xml)
    except E2BParseError as exc:
        raise InvalidInput(
            "Not an E2B(R3) acknowledgement (MCCI_IN200101UV01)", {"file": str(exc)[:300]}
        ) from exc


def _targets(ack: AckResult, scope: QuerySet[Submission]) -> list[Submission]:
    qs = scope.filter(kind=SubmissionKind.E2B)
    numbers = [m.message_number for m in ack.messages if m.message_number]
    found = list(qs.filter(message_number__in=numbers)) if numbers else []
    if not found and ack.batch_number:
        found = list(qs.filter(batch_number=ack.batch_number).order_by("-created_at")[:1])
    return found


def _same_ack(submission: Submission, ack: AckResult) -> bool:
    codes = {m.code for m in ack.messages if m.message_number == submission.message_number}
    code = next(iter(codes), "")
    return submission.ack_batch_code == ack.batch_code and submission.ack_code == code


def _apply(xml: bytes, ack: AckResult, targets: list[Submission], actor: Any) -> AckOutcome:
    repeated = [s for s in targets if s.status in DONE and _same_ack(s, ack)]
    pending = [s for s in targets if s not in repeated]
    for submission in pending:
        if submission.status != SubmissionStatus.SENT:
            raise Conflict(
                f"Submission {submission.message_number} is {submission.status}: "
                "only a sent submission takes an acknowledgement"
            )
    applied: list[Submission] = []
    if pending:
        scope = Submission.objects.system_scope().filter(pk__in=[s.pk for s in pending])
        applied = core.apply_ack(xml, acting_user=actor, scope=scope)
    return AckOutcome(applied, repeated)


def apply_ack_file(submission: Submission, xml: bytes, *, acting_user: Any) -> Submission:
    """A person uploads the receiver's ACK for one submission; its status follows the ACK."""
    core._require_pv(acting_user, submission.program_id)
    ack = read_ack(xml)
    targets = _targets(ack, Submission.objects.visible_to(acting_user).filter(pk=submission.pk))
    if not targets:
        raise InvalidInput(
            "This acknowledgement is for another submission",
            {"file": f"it acknowledges batch {ack.batch_number!r}, not this submission"},
        )
    _apply(xml, ack, targets, acting_user)
    submission.refresh_from_db()
    return submission


def apply_program_ack(program_id: int, xml: bytes) -> AckOutcome:
    """An ACK that arrived in a program's gateway inbox (a system job, no person)."""
    ack = read_ack(xml)
    scope = Submission.objects.system_scope().filter(program_id=program_id)
    targets = _targets(ack, scope)
    if not targets:
        raise InvalidInput(
            f"No submission of this program matches ACK batch {ack.batch_number!r}",
            {"file": "unknown message and batch numbers"},
        )
    return _apply(xml, ack, targets, None)
