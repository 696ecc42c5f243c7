"""Input and output shapes of the routing API."""

from __future__ import annotations

from datetime import datetime

from ninja import Schema
from pydantic import Field

from caredesk.accounts.models import AgentStatus
from caredesk.api_support.types import LanguageCode, ObjectId
from caredesk.cases.models import CaseType


class NextIn(Schema):
    """Optionally limit "get next" to one program."""

    program_id: ObjectId | None = None


class StatusIn(Schema):
    status: AgentStatus


class StatusOut(Schema):
    status: AgentStatus


class SkillsIn(Schema):
    languages: list[LanguageCode] = Field(default_factory=list, max_length=20)
    safety_trained: bool = False
    medical_information: bool = False
    certified: bool = Field(False, description="Certified for live contacts in this program")


class AgentOut(Schema):
    id: int
    username: str
    label: str
    status: AgentStatus
    program_id: int
    languages: list[str]
    safety_trained: bool
    medical_information: bool
    certified: bool
    certified_at: datetime | None
    skills: list[str]


class CaseRoutingOut(Schema):
    case_id: int
    routing_class: str = Field(description="tampering … general, in order of service")
    rank: int = Field(description="1 is served first")
    required_skills: list[str]
    routed_at: datetime | None


class ClassificationIn(Schema):
    """A new type and/or priority; the routing class, queue and SLA policy follow."""

    case_type: CaseType | None = None
    priority: int | None = Field(None, ge=1, le=5, description="1 critical … 5 low")
    reason: str = Field("", max_length=500)


class ClassificationOut(CaseRoutingOut):
    case_type: str
    priority: int
    queue_id: int | None
    first_response_due: datetime | None
    resolution_due: datetime | None
