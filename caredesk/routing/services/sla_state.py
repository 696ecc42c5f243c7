"""Where a case stands against its SLA clocks at a given moment.

A case has up to two clocks: first response (stopped by `first_responded_at`, or by
`resolved_at` when a case is resolved without one) and resolution (stopped by `resolved_at`).
Each clock is, at `now`:

- met: stopped at or before its due time;
- breached: stopped after its due time, or still running past it (at the due time itself a
  running clock is still in warning: a response at that instant is in time);
- warning: running, and `warn_at_percent` of the allowed time (business time when the policy
  counts business hours) has elapsed since the case opened;
- on_track: running, before its warning point.

While the case's clocks are paused (its status is one its policy pauses in, see
`sla_pause`), the case is evaluated as of the pause start: nothing new warns or breaches.
After a resume the due times have moved out by the paused business time, and the warning
point is `warn_at_percent` of the running (unpaused) time allowed, plus the paused time.

The case's state is the worst of its clocks (breached > warning > on_track > met), so `met`
means every clock was met, and a breach is never undone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from caredesk.cases.models import Case, SlaState
from caredesk.routing.models_sla import CaseSlaClock
from caredesk.routing.services.sla import SlaClockRules, policy_for, rules_for

_NO_CLOCK = object()  # "not given": read the case's clock row

_SEVERITY = {SlaState.MET: 0, SlaState.ON_TRACK: 1, SlaState.WARNING: 2, SlaState.BREACHED: 3}


class ClockName:
    FIRST_RESPONSE = "first_response"
    RESOLUTION = "resolution"


CLOCK_LABELS = {ClockName.FIRST_RESPONSE: "First response", ClockName.RESOLUTION: "Resolution"}


@dataclass(frozen=True)
class ClockStatus:
    name: str
    state: SlaState
    due: datetime
    warn_at: datetime
    stopped_at: datetime | None

    @property
    def label(self) -> str:
        return CLOCK_LABELS[self.name]

    @property
    def entered_state_at(self) -> datetime | None:
        """When this clock entered its current state, for warning and breach."""
        if self.state == SlaState.BREACHED:
            return self.due
        if self.state == SlaState.WARNING:
            return self.warn_at
        return None


@dataclass(frozen=True)
class SlaEvaluation:
    state: SlaState
    clocks: tuple[ClockStatus, ...]

    @property
    def deciding_clock(self) -> ClockStatus | None:
        """The clock that gives the case its state (the earliest of the worst ones)."""
        worst = [c for c in self.clocks if c.state == self.state]
        return min(worst, key=lambda c: c.due) if worst else None


def warning_point(
    rules: SlaClockRules, opened_at: datetime, due: datetime, paused: timedelta = timedelta(0)
) -> datetime:
    """The moment `warn_at_percent` of the running time allowed between opening and due has
    elapsed: `paused` (business time spent paused, already added to `due`) does not count."""
    allowed = max(rules.between(opened_at, due) - paused, timedelta(0))
    return rules.add(opened_at, allowed * rules.warn_at_percent / 100 + paused)


def _clock(
    name: str,
    rules: SlaClockRules,
    case: Case,
    due: datetime,
    stop: datetime | None,
    now: datetime,
    paused: timedelta = timedelta(0),
) -> ClockStatus:
    warn_at = warning_point(rules, case.opened_at, due, paused)
    if stop is not None:
        state = SlaState.MET if stop <= due else SlaState.BREACHED
    elif now > due:
        state = SlaState.BREACHED
    elif now >= warn_at:
        state = SlaState.WARNING
    else:
        state = SlaState.ON_TRACK
    return ClockStatus(name, state, due, warn_at, stop)


def sla_clock_of(case: Case) -> CaseSlaClock | None:
    """The case's SLA bookkeeping row, if it has one (a worker's or service's read)."""
    if case.pk is None or case._state.adding:  # an unsaved case (the demo's) has none
        return None
    return CaseSlaClock.objects.system_scope().filter(case_id=case.pk).first()  # scoping: ok


def rules_of(case: Case, clock: CaseSlaClock | None) -> SlaClockRules:
    """Clock rules of the policy that set the case's clocks; for a case without bookkeeping,
    the program's catch-all policy for its case type."""
    policy = clock.policy if clock is not None else policy_for(case.program_id, case.case_type)
    return rules_for(case.program, policy)


def evaluate_sla(
    case: Case,
    now: datetime,
    rules: SlaClockRules | None = None,
    clock: CaseSlaClock | object | None = _NO_CLOCK,
) -> SlaEvaluation:
    """The case's clocks and overall state at `now`. A case without due times is on track.

    `rules` and `clock` (the case's `CaseSlaClock`, or None when it has none) let a sweep load
    them once for many cases; by default both are read here (the due times are the stored ones).
    """
    if clock is _NO_CLOCK:
        clock = sla_clock_of(case)
    sla_clock = clock if isinstance(clock, CaseSlaClock) else None
    if rules is None:
        rules = rules_of(case, sla_clock)
    if sla_clock is not None and sla_clock.paused_since is not None:
        now = min(now, sla_clock.paused_since)
    clocks = []
    if case.first_response_due is not None:
        clocks.append(
            _clock(
                ClockName.FIRST_RESPONSE,
                rules,
                case,
                case.first_response_due,
                case.first_responded_at or case.resolved_at,
                now,
                sla_clock.first_response_paused if sla_clock else timedelta(0),
            )
        )
    if case.resolution_due is not None:
        clocks.append(
            _clock(
                ClockName.RESOLUTION,
                rules,
                case,
                case.resolution_due,
                case.resolved_at,
                now,
                sla_clock.resolution_paused if sla_clock else timedelta(0),
            )
        )
    if not clocks:
        return SlaEvaluation(SlaState.ON_TRACK, ())
    state = max((c.state for c in clocks), key=_SEVERITY.__getitem__)
    return SlaEvaluation(SlaState(state), tuple(clocks))


def sla_state_at(case: Case, now: datetime) -> SlaState:
    """The case's SLA state at `now` (see the module docstring for the rules)."""
    return evaluate_sla(case, now).state
