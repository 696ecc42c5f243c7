"""Giving cases to agents: "get next" (pull) and push to an available agent.

Order of service: the highest routing class first, then the earliest SLA due time (first
response until answered, then resolution), then the oldest case. An agent takes only open,
unassigned cases of programs where they hold an agent role and are certified for live
contacts, whose routing needs and queue skills they meet. Cases waiting on the customer are
not handed out.

Two agents pressing "next" at once never get the same case. On PostgreSQL the candidate row is
locked with `SELECT … FOR UPDATE SKIP LOCKED`, so the second agent skips to the next case
instead of waiting; on SQLite every write transaction is `BEGIN IMMEDIATE` (and the web
process queues its writing requests, `api_support.sqlite_writes`), so pickers run one after
the other. On both, the claim itself is a conditional UPDATE (`owner IS NULL`), so a case
already taken is never taken again whatever the isolation.
"""

from __future__ import annotations

from typing import Any

from django.db import connection, transaction
from django.db.models import Case as When_
from django.db.models import Count, F, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from caredesk.accounts.models import AgentStatus, User
from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.cases.models import OPEN_STATUSES, Case, CaseStatus, TimelineKind
from caredesk.cases.services.timeline import add_timeline_entry
from caredesk.errors import Forbidden
from caredesk.routing.models import AssignmentMode, Queue
from caredesk.routing.models_agents import AgentSkills, CaseRouting, RoutingClass
from caredesk.routing.services.priority import ROUTER_ACTOR
from caredesk.routing.services.skills import (
    AGENT_ROLES,
    AgentProfile,
    agent_profiles,
    eligible_queue_ids,
)

WAITING_STATUSES = frozenset(OPEN_STATUSES - {CaseStatus.PENDING_CUSTOMER})
# Candidates tried before giving up: each one lost to a concurrent picker costs one more.
ATTEMPTS = 5
VIA_NEXT = "next"
VIA_PUSH = "push"


def waiting_cases(profiles: dict[int, AgentProfile]) -> QuerySet[Case]:
    """Open unassigned cases the agent may take (in certified programs), in order of service."""
    certified = [p for p in profiles.values() if p.certified]
    if not certified:
        return Case.objects.none()
    skills = Q()
    for profile in certified:
        skills |= profile.case_filter()
    queues = eligible_queue_ids({p.program_id: p for p in certified})
    return (
        Case.objects.filter(skills)
        .filter(Q(queue__isnull=True) | Q(queue_id__in=queues))
        .filter(owner__isnull=True, status__in=WAITING_STATUSES)
        .annotate(
            rank=Coalesce(F("routing__routing_class"), Value(int(RoutingClass.GENERAL))),
            next_due=When_(
                When(first_responded_at__isnull=True, then=F("first_response_due")),
                default=F("resolution_due"),
            ),
        )
        .order_by("rank", F("next_due").asc(nulls_last=True), "opened_at", "pk")
    )


def _locked(cases: QuerySet[Case]) -> QuerySet[Case]:
    """PostgreSQL: lock the row read and skip rows another picker holds."""
    if connection.features.has_select_for_update_skip_locked:
        return cases.select_for_update(skip_locked=True, of=("self",))
    return cases


def next_case_for(agent: Any, *, program: Any = None) -> Case | None:
    """Give the agent the next case to work on ("get next"), or None when nothing waits."""
    profiles = agent_profiles(agent)
    if program is not None:
        profiles = {pid: p for pid, p in profiles.items() if pid == program.pk}
    if not profiles:
        raise Forbidden("Only agents take cases from queues")
    if not any(p.certified for p in profiles.values()):
        raise Forbidden("You are not certified for live contacts in this program yet")
    with transaction.atomic():
        cases = waiting_cases(profiles)
        for _ in range(ATTEMPTS):
            case = _locked(cases).first()
            if case is None:
                return None
            if claim(case, agent, via=VIA_NEXT, acting_user=agent):
                return case
    return None


def claim(case: Case, agent: User, *, via: str, acting_user: Any = None) -> bool:
    """Make the agent the owner if the case has none yet; audited and on the timeline."""
    now = timezone.now()
    if not Case.objects.filter(pk=case.pk, owner__isnull=True).update(owner=agent, updated_at=now):
        return False
    case.owner = agent
    case.updated_at = now
    how = "took it with Get next" if via == VIA_NEXT else "pushed by the router"
    record_event(
        AuditAction.UPDATE,
        acting_user=acting_user,
        system_actor=ROUTER_ACTOR,
        instance=case,
        changes={"owner": [None, agent.pk]},
        reason=f"{agent.username} {how}",
    )
    routing_class = getattr(case, "rank", None) or _routing_class(case)
    add_timeline_entry(
        case,
        TimelineKind.ASSIGNMENT,
        f"Assigned to {agent.label}: {how}",
        actor=acting_user,
        data={"owner": agent.pk, "via": via, "routing_class": routing_class},
    )
    return True


def _routing_class(case: Case) -> int:
    found = CaseRouting.objects.filter(case_id=case.pk).values_list("routing_class", flat=True)
    return found.first() or int(RoutingClass.GENERAL)


def available_agents_for(case: Case) -> list[User]:
    """Available, certified agents of the case's program with the skills it needs, the one
    with the fewest open cases (over all programs) first."""
    routing = CaseRouting.objects.filter(case_id=case.pk).first()
    queue_skills = case.queue.skills if case.queue_id and case.queue else []
    rows = AgentSkills.objects.filter(
        program_id=case.program_id,
        certified_at__isnull=False,
        user__is_active=True,
        user__agent_status=AgentStatus.AVAILABLE,
        user__memberships__program_id=case.program_id,
        user__memberships__active=True,
        user__memberships__role__in=AGENT_ROLES,
    ).distinct()
    fit = [
        row.user_id
        for row in rows
        if (p := AgentProfile.of(case.program_id, row)).meets(routing) and p.covers(queue_skills)
    ]
    return list(
        User.objects.filter(pk__in=fit)
        .annotate(open_cases=Count("owned_cases", filter=Q(owned_cases__status__in=OPEN_STATUSES)))
        .order_by("open_cases", "pk")
    )


def assign_to_available_agent(case: Case) -> User | None:
    """Push the case to the best available agent; None (it stays in its queue) when there is
    no such agent, or the case is already owned or no longer open."""
    with transaction.atomic():
        current = _locked(Case.objects.filter(pk=case.pk)).select_related("queue").first()
        if current is None or current.owner_id is not None:
            return None
        if current.status not in WAITING_STATUSES:
            return None
        for agent in available_agents_for(current)[:ATTEMPTS]:
            if claim(current, agent, via=VIA_PUSH):
                case.owner = agent
                return agent
    return None


def offer_waiting_case(agent: User) -> Case | None:
    """An agent just became available: push them the first waiting case of a push queue."""
    if agent.agent_status != AgentStatus.AVAILABLE:
        return None
    push_queues = Queue.objects.filter(assignment_mode=AssignmentMode.PUSH)
    with transaction.atomic():
        cases = waiting_cases(agent_profiles(agent)).filter(queue__in=push_queues)
        for _ in range(ATTEMPTS):
            case = _locked(cases).first()
            if case is None:
                return None
            if claim(case, agent, via=VIA_PUSH):
                return case
    return None
