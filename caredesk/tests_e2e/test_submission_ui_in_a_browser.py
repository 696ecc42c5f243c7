"""A safety specialist signs in with the second factor, opens a complete safety case, prepares
the E2B(R3) submission, signs it (a wrong password first: refused), sends it through the local
gateway and uploads FDA's acknowledgement, all in the panel without a page reload."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from caredesk.safety.e2b.schema_files import EXAMPLES_DIR
from caredesk.safety.models_submission import Submission
from caredesk.safety.tests.complete_case import complete_safety_case
from caredesk.testing.browser import log_in_with_mfa
from caredesk.testing.factories import PASSWORD

pytestmark = pytest.mark.e2e

INSTANCES = EXAMPLES_DIR


def ack_file(submission: Submission, tmp_path: Path) -> Path:
    text = (INSTANCES / "R3ack-positive.ack").read_text(encoding="utf-8")
    for element, value in (
        ("targetMessage", submission.message_number),
        ("targetBatch", submission.batch_number),
    ):
        text = re.sub(rf'(<{element}>\s*<id extension=")[^"]*', rf"\g<1>{value}", text)
    path = tmp_path / "ack.xml"
    path.write_text(text, encoding="utf-8")
    return path


def test_prepare_sign_send_and_acknowledge_a_submission(page, world, settings, tmp_path) -> None:
    settings.GATEWAY, settings.GATEWAY_DIR = "local", tmp_path / "gateway"
    sc = complete_safety_case(world)
    log_in_with_mfa(page, world.safety_a)
    page.goto(f"/safety/cases/{sc.pk}/")
    panel = page.locator("#submissions")
    page.evaluate("window.__sameDocument = true")

    page.select_option("#submission-kind", "e2b")
    page.click("#prepare-submission button[type=submit]")
    expect(panel.locator(".sub-status")).to_have_text("Draft")
    submission = Submission.objects.system_scope().get(safety_case=sc)

    page.fill(f"#sign-{submission.pk}-password", "not my password")
    page.click(f"#sign-{submission.pk} button[type=submit]")
    expect(page.locator("#submission-error")).to_contain_text("wrong password")
    page.fill(f"#sign-{submission.pk}-password", PASSWORD)
    page.click(f"#sign-{submission.pk} button[type=submit]")
    expect(panel.locator(".sub-status")).to_have_text("Signed")
    expect(panel.locator(".manifestation")).to_contain_text("Approved for submission")

    page.click(f"#send-{submission.pk}")
    expect(panel.locator(".sub-status")).to_have_text("Sent")
    outbox = tmp_path / "gateway/outbox" / world.program_a.code / f"{submission.message_number}.xml"
    assert outbox.exists()

    page.set_input_files(f"#ack-{submission.pk}-file", str(ack_file(submission, tmp_path)))
    page.click(f"#ack-{submission.pk} button[type=submit]")
    expect(panel.locator(".sub-status")).to_have_text("Acknowledged")
    expect(panel).to_contain_text("CA")
    assert page.evaluate("window.__sameDocument === true"), "the page was reloaded"
