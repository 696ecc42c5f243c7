"""A report past its due date (end of the day, program time zone) and not submitted escalates
once to the program's safety lead: audited, on the case timeline and in the bell. With no lead
named, the program admins are told, and told that no lead is named."""

from __future__ import annotations

from datetime import date

import pytest

from caredesk.audit.models import AuditEvent
from caredesk.cases.models import TimelineEntry
from caredesk.errors import Forbidden, InvalidInput
from caredesk.quality.models import Notification
from caredesk.safety.models import SafetyReportDue
from caredesk.safety.models_oversight import ReportTracking
from caredesk.safety.services.escalation import (
    configure_oversight,
    escalate_overdue_reports,
    safety_lead_ids,
)
from caredesk.safety.services.report_outcomes import record_late_reason
from caredesk.safety.tests.oversight_data import ny, report, safety_case, submission, utc
from caredesk.tenancy.models import Membership, Role
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db
RECEIVED = ny("2026-03-02 09:00")


@pytest.fixture
def lead(world):
    user = f.member(world.program_a, Role.SAFETY_SPECIALIST, username="lead_a")
    configure_oversight(world.program_a, acting_user=world.admin_a, safety_lead_id=user.pk)
    return user


@pytest.mark.parametrize(
    ("now", "escalated", "why"),
    [
        (utc("2026-03-17 03:59"), 0, "23:59 in New York on the due date: not yet"),
        (utc("2026-03-17 04:00"), 1, "midnight in New York: the due date has ended"),
        (utc("2026-03-20 12:00"), 1, "days later"),
    ],
)
def test_the_due_date_ends_at_midnight_in_the_programs_zone(world, lead, now, escalated, why):
    sc = safety_case(world.program_a, RECEIVED, forwarded_at=RECEIVED)
    report(sc, "us_otc_serious", "2026-03-16")
    assert escalate_overdue_reports(now) == escalated, why


def test_escalated_once_to_the_named_lead_audited_and_on_the_timeline(world, lead):
    sc = safety_case(world.program_a, RECEIVED, forwarded_at=RECEIVED)
    report(sc, "us_otc_serious", "2026-03-16")
    assert escalate_overdue_reports(ny("2026-03-17 08:00")) == 1
    assert escalate_overdue_reports(ny("2026-03-17 09:00")) == 0
    (notice,) = Notification.objects.filter(user=lead)
    assert "us_otc_serious" in notice.text and sc.case.reference in notice.text
    assert not Notification.objects.filter(user=world.admin_a).exists()
    entry = TimelineEntry.objects.get(case=sc.case, data__report_kind="us_otc_serious")
    assert entry.summary.startswith("Escalated to the safety lead")
    assert entry.data["escalated_to"] == [lead.pk]
    tracking = ReportTracking.objects.get(safety_case=sc)
    assert tracking.escalated_at == ny("2026-03-17 08:00")
    event = AuditEvent.objects.get(model="safety.reporttracking", object_id=str(tracking.pk))
    assert event.actor_username == "system:report-escalation"


def test_a_recomputed_report_with_the_same_kind_and_date_is_not_escalated_again(world, lead):
    sc = safety_case(world.program_a, RECEIVED, forwarded_at=RECEIVED)
    report(sc, "us_otc_serious", "2026-03-16")
    assert escalate_overdue_reports(ny("2026-03-17 08:00")) == 1
    SafetyReportDue.objects.filter(safety_case=sc).delete()
    report(sc, "us_otc_serious", "2026-03-16")
    assert escalate_overdue_reports(ny("2026-03-18 08:00")) == 0


def test_submitted_pending_and_closed_reports_do_not_escalate(world, lead):
    on_time = safety_case(world.program_a, RECEIVED, forwarded_at=RECEIVED)
    report(on_time, "us_otc_serious", "2026-03-16")
    submission(on_time, ny("2026-03-16 10:00"))
    late_but_sent = safety_case(world.program_a, RECEIVED, forwarded_at=RECEIVED)
    report(late_but_sent, "us_otc_serious", "2026-03-16")
    submission(late_but_sent, ny("2026-03-17 07:00"))
    not_yet = safety_case(world.program_a, RECEIVED, forwarded_at=RECEIVED)
    report(not_yet, "us_otc_serious", "2026-03-18")
    closed = safety_case(world.program_a, RECEIVED, forwarded_at=RECEIVED, status="closed")
    report(closed, "us_otc_serious", "2026-03-16")
    assert escalate_overdue_reports(ny("2026-03-17 08:00")) == 0


