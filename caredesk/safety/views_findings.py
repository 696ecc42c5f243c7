"""The findings panel on the case page: confirm, dismiss (with a reason), add a missed finding,
or state "no AE / no complaint". Each action answers with the refreshed panel (and the tampering
banner out of band, since a tampering flag locks or releases the case); without htmx it
redirects back to the case page. Refused input answers 422 with the message in the panel.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET, require_POST

from caredesk.cases.models import Interaction
from caredesk.cases.services.access import access_interaction
from caredesk.cases.views_support import INVALID, add_service_errors, is_htmx, service_view
from caredesk.errors import FORM_ERRORS, Conflict, InvalidInput
from caredesk.safety.forms import AddFindingForm, ClearForm, ConfirmForm, DismissForm
from caredesk.safety.services.findings import (
    access_finding,
    add_finding,
    confirm_finding,
    dismiss_finding,
    mark_no_safety_content,
)


def _panel(
    request: HttpRequest,
    interaction: Interaction,
    status: int = 200,
    error: str = "",
    **extra: Any,
) -> HttpResponse:
    if not is_htmx(request):
        if error:
            messages.error(request, error)
        return redirect(f"/cases/{interaction.case_id}/#interaction-{interaction.pk}")
    context = {"interaction": interaction, "case": interaction.case, "extra": extra}
    html = render_to_string("safety/_panel_response.html", context, request=request)
    return HttpResponse(html, status=status)


def _error_text(exc: InvalidInput | Conflict) -> str:
    details = "; ".join(f"{k}: {v}" for k, v in exc.fields.items() if v != exc.message)
    return f"{exc.message} ({details})" if details else exc.message


@login_required
@service_view
@require_POST
def finding_confirm(request: HttpRequest, finding_id: int) -> HttpResponse:
    finding = access_finding(request.user, finding_id)
    form = ConfirmForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        confirm_finding(finding, acting_user=request.user, note=note)
    except FORM_ERRORS as exc:
        msg = _error_text(exc)
        return _panel(request, finding.interaction, INVALID, msg, errors={finding.pk: msg})
    return _panel(request, finding.interaction)


@login_required
@service_view
@require_POST
def finding_dismiss(request: HttpRequest, finding_id: int) -> HttpResponse:
    finding = access_finding(request.user, finding_id)
    form = DismissForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        dismiss_finding(finding, reason=reason, acting_user=request.user)
    except FORM_ERRORS as exc:
        msg = _error_text(exc)
        return _panel(request, finding.interaction, INVALID, msg, errors={finding.pk: msg})
    return _panel(request, finding.interaction)


@login_required
@service_view
@require_POST
def finding_add(request: HttpRequest, interaction_id: int) -> HttpResponse:
    interaction = access_interaction(request.user, interaction_id)
    form = AddFindingForm(request.POST, auto_id=f"add{interaction.pk}_%s")
    if form.is_valid():
        try:
            add_finding(interaction, acting_user=request.user, **form.cleaned_data)
        except FORM_ERRORS as exc:
            add_service_errors(form, exc)
        else:
            return _panel(request, interaction)
    error = "; ".join(f"{k}: {' '.join(str(m) for m in v)}" for k, v in form.errors.items())
    return _panel(request, interaction, INVALID, error, add_form=form)


@login_required
@service_view
@require_POST
def interaction_clear(request: HttpRequest, interaction_id: int) -> HttpResponse:
    interaction = access_interaction(request.user, interaction_id)
    form = ClearForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        mark_no_safety_content(interaction, acting_user=request.user, note=note)
    except FORM_ERRORS as exc:
        msg = _error_text(exc)
        return _panel(request, interaction, INVALID, msg, errors={"panel": msg})
    return _panel(request, interaction)


@login_required
@service_view
@require_GET
def interaction_panel(request: HttpRequest, interaction_id: int) -> HttpResponse:
    """The panel alone (htmx refresh after the screener ran)."""
    interaction = access_interaction(request.user, interaction_id)
    html = render_to_string(
        "safety/_findings_panel.html", {"interaction": interaction}, request=request
    )
    return HttpResponse(html)
