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


class InvestigationDecision(models.TextChoices):
    PENDING = "pending", "Not yet decided"
    INVESTIGATE = "investigate", "Investigate"
    NOT_NEEDED = "not_needed", "No investigation (justified)"


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
    complainant_name = models.CharField(max_length=200, blank=True)
    complainant_address = models.TextField(blank=True)
    complainant_phone = models.CharField(max_length=40, blank=True)
    udi = models.CharField("UDI / serial", max_length=100, blank=True)
    quantity_affected = models.PositiveIntegerField(null=True, blank=True)
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
    reportability_justification = models.TextField(blank=True)
    investigation_decision = models.CharField(
        max_length=12, choices=InvestigationDecision.choices, default=InvestigationDecision.PENDING
    )
    investigation_decided_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    investigation_decided_at = models.DateTimeField(null=True, blank=True)
    investigation_justification = models.TextField(
        blank=True, help_text="Why no investigation (e.g. a prior investigation covers it)"
    )
    investigation = models.TextField(blank=True, help_text="Results of the investigation")
    investigated_on = models.DateField(null=True, blank=True)
    root_cause = models.TextField(blank=True)
    corrective_action = models.TextField(blank=True, help_text="Correction or CAPA reference")
    # 820.198(d), MDR-reportable device complaints
    failed_specifications = models.BooleanField(null=True, blank=True)
    in_use_for_treatment = models.BooleanField(null=True, blank=True)
    relationship_to_event = models.TextField(blank=True)
    reply_to_complainant = models.TextField(blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)
    replied_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    safety_case = models.ForeignKey(
        "safety.SafetyCase", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    objects = ProgramScopedManager()

    class Meta:
        indexes = [
            models.Index(fields=["program", "status", "received_at"]),
            models.Index(fields=["lot", "received_at"]),
        ]

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
    emailed_at = models.DateTimeField(
        null=True, blank=True, help_text="When the mail server accepted the alert email"
    )
    email_recipients = models.JSONField(default=list, blank=True)
    email_claimed_at = models.DateTimeField(null=True, blank=True)
    email_attempts = models.PositiveIntegerField(default=0)
    email_error = models.CharField(max_length=500, blank=True)
    released_at = models.DateTimeField(null=True, blank=True)
    released_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    release_reason = models.TextField(blank=True)

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


class ShipmentKind(models.TextChoices):
    REPLACEMENT = "replacement", "Replacement product"
    RETURN_KIT = "return_kit", "Return kit"


class ShipmentStatus(models.TextChoices):
    REQUESTED = "requested", "Requested"
    APPROVED = "approved", "Approved"
    SHIPPED = "shipped", "Shipped"
    DELIVERED = "delivered", "Delivered"
    RETURN_RECEIVED = "return_received", "Returned sample received"
    CANCELLED = "cancelled", "Cancelled"


class SampleCondition(models.TextChoices):
    INTACT = "intact", "Intact, unopened"
    OPENED = "opened", "Opened, product present"
    DAMAGED = "damaged", "Damaged"
    TAMPERED = "tampered", "Signs of tampering"
    EMPTY = "empty", "Empty / no product"


class Shipment(models.Model):
    """A replacement sent to the complainant, or a kit to return the complained-of sample.

    The address is a snapshot: the record shows where it went even if the person moves."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="shipments")
    lot = models.ForeignKey(
        Lot,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The complained-of lot",
    )
    kind = models.CharField(max_length=12, choices=ShipmentKind.choices)
    status = models.CharField(
        max_length=16, choices=ShipmentStatus.choices, default=ShipmentStatus.REQUESTED
    )
    quantity = models.PositiveIntegerField(default=1)
    replacement_lot = models.ForeignKey(
        Lot, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recipient_name = models.CharField(max_length=200)
    address = models.TextField()
    carrier = models.CharField(max_length=60, blank=True)
    tracking_number = models.CharField(max_length=100, blank=True)
    note = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField()
    approved_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    shipped_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    return_received_at = models.DateTimeField(null=True, blank=True)
    received_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sample_condition = models.CharField(max_length=10, choices=SampleCondition.choices, blank=True)
    sample_notes = models.TextField(blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.TextField(blank=True)

    objects = ProgramScopedManager()

    class Meta:
        indexes = [models.Index(fields=["program", "status"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk} for complaint {self.complaint_id}"
