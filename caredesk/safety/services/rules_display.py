""" "Why this date" for people: each required report of a safety case or a complaint with its
due date, rule and citation, rule version, Day 0, calendar and what would change it.

Safety cases show their stored rows (the dates they were computed under); what one more fact
would add is computed live under the same rule version. Complaints have no stored rows: their
reports are computed on display from the complaint's facts (receipt date, product type, the
reportability decision, the linked safety case's seriousness).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from caredesk.safety.models import SafetyCase, SafetyReportDue
from caredesk.safety.models_rules import ClockState, ProgramRule
from caredesk.safety.reportability.engine import Situation
from caredesk.safety.reportability.explain import Explained, WhatIf, explain
from caredesk.safety.services.clocks import jurisdiction_for
from caredesk.safety.services.rules import engine_rules
from caredesk.safety.services.rules_clocks import (
    Rules,
    case_facts,
    case_flags,
    explain_facts,
    program_calendars,
)


@dataclass(frozen=True)
class ReportsDue:
    rows: list[SafetyReportDue]
    would_add: list[WhatIf]
    rules_label: str  # "rules v3 + 1 program rule", the version the dates came from
    day_zero: dt.date | None


def rule_version_label(row: SafetyReportDue) -> str:
    if row.program_rule_id:
        return f"program rule {row.rule_id} (#{row.program_rule_id})"
    if row.ruleset is None:
        return "computed before versioning"
    return f"rules v{row.ruleset.version}"


def state_rules(safety_case: SafetyCase, state: ClockState | None) -> Rules:
    """The rules the case's dates were computed under (the current ones before any was)."""
    if state is None or state.ruleset is None:
        return Rules.current(safety_case.program_id)
    program_rules = tuple(
        ProgramRule.objects.system_scope().filter(pk__in=state.program_rules).order_by("pk")
    )
    return Rules(state.ruleset, program_rules, engine_rules(state.ruleset, program_rules))


def reports_due(safety_case: SafetyCase) -> ReportsDue:
    """The case's required reports as stored, and the reports one more fact would add."""
    state = ClockState.objects.filter(safety_case=safety_case).select_related("ruleset").first()
    rows = list(
        safety_case.reports.select_related("ruleset", "program_rule", "follow_up").order_by(
            "due", "kind"
        )
    )
    facts = state.facts if state is not None else case_facts(safety_case)
    rules = state_rules(safety_case, state)
    would_add = list(explain_facts(safety_case, facts, rules).would_add)
    label = f"rules v{rules.version.version}"
    if rules.program_rules:
        label += f" + {len(rules.program_rules)} program rule(s)"
    day_zero = dt.date.fromisoformat(facts["day_zero"]) if facts.get("day_zero") else None
    return ReportsDue(rows, would_add, label, day_zero)


@dataclass(frozen=True)
class ComplaintReports:
    reports: list[Explained]
    would_add: list[WhatIf]
    day_zero: dt.date | None
    jurisdiction: str
    product_type: str
    rules_label: str
    missing: str  # why nothing can be computed yet ("" when computed)


def complaint_flags(complaint: Any) -> frozenset[str]:
    """A complaint's reportability facts: a decided-reportable device complaint is a reportable
    malfunction, a decided-reportable drug complaint a product defect (field alert); harm comes
    from the linked safety case."""
    flags: set[str] = set()
    if str(getattr(complaint, "reportability", "")) == "reportable":
        flags |= {"malfunction", "product_defect"}
    linked = getattr(complaint, "safety_case", None)
    if linked is not None:
        flags |= {name for name, held in case_flags(linked).items() if held}
    return frozenset(flags)


def complaint_reports(complaint: Any) -> ComplaintReports:
    """The reports a product or device complaint requires, explained (computed on display)."""
    program = complaint.program
    product = getattr(complaint, "product", None)
    product_type = getattr(product, "product_type", "") or ""
    jurisdiction = jurisdiction_for(program.country)
    rules = Rules.current(program.pk)
    label = f"rules v{rules.version.version}"
    if product_type == "":
        return ComplaintReports([], [], None, jurisdiction, "", label, "no product identified")
    received = complaint.received_at.astimezone(ZoneInfo(program.time_zone)).date()
    flags = complaint_flags(complaint)
    calendars = program_calendars(program.pk)
    reports: list[Explained] = []
    would_add: list[WhatIf] = []
    for trigger in ("initial", "field_alert"):
        situation = Situation(jurisdiction, product_type, received, flags, trigger=trigger)
        explanation = explain(situation, rules.engine, calendars)
        reports += explanation.reports
        would_add += explanation.would_add
    return ComplaintReports(reports, would_add, received, jurisdiction, product_type, label, "")
