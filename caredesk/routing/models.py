"""Queues and the SLA policies that set each case's clocks."""

from __future__ import annotations

from datetime import time

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models

from caredesk.tenancy.models import Program
from caredesk.tenancy.scoping import ProgramScopedManager


class AssignmentMode(models.TextChoices):
    PULL = "pull", "Agents take the next case"
    PUSH = "push", "Cases are pushed to available agents"


class Queue(models.Model):
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="queues")
    code = models.SlugField(max_length=40)
    name = models.CharField(max_length=100)
    case_types = models.JSONField(default=list, blank=True, help_text="Case types routed here")
    skills = models.JSONField(
        default=list, blank=True, help_text="Skills an agent needs: language codes, safety, hcp"
    )
    is_default = models.BooleanField(default=False)
    is_safety_priority = models.BooleanField(
        default=False,
        help_text="The priority queue of safety-trained specialists: tampering and AE cases",
    )
    assignment_mode = models.CharField(
        max_length=4, choices=AssignmentMode.choices, default=AssignmentMode.PULL
    )

    objects = ProgramScopedManager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["program", "code"], name="uniq_queue_code")]

    def __str__(self) -> str:
        return self.name


class SlaPolicy(models.Model):
    """First-response and resolution targets for one case type in one program.

    Targets count only business time when `business_hours_only` is set: the program's opening
    hours on its weekdays, skipping its public holidays and closures, in its time zone.
    """

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="sla_policies")
    case_type = models.CharField(max_length=30)
    first_response_minutes = models.PositiveIntegerField()
    resolution_minutes = models.PositiveIntegerField()
    business_hours_only = models.BooleanField(default=True)
    opens_at = models.TimeField(default=time(8, 0), help_text="Local time in the program's zone")
    closes_at = models.TimeField(
        default=time(20, 0), help_text="At or before opening time: the window runs past midnight"
    )
    weekdays = models.CharField(
        max_length=7,
        default="01234",
        validators=[RegexValidator(r"^[0-6]{1,7}$", "Digits 0 (Monday) to 6 (Sunday)")],
        help_text="Open weekdays, Monday=0 … Sunday=6",
    )
    warn_at_percent = models.PositiveSmallIntegerField(
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="Warn when this share of the allowed time has elapsed",
    )

    objects = ProgramScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["program", "case_type"], name="uniq_sla_case_type")
        ]

    def __str__(self) -> str:
        return f"{self.program} {self.case_type}"


from caredesk.routing.models_agents import (  # noqa: E402,F401
    AgentSkills,
    CaseRouting,
    RoutingClass,
    RoutingSettings,
)
