"""An agent logs in, finds a caller, opens the case and logs the call without a page reload;
another program's case is the 404 page."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from caredesk.testing.factories import PASSWORD

pytestmark = pytest.mark.e2e


def log_in(page: Any, username: str) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login" not in url)


def test_agent_finds_the_caller_and_logs_a_phone_call(page, world) -> None:
    log_in(page, world.agent_a.username)
    page.click("nav >> text=People")
    page.fill("#id_q", "Pharma")
    page.click("#results >> text=Ana Pharma")
    expect(page.locator("h1")).to_have_text("Ana Pharma")
    page.click(f"text={world.case_a.reference}")
    expect(page.locator("#case-header")).to_contain_text(world.case_a.subject)

    page.evaluate("window.__sameDocument = true")
    page.click("#interaction-form button[type=submit]")  # nothing said yet: the service refuses
    expect(page.locator("#interaction_body_error")).to_contain_text("needs text")
    page.select_option("#interaction_channel", "phone")
    page.select_option("#interaction_direction", "inbound")
    page.fill("#interaction_body", "Caller asks whether two tablets at once is safe")
    page.click("#interaction-form button[type=submit]")
    expect(page.locator("#timeline")).to_contain_text("two tablets at once")
    expect(page.locator("#case-header .status")).to_have_text("Open")
    assert page.evaluate("window.__sameDocument === true"), "the page was reloaded"
    expect(page.locator("#interaction_body")).to_have_value("")


def test_another_programs_case_is_the_not_found_page(page, world) -> None:
    log_in(page, world.agent_a.username)
    response = page.goto(f"/cases/{world.case_b.pk}/")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text("Not found")
    expect(page.locator("body")).not_to_contain_text(world.case_b.subject)
