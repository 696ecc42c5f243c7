"""The consent ledger: one append-only row per grant or revocation, with its evidence.

A person's consent is per program by channel by contact point (the phone number or email address
the consent was given for) by purpose. The current state is read from the newest rows
(`caredesk.outreach.services.consent_state`); nothing is ever updated or deleted, so the ledger is
also the evidence TCPA and GDPR Art. 7 ask for (who, when, how, what text).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from caredesk.people.models import Channel
from caredesk.tenancy.models import Program
from caredesk.tenancy.scoping import ProgramScopedManager


class ConsentPurpose(models.TextChoices):
    ALL = "all", "Every message on the channel (STOP / START)"
    CASE_REPLY = "case_reply", "Replies about the person's own inquiry (informational)"
    SAFETY_NOTICE = "safety_notice", "Safety and recall notices (informational)"
    MARKETING = "marketing", "Marketing"
    ADHERENCE = "adherence", "Adherence reminders"
    SURVEYS = "surveys", "Surveys"
    RESEARCH = "research", "Research"


# Purposes that need no opt-in of their own: the person contacted us, or the message is a
# safety/recall notice (informational, not marketing: regulations.md 7.1). They still stop at a
# channel-wide opt-out.
INFORMATIONAL_PURPOSES = frozenset({ConsentPurpose.CASE_REPLY, ConsentPurpose.SAFETY_NOTICE})


class ConsentSource(models.TextChoices):
    SMS_KEYWORD = "sms_keyword", "SMS/WhatsApp keyword"
    AGENT = "agent", "Recorded by an agent"
    WEB_FORM = "web_form", "Web form"
    IVR = "ivr", "IVR key press"
    EMAIL_LINK = "email_link", "Email unsubscribe link"
    DOCUMENT = "document", "Signed document"
    IMPORT = "import", "Imported"


class AppendOnlyError(RuntimeError):
    """A consent record was about to be changed or deleted; record a new one instead."""


class ConsentRecord(models.Model):
    """One grant or revocation of consent, as it was given, with its evidence."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    channel = models.CharField(max_length=12, choices=Channel.choices)
    address = models.CharField(max_length=320, help_text="E.164 phone or lower-case email")
    purpose = models.CharField(max_length=20, choices=ConsentPurpose.choices)
    granted = models.BooleanField(help_text="True: consent given; False: revoked / opted out")
    source = models.CharField(max_length=20, choices=ConsentSource.choices)
    evidence = models.TextField(blank=True, help_text="The words, text shown or document")
    evidence_ref = models.CharField(
        max_length=300, blank=True, help_text="Provider message id, recording, document id"
    )
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = ProgramScopedManager()

    class Meta:
        indexes = [
            models.Index(fields=["program", "channel", "address", "purpose", "recorded_at"]),
            models.Index(fields=["person", "recorded_at"]),
        ]

    def __str__(self) -> str:
        verb = "granted" if self.granted else "revoked"
        return f"{self.channel} {self.address} {self.purpose} {verb}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("consent records are never changed; record a new one")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AppendOnlyError("consent records are never deleted")
