""" "Why this date": each required report with its rule, citation, Day 0 and calendar, and
"what would change it" (the reports one more established fact would add, shorten or remove).

Why counterfactuals computed by the engine rather than written next to each rule: the answer
to "what if a death is reported?" depends on every rule of the table together (groups keep the
shortest clock, one condition may end another), so the only faithful answer is to run the same
engine on the changed situation and say what differs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from caredesk.safety.reportability.calendars import ClockUnit, calendar_label
from caredesk.safety.reportability.engine import CalendarFor, Report, Situation, reports_for_mask
from caredesk.safety.reportability.rules import Rule, RuleSet, load_rules

# The facts a case can still gain, in the words the screen uses. `expected` is asked both ways
# because an unknown expectedness is treated as unexpected until someone assesses it.
WHAT_IFS: tuple[tuple[str, bool, str], ...] = (
    ("serious", True, "if serious"),
    ("death", True, "if a death is reported"),
    ("life_threatening", True, "if life-threatening"),
    ("expected", False, "if assessed unexpected (not listed)"),
    ("expected", True, "if assessed expected (listed)"),
    ("serious_deterioration", True, "if a serious injury / serious deterioration is reported"),
    ("malfunction", True, "if a malfunction is judged reportable"),
    ("remedial_action", True, "if remedial action is needed"),
    ("public_health_threat", True, "if a serious public health threat is found"),
    ("unanticipated", True, "if the serious deterioration was unanticipated"),
)


@dataclass(frozen=True)
class WhatIf:
    """One fact that would change the reports: `kind` due on `due` (None: no longer due)."""

    condition: str
    kind: str
    due: dt.date | None
    was: dt.date | None
    clock: str  # "15 calendar days", empty when the report would no longer be due
    rule_id: str
    replaces: str = ""  # the current report of the same group this one would take over from

    @property
    def text(self) -> str:
        if self.due is None:
            return f"{self.condition}: {self.kind} no longer required"
        when = f"due {self.due.isoformat()} ({self.clock})"
        if self.replaces and self.was is not None:
            return f"{self.condition}: {self.kind} {when} instead of {self.replaces} due {self.was}"
        if self.was is not None:
            return f"{self.condition}: {self.kind} {when} instead of {self.was.isoformat()}"
        return f"{self.condition}: {self.kind} {when}"


@dataclass(frozen=True)
class Explained:
    """A required report and everything that produced its date."""

    kind: str
    due: dt.date
    rule_id: str
    citation: str
    basis: str
    day_zero: dt.date
    trigger: str
    clock: int
    unit: str
    calendar: str
    calendar_text: str
    verify: str
    what_ifs: tuple[WhatIf, ...]

    @property
    def clock_text(self) -> str:
        return f"{self.clock} {self.unit.replace('_', ' ')}"


@dataclass(frozen=True)
class Explanation:
    reports: tuple[Explained, ...]
    would_add: tuple[WhatIf, ...]  # reports not required now that one more fact would add


def _run(situation: Situation, rules: RuleSet, calendar_for: CalendarFor | None) -> list[Report]:
    return reports_for_mask(
        situation.jurisdiction,
        situation.product_type,
        situation.day_zero,
        situation.mask,
        trigger=situation.trigger,
        rules=rules,
        initial_day_zero=situation.initial_day_zero,
        calendar_for=calendar_for,
    )


def clock_of(rule: Rule) -> str:
    return f"{rule.clock} {rule.unit_text}"


def explain(
    situation: Situation,
    rules: RuleSet | None = None,
    calendar_for: CalendarFor | None = None,
) -> Explanation:
    """The reports `situation` requires, each with its reasons and what would change it."""
    ruleset = rules or load_rules()
    now = {r.kind: r for r in _run(situation, ruleset, calendar_for)}
    per_kind: dict[str, list[WhatIf]] = {kind: [] for kind in now}
    would_add: list[WhatIf] = []
    for flag, value, condition in WHAT_IFS:
        if (flag in situation.flags) == value:
            continue
        flags = situation.flags | {flag} if value else situation.flags - {flag}
        changed = {r.kind: r for r in _run(replace(situation, flags=flags), ruleset, calendar_for)}
        for change in _differences(condition, now, changed, ruleset):
            target = per_kind.get(change.replaces or change.kind)
            (target if target is not None else would_add).append(change)
    explained = tuple(
        _explained(report, ruleset.by_id[report.rule_id], situation, tuple(per_kind[kind]))
        for kind, report in now.items()
    )
    return Explanation(reports=explained, would_add=tuple(would_add))


def _differences(
    condition: str, now: dict[str, Report], changed: dict[str, Report], rules: RuleSet
) -> list[WhatIf]:
    groups = {rules.by_id[r.rule_id].group: kind for kind, r in now.items()}
    groups.pop(None, None)
    out, replaced = [], set()
    for kind, report in changed.items():
        before = now.get(kind)
        if before is not None and before.due == report.due:
            continue
        rule = rules.by_id[report.rule_id]
        replaces = groups.get(rule.group, "") if before is None and rule.group else ""
        if replaces and replaces not in changed:
            before = now[replaces]
            replaced.add(replaces)
        else:
            replaces = ""
        was = before.due if before is not None else None
        out.append(WhatIf(condition, kind, report.due, was, clock_of(rule), rule.id, replaces))
    for kind, report in now.items():
        if kind not in changed and kind not in replaced:
            out.append(WhatIf(condition, kind, None, report.due, "", report.rule_id))
    return out


def _explained(
    report: Report, rule: Rule, situation: Situation, what_ifs: tuple[WhatIf, ...]
) -> Explained:
    name = "" if rule.unit in (ClockUnit.CALENDAR_DAYS, ClockUnit.HOURS) else rule.calendar or ""
    return Explained(
        kind=report.kind,
        due=report.due,
        rule_id=rule.id,
        citation=rule.citation,
        basis=rule.basis,
        day_zero=situation.day_zero,
        trigger=rule.trigger,
        clock=rule.clock,
        unit=rule.unit.value,
        calendar=name,
        calendar_text=calendar_label(name or None, rule.unit),
        verify=rule.verify or "",
        what_ifs=what_ifs,
    )
