"""API tokens: shown once, stored hashed, refused when revoked/expired/inactive, audited."""

from __future__ import annotations

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from caredesk.accounts.models import ApiToken, User, hash_token
from caredesk.accounts.services.tokens import (
    authenticate_token,
    create_api_token,
    revoke_api_token,
)
from caredesk.audit.models import AuditAction, AuditEvent
from caredesk.errors import InvalidInput, NotFound
from caredesk.testing.factories import PASSWORD
from caredesk.testing.mfa import login_with_mfa

TOKENS = "/accounts/tokens/"


def test_a_token_is_stored_only_as_its_hash(world):
    raw = create_api_token(world.agent_a, "nightly export")
    token = ApiToken.objects.get(user=world.agent_a)
    assert token.token_hash == hash_token(raw) and raw not in token.token_hash
    assert raw.startswith(token.prefix)
    event = AuditEvent.objects.get(action=AuditAction.CREATE, model="accounts.apitoken")
    assert event.actor_id == world.agent_a.pk
    assert raw not in str(event.changes) and token.token_hash not in str(event.changes)


def test_authenticate_token_returns_the_user_and_notes_last_use(world):
    raw = create_api_token(world.agent_a, "crm sync")
    assert authenticate_token(raw) == world.agent_a
    assert ApiToken.objects.get(user=world.agent_a).last_used_at is not None


@pytest.mark.parametrize("raw", ["", "cdk_not-a-token", "x" * 300])
def test_unknown_tokens_are_refused(db, raw):
    assert authenticate_token(raw) is None


def test_revoked_expired_and_inactive_tokens_are_refused(world):
    revoked = create_api_token(world.agent_a, "old")
    revoke_api_token(world.agent_a, ApiToken.objects.get(name="old").pk)
    assert authenticate_token(revoked) is None

    expiring = create_api_token(world.agent_a, "short", timezone.now() + timedelta(hours=1))
    ApiToken.objects.filter(name="short").update(expires_at=timezone.now() - timedelta(seconds=1))
    assert authenticate_token(expiring) is None

    inactive = create_api_token(world.agent_b, "b")
    User.objects.filter(pk=world.agent_b.pk).update(is_active=False)
    assert authenticate_token(inactive) is None


def test_bad_names_and_past_expiry_are_invalid(world):
    with pytest.raises(InvalidInput):
        create_api_token(world.agent_a, "  ")
    with pytest.raises(InvalidInput):
        create_api_token(world.agent_a, "late", timezone.now() - timedelta(days=1))


def test_one_cannot_revoke_another_users_token(world):
    create_api_token(world.agent_b, "theirs")
    theirs = ApiToken.objects.get(user=world.agent_b)
    with pytest.raises(NotFound):
        revoke_api_token(world.agent_a, theirs.pk)
    theirs.refresh_from_db()
    assert theirs.revoked_at is None


def test_revocation_is_audited_once(world):
    create_api_token(world.agent_a, "to revoke")
    token = ApiToken.objects.get(user=world.agent_a)
    revoke_api_token(world.agent_a, token.pk)
    revoke_api_token(world.agent_a, token.pk)
    events = AuditEvent.objects.filter(action=AuditAction.UPDATE, model="accounts.apitoken")
    assert [list(e.changes) for e in events] == [["revoked_at"]]


def test_the_management_command_prints_a_working_token(world):
    out = StringIO()
    call_command("create_api_token", "agent_a", "integration", "--expires-days", "30", stdout=out)
    raw = out.getvalue().strip()
    assert authenticate_token(raw) == world.agent_a
    token = ApiToken.objects.get(user=world.agent_a)
    assert token.expires_at is not None and token.expires_at > timezone.now() + timedelta(days=29)
    with pytest.raises(CommandError):
        call_command("create_api_token", "nobody", "integration")


def test_the_tokens_page_needs_a_second_factor_session(client, world):
    client.post("/accounts/login/", {"username": "agent_a", "password": PASSWORD})
    response = client.get(TOKENS)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/mfa/")


def test_the_tokens_page_creates_shows_once_and_revokes(client, world):
    login_with_mfa(client, world.agent_a)
    created = client.post(TOKENS, {"action": "create", "name": "reporting"})
    assert created.status_code == 200
    shown = re.search(r'<code id="new-token">([^<]+)</code>', created.content.decode())
    assert shown is not None
    raw = shown.group(1)
    assert authenticate_token(raw) == world.agent_a
    listing = client.get(TOKENS).content.decode()
    assert "reporting" in listing and raw not in listing

    token = ApiToken.objects.get(user=world.agent_a)
    assert client.post(TOKENS, {"action": "revoke", "token": token.pk}).status_code == 200
    assert authenticate_token(raw) is None


def test_the_tokens_page_does_not_reach_another_users_token(client, world):
    create_api_token(world.agent_b, "theirs")
    theirs = ApiToken.objects.get(user=world.agent_b)
    login_with_mfa(client, world.agent_a)
    response = client.post(TOKENS, {"action": "revoke", "token": theirs.pk})
    assert response.status_code == 404
    assert "theirs" not in response.content.decode()
    theirs.refresh_from_db()
    assert theirs.revoked_at is None


def test_the_tokens_page_answers_bad_input_without_error(client, world):
    login_with_mfa(client, world.agent_a)
    assert client.post(TOKENS, {"action": "create", "name": ""}).status_code == 200
    assert client.post(TOKENS, {"action": "revoke", "token": "x"}).status_code == 400
    assert client.post(TOKENS, {"q": "Bea"}).status_code == 400
    assert not ApiToken.objects.exists()
