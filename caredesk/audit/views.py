"""The auditor's screens: recent events, one record's full trail, its CSV export."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from caredesk.audit import trail
from caredesk.errors import NotFound


@require_GET
@login_required
def index(request: HttpRequest) -> HttpResponse:
    """Search by model and object id, or list the latest events of the user's programs."""
    model_label = request.GET.get("model", "").strip().lower()
    object_id = request.GET.get("object_id", "").strip()
    if model_label and object_id:
        return redirect("audit:record", model_label=model_label, object_id=object_id)
    events = trail.recent_events(request.user)
    context = {
        "events": events,
        "labels": trail.known_model_labels(),
        "model_label": model_label,
        "object_id": object_id,
    }
    return render(request, "audit/index.html", context)


@require_GET
@login_required
def record(request: HttpRequest, model_label: str, object_id: str) -> HttpResponse:
    """Who did what to one record and when (UTC), field by field."""
    try:
        events = trail.access_trail(request.user, model_label, object_id)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    rows = [(e, trail.format_utc(e), trail.field_changes(e)) for e in events]
    context = {"rows": rows, "model_label": model_label, "object_id": object_id}
    return render(request, "audit/record.html", context)


@require_GET
@login_required
def export_csv(request: HttpRequest, model_label: str, object_id: str) -> HttpResponse:
    """The record's trail as CSV; the download is itself an audited export."""
    try:
        with transaction.atomic():
            body = trail.export_trail_csv(request.user, model_label, object_id)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    safe_name = f"audit-{model_label}-{object_id}".replace('"', "")
    response["Content-Disposition"] = f'attachment; filename="{safe_name}.csv"'
    return response
