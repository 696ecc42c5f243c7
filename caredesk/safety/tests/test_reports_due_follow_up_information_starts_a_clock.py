"""Significant follow-up information starts its own report clock (US Rx 15 days of the new
information); on an OTC or supplement report, new information within one year of the initial
report has its own 15-business-day clock, and none after that year."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.management import call_command

from caredesk.cases.models import TimelineEntry
from caredesk.errors import InvalidInput
from caredesk.safety.models_rules import ReportRuleSet
from caredesk.safety.services import rules_follow_up
from caredesk.safety.services.handoff import set_assessment
from caredesk.safety.services.rules_follow_up import record_follow_up_information
from caredesk.safety.tests.test_reports_due_recomputed_only_when_a_fact_changes import valid_case

pytestmark = pytest.mark.django_db


def test_significant_information_on_a_15_day_alert_starts_a_follow_up_clock(world):
    sc = valid_case(world, "I took Curixa and got a bad rash and was hospitalized.")
    info = record_follow_up_information(
        sc, acting_user=world.safety_a, received_on=date(2026, 3, 20), summary="Discharged"
    )
    row = sc.reports.get(trigger="follow_up")
    assert (row.kind, row.due, row.day_zero) == (
        "us_rx_15_day_follow_up",
        date(2026, 4, 4),
        date(2026, 3, 20),
    )
    assert row.follow_up == info and "314.80(c)(1)(ii)" in row.citation
    # The initial report is untouched, and a later fact change leaves the follow-up alone.
    set_assessment(sc, seriousness=["hospitalization", "death"], acting_user=world.safety_a)
    assert sc.reports.get(trigger="initial").due == date(2026, 3, 17)
    assert sc.reports.filter(trigger="follow_up").count() == 1
    note = TimelineEntry.objects.filter(case=sc.case, data__follow_up=info.pk).get()
    assert "us_rx_15_day_follow_up due 2026-04-04" in note.summary


def test_otc_information_within_a_year_has_its_own_business_day_clock(world, monkeypatch):
    sc = valid_case(world, "I took Curixa and got a rash and was hospitalized.", "otc_drug")
    # Information may not be dated in the future: let the test run on 1 June 2027.
    monkeypatch.setattr(rules_follow_up.timezone, "localdate", lambda: date(2027, 6, 1))
    record_follow_up_information(
        sc, acting_user=world.safety_a, received_on=date(2026, 12, 31), summary="Lab results"
    )
    row = sc.reports.get(trigger="follow_up")
    # 1 Jan 2027 is a holiday, then the weekend; MLK Day 18 Jan 2027 is skipped too.
    assert (row.kind, row.due) == ("us_otc_follow_up", date(2027, 1, 25))
    record_follow_up_information(
        sc, acting_user=world.safety_a, received_on=date(2027, 3, 3), summary="Too late"
    )
    assert sc.reports.filter(trigger="follow_up").count() == 1
    last = TimelineEntry.objects.filter(case=sc.case).order_by("pk").last()
    assert "no follow-up report required" in last.summary


def test_information_that_is_not_significant_starts_no_clock(world):
    sc = valid_case(world, "I took Curixa and got a bad rash and was hospitalized.")
    record_follow_up_information(
        sc,
        acting_user=world.safety_a,
        received_on=date(2026, 3, 5),
        summary="Caller's new phone number",
        significant=False,
    )
    assert not sc.reports.filter(trigger="follow_up").exists()


def test_bad_follow_up_input_is_refused(world):
    sc = valid_case(world, "I took Curixa and got a bad rash and was hospitalized.")
    with pytest.raises(InvalidInput) as refused:
        record_follow_up_information(
            sc, acting_user=world.safety_a, received_on=date(2026, 3, 1), summary=" "
        )
    assert set(refused.value.fields) == {"received_on", "summary"}


def test_the_load_rules_command_is_idempotent(db):
    out = io.StringIO()
    call_command("safety", "load-rules", stdout=out)
    call_command("safety", "load-rules", stdout=out)
    assert ReportRuleSet.objects.count() == 1
