"""The live queue board a supervisor watches: load, SLA health and staffing per queue.

Three queries whatever the number of cases: one over the user's queues with their open cases,
one counting agents by status per program, and one reading the available certified agents'
skills (to count, per queue, those who have the queue's skills; the safety priority queue asks
for safety training).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Count, Exists, Min, OuterRef, Q

from caredesk.accounts.models import AgentStatus
from caredesk.cases.models import OPEN_STATUSES, SlaState
from caredesk.routing.models import Queue
from caredesk.routing.models_agents import AgentSkills
from caredesk.routing.services.skills import AGENT_ROLES, AgentProfile
from caredesk.tenancy.models import Membership

__all__ = ["AGENT_ROLES", "QueueBoardRow", "queue_board"]


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
    agents_by_status: dict[str, int] = field(default_factory=dict)
    agents_skilled_available: int = 0


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
        .values("id", "code", "name", "program_id", "program__name", "skills", "is_safety_priority")
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


def _agent_memberships(user: Any) -> Any:
    return Membership.objects.visible_to(user).filter(
        active=True, role__in=AGENT_ROLES, user__is_active=True
    )


def agents_by_status(user: Any) -> dict[int, dict[str, int]]:
    """Agents per status, per program the user can see (each agent once per program)."""
    rows = (
        _agent_memberships(user)
        .values("program_id", "user__agent_status")
        .annotate(n=Count("user_id", distinct=True))
    )
    out: dict[int, dict[str, int]] = {}
    for row in rows:
        counts = out.setdefault(row["program_id"], dict.fromkeys(AgentStatus.values, 0))
        counts[row["user__agent_status"]] = row["n"]
    return out


def available_agents_by_program(user: Any) -> dict[int, int]:
    """Agents marked available, per program the user can see (each agent once per program)."""
    return {pid: counts[AgentStatus.AVAILABLE] for pid, counts in agents_by_status(user).items()}


def _available_profiles(user: Any) -> dict[int, list[AgentProfile]]:
    """Available agents' certified profiles, per program the user can see."""
    agent_there = Membership.objects.filter(
        user_id=OuterRef("user_id"),
        program_id=OuterRef("program_id"),
        active=True,
        role__in=AGENT_ROLES,
    )
    rows = AgentSkills.objects.visible_to(user).filter(
        Exists(agent_there),
        certified_at__isnull=False,
        user__is_active=True,
        user__agent_status=AgentStatus.AVAILABLE,
    )
    out: dict[int, list[AgentProfile]] = {}
    for row in rows:
        out.setdefault(row.program_id, []).append(AgentProfile.of(row.program_id, row))
    return out


def _queue_skills(row: dict[str, Any]) -> list[Any]:
    return [*(row["skills"] or []), *(["safety_trained"] if row["is_safety_priority"] else [])]


def queue_board(user: Any) -> list[QueueBoardRow]:
    """Every queue of the user's programs with its open cases, SLA states, oldest waiting
    case (opened_at of the oldest open case without a first response) and its staffing.

    `agents_available` and `agents_by_status` count the program's agents; the skilled count
    narrows the available ones to those certified in the program who have the queue's skills.
    """
    statuses = agents_by_status(user)
    profiles = _available_profiles(user)
    empty = dict.fromkeys(AgentStatus.values, 0)
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
            agents_available=statuses.get(row["program_id"], empty)[AgentStatus.AVAILABLE],
            agents_by_status=statuses.get(row["program_id"], empty),
            agents_skilled_available=sum(
                1 for p in profiles.get(row["program_id"], []) if p.covers(_queue_skills(row))
            ),
        )
        for row in _queue_aggregates(user)
    ]
