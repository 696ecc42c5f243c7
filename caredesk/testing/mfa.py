"""Signing a test client in as a user who needs the second factor, without typing codes."""

from __future__ import annotations

import pyotp
from django.test import Client
from django.utils import timezone

from caredesk.accounts.models import User
from caredesk.accounts.services.mfa import VERIFIED_KEY


def enroll(user: User) -> str:
    """Give the user a confirmed TOTP secret (if they have none); returns the secret."""
    if not user.mfa_enabled:
        user.mfa_secret = pyotp.random_base32()
        user.mfa_confirmed_at = timezone.now()
        user.save(update_fields=["mfa_secret", "mfa_confirmed_at"])
    return user.mfa_secret


def login_with_mfa(client: Client, user: User) -> Client:
    """`force_login` plus a session that has passed the second factor."""
    enroll(user)
    client.force_login(user)
    session = client.session
    session[VERIFIED_KEY] = user.pk
    session.save()
    return client


def current_code(user: User, steps_ahead: int = 0) -> str:
    """The user's TOTP code now (or `steps_ahead` 30-second steps later: still accepted ±1)."""
    totp = pyotp.TOTP(user.mfa_secret)
    return totp.at(timezone.now(), counter_offset=steps_ahead)
