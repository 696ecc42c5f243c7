"""Safety, quality, recall and admin roles must pass a TOTP second factor in every session."""

from __future__ import annotations

import re

import pyotp
import pytest
from django.test import Client

from caredesk.accounts.models import User
from caredesk.accounts.services.tokens import create_api_token
from caredesk.audit.models import AuditAction, AuditEvent
from caredesk.testing.factories import PASSWORD
from caredesk.testing.mfa import current_code, enroll, login_with_mfa

MFA = "/accounts/mfa/"


def _password_login(client: Client, user: User) -> None:
    response = client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302


def _secret_on_page(html: str) -> str:
    match = re.search(r'<code id="mfa-secret">([A-Z2-7]+)</code>', html)
    assert match, "the enrolment page shows the key"
    return match.group(1)


def _outcomes(user: User) -> list[str]:
    events = AuditEvent.objects.filter(action=AuditAction.MFA, actor_id=user.pk).order_by("seq")
    return [e.changes["outcome"] for e in events]


def test_a_safety_specialist_is_held_at_enrolment_until_a_code_confirms(client, world):
    _password_login(client, world.safety_a)
    for path in ("/", "/audit/", "/accounts/tokens/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(MFA)
    page = client.get(MFA + "?next=/audit/")
    html = page.content.decode()
    assert "<svg" in html
    secret = _secret_on_page(html)
    wrong = client.post(MFA, {"code": "000000", "next": "/audit/"})
    assert "not valid" in wrong.content.decode()
    assert client.get("/").status_code == 302

    code = pyotp.TOTP(secret).now()
    response = client.post(MFA, {"code": code, "next": "/audit/"})
    assert response.status_code == 302 and response["Location"] == "/audit/"
    assert client.get("/").status_code == 200
    world.safety_a.refresh_from_db()
    assert world.safety_a.mfa_enabled and world.safety_a.mfa_secret == secret
    assert _outcomes(world.safety_a) == ["enrolled"]


def test_the_qr_code_is_inline_and_fetches_nothing(client, world):
    _password_login(client, world.admin_a)
    html = client.get(MFA).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert "<image" not in svg and "href=" not in svg
    assert "<img" not in html


def test_an_enrolled_user_verifies_each_session_and_a_code_works_once(world):
    enroll(world.safety_a)
    first, second = Client(), Client()
    _password_login(first, world.safety_a)
    assert first.get("/")["Location"].startswith(MFA)
    assert "Two-step sign-in" in first.get(MFA).content.decode()
    code = current_code(world.safety_a)
    assert first.post(MFA, {"code": code})["Location"] == "/"
    assert first.get("/").status_code == 200

    _password_login(second, world.safety_a)
    replay = second.post(MFA, {"code": code})
    assert replay.status_code == 200 and "not valid" in replay.content.decode()
    later = current_code(world.safety_a, steps_ahead=1)
    assert second.post(MFA, {"code": later}).status_code == 302
    assert _outcomes(world.safety_a) == ["verified", "wrong code", "verified"]


def test_wrong_codes_count_towards_lockout(client, world, settings):
    settings.LOGIN_MAX_FAILURES = 3
    enroll(world.safety_a)
    _password_login(client, world.safety_a)
    for _ in range(2):
        assert client.post(MFA, {"code": "123456"}).status_code == 200
    response = client.post(MFA, {"code": "123456"})
    assert response["Location"] == "/accounts/login/"
    assert "_auth_user_id" not in client.session
    world.safety_a.refresh_from_db()
    assert world.safety_a.locked_until is not None
    assert AuditEvent.objects.filter(action=AuditAction.LOCKOUT).count() == 1


def test_users_without_an_mfa_role_are_not_held_but_may_enrol(client, world):
    _password_login(client, world.agent_a)
    assert client.get("/").status_code == 200
    html = client.get(MFA).content.decode()
    assert "Optional" in html
    secret = _secret_on_page(html)
    assert client.post(MFA, {"code": pyotp.TOTP(secret).now()}).status_code == 302
    client.post("/accounts/logout/")
    _password_login(client, world.agent_a)
    assert client.get("/")["Location"].startswith(MFA)


def test_api_requests_with_a_bearer_token_are_not_held(client, world):
    raw = create_api_token(world.safety_a, "pipeline")
    _password_login(client, world.safety_a)
    blocked = client.get("/api/v1/programs")
    assert blocked.status_code == 403
    assert blocked.json()["message"].startswith("Second factor required")
    with_token = client.get("/api/v1/programs", headers={"Authorization": f"Bearer {raw}"})
    assert with_token.status_code == 200


def test_a_bogus_bearer_header_does_not_unlock_a_half_signed_in_session(client, world):
    _password_login(client, world.safety_a)
    response = client.get("/api/v1/programs", headers={"Authorization": "Bearer nonsense"})
    assert response.status_code == 401
    page = client.get("/", headers={"Authorization": "Bearer nonsense"})
    assert page.status_code == 302 and "/accounts/login/" in page["Location"]


@pytest.mark.parametrize("persona", ["safety_a", "admin_a"])
def test_login_with_mfa_helper_signs_in_past_the_second_factor(client, world, persona):
    login_with_mfa(client, getattr(world, persona))
    assert client.get("/").status_code == 200
