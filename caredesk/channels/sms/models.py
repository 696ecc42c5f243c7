"""SMS/WhatsApp records: which numbers a program receives on (routes), and every message in
either direction with its sending and delivery state.

Interactions are immutable, so the delivery state a provider reports later (sent, delivered,
failed) lives here, on the message linked to its interaction, not on the interaction.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from caredesk.tenancy.models import Program
from caredesk.tenancy.scoping import ProgramScopedManager

TOKEN_ENV_PREFIX = "CAREDESK_TWILIO_TOKEN_"  # noqa: S105 (a variable name prefix)


class SmsChannel(models.TextChoices):
    SMS = "sms", "SMS"
    WHATSAPP = "whatsapp", "WhatsApp"


class SmsProviderKind(models.TextChoices):
    TWILIO = "twilio", "Twilio"
    LOCAL = "local", "Local outbox (embedded default)"


class SmsRoute(models.Model):
    """Messages to `phone_number` on `channel` are the program's, stored as `received_by`.

    `received_by` is the service account the inbox records as receiver (it must hold a writing
    role in the program). The provider's auth token is never stored: `auth_token_env` names the
    environment variable that holds it (it must start with CAREDESK_TWILIO_TOKEN_)."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    phone_number = models.CharField(max_length=20, help_text="E.164, e.g. +12025550100")
    channel = models.CharField(max_length=10, choices=SmsChannel.choices, default=SmsChannel.SMS)
    provider = models.CharField(
        max_length=10, choices=SmsProviderKind.choices, default=SmsProviderKind.LOCAL
    )
    account_sid = models.CharField(max_length=64, blank=True, help_text="Twilio Account SID")
    auth_token_env = models.CharField(
        max_length=100, blank=True, help_text=f"Environment variable, {TOKEN_ENV_PREFIX}…"
    )
    from_name = models.CharField(max_length=100, help_text="Program name used in replies")
    help_contact = models.CharField(
        max_length=200, blank=True, help_text="Phone or web address named in the HELP reply"
    )
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProgramScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["phone_number", "channel"], name="uniq_sms_route_number_channel"
            )
        ]

    def __str__(self) -> str:
        return f"{self.channel} {self.phone_number}"


class TemplateStatus(models.TextChoices):
    APPROVED = "approved", "Approved by WhatsApp"
    PENDING = "pending", "Waiting for WhatsApp's approval"
    REJECTED = "rejected", "Rejected by WhatsApp"


class WhatsAppTemplate(models.Model):
    """A message template WhatsApp approved for the program's sender. Outside the 24-hour
    customer-service window (the person has not written for a day) only an approved template
    may be sent. `content_sid` is the provider's id of the template (Twilio Content API, HX…);
    `body` its approved text with {{1}}, {{2}}… placeholders, filled per message."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=64)
    content_sid = models.CharField(max_length=64)
    language = models.CharField(max_length=12, default="en")
    body = models.TextField()
    status = models.CharField(
        max_length=10, choices=TemplateStatus.choices, default=TemplateStatus.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProgramScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["program", "name"], name="uniq_whatsapp_template")
        ]

    def __str__(self) -> str:
        return f"WhatsApp template {self.name} ({self.status})"


class SmsKind(models.TextChoices):
    INBOUND = "inbound", "Inbound message"
    REPLY = "reply", "Reply from a case"
    AUTO_ACK = "auto_ack", "Automatic acknowledgement"
    KEYWORD_REPLY = "keyword_reply", "Answer to STOP / START / HELP"


class SmsStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    QUEUED = "queued", "Waiting to be sent"
    SENDING = "sending", "Being handed to the provider"
    ACCEPTED = "accepted", "Accepted by the provider"
    SENT = "sent", "Sent to the carrier"
    DELIVERED = "delivered", "Delivered"
    READ = "read", "Read (WhatsApp)"
    UNDELIVERED = "undelivered", "Not delivered"
    FAILED = "failed", "Failed (needs a person)"
    BLOCKED = "blocked", "Not sent: consent forbids it"
    ANSWERED = "answered", "Answered in the webhook response (TwiML)"


class SmsMessage(models.Model):
    """One SMS/WhatsApp message in either direction.

    Inbound: points at its inbox row (whose case is known once processed). Outbound: the text,
    recipient and consent purpose, the sending state (claimed by a worker with a lease,
    attempts, next try) and what the provider reported since (status, error code)."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    route = models.ForeignKey(SmsRoute, on_delete=models.PROTECT, related_name="messages")
    channel = models.CharField(max_length=10, choices=SmsChannel.choices)
    kind = models.CharField(max_length=16, choices=SmsKind.choices)
    provider = models.CharField(max_length=10, choices=SmsProviderKind.choices)
    provider_sid = models.CharField(max_length=64, blank=True)
    inbound = models.OneToOneField(
        "channels_inbox.InboundMessage",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sms",
    )
    reply_to = models.ForeignKey(
        "channels_inbox.InboundMessage",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The inbound message an acknowledgement or keyword answer answers",
    )
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    interaction = models.OneToOneField(
        "cases.Interaction", null=True, blank=True, on_delete=models.PROTECT, related_name="sms"
    )
    from_number = models.CharField(max_length=20)
    to_number = models.CharField(max_length=20)
    body = models.TextField(blank=True)
    template = models.ForeignKey(
        WhatsAppTemplate, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    template_variables = models.JSONField(default=list, blank=True)
    purpose = models.CharField(max_length=20, blank=True, help_text="Consent purpose (outbound)")
    status = models.CharField(max_length=12, choices=SmsStatus.choices)
    provider_status = models.CharField(max_length=20, blank=True)
    error_code = models.CharField(max_length=10, blank=True)
    last_error = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProgramScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["program", "provider", "provider_sid"],
                condition=~Q(provider_sid=""),
                name="uniq_sms_provider_sid",
            ),
            # One acknowledgement and one keyword answer per inbound message, however often
            # the message is delivered or processed.
            models.UniqueConstraint(
                fields=["reply_to", "kind"],
                condition=Q(reply_to__isnull=False),
                name="uniq_sms_answer_per_inbound",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["program", "case"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.channel} {self.to_number} ({self.status})"


class MediaStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be fetched"
    FETCHING = "fetching", "Being fetched"
    STORED = "stored", "Stored on the case"
    REJECTED = "rejected", "Not accepted (type, size or host)"
    FAILED = "failed", "Could not be fetched (needs a person)"


class SmsMedia(models.Model):
    """One media item (MMS / WhatsApp MediaUrlN) of an inbound message: fetched after the
    message is filed, stored as an attachment under the same type and size limits as e-mail,
    or kept here with the reason it was not (never silently dropped)."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    message = models.ForeignKey(SmsMessage, on_delete=models.PROTECT, related_name="media")
    index = models.PositiveSmallIntegerField()
    url = models.CharField(max_length=1000)
    declared_type = models.CharField(max_length=100, blank=True)
    status = models.CharField(
        max_length=10, choices=MediaStatus.choices, default=MediaStatus.PENDING
    )
    reason = models.CharField(max_length=300, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    interaction = models.ForeignKey(
        "cases.Interaction", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProgramScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["message", "index"], name="uniq_sms_media_index")
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"media {self.index} of {self.message_id} ({self.status})"
