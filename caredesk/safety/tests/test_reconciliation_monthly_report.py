"""The monthly reconciliation proves, for one program and month, that every interaction was
screened and every confirmed AE reached pharmacovigilance on time and was acknowledged, and
lists by reference anything that was not."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest

from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.safety.models import FindingKind, SafetyCase
from caredesk.safety.services.findings import confirm_finding, mark_no_safety_content
from caredesk.safety.services.handoff import acknowledge_pv, forward_to_pv
from caredesk.safety.services.reconciliation import monthly_reconciliation, reconciliation_csv
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db

AE = "Caller got a bad rash after Relievium."


def at(text):
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def log(world, body, received, case=None):
    data = InteractionInput(
        channel="phone", direction="inbound", body=body, occurred_at=received, received_at=received
    )
    case = case or f.CaseFactory(program=world.program_a, person=world.pharmacist_a)
    return log_interaction(case, data, acting_user=world.agent_a)


def confirmed_case(world, received):
    finding = log(world, AE, at(received)).findings.get(kind=FindingKind.ADVERSE_EVENT)
    confirm_finding(finding, acting_user=world.agent_a)
    return SafetyCase.objects.get(pk=finding.safety_case_id)


@pytest.fixture
def march(world):
    on_time = confirmed_case(world, "2026-03-02 14:00")
    forward_to_pv(on_time, acting_user=world.agent_a)
    # The hand-off happened two hours after the call (stamped by the service at "now").
    SafetyCase.objects.filter(pk=on_time.pk).update(forwarded_at=at("2026-03-02 16:00"))
    on_time.refresh_from_db()
    acknowledge_pv(on_time, acting_user=world.safety_a)
    late = confirmed_case(world, "2026-03-10 14:00")
    forward_to_pv(late, acting_user=world.agent_a)  # months after its deadline
    never = confirmed_case(world, "2026-03-18 14:00")
    undecided = log(world, AE, at("2026-03-12 14:00"))
    question = log(world, "What is the maximum dose?", at("2026-03-15 14:00"))
    mark_no_safety_content(question, acting_user=world.agent_a)
    stray = f.InteractionFactory(case=world.case_a, received_at=at("2026-03-20 14:00"))
    log(world, "Where is my order?", at("2026-04-01 03:30"))  # March 31, 23:30 in New York
    log(world, "Where is my order?", at("2026-04-01 05:00"))  # April in New York: excluded
    data = InteractionInput(
        channel="sms", direction="inbound", body="x", received_at=at("2026-03-05 14:00")
    )
    log_interaction(world.case_b, data, acting_user=world.agent_b)  # another program
    return {"late": late, "never": never, "undecided": undecided, "stray": stray}


def test_the_month_is_reconciled_item_by_item(world, march):
    report = monthly_reconciliation(world.program_a, 2026, 3)
    assert report.interactions == 7 and report.screened == 6
    assert report.findings == {"flagged": 1, "confirmed": 3, "dismissed": 0}
    # The undecided flag opened a draft too: its hand-off clock runs before anyone reads it.
    assert (report.safety_cases, report.forwarded, report.forwarded_on_time) == (4, 2, 1)
    assert report.acknowledged == 1
    gaps = {(m.kind, m.reference.split("/")[0]) for m in report.missing}
    assert gaps == {
        ("unscreened", march["stray"].case.reference),
        ("undecided_finding", march["undecided"].case.reference),
        ("not_forwarded", march["undecided"].case.reference),
        ("late", march["late"].case.reference),
        ("not_acknowledged", march["late"].case.reference),
        ("not_forwarded", march["never"].case.reference),
    }
    assert not report.complete


def test_the_csv_export_carries_the_summary_and_every_gap(world, march):
    text = reconciliation_csv(monthly_reconciliation(world.program_a, 2026, 3))
    rows = list(csv.DictReader(io.StringIO(text)))
    summary = {r["item"]: r["value"] for r in rows if r["section"] == "summary"}
    assert summary["interactions"] == "7" and summary["screened"] == "6"
    assert summary["forwarded_on_time"] == "1" and summary["complete"] == "no"
    missing = [r for r in rows if r["section"] == "missing"]
    assert len(missing) == 6 and all(r["reference"] and r["detail"] for r in missing)


def test_a_clean_month_is_complete(world):
    sc = confirmed_case(world, "2026-03-02 14:00")
    forward_to_pv(sc, acting_user=world.agent_a)
    SafetyCase.objects.filter(pk=sc.pk).update(forwarded_at=at("2026-03-02 15:00"))
    sc.refresh_from_db()
    acknowledge_pv(sc, acting_user=world.safety_a)
    report = monthly_reconciliation(world.program_a, 2026, 3)
    assert report.complete and report.interactions == report.screened == 1
