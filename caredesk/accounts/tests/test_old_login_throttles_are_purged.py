from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from caredesk.accounts.models import LoginThrottle
from caredesk.accounts.tasks import purge_expired_throttles

pytestmark = pytest.mark.django_db


def test_expired_windows_go_and_live_ones_stay(settings):
    now = timezone.now()
    LoginThrottle.objects.create(ip="192.0.2.1", failures=3, window_started_at=now)
    LoginThrottle.objects.create(
        ip="192.0.2.2",
        failures=9,
        window_started_at=now - timedelta(seconds=settings.LOGIN_LOCKOUT_SECONDS + 60),
    )
    assert purge_expired_throttles() == 1
    assert list(LoginThrottle.objects.values_list("ip", flat=True)) == ["192.0.2.1"]
