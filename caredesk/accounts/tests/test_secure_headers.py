"""Every page carries the security headers; no inbound HTML can run script or be framed."""

from __future__ import annotations

import pytest

from caredesk.testing.mfa import login_with_mfa


def _assert_secure(response) -> None:
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_the_login_page_is_served_with_security_headers(client, db):
    _assert_secure(client.get("/accounts/login/"))


@pytest.mark.parametrize("path", ["/", "/audit/", "/accounts/tokens/", "/accounts/mfa/"])
def test_signed_in_pages_are_served_with_security_headers(client, world, path):
    login_with_mfa(client, world.safety_a)
    response = client.get(path)
    assert response.status_code == 200
    _assert_secure(response)


def test_not_found_pages_carry_them_too(client, world):
    login_with_mfa(client, world.auditor_a)
    response = client.get("/audit/cases.case/999999/")
    assert response.status_code == 404
    _assert_secure(response)
