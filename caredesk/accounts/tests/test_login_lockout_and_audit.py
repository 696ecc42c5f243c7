"""Password login: lockout after failures, per-address throttling, every attempt audited."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from caredesk.accounts.models import User
from caredesk.audit.models import AuditAction, AuditEvent
from caredesk.testing.factories import PASSWORD

LOGIN = "/accounts/login/"
WRONG = "not the password at all"


def _login(client: Client, username: str, password: str):
    return client.post(LOGIN, {"username": username, "password": password})


def _events(action: AuditAction) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action).order_by("seq"))


@pytest.fixture
def limits(settings):
    settings.LOGIN_MAX_FAILURES = 3
    settings.LOGIN_IP_MAX_FAILURES = 10
    settings.LOGIN_LOCKOUT_SECONDS = 600
    return settings


def test_login_page_has_the_fields_and_one_submit_button(client, db):
    html = client.get(LOGIN).content.decode()
    assert 'id="id_username"' in html and 'id="id_password"' in html
    assert html.count('type="submit"') == 1


def test_good_login_redirects_home_and_is_audited(client, world):
    response = _login(client, "agent_a", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/"
    [event] = _events(AuditAction.LOGIN)
    assert (event.actor_id, event.model, event.object_id) == (
        world.agent_a.pk,
        "accounts.user",
        str(world.agent_a.pk),
    )
    assert client.get("/").status_code == 200


def test_failed_login_records_the_username_and_never_the_password(client, world):
    response = _login(client, "agent_a", WRONG)
    assert response.status_code == 200
    assert "correct username and password" in response.content.decode()
    _login(client, "nobody_here", WRONG)
    known, unknown = _events(AuditAction.LOGIN_FAILED)
    assert known.changes["attempted_username"] == "agent_a"
    assert known.object_id == str(world.agent_a.pk)
    assert unknown.changes["attempted_username"] == "nobody_here"
    assert unknown.object_id == ""
    every_event = json.dumps(list(AuditEvent.objects.values()), default=str)
    assert WRONG not in every_event
    world.agent_a.refresh_from_db()
    assert world.agent_a.failed_logins == 1


def test_repeated_failures_lock_the_account(client, world, limits):
    for _ in range(3):
        response = _login(client, "agent_a", WRONG)
    assert "account is locked" in response.content.decode()
    world.agent_a.refresh_from_db()
    assert world.agent_a.locked_until is not None
    assert world.agent_a.locked_until > timezone.now() + timedelta(seconds=590)
    [lockout] = _events(AuditAction.LOCKOUT)
    assert lockout.object_id == str(world.agent_a.pk)


def test_a_locked_account_gets_no_password_check_even_with_the_right_password(
    client, world, limits, monkeypatch
):
    User.objects.filter(pk=world.agent_a.pk).update(
        failed_logins=3, locked_until=timezone.now() + timedelta(minutes=5)
    )

    def no_password_check(*args, **kwargs):
        raise AssertionError("the password of a locked account was checked")

    monkeypatch.setattr("caredesk.accounts.services.login.authenticate", no_password_check)
    response = _login(client, "agent_a", PASSWORD)
    assert response.status_code == 200
    assert "account is locked" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert _events(AuditAction.LOGIN_FAILED)[-1].reason == "account locked"


def test_when_the_lock_expires_the_right_password_works_and_counts_reset(client, world, limits):
    User.objects.filter(pk=world.agent_a.pk).update(
        failed_logins=3, locked_until=timezone.now() - timedelta(seconds=1)
    )
    assert _login(client, "agent_a", PASSWORD).status_code == 302
    world.agent_a.refresh_from_db()
    assert (world.agent_a.failed_logins, world.agent_a.locked_until) == (0, None)


def test_after_an_expired_lock_one_failure_does_not_relock(client, world, limits):
    User.objects.filter(pk=world.agent_a.pk).update(
        failed_logins=3, locked_until=timezone.now() - timedelta(seconds=1)
    )
    response = _login(client, "agent_a", WRONG)
    assert "correct username and password" in response.content.decode()
    world.agent_a.refresh_from_db()
    assert world.agent_a.failed_logins == 1


def test_one_address_trying_many_usernames_is_throttled(world, limits):
    limits.LOGIN_IP_MAX_FAILURES = 4
    sprayer = Client(REMOTE_ADDR="203.0.113.9")
    for name in ("alice", "bob", "carol", "dave"):
        _login(sprayer, name, WRONG)
    response = _login(sprayer, "agent_a", PASSWORD)
    assert "Too many failed logins from your network address" in response.content.decode()
    assert "_auth_user_id" not in sprayer.session
    assert _events(AuditAction.LOGIN_FAILED)[-1].reason == "too many failures from this address"
    other_desk = Client(REMOTE_ADDR="198.51.100.20")
    assert _login(other_desk, "agent_a", PASSWORD).status_code == 302


def test_logout_is_audited(client, world):
    _login(client, "agent_a", PASSWORD)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    [event] = _events(AuditAction.LOGOUT)
    assert event.actor_id == world.agent_a.pk
    assert client.get("/").status_code == 302


def test_login_post_without_csrf_token_is_refused(world):
    browser = Client(enforce_csrf_checks=True)
    assert _login(browser, "agent_a", PASSWORD).status_code == 403
    browser.get(LOGIN)
    token = browser.cookies["csrftoken"].value
    response = browser.post(
        LOGIN, {"username": "agent_a", "password": PASSWORD, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
