"""REST API of the reportability rules: the rule version in force, a program's own rules
(propose, approve with an e-signature, reject), "why this date" for a safety case and a
complaint, and follow-up information. Scoped by program: another program's ids answer 404."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Schema, Status

from caredesk.api_support.auth import acting_user
from caredesk.api_support.pagination import Page, PageParams, paginate
from caredesk.api_support.router import ApiRouter
from caredesk.api_support.types import ObjectId, Text40, Text100, Text300, Text500
from caredesk.quality.models import Complaint
from caredesk.safety.models_rules import ProgramRule
from caredesk.safety.services.rules import current_ruleset
from caredesk.safety.services.rules_display import (
    complaint_reports,
    reports_due,
    rule_version_label,
)
from caredesk.safety.services.rules_follow_up import record_follow_up_information
from caredesk.safety.services.rules_program import (
    access_program_rule,
    approve_program_rule,
    propose_program_rule,
    reject_program_rule,
)
from caredesk.safety.services.safety_cases import access_safety_case
from caredesk.tenancy.services import access_program

router = ApiRouter(tags=["reportability rules"])
Note = Field("", max_length=2000)


class RuleOut(Schema):
    rule_id: str
    kind: str
    jurisdiction: str
    product_types: list[str]
    trigger: str
    when: str
    clock: int
    unit: str
    calendar: str
    group: str
    citation: str
    basis: str
    effective_from: date
    effective_to: date | None
    verify: str


class RuleSetOut(Schema):
    version: int
    sha256: str
    loaded_at: datetime
    loaded_by: str
    rules: list[RuleOut]


class ProgramRuleOut(Schema):
    id: int
    program_id: int
    rule_id: str
    replaces: str
    entry: dict[str, Any]
    reason: str
    status: str
    content_sha256: str
    proposed_by_id: int
    proposed_at: datetime
    decided_by_id: int | None
    decided_at: datetime | None
    decision_note: str
    signature_id: int | None
    retired_at: datetime | None


class ProgramRuleFilters(PageParams):
    program: ObjectId | None = Field(None, description="Only this program")
    status: Text40 | None = None


class ProgramRuleIn(Schema):
    program_id: ObjectId
    name: Text100 = Field(..., description="Short name; the rule id is <program code>-<name>")
    replaces: Text100 = Field("", description="The file rule this overrides (empty: added)")
    kind: Text100
    jurisdiction: Text40
    product_types: list[Text40] = Field(..., max_length=5)
    trigger: Text40 = "initial"
    when: Text300
    clock: int = Field(..., ge=1, le=3650)
    unit: Text40
    calendar: Text40 = ""
    group: Text40 = ""
    citation: Text500
    basis: Text500
    effective_from: date | None = None
    effective_to: date | None = None
    reason: str = Field(..., max_length=2000)


class ApproveIn(Schema):
    password: str = Field(..., max_length=200, description="Re-entered to sign (11.200)")
    note: str = Note


class RejectIn(Schema):
    note: str = Field(..., max_length=2000)


class ReportDueOut(Schema):
    id: int
    kind: str
    due: date
    due_at: datetime | None
    trigger: str
    rule_id: str
    rule_version: str
    citation: str
    basis: str
    day_zero: date | None
    calendar: str
    clock: str
    verify: str
    what_would_change_it: list[str]


class ReportsDueOut(Schema):
    safety_case_id: int
    day_zero: date | None
    rules: str
    reports: list[ReportDueOut]
    what_would_add_a_report: list[str]


class ExplainedOut(Schema):
    kind: str
    due: date
    rule_id: str
    citation: str
    basis: str
    day_zero: date
    clock: str
    calendar: str
    verify: str
    what_would_change_it: list[str]


class ComplaintReportsOut(Schema):
    complaint_id: int
    jurisdiction: str
    product_type: str
    day_zero: date | None
    rules: str
    not_computed_because: str
    reports: list[ExplainedOut]
    what_would_add_a_report: list[str]


class FollowUpInformationIn(Schema):
    received_on: date | None = Field(None, description="Day 0 of the follow-up (required)")
    summary: str = Field(..., max_length=2000)
    significant: bool = True


@router.get("/safety/rules", response=RuleSetOut)
def rules_in_force(request: HttpRequest) -> dict[str, Any]:
    """The rule file version new computations use, with every rule."""
    acting_user(request)
    version = current_ruleset()
    rules = [
        {**row, "calendar": row["calendar"] or "", "group": row["group"] or ""}
        for row in version.rules.order_by("pk").values()
    ]
    return {
        "version": version.version,
        "sha256": version.sha256,
        "loaded_at": version.loaded_at,
        "loaded_by": version.loaded_by,
        "rules": rules,
    }


@router.get("/safety/program-rules", response=Page[ProgramRuleOut])
def program_rules(request: HttpRequest, filters: Query[ProgramRuleFilters]) -> dict[str, Any]:
    """The programs' own rules the caller can see, newest proposals first."""
    rows = ProgramRule.objects.visible_to(acting_user(request)).order_by("-proposed_at", "-pk")
    if filters.program is not None:
        rows = rows.filter(program_id=filters.program)
    if filters.status:
        rows = rows.filter(status=filters.status)
    return paginate(rows, filters)


