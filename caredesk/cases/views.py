"""Agent workspace views for cases. Thin: parse, call one service, render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from caredesk.cases.models import OPEN_STATUSES, Case


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    cases = (
        Case.objects.visible_to(request.user)
        .filter(status__in=list(OPEN_STATUSES))
        .select_related("person", "queue")
        .order_by("priority", "first_response_due")[:50]
    )
    return render(request, "cases/inbox.html", {"cases": cases})
