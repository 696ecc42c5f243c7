"""The safety specialist's due-report calendar: every required report of their programs, overdue
first then by due date, filtered by program, jurisdiction and kind, as a list or a month; a
late reason is recorded on a report; another program's reports never show."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from caredesk.errors import NotFound
from caredesk.safety.services.due_calendar import (
    CalendarFilters,
    due_items,
    month_grid,
    parse_month,
)
from caredesk.safety.tests.oversight_data import ny, report, safety_case, submission
from caredesk.tenancy.models import Membership, Role
from caredesk.testing import factories as f
from caredesk.testing.mfa import login_with_mfa

pytestmark = pytest.mark.django_db
NOW = ny("2026-03-20 12:00")
RECEIVED = ny("2026-03-02 09:00")


@pytest.fixture
def reports(world):
    """Program A: two overdue, one due later, one submitted; program C (also the specialist's):
    one EU report; program B (not the specialist's): one overdue."""
    program_c = f.ProgramFactory(code="vet-eu", name="Vetiva EU", country="DE")
    Membership.objects.create(user=world.safety_a, program=program_c, role=Role.SAFETY_SPECIALIST)
    made = {}
    for name, program, kind, due, jurisdiction in [
        ("late_b", world.program_a, "us_otc_serious", "2026-03-18", "US"),
        ("late_a", world.program_a, "us_supplement_serious", "2026-03-10", "US"),
        ("soon", world.program_a, "us_otc_serious", "2026-03-25", "US"),
        ("april", world.program_a, "us_otc_follow_up", "2026-04-02", "US"),
        ("sent", world.program_a, "us_otc_serious", "2026-03-15", "US"),
        ("eu", program_c, "eu_vet", "2026-03-22", "EU"),
        ("other", world.program_b, "us_device_30_day", "2026-03-01", "US"),
    ]:
        sc = safety_case(program, RECEIVED, forwarded_at=RECEIVED, jurisdiction=jurisdiction)
        made[name] = report(sc, kind, due)
    submission(made["sent"].safety_case, ny("2026-03-14 10:00"))
    return made


def names(items, reports):
    by_id = {r.pk: name for name, r in reports.items()}
    return [by_id[i.report.pk] for i in items]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (CalendarFilters(), ["late_a", "late_b", "eu", "soon", "april"]),
        (
            CalendarFilters(include_submitted=True),
            ["late_a", "late_b", "sent", "eu", "soon", "april"],
        ),
        (CalendarFilters(jurisdiction="eu"), ["eu"]),
        (CalendarFilters(kind="us_otc_serious"), ["late_b", "soon"]),
        (CalendarFilters(month=date(2026, 4, 1)), ["april"]),
        (
            CalendarFilters(month=date(2026, 3, 1), include_submitted=True),
            [
                "late_a",
                "late_b",
                "sent",
                "eu",
                "soon",
            ],
        ),
    ],
)
def test_overdue_first_then_by_due_date_with_filters(world, reports, filters, expected):
    assert names(due_items(world.safety_a, filters, NOW), reports) == expected


def test_one_program_and_never_another_programs(world, reports):
    only_a = CalendarFilters(program_id=world.program_a.pk)
    assert names(due_items(world.safety_a, only_a, NOW), reports) == [
        "late_a",
        "late_b",
        "soon",
        "april",
    ]
    with pytest.raises(NotFound):
        due_items(world.safety_a, CalendarFilters(program_id=world.program_b.pk), NOW)
    assert names(due_items(world.agent_b, CalendarFilters(), NOW), reports) == ["other"]


def test_the_month_grid_puts_each_report_on_its_day(world, reports):
    items = due_items(world.safety_a, CalendarFilters(month=date(2026, 3, 1)), NOW)
    weeks = month_grid(items, date(2026, 3, 1))
    assert weeks[0][0].day == date(2026, 2, 23) and not weeks[0][0].in_month
    assert weeks[-1][-1].day == date(2026, 4, 5)
    days = {d.day: [i.report.kind for i in d.items] for week in weeks for d in week if d.items}
    assert days == {
        date(2026, 3, 10): ["us_supplement_serious"],
        date(2026, 3, 18): ["us_otc_serious"],
        date(2026, 3, 22): ["eu_vet"],
        date(2026, 3, 25): ["us_otc_serious"],
    }
    assert parse_month("2026-02") == date(2026, 2, 1) and parse_month("") is None


def test_the_page_lists_and_shows_a_month_and_htmx_gets_the_results_only(world, reports):
    client = Client()
    login_with_mfa(client, world.safety_a)
    page = client.get("/safety/calendar/").content.decode()
    assert "Due reports" in page and "us_supplement_serious" in page
    assert world.program_b.name not in page and "us_device_30_day" not in page
    month = client.get("/safety/calendar/?view=month&month=2026-03&kind=eu_vet")
    assert month.status_code == 200 and 'data-day="2026-03-22"' in month.content.decode()
    part = client.get("/safety/calendar/?jurisdiction=EU", HTTP_HX_REQUEST="true")
    assert "<html" not in part.content.decode() and "eu_vet" in part.content.decode()
    assert client.get(f"/safety/calendar/?program={world.program_b.pk}").status_code == 404


def test_a_specialist_records_a_late_reason_from_the_calendar(world, reports):
    client = Client()
    login_with_mfa(client, world.safety_a)
    url = f"/safety/reports/{reports['late_a'].pk}/late-reason/"
    answer = client.post(url, {"reason": "Label copy awaited"}, HTTP_HX_REQUEST="true")
    assert answer.status_code == 200 and "Label copy awaited" in answer.content.decode()
    assert client.post(url, {"reason": ""}, HTTP_HX_REQUEST="true").status_code == 422
    client.force_login(world.agent_a)
    assert client.post(url, {"reason": "x"}).status_code == 403
    client.force_login(world.agent_b)
    assert client.post(url, {"reason": "x"}).status_code == 404