@router.post("/safety/program-rules", response={201: ProgramRuleOut})
def propose(request: HttpRequest, payload: ProgramRuleIn) -> Status:
    """A program admin proposes a rule; it is in force once another admin approves it."""
    user = acting_user(request)
    program = access_program(user, payload.program_id)
    entry = payload.dict(exclude={"program_id", "name", "replaces", "reason"})
    rule = propose_program_rule(
        program,
        acting_user=user,
        name=payload.name,
        entry=entry,
        reason=payload.reason,
        replaces=payload.replaces,
    )
    return Status(201, rule)


@router.get("/safety/program-rules/{program_rule_id}", response=ProgramRuleOut)
def program_rule(request: HttpRequest, program_rule_id: ObjectId) -> ProgramRule:
    return access_program_rule(acting_user(request), program_rule_id)


@router.post("/safety/program-rules/{program_rule_id}/approve", response=ProgramRuleOut)
def approve(request: HttpRequest, program_rule_id: ObjectId, payload: ApproveIn) -> ProgramRule:
    """Another program admin approves with a Part 11 signature (password re-entered)."""
    user = acting_user(request)
    rule = access_program_rule(user, program_rule_id)
    return approve_program_rule(
        rule, acting_user=user, password=payload.password, note=payload.note
    )


@router.post("/safety/program-rules/{program_rule_id}/reject", response=ProgramRuleOut)
def reject(request: HttpRequest, program_rule_id: ObjectId, payload: RejectIn) -> ProgramRule:
    """Another admin rejects the proposal (its author withdraws it); a reason is required."""
    user = acting_user(request)
    rule = access_program_rule(user, program_rule_id)
    return reject_program_rule(rule, acting_user=user, note=payload.note)


@router.get("/safety-cases/{safety_case_id}/reports-due", response=ReportsDueOut)
def case_reports_due(request: HttpRequest, safety_case_id: ObjectId) -> dict[str, Any]:
    """Why this date: each required report with rule, version, Day 0, calendar, what-ifs."""
    safety_case = access_safety_case(acting_user(request), safety_case_id)
    due = reports_due(safety_case)
    return {
        "safety_case_id": safety_case.pk,
        "day_zero": due.day_zero,
        "rules": due.rules_label,
        "reports": [_report_out(row) for row in due.rows],
        "what_would_add_a_report": [w.text for w in due.would_add],
    }


def _report_out(row: Any) -> dict[str, Any]:
    explanation = row.explanation or {}
    return {
        "id": row.pk,
        "kind": row.kind,
        "due": row.due,
        "due_at": row.due_at,
        "trigger": row.trigger,
        "rule_id": row.rule_id,
        "rule_version": rule_version_label(row),
        "citation": row.citation,
        "basis": row.basis,
        "day_zero": row.day_zero,
        "calendar": row.calendar,
        "clock": explanation.get("clock", ""),
        "verify": explanation.get("verify", ""),
        "what_would_change_it": list(explanation.get("what_ifs", [])),
    }


@router.post("/safety-cases/{safety_case_id}/follow-up-information", response=ReportsDueOut)
def follow_up_information(
    request: HttpRequest, safety_case_id: ObjectId, payload: FollowUpInformationIn
) -> dict[str, Any]:
    """Record new information; significant information starts follow-up report clocks."""
    user = acting_user(request)
    safety_case = access_safety_case(user, safety_case_id)
    record_follow_up_information(
        safety_case,
        acting_user=user,
        received_on=payload.received_on or date.min,
        summary=payload.summary,
        significant=payload.significant,
    )
    return case_reports_due(request, safety_case_id)


@router.get("/complaints/{complaint_id}/reports-due", response=ComplaintReportsOut)
def complaint_reports_due(request: HttpRequest, complaint_id: ObjectId) -> dict[str, Any]:
    """The reports a product or device complaint requires, explained (computed on display)."""
    user = acting_user(request)
    complaint = Complaint.objects.visible_one(user, complaint_id, "Complaint")
    due = complaint_reports(complaint)
    return {
        "complaint_id": complaint.pk,
        "jurisdiction": due.jurisdiction,
        "product_type": due.product_type,
        "day_zero": due.day_zero,
        "rules": due.rules_label,
        "not_computed_because": due.missing,
        "reports": [
            {
                **{k: getattr(r, k) for k in ("kind", "due", "rule_id", "citation", "basis")},
                "day_zero": r.day_zero,
                "clock": r.clock_text,
                "calendar": r.calendar_text,
                "verify": r.verify,
                "what_would_change_it": [w.text for w in r.what_ifs],
            }
            for r in due.reports
        ],
        "what_would_add_a_report": [w.text for w in due.would_add],
    }
