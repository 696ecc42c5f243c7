"""Candidate signals under review, their cases, their follow-up actions, and each program's
signal plan (the PMS plan's method, thresholds and observation period, EU MDR Art. 88).

A candidate signal is one product x lot x event (or complaint code) that the trend engine, the
disproportionality scores or an agent's "I keep hearing this" flag brought up. It is reviewed
(new -> under review) and closed as a validated signal or refuted, with a reason and a Part 11
e-signature. At most one candidate per product x lot x event is open at a time: a later alert or
flag joins the open one (a database constraint, so two workers cannot race past it).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from caredesk.audit.models import ESignature
from caredesk.cases.models import Case
from caredesk.tenancy.models import Lot, Product, Program
from caredesk.tenancy.scoping import ProgramScopedManager

USER = settings.AUTH_USER_MODEL


class SignalSource(models.TextChoices):
    TREND = "trend", "Trend alert"
    DISPROPORTIONALITY = "disproportionality", "Disproportionality"
    AGENT = "agent", "Agent flag"


class SignalStatus(models.TextChoices):
    NEW = "new", "New"
    UNDER_REVIEW = "under_review", "Under review"
    VALIDATED = "validated", "Validated signal"
    REFUTED = "refuted", "Refuted"


OPEN_STATUSES = (SignalStatus.NEW, SignalStatus.UNDER_REVIEW)


class SignalPlan(models.Model):
    """The program's predefined trend method, thresholds and observation period (Art. 88 asks
    for them to be set in the PMS plan before any trend is reported against them)."""

    program = models.OneToOneField(Program, on_delete=models.CASCADE, related_name="+")
    method = models.CharField(
        max_length=300,
        default=(
            "Distinct reporters per product x lot x event in 3/7/14/28-day windows against the "
            "product's own weekday-adjusted baseline (negative binomial); disproportionality by "
            "PRR, ROR and the Gamma-Poisson Shrinker"
        ),
    )
    min_reporters = models.PositiveSmallIntegerField(
        default=3, help_text="Fewest distinct reporters (or reports) behind a candidate"
    )
    min_ratio = models.FloatField(default=1.5, help_text="Observed / expected in the window")
    eb05_threshold = models.FloatField(default=2.0, help_text="EB05 at or above: a candidate")
    prr_threshold = models.FloatField(default=2.0, help_text="PRR at or above (with ROR lower > 1)")
    observation_days = models.PositiveIntegerField(
        default=548, help_text="Days of history the periodic run reads (18 months)"
    )
    updated_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL)
    updated_at = models.DateTimeField(null=True, blank=True)

    objects = ProgramScopedManager()

    def __str__(self) -> str:
        return f"signal plan of {self.program_id}"


class CandidateSignal(models.Model):
    """One product x lot x event under review (see the module docstring)."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    source = models.CharField(max_length=20, choices=SignalSource.choices)
    product = models.ForeignKey(
        Product, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    product_name = models.CharField(max_length=200)
    lot = models.ForeignKey(Lot, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    lot_number = models.CharField(max_length=60, blank=True, help_text="Empty: product-wide")
    event = models.CharField(max_length=250, help_text="Coded event (PT) or complaint code")
    first_alert_date = models.DateField()
    method = models.CharField(max_length=40)
    scores = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=20, choices=SignalStatus.choices, default=SignalStatus.NEW)
    reason = models.TextField(blank=True, help_text="Why it was validated or refuted")
    opened_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    closed_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    signature = models.ForeignKey(
        ESignature, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    cases = models.ManyToManyField(Case, through="SignalCase", related_name="+")

    objects = ProgramScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["program", "product_name", "lot_number", "event"],
                condition=Q(status__in=["new", "under_review"]),
                name="uniq_open_candidate_signal",
            )
        ]
        indexes = [models.Index(fields=["program", "status"])]

    def __str__(self) -> str:
        lot = f" lot {self.lot_number}" if self.lot_number else ""
        return f"{self.product_name}{lot} / {self.event}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class SignalCase(models.Model):
    """A case behind a signal: found by a method, or flagged by an agent with a note."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    signal = models.ForeignKey(CandidateSignal, on_delete=models.CASCADE, related_name="links")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="+")
    source = models.CharField(max_length=20, choices=SignalSource.choices)
    note = models.CharField(max_length=500, blank=True)
    linked_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    linked_at = models.DateTimeField()

    objects = ProgramScopedManager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["signal", "case"], name="uniq_signal_case")]

    def __str__(self) -> str:
        return f"case {self.case_id} in signal {self.signal_id}"


class ActionKind(models.TextChoices):
    COMPLAINT_INVESTIGATION = "complaint_investigation", "Complaint investigation"
    RECALL_ASSESSMENT = "recall_assessment", "Recall assessment"


class SignalAction(models.Model):
    """A follow-up started from a validated signal. A recall assessment is recorded here (there
    is no recalls app yet) and noted on every linked case's timeline."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    signal = models.ForeignKey(CandidateSignal, on_delete=models.CASCADE, related_name="actions")
    kind = models.CharField(max_length=30, choices=ActionKind.choices)
    note = models.TextField(blank=True)
    details = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()

    objects = ProgramScopedManager()

    def __str__(self) -> str:
        return f"{self.kind} on signal {self.signal_id}"
