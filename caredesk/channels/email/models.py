"""Email channel records: which addresses a program receives mail on, the Message-IDs that thread
replies onto cases, outbound replies with their sending state, and per-program reply templates."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from caredesk.tenancy.models import Program
from caredesk.tenancy.scoping import ProgramScopedManager


class EmailRoute(models.Model):
    """Mail to `address` is the program's inbound email, stored in the name of `received_by`.

    `received_by` is the account the inbox records as having received the message (a service
    account with a writing role in the program): the SMTP receiver and the IMAP poller have no
    logged-in user, and the inbox checks that this one may still write to the program."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    address = models.CharField(max_length=320, unique=True, help_text="Lower-case email")
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    from_name = models.CharField(max_length=200, blank=True, help_text="Shown on replies")
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProgramScopedManager()

    def __str__(self) -> str:
        return self.address


class EmailDirection(models.TextChoices):
    INBOUND = "inbound", "Inbound"
    OUTBOUND = "outbound", "Outbound"


class SendStatus(models.TextChoices):
    NOT_APPLICABLE = "", "Not sent by us"
    QUEUED = "queued", "Waiting to be sent"
    SENT = "sent", "Accepted by the mail server"
    FAILED = "failed", "Failed (needs a person)"


class EmailMessage(models.Model):
    """One email in either direction, by its Message-ID, so that a reply finds its case.

    Inbound: points at its inbox row (whose case is known once processed) and keeps the
    attachments that were refused. Outbound: a reply CareDesk sends, with the threading headers it
    carries, its logged interaction, and its sending state (claimed, attempted, retried)."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    direction = models.CharField(max_length=10, choices=EmailDirection.choices)
    message_id = models.CharField(max_length=400)
    in_reply_to = models.CharField(max_length=400, blank=True)
    references = models.TextField(blank=True, help_text="Message-IDs, space separated")
    inbound = models.OneToOneField(
        "channels_inbox.InboundMessage",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="email",
    )
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    interaction = models.OneToOneField(
        "cases.Interaction",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="email",
    )
    rejected_attachments = models.JSONField(default=list, blank=True)
    from_address = models.CharField(max_length=320, blank=True)
    to_address = models.CharField(max_length=320, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    body = models.TextField(blank=True)
    send_status = models.CharField(
        max_length=10, choices=SendStatus.choices, default=SendStatus.NOT_APPLICABLE, blank=True
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProgramScopedManager()

    class Meta:
        indexes = [
            models.Index(fields=["program", "message_id"]),
            models.Index(fields=["send_status", "next_attempt_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.direction} {self.message_id}"


class EmailTemplate(models.Model):
    """A program's own wording for a reply (`name`), overriding the built-in default.

    Subject and body are Django template text; they see `case`, `person`, `program` and
    `agent_name`."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    name = models.SlugField(max_length=50)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProgramScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["program", "name"], name="uniq_email_template_name")
        ]

    def __str__(self) -> str:
        return self.name
