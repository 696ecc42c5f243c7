"""A safety specialist opens the due-report calendar from the safety queue: the overdue report
leads, a filter narrows the list and the month view shows the report on its day, without a
page reload; a late reason is recorded in place."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from playwright.sync_api import expect

from caredesk.safety.tests.oversight_data import NY, report, safety_case
from caredesk.testing.browser import log_in_with_mfa

pytestmark = pytest.mark.e2e


def test_overdue_first_filters_month_view_and_a_late_reason(page: Any, world: Any) -> None:
    now = datetime.now(NY)
    today = now.date()
    late = safety_case(world.program_a, now - timedelta(days=10), forwarded_at=now)
    overdue = report(late, "us_otc_serious", today - timedelta(days=3))
    soon = safety_case(world.program_a, now - timedelta(days=1), forwarded_at=now)
    report(soon, "us_supplement_serious", today + timedelta(days=5))
    eu = safety_case(world.program_a, now, forwarded_at=now, jurisdiction="EU")
    report(eu, "eu_serious", today + timedelta(days=2))

    log_in_with_mfa(page, world.safety_a)
    page.goto("/safety/")
    page.click("text=Due reports")
    rows = page.locator("table.due-reports tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.first).to_contain_text("OVERDUE 3 days")
    expect(rows.first).to_contain_text("us_otc_serious")

    page.evaluate("window.__sameDocument = true")
    page.select_option("#cal-jurisdiction", "EU")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("eu_serious")
    page.select_option("#cal-jurisdiction", "")
    expect(rows).to_have_count(3)

    page.fill("input[name=month]", overdue.due.strftime("%Y-%m"))
    page.select_option("#cal-view", "month")
    day = page.locator(f'td[data-day="{overdue.due.isoformat()}"]')
    expect(day).to_contain_text("us_otc_serious")
    expect(day.locator(".cal-item.st-overdue")).to_have_count(1)
    assert page.evaluate("window.__sameDocument === true"), "the page was reloaded"

    page.select_option("#cal-view", "list")
    first = page.locator("table.due-reports tbody tr").first
    first.locator("summary").click()
    first.locator("textarea[name=reason]").fill("Awaiting the retail label copy")
    first.locator("button[type=submit]").click()
    expect(page.locator(f"#late-reason-{overdue.pk}")).to_contain_text("Awaiting the retail")
    assert page.evaluate("window.__sameDocument === true"), "the page was reloaded"
