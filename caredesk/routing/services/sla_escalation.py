"""Escalating SLA warnings and breaches to the program's supervisors.

Called by the SLA sweep in the transaction that claimed the case's move to warning or
breached. Each case is escalated at most once per state: the `SlaEscalation` row (unique per
case and state) is the record, so a case that warns again after a pause pushed its due time
out notifies nobody twice. The notices are the workspace's one bell (the quality app's
`Notification`, written through the shared notice service), and the escalation is audited.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.cases.models import Case, SlaState
from caredesk.routing.models_sla import SlaEscalation
from caredesk.routing.services.sla_state import ClockStatus
from caredesk.safety.services.notices import member_ids, notify_users
from caredesk.tenancy.models import Program, Role

SYSTEM_ACTOR = "system:sla-sweep"
ESCALATED_STATES = (SlaState.WARNING, SlaState.BREACHED)


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError):
        return ZoneInfo("UTC")


def escalation_text(case: Case, state: str, clock: ClockStatus, program: Program) -> str:
    verb = "breached" if state == SlaState.BREACHED else "nearly due"
    due = clock.due.astimezone(_zone(program.time_zone))
    return f"{case.reference}: {clock.label} SLA {verb} (due {due:%a %d %b %H:%M %Z})"


def escalate_to_supervisors(
    case: Case, state: str, clock: ClockStatus, *, now: datetime, program: Program
) -> SlaEscalation | None:
    """Notify the program's supervisors of the case's warning or breach, once per state.

    Returns the new escalation, or None when this state was already escalated (or is not one
    that escalates)."""
    if state not in ESCALATED_STATES:
        return None
    escalation, created = SlaEscalation.objects.system_scope().get_or_create(  # scoping: ok
        case_id=case.pk,
        state=state,
        defaults={
            "program_id": case.program_id,
            "clock": clock.name,
            "due": clock.due,
            "created_at": now,
        },
    )
    if not created:
        return None
    supervisors = member_ids(case.program_id, [Role.SUPERVISOR])
    text = escalation_text(case, state, clock, program)
    escalation.notified = notify_users(case.program_id, supervisors, text, at=now, case_id=case.pk)
    escalation.save(update_fields=["notified"])
    record_event(
        AuditAction.CREATE,
        acting_user=None,
        actor_username=SYSTEM_ACTOR,
        instance=escalation,
        program_id=case.program_id,
        changes={"state": [None, state], "notified": [None, sorted(supervisors)]},
        reason=text,
    )
    return escalation
