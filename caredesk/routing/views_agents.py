"""The agent's routing control on the workspace: their status and the "Get next case" button.

The inbox loads the control with htmx (`routing:agent_control`); each action answers with the
control again (htmx) or redirects (no JavaScript). "Get next" opens the case it gave.
"""

from __future__ import annotations

from typing import Any, cast

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from caredesk.accounts.models import AgentStatus, User
from caredesk.cases.views_support import INVALID, is_htmx, service_view
from caredesk.errors import InvalidInput
from caredesk.routing.services.agents import set_agent_status
from caredesk.routing.services.assignment import next_case_for
from caredesk.routing.services.skills import agent_program_ids
from caredesk.tenancy.services import access_program


def _control(request: HttpRequest, status: int = 200, **extra: Any) -> HttpResponse:
    context = {
        "is_agent": bool(agent_program_ids(request.user)),
        "statuses": AgentStatus.choices,
        "current": getattr(request.user, "agent_status", ""),
        **extra,
    }
    return render(request, "routing/_agent_control.html", context, status=status)


@login_required
@require_GET
def agent_control(request: HttpRequest) -> HttpResponse:
    return _control(request)


@login_required
@service_view
@require_POST
def status_change(request: HttpRequest) -> HttpResponse:
    agent = cast(User, request.user)  # signed in: login_required
    try:
        set_agent_status(agent, request.POST.get("status", ""), acting_user=agent)
    except InvalidInput as exc:
        return _control(request, INVALID, error=exc.fields.get("status", exc.message))
    if not is_htmx(request):
        return redirect("cases:inbox")
    return _control(request)


@login_required
@service_view
@require_POST
def take_next(request: HttpRequest) -> HttpResponse:
    raw = request.POST.get("program", "")
    program = access_program(request.user, int(raw)) if raw.isdigit() else None
    case = next_case_for(request.user, program=program)
    if case is None:
        if not is_htmx(request):
            return redirect("cases:inbox")
        return _control(request, message="No case is waiting for you.")
    url = reverse("cases:detail", kwargs={"case_id": case.pk})
    if is_htmx(request):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)
