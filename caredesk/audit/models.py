"""The append-only, hash-chained audit trail (21 CFR Part 11 style)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from django.conf import settings
from django.db import models

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from caredesk.accounts.models import User


class AuditAction(models.TextChoices):
    CREATE = "create", "Create"
    UPDATE = "update", "Update"
    DELETE = "delete", "Delete"
    VIEW = "view", "View"
    EXPORT = "export", "Export"
    LOGIN = "login", "Login"
    LOGIN_FAILED = "login_failed", "Failed login"
    LOGOUT = "logout", "Logout"
    LOCKOUT = "lockout", "Account locked"
    MFA = "mfa", "Second factor"
    SEARCH = "search", "Search"
    SIGN = "sign", "Electronic signature"
    SIGN_FAILED = "sign_failed", "Failed signature"


class AuditEventQuerySet(models.QuerySet[Any]):
    def visible_to(self, user: User | AnonymousUser) -> Self:
        """Events of the user's programs only; events without a program are not shown."""
        from caredesk.tenancy.scoping import program_ids_for

        return self.filter(program_id__in=program_ids_for(user))

    def system_scope(self) -> Self:
        """Every event: for the chain verifier and maintenance only, never for a user request."""
        return self.all()


class AuditEvent(models.Model):
    """One audited act. Rows are never updated or deleted; each row hashes its predecessor."""

    seq = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField(db_index=True)
    actor_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    actor_username = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=20, choices=AuditAction.choices)
    model = models.CharField(max_length=100, blank=True, db_index=True)
    object_id = models.CharField(max_length=64, blank=True, db_index=True)
    program_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    changes = models.JSONField(default=dict, blank=True)
    reason = models.TextField(blank=True)
    request_id = models.CharField(max_length=64, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["seq"]
        indexes = [models.Index(fields=["model", "object_id", "seq"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.model}:{self.object_id}"


class SignatureMeaning(models.TextChoices):
    """21 CFR 11.50(a)(3): what a signature means (review, approval, responsibility, authorship)."""

    APPROVED_FOR_SUBMISSION = "approved_for_submission", "Approved for submission"
    REVIEWED = "reviewed", "Reviewed"
    AUTHORED = "authored", "Authored"
    RESPONSIBILITY = "responsibility", "Accepted responsibility"


class ESignature(models.Model):
    """A Part 11 electronic signature: who (printed name), when (UTC), what it means, and the
    SHA-256 of exactly the content signed. It is bound into the audit chain by the audit event
    written in the same transaction (11.70: it cannot be cut from its record), and, like the
    chain, the table refuses UPDATE and DELETE (see migration 0004)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="esignatures"
    )
    printed_name = models.CharField(max_length=200)
    meaning = models.CharField(max_length=30, choices=SignatureMeaning.choices)
    signed_at = models.DateTimeField()
    model = models.CharField(max_length=100, help_text="app_label.model of the signed record")
    object_id = models.CharField(max_length=64)
    program_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    content_sha256 = models.CharField(max_length=64)
    audit_event = models.OneToOneField(
        AuditEvent, on_delete=models.PROTECT, related_name="esignature"
    )

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["signed_at", "pk"]
        indexes = [models.Index(fields=["model", "object_id"])]

    def __str__(self) -> str:
        when = f"{self.signed_at:%Y-%m-%d %H:%M} UTC"
        return f"{self.printed_name}, {self.get_meaning_display()}, {when}"
