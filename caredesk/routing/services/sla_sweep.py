"""The SLA sweep: moves cases to warning or breached as their clocks run, once per transition.

Run every minute by `caredesk.routing.tasks.sla_sweep_task`, and for one case by
`caredesk.cases.tasks.refresh_case_sla`. Each change is claimed with a conditional UPDATE
(`... WHERE sla_state = <the state we read>`), and the timeline entry and audit event are written
in the same transaction only when the claim succeeded, so a second run, or a second worker
racing this one, writes nothing new. Cases are read in primary-key batches of fixed size, so
memory stays constant however many cases are open.

Each run first catches up clock pauses (`sla_pause.reconcile_pauses`); paused cases are not
candidates. A move to warning or breached is escalated to the program's supervisors in the
same transaction, once per case and state (`sla_escalation`).

Open cases are swept until they breach (a breach is final). A case that was resolved or closed
while on track or in warning is settled once to met or breached.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.cases.models import OPEN_STATUSES, Case, SlaState, TimelineKind
from caredesk.cases.services.timeline import add_timeline_entry
from caredesk.routing.models import SlaPolicy
from caredesk.routing.models_sla import CaseSlaClock
from caredesk.routing.services.sla import ClosedDates, SlaClockRules, closed_dates_for, rules_for
from caredesk.routing.services.sla_escalation import escalate_to_supervisors
from caredesk.routing.services.sla_pause import reconcile_pauses
from caredesk.routing.services.sla_state import ClockStatus, SlaEvaluation, evaluate_sla
from caredesk.tenancy.models import Program

logger = logging.getLogger(__name__)
BATCH_SIZE = 500
SYSTEM_ACTOR = "system:sla-sweep"
_CASE_FIELDS = (
    "id",
    "program_id",
    "case_type",
    "status",
    "opened_at",
    "first_response_due",
    "resolution_due",
    "first_responded_at",
    "resolved_at",
    "sla_state",
)
_TIMELINE_KIND = {
    SlaState.WARNING: TimelineKind.SLA_WARNING,
    SlaState.BREACHED: TimelineKind.SLA_BREACH,
}


@dataclass
class SweepResult:
    examined: int = 0
    warnings: int = 0
    breaches: int = 0
    other_changes: int = 0
    failed: int = 0  # cases whose program's calendar is misconfigured; logged, retried next run


class _RulesCache:
    """Programs, closed dates and clock rules, loaded once per sweep (a handful of each)."""

    def __init__(self) -> None:
        self._programs: dict[int, Program] = {}
        self._closed: dict[int, ClosedDates] = {}
        self._rules: dict[tuple[int, str | int | None], SlaClockRules] = {}

    def program(self, program_id: int) -> Program:
        if program_id not in self._programs:
            self._programs[program_id] = Program.objects.system_scope().get(pk=program_id)
        return self._programs[program_id]

    def rules(self, case: Case, clock: CaseSlaClock | None) -> SlaClockRules:
        """Rules of the policy that set the case's clocks (its clock row names it); for a case
        without one, of the program's catch-all policy for the case type."""
        program_id = case.program_id
        key: tuple[int, str | int | None] = (
            (program_id, clock.policy_id) if clock is not None else (program_id, case.case_type)
        )
        if key not in self._rules:
            program = self.program(program_id)
            if program_id not in self._closed:
                self._closed[program_id] = closed_dates_for(program)
            policies = SlaPolicy.objects.system_scope().filter(program_id=program_id)
            if clock is not None:
                policy = policies.filter(pk=clock.policy_id).first() if clock.policy_id else None
            else:
                catch_all = policies.filter(case_type=case.case_type, channel="", customer_type="")
                policy = catch_all.first()
            self._rules[key] = rules_for(program, policy, self._closed[program_id])
        return self._rules[key]


def _clocks_of(batch: list[Case]) -> dict[int, CaseSlaClock]:
    rows = CaseSlaClock.objects.system_scope().filter(case_id__in=[c.pk for c in batch])
    return {row.case_id: row for row in rows}


def sweep_candidates() -> QuerySet[Case]:
    """Cases whose SLA state may still change: every program's (a worker, so system scope)."""
    has_clock = Q(first_response_due__isnull=False) | Q(resolution_due__isnull=False)
    running = Q(status__in=OPEN_STATUSES) & ~Q(sla_state=SlaState.BREACHED)
    unsettled = ~Q(status__in=OPEN_STATUSES) & Q(
        sla_state__in=[SlaState.ON_TRACK, SlaState.WARNING]
    )
    not_paused = Q(sla_clock__isnull=True) | Q(sla_clock__paused_since__isnull=True)
    return Case.objects.system_scope().filter(has_clock).filter(running | unsettled, not_paused)


