"""Who is calling the API: a bearer token, or the browser session (with its CSRF check).

Bearer tokens are not ambient credentials, so requests carrying one need no CSRF token. A
session, which the browser sends by itself, must prove it came from our pages (CSRF) before an
unsafe method runs.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf


class BearerToken(HttpBearer):
    """`Authorization: Bearer <token>` resolved by the accounts token service."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        from caredesk.accounts.services.tokens import authenticate_token

        if not token or len(token) > 512:
            return None
        user = authenticate_token(token)
        if user is None or not user.is_active:
            return None
        return user


class SessionWithCsrf(APIKeyCookie):
    """The Django session; a signed-in browser must pass the CSRF check for unsafe methods.

    Unlike ninja's SessionAuth, a request without a signed-in session answers 401 rather than
    a CSRF 403, so an anonymous caller learns only that it must authenticate.
    """

    def __init__(self) -> None:
        from django.conf import settings

        self.param_name = settings.SESSION_COOKIE_NAME
        super().__init__(csrf=True)

    def _get_key(self, request: HttpRequest) -> str | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if check_csrf(request) is not None:
            raise HttpError(403, "CSRF check failed: send the X-CSRFToken header")
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = getattr(request, "user", None)
        if key is None or user is None or not user.is_authenticated or not user.is_active:
            return None
        return user


def api_auth() -> list[Any]:
    """Bearer first (no CSRF needed), then the session."""
    return [BearerToken(), SessionWithCsrf()]


def acting_user(request: HttpRequest) -> Any:
    """The authenticated user of an API request (set by ninja from the auth that succeeded)."""
    return request.auth  # type: ignore[attr-defined]
