"""Housekeeping for sign-in: old per-address throttle windows are dropped every hour."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from caredesk.accounts.models import LoginThrottle


def purge_expired_throttles() -> int:
    """Delete throttle rows whose window ended; a live window is kept so lockout still holds."""
    cutoff = timezone.now() - timedelta(seconds=settings.LOGIN_LOCKOUT_SECONDS)
    deleted, _ = LoginThrottle.objects.filter(window_started_at__lt=cutoff).delete()
    return deleted


@db_periodic_task(crontab(minute="7"))
def purge_expired_throttles_task() -> int:
    return purge_expired_throttles()
