"""`caredesk safety deadlines`: which reports a situation requires and their due dates.

One row per situation, derived by hand from regulations.md §2 (see
docs/decisions/0006-reportability-rules.md); every report kind of the contract appears at least
twice, with Day 0 next to holidays, observed dates, weekends, year ends and leap days.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from caredesk.safety.reportability import Situation, reports_for

CONTRACT_KINDS = {
    "us_rx_15_day_alert", "us_otc_serious", "us_supplement_serious", "us_device_30_day",
    "us_device_5_day", "us_animal_15_day", "eu_serious", "eu_non_serious", "eu_vet",
    "eu_mdr_public_health_threat", "eu_mdr_death_or_unanticipated", "eu_mdr_serious_incident",
    "ca_serious_adr", "ca_device_10_day", "ca_device_30_day",
}  # fmt: skip

# id, jurisdiction, product type, day 0, flags that are true, expected [(kind, due)]
CASES = [
    # US prescription drugs: serious and unexpected, 15 calendar days (314.80(c)(1)).
    ("us-rx-1", "US", "rx_drug", "2026-07-02", "serious", [("us_rx_15_day_alert", "2026-07-17")]),
    ("us-rx-2", "US", "rx_drug", "2028-02-14", "death", [("us_rx_15_day_alert", "2028-02-29")]),
    ("us-rx-3", "US", "rx_drug", "2026-12-20", "serious", [("us_rx_15_day_alert", "2027-01-04")]),
    ("us-rx-expected", "US", "rx_drug", "2026-07-02", "serious expected", []),
    ("us-rx-non-serious", "US", "rx_drug", "2026-07-02", "", []),
    # US OTC without an application: serious, 15 business days, expectedness irrelevant (760).
    ("us-otc-1", "US", "otc_drug", "2026-07-02", "serious", [("us_otc_serious", "2026-07-24")]),
    ("us-otc-2", "US", "otc_drug", "2021-12-30", "serious expected",
     [("us_otc_serious", "2022-01-24")]),
    ("us-otc-non-serious", "US", "otc_drug", "2026-07-02", "", []),
    # US dietary supplements: serious, 15 business days (761).
    ("us-ds-1", "US", "supplement", "2026-11-25", "serious",
     [("us_supplement_serious", "2026-12-17")]),
    ("us-ds-2", "US", "supplement", "2026-07-04", "death",
     [("us_supplement_serious", "2026-07-24")]),
    ("us-ds-non-serious", "US", "supplement", "2026-07-04", "expected", []),
    # US devices: 30 calendar days; 5 work days when a reportable event needs remedial action.
    ("us-dev-1", "US", "device", "2026-03-02", "malfunction", [("us_device_30_day", "2026-04-01")]),
    ("us-dev-2", "US", "device", "2026-01-15", "serious_deterioration",
     [("us_device_30_day", "2026-02-14")]),
    ("us-dev-3", "US", "device", "2026-07-02", "death remedial_action",
     [("us_device_5_day", "2026-07-10")]),
    ("us-dev-4", "US", "device", "2027-12-23", "malfunction remedial_action",
     [("us_device_5_day", "2028-01-03")]),
    ("us-dev-remedial-only", "US", "device", "2026-07-02", "remedial_action", []),
    ("us-dev-ich-serious-only", "US", "device", "2026-07-02", "serious", []),
    # US animal drugs: serious and unexpected, 15 working days (514.80(b)(2)).
    ("us-vet-1", "US", "animal_drug", "2026-11-25", "serious",
     [("us_animal_15_day", "2026-12-17")]),
    ("us-vet-2", "US", "animal_drug", "2028-02-18", "death", [("us_animal_15_day", "2028-03-13")]),
    ("us-vet-expected", "US", "animal_drug", "2026-11-25", "serious expected", []),
    # EU human medicines: serious 15 days, non-serious 90 days, whatever the expectedness.
    ("eu-1", "EU", "rx_drug", "2026-07-02", "serious expected", [("eu_serious", "2026-07-17")]),
    ("eu-2", "EU", "otc_drug", "2028-02-14", "death", [("eu_serious", "2028-02-29")]),
    ("eu-3", "EU", "rx_drug", "2026-07-02", "", [("eu_non_serious", "2026-09-30")]),
    ("eu-4", "EU", "otc_drug", "2027-12-01", "expected", [("eu_non_serious", "2028-02-29")]),
    ("eu-food-supplement", "EU", "supplement", "2026-07-02", "serious death", []),
    # EU veterinary medicines: every suspected adverse event, 30 days (2019/6 Art. 76).
    ("eu-vet-1", "EU", "animal_drug", "2026-07-02", "", [("eu_vet", "2026-08-01")]),
    ("eu-vet-2", "EU", "animal_drug", "2028-01-30", "serious", [("eu_vet", "2028-02-29")]),
    # EU MDR: only the shortest clock that applies (Art. 87(3)-(5)).
    ("mdr-1", "EU", "device", "2026-12-30", "public_health_threat death",
     [("eu_mdr_public_health_threat", "2027-01-01")]),
    ("mdr-2", "EU", "device", "2028-02-27", "public_health_threat",
     [("eu_mdr_public_health_threat", "2028-02-29")]),
    ("mdr-3", "EU", "device", "2026-07-02", "death",
     [("eu_mdr_death_or_unanticipated", "2026-07-12")]),
    ("mdr-4", "EU", "device", "2026-12-25", "serious_deterioration unanticipated",
     [("eu_mdr_death_or_unanticipated", "2027-01-04")]),
    ("mdr-5", "EU", "device", "2026-07-02", "serious_deterioration",
     [("eu_mdr_serious_incident", "2026-07-17")]),
    ("mdr-6", "EU", "device", "2028-02-14", "malfunction",
     [("eu_mdr_serious_incident", "2028-02-29")]),
    ("mdr-unanticipated-alone", "EU", "device", "2026-07-02", "unanticipated", []),
    ("mdr-remedial-alone", "EU", "device", "2026-07-02", "remedial_action", []),
    ("mdr-before-application", "EU", "device", "2021-05-25", "serious_deterioration", []),
    ("mdr-first-day", "EU", "device", "2021-05-26", "serious_deterioration",
     [("eu_mdr_serious_incident", "2021-06-10")]),
    # Canada: serious ADR in Canada 15 days (drugs, natural health products, veterinary drugs).
    ("ca-1", "CA", "rx_drug", "2026-07-02", "serious expected", [("ca_serious_adr", "2026-07-17")]),
    ("ca-2", "CA", "supplement", "2028-02-14", "death", [("ca_serious_adr", "2028-02-29")]),
    ("ca-3", "CA", "otc_drug", "2026-12-20", "serious", [("ca_serious_adr", "2027-01-04")]),
    ("ca-4", "CA", "animal_drug", "2026-07-02", "serious", [("ca_serious_adr", "2026-07-17")]),
    ("ca-non-serious", "CA", "rx_drug", "2026-07-02", "", []),
    # Canada devices: led to death/serious deterioration 10 days; could if it recurred 30 days.
    ("ca-dev-1", "CA", "device", "2026-07-02", "death", [("ca_device_10_day", "2026-07-12")]),
    ("ca-dev-2", "CA", "device", "2028-02-19", "serious_deterioration malfunction",
     [("ca_device_10_day", "2028-02-29")]),
    ("ca-dev-3", "CA", "device", "2026-07-02", "malfunction", [("ca_device_30_day", "2026-08-01")]),
    ("ca-dev-4", "CA", "device", "2028-01-30", "malfunction", [("ca_device_30_day", "2028-02-29")]),
    ("ca-dev-threat-only", "CA", "device", "2026-07-02", "public_health_threat", []),
]  # fmt: skip


def _line(case) -> dict:
    record_id, jurisdiction, product_type, day_zero, flags, _ = case
    obj = {"id": record_id, "jurisdiction": jurisdiction, "product_type": product_type}
    obj["day_zero"] = day_zero
    obj.update({flag: True for flag in flags.split()})
    return obj


def test_every_contract_kind_is_covered_at_least_twice():
    seen = [kind for *_, expected in CASES for kind, _ in expected]
    assert {k: seen.count(k) for k in CONTRACT_KINDS if seen.count(k) < 2} == {}
    assert set(seen) <= CONTRACT_KINDS


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_reports_for_gives_the_expected_kinds_and_due_dates(case):
    _, jurisdiction, product_type, day_zero, flags, expected = case
    situation = Situation(
        jurisdiction, product_type, dt.date.fromisoformat(day_zero), frozenset(flags.split())
    )
    got = [(r.kind, r.due.isoformat()) for r in reports_for(situation)]
    assert got == expected


def test_the_cli_answers_the_whole_table_in_input_order(tmp_path: Path):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("".join(json.dumps(_line(c)) + "\n" for c in CASES), encoding="utf-8")
    call_command("safety", "deadlines", "--in", str(src), "--out", str(dst))
    out = [json.loads(line) for line in dst.read_text(encoding="utf-8").splitlines()]
    assert [o["id"] for o in out] == [c[0] for c in CASES]
    for obj, case in zip(out, CASES, strict=True):
        assert set(obj) == {"id", "reports"}
        assert [(r["kind"], r["due"]) for r in obj["reports"]] == case[-1], case[0]
        for report in obj["reports"]:
            assert set(report) == {"kind", "due", "basis"}
            assert report["basis"]


def test_false_and_null_flags_are_the_same_as_absent_ones(tmp_path: Path):
    base = {"id": 1, "jurisdiction": "US", "product_type": "rx_drug", "day_zero": "2026-07-02"}
    lines = [
        {**base, "serious": True},
        {**base, "id": 2, "serious": True, "expected": False, "death": None},
        {**base, "id": 3, "serious": False, "death": False},
    ]
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    call_command("safety", "deadlines", "--in", str(src), "--out", str(dst))
    out = [json.loads(line) for line in dst.read_text(encoding="utf-8").splitlines()]
    assert [len(o["reports"]) for o in out] == [1, 1, 0]
