"""An agent's status: available (cases may be pushed to them), busy, or away.

The status is one per person (`User.agent_status`), not per program: someone at their desk is
at their desk for every program they serve. Only people holding an agent role somewhere set
it; an away or busy agent gets nothing pushed, and becoming available offers them the first
waiting case of a push queue (after commit, as a job).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from caredesk.accounts.models import AgentStatus, User
from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.errors import Forbidden, InvalidInput
from caredesk.routing.services.skills import agent_program_ids


def set_agent_status(agent: User, status: str, *, acting_user: Any) -> User:
    """Change the agent's own status; audited old → new."""
    if status not in AgentStatus.values:
        raise InvalidInput("Unknown status", {"status": f"one of {', '.join(AgentStatus.values)}"})
    if getattr(acting_user, "pk", None) != agent.pk:
        raise Forbidden("Agents set their own status")
    if not agent_program_ids(agent):
        raise Forbidden("Only agents have a status: you hold no agent role in any program")
    old = agent.agent_status
    if old == status:
        return agent
    with transaction.atomic():
        agent.agent_status = status
        agent.save(update_fields=["agent_status"])
        record_event(
            AuditAction.UPDATE,
            acting_user=acting_user,
            instance=agent,
            changes={"agent_status": [old, status]},
        )
        if status == AgentStatus.AVAILABLE:
            from caredesk.routing.tasks import offer_waiting_case_task

            agent_id = agent.pk
            transaction.on_commit(lambda: offer_waiting_case_task(agent_id))
    return agent
