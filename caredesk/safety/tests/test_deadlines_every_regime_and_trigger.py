"""Every regime of issue 6 beyond the CLI contract computes the right date: follow-ups (with the
one-year window of OTC and supplement reports), nonapplicant forwarding, field alerts, device
supplemental reports, UK medicines and devices, and the follow-up clocks of the EU and Canada.
Day 0 next to holidays, observed dates, weekends, year ends and leap days (regulations.md §2).
"""

from __future__ import annotations

import datetime as dt

import pytest

from caredesk.safety.reportability import Situation, load_rules, reports_for
from caredesk.safety.reportability.calendars import due_date

D = dt.date.fromisoformat

# id, jurisdiction, product type, trigger, day 0, flags, initial day 0, [(kind, due)]
CASES = [
    # US Rx follow-up: 15 calendar days of the new information (314.80(c)(1)(ii)).
    ("rx-fu", "US", "rx_drug", "follow_up", "2026-12-20", "serious", None,
     [("us_rx_15_day_follow_up", "2027-01-04")]),
    ("rx-fu-expected", "US", "rx_drug", "follow_up", "2026-12-20", "serious expected", None, []),
    # Nonapplicant named on the label forwards to the applicant in 5 calendar days.
    ("rx-nonapplicant", "US", "rx_drug", "nonapplicant_forwarding", "2028-02-24", "death", None,
     [("us_rx_nonapplicant_forwarding", "2028-02-29")]),
    # NDA Field Alert: 3 working days; Thanksgiving and the weekend are skipped.
    ("rx-field-alert", "US", "rx_drug", "field_alert", "2026-11-25", "product_defect", None,
     [("us_rx_field_alert", "2026-12-01")]),
    # OTC without an application: new information within one year, 15 business days.
    ("otc-fu", "US", "otc_drug", "follow_up", "2026-07-02", "serious", "2026-01-10",
     [("us_otc_follow_up", "2026-07-24")]),
    ("otc-fu-last-day", "US", "otc_drug", "follow_up", "2027-01-10", "serious", "2026-01-10",
     [("us_otc_follow_up", "2027-02-01")]),  # MLK Day 18 Jan 2027 skipped
    ("otc-fu-too-late", "US", "otc_drug", "follow_up", "2027-01-11", "serious", "2026-01-10", []),
    # Dietary supplements: the same one-year window; 31 Dec 2021 is New Year 2022 observed.
    ("ds-fu", "US", "supplement", "follow_up", "2021-12-30", "serious", "2021-03-01",
     [("us_supplement_follow_up", "2022-01-24")]),
    ("ds-fu-leap", "US", "supplement", "follow_up", "2028-02-28", "death", "2027-02-28",
     [("us_supplement_follow_up", "2028-03-20")]),
    ("ds-fu-too-late", "US", "supplement", "follow_up", "2028-03-01", "serious", "2027-02-28", []),
    # Devices: supplemental report within 1 month (read as 30 calendar days, VERIFY).
    ("dev-supplemental", "US", "device", "follow_up", "2028-01-30", "malfunction", None,
     [("us_device_supplemental", "2028-02-29")]),
    # Animal drugs: 15 working days follow-up, 3 working days forwarding and field alert.
    ("vet-fu", "US", "animal_drug", "follow_up", "2027-12-23", "serious", None,
     [("us_animal_15_day_follow_up", "2028-01-18")]),  # 24 Dec, 31 Dec, 17 Jan observed
    ("vet-nonapplicant", "US", "animal_drug", "nonapplicant_forwarding", "2026-07-02", "", None,
     [("us_animal_nonapplicant_forwarding", "2026-07-08")]),
    ("vet-field-alert", "US", "animal_drug", "field_alert", "2026-07-04", "product_defect", None,
     [("us_animal_field_alert", "2026-07-08")]),
    ("vet-field-alert-year-end", "US", "animal_drug", "field_alert", "2026-12-31",
     "product_defect", None, [("us_animal_field_alert", "2027-01-06")]),
    # EU human medicines and veterinary: significant follow-up starts the same clock again.
    ("eu-fu-serious", "EU", "rx_drug", "follow_up", "2028-02-14", "serious", None,
     [("eu_serious_follow_up", "2028-02-29")]),
    ("eu-fu-non-serious", "EU", "otc_drug", "follow_up", "2027-12-01", "", None,
     [("eu_non_serious_follow_up", "2028-02-29")]),
    ("eu-vet-fu", "EU", "animal_drug", "follow_up", "2026-12-02", "", None,
     [("eu_vet_follow_up", "2027-01-01")]),
    # Canada: serious ADR follow-up, 15 days.
    ("ca-fu", "CA", "rx_drug", "follow_up", "2026-12-20", "serious", None,
     [("ca_serious_adr_follow_up", "2027-01-04")]),
    # UK medicines 15/90 days; UK devices 2/10/15 days from 16 June 2025 (VERIFY).
    ("uk-serious", "UK", "rx_drug", "initial", "2028-02-14", "serious", None,
     [("uk_serious", "2028-02-29")]),
    ("uk-non-serious", "UK", "otc_drug", "initial", "2027-12-01", "", None,
     [("uk_non_serious", "2028-02-29")]),
    ("uk-fu", "UK", "rx_drug", "follow_up", "2026-07-02", "death", None,
     [("uk_serious_follow_up", "2026-07-17")]),
    ("uk-dev-threat", "UK", "device", "initial", "2026-12-30", "public_health_threat", None,
     [("uk_device_public_health_threat", "2027-01-01")]),
    ("uk-dev-death", "UK", "device", "initial", "2028-02-19", "death", None,
     [("uk_device_death_or_unanticipated", "2028-02-29")]),
    ("uk-dev-incident", "UK", "device", "initial", "2026-07-02", "malfunction", None,
     [("uk_device_serious_incident", "2026-07-17")]),
    ("uk-dev-before", "UK", "device", "initial", "2025-06-15", "death", None, []),
    # Life-threatening is a seriousness criterion on its own (ICH E2A).
    ("rx-life-threatening", "US", "rx_drug", "initial", "2026-07-02", "life_threatening", None,
     [("us_rx_15_day_alert", "2026-07-17")]),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_each_regime_and_trigger_gives_the_expected_report(case):
    _, jurisdiction, product, trigger, day_zero, flags, initial, expected = case
    situation = Situation(
        jurisdiction,
        product,
        D(day_zero),
        frozenset(flags.split()),
        trigger=trigger,
        initial_day_zero=D(initial) if initial else None,
    )
    got = [(r.kind, r.due.isoformat()) for r in reports_for(situation)]
    assert got == expected


def test_every_kind_of_the_rule_table_is_exercised_here_or_in_the_contract_table():
    from caredesk.safety.tests.test_deadlines_contract_cases import CASES as CONTRACT

    seen = {kind for *_, expected in CASES for kind, _ in expected}
    seen |= {kind for *_, expected in CONTRACT for kind, _ in expected}
    assert load_rules().kinds() - seen == set()


def test_regimes_marked_verify_say_so_in_their_citation():
    rules = load_rules().rules
    for rule in rules:
        assert ("VERIFY" in rule.citation) == bool(rule.verify), rule.id
    marked = {r.id for r in rules if r.verify}
    # regulations.md §2 marks these regimes VERIFY.
    assert {
        "us-otc-serious", "us-device-supplemental", "eu-vet", "uk-serious", "uk-non-serious",
        "uk-device-serious-incident", "uk-device-public-health-threat",
        "uk-device-death-or-unanticipated", "ca-serious-adr-natural-health-product",
    } <= marked  # fmt: skip
    # ... and the 15-day Rx alert, the devices' 30/5 days and EU MDR are settled law.
    assert not marked & {"us-rx-15-day-alert", "us-device-30-day", "eu-mdr-serious-incident"}


def test_an_hour_clock_spans_whole_days_when_only_day_zero_is_known():
    assert due_date(D("2026-12-31"), 24, "hours") == D("2027-01-01")
    assert due_date(D("2028-02-28"), 36, "hours") == D("2028-03-01")


def test_periodic_schedule_of_a_leap_day_approval_counts_from_the_approval_date():
    from caredesk.safety.reportability.periodic import periodic_rule, periodic_schedule

    schedule = periodic_schedule(periodic_rule("US", "rx_drug"), D("2028-02-29"), D("2031-12-31"))
    first, annual = schedule[0], schedule[12]
    assert (first.period_end, first.due) == (D("2028-05-28"), D("2028-06-27"))
    assert (annual.period_start, annual.period_end) == (D("2031-02-28"), D("2032-02-28"))
    assert annual.due == D("2032-04-29")  # 60 days after the anniversary, a leap year again
