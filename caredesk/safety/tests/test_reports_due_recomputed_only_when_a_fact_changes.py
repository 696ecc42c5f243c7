"""A safety case's report deadlines record the rule version they came from; a later rule change
never moves them; a change of the case's own facts (seriousness upgraded, death reported,
expectedness assessed, a malfunction judged reportable) recomputes them under the current rules
and writes old and new due date, rule and cause to the case timeline."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from caredesk.audit.models import AuditEvent
from caredesk.cases.models import TimelineEntry
from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.safety.models import FindingKind, SafetyCase
from caredesk.safety.models_rules import ReportRuleSet
from caredesk.safety.reportability.rules import RULES_FILE
from caredesk.safety.services.findings import confirm_finding
from caredesk.safety.services.handoff import set_assessment
from caredesk.safety.services.rules import load_rule_file
from caredesk.safety.services.safety_cases import record_criterion
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db

MONDAY = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)  # Day 0: 2 March 2026 in New York


def valid_case(world, body: str, product_type: str = "rx_drug", name: str = "Curixa"):
    f.ProductFactory(program=world.program_a, name=name, product_type=product_type)
    data = InteractionInput(
        channel="phone", direction="inbound", body=body, occurred_at=MONDAY, received_at=MONDAY
    )
    call = log_interaction(world.case_a, data, acting_user=world.agent_a)
    finding = call.findings.get(kind=FindingKind.ADVERSE_EVENT)
    confirm_finding(finding, acting_user=world.agent_a)
    sc = SafetyCase.objects.get(pk=finding.safety_case_id)
    record_criterion(sc, "patient", evidence="caller, 40s", source=call, acting_user=world.agent_a)
    return sc


def deadline_notes(sc):
    return list(
        TimelineEntry.objects.filter(case=sc.case, data__type="report_deadlines").order_by("pk")
    )


def test_each_deadline_names_its_rule_version_day_zero_and_calendar(world):
    sc = valid_case(world, "I took Curixa and got a bad rash and was hospitalized.")
    report = sc.reports.get()
    version = ReportRuleSet.objects.order_by("-version").first()
    assert (report.kind, report.due) == ("us_rx_15_day_alert", date(2026, 3, 17))
    assert report.rule_id == "us-rx-15-day-alert" and report.ruleset == version
    assert report.day_zero == date(2026, 3, 2) and report.trigger == "initial"
    assert "314.80" in report.citation and report.calendar.startswith("calendar days")
    assert (
        "if assessed expected (listed): us_rx_15_day_alert no longer required"
        in (report.explanation["what_ifs"])
    )


def test_a_new_rule_version_does_not_move_an_existing_cases_dates(world, tmp_path: Path):
    sc = valid_case(world, "I took Curixa and got a bad rash and was hospitalized.")
    before = sc.reports.get()
    shorter = tmp_path / "rules.yaml"
    text = RULES_FILE.read_text(encoding="utf-8")
    shorter.write_text(
        text.replace(
            "    when: serious_event and not expected\n    clock: 15\n",
            "    when: serious_event and not expected\n    clock: 10\n",
            1,
        ),
        encoding="utf-8",
    )
    new_version, created = load_rule_file(shorter)
    assert created and new_version.version == before.ruleset.version + 1
    # A save that changes none of the case's facts leaves the dates and their version alone.
    set_assessment(sc, narrative="Rash after Curixa.", acting_user=world.safety_a)
    after = sc.reports.get()
    assert (after.due, after.ruleset_id) == (before.due, before.ruleset_id)
    # A fact change recomputes under the new version and says so on the timeline.
    set_assessment(sc, seriousness=["hospitalization", "death"], acting_user=world.safety_a)
    recomputed = sc.reports.get()
    assert (recomputed.due, recomputed.ruleset) == (date(2026, 3, 12), new_version)
    note = deadline_notes(sc)[-1]
    assert note.data["cause"] == "death reported"
    assert note.data["changes"] == [
        {
            "kind": "us_rx_15_day_alert",
            "old_due": "2026-03-17",
            "new_due": "2026-03-12",
            "rule_id": "us-rx-15-day-alert",
            "rules_version": new_version.version,
            "program_rule_id": None,
        }
    ]
    assert "2026-03-17 → 2026-03-12" in note.summary and note.actor == world.safety_a


def test_loading_the_same_file_twice_adds_no_version(world):
    first, _ = load_rule_file()
    again, created = load_rule_file()
    assert not created and again == first
    assert first.rules.filter(rule_id="eu-mdr-death-or-unanticipated").get().clock == 10


def test_expectedness_assessed_removes_the_us_alert_and_says_why(world):
    sc = valid_case(world, "I took Curixa and got a bad rash and was hospitalized.")
    set_assessment(sc, expected=True, acting_user=world.safety_a)
    assert not sc.reports.exists()
    note = deadline_notes(sc)[-1]
    assert note.data["cause"] == "expectedness assessed: expected"
    assert note.data["changes"][0]["new_due"] is None
    assert AuditEvent.objects.filter(reason__startswith="deadlines recomputed").exists()


def test_a_malfunction_judged_reportable_starts_the_device_clock(world):
    sc = valid_case(world, "My Gluco pump stopped and I felt dizzy.", "device", "Gluco pump")
    assert sc.product_type == "device" and not sc.reports.exists()
    set_assessment(sc, report_flags={"malfunction": True}, acting_user=world.safety_a)
    assert [(r.kind, r.due) for r in sc.reports.all()] == [("us_device_30_day", date(2026, 4, 1))]
    assert deadline_notes(sc)[-1].data["cause"] == "malfunction judged reportable"
    set_assessment(sc, report_flags={"remedial_action": True}, acting_user=world.safety_a)
    assert [(r.kind, r.due) for r in sc.reports.all()] == [("us_device_5_day", date(2026, 3, 9))]


def test_seriousness_upgraded_starts_the_otc_clock_on_business_days(world):
    sc = valid_case(world, "I took Curixa and got a rash.", "otc_drug")
    assert not sc.reports.exists()
    set_assessment(sc, seriousness=["medically_important"], acting_user=world.safety_a)
    report = sc.reports.get()
    assert (report.kind, report.due) == ("us_otc_serious", date(2026, 3, 23))
    assert "business days" in report.calendar
    assert deadline_notes(sc)[-1].data["cause"] == "seriousness upgraded"
