"""The review of a candidate signal: new -> under review -> validated signal or refuted.

Closing needs a reason and a Part 11 e-signature (the reviewer re-enters their password): the
decision that a signal is real, or is not, is the regulated record (GVP IX; EU MDR Art. 88).
The signature covers the signal's series, scores, linked cases, outcome and reason. It is taken
before our transaction, as other signed approvals are, so a refused signature stays audited.
A validated signal notifies the program's safety and quality people in-app (the quality
notices, the bell in the workspace) and by email after commit.
"""

from __future__ import annotations

import json
from typing import Any

from django.db import transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction, SignatureMeaning
from caredesk.audit.services import diff, record_event, snapshot
from caredesk.audit.signatures import sign_record
from caredesk.errors import Conflict, InvalidInput
from caredesk.insights.models import CandidateSignal, SignalCase, SignalStatus
from caredesk.insights.services.access import require_reviewer
from caredesk.quality.models import Notification, QualityContact
from caredesk.tenancy.models import Membership, Role

TRACKED = ["status", "reason", "closed_by", "closed_at", "signature"]
OUTCOMES = (SignalStatus.VALIDATED, SignalStatus.REFUTED)
NOTIFY_ROLES = (Role.SAFETY_SPECIALIST, Role.QUALITY_SPECIALIST)


def _move(signal: CandidateSignal, acting_user: Any, why: str, **fields: Any) -> None:
    before = snapshot(signal, TRACKED)
    for name, value in fields.items():
        setattr(signal, name, value)
    signal.updated_at = timezone.now()
    signal.save(update_fields=[*fields, "updated_at"])
    record_event(
        AuditAction.UPDATE,
        acting_user=acting_user,
        instance=signal,
        changes=diff(before, snapshot(signal, TRACKED)),
        reason=why,
    )


def start_review(signal: CandidateSignal, *, acting_user: Any) -> CandidateSignal:
    require_reviewer(acting_user, signal.program_id)
    if signal.status != SignalStatus.NEW:
        raise Conflict(f"This signal is {signal.get_status_display().lower()}, not new")
    with transaction.atomic():
        _move(signal, acting_user, "review started", status=SignalStatus.UNDER_REVIEW)
    return signal


def signed_content(signal: CandidateSignal, outcome: str, reason: str) -> bytes:
    """The exact bytes a reviewer signs when closing the signal."""
    cases = sorted(SignalCase.objects.filter(signal=signal).values_list("case_id", flat=True))
    content = {
        "signal": signal.pk,
        "program": signal.program_id,
        "product": signal.product_name,
        "lot": signal.lot_number,
        "event": signal.event,
        "first_alert_date": signal.first_alert_date.isoformat(),
        "scores": signal.scores,
        "cases": cases,
        "outcome": outcome,
        "reason": reason,
    }
    return json.dumps(content, sort_keys=True, separators=(",", ":")).encode("utf-8")


def close_signal(
    signal: CandidateSignal, *, acting_user: Any, outcome: str, reason: str, password: str
) -> CandidateSignal:
    """Validate or refute a signal under review, with a reason and an e-signature."""
    require_reviewer(acting_user, signal.program_id)
    if outcome not in OUTCOMES:
        raise InvalidInput("Choose validated or refuted", {"outcome": "not a valid choice"})
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput("Say why", {"reason": "required"})
    if signal.status != SignalStatus.UNDER_REVIEW:
        raise Conflict("Only a signal under review can be closed; start the review first")
    signature = sign_record(
        signal,
        signed_content(signal, outcome, reason),
        signer=acting_user,
        password=password,
        meaning=SignatureMeaning.RESPONSIBILITY,
    )
    with transaction.atomic():
        _move(
            signal,
            acting_user,
            reason,
            status=outcome,
            reason=reason,
            closed_by=acting_user,
            closed_at=timezone.now(),
            signature=signature,
        )
        if outcome == SignalStatus.VALIDATED:
            notify_validated(signal)
    return signal


def recipients(program_id: int) -> tuple[list[Any], list[str]]:
    """The program's safety and quality specialists and its quality contacts (users, emails)."""
    from caredesk.accounts.models import User

    contacts = list(QualityContact.objects.filter(program_id=program_id, active=True))
    user_ids = {c.user_id for c in contacts if c.user_id}
    user_ids |= set(
        Membership.objects.filter(
            program_id=program_id, role__in=NOTIFY_ROLES, active=True
        ).values_list("user_id", flat=True)
    )
    users = list(User.objects.filter(pk__in=user_ids, is_active=True).order_by("pk"))
    emails = {c.email.lower() for c in contacts if c.email} | {
        u.email.lower() for u in users if u.email
    }
    return users, sorted(emails)


def notify_validated(signal: CandidateSignal) -> int:
    """In-app notices now (same transaction), the email after commit."""
    users, emails = recipients(signal.program_id)
    text = f"Validated signal: {signal} (signal {signal.pk})"
    first_case = SignalCase.objects.filter(signal=signal).order_by("pk").first()
    Notification.objects.bulk_create(
        Notification(
            program_id=signal.program_id,
            user=user,
            case_id=first_case.case_id if first_case else None,
            text=text[:500],
            created_at=timezone.now(),
        )
        for user in users
    )
    if emails:
        from caredesk.insights.tasks import email_validated_signal

        signal_id = signal.pk
        transaction.on_commit(lambda: email_validated_signal(signal_id), robust=True)
    return len(users)
