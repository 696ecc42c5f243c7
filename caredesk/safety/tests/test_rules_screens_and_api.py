"""The rule screens and API: the rule table in force with its VERIFY points, a program admin's
proposal, another admin's signed approval (a wrong password is a form error), "why this date"
on the safety case page and in the API, follow-up information through htmx, and the reports a
device complaint requires."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.test import Client

from caredesk.quality.models import Complaint
from caredesk.safety.models_rules import ProgramRule, ProgramRuleStatus
from caredesk.safety.services.rules_display import complaint_reports
from caredesk.safety.tests.test_reports_due_recomputed_only_when_a_fact_changes import valid_case
from caredesk.tenancy.models import Role
from caredesk.testing import factories as f
from caredesk.testing.api import ApiClient
from caredesk.testing.factories import PASSWORD
from caredesk.testing.mfa import login_with_mfa

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}

HANDOFF = {
    "name": "handoff-24h",
    "replaces": "",
    "kind": "internal_handoff_urgent",
    "jurisdiction": "US",
    "product_types": ["rx_drug"],
    "trigger": "initial",
    "when": "death or life_threatening",
    "clock": "24",
    "unit": "hours",
    "calendar": "",
    "citation": "SOP-PV-007",
    "basis": "fatal or life-threatening: hand to PV within 24 hours",
    "reason": "SOP-PV-007 §4",
}


def test_the_rule_table_shows_each_rule_with_its_citation_and_verify_points(world):
    client = login_with_mfa(Client(), world.admin_a)
    page = client.get("/safety/rules/").content.decode()
    assert "us-rx-15-day-alert" in page and "314.80(c)(1)(i)" in page
    assert "VERIFY" in page and "Propose a program rule" in page
    override = client.get("/safety/rules/propose/?replaces=us-device-5-day").content.decode()
    assert 'value="803.10(c)(2); 803.53(a)"' in override or "803.53(a)" in override


def test_a_proposal_is_approved_on_screen_by_another_admin_with_a_signature(world):
    second = f.member(world.program_a, Role.PROGRAM_ADMIN, username="admin2_a")
    author = login_with_mfa(Client(), world.admin_a)
    posted = author.post("/safety/rules/propose/", {**HANDOFF, "program": world.program_a.pk})
    assert posted.status_code == 302, posted.content.decode()[:2000]
    rule = ProgramRule.objects.get()
    approver = login_with_mfa(Client(), second)
    url = f"/safety/rules/program/{rule.pk}/"
    assert "Approve and sign" in approver.get(url).content.decode()
    wrong = approver.post(url + "approve/", {"password": "nope"})
    assert wrong.status_code == 422 and "wrong password" in wrong.content.decode()
    assert approver.post(url + "approve/", {"password": PASSWORD}).status_code == 302
    rule.refresh_from_db()
    assert rule.status == ProgramRuleStatus.APPROVED
    assert "Electronically signed by" in approver.get(url).content.decode()


def test_people_who_are_not_program_admins_cannot_propose(world):
    client = login_with_mfa(Client(), world.safety_a)
    assert client.get("/safety/rules/propose/").status_code == 403


def test_the_case_page_shows_why_each_date_and_records_follow_up_information(world):
    sc = valid_case(world, "I took Curixa and got a bad rash and was hospitalized.")
    client = login_with_mfa(Client(), world.safety_a)
    page = client.get(f"/safety/cases/{sc.pk}/").content.decode()
    assert 'id="reports"' in page and "us_rx_15_day_alert" in page
    assert "21 CFR 314.80(c)(1)(i)" in page and "Day 0 Mar 2, 2026 (not counted)" in page
    assert "if assessed expected (listed): us_rx_15_day_alert no longer required" in page
    assert "rules v1" in page
    answer = client.post(
        f"/safety/cases/{sc.pk}/follow-up-information/",
        {"received_on": "2026-03-20", "summary": "Discharged", "significant": "on"},
        **HX,
    )
    panel = answer.content.decode()
    assert answer.status_code == 200 and "us_rx_15_day_follow_up" in panel
    assert "Apr 4, 2026" in panel


def test_the_api_explains_each_report_and_takes_program_rules(world):
    sc = valid_case(world, "I took Curixa and got a bad rash and was hospitalized.")
    api = ApiClient(world.safety_a)
    body = api.get(f"/safety-cases/{sc.pk}/reports-due").json()
    [report] = body["reports"]
    assert report["kind"] == "us_rx_15_day_alert" and report["due"] == "2026-03-17"
    assert report["rule_version"] == "rules v1" and report["clock"] == "15 calendar days"
    assert report["day_zero"] == "2026-03-02" and report["what_would_change_it"]
    assert api.get("/safety/rules").json()["version"] == 1
    payload = {**HANDOFF, "clock": 24, "program_id": world.program_a.pk}
    refused = api.post("/safety/program-rules", payload)
    assert refused.status_code == 403  # a safety specialist is not a program admin
    created = ApiClient(world.admin_a).post("/safety/program-rules", payload)
    assert created.status_code == 201, created.content
    second = f.member(world.program_a, Role.PROGRAM_ADMIN, username="admin2_a")
    approved = ApiClient(second).post(
        f"/safety/program-rules/{created.json()['id']}/approve", {"password": PASSWORD}
    )
    assert approved.status_code == 200 and approved.json()["status"] == "approved"


def test_a_device_complaint_judged_reportable_requires_the_30_day_report(world):
    pump = f.ProductFactory(program=world.program_a, name="Gluco pump", product_type="device")
    complaint = Complaint.objects.create(  # scoping: ok (test data)
        program=world.program_a,
        case=world.case_a,
        interaction=f.InteractionFactory(case=world.case_a),
        received_at=datetime(2026, 3, 2, 14, 0, tzinfo=UTC),
        product=pump,
        nature="The pump stopped delivering insulin",
        created_at=datetime(2026, 3, 2, 14, 0, tzinfo=UTC),
    )
    pending = complaint_reports(complaint)
    assert pending.reports == [] and any("malfunction" in w.text for w in pending.would_add)
    complaint.reportability = "reportable"
    complaint.save()
    [report] = complaint_reports(complaint).reports
    assert (report.kind, report.due) == ("us_device_30_day", date(2026, 4, 1))
    body = ApiClient(world.agent_a).get(f"/complaints/{complaint.pk}/reports-due").json()
    assert body["reports"][0]["kind"] == "us_device_30_day"
    from django.template import Context, Template

    html = Template("{% load safety_rules %}{% complaint_reports_due c %}").render(
        Context({"c": complaint})
    )
    assert "us_device_30_day" in html and "21 CFR 803.10(c)(1)" in html
