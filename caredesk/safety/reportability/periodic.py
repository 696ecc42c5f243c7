"""Periodic safety report schedules (US Rx 314.80(c)(2), US animal drugs 514.80(b)(4)).

Not part of the deadlines contract (it lists expedited individual reports only), but the same
rule table holds them so that a program's calendar of periodic reports comes from data: quarterly
for three years after approval then yearly (US Rx); every six months for two years then yearly
(US animal drugs).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from caredesk.safety.reportability.calendars import add_months
from caredesk.safety.reportability.rules import PeriodicRule, RuleSet, load_rules

__all__ = ["PeriodicDue", "add_months", "periodic_rule", "periodic_schedule"]


@dataclass(frozen=True)
class PeriodicDue:
    period_start: dt.date
    period_end: dt.date  # last day of the period, inclusive
    due: dt.date
    rule_id: str


def periodic_rule(
    jurisdiction: str, product_type: str, rules: RuleSet | None = None
) -> PeriodicRule:
    """The periodic schedule of a jurisdiction and product type; LookupError when there is none."""
    for rule in (rules or load_rules()).periodic:
        if rule.jurisdiction == jurisdiction and product_type in rule.product_types:
            return rule
    raise LookupError(f"no periodic schedule for {jurisdiction} {product_type}")


def periodic_schedule(rule: PeriodicRule, approval: dt.date, until: dt.date) -> list[PeriodicDue]:
    """Every report period that starts on or before `until`, with its due date.

    Periods are counted from the approval date itself (not chained from one another), so a
    clamped month end never drifts the later periods.
    """
    result: list[PeriodicDue] = []
    months_done = 0
    for phase in rule.phases:
        phase_end = None if phase.for_years is None else months_done + 12 * phase.for_years
        while phase_end is None or months_done < phase_end:
            start = add_months(approval, months_done)
            if start > until:
                return result
            next_start = add_months(approval, months_done + phase.every_months)
            end = next_start - dt.timedelta(days=1)
            anchor = end if phase.due_from == "close" else next_start
            due = anchor + dt.timedelta(days=phase.due_days_after)
            result.append(PeriodicDue(start, end, due, rule.id))
            months_done += phase.every_months
    return result
