"""The callback worklist: callbacks callers asked for in the IVR reach an agent.

A scheduled callback is due at `due_at`. An agent of the program who may take its queue (the
queue's skills; safety training for the safety priority queue) claims it, calls the person, and
records the outcome: reached (done; an outbound phone interaction on the case, which stops the
first-response clock like any reply) or no answer (retried `RETRY_AFTER` of the program's
business time later, unclaimed, until `MAX_ATTEMPTS` failed attempts make it failed). A claim is
taken under a row lock, so two agents never call the same person; a claim left open for
`CLAIM_EXPIRES` may be taken over. Every step is audited and
written on the case's timeline.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.cases.models import Direction, TimelineKind
from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.cases.services.timeline import add_timeline_entry
from caredesk.channels.voice.models import Callback, CallbackStatus
from caredesk.channels.voice.services.config import clock_rules
from caredesk.errors import Conflict, Forbidden, InvalidInput, NotFound
from caredesk.people.models import Channel
from caredesk.routing.services.skills import agent_profiles
from caredesk.tenancy.services import check_can_write

MAX_ATTEMPTS = 3
RETRY_AFTER = timedelta(minutes=30)
# A claim nobody closed (the agent went home) is free again after this long.
CLAIM_EXPIRES = timedelta(minutes=30)
MAX_NOTE = 2000
REACHED, NO_ANSWER = "reached", "no_answer"
OUTCOMES = (REACHED, NO_ANSWER)


def callback_worklist(
    user: Any, *, program_id: int | None = None, queue_id: int | None = None, due_only: bool = True
) -> QuerySet[Callback]:
    """Scheduled callbacks of the user's programs, the earliest due first (due ones only unless
    `due_only` is false)."""
    rows = (
        Callback.objects.visible_to(user)
        .filter(status=CallbackStatus.SCHEDULED)
        .select_related("program", "queue", "case", "person", "claimed_by")
    )
    if program_id is not None:
        rows = rows.filter(program_id=program_id)
    if queue_id is not None:
        rows = rows.filter(queue_id=queue_id)
    if due_only:
        rows = rows.filter(due_at__lte=timezone.now())
    return rows.order_by("due_at", "pk")


def callbacks_by_queue(user: Any) -> list[dict[str, Any]]:
    """Per queue of the user's programs with scheduled callbacks: how many are due now, the
    earliest due time, and how many an agent holds (the supervisor board's callback panel)."""
    now = timezone.now()
    rows = (
        Callback.objects.visible_to(user)
        .filter(status=CallbackStatus.SCHEDULED)
        .values("queue_id", "queue__name", "program__name")
        .annotate(
            scheduled=Count("pk"),
            due=Count("pk", filter=Q(due_at__lte=now)),
            claimed=Count("pk", filter=Q(claimed_by__isnull=False)),
            oldest_due=Min("due_at"),
        )
        .order_by("program__name", "queue__name")
    )
    return [dict(row) for row in rows]


def claim_is_open(callback: Callback) -> bool:
    """Whether another agent may claim it now (unclaimed, or its claim has expired)."""
    if callback.claimed_by_id is None or callback.claimed_at is None:
        return True
    return callback.claimed_at < timezone.now() - CLAIM_EXPIRES


def access_callback(user: Any, callback_id: int) -> Callback:
    found = (
        Callback.objects.visible_to(user)
        .select_related("program", "queue", "case", "person", "claimed_by")
        .filter(pk=callback_id)
        .first()
    )
    if found is None:
        raise NotFound("Callback not found")
    return found


def check_may_call_back(user: Any, callback: Callback) -> None:
    """Only an agent of the program who covers the queue's skills calls the person back."""
    check_can_write(user, callback.program_id)
    profile = agent_profiles(user).get(callback.program_id)
    if profile is None:
        raise Forbidden("Only the program's agents call people back")
    if not profile.covers(callback.queue.skills) or (
        callback.queue.is_safety_priority and not profile.safety_trained
    ):
        raise Forbidden(f"Calling back from {callback.queue.name} needs that queue's skills")


def _locked(callback: Callback) -> Callback:
    return (
        Callback.objects.system_scope()  # scoping: ok (a callback the caller accessed)
        .select_for_update(of=("self",))
        .select_related("program", "queue", "case")
        .get(pk=callback.pk)
    )


def _audit(callback: Callback, changes: dict[str, list[Any]], user: Any, reason: str) -> None:
    record_event(
        AuditAction.UPDATE, acting_user=user, instance=callback, changes=changes, reason=reason
    )


def _on_timeline(callback: Callback, text: str, user: Any) -> None:
    if callback.case is not None:
        add_timeline_entry(
            callback.case, TimelineKind.NOTE, text, actor=user, data={"callback": callback.pk}
        )


def claim_callback(callback: Callback, *, acting_user: Any) -> Callback:
    """The agent takes the callback (claiming it again is harmless); Conflict when another agent
    has it or it is no longer scheduled."""
    check_may_call_back(acting_user, callback)
    with transaction.atomic():
        callback = _locked(callback)
        if callback.status != CallbackStatus.SCHEDULED:
            raise Conflict(f"This callback is {callback.get_status_display().lower()}")
        if callback.claimed_by_id == acting_user.pk:
            return callback
        now = timezone.now()
        if not claim_is_open(callback):
            raise Conflict("Another agent is calling this person back")
        previous = callback.claimed_by_id
        callback.claimed_by, callback.claimed_at = acting_user, now
        callback.save(update_fields=["claimed_by", "claimed_at"])
        why = "callback claimed" if previous is None else "stale claim taken over"
        _audit(callback, {"claimed_by": [previous, acting_user.pk]}, acting_user, why)
        who = acting_user.get_full_name() or acting_user.username
        _on_timeline(callback, f"{who} is calling back {callback.phone}", acting_user)
    return callback


def record_callback_outcome(
    callback: Callback, outcome: str, note: str = "", *, acting_user: Any
) -> Callback:
    """Reached: done, with an outbound phone interaction on the case. No answer: retried later
    (unclaimed), or failed after `MAX_ATTEMPTS` attempts."""
    note = (note or "").strip()
    if outcome not in OUTCOMES:
        raise InvalidInput("Invalid outcome", {"outcome": f"one of {', '.join(OUTCOMES)}"})
    if len(note) > MAX_NOTE or "\x00" in note:
        raise InvalidInput("Invalid note", {"note": f"at most {MAX_NOTE} characters"})
    check_may_call_back(acting_user, callback)
    with transaction.atomic():
        callback = _locked(callback)
        if callback.status != CallbackStatus.SCHEDULED or callback.claimed_by_id != acting_user.pk:
            raise Conflict("Claim the callback before recording its outcome")
        before = {"status": callback.status, "attempts": callback.attempts}
        callback.attempts += 1
        callback.last_attempt_at = timezone.now()
        if outcome == REACHED:
            _reached(callback, note, acting_user)
        else:
            _no_answer(callback, note, acting_user)
        callback.save()
        changes = {k: [v, getattr(callback, k)] for k, v in before.items()}
        _audit(
            callback,
            {**changes, "due_at": [None, callback.due_at.isoformat()]},
            acting_user,
            f"callback outcome: {outcome}",
        )
    return callback


def _reached(callback: Callback, note: str, user: Any) -> None:
    callback.status = CallbackStatus.DONE
    if callback.case is not None and callback.case.is_open:
        body = f"Called back {callback.phone}." + (f" {note}" if note else "")
        callback.interaction = log_interaction(
            callback.case,
            InteractionInput(channel=Channel.PHONE, direction=Direction.OUTBOUND, body=body),
            acting_user=user,
        )
    else:
        _on_timeline(callback, f"Called back {callback.phone}. {note}".strip(), user)


def _no_answer(callback: Callback, note: str, user: Any) -> None:
    callback.claimed_by, callback.claimed_at = None, None
    tried = f"attempt {callback.attempts} of {MAX_ATTEMPTS}"
    if callback.attempts >= MAX_ATTEMPTS:
        callback.status = CallbackStatus.FAILED
        text = f"No answer calling back {callback.phone} ({tried}): gave up. {note}"
    else:
        now = timezone.now()
        callback.due_at = clock_rules(callback.program).add(now, RETRY_AFTER)
        local = f"{callback.due_at:%Y-%m-%d %H:%M} UTC"
        text = f"No answer calling back {callback.phone} ({tried}); retry due {local}. {note}"
    _on_timeline(callback, text.strip(), user)
