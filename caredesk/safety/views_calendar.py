"""The due-report calendar of the safety specialist (list and month view) and the late reason
a specialist records on a report. Thin: parse the filters, call `due_calendar`, render; an htmx
request gets the results part only."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from caredesk.cases.views_support import INVALID, is_htmx, service_view
from caredesk.errors import Conflict, InvalidInput
from caredesk.safety.services.due_calendar import (
    CalendarFilters,
    due_items,
    filter_choices,
    month_grid,
    parse_month,
)
from caredesk.safety.services.escalation import configure_oversight, lead_candidates, oversight_of
from caredesk.safety.services.report_outcomes import (
    access_report,
    record_late_reason,
    report_late_reason,
)
from caredesk.tenancy.models import Program, Role
from caredesk.tenancy.services import access_program, roles_of


def _filters(request: HttpRequest) -> tuple[CalendarFilters, str, date]:
    """The filters of the query string; the month defaults to this one in month view."""
    get = request.GET
    program = get.get("program", "")
    view = "month" if get.get("view") == "month" else "list"
    try:
        month = parse_month(get.get("month"))
    except InvalidInput:
        month = None
    shown = month or timezone.localdate().replace(day=1)
    filters = CalendarFilters(
        program_id=int(program) if program.isdigit() else None,
        jurisdiction=get.get("jurisdiction", "")[:2],
        kind=get.get("kind", "")[:40],
        include_submitted=get.get("submitted") == "1",
        month=shown if view == "month" else month,
    )
    return filters, view, shown


def _leads(user: Any, programs: list[Program]) -> list[dict[str, Any]]:
    """Each program's named safety lead (None: escalations go to its admins), and for the
    programs the user administers, who could be named."""
    rows = []
    for p in programs:
        admin = Role.PROGRAM_ADMIN in roles_of(user, p.pk)
        rows.append(
            {
                "program": p,
                "lead": oversight_of(p.pk).safety_lead,
                "candidates": lead_candidates(p.pk) if admin else [],
            }
        )
    return rows


def _is_pv(user: Any, program_id: int) -> bool:
    return Role.SAFETY_SPECIALIST in roles_of(user, program_id)


def _keep(request: HttpRequest) -> str:
    """The filters of the query string, without the month and view (for month navigation)."""
    kept = request.GET.copy()
    for name in ("month", "view"):
        kept.pop(name, None)
    return kept.urlencode()


@login_required
@service_view
@require_GET
def calendar(request: HttpRequest) -> HttpResponse:
    """Reports due across the user's programs: overdue first, then by due date."""
    filters, view, shown = _filters(request)
    items = due_items(request.user, filters)
    choices = filter_choices(request.user)
    prev_month = (shown.replace(day=1) - timedelta(days=1)).replace(day=1)
    next_month = (shown.replace(day=28) + timedelta(days=4)).replace(day=1)
    context = {
        "items": items,
        "weeks": month_grid(items, shown) if view == "month" else [],
        "filters": filters,
        "view": view,
        "shown": shown,
        "prev_month": prev_month,
        "next_month": next_month,
        "leads": _leads(request.user, choices["programs"]),
        "overdue": sum(1 for i in items if i.status == "overdue"),
        "pv_programs": {p.pk for p in choices["programs"] if _is_pv(request.user, p.pk)},
        "keep": _keep(request),
        **choices,
    }
    template = "safety/calendar_results.html" if is_htmx(request) else "safety/calendar.html"
    return render(request, template, context)


@login_required
@service_view
@require_POST
def late_reason(request: HttpRequest, report_id: int) -> HttpResponse:
    """A safety specialist records why a report is (or will be) late."""
    report = access_report(request.user, report_id)
    reason = request.POST.get("reason", "")
    is_pv = _is_pv(request.user, report.safety_case.program_id)
    try:
        tracking = record_late_reason(report, reason=reason, acting_user=request.user)
    except (InvalidInput, Conflict) as exc:
        saved = report_late_reason(report)
        context = {"report": report, "error": exc.message, "reason": reason, "is_pv": is_pv}
        context["saved"] = saved
        return render(request, "safety/calendar_late_reason.html", context, status=INVALID)
    if is_htmx(request):
        context = {"report": report, "saved": tracking.late_reason, "is_pv": is_pv, "reason": ""}
        context["error"] = ""
        return render(request, "safety/calendar_late_reason.html", context)
    return redirect("safety:calendar")


@login_required
@service_view
@require_POST
def safety_lead(request: HttpRequest, program_id: int) -> HttpResponse:
    """A program admin names the program's safety lead (empty: nobody, the admins are told)."""
    program = access_program(request.user, program_id)
    chosen = request.POST.get("safety_lead", "")
    try:
        configure_oversight(
            program,
            acting_user=request.user,
            safety_lead_id=int(chosen) if chosen.isdigit() else None,
        )
    except InvalidInput as exc:
        return HttpResponse(exc.message, status=INVALID, content_type="text/plain")
    messages.success(request, f"Safety lead of {program.name} saved")
    return redirect("safety:calendar")
