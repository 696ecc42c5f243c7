"""Turning inbox rows into screened interactions, exactly once, whatever dies on the way.

A worker claims a row with a conditional UPDATE (attempts + 1, a lease) and commits; then, in
one transaction, it locks the row, checks that its claim still holds, matches the person and
case, logs the interaction through the cases service (which screens it and may open a draft
safety case, as for any contact) and marks the row processed. A worker killed inside that
transaction leaves nothing of it behind, and the row is claimed again once its lease has run
out (the sweep); a slow worker whose lease ran out finds its claim gone and writes nothing.
Errors that a retry cannot fix (the input broke a rule, the submitting user lost access) fail
the row at once; others are retried with back-off, and after MAX_ATTEMPTS the row is failed,
visible to a person, who may send it back to the queue (`retry_inbound`).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.cases.models import Direction, Interaction
from caredesk.cases.services.interactions import (
    AttachmentInput,
    InteractionInput,
    log_interaction,
)
from caredesk.channels.models import InboundMessage, InboxStatus
from caredesk.channels.services.inbox import enqueue_after_commit
from caredesk.channels.services.matching import match_or_open_case
from caredesk.errors import CareDeskError, Conflict
from caredesk.tenancy.services import check_can_write

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 8
RETRY_BASE_SECONDS = 30
RETRY_MAX_SECONDS = 3600
# Channel adapters that act once one of their messages is filed on a case (the SMS channel's
# auto-acknowledgement). Each runs inside the processing transaction, so what it writes is kept
# or rolled back with the interaction; it must defer any sending to `transaction.on_commit`.
AFTER_PROCESSED: list[Callable[[InboundMessage, Interaction], None]] = []


def lease() -> timedelta:
    return timedelta(seconds=getattr(settings, "INBOX_LEASE_SECONDS", 300))


def retry_delay(attempt: int) -> timedelta:
    """30 s, 1 min, 2 min … at most an hour: a database hiccup clears, a flood is not fed."""
    return timedelta(seconds=min(RETRY_BASE_SECONDS * 2 ** max(attempt - 1, 0), RETRY_MAX_SECONDS))


def _ready(now: datetime) -> Q:
    pending = Q(status=InboxStatus.PENDING, next_attempt_at__lte=now)
    abandoned = Q(status=InboxStatus.PROCESSING, lease_until__lt=now)
    return pending | abandoned


def claim_inbound(inbound_id: int) -> int | None:
    """Claim a ready row for this worker; returns the claim's attempt number, or None."""
    now = timezone.now()
    rows = InboundMessage.objects.system_scope().filter(_ready(now), pk=inbound_id)
    with transaction.atomic():
        claimed = rows.update(
            status=InboxStatus.PROCESSING,
            attempts=F("attempts") + 1,
            lease_until=now + lease(),
        )
        if not claimed:
            return None
        mine = InboundMessage.objects.system_scope().filter(pk=inbound_id)
        return int(mine.values_list("attempts", flat=True)[0])


def _interaction_input(row: InboundMessage) -> InteractionInput:
    attachments = []
    for ref in row.attachments:
        with default_storage.open(ref["path"], "rb") as handle:
            content = handle.read()
        attachments.append(AttachmentInput(ref["filename"], content, ref["content_type"]))
    return InteractionInput(
        channel=row.channel,
        direction=Direction.INBOUND,
        subject=row.subject,
        body=row.body,
        body_html=row.body_html,
        occurred_at=row.received_at,
        received_at=row.received_at,
        attachments=attachments,
    )


def _hold_here_when_a_test_asks() -> None:
    """The worker-kill test stops a worker here, inside the processing transaction.

    Only when CAREDESK_INBOX_TEST_HOLD_FILE is set (honoured in the test environment only):
    the worker writes its pid to that file and waits to be killed."""
    path = getattr(settings, "INBOX_TEST_HOLD_FILE", "")
    if not path:
        return
    Path(path).write_text(str(os.getpid()))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        time.sleep(0.05)
    raise RuntimeError("the test that held this worker never killed it")


