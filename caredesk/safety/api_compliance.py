"""REST API of safety oversight: the compliance report (JSON and CSV), the due-report calendar,
a report's late reason and fulfilling submission, and a program's safety lead. Scoped to the
caller's programs; another program's ids answer 404."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Schema

from caredesk.api_support.auth import acting_user
from caredesk.api_support.pagination import Page, PageParams, map_items, paginate_list
from caredesk.api_support.router import ApiRouter
from caredesk.api_support.types import ObjectId, Text20, Text40
from caredesk.safety.models_oversight import ReportTracking, SafetyOversight
from caredesk.safety.services.compliance import (
    ComplianceRow,
    compliance_rows,
    export_compliance_csv,
    parse_months,
    recent_months,
)
from caredesk.safety.services.due_calendar import CalendarFilters, DueItem, due_items, parse_month
from caredesk.safety.services.escalation import configure_oversight, oversight_of
from caredesk.safety.services.report_outcomes import (
    access_report,
    link_submission,
    record_late_reason,
)
from caredesk.tenancy.models import Program
from caredesk.tenancy.services import access_program

router = ApiRouter(tags=["safety oversight"])


class ComplianceParams(Schema):
    program: ObjectId | None = Field(None, description="Only this program")
    months: list[Text20] = Field(
        default_factory=list, description="YYYY-MM, repeatable; default: the last 6 months"
    )


class CompliancePage(ComplianceParams, PageParams):
    pass


class CsvParams(ComplianceParams):
    part: str = Field("summary", pattern="^(summary|late)$")


class LateReportOut(Schema):
    report_id: int
    safety_case_id: int
    case_reference: str
    program_id: int
    due: date
    status: str
    submitted_on: date | None
    days_late: int | None
    cause: str
    causes: list[str]
    late_reason: str


class ComplianceRowOut(Schema):
    month: str
    jurisdiction: str
    report_kind: str
    due: int
    on_time: int
    late: int
    overdue: int
    pending: int
    on_time_share: float | None
    late_reports: list[LateReportOut]


class DueParams(PageParams):
    program: ObjectId | None = None
    jurisdiction: Text20 = ""
    kind: Text40 = ""
    include_submitted: bool = False
    month: Text20 = Field("", description="YYYY-MM: only reports due that month")


class DueReportOut(Schema):
    report_id: int
    safety_case_id: int
    case_reference: str
    program_id: int
    jurisdiction: str
    kind: str
    due: date
    basis: str
    status: str
    days_left: int
    submitted_on: date | None
    escalated_at: datetime | None
    late_reason: str


class LateReasonIn(Schema):
    reason: str = Field(..., min_length=1, max_length=2000)


class SubmissionLinkIn(Schema):
    submission_id: ObjectId


class TrackingOut(Schema):
    id: int
    safety_case_id: int
    kind: str
    due: date
    submission_id: int | None
    late_reason: str
    escalated_at: datetime | None


class OversightIn(Schema):
    safety_lead_id: ObjectId | None
    urgent_forward_hours: int | None = Field(None, ge=1, le=72)


class OversightOut(Schema):
    program_id: int
    safety_lead_id: int | None
    urgent_forward_hours: int


def _row_out(row: ComplianceRow) -> dict[str, Any]:
    late = [
        {
            "report_id": lr.outcome.report.pk,
            "safety_case_id": lr.outcome.report.safety_case_id,
            "case_reference": lr.outcome.report.safety_case.case.reference,
            "program_id": lr.outcome.report.safety_case.program_id,
            "due": lr.outcome.report.due,
            "status": lr.outcome.status,
            "submitted_on": lr.outcome.submitted_on,
            "days_late": lr.outcome.days_late,
            "cause": lr.cause,
            "causes": list(lr.causes),
            "late_reason": lr.outcome.late_reason,
        }
        for lr in row.late_reports
    ]
    return {
        "month": row.month,
        "jurisdiction": row.jurisdiction,
        "report_kind": row.kind,
        "due": row.due,
        "on_time": row.on_time,
        "late": row.late,
        "overdue": row.overdue,
        "pending": row.pending,
        "on_time_share": row.share_on_time,
        "late_reports": late,
    }


def _scope(user: Any, params: ComplianceParams) -> tuple[list[Program], list[str]]:
    if params.program is not None:
        programs = [access_program(user, params.program)]
    else:
        programs = list(Program.objects.visible_to(user).order_by("pk"))
    months = parse_months(params.months) if params.months else recent_months(6)
    return programs, months


@router.get("/safety/compliance", response=Page[ComplianceRowOut])
def compliance(request: HttpRequest, params: Query[CompliancePage]) -> dict[str, Any]:
    """Per regime (jurisdiction and report kind) and month of the due date: reports due, on
    time, late, overdue, pending, the on-time share of the decided ones, and each late one
    with its cause; by month, jurisdiction and kind."""
    programs, months = _scope(acting_user(request), params)
    return map_items(paginate_list(compliance_rows(programs, months), params), _row_out)


_CSV_RESPONSE = {
    "responses": {
        200: {"description": "CSV file", "content": {"text/csv": {"schema": {"type": "string"}}}}
    }
}


@router.get("/safety/compliance.csv", openapi_extra=_CSV_RESPONSE)
def compliance_csv(request: HttpRequest, params: Query[CsvParams]) -> HttpResponse:
    """The compliance report as CSV (`part=summary` or `late`); the export is audited."""
    user = acting_user(request)
    programs, months = _scope(user, params)
    body = export_compliance_csv(programs, months, params.part, acting_user=user)
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="compliance-{params.part}.csv"'
    return response


def _due_out(item: DueItem) -> dict[str, Any]:
    report, outcome = item.report, item.outcome
    sc = report.safety_case
    return {
        "report_id": report.pk,
        "safety_case_id": sc.pk,
        "case_reference": sc.case.reference,
        "program_id": sc.program_id,
        "jurisdiction": sc.jurisdiction,
        "kind": report.kind,
        "due": report.due,
        "basis": report.basis,
        "status": item.status,
        "days_left": item.days_left,
        "submitted_on": outcome.submitted_on,
        "escalated_at": outcome.tracking.escalated_at if outcome.tracking else None,
        "late_reason": outcome.late_reason,
    }


@router.get("/safety/due-reports", response=Page[DueReportOut])
def due_reports(request: HttpRequest, params: Query[DueParams]) -> dict[str, Any]:
    """The due-report calendar as a list: overdue first, then by due date (of the first 2000
    reports by due date)."""
    filters = CalendarFilters(
        program_id=params.program,
        jurisdiction=params.jurisdiction,
        kind=params.kind,
        include_submitted=params.include_submitted,
        month=parse_month(params.month),
    )
    return map_items(paginate_list(due_items(acting_user(request), filters), params), _due_out)


@router.post("/safety/reports/{report_id}/late-reason", response=TrackingOut)
def late_reason(request: HttpRequest, report_id: ObjectId, payload: LateReasonIn) -> ReportTracking:
    """A safety specialist records why the report is (or will be) late; audited."""
    user = acting_user(request)
    report = access_report(user, report_id)
    return record_late_reason(report, reason=payload.reason, acting_user=user)


@router.post("/safety/reports/{report_id}/submission", response=TrackingOut)
def fulfilling_submission(
    request: HttpRequest, report_id: ObjectId, payload: SubmissionLinkIn
) -> ReportTracking:
    """Record which submission (of the same safety case) fulfils the report; audited."""
    user = acting_user(request)
    report = access_report(user, report_id)
    return link_submission(report, payload.submission_id, acting_user=user)


@router.get("/safety/programs/{program_id}/oversight", response=OversightOut)
def get_oversight(request: HttpRequest, program_id: ObjectId) -> SafetyOversight:
    """The program's safety lead (who overdue reports escalate to) and urgent hand-off hours."""
    program = access_program(acting_user(request), program_id)
    return oversight_of(program.pk)


@router.put("/safety/programs/{program_id}/oversight", response=OversightOut)
def put_oversight(
    request: HttpRequest, program_id: ObjectId, payload: OversightIn
) -> SafetyOversight:
    """A program admin names the safety lead (null: nobody, escalations go to the admins)."""
    user = acting_user(request)
    program = access_program(user, program_id)
    return configure_oversight(
        program,
        acting_user=user,
        safety_lead_id=payload.safety_lead_id,
        urgent_forward_hours=payload.urgent_forward_hours,
    )
