"""The agents' callback worklist: callbacks callers asked for in the IVR, due first, per program
and queue; claim one, call, then record reached or no answer. Scoped: another program's
callback is the 404 page; a callback another agent claimed, or a missing skill, is said on the
page, never a 500."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from caredesk.cases.views_support import service_view
from caredesk.channels.voice.services.callbacks import (
    access_callback,
    callback_worklist,
    callbacks_by_queue,
    claim_callback,
    claim_is_open,
    record_callback_outcome,
)
from caredesk.errors import Conflict, Forbidden, InvalidInput
from caredesk.routing.models import Queue


def _int_or_none(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _worklist(request: HttpRequest, error: str = "", status: int = 200) -> HttpResponse:
    program_id = _int_or_none(request.GET.get("program"))
    queue_id = _int_or_none(request.GET.get("queue"))
    due_only = request.GET.get("all") != "1"
    rows = callback_worklist(
        request.user, program_id=program_id, queue_id=queue_id, due_only=due_only
    )
    context: dict[str, Any] = {
        "callbacks": [(row, claim_is_open(row)) for row in rows[:200]],
        "queues": Queue.objects.visible_to(request.user)
        .select_related("program")
        .order_by("program__name", "name"),
        "queue_id": queue_id,
        "due_only": due_only,
        "error": error,
    }
    return render(request, "channels_voice/callbacks.html", context, status=status)


@login_required
@require_GET
def worklist(request: HttpRequest) -> HttpResponse:
    return _worklist(request)


@login_required
@require_GET
def summary(request: HttpRequest) -> HttpResponse:
    """The board's panel: scheduled callbacks per queue (loaded by htmx)."""
    context = {"queues": callbacks_by_queue(request.user)}
    return render(request, "channels_voice/_callback_summary.html", context)


@login_required
@service_view
@require_POST
def claim(request: HttpRequest, callback_id: int) -> HttpResponse:
    callback = access_callback(request.user, callback_id)
    try:
        claim_callback(callback, acting_user=request.user)
    except (Conflict, Forbidden) as exc:
        return _worklist(request, exc.message, status=409 if isinstance(exc, Conflict) else 403)
    return redirect("voice:callbacks")


@login_required
@service_view
@require_POST
def outcome(request: HttpRequest, callback_id: int) -> HttpResponse:
    callback = access_callback(request.user, callback_id)
    try:
        record_callback_outcome(
            callback,
            request.POST.get("outcome", ""),
            request.POST.get("note", ""),
            acting_user=request.user,
        )
    except (Conflict, InvalidInput) as exc:
        return _worklist(request, exc.message, status=409 if isinstance(exc, Conflict) else 422)
    return redirect("voice:callbacks")
