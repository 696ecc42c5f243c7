"""The user's own API tokens: create (shown once) and revoke. Needs a second-factor session."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse

from caredesk.accounts.forms import TokenForm
from caredesk.accounts.models import User
from caredesk.accounts.services import mfa, tokens
from caredesk.errors import CareDeskError


@login_required
def token_list(request: HttpRequest) -> HttpResponseBase:
    """GET lists tokens; POST `action=create` (name, expires_on) or `action=revoke` (token)."""
    user: User = request.user  # type: ignore[assignment]
    if not mfa.session_verified(request.session, user):
        messages.info(request, "API tokens bypass the second factor: pass it first.")
        query = urlencode({"next": reverse("accounts:tokens")})
        return redirect(f"{reverse('accounts:mfa')}?{query}")
    form = TokenForm(request.POST if request.POST.get("action") == "create" else None)
    context: dict[str, Any] = {"form": form}
    status = 200
    if request.method == "POST":
        try:
            context["raw_token"] = _act(request, user, form)
        except CareDeskError as exc:
            messages.error(request, exc.message)
            status = exc.status
    context["tokens"] = tokens.tokens_of(user)
    return render(request, "accounts/tokens.html", context, status=status)


def _act(request: HttpRequest, user: User, form: TokenForm) -> str | None:
    action = request.POST.get("action")
    if action == "revoke":
        token_id = request.POST.get("token", "")
        if not token_id.isdigit():
            raise CareDeskError("Choose a token to revoke.")
        token = tokens.revoke_api_token(user, int(token_id), acting_user=user)
        messages.success(request, f"Token {token.name} revoked.")
        return None
    if action == "create" and form.is_valid():
        day = form.cleaned_data["expires_on"]
        expires = datetime.combine(day, time.max, tzinfo=UTC) if day else None
        return tokens.create_api_token(user, form.cleaned_data["name"], expires, acting_user=user)
    if action != "create":
        raise CareDeskError("Unknown action.")
    return None
