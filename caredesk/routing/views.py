"""The supervisor board: every queue of the user's programs, refreshed by htmx every 30 s,
with each queue's service level and its cases in SLA warning or breach."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from caredesk.cases.models import SlaState
from caredesk.cases.views_support import is_htmx
from caredesk.routing.services.board import queue_board
from caredesk.routing.services.board_sla import queue_sla


@login_required
def board(request: HttpRequest) -> HttpResponse:
    rows = queue_board(request.user)
    now = timezone.now()
    sla = queue_sla(request.user, rows, now)
    totals = {
        "open": sum(row.open_count for row in rows),
        **{state: sum(row.by_sla_state.get(state, 0) for row in rows) for state in SlaState.values},
    }
    board_rows = [(row, sla[row.queue_id]) for row in rows]
    context = {"rows": rows, "board_rows": board_rows, "totals": totals, "now": now}
    if is_htmx(request):
        return render(request, "routing/_board_table.html", context)
    return render(request, "routing/board.html", context)
