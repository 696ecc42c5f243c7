"""Product quality complaints (21 CFR 820.198, ISO 13485 8.2.2) and tampering alerts."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from caredesk.cases.models import Case, Interaction
from caredesk.people.models import Person
from caredesk.tenancy.models import Lot, Product, Program
from caredesk.tenancy.scoping import ProgramScopedManager

USER = settings.AUTH_USER_MODEL


class ContactKind(models.TextChoices):
    QUALITY = "quality", "Quality"
    SECURITY = "security", "Security"


class QualityContact(models.Model):
    """Who a program tells at once about suspected tampering or counterfeit product."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="quality_contacts")
    kind = models.CharField(max_length=10, choices=ContactKind.choices)
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    user = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    active = models.BooleanField(default=True)

    objects = ProgramScopedManager()

    def __str__(self) -> str:
        return f"{self.kind}: {self.name}"


class ComplaintStatus(models.TextChoices):
    OPEN = "open", "Open"
    INVESTIGATING = "investigating", "Investigating"
    CLOSED = "closed", "Closed"


class Reportability(models.TextChoices):
    PENDING = "pending", "Not yet decided"
    REPORTABLE = "reportable", "Reportable"
    NOT_REPORTABLE = "not_reportable", "Not reportable"


class Complaint(models.Model):
    """One product complaint, with what 820.198 asks a complaint file to hold."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="complaints")
    interaction = models.ForeignKey(Interaction, on_delete=models.PROTECT, related_name="+")
    received_at = models.DateTimeField(help_text="Receipt of the interaction that reported it")
    complainant = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    product = models.ForeignKey(
        Product, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    lot = models.ForeignKey(Lot, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    udi = models.CharField("UDI / serial", max_length=100, blank=True)
    categories = models.JSONField(default=list, blank=True)
    tampering = models.BooleanField(default=False, help_text="Suspected tampering or counterfeit")
    nature = models.TextField(help_text="What the complainant reported")
    status = models.CharField(
        max_length=14, choices=ComplaintStatus.choices, default=ComplaintStatus.OPEN
    )
    reportability = models.CharField(
        max_length=16, choices=Reportability.choices, default=Reportability.PENDING
    )
    reportability_decided_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reportability_decided_at = models.DateTimeField(null=True, blank=True)
    investigation = models.TextField(blank=True, help_text="Investigation or why none was made")
    reply_to_complainant = models.TextField(blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)
    safety_case = models.ForeignKey(
        "safety.SafetyCase", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    objects = ProgramScopedManager()

    class Meta:
        indexes = [models.Index(fields=["program", "status", "received_at"])]

    def __str__(self) -> str:
        return f"complaint {self.pk} on {self.case_id}"


class TamperingAlert(models.Model):
    """Suspected tampering/counterfeit on an interaction: the case is locked to escalation."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="tampering_alerts")
    interaction = models.ForeignKey(Interaction, on_delete=models.PROTECT, related_name="+")
    finding = models.OneToOneField(
        "safety.Finding", on_delete=models.PROTECT, related_name="tampering_alert"
    )
    raised_at = models.DateTimeField()
    emailed_at = models.DateTimeField(null=True, blank=True)
    email_recipients = models.JSONField(default=list, blank=True)
    released_at = models.DateTimeField(null=True, blank=True)
    released_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = ProgramScopedManager()

    def __str__(self) -> str:
        return f"tampering alert {self.pk} on {self.case_id}"


class Notification(models.Model):
    """An in-app notice to one user (the bell in the agent workspace)."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="quality_notifications")
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    alert = models.ForeignKey(
        TamperingAlert, null=True, blank=True, on_delete=models.CASCADE, related_name="notices"
    )
    text = models.CharField(max_length=500)
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)

    objects = ProgramScopedManager()

    class Meta:
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.text
