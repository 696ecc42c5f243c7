"""The safety specialist's calendar of due regulatory reports, across their programs.

One list (overdue first, then by due date) and one month grid, over the same rows: every
required report (`SafetyReportDue`) of the user's programs with its outcome from
`report_outcomes` (pending, overdue, on time, late). Filters: program, jurisdiction (the
regime's country or EU), report kind, and whether submitted reports show too.
"""

from __future__ import annotations

import calendar as pycalendar
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.utils import timezone

from caredesk.errors import InvalidInput, NotFound
from caredesk.safety.models import SafetyReportDue
from caredesk.safety.services.report_outcomes import Outcome, Status, local_date, outcomes_for
from caredesk.tenancy.models import Program

OPEN_STATUSES = frozenset({Status.PENDING, Status.OVERDUE})
LIMIT = 2000


@dataclass(frozen=True)
class CalendarFilters:
    program_id: int | None = None
    jurisdiction: str = ""
    kind: str = ""
    include_submitted: bool = False
    month: date | None = None  # first day of the month shown; None: no month restriction


@dataclass(frozen=True)
class DueItem:
    outcome: Outcome
    today: date

    @property
    def report(self) -> SafetyReportDue:
        return self.outcome.report

    @property
    def status(self) -> str:
        return self.outcome.status

    @property
    def days_left(self) -> int:
        """Days until the due date (negative: days overdue)."""
        return (self.report.due - self.today).days

    @property
    def days_overdue(self) -> int:
        return max(0, -self.days_left)

    def sort_key(self) -> tuple[int, date, str, int, int]:
        """Overdue first, then by due date; the report's id last makes the order total."""
        overdue = 0 if self.status == Status.OVERDUE else 1
        report = self.report
        return (overdue, report.due, report.kind, report.safety_case_id, report.pk)


@dataclass
class Day:
    day: date
    in_month: bool
    items: list[DueItem] = field(default_factory=list)


def parse_month(text: str | None) -> date | None:
    """`YYYY-MM` → the first of that month; empty → None; anything else is invalid input."""
    if not text:
        return None
    try:
        year, month = (int(part) for part in text.split("-"))
        return date(year, month, 1)
    except ValueError:
        raise InvalidInput("Month must look like 2026-03", {"month": "YYYY-MM"}) from None


def month_bounds(first: date) -> tuple[date, date]:
    last = pycalendar.monthrange(first.year, first.month)[1]
    return first, first.replace(day=last)


def visible_reports(user: Any, filters: CalendarFilters) -> Any:
    """The user's programs' reports matching the filters (another program's id: NotFound)."""
    qs = SafetyReportDue.objects.visible_to(user).select_related(
        "safety_case__program", "safety_case__case", "safety_case__product"
    )
    if filters.program_id is not None:
        if not Program.objects.visible_to(user).filter(pk=filters.program_id).exists():
            raise NotFound("Program not found")
        qs = qs.filter(safety_case__program_id=filters.program_id)
    if filters.jurisdiction:
        qs = qs.filter(safety_case__jurisdiction=filters.jurisdiction.upper())
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.month is not None:
        start, end = month_bounds(filters.month)
        qs = qs.filter(due__gte=start, due__lte=end)
    return qs.order_by("due", "kind", "pk")


def due_items(user: Any, filters: CalendarFilters, now: datetime | None = None) -> list[DueItem]:
    """Reports due, overdue first then by due date; submitted ones only when asked for."""
    now = now or timezone.now()
    reports = list(visible_reports(user, filters)[:LIMIT])
    outcomes = outcomes_for(reports, now)
    items = []
    for report in reports:
        outcome = outcomes[report.pk]
        if not filters.include_submitted and outcome.status not in OPEN_STATUSES:
            continue
        today = local_date(now, report.safety_case.program.time_zone)
        items.append(DueItem(outcome=outcome, today=today))
    items.sort(key=DueItem.sort_key)
    return items


def month_grid(items: list[DueItem], first: date) -> list[list[Day]]:
    """Weeks (Monday first) covering the month, each day with the items due on it."""
    start, end = month_bounds(first)
    by_day: dict[date, list[DueItem]] = {}
    for item in sorted(items, key=lambda i: (i.report.due, i.report.kind)):
        by_day.setdefault(item.report.due, []).append(item)
    cursor = start - timedelta(days=start.weekday())
    weeks: list[list[Day]] = []
    while cursor <= end:
        week = []
        for offset in range(7):
            day = cursor + timedelta(days=offset)
            week.append(Day(day=day, in_month=start <= day <= end, items=by_day.get(day, [])))
        weeks.append(week)
        cursor += timedelta(days=7)
    return weeks


def filter_choices(user: Any) -> dict[str, list[Any]]:
    """Programs, jurisdictions and report kinds the user's reports use (for the filters)."""
    reports = SafetyReportDue.objects.visible_to(user)
    return {
        "programs": list(Program.objects.visible_to(user).order_by("name")),
        "jurisdictions": sorted(
            set(reports.values_list("safety_case__jurisdiction", flat=True).distinct())
        ),
        "kinds": sorted(set(reports.values_list("kind", flat=True).distinct())),
    }
