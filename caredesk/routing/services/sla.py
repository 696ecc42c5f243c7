"""SLA clocks: when a case's first response and resolution are due.

A program's `SlaPolicy` for a case type sets the targets; a policy may be narrowed to the
channel of the case's first contact and to a customer type (a person role such as pharmacist,
or `hcp` for any healthcare professional). The most specific matching policy wins:

1. channel and customer type both set and matching;
2. customer type only (an exact role before the `hcp` group), then channel only;
3. neither (the case type's catch-all).

Within a tier an exact role beats the `hcp` group. Customer type ranks above channel because
who is asking sets the urgency (a pharmacist waiting at the counter), while the channel mostly
sets what is feasible: a program that wants pharmacists' e-mails on the e-mail target adds a
policy for that pair, which then outranks both. When the policy counts business
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

from caredesk.routing.models import HCP_CUSTOMER_TYPE, HCP_ROLE_VALUES, SlaPolicy
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
    policy: SlaPolicy | None = None


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


def customer_types_of(role: str) -> list[str]:
    """The policy customer types that match a person of `role`: any, the role, maybe `hcp`."""
    types = ["", role] if role else [""]
    if role in HCP_ROLE_VALUES:
        types.append(HCP_CUSTOMER_TYPE)
    return types


def specificity(policy: SlaPolicy) -> tuple[int, int, int]:
    """Sort key of a matching policy, higher first (see the module docstring)."""
    customer = 0 if not policy.customer_type else 1 if policy.customer_type == "hcp" else 2
    channel = 1 if policy.channel else 0
    return (int(bool(customer and channel)), customer, channel)


def policy_for(
    program: Program | int, case_type: str, *, channel: str = "", customer_type: str = ""
) -> SlaPolicy | None:
    """The most specific policy of the program for the case type, first-contact channel and
    customer type (a person role); blank channel or role match only "any" policies."""
    program_id = program if isinstance(program, int) else program.pk
    candidates = SlaPolicy.objects.system_scope().filter(  # scoping: ok (caller's program)
        program_id=program_id,
        case_type=case_type,
        channel__in=["", channel] if channel else [""],
        customer_type__in=customer_types_of(customer_type),
    )
    return max(candidates, key=specificity, default=None)


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


def compute_due(
    program: Program,
    case_type: str,
    start: datetime,
    *,
    channel: str = "",
    customer_type: str = "",
) -> SlaDue:
    """Due times from the program's most specific policy for the case type, the channel of the
    first contact and the person's role; none when no policy applies."""
    policy = policy_for(program, case_type, channel=channel, customer_type=customer_type)
    if policy is None:
        return SlaDue(None, None)
    rules = rules_for(program, policy)
    return SlaDue(
        rules.add(start, timedelta(minutes=policy.first_response_minutes)),
        rules.add(start, timedelta(minutes=policy.resolution_minutes)),
        policy,
    )
