"""In a real browser the quality specialist takes a complaint file from incomplete to closed on
one page without a reload (htmx swaps the file after each decision), and sends a return kit."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from caredesk.quality.models import Complaint, ComplaintStatus
from caredesk.tenancy.models import Role
from caredesk.testing import factories as f
from caredesk.testing.browser import log_in_with_mfa
from caredesk.testing.quality_objects import make_complaint

pytestmark = pytest.mark.e2e


def test_quality_closes_a_complaint_file_and_sends_a_return_kit(page, world) -> None:
    quality = f.member(world.program_a, Role.QUALITY_SPECIALIST, username="quality_a")
    complaint = make_complaint(
        interaction__case=world.case_a, complainant_address="9 Elm St, Springfield"
    )
    log_in_with_mfa(page, quality)
    page.goto(f"/quality/complaints/{complaint.pk}/")
    page.evaluate("window.__sameDocument = true")

    page.click("#close-form button[type=submit]")
    expect(page.locator("#close-form .errorlist")).to_contain_text("not complete")

    page.fill("#reportability_justification", "Cosmetic defect, no injury possible")
    page.click("#reportability-form button[type=submit]")
    expect(page.locator("#reportability-status")).to_contain_text("Not reportable")

    page.select_option("#decision_investigate", "no")
    page.fill("#decision_justification", "Covered by the investigation of complaint 118")
    page.click("#decision-form button[type=submit]")
    expect(page.locator("#investigation-status")).to_contain_text("No investigation (justified)")

    page.fill("#reply_text", "Apologised; a return kit is on its way.")
    page.click("#reply-form button[type=submit]")
    expect(page.locator("#reply-status")).to_contain_text("return kit is on its way")

    page.click("#shipments summary")
    page.select_option("#shipment_kind", "return_kit")
    page.click("#shipment-request-form button[type=submit]")
    expect(page.locator("#shipments")).to_contain_text("9 Elm St")
    page.click("#shipments form.step-approved button")
    expect(page.locator("#shipments .status")).to_have_text("Approved")

    page.click("#close-form button[type=submit]")
    expect(page.locator("#closed-status")).to_contain_text("Closed")
    assert page.evaluate("window.__sameDocument === true"), "the page was reloaded"
    saved = Complaint.objects.system_scope().get(pk=complaint.pk)
    assert saved.status == ComplaintStatus.CLOSED
