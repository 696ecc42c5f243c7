"""The compliance report page and its CSV export: per regime and month, the share of reports
submitted on time, and the late ones with their cause. Thin: parse the filters, call
`compliance`, render."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from caredesk.cases.views_support import INVALID, is_htmx, service_view
from caredesk.errors import InvalidInput, NotFound
from caredesk.safety.services.compliance import (
    CAUSES,
    compliance_rows,
    export_compliance_csv,
    parse_months,
    recent_months,
)
from caredesk.tenancy.models import Program

DEFAULT_MONTHS = 6


def months_between(start: str, end: str) -> list[str]:
    """Every month from `start` to `end` (YYYY-MM, inclusive), validated."""
    first, last = parse_months([start]), parse_months([end])
    year, month = (int(x) for x in first[0].split("-"))
    out: list[str] = []
    while f"{year:04d}-{month:02d}" <= last[0] and len(out) <= 36:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return parse_months(out) if out else []


def report_scope(user: Any, params: Any) -> tuple[list[Program], list[str]]:
    """The programs (all the user's, or the chosen one) and months of a compliance request."""
    programs = list(Program.objects.visible_to(user).order_by("name"))
    program = str(params.get("program", "") or "")
    if program:
        programs = [p for p in programs if str(p.pk) == program]
        if not programs:
            raise NotFound("Program not found")
    start, end = params.get("from", ""), params.get("to", "")
    if start or end:
        months = months_between(start or end, end or start)
    else:
        months = recent_months(DEFAULT_MONTHS)
    return programs, months


@login_required
@service_view
@require_GET
def compliance(request: HttpRequest) -> HttpResponse:
    """The report page; bad months answer 422 with the reason."""
    all_programs = list(Program.objects.visible_to(request.user).order_by("name"))
    try:
        programs, months = report_scope(request.user, request.GET)
    except InvalidInput as exc:
        failed = {"error": exc.message, "programs": all_programs, "rows": [], "months": []}
        return render(request, "safety/compliance.html", failed, status=INVALID)
    rows = compliance_rows(programs, months)
    context: dict[str, Any] = {
        "rows": rows,
        "late": [(row, late) for row in rows for late in row.late_reports],
        "programs": all_programs,
        "chosen": request.GET.get("program", ""),
        "months": months,
        "month_from": months[0] if months else "",
        "month_to": months[-1] if months else "",
        "causes": CAUSES,
        "query": request.GET.urlencode(),
    }
    template = "safety/compliance_results.html" if is_htmx(request) else "safety/compliance.html"
    return render(request, template, context)


@login_required
@service_view
@require_GET
def compliance_export(request: HttpRequest) -> HttpResponse:
    """The report as CSV (`part=summary` or `part=late`); the export is audited."""
    try:
        programs, months = report_scope(request.user, request.GET)
    except InvalidInput as exc:
        return HttpResponse(exc.message, status=INVALID, content_type="text/plain")
    part = "late" if request.GET.get("part") == "late" else "summary"
    body = export_compliance_csv(programs, months, part, acting_user=request.user)
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    name = f"compliance-{part}-{months[0]}-{months[-1]}.csv" if months else "compliance.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
