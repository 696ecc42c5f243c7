"""An idle session ends after SESSION_COOKIE_AGE; activity keeps it alive (sliding expiry)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from caredesk.testing.factories import PASSWORD


@pytest.fixture
def clock(monkeypatch):
    """Moves `timezone.now()` (which the session store reads) forward by hand."""
    start = timezone.now()
    offset = {"by": timedelta(0)}
    monkeypatch.setattr(timezone, "now", lambda: start + offset["by"])
    return offset


def test_an_idle_session_expires(client, world, clock):
    client.post("/accounts/login/", {"username": "agent_a", "password": PASSWORD})
    assert client.get("/").status_code == 200

    clock["by"] = timedelta(seconds=settings.SESSION_COOKIE_AGE + 1)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_an_active_session_is_extended_by_each_request(client, world, clock):
    client.post("/accounts/login/", {"username": "agent_a", "password": PASSWORD})
    almost = timedelta(seconds=settings.SESSION_COOKIE_AGE - 30)
    clock["by"] = almost
    assert client.get("/").status_code == 200
    clock["by"] = almost * 2
    assert client.get("/").status_code == 200


def test_the_session_cookie_is_http_only_and_ends_with_the_browser(client, world):
    client.post("/accounts/login/", {"username": "agent_a", "password": PASSWORD})
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"]
    assert not cookie["max-age"]
    assert cookie["samesite"] == "Lax"
