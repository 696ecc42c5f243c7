"""Cases, the interactions inside them, the requests they carry and their timeline."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from caredesk.people.models import Channel, Organization, Person
from caredesk.routing.models import Queue
from caredesk.tenancy.models import Lot, Product, Program
from caredesk.tenancy.scoping import ProgramScopedManager


class CaseType(models.TextChoices):
    GENERAL_INQUIRY = "general_inquiry", "General inquiry"
    ADVERSE_EVENT = "adverse_event", "Adverse event"
    PRODUCT_COMPLAINT = "product_complaint", "Product complaint"
    MEDICAL_INFORMATION = "medical_information", "Medical information request"
    RECALL_INQUIRY = "recall_inquiry", "Recall inquiry"
    ORDER_ACCESS = "order_access", "Order / access request"


class CaseStatus(models.TextChoices):
    NEW = "new", "New"
    OPEN = "open", "Open"
    PENDING_CUSTOMER = "pending_customer", "Waiting on customer"
    ESCALATED = "escalated", "Escalated"
    RESOLVED = "resolved", "Resolved"
    CLOSED = "closed", "Closed"


OPEN_STATUSES = frozenset(
    {CaseStatus.NEW, CaseStatus.OPEN, CaseStatus.PENDING_CUSTOMER, CaseStatus.ESCALATED}
)


class Priority(models.IntegerChoices):
    CRITICAL = 1, "Critical"
    HIGH = 2, "High"
    ELEVATED = 3, "Elevated"
    NORMAL = 4, "Normal"
    LOW = 5, "Low"


class SlaState(models.TextChoices):
    ON_TRACK = "on_track", "On track"
    WARNING = "warning", "Warning"
    BREACHED = "breached", "Breached"
    MET = "met", "Met"


class Case(models.Model):
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="cases")
    reference = models.CharField(max_length=16, unique=True)
    subject = models.CharField(max_length=300)
    case_type = models.CharField(max_length=30, choices=CaseType.choices)
    status = models.CharField(max_length=20, choices=CaseStatus.choices, default=CaseStatus.NEW)
    priority = models.PositiveSmallIntegerField(choices=Priority.choices, default=Priority.NORMAL)
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="cases"
    )
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.PROTECT, related_name="cases"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="owned_cases",
    )
    queue = models.ForeignKey(
        Queue, null=True, blank=True, on_delete=models.PROTECT, related_name="cases"
    )
    product = models.ForeignKey(
        Product, null=True, blank=True, on_delete=models.PROTECT, related_name="cases"
    )
    lot = models.ForeignKey(Lot, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    topics = models.JSONField(default=list, blank=True)
    close_reason = models.TextField(blank=True)
    opened_at = models.DateTimeField()
    first_response_due = models.DateTimeField(null=True, blank=True)
    resolution_due = models.DateTimeField(null=True, blank=True)
    first_responded_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    sla_state = models.CharField(max_length=12, choices=SlaState.choices, default=SlaState.ON_TRACK)
    sla_warning_at = models.DateTimeField(null=True, blank=True)
    sla_breached_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProgramScopedManager()

    class Meta:
        indexes = [
            models.Index(fields=["program", "status", "priority", "first_response_due"]),
            models.Index(fields=["queue", "status"]),
            models.Index(fields=["person", "opened_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.subject}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class Direction(models.TextChoices):
    INBOUND = "inbound", "Inbound"
    OUTBOUND = "outbound", "Outbound"
    INTERNAL = "internal", "Internal note"


class ImmutableRecordError(RuntimeError):
    """An interaction was about to be changed in place; corrections are new versions."""


class Interaction(models.Model):
    """One contact inside a case. Immutable once saved: a correction is a new, linked version."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="interactions")
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="interactions"
    )
    channel = models.CharField(max_length=12, choices=Channel.choices)
    direction = models.CharField(max_length=10, choices=Direction.choices)
    occurred_at = models.DateTimeField()
    received_at = models.DateTimeField()
    subject = models.CharField(max_length=300, blank=True)
    body = models.TextField(blank=True)
    body_html = models.TextField(blank=True, help_text="Sanitised HTML, safe to render")
    recording_ref = models.CharField(max_length=500, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    corrects = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="corrections"
    )
    correction_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProgramScopedManager()

    class Meta:
        indexes = [
            models.Index(fields=["case", "occurred_at"]),
            models.Index(fields=["person", "occurred_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.channel} {self.direction} {self.occurred_at:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableRecordError("interactions cannot be changed; record a correction")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ImmutableRecordError("interactions cannot be deleted")


class Attachment(models.Model):
    interaction = models.ForeignKey(
        Interaction, on_delete=models.PROTECT, related_name="attachments"
    )
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    file = models.FileField(upload_to="attachments/%Y/%m/")
    filename = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProgramScopedManager()

    def __str__(self) -> str:
        return self.filename


class RequestKind(models.TextChoices):
    QUESTION = "question", "Question"
    SIDE_EFFECT = "side_effect", "Side effect report"
    COMPLAINT = "complaint", "Product complaint"
    MEDICAL_INFORMATION = "medical_information", "Medical information"
    ORDER = "order", "Order / access"
    RECALL = "recall", "Recall question"
    OTHER = "other", "Other"


class CaseRequest(models.Model):
    """One thing the customer asked for in an interaction, tracked to its own resolution."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="requests")
    interaction = models.ForeignKey(
        Interaction, null=True, blank=True, on_delete=models.PROTECT, related_name="requests"
    )
    kind = models.CharField(max_length=30, choices=RequestKind.choices)
    summary = models.CharField(max_length=500)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolution = models.TextField(blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProgramScopedManager()

    def __str__(self) -> str:
        return f"{self.kind}: {self.summary}"

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None


class TimelineKind(models.TextChoices):
    CREATED = "created", "Case created"
    INTERACTION = "interaction", "Interaction"
    CORRECTION = "correction", "Correction"
    STATUS = "status", "Status change"
    ASSIGNMENT = "assignment", "Assignment"
    REQUEST = "request", "Request"
    SLA_WARNING = "sla_warning", "SLA warning"
    SLA_BREACH = "sla_breach", "SLA breach"
    NOTE = "note", "Note"


class TimelineEntry(models.Model):
    """What happened on a case, in order: the agent's and the auditor's story of it."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="timeline")
    at = models.DateTimeField(db_index=True)
    kind = models.CharField(max_length=20, choices=TimelineKind.choices)
    summary = models.CharField(max_length=500)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    interaction = models.ForeignKey(
        Interaction, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    data = models.JSONField(default=dict, blank=True)

    objects = ProgramScopedManager()

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["case", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.summary}"
