"""A serious event with a device runs the MDR 30-day clock from day zero (a serious injury until
a person judges otherwise); a recorded judgement that it was not a serious injury stops it."""

from __future__ import annotations

import pytest

from caredesk.safety.services.clocks import refresh_reports
from caredesk.safety.tests.test_reports_due_recomputed_only_when_a_fact_changes import valid_case

pytestmark = pytest.mark.django_db

HOSPITAL = "The Glucometrix lancet gave me a bad infection and I was hospitalized."


def test_a_serious_device_event_owes_the_30_day_report(world):
    sc = valid_case(world, HOSPITAL, product_type="device", name="Glucometrix")
    assert sc.serious and sc.product_type == "device"
    kinds = set(sc.reports.values_list("kind", flat=True))
    assert "us_device_30_day" in kinds


def test_judged_not_a_serious_injury_the_clock_stops(world):
    sc = valid_case(world, HOSPITAL, product_type="device", name="Glucometrix")
    sc.report_flags = {**(sc.report_flags or {}), "serious_deterioration": False}
    sc.save(update_fields=["report_flags"])
    refresh_reports(sc)
    assert not sc.reports.filter(kind="us_device_30_day").exists()
