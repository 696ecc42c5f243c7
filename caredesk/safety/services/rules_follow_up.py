"""Follow-up information on a safety case: significant new information starts its own report
clock (US Rx 15 days of the new information, OTC and supplements 15 business days when it
arrives within a year of the initial report, EU/UK/CA the initial clock again, devices a
supplemental report), computed by the same engine and rule version as the initial reports.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from caredesk.audit.services import record_created
from caredesk.cases.models import TimelineKind
from caredesk.cases.services.timeline import add_timeline_entry
from caredesk.errors import InvalidInput
from caredesk.safety.models import SafetyCase, SafetyReportDue
from caredesk.safety.models_rules import FollowUpInformation
from caredesk.safety.services.rules_clocks import (
    TIMELINE_TYPE,
    Rules,
    case_facts,
    explain_facts,
    local_day_zero,
    row_fields,
)
from caredesk.tenancy.services import check_can_write


def record_follow_up_information(
    safety_case: SafetyCase,
    *,
    acting_user: Any,
    received_on: dt.date,
    summary: str,
    significant: bool = True,
) -> FollowUpInformation:
    """Record new information; when significant, add the follow-up reports it requires."""
    check_can_write(acting_user, safety_case.program_id)
    initial = local_day_zero(safety_case)
    errors = _check(initial, received_on, summary)
    if errors:
        raise InvalidInput("The follow-up information cannot be recorded", errors)
    now = timezone.now()
    with transaction.atomic():
        info = FollowUpInformation.objects.create(
            safety_case=safety_case,
            received_on=received_on,
            significant=significant,
            summary=summary.strip(),
            recorded_by=acting_user,
            recorded_at=now,
        )
        record_created(
            info, acting_user=acting_user, fields=["received_on", "significant", "summary"]
        )
        rows = _follow_up_reports(safety_case, info, initial, now) if significant else []
        _timeline(safety_case, info, rows, acting_user, now)
    return info


def _check(initial: dt.date | None, received_on: dt.date, summary: str) -> dict[str, str]:
    errors = {}
    if initial is None:
        errors["received_on"] = "the case has no Day 0 yet: its initial report comes first"
    elif received_on < initial:
        errors["received_on"] = f"before the initial Day 0 ({initial.isoformat()})"
    elif received_on > timezone.localdate() + dt.timedelta(days=1):
        errors["received_on"] = "in the future"
    if not summary.strip():
        errors["summary"] = "say what the new information is"
    return errors


def _follow_up_reports(
    safety_case: SafetyCase, info: FollowUpInformation, initial: dt.date | None, now: dt.datetime
) -> list[SafetyReportDue]:
    rules = Rules.current(safety_case.program_id)
    explanation = explain_facts(
        safety_case,
        case_facts(safety_case),
        rules,
        trigger="follow_up",
        day_zero=info.received_on.isoformat(),
        initial_day_zero=initial,
    )
    rows = []
    for report in explanation.reports:
        fields = row_fields(safety_case, report, rules, now)
        fields["due_at"] = None  # a follow-up clock runs from the day the information came in
        rows.append(
            SafetyReportDue.objects.create(
                safety_case=safety_case, kind=report.kind, follow_up=info, **fields
            )
        )
    return rows


def _timeline(
    safety_case: SafetyCase,
    info: FollowUpInformation,
    rows: list[SafetyReportDue],
    actor: Any,
    now: dt.datetime,
) -> None:
    kind = "Significant follow-up information" if info.significant else "Follow-up information"
    if rows:
        due = "; ".join(f"{r.kind} due {r.due.isoformat()} ({r.rule_id})" for r in rows)
    elif info.significant:
        due = "no follow-up report required by the rules"
    else:
        due = "not significant: no new clock"
    add_timeline_entry(
        safety_case.case,
        TimelineKind.NOTE,
        f"{kind} received {info.received_on.isoformat()}: {due}",
        actor=actor,
        at=now,
        data={
            "type": TIMELINE_TYPE,
            "safety_case": safety_case.pk,
            "cause": "follow-up information",
            "follow_up": info.pk,
            "changes": [
                {
                    "kind": r.kind,
                    "old_due": None,
                    "new_due": r.due.isoformat(),
                    "rule_id": r.rule_id,
                }
                for r in rows
            ],
        },
    )
