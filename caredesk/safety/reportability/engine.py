"""Which expedited individual reports a situation requires, and their due dates.

A pure function of the situation and the rule table (no database, no clock): the same answer
for the deadlines CLI, the safety case screens and the tests. Rules of one `group` describe a
single report with several possible clocks (EU MDR 2/10/15 days, Canada 10/30 days, US MDR
5-day/30-day): only the earliest due one is kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from caredesk.safety.reportability.calendars import (
    DEFAULT_CALENDAR,
    Calendar,
    ClockUnit,
    add_months,
    calendar,
    due_date,
)
from caredesk.safety.reportability.rules import FLAG_BITS, Rule, RuleSet, load_rules

CalendarFor = Callable[[str], Calendar]


@dataclass(frozen=True, slots=True)
class Situation:
    """One reportable situation: where, what product, Day 0 and the flags that hold."""

    jurisdiction: str
    product_type: str
    day_zero: dt.date
    flags: frozenset[str] = frozenset()
    trigger: str = "initial"
    # Follow-up triggers: Day 0 of the initial report (for rules with a window, e.g. the
    # one-year window of FD&C 760(c)(2)); None means "no window to check".
    initial_day_zero: dt.date | None = None

    @property
    def mask(self) -> int:
        return flags_mask(self.flags)


@dataclass(frozen=True, slots=True)
class Report:
    kind: str
    due: dt.date
    basis: str
    rule_id: str

    def to_json(self) -> dict[str, str]:
        return {"kind": self.kind, "due": self.due.isoformat(), "basis": self.basis}


def flags_mask(flags: Iterable[str]) -> int:
    """The bit mask of a set of flag names; an unknown name is a ValueError."""
    mask = 0
    for name in flags:
        try:
            mask |= FLAG_BITS[name]
        except KeyError:
            raise ValueError(f"unknown flag {name!r}") from None
    return mask


def reports_for(situation: Situation, rules: RuleSet | None = None) -> list[Report]:
    """The expedited individual reports `situation` requires, in rule-file order."""
    return reports_for_mask(
        situation.jurisdiction,
        situation.product_type,
        situation.day_zero,
        situation.mask,
        trigger=situation.trigger,
        rules=rules,
        initial_day_zero=situation.initial_day_zero,
    )


def reports_for_mask(
    jurisdiction: str,
    product_type: str,
    day_zero: dt.date,
    mask: int,
    *,
    trigger: str = "initial",
    rules: RuleSet | None = None,
    initial_day_zero: dt.date | None = None,
    calendar_for: CalendarFor | None = None,
) -> list[Report]:
    """`reports_for` on an already computed flag mask (the batch path of the CLI).

    `calendar_for` names the calendar business-day clocks count on (a program's calendar with
    its closure days); the shared calendars without closures when not given.
    """
    ruleset = rules or load_rules()
    per_mask = ruleset.table.get((jurisdiction, product_type, trigger))
    if per_mask is None:
        return []
    reports: list[Report] = []
    grouped: dict[str, int] = {}  # group -> index in reports
    for rule in per_mask[mask]:
        if not rule.in_force(day_zero):
            continue
        if rule.window_months is not None and not _in_window(rule, day_zero, initial_day_zero):
            continue
        due = rule_due(rule, day_zero, calendar_for)
        report = Report(rule.kind, due, rule.basis_text, rule.id)
        if rule.group is None:
            reports.append(report)
            continue
        at = grouped.get(rule.group)
        if at is None:
            grouped[rule.group] = len(reports)
            reports.append(report)
        elif report.due < reports[at].due:
            reports[at] = report
    return reports


def _in_window(rule: Rule, day_zero: dt.date, initial: dt.date | None) -> bool:
    """New information counts for a windowed follow-up rule only inside its window."""
    if initial is None or rule.window_months is None:
        return True
    return initial <= day_zero <= add_months(initial, rule.window_months)


def rule_due(rule: Rule, day_zero: dt.date, calendar_for: CalendarFor | None = None) -> dt.date:
    """Due date of one rule's clock started on `day_zero` (Day 0 is not counted)."""
    if rule.unit is ClockUnit.CALENDAR_DAYS:
        return day_zero + dt.timedelta(days=rule.clock)
    if rule.unit is ClockUnit.HOURS:
        return due_date(day_zero, rule.clock, rule.unit)
    cal = (calendar_for or calendar)(rule.calendar or DEFAULT_CALENDAR)
    return cal.add_business_days(day_zero, rule.clock)
