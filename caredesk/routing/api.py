"""REST API of routing: "get next", the agent's own status, agents' skills, a case's class."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Status

from caredesk.accounts.models import User
from caredesk.api_support.auth import acting_user
from caredesk.api_support.pagination import Page, PageParams, paginate
from caredesk.api_support.router import ApiRouter
from caredesk.api_support.types import ObjectId
from caredesk.cases.models import Case
from caredesk.cases.schemas import CaseOut
from caredesk.cases.services.access import access_case
from caredesk.routing.models_agents import AgentSkills, CaseRouting, RoutingClass
from caredesk.routing.schemas import (
    AgentOut,
    CaseRoutingOut,
    ClassificationIn,
    ClassificationOut,
    NextIn,
    SkillsIn,
    StatusIn,
    StatusOut,
)
from caredesk.routing.services.agents import set_agent_status
from caredesk.routing.services.assignment import next_case_for
from caredesk.routing.services.priority import routing_of
from caredesk.routing.services.reclassify import reclassify_case
from caredesk.routing.services.skills import (
    SkillsInput,
    access_agent,
    check_can_view_agents,
    program_agents,
    skills_of,
    update_agent_skills,
    with_skills,
)
from caredesk.tenancy.services import access_program

router = ApiRouter(tags=["routing"])


@router.post("/routing/next", response={200: CaseOut, 204: None})
def get_next(request: HttpRequest, payload: NextIn) -> Status[Case | None]:
    """Take the next case to work on: highest routing class, earliest SLA due, oldest first.
    204 when no case waits for you. Send `{}`, or `{"program_id": N}` to keep to one program."""
    user = acting_user(request)
    program = access_program(user, payload.program_id) if payload.program_id else None
    case = next_case_for(user, program=program)
    return Status(204, None) if case is None else Status(200, case)


@router.put("/agents/me/status", response=StatusOut)
def put_my_status(request: HttpRequest, payload: StatusIn) -> dict[str, str]:
    """Set your own status: available (cases may be pushed to you), busy or away."""
    user = acting_user(request)
    agent = set_agent_status(user, payload.status, acting_user=user)
    return {"status": agent.agent_status}


def _agent_out(agent: User, row: AgentSkills) -> dict[str, Any]:
    return {
        "id": agent.pk,
        "username": agent.username,
        "label": agent.label,
        "status": agent.agent_status,
        "program_id": row.program_id,
        "languages": row.languages,
        "safety_trained": row.safety_trained,
        "medical_information": row.medical_information,
        "certified": row.certified,
        "certified_at": row.certified_at,
        "skills": row.skill_codes,
    }


@router.get("/programs/{program_id}/agents", response=Page[AgentOut])
def agents(request: HttpRequest, program_id: ObjectId, page: Query[PageParams]) -> dict[str, Any]:
    """The program's agents with their status, skills and certification there, by user name."""
    user = acting_user(request)
    program = access_program(user, program_id)
    check_can_view_agents(user, program)
    found = paginate(program_agents(program), page)
    rows = with_skills(program, found["items"])
    return found | {"items": [_agent_out(agent, row) for agent, row in rows]}


@router.get("/programs/{program_id}/agents/{agent_id}", response=AgentOut)
def agent(request: HttpRequest, program_id: ObjectId, agent_id: ObjectId) -> dict[str, Any]:
    user = acting_user(request)
    program = access_program(user, program_id)
    found = access_agent(program, agent_id)
    check_can_view_agents(user, program)
    return _agent_out(found, skills_of(program, found))


@router.put("/programs/{program_id}/agents/{agent_id}/skills", response=AgentOut)
def put_skills(
    request: HttpRequest, program_id: ObjectId, agent_id: ObjectId, payload: SkillsIn
) -> dict[str, Any]:
    """Set an agent's skills and live-contact certification in this program (supervisors and
    program admins of the program only)."""
    user = acting_user(request)
    program = access_program(user, program_id)
    found = access_agent(program, agent_id)
    data = SkillsInput(
        languages=list(payload.languages),
        safety_trained=payload.safety_trained,
        medical_information=payload.medical_information,
        certified=payload.certified,
    )
    return _agent_out(found, update_agent_skills(program, found, data, acting_user=user))


def _routing_out(row: CaseRouting) -> dict[str, Any]:
    klass = RoutingClass(row.routing_class)
    return {
        "case_id": row.case_id,
        "routing_class": klass.name.lower(),
        "rank": int(klass),
        "required_skills": row.required_skills,
        "routed_at": row.routed_at,
    }


@router.get("/cases/{case_id}/routing", response=CaseRoutingOut)
def case_routing(request: HttpRequest, case_id: ObjectId) -> dict[str, Any]:
    """The case's routing class and the skills an agent needs to take it."""
    return _routing_out(routing_of(access_case(acting_user(request), case_id, for_display=False)))


@router.put("/cases/{case_id}/classification", response=ClassificationOut)
def put_classification(
    request: HttpRequest, case_id: ObjectId, payload: ClassificationIn
) -> dict[str, Any]:
    """Change the case's type or priority: its routing class, queue and SLA policy are chosen
    again (audited, on the timeline)."""
    user = acting_user(request)
    case = reclassify_case(
        access_case(user, case_id, for_display=False),
        case_type=payload.case_type,
        priority=payload.priority,
        reason=payload.reason,
        acting_user=user,
    )
    return {
        **_routing_out(routing_of(case)),
        "case_type": case.case_type,
        "priority": case.priority,
        "queue_id": case.queue_id,
        "first_response_due": case.first_response_due,
        "resolution_due": case.resolution_due,
    }
