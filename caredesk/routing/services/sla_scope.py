"""A case opened without knowing its channel takes the channel of its first contact.

Cases opened by the inbound path know their channel when they are created (`create_case`
passes it to `compute_due`). A case an agent opens in the workspace or through the API is
created first and its contact logged right after: at that first contact (the case leaves
`new`), `caredesk.cases.services.interactions` calls `adopt_first_contact_channel`, which
recomputes the due times from the opening under the policy for that channel and the person's
role, when it differs from the policy that set them. The change is audited and written on
the timeline; a case that already has a channel is left alone.
"""

from __future__ import annotations

from typing import Any

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.cases.models import Case, TimelineKind
from caredesk.cases.services.timeline import add_timeline_entry
from caredesk.people.models import Person
from caredesk.routing.models_sla import CaseSlaClock
from caredesk.routing.services.sla import compute_due

SYSTEM_ACTOR = "system:sla-scope"


def _role_of(case: Case) -> str:
    if case.person_id is None:
        return ""
    people = Person.objects.system_scope()  # scoping: ok (the case's own person)
    return people.filter(pk=case.person_id).values_list("role", flat=True).first() or ""


def adopt_first_contact_channel(case: Case, channel: str, *, acting_user: Any) -> None:
    """Re-choose the case's SLA policy with its first contact's `channel` (see module doc)."""
    clock = CaseSlaClock.objects.system_scope().filter(case_id=case.pk).first()  # scoping: ok
    if clock is not None and clock.channel:
        return
    role = clock.customer_type if clock is not None else _role_of(case)
    due = compute_due(
        case.program, case.case_type, case.opened_at, channel=channel, customer_type=role
    )
    if due.policy is None:
        return
    if clock is not None and clock.policy_id == due.policy.pk:
        clock.channel = channel
        clock.save(update_fields=["channel"])
        return
    old = (case.first_response_due, case.resolution_due)
    Case.objects.system_scope().filter(pk=case.pk).update(  # scoping: ok (this case)
        first_response_due=due.first_response_due, resolution_due=due.resolution_due
    )
    case.first_response_due, case.resolution_due = due.first_response_due, due.resolution_due
    CaseSlaClock.objects.system_scope().update_or_create(
        case_id=case.pk,
        defaults={
            "program_id": case.program_id,
            "policy": due.policy,
            "channel": channel,
            "customer_type": role,
        },
    )
    record_sla_change(case, old, acting_user, f"SLA policy for the first contact by {channel}")


def record_sla_change(case: Case, old: tuple[Any, Any], acting_user: Any, reason: str) -> None:
    """Audit and put on the timeline a case's new SLA due times (`old`: the previous pair)."""

    def iso(value: Any) -> str | None:
        return value.isoformat() if value is not None else None

    record_event(
        AuditAction.UPDATE,
        acting_user=acting_user,
        system_actor=SYSTEM_ACTOR,
        instance=case,
        program_id=case.program_id,
        changes={
            "first_response_due": [iso(old[0]), iso(case.first_response_due)],
            "resolution_due": [iso(old[1]), iso(case.resolution_due)],
        },
        reason=reason,
    )
    add_timeline_entry(
        case,
        TimelineKind.STATUS,
        reason,
        actor=acting_user,
        data={
            "sla": "policy",
            "first_response_due": iso(case.first_response_due),
            "resolution_due": iso(case.resolution_due),
        },
    )
