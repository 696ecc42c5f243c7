""" "Why this date": the engine explains each report (rule, citation, Day 0, calendar) and what
one more established fact would change, by running itself on the changed situation."""

from __future__ import annotations

import datetime as dt

from caredesk.safety.reportability import Situation
from caredesk.safety.reportability.calendars import Calendar
from caredesk.safety.reportability.explain import explain

D = dt.date.fromisoformat


def test_a_report_says_its_rule_citation_day_zero_and_calendar():
    situation = Situation("US", "otc_drug", D("2026-07-02"), frozenset({"serious"}))
    [report] = explain(situation).reports
    assert (report.kind, report.due, report.day_zero) == (
        "us_otc_serious",
        D("2026-07-24"),
        D("2026-07-02"),
    )
    assert report.rule_id == "us-otc-serious"
    assert "760" in report.citation and "VERIFY" in report.citation
    assert report.clock_text == "15 business days"
    assert report.calendar == "US-federal"
    assert "public holidays (observed dates)" in report.calendar_text


def test_what_would_add_a_report_that_is_not_required_yet():
    situation = Situation("US", "rx_drug", D("2026-07-02"), frozenset())
    explanation = explain(situation)
    assert explanation.reports == ()
    texts = [w.text for w in explanation.would_add]
    assert "if serious: us_rx_15_day_alert due 2026-07-17 (15 calendar days)" in texts
    assert "if a death is reported: us_rx_15_day_alert due 2026-07-17 (15 calendar days)" in texts


def test_a_shorter_clock_of_the_same_report_is_shown_as_replacing_it():
    situation = Situation("US", "device", D("2026-07-02"), frozenset({"malfunction"}))
    [report] = explain(situation).reports
    assert [w.text for w in report.what_ifs] == [
        "if remedial action is needed: us_device_5_day due 2026-07-10 (5 working days) "
        "instead of us_device_30_day due 2026-08-01"
    ]


def test_eu_mdr_lists_each_fact_that_would_shorten_the_clock():
    situation = Situation("EU", "device", D("2026-07-02"), frozenset({"serious_deterioration"}))
    [report] = explain(situation).reports
    conditions = {w.condition: (w.kind, w.due) for w in report.what_ifs}
    death = conditions["if a death is reported"]
    assert death == ("eu_mdr_death_or_unanticipated", D("2026-07-12"))
    assert conditions["if a serious public health threat is found"] == (
        "eu_mdr_public_health_threat",
        D("2026-07-04"),
    )


def test_an_expected_assessment_can_remove_the_us_alert():
    situation = Situation("US", "rx_drug", D("2026-07-02"), frozenset({"serious"}))
    [report] = explain(situation).reports
    assert "if assessed expected (listed): us_rx_15_day_alert no longer required" in [
        w.text for w in report.what_ifs
    ]


def test_a_program_calendar_with_closures_moves_business_day_dates():
    closed = Calendar("US-federal", extra_closures=[D("2026-07-06")])
    situation = Situation("US", "supplement", D("2026-07-02"), frozenset({"serious"}))
    [plain] = explain(situation).reports
    [program] = explain(situation, calendar_for=lambda name: closed).reports
    assert (plain.due, program.due) == (D("2026-07-24"), D("2026-07-27"))
