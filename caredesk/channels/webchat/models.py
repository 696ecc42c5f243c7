"""Web chat records: a program's widget settings, chat sessions and every message in them.

The customer's messages are also inbox rows and interactions on the case; `ChatMessage` is the
live transcript the widget and the agent console read (customer, bot and agent alike).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from caredesk.tenancy.models import Program
from caredesk.tenancy.scoping import ProgramScopedManager

USER = settings.AUTH_USER_MODEL


class ChatWidget(models.Model):
    """A program's web chat: where the widget may be embedded and who records its messages.

    `allowed_origins` are the exact origins (scheme://host[:port]) of the program's sites that
    may call the chat endpoints from a browser (CORS); the CareDesk host itself always may.
    `received_by` is the service account the inbox records as receiver (a writing role)."""

    program = models.OneToOneField(Program, on_delete=models.PROTECT, related_name="+")
    active = models.BooleanField(default=True)
    allowed_origins = models.JSONField(default=list, blank=True)
    received_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    bot_name = models.CharField(max_length=60, default="Virtual assistant")
    welcome_text = models.CharField(
        max_length=300, default="Hello! Ask me a question about our products."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProgramScopedManager()

    def __str__(self) -> str:
        return f"chat of program {self.program_id}"


class ChatState(models.TextChoices):
    BOT = "bot", "With the bot"
    WAITING = "waiting_for_agent", "Waiting for an agent"
    WITH_AGENT = "with_agent", "With an agent"
    CLOSED = "closed", "Closed"


class ChatSession(models.Model):
    """One visitor's conversation. `session_id` is public (inbox rows, logs); the visitor proves
    the session with a secret token whose SHA-256 alone is kept (`token_hash`)."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    session_id = models.CharField(max_length=40, unique=True)
    token_hash = models.CharField(max_length=64)
    visitor_name = models.CharField(max_length=100, blank=True)
    visitor_email = models.CharField(max_length=254, blank=True)
    state = models.CharField(max_length=20, choices=ChatState.choices, default=ChatState.BOT)
    priority = models.BooleanField(default=False, help_text="Safety content: served first")
    handover_reason = models.CharField(max_length=200, blank=True)
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    agent = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    origin = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField()
    last_activity_at = models.DateTimeField()
    waiting_since = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = ProgramScopedManager()

    class Meta:
        indexes = [models.Index(fields=["program", "state", "priority", "waiting_since"])]

    def __str__(self) -> str:
        return f"chat {self.session_id} ({self.state})"


class Sender(models.TextChoices):
    CUSTOMER = "customer", "Customer"
    BOT = "bot", "Bot"
    AGENT = "agent", "Agent"
    SYSTEM = "system", "System"


class ChatMessage(models.Model):
    """One line of the transcript. Customer lines point at their inbox row; bot lines at the
    article version they quote; agent lines at their outbound interaction."""

    session = models.ForeignKey(ChatSession, on_delete=models.PROTECT, related_name="messages")
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    sender = models.CharField(max_length=10, choices=Sender.choices)
    body = models.TextField()
    client_message_id = models.CharField(max_length=64, blank=True)
    inbound = models.OneToOneField(
        "channels_inbox.InboundMessage",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="chat_message",
    )
    source = models.ForeignKey(
        "knowledge.ArticleVersion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    author = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    interaction = models.OneToOneField(
        "cases.Interaction", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    filed_at = models.DateTimeField(null=True, blank=True, help_text="Written on the case")
    created_at = models.DateTimeField()

    objects = ProgramScopedManager()

    class Meta:
        ordering = ["pk"]
        constraints = [
            # A retried send (same client message id) is the same message.
            models.UniqueConstraint(
                fields=["session", "client_message_id"],
                condition=~Q(client_message_id=""),
                name="uniq_chat_client_message",
            )
        ]

    def __str__(self) -> str:
        return f"{self.sender}: {self.body[:40]}"
