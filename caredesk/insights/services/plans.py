"""The program's signal plan: method, thresholds and observation period (EU MDR Art. 88 and
MDCG 2023-3 ask for them to be predefined in the PMS plan). Defaults until an admin sets them."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import diff, record_event, snapshot
from caredesk.errors import Forbidden, InvalidInput
from caredesk.insights.models import SignalPlan
from caredesk.tenancy.models import Program, Role
from caredesk.tenancy.services import check_can_write, roles_of

PLAN_FIELDS = [
    "method",
    "min_reporters",
    "min_ratio",
    "eb05_threshold",
    "prr_threshold",
    "observation_days",
]


def plan_for(program: Program) -> SignalPlan:
    """The saved plan, or the defaults (unsaved) when the program has none yet."""
    # scoping: ok (one program's own plan, asked for by its run or its page)
    found = SignalPlan.objects.system_scope().filter(program_id=program.pk).first()
    return found or SignalPlan(program=program)


def update_plan(program: Program, values: dict[str, Any], *, acting_user: Any) -> SignalPlan:
    """A program admin sets the plan (audited, old -> new)."""
    check_can_write(acting_user, program.pk)
    if Role.PROGRAM_ADMIN not in roles_of(acting_user, program.pk):
        raise Forbidden("Only a program admin sets the signal plan")
    unknown = set(values) - set(PLAN_FIELDS)
    if unknown:
        raise InvalidInput("Unknown plan fields", dict.fromkeys(sorted(unknown), "unknown"))
    plan = plan_for(program)
    before = snapshot(plan, PLAN_FIELDS)
    for name, value in values.items():
        setattr(plan, name, value)
    if plan.min_reporters < 1 or plan.observation_days < 28:
        raise InvalidInput("Implausible plan", {"observation_days": "at least 28 days"})
    plan.updated_by, plan.updated_at = acting_user, timezone.now()
    with transaction.atomic():
        plan.save()
        record_event(
            AuditAction.UPDATE,
            acting_user=acting_user,
            instance=plan,
            changes=diff(before, snapshot(plan, PLAN_FIELDS)),
            reason="signal plan set",
        )
    return plan
