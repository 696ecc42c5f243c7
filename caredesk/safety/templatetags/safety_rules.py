"""Template tags of "why this date": the required reports of a safety case (one line in the
case template: `{% load safety_rules %}{% reports_due sc %}`) and of a complaint
(`{% load safety_rules %}{% complaint_reports_due complaint %}` in the complaint page)."""

from __future__ import annotations

from typing import Any

from django import template

from caredesk.safety.forms_rules import FollowUpInformationForm
from caredesk.safety.models import SafetyCase
from caredesk.safety.services.rules_display import (
    complaint_reports,
    reports_due,
    rule_version_label,
)

register = template.Library()


@register.inclusion_tag("safety/_reports_due.html", takes_context=True, name="reports_due")
def reports_due_panel(context: Any, safety_case: SafetyCase, **extra: Any) -> dict[str, Any]:
    due = reports_due(safety_case)
    return {
        "sc": safety_case,
        "due": due,
        "rows": [(row, rule_version_label(row)) for row in due.rows],
        "follow_up_form": extra.get("form") or FollowUpInformationForm(auto_id="fui_%s"),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("safety/_reports_due_complaint.html")
def complaint_reports_due(complaint: Any) -> dict[str, Any]:
    return {"complaint": complaint, "due": complaint_reports(complaint)}
