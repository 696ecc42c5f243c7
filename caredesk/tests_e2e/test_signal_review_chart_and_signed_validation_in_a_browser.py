"""A safety specialist opens the Signals page, picks an agent-flagged signal, sees its chart
drawn by Chart.js (our vendored copy) with the flagged lot's reporters, starts the review and
validates the signal with a reason and a re-entered password, all in place (htmx)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from caredesk.insights.models import CandidateSignal, SignalStatus
from caredesk.insights.services.candidates import flag_case
from caredesk.testing.browser import log_in_with_mfa
from caredesk.testing.factories import PASSWORD

pytestmark = pytest.mark.e2e


def test_the_chart_renders_and_the_signal_is_validated_with_a_signature(page: Any, world: Any):
    signal = flag_case(
        world.case_a, acting_user=world.agent_a, note="third caller", event="dizziness"
    )
    log_in_with_mfa(page, world.safety_a)
    page.goto("/insights/signals/")
    page.click(f"a[href='/insights/signals/{signal.pk}/']")

    canvas = page.locator("canvas#signal-chart")
    expect(canvas).to_have_attribute("data-rendered", "true")
    assert int(canvas.get_attribute("data-points")) > 0
    drawn = page.evaluate(
        "() => { const c = Chart.getChart('signal-chart');"
        " return {type: c.config.type, lots: c.data.datasets.map(d => d.label),"
        " total: c.data.datasets.flatMap(d => d.data).reduce((a, b) => a + b, 0)}; }"
    )
    assert drawn == {"type": "bar", "lots": [world.lot_a.number], "total": 1}
    box = canvas.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 200

    page.evaluate("window.__sameDocument = true")
    page.click("#start-review")
    expect(page.locator("#signal-review .review-status")).to_have_text("Under review")
    page.select_option("#id_outcome", "validated")
    page.fill("#id_reason", "Three callers, one lot: confirmed with QA")
    page.fill("#id_password", PASSWORD)
    page.click("#close-signal")
    expect(page.locator("#signal-review .review-status")).to_have_text("Validated signal")
    expect(page.locator("#signal-signature")).to_contain_text("Signed by")
    assert page.evaluate("window.__sameDocument === true"), "the page was reloaded"
    signal = CandidateSignal.objects.get(pk=signal.pk)
    assert signal.status == SignalStatus.VALIDATED and signal.signature_id
