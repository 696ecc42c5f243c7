"""The inbox: every inbound message, stored before any processing so that a crash loses nothing."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from caredesk.people.models import Channel
from caredesk.tenancy.models import Program
from caredesk.tenancy.scoping import ProgramScopedManager


class InboxStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be processed"
    PROCESSING = "processing", "Being processed"
    PROCESSED = "processed", "Processed"
    FAILED = "failed", "Failed (needs a person)"


class InboundMessage(models.Model):
    """One message as it arrived on a channel, and what became of it.

    What arrived (channel … raw) is written once and never changed; the processing columns
    (status … processed_at) record the worker's progress. `attempts` counts claims: a worker
    claims a row by a conditional UPDATE (attempts + 1, a lease), commits, and then processes
    it in one transaction that ends by marking it processed only if its claim still holds.
    """

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(max_length=12, choices=Channel.choices)
    provider = models.CharField(max_length=40, help_text="Who delivered it: api, twilio, smtp…")
    provider_message_id = models.CharField(max_length=200)
    from_address = models.CharField(max_length=320, blank=True, help_text="Lower-case email")
    from_phone = models.CharField(max_length=20, blank=True, help_text="E.164")
    from_name = models.CharField(max_length=200, blank=True)
    session_id = models.CharField(max_length=200, blank=True, help_text="Chat or call session")
    to_address = models.CharField(max_length=320, blank=True)
    received_at = models.DateTimeField()
    subject = models.CharField(max_length=300, blank=True)
    body = models.TextField(blank=True)
    body_html = models.TextField(blank=True, help_text="As received; sanitised on the interaction")
    attachments = models.JSONField(default=list, blank=True, help_text="Stored file references")
    reference = models.CharField(max_length=16, blank=True, help_text="A case reference given")
    raw = models.JSONField(default=dict, blank=True, help_text="The provider's payload as sent")
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    status = models.CharField(
        max_length=12, choices=InboxStatus.choices, default=InboxStatus.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    lease_until = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    interaction = models.OneToOneField(
        "cases.Interaction",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inbound_message",
    )
    processed_at = models.DateTimeField(null=True, blank=True)

    objects = ProgramScopedManager()

    class Meta:
        constraints = [
            # A provider delivering the same message twice (webhook retries) creates nothing new.
            models.UniqueConstraint(
                fields=["program", "channel", "provider", "provider_message_id"],
                name="uniq_inbound_provider_message",
            )
        ]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["program", "channel", "session_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.channel}/{self.provider} {self.provider_message_id} ({self.status})"
