"""Oversight of the safety clocks: who the program's safety lead is, which hand-off warnings
were given, and what became of each required regulatory report (the submission that fulfils
it, a late reason, the escalation of an overdue one).

Kept apart from `SafetyReportDue` on purpose: report rows are recomputed when a case's facts
change, so a `ReportTracking` row is keyed by what identifies the report to a person (safety
case, report kind, due date) and survives a recompute that keeps those; `report` is only a
convenience pointer that a recompute may clear.

Imported at the end of `caredesk.safety.models`, so Django registers them with the safety app.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from caredesk.safety.models import SafetyCase, SafetyReportDue
from caredesk.safety.models_submission import Submission
from caredesk.tenancy.models import Program
from caredesk.tenancy.scoping import ProgramScopedManager

USER = settings.AUTH_USER_MODEL


class SafetyOversight(models.Model):
    """A program's named safety lead (who overdue reports escalate to) and the short hand-off
    clock for fatal or life-threatening cases. No row: defaults, and escalations go to the
    program admins."""

    program = models.OneToOneField(Program, on_delete=models.CASCADE, related_name="+")
    safety_lead = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    urgent_forward_hours = models.PositiveSmallIntegerField(
        default=24, help_text="Hours to forward a fatal or life-threatening case to PV"
    )
    updated_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)

    objects = ProgramScopedManager()

    def __str__(self) -> str:
        return f"safety oversight of {self.program_id}"


class HandoffWarning(models.Model):
    """One hand-off warning given (50, 80 or 100 % of the time allowed): given once per case."""

    safety_case = models.ForeignKey(
        SafetyCase, on_delete=models.CASCADE, related_name="handoff_warnings"
    )
    percent = models.PositiveSmallIntegerField()
    due = models.DateTimeField(help_text="The hand-off deadline the warning was given against")
    reached_at = models.DateTimeField(help_text="When that share of the time allowed ran out")
    warned_at = models.DateTimeField()

    scope_path = "safety_case__program"
    objects = ProgramScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["safety_case", "percent"], name="uniq_handoff_warning_percent"
            )
        ]

    def __str__(self) -> str:
        return f"{self.percent}% hand-off warning of {self.safety_case_id}"


class ReportTracking(models.Model):
    """What became of one required report: its submission, late reason and escalation."""

    safety_case = models.ForeignKey(
        SafetyCase, on_delete=models.CASCADE, related_name="report_tracking"
    )
    kind = models.CharField(max_length=40)
    due = models.DateField()
    report = models.ForeignKey(
        SafetyReportDue, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submission = models.ForeignKey(
        Submission,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="fulfils",
        help_text="The (first) submission of this report; its resubmissions follow it",
    )
    linked_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    linked_at = models.DateTimeField(null=True, blank=True)
    late_reason = models.TextField(blank=True)
    late_reason_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    late_reason_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    escalated_to = models.JSONField(default=list, blank=True, help_text="User ids notified")

    scope_path = "safety_case__program"
    objects = ProgramScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["safety_case", "kind", "due"], name="uniq_report_tracking"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} due {self.due} of {self.safety_case_id}"
