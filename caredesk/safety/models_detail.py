"""The E2B(R3) details of a safety case and the QA review queue.

`SafetyCase` holds the case-level facts (criteria, seriousness, expectedness, narrative); the
repeating sections of an ICSR live here: reactions/events (E.i, each coded through the
terminology layer) and drugs (G.k, with role, dose, route, lot and causality). `QaReview` is the
safety specialist's second look at a sample of dismissed flags and unflagged contacts.

Imported at the end of `caredesk.safety.models`, so Django registers them with the safety app.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from caredesk.cases.models import Case, Interaction
from caredesk.safety.models import Finding, SafetyCase
from caredesk.tenancy.models import Lot, Product, Program
from caredesk.tenancy.scoping import ProgramScopedManager
from caredesk.terminology.models import Term

USER = settings.AUTH_USER_MODEL


class ReactionOutcome(models.TextChoices):
    """E2B(R3) E.i.7."""

    RECOVERED = "1", "Recovered / resolved"
    RECOVERING = "2", "Recovering / resolving"
    NOT_RECOVERED = "3", "Not recovered / ongoing"
    SEQUELAE = "4", "Recovered with sequelae"
    FATAL = "5", "Fatal"
    UNKNOWN = "0", "Unknown"


class SafetyReaction(models.Model):
    """One reaction or event (E2B E.i): the reporter's words and the coded term."""

    safety_case = models.ForeignKey(SafetyCase, on_delete=models.CASCADE, related_name="reactions")
    verbatim = models.CharField(max_length=250, help_text="As reported (E.i.1.1a)")
    term = models.ForeignKey(
        Term, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The coding is copied: a case keeps the code and version it was coded with (E.i.2.1).
    coded_code = models.CharField(max_length=20, blank=True)
    coded_term = models.CharField(max_length=250, blank=True)
    coded_version = models.CharField(max_length=100, blank=True)
    onset = models.DateField(null=True, blank=True, help_text="E.i.4")
    end = models.DateField(null=True, blank=True, help_text="E.i.5")
    outcome = models.CharField(
        max_length=1, choices=ReactionOutcome.choices, default=ReactionOutcome.UNKNOWN
    )
    created_at = models.DateTimeField()

    scope_path = "safety_case__program"
    objects = ProgramScopedManager()

    class Meta:
        ordering = ["safety_case", "pk"]

    def __str__(self) -> str:
        return self.coded_term or self.verbatim


class DrugRole(models.TextChoices):
    """E2B(R3) G.k.1."""

    SUSPECT = "1", "Suspect"
    CONCOMITANT = "2", "Concomitant"
    INTERACTING = "3", "Interacting"
    NOT_ADMINISTERED = "4", "Drug not administered"


class Route(models.TextChoices):
    """E2B route of administration codes (G.k.4.r.10)."""

    ORAL = "048", "Oral"
    TOPICAL = "061", "Topical"
    CUTANEOUS = "003", "Cutaneous"
    TRANSDERMAL = "062", "Transdermal"
    SUBLINGUAL = "060", "Sublingual"
    INTRAVENOUS = "042", "Intravenous"
    INTRAMUSCULAR = "030", "Intramuscular"
    SUBCUTANEOUS = "058", "Subcutaneous"
    INHALATION = "055", "Respiratory (inhalation)"
    NASAL = "045", "Nasal"
    OPHTHALMIC = "047", "Ophthalmic"
    RECTAL = "054", "Rectal"
    VAGINAL = "067", "Vaginal"
    OTHER = "050", "Other"
    UNKNOWN = "065", "Unknown"


class ActionTaken(models.TextChoices):
    """E2B(R3) G.k.8."""

    WITHDRAWN = "1", "Drug withdrawn"
    REDUCED = "2", "Dose reduced"
    INCREASED = "3", "Dose increased"
    UNCHANGED = "4", "Dose not changed"
    UNKNOWN = "0", "Unknown"
    NOT_APPLICABLE = "9", "Not applicable"


class Causality(models.TextChoices):
    RELATED = "related", "Related"
    POSSIBLE = "possible", "Possibly related"
    UNLIKELY = "unlikely", "Unlikely related"
    NOT_RELATED = "not_related", "Not related"
    UNASSESSABLE = "unassessable", "Unassessable"
    NOT_ASSESSED = "not_assessed", "Not yet assessed"


class SafetyProduct(models.Model):
    """One drug or device of the case (E2B G.k): suspect, concomitant or interacting."""

    safety_case = models.ForeignKey(SafetyCase, on_delete=models.CASCADE, related_name="drugs")
    role = models.CharField(max_length=1, choices=DrugRole.choices, default=DrugRole.SUSPECT)
    product = models.ForeignKey(
        Product, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(max_length=200, help_text="As reported (G.k.2.2)")
    lot = models.ForeignKey(Lot, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    lot_number = models.CharField(max_length=60, blank=True, help_text="G.k.4.r.7")
    dose = models.CharField(max_length=100, blank=True, help_text="e.g. 200 mg twice a day")
    route = models.CharField(max_length=3, choices=Route.choices, blank=True)
    indication = models.CharField(max_length=250, blank=True, help_text="G.k.7")
    start = models.DateField(null=True, blank=True)
    stop = models.DateField(null=True, blank=True)
    action_taken = models.CharField(
        max_length=1, choices=ActionTaken.choices, default=ActionTaken.UNKNOWN
    )
    causality = models.CharField(
        max_length=14, choices=Causality.choices, default=Causality.NOT_ASSESSED
    )
    created_at = models.DateTimeField()

    scope_path = "safety_case__program"
    objects = ProgramScopedManager()

    class Meta:
        ordering = ["safety_case", "role", "pk"]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.name}"


class QaKind(models.TextChoices):
    DISMISSED = "dismissed", "Dismissed flag"
    UNFLAGGED = "unflagged", "Unflagged contact"


class QaStatus(models.TextChoices):
    PENDING = "pending", "To review"
    AGREED = "agreed", "Agreed"
    MISSED = "missed", "Missed: finding added"


class QaReview(models.Model):
    """One sampled decision (or silence) for a safety specialist to check."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    week = models.DateField(help_text="Monday of the sampled week (program time zone)")
    kind = models.CharField(max_length=10, choices=QaKind.choices)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="+")
    interaction = models.ForeignKey(Interaction, on_delete=models.PROTECT, related_name="+")
    finding = models.ForeignKey(
        Finding, null=True, blank=True, on_delete=models.PROTECT, related_name="qa_reviews"
    )
    seed = models.CharField(max_length=80, help_text="Reproduces the draw")
    status = models.CharField(max_length=8, choices=QaStatus.choices, default=QaStatus.PENDING)
    note = models.TextField(blank=True)
    added_finding = models.ForeignKey(
        Finding, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField()

    objects = ProgramScopedManager()

    class Meta:
        indexes = [models.Index(fields=["program", "status", "week"])]
        constraints = [
            models.UniqueConstraint(
                fields=["finding"],
                condition=models.Q(finding__isnull=False),
                name="uniq_qa_review_finding",
            ),
            models.UniqueConstraint(
                fields=["interaction"],
                condition=models.Q(kind="unflagged"),
                name="uniq_qa_review_unflagged",
            ),
        ]

    def __str__(self) -> str:
        return f"QA {self.kind} {self.interaction_id} ({self.status})"
