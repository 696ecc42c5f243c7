"""Per-case SLA bookkeeping kept in routing's own tables: which policy set the clocks, the
pause in progress and the paused time so far, and the escalations already sent."""

from __future__ import annotations

from datetime import timedelta

from django.db import models

from caredesk.tenancy.models import Program
from caredesk.tenancy.scoping import ProgramScopedManager


class CaseSlaClock(models.Model):
    """The policy a case's clocks follow and their pauses. Written when the case is opened
    under a policy (or lazily, at its first pause, for older cases)."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, primary_key=True, related_name="sla_clock"
    )
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    policy = models.ForeignKey(
        "routing.SlaPolicy", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    channel = models.CharField(max_length=12, blank=True, help_text="Channel of first contact")
    customer_type = models.CharField(max_length=20, blank=True, help_text="The person's role")
    paused_since = models.DateTimeField(null=True, blank=True)
    paused_status = models.CharField(max_length=20, blank=True)
    first_response_paused = models.DurationField(default=timedelta(0))
    resolution_paused = models.DurationField(default=timedelta(0))

    objects = ProgramScopedManager()

    class Meta:
        indexes = [models.Index(fields=["paused_since"])]

    def __str__(self) -> str:
        return f"SLA clock of case {self.case_id}"

    @property
    def is_paused(self) -> bool:
        return self.paused_since is not None


class SlaEscalation(models.Model):
    """A warning or breach of one case reported to its program's supervisors: once per state."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    state = models.CharField(max_length=12)
    clock = models.CharField(max_length=20)
    due = models.DateTimeField()
    notified = models.PositiveIntegerField(default=0, help_text="Supervisors notified")
    created_at = models.DateTimeField()

    objects = ProgramScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "state"], name="uniq_sla_escalation")
        ]

    def __str__(self) -> str:
        return f"{self.state} of case {self.case_id}"
