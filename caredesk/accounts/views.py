"""Sign-in pages: password login (lockout, audit), logout, and the second factor."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from caredesk.accounts.forms import CodeForm, LockoutAuthenticationForm
from caredesk.accounts.models import User
from caredesk.accounts.services import mfa
from caredesk.accounts.services.login import LoginRefused, do_record_login, do_record_logout


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LockoutAuthenticationForm
    redirect_authenticated_user = False

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        do_record_login(self.request, form.get_user())
        return response


class LogoutView(auth_views.LogoutView):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            do_record_logout(request, request.user)  # type: ignore[arg-type]
        return super().post(request, *args, **kwargs)


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else "/"


@login_required
def second_factor(request: HttpRequest) -> HttpResponseBase:
    """Enrol (secret + QR, confirm a code) or verify a code for this session."""
    user: User = request.user  # type: ignore[assignment]
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if user.mfa_enabled:
                mfa.verify_code(request, user, form.cleaned_data["code"])
            else:
                mfa.confirm_enrollment(request, user, form.cleaned_data["code"])
        except LoginRefused as exc:
            if exc.code == "locked":
                messages.error(request, exc.message)
                return redirect("accounts:login")
            form.add_error("code", exc.message)
        else:
            return HttpResponseRedirect(_next_url(request))
    context: dict[str, Any] = {"form": form, "next": _next_url(request)}
    if user.mfa_enabled:
        context["already_verified"] = mfa.session_verified(request.session, user)
        return render(request, "accounts/mfa_verify.html", context)
    secret = mfa.pending_secret(request.session)
    context.update(
        secret=secret,
        qr_svg=mfa.qr_svg(mfa.provisioning_uri(user, secret)),
        required=mfa.mfa_required(user),
    )
    return render(request, "accounts/mfa_enroll.html", context)
