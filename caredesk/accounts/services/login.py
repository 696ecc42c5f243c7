"""Password login with per-account lockout, per-address throttling and an audit event each time.

A locked account is refused before its password is checked, so guessing cannot continue while
the lock lasts. Failures from one client address are counted across usernames, which limits
enumeration and password spraying. Every attempt, good or bad, leaves an audit event; the
attempted username is recorded, the password never.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from caredesk.accounts.models import LoginThrottle, User
from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event

USER_MODEL = "accounts.user"
INVALID = "Please enter a correct username and password. Both fields may be case-sensitive."
THROTTLED = "Too many failed logins from your network address. Please try again later."


class LoginRefused(Exception):
    """The login did not succeed; `message` is safe to show to the person at the keyboard."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class Attempt:
    username: str
    ip: str
    at: datetime


def client_ip(request: HttpRequest) -> str:
    """The connecting address (a proxy in front must set REMOTE_ADDR, e.g. via its WSGI server)."""
    return str(request.META.get("REMOTE_ADDR") or "unknown")[:45]


def locked_message(until: datetime) -> str:
    return (
        "This account is locked after too many failed logins. "
        f"Try again after {until:%H:%M} UTC or ask an administrator to unlock it."
    )


def check_login(request: HttpRequest, username: str, password: str) -> User:
    """The user these credentials prove, or LoginRefused (recorded and counted)."""
    attempt = Attempt(username=username[:150], ip=client_ip(request), at=timezone.now())
    if address_is_throttled(attempt.ip, attempt.at):
        _record_failure(attempt, None, "too many failures from this address")
        raise LoginRefused(THROTTLED, "throttled")
    known = User._default_manager.filter(username=attempt.username).first()
    if known is not None and is_locked(known, attempt.at):
        _record_failure(attempt, known, "account locked")
        raise LoginRefused(locked_message(known.locked_until), "locked")  # type: ignore[arg-type]
    user = authenticate(request, username=username, password=password)
    if not isinstance(user, User):
        note_failed_login(attempt, known, "invalid credentials")
        if known is not None:
            known.refresh_from_db(fields=["failed_logins", "locked_until"])
        if known is not None and is_locked(known, attempt.at):
            raise LoginRefused(locked_message(known.locked_until), "locked")  # type: ignore[arg-type]
        raise LoginRefused(INVALID, "invalid_login")
    return user


def is_locked(user: User, now: datetime) -> bool:
    return user.locked_until is not None and user.locked_until > now


def address_is_throttled(ip: str, now: datetime) -> bool:
    window_start = now - timedelta(seconds=settings.LOGIN_LOCKOUT_SECONDS)
    return LoginThrottle.objects.filter(
        ip=ip, window_started_at__gt=window_start, failures__gte=settings.LOGIN_IP_MAX_FAILURES
    ).exists()


def note_failed_login(attempt: Attempt, user: User | None, reason: str) -> None:
    """Count a failure against the address and the account (locking it at the limit)."""
    with transaction.atomic():
        _count_address_failure(attempt.ip, attempt.at)
        _record_failure(attempt, user, reason)
        if user is not None:
            count_account_failure(user.pk, attempt.at, ip=attempt.ip)


def _count_address_failure(ip: str, now: datetime) -> None:
    row, _ = LoginThrottle.objects.select_for_update().get_or_create(
        ip=ip, defaults={"window_started_at": now}
    )
    if row.window_started_at <= now - timedelta(seconds=settings.LOGIN_LOCKOUT_SECONDS):
        row.failures, row.window_started_at = 0, now
    row.failures += 1
    row.save(update_fields=["failures", "window_started_at"])


def count_account_failure(user_id: int, now: datetime, *, ip: str = "") -> bool:
    """One more failed password or code; locks the account at LOGIN_MAX_FAILURES. True if locked."""
    with transaction.atomic():
        user = User._default_manager.select_for_update().get(pk=user_id)
        if user.locked_until is not None and user.locked_until <= now:
            user.failed_logins, user.locked_until = 0, None  # an expired lock starts afresh
        user.failed_logins += 1
        locking = user.failed_logins >= settings.LOGIN_MAX_FAILURES
        until = now + timedelta(seconds=settings.LOGIN_LOCKOUT_SECONDS)
        if locking:
            user.locked_until = until
        user.save(update_fields=["failed_logins", "locked_until"])
        if locking:
            record_event(
                AuditAction.LOCKOUT,
                acting_user=None,
                model=USER_MODEL,
                object_id=user.pk,
                changes={"locked_until": [None, until.isoformat()], "ip": ip},
                reason=f"{user.failed_logins} failed logins",
            )
        return locking


def _record_failure(attempt: Attempt, user: User | None, reason: str) -> None:
    record_event(
        AuditAction.LOGIN_FAILED,
        acting_user=None,
        model=USER_MODEL,
        object_id=user.pk if user is not None else "",
        changes={"attempted_username": attempt.username, "ip": attempt.ip},
        reason=reason,
    )


def do_record_login(request: HttpRequest, user: User) -> None:
    """After a successful password check: clear the failure count and audit the login."""
    with transaction.atomic():
        User._default_manager.filter(pk=user.pk).update(failed_logins=0, locked_until=None)
        record_event(
            AuditAction.LOGIN,
            acting_user=user,
            model=USER_MODEL,
            object_id=user.pk,
            changes={"ip": client_ip(request)},
        )


def do_record_logout(request: HttpRequest, user: User) -> None:
    record_event(
        AuditAction.LOGOUT,
        acting_user=user,
        model=USER_MODEL,
        object_id=user.pk,
        changes={"ip": client_ip(request)},
    )
