"""From flag to safety case: screening records, findings, safety cases and their clocks.

Every saved interaction gets one `ScreeningRecord` (what the screener said) and zero or more
`Finding`s that a person confirms or dismisses. Confirmed adverse events and special situations
open a `SafetyCase` whose four minimum criteria (ICH E2D) are explicit fields, each with the
interaction it came from: day zero is derived from those sources, never from when someone acted.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from caredesk.cases.models import Case, Interaction
from caredesk.people.models import Channel, Person
from caredesk.tenancy.models import Lot, Product, ProductType, Program
from caredesk.tenancy.scoping import ProgramScopedManager

USER = settings.AUTH_USER_MODEL


class SafetySettings(models.Model):
    """A program's safety intake agreement: the hand-off deadline and the follow-up plan."""

    program = models.OneToOneField(Program, on_delete=models.CASCADE, related_name="+")
    forward_business_days = models.PositiveSmallIntegerField(
        default=1, help_text="Business days to forward an AE/PQC to pharmacovigilance"
    )
    follow_up_attempts = models.PositiveSmallIntegerField(default=3)
    follow_up_interval_days = models.PositiveSmallIntegerField(default=7)

    objects = ProgramScopedManager()

    def __str__(self) -> str:
        return f"safety settings of {self.program_id}"


