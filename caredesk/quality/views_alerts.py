"""Tampering alerts (the locks quality holds on cases) and the user's in-app notifications."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from caredesk.cases.views_support import INVALID, add_service_errors, is_htmx, service_view
from caredesk.errors import Conflict, InvalidInput
from caredesk.quality.forms import ReasonForm
from caredesk.quality.models import TamperingAlert
from caredesk.quality.services.notifications import (
    access_notification,
    mark_read,
    notifications_for,
)
from caredesk.quality.services.tampering import access_alert, release_case_lock
from caredesk.tenancy.models import Role
from caredesk.tenancy.services import roles_of


@login_required
@require_GET
def alerts(request: HttpRequest) -> HttpResponse:
    rows = (
        TamperingAlert.objects.visible_to(request.user)
        .select_related("case", "finding", "program", "released_by")
        .order_by("released_at", "-raised_at")[:200]
    )
    return render(request, "quality/alerts.html", {"alerts": rows})


def _alert_page(
    request: HttpRequest, alert: TamperingAlert, form: ReasonForm, status: int = 200
) -> HttpResponse:
    context = {
        "alert": alert,
        "form": form,
        "is_quality": Role.QUALITY_SPECIALIST in roles_of(request.user, alert.program_id),
    }
    return render(request, "quality/alert.html", context, status=status)


@login_required
@service_view
@require_GET
def alert_detail(request: HttpRequest, alert_id: int) -> HttpResponse:
    return _alert_page(request, access_alert(request.user, alert_id), ReasonForm())


@login_required
@service_view
@require_POST
def alert_release(request: HttpRequest, alert_id: int) -> HttpResponse:
    alert = access_alert(request.user, alert_id)
    form = ReasonForm(request.POST)
    if form.is_valid():
        try:
            release_case_lock(alert, acting_user=request.user, reason=form.cleaned_data["reason"])
        except (InvalidInput, Conflict) as exc:
            add_service_errors(form, exc)
        else:
            return redirect("quality:alert", alert_id=alert.pk)
    return _alert_page(request, alert, form, INVALID)


@login_required
@require_GET
def notifications(request: HttpRequest) -> HttpResponse:
    rows = notifications_for(request.user)[:200]
    return render(request, "quality/notifications.html", {"notifications": rows})


@login_required
@service_view
@require_POST
def notification_read(request: HttpRequest, notification_id: int) -> HttpResponse:
    notice = mark_read(access_notification(request.user, notification_id), acting_user=request.user)
    if is_htmx(request):
        return render(request, "quality/_notification.html", {"n": notice})
    return redirect("quality:notifications")
