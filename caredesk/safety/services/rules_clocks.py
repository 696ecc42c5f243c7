"""A safety case's regulatory clocks: computed from the case's facts under a recorded rule
version, recomputed only when a fact changes, and every change written to the case timeline.

Why facts, not rules, drive recomputation: an inspector asks why a report was due on a date,
and the answer must not move because someone loaded a new rule file or approved a program rule
after the fact. A case keeps the rule version it was computed under until one of its own facts
(seriousness, death, expectedness, a device flag, Day 0, product type, jurisdiction) changes;
then the current rules apply and the timeline says what moved, from what to what, and why.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.cases.models import TimelineKind
from caredesk.cases.services.timeline import add_timeline_entry
from caredesk.safety.models import SafetyCase, SafetyReportDue
from caredesk.safety.models_rules import ClockState, ProgramRule, ReportRuleSet
from caredesk.safety.reportability.calendars import ClockUnit, calendar_with_closures
from caredesk.safety.reportability.engine import CalendarFor, Situation
from caredesk.safety.reportability.explain import Explained, Explanation, explain
from caredesk.safety.reportability.rules import RuleSet
from caredesk.safety.services.rules import approved_program_rules, current_ruleset, engine_rules
from caredesk.tenancy.models import ProgramClosure

TIMELINE_TYPE = "report_deadlines"
FLAG_WORDS = {
    "serious": ("seriousness upgraded", "seriousness downgraded"),
    "death": ("death reported", "death withdrawn"),
    "life_threatening": ("life-threatening", "no longer life-threatening"),
    "serious_deterioration": ("serious deterioration reported", "serious deterioration withdrawn"),
    "malfunction": ("malfunction judged reportable", "malfunction judged not reportable"),
    "remedial_action": ("remedial action needed", "remedial action no longer needed"),
    "public_health_threat": ("public health threat found", "public health threat withdrawn"),
    "unanticipated": ("deterioration judged unanticipated", "deterioration judged anticipated"),
}


def case_flags(safety_case: SafetyCase) -> dict[str, bool]:
    """The reportability flags of a case (unknown expectedness counts as unexpected)."""
    extra = safety_case.report_flags or {}
    criteria = safety_case.seriousness or []
    return {
        "serious": bool(safety_case.serious),
        "expected": bool(safety_case.expected),
        "death": "death" in criteria,
        "life_threatening": "life_threatening" in criteria,
        "serious_deterioration": bool(
            extra.get("serious_deterioration", _device_harm(safety_case))
        ),
        "malfunction": bool(extra.get("malfunction")),
        "remedial_action": bool(extra.get("remedial_action")),
        "public_health_threat": bool(extra.get("public_health_threat")),
        "unanticipated": bool(extra.get("unanticipated")),
    }


def _device_harm(safety_case: SafetyCase) -> bool:
    """A serious event with a device counts as a serious injury (21 CFR 803.3) or serious
    deterioration of health (EU MDR 2(58)) until a person judges otherwise: the conservative
    reading, so the 30-day and 2/10/15-day clocks run from day zero instead of silently not at
    all. A recorded `serious_deterioration: false` is that judgement."""
    return safety_case.product_type == "device" and bool(safety_case.serious)


def case_facts(safety_case: SafetyCase) -> dict[str, Any]:
    """Every fact the clocks depend on, as JSON (compared with the last computation's)."""
    day_zero = local_day_zero(safety_case)
    flags = case_flags(safety_case)
    return {
        "jurisdiction": safety_case.jurisdiction or "",
        "product_type": safety_case.product_type or "",
        "day_zero": day_zero.isoformat() if day_zero else None,
        "expectedness": safety_case.expected,
        "flags": sorted(name for name, held in flags.items() if held),
    }


def local_day_zero(safety_case: SafetyCase) -> dt.date | None:
    """Day 0 as a date in the program's time zone (the awareness date)."""
    if safety_case.day_zero is None:
        return None
    return safety_case.day_zero.astimezone(ZoneInfo(safety_case.program.time_zone)).date()


def program_calendars(program_id: int) -> CalendarFor:
    """Business-day calendars with the program's closure days (read on first use only)."""
    loaded: list[frozenset[dt.date]] = []

    def calendar_for(name: str) -> Any:
        if not loaded:
            days = ProgramClosure.objects.filter(program_id=program_id).values_list(
                "date", flat=True
            )
            loaded.append(frozenset(days))
        return calendar_with_closures(name, loaded[0])

    return calendar_for


@dataclass(frozen=True)
class Rules:
    """The rules one computation used: a file version and the program rules in force."""

    version: ReportRuleSet
    program_rules: tuple[ProgramRule, ...]
    engine: RuleSet

    @classmethod
    def current(cls, program_id: int) -> Rules:
        version = current_ruleset()
        program_rules = tuple(approved_program_rules(program_id))
        return cls(version, program_rules, engine_rules(version, program_rules))

    def program_rule(self, rule_id: str) -> ProgramRule | None:
        return next((r for r in self.program_rules if r.rule_id == rule_id), None)


def situation_of(facts: dict[str, Any], trigger: str = "initial", **extra: Any) -> Situation:
    return Situation(
        jurisdiction=facts["jurisdiction"],
        product_type=facts["product_type"],
        day_zero=dt.date.fromisoformat(extra.pop("day_zero", None) or facts["day_zero"]),
        flags=frozenset(facts["flags"]),
        trigger=trigger,
        **extra,
    )


def explain_facts(
    safety_case: SafetyCase, facts: dict[str, Any], rules: Rules, **kwargs: Any
) -> Explanation:
    if not facts["day_zero"] or not facts["product_type"]:
        return Explanation(reports=(), would_add=())
    calendars = program_calendars(safety_case.program_id)
    return explain(situation_of(facts, **kwargs), rules.engine, calendars)


def row_fields(
    safety_case: SafetyCase, report: Explained, rules: Rules, now: dt.datetime
) -> dict[str, Any]:
    """A report row's values: the date, where it came from, and what would change it."""
    rule = rules.engine.by_id[report.rule_id]
    due_at = None
    if rule.unit is ClockUnit.HOURS and safety_case.day_zero is not None:
        due_at = safety_case.day_zero + dt.timedelta(hours=rule.clock)
    due = report.due
    if due_at is not None:
        due = due_at.astimezone(ZoneInfo(safety_case.program.time_zone)).date()
    return {
        "due": due,
        "due_at": due_at,
        "basis": rule.basis_text,
        "computed_at": now,
        "rule_id": report.rule_id,
        "ruleset": rules.version,
        "program_rule": rules.program_rule(report.rule_id),
        "trigger": report.trigger,
        "day_zero": report.day_zero,
        "citation": report.citation,
        "calendar": report.calendar_text[:200],
        "explanation": {
            "clock": report.clock_text,
            "calendar_name": report.calendar,
            "basis": report.basis,
            "verify": report.verify,
            "what_ifs": [w.text for w in report.what_ifs],
        },
    }


def refresh_case_reports(
    safety_case: SafetyCase, *, acting_user: Any = None, cause: str = ""
) -> list[SafetyReportDue]:
    """Recompute the case's initial reports if (and only if) its facts changed since the last
    computation; the rows then record the current rule version and the timeline the change."""
    facts = case_facts(safety_case)
    state = ClockState.objects.filter(safety_case=safety_case).first()
    if state is not None and state.facts == facts:
        return list(safety_case.reports.all())
    existing = {r.kind: r for r in safety_case.reports.filter(trigger="initial")}
    if not facts["day_zero"] and not existing and state is None:
        return []  # nothing computed yet and nothing to compute: no write on the intake path
    now = timezone.now()
    rules = Rules.current(safety_case.program_id)
    explanation = explain_facts(safety_case, facts, rules)
    changes = _apply(safety_case, existing, explanation, rules, now)
    why = cause or describe_cause(state.facts if state else {}, facts)
    if changes:
        _write_timeline(safety_case, changes, why, acting_user, now)
    _save_state(safety_case, state, facts, rules, now)
    return list(safety_case.reports.all())


def _apply(
    safety_case: SafetyCase,
    existing: dict[str, SafetyReportDue],
    explanation: Explanation,
    rules: Rules,
    now: dt.datetime,
) -> list[dict[str, Any]]:
    changes = []
    for report in explanation.reports:
        fields = row_fields(safety_case, report, rules, now)
        row = existing.pop(report.kind, None)
        old_due = row.due if row is not None else None
        if row is None:
            SafetyReportDue.objects.create(safety_case=safety_case, kind=report.kind, **fields)
        else:
            SafetyReportDue.objects.filter(pk=row.pk).update(**fields)
        if old_due != fields["due"]:
            changes.append(_change(report.kind, old_due, fields["due"], report.rule_id, rules))
    for kind, row in existing.items():
        row.delete()
        changes.append(_change(kind, row.due, None, row.rule_id, rules))
    return changes


def _change(
    kind: str, old: dt.date | None, new: dt.date | None, rule_id: str, rules: Rules
) -> dict[str, Any]:
    program_rule = rules.program_rule(rule_id)
    return {
        "kind": kind,
        "old_due": old.isoformat() if old else None,
        "new_due": new.isoformat() if new else None,
        "rule_id": rule_id,
        "rules_version": rules.version.version,
        "program_rule_id": program_rule.pk if program_rule else None,
    }


def describe_cause(before: dict[str, Any], after: dict[str, Any]) -> str:
    """The fact changes between two computations, in words ("death reported, Day 0 set")."""
    if not before:
        return "first computation" if after.get("day_zero") else "no Day 0 yet"
    words = []
    old_flags, new_flags = set(before.get("flags", [])), set(after["flags"])
    for flag, (gained, lost) in FLAG_WORDS.items():
        if flag in new_flags - old_flags:
            words.append(gained)
        elif flag in old_flags - new_flags:
            words.append(lost)
    if before.get("expectedness") != after["expectedness"]:
        value = after["expectedness"]
        label = "unknown" if value is None else ("expected" if value else "unexpected")
        words.append(f"expectedness assessed: {label}")
    for key, name in (("day_zero", "Day 0"), ("product_type", "product type")):
        if before.get(key) != after[key]:
            words.append(f"{name} {before.get(key) or 'unset'} → {after[key] or 'unset'}")
    if before.get("jurisdiction") != after["jurisdiction"]:
        words.append(f"jurisdiction {before.get('jurisdiction')} → {after['jurisdiction']}")
    return ", ".join(words) or "facts changed"


def _write_timeline(
    safety_case: SafetyCase, changes: list[dict[str, Any]], why: str, actor: Any, now: dt.datetime
) -> None:
    parts = []
    for c in changes:
        old, new = c["old_due"] or "not required", c["new_due"] or "no longer required"
        parts.append(f"{c['kind']} {old} → {new} ({c['rule_id']}, rules v{c['rules_version']})")
    summary = f"Regulatory deadlines recomputed ({why}): " + "; ".join(parts)
    add_timeline_entry(
        safety_case.case,
        TimelineKind.NOTE,
        summary,
        actor=actor,
        at=now,
        data={
            "type": TIMELINE_TYPE,
            "safety_case": safety_case.pk,
            "cause": why,
            "changes": changes,
        },
    )
    record_event(
        AuditAction.UPDATE,
        acting_user=actor,
        instance=safety_case,
        changes={"report_deadlines": changes},
        reason=f"deadlines recomputed: {why}"[:500],
    )


def _save_state(
    safety_case: SafetyCase,
    state: ClockState | None,
    facts: dict[str, Any],
    rules: Rules,
    now: dt.datetime,
) -> None:
    values = {
        "facts": facts,
        "ruleset": rules.version,
        "program_rules": [r.pk for r in rules.program_rules],
        "computed_at": now,
    }
    if state is None:
        ClockState.objects.create(safety_case=safety_case, **values)
    else:
        ClockState.objects.filter(pk=state.pk).update(**values)
