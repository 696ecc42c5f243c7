"""Routing test data: agents with skills in a program, and the route walkers' objects."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from caredesk.accounts.models import AgentStatus, User
from caredesk.routing.models_agents import AgentSkills
from caredesk.tenancy.models import Program, Role
from caredesk.testing import factories as f


def give_skills(
    agent: User,
    program: Program,
    *,
    languages: tuple[str, ...] = ("en",),
    safety_trained: bool = False,
    medical_information: bool = False,
    certified: bool = True,
) -> AgentSkills:
    """Record an agent's skills in a program directly (tests of the skills service use it)."""
    return AgentSkills.objects.update_or_create(
        user=agent,
        program=program,
        defaults={
            "languages": list(languages),
            "safety_trained": safety_trained,
            "medical_information": medical_information,
            "certified_at": timezone.now() if certified else None,
        },
    )[0]


def skilled_agent(
    program: Program,
    *,
    status: str = AgentStatus.AVAILABLE,
    role: str = Role.CARE_SPECIALIST,
    **skills: Any,
) -> User:
    """A new agent of the program with the given skills and status."""
    agent = f.member(program, role, agent_status=status)
    give_skills(agent, program, **skills)
    return agent


def routing_side(program: Program) -> dict[str, int]:
    """An agent of the program, keyed by the routing routes' path parameter."""
    return {"agent_id": skilled_agent(program).pk}
