"""Take the README screenshot: a case page of the agent workspace, from a fixed small data set.

    .venv/bin/python scripts/screenshot.py [--out docs/screenshot.png]

Loads a few records through the services (so the timeline and audit trail are the real thing)
into a throw-away SQLite database, serves it on a local port, logs in through the login form
with Debian's headless Chromium and saves the page. The server clock is pinned while loading
and the browser clock while shooting, so every run shows the same times and countdowns.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
START = datetime(2025, 3, 4, 19, 2, tzinfo=UTC)  # 14:02 in New York
SHOT_AT = START + timedelta(minutes=38)
PASSWORD = "screenshot-only password 42"  # noqa: S105
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class Clock:
    """A hand-moved clock standing in for `django.utils.timezone.now` while loading."""

    def __init__(self, start: datetime) -> None:
        self.at = start

    def __call__(self) -> datetime:
        return self.at

    def to(self, minutes: int) -> datetime:
        self.at = START + timedelta(minutes=minutes)
        return self.at


@contextmanager
def pinned(clock: Clock) -> Iterator[None]:
    references = iter(["CD-7K4QX2M", "CD-3HW9RTA", "CD-5PZ8MVB"])
    with (
        mock.patch("django.utils.timezone.now", clock),
        mock.patch("caredesk.cases.services.lifecycle.new_reference", lambda: next(references)),
    ):
        yield


def setup_django(data_dir: str) -> None:
    os.environ.update(
        CAREDESK_DATA_DIR=data_dir, CAREDESK_ENV="development", DJANGO_ALLOW_ASYNC_UNSAFE="true"
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "caredesk.settings")
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def load_catalog() -> dict[str, Any]:
    from caredesk.accounts.models import User
    from caredesk.routing.models import Queue, SlaPolicy
    from caredesk.tenancy.models import Client, Lot, Membership, Product, Program, Role

    client = Client.objects.create(name="Northwind Consumer Health")
    program = Program.objects.create(
        client=client, code="relievium-us", name="Relievium US", country="US"
    )
    product = Product.objects.create(
        program=program, name="Relievium", strength="200 mg tablets", product_type="otc_drug"
    )
    lot = Lot.objects.create(product=product, number="RLV2401A", units_distributed=48000)
    Queue.objects.create(program=program, code="consumer", name="Consumer line", is_default=True)
    for case_type in ("general_inquiry", "product_complaint"):
        SlaPolicy.objects.create(
            program=program,
            case_type=case_type,
            first_response_minutes=60,
            resolution_minutes=24 * 60,
            business_hours_only=False,
        )
    agent = User.objects.create_user("maria", password=PASSWORD, display_name="Maria Lopez")
    Membership.objects.create(user=agent, program=program, role=Role.CARE_SPECIALIST)
    return {"program": program, "product": product, "lot": lot, "agent": agent}


def load_case(clock: Clock, catalog: dict[str, Any]) -> int:
    from caredesk.cases.services.interactions import (
        AttachmentInput,
        InteractionInput,
        correct_interaction,
        log_interaction,
    )
    from caredesk.cases.services.lifecycle import CaseInput, assign_case, create_case
    from caredesk.cases.services.requests import add_request, resolve_request
    from caredesk.people.services.persons import PersonInput, create_person

    agent, program = catalog["agent"], catalog["program"]
    person = create_person(
        program,
        PersonInput(
            first_name="Dana",
            last_name="Whitfield",
            phones=["(617) 555-0182"],
            emails=["dana.whitfield@example.com"],
            preferred_channel="phone",
        ),
        acting_user=agent,
    )
    case = create_case(
        program,
        CaseInput(
            subject="Dosing question and a cracked blister pack",
            person=person,
            lot=catalog["lot"],
            priority=3,
        ),
        acting_user=agent,
    )
    assign_case(case, acting_user=agent, owner=agent)
    clock.to(2)
    call = log_interaction(
        case,
        InteractionInput(
            channel="phone",
            direction="inbound",
            body="Caller took two tablets at 9 am and asks whether she can take another dose "
            "before bed. She also found a cracked blister in the new pack; the tablet inside "
            "looks discoloured.",
        ),
        acting_user=agent,
    )
    clock.to(4)
    dose = add_request(
        case, kind="question", summary="Third dose within 24 hours?", acting_user=agent
    )
    add_request(
        case,
        kind="complaint",
        summary="Cracked blister, discoloured tablet (lot RLV2401A)",
        acting_user=agent,
        interaction=call,
    )
    clock.to(9)
    log_interaction(
        case,
        InteractionInput(
            channel="phone",
            direction="outbound",
            body="Read the approved label text: no more than 6 tablets in 24 hours, at least "
            "4 hours apart. Asked her to keep the pack and send photos of the blister.",
        ),
        acting_user=agent,
    )
    resolve_request(case, dose.pk, resolution="Answered from the label", acting_user=agent)
    clock.to(12)
    correct_interaction(
        call,
        body="Caller took two tablets at 8 am and asks whether she can take another dose "
        "before bed. She also found a cracked blister in the new pack; the tablet inside "
        "looks discoloured.",
        reason="Caller corrected the time of the first dose",
        acting_user=agent,
    )
    clock.to(31)
    log_interaction(
        case,
        InteractionInput(
            channel="email",
            direction="inbound",
            subject="Photos of the blister",
            body_html="<p>Hello, here are the photos you asked for. The pack is from "
            "<b>lot RLV2401A</b>.</p><p>Dana</p>",
            attachments=[
                AttachmentInput("blister-front.png", b"\x89PNG demo", "image/png"),
                AttachmentInput("blister-back.png", b"\x89PNG demo", "image/png"),
            ],
        ),
        acting_user=agent,
    )
    return case.pk


def serve() -> Any:
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.test.testcases import LiveServerThread

    server = LiveServerThread("127.0.0.1", StaticFilesHandler, port=0)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    return server


def shoot(base_url: str, case_id: int, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        context = browser.new_context(
            base_url=base_url, viewport={"width": 1280, "height": 900}, device_scale_factor=1
        )
        page = context.new_page()
        page.clock.set_fixed_time(SHOT_AT)
        page.goto("/accounts/login/")
        page.fill("#id_username", "maria")
        page.fill("#id_password", PASSWORD)
        page.click("form button[type=submit]")
        page.wait_for_url(lambda url: "/accounts/login" not in url)
        page.goto(f"/cases/{case_id}/")
        page.wait_for_load_state("networkidle")
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out), full_page=True)
        browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="caredesk-shot-") as data_dir:
        setup_django(data_dir)
        clock = Clock(START)
        with pinned(clock):
            case_id = load_case(clock, load_catalog())
        server = serve()
        try:
            shoot(f"http://127.0.0.1:{server.port}", case_id, args.out)
        finally:
            server.terminate()
    print(f"saved {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
