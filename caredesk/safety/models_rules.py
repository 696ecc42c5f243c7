"""Reportability rules in the database: versions of rules.yaml, program rules with a signed
approval, and the facts each case's clocks were last computed from.

Why versions: a due date is evidence in an inspection ("why was this report due on the 17th?"),
so every computed deadline names the rule version it came from, and loading a changed rule file
adds a version instead of editing rows that deadlines point to. A program's own rules (a
partner agreement's shorter clock, an internal hand-off) are proposals until another program
admin approves them with a Part 11 signature.

Imported at the end of `caredesk.safety.models`, so Django registers them with the safety app.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from caredesk.audit.models import ESignature
from caredesk.safety.models import SafetyCase
from caredesk.tenancy.models import Program
from caredesk.tenancy.scoping import ProgramScopedManager

USER = settings.AUTH_USER_MODEL


class ReportRuleSet(models.Model):
    """One loaded version of the rule file (the whole text kept: it is what deadlines cite)."""

    version = models.PositiveIntegerField(unique=True)
    sha256 = models.CharField(max_length=64, db_index=True, help_text="SHA-256 of the file")
    source = models.TextField(help_text="The rule file as loaded")
    loaded_at = models.DateTimeField()
    loaded_by = models.CharField(max_length=150, blank=True)

    class Meta:
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"rules v{self.version}"


class ReportRule(models.Model):
    """One rule of a loaded version, as readable rows (the engine reads `source`)."""

    ruleset = models.ForeignKey(ReportRuleSet, on_delete=models.PROTECT, related_name="rules")
    rule_id = models.CharField(max_length=80)
    kind = models.CharField(max_length=60)
    jurisdiction = models.CharField(max_length=4)
    product_types = models.JSONField(default=list)
    trigger = models.CharField(max_length=30)
    when = models.CharField(max_length=300)
    clock = models.PositiveIntegerField()
    unit = models.CharField(max_length=20)
    calendar = models.CharField(max_length=20, blank=True)
    group = models.CharField(max_length=40, blank=True)
    citation = models.TextField()
    basis = models.TextField()
    effective_from = models.DateField()
    effective_to = models.DateField(null=True, blank=True)
    verify = models.TextField(blank=True)

    class Meta:
        ordering = ["ruleset", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["ruleset", "rule_id"], name="uniq_rule_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.rule_id} (v{self.ruleset.version})"


class ProgramRuleStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    APPROVED = "approved", "Approved (in force)"
    REJECTED = "rejected", "Rejected"
    WITHDRAWN = "withdrawn", "Withdrawn"
    RETIRED = "retired", "Retired (replaced by a newer version)"


class ProgramRule(models.Model):
    """A program's own rule: an added clock, or an override of one rule of the file."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    rule_id = models.CharField(max_length=80, help_text="Stable name; versions share it")
    replaces = models.CharField(
        max_length=80, blank=True, help_text="The file rule this overrides (empty: an added rule)"
    )
    entry = models.JSONField(help_text="The rule, in the fields of rules.yaml")
    reason = models.TextField(help_text="Why: the agreement or SOP that sets this clock")
    status = models.CharField(
        max_length=10, choices=ProgramRuleStatus.choices, default=ProgramRuleStatus.PROPOSED
    )
    content_sha256 = models.CharField(max_length=64, help_text="What the approver signs")
    proposed_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    signature = models.ForeignKey(
        ESignature, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    retired_at = models.DateTimeField(null=True, blank=True)

    objects = ProgramScopedManager()

    class Meta:
        ordering = ["program", "rule_id", "-proposed_at"]
        indexes = [models.Index(fields=["program", "status"])]

    def __str__(self) -> str:
        return f"{self.rule_id} of {self.program_id} ({self.status})"


class ClockState(models.Model):
    """The facts a case's regulatory clocks were last computed from, and under which rules.

    Why: deadlines are recomputed only when these facts change, never because the rules did.
    """

    safety_case = models.OneToOneField(
        SafetyCase, on_delete=models.CASCADE, related_name="clock_state"
    )
    facts = models.JSONField(default=dict)
    ruleset = models.ForeignKey(
        ReportRuleSet, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    program_rules = models.JSONField(default=list, help_text="ProgramRule ids in force")
    computed_at = models.DateTimeField()

    scope_path = "safety_case__program"
    objects = ProgramScopedManager()

    def __str__(self) -> str:
        return f"clock state of {self.safety_case_id}"


class FollowUpInformation(models.Model):
    """New information received on a case; significant information starts follow-up clocks."""

    safety_case = models.ForeignKey(
        SafetyCase, on_delete=models.CASCADE, related_name="follow_up_information"
    )
    received_on = models.DateField(help_text="Day 0 of the follow-up report")
    significant = models.BooleanField(default=True)
    summary = models.TextField()
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    scope_path = "safety_case__program"
    objects = ProgramScopedManager()

    class Meta:
        ordering = ["received_on", "pk"]

    def __str__(self) -> str:
        return f"follow-up information of {self.safety_case_id} ({self.received_on})"