def sweep_sla(now: datetime | None = None, *, batch_size: int = BATCH_SIZE) -> SweepResult:
    """Evaluate every candidate case at `now` and record the state changes."""
    now = now or timezone.now()
    reconcile_pauses(now)
    cache = _RulesCache()
    result = SweepResult()
    last_pk = 0
    while True:
        batch = list(
            sweep_candidates()
            .filter(pk__gt=last_pk)
            .order_by("pk")
            .only(*_CASE_FIELDS)[:batch_size]
        )
        if not batch:
            return result
        clocks = _clocks_of(batch)
        for case in batch:
            result.examined += 1
            _settle(case, now, cache, result, clocks.get(case.pk))
        last_pk = batch[-1].pk


def refresh_case_sla(case_id: int, now: datetime | None = None) -> SlaState | None:
    """Sweep one case now (after a response or resolution); its state, None if it is gone."""
    case = sweep_candidates().filter(pk=case_id).only(*_CASE_FIELDS).first()
    if case is None:
        row = Case.objects.system_scope().filter(pk=case_id).values_list("sla_state", flat=True)
        return SlaState(row[0]) if row else None
    _settle(
        case, now or timezone.now(), _RulesCache(), SweepResult(), _clocks_of([case]).get(case.pk)
    )
    return SlaState(Case.objects.system_scope().get(pk=case_id).sla_state)


def _settle(
    case: Case,
    now: datetime,
    cache: _RulesCache,
    result: SweepResult,
    clock: CaseSlaClock | None = None,
) -> None:
    try:
        evaluation = evaluate_sla(case, now, cache.rules(case, clock), clock)
    except (ValueError, KeyError):  # unknown time zone or holiday calendar, never-open hours
        logger.exception("SLA sweep: cannot evaluate case %s", case.pk)
        result.failed += 1
        return
    new = evaluation.state
    if new == case.sla_state:
        return
    if not case.is_open and new in (SlaState.ON_TRACK, SlaState.WARNING):
        return  # a closed case with a clock still running: nothing to settle
    if _claim(case, evaluation, now, cache.program(case.program_id)):
        if new == SlaState.WARNING:
            result.warnings += 1
        elif new == SlaState.BREACHED:
            result.breaches += 1
        else:
            result.other_changes += 1


def _claim(case: Case, evaluation: SlaEvaluation, now: datetime, program: Program) -> bool:
    """Move the case to its new state unless someone else already did; record it if we did."""
    old, new = SlaState(case.sla_state), evaluation.state
    clock = evaluation.deciding_clock
    fields: dict[str, object] = {"sla_state": new, "updated_at": timezone.now()}
    if clock is not None and new == SlaState.WARNING:
        fields["sla_warning_at"] = clock.warn_at
    if clock is not None and new == SlaState.BREACHED:
        fields["sla_breached_at"] = clock.due
    with transaction.atomic():
        claimed = Case.objects.system_scope().filter(pk=case.pk, sla_state=old).update(**fields)
        if not claimed:
            return False
        case.sla_state = new
        kind = _TIMELINE_KIND.get(new)
        if kind is not None and clock is not None:
            _write_timeline(case, kind, clock, now, program)
            escalate_to_supervisors(case, new, clock, now=now, program=program)
        record_event(
            AuditAction.UPDATE,
            acting_user=None,
            actor_username=SYSTEM_ACTOR,
            instance=case,
            program_id=case.program_id,
            changes={"sla_state": [old.value, new.value]},
            reason=f"SLA clocks evaluated at {now.isoformat()}",
        )
    return True


def _zone_or_utc(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError):
        return ZoneInfo("UTC")


def _write_timeline(
    case: Case, kind: TimelineKind, clock: ClockStatus, now: datetime, program: Program
) -> None:
    local_due = clock.due.astimezone(_zone_or_utc(program.time_zone))
    verb = "breached" if kind == TimelineKind.SLA_BREACH else "nearly due"
    summary = f"{clock.label} SLA {verb}: due {local_due:%a %d %b %Y %H:%M %Z}"
    entered = clock.entered_state_at or now
    add_timeline_entry(
        case,
        kind,
        summary,
        at=min(entered, now),
        data={"clock": clock.name, "due": clock.due.isoformat(), "noticed_at": now.isoformat()},
    )
