"""Warnings at 50 %, 80 % and 100 % of the time allowed for the internal hand-off to PV.

The contact centre's receipt is Day 0 of the regulatory clock, so every hour spent before the
hand-off comes out of the report's time (regulations.md §2, internal hand-off). The time
allowed runs from the first receipt (`first_received_at`) to the hand-off deadline:

- by default one business day on the program's safety calendar (`forward_due`, computed by
  `clocks.forward_deadline` from `SafetySettings.forward_business_days`); the 50 % and 80 %
  marks are shares of the *open* time, so a Friday 10:00 report warns on Friday afternoon,
  not on Saturday night;
- for a fatal or life-threatening case, `SafetyOversight.urgent_forward_hours` (24 by
  default) of elapsed time when that is sooner; the sweep then moves `forward_due` forward,
  audited and on the timeline, so the queue, the overdue alert and the reconciliation all
  measure against the same deadline.

`sweep_handoff_warnings` runs every minute. Each threshold is given once per case (a unique
row per case and percent, claimed before anything is written), however often it runs or how
many workers race: a threshold reached while no sweep ran is still recorded, at the moment it
was reached, but only the highest one notifies.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.cases.models import TimelineKind
from caredesk.cases.services.timeline import add_timeline_entry
from caredesk.routing.services.business_time import add_business_time, business_time_between
from caredesk.safety.models import SafetyCase, SafetyCaseStatus
from caredesk.safety.models_oversight import HandoffWarning, SafetyOversight
from caredesk.safety.services.clocks import safety_calendar
from caredesk.safety.services.notices import member_ids, notify_users
from caredesk.tenancy.models import Role

logger = logging.getLogger(__name__)
PERCENTS = (50, 80, 100)
URGENT_CRITERIA = frozenset({"death", "life_threatening"})
SYSTEM_ACTOR = "system:handoff-warnings"
NOTIFY_ROLES = (Role.SAFETY_SPECIALIST,)
OVERDUE_ROLES = (Role.SAFETY_SPECIALIST, Role.SUPERVISOR)
BATCH = 500
# A hand-off due longer ago than this when first seen (loaded history) gets no warning: the
# monthly reconciliation reports it; the sweep stays bounded and the bell is not flooded.
LOOKBACK = timedelta(days=7)


@dataclass(frozen=True)
class HandoffClock:
    """The hand-off clock of one case: start, deadline, and which rule set the deadline."""

    start: datetime
    due: datetime
    urgent: bool

    def reached_at(self, percent: int, safety_case: SafetyCase) -> datetime:
        """When `percent` of the time allowed runs out (business time unless urgent)."""
        if percent >= 100 or self.due <= self.start:
            return self.due
        share = percent / 100
        if self.urgent:
            return self.start + (self.due - self.start) * share
        try:
            calendar = safety_calendar(safety_case.program)
            allowed = business_time_between(calendar, self.start, self.due)
            return add_business_time(calendar, self.start, allowed * share)
        except ValueError:  # a calendar that never opens: fall back to elapsed time
            logger.exception("hand-off warnings: calendar of program %s", safety_case.program_id)
            return self.start + (self.due - self.start) * share


def urgent_hours(program_id: int) -> int:
    found = SafetyOversight.objects.filter(program_id=program_id).first()
    return found.urgent_forward_hours if found else 24


def is_urgent(safety_case: SafetyCase) -> bool:
    """Fatal or life-threatening (ICH E2A criteria on the case)."""
    return bool(URGENT_CRITERIA & set(safety_case.seriousness or []))


def handoff_clock(safety_case: SafetyCase, hours: int | None = None) -> HandoffClock:
    """The case's hand-off clock: the business-day deadline, or the urgent one when sooner."""
    start = safety_case.first_received_at
    due = safety_case.forward_due
    if is_urgent(safety_case):
        hours = urgent_hours(safety_case.program_id) if hours is None else hours
        urgent_due = start + timedelta(hours=hours)
        if urgent_due < due:
            return HandoffClock(start=start, due=urgent_due, urgent=True)
    return HandoffClock(start=start, due=due, urgent=False)


def _shorten_deadline(safety_case: SafetyCase, clock: HandoffClock, now: datetime) -> None:
    """A fatal/life-threatening case's deadline moves to the urgent one (once, audited)."""
    old = safety_case.forward_due
    moved = SafetyCase.objects.filter(pk=safety_case.pk, forward_due=old).update(
        forward_due=clock.due
    )
    if not moved:
        return
    safety_case.forward_due = clock.due
    record_event(
        AuditAction.UPDATE,
        acting_user=None,
        actor_username=SYSTEM_ACTOR,
        instance=safety_case,
        changes={"forward_due": [old.isoformat(), clock.due.isoformat()]},
        reason="Fatal or life-threatening: urgent hand-off deadline",
    )
    add_timeline_entry(
        safety_case.case,
        TimelineKind.SLA_WARNING,
        f"Hand-off to PV now due {local_text(clock.due, safety_case)} (fatal or life-threatening)",
        at=now,
        data={"clock": "safety_handoff", "due": clock.due.isoformat(), "urgent": True},
    )


