"""The live queue board a supervisor watches: load, SLA health and staffing per queue.

Two aggregate queries whatever the number of cases: one over the user's queues with their
open cases, one counting available agents per program.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Count, Min, Q

from caredesk.accounts.models import AgentStatus
from caredesk.cases.models import OPEN_STATUSES, SlaState
from caredesk.routing.models import Queue
from caredesk.tenancy.models import Membership, Role

# Roles whose members take cases from queues (supervisors and auditors watch, they do not).
AGENT_ROLES = frozenset(
    {
        Role.CARE_SPECIALIST,
        Role.MEDICAL_INFORMATION,
        Role.SAFETY_SPECIALIST,
        Role.QUALITY_SPECIALIST,
    }
)


@dataclass(frozen=True)
class QueueBoardRow:
    """One queue on the board. `by_sla_state` has a count for every `SlaState` value."""

    queue_id: int
    queue_code: str
    queue_name: str
    program_id: int
    program_name: str
    open_count: int
    by_sla_state: dict[str, int] = field(default_factory=dict)
    oldest_waiting_opened_at: datetime | None = None
    agents_available: int = 0


def _open(extra: Q | None = None) -> Q:
    q = Q(cases__status__in=OPEN_STATUSES)
    return q & extra if extra is not None else q


def _queue_aggregates(user: Any) -> list[dict[str, Any]]:
    state_counts = {
        f"sla_{state}": Count("cases", filter=_open(Q(cases__sla_state=state)))
        for state in SlaState.values
    }
    rows: Any = (
        Queue.objects.visible_to(user)
        .values("id", "code", "name", "program_id", "program__name")
        .annotate(
            open_count=Count("cases", filter=_open()),
            oldest_waiting=Min(
                "cases__opened_at", filter=_open(Q(cases__first_responded_at__isnull=True))
            ),
            **state_counts,
        )
        .order_by("program__name", "name", "id")
    )
    return list(rows)


def available_agents_by_program(user: Any) -> dict[int, int]:
    """Agents marked available, per program the user can see (each agent once per program)."""
    rows = (
        Membership.objects.visible_to(user)
        .filter(
            active=True,
            role__in=AGENT_ROLES,
            user__is_active=True,
            user__agent_status=AgentStatus.AVAILABLE,
        )
        .values("program_id")
        .annotate(n=Count("user_id", distinct=True))
    )
    return {row["program_id"]: row["n"] for row in rows}


def queue_board(user: Any) -> list[QueueBoardRow]:
    """Every queue of the user's programs with its open cases, SLA states, oldest waiting
    case (opened_at of the oldest open case without a first response) and available agents.

    Agents are counted per program: queue skills do not narrow the count yet.
    """
    agents = available_agents_by_program(user)
    return [
        QueueBoardRow(
            queue_id=row["id"],
            queue_code=row["code"],
            queue_name=row["name"],
            program_id=row["program_id"],
            program_name=row["program__name"],
            open_count=row["open_count"],
            by_sla_state={state: row[f"sla_{state}"] for state in SlaState.values},
            oldest_waiting_opened_at=row["oldest_waiting"],
            agents_available=agents.get(row["program_id"], 0),
        )
        for row in _queue_aggregates(user)
    ]
