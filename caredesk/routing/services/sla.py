"""SLA clocks: when a case's first response and resolution are due.

A program's `SlaPolicy` for a case type sets the targets. When the policy counts business
hours only, the clock runs in the program's time zone while its desk is open: the policy's
hours on its weekdays, minus the public holidays of the program's holiday calendar (observed
dates) and the program's closure days. A case type without a policy has no clocks.

Changing a case's type does not recompute its due times yet; when that is wanted, call
`compute_due` again from the service that changes the type, with the case's `opened_at`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from caredesk.routing.models import SlaPolicy
from caredesk.routing.services.business_time import (
    BusinessCalendar,
    ClosedDates,
    add_business_time,
    business_time_between,
)
from caredesk.tenancy.models import Program, ProgramClosure

DEFAULT_WARN_AT_PERCENT = 80


@dataclass(frozen=True)
class SlaDue:
    first_response_due: datetime | None
    resolution_due: datetime | None


@dataclass(frozen=True)
class SlaClockRules:
    """How a program's clocks for one case type run: its calendar (None: around the clock)."""

    calendar: BusinessCalendar | None
    warn_at_percent: int = DEFAULT_WARN_AT_PERCENT

    def add(self, start: datetime, amount: timedelta) -> datetime:
        if self.calendar is None:
            return start + amount
        return add_business_time(self.calendar, start, amount)

    def between(self, start: datetime, end: datetime) -> timedelta:
        if self.calendar is None:
            return max(end - start, timedelta(0))
        return business_time_between(self.calendar, start, end)


def policy_for(program: Program | int, case_type: str) -> SlaPolicy | None:
    program_id = program if isinstance(program, int) else program.pk
    return SlaPolicy.objects.filter(program_id=program_id, case_type=case_type).first()


def closed_dates_for(program: Program) -> ClosedDates:
    """The program's public holidays and closure days (all of them: a handful a year)."""
    closures = frozenset(
        ProgramClosure.objects.filter(program=program).values_list("date", flat=True)
    )
    return ClosedDates(program.holiday_calendar, closures)


def calendar_for(
    program: Program, policy: SlaPolicy, closed: ClosedDates | None = None
) -> BusinessCalendar | None:
    """The policy's business calendar in the program's time zone; None when it counts 24/7."""
    if not policy.business_hours_only:
        return None
    weekdays = frozenset(int(ch) for ch in policy.weekdays if ch.isdigit() and int(ch) < 7)
    return BusinessCalendar(
        tz=ZoneInfo(program.time_zone),
        opens_at=policy.opens_at,
        closes_at=policy.closes_at,
        weekdays=weekdays,
        closed_dates=closed if closed is not None else closed_dates_for(program),
    )


def rules_for(
    program: Program, policy: SlaPolicy | None, closed: ClosedDates | None = None
) -> SlaClockRules:
    """Clock rules of a policy; without one (deleted since), plain time and the default warning."""
    if policy is None:
        return SlaClockRules(calendar=None)
    return SlaClockRules(calendar_for(program, policy, closed), policy.warn_at_percent)


def compute_due(program: Program, case_type: str, start: datetime) -> SlaDue:
    """Due times from the program's policy for the case type; none when no policy applies."""
    policy = policy_for(program, case_type)
    if policy is None:
        return SlaDue(None, None)
    rules = rules_for(program, policy)
    return SlaDue(
        rules.add(start, timedelta(minutes=policy.first_response_minutes)),
        rules.add(start, timedelta(minutes=policy.resolution_minutes)),
    )
