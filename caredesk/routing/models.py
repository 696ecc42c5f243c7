"""Queues and the SLA policies that set each case's clocks."""

from __future__ import annotations

from datetime import time

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models

from caredesk.people.models import HCP_ROLES, Channel, PersonRole
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


HCP_CUSTOMER_TYPE = "hcp"


class CustomerType(models.TextChoices):
    """Who a policy is for: one person role, or `hcp` for any healthcare professional."""

    HCP = HCP_CUSTOMER_TYPE, "Any healthcare professional"
    CONSUMER = PersonRole.CONSUMER.value, PersonRole.CONSUMER.label
    PATIENT = PersonRole.PATIENT.value, PersonRole.PATIENT.label
    CAREGIVER = PersonRole.CAREGIVER.value, PersonRole.CAREGIVER.label
    PHARMACIST = PersonRole.PHARMACIST.value, PersonRole.PHARMACIST.label
    PHYSICIAN = PersonRole.PHYSICIAN.value, PersonRole.PHYSICIAN.label
    NURSE = PersonRole.NURSE.value, PersonRole.NURSE.label
    VETERINARIAN = PersonRole.VETERINARIAN.value, PersonRole.VETERINARIAN.label
    OTHER = PersonRole.OTHER.value, PersonRole.OTHER.label


HCP_ROLE_VALUES = frozenset(role.value for role in HCP_ROLES)


class SlaPolicy(models.Model):
    """First-response and resolution targets for one case type in one program, optionally
    narrowed to the channel of the first contact and to the customer type (the person's role).

    Blank `channel` or `customer_type` means any. The most specific matching policy applies
    (see `caredesk.routing.services.sla.policy_for`). Targets count only business time when
    `business_hours_only` is set: the program's opening hours on its weekdays, skipping its
    public holidays and closures, in its time zone. The clocks stop while the case is in one
    of `pause_statuses` (none by default) and the due times move out by the paused time.
    """

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="sla_policies")
    case_type = models.CharField(max_length=30)
    channel = models.CharField(
        max_length=12, choices=Channel.choices, blank=True, help_text="Blank: any channel"
    )
    customer_type = models.CharField(
        max_length=20, choices=CustomerType.choices, blank=True, help_text="Blank: anyone"
    )
    pause_statuses = models.JSONField(
        default=list,
        blank=True,
        help_text="Case statuses during which the clocks stop, e.g. pending_customer",
    )
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
            models.UniqueConstraint(
                fields=["program", "case_type", "channel", "customer_type"], name="uniq_sla_scope"
            )
        ]

    def __str__(self) -> str:
        scope = " ".join(part for part in (self.channel, self.customer_type) if part)
        return f"{self.program} {self.case_type}" + (f" ({scope})" if scope else "")

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from caredesk.cases.models import OPEN_STATUSES

        bad = [s for s in self.pause_statuses or [] if s not in OPEN_STATUSES]
        if not isinstance(self.pause_statuses, list) or bad:
            allowed = ", ".join(sorted(OPEN_STATUSES))
            raise ValidationError({"pause_statuses": f"a list of open statuses: {allowed}"})


from caredesk.routing.models_agents import (  # noqa: E402,F401
    AgentSkills,
    CaseRouting,
    RoutingClass,
    RoutingSettings,
)
from caredesk.routing.models_sla import CaseSlaClock, SlaEscalation  # noqa: E402,F401
