"""Agent workspace views for cases: inbox, case page, new case. Thin: parse, call, render.

The actions on a case page (log a contact, requests, status, assignment) are in
`views_actions.py`; both render the workspace through `workspace_context`.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db import models
from django.db.models import F, QuerySet, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from caredesk.cases.forms import (
    AssignForm,
    CaseForm,
    InboxFilterForm,
    InteractionForm,
    RequestForm,
    StatusForm,
)
from caredesk.cases.models import OPEN_STATUSES, Case
from caredesk.cases.services.access import access_case
from caredesk.cases.services.lifecycle import CaseInput, create_case
from caredesk.cases.services.timeline import case_timeline
from caredesk.cases.views_support import INVALID, add_service_errors, is_htmx, service_view
from caredesk.errors import Conflict, InvalidInput
from caredesk.people.services.lookup import access_person


def inbox_cases(user: Any, queue_id: int | None = None) -> QuerySet[Case]:
    """Open cases of the user's programs, most urgent first: priority, then next SLA due."""
    next_due = models.Case(
        When(first_responded_at__isnull=True, then=F("first_response_due")),
        default=F("resolution_due"),
    )
    cases = (
        Case.objects.visible_to(user)
        .filter(status__in=list(OPEN_STATUSES))
        .select_related("person", "queue", "owner", "program")
        .annotate(next_due=next_due)
    )
    if queue_id is not None:
        cases = cases.filter(queue_id=queue_id)
    return cases.order_by("priority", F("next_due").asc(nulls_last=True), "opened_at", "id")


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    form = InboxFilterForm(request.GET or None, user=request.user)
    queue = form.cleaned_data.get("queue") if form.is_valid() else None
    context = {
        "filter_form": form,
        "cases": inbox_cases(request.user, queue.pk if queue else None)[:200],
        "query": request.GET.urlencode(),
    }
    if is_htmx(request):
        return render(request, "cases/_inbox_table.html", context)
    return render(request, "cases/inbox.html", context)


def workspace_context(request: HttpRequest, case: Case, **overrides: Any) -> dict[str, Any]:
    """Everything the case page shows; `overrides` carries bound forms with errors."""
    user = request.user
    timeline = case_timeline(case).prefetch_related(
        "interaction__attachments", "interaction__corrections", "interaction__corrects"
    )
    context: dict[str, Any] = {
        "case": case,
        "timeline": timeline,
        "requests": case.requests.select_related("resolved_by").order_by("resolved_at", "id"),
        "interaction_form": InteractionForm(),
        "request_form": RequestForm(),
        "status_form": StatusForm(initial={"status": case.status}),
        "assign_form": AssignForm(user=user, program=case.program, initial={"queue": case.queue}),
        "resolve_errors": {},  # request id → bound ResolveRequestForm with errors
    }
    context.update(overrides)
    resolve_errors = context["resolve_errors"]
    context["request_rows"] = [(item, resolve_errors.get(item.pk)) for item in context["requests"]]
    return context


@login_required
@service_view
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case(request.user, case_id)
    return render(request, "cases/case_detail.html", workspace_context(request, case))


@login_required
@service_view
@require_http_methods(["GET", "POST"])
def case_create(request: HttpRequest, person_id: int) -> HttpResponse:
    """Open a case for a person, in the person's program."""
    person = access_person(request.user, person_id)
    form = CaseForm(request.POST or None, user=request.user, program=person.program)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                case = create_case(
                    person.program,
                    CaseInput(person=person, **form.cleaned_data),
                    acting_user=request.user,
                )
            except (InvalidInput, Conflict) as exc:
                add_service_errors(form, exc)
            else:
                return redirect("cases:detail", case_id=case.pk)
        status = INVALID
    return render(request, "cases/case_form.html", {"form": form, "person": person}, status=status)
