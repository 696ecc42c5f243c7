"""SLA clocks pause only where the case's policy says (`SlaPolicy.pause_statuses`).

When a case enters a pausing status the pause start is recorded on its `CaseSlaClock`; when
it leaves for a status that does not pause, each clock still running at the pause start has
its due time pushed out by the business time spent paused (only up to the clock's stop, for
a clock stopped during the pause), and that time is added to the clock's paused total (the
warning point leaves it out, see `sla_state`). Both moves are written to the case timeline
and audited. While paused, the state and the sweep evaluate the case as of the pause start,
so nothing new warns or breaches.

`on_status_change` is called by `caredesk.cases.services.lifecycle.change_status` inside its
transaction. A status written by another path (the background tampering lock) is caught up
by `reconcile_pauses`, run at the start of every SLA sweep.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.cases.models import Case, CaseStatus, TimelineKind
from caredesk.cases.services.timeline import add_timeline_entry
from caredesk.routing.models import SlaPolicy
from caredesk.routing.models_sla import CaseSlaClock
from caredesk.routing.services.sla import SlaClockRules, policy_for, rules_for

SYSTEM_ACTOR = "system:sla-pause"


def start_sla_clock(case: Case, policy: SlaPolicy | None, *, channel: str = "") -> None:
    """Remember which policy set a new case's clocks (none: no row, the case has no clocks)."""
    if policy is None:
        return
    person = case.person
    CaseSlaClock.objects.create(
        case=case,
        program_id=case.program_id,
        policy=policy,
        channel=channel,
        customer_type=person.role if person is not None else "",
    )


def _locked_clock(case: Case) -> CaseSlaClock | None:
    """The case's clock row, locked; created for an older case whose catch-all policy pauses."""
    clock = (
        CaseSlaClock.objects.system_scope()  # scoping: ok (the case's own row)
        .select_for_update(of=("self",))
        .filter(case_id=case.pk)
        .first()
    )
    if clock is not None:
        return clock
    policy = policy_for(case.program_id, case.case_type)
    if policy is None or not policy.pause_statuses:
        return None
    return CaseSlaClock.objects.create(case=case, program_id=case.program_id, policy=policy)


def pauses_in(policy: SlaPolicy | None, status: str) -> bool:
    return policy is not None and status in (policy.pause_statuses or [])


def on_status_change(case: Case, new_status: str, *, at: datetime, acting_user: Any) -> None:
    """Pause or resume the case's clocks after its status became `new_status` at `at`."""
    clock = _locked_clock(case)
    if clock is None:
        return
    pausing = pauses_in(clock.policy, new_status)
    if pausing and clock.paused_since is None:
        pause_clocks(case, clock, new_status, at=at, acting_user=acting_user)
    elif not pausing and clock.paused_since is not None:
        resume_clocks(case, clock, at=at, acting_user=acting_user)


def pause_clocks(
    case: Case, clock: CaseSlaClock, status: str, *, at: datetime, acting_user: Any
) -> None:
    clock.paused_since, clock.paused_status = at, status
    clock.save(update_fields=["paused_since", "paused_status"])
    label = CaseStatus(status).label.lower() if status in CaseStatus.values else status
    add_timeline_entry(
        case,
        TimelineKind.STATUS,
        f"SLA clocks paused while {label}",
        actor=acting_user,
        at=at,
        data={"sla": "paused", "status": status},
    )
    _audit(clock, acting_user, {"paused_since": [None, at.isoformat()]}, f"case {status}")


def _push(
    rules: SlaClockRules,
    due: datetime | None,
    stop: datetime | None,
    since: datetime,
    until: datetime,
) -> tuple[datetime | None, timedelta]:
    """A clock's new due time and the paused time it was pushed by (zero: left alone)."""
    if due is None or due < since or (stop is not None and stop < since):
        return due, timedelta(0)
    paused = rules.between(since, min(stop, until) if stop is not None else until)
    return (rules.add(due, paused) if paused else due), paused


