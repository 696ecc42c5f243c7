"""Input and output shapes of the routing API."""

from __future__ import annotations

from datetime import datetime

from ninja import Schema
from pydantic import Field

from caredesk.accounts.models import AgentStatus
from caredesk.api_support.types import LanguageCode, ObjectId


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
