"""Signals screens: the candidates of the user's programs (filter by status and source), one
signal with its chart, cases and scores, its review (start, close with a signature) and its
follow-ups, and the exports. Thin: parse, call a service, render.

The review panel posts with htmx and gets the refreshed panel back (422 with the service's
messages when refused); without htmx a success redirects to the signal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from caredesk.cases.views_support import INVALID, add_service_errors, is_htmx, service_view
from caredesk.errors import Conflict, InvalidInput
from caredesk.insights import forms as sf
from caredesk.insights.exports.files import (
    export_article88_pdf,
    export_counts_csv,
    export_signals_csv,
)
from caredesk.insights.models import ActionKind, CandidateSignal
from caredesk.insights.services.access import access_signal, can_review, signals_for
from caredesk.insights.services.actions import (
    start_complaint_investigation,
    start_recall_assessment,
)
from caredesk.insights.services.plans import plan_for
from caredesk.insights.services.series import signal_counts
from caredesk.insights.services.workflow import close_signal, start_review
from caredesk.tenancy.models import Program

Run = Callable[[CandidateSignal, dict[str, Any], Any], Any]


def _filtered(request: HttpRequest) -> tuple[Any, sf.FilterForm]:
    form = sf.FilterForm(request.GET)
    rows = signals_for(request.user).select_related("program", "lot")
    if form.is_valid():
        if form.cleaned_data["status"]:
            rows = rows.filter(status=form.cleaned_data["status"])
        if form.cleaned_data["source"]:
            rows = rows.filter(source=form.cleaned_data["source"])
    return rows.order_by("-first_alert_date", "-pk"), form


@login_required
@require_GET
def signals(request: HttpRequest) -> HttpResponse:
    rows, form = _filtered(request)
    programs = Program.objects.visible_to(request.user).filter(pk__in=rows.values("program_id"))
    context = {
        "signals": rows[:300],
        "form": form,
        "plans": [plan_for(p) for p in programs.order_by("name")],
        "query": request.GET.urlencode(),
    }
    template = "insights/_signal_rows.html" if is_htmx(request) else "insights/signals.html"
    return render(request, template, context)


@login_required
@require_GET
def signals_export(request: HttpRequest) -> HttpResponse:
    rows, _form = _filtered(request)
    response = HttpResponse(export_signals_csv(request.user, rows), content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="signals.csv"'
    return response


def _panel_context(request: HttpRequest, signal: CandidateSignal, **bound: Any) -> dict[str, Any]:
    return {
        "signal": signal,
        "can_review": can_review(request.user, signal.program_id),
        "close_form": bound.get("close", sf.CloseForm()),
        "action_form": bound.get("action", sf.ActionForm()),
        "actions": signal.actions.select_related("created_by").order_by("created_at"),
    }


@login_required
@service_view
@require_GET
def signal_detail(request: HttpRequest, signal_id: int) -> HttpResponse:
    signal = access_signal(request.user, signal_id)
    counts = signal_counts(signal)
    context = {
        **_panel_context(request, signal),
        "counts": {
            "labels": counts.labels,
            "series": counts.series,
            "alert": counts.alert_label,
            "weekly": counts.weekly,
        },
        "links": signal.links.select_related("case", "linked_by").order_by("linked_at", "pk"),
        "score_rows": sorted(signal.scores.items()),
        "plan": plan_for(signal.program),
    }
    return render(request, "insights/signal_detail.html", context)


def _act(
    request: HttpRequest, signal_id: int, name: str, form: forms.Form, run: Run
) -> HttpResponse:
    signal = access_signal(request.user, signal_id)
    status = 200
    if form.is_valid():
        try:
            run(signal, form.cleaned_data, request.user)
        except (InvalidInput, Conflict) as exc:
            add_service_errors(form, exc)
            status = INVALID
        else:
            if not is_htmx(request):
                return redirect("insights:signal", signal_id=signal.pk)
            form = None  # type: ignore[assignment]
    else:
        status = INVALID
    signal.refresh_from_db()
    bound = {name: form} if form is not None else {}
    context = _panel_context(request, signal, **bound)
    return render(request, "insights/_signal_review.html", context, status=status)


@login_required
@service_view
@require_POST
def signal_review(request: HttpRequest, signal_id: int) -> HttpResponse:
    def run(s: CandidateSignal, _d: dict[str, Any], user: Any) -> Any:
        return start_review(s, acting_user=user)

    return _act(request, signal_id, "review", forms.Form(request.POST), run)


@login_required
@service_view
@require_POST
def signal_close(request: HttpRequest, signal_id: int) -> HttpResponse:
    def run(s: CandidateSignal, d: dict[str, Any], user: Any) -> Any:
        return close_signal(
            s,
            acting_user=user,
            outcome=d["outcome"],
            reason=d["reason"],
            password=d["password"],
        )

    return _act(request, signal_id, "close", sf.CloseForm(request.POST), run)


@login_required
@service_view
@require_POST
def signal_action(request: HttpRequest, signal_id: int) -> HttpResponse:
    def run(s: CandidateSignal, d: dict[str, Any], user: Any) -> Any:
        if d["kind"] == ActionKind.COMPLAINT_INVESTIGATION:
            return start_complaint_investigation(s, acting_user=user, note=d["note"])
        return start_recall_assessment(s, acting_user=user, note=d["note"])

    return _act(request, signal_id, "action", sf.ActionForm(request.POST), run)


@login_required
@service_view
@require_GET
def signal_counts_export(request: HttpRequest, signal_id: int) -> HttpResponse:
    signal = access_signal(request.user, signal_id)
    response = HttpResponse(export_counts_csv(request.user, signal), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="signal-{signal.pk}-counts.csv"'
    return response


@login_required
@service_view
@require_GET
def signal_report(request: HttpRequest, signal_id: int) -> HttpResponse:
    signal = access_signal(request.user, signal_id)
    data = export_article88_pdf(request.user, signal)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="signal-{signal.pk}-article88.pdf"'
    return response