def _recipients(safety_case: SafetyCase, percent: int, now: datetime) -> set[int]:
    """Owner and safety specialists; at 100 % also supervisors, unless the older overdue alert
    (`handoff.alert_overdue_hand_offs`) already told them: that claim is shared."""
    users = member_ids(safety_case.program_id, NOTIFY_ROLES)
    if safety_case.case.owner_id:
        users.add(safety_case.case.owner_id)
    if percent >= 100:
        claimed = SafetyCase.objects.filter(
            pk=safety_case.pk, forward_alerted_at__isnull=True
        ).update(forward_alerted_at=now)
        if claimed:
            users |= member_ids(safety_case.program_id, OVERDUE_ROLES)
        else:
            users = {safety_case.case.owner_id} - {None}  # type: ignore[assignment]
    return users


def local_text(moment: datetime, safety_case: SafetyCase) -> str:
    """A moment as the program's people read it (its time zone)."""
    return f"{moment.astimezone(ZoneInfo(safety_case.program.time_zone)):%a %d %b %Y %H:%M %Z}"


def _text(safety_case: SafetyCase, percent: int, clock: HandoffClock) -> str:
    reference = safety_case.case.reference
    due = local_text(clock.due, safety_case)
    if percent >= 100:
        return f"Safety case on {reference}: hand-off to PV is overdue (was due {due})"
    return (
        f"Safety case on {reference}: {percent}% of the hand-off time used (forward to PV by {due})"
    )


def _give(
    safety_case: SafetyCase, clock: HandoffClock, percent: int, now: datetime, notify: bool
) -> bool:
    """Claim and record one warning; False when it was already given."""
    reached = min(clock.reached_at(percent, safety_case), now)
    try:
        with transaction.atomic():
            warning = HandoffWarning.objects.create(
                safety_case=safety_case,
                percent=percent,
                due=clock.due,
                reached_at=reached,
                warned_at=now,
            )
            text = _text(safety_case, percent, clock)
            kind = TimelineKind.SLA_BREACH if percent >= 100 else TimelineKind.SLA_WARNING
            add_timeline_entry(
                safety_case.case,
                kind,
                text,
                at=reached,
                data={
                    "clock": "safety_handoff",
                    "percent": percent,
                    "due": clock.due.isoformat(),
                    "noticed_at": now.isoformat(),
                },
            )
            record_event(
                AuditAction.CREATE,
                acting_user=None,
                actor_username=SYSTEM_ACTOR,
                instance=warning,
                changes={"percent": [None, percent], "due": [None, clock.due.isoformat()]},
            )
            if notify:
                recipients = _recipients(safety_case, percent, now)
                notify_users(
                    safety_case.program_id, recipients, text, at=now, case_id=safety_case.case_id
                )
    except IntegrityError:
        return False  # another sweep gave it first
    return True


def warn_case(safety_case: SafetyCase, now: datetime) -> list[int]:
    """Give the thresholds this case has reached and not yet been warned of."""
    if safety_case.forwarded_at is not None:
        return []
    clock = handoff_clock(safety_case)
    if clock.urgent and clock.due < safety_case.forward_due:
        with transaction.atomic():
            _shorten_deadline(safety_case, clock, now)
    given = set(safety_case.handoff_warnings.values_list("percent", flat=True))
    due_now = [p for p in PERCENTS if p not in given and clock.reached_at(p, safety_case) <= now]
    done = []
    for percent in due_now:
        if _give(safety_case, clock, percent, now, notify=percent == due_now[-1]):
            done.append(percent)
    return done


def sweep_candidates() -> Any:
    """Cases still waiting for their hand-off and not yet warned at 100 % (every program)."""
    return (
        SafetyCase.objects.system_scope()
        .filter(forwarded_at__isnull=True)
        .exclude(status=SafetyCaseStatus.CLOSED)
        .exclude(handoff_warnings__percent=100)
    )


def sweep_handoff_warnings(now: datetime | None = None) -> int:
    """Give every due warning of every program; returns how many were given."""
    now = now or timezone.now()
    count, last_pk = 0, 0
    while True:
        batch = list(
            sweep_candidates()
            .filter(pk__gt=last_pk, first_received_at__lte=now, forward_due__gte=now - LOOKBACK)
            .select_related("program", "case")
            .order_by("pk")[:BATCH]
        )
        if not batch:
            return count
        for safety_case in batch:
            count += len(warn_case(safety_case, now))
        last_pk = batch[-1].pk
