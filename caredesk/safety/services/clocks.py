"""Safety clocks: the internal hand-off to pharmacovigilance and the regulatory reports.

The hand-off deadline (industry practice, set per client agreement) counts business time on the
program's calendar: its time zone, public holidays and closure days, and the opening hours of
its adverse-event SLA policy when that counts business hours (08:00-20:00 Monday-Friday when no
policy says otherwise). One business day is one full opening window of open time, so a report
received Friday 10:00 is due Monday 10:00.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from caredesk.cases.models import CaseType
from caredesk.routing.services.business_time import BusinessCalendar, add_business_time
from caredesk.routing.services.sla import calendar_for, closed_dates_for, policy_for
from caredesk.safety.models import SafetyCase, SafetyReportDue, SafetySettings
from caredesk.tenancy.models import Program

DEFAULT_OPENS = time(8, 0)
DEFAULT_CLOSES = time(20, 0)


# EU/EEA member states report under EU rules (EudraVigilance, EU MDR).
_EU_EEA_CODES = (
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO"
)
EU_EEA = frozenset(_EU_EEA_CODES.split())


def jurisdiction_for(country: str) -> str:
    """The reportability jurisdiction of a program's country: US, EU, CA, UK or the country."""
    code = (country or "").upper()
    if code in ("GB", "UK"):
        return "UK"
    return "EU" if code in EU_EEA else code


def safety_settings(program_id: int) -> SafetySettings:
    """The program's safety settings (defaults when none were configured)."""
    found = SafetySettings.objects.filter(program_id=program_id).first()
    return found or SafetySettings(program_id=program_id)


def safety_calendar(program: Program) -> BusinessCalendar:
    """The program's business calendar for safety hand-offs (see the module docstring)."""
    policy = policy_for(program, CaseType.ADVERSE_EVENT)
    if policy is not None and policy.business_hours_only:
        calendar = calendar_for(program, policy)
        if calendar is not None:
            return calendar
    return BusinessCalendar(
        tz=ZoneInfo(program.time_zone),
        opens_at=DEFAULT_OPENS,
        closes_at=DEFAULT_CLOSES,
        closed_dates=closed_dates_for(program),
    )


def _window_length(calendar: BusinessCalendar) -> timedelta:
    opens = datetime.combine(date(2000, 1, 3), calendar.opens_at)
    closes = datetime.combine(date(2000, 1, 3), calendar.closes_at)
    if closes <= opens:
        closes += timedelta(days=1)
    return closes - opens


def forward_deadline(program: Program, received_at: datetime) -> datetime:
    """When a finding received at `received_at` must be in pharmacovigilance's hands."""
    settings = safety_settings(program.pk)
    calendar = safety_calendar(program)
    amount = _window_length(calendar) * max(settings.forward_business_days, 0)
    return add_business_time(calendar, received_at, amount)


def report_flags(safety_case: SafetyCase) -> dict[str, bool]:
    """The reportability rules' input flags for this case (see `rules_clocks.case_flags`)."""
    from caredesk.safety.services.rules_clocks import case_flags

    return case_flags(safety_case)


def regulatory_reports(safety_case: SafetyCase) -> list[dict[str, Any]]:
    """Reports `{kind, due, basis}` the case requires now, under the current rules (no write).

    Day zero is taken as a date in the program's time zone (the awareness date).
    """
    from caredesk.safety.services.rules_clocks import Rules, case_facts, explain_facts

    rules = Rules.current(safety_case.program_id)
    explanation = explain_facts(safety_case, case_facts(safety_case), rules)
    return [
        {"kind": r.kind, "due": r.due, "basis": rules.engine.by_id[r.rule_id].basis_text}
        for r in explanation.reports
    ]


def refresh_reports(
    safety_case: SafetyCase, *, acting_user: Any = None, cause: str = ""
) -> list[SafetyReportDue]:
    """Recompute the stored report rows when a fact of the case changed (see rules_clocks):
    a rule change alone never moves an existing case's due dates."""
    from caredesk.safety.services.rules_clocks import refresh_case_reports

    return refresh_case_reports(safety_case, acting_user=acting_user, cause=cause)
