"""Follow-up of incomplete safety cases: planned attempts on the reporter's channel.

No regulation fixes a number; the common SOP (and the default here, configurable per program) is
an initial attempt and two follow-ups a week apart. Unsuccessful steps are kept as records
(314.80(c)(1)(ii)); a case missing criteria can only be closed once they are all documented.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.cases.models import Direction, Interaction
from caredesk.errors import Conflict, InvalidInput
from caredesk.people.models import Channel
from caredesk.safety.models import (
    FollowUpAttempt,
    FollowUpOutcome,
    SafetyCase,
    SafetyCaseStatus,
)
from caredesk.safety.services.clocks import forward_deadline, safety_settings
from caredesk.tenancy.services import check_can_write

MIN_ATTEMPTS = 3


def reporter_channel(safety_case: SafetyCase) -> str:
    """The reporter's preferred channel, else the one they last reached us on, else phone."""
    person = safety_case.reporter or safety_case.case.person
    if person is not None and person.preferred_channel:
        return person.preferred_channel
    last = (
        Interaction.objects.filter(case_id=safety_case.case_id, direction=Direction.INBOUND)
        .order_by("-received_at", "-pk")
        .first()
    )
    return last.channel if last is not None else Channel.PHONE


def sync_follow_ups(safety_case: SafetyCase, *, acting_user: Any = None) -> None:
    """Plan the attempts while criteria are missing; cancel the planned ones once complete."""
    planned = safety_case.follow_ups.filter(outcome=FollowUpOutcome.PLANNED)
    missing = [c.value for c in safety_case.missing_criteria]
    if not missing:
        planned.update(outcome=FollowUpOutcome.CANCELLED, note="case complete")
        return
    if safety_case.follow_ups.exists():
        planned.update(missing=missing)
        return
    settings = safety_settings(safety_case.program_id)
    count = max(settings.follow_up_attempts, MIN_ATTEMPTS)
    first_due = forward_deadline(safety_case.program, timezone.now())
    channel = reporter_channel(safety_case)
    FollowUpAttempt.objects.bulk_create(
        FollowUpAttempt(
            safety_case=safety_case,
            n=n,
            channel=channel,
            missing=missing,
            due_at=first_due + timedelta(days=settings.follow_up_interval_days * (n - 1)),
        )
        for n in range(1, count + 1)
    )


def record_follow_up_attempt(
    attempt: FollowUpAttempt,
    *,
    outcome: str,
    acting_user: Any,
    note: str = "",
    interaction: Interaction | None = None,
) -> FollowUpAttempt:
    """Document one attempt: when, by whom, on which channel, and what came of it."""
    safety_case = attempt.safety_case
    check_can_write(acting_user, safety_case.program_id)
    if outcome not in FollowUpOutcome.values or outcome in (
        FollowUpOutcome.PLANNED,
        FollowUpOutcome.CANCELLED,
    ):
        raise InvalidInput("Invalid outcome", {"outcome": "what came of the attempt"})
    if attempt.sent_at is not None:
        raise Conflict("This attempt is already documented")
    if interaction is not None and interaction.case_id != safety_case.case_id:
        raise InvalidInput("Invalid interaction", {"interaction": "not of this case"})
    with transaction.atomic():
        attempt.outcome = outcome
        attempt.sent_at = interaction.occurred_at if interaction else timezone.now()
        attempt.agent = acting_user
        attempt.note = note.strip()
        attempt.interaction = interaction
        if interaction is not None:
            attempt.channel = interaction.channel
        attempt.save()
        record_event(
            AuditAction.UPDATE,
            acting_user=acting_user,
            instance=attempt,
            program_id=safety_case.program_id,
            changes={
                "outcome": [FollowUpOutcome.PLANNED, outcome],
                "channel": [None, attempt.channel],
            },
            reason=note,
        )
    return attempt


def documented_attempts(safety_case: SafetyCase) -> int:
    return safety_case.follow_ups.filter(sent_at__isnull=False).count()


def check_follow_up_history(safety_case: SafetyCase) -> None:
    """An incomplete case closes only after the planned attempts are documented."""
    if safety_case.status != SafetyCaseStatus.INCOMPLETE:
        return
    needed = max(safety_settings(safety_case.program_id).follow_up_attempts, MIN_ATTEMPTS)
    done = documented_attempts(safety_case)
    if done < needed:
        raise Conflict(
            f"Only {done} of {needed} follow-up attempts are documented",
            {"follow_up": "document every attempt before closing as lost to follow-up"},
        )
