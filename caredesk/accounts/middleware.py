"""Second-factor enforcement and security headers on every response."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from caredesk.accounts.services import mfa


class MfaRequiredMiddleware:
    """Sends a signed-in user whose roles require MFA to the second-factor step.

    Until the session has passed the second factor, such a user reaches only the MFA page,
    logout and static files. A request carrying a bearer token is left to the API's token
    authentication, but never rides on such a half-signed-in session.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or self._exempt(request.path):
            return self.get_response(request)
        if mfa.session_verified(request.session, user) or not mfa.mfa_required(user):
            return self.get_response(request)
        if request.headers.get("Authorization", "").lower().startswith("bearer "):
            request.user = AnonymousUser()
            return self.get_response(request)
        if request.path.startswith("/api/"):
            return JsonResponse(
                {"message": "Second factor required: complete MFA in the browser", "errors": {}},
                status=403,
            )
        target = reverse("accounts:mfa")
        return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")

    @staticmethod
    def _exempt(path: str) -> bool:
        allowed = {reverse("accounts:mfa"), reverse("accounts:logout"), reverse("accounts:login")}
        return path in allowed or path.startswith("/" + settings.STATIC_URL.lstrip("/"))


class SecureHeadersMiddleware:
    """Content-Security-Policy and friends: inbound HTML must never run script here."""

    CSP = (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
        "base-uri 'self'; form-action 'self'; object-src 'none'"
    )

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", self.CSP)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.setdefault("Cache-Control", "no-store")
        return response
