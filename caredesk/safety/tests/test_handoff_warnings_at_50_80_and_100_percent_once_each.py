"""The hand-off to PV warns at 50 %, 80 % and 100 % of the time allowed: business time on the
program's calendar by default, 24 elapsed hours for a fatal or life-threatening case; each
threshold once per case, on the timeline and in the bell, however often the sweep runs."""

from __future__ import annotations

import pytest

from caredesk.audit.models import AuditEvent
from caredesk.cases.models import TimelineEntry, TimelineKind
from caredesk.quality.models import Notification
from caredesk.safety.models import SafetyCase
from caredesk.safety.models_oversight import HandoffWarning, SafetyOversight
from caredesk.safety.services.handoff import alert_overdue_hand_offs
from caredesk.safety.services.handoff_warnings import handoff_clock, sweep_handoff_warnings
from caredesk.safety.tests.oversight_data import ny, safety_case, utc

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("received", "seriousness", "at_50", "at_80", "at_100", "why"),
    [
        (
            ny("2026-03-02 09:00"),
            (),
            ny("2026-03-02 15:00"),
            ny("2026-03-02 18:36"),
            ny("2026-03-03 09:00"),
            "Monday morning: one 12-hour business day, all of it on Monday's desk",
        ),
        (
            ny("2026-03-06 10:00"),
            (),
            ny("2026-03-06 16:00"),
            ny("2026-03-06 19:36"),
            ny("2026-03-09 10:00"),
            "Friday: shares of open time, so the 80 % mark is Friday evening, due Monday (EDT)",
        ),
        (
            ny("2026-07-02 18:00"),
            (),
            ny("2026-07-06 12:00"),
            ny("2026-07-06 15:36"),
            ny("2026-07-06 18:00"),
            "Thursday evening before the observed Independence Day: the clock runs on Monday",
        ),
        (
            ny("2026-03-06 10:00"),
            ("death",),
            ny("2026-03-06 22:00"),
            ny("2026-03-07 05:12"),
            ny("2026-03-07 10:00"),
            "Fatal: 24 elapsed hours, weekend or not",
        ),
        (
            ny("2026-03-02 09:00"),
            ("life_threatening",),
            ny("2026-03-02 15:00"),
            ny("2026-03-02 18:36"),
            ny("2026-03-03 09:00"),
            "Life-threatening on a Monday: one business day is no later than 24 hours",
        ),
    ],
)
def test_thresholds_are_shares_of_the_time_allowed(
    world, received, seriousness, at_50, at_80, at_100, why
):
    sc = safety_case(world.program_a, received, seriousness=seriousness)
    clock = handoff_clock(sc)
    reached = [clock.reached_at(p, sc) for p in (50, 80, 100)]
    assert reached == [at_50, at_80, at_100], why


def entries(sc):
    return list(
        TimelineEntry.objects.filter(case=sc.case, data__clock="safety_handoff")
        .order_by("at", "pk")
        .values_list("kind", "at", "data__percent")
    )


def bell(user):
    return list(Notification.objects.filter(user=user).values_list("text", flat=True))


def test_time_travel_each_threshold_once_with_timeline_and_bell(world):
    sc = safety_case(world.program_a, ny("2026-03-02 09:00"), owner=world.agent_a)
    steps = [
        (ny("2026-03-02 14:59"), []),
        (ny("2026-03-02 15:00"), [50]),
        (ny("2026-03-02 15:01"), []),
        (ny("2026-03-02 18:40"), [80]),
        (ny("2026-03-02 19:00"), []),
        (ny("2026-03-03 09:00"), [100]),
        (ny("2026-03-03 12:00"), []),
    ]
    for now, expected in steps:
        assert sweep_handoff_warnings(now) == len(expected), now
        assert (
            sorted(
                HandoffWarning.objects.filter(safety_case=sc, warned_at=now).values_list(
                    "percent", flat=True
                )
            )
            == expected
        ), now
    assert entries(sc) == [
        (TimelineKind.SLA_WARNING, ny("2026-03-02 15:00"), 50),
        (TimelineKind.SLA_WARNING, ny("2026-03-02 18:36"), 80),
        (TimelineKind.SLA_BREACH, ny("2026-03-03 09:00"), 100),
    ]
    owner_notices = bell(world.agent_a)
    assert len(owner_notices) == 3
    assert "50% of the hand-off time used" in owner_notices[0]
    assert "overdue" in owner_notices[2]
    assert len(bell(world.safety_a)) == 3
    assert bell(world.supervisor_a) == [owner_notices[2]]  # supervisors only when overdue
    audited = AuditEvent.objects.filter(model="safety.handoffwarning")
    assert audited.count() == 3 and {e.actor_username for e in audited} == {
        "system:handoff-warnings"
    }


