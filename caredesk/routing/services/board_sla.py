"""The board's SLA figures per queue: service level, and the cases in warning or breach.

Service level of a queue over a window ending now is the share of first-response outcomes in
the window that were met. A case's first-response outcome is:

- met, at the moment of its first response (or of its resolution, when it was resolved with
  none), if that came at or before its first-response due time;
- missed, at its due time, if by then it had not been answered (answered late, or still
  waiting; a case whose clocks are paused is not counted missed yet: its due time will move).

Only the outcomes whose moment falls in the window count; cases without a first-response
clock never count. Two windows: "today", from midnight in the queue's program time zone, and
"7 days", the trailing 168 hours. No outcome in a window: no figure (shown as a dash).

Three queries whatever the number of cases: the programs' time zones, the outcome counts
grouped by queue, and the warned or breached open cases (at most `ALERT_ROWS`, breaches and
the earliest due first), of which the board lists a few per queue with links.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import reduce
from operator import or_
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce

from caredesk.cases.models import OPEN_STATUSES, Case, SlaState
from caredesk.routing.services.board import QueueBoardRow
from caredesk.tenancy.models import Program

WEEK = timedelta(days=7)
ALERT_ROWS = 200
ALERTS_PER_QUEUE = 5


@dataclass(frozen=True)
class ServiceLevel:
    met: int = 0
    missed: int = 0

    @property
    def total(self) -> int:
        return self.met + self.missed

    @property
    def percent(self) -> float | None:
        """Met outcomes as a percentage with one decimal; None without any outcome."""
        return round(100 * self.met / self.total, 1) if self.total else None


@dataclass(frozen=True)
class AlertCase:
    case_id: int
    reference: str
    sla_state: str


@dataclass(frozen=True)
class QueueSla:
    today: ServiceLevel = ServiceLevel()
    week: ServiceLevel = ServiceLevel()
    alerts: list[AlertCase] = field(default_factory=list)
    more_alerts: int = 0


def _start_of_day(now: datetime, zone: str) -> datetime:
    try:
        tz = ZoneInfo(zone)
    except (ValueError, KeyError):
        tz = ZoneInfo("UTC")
    return now.astimezone(tz).replace(hour=0, minute=0, second=0, microsecond=0)


def _met_in(start: datetime, now: datetime) -> Q:
    return Q(stop__lte=F("first_response_due")) & Q(stop__gte=start, stop__lte=now)


def _missed_in(start: datetime, now: datetime) -> Q:
    unanswered = Q(stop__isnull=True) & (
        Q(sla_clock__isnull=True) | Q(sla_clock__paused_since__isnull=True)
    )
    late = Q(stop__gt=F("first_response_due"))
    return Q(first_response_due__gte=start, first_response_due__lt=now) & (unanswered | late)


def _per_program(starts: dict[int, datetime], now: datetime, outcome: Any) -> Q:
    return reduce(or_, (Q(program_id=pid) & outcome(start, now) for pid, start in starts.items()))


def service_levels(
    user: Any, program_ids: set[int], now: datetime
) -> dict[int, tuple[ServiceLevel, ServiceLevel]]:
    """(today, 7 days) service level per queue id of the user's programs in `program_ids`."""
    if not program_ids:
        return {}
    zones = Program.objects.visible_to(user).filter(pk__in=program_ids)
    today = {pid: _start_of_day(now, zone) for pid, zone in zones.values_list("pk", "time_zone")}
    if not today:
        return {}
    week_start = now - WEEK
    rows = (
        Case.objects.visible_to(user)
        .filter(program_id__in=today, queue__isnull=False)
        .filter(first_response_due__gte=min(week_start, *today.values()))
        .alias(stop=Coalesce("first_responded_at", "resolved_at"))
        .values("queue_id")
        .annotate(
            today_met=Count("pk", filter=_per_program(today, now, _met_in)),
            today_missed=Count("pk", filter=_per_program(today, now, _missed_in)),
            week_met=Count("pk", filter=_met_in(week_start, now)),
            week_missed=Count("pk", filter=_missed_in(week_start, now)),
        )
        .order_by()
    )
    return {
        row["queue_id"]: (
            ServiceLevel(row["today_met"], row["today_missed"]),
            ServiceLevel(row["week_met"], row["week_missed"]),
        )
        for row in rows
    }


def sla_alerts(user: Any) -> dict[int, list[AlertCase]]:
    """Open cases in warning or breach per queue id: breaches first, then the earliest due."""
    rows = (
        Case.objects.visible_to(user)
        .filter(
            status__in=OPEN_STATUSES,
            sla_state__in=[SlaState.BREACHED, SlaState.WARNING],
            queue__isnull=False,
        )
        .order_by("sla_state", "first_response_due", "pk")  # "breached" sorts before "warning"
        .values_list("pk", "reference", "sla_state", "queue_id")[:ALERT_ROWS]
    )
    out: dict[int, list[AlertCase]] = {}
    for pk, reference, state, queue_id in rows:
        out.setdefault(queue_id, []).append(AlertCase(pk, reference, state))
    return out


def queue_sla(user: Any, rows: Sequence[QueueBoardRow], now: datetime) -> dict[int, QueueSla]:
    """The SLA figures of each board row's queue, keyed by queue id."""
    levels = service_levels(user, {row.program_id for row in rows}, now)
    alerts = sla_alerts(user)
    out: dict[int, QueueSla] = {}
    for row in rows:
        today, week = levels.get(row.queue_id, (ServiceLevel(), ServiceLevel()))
        listed = alerts.get(row.queue_id, [])[:ALERTS_PER_QUEUE]
        flagged = row.by_sla_state.get(SlaState.WARNING, 0) + row.by_sla_state.get(
            SlaState.BREACHED, 0
        )
        out[row.queue_id] = QueueSla(today, week, listed, max(flagged - len(listed), 0))
    return out
