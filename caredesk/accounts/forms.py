"""Forms of the sign-in pages. Validation that is a business rule lives in services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from caredesk.accounts.services.login import LoginRefused, check_login


class LockoutAuthenticationForm(AuthenticationForm):
    """Django's login form, with the password check done by `check_login` (lockout, audit)."""

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is not None and password:
            if self.request is None:
                raise forms.ValidationError("Sign-in needs the request.", code="no_request")
            try:
                self.user_cache = check_login(self.request, username, password)
            except LoginRefused as exc:
                raise forms.ValidationError(exc.message, code=exc.code) from exc
        return self.cleaned_data


class CodeForm(forms.Form):
    code = forms.CharField(
        label="6-digit code",
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class TokenForm(forms.Form):
    name = forms.CharField(max_length=100, label="Token name")
    expires_on = forms.DateField(
        required=False, label="Expires on (UTC, optional)", widget=forms.DateInput({"type": "date"})
    )
