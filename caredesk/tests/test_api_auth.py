"""Who may call the API: a bearer token, or a browser session that passes the CSRF check."""

from __future__ import annotations

import json

from django.test import Client

from caredesk.accounts.services.tokens import revoke_api_token, tokens_of
from caredesk.testing.api import API, ApiClient, issue_token


def test_a_bearer_token_authenticates_without_csrf(world):
    api = ApiClient(token=issue_token(world.agent_a))
    assert api.get("/cases").json()["count"] == 1
    created = api.post("/persons", {"program_id": world.program_a.pk, "last_name": "Token"})
    assert created.status_code == 201


def test_a_wrong_or_malformed_token_is_401(world):
    for header in ("Bearer nope", "Bearer ", "Basic abc", "Bearer " + "x" * 5000):
        response = Client().get(f"{API}/cases", headers={"Authorization": header})
        assert response.status_code == 401, header
        assert response.json()["message"] == "Authentication required"


def test_a_revoked_token_is_401(world):
    raw = issue_token(world.agent_a)
    revoke_api_token(world.agent_a, tokens_of(world.agent_a)[0].pk)
    assert ApiClient(token=raw).get("/cases").status_code == 401


def test_a_token_of_a_deactivated_user_is_401(world):
    raw = issue_token(world.agent_a)
    world.agent_a.is_active = False
    world.agent_a.save()
    assert ApiClient(token=raw).get("/cases").status_code == 401


def test_a_session_reads_and_writes_with_the_csrf_token(world):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.agent_a)
    assert browser.get(f"{API}/cases").status_code == 200
    body = json.dumps({"program_id": world.program_a.pk, "last_name": "Session"})
    refused = browser.post(f"{API}/persons", body, content_type="application/json")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["message"]
    browser.get("/accounts/login/")  # any page of ours sets the CSRF cookie
    token = browser.cookies["csrftoken"].value
    accepted = browser.post(
        f"{API}/persons", body, content_type="application/json", headers={"X-CSRFToken": token}
    )
    assert accepted.status_code == 201


def test_no_credentials_is_401_even_for_writes(world):
    response = Client(enforce_csrf_checks=True).post(
        f"{API}/persons", "{}", content_type="application/json"
    )
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_an_inactive_user_is_refused(world):
    world.agent_a.is_active = False
    world.agent_a.save()
    browser = Client()
    browser.force_login(world.agent_a)
    assert browser.get(f"{API}/cases").status_code == 401
