"""Routing's background jobs: the minute SLA sweep and routing sweep, and assignment pushes."""

from __future__ import annotations

from dataclasses import asdict

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from caredesk.routing.services.sla_sweep import sweep_sla


@db_periodic_task(crontab(minute="*"))
def sla_sweep_task() -> dict[str, int]:
    """Mark SLA warnings and breaches; safe to run twice or on two workers at once."""
    return asdict(sweep_sla())


@db_task()
def push_case_task(case_id: int) -> int | None:
    """Push one case to an available agent (enqueued after the commit that routed it)."""
    from caredesk.cases.models import Case
    from caredesk.routing.services.assignment import assign_to_available_agent

    case = Case.objects.system_scope().filter(pk=case_id).first()  # scoping: ok (job by id)
    if case is None:
        return None
    agent = assign_to_available_agent(case)
    return agent.pk if agent is not None else None


@db_task()
def offer_waiting_case_task(agent_id: int) -> int | None:
    """Offer an agent who just became available the first waiting case of a push queue."""
    from caredesk.accounts.models import User
    from caredesk.routing.services.assignment import offer_waiting_case

    agent = User.objects.filter(pk=agent_id, is_active=True).first()
    if agent is None:
        return None
    case = offer_waiting_case(agent)
    return case.pk if case is not None else None


@db_periodic_task(crontab(minute="*"))
def route_unrouted_cases_task() -> int:
    """Route open cases that no service routed yet (older rows, direct inserts)."""
    from caredesk.routing.services.priority import route_unrouted_cases

    return route_unrouted_cases()
