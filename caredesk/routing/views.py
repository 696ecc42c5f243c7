"""The supervisor board: every queue of the user's programs, refreshed by htmx every 30 s."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from caredesk.cases.models import SlaState
from caredesk.cases.views_support import is_htmx
from caredesk.routing.services.board import queue_board


@login_required
def board(request: HttpRequest) -> HttpResponse:
    rows = queue_board(request.user)
    totals = {
        "open": sum(row.open_count for row in rows),
        **{state: sum(row.by_sla_state.get(state, 0) for row in rows) for state in SlaState.values},
    }
    context = {"rows": rows, "totals": totals, "now": timezone.now()}
    if is_htmx(request):
        return render(request, "routing/_board_table.html", context)
    return render(request, "routing/board.html", context)
