"""Agents' skills per program, their live-contact certification, and which cases they may take.

An agent's skills in a program: membership itself (an active agent role there), languages,
`safety_trained` and `medical_information`. A case needs what its `CaseRouting` row says, plus
whatever its queue's `skills` list asks (language codes, `safety`/`safety_trained`,
`hcp`/`medical_information`). Supervisors and program admins edit skills in their own
programs only; auditors read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from caredesk.accounts.models import User
from caredesk.audit.models import AuditAction
from caredesk.audit.services import diff, record_event, snapshot
from caredesk.errors import Forbidden, InvalidInput, NotFound
from caredesk.routing.models import Queue
from caredesk.routing.models_agents import AgentSkills, CaseRouting, Skill
from caredesk.routing.services.priority import language_code
from caredesk.tenancy.models import Membership, Program, Role
from caredesk.tenancy.services import roles_of

# Roles whose members take cases from queues (supervisors and auditors watch, they do not).
AGENT_ROLES = frozenset(
    {
        Role.CARE_SPECIALIST,
        Role.MEDICAL_INFORMATION,
        Role.SAFETY_SPECIALIST,
        Role.QUALITY_SPECIALIST,
    }
)
MANAGER_ROLES = frozenset({Role.SUPERVISOR, Role.PROGRAM_ADMIN})
VIEWER_ROLES = MANAGER_ROLES | {Role.AUDITOR}
SKILL_FIELDS = ["languages", "safety_trained", "medical_information", "certified_at"]
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
_QUEUE_SKILL_ALIASES = {
    "safety": Skill.SAFETY_TRAINED,
    "safety_trained": Skill.SAFETY_TRAINED,
    "hcp": Skill.MEDICAL_INFORMATION,
    "medical_information": Skill.MEDICAL_INFORMATION,
}


@dataclass(frozen=True)
class AgentProfile:
    """What one agent can take in one program."""

    program_id: int
    languages: frozenset[str] = frozenset()
    safety_trained: bool = False
    medical_information: bool = False
    certified: bool = False

    @classmethod
    def of(cls, program_id: int, row: AgentSkills | None) -> AgentProfile:
        if row is None:
            return cls(program_id)
        return cls(
            program_id=program_id,
            languages=frozenset(language_code(c) for c in row.languages),
            safety_trained=row.safety_trained,
            medical_information=row.medical_information,
            certified=row.certified,
        )

    def covers(self, skills: list[Any]) -> bool:
        """Whether the agent has every skill a queue's `skills` list asks for."""
        for raw in skills or []:
            code = str(raw).strip().lower()
            skill = _QUEUE_SKILL_ALIASES.get(code)
            if skill == Skill.SAFETY_TRAINED and not self.safety_trained:
                return False
            if skill == Skill.MEDICAL_INFORMATION and not self.medical_information:
                return False
            if skill is None and not self._speaks(code):
                return False
        return True

    def _speaks(self, code: str) -> bool:
        """A queue skill that is not a known skill is a language code (`es` or `lang:es`)."""
        if code in ("", "program"):
            return True
        return language_code(code.removeprefix("lang:")) in self.languages

    def meets(self, routing: CaseRouting | None) -> bool:
        """Whether the agent has every skill the case's routing row asks for."""
        if routing is None:
            return True
        return (
            (not routing.needs_language or routing.needs_language in self.languages)
            and (self.safety_trained or not routing.needs_safety_trained)
            and (self.medical_information or not routing.needs_medical_information)
        )

    def case_filter(self) -> Q:
        """Cases of this program whose routing needs the agent meets (a filter on Case)."""
        needs = Q(routing__needs_language="") | Q(routing__needs_language__in=self.languages)
        if not self.safety_trained:
            needs &= Q(routing__needs_safety_trained=False)
        if not self.medical_information:
            needs &= Q(routing__needs_medical_information=False)
        return Q(program_id=self.program_id) & (Q(routing__isnull=True) | needs)


def agent_program_ids(agent: Any) -> set[int]:
    """Programs where the user holds an active agent role."""
    if not getattr(agent, "pk", None):
        return set()
    return set(
        Membership.objects.filter(user_id=agent.pk, active=True, role__in=AGENT_ROLES).values_list(
            "program_id", flat=True
        )
    )


