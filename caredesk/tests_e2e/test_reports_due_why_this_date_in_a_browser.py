"""A safety specialist opens a valid serious case and reads why its report is due when it is
(rule, citation, Day 0, calendar, what would change it), then records significant follow-up
information: the follow-up report appears in the panel without a page reload."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from caredesk.safety.tests.test_reports_due_recomputed_only_when_a_fact_changes import valid_case
from caredesk.testing.browser import log_in_with_mfa

pytestmark = pytest.mark.e2e


def test_why_this_date_and_a_follow_up_clock_in_the_browser(page, world) -> None:
    sc = valid_case(world, "I took Curixa and got a bad rash and was hospitalized.")
    log_in_with_mfa(page, world.safety_a)
    page.goto(f"/safety/cases/{sc.pk}/")
    panel = page.locator("#reports")
    expect(panel).to_contain_text("us_rx_15_day_alert")
    expect(panel).to_contain_text("Mar 17, 2026")
    expect(panel).to_contain_text("21 CFR 314.80(c)(1)(i)")
    expect(panel).to_contain_text("Day 0 Mar 2, 2026 (not counted)")
    expect(panel).to_contain_text("if assessed expected (listed)")
    page.evaluate("window.__sameDocument = true")
    page.fill("#fui_received_on", "2026-03-20")
    page.fill("#fui_summary", "Discharged home; rash resolving")
    panel.locator("button[type=submit]").click()
    expect(page.locator("#reports")).to_contain_text("us_rx_15_day_follow_up")
    expect(page.locator("#reports")).to_contain_text("Apr 4, 2026")
    assert page.evaluate("window.__sameDocument") is True


def test_a_second_admin_signs_a_program_rule_in_the_browser(page, world) -> None:
    from caredesk.safety.models_rules import ProgramRule
    from caredesk.safety.services.rules_program import propose_program_rule
    from caredesk.safety.tests.test_rules_program_override_needs_a_signed_second_admin import (
        HANDOFF_24H,
    )
    from caredesk.tenancy.models import Role
    from caredesk.testing import factories as f
    from caredesk.testing.factories import PASSWORD

    second = f.member(world.program_a, Role.PROGRAM_ADMIN, username="admin2_a")
    rule = propose_program_rule(
        world.program_a, acting_user=world.admin_a, name="handoff", entry=HANDOFF_24H, reason="SOP"
    )
    log_in_with_mfa(page, second)
    page.goto(f"/safety/rules/program/{rule.pk}/")
    page.fill("#id_password", "not my password")
    page.click("#decide form:first-of-type button[type=submit]")
    expect(page.locator("#decide")).to_contain_text("wrong password")
    page.fill("#id_password", PASSWORD)
    page.click("#decide form:first-of-type button[type=submit]")
    expect(page.locator("#program-rule")).to_contain_text("Electronically signed by")
    assert ProgramRule.objects.system_scope().get(pk=rule.pk).status == "approved"