def _process_claimed(inbound_id: int, attempt: int) -> Interaction | None:
    with transaction.atomic():
        row = (
            InboundMessage.objects.system_scope()
            .select_for_update()
            .filter(pk=inbound_id, status=InboxStatus.PROCESSING, attempts=attempt)
            .first()
        )
        if row is None:
            return None  # our lease ran out and another worker holds the row now
        user = row.received_by
        check_can_write(user, row.program_id)
        match = match_or_open_case(row, acting_user=user)
        if match.case is None:
            raise Conflict("No case could be found or opened for this message")
        interaction = log_interaction(match.case, _interaction_input(row), acting_user=user)
        _hold_here_when_a_test_asks()
        InboundMessage.objects.system_scope().filter(pk=row.pk).update(
            status=InboxStatus.PROCESSED,
            person=match.person,
            case=match.case,
            interaction=interaction,
            processed_at=timezone.now(),
            lease_until=None,
            last_error="",
        )
        row.case, row.person = match.case, match.person
        for hook in AFTER_PROCESSED:
            hook(row, interaction)
    return interaction


def _record_failure(inbound_id: int, attempt: int, error: str, *, permanent: bool) -> None:
    now = timezone.now()
    give_up = permanent or attempt >= MAX_ATTEMPTS
    with transaction.atomic():
        InboundMessage.objects.system_scope().filter(
            pk=inbound_id, status=InboxStatus.PROCESSING, attempts=attempt
        ).update(
            status=InboxStatus.FAILED if give_up else InboxStatus.PENDING,
            next_attempt_at=now + retry_delay(attempt),
            lease_until=None,
            last_error=error[:2000],
        )


def process_inbound_now(inbound_id: int) -> Interaction | None:
    """Claim and process one row; the interaction, or None if it was not ready or failed."""
    attempt = claim_inbound(inbound_id)
    if attempt is None:
        return None
    try:
        return _process_claimed(inbound_id, attempt)
    except CareDeskError as exc:
        detail = "; ".join(f"{k}: {v}" for k, v in exc.fields.items())
        _record_failure(inbound_id, attempt, f"{exc.message} {detail}".strip(), permanent=True)
    except Exception as exc:
        logger.exception("inbound message %s: attempt %s failed", inbound_id, attempt)
        _record_failure(inbound_id, attempt, f"{type(exc).__name__}: {exc}", permanent=False)
    return None


def _fail_abandoned_too_often(now: datetime) -> None:
    """A row whose worker died MAX_ATTEMPTS times (it kills workers) goes to a person."""
    InboundMessage.objects.system_scope().filter(
        status=InboxStatus.PROCESSING, lease_until__lt=now, attempts__gte=MAX_ATTEMPTS
    ).update(
        status=InboxStatus.FAILED,
        lease_until=None,
        last_error=f"a worker stopped while processing it {MAX_ATTEMPTS} times",
    )


def sweep_inbox(limit: int = 500) -> int:
    """Process rows left pending (a lost enqueue, a retry now due, a dead worker's claim)."""
    now = timezone.now()
    _fail_abandoned_too_often(now)
    ids = list(
        InboundMessage.objects.system_scope()
        .filter(_ready(now))
        .order_by("received_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    return sum(process_inbound_now(pk) is not None for pk in ids)


def retry_inbound(row: InboundMessage, *, acting_user: Any) -> InboundMessage:
    """A person sends a failed message back to the queue (after fixing what made it fail)."""
    check_can_write(acting_user, row.program_id)
    if row.status != InboxStatus.FAILED:
        raise Conflict("Only a failed message can be retried", {"status": row.status})
    now = timezone.now()
    with transaction.atomic():
        InboundMessage.objects.system_scope().filter(pk=row.pk, status=InboxStatus.FAILED).update(
            status=InboxStatus.PENDING, attempts=0, next_attempt_at=now
        )
        record_event(
            AuditAction.UPDATE,
            acting_user=acting_user,
            instance=row,
            changes={"status": [InboxStatus.FAILED, InboxStatus.PENDING]},
            reason="sent back to the queue",
        )
        enqueue_after_commit(row.pk)
    row.refresh_from_db()
    return row