def test_a_sweep_that_missed_the_marks_records_them_all_but_notifies_once(world):
    sc = safety_case(world.program_a, ny("2026-03-02 09:00"))
    assert sweep_handoff_warnings(ny("2026-03-04 08:00")) == 3
    assert [p for _k, _at, p in entries(sc)] == [50, 80, 100]
    assert [at for _k, at, _p in entries(sc)] == [
        ny("2026-03-02 15:00"),
        ny("2026-03-02 18:36"),
        ny("2026-03-03 09:00"),
    ]
    assert len(bell(world.safety_a)) == 1
    assert sweep_handoff_warnings(ny("2026-03-05 08:00")) == 0


def test_the_older_overdue_alert_and_the_100_percent_warning_do_not_double_notify(world):
    sc = safety_case(world.program_a, ny("2026-03-02 09:00"))
    assert alert_overdue_hand_offs(ny("2026-03-03 10:00")) == 1
    assert sweep_handoff_warnings(ny("2026-03-03 10:01")) == 3
    assert len(bell(world.supervisor_a)) == 1
    assert len(bell(world.safety_a)) == 1
    sc.refresh_from_db()
    assert sc.forward_alerted_at == ny("2026-03-03 10:00")


def test_forwarded_and_closed_cases_get_no_warning(world):
    safety_case(world.program_a, ny("2026-03-02 09:00"), forwarded_at=ny("2026-03-02 10:00"))
    safety_case(world.program_a, ny("2026-03-02 09:00"), status="closed")
    assert sweep_handoff_warnings(ny("2026-03-04 08:00")) == 0
    assert not HandoffWarning.objects.exists()


def test_a_fatal_case_moves_its_deadline_to_24_hours_audited_and_on_the_timeline(world):
    sc = safety_case(world.program_a, ny("2026-03-06 10:00"), seriousness=("death",))
    assert sc.forward_due == ny("2026-03-09 10:00")
    sweep_handoff_warnings(ny("2026-03-06 11:00"))
    sc.refresh_from_db()
    assert sc.forward_due == ny("2026-03-07 10:00")
    event = AuditEvent.objects.get(model="safety.safetycase", object_id=str(sc.pk))
    assert event.changes["forward_due"][1] == utc("2026-03-07 15:00").isoformat()
    moved = TimelineEntry.objects.get(case=sc.case, data__urgent=True)
    assert "fatal or life-threatening" in moved.summary
    sweep_handoff_warnings(ny("2026-03-06 12:00"))
    assert AuditEvent.objects.filter(model="safety.safetycase").count() == 1


def test_the_urgent_hours_are_a_program_setting(world):
    SafetyOversight.objects.create(program=world.program_a, urgent_forward_hours=8)
    sc = safety_case(world.program_a, ny("2026-03-06 10:00"), seriousness=("life_threatening",))
    assert handoff_clock(sc).due == ny("2026-03-06 18:00")
    assert sweep_handoff_warnings(ny("2026-03-06 14:00")) == 1  # 50 % of 8 hours
    assert SafetyCase.objects.get(pk=sc.pk).forward_due == ny("2026-03-06 18:00")


def test_two_sweeps_racing_give_each_warning_once(world):
    sc = safety_case(world.program_a, ny("2026-03-02 09:00"))
    first = sweep_handoff_warnings(ny("2026-03-02 16:00"))
    second = sweep_handoff_warnings(ny("2026-03-02 16:00"))
    assert (first, second) == (1, 0)
    assert HandoffWarning.objects.filter(safety_case=sc).count() == 1


def test_history_older_than_a_week_is_left_to_the_reconciliation(world):
    safety_case(world.program_a, ny("2026-03-02 09:00"))
    assert sweep_handoff_warnings(ny("2026-03-10 10:00")) == 0
    assert not Notification.objects.exists()
