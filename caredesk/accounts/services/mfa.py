"""TOTP second factor: who needs it, enrolment, verification, and the session's proof of it.

Holders of a role in `tenancy.models.MFA_ROLES` (they sign regulatory records or change
configuration) must pass a second factor in every session; anyone may enrol voluntarily, and
then must pass it too. A code is accepted once (the last used time step is stored), and wrong
codes count towards the same lockout as wrong passwords.
"""

from __future__ import annotations

import io
from datetime import datetime

import pyotp
import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from caredesk.accounts.models import User
from caredesk.accounts.services.login import (
    USER_MODEL,
    LoginRefused,
    client_ip,
    count_account_failure,
    is_locked,
    locked_message,
)
from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.tenancy.models import MFA_ROLES, Membership

VERIFIED_KEY = "caredesk_mfa_verified_user"
PENDING_KEY = "caredesk_mfa_pending_secret"
WRONG_CODE = "That code is not valid. Enter the current 6-digit code from your app."


def mfa_required(user: User) -> bool:
    """Whether this user must pass a second factor in each session."""
    if user.mfa_enabled:
        return True
    return Membership.objects.filter(
        user_id=user.pk, active=True, role__in=[str(r) for r in MFA_ROLES]
    ).exists()


def session_verified(session: SessionBase, user: User) -> bool:
    return bool(user.pk) and session.get(VERIFIED_KEY) == user.pk


def mark_session_verified(session: SessionBase, user: User) -> None:
    session[VERIFIED_KEY] = user.pk
    session.pop(PENDING_KEY, None)
    session.cycle_key()  # a new session id once the second factor is proven


def pending_secret(session: SessionBase) -> str:
    """The secret being enrolled, kept in the session until a code confirms it."""
    secret = session.get(PENDING_KEY)
    if not secret:
        secret = pyotp.random_base32()
        session[PENDING_KEY] = secret
    return str(secret)


def provisioning_uri(user: User, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.username, issuer_name=settings.MFA_ISSUER)


def qr_svg(data: str) -> str:
    """An inline SVG QR code (no image request leaves the page)."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    text = buffer.getvalue().decode()
    return text[text.index("<svg") :]  # drop the XML declaration


def matching_step(secret: str, code: str, now: datetime, after: int | None) -> int | None:
    """The time step (±1 for clock drift) whose code this is, if later than `after`."""
    code = "".join(code.split())
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now)
    for step in (current - 1, current, current + 1):
        if (after is None or step > after) and pyotp.utils.strings_equal(
            totp.generate_otp(step), code
        ):
            return step
    return None


def confirm_enrollment(request: HttpRequest, user: User, code: str) -> None:
    """Store the pending secret once a code from it proves the app holds it."""
    secret = str(request.session.get(PENDING_KEY) or "")
    now = timezone.now()
    step = matching_step(secret, code, now, None) if secret else None
    if step is None:
        raise LoginRefused(WRONG_CODE, "invalid_code")
    with transaction.atomic():
        user.mfa_secret, user.mfa_confirmed_at, user.mfa_last_step = secret, now, step
        user.save(update_fields=["mfa_secret", "mfa_confirmed_at", "mfa_last_step"])
        _record(request, user, "enrolled")
    mark_session_verified(request.session, user)


def verify_code(request: HttpRequest, user: User, code: str) -> None:
    """Accept this session's second factor, or count a failure (and lock out at the limit)."""
    now = timezone.now()
    if is_locked(user, now):
        logout(request)
        raise LoginRefused(locked_message(user.locked_until), "locked")  # type: ignore[arg-type]
    step = matching_step(user.mfa_secret, code, now, user.mfa_last_step)
    if step is None:
        with transaction.atomic():
            _record(request, user, "wrong code")
            locked = count_account_failure(user.pk, now, ip=client_ip(request))
        if locked:
            user.refresh_from_db()
            logout(request)
            raise LoginRefused(locked_message(user.locked_until), "locked")  # type: ignore[arg-type]
        raise LoginRefused(WRONG_CODE, "invalid_code")
    with transaction.atomic():
        User._default_manager.filter(pk=user.pk).update(mfa_last_step=step, failed_logins=0)
        _record(request, user, "verified")
    mark_session_verified(request.session, user)


def _record(request: HttpRequest, user: User, outcome: str) -> None:
    record_event(
        AuditAction.MFA,
        acting_user=user,
        model=USER_MODEL,
        object_id=user.pk,
        changes={"outcome": outcome, "ip": client_ip(request)},
        reason=f"second factor {outcome}",
    )
