"""`caredesk safety deadlines` driven through the real entry point, as an evaluation runs it.

Every expectation is computed by hand from design.md ("Interfaces that others rely on") and
regulations.md §2, not from the rule table: US federal holidays on their observed dates (a
Christmas and a New Year's Day both moved onto the Friday before, Juneteenth observed on a
Friday, Veterans Day observed on a Friday, Thanksgiving), Day 0 on a Sunday and on an observed
holiday, absent flags meaning false, and the product-type semantics of the contract.

Readings of the contract where it leaves room (see also docs/decisions/0006):
- `id` is echoed whatever its JSON type, `null` included: only a line with no "id" key has
  nothing to echo. A lone surrogate in a string id cannot be written as UTF-8, so that line
  is written \\u-escaped (still valid JSON with the same id) rather than failing the batch.
- US devices, death + remedial action: one MDR (Form 3500A) of type "5-day", so only
  `us_device_5_day` is listed (803.53 replaces the 30-day clock for that event).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

BASE = {"jurisdiction": "US", "product_type": "supplement"}

# id, situation, expected [(kind, due)], with the count that gives the date
CASES = [
    # 15 business days from Thu 23 Dec 2027: Fri 24 Dec (Christmas observed) and Fri 31 Dec
    # (New Year's Day 2028 observed) skipped, 27-30 Dec (4), 3-7 Jan (9), 10-14 Jan (14),
    # Mon 17 Jan MLK Day skipped, Tue 18 Jan (15).
    ("ds-year-end", {"day_zero": "2027-12-23", "serious": True},
     [("us_supplement_serious", "2028-01-18")]),
    # 15 working days from Sun 5 Nov 2028: 6-9 Nov (4), Fri 10 Nov Veterans Day observed,
    # 13-17 (9), 20-22 (12), Thu 23 Thanksgiving, Fri 24 (13), 27 (14), 28 (15).
    ("vet-thanksgiving", {"product_type": "animal_drug", "day_zero": "2028-11-05", "death": True},
     [("us_animal_15_day", "2028-11-28")]),
    # 5 work days from Thu 17 Jun 2027: Fri 18 Jun (Juneteenth observed) skipped, 21-25 Jun.
    ("dev-juneteenth", {"product_type": "device", "day_zero": "2027-06-17",
                        "malfunction": True, "remedial_action": True},
     [("us_device_5_day", "2027-06-25")]),
    # Day 0 on an observed holiday (Fri 3 Jul 2026, for Saturday 4 July) is still Day 0:
    # 6-10 Jul (5), 13-17 (10), 20-24 (15).
    ("otc-on-holiday", {"product_type": "otc_drug", "day_zero": "2026-07-03", "serious": True},
     [("us_otc_serious", "2026-07-24")]),
    # An OTC drug with an approved application counts as rx_drug: serious + unexpected, 15 CD.
    ("otc-with-nda", {"product_type": "rx_drug", "day_zero": "2026-07-03", "serious": True},
     [("us_rx_15_day_alert", "2026-07-18")]),
    # OTC (no application): expectedness does not matter; a non-serious event needs nothing.
    ("otc-expected", {"product_type": "otc_drug", "day_zero": "2026-07-03", "serious": True,
                      "expected": True}, [("us_otc_serious", "2026-07-24")]),
    ("otc-non-serious", {"product_type": "otc_drug", "day_zero": "2026-07-03"}, []),
    # EU and Canada: rx_drug and otc_drug are authorised medicinal products under one rule.
    ("eu-otc", {"jurisdiction": "EU", "product_type": "otc_drug", "day_zero": "2026-07-03"},
     [("eu_non_serious", "2026-10-01")]),
    ("ca-otc", {"jurisdiction": "CA", "product_type": "otc_drug", "day_zero": "2026-07-03",
                "serious": True, "expected": True}, [("ca_serious_adr", "2026-07-18")]),
    # Food supplements: nothing expedited in the EU; Canada's natural health products: 15 days.
    ("eu-supplement", {"jurisdiction": "EU", "day_zero": "2026-07-03", "death": True}, []),
    ("ca-supplement", {"jurisdiction": "CA", "day_zero": "2026-07-03", "serious": True},
     [("ca_serious_adr", "2026-07-18")]),
    # EU MDR: only the shortest that applies (2 < 10 < 15).
    ("mdr-all", {"jurisdiction": "EU", "product_type": "device", "day_zero": "2026-07-03",
                 "death": True, "malfunction": True, "public_health_threat": True},
     [("eu_mdr_public_health_threat", "2026-07-05")]),
    ("mdr-unanticipated", {"jurisdiction": "EU", "product_type": "device",
                           "day_zero": "2026-07-03", "serious_deterioration": True,
                           "unanticipated": True, "malfunction": True},
     [("eu_mdr_death_or_unanticipated", "2026-07-13")]),
    # Device malfunction alone (could cause harm if it recurred) vs a death: US 30 days both;
    # Canada 30 days for the malfunction, 10 for the death.
    ("us-dev-malfunction", {"product_type": "device", "day_zero": "2026-07-03",
                            "malfunction": True}, [("us_device_30_day", "2026-08-02")]),
    ("us-dev-death", {"product_type": "device", "day_zero": "2026-07-03", "death": True},
     [("us_device_30_day", "2026-08-02")]),
    ("ca-dev-malfunction", {"jurisdiction": "CA", "product_type": "device",
                            "day_zero": "2026-07-03", "malfunction": True},
     [("ca_device_30_day", "2026-08-02")]),
    ("ca-dev-death", {"jurisdiction": "CA", "product_type": "device", "day_zero": "2026-07-03",
                      "death": True, "malfunction": True}, [("ca_device_10_day", "2026-07-13")]),
    # Flags explicitly false are the same as absent ones.
    ("all-false", {"product_type": "rx_drug", "day_zero": "2026-07-03", "serious": False,
                   "expected": False, "death": False, "serious_deterioration": False,
                   "malfunction": False, "remedial_action": False,
                   "public_health_threat": False, "unanticipated": False}, []),
]  # fmt: skip


def _run(stdin: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    """The real entry point (`caredesk` = caredesk.cli:main), stdin to stdout."""
    return subprocess.run(
        [sys.executable, "-m", "caredesk.cli", "safety", "deadlines", "--in", "-", "--out", "-"],
        input=stdin.encode("utf-8"),
        capture_output=True,
        check=False,
        timeout=120,
        env={**os.environ, "CAREDESK_ENV": "test", **env},
    )


def test_the_entry_point_answers_holidays_product_types_and_odd_ids() -> None:
    lines = [json.dumps({"id": cid, **BASE, **situation}) for cid, situation, _ in CASES]
    odd_ids = [None, 0, 2.5, True, ["a", 1], {"k": "v"}, "é😀", ""]
    situation = {**BASE, "day_zero": "2026-07-03", "serious": True}
    lines += [json.dumps({"id": odd, **situation}) for odd in odd_ids]
    lines += ['{"id": "\\ud800x", "jurisdiction": "EU", "product_type": "rx_drug", '
              '"day_zero": "2026-07-03"}']  # fmt: skip
    proc = _run("\n".join(lines) + "\n", PYTHONIOENCODING="ascii")  # stdout is UTF-8 anyway
    assert proc.returncode == 0, proc.stderr.decode()
    out = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert [o["id"] for o in out] == [c[0] for c in CASES] + odd_ids + ["\ud800x"]
    for obj, (cid, _, expected) in zip(out, CASES, strict=False):
        assert set(obj) == {"id", "reports"}
        assert [(r["kind"], r["due"]) for r in obj["reports"]] == expected, cid
        assert all(set(r) == {"kind", "due", "basis"} and r["basis"] for r in obj["reports"])
    for obj in out[len(CASES) :]:
        assert len(obj["reports"]) == 1


def test_a_bad_line_keeps_its_place_and_the_rest_is_answered() -> None:
    good = {"id": "ok", **BASE, "day_zero": "2026-07-03", "serious": True}
    lines = [
        json.dumps({**good, "id": None, "day_zero": "2026-7-3"}),
        "",
        "   ",
        "{broken",
        json.dumps(good),
    ]
    proc = _run("\r\n".join(lines) + "\r\n")
    err = proc.stderr.decode()
    assert proc.returncode == 2
    assert "line 1" in err and "line 4" in err and "Traceback" not in err
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert out[0]["id"] is None and "day_zero" in out[0]["error"]
    assert out[1] == {"id": "ok", "reports": out[1]["reports"]}
    assert [(r["kind"], r["due"]) for r in out[1]["reports"]] == [
        ("us_supplement_serious", "2026-07-24")
    ]
