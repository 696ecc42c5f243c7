"""The inbox shows each case's SLA due time as a live countdown in the browser: time left for a
case still in time, "overdue" for a late one (issue 2, agent workspace)."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from caredesk.testing import factories as f
from caredesk.tests_e2e.test_agent_workspace_in_a_browser import log_in

pytestmark = pytest.mark.e2e


def test_the_inbox_counts_down_to_each_due_time(page: Any, world: Any) -> None:
    now = timezone.now()
    soon = f.CaseFactory(program=world.program_a, subject="Due in three hours")
    soon.first_response_due = now + timedelta(hours=3, minutes=10)
    soon.save()
    late = f.CaseFactory(program=world.program_a, subject="Answer was due an hour ago")
    late.first_response_due = now - timedelta(hours=1, minutes=5)
    late.save()
    log_in(page, world.agent_a.username)
    page.goto("/")
    soon_row = page.locator("tr", has_text=soon.subject)
    late_row = page.locator("tr", has_text=late.subject)
    expect(soon_row.locator("time.countdown")).to_have_text(re.compile(r"^3h (9|10)m left$"))
    expect(late_row.locator("time.countdown")).to_have_text(re.compile(r"^overdue 1h (5|6)m$"))