def resume_clocks(case: Case, clock: CaseSlaClock, *, at: datetime, acting_user: Any) -> None:
    """End the pause at `at`: push the running clocks' due times by the paused business time."""
    since = clock.paused_since
    if since is None:
        return
    rules = rules_for(case.program, clock.policy)
    first_stop = case.first_responded_at or case.resolved_at
    old = (case.first_response_due, case.resolution_due)
    new_first, first_paused = _push(rules, old[0], first_stop, since, at)
    new_resolution, resolution_paused = _push(rules, old[1], case.resolved_at, since, at)
    Case.objects.system_scope().filter(pk=case.pk).update(  # scoping: ok (this case)
        first_response_due=new_first, resolution_due=new_resolution
    )
    case.first_response_due, case.resolution_due = new_first, new_resolution
    clock.first_response_paused += first_paused
    clock.resolution_paused += resolution_paused
    clock.paused_since, clock.paused_status = None, ""
    clock.save(
        update_fields=[
            "paused_since",
            "paused_status",
            "first_response_paused",
            "resolution_paused",
        ]
    )
    paused = max(first_paused, resolution_paused)
    add_timeline_entry(
        case,
        TimelineKind.STATUS,
        _resume_summary(case, paused, new_first, new_resolution),
        actor=acting_user,
        at=at,
        data={
            "sla": "resumed",
            "paused_seconds": int(paused.total_seconds()),
            "first_response_due": _iso(new_first),
            "resolution_due": _iso(new_resolution),
        },
    )
    changes = {
        "first_response_due": [_iso(old[0]), _iso(new_first)],
        "resolution_due": [_iso(old[1]), _iso(new_resolution)],
    }
    _audit(case, acting_user, changes, f"SLA clocks resumed after {paused} paused")


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _resume_summary(
    case: Case, paused: timedelta, first: datetime | None, resolution: datetime | None
) -> str:
    tz = ZoneInfo(case.program.time_zone)
    minutes = int(paused.total_seconds() // 60)
    parts = [f"SLA clocks resumed after {minutes} min of business time paused"]
    if first is not None and case.first_responded_at is None:
        parts.append(f"first response due {first.astimezone(tz):%a %d %b %H:%M %Z}")
    if resolution is not None and case.resolved_at is None:
        parts.append(f"resolution due {resolution.astimezone(tz):%a %d %b %H:%M %Z}")
    return "; ".join(parts)


def _audit(instance: Any, acting_user: Any, changes: dict[str, Any], reason: str) -> None:
    record_event(
        AuditAction.UPDATE,
        acting_user=acting_user,
        system_actor=SYSTEM_ACTOR,
        instance=instance,
        program_id=instance.program_id,
        changes=changes,
        reason=reason,
    )


def reconcile_pauses(now: datetime | None = None) -> int:
    """Catch up pauses with statuses written without `change_status`; how many were fixed.

    Reads only the clocks of policies that pause (a handful of policies; the paused rows and
    the rows whose case sits in a pausing status)."""
    now = now or timezone.now()
    fixed = 0
    policies = SlaPolicy.objects.system_scope().only("pk", "pause_statuses")  # scoping: ok (job)
    pausing = {p.pk: list(p.pause_statuses) for p in policies if p.pause_statuses}
    # Paused under a policy that no longer pauses (or is gone), or out of step with its case.
    stale = Q(paused_since__isnull=False) & ~Q(policy_id__in=list(pausing))
    for policy_id, statuses in pausing.items():
        in_pause = Q(case__status__in=statuses)
        stale |= Q(policy_id=policy_id) & (
            Q(paused_since__isnull=False) & ~in_pause | Q(paused_since__isnull=True) & in_pause
        )
    rows = CaseSlaClock.objects.system_scope().filter(stale).values_list("case_id", flat=True)
    for case_id in list(rows):
        with transaction.atomic():
            case = Case.objects.system_scope().select_related("program").get(pk=case_id)
            on_status_change(case, case.status, at=now, acting_user=None)
        fixed += 1
    return fixed
