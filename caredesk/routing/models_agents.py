"""Who may take which case: each case's routing class and required skills, each agent's skills
and live-contact certification per program, and a program's routing settings.

The routing class lives in routing's own table (one row per case) rather than on `Case`, so
that the cases app stays unaware of routing rules; queues sort by joining it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from caredesk.tenancy.models import Program
from caredesk.tenancy.scoping import ProgramScopedManager


class RoutingClass(models.IntegerChoices):
    """The order in which waiting cases are served: a lower value is served first."""

    TAMPERING = 1, "Tampering"
    SERIOUS_ADVERSE_EVENT = 2, "Serious adverse event"
    ADVERSE_EVENT = 3, "Adverse event"
    RECALL = 4, "Recall"
    HCP_REQUEST = 5, "HCP / pharmacist request"
    COMPLAINT = 6, "Product complaint"
    GENERAL = 7, "General"


# Classes that go to the program's priority queue of safety-trained specialists.
SAFETY_CLASSES = frozenset(
    {RoutingClass.TAMPERING, RoutingClass.SERIOUS_ADVERSE_EVENT, RoutingClass.ADVERSE_EVENT}
)


class Skill(models.TextChoices):
    """Skills besides languages (a language skill is written `lang:<code>`)."""

    SAFETY_TRAINED = "safety_trained", "Safety trained"
    MEDICAL_INFORMATION = "medical_information", "Medical information / HCP"


class CaseRouting(models.Model):
    """A case's routing class and the skills an agent needs to take it.

    The needs are columns, not a JSON list, so that "cases this agent may take" is a plain
    indexed filter on SQLite and PostgreSQL alike.
    """

    case = models.OneToOneField(
        "cases.Case", primary_key=True, on_delete=models.CASCADE, related_name="routing"
    )
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    routing_class = models.PositiveSmallIntegerField(
        choices=RoutingClass.choices, default=RoutingClass.GENERAL
    )
    needs_language = models.CharField(
        max_length=8, blank=True, help_text="Language code the agent must speak, if any"
    )
    needs_safety_trained = models.BooleanField(default=False)
    needs_medical_information = models.BooleanField(default=False)
    routed_at = models.DateTimeField(help_text="When the class or needs last changed")

    objects = ProgramScopedManager()

    class Meta:
        indexes = [models.Index(fields=["program", "routing_class"])]

    def __str__(self) -> str:
        return f"case {self.case_id}: {self.get_routing_class_display()}"

    @property
    def required_skills(self) -> list[str]:
        out = [f"lang:{self.needs_language}"] if self.needs_language else []
        if self.needs_safety_trained:
            out.append(Skill.SAFETY_TRAINED)
        if self.needs_medical_information:
            out.append(Skill.MEDICAL_INFORMATION)
        return [str(s) for s in out]


class AgentSkills(models.Model):
    """One agent's skills in one program, and whether they are certified for live contacts.

    Program membership itself is the first skill: an agent takes only cases of programs where
    they hold an active agent role. `certified_at` is set by hand for now; the training and
    certification work (workforce) will set it when an agent passes.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agent_skills"
    )
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="+")
    languages = models.JSONField(default=list, blank=True, help_text="ISO 639-1 codes")
    safety_trained = models.BooleanField(default=False)
    medical_information = models.BooleanField(default=False)
    certified_at = models.DateTimeField(null=True, blank=True)
    certified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProgramScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "program"], name="uniq_agent_skills")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.program_id}: {', '.join(self.skill_codes)}"

    @property
    def certified(self) -> bool:
        return self.certified_at is not None

    @property
    def skill_codes(self) -> list[str]:
        out = [f"lang:{code}" for code in self.languages]
        if self.safety_trained:
            out.append(str(Skill.SAFETY_TRAINED))
        if self.medical_information:
            out.append(str(Skill.MEDICAL_INFORMATION))
        return out


class RoutingSettings(models.Model):
    """Per-program routing settings. A program without a row uses the defaults."""

    program = models.OneToOneField(Program, on_delete=models.CASCADE, related_name="+")
    default_language = models.CharField(
        max_length=8, default="en", help_text="Callers speaking it need no language skill"
    )

    objects = ProgramScopedManager()

    def __str__(self) -> str:
        return f"routing settings of {self.program_id}"