def test_without_a_named_lead_the_program_admins_are_told(world):
    sc = safety_case(world.program_a, RECEIVED, forwarded_at=RECEIVED)
    report(sc, "us_otc_serious", "2026-03-16")
    assert safety_lead_ids(world.program_a.pk) == ({world.admin_a.pk}, False)
    assert escalate_overdue_reports(ny("2026-03-17 08:00")) == 1
    (notice,) = Notification.objects.filter(user=world.admin_a)
    assert "no safety lead named" in notice.text


def test_a_lead_who_left_the_program_no_longer_receives_escalations(world, lead):
    assert safety_lead_ids(world.program_a.pk) == ({lead.pk}, True)
    Membership.objects.filter(user=lead).update(active=False)
    assert safety_lead_ids(world.program_a.pk) == ({world.admin_a.pk}, False)


def test_only_a_program_admin_names_a_lead_from_the_programs_members(world):
    with pytest.raises(Forbidden):
        configure_oversight(
            world.program_a, acting_user=world.safety_a, safety_lead_id=world.safety_a.pk
        )
    with pytest.raises(InvalidInput):
        configure_oversight(
            world.program_a, acting_user=world.admin_a, safety_lead_id=world.agent_a.pk
        )
    with pytest.raises(InvalidInput):
        configure_oversight(
            world.program_a, acting_user=world.admin_a, safety_lead_id=world.agent_b.pk
        )
    oversight = configure_oversight(
        world.program_a,
        acting_user=world.admin_a,
        safety_lead_id=world.safety_a.pk,
        urgent_forward_hours=12,
    )
    assert (oversight.safety_lead, oversight.urgent_forward_hours) == (world.safety_a, 12)
    event = AuditEvent.objects.get(model="safety.safetyoversight")
    assert event.changes["safety_lead"] == [None, world.safety_a.pk]


def test_a_report_whose_date_moves_keeps_its_reason_and_escalates_for_the_new_date(world, lead):
    sc = safety_case(world.program_a, RECEIVED, forwarded_at=RECEIVED)
    r = report(sc, "us_otc_serious", "2026-03-16")
    record_late_reason(r, reason="Awaiting the label copy", acting_user=world.safety_a)
    assert escalate_overdue_reports(ny("2026-03-17 08:00")) == 1
    SafetyReportDue.objects.filter(pk=r.pk).update(due=date(2026, 3, 20))  # recomputed in place
    assert escalate_overdue_reports(ny("2026-03-18 08:00")) == 0
    assert escalate_overdue_reports(ny("2026-03-21 08:00")) == 1
    assert escalate_overdue_reports(ny("2026-03-22 08:00")) == 0
    (tracking,) = ReportTracking.objects.filter(safety_case=sc)
    assert (tracking.due, tracking.late_reason) == (date(2026, 3, 20), "Awaiting the label copy")
    assert Notification.objects.filter(user=lead).count() == 2


def test_a_program_admin_names_the_lead_on_the_calendar_page(world):
    from django.test import Client

    from caredesk.testing.mfa import login_with_mfa

    client = Client()
    login_with_mfa(client, world.admin_a)
    page = client.get("/safety/calendar/").content.decode()
    assert "no lead named" in page and 'name="safety_lead"' in page
    url = f"/safety/programs/{world.program_a.pk}/safety-lead/"
    assert client.post(url, {"safety_lead": world.safety_a.pk}).status_code == 302
    assert safety_lead_ids(world.program_a.pk) == ({world.safety_a.pk}, True)
    assert client.post(url, {"safety_lead": world.agent_a.pk}).status_code == 422
    foreign = f"/safety/programs/{world.program_b.pk}/safety-lead/"
    assert client.post(foreign, {"safety_lead": ""}).status_code == 404
    login_with_mfa(client, world.safety_a)
    assert 'name="safety_lead"' not in client.get("/safety/calendar/").content.decode()
    assert client.post(url, {"safety_lead": ""}).status_code == 403


def test_reports_overdue_for_over_30_days_when_first_seen_are_not_escalated(world, lead):
    sc = safety_case(world.program_a, RECEIVED, forwarded_at=RECEIVED)
    report(sc, "us_otc_serious", "2026-03-16")
    assert escalate_overdue_reports(ny("2026-04-16 08:00")) == 0
    assert escalate_overdue_reports(ny("2026-04-15 08:00")) == 1
