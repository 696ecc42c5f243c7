"""Opening a case, changing its status, assigning it."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import diff, record_created, record_event, snapshot
from caredesk.cases.models import (
    OPEN_STATUSES,
    Case,
    CaseStatus,
    CaseType,
    Priority,
    TimelineKind,
)
from caredesk.cases.services.timeline import add_timeline_entry
from caredesk.errors import Conflict, InvalidInput
from caredesk.people.models import Channel, Person
from caredesk.routing.models import Queue
from caredesk.routing.services.queues import queue_for
from caredesk.routing.services.sla import compute_due
from caredesk.tenancy.models import Lot, Product, Program
from caredesk.tenancy.services import check_can_write

CASE_FIELDS = [
    "subject",
    "case_type",
    "status",
    "priority",
    "person",
    "owner",
    "queue",
    "product",
    "lot",
    "topics",
]
_REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"  # no 0/O, 1/I/L: read over the phone


def new_reference() -> str:
    while True:
        ref = "CD-" + "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(7))
        if not Case.objects.filter(reference=ref).exists():
            return ref


@dataclass
class CaseInput:
    subject: str
    case_type: str = CaseType.GENERAL_INQUIRY
    priority: int = Priority.NORMAL
    person: Person | None = None
    product: Product | None = None
    lot: Lot | None = None
    queue: Queue | None = None
    topics: list[str] = field(default_factory=list)
    opened_at: datetime | None = None
    channel: str = ""  # of the first contact, when known: SLA policies may depend on it


def _validate_case(program: Program, data: CaseInput) -> None:
    errors: dict[str, str] = {}
    if not data.subject.strip():
        errors["subject"] = "a case needs a subject"
    if data.case_type not in CaseType.values:
        errors["case_type"] = f"{data.case_type!r} is not one of {', '.join(CaseType.values)}"
    if data.priority not in Priority.values:
        errors["priority"] = "priority is 1 (critical) to 5 (low)"
    for name in ("person", "product", "queue"):
        obj = getattr(data, name)
        if obj is not None and obj.program_id != program.pk:
            errors[name] = f"{name} belongs to another program"
    if data.lot is not None:
        if data.lot.product.program_id != program.pk:
            errors["lot"] = "lot belongs to another program"
        elif data.product is not None and data.lot.product_id != data.product.pk:
            errors["lot"] = "lot is not a lot of the case's product"
    if data.channel and data.channel not in Channel.values:
        errors["channel"] = f"{data.channel!r} is not one of {', '.join(Channel.values)}"
    if any(not isinstance(t, str) or not t.strip() for t in data.topics):
        errors["topics"] = "topic codes are non-empty strings"
    if errors:
        raise InvalidInput("Invalid case", errors)


def create_case(program: Program, data: CaseInput, *, acting_user: Any) -> Case:
    check_can_write(acting_user, program)
    _validate_case(program, data)
    opened_at = data.opened_at or timezone.now()
    due = compute_due(
        program,
        data.case_type,
        opened_at,
        channel=data.channel,
        customer_type=data.person.role if data.person else "",
    )
    with transaction.atomic():
        case = Case.objects.create(
            program=program,
            reference=new_reference(),
            subject=data.subject.strip(),
            case_type=data.case_type,
            priority=data.priority,
            person=data.person,
            product=data.product or (data.lot.product if data.lot else None),
            lot=data.lot,
            queue=data.queue or queue_for(program, data.case_type),
            topics=[t.strip() for t in data.topics],
            opened_at=opened_at,
            first_response_due=due.first_response_due,
            resolution_due=due.resolution_due,
            created_by=acting_user if getattr(acting_user, "pk", None) else None,
        )
        record_created(case, acting_user=acting_user, fields=CASE_FIELDS)
        add_timeline_entry(
            case, TimelineKind.CREATED, f"Case opened: {case.subject}", actor=acting_user
        )
        _start_sla_clock(case, due, data)
        _route(case, acting_user)
    return case


def _start_sla_clock(case: Case, due: Any, data: CaseInput) -> None:
    from caredesk.routing.services.sla_pause import start_sla_clock

    start_sla_clock(case, due.policy, channel=data.channel)


def _sla_status_hook(case: Case, new_status: str, at: datetime, acting_user: Any) -> None:
    """Pause or resume the SLA clocks where the case's policy says (routing's rule)."""
    from caredesk.routing.services.sla_pause import on_status_change

    on_status_change(case, new_status, at=at, acting_user=acting_user)


def _route(case: Case, acting_user: Any) -> None:
    from caredesk.routing.services.priority import refresh_case_routing

    refresh_case_routing(case, acting_user=acting_user, new=True)


def _check_transition(case: Case, new_status: str, reason: str) -> None:
    if new_status not in CaseStatus.values:
        raise InvalidInput("Unknown status", {"status": f"{new_status!r} is not a status"})
    if case.status == CaseStatus.CLOSED:
        raise Conflict("The case is closed; reopen it first", {"status": "case is closed"})
    if new_status == case.status:
        raise Conflict(f"The case is already {case.get_status_display().lower()}")
    if new_status == CaseStatus.CLOSED:
        if not reason.strip():
            raise InvalidInput("A reason is required to close a case", {"reason": "required"})
        open_requests = case.requests.filter(resolved_at__isnull=True).count()
        if open_requests:
            raise Conflict(
                f"{open_requests} request(s) on this case are not resolved",
                {"status": "resolve every request before closing"},
            )
    from caredesk.safety.services.findings import check_case_transition

    check_case_transition(case, new_status)


def _refresh_sla_after_commit(case: Case) -> None:
    """The SLA state reflects a resolution or reopening at once, not at the next sweep."""
    from caredesk.cases.tasks import refresh_case_sla

    case_id = case.pk
    transaction.on_commit(lambda: refresh_case_sla(case_id))


def change_status(case: Case, new_status: str, *, acting_user: Any, reason: str = "") -> Case:
    """Move a case to a new status; closing needs a reason and every request resolved."""
    check_can_write(acting_user, case.program_id)
    _check_transition(case, new_status, reason)
    before = snapshot(case, ["status", "close_reason"])
    now = timezone.now()
    with transaction.atomic():
        old_label = case.get_status_display()
        case.status = new_status
        if new_status == CaseStatus.CLOSED:
            case.close_reason = reason.strip()
            case.closed_at = now
        if new_status in (CaseStatus.RESOLVED, CaseStatus.CLOSED) and not case.resolved_at:
            case.resolved_at = now
        if new_status in OPEN_STATUSES:
            case.closed_at = None
            case.resolved_at = None
        case.save(
            update_fields=["status", "close_reason", "closed_at", "resolved_at", "updated_at"]
        )
        changes = diff(before, snapshot(case, ["status", "close_reason"]))
        record_event(
            AuditAction.UPDATE,
            acting_user=acting_user,
            instance=case,
            changes=changes,
            reason=reason,
        )
        add_timeline_entry(
            case,
            TimelineKind.STATUS,
            f"{old_label} → {case.get_status_display()}" + (f": {reason}" if reason else ""),
            actor=acting_user,
        )
        _sla_status_hook(case, new_status, now, acting_user)
        _refresh_sla_after_commit(case)
    return case


def reopen_case(case: Case, *, acting_user: Any, reason: str) -> Case:
    check_can_write(acting_user, case.program_id)
    if case.status != CaseStatus.CLOSED:
        raise Conflict("Only a closed case can be reopened")
    if not reason.strip():
        raise InvalidInput("A reason is required to reopen a case", {"reason": "required"})
    with transaction.atomic():
        case.status = CaseStatus.OPEN
        case.closed_at = None
        case.resolved_at = None
        case.save(update_fields=["status", "closed_at", "resolved_at", "updated_at"])
        record_event(
            AuditAction.UPDATE,
            acting_user=acting_user,
            instance=case,
            changes={"status": [CaseStatus.CLOSED, CaseStatus.OPEN]},
            reason=reason,
        )
        add_timeline_entry(case, TimelineKind.STATUS, f"Reopened: {reason}", actor=acting_user)
        _refresh_sla_after_commit(case)
    return case


def assign_case(
    case: Case, *, acting_user: Any, owner: Any = None, queue: Queue | None = None
) -> Case:
    """Give a case an owner and/or move it to a queue of the same program."""
    check_can_write(acting_user, case.program_id)
    if queue is not None and queue.program_id != case.program_id:
        raise InvalidInput("Invalid queue", {"queue": "queue belongs to another program"})
    if owner is not None:
        from caredesk.tenancy.services import roles_of

        if not roles_of(owner, case.program_id):
            raise InvalidInput("Invalid owner", {"owner": "owner is not assigned to this program"})
    before = snapshot(case, ["owner", "queue"])
    with transaction.atomic():
        if owner is not None:
            case.owner = owner
        if queue is not None:
            case.queue = queue
        case.save(update_fields=["owner", "queue", "updated_at"])
        changes = diff(before, snapshot(case, ["owner", "queue"]))
        record_event(AuditAction.UPDATE, acting_user=acting_user, instance=case, changes=changes)
        who = getattr(case.owner, "label", "nobody")
        where = case.queue.name if case.queue else "no queue"
        add_timeline_entry(
            case, TimelineKind.ASSIGNMENT, f"Assigned to {who} in {where}", actor=acting_user
        )
    return case