class ScreeningRecord(models.Model):
    """The screener's verdict on one interaction, and a person's "nothing to report" when empty."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="screenings")
    interaction = models.OneToOneField(
        Interaction, on_delete=models.PROTECT, related_name="screening"
    )
    screened_at = models.DateTimeField()
    screener_version = models.CharField(max_length=40)
    result = models.JSONField(default=dict, help_text="The screener's raw result")
    cleared_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    cleared_at = models.DateTimeField(null=True, blank=True)
    cleared_note = models.TextField(blank=True, help_text="No AE / no complaint: why")

    objects = ProgramScopedManager()

    class Meta:
        indexes = [models.Index(fields=["program", "screened_at"])]

    def __str__(self) -> str:
        return f"screening of interaction {self.interaction_id}"


class FindingKind(models.TextChoices):
    ADVERSE_EVENT = "adverse_event", "Adverse event"
    SPECIAL_SITUATION = "special_situation", "Special situation"
    PRODUCT_COMPLAINT = "product_complaint", "Product complaint"
    TAMPERING = "tampering", "Tampering / counterfeit"


PV_KINDS = frozenset({FindingKind.ADVERSE_EVENT, FindingKind.SPECIAL_SITUATION})
QUALITY_KINDS = frozenset({FindingKind.PRODUCT_COMPLAINT, FindingKind.TAMPERING})


class FindingStatus(models.TextChoices):
    FLAGGED = "flagged", "Flagged"
    CONFIRMED = "confirmed", "Confirmed"
    DISMISSED = "dismissed", "Dismissed"


class FindingSource(models.TextChoices):
    SCREENER = "screener", "Screener"
    AGENT = "agent", "Added by a person"


class Finding(models.Model):
    """One thing pharmacovigilance or quality must see in one interaction."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="findings")
    interaction = models.ForeignKey(Interaction, on_delete=models.PROTECT, related_name="findings")
    screening = models.ForeignKey(
        ScreeningRecord, null=True, blank=True, on_delete=models.PROTECT, related_name="findings"
    )
    kind = models.CharField(max_length=20, choices=FindingKind.choices)
    code = models.CharField(max_length=40, help_text="Special-situation or complaint code")
    source = models.CharField(max_length=10, choices=FindingSource.choices)
    evidence = models.JSONField(default=list, blank=True, help_text="[{start, end, label, text}]")
    products = models.JSONField(default=list, blank=True, help_text="Product names mentioned")
    lots = models.JSONField(default=list, blank=True, help_text="Lot numbers mentioned")
    seriousness = models.JSONField(default=list, blank=True, help_text="ICH criteria codes")
    note = models.TextField(blank=True)
    status = models.CharField(
        max_length=10, choices=FindingStatus.choices, default=FindingStatus.FLAGGED
    )
    dismissal_reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    safety_case = models.ForeignKey(
        "SafetyCase", null=True, blank=True, on_delete=models.PROTECT, related_name="findings"
    )
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    objects = ProgramScopedManager()

    class Meta:
        indexes = [
            models.Index(fields=["case", "status"]),
            models.Index(fields=["program", "status", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.code} ({self.status})"


class SafetyCaseStatus(models.TextChoices):
    INCOMPLETE = "incomplete", "Incomplete (minimum criteria missing)"
    VALID = "valid", "Valid"
    IN_REVIEW = "in_review", "In review"
    SUBMITTED = "submitted", "Submitted"
    CLOSED = "closed", "Closed"


class Criterion(models.TextChoices):
    PATIENT = "patient", "Identifiable patient"
    REPORTER = "reporter", "Identifiable reporter"
    PRODUCT = "product", "Suspect product"
    EVENT = "event", "Adverse event or special situation"


class SafetyCase(models.Model):
    """An adverse-event / special-situation case born from a customer-care case."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="safety_cases")
    status = models.CharField(
        max_length=12, choices=SafetyCaseStatus.choices, default=SafetyCaseStatus.INCOMPLETE
    )
    # ICH E2D minimum criteria: each a flag, what showed it, and the interaction it came from.
    has_patient = models.BooleanField(default=False)
    patient_evidence = models.TextField(blank=True)
    patient_source = models.ForeignKey(
        Interaction, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    has_reporter = models.BooleanField(default=False)
    reporter_evidence = models.TextField(blank=True)
    reporter_source = models.ForeignKey(
        Interaction, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    has_product = models.BooleanField(default=False)
    product_evidence = models.TextField(blank=True)
    product_source = models.ForeignKey(
        Interaction, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    has_event = models.BooleanField(default=False)
    event_evidence = models.TextField(blank=True)
    event_source = models.ForeignKey(
        Interaction, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reporter = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    patient_person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    patient_description = models.CharField(max_length=300, blank=True)
    product = models.ForeignKey(
        Product, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    lot = models.ForeignKey(Lot, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    product_type = models.CharField(max_length=20, choices=ProductType.choices, blank=True)
    jurisdiction = models.CharField(max_length=2, help_text="ISO 3166-1 alpha-2")
    event_terms = models.JSONField(default=list, blank=True)
    special_situations = models.JSONField(default=list, blank=True)
    seriousness = models.JSONField(default=list, blank=True, help_text="ICH E2A criteria")
    serious = models.BooleanField(default=False)
    expected = models.BooleanField(null=True, blank=True, help_text="Listed in the label")
    report_flags = models.JSONField(
        default=dict,
        blank=True,
        help_text="Device/EU flags for the reportability rules: malfunction, remedial_action, "
        "serious_deterioration, public_health_threat, unanticipated",
    )
    narrative = models.TextField(blank=True)
    first_received_at = models.DateTimeField(help_text="Receipt of the first reported finding")
    day_zero = models.DateTimeField(null=True, blank=True, help_text="All four criteria held")
    day_zero_interaction = models.ForeignKey(
        Interaction, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    forward_due = models.DateTimeField(help_text="Internal deadline to forward to PV")
    forward_alerted_at = models.DateTimeField(
        null=True, blank=True, help_text="When supervisors were told the hand-off is overdue"
    )
    forwarded_at = models.DateTimeField(null=True, blank=True)
    forwarded_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="duplicates"
    )
    close_reason = models.TextField(blank=True)
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProgramScopedManager()

    class Meta:
        indexes = [
            models.Index(fields=["program", "status", "forward_due"]),
            models.Index(fields=["program", "first_received_at"]),
        ]

    def __str__(self) -> str:
        return f"safety case {self.pk} of {self.case_id}"

    @property
    def missing_criteria(self) -> list[Criterion]:
        return [c for c in Criterion if not getattr(self, f"has_{c.value}")]


class SafetyReportDue(models.Model):
    """One expedited regulatory report the case requires, with its due date and legal basis."""

    safety_case = models.ForeignKey(SafetyCase, on_delete=models.CASCADE, related_name="reports")
    kind = models.CharField(max_length=40)
    due = models.DateField()
    basis = models.TextField(help_text="Why the report is due, with its legal citation")
    computed_at = models.DateTimeField()
    # Where the date came from (issue 6): the rule and its version, the clock's Day 0 and
    # calendar, and "what would change it". A later rule change never rewrites these.
    rule_id = models.CharField(max_length=80, blank=True)
    ruleset = models.ForeignKey(
        "safety.ReportRuleSet", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    program_rule = models.ForeignKey(
        "safety.ProgramRule", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    trigger = models.CharField(max_length=30, default="initial")
    day_zero = models.DateField(null=True, blank=True)
    due_at = models.DateTimeField(null=True, blank=True, help_text="Hour clocks: exact time")
    citation = models.TextField(blank=True)
    calendar = models.CharField(max_length=200, blank=True, help_text="How the clock counts")
    explanation = models.JSONField(default=dict, blank=True, help_text="What would change it")
    follow_up = models.ForeignKey(
        "safety.FollowUpInformation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reports",
    )

    scope_path = "safety_case__program"
    objects = ProgramScopedManager()

    class Meta:
        ordering = ["due", "kind"]

    def __str__(self) -> str:
        return f"{self.kind} due {self.due}"


class FollowUpOutcome(models.TextChoices):
    PLANNED = "planned", "Planned"
    NO_RESPONSE = "no_response", "No response"
    INFO_RECEIVED = "info_received", "Information received"
    UNREACHABLE = "unreachable", "Unreachable"
    DECLINED = "declined", "Reporter declined"
    CANCELLED = "cancelled", "Not needed (case complete)"


class FollowUpAttempt(models.Model):
    """One attempt to obtain missing information from the reporter, on the reporter's channel."""

    safety_case = models.ForeignKey(SafetyCase, on_delete=models.CASCADE, related_name="follow_ups")
    n = models.PositiveSmallIntegerField()
    channel = models.CharField(max_length=12, choices=Channel.choices)
    missing = models.JSONField(default=list, help_text="Criteria asked for")
    due_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(
        max_length=14, choices=FollowUpOutcome.choices, default=FollowUpOutcome.PLANNED
    )
    note = models.TextField(blank=True)
    agent = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    interaction = models.ForeignKey(
        Interaction, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    scope_path = "safety_case__program"
    objects = ProgramScopedManager()

    class Meta:
        ordering = ["safety_case", "n"]
        constraints = [
            models.UniqueConstraint(fields=["safety_case", "n"], name="uniq_follow_up_n")
        ]

    def __str__(self) -> str:
        return f"follow-up {self.n} of {self.safety_case_id}"


class DuplicateStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    LINKED = "linked", "Linked"
    REJECTED = "rejected", "Rejected"


class DuplicateProposal(models.Model):
    """A suggestion that two safety cases report the same event for the same patient."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    safety_case = models.ForeignKey(
        SafetyCase, on_delete=models.CASCADE, related_name="duplicate_proposals"
    )
    candidate = models.ForeignKey(SafetyCase, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=300)
    status = models.CharField(
        max_length=10, choices=DuplicateStatus.choices, default=DuplicateStatus.PROPOSED
    )
    decided_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField()

    objects = ProgramScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["safety_case", "candidate"], name="uniq_duplicate_proposal"
            )
        ]

    def __str__(self) -> str:
        return f"{self.safety_case_id} ~ {self.candidate_id} ({self.status})"


# The E2B(R3) repeating sections and the QA review queue live in their own module (size).
from caredesk.safety.models_detail import (  # noqa: E402,F401
    QaReview,
    SafetyProduct,
    SafetyReaction,
)

# Safety lead, hand-off warnings and what became of each required report (oversight).
from caredesk.safety.models_oversight import (  # noqa: E402,F401
    HandoffWarning,
    ReportTracking,
    SafetyOversight,
)

# Rule versions, program rules and the facts of each case's clocks (reportability, issue 6).
from caredesk.safety.models_rules import (  # noqa: E402,F401
    ClockState,
    FollowUpInformation,
    ProgramRule,
    ReportRule,
    ReportRuleSet,
)

# Submissions, the sender profile and E2B imports (reports and submissions).
from caredesk.safety.models_submission import (  # noqa: E402,F401
    E2BImport,
    SenderProfile,
    Submission,
)
