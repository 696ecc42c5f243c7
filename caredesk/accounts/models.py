"""Users, their second factor and their API tokens."""

from __future__ import annotations

import hashlib

from django.contrib.auth.models import AbstractUser
from django.db import models


class AgentStatus(models.TextChoices):
    AVAILABLE = "available", "Available"
    BUSY = "busy", "Busy"
    AWAY = "away", "Away"


class User(AbstractUser):
    """A person who signs in. Access comes only from `tenancy.Membership`."""

    display_name = models.CharField(max_length=200, blank=True)
    languages = models.CharField(
        max_length=100, default="en", help_text="Comma-separated ISO 639-1 codes the user serves"
    )
    agent_status = models.CharField(
        max_length=12, choices=AgentStatus.choices, default=AgentStatus.AWAY
    )
    mfa_secret = models.CharField(max_length=64, blank=True)
    mfa_confirmed_at = models.DateTimeField(null=True, blank=True)
    mfa_last_step = models.PositiveBigIntegerField(
        null=True, blank=True, help_text="TOTP time step last accepted; a code is used once"
    )
    failed_logins = models.PositiveIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)

    @property
    def label(self) -> str:
        return self.display_name or self.get_full_name() or self.username

    @property
    def mfa_enabled(self) -> bool:
        return bool(self.mfa_secret and self.mfa_confirmed_at)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for the REST API. Only its hash is stored; the raw value is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=12, db_index=True)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class LoginThrottle(models.Model):
    """Failed logins from one client address in the current window, across all usernames.

    Per-account lockout stops guessing one password; this stops one address from trying many
    usernames (enumeration, password spraying). Kept in the database so that every web
    instance sees the same count.
    """

    ip = models.CharField(max_length=45, unique=True)
    failures = models.PositiveIntegerField(default=0)
    window_started_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.ip}: {self.failures} failures since {self.window_started_at:%H:%M}"
