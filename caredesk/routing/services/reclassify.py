"""A case whose type, priority or person's role changes is routed and timed again.

A general inquiry that turns out to be an adverse event, or a caller who turns out to be a
pharmacist, changes the facts routing and the SLA policy were chosen from (decisions 0010 and
0014). `reclassify_case` (an agent's change of type or priority) and `person_role_changed` (the
people service, after a role change) re-choose, in the caller's transaction:
- the routing class and needs (`refresh_case_routing`: a safety class moves the case to the
  safety priority queue);
- the queue, when the type changed and the case is not in a safety class: the queue that lists
  the new type (else the default), as `create_case` would have chosen;
- the SLA policy (most specific for the new type, the first contact's channel and the person's
  role): the dues are recomputed from the opening, plus the business time already paused.
Each change is audited and written on the case's timeline.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.cases.models import OPEN_STATUSES, Case, CaseType, Interaction, Priority, TimelineKind
from caredesk.cases.services.timeline import add_timeline_entry
from caredesk.errors import Conflict, InvalidInput
from caredesk.people.models import Person
from caredesk.routing.models_agents import SAFETY_CLASSES
from caredesk.routing.models_sla import CaseSlaClock
from caredesk.routing.services.priority import refresh_case_routing
from caredesk.routing.services.queues import queue_for
from caredesk.routing.services.sla import policy_for, rules_for
from caredesk.routing.services.sla_scope import record_sla_change
from caredesk.tenancy.services import check_can_write

ROUTER_ACTOR = "system:router"


def _validate(case_type: str | None, priority: int | None) -> None:
    errors = {}
    if case_type is not None and case_type not in CaseType.values:
        errors["case_type"] = f"{case_type!r} is not one of {', '.join(CaseType.values)}"
    if priority is not None and priority not in Priority.values:
        errors["priority"] = f"one of {', '.join(str(v) for v in Priority.values)}"
    if errors:
        raise InvalidInput("Invalid classification", errors)


def reclassify_case(
    case: Case,
    *,
    case_type: str | None = None,
    priority: int | None = None,
    reason: str = "",
    acting_user: Any,
) -> Case:
    """Change the case's type and/or priority, then re-route and re-time it (module doc)."""
    check_can_write(acting_user, case.program_id)
    _validate(case_type, priority)
    with transaction.atomic():
        case = Case.objects.system_scope().select_for_update().get(pk=case.pk)  # scoping: ok
        if case.status not in OPEN_STATUSES:
            raise Conflict("A closed case keeps its classification")
        changes: dict[str, list[Any]] = {}
        if case_type is not None and case_type != case.case_type:
            changes["case_type"] = [case.case_type, case_type]
            case.case_type = case_type
        if priority is not None and priority != case.priority:
            changes["priority"] = [case.priority, priority]
            case.priority = priority
        if not changes:
            return case
        case.save(update_fields=[*changes, "updated_at"])
        why = reason.strip()[:500] or "reclassified"
        record_event(
            AuditAction.UPDATE, acting_user=acting_user, instance=case, changes=changes, reason=why
        )
        add_timeline_entry(
            case,
            TimelineKind.NOTE,
            "Reclassified: " + ", ".join(f"{k} {old} → {new}" for k, (old, new) in changes.items()),
            actor=acting_user,
            data={"reclassified": {k: [str(v) for v in pair] for k, pair in changes.items()}},
        )
        rechoose_routing_and_sla(case, acting_user=acting_user, type_changed="case_type" in changes)
    return case


def person_role_changed(person: Person, *, acting_user: Any) -> int:
    """The person's role changed: each of their open cases is re-routed and re-timed. Returns
    how many cases were looked at. Call inside the transaction that changed the role."""
    cases = Case.objects.system_scope().filter(  # scoping: ok (the person's own cases)
        person_id=person.pk, status__in=OPEN_STATUSES
    )
    count = 0
    for case in cases.select_for_update(of=("self",)).select_related("person"):
        rechoose_routing_and_sla(case, acting_user=acting_user, type_changed=False)
        count += 1
    return count


def rechoose_routing_and_sla(case: Case, *, acting_user: Any, type_changed: bool) -> None:
    routing = refresh_case_routing(case, acting_user=acting_user)
    if type_changed and routing.routing_class not in SAFETY_CLASSES:
        _move_to_type_queue(case, acting_user)
    _rechoose_sla_policy(case, acting_user)


def _move_to_type_queue(case: Case, acting_user: Any) -> None:
    queue = queue_for(case.program, case.case_type)
    if queue is None or queue.pk == case.queue_id:
        return
    old = case.queue_id
    case.queue = queue
    case.save(update_fields=["queue", "updated_at"])
    record_event(
        AuditAction.UPDATE,
        acting_user=acting_user,
        instance=case,
        changes={"queue": [old, queue.pk]},
        reason=f"the queue for {case.get_case_type_display().lower()}",
    )
    add_timeline_entry(
        case,
        TimelineKind.ASSIGNMENT,
        f"Moved to {queue.name}: the queue for {case.get_case_type_display().lower()}",
        actor=acting_user,
        data={"queue": queue.pk},
    )


def _facts(case: Case, clock: CaseSlaClock | None) -> tuple[str, str]:
    """(first contact's channel, the person's current role)."""
    channel = clock.channel if clock is not None else ""
    if not channel:
        first = Interaction.objects.filter(case_id=case.pk).order_by("occurred_at", "pk").first()
        channel = first.channel if first is not None else ""
    role = ""
    if case.person_id is not None:
        people = Person.objects.system_scope()  # scoping: ok (the case's own person)
        role = people.filter(pk=case.person_id).values_list("role", flat=True).first() or ""
    return channel, role


def _rechoose_sla_policy(case: Case, acting_user: Any) -> None:
    clock = CaseSlaClock.objects.system_scope().filter(case_id=case.pk).first()  # scoping: ok
    channel, role = _facts(case, clock)
    policy = policy_for(case.program, case.case_type, channel=channel, customer_type=role)
    if policy is None or (clock is not None and clock.policy_id == policy.pk):
        if clock is not None and clock.customer_type != role:
            clock.customer_type = role
            clock.save(update_fields=["customer_type"])
        return
    rules = rules_for(case.program, policy)
    paused = (clock.first_response_paused, clock.resolution_paused) if clock else (None, None)
    first = timedelta(minutes=policy.first_response_minutes) + (paused[0] or timedelta(0))
    resolution = timedelta(minutes=policy.resolution_minutes) + (paused[1] or timedelta(0))
    old = (case.first_response_due, case.resolution_due)
    case.first_response_due = rules.add(case.opened_at, first)
    case.resolution_due = rules.add(case.opened_at, resolution)
    case.save(update_fields=["first_response_due", "resolution_due", "updated_at"])
    CaseSlaClock.objects.system_scope().update_or_create(  # scoping: ok (this case)
        case_id=case.pk,
        defaults={
            "program_id": case.program_id,
            "policy": policy,
            "channel": channel,
            "customer_type": role,
        },
    )
    scope = " ".join(part for part in (policy.channel, policy.customer_type) if part) or "any"
    text = f"{policy.case_type} ({scope}), first response in {policy.first_response_minutes} min"
    record_sla_change(
        case, old, acting_user, f"SLA policy re-chosen after reclassification: {text}"
    )
