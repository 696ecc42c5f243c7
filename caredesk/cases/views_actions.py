"""Actions on a case page. Each posts with htmx and answers with the part of the page to swap.

Logging a contact answers with a fresh form, the new timeline entry appended out of band and
the refreshed case header; the other actions re-render the workspace. Without htmx every action
redirects back to the case page (or re-renders it with the errors). Invalid input answers 422.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from caredesk.cases.forms import (
    AssignForm,
    InteractionForm,
    RequestForm,
    ResolveRequestForm,
    StatusForm,
)
from caredesk.cases.models import Attachment, Case, CaseStatus
from caredesk.cases.services.access import access_case
from caredesk.cases.services.interactions import log_interaction
from caredesk.cases.services.lifecycle import assign_case, change_status, reopen_case
from caredesk.cases.services.requests import add_request, resolve_request
from caredesk.cases.views import workspace_context
from caredesk.cases.views_support import INVALID, add_service_errors, is_htmx, service_view
from caredesk.errors import FORM_ERRORS


def _workspace(request: HttpRequest, case: Case, status: int = 200, **forms: Any) -> HttpResponse:
    """The answer to an action: the workspace part for htmx, else the page or a redirect."""
    if status == 200 and not is_htmx(request):
        return redirect("cases:detail", case_id=case.pk)
    case.refresh_from_db()
    template = "cases/_workspace.html" if is_htmx(request) else "cases/case_detail.html"
    return render(request, template, workspace_context(request, case, **forms), status=status)


@login_required
@service_view
@require_POST
def interaction_create(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case(request.user, case_id)
    form = InteractionForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            interaction = log_interaction(case, form.to_input(), acting_user=request.user)
        except FORM_ERRORS as exc:
            add_service_errors(form, exc)
        else:
            if not is_htmx(request):
                return redirect("cases:detail", case_id=case.pk)
            case.refresh_from_db()
            context = workspace_context(request, case)
            context["new_entries"] = context["timeline"].filter(interaction=interaction)
            return render(request, "cases/_interaction_logged.html", context)
    if is_htmx(request):
        return render(
            request, "cases/_interaction_form.html", {"case": case, "form": form}, status=INVALID
        )
    return _workspace(request, case, INVALID, interaction_form=form)


@login_required
@service_view
@require_POST
def request_create(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case(request.user, case_id)
    form = RequestForm(request.POST)
    if form.is_valid():
        try:
            add_request(case, acting_user=request.user, **form.cleaned_data)
        except FORM_ERRORS as exc:
            add_service_errors(form, exc)
        else:
            return _workspace(request, case)
    return _workspace(request, case, INVALID, request_form=form)


@login_required
@service_view
@require_POST
def request_resolve(request: HttpRequest, case_id: int, request_id: int) -> HttpResponse:
    case = access_case(request.user, case_id)
    form = ResolveRequestForm(request.POST)
    if form.is_valid():
        try:
            resolve_request(
                case,
                request_id,
                resolution=form.cleaned_data["resolution"],
                acting_user=request.user,
            )
        except FORM_ERRORS as exc:
            add_service_errors(form, exc)
        else:
            return _workspace(request, case)
    return _workspace(request, case, INVALID, resolve_errors={request_id: form})


@login_required
@service_view
@require_POST
def status_change(request: HttpRequest, case_id: int) -> HttpResponse:
    """Change status; a closed case can only be reopened, and both need a reason."""
    case = access_case(request.user, case_id)
    form = StatusForm(request.POST)
    if form.is_valid():
        new_status, reason = form.cleaned_data["status"], form.cleaned_data["reason"]
        try:
            if case.status == CaseStatus.CLOSED and new_status != CaseStatus.CLOSED:
                reopen_case(case, acting_user=request.user, reason=reason)
            else:
                change_status(case, new_status, acting_user=request.user, reason=reason)
        except FORM_ERRORS as exc:
            add_service_errors(form, exc)
        else:
            return _workspace(request, case)
    return _workspace(request, case, INVALID, status_form=form)


@login_required
@service_view
@require_POST
def assign(request: HttpRequest, case_id: int) -> HttpResponse:
    """Assign to the requesting user ("to_me") and/or move to a queue of the case's program."""
    case = access_case(request.user, case_id)
    form = AssignForm(request.POST, user=request.user, program=case.program)
    if form.is_valid():
        owner = request.user if "to_me" in request.POST else None
        queue = form.cleaned_data["queue"]
        if owner is None and queue is None:
            form.add_error("queue", "choose a queue or assign the case to yourself")
        else:
            try:
                assign_case(case, acting_user=request.user, owner=owner, queue=queue)
            except FORM_ERRORS as exc:
                add_service_errors(form, exc)
            else:
                return _workspace(request, case)
    return _workspace(request, case, INVALID, assign_form=form)


@login_required
def attachment_download(request: HttpRequest, attachment_id: int) -> FileResponse:
    attachment = Attachment.objects.visible_to(request.user).filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404("Attachment not found")
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.filename,
        content_type=attachment.content_type,
    )
