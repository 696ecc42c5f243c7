"""Fax and postal mail going out (a generated PDF recorded on the case) and video calls booked
on a case. Received faxes and letters need no table of their own: they are inbox rows
(channel fax / mail) carrying the scanned document as an attachment."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from caredesk.tenancy.models import Program
from caredesk.tenancy.scoping import ProgramScopedManager


class LetterChannel(models.TextChoices):
    FAX = "fax", "Fax"
    MAIL = "mail", "Postal mail"


class LetterStatus(models.TextChoices):
    TO_POST = "to_post", "Printed letter waiting to be posted"
    POSTED = "posted", "Posted"
    SENT = "sent", "Handed to the fax provider"
    FAILED = "failed", "Failed (needs a person)"


class OutboundDocument(models.Model):
    """A letter or fax a person sent from a case: the PDF is the interaction's attachment."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="+")
    interaction = models.OneToOneField(
        "cases.Interaction", on_delete=models.PROTECT, related_name="outbound_document"
    )
    channel = models.CharField(max_length=10, choices=LetterChannel.choices)
    recipient = models.TextField(help_text="Postal address lines, or the fax number (E.164)")
    status = models.CharField(max_length=10, choices=LetterStatus.choices)
    provider_id = models.CharField(max_length=100, blank=True)
    last_error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    posted_at = models.DateTimeField(null=True, blank=True)

    objects = ProgramScopedManager()

    def __str__(self) -> str:
        return f"{self.channel} to {self.recipient.splitlines()[0] if self.recipient else '?'}"


class VideoCallStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    CANCELLED = "cancelled", "Cancelled"


class VideoCall(models.Model):
    """A video call booked with the case's person; the link went out by email or SMS."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="+")
    interaction = models.OneToOneField(
        "cases.Interaction", on_delete=models.PROTECT, related_name="video_call"
    )
    starts_at = models.DateTimeField()
    duration_minutes = models.PositiveSmallIntegerField(default=30)
    join_url = models.URLField(max_length=500)
    invited_by = models.CharField(max_length=10, help_text="email or sms")
    invitation_id = models.BigIntegerField(null=True, blank=True, help_text="Email/SMS row")
    status = models.CharField(
        max_length=10, choices=VideoCallStatus.choices, default=VideoCallStatus.SCHEDULED
    )
    cancel_reason = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProgramScopedManager()

    def __str__(self) -> str:
        return f"video call {self.starts_at:%Y-%m-%d %H:%M}"