def agent_profiles(agent: Any) -> dict[int, AgentProfile]:
    """The agent's profile in each program where they hold an agent role."""
    ids = agent_program_ids(agent)
    rows = {r.program_id: r for r in AgentSkills.objects.filter(user_id=agent.pk, program__in=ids)}
    return {pid: AgentProfile.of(pid, rows.get(pid)) for pid in ids}


def eligible_queue_ids(profiles: dict[int, AgentProfile]) -> set[int]:
    """Queues of the agent's programs whose own skills the agent covers."""
    queues = Queue.objects.filter(program_id__in=list(profiles)).values_list(
        "pk", "program_id", "skills"
    )
    return {pk for pk, pid, skills in queues if profiles[pid].covers(skills)}


def access_agent(program: Program, agent_id: int) -> User:
    """An agent of the program (active agent role there), else not found."""
    agent = User.objects.filter(
        pk=agent_id,
        memberships__program=program,
        memberships__active=True,
        memberships__role__in=AGENT_ROLES,
    ).first()
    if agent is None:
        raise NotFound("Agent not found")
    return agent


def check_can_view_agents(user: Any, program: Program) -> None:
    if not roles_of(user, program) & VIEWER_ROLES:
        raise Forbidden("Only supervisors, program admins and auditors see agents' skills")


def check_can_manage_agents(user: Any, program: Program) -> None:
    if not roles_of(user, program) & MANAGER_ROLES:
        raise Forbidden("Only supervisors and program admins change agents' skills")


def skills_of(program: Program, agent: User) -> AgentSkills:
    """The agent's skills row in the program (unsaved and empty when none was recorded)."""
    row = AgentSkills.objects.filter(user=agent, program=program).first()
    return row or AgentSkills(user=agent, program=program)


def program_agents(program: Program) -> QuerySet[User]:
    """Every agent of the program, by user name (unique: a stable order to page)."""
    return (
        User.objects.filter(
            memberships__program=program,
            memberships__active=True,
            memberships__role__in=AGENT_ROLES,
        )
        .distinct()
        .order_by("username")
    )


def with_skills(program: Program, agents: list[User]) -> list[tuple[User, AgentSkills]]:
    """The agents with their skills in the program (an unsaved empty row when none)."""
    found = AgentSkills.objects.filter(program=program, user__in=[a.pk for a in agents])
    rows = {r.user_id: r for r in found}
    return [(a, rows.get(a.pk) or AgentSkills(user=a, program=program)) for a in agents]


@dataclass
class SkillsInput:
    languages: list[str]
    safety_trained: bool = False
    medical_information: bool = False
    certified: bool = False


def _clean_languages(languages: list[str]) -> list[str]:
    codes = [language_code(code) for code in languages]
    bad = [raw for raw, code in zip(languages, codes, strict=True) if not _LANGUAGE.match(code)]
    if bad:
        raise InvalidInput("Invalid languages", {"languages": f"not language codes: {bad}"})
    return sorted(set(codes))


def update_agent_skills(
    program: Program, agent: User, data: SkillsInput, *, acting_user: Any
) -> AgentSkills:
    """Set an agent's skills and certification in one program; audited field by field."""
    check_can_manage_agents(acting_user, program)
    languages = _clean_languages(data.languages)
    row = skills_of(program, agent)
    before = snapshot(row, SKILL_FIELDS) if row.pk else dict.fromkeys(SKILL_FIELDS)
    row.languages = languages
    row.safety_trained = data.safety_trained
    row.medical_information = data.medical_information
    if data.certified and row.certified_at is None:
        row.certified_at = timezone.now()
        row.certified_by = acting_user
    elif not data.certified:
        row.certified_at = None
        row.certified_by = None
    with transaction.atomic():
        created = row.pk is None
        row.save()
        changes = diff(before, snapshot(row, SKILL_FIELDS))
        if changes or created:
            action = AuditAction.CREATE if created else AuditAction.UPDATE
            record_event(action, acting_user=acting_user, instance=row, changes=changes)
    return row
